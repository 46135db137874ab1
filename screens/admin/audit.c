/* The audit log, newest first; PgDn past the end loads older rows. */
#include <stdlib.h>

#include "admin/admin-screens.h"

#define AUDIT_PAGE	100

static const struct ui_column audit_columns[] = {
	{ .title = "编号 No.", .width = 8 },
	{ .title = "时间 Time", .width = 19 },
	{ .title = "操作人 By", .width = 10 },
	{ .title = "操作 Action", .width = 11 },
	{ .title = "记录 Record", .width = 11 },
	{ .title = "内容 Detail", .width = 11, .grow = 1 },
};

/*
 * A page of entries older than the cursor, newest first. The cursor is
 * the last id shown, in decimal.
 */
static int
audit_load(struct ui *ui, struct ui_view *v, struct ui_rows *rows,
    const char *cursor, char **why)
{
	struct qd_audit	*a = NULL;
	size_t		 i, n = 0;
	const char	*cells[6];
	char		 id[24], at[32], *record, *detail, *end;
	long long	 before = 0;
	int		 rc;

	(void)v;
	if (cursor != NULL) {
		before = strtoll(cursor, &end, 10);
		if (*end != '\0' || before <= 0)
			return QD_OK;
	}
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
	if (rows->more) {
		snprintf(id, sizeof id, "%lld", (long long)a[n - 1].id);
		ui_rows_set_cursor(rows, id);
	}
	audit_free_array(a, n);
	return QD_OK;
}

/* The whole entry of the selected row, before and after in full. */
static enum ui_next
audit_detail(struct ui *ui, struct ui_view *v)
{
	struct qd_audit	*a = NULL;
	size_t		 n = 0;
	char		*why = NULL, *text, at[32];
	int64_t		 id = v->rows.ids[v->sel];

	if (db_audit_list(ui->db, ui->user, id + 1, 1, &a, &n, &why) != QD_OK ||
	    n != 1 || a[0].id != id) {
		ui_error(ui, "%s", why != NULL ? why : "找不到该记录 Entry not found");
		goto out;
	}
	xasprintf(&text, "编号 No.: %lld\n时间 Time: %s\n操作人 By: %s\n"
	    "方式 Via: %s\n操作 Action: %s\n记录 Record: %s %lld\n"
	    "之前 Before: %s\n之后 After: %s", (long long)a[0].id,
	    ui_time(a[0].at, at, sizeof at), a[0].actor,
	    a[0].via != NULL ? a[0].via : "", a[0].action,
	    a[0].tbl != NULL ? a[0].tbl : "", (long long)a[0].record,
	    a[0].before != NULL ? a[0].before : "",
	    a[0].after != NULL ? a[0].after : "");
	ui_dialog_show(ui, v, "审计记录 Audit entry", text);
	free(text);
out:
	free(why);
	audit_free_array(a, n);
	return UI_STAY;
}

static const struct ui_action audit_actions[] = {
	{ .key = UI_KEY_ENTER, .label = "详情 Detail",
	  .may = "audit read", .needs_row = 1,
	  .run = audit_detail },
};

static const struct ui_list audit_list = {
	.columns = audit_columns,
	.ncolumns = nitems(audit_columns),
	.load = audit_load,
	.empty = "没有记录 No entries",
};

const struct ui_screen screen_audit = {
	.name = "audit",
	.title = "审计日志 Audit log",
	.table = "audit",
	.list = &audit_list,
	.actions = audit_actions,
	.nactions = nitems(audit_actions),
};
