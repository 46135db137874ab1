/*
 * The queues at scale: the server time of what a screen or a command asks
 * the data layer for when a database holds a million cases. Each query is
 * the data-layer function the UI and the commands call, run once to warm
 * the cache and then timed RUNS times; median, p95 and maximum are
 * printed, with the query plans of the statements it ran, so that a slide
 * back to a full scan shows. Figures only: nothing here passes or fails
 * on time.
 *
 * usage: bench-cases DB [RUNS]
 *
 * DB holds the users bench-center (center), bench-fz and bench-xm (clerks
 * of Fuzhou and Xiamen) and cases from demo-data (tests/bench/cases.sh).
 */
#include <sys/resource.h>

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "qualdesk.h"
#include "case/case.h"

#define BENCH_RUNS	50
#define BENCH_PAGE	50
#define BENCH_DEEP	20	/* pages followed by the paging figure */
#define BENCH_MAXSQL	16	/* statements kept per measurement */

struct bench {
	sqlite3		*db;
	struct qd_user	*center;
	struct qd_user	*fuzhou;	/* a clerk of Fuzhou */
	struct qd_user	*xiamen;	/* a clerk of Xiamen */
	char		 mtp[16];	/* of an applicant with a case */
	char		 name[64];	/* that applicant's name, Simplified */
	char		 case_no[24];
	char		*deep;		/* the cursor of the last page deep */
	int		 tracing;
	char		*sql[BENCH_MAXSQL];
	size_t		 nsql;
};

/* One measurement: fn runs the data-layer calls once, returning rows. */
struct bench_item {
	const char	*label;
	int		 who;		/* 0 center, 1 Fuzhou, 2 Xiamen */
	enum case_queue	 queue;
	const char	*state;
	int64_t		 office_id;
	const char	*type;
	int64_t		 occupation_id;
	const char	*text;		/* a search; "@mtp", "@name", "@case" */
	int		 pages;		/* pages followed (0: 1) */
	size_t		(*fn)(struct bench *, const struct bench_item *);
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
	fprintf(stderr, "bench-cases: %s: %s\n", what, why != NULL ? why :
	    "failed");
	exit(1);
}

static struct qd_user *
bench_user(const struct bench *b, int who)
{
	return who == 0 ? b->center : who == 1 ? b->fuzhou : b->xiamen;
}

/* Keep the text of each statement run while tracing (not the triggers'). */
static int
bench_trace(unsigned type, void *ctx, void *p, void *x)
{
	struct bench	*b = ctx;
	const char	*sql = x;
	size_t		 i;

	(void)type;
	(void)p;
	if (!b->tracing || sql == NULL || strncmp(sql, "--", 2) == 0)
		return 0;
	for (i = 0; i < b->nsql; i++) {
		if (strcmp(b->sql[i], sql) == 0)
			return 0;
	}
	if (b->nsql < BENCH_MAXSQL)
		b->sql[b->nsql++] = xstrdup(sql);
	return 0;
}

static void
bench_filter(const struct bench_item *it, struct qd_case_filter *f)
{
	memset(f, 0, sizeof *f);
	f->queue = it->queue;
	f->state = it->state;
	f->office_id = it->office_id;
	f->type = it->type;
	f->occupation_id = it->occupation_id;
}

/* A queue or list: pages pages following the cursors, and its count. */
static size_t
bench_list(struct bench *b, const struct bench_item *it)
{
	struct qd_user		*u = bench_user(b, it->who);
	struct qd_case_filter	 f;
	struct qd_case_row	*rows;
	char			*cursor = NULL, *next = NULL, *why = NULL;
	size_t			 n, total = 0;
	int64_t			 count;
	int			 page, oldest;

	bench_filter(it, &f);
	for (page = 0; page < (it->pages > 0 ? it->pages : 1); page++) {
		if (db_case_list(b->db, u, &f, cursor, BENCH_PAGE, &rows, &n,
		    &next, &why) != QD_OK)
			bench_fail(it->label, why);
		case_rows_free(rows, n);
		total += n;
		free(cursor);
		cursor = next;
		if (cursor == NULL)
			break;
	}
	if (it->pages > 1) {
		free(b->deep);
		b->deep = cursor;
	} else
		free(cursor);
	if (it->queue != CASE_QUEUE_ALL && db_case_count(b->db, u, &f,
	    &count, &oldest, &why) != QD_OK)
		bench_fail(it->label, why);
	return total;
}

