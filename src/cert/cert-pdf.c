/*
 * Certificates as A4 PDF pages in the one format of the 2022 notice's
 * template (附件2): the QR code top right, the title, the holder's fields,
 * the statement of the mainland level, and the issuer and date at the
 * bottom right where the seals go. Cairo draws and embeds a subset of the
 * CJK font; pango shapes and wraps the text, so a long qualification
 * breaks inside its box instead of running off the page.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "cert/cert.h"

/* Points (1/72 inch, cairo's PDF unit) in a millimetre. */
#define CERT_PDF_MM		(72.0 / 25.4)
#define CERT_PDF_WIDTH		595.28	/* A4 portrait */
#define CERT_PDF_HEIGHT		841.89
#define CERT_PDF_MARGIN		(26 * CERT_PDF_MM)	/* text from the edge */
#define CERT_PDF_QR_SIDE	(40 * CERT_PDF_MM)	/* quiet zone included */
#define CERT_PDF_QR_QUIET	4			/* modules */
#define CERT_PDF_QR_INSET	(20 * CERT_PDF_MM)	/* from top and right */
#define CERT_PDF_TITLE_TOP	(72 * CERT_PDF_MM)
#define CERT_PDF_BODY_TOP	(98 * CERT_PDF_MM)
#define CERT_PDF_FOOT		(34 * CERT_PDF_MM)	/* date's bottom to edge */
#define CERT_PDF_ROW_GAP	(4.5 * CERT_PDF_MM)

/* The serif the notice is set in, then what Debian may have instead. */
#define CERT_PDF_FONTS	"Noto Serif CJK SC,Noto Sans CJK SC,WenQuanYi Zen Hei"

/* How each kind of text is set; it shrinks to min before it is cut. */
struct cert_pdf_style {
	PangoWeight	 weight;
	double		 size;		/* points */
	double		 min;		/* points */
	int		 lines;		/* at most */
	double		 tracking;	/* points between characters */
};
static const struct cert_pdf_style cert_pdf_title = {
	PANGO_WEIGHT_BOLD, 26, 18, 2, 5 };
static const struct cert_pdf_style cert_pdf_label = {
	PANGO_WEIGHT_NORMAL, 13, 13, 2, 0 };
/* Values by the lines they may take, so that the page holds the worst. */
static const struct cert_pdf_style cert_pdf_line = {
	PANGO_WEIGHT_NORMAL, 14, 10, 1, 0 };
static const struct cert_pdf_style cert_pdf_name = {
	PANGO_WEIGHT_NORMAL, 14, 11, 2, 0 };
static const struct cert_pdf_style cert_pdf_value = {
	PANGO_WEIGHT_NORMAL, 14, 11, 3, 0 };
static const struct cert_pdf_style cert_pdf_level = {
	PANGO_WEIGHT_BOLD, 14, 11, 2, 0 };
static const struct cert_pdf_style cert_pdf_issuer = {
	PANGO_WEIGHT_NORMAL, 14, 11, 2, 0 };

/* The holder's fields in the template's order. */
static const struct cert_pdf_field {
	const char			*label;
	size_t				 off;	/* the text in cert_print */
	const struct cert_pdf_style	*style;
	int				 date;	/* YYYY-MM-DD, set as 年月日 */
} cert_pdf_fields[] = {
	{ "姓名", offsetof(struct cert_print, name), &cert_pdf_name, 0 },
	{ "性别", offsetof(struct cert_print, sex), &cert_pdf_line, 0 },
	{ "出生日期", offsetof(struct cert_print, birth_date), &cert_pdf_line,
	  1 },
	{ "台湾居民往来大陆通行证号码", offsetof(struct cert_print, mtp),
	  &cert_pdf_line, 0 },
	{ "台湾地区职业资格及等级", offsetof(struct cert_print, tw_qual),
	  &cert_pdf_value, 0 },
	{ "证书编号", offsetof(struct cert_print, number), &cert_pdf_line, 0 },
};
#define CERT_PDF_NFIELDS (nitems(cert_pdf_fields))

