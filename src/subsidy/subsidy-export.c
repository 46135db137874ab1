/*
 * A batch for the finance office: CSV (UTF-8, or GB18030 for Excel on
 * Chinese Windows, with a BOM when asked) through csv.c, or an xlsx
 * workbook through libxlsxwriter in its constant-memory mode (rows
 * streamed, so 50,000 claims take little memory): the claims, then the
 * totals per office and per kind. Amounts are in fen, as integers; the
 * bank account is the finance office's to pay, so it is written in full,
 * and the export is audited.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "subsidy/subsidy.h"

/* The export's columns, as the finance office reads them. */
static const char *const export_header[] = {
	"claim", "office", "name", "mtp", "kind", "certificate", "occupation",
	"level", "amount_fen", "doc_no", "bank_name", "bank_account", "state",
};
#define EXPORT_NCOLS	(nitems(export_header))
/* Columns whose values are numbers in the workbook. */
#define EXPORT_IS_NUMBER(i)	((i) == 0 || (i) == 7 || (i) == 8)

#define EXPORT_SQL \
	"SELECT c.id, o.code, a.name, substr(a.mtp, 1, 2) || '****' ||" \
	" substr(a.mtp, 7), c.kind, c.cert_number, p.name," \
	" c.level, c.amount_fen, c.doc_no, c.bank_name, c.bank_account," \
	" c.state FROM subsidy_claims c JOIN offices o ON o.id = c.office_id" \
	" JOIN applicants a ON a.id = c.applicant_id JOIN occupations p ON" \
	" p.id = c.occupation_id WHERE c.batch_id = ?1 ORDER BY c.office_id," \
	" c.id"

/* Only the center and those who read everything export a batch. */
static int
export_allowed(sqlite3 *db, const struct qd_user *actor, int64_t batch,
    char **why)
{
	char	 detail[64];

	if (role_has_office(actor->role)) {
		why_set(why, "批次导出由中心办理 the center exports batches");
		return QD_EDENIED;
	}
	snprintf(detail, sizeof detail, "{\"export\":%lld}", (long long)batch);
	return db_audit(db, "export", "subsidy_batches", batch, detail);
}

int
subsidy_export_csv(sqlite3 *db, const struct qd_user *actor, int64_t batch,
    enum csv_charset charset, int bom, FILE *f, char **why)
{
	sqlite3_stmt	*st;
	const char	*row[EXPORT_NCOLS];
	size_t		 i;
	int		 rc, step;

