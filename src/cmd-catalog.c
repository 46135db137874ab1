/*
 * The catalog verbs: catalog list, import and export; occupation list;
 * agency list, import and export. Lists print as aligned text, CSV or
 * JSON from one declaration of their columns.
 */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "qualdesk.h"

#define CATALOG_INPUT_MAX	(16 * 1024 * 1024)
#define CATALOG_CELL_MAX	40	/* columns of a text cell, unless said */

enum out_format { OUT_TEXT, OUT_CSV, OUT_JSON };
static const char *const out_formats[] = {
	[OUT_TEXT] = "text", [OUT_CSV] = "csv", [OUT_JSON] = "json"
};

enum out_type {
	OUT_STRING,
	OUT_NUMBER,
	OUT_BOOL,	/* "1" or "0": yes/no in text, true/false in JSON */
};
#define OUT_NOTEXT	0x1	/* left out of the text table */

/* One column of a list: its key in CSV and JSON, its title in text. */
struct out_column {
	const char	*key;
	const char	*title;
	enum out_type	 type;
	int		 flags;
	int		 max;		/* text columns at most; 0: CATALOG_CELL_MAX */
};

/* A list's rows as strings, ncols to a row. */
struct out_rows {
	const struct out_column	*cols;
	size_t			 ncols;
	char			**cells;
	size_t			 n;
};

static const struct out_column catalog_out[] = {
	{ .key = "id", .title = "ID", .type = OUT_NUMBER },
	{ .key = "tw_qual", .title = "TW_QUAL", .type = OUT_STRING },
	{ .key = "tw_level", .title = "TW_LEVEL", .type = OUT_STRING },
	{ .key = "occupation_id", .type = OUT_NUMBER, .flags = OUT_NOTEXT },
	{ .key = "occupation_code", .title = "CODE", .type = OUT_STRING },
	{ .key = "occupation_name", .title = "OCCUPATION", .type = OUT_STRING },
	{ .key = "level", .type = OUT_NUMBER, .flags = OUT_NOTEXT },
	{ .key = "level_name", .title = "LEVEL", .type = OUT_STRING },
	{ .key = "mode", .title = "MODE", .type = OUT_STRING },
	{ .key = "active", .title = "ACTIVE", .type = OUT_BOOL },
	{ .key = "note", .title = "NOTE", .type = OUT_STRING },
	{ .key = "version", .type = OUT_NUMBER, .flags = OUT_NOTEXT },
};
static const struct out_column occupation_out[] = {
	{ .key = "id", .title = "ID", .type = OUT_NUMBER },
	{ .key = "code", .title = "CODE", .type = OUT_STRING },
	{ .key = "name", .title = "NAME", .type = OUT_STRING },
	{ .key = "active", .title = "ACTIVE", .type = OUT_BOOL },
	{ .key = "version", .type = OUT_NUMBER, .flags = OUT_NOTEXT },
};
static const struct out_column agency_out[] = {
	{ .key = "id", .title = "ID", .type = OUT_NUMBER },
	{ .key = "name", .title = "NAME", .type = OUT_STRING },
	{ .key = "office", .title = "OFFICE", .type = OUT_STRING },
	{ .key = "office_name", .type = OUT_STRING, .flags = OUT_NOTEXT },
	{ .key = "occupation_codes", .title = "OCCUPATIONS",
	  .type = OUT_STRING, .max = 120 },
	{ .key = "active", .title = "ACTIVE", .type = OUT_BOOL },
	{ .key = "version", .type = OUT_NUMBER, .flags = OUT_NOTEXT },
};
#define nitems(a) (sizeof (a) / sizeof (a)[0])

/* Add one row of strings (copied) to rows. */
static void
out_add(struct out_rows *rows, const char *const *cells)
{
	size_t	 i, at = rows->n * rows->ncols;

	rows->cells = xreallocarray(rows->cells, at + rows->ncols,
	    sizeof *rows->cells);
	for (i = 0; i < rows->ncols; i++)
		rows->cells[at + i] = xstrdup(cells[i] != NULL ? cells[i] : "");
	rows->n++;
}

static void
out_free(struct out_rows *rows)
{
	size_t	 i;

	for (i = 0; i < rows->n * rows->ncols; i++)
		free(rows->cells[i]);
	free(rows->cells);
}

