/*
 * Every indicator of the cases and certificates against the hand-made
 * data set of report-fixture.h: the figures below were worked out by
 * hand from its rows. Then the scope (an office sees itself and the
 * province, in the data layer and in the schema's view), the splits and
 * periods refused, and figures that follow a case the moment it moves.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "qualdesk.h"
#include "case/case.h"
#include "report/report.h"
#include "../tap.h"
#include "report-fixture.h"

static char		*dir;
static sqlite3		*db;
static struct qd_user	*op, *fz, *xm, *center, *aud;

/*
 * The value in column col of the row keyed key (kind ITEM) or, with key
 * "total"/"province", of that row; -99 when there is no such row, -98
 * when the computation failed.
 */
static double
fig(struct qd_user *u, const char *name, const char *by, const char *from,
    const char *to, int64_t office, const char *key, size_t col)
{
	const struct report_indicator	*ind = report_indicator_find(name);
	struct report_query		 q;
	struct report_table		*t = NULL;
	char				*why = NULL;
	double				 v = -99;
	size_t				 i;

	db_set_actor(db, u);
	if (ind == NULL || report_query_set(&q, from, to, NULL, by, &why) !=
	    QD_OK) {
		printf("# %s: %s\n", name, why ? why : "no such indicator");
		free(why);
		return -98;
	}
	q.office_id = office;
	if (report_compute(db, u, ind, &q, &t, &why) != QD_OK) {
		printf("# %s: %s\n", name, why ? why : "");
		free(why);
		return -98;
	}
	for (i = 0; i < t->n; i++) {
		if ((strcmp(key, "total") == 0 && t->rows[i].kind ==
		    REPORT_ROW_TOTAL) || (strcmp(key, "province") == 0 &&
		    t->rows[i].kind == REPORT_ROW_PROVINCE) ||
		    (t->rows[i].kind == REPORT_ROW_ITEM &&
		    strcmp(t->rows[i].key, key) == 0))
			v = t->rows[i].v[col];
	}
	report_table_free(t);
	return v;
}

#define Y0 "2025-01"
#define Y1 "2025-12"

static void
test_counts(void)
{
	is_int(fig(center, "cases.received", NULL, Y0, Y1, 0, "total", 0), 6,
	    "received in 2025: 6");
	is_int(fig(center, "cases.received", "month", Y0, Y1, 0, "2025-03",
	    0), 4, "received in March: c1 c2 c3 c5");
	is_int(fig(center, "cases.received", "month", Y0, Y1, 0, "2025-04",
	    0), 2, "received in April: c4 (April 1 in China) and c6");
	is_int(fig(center, "cases.received", "month", Y0, Y1, 0, "2025-05",
	    0), 0, "May is there, with nothing");
	is_int(fig(center, "cases.received", "office", Y0, Y1, 0, "1", 0), 4,
	    "received by Fuzhou: 4");
	is_int(fig(center, "cases.received", "office", Y0, Y1, 0, "2", 0), 2,
	    "received by Xiamen: 2");
	is_int(fig(center, "cases.received", "office", Y0, Y1, 0, "3", 0), 0,
	    "Zhangzhou is listed with 0");
	is_int(fig(center, "cases.received", "type", Y0, Y1, 0, "adoption",
	    0), 5, "received by type: 5 adoption");
	is_int(fig(center, "cases.received", "type", Y0, Y1, 0,
	    "recognition", 0), 1, "and 1 recognition");
	is_int(fig(center, "cases.received", "occupation", Y0, Y1, 0, "2",
	    0), 5, "received by occupation: 5 美容师");
	is_int(fig(center, "cases.forwarded", NULL, Y0, Y1, 0, "total", 0), 4,
	    "forwarded: c1 c2 c5 c6");
	is_int(fig(center, "cases.forwarded", "month", Y0, Y1, 0, "2025-03",
	    0), 3, "forwarded in March: 3");
	is_int(fig(center, "cases.approved", NULL, Y0, Y1, 0, "total", 0), 2,
	    "approved: c1 c6");
	is_int(fig(center, "cases.approved", "level", Y0, Y1, 0, "4", 0), 2,
	    "both at level 4");
	is_int(fig(center, "cases.approved", "month", Y0, Y1, 0, "2025-04",
	    0), 1, "one of them in April");
	is_int(fig(center, "cases.rejected", NULL, Y0, Y1, 0, "total", 0), 1,
	    "rejected: c2");
	is_int(fig(center, "cases.rejected", "month", Y0, Y1, 0, "2025-04",
	    0), 1, "in April");
	is_int(fig(center, "cases.returned", "office", Y0, Y1, 0, "2", 0), 1,
	    "returned: c5, Xiamen");
	is_int(fig(center, "cases.withdrawn", "office", Y0, Y1, 0, "1", 0), 1,
	    "withdrawn: c4, Fuzhou");
	is_int(fig(center, "cases.collected", "month", Y0, Y1, 0, "2025-04",
	    0), 1, "collected: c1 in April");
	is_int(fig(center, "certs.issued", NULL, Y0, Y1, 0, "total", 0), 2,
	    "certificates issued: 2");
	is_int(fig(center, "certs.issued", "level", Y0, Y1, 0, "4", 0), 2,
	    "at level 4");
	is_int(fig(center, "certs.printed", "month", Y0, Y1, 0, "2025-03",
	    0), 1, "printed: 1, in March");
	is_int(fig(center, "certs.handed", "month", Y0, Y1, 0, "2025-04", 0),
	    1, "handed over: 1, in April");
	is_int(fig(center, "certs.revoked", "office", Y0, Y1, 0, "2", 0), 1,
	    "revoked: 1, Xiamen's");
	is_int(fig(center, "certs.issued", "type", Y0, Y1, 0, "adoption", 0),
	    2, "both adoption certificates");
}