/* One page at the cursor the deep walk ended on. */
static size_t
bench_deep_page(struct bench *b, const struct bench_item *it)
{
	struct qd_case_filter	 f;
	struct qd_case_row	*rows;
	char			*next = NULL, *why = NULL;
	size_t			 n;

	bench_filter(it, &f);
	if (db_case_list(b->db, bench_user(b, it->who), &f, b->deep,
	    BENCH_PAGE, &rows, &n, &next, &why) != QD_OK)
		bench_fail(it->label, why);
	case_rows_free(rows, n);
	free(next);
	return n;
}

static const char *
bench_text(const struct bench *b, const char *text)
{
	if (strcmp(text, "@mtp") == 0)
		return b->mtp;
	if (strcmp(text, "@name") == 0)
		return b->name;
	if (strcmp(text, "@case") == 0)
		return b->case_no;
	return text;
}

static size_t
bench_case_find(struct bench *b, const struct bench_item *it)
{
	struct qd_case_row	*rows;
	char			*cursor = NULL, *next = NULL, *why = NULL;
	size_t			 n, total = 0;
	int			 page;

	for (page = 0; page < (it->pages > 0 ? it->pages : 1); page++) {
		if (db_case_find(b->db, bench_user(b, it->who),
		    bench_text(b, it->text), cursor, BENCH_PAGE, &rows, &n,
		    &next, &why) != QD_OK)
			bench_fail(it->label, why);
		case_rows_free(rows, n);
		total += n;
		free(cursor);
		if ((cursor = next) == NULL)
			break;
	}
	free(cursor);
	return total;
}

static size_t
bench_applicant_find(struct bench *b, const struct bench_item *it)
{
	struct qd_applicant_row	*rows;
	char			*cursor = NULL, *next = NULL, *why = NULL;
	size_t			 n, total = 0;
	int			 page;

	for (page = 0; page < (it->pages > 0 ? it->pages : 1); page++) {
		if (db_applicant_find(b->db, bench_user(b, it->who),
		    bench_text(b, it->text), cursor, BENCH_PAGE, &rows, &n,
		    &next, &why) != QD_OK)
			bench_fail(it->label, why);
		applicant_rows_free(rows, n);
		total += n;
		free(cursor);
		if ((cursor = next) == NULL)
			break;
	}
	free(cursor);
	return total;
}

