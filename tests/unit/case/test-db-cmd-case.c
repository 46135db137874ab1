/*
 * The case and applicant commands through the command table, as their
 * users run them over SSH: lists in text, CSV and JSON, paging by the
 * "more:" line, another office's cases kept out, usage errors, show, find,
 * and the forward, take and release steps. Also demo-data, which they
 * need at scale, on a catalog of both modes.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "qualdesk.h"
#include "catalog/catalog.h"
#include "cert/cert.h"
#include "case/case.h"
#include "../tap.h"
#include "../fixture.h"

static char		*dir;
static sqlite3		*db;
static char		*out_buf, *err_buf;
static struct qd_user	*op, *fz, *xm, *rev1, *rev2, *aud;
static int64_t		 c1, c2, c3, c4;

/* Run line as actor over SSH (remote) or locally; output in the buffers. */
static int
run(const struct qd_user *actor, int remote, const char *line)
{
	struct cmd_ctx	 ctx;
	char		**argv, *why = NULL;
	size_t		  outlen, errlen;
	int		  argc, rc;

	xfree(&out_buf);
	xfree(&err_buf);
	memset(&ctx, 0, sizeof ctx);
	ctx.db = db;
	ctx.actor = actor;
	ctx.remote = remote;
	ctx.in = fmemopen((void *)"", 0, "r");
	ctx.out = open_memstream(&out_buf, &outlen);
	ctx.err = open_memstream(&err_buf, &errlen);
	db_set_actor(db, actor);
	if (cmd_split(line, &argc, &argv, &why) != QD_OK)
		abort();
	rc = cmd_run(&ctx, argc, argv);
	cmd_free_argv(argc, argv);
	fclose(ctx.in);
	fclose(ctx.out);
	fclose(ctx.err);
	return rc;
}

/* Run a formatted command line. */
static int __attribute__((format(printf, 3, 4)))
runf(const struct qd_user *actor, int remote, const char *fmt, ...)
{
	va_list	 ap;
	char	*line;
	int	 rc;

	va_start(ap, fmt);
	xvasprintf(&line, fmt, ap);
	va_end(ap);
	rc = run(actor, remote, line);
	free(line);
	return rc;
}

#define has(buf, s) ((buf) != NULL && strstr((buf), (s)) != NULL)

/* The command of the "more:" line on stderr (caller frees), or NULL. */
static char *
more_line(void)
{
	const char	*p;

	if (err_buf == NULL || (p = strstr(err_buf, "more: ")) == NULL)
		return NULL;
	p += strlen("more: ");
	return xstrndup(p, strcspn(p, "\n"));
}

/* The display column where word starts in the line holding key. */
static int
column_of(const char *text, const char *key, const char *word)
{
	const char	*line, *p;

	if (text == NULL || (line = strstr(text, key)) == NULL)
		return -1;
	while (line > text && line[-1] != '\n')
		line--;
	if ((p = strstr(line, word)) == NULL)
		return -1;
	return text_width_n(line, (size_t)(p - line));
}

/* The first line of text, for a message (static). */
static const char *
line1(const char *text)
{
	static char	 buf[512];

	snprintf(buf, sizeof buf, "%.*s", text != NULL ?
	    (int)strcspn(text, "\n") : 0, text != NULL ? text : "");
	return buf;
}

/* Lines of text. */
static int
lines(const char *text)
{
	int	 n = 0;

	for (; text != NULL && *text != '\0'; text++)
		n += *text == '\n';
	return n;
}

/* Two occupations and a catalog entry of each mode, as the system. */
static void
setup_catalog(sqlite3 *on)
{
	char	*err = NULL;

	db_set_system_actor(on, "(test)", "test");
	if (sqlite3_exec(on, "INSERT INTO occupations (code, name) VALUES"
	    " ('6-18-01-01', '车工'), ('4-10-03-01', '美容师');"
	    "INSERT INTO catalog (tw_qual, tw_level, occupation_id, level, mode)"
	    " VALUES ('車床技術士', '乙級', 1, 3, 'recognition'),"
	    " ('美容技術士', '丙級', 2, 4, 'adoption');"
	    "INSERT INTO agencies (name, office_id) VALUES"
	    " ('福州职业技能等级认定中心', 1);"
	    "INSERT INTO agency_occupations VALUES (1, 1);", NULL, NULL,
	    &err) != SQLITE_OK) {
		printf("Bail out! catalog: %s\n", err);
		exit(1);
	}
}

