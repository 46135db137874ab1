/*
 * Training at the database level: providers, needs and their live table,
 * class plans and their steps as data, seats and per-city quotas under
 * concurrent writers (processes enrolling at once), the waiting list and
 * its promotion in order, the enrolment window, the roster, and the
 * completion certificate signed, verified and refused when changed; and
 * what raw SQL may not do.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "qualdesk.h"
#include "cert/cert.h"
#include "training/training.h"
#include "../tap.h"
#include "../fixture.h"

#define W(s)	((s) != NULL ? (s) : "ok")

/* Whether the last raw SQL was refused, read after it ran. */
static int	 refused;

static char		*dir, *path;
static sqlite3		*db;
static struct qd_user	*op, *fz, *xm, *qz, *ctr, *aud;

static void
as(struct qd_user *u)
{
	db_set_actor(db, u);
}

/* Today plus days, as YYYY-MM-DD (static, one of eight). */
static const char *
day(int days)
{
	static char	 buf[8][11];
	static int	 k;
	char		 sql[96], *s;

	k = (k + 1) % 8;
	snprintf(sql, sizeof sql, "SELECT date('now', 'localtime', '%+d days')",
	    days);
	s = fixture_text(db, sql);
	snprintf(buf[k], sizeof buf[k], "%s", s != NULL ? s : "");
	free(s);
	return buf[k];
}

/* Invented people: office o gets n of them, MTP numbers from base. */
static void
people(int office, int base, int n)
{
	char	 sql[512], *msg = NULL;
	int	 i;

	db_set_system_actor(db, "(test)", "test");
	for (i = 0; i < n; i++) {
		snprintf(sql, sizeof sql, "INSERT INTO applicants (name,"
		    " name_key, sex, birth_date, mtp, office_id) VALUES"
		    " ('学员%d', '学员%d', 'F', '1990-01-01', '%08d', %d)",
		    base + i, base + i, base + i, office);
		if (fixture_exec(db, sql, &msg) != SQLITE_OK) {
			printf("Bail out! %s\n", msg);
			exit(1);
		}
	}
	free(msg);
}

static void
setup(void)
{
	char	*msg = NULL;

	dir = fixture_dir("training");
	xasprintf(&path, "%s/t.db", dir);
	db = fixture_db(dir, "t.db");
	op = user_local_operator();
	op->via = "test";
	fz = fixture_user(db, op, "fz", ROLE_CLERK, "fuzhou");
	xm = fixture_user(db, op, "xm", ROLE_CLERK, "xiamen");
	qz = fixture_user(db, op, "qz", ROLE_LIAISON, "quanzhou");
	ctr = fixture_user(db, op, "ctr", ROLE_CENTER, NULL);
	aud = fixture_user(db, op, "aud", ROLE_AUDITOR, NULL);
	db_set_system_actor(db, "(test)", "test");
	if (fixture_exec(db, "INSERT INTO occupations (code, name) VALUES"
	    " ('6-18-01-01', '车工'), ('4-10-03-01', '美容师')", &msg) !=
	    SQLITE_OK) {
		printf("Bail out! %s\n", msg);
		exit(1);
	}
	free(msg);
	people(1, 10000000, 10);
	people(2, 20000000, 10);
	people(4, 40000000, 10);
}

