/*
 * Recognition by the appraisal agencies at the database level: a city
 * sends a case straight to its own agency (choosing when it has two),
 * never to another city's; it records the agency's certificate and the
 * certificate is issued in the agency's name with recognition wording;
 * the center's route (委托认证) says it coordinated. Professional-
 * technical qualifications carry their own levels and wording, signed in
 * a version 2 payload that verifies. The schema refuses the same against
 * raw SQL.
 */
#include <stdlib.h>
#include <string.h>

#include "qualdesk.h"
#include "catalog/catalog.h"
#include "cert/cert.h"
#include "case/case.h"
#include "../tap.h"
#include "../fixture.h"

static char		*dir;
static sqlite3		*db;
static struct qd_user	*op, *fz1, *xm1, *qz1, *rev1;

static void
as(struct qd_user *u)
{
	db_set_actor(db, u);
}

static long long
sql_int(const char *sql)
{
	return fixture_int(db, sql);
}

/*
 * Two agencies in Fuzhou for lathe work, one in Xiamen, none for
 * engineers in Quanzhou but one in Fuzhou; a professional-technical
 * entry (an engineer title) to recognise.
 */
static void
setup(void)
{
	char	*msg = NULL;

	db_set_system_actor(db, "(test)", "test");
	if (fixture_exec(db, "INSERT INTO occupations (id, code, name) VALUES"
	    " (1, '6-18-01-01', '车工'), (2, '2-02-07-01', '机械工程技术人员');"
	    "INSERT INTO catalog (id, tw_qual, tw_level, occupation_id, level,"
	    " mode, kind) VALUES (1, '車床技術士', '乙級', 1, 3, 'recognition',"
	    " 'skill'), (2, '機械工程技師', '技師', 2, 3, 'recognition',"
	    " 'professional');"
	    "INSERT INTO agencies (id, name, office_id) VALUES"
	    " (1, '福州甲技能评价站', 1), (2, '福州乙技能评价站', 1),"
	    " (3, '厦门技能评价站', 2), (4, '福州工程职称评审站', 1);"
	    "INSERT INTO agency_occupations VALUES (1, 1), (2, 1), (3, 1),"
	    " (4, 2);"
	    "INSERT INTO applicants (id, name, name_key, sex, birth_date, mtp,"
	    " office_id) VALUES (1, '陳大文', '陈大文', 'M', '1990-05-01',"
	    " '12345678', 1), (2, '林小美', '林小美', 'F', '1992-07-08',"
	    " '23456789', 4);", &msg) != SQLITE_OK) {
		printf("Bail out! setup: %s\n", msg);
		exit(1);
	}
	free(msg);
}

static int64_t
open_case(struct qd_user *u, int64_t applicant, int64_t catalog)
{
	struct qd_case_new	 nc = { .applicant_id = applicant,
	    .type = "recognition", .catalog_id = catalog,
	    .tw_cert_no = "TW-0001", .mat_id = 1, .mat_cert = 1,
	    .mat_photo = 1, .mat_form = 1 };
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
	char	 sql[96];

	snprintf(sql, sizeof sql, "SELECT version FROM cases WHERE id = %lld",
	    (long long)id);
	return sql_int(sql);
}

static char *
text_of(const char *fmt, int64_t id)
{
	char	 sql[256];

	snprintf(sql, sizeof sql, fmt, (long long)id);
	return fixture_text(db, sql);
}

