/*
 * The case module's figures for the reports: what the offices received
 * and forwarded and what the center decided, the days each stage took
 * (intake to forward, forward to decision, decision to collection), and
 * the backlog by age. The counts are kept by schema/009-report.sql's
 * triggers on cases; the backlog reads report_open.
 */
#include <stdlib.h>
#include <string.h>

#include "case/case.h"

#define CASE_SPLIT_COUNT (REPORT_BY_OFFICE | REPORT_BY_MONTH | \
	REPORT_BY_OCCUPATION | REPORT_BY_TYPE)
#define CASE_SPLIT_DECIDED (CASE_SPLIT_COUNT | REPORT_BY_LEVEL)
#define CASE_SPLIT_DAYS (REPORT_BY_OFFICE | REPORT_BY_MONTH | REPORT_BY_TYPE)

/* The age bands of the backlog, in days since intake. */
static const struct {
	int		 upto;		/* the band's last day; -1: no end */
	const char	*key;
	const char	*title;
} case_bands[] = {
	{ 7, "d0_7", "0-7天" },
	{ 30, "d8_30", "8-30天" },
	{ 90, "d31_90", "31-90天" },
	{ 180, "d91_180", "91-180天" },
	{ -1, "d181", ">180天" },
};
#define CASE_NBANDS	(nitems(case_bands))

/* The band of an age in days. */
static size_t
case_band_of(long long age)
{
	size_t	 i;

	for (i = 0; i + 1 < CASE_NBANDS; i++) {
		if (age <= case_bands[i].upto)
			return i;
	}
	return CASE_NBANDS - 1;
}

/* The row of office in t, made when missing (kind ITEM unless 0). */
static struct report_row *
case_backlog_row(struct report_table *t, int64_t office, int by_office,
    int64_t scope)
{
	enum report_row_kind	 kind;
	char			 key[24];
	size_t			 i;

	if (office == 0)
		kind = scope == 0 ? REPORT_ROW_TOTAL : REPORT_ROW_PROVINCE;
	else if (by_office)
		kind = REPORT_ROW_ITEM;
	else
		kind = REPORT_ROW_TOTAL;
	snprintf(key, sizeof key, "%lld", (long long)office);
	if (kind != REPORT_ROW_ITEM)
		snprintf(key, sizeof key, "%s", kind == REPORT_ROW_TOTAL ?
		    "total" : "province");
	for (i = 0; i < t->n; i++) {
		if (t->rows[i].kind == kind && strcmp(t->rows[i].key, key) == 0)
			return &t->rows[i];
	}
	return report_table_row(t, key, NULL, kind);
}

/*
 * Open cases by age band now, or, for a closed month, as the snapshot
 * froze them (aged at the month's last day). Rows by office when split
 * by office; the scope's total; the province beside one office.
 */
static int
case_backlog(sqlite3 *db, const struct qd_user *actor,
    const struct report_query *q, struct report_table *t, char **why)
{
	sqlite3_stmt		*st;
	struct report_row	*r;
	int64_t			 office;
	size_t			 i;
	int			 step, by_office = q->by == REPORT_BY_OFFICE;

	(void)actor;
	t->ncols = CASE_NBANDS + 1;
	for (i = 0; i < CASE_NBANDS; i++) {
		t->col_keys[i] = case_bands[i].key;
		t->col_titles[i] = case_bands[i].title;
	}
	t->col_keys[i] = "n";
	t->col_titles[i] = "合计 All";
	/* Office 0 is the province; ?1 the scope (0: all), ?2 the month. */
	if (db_prepare(db, "SELECT office_id, days, sum(n) FROM report_visible"
	    " WHERE indicator = 'cases.backlog' AND month = ?2"
	    " AND EXISTS (SELECT 1 FROM report_months WHERE month = ?2)"
	    " AND (office_id = ?1 OR office_id = 0 OR (?1 = 0 AND ?3))"
	    " GROUP BY 1, 2"
	    " UNION ALL SELECT office_id, CAST(julianday(date('now',"
	    " '+8 hours')) - julianday(day) AS INTEGER), sum(n)"
	    " FROM report_open_visible WHERE n > 0"
	    " AND NOT EXISTS (SELECT 1 FROM report_months WHERE month = ?2)"
	    " AND (office_id = ?1 OR office_id = 0 OR (?1 = 0 AND ?3))"
	    " GROUP BY 1, 2", &st) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int64(st, 1, q->office_id);
	sqlite3_bind_text(st, 2, q->to, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, by_office);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		office = sqlite3_column_int64(st, 0);
		r = case_backlog_row(t, office, by_office, q->office_id);
		i = case_band_of(sqlite3_column_int64(st, 1));
		r->v[i] += (double)sqlite3_column_int64(st, 2);
		r->v[CASE_NBANDS] += (double)sqlite3_column_int64(st, 2);
	}
	sqlite3_finalize(st);
	if (step != SQLITE_DONE)
		return db_fail(db, why);
	/* Every row there is, even with nothing open in it. */
	if (q->office_id != 0)
		case_backlog_row(t, q->office_id, by_office, q->office_id);
	case_backlog_row(t, 0, by_office, q->office_id);
	return QD_OK;
}

const struct report_indicator case_indicators[] = {
	{ "cases.received", "受理件数", "Cases received", REPORT_COUNT,
	  CASE_SPLIT_COUNT, NULL },
	{ "cases.forwarded", "报送件数", "Cases forwarded", REPORT_COUNT,
	  CASE_SPLIT_COUNT, NULL },
	{ "cases.approved", "审核通过", "Cases approved", REPORT_COUNT,
	  CASE_SPLIT_DECIDED, NULL },
	{ "cases.rejected", "不予通过", "Cases rejected", REPORT_COUNT,
	  CASE_SPLIT_COUNT, NULL },
	{ "cases.returned", "退回补正", "Cases returned", REPORT_COUNT,
	  CASE_SPLIT_COUNT, NULL },
	{ "cases.withdrawn", "撤回件数", "Cases withdrawn", REPORT_COUNT,
	  CASE_SPLIT_COUNT, NULL },
	{ "cases.collected", "领证件数", "Cases collected", REPORT_COUNT,
	  CASE_SPLIT_DECIDED, NULL },
	{ "cases.intake_forward", "受理至报送天数", "Days intake to forward",
	  REPORT_DAYS, CASE_SPLIT_DAYS, NULL },
	{ "cases.forward_decision", "报送至审核天数",
	  "Days forward to decision", REPORT_DAYS, CASE_SPLIT_DAYS, NULL },
	{ "cases.decision_collection", "审核至领证天数",
	  "Days decision to collection", REPORT_DAYS, CASE_SPLIT_DAYS, NULL },
	{ "cases.backlog", "积压案件（按时长）", "Backlog by age",
	  REPORT_COMPUTE, REPORT_BY_OFFICE, case_backlog },
	{ NULL, NULL, NULL, REPORT_COUNT, 0, NULL }
};
