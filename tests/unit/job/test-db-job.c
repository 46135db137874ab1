/*
 * The job module at the database level: a need with its level taken from
 * an approved case, unknown occupations and cities refused by name, a
 * posting published by the center, what fits with its reason, a proposal,
 * the city's hire counting the openings down, service plans, and the
 * rules the schema keeps against raw SQL.
 */
#include <stdlib.h>
#include <string.h>

#include "qualdesk.h"
#include "job/job.h"
#include "../tap.h"
#include "../fixture.h"

static char		*dir;
static sqlite3		*db;
static struct qd_user	*op, *xm, *fz, *ctr, *aud;

static void
setup(void)
{
	char	*msg = NULL;

	dir = fixture_dir("job");
	db = fixture_db(dir, "job.db");
	op = user_local_operator();
	xm = fixture_user(db, op, "xm1", ROLE_CLERK, "xiamen");
	fz = fixture_user(db, op, "fz1", ROLE_LIAISON, "fuzhou");
	ctr = fixture_user(db, op, "ctr1", ROLE_CENTER, NULL);
	aud = fixture_user(db, op, "aud1", ROLE_AUDITOR, NULL);
	db_set_system_actor(db, "(test)", "test");
	if (fixture_exec(db, "INSERT INTO occupations (id, code, name) VALUES"
	    " (1, '6-18-01-11', '车工'), (2, '4-10-03-11', '美容师');"
	    "INSERT INTO applicants (id, name, name_key, sex, birth_date, mtp,"
	    " office_id) VALUES (1, '陳志明', '陈志明', 'M', '1990-01-02',"
	    " '12345678', 2), (2, '林美玲', '林美玲', 'F', '1992-03-04',"
	    " '23456789', 2), (3, '黃建國', '黄建国', 'M', '1985-05-06',"
	    " '34567890', 1);"
	    "INSERT INTO cases (id, applicant_id, office_id, type, tw_qual,"
	    " tw_cert_no, state, decided_occupation_id, decided_level) VALUES"
	    " (1, 1, 2, 'adoption', '車床技術士乙級', 'T-1', 'approved', 1, 3);",
	    &msg) != SQLITE_OK) {
		printf("Bail out! setup: %s\n", msg);
		exit(1);
	}
	free(msg);
}

static int64_t
need_for(struct qd_user *u, int64_t applicant, const char *occ,
    const char *cities, int want, const char *what, char **why)
{
	struct job_need_new	 nn = { .applicant_id = applicant,
	    .occupations = occ, .cities = cities, .pay_min = 7000 };
	int64_t			 id = 0;

	db_set_actor(db, u);
	xfree(why);
	ok(db_job_need_add(db, u, &nn, &id, why) == want, "%s%s%s", what,
	    *why != NULL ? ": " : "", *why != NULL ? *why : "");
	return id;
}

static void
test_needs(int64_t *n1, int64_t *n2)
{
	struct db_rows	 r = { 0 };
	char		*why = NULL, *s;

	*n1 = need_for(xm, 1, "6-18-01-11", "厦门, pingtan", QD_OK,
	    "Xiamen records a need for its applicant", &why);
	s = fixture_text(db, "SELECT level || ' ' || source FROM"
	    " job_need_occupations WHERE need_id = 1");
	ok(s != NULL && strcmp(s, "3 案件 1") == 0, "the level comes from the"
	    " approved case, with its source (%s)", s != NULL ? s : "none");
	free(s);
	*n2 = need_for(xm, 2, "车工", "xiamen", QD_OK,
	    "an occupation by its name, a person without a level", &why);
	need_for(xm, 2, "9-99-99-99", "xiamen", QD_EINVAL,
	    "an unknown occupation is refused", &why);
	ok(why != NULL && strstr(why, "9-99-99-99") != NULL &&
	    strstr(why, "occupation list") != NULL, "naming what was typed and"
	    " where the codes are");
	need_for(xm, 2, "车工", "gotham", QD_EINVAL,
	    "an unknown city is refused", &why);
	ok(why != NULL && strstr(why, "gotham") != NULL &&
	    strstr(why, "xiamen") != NULL, "naming it and the cities");
	ok(fixture_int(db, "SELECT count(*) FROM job_needs") == 2,
	    "and nothing of a refused need is written");
	need_for(fz, 1, "车工", "fuzhou", QD_ENOTFOUND,
	    "Fuzhou cannot record a need for Xiamen's applicant", &why);
	need_for(ctr, 1, "车工", "fuzhou", QD_EDENIED,
	    "the center does not record needs", &why);
	db_set_actor(db, xm);
	ok(db_job_need_step(db, xm, *n1, "report", 0, &why) == QD_OK &&
	    db_job_need_step(db, xm, *n2, "report", 0, &why) == QD_OK,
	    "Xiamen reports both to the center");
	db_set_actor(db, fz);
	ok(db_job_need_step(db, fz, *n1, "close", 0, &why) == QD_EDENIED,
	    "Fuzhou cannot close Xiamen's need");
	db_set_actor(db, ctr);
	ok(db_job_need_list(db, ctr, NULL, 10, &r, &why) == QD_OK && r.n == 2 &&
	    strstr(db_rows_cell(&r, 1, JOB_NEED_OCCUPATIONS), "三级(案件 1)") !=
	    NULL, "the center reads them, the level shown with its source");
	db_rows_free(&r);
	free(why);
}