/* A city's own agency, chosen of two; never another city's. */
static int64_t
test_city_route(void)
{
	struct qd_case		*c = NULL;
	struct qd_case_action	*acts = NULL;
	struct qd_agency	*ag = NULL;
	size_t			 nacts = 0, nag = 0;
	char			*why = NULL, *s;
	int64_t			 id;
	char			 sql[160];
	int			 rc;

	id = open_case(fz1, 1, 1);
	ok(id > 0, "a Fuzhou clerk opens a recognition case");
	as(fz1);
	if (db_case_get(db, fz1, id, &c, &why) == QD_OK) {
		db_case_actions(db, fz1, c, &acts, &nacts);
		ok(case_action_allowed(acts, nacts, "route"),
		    "the clerk may send it to the city's agency");
		ok(case_action_allowed(acts, nacts, "forward"),
		    "or forward it to the center");
		is_int(db_case_agencies(db, fz1, c, &ag, &nag, &why), QD_OK,
		    "the agencies the clerk may choose");
		is_int((int)nag, 2, "are the city's two for lathe work");
		agency_free_array(ag, nag);
		case_actions_free(acts, nacts);
		case_free(c);
	}
	is_int(db_case_route(db, fz1, id, version_of(id), 0, &why), QD_EINVAL,
	    "with two agencies the clerk must choose (%s)", why);
	ok(why != NULL && strstr(why, "福州甲技能评价站") != NULL &&
	    strstr(why, "福州乙技能评价站") != NULL, "the refusal names both");
	xfree(&why);
	is_int(db_case_route(db, fz1, id, version_of(id), 3, &why), QD_EINVAL,
	    "Xiamen's agency is not Fuzhou's to choose (%s)", why);
	xfree(&why);
	snprintf(sql, sizeof sql, "UPDATE cases SET state = 'agency_office',"
	    " action = 'route', agency_id = 3, version = version + 1"
	    " WHERE id = %lld", (long long)id);
	rc = fixture_exec(db, sql, &why);
	ok(rc != SQLITE_OK && why != NULL && strstr(why, "本市") != NULL,
	    "and the schema refuses it in raw SQL (%s)", why);
	xfree(&why);
	is_int(db_case_route(db, fz1, id, version_of(id), 2, &why), QD_OK,
	    "the clerk sends it to the second agency, not to the center");
	s = text_of("SELECT state || ' ' || agency_id FROM cases WHERE id ="
	    " %lld", id);
	is_str(s, "agency_office 2", "the case is with that agency, on the"
	    " city's desk");
	free(s);
	is_int(sql_int("SELECT count(*) FROM case_states WHERE state ="
	    " 'agency_office' AND owner = 'office'"), 1,
	    "a state the office owns");
	as(rev1);
	is_int(db_case_take(db, rev1, id, version_of(id), &why), QD_EDENIED,
	    "the center has nothing to take");
	xfree(&why);
	return id;
}

/* The agency's certificate recorded; the certificate in its name. */
static void
test_city_confirm(int64_t id)
{
	struct qd_cert	*cert = NULL;
	struct cert_print p;
	char		*why = NULL, *s, sql[200];
	int		 rc;

	as(fz1);
	is_int(db_case_confirm_agency(db, fz1, id, version_of(id), "",
	    "2026-03-01", 0, &why), QD_EINVAL, "the agency's number is required");
	xfree(&why);
	is_int(db_case_confirm_agency(db, fz1, id, version_of(id), "FZ-88",
	    "2999-01-01", 0, &why), QD_EINVAL, "a day to come is refused (%s)",
	    why);
	xfree(&why);
	is_int(db_case_confirm_agency(db, fz1, id, version_of(id), "FZ-88",
	    "2026-02-30", 0, &why), QD_EINVAL, "so is a day that is none");
	xfree(&why);
	snprintf(sql, sizeof sql, "UPDATE cases SET agency_on = '2026-03-01',"
	    " version = version + 1 WHERE id = %lld", (long long)id);
	rc = fixture_exec(db, sql, &why);
	ok(rc != SQLITE_OK, "the day is not written apart from the"
	    " confirmation (%s)", why);
	xfree(&why);
	is_int(db_case_confirm_agency(db, fz1, id, version_of(id),
	    "FZ-JN-2026-0088", "2026-03-01", 0, &why), QD_OK,
	    "the clerk records the agency's confirmation (%s)",
	    why != NULL ? why : "ok");
	xfree(&why);
	s = text_of("SELECT state || ' ' || agency_ref || ' ' || agency_on"
	    " FROM cases WHERE id = %lld", id);
	is_str(s, "approved FZ-JN-2026-0088 2026-03-01",
	    "approved with the agency's number and day");
	free(s);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM audit WHERE tbl ="
	    " 'cases' AND record = %lld AND action IN ('route', 'confirm')"
	    " AND actor = 'fz1'", (long long)id);
	is_int(sql_int(sql), 2, "the city's route and confirmation are"
	    " audited");
	if (db_cert_get_case(db, fz1, id, &cert, &why) != QD_OK) {
		ok(0, "the certificate was issued (%s)", why);
		free(why);
		return;
	}
	ok(strncmp(cert->number, "CR-", 3) == 0, "a recognition number %s",
	    cert->number);
	is_str(cert->issuer, "福州乙技能评价站", "issued in the agency's name");
	is_str(cert->agency_ref, "FZ-JN-2026-0088", "with its number");
	is_str(cert->agency_on, "2026-03-01", "and its day");
	is_int(cert->entrusted, 0, "the city coordinated, not the center");
	is_str(cert->title, "台胞职业技能等级采认证书",
	    "titled as a recognition of a skill level");
	ok(cert->statement != NULL && strstr(cert->statement, "采认") !=
	    NULL && strstr(cert->statement, "经比对采信") == NULL,
	    "its statement is recognition's, not adoption's");
	is_str(cert->level_name, "三级/高级工", "the skill level");
	cert_print_from(cert, &p);
	ok(p.agency_ref != NULL && p.entrusted_by == NULL &&
	    strcmp(p.level_label, "职业（工种）及等级") == 0,
	    "the page has the agency's rows and the skill label");
	ok(strncmp(cert->qr_text, "QDC1:", 5) == 0, "its code");
	cert_free(cert);
	snprintf(sql, sizeof sql, "UPDATE certificates SET agency = 'x',"
	    " version = version + 1 WHERE case_id = %lld", (long long)id);
	as(op);
	rc = fixture_exec(db, sql, &why);
	ok(rc != SQLITE_OK, "what was signed stays (%s)", why);
	xfree(&why);
	as(rev1);
	is_int(sql_int("SELECT count(*) FROM case_events WHERE action ="
	    " 'confirm' AND note LIKE '福州乙技能评价站 FZ-JN-2026-0088%'"), 1,
	    "the history names the agency and its number");
}

