/*
 * The reports at scale: the server time of every indicator for the last
 * twelve months split by office, as the center sees it and as a clerk of
 * Fuzhou does (their office and the province), then the monthly PDF of
 * last month. Each is run once to warm the cache and then RUNS times;
 * median, p95 and maximum are printed with the size of report_facts.
 * Figures only: nothing here passes or fails on time.
 *
 * usage: bench-report [--worst] DB [RUNS]
 *
 * With --worst, report_facts is first filled (in a transaction rolled
 * back at the end) with a row for every combination a year can hold:
 * every count indicator for each month, office and the province, type,
 * occupation of the catalog and level, and every processing time for
 * each day from 0 to 365. No number of cases can make more rows, so
 * these are the slowest figures any database of this catalog can give.
 *
 * DB holds the users bench-center and bench-fz and cases from demo-data
 * (tests/bench/cases.sh).
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "qualdesk.h"
#include "report/report.h"

#define BENCH_RUNS	30

static double
bench_now(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
bench_cmp(const void *a, const void *b)
{
	double	 x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static void
bench_print(const char *label, double *ms, int runs)
{
	qsort(ms, (size_t)runs, sizeof *ms, bench_cmp);
	printf("%-44s %9.2f %9.2f %9.2f\n", label, ms[runs / 2],
	    ms[(runs * 95) / 100 < runs ? (runs * 95) / 100 : runs - 1],
	    ms[runs - 1]);
}

/* One indicator for the year by office as u, RUNS times. */
static void
bench_indicator(sqlite3 *db, struct qd_user *u,
    const struct report_indicator *ind, int runs)
{
	struct report_query	 q;
	struct report_table	*t;
	char			 label[96], *why = NULL, from[8];
	double			*ms = xcalloc((size_t)runs, sizeof *ms), t0;
	int			 i;

	report_month_now(q.to);
	snprintf(from, sizeof from, "%s", q.to);
	report_month_add(from, -11);
	if (report_query_set(&q, from, NULL, NULL, (ind->dims &
	    REPORT_BY_OFFICE) ? "office" : NULL, &why) != QD_OK) {
		fprintf(stderr, "bench-report: %s\n", why);
		exit(1);
	}
	for (i = -1; i < runs; i++) {
		t0 = bench_now();
		if (report_compute(db, u, ind, &q, &t, &why) != QD_OK) {
			fprintf(stderr, "bench-report: %s: %s\n", ind->name,
			    why);
			exit(1);
		}
		if (i >= 0)
			ms[i] = bench_now() - t0;
		report_table_free(t);
	}
	snprintf(label, sizeof label, "%s (%s)", ind->name, u->login);
	bench_print(label, ms, runs);
	free(ms);
}

static void
bench_pdf(sqlite3 *db, struct qd_user *u, int runs)
{
	char	 month[8], *why = NULL;
	double	*ms = xcalloc((size_t)runs, sizeof *ms), t0;
	FILE	*f;
	int	 i;

	report_month_now(month);
	report_month_add(month, -1);
	for (i = -1; i < runs; i++) {
		if ((f = fopen("/dev/null", "w")) == NULL)
			exit(1);
		t0 = bench_now();
		if (report_pdf_write(db, u, month, "2026-01-01 00:00", f,
		    &why) != QD_OK) {
			fprintf(stderr, "bench-report: pdf: %s\n", why);
			exit(1);
		}
		if (i >= 0)
			ms[i] = bench_now() - t0;
		fclose(f);
	}
	bench_print("monthly PDF of last month (center)", ms, runs);
	free(ms);
}

