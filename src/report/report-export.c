/*
 * Tables out: CSV through csv.c (UTF-8 with the BOM Excel wants, or
 * GB18030 for older Excel on Chinese Windows) and xlsx workbooks through
 * libxlsxwriter, a sheet a table with numbers as numbers.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "report/report.h"

static const char *const report_row_kinds[] = {
	[REPORT_ROW_ITEM] = "item",
	[REPORT_ROW_TOTAL] = "total",
	[REPORT_ROW_PROVINCE] = "province",
};

int
report_csv_write(FILE *f, const struct report_table *t,
    enum csv_charset charset, char **why)
{
	const char	*line[REPORT_VALUES_MAX + 3];
	char		 vals[REPORT_VALUES_MAX][32];
	size_t		 i, c;
	int		 rc;

	if (csv_write_bom(f, charset) != QD_OK) {
		why_set(why, "无法写出 cannot write the CSV");
		return QD_ESYS;
	}
	line[0] = report_dim_name(t->q.by);
	line[1] = "label";
	for (c = 0; c < t->ncols; c++)
		line[2 + c] = t->col_keys[c];
	line[2 + t->ncols] = "row";
	if ((rc = csv_write_row(f, line, t->ncols + 3, charset, why)) != QD_OK)
		return rc;
	for (i = 0; i < t->n; i++) {
		line[0] = t->rows[i].key;
		line[1] = t->rows[i].label != NULL ? t->rows[i].label : "";
		for (c = 0; c < t->ncols; c++)
			line[2 + c] = report_value_text(t, &t->rows[i], c,
			    vals[c], sizeof vals[c]);
		line[2 + t->ncols] = report_row_kinds[t->rows[i].kind];
		if ((rc = csv_write_row(f, line, t->ncols + 3, charset,
		    why)) != QD_OK)
			return rc;
	}
	return fflush(f) == 0 ? QD_OK : QD_ESYS;
}

/* One table on its own sheet: a title line, the headers, the rows. */
static void
report_xlsx_sheet(lxw_workbook *wb, const struct report_table *t,
    lxw_format *bold)
{
	lxw_worksheet	*ws = workbook_add_worksheet(wb, t->ind->name);
	char		 title[256];
	size_t		 i, c;
	lxw_row_t	 row = 3;

	if (ws == NULL)
		return;
	snprintf(title, sizeof title, "%s %s  %s – %s",
	    t->ind->label_zh, t->ind->label_en, t->q.from, t->q.to);
	worksheet_write_string(ws, 0, 0, title, bold);
	worksheet_write_string(ws, 2, 0, report_dim_label(t->q.by), bold);
	worksheet_write_string(ws, 2, 1, "名称 Name", bold);
	worksheet_set_column(ws, 0, 1, 22, NULL);
	for (c = 0; c < t->ncols; c++)
		worksheet_write_string(ws, 2, (lxw_col_t)(2 + c),
		    t->col_titles[c], bold);
	for (i = 0; i < t->n; i++, row++) {
		worksheet_write_string(ws, row, 0, t->rows[i].key, NULL);
		worksheet_write_string(ws, row, 1, t->rows[i].label != NULL ?
		    t->rows[i].label : "", t->rows[i].kind != REPORT_ROW_ITEM ?
		    bold : NULL);
		for (c = 0; c < t->ncols; c++) {
			if (t->rows[i].v[c] < 0)
				worksheet_write_string(ws, row,
				    (lxw_col_t)(2 + c), "-", NULL);
			else
				worksheet_write_number(ws, row,
				    (lxw_col_t)(2 + c), t->rows[i].v[c], NULL);
		}
	}
}

/* Copy the file at path to f. */
static int
report_copy(const char *path, FILE *f)
{
	FILE	*in;
	char	 buf[8192];
	size_t	 n;
	int	 rc = QD_OK;

	if ((in = fopen(path, "rb")) == NULL)
		return QD_ESYS;
	while ((n = fread(buf, 1, sizeof buf, in)) > 0) {
		if (fwrite(buf, 1, n, f) != n) {
			rc = QD_ESYS;
			break;
		}
	}
	if (ferror(in))
		rc = QD_ESYS;
	fclose(in);
	if (rc == QD_OK && fflush(f) != 0)
		rc = QD_ESYS;
	return rc;
}

int
report_xlsx_write(FILE *f, struct report_table *const *t, size_t n,
    char **why)
{
	const char	*tmp = getenv("TMPDIR");
	lxw_workbook	*wb;
	lxw_format	*bold;
	lxw_error	 err;
	char		*path;
	size_t		 i;
	int		 fd, rc;

	if (tmp == NULL || *tmp == '\0')
		tmp = "/tmp";
	xasprintf(&path, "%s/qualdesk-xlsx.XXXXXX", tmp);
	/* libxlsxwriter writes to a file name; the file is ours alone. */
	if ((fd = mkstemp(path)) == -1) {
		log_error("mkstemp %s: %s", path, strerror(errno));
		why_set(why, "无法生成工作簿 cannot make the workbook");
		free(path);
		return QD_ESYS;
	}
	close(fd);
	if ((wb = workbook_new(path)) == NULL) {
		rc = QD_ESYS;
		goto out;
	}
	bold = workbook_add_format(wb);
	format_set_bold(bold);
	for (i = 0; i < n; i++)
		report_xlsx_sheet(wb, t[i], bold);
	if ((err = workbook_close(wb)) != LXW_NO_ERROR) {
		log_error("workbook_close: %s", lxw_strerror(err));
		rc = QD_ESYS;
		goto out;
	}
	rc = report_copy(path, f);
out:
	if (rc != QD_OK)
		why_set(why, "无法生成工作簿 cannot make the workbook");
	unlink(path);
	free(path);
	return rc;
}
