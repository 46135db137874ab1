/*
 * A small hand-made data set for the report tests: six cases of two
 * offices in March and April 2025 with their times set by hand, and
 * their certificates. The figures they must give are written in the
 * tests, worked out by hand from the rows below, not by the queries.
 *
 *  case office type        created (UTC)        forwarded   decided     end
 *  c1   fuzhou adoption    2025-03-03 02:00     03-05 (2d)  03-15 (10d) collected 2025-04-02 (18d)
 *  c2   fuzhou adoption    2025-03-10 02:00     03-11 (1d)  04-10 (30d) rejected, closed
 *  c3   fuzhou adoption    2025-03-20 02:00     -           -           accepted (open)
 *  c4   fuzhou adoption    2025-03-31 20:00 (April 1 in China)          withdrawn 04-02
 *  c5   xiamen recognition 2025-03-05 02:00     03-09 (4d)  -           returned 03-12 (open)
 *  c6   xiamen adoption    2025-04-01 02:00     04-02 (1d)  04-08 (6d)  approved (open)
 *
 * Certificates: c1's issued 2025-03-15, printed 03-20, handed 04-02;
 * c6's issued 2025-04-08, revoked 04-09. Approvals are at level 4.
 */
#ifndef REPORT_FIXTURE_H
#define REPORT_FIXTURE_H

#include "qualdesk.h"
#include "cert/cert.h"
#include "../fixture.h"

static const char report_fixture_sql[] =
    "INSERT INTO occupations (id, code, name) VALUES"
    " (1, '6-18-01-01', '车工'), (2, '4-10-03-01', '美容师');"
    "INSERT INTO catalog (id, tw_qual, tw_level, occupation_id, level, mode)"
    " VALUES (1, '車床技術士', '乙級', 1, 3, 'recognition'),"
    " (2, '美容技術士', '丙級', 2, 4, 'adoption');"
    "INSERT INTO agencies (id, name, office_id) VALUES (1, '认定中心甲', 1);"
    "INSERT INTO agency_occupations VALUES (1, 1);"
    "INSERT INTO applicants (id, name, name_key, sex, birth_date, mtp,"
    " office_id) VALUES"
    " (1, '甲一', '甲一', 'M', '1980-01-01', '10000001', 1),"
    " (2, '甲二', '甲二', 'F', '1981-01-01', '10000002', 1),"
    " (3, '甲三', '甲三', 'M', '1982-01-01', '10000003', 1),"
    " (4, '甲四', '甲四', 'F', '1983-01-01', '10000004', 1),"
    " (5, '乙五', '乙五', 'M', '1984-01-01', '10000005', 2),"
    " (6, '乙六', '乙六', 'F', '1985-01-01', '10000006', 2);"
    "INSERT INTO cases (id, applicant_id, office_id, type, catalog_id,"
    " occupation_id, tw_qual, tw_cert_no, state, action, created_at,"
    " updated_at, forwarded_at, decided_at, decided_occupation_id,"
    " decided_level, reason, agency_id, agency_ref, collected_on) VALUES"
    " (1, 1, 1, 'adoption', 2, 2, '美容技術士', 'T-1', 'collected', 'x',"
    "  '2025-03-03T02:00:00Z', '2025-04-02T02:00:00Z',"
    "  '2025-03-05T02:00:00Z', '2025-03-15T02:00:00Z', 2, 4, '', NULL, '',"
    "  '2025-04-02'),"
    " (2, 2, 1, 'adoption', 2, 2, '美容技術士', 'T-2', 'closed', 'x',"
    "  '2025-03-10T02:00:00Z', '2025-04-10T02:00:00Z',"
    "  '2025-03-11T02:00:00Z', '2025-04-10T02:00:00Z', NULL, NULL,"
    "  '材料不符', NULL, '', NULL),"
    " (3, 3, 1, 'adoption', 2, 2, '美容技術士', 'T-3', 'accepted', 'x',"
    "  '2025-03-20T02:00:00Z', '2025-03-20T02:00:00Z', NULL, NULL, NULL,"
    "  NULL, '', NULL, '', NULL),"
    " (4, 4, 1, 'adoption', 2, 2, '美容技術士', 'T-4', 'withdrawn', 'x',"
    "  '2025-03-31T20:00:00Z', '2025-04-02T02:00:00Z', NULL, NULL, NULL,"
    "  NULL, '', NULL, '', NULL),"
    " (5, 5, 2, 'recognition', 1, 1, '車床技術士', 'T-5', 'returned', 'x',"
    "  '2025-03-05T02:00:00Z', '2025-03-12T02:00:00Z',"
    "  '2025-03-09T02:00:00Z', NULL, NULL, NULL, '缺照片', NULL, '', NULL),"
    " (6, 6, 2, 'adoption', 2, 2, '美容技術士', 'T-6', 'approved', 'x',"
    "  '2025-04-01T02:00:00Z', '2025-04-08T02:00:00Z',"
    "  '2025-04-02T02:00:00Z', '2025-04-08T02:00:00Z', 2, 4, '', NULL, '',"
    "  NULL);";

/* Load the data set as the system; bail out if it does not go in. */
static inline void
report_fixture_load(sqlite3 *db)
{
	char	*msg = NULL, *why = NULL;

	db_set_system_actor(db, "(test)", "test");
	if (fixture_exec(db, report_fixture_sql, &msg) != SQLITE_OK ||
	    db_cert_issue(db, 1, 0, NULL, "2025-03-15", NULL, &why) != QD_OK ||
	    db_cert_issue(db, 6, 0, NULL, "2025-04-08", NULL, &why) != QD_OK ||
	    fixture_exec(db, "UPDATE certificates SET print_count = 1,"
	    " printed_at = '2025-03-20T02:00:00Z', printed_by = 'x',"
	    " version = version + 1 WHERE case_id = 1;"
	    "UPDATE certificates SET handed_at = '2025-04-02T02:00:00Z',"
	    " version = version + 1 WHERE case_id = 1;"
	    "UPDATE certificates SET revoked_at = '2025-04-09T02:00:00Z',"
	    " revoked_by = 'x', revoke_reason = '录入错误',"
	    " version = version + 1 WHERE case_id = 6;", &msg) != SQLITE_OK) {
		printf("Bail out! the data set: %s %s\n", msg ? msg : "",
		    why ? why : "");
		exit(1);
	}
	free(msg);
}

#endif