static const char cert_pdf_statement[] =
    "经比对采信，持证人具备大陆地区以下相当水平：";
static const char cert_pdf_level_label[] = "职业（工种）及等级";

/* One document being drawn. */
struct cert_pdf {
	cairo_t		*cr;
	PangoContext	*pc;
	double		 value_x;	/* where the fields' values start */
};

/* Where the bytes go, and whether the sink refused them. */
struct cert_pdf_out {
	cert_pdf_sink	 sink;
	void		*arg;
	int		 failed;
};

/* The text of field f of c. */
static const char *
cert_pdf_text_of(const struct cert_print *c, const struct cert_pdf_field *f)
{
	return *(const char *const *)((const char *)c + f->off);
}

/* Set YYYY-MM-DD as 2026年11月22日 into buf; QD_EINVAL if it is not one. */
static int
cert_pdf_date(const char *iso, char *buf, size_t size)
{
	static const char	 shape[] = "dddd-dd-dd";
	int			 y, m, d;
	size_t			 i;

	if (strlen(iso) != sizeof shape - 1)
		return QD_EINVAL;
	for (i = 0; shape[i] != '\0'; i++) {
		if (shape[i] == 'd' ? (iso[i] < '0' || iso[i] > '9') :
		    iso[i] != shape[i])
			return QD_EINVAL;
	}
	y = atoi(iso);
	m = atoi(iso + 5);
	d = atoi(iso + 8);
	if (m < 1 || m > 12 || d < 1 || d > 31)
		return QD_EINVAL;
	snprintf(buf, size, "%d年%d月%d日", y, m, d);
	return QD_OK;
}

/* A text laid out w points wide in style s, shrunk or cut to fit. */
static PangoLayout *
cert_pdf_layout(struct cert_pdf *p, const char *text,
    const struct cert_pdf_style *s, double w, PangoAlignment align)
{
	PangoLayout		*layout = pango_layout_new(p->pc);
	PangoFontDescription	*fd = pango_font_description_from_string(
				    CERT_PDF_FONTS);
	PangoAttrList		*attrs = pango_attr_list_new();
	double			 size;

	pango_layout_set_text(layout, text, -1);
	pango_layout_set_width(layout, w < 0 ? -1 : pango_units_from_double(w));
	pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_alignment(layout, align);
	pango_layout_set_line_spacing(layout, 1.25);
	pango_attr_list_insert(attrs, pango_attr_letter_spacing_new(
	    pango_units_from_double(s->tracking)));
	pango_layout_set_attributes(layout, attrs);
	pango_attr_list_unref(attrs);
	pango_font_description_set_weight(fd, s->weight);
	for (size = s->size; ; size -= 0.5) {
		pango_font_description_set_absolute_size(fd,
		    pango_units_from_double(size));
		pango_layout_set_font_description(layout, fd);
		if (pango_layout_get_line_count(layout) <= s->lines ||
		    size <= s->min)
			break;
	}
	pango_font_description_free(fd);
	pango_layout_set_height(layout, -s->lines);
	pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END);
	return layout;
}

/* Draw layout (unreferenced) at (x, y); returns the height it took. */
static double
cert_pdf_show(struct cert_pdf *p, PangoLayout *layout, double x, double y)
{
	int	 lw, lh;

	cairo_move_to(p->cr, x, y);
	pango_cairo_show_layout(p->cr, layout);
	pango_layout_get_size(layout, &lw, &lh);
	g_object_unref(layout);
	return pango_units_to_double(lh);
}

/* Draw text in a box w wide at (x, y); returns the height it took. */
static double
cert_pdf_text(struct cert_pdf *p, const char *text,
    const struct cert_pdf_style *s, double x, double y, double w,
    PangoAlignment align)
{
	return cert_pdf_show(p, cert_pdf_layout(p, text, s, w, align), x, y);
}

