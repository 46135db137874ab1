/*
 * Exams at the database level: demand and its table, plans drawn from a
 * cell, seats and waiting lists (also with two processes writing at
 * once), 考培分离, the deadline and cross-border rules, results imported
 * all or nothing from GB18030, passes, notices and tickets; and the rules
 * the schema keeps against raw SQL.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "qualdesk.h"
#include "case/case.h"
#include "cert/cert.h"
#include "exam/exam.h"
#include "../tap.h"
#include "../fixture.h"

static char		*dir, *path;
static sqlite3		*db;
static struct qd_user	*op, *fz1, *xm1, *rev1, *aud;
static char		 today[11], later[16];

static void
as(struct qd_user *u)
{
	db_set_actor(db, u);
}

static long long
q(const char *sql)
{
	return fixture_int(db, sql);
}

/* Run raw sql as u; 1 if the schema refused it. */
static int
refused(struct qd_user *u, const char *sql, const char *want)
{
	char	*msg = NULL;
	int	 rc, hit;

	as(u);
	rc = fixture_exec(db, sql, &msg);
	hit = rc != SQLITE_OK && (want == NULL || (msg != NULL &&
	    strstr(msg, want) != NULL));
	if (!hit)
		printf("# %s: %s\n", sql, msg != NULL ? msg : "accepted");
	free(msg);
	return hit;
}

static void
setup(void)
{
	char	*msg = NULL;

	db_set_system_actor(db, "(test)", "test");
	if (fixture_exec(db, "INSERT INTO occupations (code, name) VALUES"
	    " ('6-18-01-01', '车工'), ('4-10-03-01', '美容师');"
	    "INSERT INTO agencies (name, office_id) VALUES"
	    " ('福州职业技能鉴定中心', 1), ('海峡培训学院', 2);", &msg) !=
	    SQLITE_OK) {
		printf("Bail out! catalog: %s\n", msg);
		exit(1);
	}
	free(msg);
	idcheck_today(today);
	snprintf(later, sizeof later, "%04d-06-15",
	    (atoi(today) + 1) % 10000);
}

static int64_t
person(struct qd_user *u, const char *name, const char *mtp, int in_taiwan)
{
	struct qd_applicant_new	 nf = { .name = name, .sex = "M",
	    .birth_date = "1990-05-17", .mtp = mtp,
	    .in_taiwan = in_taiwan };
	char			*why = NULL;
	int64_t			 id = 0;

	as(u);
	if (db_applicant_add(db, u, &nf, &id, &why) != QD_OK)
		printf("# applicant %s: %s\n", name, why);
	free(why);
	return id;
}

static int64_t
demand(struct qd_user *u, int64_t who, int64_t occ, int level, int want,
    const char *what)
{
	struct qd_exam_demand_new nf = { .applicant_id = who, .kind = "skill",
	    .occupation_id = occ, .level = level, .in_taiwan = -1,
	    .period = "下半年" };
	char			*why = NULL;
	int64_t			 id = 0;
	int			 rc;

	as(u);
	rc = db_exam_demand_add(db, u, &nf, &id, &why);
	is_int(rc, want, "%s (%s)", what, why != NULL ? why : "ok");
	free(why);
	return id;
}

static int64_t
plan(int professional, int64_t agency, int onsite_cap, int remote_cap,
    int from_cell)
{
	struct qd_exam_sitting_new s[2] = {
		{ "onsite", 1, "福州考点", onsite_cap },
		{ "remote", 0, "台北跨境考点", remote_cap },
	};
	struct qd_exam_plan_new	 nf = { .kind = professional ?
	    "qualification" : "skill", .professional = professional,
	    .occupation_id = 1, .level = 4, .agency_id = agency,
	    .exam_on = later, .start_time = "09:00", .deadline = later,
	    .sittings = s, .nsittings = 2, .from_cell = from_cell };
	char			*why = NULL;
	int64_t			 id = 0;
	int			 invited = 0, rc;

	as(rev1);
	rc = db_exam_plan_add(db, rev1, &nf, &id, &invited, &why);
	if (rc != QD_OK)
		printf("# plan: %s\n", why);
	free(why);
	return id;
}

static int
step(int64_t p, const char *action, const char *reason)
{
	char	*why = NULL;
	int	 rc;

	as(rev1);
	rc = db_exam_plan_step(db, rev1, p, 0, action, reason, &why);
	if (rc != QD_OK)
		printf("# %s: %s\n", action, why);
	free(why);
	return rc;
}

