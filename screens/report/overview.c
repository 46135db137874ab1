/*
 * The overview: for every office the user sees, the last twelve months
 * of cases received as a sparkline, then the year's main figures; the
 * province on the last line. At 80 columns the main figures, in a wider
 * window more of them. F4 opens the reports screen (the figures are
 * read again on the way back), F5 switches the charts between block
 * characters and ASCII.
 */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "report/report-screens.h"

#define OV_MONTHS	12
#define OV_NAME_W	14	/* the Chinese name; with the English if wide */
#define OV_WIDE_NAME_W	24

/* The figures beside the sparkline, in the order they are added. */
static const struct {
	const char	*indicator;
	size_t		 col;		/* of its table */
	const char	*title;
	int		 width;
} ov_figures[] = {
	{ "cases.received", 0, "受理 Recv", 10 },
	{ "cases.approved", 0, "通过 Appr", 10 },
	{ "certs.issued", 0, "发证 Cert", 10 },
	{ "cases.backlog", 5, "积压 Open", 10 },
	{ "cases.forward_decision", 1, "审核天 Days", 12 },
	{ "cases.returned", 0, "退回 Ret", 10 },
	{ "cases.collected", 0, "领证 Coll", 10 },
	{ "cases.forward_decision", 2, "P90天 P90", 11 },
	{ "certs.revoked", 0, "撤销 Rev", 10 },
};
#define OV_NFIG	(nitems(ov_figures))

struct ov_row {
	char		*key;		/* office id, or "" for the province */
	char		*label;
	double		 spark[OV_MONTHS];
	int		 has_spark;
	double		 v[OV_NFIG];
};

struct ov_view {
	struct ov_row	*rows;
	size_t		 n;
	char		 from[8], to[8];
	int		 ascii;
	char		*error;
};

static struct ov_row *
ov_row_find(struct ov_view *ov, const char *key, const char *label)
{
	size_t	 i;

	for (i = 0; i < ov->n; i++) {
		if (strcmp(ov->rows[i].key, key) == 0)
			return &ov->rows[i];
	}
	ov->rows = xreallocarray(ov->rows, ov->n + 1, sizeof *ov->rows);
	memset(&ov->rows[ov->n], 0, sizeof *ov->rows);
	ov->rows[ov->n].key = xstrdup(key);
	ov->rows[ov->n].label = xstrdup(label != NULL ? label : key);
	return &ov->rows[ov->n++];
}

/* The province's row: the scope's total for all, else the province's. */
static int
ov_is_province(const struct report_row *r, int office_scope)
{
	return office_scope ? r->kind == REPORT_ROW_PROVINCE :
	    r->kind == REPORT_ROW_TOTAL;
}

/* The figures of one indicator by office over the twelve months. */
static int
ov_figure(struct ui *ui, struct ov_view *ov, size_t f, char **why)
{
	const struct report_indicator	*ind;
	struct report_query		 q;
	struct report_table		*t = NULL;
	struct ov_row			*row;
	size_t				 i;
	int				 rc, scope = role_has_office(ui->user->role);

	if ((ind = report_indicator_find(ov_figures[f].indicator)) == NULL)
		return QD_OK;
	if ((rc = report_query_set(&q, ov->from, ov->to, NULL, "office",
	    why)) != QD_OK ||
	    (rc = report_compute(ui->db, ui->user, ind, &q, &t, why)) != QD_OK)
		return rc;
	for (i = 0; i < t->n; i++) {
		const struct report_row *r = &t->rows[i];

		if (r->kind == REPORT_ROW_ITEM)
			row = ov_row_find(ov, r->key, r->label);
		else if (ov_is_province(r, scope))
			row = ov_row_find(ov, "", "全省 Province");
		else
			continue;
		row->v[f] = r->v[ov_figures[f].col];
	}
	report_table_free(t);
	return QD_OK;
}

/* The sparkline of cases received for one row (office 0: province). */
static int
ov_spark(struct ui *ui, struct ov_view *ov, struct ov_row *row, char **why)
{
	const struct report_indicator	*ind;
	struct report_query		 q;
	struct report_table		*t = NULL;
	size_t				 i, k = 0;
	int				 rc;

	ind = report_indicator_find("cases.received");
	if (ind == NULL || (rc = report_query_set(&q, ov->from, ov->to, NULL,
	    "month", why)) != QD_OK)
		return QD_OK;
	q.office_id = strtoll(row->key, NULL, 10);
	if ((rc = report_compute(ui->db, ui->user, ind, &q, &t, why)) != QD_OK)
		return rc;
	for (i = 0; i < t->n && k < OV_MONTHS; i++) {
		if (t->rows[i].kind == REPORT_ROW_ITEM)
			row->spark[k++] = t->rows[i].v[0];
	}
	row->has_spark = 1;
	report_table_free(t);
	return QD_OK;
}

static void
ov_free_rows(struct ov_view *ov)
{
	size_t	 i;

	for (i = 0; i < ov->n; i++) {
		free(ov->rows[i].key);
		free(ov->rows[i].label);
	}
	free(ov->rows);
	ov->rows = NULL;
	ov->n = 0;
	xfree(&ov->error);
}

static void
ov_load(struct ui *ui, struct ov_view *ov)
{
	char	*why = NULL;
	size_t	 i;
	int	 rc = QD_OK, scope = role_has_office(ui->user->role);

	ov_free_rows(ov);
	report_month_now(ov->to);
	snprintf(ov->from, sizeof ov->from, "%s", ov->to);
	report_month_add(ov->from, -(OV_MONTHS - 1));
	for (i = 0; i < OV_NFIG && rc == QD_OK; i++)
		rc = ov_figure(ui, ov, i, &why);
	/* An office sees the province's totals, not its months. */
	for (i = 0; i < ov->n && rc == QD_OK; i++) {
		if (*ov->rows[i].key != '\0' || !scope)
			rc = ov_spark(ui, ov, &ov->rows[i], &why);
	}
	if (rc != QD_OK)
		ov->error = why != NULL ? why : xstrdup(screen_result_text(rc));
	else
		free(why);
}

