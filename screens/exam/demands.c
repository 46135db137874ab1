/*
 * The office's exam demand (考试需求): its demands newest last, F4 to
 * record one, Space to mark and F5 to report the marked ones to the
 * center in one step, F6 to withdraw.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "exam/exam-screens.h"
#include "catalog/catalog.h"

#define DEMANDS_PAGE	200

static const struct ui_column demands_columns[] = {
	{ .title = "编号 No", .width = 7 },
	{ .title = "台胞 Name", .width = 10 },
	{ .title = "职业 Occupation", .width = 15, .grow = 1 },
	{ .title = "等级 Lv", .width = 7 },
	{ .title = "在台 TW", .width = 7 },
	{ .title = "状态 State", .width = 17 },
	{ .title = "天 Days", .width = 7 },
};

int
screen_exam_kind_choices(struct ui *ui, struct ui_choice **out, size_t *n)
{
	static const char *const kinds[] = { "skill", "qualification",
	    "special" };
	size_t	 i;

	(void)ui;
	*out = screen_choices_new(nitems(kinds), NULL);
	for (i = 0; i < nitems(kinds); i++) {
		(*out)[i].value = xstrdup(kinds[i]);
		(*out)[i].label = xstrdup(exam_kind_label(kinds[i]));
	}
	*n = nitems(kinds);
	return QD_OK;
}

int
screen_exam_level_choices(struct ui *ui, struct ui_choice **out, size_t *n)
{
	struct qd_level	*l = NULL;
	char		*why = NULL;
	size_t		 i, nl = 0;
	int		 rc;

	rc = db_level_list(ui->db, &l, &nl, &why);
	free(why);
	*out = screen_choices_new(nl, NULL);
	for (i = 0; i < nl; i++) {
		xasprintf(&(*out)[i].value, "%d", l[i].level);
		(*out)[i].label = xstrdup(l[i].name_zh);
	}
	*n = nl;
	level_free_array(l, nl);
	return rc;
}

int
screen_exam_occupation_choices(struct ui *ui, struct ui_choice **out,
    size_t *n)
{
	struct qd_occupation	*o = NULL;
	char			*why = NULL;
	size_t			 i, no = 0;
	int			 rc;

	rc = db_occupation_list(ui->db, 1, &o, &no, &why);
	free(why);
	*out = screen_choices_new(no, NULL);
	for (i = 0; i < no; i++) {
		xasprintf(&(*out)[i].value, "%" PRId64, o[i].id);
		xasprintf(&(*out)[i].label, "%s %s", o[i].code, o[i].name);
	}
	*n = no;
	occupation_free_array(o, no);
	return rc;
}

static int
demands_load(struct ui *ui, struct ui_view *v, struct ui_rows *rows,
    const char *cursor, char **why)
{
	struct qd_exam_demand_filter	 f = { .in_taiwan = -1 };
	struct qd_exam_demand_row	*r = NULL;
	const char			*cells[7];
	char				 id[24], lv[8], age[16], next[24];
	size_t				 i, n = 0;
	int				 rc;

	(void)v;
	rc = db_exam_demand_list(ui->db, ui->user, &f, cursor != NULL ?
	    strtoll(cursor, NULL, 10) : 0, DEMANDS_PAGE, &r, &n, why);
	if (rc != QD_OK)
		return rc;
	for (i = 0; i < n; i++) {
		snprintf(id, sizeof id, "%" PRId64, r[i].id);
		snprintf(lv, sizeof lv, "%d", r[i].level);
		snprintf(age, sizeof age, "%d", r[i].age_days);
		cells[0] = id;
		cells[1] = r[i].name;
		cells[2] = r[i].occupation;
		cells[3] = lv;
		cells[4] = r[i].in_taiwan ? "是 Yes" : "";
		cells[5] = exam_demand_state_label(r[i].state);
		cells[6] = age;
		ui_rows_add(rows, r[i].id, r[i].state, cells);
	}
	rows->more = n == DEMANDS_PAGE;
	if (rows->more) {
		snprintf(next, sizeof next, "%" PRId64, r[n - 1].id);
		ui_rows_set_cursor(rows, next);
	}
	exam_demand_rows_free(r, n);
	return QD_OK;
}

static enum ui_next
demands_add(struct ui *ui, struct ui_view *v)
{
	(void)v;
	ui_screen_run(ui, &screen_exam_demand_new);
	return UI_RELOAD;
}

static enum ui_next
demands_report(struct ui *ui, struct ui_view *v)
{
	int64_t	*ids = NULL;
	char	*why = NULL;
	size_t	 n;
	int	 rc;

	n = ui_view_marked(v, &ids);
	rc = db_exam_demand_report(ui->db, ui->user, ids, n, &why);
	if (rc == QD_OK)
		ui_msg(ui, "已报送 %zu 条 Reported %zu", n, n);
	else
		ui_error(ui, "%s", why != NULL ? why : screen_result_text(rc));
	free(why);
	free(ids);
	return UI_RELOAD;
}

static enum ui_next
demands_withdraw(struct ui *ui, struct ui_view *v)
{
	char	*why = NULL;
	int	 rc;

	if (!ui_dialog_confirm(ui, v, "撤回此考试需求？ Withdraw this demand?"))
		return UI_STAY;
	rc = db_exam_demand_withdraw(ui->db, ui->user, v->rows.ids[v->sel], 0,
	    &why);
	if (rc == QD_OK)
		ui_msg(ui, "已撤回 Withdrawn");
	else
		ui_error(ui, "%s", why != NULL ? why : screen_result_text(rc));
	free(why);
	return UI_RELOAD;
}

/* The whole demand, as recorded. */
static enum ui_next
demands_show(struct ui *ui, struct ui_view *v)
{
	struct qd_exam_demand_filter	 f = { .in_taiwan = -1 };
	struct qd_exam_demand_row	*r = NULL;
	char				*why = NULL, *text;
	size_t				 n = 0;
	int64_t				 id = v->rows.ids[v->sel];

	if (db_exam_demand_list(ui->db, ui->user, &f, id - 1, 1, &r, &n,
	    &why) != QD_OK || n != 1 || r[0].id != id) {
		ui_error(ui, "%s", why != NULL ? why : "找不到 Not found");
		free(why);
		exam_demand_rows_free(r, n);
		return UI_STAY;
	}
	xasprintf(&text, "%s  %s  %s\n%s\n%s %d级 level %d\n%s\n%s%s\n%s",
	    r[0].name, r[0].mtp_masked, r[0].office_name,
	    exam_kind_label(r[0].kind), r[0].occupation, r[0].level,
	    r[0].level, r[0].in_taiwan ? "在台，须跨境考 in Taiwan:"
	    " cross-border" : "在大陆 on the mainland",
	    *r[0].period != '\0' ? "期望 Period: " : "", r[0].period,
	    exam_demand_state_label(r[0].state));
	ui_dialog_show(ui, v, "考试需求 Exam demand", text);
	free(text);
	exam_demand_rows_free(r, n);
	return UI_STAY;
}

