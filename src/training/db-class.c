/*
 * Class plans (办班计划): the center drafts a class (provider,
 * occupation, level, dates, hours, place or online, seats, enrolment
 * window, fee), optionally gives cities quotas out of its seats, and moves
 * it through its states as training_class_transitions allows: publishing
 * tells every city and the people whose reported needs match (schema).
 */
#include <stdlib.h>
#include <string.h>

#include "training/training.h"

const struct cmd_column training_class_columns[] = {
	{ "id", "ID", CMD_NUMBER, 0, 0 },
	{ "title", "TITLE", CMD_STRING, 0, 24 },
	{ "provider", "PROVIDER", CMD_STRING, 0, 16 },
	{ "occupation", "OCCUPATION", CMD_STRING, 0, 12 },
	{ "level", "LEVEL", CMD_NUMBER, 0, 0 },
	{ "starts_on", "STARTS", CMD_STRING, 0, 0 },
	{ "ends_on", "ENDS", CMD_STRING, CMD_NOTEXT, 0 },
	{ "hours", "HOURS", CMD_NUMBER, CMD_NOTEXT, 0 },
	{ "place", "PLACE", CMD_STRING, CMD_NOTEXT, 0 },
	{ "online", "ONLINE", CMD_BOOL, CMD_NOTEXT, 0 },
	{ "seats", "SEATS", CMD_NUMBER, 0, 0 },
	{ "enrolled", "ENROLLED", CMD_NUMBER, 0, 0 },
	{ "waiting", "WAITING", CMD_NUMBER, 0, 0 },
	{ "enrol_from", "ENROL_FROM", CMD_STRING, CMD_NOTEXT, 0 },
	{ "enrol_to", "ENROL_TO", CMD_STRING, 0, 0 },
	{ "quota_cutoff", "CUTOFF", CMD_OPTIONAL, CMD_NOTEXT, 0 },
	{ "fee_fen", "FEE_FEN", CMD_NUMBER, CMD_NOTEXT, 0 },
	{ "state", "STATE", CMD_STRING, 0, 0 },
	{ "version", "VERSION", CMD_NUMBER, CMD_NOTEXT, 0 },
	{ "state_name", "STATE_NAME", CMD_STRING, CMD_NOTEXT, 0 },
};
const size_t training_class_ncolumns = nitems(training_class_columns);

const struct cmd_column training_room_columns[] = {
	{ "office", "OFFICE", CMD_STRING, 0, 0 },
	{ "quota", "QUOTA", CMD_OPTIONAL, 0, 0 },
	{ "enrolled", "ENROLLED", CMD_NUMBER, 0, 0 },
	{ "waiting", "WAITING", CMD_NUMBER, 0, 0 },
	{ "free", "FREE", CMD_NUMBER, 0, 0 },
};
const size_t training_room_ncolumns = nitems(training_room_columns);

static const char class_denied[] = "仅中心可制订和发布办班计划 only the"
    " center plans and publishes classes";

/* Refuse a date that is not a real day as YYYY-MM-DD, naming the field. */
static int
class_date(const char *s, const char *label, char **why)
{
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	int	 y, m, d, leap;

	if (s != NULL && strlen(s) == 10 && s[4] == '-' && s[7] == '-' &&
	    strspn(s, "0123456789") == 4 && strspn(s + 5, "0123456789") == 2 &&
	    strspn(s + 8, "0123456789") == 2) {
		y = atoi(s);
		m = atoi(s + 5);
		d = atoi(s + 8);
		leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
		if (y >= 2000 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 &&
		    d <= mdays[m - 1] && (m != 2 || d < 29 || leap))
			return QD_OK;
	}
	why_set(why, "%s应为日期 YYYY-MM-DD %s is a day as YYYY-MM-DD",
	    label, label);
	return QD_EINVAL;
}

