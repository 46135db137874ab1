/*
 * make bench: training and subsidies at scale. On a database that
 * cases.sh's way filled with cases (demo-data), add BENCH_NEEDS reported
 * training needs, BENCH_CLASSES published classes of 100 enrolments each,
 * and BENCH_CLAIMS qualifying certificates through subsidy_intake (so
 * every claim is drafted by the trigger, as a real one), then time the
 * needs table, a class's enrolment list and a period's claims list as the
 * data layer runs them, and the xlsx export of a 50,000-claim batch, its
 * time and its peak memory (in a child, so the figure is the export's).
 *
 * usage: bench-training DB
 */
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "qualdesk.h"
#include "subsidy/subsidy.h"

static sqlite3	*db;
static int64_t	 bench_class;	/* the class whose list is timed */

static double
now_ms(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void
fail(const char *what)
{
	fprintf(stderr, "bench-training: %s: %s\n", what, sqlite3_errmsg(db));
	exit(1);
}

static void
exec(const char *sql)
{
	char	*err = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK) {
		fprintf(stderr, "bench-training: %s: %s\n", sql, err);
		exit(1);
	}
}

static long
env_long(const char *name, long def)
{
	const char	*s = getenv(name);

	return s != NULL && *s != '\0' ? strtol(s, NULL, 10) : def;
}

