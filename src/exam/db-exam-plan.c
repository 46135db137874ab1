/*
 * Exam plans (组团考试计划): drafted by the center by hand or from a cell
 * of the demand table (which invites the people in it), with sittings on
 * site and cross-border; then published, closed for registration, held,
 * given results, closed, or cancelled with a reason, as the rows of
 * exam_plan_transitions allow. The offices read plans once published.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "exam/exam.h"
#include "exam/exam-db.h"

static const char *const exam_modes[] = { "onsite", "remote", "online" };

/* 1 if s is a real day as YYYY-MM-DD (or a time as HH:MM when time). */
static int
exam_plan_when_ok(sqlite3 *db, const char *s, int time)
{
	sqlite3_stmt	*st;
	int		 ok = 0;

	if (s == NULL || strlen(s) != (time ? 5u : 10u))
		return 0;
	if (db_prepare(db, time ? "SELECT time(?1 || ':00') IS ?1 || ':00'" :
	    "SELECT date(?1) IS ?1", &st) != QD_OK)
		return 0;
	sqlite3_bind_text(st, 1, s, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		ok = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return ok;
}

/* 1 if sql (one ?1 id) finds a row. */
static int
exam_plan_exists(sqlite3 *db, const char *sql, int64_t id)
{
	sqlite3_stmt	*st;
	int		 ok = 0;

	if (db_prepare(db, sql, &st) != QD_OK)
		return 0;
	sqlite3_bind_int64(st, 1, id);
	ok = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return ok;
}

static int
exam_plan_check_sitting(sqlite3 *db, const struct qd_exam_sitting_new *s,
    size_t i, char **why)
{
	size_t	 m;

	for (m = 0; m < nitems(exam_modes); m++) {
		if (s->mode != NULL && strcmp(s->mode, exam_modes[m]) == 0)
			break;
	}
	if (m == nitems(exam_modes)) {
		why_set(why, "第%zu个考场：方式应为 onsite、remote 或 online"
		    " sitting %zu: the mode is onsite, remote or online", i, i);
		return QD_EINVAL;
	}
	if ((m == 0) != (s->office_id != 0) || (m == 0 &&
	    !exam_plan_exists(db, "SELECT 1 FROM offices WHERE id = ?1",
	    s->office_id))) {
		why_set(why, "第%zu个考场：现场考须指定城市，跨境考不指定 sitting"
		    " %zu: an on-site sitting names its city, a cross-border one"
		    " none", i, i);
		return QD_EINVAL;
	}
	if (exam_text_check(s->venue, 60, "考场", "the venue", 1, why) !=
	    QD_OK)
		return QD_EINVAL;
	if (s->capacity < 1 || s->capacity > 10000) {
		why_set(why, "第%zu个考场：座位数应为1至10000 sitting %zu: the"
		    " capacity is 1 to 10000", i, i);
		return QD_EINVAL;
	}
	return QD_OK;
}

int
db_exam_plan_check(sqlite3 *db, const struct qd_exam_plan_new *nf,
    char **why)
{
	char	 today[11];
	size_t	 i;

	if (!exam_kind_valid(nf->kind)) {
		why_set(why, "证书类别应为 qualification、skill 或 special the"
		    " kind is qualification, skill or special");
		return QD_EINVAL;
	}
	if (nf->professional && strcmp(nf->kind, "qualification") != 0) {
		why_set(why, "专业技术类只适用于职业资格证书 only a qualification"
		    " exam is professional-technical");
		return QD_EINVAL;
	}
	if (nf->level < 1 || nf->level > 5) {
		why_set(why, "等级应为一级至五级 the level must be 1 to 5");
		return QD_EINVAL;
	}
	if (!exam_plan_exists(db, "SELECT 1 FROM occupations WHERE id = ?1"
	    " AND active = 1", nf->occupation_id)) {
		why_set(why, "请从目录中选择职业（工种） choose an occupation"
		    " from the catalog");
		return QD_EINVAL;
	}
	if (nf->agency_id != 0 && !exam_plan_exists(db, "SELECT 1 FROM"
	    " agencies WHERE id = ?1 AND active = 1", nf->agency_id)) {
		why_set(why, "没有此考评机构 no such examining body");
		return QD_EINVAL;
	}
	if (nf->agency_id == 0 && exam_text_check(nf->body_name, 60,
	    "考评机构", "the examining body", 1, why) != QD_OK)
		return QD_EINVAL;
	if (!exam_plan_when_ok(db, nf->exam_on, 0) ||
	    !exam_plan_when_ok(db, nf->deadline, 0)) {
		why_set(why, "考试日期和报名截止日期须为 YYYY-MM-DD the exam day"
		    " and the deadline are YYYY-MM-DD");
		return QD_EINVAL;
	}
	if (!exam_plan_when_ok(db, nf->start_time, 1)) {
		why_set(why, "开考时间须为 HH:MM the start time is HH:MM");
		return QD_EINVAL;
	}
	idcheck_today(today);
	if (strcmp(nf->deadline, nf->exam_on) > 0 ||
	    strcmp(nf->deadline, today) < 0) {
		why_set(why, "报名截止日期须在今天与考试日期之间 the deadline is"
		    " between today and the exam day");
		return QD_EINVAL;
	}
	if (exam_text_check(nf->fee_note, 100, "收费说明", "the fee note", 0,
	    why) != QD_OK || exam_text_check(nf->notes, 250, "备注",
	    "the notes", 0, why) != QD_OK)
		return QD_EINVAL;
	if (nf->sittings == NULL)
		return QD_OK;
	if (nf->nsittings == 0) {
		why_set(why, "请至少安排一个考场 add at least one sitting");
		return QD_EINVAL;
	}
	for (i = 0; i < nf->nsittings; i++) {
		if (exam_plan_check_sitting(db, &nf->sittings[i], i + 1, why) !=
		    QD_OK)
			return QD_EINVAL;
	}
	return QD_OK;
}

static int
exam_plan_insert(sqlite3 *db, const struct qd_exam_plan_new *nf, int64_t *id,
    char **why)
{
	sqlite3_stmt	*st;
	size_t		 i;
	int		 rc;

	if (db_prepare(db, "INSERT INTO exam_plans (kind, professional,"
	    " occupation_id, level, agency_id, body_name, exam_on, start_time,"
	    " deadline, fee_note, notes, created_by) VALUES (?1, ?2, ?3, ?4,"
	    " nullif(?5, 0), ?6, ?7, ?8, ?9, ?10, ?11, qd_actor())", &st) !=
	    QD_OK)
		return db_fail(db, why);
	sqlite3_bind_text(st, 1, nf->kind, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, nf->professional != 0);
	sqlite3_bind_int64(st, 3, nf->occupation_id);
	sqlite3_bind_int(st, 4, nf->level);
	sqlite3_bind_int64(st, 5, nf->agency_id);
	sqlite3_bind_text(st, 6, nf->agency_id != 0 || nf->body_name == NULL ?
	    "" : nf->body_name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, nf->exam_on, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, nf->start_time, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 9, nf->deadline, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 10, nf->fee_note != NULL ? nf->fee_note : "", -1,
	    SQLITE_STATIC);
	sqlite3_bind_text(st, 11, nf->notes != NULL ? nf->notes : "", -1,
	    SQLITE_STATIC);
	if ((rc = exam_step_done(db, st, why)) != QD_OK)
		return rc;
	*id = sqlite3_last_insert_rowid(db);
	for (i = 0; i < nf->nsittings && rc == QD_OK; i++) {
		if (db_prepare(db, "INSERT INTO exam_sittings (plan_id, mode,"
		    " office_id, venue, capacity) VALUES (?1, ?2, nullif(?3, 0),"
		    " ?4, ?5)", &st) != QD_OK)
			return db_fail(db, why);
		sqlite3_bind_int64(st, 1, *id);
		sqlite3_bind_text(st, 2, nf->sittings[i].mode, -1,
		    SQLITE_STATIC);
		sqlite3_bind_int64(st, 3, nf->sittings[i].office_id);
		sqlite3_bind_text(st, 4, nf->sittings[i].venue, -1,
		    SQLITE_STATIC);
		sqlite3_bind_int(st, 5, nf->sittings[i].capacity);
		rc = exam_step_done(db, st, why);
	}
	return rc;
}

int
db_exam_plan_add(sqlite3 *db, const struct qd_user *actor,
    const struct qd_exam_plan_new *nf, int64_t *id, int *invited, char **why)
{
	sqlite3_stmt	*st;
	int		 rc;

	*id = 0;
	*invited = 0;
	if (!user_may(actor, "exam-plan write")) {
		why_set(why, "仅中心可制订考试计划 only the center drafts exam"
		    " plans");
		return QD_EDENIED;
	}
	if (nf->sittings == NULL) {
		why_set(why, "请至少安排一个考场 add at least one sitting");
		return QD_EINVAL;
	}
	if ((rc = db_exam_plan_check(db, nf, why)) != QD_OK)
		return rc;
	if (db_begin(db) != QD_OK)
		return db_fail(db, why);
	if ((rc = exam_plan_insert(db, nf, id, why)) != QD_OK || !nf->from_cell)
		return exam_tx_end(db, rc, why);
	if (db_prepare(db, "UPDATE exam_demands SET state = 'invited',"
	    " action = 'invite', plan_id = ?1, updated_at = " EXAM_NOW ","
	    " version = version + 1 WHERE state = 'reported'"
	    " AND occupation_id = ?2 AND level = ?3 AND kind = ?4", &st) !=
	    QD_OK)
		return exam_tx_end(db, db_fail(db, why), why);
	sqlite3_bind_int64(st, 1, *id);
	sqlite3_bind_int64(st, 2, nf->occupation_id);
	sqlite3_bind_int(st, 3, nf->level);
	sqlite3_bind_text(st, 4, nf->kind, -1, SQLITE_STATIC);
	if ((rc = exam_step_done(db, st, why)) == QD_OK)
		*invited = sqlite3_changes(db);
	return exam_tx_end(db, rc, why);
}

void
exam_plan_free(struct qd_exam_plan *p)
{
	size_t	 i;

	if (p == NULL)
		return;
	for (i = 0; i < p->nsittings; i++) {
		free(p->sittings[i].mode);
		free(p->sittings[i].office_name);
		free(p->sittings[i].venue);
	}
	free(p->sittings);
	free(p->kind);
	free(p->occupation);
	free(p->level_name);
	free(p->body);
	free(p->exam_on);
	free(p->start_time);
	free(p->deadline);
	free(p->fee_note);
	free(p->notes);
	free(p->state);
	free(p->reason);
	free(p->created_by);
	free(p);
}

void
exam_plans_free(struct qd_exam_plan *list, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		free(list[i].kind);
		free(list[i].occupation);
		free(list[i].level_name);
		free(list[i].body);
		free(list[i].exam_on);
		free(list[i].start_time);
		free(list[i].deadline);
		free(list[i].fee_note);
		free(list[i].notes);
		free(list[i].state);
		free(list[i].reason);
		free(list[i].created_by);
	}
	if (n > 0)
		free(list);
}

