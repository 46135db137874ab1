/*
 * The report verbs: list the indicators, show one as a table (text, CSV
 * or JSON), a workbook of them, the monthly PDF, and closing and checking
 * a month. Every figure goes through report_compute, which scopes it by
 * the actor: an office gets its own figures and the province's.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "report/report.h"

/* The options of show, xlsx and pdf, as given. */
struct cmd_report_opts {
	const char	*from, *to, *month, *by, *office, *charset;
	enum cmd_format	 format;
};

static int
cmd_report_getopt(struct cmd_ctx *ctx, int argc, char **argv,
    struct cmd_report_opts *o)
{
	static const struct option opts[] = {
		{ "from", required_argument, NULL, 'F' },
		{ "to", required_argument, NULL, 'T' },
		{ "month", required_argument, NULL, 'm' },
		{ "by", required_argument, NULL, 'b' },
		{ "office", required_argument, NULL, 'o' },
		{ "format", required_argument, NULL, 'f' },
		{ "charset", required_argument, NULL, 'c' },
		{ NULL, 0, NULL, 0 }
	};
	int	 c, rc;

	memset(o, 0, sizeof *o);
	while ((c = cmd_getopt(ctx, "report", argc, argv, opts, &rc)) != -1) {
		if (c == 'f' && cmd_format_parse(optarg, CMD_FORMATS_ALL,
		    &o->format) != QD_OK)
			return cmd_usage_error(ctx, "report", argv[0],
			    "--format is text, csv or json");
		if (c == 'F')
			o->from = optarg;
		else if (c == 'T')
			o->to = optarg;
		else if (c == 'm')
			o->month = optarg;
		else if (c == 'b')
			o->by = optarg;
		else if (c == 'o')
			o->office = optarg;
		else if (c == 'c')
			o->charset = optarg;
	}
	return rc;
}

/* The query of o; an exit code (a usage error says why). */
static int
cmd_report_query(struct cmd_ctx *ctx, char **argv,
    const struct cmd_report_opts *o, struct report_query *q)
{
	char	*why = NULL;
	int	 rc;

	if (report_query_set(q, o->from, o->to, o->month, o->by, &why) !=
	    QD_OK) {
		rc = cmd_usage_error(ctx, "report", argv[0], "%s", why);
		free(why);
		return rc;
	}
	if (o->office != NULL)
		return cmd_office_id(ctx, "report", o->office, argv,
		    &q->office_id);
	return QD_EXIT_OK;
}

/* The indicator named name, or a usage error naming them all. */
static const struct report_indicator *
cmd_report_indicator(struct cmd_ctx *ctx, const char *name, char **argv)
{
	const struct report_indicator	*r = report_indicator_find(name);
	size_t				 i;

	if (r != NULL)
		return r;
	cmd_usage_error(ctx, "report", argv[0], "no indicator '%s' (report"
	    " list names them)", text_valid(name) ? name : "?");
	fprintf(ctx->err, "indicators:");
	for (i = 0; (r = report_indicator_at(i)) != NULL; i++)
		fprintf(ctx->err, " %s", r->name);
	fputc('\n', ctx->err);
	return NULL;
}

/* The splits an indicator offers, as "office, month". */
static void
cmd_report_dims(int dims, char *buf, size_t len)
{
	static const int	 all[] = { REPORT_BY_OFFICE, REPORT_BY_MONTH,
				    REPORT_BY_OCCUPATION, REPORT_BY_LEVEL,
				    REPORT_BY_TYPE };
	size_t			 i, at = 0;

	buf[0] = '\0';
	for (i = 0; i < nitems(all); i++) {
		if ((dims & all[i]) && at < len)
			at += (size_t)snprintf(buf + at, len - at, "%s%s",
			    at > 0 ? " " : "", report_dim_name(all[i]));
	}
}

