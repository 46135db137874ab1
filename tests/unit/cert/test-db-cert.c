/*
 * Certificates at the database level: issued with the approval and
 * numbered without gaps (also when the issuing process dies before its
 * commit), verified against the keys and records, printed and handed over
 * by their office only, revoked by the center, replaced only on purpose,
 * and guarded by the schema against raw SQL.
 */
#include <sys/wait.h>

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "qualdesk.h"
#include "catalog/catalog.h"
#include "case/case.h"
#include "cert/cert.h"
#include "../tap.h"
#include "../fixture.h"

static char		*dir, *path;
static sqlite3		*db;
static struct qd_user	*op, *fz1, *xm1, *rev1, *aud;
static char		 year[5];

static void
as(struct qd_user *u)
{
	db_set_actor(db, u);
}

static void
setup_catalog(void)
{
	char	*msg = NULL;

	db_set_system_actor(db, "(test)", "test");
	if (fixture_exec(db, "INSERT INTO occupations (code, name) VALUES"
	    " ('6-18-01-01', '车工'), ('4-10-03-01', '美容师');"
	    "INSERT INTO catalog (tw_qual, tw_level, occupation_id, level,"
	    " mode) VALUES ('車床技術士', '乙級', 1, 3, 'recognition'),"
	    " ('美容技術士', '丙級', 2, 4, 'adoption');"
	    "INSERT INTO agencies (name, office_id) VALUES"
	    " ('福州职业技能等级认定中心', 1);"
	    "INSERT INTO agency_occupations VALUES (1, 1);", &msg)) {
		printf("Bail out! catalog: %s\n", msg);
		exit(1);
	}
	free(msg);
}

static int64_t
add_applicant(const char *name, const char *mtp)
{
	struct qd_applicant_new	 nf = { .name = name, .sex = "F",
	    .birth_date = "1990-05-17", .mtp = mtp };
	char			*why = NULL;
	int64_t			 id = 0;

	as(fz1);
	if (db_applicant_add(db, fz1, &nf, &id, &why) != QD_OK) {
		printf("Bail out! applicant: %s\n", why);
		exit(1);
	}
	return id;
}

static int64_t
version_of(int64_t id)
{
	char	 sql[128];

	snprintf(sql, sizeof sql, "SELECT version FROM cases WHERE id = %lld",
	    (long long)id);
	return fixture_int(db, sql);
}

