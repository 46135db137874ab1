/*
 * The training classes: every class plan with its seats, enrolled and
 * waiting counts and state. The center takes the steps the class's state
 * allows (the menu is built from training_class_transitions); an office
 * enrols one of its people by MTP number, to a seat or the waiting list.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "training/training-screens.h"

/* The columns of training_class_columns shown, in order. */
static const size_t classes_cols[] = { 0, 1, 3, 5, 10, 11, 12, 19 };
static const struct ui_column classes_columns[] = {
	{ .title = "编号 ID", .width = 7 },
	{ .title = "班级 Class", .width = 10, .grow = 1 },
	{ .title = "职业 Occ", .width = 8, .grow = 1 },
	{ .title = "开班 Start", .width = 10 },
	{ .title = "名额 Seat", .width = 9 },
	{ .title = "已报 In", .width = 7 },
	{ .title = "候补 Wait", .width = 9 },
	{ .title = "状态 State", .width = 10 },
};
#define CLASSES_NCOLUMNS (nitems(classes_columns))

static int
classes_load(struct ui *ui, struct ui_view *v, struct ui_rows *rows,
    const char *cursor, char **why)
{
	struct cmd_rows	 r = { training_class_columns,
			     training_class_ncolumns, NULL, 0 };
	const char	*cells[CLASSES_NCOLUMNS];
	size_t		 i, j;
	int		 rc;

	(void)v;
	if (cursor != NULL)
		return QD_OK;
	if ((rc = db_training_class_list(ui->db, ui->user, NULL, &r, why)) !=
	    QD_OK)
		return rc;
	for (i = 0; i < r.n; i++) {
		char	**row = r.cells + i * r.ncols;

		for (j = 0; j < CLASSES_NCOLUMNS; j++)
			cells[j] = row[classes_cols[j]];
		ui_rows_add(rows, strtoll(row[0], NULL, 10), row[0], cells);
	}
	cmd_rows_free(&r);
	return QD_OK;
}

/* The steps the selected class allows the user, as a menu. */
static enum ui_next
classes_step(struct ui *ui, struct ui_view *v)
{
	struct cmd_rows		 r = { training_class_columns, 2, NULL, 0 };
	struct ui_choice	*ch = NULL;
	char			*why = NULL, *reason = NULL;
	const char		*action;
	int64_t			 id = strtoll(ui_view_row_key(v), NULL, 10);
	size_t			 i, picked;
	int			 rc;

	if (db_training_class_actions(ui->db, ui->user, id, &r, &why) !=
	    QD_OK || r.n == 0) {
		ui_error(ui, "此班级当前没有可做的操作 nothing to do with this"
		    " class now");
		goto out;
	}
	ch = xcalloc(r.n, sizeof *ch);
	for (i = 0; i < r.n; i++) {
		ch[i].value = r.cells[2 * i];
		ch[i].label = r.cells[2 * i + 1];
	}
	if (ui_dialog_pick(ui, v, "办班操作 Step", ch, r.n, &picked) != QD_OK)
		goto out;
	action = ch[picked].value;
	if (strcmp(action, "cancel") == 0 && (ui_dialog_input(ui, v,
	    "取消原因 Reason", "原因 Reason", "", 100, &reason) != QD_OK ||
	    *reason == '\0'))
		goto out;
	rc = db_training_class_step(ui->db, ui->user, id, action, reason, 0,
	    &why);
	if (rc == QD_OK)
		ui_msg(ui, "已完成 Done: %s", ch[picked].label);
	else
		ui_error(ui, "%s", why != NULL ? why : screen_result_text(rc));
out:
	free(ch);
	cmd_rows_free(&r);
	free(reason);
	free(why);
	return UI_RELOAD;
}

static enum ui_next
classes_enrol(struct ui *ui, struct ui_view *v)
{
	char		*mtp = NULL, *why = NULL;
	int64_t		 id = strtoll(ui_view_row_key(v), NULL, 10), eid;
	int		 rc, waiting;

	if (ui_dialog_input(ui, v, "报名 Enrol", "通行证号 MTP number", "", 12,
	    &mtp) != QD_OK || *mtp == '\0')
		goto out;
	rc = db_training_enrol(ui->db, ui->user, id, mtp, &eid, &waiting,
	    &why);
	if (rc == QD_OK)
		ui_msg(ui, waiting ? "名额已满，已列入候补 %" PRId64 " No seat:"
		    " on the waiting list" : "已报名 %" PRId64 " Enrolled", eid);
	else
		ui_error(ui, "%s", why != NULL ? why : screen_result_text(rc));
out:
	free(mtp);
	free(why);
	return UI_RELOAD;
}

static const struct ui_action classes_actions[] = {
	{ .key = UI_KEY_F(5), .label = "操作 Step", .may = "training-class write",
	  .needs_row = 1, .run = classes_step },
	{ .key = UI_KEY_F(6), .label = "报名 Enrol", .may = "training-class enrol",
	  .needs_row = 1, .run = classes_enrol },
};

static const struct ui_list classes_list = {
	.columns = classes_columns,
	.ncolumns = CLASSES_NCOLUMNS,
	.load = classes_load,
	.empty = "尚无培训班 No classes yet",
};

const struct ui_screen screen_training_classes = {
	.name = "training-classes",
	.title = "培训班 Training classes",
	.list = &classes_list,
	.actions = classes_actions,
	.nactions = nitems(classes_actions),
};