#define EXAM_PLAN_COLUMNS \
	"SELECT p.id, p.kind, p.professional, p.occupation_id, oc.name," \
	" p.level, l.name_zh, coalesce(p.agency_id, 0)," \
	" coalesce(g.name, p.body_name), p.exam_on, p.start_time, p.deadline," \
	" p.fee_note, p.notes, p.state, p.reason, p.created_by," \
	" (SELECT coalesce(sum(capacity), 0) FROM exam_sittings" \
	"  WHERE plan_id = p.id)," \
	" (SELECT count(*) FROM exam_registrations r JOIN exam_sittings s" \
	"  ON s.id = r.sitting_id WHERE s.plan_id = p.id" \
	"  AND r.status = 'seated')," \
	" (SELECT count(*) FROM exam_registrations r JOIN exam_sittings s" \
	"  ON s.id = r.sitting_id WHERE s.plan_id = p.id" \
	"  AND r.status = 'waiting')," \
	" (SELECT count(*) FROM exam_demands WHERE plan_id = p.id)," \
	" p.version FROM exam_plans p" \
	" JOIN occupations oc ON oc.id = p.occupation_id" \
	" JOIN levels l ON l.level = p.level" \
	" LEFT JOIN agencies g ON g.id = p.agency_id"

static void
exam_plan_from_row(struct qd_exam_plan *p, sqlite3_stmt *st)
{
	int	 i = 0;

	memset(p, 0, sizeof *p);
	p->id = sqlite3_column_int64(st, i++);
	p->kind = db_column_strdup(st, i++);
	p->professional = sqlite3_column_int(st, i++);
	p->occupation_id = sqlite3_column_int64(st, i++);
	p->occupation = db_column_strdup(st, i++);
	p->level = sqlite3_column_int(st, i++);
	p->level_name = db_column_strdup(st, i++);
	p->agency_id = sqlite3_column_int64(st, i++);
	p->body = db_column_strdup(st, i++);
	p->exam_on = db_column_strdup(st, i++);
	p->start_time = db_column_strdup(st, i++);
	p->deadline = db_column_strdup(st, i++);
	p->fee_note = db_column_strdup(st, i++);
	p->notes = db_column_strdup(st, i++);
	p->state = db_column_strdup(st, i++);
	p->reason = db_column_strdup(st, i++);
	p->created_by = db_column_strdup(st, i++);
	p->capacity = sqlite3_column_int(st, i++);
	p->seated = sqlite3_column_int(st, i++);
	p->waiting = sqlite3_column_int(st, i++);
	p->invited = sqlite3_column_int(st, i++);
	p->version = sqlite3_column_int64(st, i++);
}

