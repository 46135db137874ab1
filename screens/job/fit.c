/*
 * Who fits a posting (供需对接), each with the reason; the center
 * proposes a match to the person's city.
 */
#include <inttypes.h>
#include <stdlib.h>

#include "job/job-screens.h"

static const struct ui_column fit_columns[] = {
	{ "姓名 Name", 9, 0 },
	{ "所在 From", 9, 0 },
	{ "等级 Level", 14, 0 },
	{ "理由 Reason", 28, 1 },
	{ "推荐 Sent", 9, 0 },
};

static const int fit_pick[] = {
	JOB_FIT_NAME, JOB_FIT_OFFICE, JOB_FIT_LEVEL, JOB_FIT_REASON,
	JOB_FIT_MATCH_STATE,
};

static int64_t
fit_posting(const struct ui_view *v)
{
	return *(const int64_t *)ui_view_arg(v);
}

static int
fit_load(struct ui *ui, struct ui_view *v, struct ui_rows *rows,
    const char *cursor, char **why)
{
	struct db_rows	 r = { 0 };
	size_t		 i;
	int		 rc;

	(void)cursor;
	rc = db_job_fit(ui->db, ui->user, fit_posting(v), 0, 200, &r, why);
	/* A row stands for the need: that is what a proposal names. */
	for (i = 0; rc == QD_OK && i < r.n; i++)
		r.ids[i] = cmd_number(db_rows_cell(&r, i, JOB_FIT_NEED), 1,
		    INT64_MAX);
	if (rc == QD_OK)
		screen_db_rows(rows, &r, fit_pick, nitems(fit_pick));
	db_rows_free(&r);
	return rc;
}

static enum ui_next
fit_propose(struct ui *ui, struct ui_view *v)
{
	char	*why = NULL;
	int64_t	 id;
	int	 rc;

	rc = db_job_match_propose(ui->db, ui->user, fit_posting(v),
	    v->rows.ids[v->sel], &id, &why);
	if (rc == QD_OK)
		ui_msg(ui, "已推荐给所在城市 Proposed to the person's city"
		    " (match %" PRId64 ")", id);
	else
		ui_error(ui, "%s", why != NULL ? why : screen_result_text(rc));
	free(why);
	return UI_RELOAD;
}

static char *
fit_title(struct ui *ui, struct ui_view *v)
{
	char	*t;

	(void)ui;
	xasprintf(&t, "岗位 %" PRId64 " 的对接 Matches for posting %" PRId64,
	    fit_posting(v), fit_posting(v));
	return t;
}

static const struct ui_action fit_actions[] = {
	{ .key = UI_KEY_F(2), .label = "推荐 Propose",
	  .may = "job-match propose", .needs_row = 1, .run = fit_propose },
};

static const struct ui_list fit_list = {
	.columns = fit_columns,
	.ncolumns = nitems(fit_columns),
	.load = fit_load,
	.empty = "没有符合的求职者 No one fits this posting",
};

const struct ui_screen screen_job_fit = {
	.name = "job-fit",
	.title = "岗位对接 Matches",
	.list = &fit_list,
	.actions = fit_actions,
	.nactions = nitems(fit_actions),
	.title_get = fit_title,
};