	if ((rc = export_allowed(db, actor, batch, why)) != QD_OK)
		return rc;
	if (db_prepare(db, EXPORT_SQL, &st) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int64(st, 1, batch);
	if (bom && charset == CSV_UTF8)
		csv_write_bom(f, charset);
	rc = csv_write_row(f, export_header, EXPORT_NCOLS, charset, why);
	while (rc == QD_OK && (step = sqlite3_step(st)) == SQLITE_ROW) {
		for (i = 0; i < EXPORT_NCOLS; i++)
			row[i] = (const char *)sqlite3_column_text(st, (int)i);
		rc = csv_write_row(f, row, EXPORT_NCOLS, charset, why);
	}
	if (rc == QD_OK && step != SQLITE_DONE)
		rc = db_fail(db, why);
	sqlite3_finalize(st);
	return rc;
}

/* The claims sheet, row by row (constant memory: in order only). */
static int
export_claims_sheet(sqlite3 *db, lxw_workbook *wb, int64_t batch,
    char **why)
{
	lxw_worksheet	*ws = workbook_add_worksheet(wb, "claims");
	sqlite3_stmt	*st;
	lxw_row_t	 r = 0;
	size_t		 i;
	int		 step;

	if (ws == NULL)
		return QD_ESYS;
	for (i = 0; i < EXPORT_NCOLS; i++)
		worksheet_write_string(ws, 0, (lxw_col_t)i, export_header[i],
		    NULL);
	if (db_prepare(db, EXPORT_SQL, &st) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int64(st, 1, batch);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		r++;
		for (i = 0; i < EXPORT_NCOLS; i++) {
			if (EXPORT_IS_NUMBER(i))
				worksheet_write_number(ws, r, (lxw_col_t)i,
				    (double)sqlite3_column_int64(st, (int)i),
				    NULL);
			else
				worksheet_write_string(ws, r, (lxw_col_t)i,
				    (const char *)sqlite3_column_text(st,
				    (int)i), NULL);
		}
	}
	sqlite3_finalize(st);
	return step == SQLITE_DONE ? QD_OK : db_fail(db, why);
}

/* A totals sheet: one key column, claims and fen. */
static int
export_totals_sheet(sqlite3 *db, lxw_workbook *wb, const char *name,
    const char *sql, int64_t batch, char **why)
{
	lxw_worksheet	*ws = workbook_add_worksheet(wb, name);
	sqlite3_stmt	*st;
	lxw_row_t	 r = 0;
	int		 step;

	if (ws == NULL)
		return QD_ESYS;
	worksheet_write_string(ws, 0, 0, name, NULL);
	worksheet_write_string(ws, 0, 1, "claims", NULL);
	worksheet_write_string(ws, 0, 2, "total_fen", NULL);
	if (db_prepare(db, sql, &st) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int64(st, 1, batch);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		r++;
		worksheet_write_string(ws, r, 0,
		    (const char *)sqlite3_column_text(st, 0), NULL);
		worksheet_write_number(ws, r, 1,
		    (double)sqlite3_column_int64(st, 1), NULL);
		worksheet_write_number(ws, r, 2,
		    (double)sqlite3_column_int64(st, 2), NULL);
	}
	sqlite3_finalize(st);
	return step == SQLITE_DONE ? QD_OK : db_fail(db, why);
}

/* Copy the file at path to f. */
static int
export_copy(const char *path, FILE *f, char **why)
{
	FILE	*in;
	char	 buf[65536];
	size_t	 n;
	int	 rc = QD_OK;

	if ((in = fopen(path, "rb")) == NULL) {
		why_set(why, "无法读取工作簿 cannot read the workbook: %s",
		    strerror(errno));
		return QD_ESYS;
	}
	while ((n = fread(buf, 1, sizeof buf, in)) > 0) {
		if (fwrite(buf, 1, n, f) != n) {
			rc = QD_ESYS;
			break;
		}
	}
	fclose(in);
	if (rc != QD_OK || fflush(f) != 0) {
		why_set(why, "无法写出工作簿 cannot write the workbook");
		rc = QD_ESYS;
	}
	return rc;
}

int
subsidy_export_xlsx(sqlite3 *db, const struct qd_user *actor, int64_t batch,
    FILE *f, char **why)
{
	lxw_workbook_options	 opt = { .constant_memory = LXW_TRUE };
	lxw_workbook		*wb;
	const char		*tmp = getenv("TMPDIR");
	char			*path;
	int			 fd, rc;
	lxw_error		 err;

	if ((rc = export_allowed(db, actor, batch, why)) != QD_OK)
		return rc;
	if (tmp == NULL || *tmp == '\0')
		tmp = "/tmp";
	xasprintf(&path, "%s/qualdesk-batch.XXXXXX", tmp);
	if ((fd = mkstemp(path)) < 0) {
		why_set(why, "无法建立临时文件 cannot make a temporary file");
		free(path);
		return QD_ESYS;
	}
	close(fd);
	opt.tmpdir = (char *)tmp;
	if ((wb = workbook_new_opt(path, &opt)) == NULL) {
		why_set(why, "无法建立工作簿 cannot start the workbook");
		rc = QD_ESYS;
		goto out;
	}
	rc = export_claims_sheet(db, wb, batch, why);
	if (rc == QD_OK)
		rc = export_totals_sheet(db, wb, "office", "SELECT o.code,"
		    " count(*), sum(c.amount_fen) FROM subsidy_claims c JOIN"
		    " offices o ON o.id = c.office_id WHERE c.batch_id = ?1"
		    " GROUP BY c.office_id ORDER BY c.office_id", batch, why);
	if (rc == QD_OK)
		rc = export_totals_sheet(db, wb, "kind", "SELECT kind,"
		    " count(*), sum(amount_fen) FROM subsidy_claims WHERE"
		    " batch_id = ?1 GROUP BY kind ORDER BY kind", batch, why);
	if ((err = workbook_close(wb)) != LXW_NO_ERROR && rc == QD_OK) {
		why_set(why, "无法写出工作簿 cannot write the workbook: %s",
		    lxw_strerror(err));
		rc = QD_ESYS;
	}
	if (rc == QD_OK)
		rc = export_copy(path, f, why);
out:
	unlink(path);
	free(path);
	return rc;
}
