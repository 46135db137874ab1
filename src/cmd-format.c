/*
 * What the listing verbs share: a list declared as columns and printed as
 * aligned text (CJK counts two columns), CSV (the csv.c writer) or JSON
 * (the json.c escaper); --format and number options; and words a shell
 * reads back unchanged, for the "more:" lines scripts page with.
 */
#include <stdlib.h>
#include <string.h>

#include "qualdesk.h"

static const char *const cmd_formats[] = {
	[CMD_FORMAT_TEXT] = "text",
	[CMD_FORMAT_CSV] = "csv",
	[CMD_FORMAT_JSON] = "json",
};
#define CMD_NFORMATS (nitems(cmd_formats))

int
cmd_format_parse(const char *s, int allowed, enum cmd_format *out)
{
	size_t	 i;

	for (i = 0; i < CMD_NFORMATS; i++) {
		if (strcmp(s, cmd_formats[i]) == 0 && (allowed & (1 << i))) {
			*out = (enum cmd_format)i;
			return QD_OK;
		}
	}
	return QD_EINVAL;
}

const char *
cmd_format_name(enum cmd_format format)
{
	return (size_t)format < CMD_NFORMATS ? cmd_formats[format] : "text";
}

long long
cmd_number(const char *s, long long min, long long max)
{
	char		*end;
	long long	 v;

	if (s[0] < '0' || s[0] > '9' || strlen(s) > 18)
		return -1;
	v = strtoll(s, &end, 10);
	if (*end != '\0' || v < min || v > max)
		return -1;
	return v;
}

void
cmd_rows_add(struct cmd_rows *rows, const char *const *cells)
{
	size_t	 i, at = rows->n * rows->ncols;

	rows->cells = xreallocarray(rows->cells, at + rows->ncols,
	    sizeof *rows->cells);
	for (i = 0; i < rows->ncols; i++)
		rows->cells[at + i] = xstrdup(cells[i] != NULL ? cells[i] : "");
	rows->n++;
}

int
cmd_rows_from_stmt(struct cmd_rows *rows, sqlite3_stmt *st)
{
	const char	**cells;
	size_t		  i;
	int		  step;

	cells = xcalloc(rows->ncols, sizeof *cells);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		for (i = 0; i < rows->ncols; i++)
			cells[i] = (const char *)sqlite3_column_text(st,
			    (int)i);
		cmd_rows_add(rows, cells);
	}
	free(cells);
	return step;
}

void
cmd_rows_free(struct cmd_rows *rows)
{
	size_t	 i;

	for (i = 0; i < rows->n * rows->ncols; i++)
		free(rows->cells[i]);
	xfree(&rows->cells);
	rows->n = 0;
}

static const char *
cmd_rows_cell(const struct cmd_rows *rows, size_t r, size_t c)
{
	return rows->cells[r * rows->ncols + c];
}

/* The text a cell shows in the table: "-" for an empty optional value. */
static const char *
cmd_rows_text(const struct cmd_rows *rows, size_t r, size_t c)
{
	const char	*s = cmd_rows_cell(rows, r, c);

	if (rows->cols[c].type == CMD_OPTIONAL && *s == '\0')
		return "-";
	if (rows->cols[c].type == CMD_BOOL)
		return strcmp(s, "1") == 0 ? "yes" : "no";
	return s;
}

/* Aligned columns under their titles; a cell past its width ends in '~'. */
static void
cmd_rows_table(FILE *f, const struct cmd_rows *rows)
{
	int	*w = xcalloc(rows->ncols, sizeof *w), cw;
	char	*buf;
	size_t	 r, c, last = 0, size = 8;

	for (c = 0; c < rows->ncols; c++) {
		if (rows->cols[c].flags & CMD_NOTEXT)
			continue;
		last = c;
		w[c] = text_width(rows->cols[c].title);
		for (r = 0; r < rows->n; r++) {
			if ((cw = text_width(cmd_rows_text(rows, r, c))) > w[c])
				w[c] = cw;
		}
		if (rows->cols[c].max > 0 && w[c] > rows->cols[c].max)
			w[c] = rows->cols[c].max;
		/* A cell of w columns takes at most 4 bytes a column. */
		if ((size_t)w[c] * 4 + 8 > size)
			size = (size_t)w[c] * 4 + 8;
	}
	buf = xmalloc(size);
	for (r = 0; r <= rows->n; r++) {
		for (c = 0; c < rows->ncols; c++) {
			if (rows->cols[c].flags & CMD_NOTEXT)
				continue;
			/* The last column is not padded: no trailing blanks. */
			fprintf(f, "%s%s", text_cell(buf, size, r == 0 ?
			    rows->cols[c].title : cmd_rows_text(rows, r - 1, c),
			    w[c], c != last), c != last ? "  " : "\n");
		}
	}
	free(buf);
	free(w);
}

/* A header of the keys, then the rows, through the csv.c writer. */
static int
cmd_rows_csv(FILE *f, const struct cmd_rows *rows, char **why)
{
	const char	**line = xcalloc(rows->ncols, sizeof *line);
	size_t		  r, c, k;
	int		  rc = QD_OK;

	for (r = 0; r <= rows->n && rc == QD_OK; r++) {
		for (c = k = 0; c < rows->ncols; c++) {
			if (!(rows->cols[c].flags & CMD_TEXTONLY))
				line[k++] = r == 0 ? rows->cols[c].key :
				    cmd_rows_cell(rows, r - 1, c);
		}
		rc = csv_write_row(f, line, k, CSV_UTF8, why);
	}
	free(line);
	return rc;
}