static const struct ui_action demands_actions[] = {
	{ .key = UI_KEY_ENTER, .label = "查看 Show", .roles = UI_ROLES_ALL,
	  .needs_row = 1, .run = demands_show },
	{ .key = UI_KEY_F(4), .label = "登记 Add", .may = "exam-demand record",
	  .run = demands_add },
	{ .key = UI_KEY_F(5), .label = "报送 Send", .may = "exam-demand record",
	  .needs_row = 1, .run = demands_report },
	{ .key = UI_KEY_F(6), .label = "撤回 Drop",
	  .may = "exam-demand record", .needs_row = 1,
	  .run = demands_withdraw },
};

static const struct ui_list demands_list = {
	.columns = demands_columns,
	.ncolumns = nitems(demands_columns),
	.load = demands_load,
	.empty = "没有考试需求，按 F4 登记 No demand yet: F4 records one",
	.multi = 1,
};

const struct ui_screen screen_exam_demands = {
	.name = "exam-demands",
	.title = "考试需求 Exam demand",
	.list = &demands_list,
	.actions = demands_actions,
	.nactions = nitems(demands_actions),
};

/* The form: one demand of one registered person. */
static int
demand_taiwan_choices(struct ui *ui, struct ui_choice **out, size_t *n)
{
	(void)ui;
	*out = screen_choices_new(3, NULL);
	(*out)[0].value = xstrdup("-1");
	(*out)[0].label = xstrdup("按登记 As registered");
	(*out)[1].value = xstrdup("1");
	(*out)[1].label = xstrdup("在台 In Taiwan (跨境考)");
	(*out)[2].value = xstrdup("0");
	(*out)[2].label = xstrdup("在大陆 On the mainland");
	*n = 3;
	return QD_OK;
}

