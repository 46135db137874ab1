/*
 * The reports screen: pick an indicator, a period and a split; the table
 * and a bar chart of it are drawn below the fields, again whenever a
 * field changes. F5 switches the chart between block characters and
 * ASCII; what was asked for and that choice are kept (report_prefs) as
 * a draft would be, so the screen opens on them next time.
 */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "report/report-screens.h"

/* What the screen last computed, for the draw hook. */
struct reports_view {
	char			*asked;		/* the fields it was for */
	struct report_table	*t;
	char			*error;
	int			 ascii;
	struct report_prefs	 saved;
};

static int
reports_indicator_choices(struct ui *ui, struct ui_choice **out, size_t *n)
{
	const struct report_indicator	*r;
	struct ui_choice		*c;
	size_t				 i, k = 0;

	(void)ui;
	for (i = 0; report_indicator_at(i) != NULL; i++)
		;
	c = screen_choices_new(i, NULL);
	for (i = 0; (r = report_indicator_at(i)) != NULL; i++) {
		c[k].value = xstrdup(r->name);
		c[k++].label = xstrdup(report_indicator_title(r));
	}
	*out = c;
	*n = k;
	return QD_OK;
}

static int
reports_split_choices(struct ui *ui, struct ui_choice **out, size_t *n)
{
	static const char *const names[] = { "month", "office", "occupation",
	    "level", "type", "none" };
	struct ui_choice	*c = screen_choices_new(nitems(names), NULL);
	size_t			 i;
	int			 by;

	(void)ui;
	for (i = 0; i < nitems(names); i++) {
		report_dim_parse(names[i], &by);
		c[i].value = xstrdup(names[i]);
		c[i].label = xstrdup(report_dim_label(by));
	}
	*out = c;
	*n = nitems(names);
	return QD_OK;
}

/* A month or nothing (the default). */
static int
reports_month_check(const char *value, char **why)
{
	if (*value == '\0' || report_month_valid(value))
		return QD_OK;
	*why = xstrdup("请填写年月，如 2026-11 give a month as YYYY-MM");
	return QD_EINVAL;
}

static const struct ui_field reports_fields[] = {
	{ .label = "指标 Indicator", .type = UI_FIELD_CHOICE, .width = 36,
	  .column = "indicator", .choices = reports_indicator_choices },
	{ .label = "起 From", .type = UI_FIELD_TEXT, .width = 7,
	  .max_chars = 7, .max_bytes = 7, .column = "from_month", .validate = reports_month_check },
	{ .label = "止 To", .type = UI_FIELD_TEXT, .width = 7,
	  .max_chars = 7, .max_bytes = 7, .column = "to_month", .validate = reports_month_check },
	{ .label = "分组 Split", .type = UI_FIELD_CHOICE, .width = 20,
	  .column = "split", .choices = reports_split_choices },
	{ .label = "办公室 Office", .type = UI_FIELD_CHOICE, .width = 20,
	  .column = "office_id", .choices = screen_office_choices },
};

/* The fields as prefs. */
static void
reports_prefs_of(struct ui_view *v, struct report_prefs *p, int ascii)
{
	memset(p, 0, sizeof *p);
	snprintf(p->indicator, sizeof p->indicator, "%s",
	    ui_view_value(v, "indicator"));
	snprintf(p->from, sizeof p->from, "%s", ui_view_value(v, "from_month"));
	snprintf(p->to, sizeof p->to, "%s", ui_view_value(v, "to_month"));
	snprintf(p->split, sizeof p->split, "%s", ui_view_value(v, "split"));
	p->office_id = strtoll(ui_view_value(v, "office_id"), NULL, 10);
	p->ascii = ascii;
}

static int
reports_open(struct ui *ui, struct ui_view *v)
{
	struct reports_view	*rv = xcalloc(1, sizeof *rv);
	struct report_prefs	 p;
	char			 office[24];

	db_report_prefs_load(ui->db, ui->user, &p);
	rv->ascii = p.ascii >= 0 ? p.ascii : ui_chart_ascii_default(ui);
	ui_view_set(v, "indicator", p.indicator);
	ui_view_set(v, "from_month", p.from);
	ui_view_set(v, "to_month", p.to);
	ui_view_set(v, "split", p.split);
	snprintf(office, sizeof office, "%lld", (long long)p.office_id);
	if (p.office_id != 0)
		ui_view_set(v, "office_id", office);
	rv->saved = p;
	v->priv = rv;
	return QD_OK;
}

/* Keep what was asked for (and the chart's ASCII) for next time. */
static void
reports_keep(struct ui *ui, struct ui_view *v)
{
	struct reports_view	*rv = v->priv;
	struct report_prefs	 p;
	char			*why = NULL;

	reports_prefs_of(v, &p, rv->ascii);
	if (memcmp(&p, &rv->saved, sizeof p) == 0 ||
	    (*p.from != '\0' && !report_month_valid(p.from)) ||
	    (*p.to != '\0' && !report_month_valid(p.to)))
		return;
	if (db_report_prefs_save(ui->db, ui->user, &p, &why) == QD_OK)
		rv->saved = p;
	free(why);
}

static void
reports_close(struct ui *ui, struct ui_view *v)
{
	struct reports_view	*rv = v->priv;

	reports_keep(ui, v);
	report_table_free(rv->t);
	free(rv->asked);
	free(rv->error);
	free(rv);
	v->priv = NULL;
}