static int64_t
test_postings(void)
{
	struct job_post_new	 np = { .employer = "鹭江精工", .occupation =
	    "6-18-01-11", .min_level = 4, .openings = 2, .pay_min = 6000,
	    .pay_max = 9000, .closes_on = "2099-12-31" };
	char			*why = NULL;
	int64_t			 emp, post = 0;

	db_set_actor(db, xm);
	ok(db_job_employer_add(db, xm, "鹭江精工", "xiamen", 1, "", &emp,
	    &why) == QD_EDENIED, "a city cannot add employers");
	db_set_actor(db, ctr);
	ok(db_job_employer_add(db, ctr, "鹭江精工", "厦门市", 1, "0592-1",
	    &emp, &why) == QD_OK, "the center adds an employer in Xiamen");
	np.occupation = "0-00";
	ok(db_job_post_add(db, ctr, &np, &post, &why) == QD_EINVAL &&
	    strstr(why, "0-00") != NULL, "a posting for an unknown occupation"
	    " is refused by name");
	np.occupation = "6-18-01-11";
	ok(db_job_post_add(db, ctr, &np, &post, &why) == QD_OK,
	    "the center adds a posting");
	ok(db_job_post_step(db, ctr, post, "publish", &why) == QD_OK,
	    "and publishes it");
	ok(db_job_post_step(db, ctr, post, "publish", &why) == QD_EINVAL,
	    "a second publish is not a step of a published posting");
	free(why);
	return post;
}

static int64_t
test_fit(int64_t post, int64_t n1, int64_t n2)
{
	struct db_rows	 r = { 0 };
	char		*why = NULL;
	int64_t		 m = 0, unused;

	db_set_actor(db, ctr);
	ok(db_job_fit(db, ctr, post, 0, 10, &r, &why) == QD_OK && r.n == 1,
	    "one person fits (the other has no level)");
	ok(r.n == 1 && strstr(db_rows_cell(&r, 0, JOB_FIT_REASON),
	    "同职业 6-18-01-11；等级 三级≥四级；意向城市 厦门市") != NULL,
	    "with the reason in one line: %s", db_rows_cell(&r, 0,
	    JOB_FIT_REASON));
	db_rows_free(&r);
	ok(db_job_fit(db, ctr, 0, n1, 10, &r, &why) == QD_OK && r.n == 1,
	    "and for the person, the posting");
	db_rows_free(&r);
	ok(db_job_match_propose(db, ctr, post, n2, &unused, &why) == QD_EINVAL,
	    "proposing what does not fit is refused");
	ok(db_job_match_propose(db, ctr, post, n1, &m, &why) == QD_OK,
	    "the center proposes the fit to Xiamen");
	ok(db_job_match_propose(db, ctr, post, n1, &unused, &why) ==
	    QD_ECONFLICT, "once");
	free(why);
	return m;
}

static void
test_hire(int64_t post, int64_t m)
{
	struct db_rows	 r = { 0 };
	char		*why = NULL;

	db_set_actor(db, ctr);
	ok(db_job_match_outcome(db, ctr, m, "hire", NULL, 0, &why) ==
	    QD_EDENIED, "the center does not record the outcome");
	db_set_actor(db, xm);
	ok(job_actions(db, xm, "job_match", m, &r, &why) == QD_OK &&
	    r.n == 4 && strcmp(db_rows_cell(&r, 0, 0), "interested") == 0,
	    "the city is offered the four outcomes of a proposal");
	db_rows_free(&r);
	ok(db_job_match_outcome(db, xm, m, "interview", "周三面试", 0, &why) ==
	    QD_OK, "Xiamen records the interview");
	ok(db_job_match_outcome(db, xm, m, "interested", NULL, 0, &why) ==
	    QD_EINVAL, "interest after the interview is no step");
	ok(db_job_match_outcome(db, xm, m, "hire", NULL, 1, &why) ==
	    QD_ECONFLICT, "a stale version loses");
	ok(db_job_match_outcome(db, xm, m, "hire", NULL, 0, &why) == QD_OK,
	    "Xiamen records the hire");
	ok(fixture_int(db, "SELECT openings FROM job_postings WHERE id = 1") ==
	    1, "the posting's openings count down");
	ok(fixture_int(db, "SELECT count(*) FROM job_needs WHERE id = 1 AND"
	    " state = 'placed'") == 1, "the person is placed");
	ok(fixture_int(db, "SELECT count(*) FROM audit WHERE tbl ="
	    " 'job_postings' AND action = 'update' AND json_extract(after,"
	    " '$.openings') = 1 AND actor = 'xm1'") == 1,
	    "the count-down is audited as the city's clerk");
	(void)post;
	free(why);
}