static int
seat(struct qd_user *u, int64_t p, int64_t who, char *status, int *seat_no,
    char **warning)
{
	struct qd_exam_seat	*s = NULL;
	char			*why = NULL, *w = NULL;
	int			 rc;

	as(u);
	rc = db_exam_seat_add(db, u, p, 0, who, &s, &w, &why);
	if (rc == QD_OK) {
		snprintf(status, 16, "%s", s->status);
		*seat_no = s->seat_no;
	} else {
		snprintf(status, 16, "refused");
		printf("# seat: %s\n", why);
	}
	if (warning != NULL)
		*warning = w;
	else
		free(w);
	exam_seat_free(s);
	free(why);
	return rc;
}

static void
test_demand(int64_t a1, int64_t a2, int64_t b1)
{
	struct qd_exam_demand_filter	 f = { .in_taiwan = -1 };
	struct qd_exam_demand_row	*rows = NULL;
	struct qd_exam_cell		*cells = NULL;
	int64_t				 d1, d2, d3, ids[3];
	size_t				 n = 0;
	char				*why = NULL;

	d1 = demand(fz1, a1, 1, 4, QD_OK, "a clerk records a demand");
	demand(fz1, a1, 1, 4, QD_ECONFLICT,
	    "a second open demand for the same occupation and level is refused");
	d2 = demand(fz1, a2, 1, 4, QD_OK, "another person's");
	demand(xm1, a1, 1, 4, QD_ENOTFOUND,
	    "Xiamen cannot record for Fuzhou's person");
	demand(rev1, a1, 2, 4, QD_EDENIED, "the center records no demand");
	d3 = demand(xm1, b1, 1, 4, QD_OK, "Xiamen records its own");
	ok(refused(fz1, "INSERT INTO exam_demands (applicant_id, office_id,"
	    " kind, occupation_id, level, in_taiwan, state, created_by)"
	    " VALUES (3, 2, 'skill', 1, 4, 0, 'recorded', 'x')", "仅本办公室"),
	    "raw SQL: a clerk cannot record demand in another office");
	as(xm1);
	db_exam_demand_list(db, xm1, &f, 0, 100, &rows, &n, &why);
	is_int((int)n, 1, "Xiamen lists only its own demand");
	exam_demand_rows_free(rows, n);
	ids[0] = d1;
	ids[1] = d3;
	as(fz1);
	ok(db_exam_demand_report(db, fz1, ids, 2, &why) != QD_OK &&
	    q("SELECT count(*) FROM exam_demands WHERE state = 'reported'") ==
	    0, "a batch with another office's demand reports nothing");
	ids[1] = d2;
	is_int(db_exam_demand_report(db, fz1, ids, 2, &why), QD_OK,
	    "Fuzhou reports two at once");
	as(xm1);
	is_int(db_exam_demand_report(db, xm1, &d3, 1, &why), QD_OK,
	    "Xiamen reports one");
	ok(refused(fz1, "UPDATE exam_demands SET state = 'invited', action ="
	    " 'invite', version = version + 1 WHERE id = 1", NULL),
	    "raw SQL: an office cannot move its demand into a plan");
	as(fz1);
	is_int(db_exam_demand_table(db, fz1, &cells, &n, &why), QD_EDENIED,
	    "the table is the center's");
	as(aud);
	is_int(db_exam_demand_table(db, aud, &cells, &n, &why), QD_OK,
	    "the auditor reads the table");
	ok(n == 1 && cells[0].total == 3 && cells[0].in_taiwan == 1 &&
	    cells[0].by_code != NULL &&
	    strcmp(cells[0].by_code, "fuzhou:2 xiamen:1") == 0,
	    "one cell of 3, one in Taiwan, split by city (%s)",
	    n == 1 ? cells[0].by_code : "-");
	exam_cells_free(cells, n);
	free(why);
}