static int64_t
add_applicant(struct qd_user *u, const char *name, const char *mtp)
{
	struct qd_applicant_new	 nf = { .name = name, .sex = "M",
	    .birth_date = "1990-05-17", .mtp = mtp };
	char			*why = NULL;
	int64_t			 id = 0;

	db_set_actor(db, u);
	if (db_applicant_add(db, u, &nf, &id, &why) != QD_OK) {
		printf("Bail out! applicant %s: %s\n", name, why);
		exit(1);
	}
	return id;
}

static int64_t
open_case(struct qd_user *u, int64_t applicant, const char *type,
    int64_t catalog, const char *qual)
{
	struct qd_case_new	 nc = { .applicant_id = applicant, .type = type,
	    .catalog_id = catalog, .tw_qual = qual, .tw_cert_no = "TW-0001",
	    .mat_id = 1, .mat_cert = 1 };
	char			*why = NULL;
	int64_t			 id = 0;

	db_set_actor(db, u);
	if (db_case_open(db, u, &nc, &id, &why) != QD_OK) {
		printf("Bail out! case: %s\n", why);
		exit(1);
	}
	return id;
}

static void
test_list(void)
{
	char	*more, *first;

	is_int(run(fz, 1, "cases list"), QD_EXIT_OK, "cases list");
	ok(has(out_buf, "APPLICANT") && has(out_buf, "陳大文") &&
	    has(out_buf, "林\"小\",美"), "lists Fuzhou's cases");
	ok(!has(out_buf, "王小明"), "and no Xiamen case");
	ok(has(out_buf, "12****78") && !has(out_buf, "12345678"),
	    "the MTP number only masked");
	ok(column_of(out_buf, "APPLICANT", "OFFICE") > 0 &&
	    column_of(out_buf, "APPLICANT", "OFFICE") ==
	    column_of(out_buf, "陳大文", "福州市") &&
	    column_of(out_buf, "陳大文", "福州市") ==
	    column_of(out_buf, "林\"小\",美", "福州市"),
	    "columns line up in display width with CJK names");

	is_int(run(xm, 1, "cases list --format csv"), QD_EXIT_OK, "csv");
	is_str(line1(out_buf), "id,applicant,mtp,office,type,tw_qual,state,"
	    "state_name,held_by,since,age_days,occupation,version,channel,"
	    "missing\r",
	    "starts with the header");
	ok(has(out_buf, ",王小明,34****90,厦门市,adoption,"),
	    "one case to a line");
	ok(!has(out_buf, "陳大文"), "Xiamen sees no Fuzhou case");
	is_int(run(xm, 1, "cases list --office fuzhou --format json"),
	    QD_EXIT_DENIED, "Xiamen asking for Fuzhou's cases is refused");
	ok(out_buf == NULL || *out_buf == '\0', "and gets no list");
	ok(has(err_buf, "your own office's records"), "but the reason");

	is_int(run(fz, 1, "cases list --format csv"), QD_EXIT_OK, "csv");
	ok(has(out_buf, ",\"林\"\"小\"\",美\","),
	    "a field with a quote and a comma is quoted, its quotes doubled");
	is_int(run(fz, 1, "cases list --format json --type recognition"),
	    QD_EXIT_OK, "json, recognition only");
	ok(out_buf[0] == '[' && has(out_buf, "\"applicant\": \"陳大文\"") &&
	    has(out_buf, "\"mtp\": \"12****78\"") &&
	    has(out_buf, "\"held_by\": null") && lines(out_buf) == 3,
	    "an array with one object");
	is_int(run(fz, 1, "cases list --format json --state accepted"),
	    QD_EXIT_OK, "json by state");
	ok(has(out_buf, "\"applicant\": \"林\\\"小\\\",美\""),
	    "quotes escaped in JSON");

	is_int(run(fz, 1, "cases list --limit 2"), QD_EXIT_OK, "a page of 2");
	is_int(lines(out_buf), 3, "header and two cases");
	first = xstrdup(out_buf);
	more = more_line();
	ok(more != NULL && strncmp(more, "cases list --limit 2 --after ",
	    29) == 0, "stderr says how to read on (%s)",
	    more != NULL ? more : "none");
	is_int(run(fz, 1, more != NULL ? more : "x"), QD_EXIT_OK,
	    "which runs");
	is_int(lines(out_buf), 2, "the last case");
	ok(strcmp(first, out_buf) != 0 && more_line() == NULL,
	    "a different case, and no more");
	free(first);
	free(more);
}

