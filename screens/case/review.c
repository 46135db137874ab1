/*
 * The center's review queue (审核): forwarded cases of every office,
 * oldest first, with counts and the age of the oldest; filters by
 * office, type and occupation above the list; the cases with an
 * appraisal agency are the second queue.
 */
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

static int
review_load(struct ui *ui, struct ui_view *v, struct ui_rows *rows,
    const char *cursor, char **why)
{
	struct qd_case_filter	 f;

	review_filter(v, &f);
	return screen_queue_load(ui, v, &f, rows, cursor, why);
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
};

static const struct ui_list review_list = {
	.columns = screen_case_columns,
	.ncolumns = SCREEN_CASE_NCOLUMNS,
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
