/*
 * The center's demand table (需求汇总): reported demand by occupation,
 * level and kind, largest first, with the in-Taiwan share, the cities and
 * the oldest waiting. Enter opens a cell's people; F5 drafts a plan from
 * the cell, which invites them.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "exam/exam-screens.h"
#include "catalog/catalog.h"

static const struct ui_column table_columns[] = {
	{ .title = "职业 Occupation", .width = 15, .grow = 1 },
	{ .title = "等级 Lv", .width = 7 },
	{ .title = "类别 Kind", .width = 10 },
	{ .title = "人数 N", .width = 6 },
	{ .title = "在台 TW", .width = 7 },
	{ .title = "最久 Days", .width = 9 },
	{ .title = "城市 Cities", .width = 17, .grow = 2 },
};

/* What a row's key says: "occupation level kind". */
struct table_cell {
	int64_t		 occupation_id;
	int		 level;
	char		 kind[16];
};

static int
table_cell_parse(const char *key, struct table_cell *c)
{
	long long	 occ;

	memset(c, 0, sizeof *c);
	if (key == NULL || sscanf(key, "%lld %d %15s", &occ, &c->level,
	    c->kind) != 3)
		return QD_EINVAL;
	c->occupation_id = occ;
	return QD_OK;
}

static int
table_load(struct ui *ui, struct ui_view *v, struct ui_rows *rows,
    const char *cursor, char **why)
{
	struct qd_exam_cell	*c = NULL;
	const char		*cells[7];
	char			 lv[8], total[24], tw[24], age[16], key[64];
	size_t			 i, n = 0;
	int			 rc;

	(void)v;
	if (cursor != NULL)
		return QD_OK;
	if ((rc = db_exam_demand_table(ui->db, ui->user, &c, &n, why)) !=
	    QD_OK)
		return rc;
	for (i = 0; i < n; i++) {
		snprintf(lv, sizeof lv, "%d", c[i].level);
		snprintf(total, sizeof total, "%" PRId64, c[i].total);
		snprintf(tw, sizeof tw, "%" PRId64, c[i].in_taiwan);
		snprintf(age, sizeof age, "%d", c[i].oldest_days);
		snprintf(key, sizeof key, "%" PRId64 " %d %s",
		    c[i].occupation_id, c[i].level, c[i].kind);
		cells[0] = c[i].occupation;
		cells[1] = lv;
		cells[2] = exam_kind_label(c[i].kind);
		cells[3] = total;
		cells[4] = tw;
		cells[5] = age;
		cells[6] = c[i].by_city;
		ui_rows_add(rows, (int64_t)i + 1, key, cells);
	}
	exam_cells_free(c, n);
	return QD_OK;
}

static enum ui_next
table_open_cell(struct ui *ui, struct ui_view *v)
{
	struct table_cell	 c;

	if (table_cell_parse(ui_view_row_key(v), &c) != QD_OK)
		return UI_STAY;
	ui_screen_run_arg(ui, &screen_exam_cell, &c);
	return UI_RELOAD;
}

static enum ui_next
table_draft(struct ui *ui, struct ui_view *v)
{
	struct table_cell	 c;

	if (table_cell_parse(ui_view_row_key(v), &c) != QD_OK)
		return UI_STAY;
	ui_screen_run_arg(ui, &screen_exam_plan_new, &c);
	return UI_RELOAD;
}

static const struct ui_action table_actions[] = {
	{ .key = UI_KEY_ENTER, .label = "名单 List", .roles = UI_ROLES_REVIEW,
	  .needs_row = 1, .run = table_open_cell },
	{ .key = UI_KEY_F(5), .label = "计划 Plan",
	  .may = "exam-plan write", .needs_row = 1, .run = table_draft },
};

static const struct ui_list table_list = {
	.columns = table_columns,
	.ncolumns = nitems(table_columns),
	.load = table_load,
	.empty = "没有待编入计划的考试需求 No reported demand waits for a plan",
};

const struct ui_screen screen_exam_table = {
	.name = "exam-table",
	.title = "考试需求汇总 Demand table",
	.list = &table_list,
	.actions = table_actions,
	.nactions = nitems(table_actions),
};

/* A cell's people, oldest first. */
static const struct ui_column cell_columns[] = {
	{ .title = "编号 No", .width = 7 },
	{ .title = "台胞 Name", .width = 10, .grow = 1 },
	{ .title = "通行证 MTP", .width = 10 },
	{ .title = "办公室 Office", .width = 13 },
	{ .title = "在台 TW", .width = 7 },
	{ .title = "天 Days", .width = 7 },
	{ .title = "期望 Period", .width = 12, .grow = 1 },
};

