/*
 * The answer base and matching at scale, timed in the data layer (the
 * server's own time, no ssh): db_policy_find over BENCH_ANSWERS answers
 * (default 100000) made by recombining the demo's sentences, and
 * db_job_fit for postings and for people with BENCH_PEOPLE reported needs
 * (default 200000) and BENCH_POSTINGS published postings (default 20000).
 * Prints the median and the slowest of each kind of query. BENCH_KEEP
 * set keeps the database (in DIR) to look into.
 *
 * usage: bench-jobpolicy [DIR]
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "qualdesk.h"
#include "job/job.h"
#include "policy/policy.h"

#define BENCH_RUNS	25
#define BENCH_OCC	60

static sqlite3	*db;

static double
bench_now(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static long
bench_env(const char *name, long def)
{
	const char	*s = getenv(name);

	return s != NULL && atol(s) > 0 ? atol(s) : def;
}

static void
bench_exec(const char *sql)
{
	char	*err = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK) {
		fprintf(stderr, "bench: %s: %s\n", sql, err);
		exit(1);
	}
}

static int
bench_cmp(const void *a, const void *b)
{
	double	 x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* Print the median and the slowest of n times (sorted here). */
static void
bench_report(const char *what, double *ms, int n, size_t rows)
{
	qsort(ms, (size_t)n, sizeof *ms, bench_cmp);
	printf("%-44s median %7.2f ms  max %7.2f ms  (%zu rows)\n", what,
	    ms[n / 2], ms[n - 1], rows);
}

/* Answers made of three sentences of the demo's, and a number. */
static void
bench_answers(long n)
{
	const struct policy_demo_answer	*a, *b, *c;
	sqlite3_stmt			*st;
	char				 title[256], body[2048];
	double				 t0 = bench_now();
	long				 i;

	bench_exec("INSERT INTO policy_docs (doc_no, title, issued_on)"
	    " VALUES ('BENCH-1', 'bench', '2024-01-01')");
	sqlite3_prepare_v2(db, "INSERT INTO policy_answers (title, body, tags,"
	    " doc_id, valid_until, created_by) VALUES (?1, ?2, ?3, 1,"
	    " '2030-01-01', 'bench')", -1, &st, NULL);
	bench_exec("BEGIN");
	for (i = 0; i < n; i++) {
		a = &policy_demo_answers[i % policy_demo_nanswers];
		b = &policy_demo_answers[(i / 7) % policy_demo_nanswers];
		c = &policy_demo_answers[(i / 53) % policy_demo_nanswers];
		snprintf(title, sizeof title, "%s（%ld）", a->title, i);
		snprintf(body, sizeof body, "%s%s%s", a->body, b->body, c->body);
		sqlite3_bind_text(st, 1, title, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 2, body, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 3, a->tags, -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_DONE) {
			fprintf(stderr, "bench: %s\n", sqlite3_errmsg(db));
			exit(1);
		}
		sqlite3_reset(st);
	}
	bench_exec("COMMIT");
	sqlite3_finalize(st);
	printf("%ld answers indexed in %.1f s\n", n, (bench_now() - t0) / 1e3);
}

static void
bench_find(struct qd_user *u)
{
	static const char *const queries[] = {
		"补", "補貼", "跨境考", "定制式考试怎么报名",
		"我人在台湾能不能参加跨境考试，证书怎么领取",
	};
	struct db_rows	 r = { 0 };
	double		 ms[BENCH_RUNS];
	char		*why = NULL, what[128];
	size_t		 q, rows = 0;
	int		 i;

	for (q = 0; q < nitems(queries); q++) {
		for (i = 0; i < BENCH_RUNS; i++) {
			ms[i] = bench_now();
			db_policy_find(db, u, queries[q], 20, &r, &why);
			ms[i] = bench_now() - ms[i];
			rows = r.n;
			db_rows_free(&r);
			xfree(&why);
		}
		snprintf(what, sizeof what, "policy find %s", queries[q]);
		bench_report(what, ms, BENCH_RUNS, rows);
	}
}

