/*
 * Subsidy claims at the database level: a claim drafted in the same
 * transaction that issues an adoption certificate, the eligibility rules
 * (once per occupation and level, N a year, a resident of record, a rate
 * in force) each refusing with its reason on record, a rate change that
 * leaves past claims as they were, the checklist, the steps as data, a
 * batch checked against its claims and exported, the exams' entry point;
 * and what raw SQL may not do.
 */
#include <stdlib.h>
#include <string.h>

#include "qualdesk.h"
#include "cert/cert.h"
#include "subsidy/subsidy.h"
#include "../tap.h"
#include "../fixture.h"

#define W(s)	((s) != NULL ? (s) : "ok")

/* Whether the last raw SQL was refused, read after it ran. */
static int	 refused;

static char		*dir;
static sqlite3		*db;
static struct qd_user	*op, *fz, *xm, *ctr, *aud;

static void
as(struct qd_user *u)
{
	db_set_actor(db, u);
}

static void
sys_exec(const char *sql)
{
	char	*msg = NULL;

	db_set_system_actor(db, "(test)", "test");
	if (fixture_exec(db, sql, &msg) != SQLITE_OK) {
		printf("Bail out! %s: %s\n", sql, msg);
		exit(1);
	}
	free(msg);
}

/*
 * An approved adoption case of applicant a (office o) at occupation occ
 * and level, and its certificate issued by the center on day.
 */
static int
adopt(int64_t a, int o, int occ, int level, const char *day)
{
	char	 sql[512], *why = NULL, *number = NULL;
	int64_t	 id;
	int	 rc;

	snprintf(sql, sizeof sql, "INSERT INTO cases (applicant_id, office_id,"
	    " type, tw_qual, tw_cert_no, state, action, decided_occupation_id,"
	    " decided_level, decided_at) VALUES (%lld, %d, 'adoption',"
	    " '美容乙级技术士', 'T%lld-%d', 'approved', 'approve', %d, %d,"
	    " '%sT00:00:00Z')", (long long)a, o, (long long)a, occ * 10 + level,
	    occ, level, day);
	sys_exec(sql);
	id = sqlite3_last_insert_rowid(db);
	as(ctr);
	db_begin(db);
	if ((rc = db_cert_issue(db, id, 0, NULL, day, &number, &why)) ==
	    QD_OK)
		rc = db_commit(db);
	else {
		printf("# issue: %s\n", W(why));
		db_rollback(db);
	}
	free(number);
	free(why);
	return rc;
}

static void
setup(void)
{
	struct subsidy_rate_new	 r = { "qualification", 4, 150000,
	    "2026-01-01", NULL, "闽人社〔2026〕示例1号", 1 };
	char			*why = NULL;
	int64_t			 id;

	dir = fixture_dir("subsidy");
	db = fixture_db(dir, "s.db");
	op = user_local_operator();
	op->via = "test";
	fz = fixture_user(db, op, "fz", ROLE_CLERK, "fuzhou");
	xm = fixture_user(db, op, "xm", ROLE_CLERK, "xiamen");
	ctr = fixture_user(db, op, "ctr", ROLE_CENTER, NULL);
	aud = fixture_user(db, op, "aud", ROLE_AUDITOR, NULL);
	sys_exec("INSERT INTO occupations (code, name) VALUES"
	    " ('4-10-03-01', '美容师'), ('6-18-01-01', '车工');"
	    "INSERT INTO applicants (name, name_key, sex, birth_date, mtp,"
	    " office_id) VALUES ('林示例', '林示例', 'F', '1990-01-01',"
	    " '11111111', 1), ('王示例', '王示例', 'M', '1985-05-05',"
	    " '22222222', 1);"
	    "INSERT INTO applicants (name, name_key, sex, birth_date, mtp,"
	    " mtp_old, office_id) VALUES ('陳舊證', '陈旧证', 'M',"
	    " '1970-07-07', '33333333', 1, 2);");
	as(ctr);
	is_int(db_subsidy_rate_add(db, ctr, &r, &id, &why), QD_EDENIED,
	    "only an admin sets rates");
	xfree(&why);
	as(op);
	is_int(db_subsidy_rate_add(db, op, &r, &id, &why), QD_OK,
	    "an admin sets a rate (%s)", W(why));
	xfree(&why);
	r.valid_from = "2026-06-01";
	is_int(db_subsidy_rate_add(db, op, &r, &id, &why), QD_EDENIED,
	    "an overlapping rate of the same kind and level is refused (%s)",
	    W(why));
	free(why);
}