static void
test_seats(int64_t p, int64_t a1, int64_t a2, int64_t a3, int64_t b1)
{
	char	 st[16], *why = NULL;
	int	 no = 0;
	int64_t	 r3;

	is_int(seat(fz1, p, a1, st, &no, NULL), QD_EDENIED,
	    "no seat before the plan is published");
	is_int(step(p, "hold", NULL), QD_EDENIED,
	    "a draft cannot be marked held");
	is_int(step(p, "publish", NULL), QD_OK, "the center publishes");
	is_int((int)q("SELECT count(*) FROM exam_notices WHERE kind ="
	    " 'published'"), 10, "every office is told");
	seat(fz1, p, a1, st, &no, NULL);
	ok(strcmp(st, "seated") == 0 && no == 1, "the first takes seat 1");
	ok(refused(xm1, "INSERT INTO exam_registrations (plan_id, sitting_id,"
	    " applicant_id, office_id, status, seat_no, created_by) VALUES"
	    " (1, 1, 4, 2, 'seated', 9, 'x')", "跨境考"),
	    "raw SQL: a person in Taiwan cannot take an on-site seat");
	seat(fz1, p, a2, st, &no, NULL);
	ok(strcmp(st, "seated") == 0 && no == 2, "the second takes seat 2");
	is_int(seat(fz1, p, a2, st, &no, NULL), QD_ECONFLICT,
	    "one person is never registered twice for one plan");
	seat(fz1, p, a3, st, &no, NULL);
	ok(strcmp(st, "waiting") == 0, "past capacity the next waits");
	r3 = q("SELECT id FROM exam_registrations WHERE status = 'waiting'");
	seat(xm1, p, b1, st, &no, NULL);
	ok(strcmp(st, "seated") == 0 && q("SELECT s.mode FROM"
	    " exam_registrations r JOIN exam_sittings s ON s.id = r.sitting_id"
	    " WHERE r.applicant_id = 4") == 0,
	    "a person in Taiwan is given the cross-border sitting");
	ok(refused(fz1, "INSERT INTO exam_registrations (plan_id, sitting_id,"
	    " applicant_id, office_id, status, seat_no, created_by) VALUES"
	    " (1, 1, 3, 1, 'seated', 3, 'x')", "已满"),
	    "raw SQL: no seat past capacity");
	ok(refused(fz1, "UPDATE exam_registrations SET status = 'seated',"
	    " seat_no = 3, version = version + 1 WHERE status = 'waiting'",
	    "候补"), "raw SQL: the waiting list is not jumped into a full"
	    " sitting");
	ok(refused(xm1, "UPDATE exam_registrations SET status = 'cancelled',"
	    " seat_no = NULL, version = version + 1 WHERE applicant_id = 1",
	    "其他办公室"), "raw SQL: Xiamen cannot cancel Fuzhou's seat");
	as(fz1);
	is_int(db_exam_seat_remove(db, fz1, 1, 0, "改期 moved", &why), QD_OK,
	    "Fuzhou cancels the first seat");
	is_int((int)q("SELECT seat_no FROM exam_registrations WHERE id = 3"),
	    1, "the first waiting is promoted into seat 1");
	ok(r3 == 3 && q("SELECT status = 'seated' FROM exam_registrations"
	    " WHERE id = 3") == 1, "in order");
	is_int((int)q("SELECT count(*) FROM audit WHERE tbl ="
	    " 'exam_registrations'"), 6, "every registration change audited");
	free(why);
}

/* Two processes register people at once: never more than capacity. */
static void
test_concurrent(int64_t p, const int64_t *people, int n)
{
	pid_t	 pid[2];
	int	 k, i, status, fine = 1;

	for (k = 0; k < 2; k++) {
		if ((pid[k] = fork()) == 0) {
			sqlite3		*mine = NULL;
			struct qd_exam_seat *s;
			char		*why = NULL, *w = NULL;
			int		 bad = 0;

			if (db_open(path, 0, &mine, &why) != QD_OK)
				_exit(2);
			db_set_actor(mine, fz1);
			for (i = k; i < n; i += 2) {
				s = NULL;
				if (db_exam_seat_add(mine, fz1, p, 0,
				    people[i], &s, &w, &why) != QD_OK)
					bad++;
				exam_seat_free(s);
				xfree(&w);
			}
			free(why);
			db_close(mine);
			_exit(bad > 0 ? 1 : 0);
		}
	}
	for (k = 0; k < 2; k++) {
		waitpid(pid[k], &status, 0);
		if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
			fine = 0;
	}
	ok(fine, "two processes registered %d people, none refused", n);
	is_int((int)q("SELECT count(*) FROM exam_registrations WHERE plan_id"
	    " = 2 AND status = 'seated' AND sitting_id = (SELECT min(id) FROM"
	    " exam_sittings WHERE plan_id = 2)"), 3,
	    "the sitting holds exactly its capacity");
	is_int((int)q("SELECT count(*) FROM exam_registrations WHERE plan_id"
	    " = 2 AND status = 'waiting'"), n - 3, "the rest wait");
	is_int((int)q("SELECT count(DISTINCT seat_no) FROM exam_registrations"
	    " WHERE plan_id = 2 AND status = 'seated'"), 3,
	    "with distinct seats");
}