static void
test_providers(void)
{
	char	*why = NULL;
	int64_t	 id;
	int	 n;
	const char csv[] = "name,kind,office,occupations\n"
	    "海峡培训学校,institution,pingtan,6-18-01-01;4-10-03-01\n"
	    "两岸人力公司,hr_agency,xiamen,4-10-03-01\n";

	as(ctr);
	is_int(db_training_provider_save(db, ctr, "某学院", "college",
	    "fuzhou", "", 1, &id, &why), QD_EDENIED,
	    "the center reviewer does not keep providers");
	as(op);
	xfree(&why);
	is_int(db_training_provider_import(db, op, csv, sizeof csv - 1,
	    CSV_UTF8, &n, &why), QD_OK, "an admin imports providers (%s)",
	    why ? why : "ok");
	is_int(n, 2, "two rows");
	is_int(fixture_int(db, "SELECT count(*) FROM"
	    " training_provider_occupations WHERE provider_id = 1"), 2,
	    "with the occupations they teach");
	xfree(&why);
	is_int(db_training_provider_save(db, op, "某学院", "university",
	    "fuzhou", "", 1, &id, &why), QD_EINVAL, "an unknown kind is"
	    " refused (%s)", W(why));
	xfree(&why);
	is_int(db_training_provider_save(db, op, "某学院", "college", "fuzhou",
	    "9-99", 1, &id, &why), QD_EINVAL, "an unknown occupation code"
	    " is refused (%s)", W(why));
	ok(why != NULL && strstr(why, "9-99") != NULL, "naming it");
	xfree(&why);
}

static void
test_needs(void)
{
	struct training_need_new nn = { "10000001", "6-18-01-01", 4, "2027-03",
	    0, "" };
	struct cmd_rows	 rows = { training_need_table_columns,
			     training_need_table_ncolumns, NULL, 0 };
	char		*why = NULL, *msg = NULL;
	int64_t		 id;
	int		 n;

	as(fz);
	is_int(db_training_need_add(db, fz, &nn, &id, &why), QD_OK,
	    "Fuzhou records a need (%s)", why ? why : "ok");
	nn.mtp = "10000002";
	nn.in_taiwan = 1;
	db_training_need_add(db, fz, &nn, &id, &why);
	nn.mtp = "20000001";
	xfree(&why);
	is_int(db_training_need_add(db, fz, &nn, &id, &why), QD_EDENIED,
	    "but not for a Xiamen person (%s)", W(why));
	xfree(&why);
	as(xm);
	db_training_need_add(db, xm, &nn, &id, &why);
	as(fz);
	is_int(db_training_need_report(db, fz, &n, &why), QD_OK, "reported");
	is_int(n, 2, "both of Fuzhou's");
	as(ctr);
	db_training_need_table(db, ctr, &rows, &why);
	ok(rows.n == 1 && strcmp(rows.cells[3], "fuzhou") == 0 &&
	    strcmp(rows.cells[4], "1") == 0 && strcmp(rows.cells[5], "2") == 0,
	    "the center's table counts Fuzhou's two, one in Taiwan; Xiamen's"
	    " is not reported yet");
	cmd_rows_free(&rows);
	as(fz);
	refused = fixture_exec(db, "UPDATE training_needs SET level = 3, version ="
	    " version + 1 WHERE id = 1", &msg) != SQLITE_OK;
	ok(refused,
	    "a reported need cannot be changed by raw SQL (%s)", W(msg));
	free(msg);
	free(why);
}

/* A class of seats with quotas (Fuzhou 2, Xiamen 2) and cut-off days. */
static int64_t
make_class(int seats, int cutoff_days, int quotas)
{
	struct training_class_new c = { .title = "车工四级培训班",
	    .provider_id = 1, .occupation = "6-18-01-01", .level = 4,
	    .hours = 80, .place = "平潭", .seats = seats };
	char	*why = NULL;
	int64_t	 id = 0;

	c.enrol_from = day(-5);
	c.enrol_to = day(10);
	c.starts_on = day(15);
	c.ends_on = day(30);
	c.quota_cutoff = cutoff_days != 0 ? day(cutoff_days) : NULL;
	as(ctr);
	if (db_training_class_add(db, ctr, &c, &id, &why) != QD_OK)
		printf("# class: %s\n", why);
	if (quotas) {
		db_training_class_quota(db, ctr, id, "fuzhou", 2, &why);
		db_training_class_quota(db, ctr, id, "xiamen", 2, &why);
	}
	free(why);
	return id;
}

