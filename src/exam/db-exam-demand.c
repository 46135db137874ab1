/*
 * Exam demand (考试需求): recorded by an office for a person of the
 * office, reported to the center (报送) one or many at once, withdrawn
 * while no plan holds it. Every query is scoped here by the actor's
 * office, and every rule is checked again by the schema.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "exam/exam.h"
#include "exam/exam-db.h"

/* The person's in-Taiwan flag, if the office may record for them. */
static int
exam_demand_person(sqlite3 *db, const struct qd_user *actor,
    int64_t applicant_id, int *in_taiwan, char **why)
{
	sqlite3_stmt	*st;
	int		 step, rc = QD_OK;

	if (db_prepare(db, "SELECT in_taiwan FROM applicants a WHERE id = ?1"
	    " AND (office_id = ?2 OR EXISTS (SELECT 1 FROM cases"
	    " WHERE applicant_id = a.id AND office_id = ?2))", &st) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int64(st, 1, applicant_id);
	sqlite3_bind_int64(st, 2, actor->office_id);
	if ((step = sqlite3_step(st)) == SQLITE_ROW)
		*in_taiwan = sqlite3_column_int(st, 0);
	else if (step == SQLITE_DONE) {
		why_set(why, "本办公室没有台胞 %" PRId64 " no applicant %"
		    PRId64 " in your office", applicant_id, applicant_id);
		rc = QD_ENOTFOUND;
	} else
		rc = db_fail(db, why);
	sqlite3_finalize(st);
	return rc;
}

/* Refuse a field of nf before anything is written. */
static int
exam_demand_check(sqlite3 *db, const struct qd_exam_demand_new *nf,
    char **why)
{
	sqlite3_stmt	*st;
	int		 ok;

	if (!exam_kind_valid(nf->kind)) {
		why_set(why, "证书类别应为 qualification、skill 或 special the"
		    " kind is qualification, skill or special");
		return QD_EINVAL;
	}
	if (nf->level < 1 || nf->level > 5) {
		why_set(why, "等级应为一级至五级 the level must be 1 to 5");
		return QD_EINVAL;
	}
	if (db_prepare(db, "SELECT 1 FROM occupations WHERE id = ?1 AND"
	    " active = 1", &st) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int64(st, 1, nf->occupation_id);
	ok = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	if (!ok) {
		why_set(why, "请从目录中选择职业（工种） choose an occupation"
		    " from the catalog");
		return QD_EINVAL;
	}
	if (exam_text_check(nf->period, 40, "期望时间", "the preferred period",
	    0, why) != QD_OK ||
	    exam_text_check(nf->notes, 250, "备注", "the notes", 0, why) !=
	    QD_OK)
		return QD_EINVAL;
	return QD_OK;
}

int
db_exam_demand_add(sqlite3 *db, const struct qd_user *actor,
    const struct qd_exam_demand_new *nf, int64_t *id, char **why)
{
	sqlite3_stmt	*st;
	int		 in_taiwan = 0, rc;

	*id = 0;
	if (!exam_scoped(actor)) {
		why_set(why, "仅办公室窗口或联络员可登记考试需求 only an"
		    " office's clerk or liaison records exam demand");
		return QD_EDENIED;
	}
	if ((rc = exam_demand_check(db, nf, why)) != QD_OK)
		return rc;
	if (db_begin(db) != QD_OK)
		return db_fail(db, why);
	if ((rc = exam_demand_person(db, actor, nf->applicant_id, &in_taiwan,
	    why)) != QD_OK)
		return exam_tx_end(db, rc, why);
	if (nf->in_taiwan >= 0)
		in_taiwan = nf->in_taiwan != 0;
	if (db_prepare(db, "INSERT INTO exam_demands (applicant_id, office_id,"
	    " kind, occupation_id, level, in_taiwan, period, notes, state,"
	    " created_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'recorded',"
	    " qd_actor())", &st) != QD_OK)
		return exam_tx_end(db, db_fail(db, why), why);
	sqlite3_bind_int64(st, 1, nf->applicant_id);
	sqlite3_bind_int64(st, 2, actor->office_id);
	sqlite3_bind_text(st, 3, nf->kind, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 4, nf->occupation_id);
	sqlite3_bind_int(st, 5, nf->level);
	sqlite3_bind_int(st, 6, in_taiwan);
	sqlite3_bind_text(st, 7, nf->period != NULL ? nf->period : "", -1,
	    SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 8, nf->notes != NULL ? nf->notes : "", -1,
	    SQLITE_TRANSIENT);
	rc = exam_step_done(db, st, why);
	if (rc == QD_ECONFLICT)
		why_set(why, "此人已有此职业、此等级的未完成考试需求 this person"
		    " already has an open demand for this occupation and"
		    " level");
	if (rc == QD_OK)
		*id = sqlite3_last_insert_rowid(db);
	return exam_tx_end(db, rc, why);
}

/* Move demand id from one of the states in from to to, scoped. */
static int
exam_demand_move(sqlite3 *db, const struct qd_user *actor, int64_t id,
    int64_t version, const char *action, const char *to, char **why)
{
	sqlite3_stmt	*st;
	char		*state = NULL;
	int64_t		 office = 0, have = 0;
	int		 rc;

	if (db_prepare(db, "SELECT state, office_id, version FROM"
	    " exam_demands WHERE id = ?1", &st) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		state = db_column_strdup(st, 0);
		office = sqlite3_column_int64(st, 1);
		have = sqlite3_column_int64(st, 2);
	}
	sqlite3_finalize(st);
	if (state == NULL || (exam_scoped(actor) && office != actor->office_id)) {
		free(state);
		why_set(why, "没有考试需求 %" PRId64 " no demand %" PRId64, id,
		    id);
		return QD_ENOTFOUND;
	}
	if (version != 0 && version != have) {
		free(state);
		why_set(why, "考试需求 %" PRId64 " 已被他人修改 demand %" PRId64
		    " was changed by someone else", id, id);
		return QD_ECONFLICT;
	}
	if (db_prepare(db, "SELECT 1 FROM exam_demand_transitions WHERE"
	    " action = ?1 AND from_state = ?2 AND role = ?3", &st) != QD_OK) {
		free(state);
		return db_fail(db, why);
	}
	sqlite3_bind_text(st, 1, action, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, state, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, role_name(actor->role), -1, SQLITE_STATIC);
	rc = sqlite3_step(st) == SQLITE_ROW ? QD_OK : QD_EDENIED;
	sqlite3_finalize(st);
	if (rc != QD_OK) {
		why_set(why, "考试需求 %" PRId64 " 处于「%s」，不能%s demand %"
		    PRId64 " is %s: it cannot be %sed", id,
		    exam_demand_state_label(state), action, id, state, action);
		free(state);
		return rc;
	}
	free(state);
	if (db_prepare(db, "UPDATE exam_demands SET state = ?2, action = ?3,"
	    " reported_at = CASE WHEN ?2 = 'reported' THEN " EXAM_NOW
	    " ELSE reported_at END, updated_at = " EXAM_NOW ","
	    " version = version + 1 WHERE id = ?1", &st) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, action, -1, SQLITE_STATIC);
	return exam_step_done(db, st, why);
}

int
db_exam_demand_report(sqlite3 *db, const struct qd_user *actor,
    const int64_t *ids, size_t n, char **why)
{
	size_t	 i;
	int	 rc = QD_OK;

	if (n == 0) {
		why_set(why, "请选择要报送的考试需求 choose demands to report");
		return QD_EINVAL;
	}
	if (db_begin(db) != QD_OK)
		return db_fail(db, why);
	for (i = 0; i < n && rc == QD_OK; i++)
		rc = exam_demand_move(db, actor, ids[i], 0, "report",
		    "reported", why);
	return exam_tx_end(db, rc, why);
}

int
db_exam_demand_withdraw(sqlite3 *db, const struct qd_user *actor, int64_t id,
    int64_t version, char **why)
{
	if (db_begin(db) != QD_OK)
		return db_fail(db, why);
	return exam_tx_end(db, exam_demand_move(db, actor, id, version,
	    "withdraw", "withdrawn", why), why);
}

void
exam_demand_rows_free(struct qd_exam_demand_row *rows, size_t n)
{
	size_t	 i;

	if (rows == NULL)
		return;
	for (i = 0; i < n; i++) {
		free(rows[i].name);
		free(rows[i].mtp_masked);
		free(rows[i].office_name);
		free(rows[i].kind);
		free(rows[i].occupation);
		free(rows[i].period);
		free(rows[i].state);
	}
	free(rows);
}

int
db_exam_demand_list(sqlite3 *db, const struct qd_user *actor,
    const struct qd_exam_demand_filter *f, int64_t after, int limit,
    struct qd_exam_demand_row **out, size_t *n, char **why)
{
	struct qd_exam_demand_row	*r;
	sqlite3_stmt			*st;
	char				*mtp;
	int64_t				 office = f->office_id;
	int				 step;

	*out = NULL;
	*n = 0;
	if (exam_scoped(actor))
		office = actor->office_id;
	if (db_prepare(db, "SELECT d.id, d.applicant_id, a.name, a.mtp,"
	    " o.name_zh, d.kind, oc.name, d.level, d.in_taiwan, d.period,"
	    " d.state, coalesce(d.plan_id, 0), CAST(julianday('now') -"
	    " julianday(coalesce(d.reported_at, d.created_at)) AS INTEGER),"
	    " d.version FROM exam_demands d"
	    " JOIN applicants a ON a.id = d.applicant_id"
	    " JOIN offices o ON o.id = d.office_id"
	    " JOIN occupations oc ON oc.id = d.occupation_id"
	    " WHERE d.id > ?1 AND (?2 IS NULL OR d.state = ?2)"
	    " AND (?3 = 0 OR d.office_id = ?3)"
	    " AND (?4 = 0 OR d.occupation_id = ?4)"
	    " AND (?5 = 0 OR d.level = ?5) AND (?6 IS NULL OR d.kind = ?6)"
	    " AND (?7 < 0 OR d.in_taiwan = ?7)"
	    " AND (?8 = 0 OR d.plan_id = ?8) ORDER BY d.id LIMIT ?9",
	    &st) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int64(st, 1, after);
	if (f->state != NULL)
		sqlite3_bind_text(st, 2, f->state, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, office);
	sqlite3_bind_int64(st, 4, f->occupation_id);
	sqlite3_bind_int(st, 5, f->level);
	if (f->kind != NULL)
		sqlite3_bind_text(st, 6, f->kind, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 7, f->in_taiwan);
	sqlite3_bind_int64(st, 8, f->plan_id);
	sqlite3_bind_int(st, 9, limit > 0 ? limit : 100);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		*out = xreallocarray(*out, *n + 1, sizeof **out);
		r = &(*out)[(*n)++];
		r->id = sqlite3_column_int64(st, 0);
		r->applicant_id = sqlite3_column_int64(st, 1);
		r->name = db_column_strdup(st, 2);
		mtp = db_column_strdup(st, 3);
		r->mtp_masked = idcheck_mask(mtp);
		free(mtp);
		r->office_name = db_column_strdup(st, 4);
		r->kind = db_column_strdup(st, 5);
		r->occupation = db_column_strdup(st, 6);
		r->level = sqlite3_column_int(st, 7);
		r->in_taiwan = sqlite3_column_int(st, 8);
		r->period = db_column_strdup(st, 9);
		r->state = db_column_strdup(st, 10);
		r->plan_id = sqlite3_column_int64(st, 11);
		r->age_days = sqlite3_column_int(st, 12);
		r->version = sqlite3_column_int64(st, 13);
	}
	sqlite3_finalize(st);
	if (step != SQLITE_DONE) {
		exam_demand_rows_free(*out, *n);
		*out = NULL;
		*n = 0;
		return db_fail(db, why);
	}
	return QD_OK;
}