static void
test_apart(int64_t a1, int64_t a2)
{
	char	 st[16], *warning = NULL;
	int64_t	 pro, skill;
	int	 no;

	ok(refused(fz1, "INSERT INTO training_links (agency_id, applicant_id,"
	    " occupation_id) VALUES (2, 1, 1)", "培训"),
	    "raw SQL: an office does not write training links");
	db_set_system_actor(db, "(test)", "test");
	fixture_exec(db, "INSERT INTO training_links (agency_id,"
	    " provider_name, applicant_id, occupation_id, trainer_user)"
	    " VALUES (2, '', 1, 1, NULL), (NULL, '海峡技能培训班', 2, 1,"
	    " (SELECT id FROM users WHERE login = 'rev1'))", &warning);
	xfree(&warning);
	pro = plan(1, 2, 5, 5, 0);
	skill = plan(0, 2, 5, 5, 0);
	step(pro, "publish", NULL);
	step(skill, "publish", NULL);
	is_int(seat(fz1, pro, a1, st, &no, NULL), QD_EDENIED,
	    "考培分离: a professional exam refuses the body's own trainee");
	ok(refused(fz1, "INSERT INTO exam_registrations (plan_id, sitting_id,"
	    " applicant_id, office_id, status, seat_no, created_by) SELECT id,"
	    " (SELECT min(id) FROM exam_sittings WHERE plan_id = p.id), 1, 1,"
	    " 'seated', 1, 'x' FROM exam_plans p WHERE professional = 1",
	    "考培分离"), "raw SQL: the schema refuses it too");
	is_int(seat(fz1, skill, a1, st, &no, &warning), QD_OK,
	    "a skill exam seats them");
	ok(warning != NULL && strstr(warning, "考培分离") != NULL,
	    "with a warning");
	free(warning);
	is_int(seat(fz1, pro, a2, st, &no, NULL), QD_OK,
	    "someone trained by a user, not the body, may sit");
	step(pro, "close_reg", NULL);
	step(pro, "hold", NULL);
	as(rev1);
	ok(refused(rev1, "INSERT INTO exam_results (registration_id, plan_id,"
	    " applicant_id, office_id, outcome, recorded_by) SELECT id, plan_id,"
	    " applicant_id, office_id, 'pass', 'rev1' FROM exam_registrations"
	    " WHERE applicant_id = 2 AND plan_id = (SELECT id FROM exam_plans"
	    " WHERE professional = 1)", "考培分离"),
	    "考培分离: the person's trainer may not record their result");
}

