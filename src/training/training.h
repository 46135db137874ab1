/*
 * The training module: providers (培训机构), the cities' training needs,
 * class plans (办班计划) with seats and per-city quotas, enrolment with a
 * waiting list, the roster, and the training completion certificate
 * (培训结业证书). The schema (005-training.sql) enforces every rule; the
 * functions here check role and office first, to say why in words.
 *
 * Lists come back as struct cmd_rows whose columns the list's own
 * declaration (training_*_columns) names, for the commands and screens.
 */
#ifndef TRAINING_TRAINING_H
#define TRAINING_TRAINING_H

#include "qualdesk.h"

struct cert_fields;

/* db-training.c: what the training data layer shares. */
/* The office actor is limited to, or 0 for every office. */
int64_t	 training_scope(const struct qd_user *actor);
/* 1 if actor is the center's (center or admin). */
int	 training_is_center(const struct qd_user *actor);
/* 1 if actor is an office's (clerk or liaison). */
int	 training_is_office(const struct qd_user *actor);
/* Roll back, set *why from the database and return QD_EDB (or the
 * trigger's refusal as QD_EDENIED). */
int	 training_fail(sqlite3 *, char **why);
/* Prepare sql, bind the int64 and text arguments fmt names ('i', 't'),
 * and fill rows. QD_OK or QD_EDB with *why. */
int	 training_rows(sqlite3 *, const char *sql, struct cmd_rows *,
	    char **why, const char *fmt, ...);
/* The id of the applicant with MTP number mtp, or QD_ENOTFOUND. */
int	 training_applicant_by_mtp(sqlite3 *, const char *mtp, int64_t *id,
	    char **why);
/* The id of the occupation coded code, or QD_EINVAL naming it. */
int	 training_occupation_by_code(sqlite3 *, const char *code,
	    int64_t *id, char **why);
/* The id of the office coded code, or QD_EINVAL naming it. */
int	 training_office_by_code(sqlite3 *, const char *code, int64_t *id,
	    char **why);

/* db-provider.c: providers, kept by the center's admins. */
extern const struct cmd_column training_provider_columns[];
extern const size_t training_provider_ncolumns;
/*
 * Add or update (by name) a provider: kind institution, hr_agency or
 * college, in office code's city, teaching the occupations whose codes
 * codes lists (separated by ';'). Admin only. *id gets its id.
 */
int	 db_training_provider_save(sqlite3 *, const struct qd_user *actor,
	    const char *name, const char *kind, const char *office,
	    const char *codes, int active, int64_t *id, char **why);
/* The same from CSV (name, kind, office, occupations, active), all or
 * nothing; *n gets the rows saved. */
int	 db_training_provider_import(sqlite3 *, const struct qd_user *actor,
	    const char *data, size_t len, enum csv_charset, int *n,
	    char **why);
/* Every provider (any role reads them). */
int	 db_training_provider_list(sqlite3 *, const struct qd_user *actor,
	    struct cmd_rows *, char **why);

/* db-need.c: training needs, recorded by a city and reported. */
struct training_need_new {
	const char	*mtp;		/* the applicant's */
	const char	*occupation;	/* code */
	int		 level;		/* 1-5 */
	const char	*period;	/* YYYY-MM preferred */
	int		 in_taiwan;
	const char	*note;
};
extern const struct cmd_column training_need_columns[];
extern const size_t training_need_ncolumns;
extern const struct cmd_column training_need_table_columns[];
extern const size_t training_need_table_ncolumns;
/* An office's clerk or liaison records a need of one of its people. */
int	 db_training_need_add(sqlite3 *, const struct qd_user *actor,
	    const struct training_need_new *, int64_t *id, char **why);
/* Report the office's unreported needs to the center; *n how many. */
int	 db_training_need_report(sqlite3 *, const struct qd_user *actor,
	    int *n, char **why);
/* The needs actor may see, newest first. */
int	 db_training_need_list(sqlite3 *, const struct qd_user *actor,
	    struct cmd_rows *, char **why);
/* Reported needs by occupation, level, city and in Taiwan (an office:
 * its own city's). */
int	 db_training_need_table(sqlite3 *, const struct qd_user *actor,
	    struct cmd_rows *, char **why);

/* db-class.c: class plans and their steps. */
struct training_class_new {
	const char	*title;
	int64_t		 provider_id;
	const char	*occupation;	/* code */
	int		 level;
	const char	*starts_on, *ends_on;
	int		 hours;
	const char	*place;		/* "" when online */
	int		 online;
	int		 seats;
	const char	*enrol_from, *enrol_to;
	const char	*quota_cutoff;	/* NULL: none */
	int64_t		 fee_fen;
	const char	*subsidy_note;
};
extern const struct cmd_column training_class_columns[];
extern const size_t training_class_ncolumns;
extern const struct cmd_column training_room_columns[];
extern const size_t training_room_ncolumns;
/* The center drafts a class plan. */
int	 db_training_class_add(sqlite3 *, const struct qd_user *actor,
	    const struct training_class_new *, int64_t *id, char **why);
/* Set office's quota of a draft class (seats 0 removes it). */
int	 db_training_class_quota(sqlite3 *, const struct qd_user *actor,
	    int64_t class_id, const char *office, int seats, char **why);
/*
 * Take step action (a row of training_class_transitions from the class's
 * state for actor's role) on a class; reason for a cancellation.
 * version: the one seen (0: any).
 */
int	 db_training_class_step(sqlite3 *, const struct qd_user *actor,
	    int64_t class_id, const char *action, const char *reason,
	    int64_t version, char **why);
