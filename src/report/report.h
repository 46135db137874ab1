/*
 * The report module: the figures every module declares (struct
 * report_indicator in qualdesk.h), computed live and scoped to the user,
 * drawn on the terminal, exported as CSV, xlsx and a monthly PDF, and
 * the months the center closes, frozen and signed.
 */
#ifndef REPORT_REPORT_H
#define REPORT_REPORT_H

#include "qualdesk.h"

/* report.c: the engine. */
/* The i-th indicator of every module in module order; NULL past the last. */
const struct report_indicator *report_indicator_at(size_t i);
/* The indicator named name, or NULL. */
const struct report_indicator *report_indicator_find(const char *name);
/* "office", "month", "occupation", "level", "type", "none" for a split. */
const char *report_dim_name(int by);
const char *report_dim_label(int by);	/* "办公室 Office" */
/* A split's name as report_dim_name gives it; QD_EINVAL if none. */
int	 report_dim_parse(const char *, int *by);
/* 1 if s is a month YYYY-MM from 2000-01 to 2199-12. */
int	 report_month_valid(const char *s);
/* The current month in China Standard Time into out ("2026-12"). */
void	 report_month_now(char out[8]);
/* Add months (may be negative) to month m in place. */
void	 report_month_add(char m[8], int months);
/*
 * Fill q from the command line or the screen: --month M (one month), or
 * --from and --to (either may be NULL: from January of to's year, to the
 * current month), by a split name (NULL: none). QD_EINVAL with a
 * bilingual *why for a bad month, from after to, more than 120 months or
 * an unknown split.
 */
int	 report_query_set(struct report_query *, const char *from,
	    const char *to, const char *month, const char *by, char **why);
/*
 * Compute ind for q as actor sees it. A clerk or liaison gets their own
 * office's figures and the province's (office 0) beside them; naming
 * another office is QD_EDENIED. The center, the admin and the auditor see
 * every office. A split the indicator does not offer is QD_EINVAL.
 * Closed months come from their snapshot. *out (report_table_free).
 */
int	 report_compute(sqlite3 *, const struct qd_user *actor,
	    const struct report_indicator *, const struct report_query *,
	    struct report_table **out, char **why);
void	 report_table_free(struct report_table *);
/* The value of column col of row r as text ("12", "3.5"), into buf. */
const char *report_value_text(const struct report_table *,
	    const struct report_row *, size_t col, char *buf, size_t len);
/* The name of indicator ind as "受理件数 Cases received" (static buffer). */
const char *report_indicator_title(const struct report_indicator *);
/*
 * The scope of q for actor into q->office_id: QD_OK, or QD_EDENIED with
 * *why when an office's staff name another office.
 */
int	 report_scope(const struct qd_user *actor, struct report_query *q,
	    char **why);

/* db-report-close.c: closing a month. */
struct report_seal {
	char		 month[8];
	char		*closed_at;
	char		*closed_by;
	unsigned	 kid;
	long long	 rows;
	char		 digest[65];	/* SHA-256 of the snapshot's text, hex */
	char		 signature[129]; /* Ed25519, hex */
};
void	 report_seal_free(struct report_seal *);
/*
 * Close month (center or admin; it must have ended): freeze its figures
 * and the backlog now into report_snapshot and sign their text with the
 * center's current key, in one transaction. QD_ECONFLICT if it is closed
 * already.
 */
int	 db_report_close(sqlite3 *, const struct qd_user *actor,
	    const char *month, struct report_seal *, char **why);
/*
 * The seal of a closed month, checked: the snapshot's text made again
 * must have its digest and the signature must verify with the key it
 * names. QD_OK, QD_ENOTFOUND when the month is open, QD_EDENIED when the
 * check fails (*why says which).
 */
int	 db_report_seal(sqlite3 *, const char *month, struct report_seal *,
	    char **why);
/* 1 if month is closed, 0 if not, -1 on a database error. */
int	 db_report_month_closed(sqlite3 *, const char *month);
/* The snapshot's canonical text of month, as signed (caller frees). */
int	 db_report_snapshot_text(sqlite3 *, const char *month, char **text,
	    size_t *len, long long *rows, char **why);

/* report-export.c: tables out as CSV and xlsx. */
/* A header of keys and the rows, BOM first for UTF-8 (Excel wants it). */
int	 report_csv_write(FILE *, const struct report_table *,
	    enum csv_charset, char **why);
/* One sheet per table into a workbook written to f. QD_ESYS on failure. */
int	 report_xlsx_write(FILE *, struct report_table *const *, size_t n,
	    char **why);

/* report-pdf.c: the monthly report as an A4 PDF (cairo, pango). */
/*
 * The report of month for actor: a title page, the headline figures, one
 * chart per indicator by office, the per-office table, and for a closed
 * month its seal. created (YYYY-MM-DD HH:MM) is the only text that
 * changes between two runs on a closed month.
 */
int	 report_pdf_write(sqlite3 *, const struct qd_user *actor,
	    const char *month, const char *created, FILE *, char **why);

/* db-report-prefs.c: what a user last asked the reports screen for. */
struct report_prefs {
	char		 indicator[41];
	char		 from[8];	/* "" for the default */
	char		 to[8];
	char		 split[12];
	int64_t		 office_id;
	int		 ascii;		/* -1: never set, follow the terminal */
};
/* actor's, or the defaults (ascii -1) when they never saved any. */
int	 db_report_prefs_load(sqlite3 *, const struct qd_user *actor,
	    struct report_prefs *);
/* Keep p as actor's (audited). */
int	 db_report_prefs_save(sqlite3 *, const struct qd_user *actor,
	    const struct report_prefs *, char **why);

/* The report verbs (cmd-report.c, cmd-report-file.c). */
int	 cmd_report_list(struct cmd_ctx *, int, char **);
int	 cmd_report_show(struct cmd_ctx *, int, char **);
int	 cmd_report_xlsx(struct cmd_ctx *, int, char **);
int	 cmd_report_pdf(struct cmd_ctx *, int, char **);
int	 cmd_report_close(struct cmd_ctx *, int, char **);
int	 cmd_report_verify(struct cmd_ctx *, int, char **);

/* tables.c: the audited tables of 009-report.sql. */
extern const struct schema_table report_tables[];

#endif /* REPORT_REPORT_H */
