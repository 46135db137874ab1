/*
 * Exams at scale: the server time of the center's demand table and of a
 * plan's registration list in a database of a million cases and 200,000
 * demands (tests/bench/cases.sh: demo-data makes one demand for every
 * five cases). A plan with a sitting of 10,000 seats is filled first, as
 * the system, through the schema's triggers. Each call is the data-layer
 * function the screens and commands call, run once to warm the cache,
 * then timed RUNS times; median, p95 and maximum are printed with the
 * query plans. Figures only: nothing passes or fails on time.
 *
 * usage: bench-exam DB [RUNS]
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "qualdesk.h"
#include "exam/exam.h"

#define BENCH_RUNS	50
#define BENCH_SEATS	10000

struct bench {
	sqlite3		*db;
	struct qd_user	*center, *fuzhou;
	int64_t		 plan;
	int64_t		 last;		/* a registration near the end */
	struct qd_exam_cell top;	/* the largest cell */
};

static double
bench_now(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void
bench_fail(const char *what, const char *why)
{
	fprintf(stderr, "bench-exam: %s: %s\n", what, why != NULL ? why :
	    "failed");
	exit(1);
}

static size_t
bench_table(struct bench *b, int who)
{
	struct qd_exam_cell	*c = NULL;
	char			*why = NULL;
	size_t			 n = 0;

	(void)who;
	if (db_exam_demand_table(b->db, b->center, &c, &n, &why) != QD_OK)
		bench_fail("demand table", why);
	exam_cells_free(c, n);
	return n;
}

static size_t
bench_cell(struct bench *b, int who)
{
	struct qd_exam_demand_filter	 f = { .state = "reported",
	    .in_taiwan = -1 };
	struct qd_exam_demand_row	*r = NULL;
	char				*why = NULL;
	size_t				 n = 0;

	(void)who;
	f.occupation_id = b->top.occupation_id;
	f.level = b->top.level;
	f.kind = b->top.kind;
	if (db_exam_demand_list(b->db, b->center, &f, 0, 100, &r, &n, &why) !=
	    QD_OK)
		bench_fail("cell", why);
	exam_demand_rows_free(r, n);
	return n;
}

static size_t
bench_seats(struct bench *b, int who)
{
	struct qd_exam_seat	*s = NULL;
	char			*why = NULL;
	size_t			 n = 0;
	int64_t			 after = who == 2 ? b->last : 0;

	if (db_exam_seat_list(b->db, who == 1 ? b->fuzhou : b->center,
	    b->plan, after, 100, &s, &n, &why) != QD_OK)
		bench_fail("seat list", why);
	exam_seats_free(s, n);
	return n;
}

static size_t
bench_plan(struct bench *b, int who)
{
	struct qd_exam_plan	*p = NULL;
	char			*why = NULL;

	(void)who;
	if (db_exam_plan_get(b->db, b->center, b->plan, &p, &why) != QD_OK)
		bench_fail("plan", why);
	exam_plan_free(p);
	return 1;
}

static const struct {
	const char	*label;
	int		 who;
	size_t		(*fn)(struct bench *, int);
} bench_items[] = {
	{ "center: demand table (汇总)", 0, bench_table },
	{ "center: the largest cell's people, first 100", 0, bench_cell },
	{ "center: plan's registrations, first 100", 0, bench_seats },
	{ "center: plan's registrations, a page near the end", 2,
	  bench_seats },
	{ "Fuzhou clerk: plan's registrations, own first 100", 1,
	  bench_seats },
	{ "center: plan with its sittings and counts", 0, bench_plan },
};

static int
bench_compare(const void *a, const void *b)
{
	double	 x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* Print the query plan of sql. */
static void
bench_explain(struct bench *b, const char *sql)
{
	sqlite3_stmt	*st;
	char		*q;

	xasprintf(&q, "EXPLAIN QUERY PLAN %s", sql);
	if (sqlite3_prepare_v2(b->db, q, -1, &st, NULL) == SQLITE_OK) {
		while (sqlite3_step(st) == SQLITE_ROW)
			printf("      %s\n", sqlite3_column_text(st, 3));
		sqlite3_finalize(st);
	}
	free(q);
}

static int
bench_exec(struct bench *b, const char *sql)
{
	char	*err = NULL;

	if (sqlite3_exec(b->db, sql, NULL, NULL, &err) != SQLITE_OK) {
		fprintf(stderr, "bench-exam: %s\n", err);
		sqlite3_free(err);
		return -1;
	}
	return 0;
}

/* A published plan with BENCH_SEATS seats, all taken, and 500 waiting. */
static void
bench_fill(struct bench *b)
{
	double	 t0 = bench_now();
	char	 sql[2048];

	db_set_system_actor(b->db, "(bench)", "bench");
	if (bench_exec(b, "BEGIN IMMEDIATE") != 0 ||
	    bench_exec(b, "INSERT INTO exam_plans (kind, occupation_id, level,"
	    " body_name, exam_on, start_time, deadline, created_by)"
	    " SELECT 'skill', min(id), 4, '福建省职业技能鉴定指导中心',"
	    " date('now', '+60 days'), '09:00', date('now', '+30 days'),"
	    " '(bench)' FROM occupations") != 0)
		bench_fail("plan", NULL);
	b->plan = sqlite3_last_insert_rowid(b->db);
	snprintf(sql, sizeof sql, "INSERT INTO exam_sittings (plan_id, mode,"
	    " office_id, venue, capacity) VALUES (%" PRId64 ", 'onsite', 2,"
	    " '厦门国际会展中心', %d);"
	    "UPDATE exam_plans SET state = 'published', action = 'publish',"
	    " version = version + 1 WHERE id = %" PRId64 ";"
	    "INSERT INTO exam_registrations (plan_id, sitting_id, applicant_id,"
	    " office_id, status, seat_no, created_by) SELECT %" PRId64 ","
	    " (SELECT max(id) FROM exam_sittings), a.id, a.office_id,"
	    " CASE WHEN row_number() OVER (ORDER BY a.id) <= %d THEN 'seated'"
	    " ELSE 'waiting' END, CASE WHEN row_number() OVER (ORDER BY a.id)"
	    " <= %d THEN row_number() OVER (ORDER BY a.id) END, '(bench)'"
	    " FROM applicants a WHERE a.in_taiwan = 0 ORDER BY a.id LIMIT %d;"
	    "COMMIT", b->plan, BENCH_SEATS, b->plan, b->plan, BENCH_SEATS,
	    BENCH_SEATS, BENCH_SEATS + 500);
	if (bench_exec(b, sql) != 0)
		bench_fail("registrations", NULL);
	printf("filled plan %" PRId64 ": %d seats and 500 waiting, through"
	    " the triggers, in %.1f s\n", b->plan, BENCH_SEATS,
	    (bench_now() - t0) / 1e3);
}

static struct qd_user *
bench_find_user(sqlite3 *db, const char *login)
{
	struct qd_user	*u = NULL;

	if (db_user_find(db, login, &u) != QD_OK)
		bench_fail(login, "no such user (see tests/bench/cases.sh)");
	u->via = "bench";
	return u;
}

static void
bench_one(struct bench *b, size_t i, int runs)
{
	double	*t = xcalloc((size_t)runs, sizeof *t), t0;
	char	 label[256];
	size_t	 rows;
	int	 k;

	rows = bench_items[i].fn(b, bench_items[i].who);
	for (k = 0; k < runs; k++) {
		t0 = bench_now();
		bench_items[i].fn(b, bench_items[i].who);
		t[k] = bench_now() - t0;
	}
	qsort(t, (size_t)runs, sizeof *t, bench_compare);
	printf("%s median %8.3f ms  p95 %8.3f ms  max %8.3f ms  (%zu rows)\n",
	    text_cell(label, sizeof label, bench_items[i].label, 52, 1),
	    (t[(runs - 1) / 2] + t[runs / 2]) / 2,
	    t[(runs * 95 + 99) / 100 - 1], t[runs - 1], rows);
	fflush(stdout);
	free(t);
}

int
main(int argc, char **argv)
{
	struct qd_exam_cell	*c = NULL;
	struct bench		 b;
	char			*why = NULL;
	size_t			 i, n = 0;
	int			 runs = BENCH_RUNS;

	if (argc < 2 || argc > 3) {
		fprintf(stderr, "usage: bench-exam DB [RUNS]\n");
		return 2;
	}
	if (argc == 3 && (runs = atoi(argv[2])) < 1)
		runs = BENCH_RUNS;
	memset(&b, 0, sizeof b);
	if (db_open(argv[1], 0, &b.db, &why) != QD_OK)
		bench_fail(argv[1], why);
	b.center = bench_find_user(b.db, "bench-center");
	b.fuzhou = bench_find_user(b.db, "bench-fz");
	printf("== exams: %lld cases, %lld demands (%lld reported)\n",
	    demo_count(b.db, "SELECT count(*) FROM cases"),
	    demo_count(b.db, "SELECT count(*) FROM exam_demands"),
	    demo_count(b.db, "SELECT coalesce(sum(n), 0) FROM"
	    " exam_demand_counts"));
	bench_fill(&b);
	b.last = demo_count(b.db, "SELECT id - 150 FROM exam_registrations"
	    " ORDER BY id DESC LIMIT 1");
	db_set_actor(b.db, b.center);
	if (db_exam_demand_table(b.db, b.center, &c, &n, &why) != QD_OK ||
	    n == 0)
		bench_fail("demand table", why);
	b.top = c[0];
	printf("   %zu cells; the largest: %s level %d %s, %" PRId64 " people\n",
	    n, c[0].occupation, c[0].level, c[0].kind, c[0].total);
	for (i = 0; i < nitems(bench_items); i++) {
		db_set_actor(b.db, bench_items[i].who == 1 ? b.fuzhou :
		    b.center);
		bench_one(&b, i, runs);
	}
	printf("   plans:\n");
	bench_explain(&b, "SELECT c.n, c.oldest FROM exam_demand_counts c"
	    " JOIN occupations oc ON oc.id = c.occupation_id WHERE c.n > 0"
	    " ORDER BY c.occupation_id, c.level, c.kind, c.office_id,"
	    " c.in_taiwan");
	bench_explain(&b, "SELECT r.id FROM exam_registrations r WHERE"
	    " r.plan_id = 1 AND r.id > 0 AND (0 = 0 OR r.office_id = 0)"
	    " ORDER BY r.id LIMIT 100");
	exam_cells_free(c, n);
	user_free(b.center);
	user_free(b.fuzhou);
	db_close(b.db);
	return 0;
}