static long long
count(const char *sql)
{
	sqlite3_stmt	*st;
	long long	 n = -1;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		fail(sql);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* Fill needs, classes with enrolments, and claims, as the system. */
static void
fill(long needs, long classes, long claims)
{
	char		 sql[1024];
	double		 t0 = now_ms();
	long long	 people = count("SELECT count(*) FROM applicants");

	db_set_system_actor(db, "(bench)", "bench");
	exec("BEGIN");
	snprintf(sql, sizeof sql, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL"
	    " SELECT i + 1 FROM n WHERE i < %ld) INSERT INTO training_needs"
	    " (applicant_id, office_id, occupation_id, level, period,"
	    " in_taiwan) SELECT a.id, a.office_id, 1 + n.i %% 20, 1 + n.i %% 5,"
	    " '2027-0' || (1 + n.i %% 9), n.i %% 7 = 0 FROM n JOIN applicants a"
	    " ON a.id = 1 + (n.i * 7919) %% %lld", needs, people);
	exec(sql);
	exec("UPDATE training_needs SET reported_at = '2026-12-01T00:00:00Z',"
	    " version = version + 1");
	exec("INSERT INTO training_providers (name, kind, office_id) VALUES"
	    " ('基准培训学校', 'institution', 10)");
	snprintf(sql, sizeof sql, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL"
	    " SELECT i + 1 FROM n WHERE i < %ld) INSERT INTO training_classes"
	    " (title, provider_id, occupation_id, level, starts_on, ends_on,"
	    " hours, place, seats, enrol_from, enrol_to) SELECT '基准班' || i,"
	    " 1, 1 + i %% 20, 4, date('now', '+30 days'), date('now',"
	    " '+60 days'), 40, '平潭', 80, date('now', '-10 days'), date('now',"
	    " '+20 days') FROM n", classes);
	exec(sql);
	exec("UPDATE training_classes SET state = 'published', action ="
	    " 'publish', published_at = '2026-12-01T00:00:00Z', version ="
	    " version + 1");
	/* 100 each: 80 seated, then 20 waiting, as the triggers decide. */
	snprintf(sql, sizeof sql, "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL"
	    " SELECT i + 1 FROM n WHERE i < %ld) INSERT INTO"
	    " training_enrolments (class_id, applicant_id, office_id, status)"
	    " SELECT 1 + n.i / 100, a.id, a.office_id, CASE WHEN n.i %% 100 <"
	    " 80 THEN 'enrolled' ELSE 'waiting' END FROM n JOIN applicants a"
	    " ON a.id = 1 + (n.i * 104729) %% %lld", classes * 100 - 1,
	    people);
	exec(sql);
	printf("needs %ld, classes %ld, enrolments %lld: %.1f s\n", needs,
	    classes, count("SELECT count(*) FROM training_enrolments"),
	    (now_ms() - t0) / 1e3);
	t0 = now_ms();
	exec("UPDATE subsidy_rules SET value = 100, version = version + 1"
	    " WHERE rule = 'max_per_year'");
	exec("INSERT INTO subsidy_rates (kind, level, amount_fen, valid_from,"
	    " doc_no, demo) VALUES ('qualification', 4, 150000, '2026-01-01',"
	    " '基准〔2026〕1号', 1)");
	snprintf(sql, sizeof sql, "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL"
	    " SELECT i + 1 FROM n WHERE i < %ld) INSERT INTO subsidy_intake"
	    " (source, source_id, cert_number, kind, applicant_id, office_id,"
	    " occupation_id, level, issued_on) SELECT 'exam', 1000000000 + n.i,"
	    " 'BX-' || n.i, 'qualification', a.id, a.office_id, 1 + (n.i /"
	    " %lld) %% 20, 4, '2026-0' || (1 + n.i %% 6) || '-15' FROM n JOIN"
	    " applicants a ON a.id = 1 + n.i %% %lld", claims - 1, people,
	    people);
	exec(sql);
	exec("COMMIT");
	printf("intake %ld certificates, %lld claims drafted by trigger:"
	    " %.1f s\n", claims, count("SELECT count(*) FROM subsidy_claims"),
	    (now_ms() - t0) / 1e3);
}

static int
cmp(const void *a, const void *b)
{
	double	 x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* Time one list call runs times: median and max. */
static void
bench(const char *what, struct qd_user *u, int which, int runs)
{
	struct cmd_rows		 rows;
	struct subsidy_filter	 f = { .period = "2026-03", .limit = 100 };
	double			 t[64], t0;
	char			*why = NULL;
	size_t			 n = 0;
	int			 i, rc = QD_OK;

	db_set_actor(db, u);
	for (i = 0; i < runs && i < 64; i++) {
		memset(&rows, 0, sizeof rows);
		rows.ncols = 20;
		rows.cols = subsidy_claim_columns;
		t0 = now_ms();
		if (which == 0)
			rc = db_training_need_table(db, u, &rows, &why);
		else if (which == 1)
			rc = db_training_enrol_list(db, u, bench_class, &rows,
			    &why);
		else
			rc = db_subsidy_claim_list(db, u, &f, &rows, &why);
		t[i] = now_ms() - t0;
		n = rows.n;
		cmd_rows_free(&rows);
		if (rc != QD_OK) {
			fprintf(stderr, "%s: %s\n", what, why);
			exit(1);
		}
	}
	qsort(t, (size_t)i, sizeof *t, cmp);
	printf("%-44s median %8.3f ms  max %8.3f ms  (%zu rows)\n", what,
	    t[i / 2], t[i - 1], n);
	free(why);
}

static struct qd_user *
user(const char *login)
{
	struct qd_user	*u = NULL;

	if (db_user_find(db, login, &u) != QD_OK)
		fail(login);
	u->via = "bench";
	return u;
}

/* Submit February and export it to xlsx in a child: time, peak RSS. */
static void
bench_export(struct qd_user *ctr)
{
	struct rusage	 ru;
	char		*why = NULL;
	int64_t		 batch, total;
	double		 t0;
	pid_t		 pid;
	int		 n, status;

	db_set_system_actor(db, "(bench)", "bench");
	exec("UPDATE subsidy_claims SET doc_id = 1, doc_cert = 1, doc_bank = 1,"
	    " doc_form = 1, bank_name = '基准银行', bank_account ="
	    " '62220000' || substr('00000000' || id, -8), state = 'complete',"
	    " action = 'complete', version = version + 1 WHERE period ="
	    " '2026-02'");
	db_set_actor(db, ctr);
	t0 = now_ms();
	if (db_subsidy_batch_submit(db, ctr, "2026-02", &batch, &n, &total,
	    &why) != QD_OK) {
		fprintf(stderr, "submit: %s\n", why);
		exit(1);
	}
	printf("batch submit of %d claims: %.1f ms\n", n, now_ms() - t0);
	fflush(stdout);
	t0 = now_ms();
	if ((pid = fork()) == 0) {
		FILE	*f = fopen("/dev/null", "w");

		_exit(f != NULL && subsidy_export_xlsx(db, ctr, batch, f,
		    &why) == QD_OK ? 0 : 1);
	}
	if (wait4(pid, &status, 0, &ru) != pid || !WIFEXITED(status) ||
	    WEXITSTATUS(status) != 0) {
		fprintf(stderr, "export failed\n");
		exit(1);
	}
	printf("xlsx export of %d claims: %.2f s, peak RSS of the exporting"
	    " process %ld kB\n", n, (now_ms() - t0) / 1e3, ru.ru_maxrss);
	free(why);
}

int
main(int argc, char **argv)
{
	struct qd_user	*ctr, *fz;
	char		*why = NULL;

	if (argc != 2) {
		fprintf(stderr, "usage: bench-training DB\n");
		return 2;
	}
	if (db_open(argv[1], 0, &db, &why) != QD_OK) {
		fprintf(stderr, "bench-training: %s\n", why);
		return 1;
	}
	printf("cases %lld, applicants %lld\n",
	    count("SELECT count(*) FROM cases"),
	    count("SELECT count(*) FROM applicants"));
	fill(env_long("BENCH_NEEDS", 100000), env_long("BENCH_CLASSES", 300),
	    env_long("BENCH_CLAIMS", 300000));
	bench_class = count("SELECT max(id) / 2 + 1 FROM training_classes");
	exec("ANALYZE");
	ctr = user("bench-center");
	fz = user("bench-fz");
	bench("needs table (center)", ctr, 0, 21);
	bench("needs table (Fuzhou)", fz, 0, 21);
	bench("a class's enrolment list (center)", ctr, 1, 21);
	bench("a class's enrolment list (Fuzhou)", fz, 1, 21);
	bench("a period's claims, first page (center)", ctr, 2, 21);
	bench("a period's claims, first page (Fuzhou)", fz, 2, 21);
	bench_export(ctr);
	user_free(ctr);
	user_free(fz);
	db_close(db);
	return 0;
}
