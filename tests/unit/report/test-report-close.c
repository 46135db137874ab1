/*
 * Closing a month: only the center, only a month that has ended, once;
 * its figures frozen (a case back-dated into it later changes nothing),
 * the snapshot signed with the center's key and checked again, refused by
 * the schema if touched; the monthly PDF of a closed month the same byte
 * for byte; the CSV and xlsx writers.
 */
#include <stdlib.h>
#include <string.h>

#include "qualdesk.h"
#include "report/report.h"
#include "../tap.h"
#include "report-fixture.h"

static char		*dir;
static sqlite3		*db;
static struct qd_user	*op, *fz, *center;

static double
received(const char *month)
{
	struct report_query	 q;
	struct report_table	*t = NULL;
	char			*why = NULL;
	double			 v = -1;
	size_t			 i;

	db_set_actor(db, center);
	report_query_set(&q, NULL, NULL, month, NULL, &why);
	if (report_compute(db, center, report_indicator_find("cases.received"),
	    &q, &t, &why) == QD_OK) {
		for (i = 0; i < t->n; i++)
			if (t->rows[i].kind == REPORT_ROW_TOTAL)
				v = t->rows[i].v[0];
	}
	report_table_free(t);
	free(why);
	return v;
}

static void
test_close(void)
{
	struct report_seal	 s;
	char			*why = NULL, *msg = NULL, now[8];
	int			 rc;

	db_set_actor(db, fz);
	is_int(db_report_close(db, fz, "2025-03", &s, &why), QD_EDENIED,
	    "an office cannot close a month (%s)", why ? why : "");
	rc = fixture_exec(db, "INSERT INTO report_months (month, closed_by,"
	    " kid, rows, digest, signature) VALUES ('2025-03', 'fz', 1, 0,"
	    " printf('%064d', 0), printf('%0128d', 0))", &msg);
	ok(rc != SQLITE_OK, "nor in raw SQL (%s)", msg ? msg : "");
	db_set_actor(db, center);
	report_month_now(now);
	is_int(db_report_close(db, center, now, &s, &why), QD_EINVAL,
	    "the current month cannot be closed (%s)", why ? why : "");
	is_int(received("2025-03"), 4, "March: 4 received");
	is_int(db_report_close(db, center, "2025-03", &s, &why), QD_OK,
	    "the center closes March (%s)", why ? why : "ok");
	ok(s.rows > 0 && strlen(s.digest) == 64, "%lld rows, sha256 %s",
	    s.rows, s.digest);
	report_seal_free(&s);
	is_int(db_report_close(db, center, "2025-03", &s, &why), QD_ECONFLICT,
	    "closing it again is refused (%s)", why ? why : "");
	is_int(fixture_int(db, "SELECT count(*) FROM audit WHERE action ="
	    " 'close' AND tbl = 'report_months'"), 1, "the closing is audited");
	is_int(db_report_seal(db, "2025-03", &s, &why), QD_OK,
	    "its signature verifies (%s)", why ? why : "ok");
	report_seal_free(&s);
	is_int(db_report_seal(db, "2025-04", &s, &why), QD_ENOTFOUND,
	    "April is not closed");
	report_seal_free(&s);
	free(why);
	free(msg);
}

static void
test_frozen(void)
{
	struct report_seal	 s;
	char			*msg = NULL, *why = NULL;
	int			 rc;

	/* A case back-dated into March and one into April. */
	db_set_system_actor(db, "(test)", "test");
	rc = fixture_exec(db, "INSERT INTO applicants (id, name, name_key, sex,"
	    " birth_date, mtp, office_id) VALUES (9, '丁九', '丁九', 'M',"
	    " '1990-01-01', '10000009', 1);"
	    "INSERT INTO cases (applicant_id, office_id, type, catalog_id,"
	    " occupation_id, tw_qual, tw_cert_no, state, created_at) VALUES"
	    " (9, 1, 'adoption', 2, 2, 'x', 'T-9', 'accepted',"
	    " '2025-03-25T02:00:00Z'), (9, 1, 'adoption', 2, 2, 'x', 'T-10',"
	    " 'accepted', '2025-04-25T02:00:00Z')", &msg);
	ok(rc == SQLITE_OK, "two cases are back-dated (%s)", msg ? msg : "ok");
	is_int(received("2025-03"), 4, "closed March still says 4");
	is_int(received("2025-04"), 3, "open April follows: 3");
	rc = fixture_exec(db, "UPDATE report_snapshot SET n = n + 1", &msg);
	ok(rc != SQLITE_OK, "the snapshot cannot be changed (%s)",
	    msg ? msg : "");
	rc = fixture_exec(db, "DELETE FROM report_months", &msg);
	ok(rc != SQLITE_OK, "nor the closing removed (%s)", msg ? msg : "");
	/* Someone with another tool drops the guard and edits a figure. */
	fixture_exec(db, "DROP TRIGGER report_snapshot_change;"
	    "UPDATE report_snapshot SET n = n + 1 WHERE rowid IN (SELECT"
	    " rowid FROM report_snapshot LIMIT 1)", &msg);
	fixture_exec(db, "UPDATE report_snapshot SET n = n + 1 WHERE"
	    " indicator = 'cases.received' AND office_id = 0", &msg);
	is_int(db_report_seal(db, "2025-03", &s, &why), QD_EDENIED,
	    "an edited snapshot fails its check (%s)", why ? why : "");
	report_seal_free(&s);
	fixture_exec(db, "UPDATE report_snapshot SET n = n - 1 WHERE"
	    " indicator = 'cases.received' AND office_id = 0", &msg);
	is_int(db_report_seal(db, "2025-03", &s, &why), QD_OK,
	    "put back, it verifies again");
	report_seal_free(&s);
	free(msg);
	free(why);
}