/* Publish every draft class starting in period (YYYY-MM); *n how many. */
int	 db_training_class_publish_period(sqlite3 *, const struct qd_user *,
	    const char *period, int *n, char **why);
/* The classes, soonest first; state NULL for all. */
int	 db_training_class_list(sqlite3 *, const struct qd_user *actor,
	    const char *state, struct cmd_rows *, char **why);
/* Per city: quota, enrolled, waiting and the seats it may take now. */
int	 db_training_class_room(sqlite3 *, const struct qd_user *actor,
	    int64_t class_id, struct cmd_rows *, char **why);
/*
 * The steps actor may take on the class now, from the table: rows of
 * two columns (the action, its bilingual name), in rows->ncols >= 2.
 */
int	 db_training_class_actions(sqlite3 *, const struct qd_user *actor,
	    int64_t class_id, struct cmd_rows *, char **why);

/* db-enrol.c: enrolment, the waiting list and the roster. */
extern const struct cmd_column training_enrol_columns[];
extern const size_t training_enrol_ncolumns;
/*
 * Enrol the office's person with MTP number mtp in a class: a seat if
 * the class and the city have one, else the waiting list (*waiting 1).
 * Refused outside the enrolment window, with the dates.
 */
int	 db_training_enrol(sqlite3 *, const struct qd_user *actor,
	    int64_t class_id, const char *mtp, int64_t *id, int *waiting,
	    char **why);
/* Cancel an enrolment (its office, or the center); the first waiting
 * who may take the seat gets it. *promoted: that enrolment, or 0. */
int	 db_training_enrol_cancel(sqlite3 *, const struct qd_user *actor,
	    int64_t id, int64_t *promoted, char **why);
/* A class's enrolments (an office: its own), in order. */
int	 db_training_enrol_list(sqlite3 *, const struct qd_user *actor,
	    int64_t class_id, struct cmd_rows *, char **why);
/* The provider's roster as CSV (mtp, hours, completed), all or nothing. */
int	 db_training_roster_import(sqlite3 *, const struct qd_user *actor,
	    int64_t class_id, const char *data, size_t len, enum csv_charset,
	    int *n, char **why);

/* db-training-cert.c: training completion certificates (series PX). */
extern const struct cmd_column training_cert_columns[];
extern const size_t training_cert_ncolumns;
/*
 * The center issues, dated day (NULL: today), a certificate to each
 * completed person of a finished class who has none; *n how many.
 * Each drafts its subsidy claim in the same transaction (schema).
 */
int	 db_training_cert_issue(sqlite3 *, const struct qd_user *actor,
	    int64_t class_id, const char *day, int *n, char **why);
/* The certificates actor may see (of one class, or all with 0). */
int	 db_training_cert_list(sqlite3 *, const struct qd_user *actor,
	    int64_t class_id, struct cmd_rows *, char **why);
/* Write the certificates numbered numbers as one PDF to f. */
int	 db_training_cert_pdf(sqlite3 *, const struct qd_user *actor,
	    char **numbers, size_t n, FILE *f, char **why);
/* cmd-training.c, cmd-training-class.c: the verbs; cmd-training-args.c:
 * what they and the subsidy verbs share. */
int	 cmd_training_provider(struct cmd_ctx *, int, char **);
int	 cmd_training_need(struct cmd_ctx *, int, char **);
int	 cmd_training_class(struct cmd_ctx *, int, char **);
int	 cmd_training_enrol(struct cmd_ctx *, int, char **);
int	 cmd_training_roster(struct cmd_ctx *, int, char **);
int	 cmd_training_cert(struct cmd_ctx *, int, char **);
/* A sub-verb's arguments: --name value options and the words between. */
#define TRAINING_ARGS_MAX	16
struct training_args {
	const char	*names[TRAINING_ARGS_MAX];	/* allowed, NULL-ended */
	const char	*values[TRAINING_ARGS_MAX];	/* NULL: not given */
	char		*words[TRAINING_ARGS_MAX];
	size_t		 nwords;
};
/*
 * Parse argv[1..] (argv[0] is the sub-verb) against a->names (an option
 * "--x" that takes no value is written "x!" and gets "1"). A usage
 * error on ctx->err (QD_EXIT_USAGE) for an unknown option or too many
 * words; else QD_EXIT_OK.
 */
int	 training_args_parse(struct cmd_ctx *, const char *noun,
	    const char *usage, int argc, char **argv, struct training_args *);
/* The value of option name, or NULL. */
const char *training_arg(const struct training_args *, const char *name);
/* A sub-verb of a noun: its name, its usage and its handler. */
struct training_verb {
	const char	*verb;
	const char	*usage;
	int		(*exec)(struct cmd_ctx *, const char *usage, int,
			    char **);
};
/* Run the sub-verb argv[1] names among verbs (NULL-ended). */
int	 training_dispatch(struct cmd_ctx *, const char *noun,
	    const struct training_verb *, int argc, char **argv);
/* Read all of file ("-": ctx->in) into *data; an exit code. */
int	 cmd_training_read(struct cmd_ctx *, const char *noun,
	    const char *file, char **data, size_t *len);
/* Print rows in format, or the failure; an exit code. */
int	 cmd_training_print(struct cmd_ctx *, int rc, enum cmd_format,
	    struct cmd_rows *, char *why);

/* demo-training.c */
int	 training_demo(sqlite3 *, char **why);

/* tables.c: the audited tables of 005-training.sql. */
extern const struct schema_table training_tables[];
/* training-indicators.c: the module's figures for the reports. */
extern const struct report_indicator training_indicators[];

#endif /* TRAINING_TRAINING_H */