static int
exam_plan_sittings(sqlite3 *db, struct qd_exam_plan *p, char **why)
{
	struct qd_exam_sitting	*s;
	sqlite3_stmt		*st;
	int			 step;

	if (db_prepare(db, "SELECT s.id, s.mode, coalesce(s.office_id, 0),"
	    " coalesce(o.name_zh, ''), s.venue, s.capacity,"
	    " (SELECT count(*) FROM exam_registrations WHERE sitting_id = s.id"
	    "  AND status = 'seated'),"
	    " (SELECT count(*) FROM exam_registrations WHERE sitting_id = s.id"
	    "  AND status = 'waiting')"
	    " FROM exam_sittings s LEFT JOIN offices o ON o.id = s.office_id"
	    " WHERE s.plan_id = ?1 ORDER BY s.id", &st) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int64(st, 1, p->id);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		p->sittings = xreallocarray(p->sittings, p->nsittings + 1,
		    sizeof *p->sittings);
		s = &p->sittings[p->nsittings++];
		s->id = sqlite3_column_int64(st, 0);
		s->mode = db_column_strdup(st, 1);
		s->office_id = sqlite3_column_int64(st, 2);
		s->office_name = db_column_strdup(st, 3);
		s->venue = db_column_strdup(st, 4);
		s->capacity = sqlite3_column_int(st, 5);
		s->seated = sqlite3_column_int(st, 6);
		s->waiting = sqlite3_column_int(st, 7);
	}
	sqlite3_finalize(st);
	return step == SQLITE_DONE ? QD_OK : db_fail(db, why);
}

