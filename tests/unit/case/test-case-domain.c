/*
 * The domain of a case (015-case-domain.sql) at the database and in the
 * commands: the materials each qualification needs and the forward that
 * refuses a case without them unless the office says why; the channel an
 * application came by; each office's window in the notices; and every
 * step of a case as a script runs it, intake from JSON and CSV included.
 */
#include <stdarg.h>
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
static struct qd_user	*op, *fz, *xm, *rev, *adm, *aud;
static int64_t		 person;

/* Run line as actor over SSH with input on standard input. */
static int
run_in(const struct qd_user *actor, const char *input, const char *line)
{
	struct qd_config	 cfg;
	struct cmd_ctx		 ctx;
	char			**argv, *why = NULL;
	size_t			  outlen, errlen;
	int			  argc, rc;

	xfree(&out_buf);
	xfree(&err_buf);
	memset(&cfg, 0, sizeof cfg);
	memset(&ctx, 0, sizeof ctx);
	ctx.db = db;
	ctx.cfg = &cfg;
	ctx.actor = actor;
	ctx.remote = 1;
	input = input != NULL ? input : "";
	ctx.in = fmemopen((void *)input, strlen(input), "r");
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

static int __attribute__((format(printf, 2, 3)))
runf(const struct qd_user *actor, const char *fmt, ...)
{
	va_list	 ap;
	char	*line;
	int	 rc;

	va_start(ap, fmt);
	xvasprintf(&line, fmt, ap);
	va_end(ap);
	rc = run_in(actor, NULL, line);
	free(line);
	return rc;
}

#define has(buf, s) ((buf) != NULL && strstr((buf), (s)) != NULL)

static long long
sqlf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static long long
sqlf(const char *fmt, ...)
{
	va_list		 ap;
	char		*sql;
	long long	 v;

	va_start(ap, fmt);
	xvasprintf(&sql, fmt, ap);
	va_end(ap);
	v = fixture_int(db, sql);
	free(sql);
	return v;
}

static void
setup_catalog(void)
{
	char	*msg = NULL;

	db_set_system_actor(db, "(test)", "test");
	if (fixture_exec(db, "INSERT INTO occupations (code, name) VALUES"
	    " ('6-18-01-01', '车工'), ('4-10-03-01', '美容师');"
	    "INSERT INTO catalog (tw_qual, tw_level, occupation_id, level, mode)"
	    " VALUES ('車床技術士', '乙級', 1, 3, 'recognition'),"
	    " ('美容技術士', '丙級', 2, 4, 'adoption');"
	    "INSERT INTO agencies (name, office_id) VALUES"
	    " ('福州职业技能等级认定中心', 1);"
	    "INSERT INTO agency_occupations VALUES (1, 1);", &msg) !=
	    SQLITE_OK) {
		printf("Bail out! catalog: %s\n", msg);
		exit(1);
	}
}

/* Open a case as u with the materials given (bits: id cert photo form). */
static int64_t
open_case(struct qd_user *u, int64_t applicant, const char *type,
    int64_t catalog, int mats, const char *channel)
{
	struct qd_case_new	 nc = { .applicant_id = applicant, .type = type,
	    .catalog_id = catalog, .tw_qual = catalog == 0 ? "美容 丙級" : NULL,
	    .tw_cert_no = "TW-0100", .mat_id = (mats & 8) != 0,
	    .mat_cert = (mats & 4) != 0, .mat_photo = (mats & 2) != 0,
	    .mat_form = (mats & 1) != 0, .channel = channel };
	char			*why = NULL;
	int64_t			 id = 0;

	db_set_actor(db, u);
	if (db_case_open(db, u, &nc, &id, &why) != QD_OK) {
		printf("Bail out! case: %s\n", why);
		exit(1);
	}
	return id;
}

static int64_t
version_of(int64_t id)
{
	return sqlf("SELECT version FROM cases WHERE id = %lld",
	    (long long)id);
}

static void
test_materials(void)
{
	struct qd_case	*c = NULL;
	char		*why = NULL, *msg = NULL;
	const char	*photo[] = { "id", "cert", "photo" };
	const char	*bad[] = { "id", "visa" };
	int64_t		 c1, c2, c3, c4;

	c1 = open_case(fz, person, "adoption", 2, 8, NULL);	/* ID only */
	db_set_actor(db, fz);
	is_int(db_case_get(db, fz, c1, &c, &why), QD_OK, "read the case");
	ok(c != NULL && strcmp(c->materials_missing,
	    "台湾证书 Taiwan certificate") == 0,
	    "the default list needs the certificate too: %s",
	    c != NULL ? c->materials_missing : "?");
	case_free(c);
	c = NULL;
	is_int(db_case_forward(db, fz, &c1, 1, &why), QD_EINVAL,
	    "forwarding it is refused");
	ok(why != NULL && strstr(why, "台湾证书 Taiwan certificate") != NULL,
	    "naming what is missing (%s)", why);
	xfree(&why);
	is_int(fixture_exec(db, "UPDATE cases SET state = 'forwarded', action ="
	    " 'forward', version = version + 1 WHERE id = 1", &msg) & 0xff,
	    SQLITE_CONSTRAINT, "so is raw SQL, by the schema");
	ok(msg != NULL && strstr(msg, "materials are missing") != NULL,
	    "saying why (%s)", msg);
	is_int(db_case_forward_reason(db, fz, &c1, 1, "   ", &why), QD_EINVAL,
	    "a blank reason is no reason");
	xfree(&why);
	is_int(db_case_forward_reason(db, fz, &c1, 1, "证书原件在途，先报送",
	    &why), QD_OK, "with a reason it goes (%s)", why ? why : "ok");
	xfree(&why);
	is_int(sqlf("SELECT count(*) FROM audit WHERE tbl = 'material_waivers'"
	    " AND action = 'insert' AND after LIKE '%%证书原件在途%%'"
	    " AND after LIKE '%%\"missing\":\"cert\"%%'"), 1,
	    "the reason is audited with what was missing");
	is_int(sqlf("SELECT count(*) FROM case_events WHERE case_id = %lld"
	    " AND action = 'waive' AND note = '台湾证书：证书原件在途，先报送'",
	    (long long)c1), 1, "and is in the case's history, by name");
	db_set_actor(db, rev);
	is_int(db_case_get(db, rev, c1, &c, &why), QD_OK, "the center reads it");
	ok(c != NULL && *c->materials_missing != '\0' &&
	    c->materials_waiver != NULL &&
	    strcmp(c->materials_waiver, "证书原件在途，先报送") == 0,
	    "and sees what is missing and why it came anyway");
	case_free(c);
	c = NULL;
	is_int(fixture_exec(db, "INSERT INTO material_waivers (case_id,"
	    " case_version, missing, reason, recorded_by) VALUES (1, 9, 'x',"
	    " 'y', 'rev')", &msg) & 0xff, SQLITE_CONSTRAINT,
	    "the center cannot record an office's reason");
	is_int(fixture_exec(db, "UPDATE material_waivers SET reason = 'z'",
	    &msg) & 0xff, SQLITE_CONSTRAINT, "nor can anyone change one");

	/* Returned, it needs a reason again for its new version. */
	is_int(db_case_take(db, rev, c1, version_of(c1), &why), QD_OK, "take");
	is_int(db_case_return(db, rev, c1, version_of(c1), "请补交台湾证书",
	    &why), QD_OK, "the center returns it");
	db_set_actor(db, fz);
	is_int(db_case_forward(db, fz, &c1, 1, &why), QD_EINVAL,
	    "forwarded again without the certificate: refused again");
	xfree(&why);

	/* A type's list, then an entry's, replace the default. */
	is_int(db_material_needs_set(db, fz, 0, "adoption", photo, 3, &why),
	    QD_EDENIED, "a liaison does not set the lists");
	xfree(&why);
	db_set_actor(db, fz);
	is_int(fixture_exec(db, "INSERT INTO material_needs (catalog_id, type,"
	    " material) VALUES (0, 'adoption', 'photo')", &msg) & 0xff,
	    SQLITE_CONSTRAINT, "nor by raw SQL");
	db_set_actor(db, adm);
	is_int(db_material_needs_set(db, adm, 0, "adoption", bad, 2, &why),
	    QD_EINVAL, "an unknown material is refused");
	ok(why != NULL && strstr(why, "visa") != NULL, "naming it (%s)", why);
	xfree(&why);
	is_int(db_material_needs_set(db, adm, 0, "adoption", photo, 3, &why),
	    QD_OK, "the admin says adoption needs a photo too");
	c2 = open_case(fz, person, "adoption", 2, 12, "window");
	c3 = open_case(fz, person, "recognition", 1, 12, "window");
	db_set_actor(db, fz);
	is_int(db_case_forward(db, fz, &c2, 1, &why), QD_EINVAL,
	    "an adoption case without a photo now stays");
	ok(why != NULL && strstr(why, "照片 Photo") != NULL, "%s", why);
	xfree(&why);
	is_int(db_case_forward(db, fz, &c3, 1, &why), QD_OK,
	    "a recognition case keeps the default list (%s)", why ? why : "ok");
	xfree(&why);
	db_set_actor(db, adm);
	is_int(db_material_needs_set(db, adm, 2, NULL, photo, 1, &why), QD_OK,
	    "the beauty entry needs only the ID papers");
	c4 = open_case(fz, person, "adoption", 2, 8, "window");
	db_set_actor(db, fz);
	is_int(db_case_forward(db, fz, &c4, 1, &why), QD_OK,
	    "the entry's list wins over its type's (%s)", why ? why : "ok");
	xfree(&why);
	is_int(sqlf("SELECT count(*) FROM audit WHERE tbl = 'material_needs'"),
	    4, "each list row written is audited");
	db_set_actor(db, adm);
	is_int(db_material_needs_set(db, adm, 2, NULL, NULL, 0, &why), QD_OK,
	    "an entry's list dropped");
	is_int(db_material_needs_set(db, adm, 0, "adoption", NULL, 0, &why),
	    QD_OK, "and the type's");
	free(msg);
}

static void
test_channel(void)
{
	struct qd_case_filter	 f = { .queue = CASE_QUEUE_ALL,
	    .channel = "app" };
	struct qd_case_new	 nc = { .applicant_id = person,
	    .type = "adoption", .catalog_id = 2, .tw_cert_no = "T-1",
	    .channel = "fax" };
	struct qd_case_row	*r = NULL;
	struct qd_case		*c = NULL;
	char			*why = NULL, *next = NULL, *msg = NULL;
	size_t			 n = 0;
	int64_t			 id = 0, a;

	a = open_case(fz, person, "adoption", 2, 12, "app");
	db_set_actor(db, fz);
	is_int(db_case_open(db, fz, &nc, &id, &why), QD_EINVAL,
	    "an unknown channel is refused");
	ok(why != NULL && strstr(why, "window, app, platform") != NULL,
	    "listing the channels (%s)", why);
	xfree(&why);
	is_int(db_case_get(db, fz, a, &c, &why), QD_OK, "read");
	ok(c != NULL && strcmp(c->channel, "app") == 0, "the channel is kept");
	case_free(c);
	is_int(sqlf("SELECT count(*) FROM cases WHERE channel = 'window'"
	    " AND id < %lld", (long long)a), sqlf("SELECT count(*) FROM cases"
	    " WHERE id < %lld", (long long)a), "none given is the window");
	is_int(db_case_list(db, fz, &f, NULL, 50, &r, &n, &next, &why), QD_OK,
	    "list by channel");
	ok(n == 1 && r[0].id == a && strcmp(r[0].channel, "app") == 0,
	    "finds only the case that came by the app");
	case_rows_free(r, n);
	free(next);
	db_set_actor(db, rev);
	is_int(fixture_exec(db, "UPDATE cases SET channel = 'post', version ="
	    " version + 1 WHERE id = 1", &msg) & 0xff, SQLITE_CONSTRAINT,
	    "the center never changes the channel");
	is_int(runf(fz, "cases list --channel app --format json"), QD_EXIT_OK,
	    "cases list --channel");
	ok(has(out_buf, "\"channel\": \"app\"") && !has(out_buf, "window"),
	    "prints only those, with the channel");
	is_int(runf(fz, "cases list --channel fax"), QD_EXIT_USAGE,
	    "an unknown channel is a usage error");
	free(msg);
}

static void
test_window(void)
{
	struct qd_case	*c = NULL;
	char		*why = NULL, *msg = NULL, *t;
	int64_t		 id;

	db_set_actor(db, fz);
	is_int(db_office_window_set(db, fz, 1, "福州市某路1号政务中心", NULL,
	    &why), QD_EDENIED, "a liaison does not set the window");
	xfree(&why);
	is_int(fixture_exec(db, "INSERT INTO office_windows (office_id,"
	    " address) VALUES (1, 'x')", &msg) & 0xff, SQLITE_CONSTRAINT,
	    "nor by raw SQL");
	db_set_actor(db, adm);
	is_int(db_office_window_set(db, adm, 1, "福州市某路1号政务中心二楼",
	    "0591-0000000", &why), QD_OK, "the admin sets Fuzhou's window");
	is_int(db_office_window_set(db, adm, 1, NULL, "0591-1111111", &why),
	    QD_OK, "and changes the phone alone");
	is_int(sqlf("SELECT count(*) FROM audit WHERE tbl = 'office_windows'"
	    " AND after LIKE '%%0591-1111111%%' AND after LIKE"
	    " '%%\"office\":\"fuzhou\"%%'"), 1, "audited");
	is_int(db_office_window_set(db, adm, 1, "a\nb", NULL, &why),
	    QD_EINVAL, "an address of two lines is refused");
	xfree(&why);

	id = open_case(fz, person, "adoption", 2, 12, NULL);
	db_set_actor(db, fz);
	db_case_forward(db, fz, &id, 1, NULL);
	db_set_actor(db, rev);
	db_case_take(db, rev, id, version_of(id), NULL);
	db_case_approve(db, rev, id, version_of(id), 2, 4, NULL);
	db_set_actor(db, fz);
	is_int(db_case_get(db, fz, id, &c, &why), QD_OK, "approved");
	t = notice_text(db, c);
	ok(strstr(t, "福州市某路1号政务中心二楼") != NULL &&
	    strstr(t, "0591-1111111") != NULL && strstr(t, "美容师") != NULL &&
	    strstr(t, "四级/中级工") != NULL,
	    "the notice tells the window's address and phone: %s", t);
	free(t);
	case_free(c);
	is_int(run_in(adm, NULL, "office set xiamen --phone 0592-2222222"),
	    QD_EXIT_OK, "office set over SSH");
	is_int(run_in(aud, NULL, "office list --format json"), QD_EXIT_OK,
	    "anyone lists the windows");
	ok(has(out_buf, "\"phone\": \"0592-2222222\"") &&
	    has(out_buf, "福州市某路1号政务中心二楼"), "with what was set");
	is_int(run_in(fz, NULL, "office set fuzhou --phone 1"), QD_EXIT_DENIED,
	    "a liaison's office set is refused (exit 3)");
	free(msg);
}

/* The first case id printed as "case_id": N. */
static long long
json_case_id(const char *text, int nth)
{
	const char	*p = text;

	while (p != NULL && (p = strstr(p, "\"case_id\": ")) != NULL &&
	    --nth > 0)
		p++;
	return p != NULL ? atoll(p + strlen("\"case_id\": ")) : -1;
}

static void
test_intake(void)
{
	long long	 before = sqlf("SELECT count(*) FROM cases"), a, b;

	is_int(run_in(fz, "[{\"name\": \"張美玲\", \"sex\": \"F\","
	    " \"birth_date\": \"1991-03-04\", \"mtp\": \"45678901\","
	    " \"type\": \"adoption\", \"catalog_id\": 2, \"tw_cert_no\": \"T-9\","
	    " \"channel\": \"email\", \"materials\": \"id cert\"},"
	    " {\"name\": \"陳大文\", \"sex\": \"M\", \"birth_date\":"
	    " \"1990-05-17\", \"mtp\": \"12345678\", \"tw_qual\":"
	    " \"電腦軟體 乙級\", \"tw_cert_no\": \"T-10\", \"materials\":"
	    " [\"id\"]}]", "cases intake --format json"), QD_EXIT_ERROR,
	    "intake: an array for materials is refused");
	ok(has(err_buf, "row 2") && has(err_buf, "materials"),
	    "naming the row and the column (%s)", err_buf);
	is_int(sqlf("SELECT count(*) FROM cases"), before, "and no case of it");
	is_int(run_in(fz, "[{\"name\": \"張美玲\", \"sex\": \"F\","
	    " \"birth_date\": \"1991-03-04\", \"mtp\": \"45678901\","
	    " \"type\": \"adoption\", \"catalog_id\": 2, \"tw_cert_no\": \"T-9\","
	    " \"channel\": \"email\", \"materials\": \"id cert\"},"
	    " {\"name\": \"陈大文\", \"sex\": \"M\", \"birth_date\":"
	    " \"1990-05-17\", \"mtp\": \"12345678\", \"tw_qual\":"
	    " \"電腦軟體 乙級\", \"tw_cert_no\": \"T-10\", \"materials\":"
	    " \"id\"}]", "cases intake --format json"), QD_EXIT_OK,
	    "intake of two rows as JSON (%s)", err_buf);
	ok(has(out_buf, "\"applicant_new\": true") &&
	    has(out_buf, "\"applicant_new\": false"),
	    "one new person, one found by the MTP number: %s", out_buf);
	a = json_case_id(out_buf, 1);
	b = json_case_id(out_buf, 2);
	is_int(sqlf("SELECT count(*) FROM cases WHERE id = %lld AND channel ="
	    " 'email' AND mat_id = 1 AND mat_cert = 1 AND state = 'accepted'",
	    a), 1, "the first case as given");
	is_int(sqlf("SELECT applicant_id FROM cases WHERE id = %lld", b),
	    person, "the second on the registered person");
	is_int(sqlf("SELECT count(*) FROM audit WHERE tbl = 'cases' AND"
	    " action = 'insert' AND record IN (%lld, %lld) AND actor = 'fz'",
	    a, b), 2, "each audited as the liaison's");

	before = sqlf("SELECT count(*) FROM cases");
	is_int(run_in(fz, "name,sex,birth_date,mtp,tw_qual,tw_cert_no\r\n"
	    "林志明,M,1980-01-02,56789012,美容 丙級,T-11\r\n"
	    "陳大文,M,1990-05-17,67890123,美容 丙級,T-12\r\n",
	    "cases intake"), QD_EXIT_ERROR,
	    "CSV: the same name and birth date under another MTP number");
	ok(has(err_buf, "row 2") && has(err_buf, "applicant_id") &&
	    has(err_buf, "new_person"), "is refused, saying what to give");
	is_int(sqlf("SELECT count(*) FROM cases"), before,
	    "and the first row is not taken in either");
	is_int(sqlf("SELECT count(*) FROM applicants WHERE mtp = '56789012'"),
	    0, "nor its person");
	is_int(run_in(fz, "name,sex,birth_date,mtp,tw_qual,tw_cert_no,"
	    "new_person\r\n林志明,M,1980-01-02,56789012,美容 丙級,T-11,\r\n"
	    "陳大文,M,1990-05-17,67890123,美容 丙級,T-12,true\r\n",
	    "cases intake"), QD_EXIT_OK, "with new_person it goes (%s)",
	    err_buf);
	ok(has(out_buf, "row 1: case ") && has(out_buf, "(new)"),
	    "text says each row's case: %s", out_buf);
	is_int(run_in(fz, "name,sex,birth_date,mtp,tw_qual,tw_cert_no\r\n"
	    "李四,M,1980-02-30,78901234,美容 丙級,T-13\r\n", "cases intake"),
	    QD_EXIT_ERROR, "a bad birth date is refused");
	ok(has(err_buf, "row 1") && has(err_buf, "出生日期"),
	    "naming the row and the field: %s", err_buf);
	is_int(run_in(fz, "shoe,size\r\n1,2\r\n", "cases intake"),
	    QD_EXIT_ERROR, "an unknown column is refused");
	is_int(run_in(fz, "{\"name\": 1}", "cases intake --input json"),
	    QD_EXIT_ERROR, "JSON that is no array is refused");
	is_int(run_in(rev, "[]", "cases intake"), QD_EXIT_DENIED,
	    "the center takes in nothing");
	is_int(run_in(fz, "", "cases intake --input xml"), QD_EXIT_USAGE,
	    "--input xml is a usage error");
}

/* A forwarded adoption case held by the center; its id. */
static int64_t
held_case(int64_t catalog)
{
	int64_t	 id = open_case(fz, person, "adoption", catalog, 12, NULL);

	db_set_actor(db, fz);
	db_case_forward(db, fz, &id, 1, NULL);
	db_set_actor(db, rev);
	db_case_take(db, rev, id, version_of(id), NULL);
	return id;
}

static void
test_steps(void)
{
	int64_t	 a, b, r, w, x;
	char	*cert;

	a = held_case(2);
	is_int(runf(rev, "cases approve %lld --version 1 --format json",
	    (long long)a), QD_EXIT_ERROR, "approve at a stale version");
	ok(has(err_buf, "read it again"), "says to read it again");
	is_int(runf(rev, "cases approve %lld --format json", (long long)a),
	    QD_EXIT_OK, "cases approve at the catalog's comparison (%s)",
	    err_buf);
	ok(has(out_buf, "\"state\": \"approved\"") &&
	    has(out_buf, "\"certificate\": \"CX-"), "JSON: approved, certified");
	is_int(sqlf("SELECT decided_level FROM cases WHERE id = %lld",
	    (long long)a), 4, "at the catalog's level");
	is_int(runf(fz, "cases notify %lld --channel sms --format json",
	    (long long)a), QD_EXIT_OK, "cases notify with the usual words");
	ok(has(out_buf, "\"state\": \"notified\"") &&
	    has(out_buf, "\"delivery\": \"recorded\""), "%s", out_buf);
	ok(sqlf("SELECT count(*) FROM notices WHERE case_id = %lld AND text"
	    " LIKE '%%0591-1111111%%'", (long long)a) == 1,
	    "the notice tells the window");
	is_int(runf(fz, "cases collect %lld --date 2026-13-01", (long long)a),
	    QD_EXIT_ERROR, "a bad collection date is refused");
	ok(has(err_buf, "领证日期"), "naming the collection date");
	cert = fixture_text(db, "SELECT number FROM certificates ORDER BY id"
	    " DESC LIMIT 1");
	is_int(runf(fz, "cert printed %s", cert), QD_EXIT_OK, "printed");
	free(cert);
	is_int(runf(fz, "cases collect %lld", (long long)a), QD_EXIT_OK,
	    "cases collect, today (%s)", err_buf);
	ok(has(out_buf, "collected case"), "%s", out_buf);

	b = held_case(0);
	is_int(runf(rev, "cases approve %lld", (long long)b), QD_EXIT_ERROR,
	    "a typed qualification needs the occupation named");
	is_int(runf(rev, "cases approve %lld --occupation 车工 --level 2"
	    " --format json", (long long)b), QD_EXIT_OK,
	    "approve by occupation name and level");
	is_int(sqlf("SELECT decided_occupation_id * 10 + decided_level FROM"
	    " cases WHERE id = %lld", (long long)b), 12, "as named");

	r = held_case(2);
	is_int(runf(rev, "cases reject %lld", (long long)r), QD_EXIT_USAGE,
	    "reject needs --reason");
	is_int(runf(rev, "cases reject %lld --reason 证书无法核实 --format json",
	    (long long)r), QD_EXIT_OK, "cases reject");
	ok(has(out_buf, "\"state\": \"rejected\""), "%s", out_buf);
	is_int(runf(fz, "cases notify %lld --channel phone --text"
	    " 已电话告知结果", (long long)r), QD_EXIT_OK,
	    "cases notify of a rejection with its own text");
	is_int(sqlf("SELECT count(*) FROM cases WHERE id = %lld AND state ="
	    " 'closed'", (long long)r), 1, "closes it");

	x = held_case(2);
	is_int(runf(rev, "cases return %lld --missing 请补交照片 --format json",
	    (long long)x), QD_EXIT_OK, "cases return");
	ok(has(out_buf, "\"state\": \"returned\""), "%s", out_buf);
	is_int(runf(fz, "cases withdraw %lld --reason 申请人撤回",
	    (long long)x), QD_EXIT_OK, "cases withdraw of the returned case");
	is_int(runf(fz, "cases withdraw %lld", (long long)x), QD_EXIT_DENIED,
	    "withdrawing it again is refused (exit 3)");

	w = open_case(fz, person, "recognition", 1, 12, NULL);
	is_int(runf(fz, "cases forward %lld --format json", (long long)w),
	    QD_EXIT_OK, "forward --format json");
	ok(has(out_buf, "\"ids\": ["), "%s", out_buf);
	is_int(runf(rev, "cases route %lld", (long long)w), QD_EXIT_DENIED,
	    "route before taking is refused");
	ok(has(err_buf, "take the case first"), "%s", err_buf);
	is_int(runf(rev, "cases take %lld", (long long)w), QD_EXIT_OK, "take");
	is_int(runf(rev, "cases route %lld --format json", (long long)w),
	    QD_EXIT_OK, "cases route to the city's agency (%s)", err_buf);
	ok(has(out_buf, "\"state\": \"agency\""), "%s", out_buf);
	is_int(runf(rev, "cases confirm %lld --ref 闽认字001 --format json",
	    (long long)w), QD_EXIT_OK, "cases confirm");
	ok(has(out_buf, "\"state\": \"approved\""), "%s", out_buf);
	is_int(runf(xm, "cases notify %lld --channel sms", (long long)w),
	    QD_EXIT_ERROR, "Xiamen cannot notify for a Fuzhou case");
	ok(has(err_buf, "another office"), "%s", err_buf);
	is_int(runf(aud, "cases approve %lld", (long long)w), QD_EXIT_DENIED,
	    "the auditor approves nothing");
	is_int(runf(rev, "cases approve %lld --reason x", (long long)w),
	    QD_EXIT_USAGE, "an option the step does not take");
	ok(has(err_buf, "approve takes no --reason"), "%s", err_buf);

	x = open_case(fz, person, "adoption", 2, 8, NULL);
	is_int(runf(fz, "cases forward %lld", (long long)x), QD_EXIT_ERROR,
	    "forwarding a case lacking the certificate is refused");
	ok(has(err_buf, "give the reason to forward without"),
	    "saying how to go on: %s", err_buf);
	is_int(runf(fz, "cases forward %lld --reason 原件后补", (long long)x),
	    QD_EXIT_OK, "with --reason it goes");
	is_int(run_in(adm, NULL, "materials set --type recognition id cert"
	    " photo"), QD_EXIT_OK, "materials set a type's list");
	is_int(run_in(fz, NULL, "materials list --format csv"), QD_EXIT_OK,
	    "materials list");
	ok(has(out_buf, "default,,id cert") &&
	    has(out_buf, "recognition,,id cert photo"), "%s", out_buf);
	is_int(run_in(fz, NULL, "materials set --type adoption id"),
	    QD_EXIT_DENIED, "a liaison does not");
}

int
main(void)
{
	struct qd_applicant_new	 nf = { .name = "陳大文", .sex = "M",
	    .birth_date = "1990-05-17", .mtp = "12345678" };
	char			*why = NULL;

	dir = fixture_dir("case-domain");
	db = fixture_db(dir, "case-domain.db");
	op = user_local_operator();
	fz = fixture_user(db, op, "fz", ROLE_LIAISON, "fuzhou");
	xm = fixture_user(db, op, "xm", ROLE_LIAISON, "xiamen");
	rev = fixture_user(db, op, "rev", ROLE_CENTER, NULL);
	adm = fixture_user(db, op, "adm", ROLE_ADMIN, NULL);
	aud = fixture_user(db, op, "aud", ROLE_AUDITOR, NULL);
	setup_catalog();
	db_set_actor(db, fz);
	if (db_applicant_add(db, fz, &nf, &person, &why) != QD_OK) {
		printf("Bail out! applicant: %s\n", why);
		return 1;
	}

	test_materials();
	test_channel();
	test_window();
	test_intake();
	test_steps();

	free(out_buf);
	free(err_buf);
	user_free(op);
	user_free(fz);
	user_free(xm);
	user_free(rev);
	user_free(adm);
	user_free(aud);
	db_close(db);
	fixture_dir_remove(dir);
	return done_testing();
}
