/*
 * Exam plans: every plan the user may see, soonest first. Enter opens its
 * seats; F5 offers the steps exam_plan_transitions allows the user's role
 * in the plan's state (publish, close registration, mark held, record
 * results, close, cancel with a reason); F4 drafts one by hand.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "exam/exam-screens.h"

static const struct ui_column plans_columns[] = {
	{ .title = "计划 No", .width = 7 },
	{ .title = "职业 Occupation", .width = 15, .grow = 1 },
	{ .title = "等级 Lv", .width = 7 },
	{ .title = "日期 Date", .width = 10 },
	{ .title = "状态 State", .width = 12 },
	{ .title = "座位 Seats", .width = 10 },
	{ .title = "候补 Wait", .width = 9 },
};

static int
plans_load(struct ui *ui, struct ui_view *v, struct ui_rows *rows,
    const char *cursor, char **why)
{
	struct qd_exam_plan	*p = NULL;
	const char		*cells[7];
	char			 id[24], lv[8], seats[32], wait[16];
	size_t			 i, n = 0;
	int			 rc;

	(void)v;
	if (cursor != NULL)
		return QD_OK;
	if ((rc = db_exam_plan_list(ui->db, ui->user, NULL, &p, &n, why)) !=
	    QD_OK)
		return rc;
	for (i = 0; i < n; i++) {
		snprintf(id, sizeof id, "%" PRId64, p[i].id);
		snprintf(lv, sizeof lv, "%d", p[i].level);
		snprintf(seats, sizeof seats, "%d/%d", p[i].seated,
		    p[i].capacity);
		snprintf(wait, sizeof wait, "%d", p[i].waiting);
		cells[0] = id;
		cells[1] = p[i].occupation;
		cells[2] = lv;
		cells[3] = p[i].exam_on;
		cells[4] = exam_plan_state_label(p[i].state);
		cells[5] = seats;
		cells[6] = wait;
		ui_rows_add(rows, p[i].id, p[i].state, cells);
	}
	exam_plans_free(p, n);
	return QD_OK;
}

static enum ui_next
plans_open(struct ui *ui, struct ui_view *v)
{
	int64_t	 id = v->rows.ids[v->sel];

	ui_screen_run_arg(ui, &screen_exam_seats, &id);
	return UI_RELOAD;
}

static enum ui_next
plans_add(struct ui *ui, struct ui_view *v)
{
	(void)v;
	ui_screen_run(ui, &screen_exam_plan_new);
	return UI_RELOAD;
}

/* Choose one of the steps allowed now, and take it. */
static enum ui_next
plans_step(struct ui *ui, struct ui_view *v)
{
	struct qd_exam_plan	*p = NULL;
	struct qd_exam_step	*steps = NULL;
	struct ui_choice	*ch = NULL;
	char			*why = NULL, *reason = NULL;
	size_t			 n = 0, i, pick = 0;
	int			 rc;

	if ((rc = db_exam_plan_get(ui->db, ui->user, v->rows.ids[v->sel], &p,
	    &why)) != QD_OK)
		goto out;
	db_exam_plan_steps(ui->db, ui->user, p, &steps, &n);
	if (n == 0) {
		ui_msg(ui, "此状态下没有可做的步骤 No step is allowed now");
		goto out;
	}
	ch = xcalloc(n, sizeof *ch);
	for (i = 0; i < n; i++) {
		ch[i].value = xstrdup(steps[i].action);
		xasprintf(&ch[i].label, "%s %s", steps[i].name_zh,
		    steps[i].name_en);
	}
	if (ui_dialog_pick(ui, v, "步骤 Step", ch, n, &pick) != QD_OK)
		goto out;
	if (strcmp(steps[pick].action, "cancel") == 0 &&
	    ui_dialog_input(ui, v, "取消 Cancel", "原因（将通知各地） Reason"
	    " (sent to the cities)", NULL, 250, &reason) != QD_OK)
		goto out;
	rc = db_exam_plan_step(ui->db, ui->user, p->id, p->version,
	    steps[pick].action, reason, &why);
	if (rc == QD_OK)
		ui_msg(ui, "计划 %" PRId64 "：%s  Plan %" PRId64 ": %s", p->id,
		    steps[pick].name_zh, p->id, steps[pick].name_en);
out:
	if (rc != QD_OK)
		ui_error(ui, "%s", why != NULL ? why : screen_result_text(rc));
	ui_choices_free(ch, n);
	exam_steps_free(steps, n);
	exam_plan_free(p);
	free(reason);
	free(why);
	return UI_RELOAD;
}

/* The plan in full: subject, body, dates, sittings. */
static enum ui_next
plans_show(struct ui *ui, struct ui_view *v)
{
	struct qd_exam_plan	*p = NULL;
	char			*why = NULL, *text, *t;
	size_t			 i;

	if (db_exam_plan_get(ui->db, ui->user, v->rows.ids[v->sel], &p,
	    &why) != QD_OK) {
		ui_error(ui, "%s", why != NULL ? why : "找不到 Not found");
		free(why);
		return UI_STAY;
	}
	xasprintf(&text, "%s %s  %s%s\n考评机构 Body: %s\n%s %s，报名截止"
	    " register by %s\n%s\n%s%s", p->occupation, p->level_name,
	    exam_kind_label(p->kind), p->professional ? "  专业技术类" : "",
	    p->body, p->exam_on, p->start_time, p->deadline, p->fee_note,
	    exam_plan_state_label(p->state), *p->reason != '\0' ? "：" : "");
	for (i = 0; i < p->nsittings; i++) {
		xasprintf(&t, "%s%s\n%s %s%s  %d/%d，候补 waiting %d", text,
		    i == 0 ? p->reason : "", exam_mode_label(p->sittings[i].mode),
		    p->sittings[i].office_name, p->sittings[i].venue,
		    p->sittings[i].seated, p->sittings[i].capacity,
		    p->sittings[i].waiting);
		free(text);
		text = t;
	}
	ui_dialog_show(ui, v, "考试计划 Exam plan", text);
	free(text);
	exam_plan_free(p);
	return UI_STAY;
}

static const struct ui_action plans_actions[] = {
	{ .key = 'i', .label = "详情 Info", .roles = UI_ROLES_ALL,
	  .needs_row = 1, .run = plans_show },
	{ .key = UI_KEY_ENTER, .label = "座位 Seats", .roles = UI_ROLES_ALL,
	  .needs_row = 1, .run = plans_open },
	{ .key = UI_KEY_F(4), .label = "新 New",
	  .may = "exam-plan write", .run = plans_add },
	{ .key = UI_KEY_F(5), .label = "步骤 Step",
	  .may = "exam-plan write", .needs_row = 1, .run = plans_step },
};

static const struct ui_list plans_list = {
	.columns = plans_columns,
	.ncolumns = nitems(plans_columns),
	.load = plans_load,
	.empty = "没有考试计划 No exam plans",
};

const struct ui_screen screen_exam_plans = {
	.name = "exam-plans",
	.title = "考试计划 Exam plans",
	.list = &plans_list,
	.actions = plans_actions,
	.nactions = nitems(plans_actions),
};
