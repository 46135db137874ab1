/*
 * The answer base: answers with the document they rest on, valid until a
 * day, with tags; found by words (src/db-fts.c cuts them) and ranked by
 * bm25, those in force before those needing review. An answer whose document was replaced, or past its day, reads as
 * needing review wherever it is shown.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "policy/policy.h"

/* Most answers a search scores by bm25 (see policy_find_query). */
#define POLICY_FIND_BUDGET	4000

/* Why an answer needs review, "" when it does not (a, d joined). */
#define POLICY_REVIEW \
	"CASE WHEN d.replaced_on IS NOT NULL" \
	" THEN '待复核：文件已替代 Review: document replaced'" \
	" WHEN a.valid_until < date('now', 'localtime')" \
	" THEN '待复核：已过有效期 Review: expired' ELSE '' END"

/* The columns of enum policy_answer_col, score ?S given. */
#define POLICY_ANSWER_SELECT(score) \
	"SELECT a.id, a.title, " POLICY_REVIEW ", d.doc_no, d.title," \
	" d.issued_on, a.valid_until, a.tags, coalesce(o.name_zh, '全省')," \
	" " score ", a.body FROM policy_answers a" \
	" JOIN policy_docs d ON d.id = a.doc_id" \
	" LEFT JOIN offices o ON o.id = a.office_id"

/* The scope of a read: a city sees the province's and its own. */
#define POLICY_ANSWER_SCOPE(p) \
	" (a.office_id IS NULL OR " p " = 0 OR a.office_id = " p ")"

static int64_t
policy_scope(const struct qd_user *actor)
{
	return role_has_office(actor->role) ? actor->office_id : 0;
}

/* Check an answer's fields; day gets valid_until (empty: in a year). */
static int
policy_answer_check(const struct policy_answer_new *na, char day[11],
    char **why)
{
	if (!policy_text_ok(na->title, 80)) {
		why_set(why, "标题 1 到 80 字 the title takes 1 to 80"
		    " characters");
		return QD_EINVAL;
	}
	if (!policy_text_ok(na->body, 2000)) {
		why_set(why, "答复正文 1 到 2000 字 the answer takes 1 to 2000"
		    " characters");
		return QD_EINVAL;
	}
	if (na->tags != NULL && *na->tags != '\0' &&
	    !policy_text_ok(na->tags, 120)) {
		why_set(why, "标签最多 120 字 tags take at most 120 characters");
		return QD_EINVAL;
	}
	if (na->valid_until == NULL || *na->valid_until == '\0') {
		why_set(why, "请填写有效期至 give the day it is valid until");
		return QD_EINVAL;
	}
	return idcheck_plan_day(na->valid_until, day, why);
}