static void
test_class_steps(void)
{
	struct training_class_new c = { .title = "x", .provider_id = 1,
	    .occupation = "6-18-01-01", .level = 4, .hours = 8, .online = 1,
	    .seats = 0 };
	struct cmd_rows	 acts = { training_class_columns, 2, NULL, 0 };
	char	*why = NULL, *msg = NULL;
	int64_t	 id, cls;

	c.enrol_from = day(0);
	c.enrol_to = day(1);
	c.starts_on = day(2);
	c.ends_on = day(3);
	as(ctr);
	is_int(db_training_class_add(db, ctr, &c, &id, &why), QD_EINVAL,
	    "0 seats is refused, not taken as unlimited (%s)", W(why));
	xfree(&why);
	as(fz);
	c.seats = 5;
	is_int(db_training_class_add(db, fz, &c, &id, &why), QD_EDENIED,
	    "a city does not plan classes");
	xfree(&why);
	cls = make_class(3, 0, 0);
	as(ctr);
	is_int(db_training_class_quota(db, ctr, cls, "fuzhou", 4, &why),
	    QD_EDENIED, "quotas above the seats are refused (%s)", W(why));
	xfree(&why);
	db_training_class_actions(db, ctr, cls, &acts, &why);
	ok(acts.n == 2 && strcmp(acts.cells[0], "cancel") == 0 &&
	    strcmp(acts.cells[2], "publish") == 0 && strcmp(acts.cells[3],
	    "发布 Publish") == 0, "a draft's menu comes from the table");
	cmd_rows_free(&acts);
	is_int(db_training_class_step(db, ctr, cls, "finish", NULL, 0, &why),
	    QD_ECONFLICT, "a draft cannot finish (%s)", W(why));
	xfree(&why);
	is_int(db_training_class_step(db, ctr, cls, "publish", NULL, 0, &why),
	    QD_OK, "the center publishes (%s)", why ? why : "ok");
	is_int(fixture_int(db, "SELECT count(*) FROM training_notices WHERE"
	    " kind = 'published'"), 9, "every city is told");
	is_int(fixture_int(db, "SELECT count(*) FROM training_notices WHERE"
	    " kind = 'need_match'"), 2, "and of the two people whose reported"
	    " needs match");
	refused = fixture_exec(db, "UPDATE training_classes SET seats = 30, version ="
	    " version + 1 WHERE id = 1", &msg) != SQLITE_OK;
	ok(refused,
	    "raw SQL cannot raise a published class's seats (%s)", W(msg));
	refused = fixture_exec(db, "UPDATE training_classes SET state = 'finished',"
	    " action = 'x', version = version + 1 WHERE id = 1", &msg) != SQLITE_OK;
	ok(refused, "nor jump to finished (%s)", W(msg));
	as(aud);
	refused = fixture_exec(db, "UPDATE training_classes SET title = 't', version"
	    " = version + 1 WHERE id = 1", &msg) != SQLITE_OK;
	ok(refused,
	    "the auditor changes nothing (%s)", W(msg));
	free(msg);
	free(why);
}

/* Enrol mtp for u; the result, *waiting set. */
static int
enrol(struct qd_user *u, int64_t cls, const char *mtp, int *waiting)
{
	char	*why = NULL;
	int64_t	 id;
	int	 rc;

	as(u);
	rc = db_training_enrol(db, u, cls, mtp, &id, waiting, &why);
	if (rc != QD_OK)
		printf("# enrol %s: %s\n", mtp, why);
	free(why);
	return rc;
}