static void
test_usage(void)
{
	is_int(run(fz, 1, "cases list --state lost"), QD_EXIT_USAGE,
	    "an unknown state");
	ok(has(err_buf, "unknown state 'lost': one of accepted, forwarded,") &&
	    has(err_buf, "usage: ssh HOST cases list"),
	    "lists the states and the usage");
	is_int(run(fz, 1, "cases list --queue later"), QD_EXIT_USAGE,
	    "an unknown queue");
	ok(has(err_buf, "one of review, agency, outbox, inbox"), "lists them");
	is_int(run(fz, 1, "cases list --type both"), QD_EXIT_USAGE,
	    "an unknown type");
	ok(has(err_buf, "one of adoption, recognition"), "lists them");
	is_int(run(fz, 1, "cases list --office taipei"), QD_EXIT_USAGE,
	    "an unknown office");
	ok(has(err_buf, "one of fuzhou, xiamen,"), "lists the offices");
	is_int(run(fz, 1, "cases list --queue outbox --state accepted"),
	    QD_EXIT_USAGE, "a queue and a state");
	is_int(run(fz, 1, "cases list --limit 0"), QD_EXIT_USAGE, "limit 0");
	is_int(run(fz, 1, "cases list --format xml"), QD_EXIT_USAGE,
	    "format xml");
	is_int(run(fz, 1, "cases list extra"), QD_EXIT_USAGE, "an argument");
	is_int(run(fz, 1, "cases show"), QD_EXIT_USAGE, "show without N");
	is_int(run(fz, 1, "cases show 1 --format csv"), QD_EXIT_USAGE,
	    "show has no csv");
	is_int(run(fz, 1, "cases forward"), QD_EXIT_USAGE, "forward nothing");
	is_int(run(fz, 1, "cases forward 1 x"), QD_EXIT_USAGE,
	    "forward a word");
	ok(has(err_buf, "'x' is not a case number"), "named");
	is_int(run(rev1, 1, "cases take 1 2"), QD_EXIT_USAGE, "take two");
	is_int(run(fz, 1, "cases find"), QD_EXIT_USAGE, "find nothing");
	is_int(run(fz, 1, "applicants find a b"), QD_EXIT_USAGE,
	    "find two words");
	is_int(run(fz, 1, "cases list --after nonsense"), QD_EXIT_ERROR,
	    "a bad cursor");
	ok(has(err_buf, "bad page cursor"), "is the data layer's message");
}

static void
test_show(void)
{
	is_int(runf(xm, 1, "cases show %lld", (long long)c1), QD_EXIT_ERROR,
	    "Xiamen cannot show a Fuzhou case");
	ok(has(err_buf, "no case") && out_buf[0] == '\0', "not found (%s)",
	    line1(err_buf));
	is_int(runf(fz, 1, "cases show %lld", (long long)c1), QD_EXIT_OK,
	    "Fuzhou shows it");
	ok(has(out_buf, "已受理 Accepted") && has(out_buf, "陳大文") &&
	    has(out_buf, "12****78") && !has(out_buf, "12345678"),
	    "state, applicant and the masked MTP number");
	ok(has(out_buf, "history:\n") && has(out_buf, " accept ") &&
	    has(out_buf, "you may:\n  forward  报送 Forward"),
	    "its history and what the clerk may do");
	is_int(runf(fz, 1, "cases show %lld --format json", (long long)c1),
	    QD_EXIT_OK, "as JSON");
	ok(out_buf[0] == '{' && has(out_buf, "\"history\": [") &&
	    has(out_buf, "\"decided_level\": null") &&
	    has(out_buf, "\"action\": \"forward\"") &&
	    has(out_buf, "\"mtp\": \"12****78\"") && !has(out_buf, "12345678"),
	    "with history and actions");
}

