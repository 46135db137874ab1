/*
 * A question at the window (咨询窗口): the clerk types it and the answer
 * base is searched at every key, only the rows of answers changing on
 * the screen; the clerk answers on the spot with the selected answer or
 * forwards the question to the center. Enter shows the selected answer
 * and offers to answer the question with it.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "policy/policy-screens.h"

static int
window_channels(struct ui *ui, struct ui_choice **out, size_t *n)
{
	static const char *const ch[][2] = {
		{ "window", "窗口 Window" },
		{ "phone", "电话 Phone" },
		{ "online", "网上 Online" },
	};
	size_t	 i;

	(void)ui;
	*out = screen_choices_new(nitems(ch), NULL);
	for (i = 0; i < nitems(ch); i++) {
		(*out)[i].value = xstrdup(ch[i][0]);
		(*out)[i].label = xstrdup(ch[i][1]);
	}
	*n = nitems(ch);
	return QD_OK;
}

static int
window_load(struct ui *ui, struct ui_view *v, struct ui_rows *rows,
    const char *cursor, char **why)
{
	(void)cursor;
	return screen_answer_load(ui, v, "text", rows, why);
}

static int
window_start(struct ui *ui, struct ui_view *v)
{
	(void)ui;
	v->focus = 0;
	return QD_OK;
}

/* Record the question typed; QD_OK and *id, or a message shown. */
static int
window_record(struct ui *ui, struct ui_view *v, int64_t *id)
{
	struct policy_question_new	 nq = { 0 };
	char				*why = NULL;
	int				 rc;

	nq.text = ui_view_value(v, "text");
	nq.channel = ui_view_value(v, "channel");
	if ((rc = db_policy_ask(ui->db, ui->user, &nq, id, &why)) != QD_OK)
		ui_error(ui, "%s", why != NULL ? why : screen_result_text(rc));
	free(why);
	return rc;
}

/* The question is taken: clear the box for the next one. */
static enum ui_next
window_done(struct ui *ui, struct ui_view *v, int rc, const char *why,
    const char *said, int64_t id)
{
	if (rc != QD_OK) {
		ui_error(ui, "咨询 %" PRId64 " 已登记，但 %s question %" PRId64
		    " is recorded, but: %s", id, said, id,
		    why != NULL ? why : screen_result_text(rc));
		return UI_RELOAD;
	}
	ui_view_set(v, "text", "");
	v->focus = 0;
	ui_msg(ui, "咨询 %" PRId64 " %s question %" PRId64, id, said, id);
	return UI_RELOAD;
}

/* Show the selected answer; on yes, answer the question with it. */
static enum ui_next
window_answer(struct ui *ui, struct ui_view *v)
{
	char	*why = NULL;
	int64_t	 id, aid = v->rows.ids[v->sel];
	int	 rc;

	screen_answer_show(ui, v);
	if (!role_has_office(ui->user->role) || !ui_dialog_confirm(ui, v,
	    "以此当场答复？ Answer the question with this? (y/n)"))
		return UI_STAY;
	if (*ui_view_value(v, "text") == '\0') {
		ui_error(ui, "请先输入咨询内容 Type the question first");
		return UI_STAY;
	}
	if (window_record(ui, v, &id) != QD_OK)
		return UI_STAY;
	rc = db_policy_answer_here(ui->db, ui->user, id, aid, &why);
	window_done(ui, v, rc, why, "已当场答复 answered", id);
	free(why);
	return UI_RELOAD;
}

static enum ui_next
window_forward(struct ui *ui, struct ui_view *v)
{
	char	*why = NULL;
	int64_t	 id;
	int	 rc;

	if (*ui_view_value(v, "text") == '\0') {
		ui_error(ui, "请先输入咨询内容 Type the question first");
		return UI_STAY;
	}
	if (window_record(ui, v, &id) != QD_OK)
		return UI_STAY;
	rc = db_policy_forward(ui->db, ui->user, id, &why);
	window_done(ui, v, rc, why, "已转中心 forwarded to the center", id);
	free(why);
	return UI_RELOAD;
}

static const struct ui_field window_fields[] = {
	{ .label = "咨询 Question", .type = UI_FIELD_TEXT, .width = 50,
	  .max_chars = 500, .max_bytes = 2000, .required = 1,
	  .column = "text" },
	{ .label = "渠道 Channel", .type = UI_FIELD_CHOICE, .width = 14,
	  .column = "channel", .choices = window_channels },
};

static const struct ui_action window_actions[] = {
	{ .key = UI_KEY_ENTER, .label = "答复 Answer", .roles = UI_ROLES_ALL,
	  .needs_row = 1, .run = window_answer },
	{ .key = UI_KEY_F(5), .label = "转中心 Forward",
	  .may = "policy-question record", .run = window_forward },
};

static const struct ui_list window_list = {
	.columns = screen_answer_columns,
	.ncolumns = SCREEN_ANSWER_NCOLUMNS,
	.load = window_load,
	.empty = "输入咨询内容，答复库随输入查找 Type the question: the answer"
	    " base is searched as you type",
};

const struct ui_screen screen_policy_window = {
	.name = "policy-window",
	.title = "政策咨询 Policy questions",
	.table = "policy_questions",
	.fields = window_fields,
	.nfields = nitems(window_fields),
	.filter = 1,
	.live = 1,
	.list = &window_list,
	.actions = window_actions,
	.nactions = nitems(window_actions),
	.open = window_start,
};
