/* Offices: the nine cities and the Pingtan center. */
#include "admin/admin-screens.h"

static const struct ui_column offices_columns[] = {
	{ .title = "代码 Code", .width = 10 },
	{ .title = "名称 Name", .width = 16, .grow = 1 },
	{ .title = "英文 English", .width = 16, .grow = 1 },
	{ .title = "类别 Kind", .width = 12 },
};

static int
offices_load(struct ui *ui, struct ui_view *v, struct ui_rows *rows,
    const char *cursor, char **why)
{
	struct qd_office	*o = NULL;
	size_t			 i, n = 0;
	const char		*cells[4];
	int			 rc;

	(void)v;
	if (cursor != NULL)
		return QD_OK;
	if ((rc = db_office_list(ui->db, &o, &n)) != QD_OK) {
		*why = xstrdup(db_errmsg(ui->db));
		return rc;
	}
	for (i = 0; i < n; i++) {
		cells[0] = o[i].code;
		cells[1] = o[i].name_zh;
		cells[2] = o[i].name_en;
		cells[3] = o[i].is_center ? "中心 Center" : "城市 City";
		ui_rows_add(rows, o[i].id, o[i].code, cells);
	}
	office_free_array(o, n);
	return QD_OK;
}

/* Enter: the office's window for applicants (the case module's form). */
static enum ui_next
offices_window(struct ui *ui, struct ui_view *v)
{
	int64_t	 id = v->rows.ids[v->sel];

	ui_screen_open(ui, "window-edit", &id);
	return UI_RELOAD;
}

static const struct ui_action offices_actions[] = {
	{ .key = UI_KEY_ENTER, .label = "窗口 Window", .may = "office write",
	  .needs_row = 1, .run = offices_window },
};

static const struct ui_list offices_list = {
	.columns = offices_columns,
	.ncolumns = nitems(offices_columns),
	.load = offices_load,
	.empty = "没有办公室 No offices",
};

const struct ui_screen screen_offices = {
	.name = "offices",
	.title = "办公室 Offices",
	.table = "offices",
	.list = &offices_list,
	.actions = offices_actions,
	.nactions = nitems(offices_actions),
};