static void
test_quotas_and_waiting(void)
{
	char	*why = NULL, *msg = NULL, sql[256];
	int64_t	 cls, promoted;
	int	 w;

	/* 5 seats: Fuzhou 2, Xiamen 2, the common pool 1. */
	cls = make_class(5, 8, 1);
	as(ctr);
	db_training_class_step(db, ctr, cls, "publish", NULL, 0, &why);
	enrol(fz, cls, "10000001", &w);
	enrol(fz, cls, "10000002", &w);
	ok(enrol(fz, cls, "10000003", &w) == QD_OK && w == 1,
	    "Fuzhou's third waits: its quota holds before the cut-off");
	ok(enrol(qz, cls, "40000001", &w) == QD_OK && w == 0,
	    "Quanzhou (no quota) takes the common seat");
	ok(enrol(qz, cls, "40000002", &w) == QD_OK && w == 1,
	    "Quanzhou's second waits");
	ok(enrol(xm, cls, "20000001", &w) == QD_OK && w == 0,
	    "Xiamen's seats were kept for it");
	as(fz);
	is_int(db_training_enrol(db, fz, cls, "10000001", &promoted, &w, &why),
	    QD_ECONFLICT, "no person twice in one class (%s)", W(why));
	xfree(&why);
	snprintf(sql, sizeof sql, "INSERT INTO training_enrolments (class_id,"
	    " applicant_id, office_id, status) SELECT %lld, id, 1, 'enrolled'"
	    " FROM applicants WHERE mtp = '10000004'", (long long)cls);
	refused = fixture_exec(db, sql, &msg) != SQLITE_OK;
	ok(refused,
	    "raw SQL cannot take a seat past Fuzhou's quota (%s)", W(msg));
	/* Fuzhou cancels one: its own waiting person moves up. */
	as(fz);
	is_int(db_training_enrol_cancel(db, fz, 1 + (cls == 0), &promoted,
	    &why), QD_OK, "a cancellation");
	snprintf(sql, sizeof sql, "SELECT a.mtp FROM training_enrolments e"
	    " JOIN applicants a ON a.id = e.applicant_id WHERE e.id = %lld",
	    (long long)promoted);
	free(msg);
	msg = fixture_text(db, sql);
	is_str(msg, "10000003", "promotes the first waiting who may take the"
	    " seat, not Quanzhou's (Fuzhou's quota)");
	is_int(fixture_int(db, "SELECT count(*) FROM training_notices WHERE"
	    " kind = 'promoted' AND office_id = 1"), 1, "and Fuzhou is told");
	ok(enrol(fz, cls, "10000001", &w) == QD_OK && w == 1,
	    "re-booking the cancelled person: the quota is full, so waiting");
	snprintf(sql, sizeof sql, "SELECT count(*) FROM training_enrolments"
	    " WHERE class_id = %lld AND status = 'enrolled'", (long long)cls);
	is_int(fixture_int(db, sql), 4, "4 of 5 seats taken: waiting rows"
	    " count for nothing");
	xfree(&msg);
	free(why);
}

static void
test_cutoff_and_window(void)
{
	struct training_class_new c = { .title = "美容师培训班",
	    .provider_id = 2, .occupation = "4-10-03-01", .level = 4,
	    .hours = 40, .online = 1, .seats = 10 };
	char	*why = NULL;
	int64_t	 cls, id;
	int	 w;

	/* The cut-off was yesterday: quotas have returned to the pool. */
	cls = make_class(4, -1, 1);
	as(ctr);
	db_training_class_step(db, ctr, cls, "publish", NULL, 0, &why);
	ok(enrol(qz, cls, "40000003", &w) == QD_OK && w == 0 &&
	    enrol(qz, cls, "40000004", &w) == QD_OK && w == 0 &&
	    enrol(qz, cls, "40000005", &w) == QD_OK && w == 0 &&
	    enrol(qz, cls, "40000006", &w) == QD_OK && w == 0,
	    "after the cut-off Quanzhou takes all four seats");
	ok(enrol(fz, cls, "10000005", &w) == QD_OK && w == 1,
	    "and Fuzhou's quota is gone: it waits");
	/* A class whose window has not opened. */
	c.enrol_from = day(2);
	c.enrol_to = day(10);
	c.starts_on = day(15);
	c.ends_on = day(30);
	as(ctr);
	db_training_class_add(db, ctr, &c, &cls, &why);
	db_training_class_step(db, ctr, cls, "publish", NULL, 0, &why);
	as(fz);
	xfree(&why);
	is_int(db_training_enrol(db, fz, cls, "10000006", &id, &w, &why),
	    QD_EDENIED, "enrolment before the window is refused");
	ok(why != NULL && strstr(why, day(2)) != NULL && strstr(why, day(10))
	    != NULL, "with the dates in the message (%s)", W(why));
	free(why);
}

