/*
 * demo-data for exams: invented demand from the applicants demo-data
 * made (one demand for every five cases), training links for 考培分离,
 * and one plan in each state drawn from the largest cells of the demand
 * table, with seats, waiting lists, results and certificates. Runs as
 * the system actor, so every row still passes the schema's checks and
 * the audit trail is written as for real ones.
 */
#include <stdlib.h>
#include <string.h>

#include "exam/exam.h"
#include "exam/exam-db.h"

#define DEMO_EXAM_BATCH	5000

static const char *const demo_exam_kinds[] = {
	"skill", "skill", "skill", "qualification", "special"
};
static const char *const demo_exam_periods[] = {
	"", "上半年 first half", "下半年 second half", "尽快 soon",
	"周末 weekends",
};

/* A xorshift step. */
static uint64_t
demo_exam_next(uint64_t *rng)
{
	*rng ^= *rng >> 12;
	*rng ^= *rng << 25;
	*rng ^= *rng >> 27;
	return *rng * 2685821657736338717ULL;
}

/* Run sql with up to three integers bound; QD_OK or exam_fail's. */
static int
demo_exam_exec(sqlite3 *db, const char *sql, int64_t a, int64_t b, int64_t c,
    char **why)
{
	sqlite3_stmt	*st;

	if (db_prepare(db, sql, &st) != QD_OK)
		return db_fail(db, why);
	if (sqlite3_bind_parameter_count(st) >= 1)
		sqlite3_bind_int64(st, 1, a);
	if (sqlite3_bind_parameter_count(st) >= 2)
		sqlite3_bind_int64(st, 2, b);
	if (sqlite3_bind_parameter_count(st) >= 3)
		sqlite3_bind_int64(st, 3, c);
	return exam_step_done(db, st, why);
}

/* The demands: ndemands over random applicants, most reported. */
static int
demo_exam_demands(sqlite3 *db, long long ndemands, int64_t napplicants,
    int64_t noccupations, uint64_t *rng, char **why)
{
	sqlite3_stmt	*st;
	long long	 i;
	uint64_t	 r;
	int		 rc = QD_OK, step;

	if (db_prepare(db, "INSERT OR IGNORE INTO exam_demands (applicant_id,"
	    " office_id, kind, occupation_id, level, in_taiwan, period, state,"
	    " action, created_by, created_at, reported_at)"
	    " SELECT a.id, a.office_id, ?2, (SELECT id FROM occupations"
	    " WHERE active = 1 ORDER BY id LIMIT 1 OFFSET ?3), ?4,"
	    " CASE WHEN ?5 < 25 THEN 1 ELSE a.in_taiwan END, ?6, ?7, ?8,"
	    " '(demo-data)', strftime('%Y-%m-%dT%H:%M:%fZ', 'now', ?9),"
	    " CASE WHEN ?7 = 'recorded' THEN NULL ELSE"
	    " strftime('%Y-%m-%dT%H:%M:%fZ', 'now', ?10) END"
	    " FROM applicants a WHERE a.id = ?1", &st) != QD_OK)
		return db_fail(db, why);
	for (i = 0; i < ndemands && rc == QD_OK; i++) {
		char	 made[32], sent[32];
		int	 age, state;

		if (i % DEMO_EXAM_BATCH == 0 && db_begin(db) != QD_OK)
			return db_fail(db, why);
		r = demo_exam_next(rng);
		age = (int)(r % 150);
		state = (int)((r >> 8) % 100);
		snprintf(made, sizeof made, "-%d days", age + 3);
		snprintf(sent, sizeof sent, "-%d days", age);
		sqlite3_bind_int64(st, 1, 1 + (int64_t)((r >> 16) %
		    (uint64_t)napplicants));
		sqlite3_bind_text(st, 2, demo_exam_kinds[(r >> 40) %
		    nitems(demo_exam_kinds)], -1, SQLITE_STATIC);
		/* A few occupations draw most of the demand. */
		sqlite3_bind_int64(st, 3, (int64_t)(((r >> 24) % 4 == 0 ?
		    (r >> 28) : (r >> 28) % 6) % (uint64_t)noccupations));
		sqlite3_bind_int(st, 4, 3 + (int)((r >> 36) % 3));
		sqlite3_bind_int(st, 5, (int)((r >> 44) % 100));
		sqlite3_bind_text(st, 6, demo_exam_periods[(r >> 52) %
		    nitems(demo_exam_periods)], -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 7, state < 12 ? "recorded" : state < 95 ?
		    "reported" : "withdrawn", -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 8, state < 12 ? "record" : state < 95 ?
		    "report" : "withdraw", -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 9, made, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 10, sent, -1, SQLITE_TRANSIENT);
		if ((step = sqlite3_step(st)) != SQLITE_DONE)
			rc = exam_fail(db, why);
		sqlite3_reset(st);
		if (rc == QD_OK && (i % DEMO_EXAM_BATCH == DEMO_EXAM_BATCH - 1 ||
		    i == ndemands - 1) && db_commit(db) != QD_OK)
			rc = db_fail(db, why);
	}
	sqlite3_finalize(st);
	if (rc != QD_OK)
		db_rollback(db);
	return rc;
}

