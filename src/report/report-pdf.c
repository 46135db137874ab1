/*
 * The monthly report to the province as an A4 PDF, drawn with cairo and
 * set with pango as the certificates are (src/cert/cert-pdf.c): a title
 * page, the headline figures, one bar chart per indicator by office, and
 * the per-office table on a landscape page. Nothing on the pages but the
 * creation date depends on when it is made, so the report of a closed
 * month, read from its snapshot, comes out the same byte for byte.
 */
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "report/report.h"

#define RPDF_W		595.28		/* A4 portrait, points */
#define RPDF_H		841.89
#define RPDF_MARGIN	56.0
#define RPDF_FONTS	"Noto Sans CJK SC,Noto Serif CJK SC,WenQuanYi Zen Hei"
#define RPDF_CHARTS	3		/* charts a page */

struct rpdf {
	cairo_surface_t		*s;
	cairo_t			*cr;
	PangoContext		*pc;
	FILE			*f;
	int			 failed;
};

/* The month's tables, one per indicator, and the seal if it is closed. */
struct rpdf_data {
	const char		*month;
	const char		*created;
	struct report_table	**t;
	size_t			 n;
	int			 closed;
	struct report_seal	 seal;
	char			*scope;		/* 全省 or the office */
};

static cairo_status_t
rpdf_emit(void *closure, const unsigned char *data, unsigned int len)
{
	struct rpdf	*p = closure;

	if (p->failed || fwrite(data, 1, len, p->f) != len) {
		p->failed = 1;
		return CAIRO_STATUS_WRITE_ERROR;
	}
	return CAIRO_STATUS_SUCCESS;
}

/* Text in a box w wide at (x, y); returns its height. */
static double
rpdf_text(struct rpdf *p, const char *text, double size, int bold,
    double x, double y, double w, PangoAlignment align)
{
	PangoLayout		*l = pango_layout_new(p->pc);
	PangoFontDescription	*fd;
	int			 lw, lh;

	fd = pango_font_description_from_string(RPDF_FONTS);
	pango_font_description_set_absolute_size(fd,
	    pango_units_from_double(size));
	pango_font_description_set_weight(fd, bold ? PANGO_WEIGHT_BOLD :
	    PANGO_WEIGHT_NORMAL);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	pango_layout_set_width(l, pango_units_from_double(w));
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_alignment(l, align);
	pango_layout_set_text(l, text, -1);
	cairo_move_to(p->cr, x, y);
	pango_cairo_show_layout(p->cr, l);
	pango_layout_get_size(l, &lw, &lh);
	g_object_unref(l);
	return pango_units_to_double(lh);
}

/* The scope's row of t: its total. */
static const struct report_row *
rpdf_row(const struct report_table *t, enum report_row_kind kind)
{
	size_t	 i;

	for (i = 0; i < t->n; i++) {
		if (t->rows[i].kind == kind)
			return &t->rows[i];
	}
	return NULL;
}

/* "12", or "12 件 · 中位 3 天 · 90% 9 天" for a processing time. */
static void
rpdf_value(const struct report_table *t, const struct report_row *r,
    char *buf, size_t len)
{
	char	 a[32], b[32], c[32];
	size_t	 i, at = 0;

	buf[0] = '\0';
	if (r == NULL)
		return;
	if (t->ind->kind == REPORT_DAYS) {
		snprintf(buf, len, "%s 件 · 中位 %s 天 · 90%% %s 天",
		    report_value_text(t, r, 0, a, sizeof a),
		    report_value_text(t, r, 1, b, sizeof b),
		    report_value_text(t, r, 2, c, sizeof c));
		return;
	}
	for (i = 0; i < t->ncols && at < len; i++)
		at += (size_t)snprintf(buf + at, len - at, "%s%s%s%s",
		    i > 0 ? " · " : "", t->ncols > 1 ? t->col_titles[i] : "",
		    t->ncols > 1 ? " " : "",
		    report_value_text(t, r, i, a, sizeof a));
}