static void
test_days(void)
{
	/* intake to forward: 2, 1, 4, 1 days. */
	is_int(fig(center, "cases.intake_forward", NULL, Y0, Y1, 0, "total",
	    0), 4, "intake to forward: 4 cases");
	is_int(fig(center, "cases.intake_forward", NULL, Y0, Y1, 0, "total",
	    1), 1, "median 1 day (1 1 2 4)");
	is_int(fig(center, "cases.intake_forward", NULL, Y0, Y1, 0, "total",
	    2), 4, "90th percentile 4 days");
	/* forward to decision: 10 (March), 30 and 6 (April). */
	is_int(fig(center, "cases.forward_decision", NULL, Y0, Y1, 0, "total",
	    1), 10, "forward to decision: median 10 (6 10 30)");
	is_int(fig(center, "cases.forward_decision", NULL, Y0, Y1, 0, "total",
	    2), 30, "90th percentile 30");
	is_int(fig(center, "cases.forward_decision", "month", Y0, Y1, 0,
	    "2025-04", 1), 6, "April alone: median 6 (6 30)");
	is_int(fig(center, "cases.forward_decision", "month", Y0, Y1, 0,
	    "2025-05", 1), -1, "a month without decisions has no median");
	is_int(fig(center, "cases.decision_collection", NULL, Y0, Y1, 0,
	    "total", 1), 18, "decision to collection: 18 days");
	is_int(fig(center, "cases.forward_decision", "office", Y0, Y1, 0, "2",
	    1), 6, "Xiamen's: 6 days");
}

static void
test_backlog(void)
{
	/* Open: c3 (Fuzhou), c5 and c6 (Xiamen), all over 180 days old. */
	is_int(fig(center, "cases.backlog", NULL, Y0, Y1, 0, "total", 5), 3,
	    "backlog: 3 open");
	is_int(fig(center, "cases.backlog", NULL, Y0, Y1, 0, "total", 4), 3,
	    "all older than 180 days");
	is_int(fig(center, "cases.backlog", NULL, Y0, Y1, 0, "total", 0), 0,
	    "none of 0-7 days");
	is_int(fig(center, "cases.backlog", "office", Y0, Y1, 0, "2", 5), 2,
	    "Xiamen: 2");
	is_int(fig(fz, "cases.backlog", NULL, Y0, Y1, 0, "total", 5), 1,
	    "Fuzhou sees its own: 1");
	is_int(fig(fz, "cases.backlog", NULL, Y0, Y1, 0, "province", 5), 3,
	    "and the province's: 3");
}