/* Training links: a few hundred people trained by an agency. */
static int
demo_exam_training(sqlite3 *db, char **why)
{
	return demo_exam_exec(db, "INSERT INTO training_links (agency_id,"
	    " provider_name, applicant_id, occupation_id, trainer_user)"
	    " SELECT coalesce((SELECT g.id FROM agencies g WHERE g.id >="
	    " (SELECT min(id) FROM agencies) + d.id % 3 ORDER BY g.id"
	    " LIMIT 1), (SELECT min(id) FROM agencies)),"
	    " CASE WHEN d.id % 5 = 0 THEN"
	    " '海峡职业培训学校' ELSE '' END, d.applicant_id,"
	    " d.occupation_id, CASE WHEN d.id % 7 = 0 THEN (SELECT id FROM"
	    " users WHERE login = 'center') END FROM exam_demands d"
	    " WHERE d.id % 97 = 0 AND EXISTS (SELECT 1 FROM agencies)"
	    " LIMIT ?1", 400, 0, 0, why);
}

/* The steps from draft to each state, in order. */
static const char *const demo_exam_path[][2] = {
	{ "published", "publish" }, { "closed_reg", "close_reg" },
	{ "held", "hold" }, { "results", "record" }, { "closed", "close" },
};

/* Take plan to state by action, as the schema's triggers see it. */
static int
demo_exam_move(sqlite3 *db, int64_t plan, const char *state,
    const char *action, char **why)
{
	sqlite3_stmt	*st;

	if (db_prepare(db, "UPDATE exam_plans SET state = ?2, action = ?3,"
	    " version = version + 1 WHERE id = ?1", &st) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int64(st, 1, plan);
	sqlite3_bind_text(st, 2, state, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, action, -1, SQLITE_STATIC);
	return exam_step_done(db, st, why);
}

/* Draft a plan for the n-th largest cell and take it to state. */
static int
demo_exam_plan(sqlite3 *db, int nth, const char *state, uint64_t *rng,
    char **why)
{
	int64_t		 plan;
	int		 past = strcmp(state, "draft") != 0 &&
			    strcmp(state, "published") != 0 &&
			    strcmp(state, "cancelled") != 0;
	size_t		 i;
	int		 rc;

	rc = demo_exam_exec(db, "INSERT INTO exam_plans (kind, professional,"
	    " occupation_id, level, agency_id, body_name, exam_on, start_time,"
	    " deadline, fee_note, created_by) SELECT c.kind,"
	    " c.kind = 'qualification', c.occupation_id, c.level,"
	    " (SELECT id FROM agencies ORDER BY id LIMIT 1),"
	    " CASE WHEN EXISTS (SELECT 1 FROM agencies) THEN '' ELSE"
	    " '福建省职业技能鉴定指导中心' END,"
	    " date('now', 'localtime', ?2 || ' days'), '09:00',"
	    " date('now', 'localtime', (?2 - 10) || ' days'),"
	    " '考试费按省物价部门标准 fee as set by the province', '(demo-data)'"
	    " FROM (SELECT occupation_id, level, kind, sum(n) AS n FROM"
	    " exam_demand_counts GROUP BY 1, 2, 3 ORDER BY n DESC, 1, 2, 3"
	    " LIMIT 1 OFFSET ?1) c", nth, past ? -30 : 30, 0, why);
	if (rc != QD_OK || sqlite3_changes(db) == 0)
		return rc;
	plan = sqlite3_last_insert_rowid(db);
	if ((rc = demo_exam_exec(db, "INSERT INTO exam_sittings (plan_id,"
	    " mode, office_id, venue, capacity) VALUES (?1, 'onsite',"
	    " (SELECT id FROM offices WHERE code = 'xiamen'),"
	    " '厦门市职业技能鉴定中心考场', ?2), (?1, 'remote', NULL,"
	    " '台北跨境考点', ?3)", plan, 8 + (int64_t)(demo_exam_next(rng) %
	    8), 4, why)) != QD_OK ||
	    (rc = demo_exam_exec(db, "UPDATE exam_demands SET state = 'invited',"
	    " action = 'invite', plan_id = ?1, version = version + 1 WHERE id"
	    " IN (SELECT d.id FROM exam_demands d, exam_plans p WHERE"
	    " p.id = ?1 AND d.state = 'reported' AND d.occupation_id ="
	    " p.occupation_id AND d.level = p.level AND d.kind = p.kind"
	    " ORDER BY d.reported_at LIMIT 40)", plan, 0, 0, why)) != QD_OK)
		return rc;
	if (strcmp(state, "draft") == 0)
		return QD_OK;
	if ((rc = demo_exam_exec(db, "UPDATE exam_plans SET state = 'published',"
	    " action = 'publish', published_at = strftime('%Y-%m-%dT%H:%M:%fZ',"
	    " 'now'), version = version + 1 WHERE id = ?1", plan, 0, 0, why)) !=
	    QD_OK)
		return rc;
	/* Seat the invited, the sittings' order; the rest wait. */
	rc = demo_exam_exec(db, "INSERT OR IGNORE INTO exam_registrations"
	    " (plan_id, sitting_id, applicant_id, office_id, demand_id,"
	    " status, seat_no, created_by) SELECT ?1, s.id, d.applicant_id,"
	    " d.office_id, d.id, CASE WHEN d.rank <= s.capacity THEN 'seated'"
	    " ELSE 'waiting' END, CASE WHEN d.rank <= s.capacity THEN d.rank"
	    " END, '(demo-data)' FROM (SELECT *, row_number() OVER (PARTITION"
	    " BY in_taiwan ORDER BY id) AS rank FROM exam_demands WHERE"
	    " plan_id = ?1 AND NOT EXISTS (SELECT 1 FROM training_links t"
	    " WHERE t.applicant_id = exam_demands.applicant_id)) d"
	    " JOIN exam_sittings s ON s.plan_id = ?1 AND (s.mode = 'onsite')"
	    " = (d.in_taiwan = 0) WHERE d.rank <= s.capacity + 3"
	    " ORDER BY d.rank", plan, 0, 0, why);
	if (rc != QD_OK)
		return rc;
	if (strcmp(state, "cancelled") == 0)
		return demo_exam_exec(db, "UPDATE exam_plans SET"
		    " state = 'cancelled', action = 'cancel', reason ="
		    " '考点停用，另行安排 the venue is closed; a new date follows',"
		    " version = version + 1 WHERE id = ?1", plan, 0, 0, why);
	for (i = 0; i < nitems(demo_exam_path) && rc == QD_OK; i++) {
		if (i > 0 && strcmp(demo_exam_path[i - 1][0], state) == 0)
			break;
		if (i == 0)
			continue;
		if (strcmp(demo_exam_path[i][0], "results") == 0)
			rc = demo_exam_exec(db, "INSERT INTO exam_results"
			    " (registration_id, plan_id, applicant_id,"
			    " office_id, outcome, score, recorded_by) SELECT id,"
			    " plan_id, applicant_id, office_id, CASE WHEN"
			    " id % 10 = 0 THEN 'absent' WHEN id % 10 < 3 THEN"
			    " 'fail' ELSE 'pass' END, CASE WHEN id % 10 = 0"
			    " THEN NULL WHEN id % 10 < 3 THEN 40 + id % 20"
			    " ELSE 60 + id % 40 END, '(demo-data)' FROM"
			    " exam_registrations WHERE plan_id = ?1"
			    " AND status = 'seated'", plan, 0, 0, why);
		if (rc == QD_OK)
			rc = demo_exam_move(db, plan, demo_exam_path[i][0],
			    demo_exam_path[i][1], why);
	}
	if (rc == QD_OK && strcmp(state, "closed") == 0)
		rc = demo_exam_exec(db, "UPDATE exam_passes SET cert_no ="
		    " 'ZJ-' || strftime('%Y', passed_on) || '-' ||"
		    " printf('%06d', id), cert_issued_on = date(passed_on,"
		    " '+20 days'), cert_recorded_by = '(demo-data)',"
		    " cert_recorded_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),"
		    " version = version + 1 WHERE plan_id = ?1", plan, 0, 0, why);
	return rc;
}

static const char *const demo_exam_states[] = {
	"draft", "published", "published", "closed_reg", "held", "results",
	"closed", "closed", "cancelled",
};

int
exam_demo_data(sqlite3 *db, long long ncases, uint64_t seed, char **why)
{
	uint64_t	 rng = seed != 0 ? seed ^ 0x5deece66dULL : 1;
	int64_t		 napplicants, noccupations;
	size_t		 i;
	int		 rc;

	napplicants = demo_count(db, "SELECT max(id) FROM applicants");
	noccupations = demo_count(db, "SELECT count(*) FROM occupations"
	    " WHERE active = 1");
	if (napplicants < 1 || noccupations < 1)
		return QD_OK;
	if ((rc = demo_exam_demands(db, ncases / 5 > 0 ? ncases / 5 : 1,
	    napplicants, noccupations, &rng, why)) != QD_OK)
		return rc;
	if (db_begin(db) != QD_OK)
		return db_fail(db, why);
	rc = demo_exam_training(db, why);
	for (i = 0; i < nitems(demo_exam_states) && rc == QD_OK; i++)
		rc = demo_exam_plan(db, (int)i, demo_exam_states[i], &rng, why);
	return exam_tx_end(db, rc, why);
}