static void
rpdf_title_page(struct rpdf *p, const struct rpdf_data *d)
{
	double	 y = 200, w = RPDF_W - 2 * RPDF_MARGIN;
	char	*s;

	y += rpdf_text(p, "台胞职业资格采信采认工作月报", 26, 1, RPDF_MARGIN, y,
	    w, PANGO_ALIGN_CENTER) + 12;
	y += rpdf_text(p, "Monthly report: vocational qualifications of Taiwan"
	    " compatriots", 13, 0, RPDF_MARGIN, y, w, PANGO_ALIGN_CENTER) + 30;
	xasprintf(&s, "%.4s年%d月  %s", d->month, atoi(d->month + 5), d->month);
	y += rpdf_text(p, s, 20, 1, RPDF_MARGIN, y, w, PANGO_ALIGN_CENTER) + 16;
	free(s);
	y += rpdf_text(p, d->scope, 15, 0, RPDF_MARGIN, y, w,
	    PANGO_ALIGN_CENTER) + 60;
	y += rpdf_text(p, "福建省（平潭）台胞职业资格考证认证一体化服务中心", 14,
	    0, RPDF_MARGIN, y, w, PANGO_ALIGN_CENTER) + 80;
	if (d->closed)
		xasprintf(&s, "已结账 Closed %.10s by %s\n签名密钥 Key %04x\n"
		    "SHA-256 %s\n签名 Signature %.64s\n%s", d->seal.closed_at,
		    d->seal.closed_by, d->seal.kid, d->seal.digest,
		    d->seal.signature, d->seal.signature + 64);
	else
		s = xstrdup("未结账：实时数字 Not closed: live figures");
	y += rpdf_text(p, s, 9, 0, RPDF_MARGIN, y, w, PANGO_ALIGN_CENTER) + 12;
	free(s);
	xasprintf(&s, "生成于 Created %s", d->created);
	rpdf_text(p, s, 9, 0, RPDF_MARGIN, RPDF_H - RPDF_MARGIN - 12, w,
	    PANGO_ALIGN_CENTER);
	free(s);
	cairo_show_page(p->cr);
}

static void
rpdf_headline_page(struct rpdf *p, const struct rpdf_data *d)
{
	const struct report_row	*tot, *prov;
	double			 y = RPDF_MARGIN, w = RPDF_W - 2 * RPDF_MARGIN;
	double			 h, h2;
	char			 a[240], b[240], *s;
	size_t			 i;

	y += rpdf_text(p, "主要数字 Headline figures", 18, 1, RPDF_MARGIN, y, w,
	    PANGO_ALIGN_LEFT) + 16;
	for (i = 0; i < d->n; i++) {
		tot = rpdf_row(d->t[i], REPORT_ROW_TOTAL);
		prov = rpdf_row(d->t[i], REPORT_ROW_PROVINCE);
		rpdf_value(d->t[i], tot, a, sizeof a);
		rpdf_value(d->t[i], prov, b, sizeof b);
		h = rpdf_text(p, report_indicator_title(d->t[i]->ind), 10.5, 0,
		    RPDF_MARGIN, y, w * 0.45, PANGO_ALIGN_LEFT);
		if (prov != NULL)
			xasprintf(&s, "%s（全省 province %s）", a, b);
		else
			s = xstrdup(a);
		h2 = rpdf_text(p, s, 10.5, 1, RPDF_MARGIN + w * 0.47, y,
		    w * 0.53, PANGO_ALIGN_LEFT);
		free(s);
		y += (h > h2 ? h : h2) + 7;
	}
	cairo_show_page(p->cr);
}