/* A child process: clerk login enrols the people from base, one by one. */
static void
child_enrol(const char *login, int64_t cls, int base, int n)
{
	struct qd_user	*u = NULL;
	sqlite3		*cdb = NULL;
	char		*why = NULL, mtp[9];
	int64_t		 id;
	int		 i, w;

	if (db_open(path, 0, &cdb, &why) != QD_OK ||
	    db_user_find(cdb, login, &u) != QD_OK)
		_exit(2);
	u->via = "test";
	db_set_actor(cdb, u);
	for (i = 0; i < n; i++) {
		snprintf(mtp, sizeof mtp, "%08d", base + i);
		db_training_enrol(cdb, u, cls, mtp, &id, &w, &why);
		xfree(&why);
	}
	db_close(cdb);
	user_free(u);
	_exit(0);
}

static void
test_concurrent(void)
{
	static const struct { const char *login; int base; } who[] = {
		{ "fz", 10000000 }, { "xm", 20000000 }, { "qz", 40000000 },
	};
	char	*why = NULL, sql[256];
	int64_t	 cls;
	size_t	 i;
	pid_t	 pid[3];
	int	 status, good = 1;

	/* 6 seats: Fuzhou 2, Xiamen 2, common 2; 30 people at once. */
	cls = make_class(6, 8, 1);
	as(ctr);
	db_training_class_step(db, ctr, cls, "publish", NULL, 0, &why);
	free(why);
	for (i = 0; i < nitems(who); i++) {
		if ((pid[i] = fork()) == 0)
			child_enrol(who[i].login, cls, who[i].base, 10);
	}
	for (i = 0; i < nitems(who); i++)
		good &= waitpid(pid[i], &status, 0) == pid[i] &&
		    WIFEXITED(status) && WEXITSTATUS(status) == 0;
	ok(good, "three clerks' processes enrolled ten people each at once");
	snprintf(sql, sizeof sql, "SELECT count(*) FROM training_enrolments"
	    " WHERE class_id = %lld AND status = 'enrolled'", (long long)cls);
	is_int(fixture_int(db, sql), 6, "exactly the 6 seats are taken");
	snprintf(sql, sizeof sql, "SELECT count(*) FROM training_enrolments"
	    " WHERE class_id = %lld AND status = 'enrolled' AND office_id = 1",
	    (long long)cls);
	is_int(fixture_int(db, sql), 2, "Fuzhou holds its quota of 2, no more");
	snprintf(sql, sizeof sql, "SELECT count(*) FROM training_enrolments"
	    " WHERE class_id = %lld AND status = 'waiting'", (long long)cls);
	is_int(fixture_int(db, sql), 24, "the 24 others wait");
}

static const char *
first_qr(void)
{
	static char	 buf[400];
	char		*s;

	s = fixture_text(db, "SELECT qr_text FROM training_certificates ORDER"
	    " BY id LIMIT 1");
	snprintf(buf, sizeof buf, "%s", s != NULL ? s : "");
	free(s);
	return buf;
}