static void
test_find(void)
{
	char	*more;

	is_int(run(fz, 1, "cases find 陈"), QD_EXIT_OK, "find 陈");
	ok(has(out_buf, "陳大文") && lines(out_buf) == 3, "both cases of 陳大文");
	is_int(run(xm, 1, "cases find 陈 --format json"), QD_EXIT_OK,
	    "Xiamen finds 陈");
	is_str(out_buf, "[]\n", "but none of Fuzhou's");
	is_int(run(fz, 1, "cases find 12345678 --format csv"), QD_EXIT_OK,
	    "find by MTP number");
	is_int(lines(out_buf), 3, "header and two cases");
	is_int(runf(fz, 1, "cases find %lld", (long long)c2), QD_EXIT_OK,
	    "find by case number");
	ok(has(out_buf, "林\"小\",美") && lines(out_buf) == 2, "that case");
	is_int(run(fz, 1, "cases find 陈 --limit 1"), QD_EXIT_OK,
	    "a page of one");
	more = more_line();
	ok(more != NULL && strncmp(more, "cases find 陈 --limit 1 --after '",
	    33) == 0, "the next page's command quotes the cursor (%s)",
	    more != NULL ? more : "none");
	is_int(run(fz, 1, more != NULL ? more : "x"), QD_EXIT_OK,
	    "which runs");
	ok(has(out_buf, "陳大文") && lines(out_buf) == 2 && more_line() ==
	    NULL, "the other case, and no more");
	free(more);

	is_int(run(fz, 1, "applicants find 陈"), QD_EXIT_OK,
	    "applicants find 陈");
	ok(has(out_buf, "陳大文") && has(out_buf, "12****78") &&
	    !has(out_buf, "12345678"), "finds 陳大文, MTP masked");
	is_int(run(fz, 1, "applicants find 12345678 --format json"),
	    QD_EXIT_OK, "by MTP number, as JSON");
	ok(has(out_buf, "\"name\": \"陳大文\"") && has(out_buf, "\"cases\": 2")
	    && !has(out_buf, "12345678"), "one person with two cases");
	is_int(run(xm, 1, "applicants find 陈 --format csv"), QD_EXIT_OK,
	    "Xiamen searches");
	is_str(out_buf, "id,name,sex,birth_date,mtp,office,cases,cases_here\r\n",
	    "and finds no one of Fuzhou's");
}

/* The outbox holds accepted and returned cases, newest first, paged. */
static void
test_outbox(void)
{
	char	*why = NULL, *more;
	char	 want[32];

	db_set_actor(db, rev1);
	if (db_case_take(db, rev1, c3, 0, &why) != QD_OK ||
	    db_case_return(db, rev1, c3, 0, "缺少照片", &why) != QD_OK)
		printf("# return: %s\n", why);
	free(why);
	is_int(run(fz, 1, "cases list --queue outbox --limit 1 --format csv"),
	    QD_EXIT_OK, "the outbox, a case a page");
	snprintf(want, sizeof want, "\n%lld,", (long long)c3);
	ok(has(out_buf, want) && has(out_buf, ",returned,"),
	    "first the returned case, the newest");
	more = more_line();
	is_int(run(fz, 1, more != NULL ? more : "x"), QD_EXIT_OK,
	    "the next page (%s)", more != NULL ? more : "none");
	snprintf(want, sizeof want, "\n%lld,", (long long)c2);
	ok(has(out_buf, want) && has(out_buf, ",accepted,") &&
	    more_line() == NULL, "then the accepted one, and no more");
	free(more);
}