int
db_exam_plan_get(sqlite3 *db, const struct qd_user *actor, int64_t id,
    struct qd_exam_plan **out, char **why)
{
	sqlite3_stmt	*st;
	int		 step, rc = QD_OK;

	*out = NULL;
	if (db_prepare(db, EXAM_PLAN_COLUMNS " WHERE p.id = ?1"
	    " AND (?2 = 0 OR p.state <> 'draft')", &st) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, exam_scoped(actor));
	if ((step = sqlite3_step(st)) == SQLITE_ROW) {
		*out = xcalloc(1, sizeof **out);
		exam_plan_from_row(*out, st);
	} else if (step == SQLITE_DONE) {
		why_set(why, "没有考试计划 %" PRId64 " no exam plan %" PRId64,
		    id, id);
		rc = QD_ENOTFOUND;
	} else
		rc = db_fail(db, why);
	sqlite3_finalize(st);
	if (rc == QD_OK && (rc = exam_plan_sittings(db, *out, why)) != QD_OK) {
		exam_plan_free(*out);
		*out = NULL;
	}
	return rc;
}

int
db_exam_plan_list(sqlite3 *db, const struct qd_user *actor, const char *state,
    struct qd_exam_plan **out, size_t *n, char **why)
{
	sqlite3_stmt	*st;
	int		 step;

	*out = NULL;
	*n = 0;
	if (db_prepare(db, EXAM_PLAN_COLUMNS " WHERE (?1 IS NULL OR"
	    " p.state = ?1) AND (?2 = 0 OR p.state <> 'draft')"
	    " ORDER BY p.exam_on, p.id LIMIT 1000", &st) != QD_OK)
		return db_fail(db, why);
	if (state != NULL)
		sqlite3_bind_text(st, 1, state, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, exam_scoped(actor));
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		*out = xreallocarray(*out, *n + 1, sizeof **out);
		exam_plan_from_row(&(*out)[(*n)++], st);
	}
	sqlite3_finalize(st);
	if (step != SQLITE_DONE) {
		exam_plans_free(*out, *n);
		*out = NULL;
		*n = 0;
		return db_fail(db, why);
	}
	return QD_OK;
}