static void
test_roster_and_certificate(void)
{
	const char roster[] = "mtp,hours,completed\n10000002,80,1\n"
	    "10000003,40,0\n";
	const char bad[] = "mtp,hours,completed\n10000002,eighty,1\n";
	struct cert_fields f;
	char	*why = NULL, *msg = NULL, text[400];
	int64_t	 cls = 2;
	int	 n;
	FILE	*pdf;

	as(ctr);
	is_int(db_training_roster_import(db, ctr, cls, roster,
	    sizeof roster - 1, CSV_UTF8, &n, &why), QD_EDENIED,
	    "the roster waits for the class to run (%s)", W(why));
	xfree(&why);
	db_training_class_step(db, ctr, cls, "start", NULL, 0, &why);
	is_int(db_training_roster_import(db, ctr, cls, bad, sizeof bad - 1,
	    CSV_UTF8, &n, &why), QD_EINVAL, "a bad row is refused (%s)", W(why));
	ok(why != NULL && strstr(why, "2") != NULL, "naming its line");
	xfree(&why);
	is_int(db_training_roster_import(db, ctr, cls, roster,
	    sizeof roster - 1, CSV_UTF8, &n, &why), QD_OK,
	    "the roster is imported (%s)", why ? why : "ok");
	is_int(n, 2, "two rows");
	xfree(&why);
	is_int(db_training_cert_issue(db, ctr, cls, NULL, &n, &why),
	    QD_ENOTFOUND, "no certificate before the class finishes");
	xfree(&why);
	db_training_class_step(db, ctr, cls, "finish", NULL, 0, &why);
	is_int(fixture_int(db, "SELECT count(*) FROM training_completions"),
	    1, "the completions view holds the one who completed");
	is_int(fixture_int(db, "SELECT count(*) FROM training_links t JOIN"
	    " training_completions k ON k.applicant = t.applicant_id AND"
	    " k.occupation = t.occupation_id JOIN training_providers p ON"
	    " p.id = k.trainer AND p.name = t.provider_name"), 1,
	    "and the exams' training links (考培分离) hold its provider");
	is_int(fixture_int(db, "SELECT sum(n) FROM report_facts WHERE"
	    " indicator = 'training.completed' AND office_id = 0"), 1,
	    "the report counts one completion");
	is_int(db_training_cert_issue(db, ctr, cls, NULL, &n, &why), QD_OK,
	    "certificates issued (%s)", why ? why : "ok");
	is_int(n, 1, "one, for the one who completed");
	msg = fixture_text(db, "SELECT number FROM training_certificates");
	ok(msg != NULL && strncmp(msg, "PX-", 3) == 0 &&
	    strcmp(msg + 7, "-000001") == 0, "numbered in its own series: %s",
	    msg);
	xfree(&msg);
	memset(&f, 0, sizeof f);
	is_int(db_cert_verify(db, aud, first_qr(), &f, NULL, &why), QD_OK,
	    "the certificate verifier accepts its QR text");
	ok(f.series == CERT_SERIES_TRAINING && f.name != NULL &&
	    strcmp(f.name, "学员10000002") == 0 && f.tw_qual != NULL &&
	    strstr(f.tw_qual, "80学时") != NULL, "and shows the signed"
	    " content: %s, %s", f.name, f.tw_qual);
	cert_fields_free(&f);
	snprintf(text, sizeof text, "%s", first_qr());
	text[30] = text[30] == 'A' ? 'B' : 'A';
	xfree(&why);
	ok(db_cert_verify(db, aud, text, &f, NULL, &why) != QD_OK,
	    "a changed character is refused (%s)", W(why));
	cert_fields_free(&f);
	xfree(&why);
	is_int(db_training_cert_issue(db, ctr, cls, NULL, &n, &why),
	    QD_ENOTFOUND, "issuing again gives nothing twice");
	as(ctr);
	refused = fixture_exec(db, "UPDATE training_certificates SET name = 'x'",
	    &msg) != SQLITE_OK;
	ok(refused, "a certificate is kept as signed (%s)", W(msg));
	xfree(&msg);
	xfree(&why);
	pdf = tmpfile();
	msg = fixture_text(db, "SELECT number FROM training_certificates");
	is_int(db_training_cert_pdf(db, ctr, &msg, 1, pdf, &why), QD_OK,
	    "its PDF is written (%s)", why ? why : "ok");
	ok(ftell(pdf) > 1000, "a real PDF of %ld bytes", ftell(pdf));
	fclose(pdf);
	free(msg);
	free(why);
}

int
main(void)
{
	setup();
	test_providers();
	test_needs();
	test_class_steps();
	test_quotas_and_waiting();
	test_cutoff_and_window();
	test_concurrent();
	test_roster_and_certificate();
	is_int(fixture_int(db, "PRAGMA foreign_key_check"), -1,
	    "no foreign key is broken");
	db_close(db);
	fixture_dir_remove(dir);
	free(dir);
	free(path);
	user_free(fz);
	user_free(xm);
	user_free(qz);
	user_free(ctr);
	user_free(aud);
	user_free(op);
	return done_testing();
}