/* One chart: the first value of each office's row as a bar, at y. */
static double
rpdf_chart(struct rpdf *p, const struct report_table *t, double y)
{
	double	 w = RPDF_W - 2 * RPDF_MARGIN, label_w = 110, bar_w, max = 0;
	double	 row_h = 14, x0 = RPDF_MARGIN + label_w;
	char	 v[32];
	size_t	 i, col = t->ind->kind == REPORT_COMPUTE ? t->ncols - 1 :
		    t->ind->kind == REPORT_DAYS ? 1 : 0;

	y += rpdf_text(p, report_indicator_title(t->ind), 12, 1, RPDF_MARGIN,
	    y, w, PANGO_ALIGN_LEFT) + 6;
	for (i = 0; i < t->n; i++) {
		if (t->rows[i].kind == REPORT_ROW_ITEM && t->rows[i].v[col] > max)
			max = t->rows[i].v[col];
	}
	bar_w = w - label_w - 50;
	for (i = 0; i < t->n; i++) {
		if (t->rows[i].kind != REPORT_ROW_ITEM)
			continue;
		rpdf_text(p, t->rows[i].label, 8, 0, RPDF_MARGIN, y, label_w - 4,
		    PANGO_ALIGN_LEFT);
		if (max > 0 && t->rows[i].v[col] > 0) {
			cairo_set_source_rgb(p->cr, 0.20, 0.36, 0.62);
			cairo_rectangle(p->cr, x0, y + 2, bar_w *
			    t->rows[i].v[col] / max, row_h - 5);
			cairo_fill(p->cr);
			cairo_set_source_rgb(p->cr, 0, 0, 0);
		}
		report_value_text(t, &t->rows[i], col, v, sizeof v);
		rpdf_text(p, v, 8, 0, x0 + (max > 0 ? bar_w *
		    (t->rows[i].v[col] > 0 ? t->rows[i].v[col] : 0) / max : 0) +
		    4, y, 46, PANGO_ALIGN_LEFT);
		y += row_h;
	}
	return y + 18;
}

static void
rpdf_chart_pages(struct rpdf *p, const struct rpdf_data *d)
{
	double	 y = RPDF_MARGIN;
	size_t	 i, on_page = 0;

	for (i = 0; i < d->n; i++) {
		if (on_page == RPDF_CHARTS) {
			cairo_show_page(p->cr);
			y = RPDF_MARGIN;
			on_page = 0;
		}
		y = rpdf_chart(p, d->t[i], y);
		on_page++;
	}
	cairo_show_page(p->cr);
}

/* The table of every office (rows) by the counts (columns), landscape. */
static void
rpdf_office_page(struct rpdf *p, const struct rpdf_data *d)
{
	const struct report_table	*first = NULL;
	double				 y = RPDF_MARGIN, x, name_w = 120;
	double				 col_w;
	size_t				 i, j, k, ncol = 0;
	char				 v[32];

	cairo_pdf_surface_set_size(p->s, RPDF_H, RPDF_W);
	for (i = 0; i < d->n; i++) {
		if (d->t[i]->ind->kind != REPORT_COMPUTE) {
			ncol++;
			if (first == NULL)
				first = d->t[i];
		}
	}
	if (first == NULL || ncol == 0)
		return;
	col_w = (RPDF_H - 2 * 40 - name_w) / (double)ncol;
	y += rpdf_text(p, "分办公室 By office", 16, 1, 40, y, 400,
	    PANGO_ALIGN_LEFT) + 10;
	x = 40 + name_w;
	for (i = 0; i < d->n; i++) {
		if (d->t[i]->ind->kind == REPORT_COMPUTE)
			continue;
		rpdf_text(p, d->t[i]->ind->label_zh, 7.5, 1, x, y, col_w - 2,
		    PANGO_ALIGN_RIGHT);
		x += col_w;
	}
	y += 30;
	for (j = 0; j < first->n; j++) {
		rpdf_text(p, first->rows[j].label, 8, first->rows[j].kind !=
		    REPORT_ROW_ITEM, 40, y, name_w - 4, PANGO_ALIGN_LEFT);
		x = 40 + name_w;
		for (i = 0; i < d->n; i++) {
			if (d->t[i]->ind->kind == REPORT_COMPUTE)
				continue;
			v[0] = '\0';
			for (k = 0; k < d->t[i]->n; k++) {
				if (d->t[i]->rows[k].kind ==
				    first->rows[j].kind &&
				    strcmp(d->t[i]->rows[k].key,
				    first->rows[j].key) == 0)
					report_value_text(d->t[i],
					    &d->t[i]->rows[k],
					    d->t[i]->ind->kind == REPORT_DAYS ?
					    1 : 0, v, sizeof v);
			}
			rpdf_text(p, v, 8, 0, x, y, col_w - 2,
			    PANGO_ALIGN_RIGHT);
			x += col_w;
		}
		y += 15;
	}
	rpdf_text(p, "处理时间列为中位天数 time columns are median days", 7, 0,
	    40, y + 8, 500, PANGO_ALIGN_LEFT);
	cairo_show_page(p->cr);
}

