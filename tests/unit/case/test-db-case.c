/*
 * Applicants and cases at the database level: intake with its checks and
 * duplicate detection, the workflow through every step, the rules the
 * schema enforces even against raw SQL (illegal transitions, another
 * office's case, the auditor), concurrent decisions, queues and drafts.
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
static struct qd_user	*op, *fz1, *fz2, *xm1, *rev1, *rev2, *aud;
static int64_t		 occ_lathe, occ_beauty, cat_lathe, cat_beauty;

/* Act as u on db: the triggers read the connection's actor. */
static void
as(struct qd_user *u)
{
	db_set_actor(db, u);
}

static int64_t
sql_id(const char *sql)
{
	return fixture_int(db, sql);
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
	    " ('福州职业技能等级认定中心', 1), ('泉州技能评价中心', 4);"
	    "INSERT INTO agency_occupations VALUES (1, 1), (2, 1);", &msg) !=
	    SQLITE_OK) {
		printf("Bail out! catalog: %s\n", msg);
		exit(1);
	}
	occ_lathe = 1;
	occ_beauty = 2;
	cat_lathe = 1;
	cat_beauty = 2;
}

/* A residence permit number for birth (YYYYMMDD): GB 11643 MOD 11-2. */
static void
residence_for(const char *birth, char out[19])
{
	static const int	 w[] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10,
				    5, 8, 4, 2 };
	int			 i, sum = 0;

	snprintf(out, 19, "830000%s123", birth);
	for (i = 0; i < 17; i++)
		sum += (out[i] - '0') * w[i];
	out[17] = "10X98765432"[sum % 11];
	out[18] = '\0';
}

static int64_t
add_applicant(struct qd_user *u, const char *name, const char *birth,
    const char *mtp, int want, const char *what)
{
	struct qd_applicant_new	 nf = { .name = name, .sex = "M",
	    .birth_date = birth, .mtp = mtp, .phone = "0912 345 678" };
	char			*why = NULL;
	int64_t			 id = 0;
	int			 rc;

	as(u);
	rc = db_applicant_add(db, u, &nf, &id, &why);
	is_int(rc, want, "%s (%s)", what, why != NULL ? why : "ok");
	free(why);
	return id;
}

