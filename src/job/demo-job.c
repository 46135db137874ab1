/*
 * The demo's invented employers and postings, and job needs for the
 * first applicants when there are some, loaded as the system's "(demo)"
 * into empty tables.
 */
#include <stdlib.h>
#include <string.h>

#include "job/job.h"

static const struct {
	const char	*name;
	int64_t		 office_id;
	int		 taiwan_funded;
	const char	*contact;
} job_demo_employers[] = {
	{ "榕岸精密机械有限公司", 1, 1, "人事部 0591-0000-1001" },
	{ "鹭屿美业连锁", 2, 1, "门店经理 0592-0000-2002" },
	{ "刺桐电气安装工程公司", 4, 0, "项目部 0595-0000-3003" },
	{ "岚岛海峡食品有限公司", 10, 1, "行政部 0591-0000-4004" },
	{ "九龙江汽车服务中心", 3, 0, "站长 0596-0000-5005" },
};

static const struct {
	size_t		 employer;
	const char	*occupation;	/* code of the demo catalog */
	int		 min_level;
	int		 openings, pay_min, pay_max;
	int		 days;		/* open for this many days */
} job_demo_postings[] = {
	{ 0, "6-18-01-11", 4, 3, 6500, 9000, 60 },
	{ 0, "6-18-01-12", 3, 2, 7000, 10000, 45 },
	{ 1, "4-10-03-11", 0, 4, 5000, 8000, 90 },
	{ 2, "6-31-01-13", 4, 5, 6000, 9500, 30 },
	{ 3, "4-03-02-14", 0, 2, 5500, 8000, 60 },
	{ 4, "6-18-02-14", 4, 2, 6500, 9000, 75 },
};

/* One statement with numbers ?1..?4 and texts ?5..?6 bound. */
static int
job_demo_exec(sqlite3 *db, const char *sql, int64_t n1, int64_t n2,
    int64_t n3, int64_t n4, const char *t5, const char *t6, char **why)
{
	sqlite3_stmt	*st;
	int		 rc = QD_OK;

	if (db_prepare(db, sql, &st) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int64(st, 1, n1);
	sqlite3_bind_int64(st, 2, n2);
	sqlite3_bind_int64(st, 3, n3);
	sqlite3_bind_int64(st, 4, n4);
	sqlite3_bind_text(st, 5, t5, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, t6, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = db_fail(db, why);
	sqlite3_finalize(st);
	return rc;
}

static int
job_demo_postings_load(sqlite3 *db, char **why)
{
	size_t	 i;
	int	 rc = QD_OK;

	for (i = 0; rc == QD_OK && i < nitems(job_demo_employers); i++)
		rc = job_demo_exec(db, "INSERT INTO job_employers (id, name,"
		    " office_id, taiwan_funded, contact) VALUES (?1, ?5, ?2, ?3,"
		    " ?6)", (int64_t)i + 1, job_demo_employers[i].office_id,
		    job_demo_employers[i].taiwan_funded, 0,
		    job_demo_employers[i].name, job_demo_employers[i].contact,
		    why);
	/* Postings whose occupation the catalog lacks are left out. */
	for (i = 0; rc == QD_OK && i < nitems(job_demo_postings); i++)
		rc = job_demo_exec(db, "INSERT INTO job_postings (employer_id,"
		    " office_id, occupation_id, min_level, openings, pay_min,"
		    " pay_max, closes_on, contact, state, action, created_by)"
		    " SELECT e.id, e.office_id, o.id, nullif(?2, 0), ?3, ?4 / 100000,"
		    " ?4 % 100000, date('now', 'localtime', '+' || ?1 || ' days'),"
		    " e.contact, 'published', 'publish', '(demo)'"
		    " FROM job_employers e, occupations o"
		    " WHERE e.name = ?6 AND o.code = ?5",
		    job_demo_postings[i].days, job_demo_postings[i].min_level,
		    job_demo_postings[i].openings,
		    (int64_t)job_demo_postings[i].pay_min * 100000 +
		    job_demo_postings[i].pay_max,
		    job_demo_postings[i].occupation,
		    job_demo_employers[job_demo_postings[i].employer].name, why);
	return rc;
}

/*
 * For the first applicants of each office: a reported need for the
 * occupation of their latest case (or the first posting's), in their
 * own city and Pingtan.
 */
static int
job_demo_needs(sqlite3 *db, char **why)
{
	int	 rc;

	rc = job_demo_exec(db, "INSERT INTO job_needs (id, applicant_id,"
	    " office_id, pay_min, available_from, state, action, created_by)"
	    " SELECT a.id, a.id, a.office_id, 6000,"
	    " date('now', 'localtime', '+14 days'), 'reported', 'report',"
	    " '(demo)' FROM applicants a WHERE a.id <= ?1", 40, 0, 0, 0, NULL,
	    NULL, why);
	if (rc == QD_OK)
		rc = job_demo_exec(db, "INSERT OR IGNORE INTO job_need_cities"
		    " (need_id, office_id) SELECT id, office_id FROM job_needs"
		    " UNION SELECT id, 10 FROM job_needs", 0, 0, 0, 0, NULL, NULL,
		    why);
	if (rc == QD_OK)
		rc = job_demo_exec(db, "INSERT OR IGNORE INTO"
		    " job_need_occupations (need_id, occupation_id, level, source)"
		    " SELECT n.id, coalesce(c.decided_occupation_id,"
		    " c.occupation_id, (SELECT occupation_id FROM job_postings"
		    " ORDER BY id LIMIT 1)), c.decided_level, CASE WHEN"
		    " c.decided_level IS NULL THEN '' ELSE '案件 ' || c.id END"
		    " FROM job_needs n LEFT JOIN cases c ON c.id = (SELECT max(id)"
		    " FROM cases WHERE applicant_id = n.applicant_id)"
		    " WHERE coalesce(c.decided_occupation_id, c.occupation_id,"
		    " (SELECT occupation_id FROM job_postings)) IS NOT NULL",
		    0, 0, 0, 0, NULL, NULL, why);
	return rc;
}

int
job_demo(sqlite3 *db, char **why)
{
	long long	 n;
	int		 rc;

	if ((n = demo_count(db, "SELECT count(*) FROM job_employers")) != 0)
		return n < 0 ? db_fail(db, why) : QD_OK;
	if (db_set_system_actor(db, "(demo)", "demo setup") != QD_OK ||
	    db_begin(db) != QD_OK)
		return db_fail(db, why);
	if ((rc = job_demo_postings_load(db, why)) == QD_OK &&
	    (rc = job_demo_needs(db, why)) == QD_OK && db_commit(db) != QD_OK)
		rc = db_fail(db, why);
	if (rc != QD_OK)
		db_rollback(db);
	return rc;
}