/* Compute every indicator of month by office for actor. */
static int
rpdf_load(sqlite3 *db, const struct qd_user *actor, struct rpdf_data *d,
    char **why)
{
	const struct report_indicator	*r;
	struct report_query		 q;
	size_t				 i;
	int				 rc = QD_OK;

	if ((rc = report_query_set(&q, NULL, NULL, d->month, "office",
	    why)) != QD_OK)
		return rc;
	for (i = 0; rc == QD_OK && (r = report_indicator_at(i)) != NULL; i++) {
		if ((r->dims & REPORT_BY_OFFICE) == 0)
			continue;
		d->t = xreallocarray(d->t, d->n + 1, sizeof *d->t);
		if ((rc = report_compute(db, actor, r, &q, &d->t[d->n],
		    why)) == QD_OK)
			d->n++;
	}
	if (rc != QD_OK)
		return rc;
	if ((d->closed = db_report_month_closed(db, d->month)) < 0)
		return db_fail(db, why);
	if (d->closed && (rc = db_report_seal(db, d->month, &d->seal, why)) !=
	    QD_OK)
		return rc;
	if (role_has_office(actor->role))
		xasprintf(&d->scope, "%s 及全省 and the province",
		    actor->office_name != NULL ? actor->office_name : "");
	else
		d->scope = xstrdup("全省各办公室 Every office of the province");
	return QD_OK;
}

/* The document's metadata: no date of its own but the one given. */
static void
rpdf_metadata(cairo_surface_t *s, const struct rpdf_data *d)
{
	char	 title[64], date[32];

	snprintf(title, sizeof title, "qualdesk report %s", d->month);
	snprintf(date, sizeof date, "%.10sT%.5s", d->created, d->created +
	    (strlen(d->created) > 11 ? 11 : strlen(d->created)));
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, title);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, QD_NAME);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE,
	    date);
}

static PangoContext *
rpdf_context(cairo_t *cr)
{
	PangoContext		*pc = pango_cairo_create_context(cr);
	cairo_font_options_t	*fo = cairo_font_options_create();

	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	pango_cairo_context_set_font_options(pc, fo);
	cairo_font_options_destroy(fo);
	pango_cairo_context_set_resolution(pc, 72);
	pango_context_set_language(pc, pango_language_from_string("zh-cn"));
	return pc;
}

int
report_pdf_write(sqlite3 *db, const struct qd_user *actor,
    const char *month, const char *created, FILE *f, char **why)
{
	struct rpdf_data	 d;
	struct rpdf		 p;
	cairo_status_t		 st;
	size_t			 i;
	int			 rc;

	memset(&d, 0, sizeof d);
	memset(&p, 0, sizeof p);
	d.month = month;
	d.created = created;
	if ((rc = rpdf_load(db, actor, &d, why)) != QD_OK)
		goto out;
	p.f = f;
	p.s = cairo_pdf_surface_create_for_stream(rpdf_emit, &p, RPDF_W,
	    RPDF_H);
	rpdf_metadata(p.s, &d);
	p.cr = cairo_create(p.s);
	p.pc = rpdf_context(p.cr);
	rpdf_title_page(&p, &d);
	rpdf_headline_page(&p, &d);
	rpdf_chart_pages(&p, &d);
	rpdf_office_page(&p, &d);
	if ((st = cairo_status(p.cr)) == CAIRO_STATUS_SUCCESS) {
		cairo_surface_finish(p.s);
		st = cairo_surface_status(p.s);
	}
	g_object_unref(p.pc);
	cairo_destroy(p.cr);
	cairo_surface_destroy(p.s);
	if (p.failed || st != CAIRO_STATUS_SUCCESS || fflush(f) != 0) {
		why_set(why, "无法写出 PDF cannot write the PDF");
		rc = QD_ESYS;
	}
out:
	for (i = 0; i < d.n; i++)
		report_table_free(d.t[i]);
	free(d.t);
	free(d.scope);
	report_seal_free(&d.seal);
	return rc;
}