static void
test_results(int64_t p)
{
	/* GB18030 bytes of 准考证号,结果,成绩 and 合格 / 缺考. */
	static const char head[] = "\xd7\xbc\xbf\xbc\xd6\xa4\xba\xc5,"
	    "\xbd\xe1\xb9\xfb,\xb3\xc9\xbc\xa8\r\n";
	char	*csv, *why = NULL, *warn = NULL, *t1, *t2;
	int	 count = 0;

	t1 = exam_ticket_number(atoi(later), 2);
	t2 = exam_ticket_number(atoi(later), 3);
	/* The exam was today, so that a certificate can be dated after it. */
	db_set_system_actor(db, "(test)", "test");
	fixture_exec(db, "UPDATE exam_plans SET exam_on = date('now',"
	    " 'localtime'), deadline = date('now', 'localtime'), version ="
	    " version + 1 WHERE id = 1", &why);
	xfree(&why);
	xasprintf(&csv, "%s%s,\xba\xcf\xb8\xf1,88\r\n%s,bogus,1\r\n", head, t1,
	    t2);
	as(rev1);
	is_int(db_exam_result_import(db, rev1, csv, strlen(csv), CSV_GB18030,
	    &count, &warn, &why), QD_EDENIED, "before the exam is held: refused");
	free(why);
	why = NULL;
	step(p, "close_reg", NULL);
	step(p, "hold", NULL);
	ok(refused(fz1, "UPDATE exam_plans SET state = 'results', action ="
	    " 'record', version = version + 1 WHERE id = 1", NULL),
	    "raw SQL: an office cannot move a plan");
	ok(refused(rev1, "UPDATE exam_plans SET state = 'closed', action ="
	    " 'close', version = version + 1 WHERE id = 1", "不允许"),
	    "raw SQL: held cannot jump to closed");
	is_int(db_exam_result_import(db, rev1, csv, strlen(csv), CSV_GB18030,
	    &count, &warn, &why), QD_EINVAL, "a bad line stops the import");
	ok(why != NULL && strstr(why, "line 3") != NULL, "naming its line (%s)",
	    why != NULL ? why : "");
	is_int((int)q("SELECT count(*) FROM exam_results"), 0,
	    "and nothing is imported");
	free(csv);
	free(why);
	why = NULL;
	xasprintf(&csv, "%s%s,\xba\xcf\xb8\xf1,88\r\n%s,\xc8\xb1\xbf\xbc,\r\n"
	    "4,fail,52.5\r\n", head, t1, t2);
	is_int(db_exam_result_import(db, rev1, csv, strlen(csv), CSV_GB18030,
	    &count, &warn, &why), QD_OK, "fixed, it imports (%s)",
	    why != NULL ? why : "ok");
	is_int(count, 3, "three results");
	ok(q("SELECT state = 'results' FROM exam_plans WHERE id = 1") == 1,
	    "every seat has a result: the plan's results are recorded");
	is_int((int)q("SELECT count(*) FROM exam_notices WHERE kind ="
	    " 'results' AND plan_id = 1"), 2, "the two cities are told");
	is_int((int)q("SELECT count(*) FROM exam_passes"), 1,
	    "the pass is kept for its certificate");
	is_int((int)q("SELECT count(*) FROM exam_demands WHERE state ="
	    " 'done'"), 2, "the examined people's demands are done");
	is_int((int)q("SELECT count(*) FROM exam_demands WHERE state ="
	    " 'reported' AND applicant_id = 1"), 1,
	    "who gave up their seat waits in the table again");
	ok(refused(rev1, "UPDATE exam_results SET outcome = 'fail'", "不可更改"),
	    "a result stays as recorded");
	as(rev1);
	is_int(db_exam_pass_cert(db, rev1, 1, "ZJ-2026-000001", today, &why),
	    QD_OK, "the center enters the certificate");
	ok(refused(rev1, "UPDATE exam_passes SET cert_no = 'X', version ="
	    " version + 1 WHERE id = 1", "一次"), "only once");
	is_int((int)q("SELECT count(*) FROM subsidy_intake WHERE source ="
	    " 'exam' AND source_id = 1 AND cert_number = 'ZJ-2026-000001'"
	    " AND outcome <> 'pending'"), 1,
	    "the pass's certificate goes to the subsidy claims, decided");
	is_int((int)q("SELECT sum(n) FROM report_facts WHERE indicator ="
	    " 'exam.sat' AND office_id = 0"), 2,
	    "the report counts two examined (the absent not)");
	is_int((int)q("SELECT sum(n) FROM report_facts WHERE indicator ="
	    " 'exam.passed' AND office_id = 0"), 1, "and one pass");
	free(csv);
	free(t1);
	free(t2);
	free(why);
	free(warn);
}

static void
test_ticket(void)
{
	struct cert_fields	 f;
	char			*buf = NULL, *why = NULL;
	size_t			 len = 0;
	FILE			*mem;
	int			 rc;

	mem = open_memstream(&buf, &len);
	as(fz1);
	rc = exam_ticket_pdf(db, fz1, 2, mem, &why);
	fclose(mem);
	is_int(rc, QD_OK, "a seated person's ticket is made (%s)",
	    why != NULL ? why : "ok");
	ok(len > 1000 && memcmp(buf, "%PDF", 4) == 0, "as a PDF");
	free(buf);
	buf = NULL;
	mem = open_memstream(&buf, &len);
	as(xm1);
	is_int(exam_ticket_pdf(db, xm1, 2, mem, &why), QD_ENOTFOUND,
	    "another office gets no ticket of Fuzhou's");
	fclose(mem);
	free(buf);
	/* A ticket's code as the ticket carries it verifies as one. */
	memset(&f, 0, sizeof f);
	f.series = CERT_SERIES_TICKET;
	f.year = atoi(later);
	f.seq = 2;
	memcpy(f.issued_on, later, sizeof f.issued_on);
	snprintf(f.mtp, sizeof f.mtp, "11110002");
	f.level = 4;
	f.name = "陳一";
	f.tw_qual = "计划1 座位2";
	f.occupation = "车工";
	is_int(db_cert_sign(db, &f, &buf, &why), QD_OK, "a ticket is signed");
	memset(&f, 0, sizeof f);
	is_int(db_cert_verify(db, fz1, buf, &f, NULL, &why), QD_OK,
	    "and verifies with the certificates' verifier");
	ok(f.series == CERT_SERIES_TICKET && why != NULL &&
	    strstr(why, "准考证") != NULL, "as a ticket");
	cert_fields_free(&f);
	free(buf);
	free(why);
}

