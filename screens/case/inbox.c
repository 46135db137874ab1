/*
 * The office's inbox (审核结果): cases the center decided, to print,
 * notify the applicant about and hand over; newest first.
 */
#include "case/case-screens.h"

static const struct qd_case_filter inbox_filter = {
	.queue = CASE_QUEUE_INBOX
};

static int
inbox_load(struct ui *ui, struct ui_view *v, struct ui_rows *rows,
    const char *cursor, char **why)
{
	return screen_queue_load(ui, v, &inbox_filter, rows, cursor, why);
}

static enum ui_next
inbox_open(struct ui *ui, struct ui_view *v)
{
	screen_case_show(ui, v->rows.ids[v->sel]);
	return UI_RELOAD;
}

static const struct ui_action inbox_actions[] = {
	{ .key = UI_KEY_ENTER, .label = "打开 Open", .roles = UI_ROLES_ALL,
	  .needs_row = 1, .run = inbox_open },
};

static const struct ui_list inbox_list = {
	.columns = screen_case_columns,
	.ncolumns = SCREEN_CASE_NCOLUMNS,
	.load = inbox_load,
	.summary = screen_queue_summary,
	.empty = "没有新的审核结果 No results waiting",
};

const struct ui_screen screen_inbox = {
	.name = "inbox",
	.title = "审核结果 Inbox",
	.list = &inbox_list,
	.actions = inbox_actions,
	.nactions = nitems(inbox_actions),
	.close = screen_queue_close,
};
