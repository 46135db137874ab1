/*
 * Service plans (就业服务方案): the center's note of what it will do for
 * a person whose need was reported, followed to an outcome.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "job/job.h"

int
db_job_plan_add(sqlite3 *db, const struct qd_user *actor, int64_t need_id,
    const char *text, int64_t *id, char **why)
{
	sqlite3_stmt	*st;
	int		 rc = QD_OK;

	*id = 0;
	if (!user_may(actor, "job-plan write")) {
		why_set(why, "仅中心可制订就业服务方案 only the center makes"
		    " service plans");
		return QD_EDENIED;
	}
	if (text == NULL || *text == '\0' || !text_valid(text) ||
	    strlen(text) > 1500) {
		why_set(why, "方案内容 1 到 500 字 a plan takes 1 to 500"
		    " characters");
		return QD_EINVAL;
	}
	if (db_prepare(db, "INSERT INTO job_plans (need_id, office_id, text,"
	    " created_by) SELECT id, office_id, ?2, ?3 FROM job_needs"
	    " WHERE id = ?1 AND state IN ('reported', 'placed')", &st) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int64(st, 1, need_id);
	sqlite3_bind_text(st, 2, text, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, actor->login, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = db_fail(db, why);
	else if (sqlite3_changes(db) == 0) {
		why_set(why, "找不到已报中心的需求 %" PRId64 " no reported need %"
		    PRId64, need_id, need_id);
		rc = QD_ENOTFOUND;
	} else
		*id = sqlite3_last_insert_rowid(db);
	sqlite3_finalize(st);
	return rc;
}

int
db_job_plan_step(sqlite3 *db, const struct qd_user *actor, int64_t id,
    const char *action, const char *outcome, char **why)
{
	if (!user_may(actor, "job-plan write")) {
		why_set(why, "仅中心可修改就业服务方案 only the center changes"
		    " service plans");
		return QD_EDENIED;
	}
	if (outcome != NULL && (!text_valid(outcome) ||
	    strlen(outcome) > 600)) {
		why_set(why, "结果最多 200 字 the outcome takes at most 200"
		    " characters");
		return QD_EINVAL;
	}
	if (action != NULL && strcmp(action, "start") != 0 &&
	    (outcome == NULL || *outcome == '\0')) {
		why_set(why, "结束方案须写明结果 say how the plan ended"
		    " (--outcome)");
		return QD_EINVAL;
	}
	return job_step(db, actor, "job_plan", id, action, 0, outcome, why);
}

int
db_job_plan_list(sqlite3 *db, const struct qd_user *actor, int limit,
    struct db_rows *rows, char **why)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (db_prepare(db, "SELECT j.id, j.need_id, a.name, o.name_zh, j.text,"
	    " s.name_zh || ' ' || s.name_en, j.outcome, j.state"
	    " FROM job_plans j JOIN job_needs n ON n.id = j.need_id"
	    " JOIN applicants a ON a.id = n.applicant_id"
	    " JOIN offices o ON o.id = j.office_id"
	    " JOIN job_plan_states s ON s.state = j.state"
	    " WHERE (?1 = 0 OR j.office_id = ?1) ORDER BY j.id DESC LIMIT ?2",
	    &st) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int64(st, 1, role_has_office(actor->role) ?
	    actor->office_id : 0);
	sqlite3_bind_int(st, 2, limit > 0 ? limit : 100);
	rc = db_rows_read(db, st, JOB_PLAN_NCOLS, rows, why);
	sqlite3_finalize(st);
	return rc;
}