int
cmd_report_list(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	static const struct cmd_column cols[] = {
		{ "name", "INDICATOR", CMD_STRING, 0, 0 },
		{ "label_zh", "名称", CMD_STRING, 0, 0 },
		{ "label_en", "NAME", CMD_STRING, 0, 0 },
		{ "kind", "KIND", CMD_STRING, 0, 0 },
		{ "splits", "SPLIT BY", CMD_STRING, 0, 0 },
	};
	static const char *const kinds[] = {
		[REPORT_COUNT] = "count", [REPORT_DAYS] = "days",
		[REPORT_COMPUTE] = "table",
	};
	struct cmd_rows			 out = { cols, nitems(cols), NULL, 0 };
	const struct report_indicator	*r;
	enum cmd_format			 format = CMD_FORMAT_TEXT;
	char				 dims[80];
	size_t				 i;
	int				 c, rc;

	while ((c = cmd_getopt(ctx, "report", argc, argv, opts, &rc)) != -1) {
		if (c == 'f' && cmd_format_parse(optarg, CMD_FORMATS_ALL,
		    &format) != QD_OK)
			return cmd_usage_error(ctx, "report", argv[0],
			    "--format is text, csv or json");
	}
	if (rc != QD_EXIT_OK)
		return rc;
	if (optind != argc)
		return cmd_usage_error(ctx, "report", argv[0], "no arguments");
	for (i = 0; (r = report_indicator_at(i)) != NULL; i++) {
		const char *cells[] = { r->name, r->label_zh, r->label_en,
		    kinds[r->kind], dims };

		cmd_report_dims(r->dims, dims, sizeof dims);
		cmd_rows_add(&out, cells);
	}
	rc = cmd_rows_print(ctx, format, &out);
	cmd_rows_free(&out);
	return rc;
}

/* A table as aligned text under its title. */
static int
cmd_report_text(struct cmd_ctx *ctx, const struct report_table *t)
{
	struct cmd_column	 cols[REPORT_VALUES_MAX + 2];
	struct cmd_rows		 out = { cols, t->ncols + 2, NULL, 0 };
	const char		*cells[REPORT_VALUES_MAX + 2];
	char			 vals[REPORT_VALUES_MAX][32];
	size_t			 i, c;
	int			 rc;

	memset(cols, 0, sizeof cols);
	cols[0] = (struct cmd_column){ "key", "KEY", CMD_STRING, 0, 0 };
	cols[1] = (struct cmd_column){ "label", report_dim_label(t->q.by),
	    CMD_STRING, 0, 24 };
	for (c = 0; c < t->ncols; c++)
		cols[2 + c] = (struct cmd_column){ t->col_keys[c],
		    t->col_titles[c], CMD_STRING, 0, 0 };
	for (i = 0; i < t->n; i++) {
		cells[0] = t->rows[i].key;
		cells[1] = t->rows[i].label;
		for (c = 0; c < t->ncols; c++)
			cells[2 + c] = report_value_text(t, &t->rows[i], c,
			    vals[c], sizeof vals[c]);
		cmd_rows_add(&out, cells);
	}
	fprintf(ctx->out, "%s  %s – %s%s\n", report_indicator_title(t->ind),
	    t->q.from, t->q.to, t->closed ? "  已结账 closed" : "");
	rc = cmd_rows_print(ctx, CMD_FORMAT_TEXT, &out);
	cmd_rows_free(&out);
	return rc;
}

