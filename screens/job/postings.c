/*
 * The job postings (招聘岗位): the center keeps and publishes them, the
 * cities read the published ones; Enter shows who fits a posting.
 */
#include <stdlib.h>

#include "job/job-screens.h"

static const struct ui_column postings_columns[] = {
	{ "单位 Firm", 14, 1 },
	{ "城市 City", 9, 0 },
	{ "职业 Job", 10, 1 },
	{ "等级 Lvl", 8, 0 },
	{ "空缺 Open", 9, 0 },
	{ "截止 Until", 10, 0 },
	{ "状态 State", 12, 0 },
};

static const int postings_pick[] = {
	JOB_POST_EMPLOYER, JOB_POST_CITY, JOB_POST_OCC_NAME, JOB_POST_MIN_LEVEL,
	JOB_POST_OPENINGS, JOB_POST_CLOSES, JOB_POST_STATE_NAME,
};

static int
postings_load(struct ui *ui, struct ui_view *v, struct ui_rows *rows,
    const char *cursor, char **why)
{
	struct db_rows	 r = { 0 };
	int		 rc;

	(void)v;
	(void)cursor;
	if ((rc = db_job_post_list(ui->db, ui->user, 500, &r, why)) == QD_OK)
		screen_db_rows(rows, &r, postings_pick, nitems(postings_pick));
	db_rows_free(&r);
	return rc;
}

static enum ui_next
postings_fit(struct ui *ui, struct ui_view *v)
{
	int64_t	 id = v->rows.ids[v->sel];

	ui_screen_run_arg(ui, &screen_job_fit, &id);
	return UI_RELOAD;
}

/* The steps the posting's state allows the center: publish, close. */
static enum ui_next
postings_step(struct ui *ui, struct ui_view *v)
{
	struct db_rows	 acts = { 0 };
	char		*action = NULL, *why = NULL;
	int64_t		 id = v->rows.ids[v->sel];
	int		 rc;

	rc = job_actions(ui->db, ui->user, "job_posting", id, &acts, &why);
	if (rc == QD_OK && screen_pick_action(ui, v, "岗位操作 Posting",
	    &acts, &action) == QD_OK) {
		if ((rc = db_job_post_step(ui->db, ui->user, id, action,
		    &why)) == QD_OK)
			ui_msg(ui, "已完成 Done: %s", action);
	}
	if (rc != QD_OK)
		ui_error(ui, "%s", why != NULL ? why : screen_result_text(rc));
	db_rows_free(&acts);
	free(action);
	free(why);
	return UI_RELOAD;
}

static const struct ui_action postings_actions[] = {
	{ .key = UI_KEY_ENTER, .label = "对接 Matches", .roles = UI_ROLES_ALL,
	  .needs_row = 1, .run = postings_fit },
	{ .key = UI_KEY_F(2), .label = "操作 Actions",
	  .may = "job-posting write", .needs_row = 1,
	  .run = postings_step },
};

static const struct ui_list postings_list = {
	.columns = postings_columns,
	.ncolumns = nitems(postings_columns),
	.load = postings_load,
	.empty = "没有招聘岗位 No postings",
};

const struct ui_screen screen_job_postings = {
	.name = "job-postings",
	.title = "招聘岗位 Job postings",
	.list = &postings_list,
	.actions = postings_actions,
	.nactions = nitems(postings_actions),
};