static void
test_applicants(void)
{
	struct qd_applicant_new	 nf = { .name = "林小美", .sex = "女",
	    .birth_date = "1988-02-30", .mtp = "23456789" };
	struct qd_applicant_row	*rows = NULL;
	struct qd_applicant	*a = NULL;
	char			*why = NULL, *next = NULL, residence[19];
	size_t			 n = 0;
	int64_t			 id, id1, id2, views;

	id1 = add_applicant(fz1, "陳大文", "1990-05-17", "12345678", QD_OK,
	    "a clerk registers 陳大文");
	add_applicant(fz1, "陈大文", "1990-05-17", "12345678", QD_ECONFLICT,
	    "the same MTP number again is refused");
	add_applicant(rev1, "王小明", "1990-05-17", "34567890", QD_EDENIED,
	    "the center does not register applicants");
	add_applicant(fz1, "陳\xe2\x80\xae" "文大", "1990-05-17", "34567891",
	    QD_EINVAL, "a name with a right-to-left override is refused");
	add_applicant(fz1, "陳\xe2\x81\xa6" "大文\xe2\x81\xa9", "1990-05-17",
	    "34567892", QD_EINVAL, "so is one with bidi isolates");
	id2 = add_applicant(fz1, "黃志明", "1975-11-02", "8765432101(B)", QD_OK,
	    "the older 10-digit MTP form is accepted");
	is_int(sql_id("SELECT mtp_old FROM applicants WHERE mtp = '87654321'"),
	    1, "and kept as its first 8 digits, flagged");
	as(fz1);
	is_int(db_applicant_add(db, fz1, &nf, &id, &why), QD_EINVAL,
	    "30 February is refused (%s)", why);
	ok(why != NULL && strstr(why, "出生日期") != NULL,
	    "and the message names the field");
	nf.birth_date = "1988-02-03";
	residence_for("19880204", residence);
	nf.residence_no = residence;
	xfree(&why);
	is_int(db_applicant_add(db, fz1, &nf, &id, &why), QD_EINVAL,
	    "a residence permit of another birth date is refused (%s)", why);
	ok(why != NULL && strstr(why, "1988") != NULL, "the message says so");
	nf.birth_date = "1988-02-04";
	xfree(&why);
	is_int(db_applicant_add(db, fz1, &nf, &id, &why), QD_OK,
	    "with the right date it is accepted (%s)", why ? why : "ok");
	xfree(&why);

	is_int(db_applicant_duplicates(db, xm1, "陈大文", "1990/05/17", "",
	    &rows, &n, &why), QD_OK, "duplicates by Simplified name and date");
	ok(n == 1 && strcmp(rows[0].name, "陳大文") == 0,
	    "find the Traditional record, even from another office");
	if (n == 1)
		is_str(rows[0].mtp_masked, "12****78", "its MTP masked");
	applicant_rows_free(rows, n);

	is_int(db_applicant_find(db, fz1, "陈", NULL, 10, &rows, &n, &next,
	    &why), QD_OK, "search 陈");
	ok(n == 1 && rows[0].id == id1, "finds 陳大文");
	applicant_rows_free(rows, n);
	free(next);
	is_int(db_applicant_find(db, xm1, "陈", NULL, 10, &rows, &n, &next,
	    &why), QD_OK, "Xiamen searches 陈");
	is_int(n, 0, "but does not see a Fuzhou applicant");
	applicant_rows_free(rows, n);
	free(next);
	is_int(db_applicant_find(db, fz1, "87654321", NULL, 10, &rows, &n,
	    &next, &why), QD_OK, "search by MTP");
	ok(n == 1 && rows[0].id == id2, "finds 黃志明");
	applicant_rows_free(rows, n);
	free(next);

	views = sql_id("SELECT count(*) FROM audit WHERE action = 'view'");
	is_int(db_applicant_get(db, fz1, id2, &a, &why), QD_OK,
	    "open the full record");
	if (a != NULL)
		is_str(a->phone, "0912345678", "phone normalised");
	applicant_free(a);
	is_int(sql_id("SELECT count(*) FROM audit WHERE action = 'view'"),
	    views + 1, "opening it is audited as a view");
	is_int(db_applicant_get(db, xm1, id2, &a, &why), QD_ENOTFOUND,
	    "Xiamen cannot open a Fuzhou applicant");
	free(why);
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

	as(u);
	if (db_case_open(db, u, &nc, &id, &why) != QD_OK)
		printf("# open: %s\n", why);
	free(why);
	return id;
}

static int64_t
version_of(int64_t id)
{
	char	 sql[128];

	snprintf(sql, sizeof sql, "SELECT version FROM cases WHERE id = %lld",
	    (long long)id);
	return sql_id(sql);
}

static const char *
state_of(int64_t id)
{
	static char	 state[32];
	sqlite3_stmt	*st;

	state[0] = '\0';
	if (sqlite3_prepare_v2(db, "SELECT state FROM cases WHERE id = ?", -1,
	    &st, NULL) == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, id);
		if (sqlite3_step(st) == SQLITE_ROW)
			snprintf(state, sizeof state, "%s",
			    sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
	}
	return state;
}