/* Compute again when the fields say something new. */
static void
reports_compute(struct ui *ui, struct ui_view *v, struct reports_view *rv)
{
	const struct report_indicator	*ind;
	struct report_query		 q;
	struct report_prefs		 p;
	char				*asked, *why = NULL;

	reports_prefs_of(v, &p, 0);
	xasprintf(&asked, "%s|%s|%s|%s|%lld", p.indicator, p.from, p.to,
	    p.split, (long long)p.office_id);
	if (rv->asked != NULL && strcmp(asked, rv->asked) == 0) {
		free(asked);
		return;
	}
	free(rv->asked);
	rv->asked = asked;
	report_table_free(rv->t);
	rv->t = NULL;
	xfree(&rv->error);
	if ((ind = report_indicator_find(p.indicator)) == NULL)
		rv->error = xstrdup("请选择指标 choose an indicator");
	else if (report_query_set(&q, p.from, p.to, NULL, p.split, &why) ==
	    QD_OK) {
		q.office_id = p.office_id;
		if ((q.by & ind->dims) == 0)
			q.by = 0;
		if (report_compute(ui->db, ui->user, ind, &q, &rv->t, &why) !=
		    QD_OK)
			rv->error = why != NULL ? why :
			    xstrdup(screen_result_text(QD_EDB));
		else
			free(why);
	} else
		rv->error = why;
}

/* The column the chart draws: the count, the median, the total. */
static size_t
reports_chart_col(const struct report_table *t)
{
	if (t->ind->kind == REPORT_DAYS)
		return 1;
	return t->ncols - 1;
}

/* One line of the table: label, values, and the bar in what is left. */
static void
reports_line(const struct report_table *t, const struct report_row *r,
    int y, int label_w, int val_w, double max, int ascii)
{
	char	 buf[32], *bar;
	size_t	 c;
	int	 x = 1, attr = r->kind == REPORT_ROW_ITEM ? A_NORMAL : A_BOLD;

	ui_put(y, x, r->label != NULL ? r->label : r->key, label_w, attr, 1);
	x += label_w + 1;
	for (c = 0; c < t->ncols; c++) {
		report_value_text(t, r, c, buf, sizeof buf);
		ui_put(y, x + val_w - 1 - text_width(buf), buf, text_width(buf),
		    attr, 0);
		x += val_w;
	}
	if (r->kind != REPORT_ROW_ITEM || COLS - x - 2 < 4)
		return;
	bar = ui_chart_bar(r->v[reports_chart_col(t)], max, COLS - x - 2,
	    ascii);
	ui_put(y, x + 1, bar, COLS - x - 2, A_NORMAL, 0);
	free(bar);
}

static void
reports_draw(struct ui *ui, struct ui_view *v, int top)
{
	struct reports_view	*rv = v->priv;
	const struct report_table *t;
	char			 head[256];
	size_t			 i, c;
	double			 max = 0;
	int			 y = top + 1, bottom = ui_frame_body_bottom();
	int			 label_w, val_w, x;

	reports_compute(ui, v, rv);
	if (rv->error != NULL) {
		ui_put(y, 1, rv->error, COLS - 2, A_BOLD, 0);
		return;
	}
	t = rv->t;
	snprintf(head, sizeof head, "%s – %s%s%s", t->q.from, t->q.to,
	    t->closed ? "  已结账 closed" : "", rv->ascii ? "  [ASCII]" : "");
	ui_put(y++, 1, head, COLS - 2, A_NORMAL, 0);
	label_w = COLS >= 120 ? 28 : 18;
	val_w = t->ncols > 3 ? 10 : 14;
	x = 1 + label_w + 1;
	for (c = 0; c < t->ncols && y <= bottom; c++) {
		ui_put(y, x, t->col_titles[c], val_w - 1, A_UNDERLINE, 0);
		x += val_w;
	}
	y++;
	for (i = 0; i < t->n; i++) {
		if (t->rows[i].kind == REPORT_ROW_ITEM &&
		    t->rows[i].v[reports_chart_col(t)] > max)
			max = t->rows[i].v[reports_chart_col(t)];
	}
	for (i = 0; i < t->n && y <= bottom; i++, y++) {
		if (y == bottom && i + 1 < t->n) {
			ui_put(y, 1, "… 更多见 report show / more: report show",
			    COLS - 2, A_NORMAL, 0);
			break;
		}
		reports_line(t, &t->rows[i], y, label_w, val_w, max, rv->ascii);
	}
}

/* F5: block characters or ASCII, kept for next time. */
static enum ui_next
reports_toggle(struct ui *ui, struct ui_view *v)
{
	struct reports_view	*rv = v->priv;

	rv->ascii = !rv->ascii;
	reports_keep(ui, v);
	ui_msg(ui, "%s", rv->ascii ? "图表改用 ASCII Charts in ASCII" :
	    "图表使用方块字符 Charts in block characters");
	return UI_STAY;
}

static const struct ui_action reports_actions[] = {
	{ .key = UI_KEY_F(5), .label = "字符图 ASCII", .roles = UI_ROLES_ALL,
	  .run = reports_toggle },
};

const struct ui_screen screen_reports = {
	.name = "reports",
	.title = "统计报表 Reports",
	.table = "report_prefs",
	.fields = reports_fields,
	.nfields = nitems(reports_fields),
	.actions = reports_actions,
	.nactions = nitems(reports_actions),
	.open = reports_open,
	.close = reports_close,
	.draw = reports_draw,
	.draft = reports_keep,
};