static const struct bench_item bench_items[] = {
	{ "center: review queue, first page + count", 0, CASE_QUEUE_REVIEW,
	  .fn = bench_list },
	{ "center: review queue of Fuzhou + count", 0, CASE_QUEUE_REVIEW,
	  .office_id = 1, .fn = bench_list },
	{ "center: review queue, recognition + count", 0, CASE_QUEUE_REVIEW,
	  .type = "recognition", .fn = bench_list },
	{ "center: review queue, occupation 1 + count", 0, CASE_QUEUE_REVIEW,
	  .occupation_id = 1, .fn = bench_list },
	{ "center: agency queue, first page + count", 0, CASE_QUEUE_AGENCY,
	  .fn = bench_list },
	{ "center: review queue, 20 pages by cursor", 0, CASE_QUEUE_REVIEW,
	  .pages = BENCH_DEEP, .fn = bench_list },
	{ "center: review queue, page 21 alone", 0, CASE_QUEUE_REVIEW,
	  .fn = bench_deep_page },
	{ "Fuzhou clerk: outbox + count", 1, CASE_QUEUE_OUTBOX,
	  .fn = bench_list },
	{ "Fuzhou clerk: inbox + count", 1, CASE_QUEUE_INBOX,
	  .fn = bench_list },
	{ "Xiamen clerk: outbox + count", 2, CASE_QUEUE_OUTBOX,
	  .fn = bench_list },
	{ "Xiamen clerk: inbox, 20 pages", 2, CASE_QUEUE_INBOX,
	  .pages = BENCH_DEEP, .fn = bench_list },
	{ "Xiamen clerk: cases list (every state)", 2, CASE_QUEUE_ALL,
	  .fn = bench_list },
	{ "center: cases list --office sanming (3%)", 0, CASE_QUEUE_ALL,
	  .office_id = 5, .fn = bench_list },
	{ "center: cases list --type recognition", 0, CASE_QUEUE_ALL,
	  .type = "recognition", .fn = bench_list },
	{ "center: cases list --state collected", 0, CASE_QUEUE_ALL,
	  .state = "collected", .fn = bench_list },
	{ "center: cases list --state returned --office xiamen", 0,
	  CASE_QUEUE_ALL, .state = "returned", .office_id = 2,
	  .fn = bench_list },
	{ "Fuzhou clerk: cases list --state collected", 1, CASE_QUEUE_ALL,
	  .state = "collected", .fn = bench_list },
	{ "center: find cases 陈 (names in 陳)", 0, .text = "陈",
	  .fn = bench_case_find },
	{ "center: find cases 陈, 5 pages", 0, .text = "陈", .pages = 5,
	  .fn = bench_case_find },
	{ "Fuzhou clerk: find cases 陈", 1, .text = "陈",
	  .fn = bench_case_find },
	{ "center: find cases by full name", 0, .text = "@name",
	  .fn = bench_case_find },
	{ "center: find cases by MTP number", 0, .text = "@mtp",
	  .fn = bench_case_find },
	{ "center: find case by case number", 0, .text = "@case",
	  .fn = bench_case_find },
	{ "Xiamen clerk: find case by case number", 2, .text = "@case",
	  .fn = bench_case_find },
	{ "center: find applicants 陈", 0, .text = "陈",
	  .fn = bench_applicant_find },
	{ "center: find applicants by full name", 0, .text = "@name",
	  .fn = bench_applicant_find },
	{ "center: find applicants by MTP number", 0, .text = "@mtp",
	  .fn = bench_applicant_find },
	{ "Fuzhou clerk: find applicants 陈", 1, .text = "陈",
	  .fn = bench_applicant_find },
	{ "Fuzhou clerk: find applicants 陈, 3 pages", 1, .text = "陈",
	  .pages = 3, .fn = bench_applicant_find },
	{ "Fuzhou clerk: find applicants 黄志", 1, .text = "黄志",
	  .fn = bench_applicant_find },
	{ "Xiamen clerk: find applicants 陈", 2, .text = "陈",
	  .fn = bench_applicant_find },
	{ "Xiamen clerk: find applicants by MTP number", 2, .text = "@mtp",
	  .fn = bench_applicant_find },
};

