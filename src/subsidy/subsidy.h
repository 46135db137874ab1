/*
 * The subsidy module: vocational-training subsidy claims (职业培训补贴)
 * the center files on behalf of applicants who obtained a qualifying
 * certificate through it. Claims are drafted by the schema in the
 * transaction that issues the certificate (006-subsidy.sql); here are
 * the rates, the rules' settings, the claims' steps, the batches and
 * their export for the finance office.
 */
#ifndef SUBSIDY_SUBSIDY_H
#define SUBSIDY_SUBSIDY_H

#include "qualdesk.h"
#include "training/training.h"

/* db-rate.c: rates and eligibility rules, kept by the center's admins. */
extern const struct cmd_column subsidy_rate_columns[];
extern const size_t subsidy_rate_ncolumns;
extern const struct cmd_column subsidy_rule_columns[];
extern const size_t subsidy_rule_ncolumns;
struct subsidy_rate_new {
	const char	*kind;		/* qualification, skill, special, training */
	int		 level;		/* 1-5 */
	int64_t		 amount_fen;
	const char	*valid_from;	/* YYYY-MM-DD */
	const char	*valid_to;	/* NULL: open */
	const char	*doc_no;	/* 文号 */
	int		 demo;		/* invented */
};
int	 db_subsidy_rate_add(sqlite3 *, const struct qd_user *actor,
	    const struct subsidy_rate_new *, int64_t *id, char **why);
/* Change a rate's amount, end or document (a claim keeps its copy). */
int	 db_subsidy_rate_set(sqlite3 *, const struct qd_user *actor,
	    int64_t id, int64_t amount_fen, const char *valid_to,
	    const char *doc_no, char **why);
int	 db_subsidy_rate_list(sqlite3 *, const struct qd_user *actor,
	    struct cmd_rows *, char **why);
int	 db_subsidy_rule_list(sqlite3 *, const struct qd_user *actor,
	    struct cmd_rows *, char **why);
/* Turn a rule on or off (active -1: as it is) and set its value. */
int	 db_subsidy_rule_set(sqlite3 *, const struct qd_user *actor,
	    const char *rule, int active, int64_t value, char **why);

/* db-claim.c: the claims and their steps. */
extern const struct cmd_column subsidy_claim_columns[];
extern const size_t subsidy_claim_ncolumns;
extern const struct cmd_column subsidy_intake_columns[];
extern const size_t subsidy_intake_ncolumns;
struct subsidy_filter {
	const char	*state;		/* NULL: any */
	const char	*period;	/* YYYY-MM, NULL: any */
	int64_t		 batch;		/* 0: any */
	int64_t		 after;		/* id cursor, 0: from the first */
	int		 limit;		/* 0: 100 */
};
/* The claims actor may see (an office its own), bank account masked. */
int	 db_subsidy_claim_list(sqlite3 *, const struct qd_user *actor,
	    const struct subsidy_filter *, struct cmd_rows *, char **why);
/* One claim with its bank details in full; the view is audited. */
int	 db_subsidy_claim_show(sqlite3 *, const struct qd_user *actor,
	    int64_t id, struct cmd_rows *, char **why);
struct subsidy_docs {
	int		 doc_id, doc_cert, doc_bank, doc_form;	/* -1: keep */
	const char	*bank_name;	/* NULL: keep */
	const char	*bank_account;	/* NULL: keep */
};
/* The office (or center) records the documents while the claim is theirs. */
int	 db_subsidy_claim_docs(sqlite3 *, const struct qd_user *actor,
	    int64_t id, const struct subsidy_docs *, char **why);
struct subsidy_step {
	const char	*action;	/* complete, approve, return, reject, pay */
	const char	*reason;	/* return, reject */
	const char	*paid_on;	/* pay */
	int64_t		 paid_fen;	/* pay; -1: the claim's amount */
	const char	*finance_ref;	/* pay */
	int64_t		 version;	/* 0: any */
};
int	 db_subsidy_claim_step(sqlite3 *, const struct qd_user *actor,
	    int64_t id, const struct subsidy_step *, char **why);
/* The qualifying certificates and what came of them (claim or why not). */
int	 db_subsidy_intake_list(sqlite3 *, const struct qd_user *actor,
	    const char *outcome, struct cmd_rows *, char **why);
/*
 * For the exams: inside the open transaction that records a pass and its
 * certificate, register it (kind skill or special or qualification) so
 * the claim is drafted or the reason recorded. *claim gets the claim's id
 * (0 when ineligible). Equivalent SQL: INSERT INTO subsidy_intake
 * (source, source_id, cert_number, kind, applicant_id, office_id,
 * occupation_id, level, issued_on) VALUES ('exam', ...).
 */
int	 db_subsidy_exam_pass(sqlite3 *, int64_t pass_id,
	    const char *cert_number, const char *kind, int64_t applicant_id,
	    int64_t office_id, int64_t occupation_id, int level,
	    const char *issued_on, int64_t *claim, char **why);

/* db-batch.c: a period's batch and its figures. */
extern const struct cmd_column subsidy_batch_columns[];
extern const size_t subsidy_batch_ncolumns;
extern const struct cmd_column subsidy_total_columns[];
extern const size_t subsidy_total_ncolumns;
/* The center submits the period's complete claims as one batch. */
int	 db_subsidy_batch_submit(sqlite3 *, const struct qd_user *actor,
	    const char *period, int64_t *batch, int *n, int64_t *total_fen,
	    char **why);
int	 db_subsidy_batch_list(sqlite3 *, const struct qd_user *actor,
	    struct cmd_rows *, char **why);
/* Totals per office and kind of a batch's claims. */
int	 db_subsidy_batch_totals(sqlite3 *, const struct qd_user *actor,
	    int64_t batch, struct cmd_rows *, char **why);
/*
 * Check the batch's figures as submitted against its claims: QD_OK, or
 * QD_ECONFLICT with *why saying which differs.
 */
int	 db_subsidy_batch_check(sqlite3 *, const struct qd_user *actor,
	    int64_t batch, char **why);

/* subsidy-export.c: a batch for the finance office. */
int	 subsidy_export_csv(sqlite3 *, const struct qd_user *actor,
	    int64_t batch, enum csv_charset, int bom, FILE *, char **why);
/* The workbook (libxlsxwriter, constant memory): claims, by office, by
 * kind. */
int	 subsidy_export_xlsx(sqlite3 *, const struct qd_user *actor,
	    int64_t batch, FILE *, char **why);

/* cmd-subsidy.c */
int	 cmd_subsidy_rate(struct cmd_ctx *, int, char **);
int	 cmd_subsidy_rule(struct cmd_ctx *, int, char **);
int	 cmd_subsidy_claim(struct cmd_ctx *, int, char **);
int	 cmd_subsidy_batch(struct cmd_ctx *, int, char **);

/* demo-subsidy.c */
int	 subsidy_demo(sqlite3 *, char **why);

/* tables.c: the audited tables of 006-subsidy.sql. */
extern const struct schema_table subsidy_tables[];
/* subsidy-indicators.c: the module's figures for the reports. */
extern const struct report_indicator subsidy_indicators[];

#endif /* SUBSIDY_SUBSIDY_H */
