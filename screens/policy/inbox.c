/*
 * The city's inbox of the center's replies (咨询答复), unread first, with
 * the notice to the person waiting in the outbox until the clerk says
 * they were told.
 */
#include <inttypes.h>
#include <stdlib.h>

#include "policy/policy-screens.h"

static const struct ui_column inbox_columns[] = {
	{ "咨询 Question", 24, 1 },
	{ "答复 Reply", 24, 1 },
	{ "收件 Inbox", 10, 0 },
	{ "通知 Notice", 11, 0 },
};

static const int inbox_pick[] = {
	POLICY_Q_TEXT, POLICY_Q_REPLY, POLICY_Q_INBOX, POLICY_Q_NOTICE,
};

static int
inbox_load(struct ui *ui, struct ui_view *v, struct ui_rows *rows,
    const char *cursor, char **why)
{
	struct db_rows	 r = { 0 };
	size_t		 i;
	int		 rc;

	(void)v;
	(void)cursor;
	rc = db_policy_question_list(ui->db, ui->user, "inbox", 500, &r, why);
	/* A reply given as an answer of the base shows that answer's title. */
	for (i = 0; rc == QD_OK && i < r.n; i++) {
		if (*db_rows_cell(&r, i, POLICY_Q_REPLY) != '\0')
			continue;
		free(r.cells[i * r.ncols + POLICY_Q_REPLY]);
		r.cells[i * r.ncols + POLICY_Q_REPLY] =
		    xstrdup(db_rows_cell(&r, i, POLICY_Q_ANSWER));
	}
	if (rc == QD_OK)
		screen_db_rows(rows, &r, inbox_pick, nitems(inbox_pick));
	db_rows_free(&r);
	return rc;
}

static enum ui_next
inbox_open(struct ui *ui, struct ui_view *v)
{
	const char	*q = v->rows.cells[v->sel * v->rows.ncols];
	const char	*a = v->rows.cells[v->sel * v->rows.ncols + 1];
	char		*text, *why = NULL;

	if (db_policy_inbox_read(ui->db, ui->user, v->rows.ids[v->sel],
	    &why) != QD_OK)
		ui_error(ui, "%s", why != NULL ? why : "?");
	xasprintf(&text, "%s\n\n中心答复 The center's reply:\n%s", q, a);
	ui_dialog_show(ui, v, "咨询答复 Reply", text);
	free(text);
	free(why);
	return UI_RELOAD;
}

static enum ui_next
inbox_notify(struct ui *ui, struct ui_view *v)
{
	char	*why = NULL;
	int64_t	 qid = v->rows.ids[v->sel];

	if (db_policy_notify(ui->db, ui->user, qid, &why) == QD_OK)
		ui_msg(ui, "已告知台胞，咨询 %" PRId64 " 办结 Told; question %"
		    PRId64 " is closed", qid, qid);
	else
		ui_error(ui, "%s", why != NULL ? why : "?");
	free(why);
	return UI_RELOAD;
}

static const struct ui_action inbox_actions[] = {
	{ .key = UI_KEY_ENTER, .label = "查看 View", .roles = UI_ROLES_ALL,
	  .needs_row = 1, .run = inbox_open },
	{ .key = UI_KEY_F(2), .label = "已告知 Told",
	  .may = "policy-question record",
	  .needs_row = 1, .run = inbox_notify },
};

static const struct ui_list inbox_list = {
	.columns = inbox_columns,
	.ncolumns = nitems(inbox_columns),
	.load = inbox_load,
	.empty = "没有中心的答复 No replies from the center",
};

const struct ui_screen screen_policy_inbox = {
	.name = "policy-inbox",
	.title = "咨询答复 Replies",
	.list = &inbox_list,
	.actions = inbox_actions,
	.nactions = nitems(inbox_actions),
};