/* The text a cell shows in the text table. */
static const char *
out_text_cell(const struct out_column *col, const char *cell)
{
	if (col->type == OUT_BOOL)
		return strcmp(cell, "1") == 0 ? "yes" : "no";
	return cell;
}

/* Aligned columns, widths in terminal columns, long cells cut with '~'. */
static void
out_text(FILE *f, const struct out_rows *rows)
{
	int		*w, cw, max;
	char		*buf;
	size_t		 r, c, last = 0, size = 0;
	const char	*s;

	w = xcalloc(rows->ncols, sizeof *w);
	for (c = 0; c < rows->ncols; c++) {
		if (rows->cols[c].flags & OUT_NOTEXT)
			continue;
		last = c;
		w[c] = text_width(rows->cols[c].title);
		max = rows->cols[c].max != 0 ? rows->cols[c].max :
		    CATALOG_CELL_MAX;
		for (r = 0; r < rows->n; r++) {
			s = out_text_cell(&rows->cols[c],
			    rows->cells[r * rows->ncols + c]);
			if ((cw = text_width(s)) > w[c])
				w[c] = cw > max ? max : cw;
		}
		/* A cell of w columns takes at most 4 bytes a column. */
		if ((size_t)w[c] * 4 + 8 > size)
			size = (size_t)w[c] * 4 + 8;
	}
	buf = xmalloc(size);
	for (r = 0; r <= rows->n; r++) {
		for (c = 0; c < rows->ncols; c++) {
			if (rows->cols[c].flags & OUT_NOTEXT)
				continue;
			s = r == 0 ? rows->cols[c].title : out_text_cell(
			    &rows->cols[c], rows->cells[(r - 1) * rows->ncols +
			    c]);
			fprintf(f, "%s%s", text_cell(buf, size, s, w[c],
			    c != last), c != last ? "  " : "\n");
		}
	}
	free(buf);
	free(w);
}

/* One JSON value of a cell. */
static void
out_json_value(FILE *f, const struct out_column *col, const char *cell)
{
	if (col->type == OUT_BOOL)
		fputs(strcmp(cell, "1") == 0 ? "true" : "false", f);
	else if (col->type == OUT_NUMBER)
		fputs(*cell != '\0' ? cell : "null", f);
	else
		json_print_string(f, cell);
}

/* An array of objects, one line each. */
static void
out_json(FILE *f, const struct out_rows *rows)
{
	size_t	 r, c;

	fputc('[', f);
	for (r = 0; r < rows->n; r++) {
		fputs(r > 0 ? ",\n{" : "\n{", f);
		for (c = 0; c < rows->ncols; c++) {
			if (c > 0)
				fputs(", ", f);
			json_print_string(f, rows->cols[c].key);
			fputs(": ", f);
			out_json_value(f, &rows->cols[c],
			    rows->cells[r * rows->ncols + c]);
		}
		fputc('}', f);
	}
	fputs(rows->n > 0 ? "\n]\n" : "]\n", f);
}

/* A header of the keys, then the rows. */
static int
out_csv(struct cmd_ctx *ctx, const struct out_rows *rows)
{
	const char	**keys;
	char		 *why = NULL;
	size_t		  c, r;
	int		  rc;

	keys = xcalloc(rows->ncols, sizeof *keys);
	for (c = 0; c < rows->ncols; c++)
		keys[c] = rows->cols[c].key;
	rc = csv_write_row(ctx->out, keys, rows->ncols, CSV_UTF8, &why);
	for (r = 0; rc == QD_OK && r < rows->n; r++)
		rc = csv_write_row(ctx->out, (const char *const *)rows->cells +
		    r * rows->ncols, rows->ncols, CSV_UTF8, &why);
	free(keys);
	if (rc != QD_OK) {
		rc = cmd_fail(ctx, rc, why);
		free(why);
		return rc;
	}
	return QD_EXIT_OK;
}

/* Print rows in format. */
static int
out_print(struct cmd_ctx *ctx, enum out_format format,
    const struct out_rows *rows)
{
	if (format == OUT_CSV)
		return out_csv(ctx, rows);
	if (format == OUT_JSON)
		out_json(ctx->out, rows);
	else
		out_text(ctx->out, rows);
	return QD_EXIT_OK;
}

/* Parse --format; a usage error for anything else. */
static int
out_format_parse(const char *s, enum out_format *format)
{
	size_t	 i;

	for (i = 0; i < nitems(out_formats); i++) {
		if (strcmp(s, out_formats[i]) == 0) {
			*format = (enum out_format)i;
			return 0;
		}
	}
	return -1;
}

