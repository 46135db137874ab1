/*
 * The center's queue of forwarded questions (待答咨询), oldest first: the
 * center replies, and may publish the reply to the answer base in the
 * same go, so the next such question is answered at the window.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "policy/policy-screens.h"

static const struct ui_column queue_columns[] = {
	{ "城市 Office", 11, 0 },
	{ "咨询 Question", 40, 1 },
	{ "状态 State", 14, 0 },
};

static const int queue_pick[] = {
	POLICY_Q_OFFICE, POLICY_Q_TEXT, POLICY_Q_STATE_NAME,
};

static int
queue_load(struct ui *ui, struct ui_view *v, struct ui_rows *rows,
    const char *cursor, char **why)
{
	struct db_rows	 r = { 0 };
	int		 rc;

	(void)v;
	(void)cursor;
	if ((rc = db_policy_question_list(ui->db, ui->user, "forwarded", 500,
	    &r, why)) == QD_OK)
		screen_db_rows(rows, &r, queue_pick, nitems(queue_pick));
	db_rows_free(&r);
	return rc;
}

/* After a reply: publish it to the base on a document asked for. */
static void
queue_publish(struct ui *ui, struct ui_view *v, int64_t qid)
{
	char	*doc = NULL, *why = NULL;
	int64_t	 aid;
	int	 rc;

	if (!ui_dialog_confirm(ui, v, "同时发布到答复库？ Publish the reply to"
	    " the answer base too?"))
		return;
	if (ui_dialog_input(ui, v, "发布到答复库 Publish", "政策文号 Document"
	    " number (文号)", NULL, 60, &doc) != QD_OK)
		return;
	rc = db_policy_publish_reply(ui->db, ui->user, qid, NULL, doc, NULL,
	    NULL, &aid, &why);
	if (rc == QD_OK)
		ui_msg(ui, "已答复并发布为答复 %" PRId64 " Replied and published"
		    " as answer %" PRId64, aid, aid);
	else
		ui_error(ui, "已答复，但未发布 Replied, not published: %s",
		    why != NULL ? why : screen_result_text(rc));
	free(doc);
	free(why);
}

static enum ui_next
queue_reply(struct ui *ui, struct ui_view *v)
{
	char	*text = NULL, *why = NULL;
	int64_t	 qid = v->rows.ids[v->sel];
	int	 rc;

	if (ui_dialog_input(ui, v, "中心答复 Reply", v->rows.cells[v->sel *
	    v->rows.ncols + 1], NULL, 2000, &text) != QD_OK)
		return UI_STAY;
	rc = db_policy_reply(ui->db, ui->user, qid, text, 0, &why);
	if (rc == QD_OK) {
		ui_msg(ui, "已答复，已送回城市 Replied; it is in the city's inbox");
		queue_publish(ui, v, qid);
	} else
		ui_error(ui, "%s", why != NULL ? why : screen_result_text(rc));
	free(text);
	free(why);
	return UI_RELOAD;
}

static const struct ui_action queue_actions[] = {
	{ .key = UI_KEY_ENTER, .label = "答复 Reply",
	  .may = "policy-question reply", .needs_row = 1, .run = queue_reply },
};

static const struct ui_list queue_list = {
	.columns = queue_columns,
	.ncolumns = nitems(queue_columns),
	.load = queue_load,
	.empty = "没有待答复的咨询 No questions waiting",
};

const struct ui_screen screen_policy_queue = {
	.name = "policy-queue",
	.title = "待答咨询 Forwarded questions",
	.list = &queue_list,
	.actions = queue_actions,
	.nactions = nitems(queue_actions),
};
