/*
 * Matching (供需对接): for a posting the reported needs that fit it, for
 * a need the postings; each with the one line that says why (the same
 * occupation, the level against the minimum, the city wanted). The
 * center proposes a match to the person's city, which records what came
 * of it.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "job/job.h"

/*
 * What fits, as rows of enum job_fit_col; the WHERE follows. A person
 * without a level counts as 9, below every minimum, so the index on
 * (occupation, level) gives a posting's best people first.
 */
#define JOB_FIT_SELECT \
	"SELECT coalesce(m.id, 0), p.id, n.id, a.name, ho.name_zh, e.name," \
	" pc.name_zh, oc.code || ' ' || oc.name," \
	" coalesce(substr(l.name_zh, 1, 2) || '(' || no.source || ')'," \
	" '无等级')," \
	" '同职业 ' || oc.code || '；等级 ' || coalesce(substr(l.name_zh, 1, 2)," \
	" '无') || CASE WHEN p.min_level IS NULL THEN '（不限）'" \
	" ELSE '≥' || substr(pl.name_zh, 1, 2) END || '；意向城市 '" \
	" || pc.name_zh, coalesce(ms.name_zh || ' ' || ms.name_en, '')" \
	" FROM job_postings p" \
	" JOIN job_need_occupations no ON no.occupation_id = p.occupation_id" \
	" AND coalesce(no.level, 9) <= coalesce(p.min_level, 9)" \
	" JOIN job_needs n ON n.id = no.need_id AND n.state = 'reported'" \
	" JOIN job_need_cities nc ON nc.need_id = n.id" \
	" AND nc.office_id = p.office_id" \
	" JOIN applicants a ON a.id = n.applicant_id" \
	" JOIN offices ho ON ho.id = n.office_id" \
	" JOIN job_employers e ON e.id = p.employer_id" \
	" JOIN offices pc ON pc.id = p.office_id" \
	" JOIN occupations oc ON oc.id = p.occupation_id" \
	" LEFT JOIN levels l ON l.level = no.level" \
	" LEFT JOIN levels pl ON pl.level = p.min_level" \
	" LEFT JOIN job_matches m ON m.posting_id = p.id AND m.need_id = n.id" \
	" LEFT JOIN job_match_states ms ON ms.state = m.state" \
	" WHERE p.state = 'published'" \
	" AND p.closes_on >= date('now', 'localtime')" \
	" AND (?3 = 0 OR n.office_id = ?3)"

int
db_job_fit(sqlite3 *db, const struct qd_user *actor, int64_t posting_id,
    int64_t need_id, int limit, struct db_rows *rows, char **why)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (posting_id == 0 && need_id == 0) {
		why_set(why, "请指定岗位或需求 give a posting or a need");
		return QD_EINVAL;
	}
	if (db_prepare(db, posting_id != 0 ? JOB_FIT_SELECT
	    " AND p.id = ?1 AND (?2 = 0 OR n.id = ?2)"
	    " ORDER BY coalesce(no.level, 9), no.need_id LIMIT ?4" :
	    JOB_FIT_SELECT " AND no.need_id = ?2"
	    " ORDER BY p.closes_on, p.id LIMIT ?4", &st) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int64(st, 1, posting_id);
	sqlite3_bind_int64(st, 2, need_id);
	sqlite3_bind_int64(st, 3, role_has_office(actor->role) ?
	    actor->office_id : 0);
	sqlite3_bind_int(st, 4, limit > 0 ? limit : 100);
	rc = db_rows_read(db, st, JOB_FIT_NCOLS, rows, why);
	sqlite3_finalize(st);
	return rc;
}

int
db_job_match_propose(sqlite3 *db, const struct qd_user *actor,
    int64_t posting_id, int64_t need_id, int64_t *id, char **why)
{
	struct db_rows	 fit = { 0 };
	sqlite3_stmt	*st = NULL;
	int		 rc;

	*id = 0;
	if (!user_may(actor, "job-match propose")) {
		why_set(why, "仅中心可推荐岗位 only the center proposes matches");
		return QD_EDENIED;
	}
	if ((rc = db_job_fit(db, actor, posting_id, need_id, 1, &fit, why)) !=
	    QD_OK)
		goto out;
	if (fit.n == 0) {
		why_set(why, "岗位 %" PRId64 " 与需求 %" PRId64 " 不匹配（职业、"
		    "等级、城市，或岗位未发布、需求未报中心） posting %" PRId64
		    " does not fit need %" PRId64 " (occupation, level, city, or"
		    " not published or reported)", posting_id, need_id,
		    posting_id, need_id);
		rc = QD_EINVAL;
		goto out;
	}
	if (fit.ids[0] != 0) {
		why_set(why, "已推荐过（推荐 %" PRId64 "） proposed already (match"
		    " %" PRId64 ")", fit.ids[0], fit.ids[0]);
		rc = QD_ECONFLICT;
		goto out;
	}
	if (db_prepare(db, "INSERT INTO job_matches (posting_id, need_id,"
	    " office_id, reason, proposed_by) SELECT ?1, ?2, office_id, ?3, ?4"
	    " FROM job_needs WHERE id = ?2", &st) != QD_OK) {
		rc = db_fail(db, why);
		goto out;
	}
	sqlite3_bind_int64(st, 1, posting_id);
	sqlite3_bind_int64(st, 2, need_id);
	sqlite3_bind_text(st, 3, db_rows_cell(&fit, 0, JOB_FIT_REASON), -1,
	    SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, actor->login, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = db_fail(db, why);
	else
		*id = sqlite3_last_insert_rowid(db);
out:
	sqlite3_finalize(st);
	db_rows_free(&fit);
	return rc;
}

int
db_job_match_outcome(sqlite3 *db, const struct qd_user *actor, int64_t id,
    const char *action, const char *note, int64_t version, char **why)
{
	if (!user_may(actor, "job-match record")) {
		why_set(why, "由台胞所在城市记录结果 the person's city records the"
		    " outcome");
		return QD_EDENIED;
	}
	if (note != NULL && (!text_valid(note) || strlen(note) > 600)) {
		why_set(why, "备注最多 200 字 the note takes at most 200"
		    " characters");
		return QD_EINVAL;
	}
	return job_step(db, actor, "job_match", id, action, version, note, why);
}

int
db_job_match_list(sqlite3 *db, const struct qd_user *actor, int limit,
    struct db_rows *rows, char **why)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (db_prepare(db, "SELECT m.id, a.name, ho.name_zh, e.name,"
	    " pc.name_zh, oc.code || ' ' || oc.name, m.reason,"
	    " s.name_zh || ' ' || s.name_en, m.state, p.openings, m.version"
	    " FROM job_matches m JOIN job_postings p ON p.id = m.posting_id"
	    " JOIN job_needs n ON n.id = m.need_id"
	    " JOIN applicants a ON a.id = n.applicant_id"
	    " JOIN offices ho ON ho.id = m.office_id"
	    " JOIN job_employers e ON e.id = p.employer_id"
	    " JOIN offices pc ON pc.id = p.office_id"
	    " JOIN occupations oc ON oc.id = p.occupation_id"
	    " JOIN job_match_states s ON s.state = m.state"
	    " WHERE (?1 = 0 OR m.office_id = ?1) ORDER BY m.id DESC LIMIT ?2",
	    &st) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int64(st, 1, role_has_office(actor->role) ?
	    actor->office_id : 0);
	sqlite3_bind_int(st, 2, limit > 0 ? limit : 100);
	rc = db_rows_read(db, st, JOB_MATCH_NCOLS, rows, why);
	sqlite3_finalize(st);
	return rc;
}