/* Report a data-layer failure and free why. */
static int
cmd_catalog_fail(struct cmd_ctx *ctx, int rc, char *why)
{
	rc = cmd_fail(ctx, rc, why);
	free(why);
	return rc;
}

int
cmd_catalog_list(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "mode", required_argument, NULL, 'm' },
		{ "search", required_argument, NULL, 's' },
		{ "active", no_argument, NULL, 'a' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	struct qd_catalog_filter	 filter;
	struct qd_catalog		*list = NULL, *e;
	struct out_rows			 rows = { catalog_out,
					     nitems(catalog_out), NULL, 0 };
	enum out_format			 format = OUT_TEXT;
	char				*why = NULL, id[24], occ[24], level[4];
	char				 active[2], version[24];
	const char			*cells[nitems(catalog_out)];
	size_t				 n = 0, i;
	int				 c, rc;

	memset(&filter, 0, sizeof filter);
	while ((c = cmd_getopt(ctx, "catalog", argc, argv, opts, &rc)) != -1) {
		if (c == 'm' && catalog_mode_parse(optarg, &filter.mode) != QD_OK)
			return cmd_usage_error(ctx, "catalog", argv[0],
			    "--mode is recognition or adoption");
		if (c == 'm')
			filter.by_mode = 1;
		else if (c == 's')
			filter.text = optarg;
		else if (c == 'a')
			filter.active_only = 1;
		else if (c == 'f' && out_format_parse(optarg, &format) != 0)
			return cmd_usage_error(ctx, "catalog", argv[0],
			    "--format is text, csv or json");
	}
	if (rc != QD_EXIT_OK)
		return rc;
	if (argc != optind)
		return cmd_usage_error(ctx, "catalog", argv[0],
		    "takes only options");
	if ((rc = db_catalog_list(ctx->db, &filter, &list, &n, &why)) != QD_OK)
		return cmd_catalog_fail(ctx, rc, why);
	for (i = 0; i < n; i++) {
		e = &list[i];
		snprintf(id, sizeof id, "%lld", (long long)e->id);
		snprintf(occ, sizeof occ, "%lld", (long long)e->occupation_id);
		snprintf(level, sizeof level, "%d", e->level);
		snprintf(active, sizeof active, "%d", e->active != 0);
		snprintf(version, sizeof version, "%lld", (long long)e->version);
		cells[0] = id;
		cells[1] = e->tw_qual;
		cells[2] = e->tw_level;
		cells[3] = occ;
		cells[4] = e->occupation_code;
		cells[5] = e->occupation_name;
		cells[6] = level;
		cells[7] = e->level_name;
		cells[8] = format == OUT_TEXT ? catalog_mode_label(e->mode) :
		    catalog_mode_name(e->mode);
		cells[9] = active;
		cells[10] = e->note;
		cells[11] = version;
		out_add(&rows, cells);
	}
	catalog_free_array(list, n);
	rc = out_print(ctx, format, &rows);
	out_free(&rows);
	return rc;
}

/*
 * Read all of f (at most CATALOG_INPUT_MAX bytes) into *data. QD_EXIT_OK,
 * or an exit code with a message on ctx->err.
 */
static int
cmd_catalog_read(struct cmd_ctx *ctx, FILE *f, const char *name, char **data,
    size_t *len)
{
	size_t	 size = 65536, n = 0, got;
	char	*buf = xmalloc(size);

	while ((got = fread(buf + n, 1, size - n, f)) > 0) {
		n += got;
		if (n > CATALOG_INPUT_MAX)
			break;
		if (n == size) {
			size *= 2;
			buf = xrealloc(buf, size);
		}
	}
	if (ferror(f) || n > CATALOG_INPUT_MAX) {
		if (ferror(f))
			fprintf(ctx->err, "%s: 无法读取 cannot read %s: %s\n",
			    QD_NAME, name, strerror(errno));
		else
			fprintf(ctx->err, "%s: %s 超过 %d MiB，请分批导入 %s is "
			    "larger than %d MiB; import it in parts\n", QD_NAME,
			    name, CATALOG_INPUT_MAX >> 20, name,
			    CATALOG_INPUT_MAX >> 20);
		free(buf);
		return QD_EXIT_ERROR;
	}
	*data = buf;
	*len = n;
	return QD_EXIT_OK;
}

