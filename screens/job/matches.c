/*
 * The matches proposed to a city (岗位推荐): the city records what came
 * of each, from the steps its state allows; a hire counts the posting's
 * openings down.
 */
#include <stdlib.h>

#include "job/job-screens.h"

static const struct ui_column matches_columns[] = {
	{ "姓名 Name", 9, 0 },
	{ "单位 Firm", 12, 1 },
	{ "城市 City", 9, 0 },
	{ "职业 Job", 12, 1 },
	{ "状态 State", 15, 0 },
	{ "空缺 Open", 9, 0 },
};

static const int matches_pick[] = {
	JOB_MATCH_NAME, JOB_MATCH_EMPLOYER, JOB_MATCH_CITY,
	JOB_MATCH_OCCUPATION, JOB_MATCH_STATE_NAME, JOB_MATCH_OPENINGS,
};

static int
matches_load(struct ui *ui, struct ui_view *v, struct ui_rows *rows,
    const char *cursor, char **why)
{
	struct db_rows	 r = { 0 };
	int		 rc;

	(void)v;
	(void)cursor;
	if ((rc = db_job_match_list(ui->db, ui->user, 500, &r, why)) == QD_OK)
		screen_db_rows(rows, &r, matches_pick, nitems(matches_pick));
	db_rows_free(&r);
	return rc;
}

static enum ui_next
matches_outcome(struct ui *ui, struct ui_view *v)
{
	struct db_rows	 acts = { 0 };
	char		*action = NULL, *why = NULL;
	int64_t		 id = v->rows.ids[v->sel];
	int		 rc;

	rc = job_actions(ui->db, ui->user, "job_match", id, &acts, &why);
	if (rc == QD_OK && screen_pick_action(ui, v, "记录结果 Outcome",
	    &acts, &action) == QD_OK) {
		if ((rc = db_job_match_outcome(ui->db, ui->user, id, action,
		    NULL, 0, &why)) == QD_OK)
			ui_msg(ui, "已记录 Recorded: %s", action);
	}
	if (rc != QD_OK)
		ui_error(ui, "%s", why != NULL ? why : screen_result_text(rc));
	db_rows_free(&acts);
	free(action);
	free(why);
	return UI_RELOAD;
}

static const struct ui_action matches_actions[] = {
	{ .key = UI_KEY_ENTER, .label = "记录结果 Outcome",
	  .may = "job-match record", .needs_row = 1, .run = matches_outcome },
};

static const struct ui_list matches_list = {
	.columns = matches_columns,
	.ncolumns = nitems(matches_columns),
	.load = matches_load,
	.empty = "没有推荐的岗位 No matches proposed",
};

const struct ui_screen screen_job_matches = {
	.name = "job-matches",
	.title = "岗位推荐 Job matches",
	.list = &matches_list,
	.actions = matches_actions,
	.nactions = nitems(matches_actions),
};