static void
test_plans(int64_t n1)
{
	char	*why = NULL;
	int64_t	 p;

	db_set_actor(db, xm);
	ok(db_job_plan_add(db, xm, n1, "推荐", &p, &why) == QD_EDENIED,
	    "a city does not make service plans");
	db_set_actor(db, ctr);
	ok(db_job_plan_add(db, ctr, n1, "推荐两家台资企业并安排面试辅导", &p,
	    &why) == QD_OK, "the center makes a plan");
	ok(db_job_plan_step(db, ctr, p, "finish", "已录用", &why) ==
	    QD_EINVAL, "a plan not started cannot finish");
	ok(db_job_plan_step(db, ctr, p, "start", NULL, &why) == QD_OK &&
	    db_job_plan_step(db, ctr, p, "finish", "", &why) == QD_EINVAL &&
	    db_job_plan_step(db, ctr, p, "finish", "已在鹭江精工就业", &why) ==
	    QD_OK, "it starts and finishes with its outcome");
	free(why);
}

/* Raw SQL that breaks a rule, as u: refused with the message's words. */
static void
refused(struct qd_user *u, const char *sql, const char *words,
    const char *what)
{
	char	*msg = NULL;
	int	 rc;

	db_set_actor(db, u);
	rc = fixture_exec(db, sql, &msg);
	ok(rc != SQLITE_OK && msg != NULL && strstr(msg, words) != NULL,
	    "%s (%s)", what, msg != NULL ? msg : "accepted");
	free(msg);
}

static void
test_schema(void)
{
	refused(xm, "INSERT INTO job_postings (employer_id, office_id,"
	    " occupation_id, openings, pay_min, pay_max, closes_on, created_by)"
	    " VALUES (1, 2, 1, 1, 0, 0, '2099-01-01', 'x')", "only the center",
	    "a city cannot add a posting");
	refused(xm, "UPDATE job_postings SET openings = 0, state = 'filled',"
	    " action = 'fill', version = version + 1", "counts down",
	    "nor take a posting's openings without a hire");
	refused(fz, "UPDATE job_needs SET state = 'closed', action = 'close',"
	    " version = version + 1 WHERE id = 2", "another office",
	    "Fuzhou cannot change Xiamen's need");
	refused(xm, "UPDATE job_needs SET state = 'placed', action = 'report',"
	    " version = version + 1 WHERE id = 2", "not allowed",
	    "a state change must be an allowed transition");
	refused(aud, "UPDATE job_matches SET note = 'x', version = version + 1",
	    "another office", "the auditor changes nothing");
	refused(ctr, "INSERT INTO job_matches (posting_id, need_id, office_id,"
	    " reason, proposed_by) VALUES (1, 2, 2, 'x', 'ctr1')", "does not fit",
	    "a match the schema sees does not fit is refused");
	refused(ctr, "DELETE FROM job_needs", "never deleted",
	    "needs are never deleted");
	refused(xm, "INSERT INTO job_need_occupations VALUES (2, 99, NULL, '')",
	    "not in the catalog", "an occupation outside the catalog is"
	    " refused by the schema too");
}

int
main(void)
{
	int64_t	 n1, n2, post, m;

	setup();
	test_needs(&n1, &n2);
	post = test_postings();
	m = test_fit(post, n1, n2);
	test_hire(post, m);
	test_plans(n1);
	test_schema();
	ok(fixture_int(db, "PRAGMA foreign_key_check") == -1 ||
	    fixture_int(db, "SELECT count(*) FROM pragma_foreign_key_check") ==
	    0, "no foreign key is broken");
	db_close(db);
	user_free(xm);
	user_free(fz);
	user_free(ctr);
	user_free(aud);
	user_free(op);
	namekey_close();
	fixture_dir_remove(dir);
	free(dir);
	return done_testing();
}