/* The common part of catalog import and agency import. */
static int
cmd_catalog_import_file(struct cmd_ctx *ctx, const char *noun, int argc,
    char **argv, int (*import)(sqlite3 *, const struct qd_user *,
    const char *, size_t, enum csv_charset, int *, int *, char **))
{
	static const struct option opts[] = {
		{ "charset", required_argument, NULL, 'c' },
		{ NULL, 0, NULL, 0 }
	};
	enum csv_charset	 charset = CSV_UTF8;
	const char		*file;
	char			*data = NULL, *why = NULL;
	size_t			 len = 0;
	FILE			*f;
	int			 c, rc, added, updated;

	while ((c = cmd_getopt(ctx, noun, argc, argv, opts, &rc)) != -1) {
		if (c == 'c' && csv_charset_parse(optarg, &charset) != QD_OK)
			return cmd_usage_error(ctx, noun, argv[0],
			    "--charset is utf-8 or gb18030");
	}
	if (rc != QD_EXIT_OK)
		return rc;
	if (argc - optind != 1)
		return cmd_usage_error(ctx, noun, argv[0], "give one FILE, or "
		    "- for standard input");
	file = argv[optind];
	/* Over SSH, the server's files are not the caller's to read. */
	if (ctx->remote && strcmp(file, "-") != 0)
		return cmd_usage_error(ctx, noun, argv[0], "over SSH the file "
		    "comes on standard input: %s import - < FILE", noun);
	if (strcmp(file, "-") == 0)
		rc = cmd_catalog_read(ctx, ctx->in, "standard input", &data,
		    &len);
	else if ((f = fopen(file, "rb")) == NULL) {
		fprintf(ctx->err, "%s: 无法打开 cannot read %s: %s\n", QD_NAME,
		    file, strerror(errno));
		return QD_EXIT_ERROR;
	} else {
		rc = cmd_catalog_read(ctx, f, file, &data, &len);
		fclose(f);
	}
	if (rc != QD_EXIT_OK)
		return rc;
	rc = import(ctx->db, ctx->actor, data, len, charset, &added, &updated,
	    &why);
	free(data);
	if (rc != QD_OK)
		return cmd_catalog_fail(ctx, rc, why);
	free(why);
	fprintf(ctx->out, "导入完成：新增 %d 条，更新 %d 条 imported: %d added, "
	    "%d updated\n", added, updated, added, updated);
	return QD_EXIT_OK;
}

/* The common part of catalog export and agency export. */
static int
cmd_catalog_export_file(struct cmd_ctx *ctx, const char *noun, int argc,
    char **argv, int (*export)(sqlite3 *, const struct qd_user *, FILE *,
    enum csv_charset, char **))
{
	static const struct option opts[] = {
		{ "charset", required_argument, NULL, 'c' },
		{ "bom", no_argument, NULL, 'b' },
		{ NULL, 0, NULL, 0 }
	};
	enum csv_charset	 charset = CSV_UTF8;
	char			*why = NULL;
	int			 c, rc, bom = 0;

	while ((c = cmd_getopt(ctx, noun, argc, argv, opts, &rc)) != -1) {
		if (c == 'c' && csv_charset_parse(optarg, &charset) != QD_OK)
			return cmd_usage_error(ctx, noun, argv[0],
			    "--charset is utf-8 or gb18030");
		if (c == 'b')
			bom = 1;
	}
	if (rc != QD_EXIT_OK)
		return rc;
	if (argc != optind)
		return cmd_usage_error(ctx, noun, argv[0], "takes only options; "
		    "the CSV goes to standard output");
	if (bom && csv_write_bom(ctx->out, charset) != QD_OK)
		return cmd_fail(ctx, QD_ESYS, "写入失败 cannot write");
	if ((rc = export(ctx->db, ctx->actor, ctx->out, charset, &why)) !=
	    QD_OK)
		return cmd_catalog_fail(ctx, rc, why);
	return QD_EXIT_OK;
}

int
cmd_catalog_import(struct cmd_ctx *ctx, int argc, char **argv)
{
	return cmd_catalog_import_file(ctx, "catalog", argc, argv,
	    db_catalog_import);
}

int
cmd_catalog_export(struct cmd_ctx *ctx, int argc, char **argv)
{
	return cmd_catalog_export_file(ctx, "catalog", argc, argv,
	    db_catalog_export);
}

