/*
 * The answer base (答复库), searched as you type; answers needing review
 * (document replaced, past their day) say so in their row.
 */
#include "policy/policy-screens.h"

static int
base_load(struct ui *ui, struct ui_view *v, struct ui_rows *rows,
    const char *cursor, char **why)
{
	(void)cursor;
	return screen_answer_load(ui, v, "body", rows, why);
}

static int
base_start(struct ui *ui, struct ui_view *v)
{
	(void)ui;
	v->focus = 0;
	return QD_OK;
}

static const struct ui_field base_fields[] = {
	{ .label = "查找 Find", .type = UI_FIELD_TEXT, .width = 40,
	  .max_chars = 100, .max_bytes = 400, .column = "body" },
};

static const struct ui_action base_actions[] = {
	{ .key = UI_KEY_ENTER, .label = "查看 View", .roles = UI_ROLES_ALL,
	  .needs_row = 1, .run = screen_answer_show },
};

static const struct ui_list base_list = {
	.columns = screen_answer_columns,
	.ncolumns = SCREEN_ANSWER_NCOLUMNS,
	.load = base_load,
	.empty = "输入字词查找答复 Type words to find answers",
};

const struct ui_screen screen_policy_base = {
	.name = "policy-base",
	.title = "答复库 Answer base",
	.table = "policy_answers",
	.fields = base_fields,
	.nfields = nitems(base_fields),
	.filter = 1,
	.live = 1,
	.list = &base_list,
	.actions = base_actions,
	.nactions = nitems(base_actions),
	.open = base_start,
};
