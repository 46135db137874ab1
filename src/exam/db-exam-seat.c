/*
 * Seats: an office registers its people on a published plan before the
 * deadline. Each registration takes a seat in a sitting open to the
 * person (a person in Taiwan only cross-border) or, once it is full, a
 * place at the end of its waiting list; a freed seat goes to the first
 * waiting, by the schema's trigger. Writers are serialised by BEGIN
 * IMMEDIATE and the schema counts the seats inside the transaction, so
 * two clerks at the same moment never seat more than the capacity.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "exam/exam.h"
#include "exam/exam-db.h"

/* What registering needs to know of the plan and the person. */
struct exam_seat_ctx {
	char		*state;
	char		*deadline;
	int		 professional;
	int64_t		 occupation_id;
	int		 level;
	int64_t		 demand_id;
	int		 in_taiwan;
	int		 trained;	/* the body trained them (考培分离) */
};

static int
exam_seat_plan(sqlite3 *db, int64_t plan_id, struct exam_seat_ctx *c,
    char **why)
{
	sqlite3_stmt	*st;
	int		 rc = QD_OK;

	if (db_prepare(db, "SELECT state, deadline, professional,"
	    " occupation_id, level FROM exam_plans WHERE id = ?1", &st) !=
	    QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int64(st, 1, plan_id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		c->state = db_column_strdup(st, 0);
		c->deadline = db_column_strdup(st, 1);
		c->professional = sqlite3_column_int(st, 2);
		c->occupation_id = sqlite3_column_int64(st, 3);
		c->level = sqlite3_column_int(st, 4);
	} else {
		why_set(why, "没有考试计划 %" PRId64 " no exam plan %" PRId64,
		    plan_id, plan_id);
		rc = QD_ENOTFOUND;
	}
	sqlite3_finalize(st);
	return rc;
}

/* The person as the office knows them: in Taiwan, their demand. */
static int
exam_seat_person(sqlite3 *db, const struct qd_user *actor, int64_t plan_id,
    int64_t applicant_id, struct exam_seat_ctx *c, char **why)
{
	sqlite3_stmt	*st;
	int		 rc = QD_OK;

	if (db_prepare(db, "SELECT a.in_taiwan, (SELECT d.id FROM exam_demands"
	    " d WHERE d.applicant_id = a.id AND d.office_id = ?2"
	    " AND d.occupation_id = ?3 AND d.level = ?4"
	    " AND d.state IN ('reported', 'invited', 'recorded')),"
	    " (SELECT d.in_taiwan FROM exam_demands d WHERE d.applicant_id ="
	    " a.id AND d.office_id = ?2 AND d.occupation_id = ?3"
	    " AND d.level = ?4 AND d.state IN ('reported', 'invited',"
	    " 'recorded')), EXISTS (SELECT 1 FROM exam_plans p"
	    " JOIN training_links t ON t.applicant_id = a.id"
	    " AND t.occupation_id = p.occupation_id WHERE p.id = ?5"
	    " AND ((p.agency_id IS NOT NULL AND t.agency_id = p.agency_id)"
	    " OR (p.body_name <> '' AND t.provider_name = p.body_name)))"
	    " FROM applicants a WHERE a.id = ?1 AND (a.office_id = ?2"
	    " OR EXISTS (SELECT 1 FROM cases WHERE applicant_id = a.id"
	    " AND office_id = ?2) OR EXISTS (SELECT 1 FROM exam_demands"
	    " WHERE applicant_id = a.id AND office_id = ?2))", &st) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int64(st, 1, applicant_id);
	sqlite3_bind_int64(st, 2, actor->office_id);
	sqlite3_bind_int64(st, 3, c->occupation_id);
	sqlite3_bind_int(st, 4, c->level);
	sqlite3_bind_int64(st, 5, plan_id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		c->in_taiwan = sqlite3_column_int(st, 0);
		c->demand_id = sqlite3_column_int64(st, 1);
		if (sqlite3_column_type(st, 2) != SQLITE_NULL)
			c->in_taiwan = sqlite3_column_int(st, 2);
		c->trained = sqlite3_column_int(st, 3);
	} else {
		why_set(why, "本办公室没有台胞 %" PRId64 " no applicant %"
		    PRId64 " in your office", applicant_id, applicant_id);
		rc = QD_ENOTFOUND;
	}
	sqlite3_finalize(st);
	return rc;
}

/*
 * The sitting for the person: sitting_id if given, else the first with a
 * free seat (their own city first) among the cross-border ones for a
 * person in Taiwan and the on-site ones for the others, else the first
 * of those. *full says it has no free seat.
 */
static int
exam_seat_pick(sqlite3 *db, const struct qd_user *actor, int64_t plan_id,
    int64_t sitting_id, int in_taiwan, int64_t *picked, int *full,
    char **why)
{
	sqlite3_stmt	*st;
	int		 rc = QD_OK;

	if (db_prepare(db, "SELECT s.id, (SELECT count(*) FROM"
	    " exam_registrations WHERE sitting_id = s.id AND status = 'seated')"
	    " >= s.capacity AS full FROM exam_sittings s WHERE s.plan_id = ?1"
	    " AND (?2 = 0 OR s.id = ?2) AND (?3 = 0 OR s.mode <> 'onsite')"
	    " AND (?2 <> 0 OR ?3 = 1 OR s.mode = 'onsite')"
	    " ORDER BY full, s.office_id IS NOT ?4, s.mode <> 'onsite', s.id"
	    " LIMIT 1", &st) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int64(st, 1, plan_id);
	sqlite3_bind_int64(st, 2, sitting_id);
	sqlite3_bind_int(st, 3, in_taiwan);
	sqlite3_bind_int64(st, 4, actor->office_id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		*picked = sqlite3_column_int64(st, 0);
		*full = sqlite3_column_int(st, 1);
	} else if (in_taiwan) {
		why_set(why, "在台台胞只能参加跨境考，此计划没有合适的考场 a person"
		    " in Taiwan takes only a cross-border sitting, and this"
		    " plan has none for them");
		rc = QD_EINVAL;
	} else {
		why_set(why, "此计划没有此考场 no such sitting in this plan");
		rc = QD_EINVAL;
	}
	sqlite3_finalize(st);
	return rc;
}

static int
exam_seat_insert(sqlite3 *db, const struct qd_user *actor, int64_t plan_id,
    int64_t sitting_id, int64_t applicant_id, const struct exam_seat_ctx *c,
    int full, int64_t *id, char **why)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (db_prepare(db, "INSERT INTO exam_registrations (plan_id,"
	    " sitting_id, applicant_id, office_id, demand_id, status, seat_no,"
	    " created_by) SELECT ?1, ?2, ?3, ?4, nullif(?5, 0), CASE WHEN ?6"
	    " THEN 'waiting' ELSE 'seated' END, CASE WHEN ?6 THEN NULL ELSE"
	    " (WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM"
	    " seq WHERE n < s.capacity) SELECT min(n) FROM seq WHERE n NOT IN"
	    " (SELECT seat_no FROM exam_registrations WHERE sitting_id = ?2"
	    " AND status = 'seated')) END, qd_actor() FROM exam_sittings s"
	    " WHERE s.id = ?2", &st) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int64(st, 1, plan_id);
	sqlite3_bind_int64(st, 2, sitting_id);
	sqlite3_bind_int64(st, 3, applicant_id);
	sqlite3_bind_int64(st, 4, actor->office_id);
	sqlite3_bind_int64(st, 5, c->demand_id);
	sqlite3_bind_int(st, 6, full);
	rc = exam_step_done(db, st, why);
	if (rc == QD_ECONFLICT)
		why_set(why, "此人已报名此考试计划 this person is already"
		    " registered for this plan");
	if (rc == QD_OK)
		*id = sqlite3_last_insert_rowid(db);
	return rc;
}

/* Refuse what the office may not do now: state, deadline. */
static int
exam_seat_open(const struct exam_seat_ctx *c, char **why)
{
	char	 today[11];

	if (strcmp(c->state, "published") != 0) {
		why_set(why, "此考试计划未开放报名（%s） this plan is not open"
		    " for registration", exam_plan_state_label(c->state));
		return QD_EDENIED;
	}
	idcheck_today(today);
	if (strcmp(today, c->deadline) > 0) {
		why_set(why, "报名已于 %s 截止 registration closed on %s",
		    c->deadline, c->deadline);
		return QD_EDENIED;
	}
	if (c->trained && c->professional) {
		why_set(why, "考培分离：考评机构曾培训此人此职业，不得报名专业"
		    "技术类考试 exams apart from training: the examining body"
		    " trained this person for this occupation");
		return QD_EDENIED;
	}
	return QD_OK;
}

int
db_exam_seat_add(sqlite3 *db, const struct qd_user *actor, int64_t plan_id,
    int64_t sitting_id, int64_t applicant_id, struct qd_exam_seat **out,
    char **warning, char **why)
{
	struct exam_seat_ctx	 c;
	int64_t			 picked = 0, id = 0;
	int			 full = 0, rc;

	*out = NULL;
	*warning = NULL;
	memset(&c, 0, sizeof c);
	if (!exam_scoped(actor)) {
		why_set(why, "仅办公室窗口或联络员可为本办公室的台胞报名 only an"
		    " office's clerk or liaison registers its people");
		return QD_EDENIED;
	}
	if (db_begin(db) != QD_OK)
		return db_fail(db, why);
	if ((rc = exam_seat_plan(db, plan_id, &c, why)) == QD_OK &&
	    (rc = exam_seat_person(db, actor, plan_id, applicant_id, &c,
	    why)) == QD_OK && (rc = exam_seat_open(&c, why)) == QD_OK &&
	    (rc = exam_seat_pick(db, actor, plan_id, sitting_id, c.in_taiwan,
	    &picked, &full, why)) == QD_OK)
		rc = exam_seat_insert(db, actor, plan_id, picked, applicant_id,
		    &c, full, &id, why);
	if (rc == QD_OK && c.trained)
		*warning = xstrdup("注意：考评机构曾培训此人此职业（考培分离）"
		    " warning: the examining body trained this person for this"
		    " occupation (exams apart from training)");
	if (rc == QD_OK)
		rc = db_exam_seat_get(db, actor, id, out, why);
	free(c.state);
	free(c.deadline);
	rc = exam_tx_end(db, rc, why);
	if (rc != QD_OK) {
		exam_seat_free(*out);
		*out = NULL;
		xfree(warning);
	}
	return rc;
}

/* Update registration id (scoped) with set, after a version check. */
static int
exam_seat_update(sqlite3 *db, const struct qd_user *actor, int64_t id,
    int64_t version, const char *sql, const char *text, char **why)
{
	struct qd_exam_seat	*s = NULL;
	sqlite3_stmt		*st;
	int			 rc;

	if (db_begin(db) != QD_OK)
		return db_fail(db, why);
	if ((rc = db_exam_seat_get(db, actor, id, &s, why)) != QD_OK)
		return exam_tx_end(db, rc, why);
	if (version != 0 && version != s->version) {
		why_set(why, "报名 %" PRId64 " 已被他人修改 registration %"
		    PRId64 " was changed by someone else", id, id);
		exam_seat_free(s);
		return exam_tx_end(db, QD_ECONFLICT, why);
	}
	exam_seat_free(s);
	if (db_prepare(db, sql, &st) != QD_OK)
		return exam_tx_end(db, db_fail(db, why), why);
	sqlite3_bind_int64(st, 1, id);
	if (text != NULL)
		sqlite3_bind_text(st, 2, text, -1, SQLITE_STATIC);
	rc = exam_step_done(db, st, why);
	if (rc == QD_OK && sqlite3_changes(db) == 0) {
		why_set(why, "报名 %" PRId64 " 已取消 registration %" PRId64
		    " is cancelled already", id, id);
		rc = QD_EINVAL;
	}
	return exam_tx_end(db, rc, why);
}

int
db_exam_seat_remove(sqlite3 *db, const struct qd_user *actor, int64_t id,
    int64_t version, const char *reason, char **why)
{
	if (!user_may(actor, "exam-seat cancel")) {
		why_set(why, "审计员只读 the auditor changes nothing");
		return QD_EDENIED;
	}
	if (exam_text_check(reason, 100, "原因", "the reason", 0, why) != QD_OK)
		return QD_EINVAL;
	return exam_seat_update(db, actor, id, version, "UPDATE"
	    " exam_registrations SET status = 'cancelled', seat_no = NULL,"
	    " reason = coalesce(?2, ''), updated_at = " EXAM_NOW ","
	    " version = version + 1 WHERE id = ?1 AND status <> 'cancelled'",
	    reason, why);
}

int
db_exam_seat_notify(sqlite3 *db, const struct qd_user *actor, int64_t id,
    char **why)
{
	if (!exam_scoped(actor)) {
		why_set(why, "由台胞所在办公室通知 the person's office notifies"
		    " them");
		return QD_EDENIED;
	}
	return exam_seat_update(db, actor, id, 0, "UPDATE exam_registrations"
	    " SET notified_at = " EXAM_NOW ", updated_at = " EXAM_NOW ","
	    " version = version + 1 WHERE id = ?1", NULL, why);
}

void
exam_seat_free(struct qd_exam_seat *s)
{
	if (s == NULL)
		return;
	exam_seats_free(s, 1);
}

void
exam_seats_free(struct qd_exam_seat *list, size_t n)
{
	size_t	 i;

	if (list == NULL)
		return;
	for (i = 0; i < n; i++) {
		free(list[i].sitting);
		free(list[i].mode);
		free(list[i].name);
		free(list[i].mtp_masked);
		free(list[i].office_name);
		free(list[i].status);
		free(list[i].outcome);
		free(list[i].score);
		free(list[i].notified_at);
	}
	free(list);
}

#define EXAM_SEAT_COLUMNS \
	"SELECT r.id, r.plan_id, r.sitting_id," \
	" trim(coalesce(so.name_zh, '') || ' ' || s.venue), s.mode," \
	" r.applicant_id, a.name, a.mtp, o.name_zh, r.status," \
	" coalesce(r.seat_no, 0), CASE WHEN r.status = 'waiting' THEN" \
	" (SELECT count(*) FROM exam_registrations w WHERE" \
	" w.sitting_id = r.sitting_id AND w.status = 'waiting'" \
	" AND w.id <= r.id) ELSE 0 END, coalesce(x.outcome, '')," \
	" coalesce(x.score, ''), r.notified_at, r.version" \
	" FROM exam_registrations r" \
	" JOIN exam_sittings s ON s.id = r.sitting_id" \
	" LEFT JOIN offices so ON so.id = s.office_id" \
	" JOIN applicants a ON a.id = r.applicant_id" \
	" JOIN offices o ON o.id = r.office_id" \
	" LEFT JOIN exam_results x ON x.registration_id = r.id"

static void
exam_seat_from_row(struct qd_exam_seat *s, sqlite3_stmt *st)
{
	char	*mtp;
	int	 i = 0;

	s->id = sqlite3_column_int64(st, i++);
	s->plan_id = sqlite3_column_int64(st, i++);
	s->sitting_id = sqlite3_column_int64(st, i++);
	s->sitting = db_column_strdup(st, i++);
	s->mode = db_column_strdup(st, i++);
	s->applicant_id = sqlite3_column_int64(st, i++);
	s->name = db_column_strdup(st, i++);
	mtp = db_column_strdup(st, i++);
	s->mtp_masked = idcheck_mask(mtp);
	free(mtp);
	s->office_name = db_column_strdup(st, i++);
	s->status = db_column_strdup(st, i++);
	s->seat_no = sqlite3_column_int(st, i++);
	s->queue_no = sqlite3_column_int(st, i++);
	s->outcome = db_column_strdup(st, i++);
	s->score = db_column_strdup(st, i++);
	s->notified_at = db_column_strdup(st, i++);
	s->version = sqlite3_column_int64(st, i++);
}

int
db_exam_seat_get(sqlite3 *db, const struct qd_user *actor, int64_t id,
    struct qd_exam_seat **out, char **why)
{
	sqlite3_stmt	*st;
	int		 step, rc = QD_OK;

	*out = NULL;
	if (db_prepare(db, EXAM_SEAT_COLUMNS " WHERE r.id = ?1"
	    " AND (?2 = 0 OR r.office_id = ?2)", &st) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, exam_scoped(actor) ? actor->office_id : 0);
	if ((step = sqlite3_step(st)) == SQLITE_ROW) {
		*out = xcalloc(1, sizeof **out);
		exam_seat_from_row(*out, st);
	} else if (step == SQLITE_DONE) {
		why_set(why, "没有报名 %" PRId64 " no registration %" PRId64,
		    id, id);
		rc = QD_ENOTFOUND;
	} else
		rc = db_fail(db, why);
	sqlite3_finalize(st);
	return rc;
}

int
db_exam_seat_list(sqlite3 *db, const struct qd_user *actor, int64_t plan_id,
    int64_t after, int limit, struct qd_exam_seat **out, size_t *n,
    char **why)
{
	sqlite3_stmt	*st;
	int		 step;

	*out = NULL;
	*n = 0;
	if (db_prepare(db, EXAM_SEAT_COLUMNS " WHERE r.plan_id = ?1"
	    " AND r.id > ?2 AND (?3 = 0 OR r.office_id = ?3)"
	    " ORDER BY r.id LIMIT ?4", &st) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int64(st, 1, plan_id);
	sqlite3_bind_int64(st, 2, after);
	sqlite3_bind_int64(st, 3, exam_scoped(actor) ? actor->office_id : 0);
	sqlite3_bind_int(st, 4, limit > 0 ? limit : 100);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		*out = xreallocarray(*out, *n + 1, sizeof **out);
		memset(&(*out)[*n], 0, sizeof **out);
		exam_seat_from_row(&(*out)[(*n)++], st);
	}
	sqlite3_finalize(st);
	if (step != SQLITE_DONE) {
		exam_seats_free(*out, *n);
		*out = NULL;
		*n = 0;
		return db_fail(db, why);
	}
	return QD_OK;
}
