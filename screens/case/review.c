/*
 * The center's review queue (审核): forwarded cases of every office,
 * oldest first, with counts and the age of the oldest; filters by
 * office, type and occupation above the list; the cases with an
 * appraisal agency are the second queue. F4 goes to a case by its number.
 * On a wide screen the list has a type column and the qualification
 * takes most of the extra width.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "case/case-screens.h"
#include "catalog/catalog-screens.h"

static int
review_queue_choices(struct ui *ui, struct ui_choice **out, size_t *n)
{
	(void)ui;
	*out = xcalloc(2, sizeof **out);
	(*out)[0].value = xstrdup("forwarded");
	(*out)[0].label = xstrdup("待审核 To review");
	(*out)[1].value = xstrdup("agency");
	(*out)[1].label = xstrdup("委托认定中 With an agency");
	*n = 2;
	return QD_OK;
}

/* The filter the fields say. */
static void
review_filter(const struct ui_view *v, struct qd_case_filter *f)
{
	const char	*type = ui_view_value(v, "type");

	memset(f, 0, sizeof *f);
	f->queue = strcmp(ui_view_value(v, "state"), "agency") == 0 ?
	    CASE_QUEUE_AGENCY : CASE_QUEUE_REVIEW;
	f->office_id = strtoll(ui_view_value(v, "office_id"), NULL, 10);
	f->type = *type != '\0' ? type : NULL;
	f->occupation_id = strtoll(ui_view_value(v, "occupation_id"), NULL,
	    10);
}

static const struct ui_column review_columns[] = {
	{ .title = "案件 No", .width = 7 },
	{ .title = "类型 Type", .width = 9, .grow = UI_COLUMN_WIDE },
	{ .title = "台胞 Name", .width = 10, .grow = 1 },
	{ .title = "城市 City", .width = 9 },
	{ .title = "资格 Qualification", .width = 18, .grow = 3 },
	{ .title = "状态 State", .width = 10 },
	{ .title = "天 Age", .width = 6 },
	{ .title = "领取 By", .width = 8 },
};

/* The case list's rows with the type after the number. */
static void
review_rows_add(struct ui_rows *rows, const struct qd_case_row *r, size_t n)
{
	struct ui_rows	 one;
	const char	*cells[nitems(review_columns)];
	char		 type[32];
	size_t		 i, c;

	for (i = 0; i < n; i++) {
		memset(&one, 0, sizeof one);
		one.ncols = SCREEN_CASE_NCOLUMNS;
		screen_case_rows_add(&one, &r[i], 1);
		/* The Chinese name of the type: the column is narrow. */
		snprintf(type, sizeof type, "%.*s",
		    (int)strcspn(case_type_label(r[i].type), " "),
		    case_type_label(r[i].type));
		cells[0] = one.cells[0];
		cells[1] = type;
		for (c = 1; c < SCREEN_CASE_NCOLUMNS; c++)
			cells[c + 1] = one.cells[c];
		ui_rows_add(rows, r[i].id, one.keys[0], cells);
		ui_rows_clear(&one);
	}
}

static int
review_load(struct ui *ui, struct ui_view *v, struct ui_rows *rows,
    const char *cursor, char **why)
{
	struct qd_case_filter	 f;
	struct qd_case_row	*r = NULL;
	char			*next = NULL;
	int			 rc;
	size_t			 n = 0;

	review_filter(v, &f);
	rc = screen_queue_page(ui, v, &f, cursor, &r, &n, &next, why);
	if (rc != QD_OK)
		return rc;
	review_rows_add(rows, r, n);
	rows->more = next != NULL;
	ui_rows_set_cursor(rows, next);
	case_rows_free(r, n);
	free(next);
	return QD_OK;
}

/*
 * Go to a case by its number: selected where the queue has it (the pages
 * down to it loaded), else opened on its own.
 */
static enum ui_next
review_goto(struct ui *ui, struct ui_view *v)
{
	char		*typed = NULL, *end;
	long long	 id;

	if (ui_dialog_input(ui, v, "转到案件 Go to a case", "案件号 Case No.",
	    "", 12, &typed) != QD_OK)
		return UI_STAY;
	id = strtoll(typed, &end, 10);
	if (end == typed || *end != '\0' || id <= 0) {
		ui_error(ui, "案件号是数字，如 1024  A case number is digits, "
		    "such as 1024");
		free(typed);
		return UI_STAY;
	}
	free(typed);
	if (ui_list_goto(ui, v, id)) {
		ui_msg(ui, "案件 %lld 在第 %zu 行 Case %lld is row %zu", id,
		    v->sel + 1, id, v->sel + 1);
		return UI_STAY;
	}
	screen_case_show(ui, id);
	return UI_RELOAD;
}

static enum ui_next
review_open(struct ui *ui, struct ui_view *v)
{
	screen_case_show(ui, v->rows.ids[v->sel]);
	return UI_RELOAD;
}

static const struct ui_field review_fields[] = {
	{ .label = "队列 Queue", .type = UI_FIELD_CHOICE, .width = 26,
	  .column = "state", .choices = review_queue_choices },
	{ .label = "办公室 Office", .type = UI_FIELD_CHOICE, .width = 26,
	  .column = "office_id", .choices = screen_office_choices },
	{ .label = "类型 Type", .type = UI_FIELD_CHOICE, .width = 26,
	  .column = "type", .choices = screen_type_choices },
	{ .label = "职业 Occupation", .type = UI_FIELD_CHOICE, .width = 30,
	  .column = "occupation_id",
	  .choices = screen_occupation_filter_choices },
};

static const struct ui_action review_actions[] = {
	{ .key = UI_KEY_ENTER, .label = "打开 Open", .roles = UI_ROLES_ALL,
	  .needs_row = 1, .run = review_open },
	{ .key = UI_KEY_F(4), .label = "转到 Go to", .roles = UI_ROLES_ALL,
	  .run = review_goto },
};

static const struct ui_list review_list = {
	.columns = review_columns,
	.ncolumns = nitems(review_columns),
	.load = review_load,
	.summary = screen_queue_summary,
	.empty = "队列为空 The queue is empty",
};

const struct ui_screen screen_review = {
	.name = "review",
	.title = "审核队列 Review queue  (Tab 筛选 filters)",
	.table = "cases",
	.fields = review_fields,
	.nfields = nitems(review_fields),
	.filter = 1,
	.list = &review_list,
	.actions = review_actions,
	.nactions = nitems(review_actions),
	.close = screen_queue_close,
};