static void
test_scope(void)
{
	const struct report_indicator	*ind;
	struct report_query		 q;
	struct report_table		*t = NULL;
	char				*why = NULL;
	size_t				 i;
	int				 others = 0;

	is_int(fig(fz, "cases.received", "office", Y0, Y1, 0, "1", 0), 4,
	    "a Fuzhou clerk sees Fuzhou's 4");
	is_int(fig(fz, "cases.received", "office", Y0, Y1, 0, "2", 0), -99,
	    "and no Xiamen row");
	is_int(fig(fz, "cases.received", "office", Y0, Y1, 0, "province", 0),
	    6, "but the province's 6");
	is_int(fig(fz, "cases.received", "month", Y0, Y1, 0, "2025-04", 0), 1,
	    "its months are its own: 1 in April");
	is_int(fig(aud, "cases.received", "office", Y0, Y1, 0, "2", 0), 2,
	    "the auditor sees Xiamen");
	is_int(fig(center, "cases.received", NULL, Y0, Y1, 2, "total", 0), 2,
	    "the center names Xiamen: 2");
	is_int(fig(center, "cases.received", NULL, Y0, Y1, 2, "province", 0),
	    6, "with the province beside it");
	ind = report_indicator_find("cases.received");
	report_query_set(&q, Y0, Y1, NULL, "office", &why);
	q.office_id = 2;
	db_set_actor(db, fz);
	is_int(report_compute(db, fz, ind, &q, &t, &why), QD_EDENIED,
	    "Fuzhou naming Xiamen is refused (%s)", why ? why : "");
	ok(t == NULL, "and gets no table");
	free(why);
	why = NULL;
	/* The schema's view, whatever program asks. */
	db_set_actor(db, fz);
	is_int(fixture_int(db, "SELECT count(*) FROM report_visible WHERE"
	    " office_id = 2"), 0, "raw SQL as Fuzhou reads no Xiamen row");
	ok(fixture_int(db, "SELECT count(*) FROM report_visible WHERE"
	    " office_id = 0") > 0, "but the province's rows");
	db_set_actor(db, xm);
	report_query_set(&q, Y0, Y1, NULL, NULL, &why);
	report_compute(db, xm, ind, &q, &t, &why);
	for (i = 0; t != NULL && i < t->n; i++)
		others += t->rows[i].kind == REPORT_ROW_TOTAL &&
		    t->rows[i].v[0] != 2;
	ok(t != NULL && others == 0, "Xiamen's total is its own 2");
	report_table_free(t);
	free(why);
}

static void
test_refusals(void)
{
	struct report_query	 q;
	struct report_table	*t = NULL;
	char			*why = NULL;

	is_int(report_query_set(&q, "2025-13", NULL, NULL, NULL, &why),
	    QD_EINVAL, "month 13 is refused (%s)", why ? why : "");
	ok(why != NULL && strstr(why, "YYYY-MM") != NULL, "saying the form");
	is_int(report_query_set(&q, "2025-05", "2025-04", NULL, NULL, &why),
	    QD_EINVAL, "a period backwards is refused (%s)", why ? why : "");
	is_int(report_query_set(&q, "2000-01", "2025-04", NULL, NULL, &why),
	    QD_EINVAL, "more than 120 months is refused (%s)", why ? why : "");
	is_int(report_query_set(&q, NULL, NULL, NULL, "colour", &why),
	    QD_EINVAL, "an unknown split is refused (%s)", why ? why : "");
	report_query_set(&q, Y0, Y1, NULL, "level", &why);
	is_int(report_compute(db, center, report_indicator_find(
	    "cases.intake_forward"), &q, &t, &why), QD_EINVAL,
	    "a split an indicator does not offer is refused (%s)", why ? why : "");
	ok(report_indicator_find("no.such") == NULL, "no such indicator");
	free(why);
}