static long long
bench_count(sqlite3 *db, const char *sql)
{
	sqlite3_stmt	*st;
	long long	 n = -1;

	if (db_prepare(db, sql, &st) == QD_OK && sqlite3_step(st) ==
	    SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* Every row a year of report_facts can hold, in the open transaction. */
static void
bench_worst(sqlite3 *db)
{
	static const char	 sql[] =
	    "WITH RECURSIVE m(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM m"
	    " WHERE i < 11), d(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM d"
	    " WHERE i < 365), o(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM o"
	    " WHERE i < 10), l(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM l"
	    " WHERE i < 5), t(v) AS (VALUES ('adoption'), ('recognition')),"
	    " c(v) AS (VALUES ('cases.received'), ('cases.forwarded'),"
	    " ('cases.approved'), ('cases.rejected'), ('cases.returned'),"
	    " ('cases.withdrawn'), ('cases.collected'), ('certs.issued'),"
	    " ('certs.printed'), ('certs.handed'), ('certs.revoked')),"
	    " k(v) AS (VALUES ('cases.intake_forward'),"
	    " ('cases.forward_decision'), ('cases.decision_collection')),"
	    " mo(v) AS (SELECT strftime('%Y-%m', 'now', '+8 hours', 'start of"
	    " month', '-' || i || ' months') FROM m)"
	    " INSERT OR IGNORE INTO report_facts (indicator, month, office_id,"
	    " type, occupation_id, level, days, n)"
	    " SELECT c.v, mo.v, o.i, t.v, oc.id, l.i, -1, 1 FROM c, mo, o, t,"
	    " (SELECT id FROM occupations UNION ALL SELECT 0) oc, l"
	    " UNION ALL SELECT k.v, mo.v, o.i, t.v, 0, 0, d.i, 1"
	    " FROM k, mo, o, t, d";
	char	*err = NULL;

	if (sqlite3_exec(db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK) {
		fprintf(stderr, "bench-report: --worst: %s\n", err);
		exit(1);
	}
}

int
main(int argc, char **argv)
{
	const struct report_indicator	*ind;
	struct qd_user			*center = NULL, *fz = NULL;
	sqlite3				*db = NULL;
	char				*why = NULL;
	int				 runs = BENCH_RUNS, worst = 0;
	size_t				 i;

	if (argc > 1 && strcmp(argv[1], "--worst") == 0) {
		worst = 1;
		argc--;
		argv++;
	}
	if (argc < 2 || argc > 3) {
		fprintf(stderr, "usage: bench-report [--worst] DB [RUNS]\n");
		return 2;
	}
	if (argc == 3 && (runs = atoi(argv[2])) < 1)
		runs = BENCH_RUNS;
	log_open("stderr", LOG_LEVEL_WARN, "bench-report");
	if (db_open(argv[1], worst ? 0 : DB_READONLY, &db, &why) != QD_OK ||
	    db_user_find(db, "bench-center", &center) != QD_OK ||
	    db_user_find(db, "bench-fz", &fz) != QD_OK) {
		fprintf(stderr, "bench-report: %s: %s\n", argv[1],
		    why != NULL ? why : "no bench users");
		return 1;
	}
	if (worst) {
		db_set_system_actor(db, "(bench)", "bench");
		bench_worst(db);
	}
	printf("== reports%s: %lld cases, %lld rows of report_facts\n",
	    worst ? ", every row a year can hold" : "",
	    bench_count(db, "SELECT count(*) FROM cases"),
	    bench_count(db, "SELECT count(*) FROM report_facts"));
	printf("%-44s %9s %9s %9s\n", "every indicator, 12 months by office",
	    "median ms", "p95 ms", "max ms");
	center->via = fz->via = "bench";
	for (i = 0; (ind = report_indicator_at(i)) != NULL; i++) {
		db_set_actor(db, center);
		bench_indicator(db, center, ind, runs);
		db_set_actor(db, fz);
		bench_indicator(db, fz, ind, runs);
	}
	db_set_actor(db, center);
	bench_pdf(db, center, runs < 5 ? runs : 5);
	if (worst)
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	user_free(center);
	user_free(fz);
	db_close(db);
	return 0;
}