void
exam_steps_free(struct qd_exam_step *list, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		free(list[i].action);
		free(list[i].name_zh);
		free(list[i].name_en);
		free(list[i].to_state);
	}
	free(list);
}

int
db_exam_plan_steps(sqlite3 *db, const struct qd_user *actor,
    const struct qd_exam_plan *p, struct qd_exam_step **out, size_t *n)
{
	struct qd_exam_step	*s;
	sqlite3_stmt		*st;

	*out = NULL;
	*n = 0;
	if (db_prepare(db, "SELECT action, name_zh, name_en, to_state FROM"
	    " exam_plan_transitions WHERE from_state = ?1 AND role = ?2"
	    " ORDER BY action", &st) != QD_OK)
		return QD_EDB;
	sqlite3_bind_text(st, 1, p->state, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, role_name(actor->role), -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		*out = xreallocarray(*out, *n + 1, sizeof **out);
		s = &(*out)[(*n)++];
		s->action = db_column_strdup(st, 0);
		s->name_zh = db_column_strdup(st, 1);
		s->name_en = db_column_strdup(st, 2);
		s->to_state = db_column_strdup(st, 3);
	}
	sqlite3_finalize(st);
	return QD_OK;
}

int
db_exam_plan_step(sqlite3 *db, const struct qd_user *actor, int64_t id,
    int64_t version, const char *action, const char *reason, char **why)
{
	struct qd_exam_plan	*p = NULL;
	struct qd_exam_step	*steps = NULL;
	sqlite3_stmt		*st;
	const char		*to = NULL;
	size_t			 i, n = 0;
	int			 rc, cancel = strcmp(action, "cancel") == 0;

	if (cancel && exam_text_check(reason, 250, "取消原因", "the reason",
	    1, why) != QD_OK)
		return QD_EINVAL;
	if (db_begin(db) != QD_OK)
		return db_fail(db, why);
	if ((rc = db_exam_plan_get(db, actor, id, &p, why)) != QD_OK)
		goto out;
	if (version != 0 && version != p->version) {
		why_set(why, "考试计划 %" PRId64 " 已被他人修改 plan %" PRId64
		    " was changed by someone else", id, id);
		rc = QD_ECONFLICT;
		goto out;
	}
	db_exam_plan_steps(db, actor, p, &steps, &n);
	for (i = 0; i < n && to == NULL; i++) {
		if (strcmp(steps[i].action, action) == 0)
			to = steps[i].to_state;
	}
	if (to == NULL) {
		why_set(why, "考试计划 %" PRId64 " 处于「%s」，不允许此操作"
		    " plan %" PRId64 ": %s is not allowed now", id,
		    exam_plan_state_label(p->state), id, action);
		rc = QD_EDENIED;
		goto out;
	}
	if ((rc = db_prepare(db, "UPDATE exam_plans SET state = ?2,"
	    " action = ?3, reason = CASE WHEN ?3 = 'cancel' THEN ?4"
	    " ELSE reason END, published_at = CASE WHEN ?2 = 'published'"
	    " THEN " EXAM_NOW " ELSE published_at END,"
	    " updated_at = " EXAM_NOW ", version = version + 1"
	    " WHERE id = ?1", &st)) != QD_OK) {
		rc = db_fail(db, why);
		goto out;
	}
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, action, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, cancel ? reason : "", -1, SQLITE_STATIC);
	rc = exam_step_done(db, st, why);
out:
	exam_steps_free(steps, n);
	exam_plan_free(p);
	return exam_tx_end(db, rc, why);
}

int
db_exam_agency_id(sqlite3 *db, const char *key, int64_t *id)
{
	sqlite3_stmt	*st;
	int		 rc = QD_ENOTFOUND;

	*id = 0;
	if (key == NULL || db_prepare(db, "SELECT id FROM agencies WHERE"
	    " active = 1 AND (name = ?1 OR CAST(id AS TEXT) = ?1)", &st) !=
	    QD_OK)
		return QD_EDB;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		rc = QD_OK;
	}
	sqlite3_finalize(st);
	return rc;
}