int
main(void)
{
	int64_t	 a1, a2, a3, b1, p, conc, people[10];
	char	 mtp[9], name[16], *why = NULL;
	int	 i;

	dir = fixture_dir("exam");
	db = fixture_db(dir, "exam.db");
	xasprintf(&path, "%s/exam.db", dir);
	op = user_local_operator();
	fz1 = fixture_user(db, op, "fz1", ROLE_CLERK, "fuzhou");
	xm1 = fixture_user(db, op, "xm1", ROLE_LIAISON, "xiamen");
	rev1 = fixture_user(db, op, "rev1", ROLE_CENTER, NULL);
	aud = fixture_user(db, op, "aud", ROLE_AUDITOR, NULL);
	setup();
	a1 = person(fz1, "陳一", "11110001", 0);
	a2 = person(fz1, "林二", "11110002", 0);
	a3 = person(fz1, "黃三", "11110003", 0);
	b1 = person(xm1, "張四", "22220001", 1);
	test_demand(a1, a2, b1);
	p = plan(0, 1, 2, 2, 1);
	ok(p == 1 && q("SELECT count(*) FROM exam_demands WHERE state ="
	    " 'invited' AND plan_id = 1") == 3,
	    "a plan drafted from the cell invites its three people");
	ok(refused(fz1, "INSERT INTO exam_plans (kind, occupation_id, level,"
	    " body_name, exam_on, start_time, deadline, created_by) VALUES"
	    " ('skill', 1, 4, 'x', '2030-01-01', '09:00', '2030-01-01', 'x')",
	    "仅中心"), "raw SQL: only the center drafts plans");
	test_seats(p, a1, a2, a3, b1);

	conc = plan(0, 1, 3, 1, 0);
	step(conc, "publish", NULL);
	for (i = 0; i < 10; i++) {
		snprintf(mtp, sizeof mtp, "3333%04d", i);
		snprintf(name, sizeof name, "測%d", i);
		people[i] = person(fz1, name, mtp, 0);
	}
	test_concurrent(conc, people, 10);
	test_apart(a1, a2);
	test_results(p);
	test_ticket();

	is_int(step(conc, "cancel", NULL), QD_EINVAL, "cancel needs a reason");
	is_int(step(conc, "cancel", "台风 typhoon"), QD_OK,
	    "the center cancels with a reason");
	is_int((int)q("SELECT count(*) FROM exam_registrations WHERE plan_id"
	    " = 2 AND status <> 'cancelled'"), 0, "its seats are freed");
	is_int((int)q("SELECT count(*) FROM exam_notices WHERE kind ="
	    " 'cancelled'"), 10, "and every city is told why");
	as(aud);
	ok(db_exam_seat_remove(db, aud, 5, 0, NULL, &why) == QD_EDENIED,
	    "the auditor changes nothing");
	ok(refused(aud, "UPDATE exam_demands SET period = 'x', version ="
	    " version + 1 WHERE id = 1", NULL), "not even by raw SQL");
	is_int((int)q("SELECT count(*) FROM exam_demand_counts c WHERE n <>"
	    " (SELECT count(*) FROM exam_demands d WHERE d.state = 'reported'"
	    " AND d.occupation_id = c.occupation_id AND d.level = c.level"
	    " AND d.kind = c.kind AND d.office_id = c.office_id"
	    " AND d.in_taiwan = c.in_taiwan)"), 0,
	    "the kept counts match the demand");
	is_int((int)q("SELECT count(*) FROM exam_demand_counts c WHERE oldest"
	    " IS NOT (SELECT min(reported_at) FROM exam_demands d WHERE"
	    " d.state = 'reported' AND d.occupation_id = c.occupation_id"
	    " AND d.level = c.level AND d.kind = c.kind AND d.office_id ="
	    " c.office_id AND d.in_taiwan = c.in_taiwan)"), 0,
	    "and so does the oldest of each");
	is_int((int)q("PRAGMA foreign_key_check"), -1, "no foreign key broken");
	free(why);
	user_free(op);
	user_free(fz1);
	user_free(xm1);
	user_free(rev1);
	user_free(aud);
	db_close(db);
	fixture_dir_remove(dir);
	free(dir);
	free(path);
	return done_testing();
}