/*
 * The agency's own paper handed over: collected without a print here;
 * one to print is not collected unprinted.
 */
static void
test_agency_paper(int64_t printed)
{
	char	*why = NULL, *s, today[11];
	int64_t	 id;
	int	 rc;

	idcheck_today(today);
	as(fz1);
	is_int(db_case_notify(db, fz1, printed, version_of(printed), "sms",
	    "请领取证书", NULL, &why), QD_OK, "the applicant is told (%s)",
	    why != NULL ? why : "ok");
	rc = db_case_collect(db, fz1, printed, version_of(printed), today,
	    &why);
	ok(rc != QD_OK && why != NULL && strstr(why, "打印") != NULL,
	    "a certificate to print is not collected unprinted (%s)", why);
	xfree(&why);
	id = open_case(fz1, 1, 1);
	is_int(db_case_route(db, fz1, id, version_of(id), 1, &why), QD_OK,
	    "another case to the first agency");
	is_int(db_case_confirm_agency(db, fz1, id, version_of(id), "FZ-A-9",
	    NULL, 1, &why), QD_OK, "confirmed, its own paper to hand over");
	is_int(sql_int("SELECT count(*) FROM certificates WHERE agency_paper"
	    " = 1 AND agency_ref = 'FZ-A-9'"), 1,
	    "the certificate says the agency's paper goes out");
	is_int(db_case_notify(db, fz1, id, version_of(id), "phone",
	    "请领取认定机构证书", NULL, &why), QD_OK, "the applicant is told");
	is_int(db_case_collect(db, fz1, id, version_of(id), today, &why),
	    QD_OK, "and collects it, nothing printed here (%s)",
	    why != NULL ? why : "ok");
	s = text_of("SELECT (printed_at IS NULL) || (handed_at IS NOT NULL)"
	    " FROM certificates WHERE case_id = %lld", id);
	is_str(s, "11", "handed over unprinted");
	free(s);
	xfree(&why);
}

/* Offices issue only what their own agency confirmed. */
static void
test_issue_refused(void)
{
	char	*why = NULL, *number = NULL;
	int	 rc;

	as(fz1);
	is_int(db_cert_reissue(db, fz1, "CR-2026-000001", "丢失", &number,
	    &why), QD_EDENIED, "an office does not reissue (%s)", why);
	xfree(&why);
	free(number);
	db_set_system_actor(db, "(test)", "test");
	fixture_exec(db, "INSERT INTO cases (id, applicant_id, office_id,"
	    " type, catalog_id, occupation_id, tw_qual, tw_cert_no, state,"
	    " action, decided_occupation_id, decided_level, agency_id,"
	    " agency_ref) VALUES (90, 1, 1, 'recognition', 1, 1, '車床技術士"
	    " 乙級', 'T9', 'approved', 'confirm', 1, 3, 3, 'X')", &why);
	xfree(&why);
	is_int(sql_int("SELECT count(*) FROM cases WHERE id = 90"), 1,
	    "a case Xiamen's agency confirmed, on Fuzhou's books");
	as(fz1);
	/* The next number of the series, so that only who issues is wrong. */
	rc = fixture_exec(db, "INSERT INTO certificates (number, series, year,"
	    " seq, case_id, office_id, kid, name, sex, birth_date, mtp, tw_qual,"
	    " occupation, level, issued_on, qr_text, issued_by) SELECT"
	    " 'CR-2026-' || substr('00000' || (last + 1), -6), 'CR', 2026,"
	    " last + 1, 90, 1, (SELECT kid FROM cert_keys LIMIT 1), '陳大文',"
	    " 'M', '1990-05-01', '12345678', 'q', '车工', 3, '2026-03-02',"
	    " 'QDC1:x', 'fz1' FROM (SELECT coalesce(max(last), 0) AS last FROM"
	    " cert_counters WHERE series = 'CR' AND year = 2026)", &why);
	ok(rc != SQLITE_OK && why != NULL && strstr(why, "中心") != NULL,
	    "a city does not issue what another city's agency confirmed (%s)",
	    why);
	xfree(&why);
}