static int
bench_compare(const void *a, const void *b)
{
	double	 x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* 1 if a plan line reads a whole table of cases or applicants. */
static int
bench_plan_bad(const char *detail)
{
	static const char *const scans[] = { "SCAN c", "SCAN a", "SCAN cases",
	    "SCAN applicants", NULL };
	const char *const	*s;
	size_t			 len;

	for (s = scans; *s != NULL; s++) {
		len = strlen(*s);
		if (strncmp(detail, *s, len) == 0 &&
		    (detail[len] == '\0' || detail[len] == ' '))
			return 1;
	}
	return 0;
}

/* Print the plans of the statements kept; returns how many full scans. */
static int
bench_plans(struct bench *b)
{
	sqlite3_stmt	*st;
	char		*sql;
	size_t		 i;
	int		 bad = 0;

	for (i = 0; i < b->nsql; i++) {
		xasprintf(&sql, "EXPLAIN QUERY PLAN %s", b->sql[i]);
		if (sqlite3_prepare_v2(b->db, sql, -1, &st, NULL) !=
		    SQLITE_OK) {
			printf("    (no plan: %s)\n", sqlite3_errmsg(b->db));
			free(sql);
			continue;
		}
		printf("    %.*s%s\n", 110, b->sql[i],
		    strlen(b->sql[i]) > 110 ? "..." : "");
		while (sqlite3_step(st) == SQLITE_ROW) {
			const char *d = (const char *)sqlite3_column_text(st, 3);

			if (bench_plan_bad(d))
				bad++;
			printf("      %s%s\n", d, bench_plan_bad(d) ?
			    "   <-- FULL SCAN" : "");
		}
		sqlite3_finalize(st);
		free(sql);
		xfree(&b->sql[i]);
	}
	b->nsql = 0;
	return bad;
}

static void
bench_one(struct bench *b, const struct bench_item *it, int runs,
    int *scans)
{
	double	*t = xcalloc((size_t)runs, sizeof *t), t0;
	char	 label[256];
	size_t	 rows;
	int	 i;

	b->tracing = 1;
	rows = it->fn(b, it);
	b->tracing = 0;
	for (i = 0; i < runs; i++) {
		t0 = bench_now();
		it->fn(b, it);
		t[i] = bench_now() - t0;
	}
	qsort(t, (size_t)runs, sizeof *t, bench_compare);
	printf("%s median %8.3f ms  p95 %8.3f ms  max %8.3f ms  (%zu rows)\n",
	    text_cell(label, sizeof label, it->label, 50, 1),
	    (t[(runs - 1) / 2] + t[runs / 2]) / 2,
	    t[(runs * 95 + 99) / 100 - 1], t[runs - 1], rows);
	fflush(stdout);
	*scans += bench_plans(b);
	free(t);
}

/* The applicant, case and names the searches look for. */
static void
bench_targets(struct bench *b)
{
	sqlite3_stmt	*st;
	char		*key;

	if (sqlite3_prepare_v2(b->db, "SELECT a.mtp, a.name, c.id FROM cases c"
	    " JOIN applicants a ON a.id = c.applicant_id WHERE c.id = (SELECT"
	    " max(id) / 2 FROM cases)", -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_step(st) != SQLITE_ROW)
		bench_fail("no cases", sqlite3_errmsg(b->db));
	snprintf(b->mtp, sizeof b->mtp, "%s", sqlite3_column_text(st, 0));
	key = namekey((const char *)sqlite3_column_text(st, 1));
	snprintf(b->name, sizeof b->name, "%s", key);
	free(key);
	snprintf(b->case_no, sizeof b->case_no, "%lld",
	    (long long)sqlite3_column_int64(st, 2));
	sqlite3_finalize(st);
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

static int
bench_run(const char *path, int runs)
{
	struct bench	 b;
	struct rusage	 ru;
	char		*why = NULL;
	size_t		 i;
	int		 scans = 0;

	memset(&b, 0, sizeof b);
	if (db_open(path, 0, &b.db, &why) != QD_OK)
		bench_fail(path, why);
	b.center = bench_find_user(b.db, "bench-center");
	b.fuzhou = bench_find_user(b.db, "bench-fz");
	b.xiamen = bench_find_user(b.db, "bench-xm");
	bench_targets(&b);
	sqlite3_trace_v2(b.db, SQLITE_TRACE_STMT, bench_trace, &b);
	printf("== server time of the data-layer calls, %d runs each after one"
	    " warm-up (page %d)\n   name %s, MTP %s, case %s\n", runs,
	    BENCH_PAGE, b.name, b.mtp, b.case_no);
	for (i = 0; i < nitems(bench_items); i++) {
		db_set_actor(b.db, bench_user(&b, bench_items[i].who));
		bench_one(&b, &bench_items[i], runs, &scans);
	}
	getrusage(RUSAGE_SELF, &ru);
	printf("plan check: %d full scan%s of cases or applicants\n", scans,
	    scans == 1 ? "" : "s");
	printf("bench process peak RSS: %ld kB\n", ru.ru_maxrss);
	free(b.deep);
	user_free(b.center);
	user_free(b.fuzhou);
	user_free(b.xiamen);
	db_close(b.db);
	return 0;
}

int
main(int argc, char **argv)
{
	int	 runs = BENCH_RUNS;

	if (argc < 2 || argc > 3) {
		fprintf(stderr, "usage: bench-cases DB [RUNS]\n");
		return 2;
	}
	if (argc == 3 && (runs = atoi(argv[2])) < 1)
		runs = BENCH_RUNS;
	return bench_run(argv[1], runs);
}