/* The checks the schema would refuse without saying which field. */
static int
class_check(const struct training_class_new *c, char **why)
{
	int	 rc;

	if (c->title == NULL || *c->title == '\0' || !text_valid(c->title)) {
		why_set(why, "请填写班级名称 give the class a title");
		return QD_EINVAL;
	}
	if ((rc = class_date(c->starts_on, "开班日期 start", why)) != QD_OK ||
	    (rc = class_date(c->ends_on, "结业日期 end", why)) != QD_OK ||
	    (rc = class_date(c->enrol_from, "报名开始 enrolment from", why)) !=
	    QD_OK || (rc = class_date(c->enrol_to, "报名截止 enrolment to",
	    why)) != QD_OK || (c->quota_cutoff != NULL && (rc =
	    class_date(c->quota_cutoff, "名额回收日 quota cut-off", why)) !=
	    QD_OK))
		return rc;
	if (c->seats < 1 || c->seats > 10000) {
		why_set(why, "名额须为1至10000（没有“不限”）seats are 1 to"
		    " 10000 (there is no \"unlimited\")");
		return QD_EINVAL;
	}
	if (c->hours < 1 || c->hours > 2000 || c->level < 1 || c->level > 5 ||
	    c->fee_fen < 0) {
		why_set(why, "学时1至2000、等级1至5、费用不为负 hours are 1 to"
		    " 2000, the level 1 to 5, the fee not negative");
		return QD_EINVAL;
	}
	if (strcmp(c->starts_on, c->ends_on) > 0 ||
	    strcmp(c->enrol_from, c->enrol_to) > 0 ||
	    strcmp(c->enrol_to, c->ends_on) > 0 || (c->quota_cutoff != NULL &&
	    (strcmp(c->quota_cutoff, c->enrol_from) < 0 ||
	    strcmp(c->quota_cutoff, c->enrol_to) > 0))) {
		why_set(why, "日期顺序不对：报名开始≤名额回收日≤报名截止≤结业，"
		    "开班≤结业 dates out of order: enrolment from <= cut-off"
		    " <= enrolment to <= end, start <= end");
		return QD_EINVAL;
	}
	if (!c->online && (c->place == NULL || *c->place == '\0')) {
		why_set(why, "线下班须填写地点 a class in person needs a"
		    " place");
		return QD_EINVAL;
	}
	return QD_OK;
}

int
db_training_class_add(sqlite3 *db, const struct qd_user *actor,
    const struct training_class_new *c, int64_t *id, char **why)
{
	sqlite3_stmt	*st;
	int64_t		 occ;
	int		 rc;

	*id = 0;
	if (!user_may(actor, "training-class write")) {
		why_set(why, "%s", class_denied);
		return QD_EDENIED;
	}
	if ((rc = class_check(c, why)) != QD_OK ||
	    (rc = training_occupation_by_code(db, c->occupation, &occ, why)) !=
	    QD_OK)
		return rc;
	if (db_begin(db) != QD_OK)
		return training_fail(db, why);
	if (db_prepare(db, "INSERT INTO training_classes (title, provider_id,"
	    " occupation_id, level, starts_on, ends_on, hours, place, online,"
	    " seats, enrol_from, enrol_to, quota_cutoff, fee_fen,"
	    " subsidy_note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
	    " ?11, ?12, ?13, ?14, ?15)", &st) != QD_OK)
		return training_fail(db, why);
	sqlite3_bind_text(st, 1, c->title, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, c->provider_id);
	sqlite3_bind_int64(st, 3, occ);
	sqlite3_bind_int(st, 4, c->level);
	sqlite3_bind_text(st, 5, c->starts_on, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 6, c->ends_on, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 7, c->hours);
	sqlite3_bind_text(st, 8, c->place != NULL ? c->place : "", -1,
	    SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 9, c->online != 0);
	sqlite3_bind_int(st, 10, c->seats);
	sqlite3_bind_text(st, 11, c->enrol_from, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 12, c->enrol_to, -1, SQLITE_TRANSIENT);
	if (c->quota_cutoff != NULL)
		sqlite3_bind_text(st, 13, c->quota_cutoff, -1,
		    SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 14, c->fee_fen);
	sqlite3_bind_text(st, 15, c->subsidy_note != NULL ? c->subsidy_note :
	    "", -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) != SQLITE_DONE) {
		sqlite3_finalize(st);
		return training_fail(db, why);
	}
	sqlite3_finalize(st);
	*id = sqlite3_last_insert_rowid(db);
	if (db_commit(db) != QD_OK)
		return training_fail(db, why);
	return QD_OK;
}