static void
test_drafting(void)
{
	struct cmd_rows	 rows = { subsidy_intake_columns,
			     subsidy_intake_ncolumns, NULL, 0 };
	char		*why = NULL, *msg = NULL;
	int64_t		 id;

	is_int(adopt(1, 1, 1, 4, "2026-03-10"), QD_OK,
	    "an adoption certificate is issued");
	is_int(fixture_int(db, "SELECT count(*) FROM subsidy_claims WHERE"
	    " applicant_id = 1 AND state = 'drafted' AND amount_fen = 150000"
	    " AND office_id = 1 AND period = '2026-03'"), 1,
	    "and its claim drafted in the same transaction, at the rate, for"
	    " the applicant's office");
	is_int(adopt(1, 1, 1, 4, "2026-03-12"), QD_OK,
	    "a second certificate of the same occupation and level");
	is_int(fixture_int(db, "SELECT count(*) FROM subsidy_claims"), 1,
	    "gets no second claim");
	msg = fixture_text(db, "SELECT rule || ': ' || reason FROM"
	    " subsidy_intake WHERE outcome = 'ineligible'");
	ok(msg != NULL && strncmp(msg, "once:", 5) == 0, "and the reason is"
	    " on record: %s", W(msg));
	xfree(&msg);
	as(ctr);
	refused = fixture_exec(db, "INSERT INTO subsidy_claims (intake_id,"
	    " applicant_id, office_id, kind, cert_number, occupation_id, level,"
	    " year, period, rate_id, amount_fen, doc_no) SELECT id,"
	    " applicant_id, office_id, kind, cert_number, occupation_id, level,"
	    " 2026, '2026-03', 1, 1, 'x' FROM subsidy_intake WHERE id = 2",
	    &msg) != SQLITE_OK;
	ok(refused, "raw SQL cannot add a second claim for the"
	    " same person, occupation and level (%s)", W(msg));
	xfree(&msg);
	is_int(adopt(3, 2, 1, 4, "2026-03-12"), QD_OK,
	    "a certificate for someone with only an old permit");
	msg = fixture_text(db, "SELECT rule FROM subsidy_intake ORDER BY id"
	    " DESC LIMIT 1");
	is_str(msg, "resident", "is ineligible: not a resident of record");
	xfree(&msg);
	is_int(adopt(2, 1, 2, 2, "2026-03-15"), QD_OK,
	    "a certificate at a level without a rate");
	msg = fixture_text(db, "SELECT rule FROM subsidy_intake ORDER BY id"
	    " DESC LIMIT 1");
	is_str(msg, "rate", "is ineligible: no rate in force");
	xfree(&msg);
	as(op);
	is_int(db_subsidy_rule_set(db, op, "max_per_year", -1, 1, &why),
	    QD_OK, "an admin sets N = 1 a year");
	is_int(db_subsidy_rule_set(db, op, "once", 0, 0, &why), QD_EINVAL,
	    "the once rule cannot be turned off (%s)", W(why));
	xfree(&why);
	is_int(adopt(1, 1, 2, 4, "2026-04-01"), QD_OK,
	    "a second occupation for the first person in the same year");
	msg = fixture_text(db, "SELECT rule FROM subsidy_intake ORDER BY id"
	    " DESC LIMIT 1");
	is_str(msg, "max_per_year", "is ineligible: N claims a year");
	xfree(&msg);
	as(fz);
	is_int(db_subsidy_intake_list(db, fz, "ineligible", &rows, &why), QD_OK,
	    "Fuzhou lists the refusals");
	is_int(rows.n, 3, "its own three, with their reasons");
	cmd_rows_free(&rows);
	/* The exams' entry point, within the exam's transaction. */
	as(ctr);
	db_begin(db);
	is_int(db_subsidy_exam_pass(db, 7, "EX-2026-000007", "skill", 2, 1, 1,
	    4, "2026-03-20", &id, &why), QD_OK, "an exam pass is recorded");
	db_commit(db);
	ok(id == 0, "without a skill rate it is ineligible, on record");
	free(why);
}

static void
test_rate_change(void)
{
	char	*why = NULL;

	as(op);
	is_int(db_subsidy_rate_set(db, op, 1, 990000, NULL, NULL, &why), QD_OK,
	    "the rate changes (%s)", W(why));
	is_int(fixture_int(db, "SELECT amount_fen FROM subsidy_claims WHERE"
	    " id = 1"), 150000, "the claim keeps the amount it was drafted at");
	as(op);
	db_subsidy_rate_set(db, op, 1, 150000, NULL, NULL, &why);
	free(why);
}