/* The natural width of text in style s, unwrapped. */
static double
cert_pdf_measure(struct cert_pdf *p, const char *text,
    const struct cert_pdf_style *s)
{
	PangoLayout	*layout = cert_pdf_layout(p, text, s, -1,
			    PANGO_ALIGN_LEFT);
	int		 lw, lh;

	pango_layout_get_size(layout, &lw, &lh);
	g_object_unref(layout);
	return pango_units_to_double(lw);
}

/* A double rule round the page: a heavy outer and a hairline inner. */
static void
cert_pdf_border(cairo_t *cr)
{
	static const struct {
		double	 inset, width;	/* millimetres, points */
	} rules[] = { { 10, 2.0 }, { 12, 0.6 } };
	size_t	 i;
	double	 in;

	cairo_set_source_rgb(cr, 0.45, 0.10, 0.08);
	for (i = 0; i < nitems(rules); i++) {
		in = rules[i].inset * CERT_PDF_MM;
		cairo_set_line_width(cr, rules[i].width);
		cairo_rectangle(cr, in, in, CERT_PDF_WIDTH - 2 * in,
		    CERT_PDF_HEIGHT - 2 * in);
		cairo_stroke(cr);
	}
	cairo_set_source_rgb(cr, 0, 0, 0);
}

/*
 * The code as one path of rectangles, a run of dark modules in a row
 * being one, on a white square that keeps the quiet zone clear.
 */
static void
cert_pdf_qr(cairo_t *cr, const struct qr *qr, double x, double y)
{
	double	 m = CERT_PDF_QR_SIDE / (qr->width + 2 * CERT_PDF_QR_QUIET);
	int	 r, c, run;

	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_rectangle(cr, x, y, CERT_PDF_QR_SIDE, CERT_PDF_QR_SIDE);
	cairo_fill(cr);
	x += CERT_PDF_QR_QUIET * m;
	y += CERT_PDF_QR_QUIET * m;
	for (r = 0; r < qr->width; r++) {
		for (c = 0; c < qr->width; c += run) {
			for (run = 0; c + run < qr->width &&
			    qr->dark[r * qr->width + c + run]; run++)
				;
			if (run == 0)
				run = 1;
			else
				cairo_rectangle(cr, x + c * m, y + r * m,
				    run * m, m);
		}
	}
	cairo_set_source_rgb(cr, 0, 0, 0);
	cairo_fill(cr);
}

/*
 * A label and its value on one row, their first baselines level though
 * the label is set smaller; returns the row's height.
 */
static double
cert_pdf_row(struct cert_pdf *p, const char *label, const char *value,
    const struct cert_pdf_style *vs, double y)
{
	double		 right = CERT_PDF_WIDTH - CERT_PDF_MARGIN, lh, vh, drop;
	PangoLayout	*ll, *vl;
	char		*text;

	xasprintf(&text, "%s：", label);
	ll = cert_pdf_layout(p, text, &cert_pdf_label,
	    p->value_x - CERT_PDF_MARGIN, PANGO_ALIGN_LEFT);
	free(text);
	vl = cert_pdf_layout(p, value, vs, right - p->value_x,
	    PANGO_ALIGN_LEFT);
	drop = pango_units_to_double(pango_layout_get_baseline(vl) -
	    pango_layout_get_baseline(ll));
	lh = drop + cert_pdf_show(p, ll, CERT_PDF_MARGIN, y + drop);
	vh = cert_pdf_show(p, vl, p->value_x, y);
	return (lh > vh ? lh : vh) + CERT_PDF_ROW_GAP;
}