int
db_training_class_quota(sqlite3 *db, const struct qd_user *actor,
    int64_t class_id, const char *office, int seats, char **why)
{
	sqlite3_stmt	*st;
	int64_t		 office_id;
	int		 rc;

	if (!user_may(actor, "training-class write")) {
		why_set(why, "%s", class_denied);
		return QD_EDENIED;
	}
	if (seats < 0) {
		why_set(why, "名额不能为负 a quota is not negative");
		return QD_EINVAL;
	}
	if ((rc = training_office_by_code(db, office, &office_id, why)) !=
	    QD_OK)
		return rc;
	if (db_begin(db) != QD_OK)
		return training_fail(db, why);
	if (db_prepare(db, seats == 0 ? "DELETE FROM training_class_quotas"
	    " WHERE class_id = ?1 AND office_id = ?2" :
	    "INSERT INTO training_class_quotas (class_id, office_id, seats)"
	    " VALUES (?1, ?2, ?3) ON CONFLICT (class_id, office_id) DO UPDATE"
	    " SET seats = excluded.seats", &st) != QD_OK)
		return training_fail(db, why);
	sqlite3_bind_int64(st, 1, class_id);
	sqlite3_bind_int64(st, 2, office_id);
	if (seats > 0)
		sqlite3_bind_int(st, 3, seats);
	if (sqlite3_step(st) != SQLITE_DONE) {
		sqlite3_finalize(st);
		return training_fail(db, why);
	}
	sqlite3_finalize(st);
	if (db_commit(db) != QD_OK)
		return training_fail(db, why);
	return QD_OK;
}

