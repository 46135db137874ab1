/* The audit log, newest first; PgDn past the end loads older rows. */
#include <stdlib.h>

#include "qualdesk.h"

#define AUDIT_PAGE	100

static const struct ui_column audit_columns[] = {
	{ .title = "编号 No.", .width = 8 },
	{ .title = "时间 Time", .width = 19 },
	{ .title = "操作人 By", .width = 10 },
	{ .title = "操作 Action", .width = 11 },
	{ .title = "记录 Record", .width = 11 },
	{ .title = "内容 Detail", .width = 11, .grow = 1 },
};

static int
audit_load(struct ui *ui, struct ui_rows *rows, int64_t before, char **why)
{
	struct qd_audit	*a = NULL;
	size_t		 i, n = 0;
	const char	*cells[6];
	char		 id[24], at[32], *record, *detail;
	int		 rc;

	rc = db_audit_list(ui->db, ui->user, before, AUDIT_PAGE, &a, &n, why);
	if (rc != QD_OK)
		return rc;
	for (i = 0; i < n; i++) {
		snprintf(id, sizeof id, "%lld", (long long)a[i].id);
		if (a[i].tbl != NULL && a[i].record != 0)
			xasprintf(&record, "%s:%lld", a[i].tbl,
			    (long long)a[i].record);
		else
			record = xstrdup(a[i].tbl != NULL ? a[i].tbl : "");
		xasprintf(&detail, "%s%s%s", a[i].before != NULL ?
		    a[i].before : "", a[i].before != NULL &&
		    a[i].after != NULL ? " -> " : "", a[i].after != NULL ?
		    a[i].after : "");
		cells[0] = id;
		cells[1] = ui_time(a[i].at, at, sizeof at);
		cells[2] = a[i].actor;
		cells[3] = a[i].action;
		cells[4] = record;
		cells[5] = detail;
		ui_rows_add(rows, a[i].id, id, cells);
		free(record);
		free(detail);
	}
	rows->more = n == AUDIT_PAGE;
	audit_free_array(a, n);
	return QD_OK;
}

static const struct ui_list audit_list = {
	.columns = audit_columns,
	.ncolumns = sizeof audit_columns / sizeof audit_columns[0],
	.load = audit_load,
	.empty = "没有记录 No entries",
};

const struct ui_screen screen_audit = {
	.name = "audit",
	.title = "审计日志 Audit log",
	.table = "audit",
	.list = &audit_list,
};