/* The holder's fields from y down; returns where they end. */
static double
cert_pdf_fields_draw(struct cert_pdf *p, const struct cert_print *c,
    double y)
{
	const struct cert_pdf_field	*f;
	const char			*value;
	char				 date[32];
	size_t				 i;

	for (i = 0; i < CERT_PDF_NFIELDS; i++) {
		f = &cert_pdf_fields[i];
		value = cert_pdf_text_of(c, f);
		if (f->date && cert_pdf_date(value, date, sizeof date) == QD_OK)
			value = date;
		y += cert_pdf_row(p, f->off == offsetof(struct cert_print,
		    tw_qual) && c->tw_qual_label != NULL ? c->tw_qual_label :
		    f->label, value, f->style, y);
	}
	return y;
}

/*
 * A recognition's agency certificate, number and day, and who
 * coordinated it (委托认证), from y down.
 */
static void
cert_pdf_agency_draw(struct cert_pdf *p, const struct cert_print *c,
    double y)
{
	char	 date[32];

	if (c->agency_ref != NULL)
		y += cert_pdf_row(p, "认定机构证书编号", c->agency_ref,
		    &cert_pdf_line, y);
	if (c->agency_ref != NULL && c->agency_on != NULL &&
	    cert_pdf_date(c->agency_on, date, sizeof date) == QD_OK)
		y += cert_pdf_row(p, "认定日期", date, &cert_pdf_line, y);
	if (c->entrusted_by != NULL)
		cert_pdf_row(p, "委托认证", c->entrusted_by, &cert_pdf_value, y);
}

/* The statement and the mainland occupation and level from y down. */
static void
cert_pdf_level_draw(struct cert_pdf *p, const struct cert_print *c,
    double y)
{
	double	 w = CERT_PDF_WIDTH - 2 * CERT_PDF_MARGIN;
	char	*value;

	y += CERT_PDF_ROW_GAP;
	y += cert_pdf_text(p, c->statement != NULL ? c->statement :
	    cert_pdf_statement, &cert_pdf_name,
	    CERT_PDF_MARGIN, y, w, PANGO_ALIGN_LEFT) + CERT_PDF_ROW_GAP;
	xasprintf(&value, "%s\xe3\x80\x80%s", c->occupation, c->level_name);
	y += cert_pdf_row(p, c->level_label != NULL ? c->level_label :
	    cert_pdf_level_label, value, &cert_pdf_level, y);
	free(value);
	cert_pdf_agency_draw(p, c, y);
}

/* The height of layout in points. */
static double
cert_pdf_height(PangoLayout *layout)
{
	int	 lw, lh;

	pango_layout_get_size(layout, &lw, &lh);
	return pango_units_to_double(lh);
}

/*
 * The issuer and the date centred under it, bottom right, above the foot
 * so that the seals have room.
 */
static void
cert_pdf_issuer_draw(struct cert_pdf *p, const struct cert_print *c)
{
	double		 right = CERT_PDF_WIDTH - CERT_PDF_MARGIN, w, y;
	PangoLayout	*issuer, *date;
	char		 buf[32];

	w = cert_pdf_measure(p, c->issuer, &cert_pdf_issuer) + 1;
	if (w > right - CERT_PDF_MARGIN)
		w = right - CERT_PDF_MARGIN;
	if (cert_pdf_date(c->issued_on, buf, sizeof buf) != QD_OK)
		snprintf(buf, sizeof buf, "%s", c->issued_on);
	issuer = cert_pdf_layout(p, c->issuer, &cert_pdf_issuer, w,
	    PANGO_ALIGN_CENTER);
	date = cert_pdf_layout(p, buf, &cert_pdf_issuer, w,
	    PANGO_ALIGN_CENTER);
	y = CERT_PDF_HEIGHT - CERT_PDF_FOOT - cert_pdf_height(date);
	cert_pdf_show(p, date, right - w, y);
	y -= cert_pdf_height(issuer) + 2 * CERT_PDF_MM;
	cert_pdf_show(p, issuer, right - w, y);
}