/* The monthly PDF into memory. */
static char *
pdf_of(const char *month, const char *created, size_t *len)
{
	char	*buf = NULL, *why = NULL;
	FILE	*f = open_memstream(&buf, len);
	int	 rc;

	db_set_actor(db, center);
	rc = report_pdf_write(db, center, month, created, f, &why);
	fclose(f);
	if (rc != QD_OK) {
		printf("# pdf: %s\n", why);
		free(buf);
		buf = NULL;
	}
	free(why);
	return buf;
}

static void
test_pdf(void)
{
	char	*a, *b;
	size_t	 la = 0, lb = 0;

	a = pdf_of("2025-03", "2026-01-05 10:00", &la);
	b = pdf_of("2025-03", "2026-01-05 10:00", &lb);
	ok(a != NULL && la > 1000 && memcmp(a, "%PDF", 4) == 0,
	    "the March report is a PDF (%zu bytes)", la);
	ok(a != NULL && b != NULL && la == lb && memcmp(a, b, la) == 0,
	    "made twice, the closed month's report is the same byte for byte");
	free(a);
	free(b);
}

static void
test_exports(void)
{
	const struct report_indicator	*ind;
	struct report_query		 q;
	struct report_table		*t = NULL;
	char				*buf = NULL, *why = NULL;
	size_t				 len = 0;
	FILE				*f;

	ind = report_indicator_find("cases.received");
	report_query_set(&q, "2025-01", "2025-12", NULL, "office", &why);
	db_set_actor(db, center);
	report_compute(db, center, ind, &q, &t, &why);
	f = open_memstream(&buf, &len);
	is_int(report_csv_write(f, t, CSV_UTF8, &why), QD_OK, "CSV in UTF-8");
	fclose(f);
	ok(len > 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0,
	    "begins with the BOM Excel wants");
	ok(strstr(buf, "office,label,n,row\r\n") != NULL, "a header of keys");
	ok(strstr(buf, "1,福州市 Fuzhou,5,item\r\n") != NULL,
	    "Fuzhou's row: 4 of the data set and the back-dated April case");
	free(buf);
	buf = NULL;
	f = open_memstream(&buf, &len);
	is_int(report_csv_write(f, t, CSV_GB18030, &why), QD_OK,
	    "CSV in GB18030");
	fclose(f);
	ok(strstr(buf, "\xb8\xa3\xd6\xdd") != NULL, "福州 in GB18030 bytes");
	free(buf);
	buf = NULL;
	f = open_memstream(&buf, &len);
	is_int(report_xlsx_write(f, &t, 1, &why), QD_OK, "a workbook");
	fclose(f);
	ok(len > 100 && memcmp(buf, "PK", 2) == 0, "a zip, as xlsx is");
	free(buf);
	report_table_free(t);
	free(why);
}

int
main(void)
{
	dir = fixture_dir("report-close");
	db = fixture_db(dir, "r.db");
	op = user_local_operator();
	fz = fixture_user(db, op, "fz", ROLE_CLERK, "fuzhou");
	center = fixture_user(db, op, "cen", ROLE_CENTER, NULL);
	report_fixture_load(db);
	test_close();
	test_frozen();
	test_pdf();
	test_exports();
	user_free(fz);
	user_free(center);
	db_close(db);
	namekey_close();
	fixture_dir_remove(dir);
	free(dir);
	return done_testing();
}
