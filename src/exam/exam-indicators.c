/*
 * The exam module's figures for the reports: demand reported to the
 * center, people examined and passes, counted by schema/014-joins.sql's
 * triggers on exam_demands and exam_results, and the pass rate computed
 * from the two.
 */
#include <string.h>

#include "exam/exam.h"

#define EXAM_SPLIT (REPORT_BY_OFFICE | REPORT_BY_MONTH | \
	REPORT_BY_OCCUPATION | REPORT_BY_LEVEL)

/* The row of office in t, made when missing (see case_backlog_row). */
static struct report_row *
exam_rate_row(struct report_table *t, int64_t office, int by_office,
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
 * People examined, passes and the pass rate in percent over the period:
 * rows by office when split by office, the scope's total, and the
 * province beside one office.
 */
static int
exam_pass_rate(sqlite3 *db, const struct qd_user *actor,
    const struct report_query *q, struct report_table *t, char **why)
{
	sqlite3_stmt		*st;
	struct report_row	*r;
	size_t			 i;
	int			 step, by_office = q->by == REPORT_BY_OFFICE;

	(void)actor;
	t->ncols = 3;
	t->col_keys[0] = "sat";
	t->col_titles[0] = "参考人数 Examined";
	t->col_keys[1] = "passed";
	t->col_titles[1] = "合格人数 Passed";
	t->col_keys[2] = "rate";
	t->col_titles[2] = "合格率% Pass rate %";
	/* Office 0 is the province; ?1 the scope (0: all). */
	if (db_prepare(db, "SELECT office_id, sum(CASE indicator WHEN"
	    " 'exam.sat' THEN n ELSE 0 END), sum(CASE indicator WHEN"
	    " 'exam.passed' THEN n ELSE 0 END) FROM report_visible"
	    " WHERE indicator IN ('exam.sat', 'exam.passed')"
	    " AND month BETWEEN ?2 AND ?3"
	    " AND (office_id = ?1 OR office_id = 0 OR (?1 = 0 AND ?4))"
	    " GROUP BY 1", &st) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int64(st, 1, q->office_id);
	sqlite3_bind_text(st, 2, q->from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, q->to, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 4, by_office);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		r = exam_rate_row(t, sqlite3_column_int64(st, 0), by_office,
		    q->office_id);
		r->v[0] += (double)sqlite3_column_int64(st, 1);
		r->v[1] += (double)sqlite3_column_int64(st, 2);
	}
	sqlite3_finalize(st);
	if (step != SQLITE_DONE)
		return db_fail(db, why);
	if (q->office_id != 0)
		exam_rate_row(t, q->office_id, by_office, q->office_id);
	exam_rate_row(t, 0, by_office, q->office_id);
	for (i = 0; i < t->n; i++) {
		r = &t->rows[i];
		r->v[2] = r->v[0] > 0 ? (double)(long long)(1000.0 * r->v[1] /
		    r->v[0] + 0.5) / 10.0 : 0;
	}
	return QD_OK;
}

const struct report_indicator exam_indicators[] = {
	{ "exam.demand", "考试需求（报送）", "Exam demand reported",
	  REPORT_COUNT, EXAM_SPLIT, NULL },
	{ "exam.sat", "参考人次", "People examined", REPORT_COUNT, EXAM_SPLIT,
	  NULL },
	{ "exam.passed", "合格人次", "Exam passes", REPORT_COUNT, EXAM_SPLIT,
	  NULL },
	{ "exam.pass_rate", "考试合格率", "Exam pass rate", REPORT_COMPUTE,
	  REPORT_BY_OFFICE, exam_pass_rate },
	{ NULL, NULL, NULL, REPORT_COUNT, 0, NULL }
};