static void
test_steps(void)
{
	char	*more;

	is_int(runf(xm, 1, "cases forward %lld", (long long)c1),
	    QD_EXIT_ERROR, "Xiamen cannot forward a Fuzhou case");
	is_int(runf(aud, 1, "cases forward %lld", (long long)c4),
	    QD_EXIT_DENIED, "the auditor forwards nothing");
	is_int(runf(fz, 1, "cases forward %lld %lld %lld", (long long)c1,
	    (long long)c3, (long long)c1), QD_EXIT_OK, "forward two cases");
	ok(has(out_buf, "forwarded"), "says so (%s)", line1(out_buf));
	is_int(runf(fz, 1, "cases show %lld", (long long)c3), QD_EXIT_OK,
	    "show one");
	ok(has(out_buf, "已报送 Forwarded") && has(out_buf, "you may: nothing"),
	    "forwarded, nothing left to do for the office");
	is_int(runf(fz, 1, "cases forward %lld %lld", (long long)c2,
	    (long long)c1), QD_EXIT_DENIED, "forwarding one again fails");
	ok(has(err_buf, "nothing was forwarded"), "all or none (%s)",
	    line1(err_buf));
	run(fz, 1, "cases list --state accepted --format csv");
	is_int(lines(out_buf), 2, "the other case is still accepted");

	is_int(run(rev1, 1, "cases list --queue review --limit 1"), QD_EXIT_OK,
	    "the center's review queue");
	more = more_line();
	ok(more != NULL && has(more, "--queue review --limit 1 --after '"),
	    "the cursor of the queue is quoted (%s)",
	    more != NULL ? more : "none");
	is_int(run(rev1, 1, more != NULL ? more : "x"), QD_EXIT_OK,
	    "the next page");
	is_int(lines(out_buf), 2, "holds the second case");
	free(more);

	test_outbox();
	is_int(runf(rev1, 1, "cases take %lld", (long long)c1), QD_EXIT_OK,
	    "take");
	is_int(runf(rev2, 1, "cases show %lld", (long long)c1), QD_EXIT_OK,
	    "another reviewer looks");
	ok(has(out_buf, "held by") && has(out_buf, "rev1") &&
	    has(out_buf, "you may:\n  release ") &&
	    !has(strstr(out_buf, "you may:"), "take"),
	    "and sees it held by rev1: it may release it, not take it");
	is_int(runf(rev2, 1, "cases take %lld", (long long)c1), QD_EXIT_DENIED,
	    "cannot take it too");
	ok(has(err_buf, "held by rev1"), "is told by whom");
	is_int(runf(fz, 1, "cases take %lld", (long long)c3), QD_EXIT_DENIED,
	    "an office takes nothing");
	is_int(runf(rev1, 1, "cases release %lld", (long long)c1), QD_EXIT_OK,
	    "release");
	ok(has(out_buf, "released case"), "says so");
	is_int(runf(rev1, 1, "cases release %lld", (long long)c1),
	    QD_EXIT_DENIED, "releasing twice fails");
	is_int(run(aud, 1, "cases list --format csv"), QD_EXIT_OK,
	    "the auditor lists");
	is_int(lines(out_buf), 5, "every office's cases");
	is_int(run(op, 0, "cases list --office xiamen --format csv"),
	    QD_EXIT_OK, "the local operator lists Xiamen's");
	is_int(lines(out_buf), 2, "one case");
}

/*
 * demo-data on a catalog of both modes: an adoption case must never be
 * left with an agency (the schema refuses it).
 */
static void
test_demo_data(void)
{
	sqlite3	*main_db = db;

	db = fixture_db(dir, "demo.db");
	setup_catalog(db);
	is_int(run(op, 0, "demo-data --cases 600 --seed 7"), QD_EXIT_OK,
	    "demo-data with adoption and recognition entries (%s)",
	    line1(err_buf));
	is_int(fixture_int(db, "SELECT count(*) FROM cases"), 600,
	    "600 cases");
	is_int(fixture_int(db, "SELECT count(DISTINCT state) FROM cases"), 10,
	    "in all ten states");
	is_int(fixture_int(db, "SELECT count(*) FROM cases WHERE state ="
	    " 'agency' AND type = 'adoption'"), 0,
	    "no adoption case with an agency");
	is_int(fixture_int(db, "SELECT count(*) FROM case_counts c WHERE n <>"
	    " (SELECT count(*) FROM cases WHERE state = c.state AND office_id ="
	    " c.office_id AND type = c.type)"), 0, "the kept counts match");
	db_close(db);
	db = main_db;
}

int
main(void)
{
	int64_t	 a1, a2, a3;

	dir = fixture_dir("cmd-case");
	db = fixture_db(dir, "cmd-case.db");
	op = user_local_operator();
	fz = fixture_user(db, op, "fz", ROLE_LIAISON, "fuzhou");
	xm = fixture_user(db, op, "xm", ROLE_LIAISON, "xiamen");
	rev1 = fixture_user(db, op, "rev1", ROLE_CENTER, NULL);
	rev2 = fixture_user(db, op, "rev2", ROLE_CENTER, NULL);
	aud = fixture_user(db, op, "aud", ROLE_AUDITOR, NULL);
	setup_catalog(db);
	a1 = add_applicant(fz, "陳大文", "12345678");
	a2 = add_applicant(fz, "林\"小\",美", "23456789");
	a3 = add_applicant(xm, "王小明", "34567890");
	c1 = open_case(fz, a1, "adoption", 2, NULL);
	c2 = open_case(fz, a2, "adoption", 0, "美容 丙級");
	c3 = open_case(fz, a1, "recognition", 1, NULL);
	c4 = open_case(xm, a3, "adoption", 2, NULL);

	test_list();
	test_usage();
	test_show();
	test_find();
	test_steps();
	test_demo_data();

	free(out_buf);
	free(err_buf);
	user_free(op);
	user_free(fz);
	user_free(xm);
	user_free(rev1);
	user_free(rev2);
	user_free(aud);
	db_close(db);
	fixture_dir_remove(dir);
	return done_testing();
}