/* A cell as a JSON value: a number or a string, or null when it is empty. */
static void
cmd_rows_json_value(FILE *f, const struct cmd_column *col, const char *s)
{
	if (col->type == CMD_BOOL)
		fputs(strcmp(s, "1") == 0 ? "true" : "false", f);
	else if (*s == '\0' && col->type != CMD_STRING)
		fputs("null", f);
	else if (col->type == CMD_NUMBER)
		fprintf(f, "%lld", strtoll(s, NULL, 10));
	else
		json_print_string(f, s);
}

/* An array of objects, one to a line. */
static void
cmd_rows_json(FILE *f, const struct cmd_rows *rows)
{
	size_t	 r, c;
	int	 more;

	fputc('[', f);
	for (r = 0; r < rows->n; r++) {
		fputs(r > 0 ? ",\n {" : "\n {", f);
		for (c = 0, more = 0; c < rows->ncols; c++) {
			if (rows->cols[c].flags & CMD_TEXTONLY)
				continue;
			fprintf(f, "%s\"%s\": ", more ? ", " : "",
			    rows->cols[c].key);
			cmd_rows_json_value(f, &rows->cols[c],
			    cmd_rows_cell(rows, r, c));
			more = 1;
		}
		fputc('}', f);
	}
	fputs(rows->n > 0 ? "\n]\n" : "]\n", f);
}

int
cmd_rows_print(struct cmd_ctx *ctx, enum cmd_format format,
    const struct cmd_rows *rows)
{
	char	*why = NULL;
	int	 rc = QD_EXIT_OK, r;

	if (format == CMD_FORMAT_CSV) {
		if ((r = cmd_rows_csv(ctx->out, rows, &why)) != QD_OK)
			rc = cmd_fail(ctx, r, why);
	} else if (format == CMD_FORMAT_JSON)
		cmd_rows_json(ctx->out, rows);
	else if (rows->n > 0)
		cmd_rows_table(ctx->out, rows);
	free(why);
	return rc;
}

void
cmd_json_string(FILE *f, const char *key, const char *value, int more)
{
	fprintf(f, "\"%s\": ", key);
	if (value == NULL)
		fputs("null", f);
	else
		json_print_string(f, value);
	fputs(more ? ", " : "", f);
}

void
cmd_json_number(FILE *f, const char *key, long long value, int more)
{
	fprintf(f, "\"%s\": %lld%s", key, value, more ? ", " : "");
}

void
cmd_shell_word(FILE *f, const char *s)
{
	const char	*safe = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
			    "0123456789._-:/=,+";

	const char	*p;

	/* Bytes of UTF-8 text (陈) mean nothing to a shell either. */
	for (p = s; *p != '\0'; p++) {
		if ((unsigned char)*p < 0x80 && strchr(safe, *p) == NULL)
			break;
	}
	if (*s != '\0' && *p == '\0') {
		fputs(s, f);
		return;
	}
	/* Single quotes, as sh and the SSH command splitter both read them. */
	fputc('\'', f);
	for (; *s != '\0'; s++) {
		if (*s == '\'')
			fputs("'\\''", f);
		else
			fputc(*s, f);
	}
	fputc('\'', f);
}

void
cmd_label_line(FILE *f, const char *label, const char *value, int cols)
{
	char	 cell[64], *shown;

	if (value == NULL || *value == '\0')
		return;
	shown = text_shown(value);
	fprintf(f, "%s  %s\n", text_cell(cell, sizeof cell, label, cols, 1),
	    shown);
	free(shown);
}

int
cmd_office_id(struct cmd_ctx *ctx, const char *noun, const char *code,
    char **argv, int64_t *id)
{
	struct qd_office	*list = NULL;
	char			*codes = NULL, *tmp;
	size_t			 n = 0, i;

	if (db_office_list(ctx->db, &list, &n) != QD_OK)
		return cmd_fail(ctx, QD_EDB, NULL);
	for (i = 0; i < n; i++) {
		if (strcmp(list[i].code, code) == 0)
			*id = list[i].id;
		xasprintf(&tmp, "%s%s%s", codes != NULL ? codes : "",
		    codes != NULL ? ", " : "", list[i].code);
		free(codes);
		codes = tmp;
	}
	office_free_array(list, n);
	if (*id == 0)
		cmd_usage_error(ctx, noun, argv[0], "unknown office '%s': one"
		    " of %s", text_valid(code) ? code : "?",
		    codes != NULL ? codes : "");
	free(codes);
	if (*id == 0)
		return QD_EXIT_USAGE;
	/* An office sees its own records only: say so, not an empty list. */
	if (role_has_office(ctx->actor->role) && *id != ctx->actor->office_id) {
		fprintf(ctx->err, "%s: 您只能查看本办公室（%s）的记录 you see only"
		    " your own office's records (%s), not %s's\n", QD_NAME,
		    ctx->actor->office_code, ctx->actor->office_code, code);
		*id = 0;
		return QD_EXIT_DENIED;
	}
	return QD_EXIT_OK;
}