/* An admission ticket's rows and the photo box beside their top. */
static void
cert_pdf_ticket_draw(struct cert_pdf *p, const struct cert_print *c)
{
	double	 w = 25 * CERT_PDF_MM, h = 35 * CERT_PDF_MM, y;
	size_t	 i;

	cairo_save(p->cr);
	cairo_set_line_width(p->cr, 0.8);
	cairo_rectangle(p->cr, CERT_PDF_MARGIN, CERT_PDF_QR_INSET, w, h);
	cairo_stroke(p->cr);
	cairo_restore(p->cr);
	cert_pdf_text(p, "照片 Photo", &cert_pdf_label, CERT_PDF_MARGIN,
	    CERT_PDF_QR_INSET + h / 2 - 8, w, PANGO_ALIGN_CENTER);
	y = cert_pdf_row(p, "准考证号", c->number, &cert_pdf_line,
	    CERT_PDF_BODY_TOP) + CERT_PDF_BODY_TOP;
	for (i = 0; i < c->nrows; i++)
		y += cert_pdf_row(p, c->rows[i].label, c->rows[i].value,
		    &cert_pdf_value, y);
}

/* One certificate on one page. */
static void
cert_pdf_page(struct cert_pdf *p, cairo_surface_t *s,
    const struct cert_print *c, const struct qr *qr)
{
	double	 y;

	cairo_pdf_surface_set_page_label(s, c->number);
	cert_pdf_border(p->cr);
	cert_pdf_qr(p->cr, qr, CERT_PDF_WIDTH - CERT_PDF_QR_INSET -
	    CERT_PDF_QR_SIDE, CERT_PDF_QR_INSET);
	cert_pdf_text(p, c->title, &cert_pdf_title, CERT_PDF_MARGIN,
	    CERT_PDF_TITLE_TOP, CERT_PDF_WIDTH - 2 * CERT_PDF_MARGIN,
	    PANGO_ALIGN_CENTER);
	if (c->rows != NULL)
		cert_pdf_ticket_draw(p, c);
	else {
		y = cert_pdf_fields_draw(p, c, CERT_PDF_BODY_TOP);
		cert_pdf_level_draw(p, c, y);
	}
	cert_pdf_issuer_draw(p, c);
	cairo_show_page(p->cr);
}

/*
 * A pango context for PDF: sizes in points, no hinting (it would move
 * glyphs to a screen's pixels), Simplified Chinese glyph forms.
 */
static PangoContext *
cert_pdf_context(cairo_t *cr)
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

/* The values' column: right of the widest label. */
static double
cert_pdf_value_x(struct cert_pdf *p)
{
	double	 w, most = 0;
	char	*text;
	size_t	 i;

	for (i = 0; i < CERT_PDF_NFIELDS; i++) {
		xasprintf(&text, "%s：", cert_pdf_fields[i].label);
		if ((w = cert_pdf_measure(p, text, &cert_pdf_label)) > most)
			most = w;
		free(text);
	}
	return CERT_PDF_MARGIN + most + 4;
}

/* Refuse before any byte is written: every QR code made, every date one. */
static int
cert_pdf_check(const struct cert_print *c, size_t n, struct qr *qrs,
    char **why)
{
	char	*qwhy = NULL, buf[32];
	size_t	 i;

	if (n == 0) {
		why_set(why, "没有要打印的证书 no certificate to print");
		return QD_EINVAL;
	}
	for (i = 0; i < n; i++) {
		if (cert_pdf_date(c[i].birth_date, buf, sizeof buf) != QD_OK ||
		    cert_pdf_date(c[i].issued_on, buf, sizeof buf) != QD_OK) {
			why_set(why, "证书 %s：日期不是 YYYY-MM-DD "
			    "certificate %s: a date is not YYYY-MM-DD",
			    c[i].number, c[i].number);
			return QD_EINVAL;
		}
		if (qr_make(c[i].qr_text, &qrs[i], &qwhy) != QD_OK) {
			why_set(why, "证书 %s certificate %s: %s",
			    c[i].number, c[i].number, qwhy);
			free(qwhy);
			return QD_EINVAL;
		}
	}
	return QD_OK;
}