/* A table as one JSON object; values of "-" are null. */
static void
cmd_report_json(FILE *f, const struct report_table *t)
{
	static const char *const kinds[] = { "item", "total", "province" };
	size_t	 i, c;

	fputc('{', f);
	cmd_json_string(f, "indicator", t->ind->name, 1);
	cmd_json_string(f, "from", t->q.from, 1);
	cmd_json_string(f, "to", t->q.to, 1);
	cmd_json_string(f, "by", report_dim_name(t->q.by), 1);
	fprintf(f, "\"closed\": %s, \"rows\": [", t->closed ? "true" : "false");
	for (i = 0; i < t->n; i++) {
		fputs(i > 0 ? ",\n {" : "\n {", f);
		cmd_json_string(f, "key", t->rows[i].key, 1);
		cmd_json_string(f, "label", t->rows[i].label, 1);
		cmd_json_string(f, "row", kinds[t->rows[i].kind], 1);
		for (c = 0; c < t->ncols; c++) {
			fprintf(f, "\"%s\": ", t->col_keys[c]);
			if (t->rows[i].v[c] < 0)
				fputs("null", f);
			else
				fprintf(f, "%g", t->rows[i].v[c]);
			if (c + 1 < t->ncols)
				fputs(", ", f);
		}
		fputc('}', f);
	}
	fputs(t->n > 0 ? "\n]}\n" : "]}\n", f);
}

/* Print a data-layer refusal and return its exit code. */
static int
cmd_report_fail(struct cmd_ctx *ctx, int rc, char *why)
{
	rc = cmd_fail(ctx, rc, why);
	free(why);
	return rc;
}

int
cmd_report_show(struct cmd_ctx *ctx, int argc, char **argv)
{
	const struct report_indicator	*ind;
	struct cmd_report_opts		 o;
	struct report_query		 q;
	struct report_table		*t = NULL;
	enum csv_charset		 cs = CSV_UTF8;
	char				*why = NULL;
	int				 rc;

	if ((rc = cmd_report_getopt(ctx, argc, argv, &o)) != QD_EXIT_OK)
		return rc;
	if (optind + 1 != argc)
		return cmd_usage_error(ctx, "report", argv[0],
		    "name one indicator");
	if (o.charset != NULL && csv_charset_parse(o.charset, &cs) != QD_OK)
		return cmd_usage_error(ctx, "report", argv[0],
		    "--charset is utf-8 or gb18030");
	if ((ind = cmd_report_indicator(ctx, argv[optind], argv)) == NULL)
		return QD_EXIT_USAGE;
	if ((rc = cmd_report_query(ctx, argv, &o, &q)) != QD_EXIT_OK)
		return rc;
	if ((rc = report_compute(ctx->db, ctx->actor, ind, &q, &t, &why)) !=
	    QD_OK)
		return cmd_report_fail(ctx, rc, why);
	if (o.format == CMD_FORMAT_CSV) {
		if ((rc = report_csv_write(ctx->out, t, cs, &why)) != QD_OK)
			rc = cmd_report_fail(ctx, rc, why);
		else
			rc = QD_EXIT_OK;
	} else if (o.format == CMD_FORMAT_JSON) {
		cmd_report_json(ctx->out, t);
		rc = QD_EXIT_OK;
	} else
		rc = cmd_report_text(ctx, t);
	report_table_free(t);
	return rc;
}

/* Refuse to write a binary file onto a terminal (see cert pdf). */
static int
cmd_report_out_ok(struct cmd_ctx *ctx, const char *verb, const char *file)
{
	if (!isatty(fileno(ctx->out)))
		return 1;
	fprintf(ctx->err, "%s: report %s writes a file: send it to one, e.g."
	    " %s report %s ... > %s%s\n", QD_NAME, verb,
	    ctx->remote ? "ssh HOST" : "qualdesk", verb, file,
	    ctx->remote ? " (and run ssh without -t)" : "");
	return 0;
}