static int
demand_number_valid(const char *s, char **why)
{
	if (cmd_number(s, 1, INT64_MAX / 2) > 0)
		return QD_OK;
	*why = xstrdup("请填写台胞编号（数字） type the applicant's number");
	return QD_EINVAL;
}

static enum ui_next
demand_save(struct ui *ui, struct ui_view *v)
{
	struct qd_exam_demand_new	 nf;
	char				*why = NULL;
	int64_t				 id = 0;
	int				 rc;

	memset(&nf, 0, sizeof nf);
	nf.applicant_id = cmd_number(ui_view_value(v, "applicant_id"), 1,
	    INT64_MAX / 2);
	nf.kind = ui_view_value(v, "kind");
	nf.occupation_id = strtoll(ui_view_value(v, "occupation_id"), NULL,
	    10);
	nf.level = atoi(ui_view_value(v, "level"));
	nf.in_taiwan = atoi(ui_view_value(v, "in_taiwan"));
	nf.period = ui_view_value(v, "period");
	nf.notes = ui_view_value(v, "notes");
	rc = db_exam_demand_add(ui->db, ui->user, &nf, &id, &why);
	if (rc != QD_OK) {
		ui_error(ui, "%s", why != NULL ? why : screen_result_text(rc));
		free(why);
		return UI_STAY;
	}
	ui_msg(ui, "已登记考试需求 %" PRId64 "  Demand %" PRId64 " recorded",
	    id, id);
	return UI_CLOSE;
}

static const struct ui_field demand_fields[] = {
	{ .label = "台胞编号 Applicant", .type = UI_FIELD_TEXT, .width = 12,
	  .max_chars = 12, .max_bytes = 12, .required = 1,
	  .column = "applicant_id",
	  .validate = demand_number_valid },
	{ .label = "证书类别 Kind", .type = UI_FIELD_CHOICE, .width = 40,
	  .required = 1, .column = "kind",
	  .choices = screen_exam_kind_choices },
	{ .label = "职业 Occupation", .type = UI_FIELD_CHOICE, .width = 40,
	  .required = 1, .column = "occupation_id",
	  .choices = screen_exam_occupation_choices },
	{ .label = "等级 Level", .type = UI_FIELD_CHOICE, .width = 20,
	  .required = 1, .column = "level",
	  .choices = screen_exam_level_choices },
	{ .label = "所在地 Where now", .type = UI_FIELD_CHOICE, .width = 30,
	  .column = "in_taiwan", .choices = demand_taiwan_choices },
	{ .label = "期望时间 Period", .type = UI_FIELD_TEXT, .width = 30,
	  .max_chars = 40, .max_bytes = 160, .column = "period" },
	{ .label = "备注 Notes", .type = UI_FIELD_TEXT, .width = 40,
	  .max_chars = 250, .max_bytes = 1000, .column = "notes" },
};

static const struct ui_action demand_actions[] = {
	{ .key = UI_KEY_SAVE, .label = "保存 Save", .may = "exam-demand record",
	  .run = demand_save },
};

const struct ui_screen screen_exam_demand_new = {
	.name = "exam-demand-new",
	.title = "登记考试需求 Record exam demand",
	.table = "exam_demands",
	.fields = demand_fields,
	.nfields = nitems(demand_fields),
	.actions = demand_actions,
	.nactions = nitems(demand_actions),
};