static int
ov_open(struct ui *ui, struct ui_view *v)
{
	struct ov_view		*ov = xcalloc(1, sizeof *ov);
	struct report_prefs	 p;

	db_report_prefs_load(ui->db, ui->user, &p);
	ov->ascii = p.ascii >= 0 ? p.ascii : ui_chart_ascii_default(ui);
	ov_load(ui, ov);
	v->priv = ov;
	return QD_OK;
}

static void
ov_close(struct ui *ui, struct ui_view *v)
{
	struct ov_view	*ov = v->priv;

	(void)ui;
	ov_free_rows(ov);
	free(ov);
	v->priv = NULL;
}

/* The names' column: the Chinese names alone at 80 columns. */
static int
ov_name_w(void)
{
	return COLS >= 132 ? OV_WIDE_NAME_W : OV_NAME_W;
}

/* The label to show: up to its first space when narrow. */
static void
ov_name(const char *label, char *buf, size_t len)
{
	const char	*sp = strchr(label, ' ');

	if (ov_name_w() == OV_NAME_W && sp != NULL)
		snprintf(buf, len, "%.*s", (int)(sp - label), label);
	else
		snprintf(buf, len, "%s", label);
}

/* How many figures fit beside the name and the sparkline. */
static size_t
ov_fit(void)
{
	int	 x = 1 + ov_name_w() + 1 + OV_MONTHS + 1;
	size_t	 n = 0;

	while (n < OV_NFIG && x + ov_figures[n].width <= COLS - 1)
		x += ov_figures[n++].width;
	return n;
}

static void
ov_draw(struct ui *ui, struct ui_view *v, int top)
{
	struct ov_view	*ov = v->priv;
	char		 buf[64], name[96], *spark;
	size_t		 i, f, nf = ov_fit();
	int		 y = top, x, bottom = ui_frame_body_bottom(), attr;
	int		 nw = ov_name_w();

	(void)ui;
	if (ov->error != NULL) {
		ui_put(y, 1, ov->error, COLS - 2, A_BOLD, 0);
		return;
	}
	snprintf(buf, sizeof buf, "最近12个月 Last 12 months  %s – %s%s",
	    ov->from, ov->to, ov->ascii ? "  [ASCII]" : "");
	ui_put(y++, 1, buf, COLS - 2, A_NORMAL, 0);
	ui_put(y, 1, "办公室 Office", nw, A_UNDERLINE, 0);
	ui_put(y, 2 + nw, "受理趋势", OV_MONTHS, A_UNDERLINE, 0);
	x = 1 + nw + 1 + OV_MONTHS + 1;
	for (f = 0; f < nf; f++) {
		ui_put(y, x, ov_figures[f].title, ov_figures[f].width - 1,
		    A_UNDERLINE, 0);
		x += ov_figures[f].width;
	}
	y++;
	for (i = 0; i < ov->n && y <= bottom; i++, y++) {
		attr = *ov->rows[i].key == '\0' ? A_BOLD : A_NORMAL;
		ov_name(ov->rows[i].label, name, sizeof name);
		ui_put(y, 1, name, nw, attr, 1);
		if (ov->rows[i].has_spark) {
			spark = ui_chart_spark(ov->rows[i].spark, OV_MONTHS,
			    ov->ascii);
			ui_put(y, 2 + nw, spark, OV_MONTHS, A_NORMAL, 0);
			free(spark);
		}
		x = 1 + nw + 1 + OV_MONTHS + 1;
		for (f = 0; f < nf; f++) {
			if (ov->rows[i].v[f] < 0)
				snprintf(buf, sizeof buf, "-");
			else
				snprintf(buf, sizeof buf, "%.0f",
				    ov->rows[i].v[f]);
			ui_put(y, x + ov_figures[f].width - 2 -
			    text_width(buf), buf, text_width(buf), attr, 0);
			x += ov_figures[f].width;
		}
	}
}

static enum ui_next
ov_toggle(struct ui *ui, struct ui_view *v)
{
	struct ov_view		*ov = v->priv;
	struct report_prefs	 p;
	char			*why = NULL;

	ov->ascii = !ov->ascii;
	db_report_prefs_load(ui->db, ui->user, &p);
	p.ascii = ov->ascii;
	if (db_report_prefs_save(ui->db, ui->user, &p, &why) != QD_OK)
		ui_error(ui, "%s", why != NULL ? why : "");
	else
		ui_msg(ui, "%s", ov->ascii ? "图表改用 ASCII Charts in ASCII" :
		    "图表使用方块字符 Charts in block characters");
	free(why);
	return UI_STAY;
}

static enum ui_next
ov_reports(struct ui *ui, struct ui_view *v)
{
	ui_screen_open(ui, "reports", NULL);
	ov_load(ui, v->priv);
	return UI_STAY;
}

static const struct ui_action ov_actions[] = {
	{ .key = UI_KEY_F(4), .label = "报表 Reports", .roles = UI_ROLES_ALL,
	  .run = ov_reports },
	{ .key = UI_KEY_F(5), .label = "字符图 ASCII", .roles = UI_ROLES_ALL,
	  .run = ov_toggle },
};

const struct ui_screen screen_report_overview = {
	.name = "report_overview",
	.title = "统计概览 Overview",
	.actions = ov_actions,
	.nactions = nitems(ov_actions),
	.open = ov_open,
	.close = ov_close,
	.draw = ov_draw,
};