int
cmd_report_xlsx(struct cmd_ctx *ctx, int argc, char **argv)
{
	const struct report_indicator	*ind = NULL, *r;
	struct cmd_report_opts		 o;
	struct report_query		 q, one;
	struct report_table		**t = NULL;
	char				*why = NULL;
	size_t				 n = 0, i;
	int				 rc;

	if ((rc = cmd_report_getopt(ctx, argc, argv, &o)) != QD_EXIT_OK)
		return rc;
	if (optind + 1 < argc)
		return cmd_usage_error(ctx, "report", argv[0],
		    "at most one indicator");
	if (optind < argc && (ind = cmd_report_indicator(ctx, argv[optind],
	    argv)) == NULL)
		return QD_EXIT_USAGE;
	if ((rc = cmd_report_query(ctx, argv, &o, &q)) != QD_EXIT_OK)
		return rc;
	if (!cmd_report_out_ok(ctx, "xlsx", "report.xlsx"))
		return QD_EXIT_USAGE;
	/* Every indicator without one named, each split as asked if it can. */
	for (i = 0; rc == QD_OK && (r = ind != NULL ? (i == 0 ? ind : NULL) :
	    report_indicator_at(i)) != NULL; i++) {
		one = q;
		if (ind == NULL && (r->dims & one.by) == 0)
			one.by = 0;
		t = xreallocarray(t, n + 1, sizeof *t);
		if ((rc = report_compute(ctx->db, ctx->actor, r, &one, &t[n],
		    &why)) == QD_OK)
			n++;
	}
	if (rc == QD_OK)
		rc = report_xlsx_write(ctx->out, t, n, &why);
	for (i = 0; i < n; i++)
		report_table_free(t[i]);
	free(t);
	if (rc != QD_OK)
		return cmd_report_fail(ctx, rc, why);
	return QD_EXIT_OK;
}

int
cmd_report_pdf(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct cmd_report_opts	 o;
	char			*why = NULL, created[32];
	time_t			 now = time(NULL);
	int			 rc;

	if ((rc = cmd_report_getopt(ctx, argc, argv, &o)) != QD_EXIT_OK)
		return rc;
	if (optind != argc || o.month == NULL || !report_month_valid(o.month))
		return cmd_usage_error(ctx, "report", argv[0],
		    "give --month YYYY-MM");
	if (!cmd_report_out_ok(ctx, "pdf", "report.pdf"))
		return QD_EXIT_USAGE;
	strftime(created, sizeof created, "%Y-%m-%d %H:%M", localtime(&now));
	if ((rc = report_pdf_write(ctx->db, ctx->actor, o.month, created,
	    ctx->out, &why)) != QD_OK)
		return cmd_report_fail(ctx, rc, why);
	return QD_EXIT_OK;
}

int
cmd_report_close(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct report_seal	 s;
	char			*why = NULL;
	int			 rc;

	if (argc != 2 || !report_month_valid(argv[1]))
		return cmd_usage_error(ctx, "report", argv[0],
		    "give the month to close, YYYY-MM");
	if ((rc = db_report_close(ctx->db, ctx->actor, argv[1], &s, &why)) !=
	    QD_OK)
		return cmd_report_fail(ctx, rc, why);
	fprintf(ctx->out, "%s 已结账 closed: %lld rows, key %04x\n"
	    "sha256 %s\n", s.month, s.rows, s.kid, s.digest);
	report_seal_free(&s);
	return QD_EXIT_OK;
}

int
cmd_report_verify(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct report_seal	 s;
	char			*why = NULL;
	int			 rc;

	if (argc != 2 || !report_month_valid(argv[1]))
		return cmd_usage_error(ctx, "report", argv[0],
		    "give a closed month, YYYY-MM");
	rc = db_report_seal(ctx->db, argv[1], &s, &why);
	if (rc == QD_OK) {
		cmd_label_line(ctx->out, "month", s.month, 12);
		cmd_label_line(ctx->out, "closed at", s.closed_at, 12);
		cmd_label_line(ctx->out, "closed by", s.closed_by, 12);
		fprintf(ctx->out, "%-12s  %04x\n", "key", s.kid);
		cmd_label_line(ctx->out, "sha256", s.digest, 12);
		fprintf(ctx->out, "VALID\n");
	}
	report_seal_free(&s);
	if (rc != QD_OK)
		return cmd_report_fail(ctx, rc, why);
	return QD_EXIT_OK;
}
