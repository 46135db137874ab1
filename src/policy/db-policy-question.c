/*
 * Questions at the window (政策咨询): recorded by a city, answered on the
 * spot with an answer of the base or forwarded to the center, whose reply
 * comes back to the city's inbox and notice outbox (the schema writes
 * both rows in the reply's transaction).
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "policy/policy.h"

static const char *const policy_channels[] = { "window", "phone", "online" };

int
db_policy_ask(sqlite3 *db, const struct qd_user *actor,
    const struct policy_question_new *nq, int64_t *id, char **why)
{
	sqlite3_stmt	*st;
	const char	*channel = nq->channel != NULL ? nq->channel : "window";
	size_t		 i;
	int		 rc = QD_OK;

	*id = 0;
	if (!role_has_office(actor->role)) {
		why_set(why, "咨询由各地窗口登记 questions are recorded by an"
		    " office's clerk or liaison");
		return QD_EDENIED;
	}
	if (!policy_text_ok(nq->text, 500)) {
		why_set(why, "咨询内容 1 到 500 字 a question takes 1 to 500"
		    " characters");
		return QD_EINVAL;
	}
	for (i = 0; i < nitems(policy_channels); i++) {
		if (strcmp(channel, policy_channels[i]) == 0)
			break;
	}
	if (i == nitems(policy_channels)) {
		why_set(why, "渠道为 window（窗口）、phone（电话）或 online（网上）"
		    " the channel is window, phone or online");
		return QD_EINVAL;
	}
	if (nq->contact != NULL && *nq->contact != '\0' &&
	    !policy_text_ok(nq->contact, 80)) {
		why_set(why, "联系方式最多 80 字 the contact takes at most 80"
		    " characters");
		return QD_EINVAL;
	}
	if (db_prepare(db, "INSERT INTO policy_questions (office_id,"
	    " applicant_id, channel, text, contact, created_by)"
	    " SELECT ?1, ?2, ?3, ?4, ?5, ?6 WHERE ?2 IS NULL OR EXISTS"
	    " (SELECT 1 FROM applicants a WHERE a.id = ?2 AND (a.office_id = ?1"
	    " OR EXISTS (SELECT 1 FROM cases c WHERE c.applicant_id = a.id"
	    " AND c.office_id = ?1)))", &st) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int64(st, 1, actor->office_id);
	if (nq->applicant_id != 0)
		sqlite3_bind_int64(st, 2, nq->applicant_id);
	sqlite3_bind_text(st, 3, channel, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, nq->text, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, nq->contact != NULL ? nq->contact : "", -1,
	    SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 6, actor->login, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = db_fail(db, why);
	else if (sqlite3_changes(db) == 0) {
		why_set(why, "找不到台胞 %" PRId64 " no applicant %" PRId64
		    " (or not of your office)", nq->applicant_id,
		    nq->applicant_id);
		rc = QD_ENOTFOUND;
	} else
		*id = sqlite3_last_insert_rowid(db);
	sqlite3_finalize(st);
	return rc;
}

/*
 * Move question qid by action, setting the answer aid (0: keep) and the
 * reply text (NULL: keep). The role's checks are the callers'; the
 * state's and the office's the statement's and the schema's.
 */