int
db_policy_publish(sqlite3 *db, const struct qd_user *actor,
    const struct policy_answer_new *na, int64_t *id, char **why)
{
	sqlite3_stmt	*st;
	int64_t		 doc, doc_office;
	char		 day[11];
	int		 rc;

	*id = 0;
	if (!user_may(actor, "policy-answer write")) {
		why_set(why, "审计只能查看 the auditor reads, never changes");
		return QD_EDENIED;
	}
	if (na->local != role_has_office(actor->role)) {
		why_set(why, na->local ? "仅各地窗口或联络员发布本地政策信息 only"
		    " a city's clerk or liaison publishes local information" :
		    "全省答复由中心发布；各地请用 --local only the center publishes"
		    " for the province; an office adds --local");
		return QD_EDENIED;
	}
	if ((rc = policy_answer_check(na, day, why)) != QD_OK ||
	    (rc = policy_doc_find(db, actor, na->doc_no, &doc, &doc_office,
	    why)) != QD_OK)
		return rc;
	if (db_prepare(db, "INSERT INTO policy_answers (title, body, tags,"
	    " doc_id, valid_until, office_id, question_id, created_by)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", &st) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_text(st, 1, na->title, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, na->body, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, na->tags != NULL ? na->tags : "", -1,
	    SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 4, doc);
	sqlite3_bind_text(st, 5, day, -1, SQLITE_TRANSIENT);
	if (na->local)
		sqlite3_bind_int64(st, 6, actor->office_id);
	if (na->question_id != 0)
		sqlite3_bind_int64(st, 7, na->question_id);
	sqlite3_bind_text(st, 8, actor->login, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_DONE)
		*id = sqlite3_last_insert_rowid(db);
	else
		rc = db_fail(db, why);
	sqlite3_finalize(st);
	return rc;
}

/* The question's text and the center's reply, when it was replied to. */
static int
policy_reply_read(sqlite3 *db, int64_t qid, char **text, char **reply,
    char **why)
{
	sqlite3_stmt	*st;
	int		 step, rc = QD_OK;

	*text = *reply = NULL;
	if (db_prepare(db, "SELECT q.text, CASE WHEN q.reply <> '' THEN q.reply"
	    " ELSE (SELECT body FROM policy_answers WHERE id = q.answer_id)"
	    " END FROM policy_questions q WHERE q.id = ?1"
	    " AND q.state IN ('replied', 'notified')", &st) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int64(st, 1, qid);
	if ((step = sqlite3_step(st)) == SQLITE_ROW) {
		*text = db_column_strdup(st, 0);
		*reply = db_column_strdup(st, 1);
	} else if (step == SQLITE_DONE) {
		why_set(why, "咨询 %" PRId64 " 尚无中心答复 question %" PRId64
		    " has no reply of the center", qid, qid);
		rc = QD_ENOTFOUND;
	} else
		rc = db_fail(db, why);
	sqlite3_finalize(st);
	return rc;
}

int
db_policy_publish_reply(sqlite3 *db, const struct qd_user *actor,
    int64_t qid, const char *title, const char *doc_no,
    const char *valid_until, const char *tags, int64_t *id, char **why)
{
	struct policy_answer_new	 na = { 0 };
	char				*text = NULL, *reply = NULL;
	char				 until[24], today[11], *cut = NULL;
	int				 rc;

	*id = 0;
	if (!user_may(actor, "policy-question reply")) {
		why_set(why, "仅中心可把答复发布到答复库 only the center publishes"
		    " its replies to the base");
		return QD_EDENIED;
	}
	if ((rc = policy_reply_read(db, qid, &text, &reply, why)) != QD_OK)
		goto out;
	if (valid_until == NULL || *valid_until == '\0') {
		/* A year from today; the 29th of February has none. */
		idcheck_today(today);
		snprintf(until, sizeof until, "%04d%s", atoi(today) + 1,
		    strcmp(today + 4, "-02-29") == 0 ? "-02-28" : today + 4);
		valid_until = until;
	}
	if (title == NULL || *title == '\0')
		title = cut = xstrndup(text, text_fit(text, 160));
	na.title = title;
	na.body = reply;
	na.tags = tags;
	na.doc_no = doc_no;
	na.valid_until = valid_until;
	na.question_id = qid;
	rc = db_policy_publish(db, actor, &na, id, why);
out:
	free(text);
	free(reply);
	free(cut);
	return rc;
}

int
db_policy_withdraw(sqlite3 *db, const struct qd_user *actor, int64_t id,
    char **why)
{
	sqlite3_stmt	*st;
	int		 rc = QD_OK;

	if (!user_may(actor, "policy-answer write")) {
		why_set(why, "审计只能查看 the auditor reads, never changes");
		return QD_EDENIED;
	}
	if (db_prepare(db, "UPDATE policy_answers SET state = 'withdrawn',"
	    " action = 'withdraw', version = version + 1,"
	    " updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
	    " WHERE id = ?1 AND state = 'published'"
	    " AND coalesce(office_id, 0) = ?2", &st) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, policy_scope(actor));
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = db_fail(db, why);
	else if (sqlite3_changes(db) == 0) {
		why_set(why, "找不到可撤下的答复 %" PRId64 "（已撤下或不属于您）"
		    " no published answer %" PRId64 " of yours to withdraw", id,
		    id);
		rc = QD_ENOTFOUND;
	}
	sqlite3_finalize(st);
	return rc;
}

/*
 * The query of what was typed: its rarest words first, while the answers
 * holding them stay within POLICY_FIND_BUDGET, so bm25 scores a bounded
 * number of answers whatever the base's size. *ranked is 0 when even the
 * rarest word is in more answers than that: the newest of them are then
 * shown unranked, which a search can stop early for. NULL when no word.
 */
static char *
policy_find_query(sqlite3 *db, const char *text, int *ranked)
{
	sqlite3_stmt	*st = NULL;
	char		**words, **keep, *q;
	long long	 *df, sum = 0, t;
	size_t		  n, i, j, nkeep = 0;
	char		 *w;

	*ranked = 1;
	if ((n = fts_words(text, FTS_BIGRAM, &words)) == 0)
		return NULL;
	df = xcalloc(n, sizeof *df);
	if (db_prepare(db, "SELECT doc FROM policy_answers_vocab"
	    " WHERE term = ?1", &st) == QD_OK) {
		for (i = 0; i < n; i++) {
			sqlite3_bind_text(st, 1, words[i], -1, SQLITE_STATIC);
			df[i] = sqlite3_step(st) == SQLITE_ROW ?
			    sqlite3_column_int64(st, 0) : 0;
			sqlite3_reset(st);
		}
	}
	sqlite3_finalize(st);
	/* Few words: sort them by how common they are. */
	for (i = 1; i < n; i++) {
		for (j = i; j > 0 && df[j - 1] > df[j]; j--) {
			t = df[j], df[j] = df[j - 1], df[j - 1] = t;
			w = words[j], words[j] = words[j - 1], words[j - 1] = w;
		}
	}
	keep = xcalloc(n, sizeof *keep);
	for (i = 0; i < n; i++) {
		if (df[i] == 0 && i + 1 < n)
			continue;
		if (nkeep > 0 && sum + df[i] > POLICY_FIND_BUDGET)
			break;
		keep[nkeep++] = words[i];
		sum += df[i];
	}
	*ranked = sum <= POLICY_FIND_BUDGET;
	q = fts_or(keep, nkeep);
	free(keep);
	free(df);
	fts_words_free(words, n);
	return q;
}

int
db_policy_find(sqlite3 *db, const struct qd_user *actor, const char *text,
    int limit, struct db_rows *rows, char **why)
{
	sqlite3_stmt	*st;
	char		*query;
	int		 rc, ranked;

	if ((query = policy_find_query(db, text, &ranked)) == NULL) {
		why_set(why, "请输入要查找的字词 type words to search for");
		return QD_EINVAL;
	}
	if (db_prepare(db, ranked ?
	    POLICY_ANSWER_SELECT("printf('%.1f', -f.rank)")
	    " JOIN policy_answers_fts f ON f.rowid = a.id"
	    " WHERE policy_answers_fts MATCH ?1 AND a.state = 'published'"
	    " AND" POLICY_ANSWER_SCOPE("?2") " ORDER BY d.replaced_on IS NOT NULL"
	    " OR a.valid_until < date('now', 'localtime'), f.rank LIMIT ?3" :
	    POLICY_ANSWER_SELECT("''")
	    " JOIN policy_answers_fts f ON f.rowid = a.id"
	    " WHERE policy_answers_fts MATCH ?1 AND a.state = 'published'"
	    " AND" POLICY_ANSWER_SCOPE("?2") " ORDER BY f.rowid DESC LIMIT ?3",
	    &st) != QD_OK) {
		free(query);
		return db_fail(db, why);
	}
	sqlite3_bind_text(st, 1, query, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, policy_scope(actor));
	sqlite3_bind_int(st, 3, limit > 0 ? limit : 20);
	rc = db_rows_read(db, st, POLICY_ANSWER_NCOLS, rows, why);
	sqlite3_finalize(st);
	free(query);
	return rc;
}

int
db_policy_answer_get(sqlite3 *db, const struct qd_user *actor, int64_t id,
    struct db_rows *rows, char **why)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (db_prepare(db, POLICY_ANSWER_SELECT("a.state")
	    " WHERE a.id = ?1 AND" POLICY_ANSWER_SCOPE("?2"), &st) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, policy_scope(actor));
	rc = db_rows_read(db, st, POLICY_ANSWER_NCOLS, rows, why);
	sqlite3_finalize(st);
	if (rc == QD_OK && rows->n == 0) {
		why_set(why, "找不到答复 %" PRId64 " no answer %" PRId64, id, id);
		rc = QD_ENOTFOUND;
	}
	return rc;
}

int
db_policy_review_list(sqlite3 *db, const struct qd_user *actor, int limit,
    struct db_rows *rows, char **why)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (db_prepare(db, POLICY_ANSWER_SELECT("''")
	    " WHERE a.state = 'published' AND (d.replaced_on IS NOT NULL"
	    " OR a.valid_until < date('now', 'localtime')) AND"
	    POLICY_ANSWER_SCOPE("?1") " ORDER BY a.valid_until, a.id LIMIT ?2",
	    &st) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int64(st, 1, policy_scope(actor));
	sqlite3_bind_int(st, 2, limit > 0 ? limit : 100);
	rc = db_rows_read(db, st, POLICY_ANSWER_NCOLS, rows, why);
	sqlite3_finalize(st);
	return rc;
}