static int
cell_load(struct ui *ui, struct ui_view *v, struct ui_rows *rows,
    const char *cursor, char **why)
{
	const struct table_cell		*c = ui_view_arg(v);
	struct qd_exam_demand_filter	 f = { .state = "reported",
	    .in_taiwan = -1 };
	struct qd_exam_demand_row	*r = NULL;
	const char			*cells[7];
	char				 id[24], age[16], next[24];
	size_t				 i, n = 0;
	int				 rc;

	f.occupation_id = c->occupation_id;
	f.level = c->level;
	f.kind = c->kind;
	rc = db_exam_demand_list(ui->db, ui->user, &f, cursor != NULL ?
	    strtoll(cursor, NULL, 10) : 0, 200, &r, &n, why);
	if (rc != QD_OK)
		return rc;
	for (i = 0; i < n; i++) {
		snprintf(id, sizeof id, "%" PRId64, r[i].id);
		snprintf(age, sizeof age, "%d", r[i].age_days);
		cells[0] = id;
		cells[1] = r[i].name;
		cells[2] = r[i].mtp_masked;
		cells[3] = r[i].office_name;
		cells[4] = r[i].in_taiwan ? "是 Yes" : "";
		cells[5] = age;
		cells[6] = r[i].period;
		ui_rows_add(rows, r[i].id, NULL, cells);
	}
	rows->more = n == 200;
	if (rows->more) {
		snprintf(next, sizeof next, "%" PRId64, r[n - 1].id);
		ui_rows_set_cursor(rows, next);
	}
	exam_demand_rows_free(r, n);
	return QD_OK;
}

static const struct ui_list cell_list = {
	.columns = cell_columns,
	.ncolumns = nitems(cell_columns),
	.load = cell_load,
	.empty = "此格已无待编入的需求 Nobody waits in this cell",
};

const struct ui_screen screen_exam_cell = {
	.name = "exam-cell",
	.title = "需求名单 The people of a cell",
	.list = &cell_list,
};

/* The plan form, by hand or from a cell (its fields preset). */
static int
plan_new_open(struct ui *ui, struct ui_view *v)
{
	const struct table_cell	*c = ui_view_arg(v);
	char			 s[32];

	(void)ui;
	if (c == NULL)
		return QD_OK;
	snprintf(s, sizeof s, "%" PRId64, c->occupation_id);
	ui_view_set(v, "occupation_id", s);
	snprintf(s, sizeof s, "%d", c->level);
	ui_view_set(v, "level", s);
	ui_view_set(v, "kind", c->kind);
	return QD_OK;
}

static int
plan_agency_choices(struct ui *ui, struct ui_choice **out, size_t *n)
{
	struct qd_agency	*a = NULL;
	char			*why = NULL;
	size_t			 i, na = 0;
	int			 rc;

	rc = db_agency_list(ui->db, &a, &na, &why);
	free(why);
	*out = screen_choices_new(na, "其他（填写下一栏） Other: the next field");
	for (i = 0; i < na; i++) {
		xasprintf(&(*out)[i + 1].value, "%" PRId64, a[i].id);
		(*out)[i + 1].label = xstrdup(a[i].name);
	}
	*n = na + 1;
	agency_free_array(a, na);
	return rc;
}

static int
plan_professional_choices(struct ui *ui, struct ui_choice **out, size_t *n)
{
	(void)ui;
	*out = screen_choices_new(2, NULL);
	(*out)[0].value = xstrdup("0");
	(*out)[0].label = xstrdup("技能类 Skill (考培分离只警告)");
	(*out)[1].value = xstrdup("1");
	(*out)[1].label = xstrdup("专业技术类 Professional (考培分离)");
	*n = 2;
	return QD_OK;
}

/* Ask for the first sitting: mode, city, venue, capacity. */
static int
plan_ask_sitting(struct ui *ui, struct ui_view *v,
    struct qd_exam_sitting_new *s, char **venue)
{
	static const char *const modes[] = { "onsite", "remote", "online" };
	struct ui_choice	 ch[3], *offices = NULL;
	char			*cap = NULL;
	size_t			 i, pick = 0, noff = 0;
	int			 rc;

	for (i = 0; i < 3; i++) {
		ch[i].value = (char *)modes[i];
		ch[i].label = (char *)exam_mode_label(modes[i]);
	}
	if (ui_dialog_pick(ui, v, "考场方式 Sitting", ch, 3, &pick) != QD_OK)
		return QD_ENOTFOUND;
	s->mode = modes[pick];
	s->office_id = 0;
	if (pick == 0) {
		screen_office_choices(ui, &offices, &noff);
		rc = ui_dialog_pick(ui, v, "城市 City", offices + 1, noff - 1,
		    &pick);
		if (rc == QD_OK)
			s->office_id = strtoll(offices[pick + 1].value, NULL,
			    10);
		ui_choices_free(offices, noff);
		if (rc != QD_OK)
			return rc;
	}
	if (ui_dialog_input(ui, v, "考场 Venue", "考场名称 Venue name", NULL,
	    60, venue) != QD_OK)
		return QD_ENOTFOUND;
	s->venue = *venue;
	if (ui_dialog_input(ui, v, "座位 Seats", "座位数 Capacity", NULL, 5,
	    &cap) != QD_OK)
		return QD_ENOTFOUND;
	s->capacity = (int)cmd_number(cap, 1, 10000);
	free(cap);
	return QD_OK;
}