static int
policy_question_move(sqlite3 *db, const struct qd_user *actor, int64_t qid,
    const char *action, int64_t aid, const char *reply, char **why)
{
	sqlite3_stmt	*st;
	int		 rc = QD_OK;

	if (db_prepare(db, "UPDATE policy_questions SET state = (SELECT"
	    " t.to_state FROM policy_question_transitions t WHERE"
	    " t.action = ?2 AND t.from_state = policy_questions.state"
	    " AND t.role = ?3), action = ?2, answer_id = coalesce(?4, answer_id),"
	    " reply = coalesce(?5, reply), version = version + 1,"
	    " forwarded_at = CASE WHEN ?2 = 'forward'"
	    " THEN strftime('%Y-%m-%dT%H:%M:%fZ', 'now') ELSE forwarded_at END,"
	    " replied_by = CASE WHEN ?2 = 'reply' THEN ?7 ELSE replied_by END,"
	    " replied_at = CASE WHEN ?2 = 'reply'"
	    " THEN strftime('%Y-%m-%dT%H:%M:%fZ', 'now') ELSE replied_at END,"
	    " updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
	    " WHERE id = ?1 AND (?6 = 0 OR office_id = ?6) AND EXISTS"
	    " (SELECT 1 FROM policy_question_transitions t WHERE"
	    " t.action = ?2 AND t.from_state = policy_questions.state"
	    " AND t.role = ?3)", &st) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int64(st, 1, qid);
	sqlite3_bind_text(st, 2, action, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, role_name(actor->role == ROLE_ADMIN ?
	    ROLE_CENTER : actor->role), -1, SQLITE_STATIC);
	if (aid != 0)
		sqlite3_bind_int64(st, 4, aid);
	if (reply != NULL)
		sqlite3_bind_text(st, 5, reply, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 6, role_has_office(actor->role) ?
	    actor->office_id : 0);
	sqlite3_bind_text(st, 7, actor->login, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = db_fail(db, why);
	else if (sqlite3_changes(db) == 0) {
		why_set(why, "咨询 %" PRId64 " 不存在、不属于本办公室，或当前状态不能"
		    "“%s” question %" PRId64 " is not there, not your office's,"
		    " or cannot be %s now", qid, action, qid, action);
		rc = QD_EINVAL;
	}
	sqlite3_finalize(st);
	return rc;
}

int
db_policy_answer_here(sqlite3 *db, const struct qd_user *actor, int64_t qid,
    int64_t aid, char **why)
{
	if (!role_has_office(actor->role)) {
		why_set(why, "当场答复由窗口记录 the window records answers given"
		    " on the spot");
		return QD_EDENIED;
	}
	if (aid <= 0) {
		why_set(why, "请选择所用的答复 give the answer used");
		return QD_EINVAL;
	}
	return policy_question_move(db, actor, qid, "answer", aid, NULL, why);
}

int
db_policy_forward(sqlite3 *db, const struct qd_user *actor, int64_t qid,
    char **why)
{
	if (!role_has_office(actor->role)) {
		why_set(why, "由各地窗口转中心 an office forwards its questions");
		return QD_EDENIED;
	}
	return policy_question_move(db, actor, qid, "forward", 0, NULL, why);
}

int
db_policy_reply(sqlite3 *db, const struct qd_user *actor, int64_t qid,
    const char *text, int64_t aid, char **why)
{
	if (!user_may(actor, "policy-question reply")) {
		why_set(why, "仅中心可答复转来的咨询 only the center replies to"
		    " forwarded questions");
		return QD_EDENIED;
	}
	if ((text == NULL || *text == '\0') && aid <= 0) {
		why_set(why, "请填写答复或选择答复库中的答复 write a reply or give"
		    " an answer of the base");
		return QD_EINVAL;
	}
	if (text != NULL && *text != '\0' && !policy_text_ok(text, 2000)) {
		why_set(why, "答复 1 到 2000 字 a reply takes 1 to 2000"
		    " characters");
		return QD_EINVAL;
	}
	return policy_question_move(db, actor, qid, "reply", aid, text != NULL &&
	    *text != '\0' ? text : NULL, why);
}

int
db_policy_notify(sqlite3 *db, const struct qd_user *actor, int64_t qid,
    char **why)
{
	int	 rc;

	if (!role_has_office(actor->role)) {
		why_set(why, "由各地窗口告知台胞 an office tells its applicants");
		return QD_EDENIED;
	}
	if (db_begin(db) != QD_OK)
		return db_fail(db, why);
	if ((rc = db_policy_inbox_read(db, actor, qid, why)) == QD_OK &&
	    (rc = policy_question_move(db, actor, qid, "notify", 0, NULL,
	    why)) == QD_OK && db_commit(db) != QD_OK)
		rc = db_fail(db, why);
	if (rc != QD_OK)
		db_rollback(db);
	return rc;
}

int
db_policy_inbox_read(sqlite3 *db, const struct qd_user *actor, int64_t qid,
    char **why)
{
	sqlite3_stmt	*st;
	int		 rc = QD_OK;

	if (!role_has_office(actor->role))
		return QD_OK;
	if (db_prepare(db, "UPDATE policy_inbox SET"
	    " read_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), read_by = ?3"
	    " WHERE question_id = ?1 AND office_id = ?2 AND read_at IS NULL",
	    &st) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int64(st, 1, qid);
	sqlite3_bind_int64(st, 2, actor->office_id);
	sqlite3_bind_text(st, 3, actor->login, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = db_fail(db, why);
	sqlite3_finalize(st);
	return rc;
}

/* The columns of enum policy_question_col; the WHERE follows. */
#define POLICY_Q_SELECT \
	"SELECT q.id, o.name_zh, q.channel, q.text," \
	" s.name_zh || ' ' || s.name_en, q.state, coalesce(a.title, '')," \
	" q.reply, q.created_at," \
	" coalesce((SELECT CASE WHEN i.read_at IS NULL THEN '未读 unread'" \
	" ELSE '已读 read' END FROM policy_inbox i WHERE i.question_id = q.id" \
	" ORDER BY i.id DESC LIMIT 1), '')," \
	" coalesce((SELECT n.status FROM policy_notices n" \
	" WHERE n.question_id = q.id ORDER BY n.id DESC LIMIT 1), '')," \
	" q.contact, q.version FROM policy_questions q" \
	" JOIN offices o ON o.id = q.office_id" \
	" JOIN policy_question_states s ON s.state = q.state" \
	" LEFT JOIN policy_answers a ON a.id = q.answer_id" \
	" WHERE (?1 = 0 OR q.office_id = ?1)"

int
db_policy_question_list(sqlite3 *db, const struct qd_user *actor,
    const char *queue, int limit, struct db_rows *rows, char **why)
{
	sqlite3_stmt	*st;
	const char	*sql;
	int		 rc;

	if (queue == NULL || strcmp(queue, "all") == 0)
		sql = POLICY_Q_SELECT " ORDER BY q.id DESC LIMIT ?2";
	else if (strcmp(queue, "open") == 0)
		sql = POLICY_Q_SELECT " AND q.state = 'open'"
		    " ORDER BY q.id DESC LIMIT ?2";
	else if (strcmp(queue, "forwarded") == 0)
		sql = POLICY_Q_SELECT " AND q.state = 'forwarded'"
		    " ORDER BY q.forwarded_at, q.id LIMIT ?2";
	else if (strcmp(queue, "inbox") == 0)
		sql = POLICY_Q_SELECT " AND q.state IN ('replied', 'notified')"
		    " ORDER BY q.state = 'notified', q.replied_at DESC LIMIT ?2";
	else {
		why_set(why, "队列为 open、forwarded、inbox 或 all the queue is"
		    " open, forwarded, inbox or all");
		return QD_EINVAL;
	}
	if (db_prepare(db, sql, &st) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int64(st, 1, role_has_office(actor->role) ?
	    actor->office_id : 0);
	sqlite3_bind_int(st, 2, limit > 0 ? limit : 100);
	rc = db_rows_read(db, st, POLICY_Q_NCOLS, rows, why);
	sqlite3_finalize(st);
	return rc;
}
