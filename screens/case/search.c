/*
 * Search cases by applicant name (Traditional or Simplified: 陈 finds
 * 陳), MTP number or case number, among those the user may see.
 */
#include <stdlib.h>

#include "case/case-screens.h"

#define SEARCH_PAGE	100

static int
search_load(struct ui *ui, struct ui_view *v, struct ui_rows *rows,
    const char *cursor, char **why)
{
	struct qd_case_row	*r = NULL;
	const char		*text = ui_view_value(v, "name");
	char			*next = NULL;
	size_t			 n = 0;
	int			 rc;

	if (*text == '\0')
		return QD_OK;
	rc = db_case_find(ui->db, ui->user, text, cursor, SEARCH_PAGE, &r, &n,
	    &next, why);
	if (rc != QD_OK)
		return rc;
	screen_case_page(rows, r, n, next);
	return QD_OK;
}

/* The search box takes the keys first: there is nothing to list yet. */
static int
search_start(struct ui *ui, struct ui_view *v)
{
	(void)ui;
	v->focus = 0;
	return QD_OK;
}

static enum ui_next
search_open(struct ui *ui, struct ui_view *v)
{
	screen_case_show(ui, v->rows.ids[v->sel]);
	return UI_RELOAD;
}

static const struct ui_field search_fields[] = {
	{ .label = "姓名/台胞证/案件号 Find", .type = UI_FIELD_TEXT,
	  .width = 30, .max_chars = 30, .max_bytes = 120, .column = "name" },
};

static const struct ui_action search_actions[] = {
	{ .key = UI_KEY_ENTER, .label = "打开 Open", .roles = UI_ROLES_ALL,
	  .needs_row = 1, .run = search_open },
};

static const struct ui_list search_list = {
	.columns = screen_case_columns,
	.ncolumns = SCREEN_CASE_NCOLUMNS,
	.load = search_load,
	.empty = "输入姓名、台胞证号或案件号后按回车 Type a name, an MTP number"
	    " or a case number and press Enter",
};

const struct ui_screen screen_search = {
	.name = "search",
	.title = "查询案件 Find a case",
	.table = "applicants",
	.fields = search_fields,
	.nfields = nitems(search_fields),
	.filter = 1,
	.list = &search_list,
	.actions = search_actions,
	.nactions = nitems(search_actions),
	.open = search_start,
};
