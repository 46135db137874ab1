/*
 * The audit log, newest first; PgDn past the end loads older rows. The
 * fields above narrow it by who, which record (a table, or table:id),
 * which action and which day; Enter in a field applies them.
 */
#include <stdlib.h>
#include <string.h>

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
/*
 * The filter the fields say, into f (tbl points into buf). QD_EINVAL with
 * *why for a record or a day that is not one.
 */
static int
audit_filter(const struct ui_view *v, struct qd_audit_filter *f,
    char *tbl, size_t len, char *day, char **why)
{
	const char	*record = ui_view_value(v, "tbl"), *typed;
	char		*colon, *end, *dwhy = NULL;

	memset(f, 0, sizeof f[0]);
	f->actor = ui_view_value(v, "actor");
	f->action = ui_view_value(v, "action");
	snprintf(tbl, len, "%s", record);
	if ((colon = strchr(tbl, ':')) != NULL) {
		*colon++ = '\0';
		f->record = strtoll(colon, &end, 10);
		if (*colon == '\0' || *end != '\0' || f->record <= 0) {
			why_set(why, "记录写成 表 或 表:编号，如 cases:12  Write "
			    "the record as a table or table:id, such as cases:12");
			return QD_EINVAL;
		}
	}
	f->tbl = tbl;
	typed = ui_view_value(v, "at");
	if (*typed != '\0') {
		if (idcheck_date(typed, day, &dwhy) != QD_OK) {
			free(dwhy);
			why_set(why, "日期请写成年-月-日，如 2026-11-22  Write the "
			    "day as YYYY-MM-DD, such as 2026-11-22");
			return QD_EINVAL;
		}
		f->day = day;
	}
	return QD_OK;
}

static int
audit_load(struct ui *ui, struct ui_view *v, struct ui_rows *rows,
    const char *cursor, char **why)
{
	struct qd_audit_filter	 f;
	struct qd_audit		*a = NULL;
	size_t			 i, n = 0;
	const char		*cells[6];
	char			 id[24], at[32], tbl[64], day[11];
	char			*record, *detail, *end;
	long long		 before = 0;
	int			 rc;

	if (cursor != NULL) {
		before = strtoll(cursor, &end, 10);
		if (*end != '\0' || before <= 0)
			return QD_OK;
	}
	if ((rc = audit_filter(v, &f, tbl, sizeof tbl, day, why)) != QD_OK)
		return rc;
	rc = db_audit_find(ui->db, ui->user, &f, before, AUDIT_PAGE, &a, &n,
	    why);
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

static const struct ui_field audit_fields[] = {
	{ .label = "操作人 By", .type = UI_FIELD_TEXT, .width = 24,
	  .max_chars = 64, .max_bytes = 64, .column = "actor" },
	{ .label = "记录 Record", .type = UI_FIELD_TEXT, .width = 24,
	  .max_chars = 60, .max_bytes = 60, .column = "tbl" },
	{ .label = "操作 Action", .type = UI_FIELD_TEXT, .width = 24,
	  .max_chars = 32, .max_bytes = 32, .column = "action" },
	{ .label = "日期 Day", .type = UI_FIELD_TEXT, .width = 24,
	  .max_chars = 10, .max_bytes = 10, .column = "at" },
};

static const struct ui_list audit_list = {
	.columns = audit_columns,
	.ncolumns = nitems(audit_columns),
	.load = audit_load,
	.empty = "没有记录 No entries",
};

const struct ui_screen screen_audit = {
	.name = "audit",
	.title = "审计日志 Audit log  (Tab 筛选 filters, Enter 应用 applies)",
	.table = "audit",
	.fields = audit_fields,
	.nfields = nitems(audit_fields),
	.filter = 1,
	.list = &audit_list,
	.actions = audit_actions,
	.nactions = nitems(audit_actions),
};