static enum ui_next
plan_new_save(struct ui *ui, struct ui_view *v)
{
	struct qd_exam_sitting_new	 s;
	struct qd_exam_plan_new		 nf;
	char				*venue = NULL, *why = NULL;
	int64_t				 id = 0;
	int				 rc, invited = 0;

	memset(&nf, 0, sizeof nf);
	memset(&s, 0, sizeof s);
	nf.kind = ui_view_value(v, "kind");
	nf.professional = atoi(ui_view_value(v, "professional"));
	nf.occupation_id = strtoll(ui_view_value(v, "occupation_id"), NULL,
	    10);
	nf.level = atoi(ui_view_value(v, "level"));
	nf.agency_id = strtoll(ui_view_value(v, "agency_id"), NULL, 10);
	nf.body_name = ui_view_value(v, "body_name");
	nf.exam_on = ui_view_value(v, "exam_on");
	nf.start_time = ui_view_value(v, "start_time");
	nf.deadline = ui_view_value(v, "deadline");
	nf.fee_note = ui_view_value(v, "fee_note");
	nf.from_cell = ui_view_arg(v) != NULL;
	if ((rc = db_exam_plan_check(ui->db, &nf, &why)) != QD_OK) {
		ui_error(ui, "%s", why != NULL ? why : screen_result_text(rc));
		free(why);
		return UI_STAY;
	}
	if (plan_ask_sitting(ui, v, &s, &venue) != QD_OK) {
		free(venue);
		ui_msg(ui, "未保存 Not saved");
		return UI_STAY;
	}
	nf.sittings = &s;
	nf.nsittings = 1;
	rc = db_exam_plan_add(ui->db, ui->user, &nf, &id, &invited, &why);
	free(venue);
	if (rc != QD_OK) {
		ui_error(ui, "%s", why != NULL ? why : screen_result_text(rc));
		free(why);
		return UI_STAY;
	}
	ui_msg(ui, "已草拟计划 %" PRId64 "，邀请 %d 人 Plan %" PRId64
	    " drafted, %d invited", id, invited, id, invited);
	return UI_CLOSE;
}

static const struct ui_field plan_new_fields[] = {
	{ .label = "证书类别 Kind", .type = UI_FIELD_CHOICE, .width = 40,
	  .required = 1, .column = "kind",
	  .choices = screen_exam_kind_choices },
	{ .label = "考试类型 Type", .type = UI_FIELD_CHOICE, .width = 36,
	  .column = "professional", .choices = plan_professional_choices },
	{ .label = "职业 Occupation", .type = UI_FIELD_CHOICE, .width = 40,
	  .required = 1, .column = "occupation_id",
	  .choices = screen_exam_occupation_choices },
	{ .label = "等级 Level", .type = UI_FIELD_CHOICE, .width = 20,
	  .required = 1, .column = "level",
	  .choices = screen_exam_level_choices },
	{ .label = "考评机构 Body", .type = UI_FIELD_CHOICE, .width = 40,
	  .column = "agency_id", .choices = plan_agency_choices },
	{ .label = "其他机构 Other body", .type = UI_FIELD_TEXT, .width = 40,
	  .max_chars = 60, .max_bytes = 240, .column = "body_name" },
	{ .label = "考试日期 Date", .type = UI_FIELD_TEXT, .width = 11,
	  .max_chars = 10, .max_bytes = 10, .required = 1,
	  .column = "exam_on" },
	{ .label = "开考时间 Time", .type = UI_FIELD_TEXT, .width = 6,
	  .max_chars = 5, .max_bytes = 5, .required = 1,
	  .column = "start_time" },
	{ .label = "报名截止 Deadline", .type = UI_FIELD_TEXT, .width = 11,
	  .max_chars = 10, .max_bytes = 10, .required = 1,
	  .column = "deadline" },
	{ .label = "收费 Fee note", .type = UI_FIELD_TEXT, .width = 40,
	  .max_chars = 100, .max_bytes = 400, .column = "fee_note" },
};

static const struct ui_action plan_new_actions[] = {
	{ .key = UI_KEY_SAVE, .label = "保存 Save",
	  .may = "exam-plan write", .run = plan_new_save },
};

const struct ui_screen screen_exam_plan_new = {
	.name = "exam-plan-new",
	.title = "制订考试计划 Draft an exam plan",
	.table = "exam_plans",
	.fields = plan_new_fields,
	.nfields = nitems(plan_new_fields),
	.actions = plan_new_actions,
	.nactions = nitems(plan_new_actions),
	.open = plan_new_open,
};
