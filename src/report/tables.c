/*
 * The report module's audited tables in 009-report.sql: their audit
 * summaries and plain guards (schema.c makes the triggers). Closing a
 * month (complete, ended) and whose preferences are whose are SQL in the
 * migration; each table's triggers are made where the hand-written ones
 * they replace were, so they fire where those did.
 */
#include "report/report.h"

#define REPORT_CLOSED_MONTH	"已结账月份的数据不可更改 a closed month's " \
	"figures cannot be changed"
#define REPORT_CLOSED	"已结账的月份不可更改 a closed month cannot be changed"

const struct schema_table report_tables[] = {
	/* A closed month is audited by its number, 202501. */
	{ .table = "report_months",
	  .record = "CAST(replace(@month, '-', '') AS INTEGER)",
	  .audit = "month, kid, rows, digest", .audit_on = SCHEMA_ON_INSERT,
	  .action_insert = "'close'",
	  .may = "report close", .may_on = SCHEMA_ON_INSERT,
	  .refusal = "只有中心可以结账 only the center closes a month",
	  .no_update = REPORT_CLOSED, .no_delete = REPORT_CLOSED },
	/* Its rows come with the month, and are not audited one by one. */
	{ .table = "report_snapshot", .after = "report_snapshot_write",
	  .no_update = REPORT_CLOSED_MONTH, .no_delete = REPORT_CLOSED_MONTH },
	{ .table = "report_prefs", .after = "report_prefs_change",
	  .record = "user_id",
	  .audit = "indicator, from = from_month, to = to_month, split,"
	    " office = office_id, ascii",
	  .audit_on = SCHEMA_ON_INSERT | SCHEMA_ON_UPDATE },
	{ .table = NULL }
};