/* The step inside an open transaction; QD_ENOTFOUND for no such class. */
static int
class_step_one(sqlite3 *db, const struct qd_user *actor, int64_t class_id,
    const char *action, const char *reason, int64_t version, char **why)
{
	sqlite3_stmt	*st;
	int		 step;

	if (db_prepare(db, "UPDATE training_classes SET state = (SELECT"
	    " to_state FROM training_class_transitions t WHERE t.action = ?2"
	    " AND t.from_state = training_classes.state AND t.role = ?3),"
	    " action = ?2, reason = CASE WHEN ?2 = 'cancel' THEN ?4 ELSE"
	    " reason END, published_at = coalesce(published_at,"
	    " CASE WHEN ?2 = 'publish' THEN strftime('%Y-%m-%dT%H:%M:%fZ',"
	    " 'now') END), version = version + 1 WHERE id = ?1"
	    " AND (?5 = 0 OR version = ?5) AND EXISTS (SELECT 1 FROM"
	    " training_class_transitions t WHERE t.action = ?2 AND"
	    " t.from_state = training_classes.state AND t.role = ?3)", &st) !=
	    QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int64(st, 1, class_id);
	sqlite3_bind_text(st, 2, action, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, role_name(actor->role), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, reason != NULL ? reason : "", -1,
	    SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 5, version);
	step = sqlite3_step(st);
	sqlite3_finalize(st);
	if (step != SQLITE_DONE)
		return db_fail(db, why);
	if (sqlite3_changes(db) == 0) {
		why_set(why, "班级 %lld 不存在、已被他人修改，或当前状态不允许"
		    "“%s” class %lld does not exist, was changed by someone"
		    " else, or does not allow \"%s\" now", (long long)class_id,
		    action, (long long)class_id, action);
		return QD_ECONFLICT;
	}
	return QD_OK;
}

int
db_training_class_step(sqlite3 *db, const struct qd_user *actor,
    int64_t class_id, const char *action, const char *reason,
    int64_t version, char **why)
{
	int	 rc;

	if (!user_may(actor, "training-class write")) {
		why_set(why, "%s", class_denied);
		return QD_EDENIED;
	}
	if (strcmp(action, "cancel") == 0 && (reason == NULL ||
	    *reason == '\0')) {
		why_set(why, "取消须说明原因 a cancellation needs a reason");
		return QD_EINVAL;
	}
	if (db_begin(db) != QD_OK)
		return training_fail(db, why);
	if ((rc = class_step_one(db, actor, class_id, action, reason, version,
	    why)) != QD_OK) {
		db_rollback(db);
		return rc == QD_EDB ? QD_EDENIED : rc;
	}
	if (db_commit(db) != QD_OK)
		return training_fail(db, why);
	return QD_OK;
}

int
db_training_class_publish_period(sqlite3 *db, const struct qd_user *actor,
    const char *period, int *n, char **why)
{
	sqlite3_stmt	*st;
	int64_t		*ids = NULL;
	size_t		 nids = 0, i;
	int		 rc = QD_OK;

	*n = 0;
	if (!user_may(actor, "training-class write")) {
		why_set(why, "%s", class_denied);
		return QD_EDENIED;
	}
	if (db_begin(db) != QD_OK)
		return training_fail(db, why);
	if (db_prepare(db, "SELECT id FROM training_classes WHERE state ="
	    " 'draft' AND substr(starts_on, 1, 7) = ?1 ORDER BY id", &st) !=
	    QD_OK)
		return training_fail(db, why);
	sqlite3_bind_text(st, 1, period, -1, SQLITE_TRANSIENT);
	while (sqlite3_step(st) == SQLITE_ROW) {
		ids = xreallocarray(ids, nids + 1, sizeof *ids);
		ids[nids++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	for (i = 0; i < nids && rc == QD_OK; i++)
		rc = class_step_one(db, actor, ids[i], "publish", NULL, 0, why);
	free(ids);
	if (rc != QD_OK) {
		db_rollback(db);
		return rc;
	}
	if (db_commit(db) != QD_OK)
		return training_fail(db, why);
	*n = (int)nids;
	return QD_OK;
}

int
db_training_class_list(sqlite3 *db, const struct qd_user *actor,
    const char *state, struct cmd_rows *rows, char **why)
{
	/* An office sees what is published; drafts are the center's. */
	return training_rows(db, "SELECT c.id, c.title, p.name, o.name,"
	    " c.level, c.starts_on, c.ends_on, c.hours, c.place, c.online,"
	    " c.seats, (SELECT count(*) FROM training_enrolments e WHERE"
	    " e.class_id = c.id AND e.status = 'enrolled'), (SELECT count(*)"
	    " FROM training_enrolments e WHERE e.class_id = c.id AND e.status"
	    " = 'waiting'), c.enrol_from, c.enrol_to, c.quota_cutoff,"
	    " c.fee_fen, c.state, c.version, s.name_zh FROM training_classes c"
	    " JOIN training_class_states s ON s.state = c.state"
	    " JOIN training_providers p ON p.id = c.provider_id"
	    " JOIN occupations o ON o.id = c.occupation_id"
	    " WHERE (?1 IS NULL OR c.state = ?1) AND (?2 = 0 OR c.state <>"
	    " 'draft') ORDER BY c.starts_on, c.id LIMIT 500", rows, why, "ti",
	    state, (int64_t)training_is_office(actor));
}

int
db_training_class_room(sqlite3 *db, const struct qd_user *actor,
    int64_t class_id, struct cmd_rows *rows, char **why)
{
	return training_rows(db, "SELECT o.code, q.seats, (SELECT count(*)"
	    " FROM training_enrolments e WHERE e.class_id = r.class_id AND"
	    " e.office_id = o.id AND e.status = 'enrolled'), (SELECT count(*)"
	    " FROM training_enrolments e WHERE e.class_id = r.class_id AND"
	    " e.office_id = o.id AND e.status = 'waiting'),"
	    " max(0, min(r.free_total, r.free_office))"
	    " FROM training_class_room r JOIN offices o ON o.id = r.office_id"
	    " LEFT JOIN training_class_quotas q ON q.class_id = r.class_id"
	    " AND q.office_id = o.id WHERE r.class_id = ?1 AND o.is_center = 0"
	    " AND (?2 = 0 OR o.id = ?2) ORDER BY o.id", rows, why, "ii",
	    class_id, training_scope(actor));
}

int
db_training_class_actions(sqlite3 *db, const struct qd_user *actor,
    int64_t class_id, struct cmd_rows *rows, char **why)
{
	return training_rows(db, "SELECT t.action, t.name_zh || ' ' ||"
	    " t.name_en FROM training_class_transitions t JOIN"
	    " training_classes c ON c.state = t.from_state WHERE c.id = ?1"
	    " AND t.role = ?2 ORDER BY t.action", rows, why, "it", class_id,
	    role_name(actor->role));
}