/* The number of case id's certificate ("" if none). */
static const char *
cert_of(int64_t id)
{
	static char	 number[32];
	sqlite3_stmt	*st;

	number[0] = '\0';
	if (sqlite3_prepare_v2(db, "SELECT number FROM certificates WHERE"
	    " case_id = ?", -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, id);
		if (sqlite3_step(st) == SQLITE_ROW)
			snprintf(number, sizeof number, "%s",
			    sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
	}
	return number;
}

static void
test_rules(int64_t c1)
{
	char	*why = NULL, *msg = NULL, sql[256];
	int	 rc;

	/* Another office: the data layer and the schema both refuse. */
	as(xm1);
	is_int(db_case_forward(db, xm1, &c1, 1, &why), QD_ENOTFOUND,
	    "Xiamen cannot forward a Fuzhou case (%s)", why);
	snprintf(sql, sizeof sql, "UPDATE cases SET notes = 'x', version ="
	    " version + 1 WHERE id = %lld", (long long)c1);
	rc = fixture_exec(db, sql, &msg);
	ok(rc != SQLITE_OK && msg != NULL &&
	    strstr(msg, "another office") != NULL,
	    "raw SQL from Xiamen is refused by the schema (%s)", msg);

	/* Illegal transitions. */
	as(rev1);
	is_int(db_case_approve(db, rev1, c1, version_of(c1), occ_beauty, 4,
	    &why), QD_EDENIED, "approving a case never forwarded is refused"
	    " (%s)", why);
	snprintf(sql, sizeof sql, "UPDATE cases SET state = 'approved', action"
	    " = 'approve', decided_occupation_id = 2, decided_level = 4,"
	    " version = version + 1 WHERE id = %lld", (long long)c1);
	rc = fixture_exec(db, sql, &msg);
	ok(rc != SQLITE_OK && msg != NULL &&
	    strstr(msg, "not allowed") != NULL,
	    "and so is the same in raw SQL (%s)", msg);
	as(fz1);
	snprintf(sql, sizeof sql, "UPDATE cases SET state = 'approved', action"
	    " = 'forward', decided_occupation_id = 2, decided_level = 4,"
	    " version = version + 1 WHERE id = %lld", (long long)c1);
	rc = fixture_exec(db, sql, &msg);
	ok(rc != SQLITE_OK,
	    "an office cannot approve its own case under another name");
	as(aud);
	snprintf(sql, sizeof sql, "UPDATE cases SET notes = 'x', version ="
	    " version + 1 WHERE id = %lld", (long long)c1);
	rc = fixture_exec(db, sql, &msg);
	ok(rc != SQLITE_OK, "the auditor writes nothing");
	db_set_actor(db, NULL);
	rc = fixture_exec(db, sql, &msg);
	ok(rc != SQLITE_OK,
	    "a connection without an actor writes nothing (%s)", msg);
	is_str(state_of(c1), "accepted", "the case is still accepted");
	free(why);
	free(msg);
}

static void test_notice(int64_t);

/* Every state of the schema is known to the lists, which name them. */
static void
test_states_known(void)
{
	sqlite3_stmt	*st;
	const char	*state;
	int		 known = 1, n = 0;

	if (sqlite3_prepare_v2(db, "SELECT state FROM case_states", -1, &st,
	    NULL) != SQLITE_OK)
		return;
	while (sqlite3_step(st) == SQLITE_ROW) {
		state = (const char *)sqlite3_column_text(st, 0);
		known &= strcmp(case_state_label(state), state) != 0;
		n++;
	}
	sqlite3_finalize(st);
	ok(known && n == 11, "the lists know each of the %d states", n);
}

/* A filter for another office gives an office's clerk none of its cases. */
static void
test_other_office(void)
{
	struct qd_case_filter	 f = { .queue = CASE_QUEUE_OUTBOX,
	    .office_id = 1 };
	struct qd_case_row	*rows = NULL;
	char			*why = NULL, *next = NULL;
	size_t			 n = 0;
	int64_t			 a, count = -1;
	int			 oldest;

	a = add_applicant(xm1, "周美玲", "1985-03-09", "45678901", QD_OK,
	    "Xiamen registers an applicant");
	ok(open_case(xm1, a, "adoption", cat_beauty, NULL) > 0,
	    "and opens a case: its outbox holds one");
	is_int(db_case_list(db, xm1, &f, NULL, 50, &rows, &n, &next, &why),
	    QD_OK, "Xiamen lists Fuzhou's outbox");
	is_int(n, 0, "and gets none of it, not its own instead");
	is_int(db_case_count(db, xm1, &f, &count, &oldest, &why), QD_OK,
	    "Xiamen counts it");
	is_int(count, 0, "as none");
	case_rows_free(rows, n);
	free(next);
	free(why);
}

/* A city without an agency: the center names one in the province. */
static void
test_route_province(void)
{
	char	*why = NULL;
	int64_t	 a, c;

	a = add_applicant(xm1, "許志強", "1979-07-07", "56789012", QD_OK,
	    "Xiamen registers a welder");
	c = open_case(xm1, a, "recognition", cat_lathe, NULL);
	as(xm1);
	db_case_forward(db, xm1, &c, 1, &why);
	as(rev1);
	db_case_take(db, rev1, c, version_of(c), &why);
	is_int(db_case_route(db, rev1, c, version_of(c), 0, &why),
	    QD_ENOTFOUND, "Xiamen has no agency for it (%s)", why);
	is_str(state_of(c), "forwarded", "and the case stays forwarded");
	is_int(db_case_route(db, rev1, c, version_of(c), 99, &why), QD_EINVAL,
	    "an agency that does not appraise it is refused");
	is_int(db_case_route(db, rev1, c, version_of(c), 2, &why), QD_OK,
	    "the center names the Quanzhou agency");
	is_str(state_of(c), "agency", "the case is with the agency");
	free(why);
}

/* Forward, take, a race between two reviewers, approve, notify, collect. */
static void
test_adoption(int64_t c1)
{
	struct qd_case_filter	 f = { .queue = CASE_QUEUE_REVIEW };
	struct qd_case_row	*rows = NULL;
	struct qd_case_event	*ev = NULL;
	char			*why = NULL, *next = NULL;
	size_t			 n = 0;
	int64_t			 v, count = 0, nid = 0;
	int			 oldest = -1;

	as(fz1);
	is_int(db_case_forward(db, fz1, &c1, 1, &why), QD_OK, "forward");
	is_str(state_of(c1), "forwarded", "the case is forwarded");
	as(rev1);
	is_int(db_case_list(db, rev1, &f, NULL, 50, &rows, &n, &next, &why),
	    QD_OK, "the center's queue");
	ok(n == 1 && rows[0].id == c1, "holds the case");
	case_rows_free(rows, n);
	free(next);
	is_int(db_case_count(db, rev1, &f, &count, &oldest, &why), QD_OK,
	    "count the queue");
	ok(count == 1 && oldest == 0, "one case, today");
	test_other_office();
	test_route_province();
	test_states_known();
	as(rev1);
	is_int(db_case_approve(db, rev1, c1, version_of(c1), occ_beauty, 4,
	    &why), QD_EDENIED, "deciding without taking is refused (%s)", why);
	ok(why != NULL && strstr(why, "take the case first") != NULL,
	    "and told to take it first");
	is_int(db_case_take(db, rev1, c1, version_of(c1), &why), QD_OK, "take");
	as(rev2);
	is_int(db_case_take(db, rev2, c1, version_of(c1), &why), QD_EDENIED,
	    "a second reviewer is told who holds it (%s)", why);
	ok(why != NULL && strstr(why, "rev1") != NULL, "by name");

	/* Both saw version v; the release lands first, the decision loses. */
	v = version_of(c1);
	is_int(db_case_release(db, rev2, c1, v, &why), QD_OK,
	    "the center releases the hold");
	as(rev1);
	is_int(db_case_approve(db, rev1, c1, v, occ_beauty, 4, &why),
	    QD_ECONFLICT, "the decision on the old version loses (%s)", why);
	ok(why != NULL && strstr(why, "rev2") != NULL,
	    "and says who changed the case");
	is_int(db_case_take(db, rev1, c1, version_of(c1), &why), QD_OK,
	    "take it again");
	is_int(db_case_approve(db, rev1, c1, version_of(c1), occ_beauty, 9,
	    &why), QD_EINVAL, "level 9 is refused");
	is_int(db_case_approve(db, rev1, c1, version_of(c1), occ_beauty, 4,
	    &why), QD_OK, "approve at 美容师 四级");
	is_str(state_of(c1), "approved", "approved");

	as(fz1);
	is_int(db_case_collect(db, fz1, c1, version_of(c1), "2026-11-20", &why),
	    QD_EDENIED, "collection before notifying is refused");
	is_int(db_case_notify(db, fz1, c1, version_of(c1), "sms",
	    "您的证书已可领取", &nid, &why), QD_OK, "notify by SMS");
	ok(nid > 0, "the notice is recorded");
	test_notice(nid);
	is_int(db_cert_printed(db, fz1, cert_of(c1), 0, &why), QD_OK,
	    "the certificate is printed");
	is_int(db_case_collect(db, fz1, c1, version_of(c1), "2026-13-40",
	    &why), QD_EINVAL, "a day that does not exist is refused");
	ok(why != NULL && strstr(why, "领证日期") != NULL &&
	    strstr(why, "Collection date") != NULL &&
	    strstr(why, "出生") == NULL, "naming the collection date, not "
	    "the date of birth (%s)", why != NULL ? why : "");
	is_str(state_of(c1), "notified", "and the case stays notified");
	is_int(db_case_collect(db, fz1, c1, version_of(c1), "2026/11/20",
	    &why), QD_OK, "collected");
	is_str(state_of(c1), "collected", "collected");
	is_int(db_case_history(db, fz1, c1, &ev, &n, &why), QD_OK, "history");
	ok(n == 10, "accept forward take release take approve certificate"
	    " notify print collect (%zu events)", n);
	if (n == 10)
		is_str(ev[5].note, "美容师 四级/中级工",
		    "the approval names occupation and level");
	case_events_free(ev, n);
	free(why);
}

/* Recognition: return for materials, forward again, agency, confirm. */
static void
test_recognition(int64_t c2)
{
	struct qd_case	*c = NULL;
	char		*why = NULL;

	as(fz1);
	db_case_forward(db, fz1, &c2, 1, &why);
	as(rev1);
	db_case_take(db, rev1, c2, version_of(c2), &why);
	is_int(db_case_approve(db, rev1, c2, version_of(c2), occ_lathe, 3,
	    &why), QD_EDENIED, "recognition is not approved directly");
	is_int(db_case_return(db, rev1, c2, version_of(c2), "", &why),
	    QD_EINVAL, "a return must say what is missing");
	is_int(db_case_return(db, rev1, c2, version_of(c2), "缺少照片",
	    &why), QD_OK, "return: photo missing");
	as(fz2);
	is_int(db_case_forward(db, fz2, &c2, 1, &why), QD_OK,
	    "the office forwards it again");
	as(rev1);
	db_case_take(db, rev1, c2, version_of(c2), &why);
	is_int(db_case_route(db, rev1, c2, version_of(c2), 0, &why), QD_OK,
	    "routed to the office's own agency");
	is_int(db_case_confirm(db, rev1, c2, version_of(c2), "FZRD-2026-0042",
	    &why), QD_OK, "the agency's confirmation recorded");
	is_int(db_case_get(db, fz1, c2, &c, &why), QD_OK, "read it back");
	if (c != NULL) {
		is_str(c->state, "approved", "approved");
		ok(c->decided_level == 3 && c->decided_occupation_id ==
		    occ_lathe, "at the catalog's occupation and level");
		is_str(c->agency_name, "福州职业技能等级认定中心",
		    "by the Fuzhou agency");
	}
	case_free(c);
	free(why);
}

static void
test_office_race(int64_t applicant)
{
	struct qd_case_new	 nc = { .applicant_id = applicant,
	    .type = "adoption", .tw_qual = "美容 丙級", .tw_cert_no = "B-77",
	    .notes = "first" };
	char			*why = NULL;
	int64_t			 c3, v;

	c3 = open_case(fz1, applicant, "adoption", 0, "美容 丙級");
	v = version_of(c3);
	as(fz1);
	is_int(db_case_update(db, fz1, c3, v, &nc, &why), QD_OK,
	    "one clerk corrects the case");
	as(fz2);
	nc.notes = "second";
	is_int(db_case_update(db, fz2, c3, v, &nc, &why), QD_ECONFLICT,
	    "the other's save on the same version is refused (%s)", why);
	is_int(db_case_withdraw(db, fz2, c3, version_of(c3), "申请人撤回",
	    &why), QD_OK, "withdrawn");
	is_int(db_case_forward(db, fz2, &c3, 1, &why), QD_EDENIED,
	    "a withdrawn case cannot be forwarded");
	free(why);
}

/* Deliver notice id through command; check the status and detail. */
static void
deliver(int64_t id, const char *command, int timeout, const char *status,
    const char *detail, const char *what)
{
	struct qd_config	 cfg;
	char			*why = NULL, sql[160];
	sqlite3_stmt		*st;

	config_defaults(&cfg);
	cfg.notify_command = xstrdup(command);
	cfg.notify_timeout = timeout;
	notice_deliver(db, fz1, &cfg, id, &why);
	snprintf(sql, sizeof sql, "SELECT status, detail FROM notices"
	    " WHERE id = %lld", (long long)id);
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW) {
		is_str((const char *)sqlite3_column_text(st, 0), status,
		    "%s: %s", what, status);
		ok(strstr((const char *)sqlite3_column_text(st, 1), detail) !=
		    NULL, "%s: detail '%s'", what, sqlite3_column_text(st, 1));
	} else
		ok(0, "%s: notice read back", what);
	sqlite3_finalize(st);
	config_free(&cfg);
	free(why);
}