/* A city without an agency: the center coordinates one (委托认证). */
static void
test_entrusted(void)
{
	struct qd_cert		*cert = NULL;
	struct cert_fields	 f;
	struct qd_cert		*rec = NULL;
	char			*why = NULL;
	int64_t			 id;

	id = open_case(qz1, 2, 2);
	ok(id > 0, "Quanzhou opens a professional-technical recognition");
	as(qz1);
	is_int(db_case_route(db, qz1, id, version_of(id), 0, &why),
	    QD_ENOTFOUND, "Quanzhou has no agency for it (%s)", why);
	ok(why != NULL && strstr(why, "中心") != NULL,
	    "and is told to forward it to the center");
	xfree(&why);
	is_int(db_case_route(db, qz1, id, version_of(id), 4, &why), QD_EINVAL,
	    "nor may it send it to Fuzhou's agency itself");
	xfree(&why);
	is_int(db_case_forward(db, qz1, &id, 1, &why), QD_OK,
	    "it forwards the case");
	xfree(&why);
	as(rev1);
	is_int(db_case_take(db, rev1, id, version_of(id), &why), QD_OK,
	    "the center takes it");
	is_int(db_case_route(db, rev1, id, version_of(id), 4, &why), QD_OK,
	    "and entrusts Fuzhou's agency");
	is_int(db_case_confirm(db, rev1, id, version_of(id), "FZ-ZC-17", &why),
	    QD_OK, "which confirms (%s)", why != NULL ? why : "ok");
	xfree(&why);
	if (db_cert_get_case(db, rev1, id, &cert, &why) != QD_OK) {
		ok(0, "its certificate (%s)", why);
		free(why);
		return;
	}
	is_int(cert->entrusted, 1, "the certificate says the center"
	    " coordinated");
	is_str(cert->issuer, "福州工程职称评审站", "in the agency's name");
	is_str(cert->kind, "professional", "a professional-technical one");
	is_str(cert->title, "台胞专业技术职业资格采认证书",
	    "titled as a professional-technical recognition");
	is_str(cert->level_name, "中级", "level 3 named in its own scheme");
	is_str(cert->level_label, "专业技术职业资格及级别",
	    "with its own label");
	ok(cert->agency_on != NULL && strlen(cert->agency_on) == 10,
	    "the agency's day defaults to the day of the step");
	memset(&f, 0, sizeof f);
	is_int(db_cert_verify(db, rev1, cert->qr_text, &f, &rec, &why), QD_OK,
	    "its code verifies against the record (%s)",
	    why != NULL ? why : "ok");
	is_int(f.version, 2, "a version 2 payload");
	is_int((int)f.kind, CERT_KIND_PROFESSIONAL, "that signs the kind");
	is_str(f.agency, "福州工程职称评审站", "the agency");
	is_str(f.agency_ref, "FZ-ZC-17", "and its number");
	cert_fields_free(&f);
	cert_free(rec);
	cert_free(cert);
	xfree(&why);
}

int
main(void)
{
	int64_t	 id;

	dir = fixture_dir("case-agency");
	db = fixture_db(dir, "agency.db");
	op = user_local_operator();
	fz1 = fixture_user(db, op, "fz1", ROLE_CLERK, "fuzhou");
	xm1 = fixture_user(db, op, "xm1", ROLE_CLERK, "xiamen");
	qz1 = fixture_user(db, op, "qz1", ROLE_LIAISON, "quanzhou");
	rev1 = fixture_user(db, op, "rev1", ROLE_CENTER, NULL);
	setup();

	id = test_city_route();
	test_city_confirm(id);
	test_agency_paper(id);
	test_issue_refused();
	test_entrusted();
	is_int(sql_int("PRAGMA foreign_key_check"), -1,
	    "no foreign key broken");

	user_free(op);
	user_free(fz1);
	user_free(xm1);
	user_free(qz1);
	user_free(rev1);
	db_close(db);
	fixture_dir_remove(dir);
	return done_testing();
}