/* A case through the data layer: the figures follow at once. */
static void
test_live(void)
{
	struct qd_applicant_new	 an = { .name = "丙七", .sex = "M",
	    .birth_date = "1990-01-01", .mtp = "20000007" };
	struct qd_case_new	 cn = { .type = "adoption", .catalog_id = 2,
	    .tw_cert_no = "T-7", .mat_id = 1, .mat_cert = 1, .mat_photo = 1,
	    .mat_form = 1 };
	char			*why = NULL, now[8];
	int64_t			 aid = 0, cid = 0;
	double			 before, fwd;

	report_month_now(now);
	before = fig(center, "cases.received", NULL, now, now, 0, "total", 0);
	fwd = fig(center, "cases.forwarded", NULL, now, now, 0, "total", 0);
	db_set_actor(db, fz);
	ok(db_applicant_add(db, fz, &an, &aid, &why) == QD_OK, "an applicant"
	    " comes in (%s)", why ? why : "ok");
	cn.applicant_id = aid;
	ok(db_case_open(db, fz, &cn, &cid, &why) == QD_OK, "a case is opened"
	    " (%s)", why ? why : "ok");
	is_int(fig(center, "cases.received", NULL, now, now, 0, "total", 0),
	    before + 1, "received this month goes up at once");
	is_int(fig(center, "cases.backlog", NULL, now, now, 0, "total", 0), 1,
	    "the backlog of 0-7 days holds it");
	db_set_actor(db, fz);
	ok(db_case_forward(db, fz, &cid, 1, &why) == QD_OK, "it is forwarded");
	is_int(fig(center, "cases.forwarded", NULL, now, now, 0, "total", 0),
	    fwd + 1, "forwarded this month goes up at once");
	is_int(fig(center, "cases.intake_forward", NULL, now, now, 0, "total",
	    1), 0, "forwarded the same day: 0 days");
	db_set_actor(db, fz);
	cn.tw_cert_no = "T-8";
	ok(db_case_open(db, fz, &cn, &cid, &why) == QD_OK &&
	    db_case_withdraw(db, fz, cid, 0, "重复 duplicate", &why) == QD_OK,
	    "a second case is opened and withdrawn (%s)", why ? why : "ok");
	is_int(fig(center, "cases.backlog", NULL, now, now, 0, "total", 0), 1,
	    "a finished case leaves the backlog");
	is_int(fig(center, "cases.withdrawn", NULL, now, now, 0, "total", 0), 1,
	    "and counts as withdrawn");
	is_int(fixture_int(db, "SELECT sum(n) FROM report_open WHERE office_id"
	    " = 0") , fixture_int(db, "SELECT count(*) FROM cases WHERE state"
	    " NOT IN ('collected', 'closed', 'withdrawn')"),
	    "the kept backlog matches the cases");
	is_int(fixture_int(db, "SELECT (SELECT sum(n) FROM report_facts WHERE"
	    " indicator = 'cases.received' AND office_id = 0) - (SELECT"
	    " count(*) FROM cases)"), 0, "the kept counts match the cases");
	free(why);
}

static void
test_list(void)
{
	static const char *const want[] = { "cases.received",
	    "cases.forwarded", "cases.approved", "cases.rejected",
	    "cases.returned", "cases.withdrawn", "cases.intake_forward",
	    "cases.forward_decision", "cases.decision_collection",
	    "cases.backlog", "certs.issued", "certs.printed", "certs.handed",
	    "certs.revoked" };
	const struct report_indicator	*r;
	size_t				 i;
	int				 bilingual = 1;

	for (i = 0; i < nitems(want); i++)
		ok(report_indicator_find(want[i]) != NULL, "%s is declared",
		    want[i]);
	for (i = 0; (r = report_indicator_at(i)) != NULL; i++)
		bilingual &= r->label_zh != NULL && r->label_en != NULL &&
		    (r->kind != REPORT_COMPUTE || r->compute != NULL);
	ok(bilingual, "every indicator is named in Chinese and English");
}

int
main(void)
{
	dir = fixture_dir("report");
	db = fixture_db(dir, "r.db");
	op = user_local_operator();
	fz = fixture_user(db, op, "fz", ROLE_CLERK, "fuzhou");
	xm = fixture_user(db, op, "xm", ROLE_LIAISON, "xiamen");
	center = fixture_user(db, op, "cen", ROLE_CENTER, NULL);
	aud = fixture_user(db, op, "aud", ROLE_AUDITOR, NULL);
	report_fixture_load(db);
	test_list();
	test_counts();
	test_days();
	test_backlog();
	test_scope();
	test_refusals();
	test_live();
	user_free(fz);
	user_free(xm);
	user_free(center);
	user_free(aud);
	db_close(db);
	namekey_close();
	fixture_dir_remove(dir);
	free(dir);
	return done_testing();
}