/* The notices as an outbox: the office's own, newest first. */
static void
test_notice_list(int64_t nid)
{
	struct qd_notice	*e = NULL;
	char			*why = NULL;
	size_t			 n = 0;

	is_int(db_notice_list(db, fz1, 0, 0, 50, &e, &n, &why), QD_OK,
	    "Fuzhou lists its notices");
	ok(n == 1 && e[0].id == nid && strcmp(e[0].status, "failed") == 0 &&
	    strcmp(e[0].channel, "sms") == 0, "one, by SMS, its last delivery"
	    " failed");
	notice_rows_free(e, n);
	is_int(db_notice_list(db, xm1, 0, 0, 50, &e, &n, &why), QD_OK,
	    "Xiamen lists its notices");
	is_int(n, 0, "and sees none of Fuzhou's");
	notice_rows_free(e, n);
	is_int(db_notice_list(db, aud, 0, 0, 50, &e, &n, &why), QD_OK,
	    "the auditor lists every office's");
	is_int(n, 1, "and sees it");
	notice_rows_free(e, n);
	free(why);
}

static void
test_notice(int64_t nid)
{
	char	 cmd[512], *path, *text = NULL;
	FILE	*f;
	size_t	 len = 0;

	as(fz1);
	xasprintf(&path, "%s/sent.txt", dir);
	snprintf(cmd, sizeof cmd, "{ echo \"$QD_CHANNEL $QD_PHONE $QD_NAME\";"
	    " cat; } > '%s'; echo queued 42", path);
	deliver(nid, cmd, 5, "sent", "queued 42", "a gateway that accepts");
	if ((f = fopen(path, "r")) != NULL) {
		getdelim(&text, &len, '\0', f);
		fclose(f);
	}
	is_str(text, "sms 0912345678 陳大文\n您的证书已可领取",
	    "it got the channel, phone and name in its environment and the"
	    " text on its input");
	free(text);
	free(path);
	deliver(nid, "echo 网关拒绝 rejected >&2; exit 3", 5, "failed",
	    "网关拒绝 rejected", "a gateway that refuses");
	deliver(nid, "exec sleep 30", 1, "failed", "timed out",
	    "a gateway that hangs is killed");
	test_notice_list(nid);
}