static void
test_steps_and_batch(void)
{
	struct subsidy_docs	 d = { 1, 1, 1, 1, "示例银行福州分行",
	    "6222020200001234567" };
	struct subsidy_step	 s = { .action = "complete", .paid_fen = -1 };
	struct subsidy_filter	 f = { 0 };
	struct cmd_rows		 rows = { subsidy_claim_columns,
				     subsidy_claim_ncolumns, NULL, 0 };
	char			*why = NULL, *msg = NULL;
	int64_t			 batch, total;
	int			 n;
	FILE			*x;
	char			 head[2];

	as(fz);
	is_int(db_subsidy_claim_step(db, fz, 1, &s, &why), QD_EINVAL,
	    "complete without the documents is refused (%s)", W(why));
	ok(why != NULL && strstr(why, "application form") != NULL,
	    "naming the checklist");
	xfree(&why);
	as(xm);
	is_int(db_subsidy_claim_docs(db, xm, 1, &d, &why), QD_ENOTFOUND,
	    "Xiamen cannot touch Fuzhou's claim");
	xfree(&why);
	d.bank_account = "12ab";
	as(fz);
	is_int(db_subsidy_claim_docs(db, fz, 1, &d, &why), QD_EINVAL,
	    "a bad account is refused (%s)", W(why));
	xfree(&why);
	d.bank_account = "6222020200001234567";
	is_int(db_subsidy_claim_docs(db, fz, 1, &d, &why), QD_OK,
	    "Fuzhou records the documents");
	is_int(db_subsidy_claim_step(db, fz, 1, &s, &why), QD_OK,
	    "and completes the claim (%s)", W(why));
	db_subsidy_claim_list(db, fz, &f, &rows, &why);
	ok(rows.n == 1 && strcmp(rows.cells[12], "****4567") == 0,
	    "the list masks the account: %s", rows.n ? rows.cells[12] : "");
	cmd_rows_free(&rows);
	db_subsidy_claim_show(db, fz, 1, &rows, &why);
	ok(rows.n == 1 && strcmp(rows.cells[12], "6222020200001234567") == 0,
	    "show gives it in full");
	cmd_rows_free(&rows);
	is_int(fixture_int(db, "SELECT count(*) FROM audit WHERE action ="
	    " 'view' AND tbl = 'subsidy_claims'"), 1, "and the view is audited");
	as(fz);
	is_int(db_subsidy_batch_submit(db, fz, "2026-03", &batch, &n, &total,
	    &why), QD_EDENIED, "an office does not submit batches");
	xfree(&why);
	as(ctr);
	is_int(db_subsidy_batch_submit(db, ctr, "2026-03", &batch, &n, &total,
	    &why), QD_OK, "the center submits March (%s)", W(why));
	ok(n == 1 && total == 150000, "one claim, 150000 fen");
	is_int(db_subsidy_batch_check(db, ctr, batch, &why), QD_OK,
	    "the batch matches its claims (%s)", W(why));
	xfree(&why);
	refused = fixture_exec(db, "UPDATE subsidy_claims SET amount_fen = 1,"
	    " version = version + 1 WHERE id = 1", &msg) != SQLITE_OK;
	ok(refused,
	    "raw SQL cannot change a claim's amount (%s)", W(msg));
	xfree(&msg);
	s.action = "approve";
	as(aud);
	is_int(db_subsidy_claim_step(db, aud, 1, &s, &why), QD_EDENIED,
	    "the auditor decides nothing");
	xfree(&why);
	as(ctr);
	is_int(db_subsidy_claim_step(db, ctr, 1, &s, &why), QD_OK,
	    "the center records the approval");
	s.action = "pay";
	s.paid_on = "2026-05-02";
	s.finance_ref = "CW-2026-0042";
	is_int(db_subsidy_claim_step(db, ctr, 1, &s, &why), QD_OK,
	    "and the payment (%s)", W(why));
	is_int(fixture_int(db, "SELECT paid_fen FROM subsidy_claims WHERE"
	    " id = 1"), 150000, "paid in full, in fen");
	x = tmpfile();
	is_int(subsidy_export_xlsx(db, ctr, batch, x, &why), QD_OK,
	    "the batch exports as a workbook (%s)", W(why));
	rewind(x);
	ok(fread(head, 1, 2, x) == 2 && memcmp(head, "PK", 2) == 0,
	    "a zip, as xlsx is");
	fclose(x);
	as(fz);
	x = tmpfile();
	is_int(subsidy_export_csv(db, fz, batch, CSV_GB18030, 0, x, &why),
	    QD_EDENIED, "an office does not export the batch");
	fclose(x);
	free(why);
}

int
main(void)
{
	setup();
	test_drafting();
	test_rate_change();
	test_steps_and_batch();
	db_close(db);
	fixture_dir_remove(dir);
	free(dir);
	user_free(fz);
	user_free(xm);
	user_free(ctr);
	user_free(aud);
	user_free(op);
	return done_testing();
}
