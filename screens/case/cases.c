/*
 * All the cases the user may see, newest first, narrowed by state, by the
 * channel the application came by (and by office for the center): where an office follows what it forwarded and
 * sees each case's state change.
 */
#include <stdlib.h>
#include <string.h>

#include "case/case-screens.h"

static const char *const cases_states[] = {
	"accepted", "forwarded", "returned", "agency", "approved", "rejected",
	"notified", "collected", "closed", "withdrawn",
};
#define CASES_NSTATES	(nitems(cases_states))

static int
cases_state_choices(struct ui *ui, struct ui_choice **out, size_t *n)
{
	size_t	 i;

	(void)ui;
	*out = xcalloc(CASES_NSTATES + 1, sizeof **out);
	(*out)[0].value = xstrdup("");
	(*out)[0].label = xstrdup("全部状态 All states");
	for (i = 0; i < CASES_NSTATES; i++) {
		(*out)[i + 1].value = xstrdup(cases_states[i]);
		(*out)[i + 1].label = xstrdup(case_state_label(cases_states[i]));
	}
	*n = CASES_NSTATES + 1;
	return QD_OK;
}

static int
cases_channel_choices(struct ui *ui, struct ui_choice **out, size_t *n)
{
	size_t	 i, nc;

	(void)ui;
	for (nc = 0; case_channel(nc) != NULL; nc++)
		;
	*out = xcalloc(nc + 1, sizeof **out);
	(*out)[0].value = xstrdup("");
	(*out)[0].label = xstrdup("全部渠道 All channels");
	for (i = 0; i < nc; i++) {
		(*out)[i + 1].value = xstrdup(case_channel(i));
		(*out)[i + 1].label = xstrdup(case_channel_label(case_channel(i)));
	}
	*n = nc + 1;
	return QD_OK;
}

static int
cases_load(struct ui *ui, struct ui_view *v, struct ui_rows *rows,
    const char *cursor, char **why)
{
	struct qd_case_filter	 f;
	struct qd_case_row	*r = NULL;
	const char		*state = ui_view_value(v, "state");
	const char		*channel = ui_view_value(v, "channel");
	char			*next = NULL;
	size_t			 n = 0;
	int			 rc;

	memset(&f, 0, sizeof f);
	f.queue = CASE_QUEUE_ALL;
	f.state = *state != '\0' ? state : NULL;
	f.office_id = strtoll(ui_view_value(v, "office_id"), NULL, 10);
	f.channel = *channel != '\0' ? channel : NULL;
	rc = db_case_list(ui->db, ui->user, &f, cursor, 100, &r, &n, &next,
	    why);
	if (rc != QD_OK)
		return rc;
	screen_case_page(rows, r, n, next);
	return QD_OK;
}

static enum ui_next
cases_open(struct ui *ui, struct ui_view *v)
{
	screen_case_show(ui, v->rows.ids[v->sel]);
	return UI_RELOAD;
}

static const struct ui_field cases_fields[] = {
	{ .label = "状态 State", .type = UI_FIELD_CHOICE, .width = 26,
	  .column = "state", .choices = cases_state_choices },
	{ .label = "办公室 Office", .type = UI_FIELD_CHOICE, .width = 26,
	  .column = "office_id", .choices = screen_office_choices },
	{ .label = "渠道 Channel", .type = UI_FIELD_CHOICE, .width = 26,
	  .column = "channel", .choices = cases_channel_choices },
};

static const struct ui_action cases_actions[] = {
	{ .key = UI_KEY_ENTER, .label = "打开 Open", .roles = UI_ROLES_ALL,
	  .needs_row = 1, .run = cases_open },
};

static const struct ui_list cases_list = {
	.columns = screen_case_columns,
	.ncolumns = SCREEN_CASE_NCOLUMNS,
	.load = cases_load,
	.empty = "没有案件 No cases",
};

const struct ui_screen screen_cases = {
	.name = "cases",
	.title = "全部案件 All cases  (Tab 筛选 filters)",
	.table = "cases",
	.fields = cases_fields,
	.nfields = nitems(cases_fields),
	.filter = 1,
	.list = &cases_list,
	.actions = cases_actions,
	.nactions = nitems(cases_actions),
};