static void
test_drafts(void)
{
	char	*data = NULL;

	as(fz1);
	is_int(db_draft_save(db, fz1, "intake", 0, "name\t陳\n", NULL), QD_OK,
	    "save a draft");
	is_int(db_draft_save(db, fz1, "intake", 0, "name\t陳大\n", NULL), QD_OK,
	    "and again");
	is_int(db_draft_load(db, fz1, "intake", 0, &data, NULL), QD_OK,
	    "load it");
	is_str(data, "name\t陳大\n", "the last text");
	free(data);
	as(fz2);
	is_int(db_draft_load(db, fz2, "intake", 0, &data, NULL), QD_ENOTFOUND,
	    "another user does not get it");
	as(fz1);
	is_int(db_draft_drop(db, fz1, "intake", 0), QD_OK, "drop it");
	is_int(db_draft_load(db, fz1, "intake", 0, &data, NULL), QD_ENOTFOUND,
	    "gone");
}

int
main(void)
{
	int64_t	 a1, c1, c2;

	dir = fixture_dir("case");
	db = fixture_db(dir, "case.db");
	op = user_local_operator();
	fz1 = fixture_user(db, op, "fz1", ROLE_CLERK, "fuzhou");
	fz2 = fixture_user(db, op, "fz2", ROLE_LIAISON, "fuzhou");
	xm1 = fixture_user(db, op, "xm1", ROLE_CLERK, "xiamen");
	rev1 = fixture_user(db, op, "rev1", ROLE_CENTER, NULL);
	rev2 = fixture_user(db, op, "rev2", ROLE_CENTER, NULL);
	aud = fixture_user(db, op, "aud", ROLE_AUDITOR, NULL);
	setup_catalog();

	test_applicants();
	a1 = sql_id("SELECT id FROM applicants WHERE mtp = '12345678'");
	c1 = open_case(fz1, a1, "adoption", cat_beauty, NULL);
	c2 = open_case(fz1, a1, "recognition", cat_lathe, NULL);
	ok(c1 > 0 && c2 > 0, "two cases opened");
	test_rules(c1);
	test_adoption(c1);
	test_recognition(c2);
	test_office_race(a1);
	test_drafts();
	is_int(sql_id("PRAGMA foreign_key_check"), -1, "no foreign key broken");
	is_int(sql_id("SELECT count(*) FROM case_counts c WHERE n <> (SELECT"
	    " count(*) FROM cases WHERE state = c.state AND office_id ="
	    " c.office_id AND type = c.type)"), 0,
	    "the kept counts match the cases");

	user_free(op);
	user_free(fz1);
	user_free(fz2);
	user_free(xm1);
	user_free(rev1);
	user_free(rev2);
	user_free(aud);
	db_close(db);
	fixture_dir_remove(dir);
	return done_testing();
}