/* The number of case id's certificate in force ("" if none). */
static const char *
number_of(int64_t id)
{
	static char	 number[32];
	sqlite3_stmt	*st;

	number[0] = '\0';
	if (sqlite3_prepare_v2(db, "SELECT number FROM certificates WHERE"
	    " case_id = ? AND revoked_at IS NULL", -1, &st, NULL) ==
	    SQLITE_OK) {
		sqlite3_bind_int64(st, 1, id);
		if (sqlite3_step(st) == SQLITE_ROW)
			snprintf(number, sizeof number, "%s",
			    sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
	}
	return number;
}

/* The QR text of certificate number, as this connection sees it. */
static const char *
lookup_text(const char *number)
{
	static char	 text[1024];
	sqlite3_stmt	*st;

	text[0] = '\0';
	if (sqlite3_prepare_v2(db, "SELECT qr_text FROM certificates WHERE"
	    " number = ?", -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, number, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW)
			snprintf(text, sizeof text, "%s",
			    sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
	}
	return text;
}

static void
test_key(void)
{
	char		*pem = NULL, *why = NULL;
	unsigned	 kid = 0;

	is_int(fixture_int(db, "SELECT count(*) FROM cert_keys WHERE"
	    " retired_at IS NULL AND length(private) = 32"), 1,
	    "the database was made with one signing key");
	is_int(db_cert_pubkey(db, 0, &kid, &pem, &why), QD_OK,
	    "its public key");
	ok(pem != NULL && strncmp(pem, "-----BEGIN PUBLIC KEY-----", 26) == 0,
	    "as PEM");
	is_int(fixture_int(db, "SELECT count(*) FROM audit WHERE tbl ="
	    " 'cert_keys' AND instr(after, (SELECT hex(private) FROM"
	    " cert_keys)) > 0"), 0, "the private key is not in the audit");
	is_int(fixture_int(db, "SELECT count(*) FROM audit WHERE tbl ="
	    " 'cert_keys'"), 1, "but making it is audited");
	free(pem);
	free(why);
}

static void
test_issue(int64_t c1, int64_t c2)
{
	struct qd_cert	*c = NULL;
	char		 want[32], *why = NULL;

	snprintf(want, sizeof want, "CX-%s-000001", year);
	is_str(number_of(c1), want, "the approval issued %s", want);
	snprintf(want, sizeof want, "CX-%s-000002", year);
	is_str(number_of(c2), want, "the next approval the next number");
	as(fz1);
	is_int(db_cert_get_case(db, fz1, c1, &c, &why), QD_OK,
	    "the office reads its certificate");
	if (c != NULL) {
		is_str(c->name, "林美玲", "holder as registered");
		is_str(c->occupation, "美容师", "the confirmed occupation");
		is_int(c->level, 4, "and level");
		is_str(c->level_name, "四级/中级工", "named");
		is_str(c->title, "台胞职业资格采信证书", "the template's title");
		is_str(c->state, "issued", "waiting to be printed");
		ok(strncmp(c->qr_text, CERT_TEXT_PREFIX, 5) == 0,
		    "its QR text carries the prefix");
	}
	cert_free(c);
	c = NULL;
	as(xm1);
	is_int(db_cert_get(db, xm1, number_of(c1), &c, &why), QD_ENOTFOUND,
	    "another office cannot read it");
	free(why);
}

/* Open, forward and take a case; approval is left to the caller. */
static int64_t
taken_case(int64_t applicant)
{
	struct qd_case_new	 nc = { .applicant_id = applicant,
	    .type = "adoption", .catalog_id = 2, .tw_cert_no = "TW-0043",
	    .mat_id = 1, .mat_cert = 1 };
	char			*why = NULL;
	int64_t			 id = 0;

	as(fz1);
	if (db_case_open(db, fz1, &nc, &id, &why) != QD_OK ||
	    db_case_forward(db, fz1, &id, 1, &why) != QD_OK) {
		printf("Bail out! case: %s\n", why);
		exit(1);
	}
	as(rev1);
	if (db_case_take(db, rev1, id, version_of(id), &why) != QD_OK) {
		printf("Bail out! take: %s\n", why);
		exit(1);
	}
	return id;
}

/* Open, forward, take and approve an adoption case; its id. */
static int64_t
approved_case(int64_t applicant)
{
	int64_t	 id = taken_case(applicant);
	char	*why = NULL;

	if (db_case_approve(db, rev1, id, version_of(id), 2, 4, &why) !=
	    QD_OK) {
		printf("Bail out! approve: %s\n", why);
		exit(1);
	}
	return id;
}

/* Called as SQLite is about to commit: the process dies there. */
static int
die_at_commit(void *arg)
{
	(void)arg;
	_exit(0);
}

/*
 * Approve id in a child process; with crash, the child dies the moment
 * its transaction would commit. 1 if the child got that far.
 */
static int
approve_in_child(int64_t id, int crash)
{
	pid_t	 pid;
	int64_t	 version = version_of(id);
	int	 status = -1;

	/* The child opens its own connection: one is never shared. */
	if ((pid = fork()) == 0) {
		sqlite3	*child = NULL;
		char	*why = NULL;

		if (db_open(path, 0, &child, &why) != QD_OK)
			_exit(2);
		db_set_actor(child, rev1);
		if (crash)
			sqlite3_commit_hook(child, die_at_commit, NULL);
		if (db_case_approve(child, rev1, id, version, 2, 4, &why) !=
		    QD_OK)
			_exit(3);
		_exit(0);	/* committed, never closed */
	}
	waitpid(pid, &status, 0);
	return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

static void
test_gapless(int64_t a2)
{
	int64_t	 c3, c4, c5;
	char	 want[32], *msg = NULL, sql[1024];

	c3 = taken_case(a2);
	c4 = taken_case(a2);
	c5 = taken_case(a2);
	ok(approve_in_child(c3, 1), "a process approved a case and died as it"
	    " committed");
	is_int(fixture_int(db, "SELECT count(*) FROM certificates"), 2,
	    "nothing of it was kept");
	is_int(fixture_int(db, "SELECT count(*) FROM cert_counters WHERE"
	    " last <> 2"), 0, "not even the number");
	ok(approve_in_child(c3, 0), "approving it again commits");
	snprintf(want, sizeof want, "CX-%s-000003", year);
	is_str(number_of(c3), want, "with the number the crash did not use");
	ok(approve_in_child(c4, 0), "another process approves and exits"
	    " without closing");
	snprintf(want, sizeof want, "CX-%s-000004", year);
	is_str(number_of(c4), want, "its number is kept");
	as(rev1);
	ok(approve_in_child(c5, 0), "and the next one");
	snprintf(want, sizeof want, "CX-%s-000005", year);
	is_str(number_of(c5), want, "follows it: no gap, no reuse");
	is_int(fixture_int(db, "SELECT max(seq) - count(*) FROM certificates"
	    " WHERE series = 'CX'"), 0, "the numbers run 1..n");

	/* Raw SQL cannot give a case a second certificate. */
	db_set_system_actor(db, "(test)", "test");
	snprintf(sql, sizeof sql, "INSERT INTO certificates (number, series,"
	    " year, seq, case_id, office_id, kid, name, sex, birth_date, mtp,"
	    " tw_qual, occupation, level, issued_on, qr_text, issued_by,"
	    " replaces, reissue_reason) SELECT 'CX-%s-000009', 'CX', %s, 9,"
	    " case_id, office_id, kid, name, sex, birth_date, mtp, tw_qual,"
	    " occupation, level, issued_on, qr_text, 'x', id, 'test' FROM"
	    " certificates WHERE case_id = %lld", year, year, (long long)c5);
	ok(fixture_exec(db, sql, &msg) && msg != NULL,
	    "a second certificate for a case is refused (%s)",
	    msg != NULL ? msg : "taken");
	ok(fixture_exec(db, "DELETE FROM certificates", &msg) && msg != NULL &&
	    strstr(msg, "only revoked"), "no certificate is deleted");
	ok(fixture_exec(db, "UPDATE certificates SET name = '王小明', version ="
	    " version + 1", &msg) && msg != NULL && strstr(msg, "as it was"
	    " signed"), "nor changed after signing");
	free(msg);
}

static void
test_verify(int64_t c1)
{
	struct cert_fields	 f;
	struct qd_cert		*c = NULL, *rec = NULL;
	char			*why = NULL, *text;
	size_t			 len;

	as(fz1);
	db_cert_get_case(db, fz1, c1, &c, &why);
	if (c == NULL) {
		ok(0, "read the certificate (%s)", why);
		return;
	}
	is_int(db_cert_verify(db, fz1, c->qr_text, &f, &rec, &why), QD_OK,
	    "its QR text verifies");
	is_str(f.name, "林美玲", "and names the holder");
	ok(rec != NULL && rec->id == c->id, "the office gets its record");
	cert_fields_free(&f);
	cert_free(rec);
	rec = NULL;
	as(xm1);
	is_int(db_cert_verify(db, xm1, c->qr_text, &f, &rec, &why), QD_OK,
	    "another office can check it is genuine");
	ok(rec == NULL, "but not read the record");
	cert_fields_free(&f);

	text = xstrdup(c->qr_text);
	len = strlen(text);
	text[len / 2] = text[len / 2] == 'A' ? 'B' : 'A';
	ok(db_cert_verify(db, xm1, text, &f, NULL, &why) != QD_OK,
	    "one character changed is refused (%s)", why);
	ok(f.name == NULL, "and shows no fields");
	free(text);
	free(why);
	cert_free(c);
}

static void
test_print_and_hand(int64_t c1)
{
	struct qd_cert	*c = NULL;
	char		*why = NULL, number[32];
	int64_t		 nid = 0;

	snprintf(number, sizeof number, "%s", number_of(c1));
	as(rev1);
	is_int(db_cert_printed(db, rev1, number, 0, &why), QD_EDENIED,
	    "the center does not print for the office (%s)", why);
	as(xm1);
	is_int(db_cert_printed(db, xm1, number, 0, &why), QD_ENOTFOUND,
	    "another office cannot mark it");
	as(fz1);
	is_int(db_case_notify(db, fz1, c1, version_of(c1), "sms",
	    "您的证书已可领取", &nid, &why), QD_OK, "notify the applicant");
	is_int(db_case_collect(db, fz1, c1, version_of(c1), "2026-11-22",
	    &why), QD_EDENIED, "handing over before printing is refused (%s)",
	    why);
	ok(why != NULL && strstr(why, "print the certificate first"),
	    "with a reason");
	is_int(db_cert_printed(db, fz1, number, 0, &why), QD_OK, "printed");
	is_int(db_cert_printed(db, fz1, number, 0, &why), QD_OK,
	    "printed again");
	is_int(db_case_collect(db, fz1, c1, version_of(c1), "2026-11-22",
	    &why), QD_OK, "handed over");
	db_cert_get(db, fz1, number, &c, &why);
	ok(c != NULL && c->print_count == 2 && c->handed_at != NULL &&
	    strcmp(c->state, "handed") == 0, "printed twice, handed over");
	cert_free(c);
	is_int(fixture_int(db, "SELECT count(*) FROM audit WHERE tbl ="
	    " 'certificates' AND action = 'update'"), 3,
	    "every change of it is audited");
	free(why);
}

static void
test_revoke(int64_t c2)
{
	struct cert_fields	 f;
	struct qd_cert		*c = NULL;
	char			*why = NULL, *fresh = NULL, *msg = NULL, *text;
	char			 number[32], want[32], sql[1024];
	int64_t			 nid = 0;

	snprintf(number, sizeof number, "%s", number_of(c2));
	as(fz1);
	is_int(db_cert_revoke(db, fz1, number, 0, "录入错误", &why),
	    QD_EDENIED, "an office cannot revoke");
	as(rev1);
	is_int(db_cert_reissue(db, rev1, number, "姓名有误", &fresh, &why),
	    QD_EINVAL, "no replacement while it is in force (%s)", why);
	is_int(db_cert_revoke(db, rev1, number, 0, " ", &why), QD_EINVAL,
	    "revoking needs a reason");
	is_int(db_cert_revoke(db, rev1, number, 0, "姓名录入有误", &why),
	    QD_OK, "the center revokes it");
	db_cert_get(db, rev1, number, &c, &why);
	is_int(db_cert_verify(db, rev1, c->qr_text, &f, NULL, &why),
	    QD_ECONFLICT, "verify now says revoked");
	ok(why != NULL && strstr(why, "revoked") && strstr(why, "姓名录入有误"),
	    "with the reason (%s)", why);
	cert_fields_free(&f);
	is_int(db_cert_revoke(db, rev1, number, 0, "again", &why),
	    QD_EDENIED, "a revoked certificate stays revoked");
	as(fz1);
	is_int(db_cert_printed(db, fz1, number, 0, &why), QD_EDENIED,
	    "and is not printed");
	is_int(db_case_notify(db, fz1, c2, version_of(c2), "sms", "可领取",
	    &nid, &why), QD_EDENIED, "its case cannot go out without one (%s)",
	    why);

	/* Raw SQL can neither undo it nor replace it out of order. */
	db_set_system_actor(db, "(test)", "test");
	snprintf(sql, sizeof sql, "UPDATE certificates SET revoked_at = NULL,"
	    " revoked_by = NULL, version = version + 1 WHERE number = '%s'",
	    number);
	ok(fixture_exec(db, sql, &msg) && msg != NULL &&
	    strstr(msg, "revoked"),
	    "a revocation cannot be undone");
	snprintf(sql, sizeof sql, "INSERT INTO certificates (number, series,"
	    " year, seq, case_id, office_id, kid, name, sex, birth_date, mtp,"
	    " tw_qual, occupation, level, issued_on, qr_text, issued_by,"
	    " replaces, reissue_reason) SELECT 'CX-%s-000009', 'CX', %s, 9,"
	    " case_id, office_id, kid, name, sex, birth_date, mtp, tw_qual,"
	    " occupation, level, issued_on, qr_text, 'x', id, 'test' FROM"
	    " certificates WHERE number = '%s'", year, year, number);
	ok(fixture_exec(db, sql, &msg) && msg != NULL &&
	    strstr(msg, "without gaps"),
	    "a replacement that skips numbers is refused");
	/* A genuine code whose issue was rolled back is no certificate. */
	as(rev1);
	db_begin(db);
	is_int(db_cert_issue(db, c2, c->id, "试发", NULL, &fresh, &why), QD_OK,
	    "issue a replacement, then roll it back");
	text = fresh != NULL ? xstrdup(lookup_text(fresh)) : xstrdup("");
	db_rollback(db);
	free(fresh);
	fresh = NULL;
	is_int(db_cert_verify(db, rev1, text, &f, NULL, &why), QD_ENOTFOUND,
	    "its code is signed but not on record (%s)", why);
	cert_fields_free(&f);
	free(text);
	is_int(db_cert_reissue(db, rev1, number, "姓名更正后换发", &fresh,
	    &why), QD_OK, "a replacement is issued on purpose");
	snprintf(want, sizeof want, "CX-%s-000006", year);
	is_str(fresh, want, "under the next number");
	free(fresh);
	fresh = NULL;
	is_int(db_cert_reissue(db, rev1, number, "再次", &fresh, &why),
	    QD_EINVAL, "only once (%s)", why);
	cert_free(c);
	c = NULL;
	db_cert_get(db, rev1, want, &c, &why);
	ok(c != NULL && c->replaces != NULL && strcmp(c->replaces, number) == 0,
	    "naming the one it replaces");
	cert_free(c);
	free(msg);
	free(why);
}

static void
test_lists_and_settings(void)
{
	struct qd_cert_filter	 f = { .state = "revoked" };
	struct qd_cert		**list = NULL;
	size_t			 n = 0;
	int			 on = -1;
	char			*why = NULL;

	as(aud);
	is_int(db_cert_list(db, aud, &f, &list, &n, &why), QD_OK,
	    "the auditor lists revoked certificates");
	is_int((long long)n, 1, "one");
	cert_list_free(list, n);
	f.state = NULL;
	f.office_id = 2;
	as(fz1);
	is_int(db_cert_list(db, fz1, &f, &list, &n, &why), QD_EDENIED,
	    "Fuzhou cannot list Xiamen's");
	as(xm1);
	f.office_id = 0;
	is_int(db_cert_list(db, xm1, &f, &list, &n, &why), QD_OK,
	    "Xiamen lists its own");
	is_int((long long)n, 0, "which are none");
	cert_list_free(list, n);

	as(fz1);
	is_int(db_user_passthrough(db, fz1, &on), QD_OK, "read the setting");
	is_int(on, 0, "printing through the terminal is off at first");
	is_int(db_user_passthrough_set(db, fz1, 1, &why), QD_OK, "turn it on");
	db_user_passthrough(db, fz1, &on);
	is_int(on, 1, "it stays on");
	as(xm1);
	db_user_passthrough(db, xm1, &on);
	is_int(on, 0, "for that user only");
	free(why);
}

/* A new key signs from now on; what the old one signed still verifies. */
static void
test_rotate(int64_t c1, int64_t a1)
{
	struct cert_fields	 f;
	struct qd_user		*adm;
	char			*why = NULL, *msg = NULL, *pem = NULL;
	char			 old_text[1024];
	unsigned		 old_kid = 0, kid = 0;
	int64_t			 c;

	adm = fixture_user(db, op, "adm", ROLE_ADMIN, NULL);
	db_cert_pubkey(db, 0, &old_kid, &pem, &why);
	free(pem);
	snprintf(old_text, sizeof old_text, "%s", lookup_text(number_of(c1)));
	as(rev1);
	is_int(db_cert_key_rotate(db, rev1, &kid, &why), QD_EDENIED,
	    "the center cannot change the key");
	as(adm);
	is_int(db_cert_key_rotate(db, adm, &kid, &why), QD_OK,
	    "an admin retires the key and makes a new one");
	ok(kid != old_kid, "with a new id");
	is_int(fixture_int(db, "SELECT count(*) FROM cert_keys WHERE"
	    " retired_at IS NOT NULL AND private IS NULL"), 1,
	    "the old key's private half is gone");
	is_int(db_cert_verify(db, adm, old_text, &f, NULL, &why), QD_OK,
	    "a certificate it signed still verifies");
	is_int((long long)f.kid, (long long)old_kid, "by the old key's id");
	cert_fields_free(&f);
	c = approved_case(a1);
	is_int(fixture_int(db, "SELECT kid FROM certificates ORDER BY id DESC"
	    " LIMIT 1"), (long long)kid, "the next approval signs with the new"
	    " key (case %lld)", (long long)c);
	is_int(db_cert_pubkey(db, 1, &old_kid, &pem, &why), QD_OK,
	    "the retired key's public half can still be printed");
	free(pem);
	ok(fixture_exec(db, "UPDATE cert_keys SET retired_at = NULL",
	    &msg) != SQLITE_OK, "a retired key is not brought back");
	free(msg);
	free(why);
	user_free(adm);
}

int
main(void)
{
	struct tm	 tm;
	time_t		 now = time(NULL);
	int64_t		 a1, a2, c1, c2;

	localtime_r(&now, &tm);
	strftime(year, sizeof year, "%Y", &tm);
	dir = fixture_dir("cert");
	xasprintf(&path, "%s/cert.db", dir);
	db = fixture_db(dir, "cert.db");
	op = user_local_operator();
	fz1 = fixture_user(db, op, "fz1", ROLE_CLERK, "fuzhou");
	xm1 = fixture_user(db, op, "xm1", ROLE_CLERK, "xiamen");
	rev1 = fixture_user(db, op, "rev1", ROLE_CENTER, NULL);
	aud = fixture_user(db, op, "aud", ROLE_AUDITOR, NULL);
	setup_catalog();

	test_key();
	a1 = add_applicant("林美玲", "31234567");
	a2 = add_applicant("陳志明", "31234568");
	c1 = approved_case(a1);
	c2 = approved_case(a2);
	test_issue(c1, c2);
	test_gapless(a2);
	test_verify(c1);
	test_print_and_hand(c1);
	test_revoke(c2);
	test_lists_and_settings();
	test_rotate(c1, a1);
	is_int(fixture_int(db, "PRAGMA foreign_key_check"), -1,
	    "no foreign key broken");

	user_free(op);
	user_free(fz1);
	user_free(xm1);
	user_free(rev1);
	user_free(aud);
	db_close(db);
	fixture_dir_remove(dir);
	free(path);
	return done_testing();
}
