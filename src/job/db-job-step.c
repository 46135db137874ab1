/*
 * One step of a job workflow (needs, postings, matches, plans): the
 * transition the actor's role may take from the record's state, checked
 * here for a clear message and again by the schema's triggers, with the
 * version the caller read.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "job/job.h"

/* Each workflow's statements; ?5 is its free text (note, outcome). */
static const struct job_flow {
	const char	*name;
	const char	*label;		/* in messages */
	const char	*read;		/* state, version, office_id by ?1 */
	const char	*move;		/* to_state by action ?1, state ?2, role ?3 */
	const char	*update;	/* id ?1, to ?2, action ?3, version ?4 */
} job_flows[] = {
	{ "job_need", "就业需求 job need",
	  "SELECT state, version, office_id FROM job_needs WHERE id = ?1",
	  "SELECT to_state FROM job_need_transitions WHERE action = ?1"
	  " AND from_state = ?2 AND role = ?3",
	  "UPDATE job_needs SET state = ?2, action = ?3, version = version + 1,"
	  " updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
	  " WHERE id = ?1 AND version = ?4" },
	{ "job_posting", "岗位 posting",
	  "SELECT state, version, office_id FROM job_postings WHERE id = ?1",
	  "SELECT to_state FROM job_posting_transitions WHERE action = ?1"
	  " AND from_state = ?2 AND role = ?3",
	  "UPDATE job_postings SET state = ?2, action = ?3,"
	  " version = version + 1,"
	  " updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
	  " WHERE id = ?1 AND version = ?4" },
	{ "job_match", "推荐 match",
	  "SELECT state, version, office_id FROM job_matches WHERE id = ?1",
	  "SELECT to_state FROM job_match_transitions WHERE action = ?1"
	  " AND from_state = ?2 AND role = ?3",
	  "UPDATE job_matches SET state = ?2, action = ?3,"
	  " version = version + 1, note = CASE WHEN ?5 <> '' THEN ?5 ELSE note END,"
	  " updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
	  " WHERE id = ?1 AND version = ?4" },
	{ "job_plan", "就业服务方案 service plan",
	  "SELECT state, version, office_id FROM job_plans WHERE id = ?1",
	  "SELECT to_state FROM job_plan_transitions WHERE action = ?1"
	  " AND from_state = ?2 AND role = ?3",
	  "UPDATE job_plans SET state = ?2, action = ?3,"
	  " version = version + 1, outcome = CASE WHEN ?5 <> '' THEN ?5 ELSE outcome END,"
	  " updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
	  " WHERE id = ?1 AND version = ?4" },
};

static const struct job_flow *
job_flow(const char *name)
{
	size_t	 i;

	for (i = 0; i < nitems(job_flows); i++) {
		if (strcmp(job_flows[i].name, name) == 0)
			return &job_flows[i];
	}
	return NULL;
}

/* The record's state, version and office; QD_ENOTFOUND if none. */
static int
job_step_read(sqlite3 *db, const struct job_flow *f, int64_t id,
    char **state, int64_t *version, int64_t *office, char **why)
{
	sqlite3_stmt	*st;
	int		 step, rc = QD_OK;

	if (db_prepare(db, f->read, &st) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int64(st, 1, id);
	if ((step = sqlite3_step(st)) == SQLITE_ROW) {
		*state = db_column_strdup(st, 0);
		*version = sqlite3_column_int64(st, 1);
		*office = sqlite3_column_int64(st, 2);
	} else if (step == SQLITE_DONE) {
		why_set(why, "找不到%s %" PRId64 " no %s %" PRId64,
		    f->label, id, strchr(f->label, ' ') + 1, id);
		rc = QD_ENOTFOUND;
	} else
		rc = db_fail(db, why);
	sqlite3_finalize(st);
	return rc;
}

/* The state action leads to from state for actor, or NULL (caller frees). */
static char *
job_step_target(sqlite3 *db, const struct job_flow *f,
    const struct qd_user *actor, const char *action, const char *state)
{
	sqlite3_stmt	*st;
	char		*to = NULL;

	if (db_prepare(db, f->move, &st) != QD_OK)
		return NULL;
	sqlite3_bind_text(st, 1, action, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, state, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, role_name(actor->role == ROLE_ADMIN ?
	    ROLE_CENTER : actor->role), -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		to = db_column_strdup(st, 0);
	sqlite3_finalize(st);
	return to;
}

int
job_step(sqlite3 *db, const struct qd_user *actor, const char *workflow,
    int64_t id, const char *action, int64_t version, const char *text,
    char **why)
{
	const struct job_flow	*f;
	sqlite3_stmt		*st = NULL;
	char			*state = NULL, *to = NULL;
	int64_t			 cur = 0, office = 0;
	int			 rc;

	if ((f = job_flow(workflow)) == NULL || action == NULL) {
		why_set(why, "no workflow %s", workflow);
		return QD_EINVAL;
	}
	if (actor->role == ROLE_AUDITOR) {
		why_set(why, "审计只能查看 the auditor reads, never changes");
		return QD_EDENIED;
	}
	if (db_begin(db) != QD_OK)
		return db_fail(db, why);
	if ((rc = job_step_read(db, f, id, &state, &cur, &office, why)) !=
	    QD_OK)
		goto out;
	if (role_has_office(actor->role) && office != actor->office_id) {
		why_set(why, "此%s属于其他办公室 this %s belongs to another"
		    " office", f->label, strchr(f->label, ' ') + 1);
		rc = QD_EDENIED;
		goto out;
	}
	if (version != 0 && version != cur) {
		why_set(why, "%s已被他人修改，请重新打开 the %s was changed by"
		    " someone else; open it again", f->label,
		    strchr(f->label, ' ') + 1);
		rc = QD_ECONFLICT;
		goto out;
	}
	if ((to = job_step_target(db, f, actor, action, state)) == NULL) {
		why_set(why, "此%s当前状态（%s）不允许“%s” the %s is %s: %s is"
		    " not allowed for you now", f->label, state, action,
		    strchr(f->label, ' ') + 1, state, action);
		rc = QD_EINVAL;
		goto out;
	}
	if (db_prepare(db, f->update, &st) != QD_OK) {
		rc = db_fail(db, why);
		goto out;
	}
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, to, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, action, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 4, cur);
	sqlite3_bind_text(st, 5, text != NULL ? text : "", -1,
	    SQLITE_TRANSIENT);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = db_fail(db, why);
	else if (db_commit(db) != QD_OK)
		rc = db_fail(db, why);
out:
	sqlite3_finalize(st);
	if (rc != QD_OK)
		db_rollback(db);
	free(state);
	free(to);
	return rc;
}