int
cmd_agency_import(struct cmd_ctx *ctx, int argc, char **argv)
{
	return cmd_catalog_import_file(ctx, "agency", argc, argv,
	    db_agency_import);
}

int
cmd_agency_export(struct cmd_ctx *ctx, int argc, char **argv)
{
	return cmd_catalog_export_file(ctx, "agency", argc, argv,
	    db_agency_export);
}

/* Only --format (and the options in more); *format set. */
static int
cmd_catalog_list_args(struct cmd_ctx *ctx, const char *noun, int argc,
    char **argv, enum out_format *format, int *active_only)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "active", no_argument, NULL, 'a' },
		{ NULL, 0, NULL, 0 }
	};
	int	 c, rc;

	while ((c = cmd_getopt(ctx, noun, argc, argv, opts, &rc)) != -1) {
		if (c == 'f' && out_format_parse(optarg, format) != 0)
			return cmd_usage_error(ctx, noun, argv[0],
			    "--format is text, csv or json");
		if (c == 'a' && active_only == NULL)
			return cmd_usage_error(ctx, noun, argv[0],
			    "takes only --format");
		if (c == 'a')
			*active_only = 1;
	}
	if (rc != QD_EXIT_OK)
		return rc;
	if (argc != optind)
		return cmd_usage_error(ctx, noun, argv[0], "takes only options");
	return QD_EXIT_OK;
}

int
cmd_occupation_list(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct qd_occupation	*list = NULL;
	struct out_rows		 rows = { occupation_out,
				     nitems(occupation_out), NULL, 0 };
	enum out_format		 format = OUT_TEXT;
	const char		*cells[nitems(occupation_out)];
	char			*why = NULL, id[24], active[2], version[24];
	size_t			 n = 0, i;
	int			 rc, active_only = 0;

	if ((rc = cmd_catalog_list_args(ctx, "occupation", argc, argv, &format,
	    &active_only)) != QD_EXIT_OK)
		return rc;
	if ((rc = db_occupation_list(ctx->db, active_only, &list, &n, &why)) !=
	    QD_OK)
		return cmd_catalog_fail(ctx, rc, why);
	for (i = 0; i < n; i++) {
		snprintf(id, sizeof id, "%lld", (long long)list[i].id);
		snprintf(active, sizeof active, "%d", list[i].active != 0);
		snprintf(version, sizeof version, "%lld",
		    (long long)list[i].version);
		cells[0] = id;
		cells[1] = list[i].code;
		cells[2] = list[i].name;
		cells[3] = active;
		cells[4] = version;
		out_add(&rows, cells);
	}
	occupation_free_array(list, n);
	rc = out_print(ctx, format, &rows);
	out_free(&rows);
	return rc;
}

int
cmd_agency_list(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct qd_agency	*list = NULL;
	struct out_rows		 rows = { agency_out, nitems(agency_out),
				     NULL, 0 };
	enum out_format		 format = OUT_TEXT;
	const char		*cells[nitems(agency_out)];
	char			*why = NULL, id[24], active[2], version[24];
	char			 office[96];
	size_t			 n = 0, i;
	int			 rc;

	if ((rc = cmd_catalog_list_args(ctx, "agency", argc, argv, &format,
	    NULL)) != QD_EXIT_OK)
		return rc;
	if ((rc = db_agency_list(ctx->db, &list, &n, &why)) != QD_OK)
		return cmd_catalog_fail(ctx, rc, why);
	for (i = 0; i < n; i++) {
		snprintf(id, sizeof id, "%lld", (long long)list[i].id);
		snprintf(active, sizeof active, "%d", list[i].active != 0);
		snprintf(version, sizeof version, "%lld",
		    (long long)list[i].version);
		snprintf(office, sizeof office, "%s%s%s", list[i].office_code,
		    format == OUT_TEXT ? " " : "",
		    format == OUT_TEXT ? list[i].office_name : "");
		cells[0] = id;
		cells[1] = list[i].name;
		cells[2] = office;
		cells[3] = list[i].office_name;
		cells[4] = list[i].occupation_codes;
		cells[5] = active;
		cells[6] = version;
		out_add(&rows, cells);
	}
	agency_free_array(list, n);
	rc = out_print(ctx, format, &rows);
	out_free(&rows);
	return rc;
}