/* Hand cairo's bytes to the sink; a refusal stops the document. */
static cairo_status_t
cert_pdf_emit(void *closure, const unsigned char *data, unsigned int len)
{
	struct cert_pdf_out	*out = closure;

	if (out->failed || out->sink(out->arg, data, len) != 0) {
		out->failed = 1;
		return CAIRO_STATUS_WRITE_ERROR;
	}
	return CAIRO_STATUS_SUCCESS;
}

/* Name the document after its certificates, for a viewer's title bar. */
static void
cert_pdf_metadata(cairo_surface_t *s, const struct cert_print *c, size_t n)
{
	char	*title;

	if (n == 1)
		title = xstrdup(c[0].number);
	else
		xasprintf(&title, "%s – %s", c[0].number, c[n - 1].number);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, title);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, QD_NAME);
	free(title);
}

/* Draw the pages; QD_ESYS with *why if cairo or the sink failed. */
static int
cert_pdf_draw(const struct cert_print *c, size_t n, const struct qr *qrs,
    struct cert_pdf_out *out, char **why)
{
	cairo_surface_t	*s;
	cairo_status_t	 st;
	struct cert_pdf	 p;
	size_t		 i;

	s = cairo_pdf_surface_create_for_stream(cert_pdf_emit, out,
	    CERT_PDF_WIDTH, CERT_PDF_HEIGHT);
	cert_pdf_metadata(s, c, n);
	p.cr = cairo_create(s);
	p.pc = cert_pdf_context(p.cr);
	p.value_x = cert_pdf_value_x(&p);
	for (i = 0; i < n && cairo_status(p.cr) == CAIRO_STATUS_SUCCESS; i++)
		cert_pdf_page(&p, s, &c[i], &qrs[i]);
	if ((st = cairo_status(p.cr)) == CAIRO_STATUS_SUCCESS) {
		cairo_surface_finish(s);
		st = cairo_surface_status(s);
	}
	g_object_unref(p.pc);
	cairo_destroy(p.cr);
	cairo_surface_destroy(s);
	if (out->failed) {
		why_set(why, "无法写出 PDF cannot write the PDF");
		return QD_ESYS;
	}
	if (st != CAIRO_STATUS_SUCCESS) {
		why_set(why, "无法生成 PDF cannot make the PDF: %s",
		    cairo_status_to_string(st));
		return QD_ESYS;
	}
	return QD_OK;
}

int
cert_pdf_write(const struct cert_print *c, size_t n, cert_pdf_sink sink,
    void *arg, char **why)
{
	struct cert_pdf_out	 out = { sink, arg, 0 };
	struct qr		*qrs;
	size_t			 i;
	int			 rc;

	qrs = xcalloc(n > 0 ? n : 1, sizeof *qrs);
	if ((rc = cert_pdf_check(c, n, qrs, why)) != QD_OK)
		goto out;
	rc = cert_pdf_draw(c, n, qrs, &out, why);
out:
	for (i = 0; i < n; i++)
		qr_free(&qrs[i]);
	free(qrs);
	return rc;
}

/* Write to a stdio stream; -1 on a short write. */
static int
cert_pdf_fwrite(void *arg, const unsigned char *data, size_t len)
{
	return fwrite(data, 1, len, arg) == len ? 0 : -1;
}

int
cert_pdf_file(const struct cert_print *c, size_t n, FILE *f, char **why)
{
	int	 rc;

	if ((rc = cert_pdf_write(c, n, cert_pdf_fwrite, f, why)) != QD_OK)
		return rc;
	if (fflush(f) != 0 || ferror(f)) {
		why_set(why, "无法写出 PDF cannot write the PDF");
		return QD_ESYS;
	}
	return QD_OK;
}