/* People, each with a reported need for one or two occupations. */
static void
bench_people(long people, long postings)
{
	double	 t0 = bench_now();
	char	 sql[1024];

	bench_exec("BEGIN");
	snprintf(sql, sizeof sql, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL"
	    " SELECT i + 1 FROM n WHERE i < %d) INSERT INTO occupations (id,"
	    " code, name) SELECT i, '9-' || i, '职业' || i FROM n", BENCH_OCC);
	bench_exec(sql);
	snprintf(sql, sizeof sql, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL"
	    " SELECT i + 1 FROM n WHERE i < %ld) INSERT INTO applicants (id,"
	    " name, name_key, sex, birth_date, mtp, office_id) SELECT i,"
	    " '台胞' || i, '台胞' || i, 'M', '1990-01-01', printf('%%08d', i),"
	    " 1 + i %% 10 FROM n", people);
	bench_exec(sql);
	bench_exec("INSERT INTO job_needs (id, applicant_id, office_id,"
	    " available_from, state, action, created_by) SELECT id, id,"
	    " office_id, '2025-01-01', 'reported', 'report', 'bench'"
	    " FROM applicants");
	snprintf(sql, sizeof sql, "INSERT INTO job_need_occupations SELECT id,"
	    " 1 + (id * 7) %% %d, CASE WHEN id %% 5 = 0 THEN NULL ELSE"
	    " 1 + id %% 5 END, CASE WHEN id %% 5 = 0 THEN '' ELSE 'bench' END"
	    " FROM job_needs UNION ALL SELECT id, 1 + (id * 13 + 3) %% %d,"
	    " 1 + id %% 4, 'bench' FROM job_needs WHERE id %% 2 = 0"
	    " AND (id * 7) %% %d <> (id * 13 + 3) %% %d", BENCH_OCC, BENCH_OCC,
	    BENCH_OCC, BENCH_OCC);
	bench_exec(sql);
	bench_exec("INSERT INTO job_need_cities SELECT id, office_id FROM"
	    " job_needs UNION SELECT id, 1 + (id * 3) % 10 FROM job_needs");
	bench_exec("INSERT INTO job_employers (id, name, office_id)"
	    " SELECT id, '单位' || id, id FROM offices");
	snprintf(sql, sizeof sql, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL"
	    " SELECT i + 1 FROM n WHERE i < %ld) INSERT INTO job_postings (id,"
	    " employer_id, office_id, occupation_id, min_level, openings,"
	    " pay_min, pay_max, closes_on, state, action, created_by) SELECT i,"
	    " 1 + i %% 10, 1 + i %% 10, 1 + (i * 11) %% %d, CASE WHEN i %% 3 = 0"
	    " THEN NULL ELSE 2 + i %% 4 END, 5, 5000, 9000, '2099-12-31',"
	    " 'published', 'publish', 'bench' FROM n", postings, BENCH_OCC);
	bench_exec(sql);
	bench_exec("COMMIT");
	bench_exec("ANALYZE");
	printf("%ld people with reported needs, %ld postings, made in %.1f s\n",
	    people, postings, (bench_now() - t0) / 1e3);
}

static void
bench_fit(struct qd_user *u, long people, long postings)
{
	struct db_rows	 r = { 0 };
	double		 ms[BENCH_RUNS];
	char		*why = NULL;
	size_t		 rows = 0;
	int		 i;

	for (i = 0; i < BENCH_RUNS; i++) {
		ms[i] = bench_now();
		db_job_fit(db, u, 1 + (i * 7919) % postings, 0, 100, &r, &why);
		ms[i] = bench_now() - ms[i];
		rows += r.n;
		db_rows_free(&r);
		xfree(&why);
	}
	bench_report("job match posting N (100 best of who fits)", ms,
	    BENCH_RUNS, rows / BENCH_RUNS);
	rows = 0;
	for (i = 0; i < BENCH_RUNS; i++) {
		ms[i] = bench_now();
		db_job_fit(db, u, 0, 1 + (i * 104729) % people, 100, &r, &why);
		ms[i] = bench_now() - ms[i];
		rows += r.n;
		db_rows_free(&r);
		xfree(&why);
	}
	bench_report("job match need N (postings that fit)", ms, BENCH_RUNS,
	    rows / BENCH_RUNS);
}

int
main(int argc, char **argv)
{
	struct qd_user	*center;
	char		*path, *why = NULL, dir[] = "/tmp/qualdesk-bench.XXXXXX";
	const char	*where;
	long		 answers = bench_env("BENCH_ANSWERS", 100000);
	long		 people = bench_env("BENCH_PEOPLE", 200000);
	long		 postings = bench_env("BENCH_POSTINGS", 20000);

	where = argc > 1 ? argv[1] : mkdtemp(dir);
	if (where == NULL) {
		perror("bench: mkdtemp");
		return 1;
	}
	xasprintf(&path, "%s/bench-jobpolicy.db", where);
	unlink(path);
	if (db_open(path, DB_CREATE, &db, &why) != QD_OK) {
		fprintf(stderr, "bench: %s\n", why);
		return 1;
	}
	sqlite3_exec(db, "PRAGMA synchronous = OFF", NULL, NULL, NULL);
	db_set_system_actor(db, "(bench)", "bench");
	center = user_local_operator();
	center->role = ROLE_CENTER;
	bench_answers(answers);
	bench_find(center);
	bench_people(people, postings);
	bench_fit(center, people, postings);
	user_free(center);
	db_close(db);
	if (getenv("BENCH_KEEP") != NULL) {
		printf("kept %s\n", path);
		free(path);
		return 0;
	}
	unlink(path);
	xasprintf(&why, "%s-wal", path);
	unlink(why);
	free(why);
	xasprintf(&why, "%s-shm", path);
	unlink(why);
	free(why);
	free(path);
	if (argc <= 1)
		rmdir(where);
	return 0;
}
