/*
 * The job module: employment (就业). Cities record job needs for their
 * applicants and report them to the center; the center keeps employers
 * and postings, matches them with the needs (供需对接) and follows each
 * person with a service plan (就业服务方案). Every function checks the
 * actor's role and office; the schema (007-job.sql) checks again.
 */
#ifndef JOB_H
#define JOB_H

#include "qualdesk.h"

/* db-job-lookup.c: what a clerk types, resolved or refused by name. */
/*
 * The active occupation with code (or, failing that, exact name) text
 * into *id. QD_EINVAL with *why naming what was typed and where the valid
 * codes are listed (`qualdesk occupation list`).
 */
int	 job_occupation_find(sqlite3 *, const char *text, int64_t *id,
	    char **why);
/*
 * The office whose city is text (its code "xiamen", its name 厦门 or
 * 厦门市, or its English name) into *id. QD_EINVAL with *why naming what
 * was typed and the codes.
 */
int	 job_city_find(sqlite3 *, const char *text, int64_t *id, char **why);
/*
 * The allowed transitions of a record of table (one of the job or policy
 * workflows: "job_match", "job_posting" ...) for actor in its current
 * state into rows: id 0, cells action and label ("录用 Hired").
 */
int	 job_actions(sqlite3 *, const struct qd_user *actor,
	    const char *workflow, int64_t id, struct db_rows *, char **why);
/*
 * db-job-step.c: move record id of workflow ("job_need", "job_posting",
 * "job_match", "job_plan") by action as actor, in one transaction: the
 * record of another office is refused, so is a version (not 0) other
 * than the current one (QD_ECONFLICT) and an action the actor's role may
 * not take from the record's state. text is the step's note or outcome
 * (matches and plans; may be NULL).
 */
int	 job_step(sqlite3 *, const struct qd_user *actor, const char *workflow,
	    int64_t id, const char *action, int64_t version, const char *text,
	    char **why);
/*
 * Split a list a clerk typed (',' ';' '、' or spaces, ASCII or
 * full-width) into its words (free with job_split_free). QD_EINVAL past
 * eight words.
 */
int	 job_split(const char *, char ***out, size_t *n);
void	 job_split_free(char **, size_t);
/* 1 if actor is a city's clerk or liaison; 1 if the center's staff. */
int	 job_is_office(const struct qd_user *);
int	 job_is_center(const struct qd_user *);

/* db-job-need.c: job needs (就业需求). */
struct job_need_new {
	int64_t		 applicant_id;
	const char	*occupations;	/* codes or names, ',' ';' or ' ' */
	const char	*cities;	/* office codes or names, likewise */
	long long	 pay_min;	/* yuan a month, 0: not said */
	const char	*available_from; /* a day idcheck_date takes */
	const char	*note;
};
/*
 * Record a need at actor's office (clerk or liaison) for an applicant
 * the office may read, with the person's level in each occupation taken
 * from their certificates and approved cases. Every occupation and city
 * must be known: the first unknown one refuses the whole need. *id gets
 * the new need's id.
 */
int	 db_job_need_add(sqlite3 *, const struct qd_user *actor,
	    const struct job_need_new *, int64_t *id, char **why);
/*
 * Move a need by action ("report", "close") as actor, who must be of its
 * office; version is what the caller read (0: the current one).
 */
int	 db_job_need_step(sqlite3 *, const struct qd_user *actor, int64_t id,
	    const char *action, int64_t version, char **why);
/* The columns of a need's row, after its id. */
enum job_need_col {
	JOB_NEED_NAME, JOB_NEED_OFFICE, JOB_NEED_OCCUPATIONS, JOB_NEED_CITIES,
	JOB_NEED_PAY, JOB_NEED_FROM, JOB_NEED_STATE_NAME, JOB_NEED_STATE,
	JOB_NEED_VERSION, JOB_NEED_NCOLS
};
/*
 * The needs actor may read (a city its own; the center, admin and
 * auditor all), newest first, in state (NULL: any), at most limit.
 */
int	 db_job_need_list(sqlite3 *, const struct qd_user *actor,
	    const char *state, int limit, struct db_rows *, char **why);

/* db-job-post.c: employers and postings (就业岗位招聘信息). */
/* Add an employer (center or admin). *id gets its id. */
int	 db_job_employer_add(sqlite3 *, const struct qd_user *actor,
	    const char *name, const char *city, int taiwan_funded,
	    const char *contact, int64_t *id, char **why);
struct job_post_new {
	const char	*employer;	/* name, or "#ID" */
	const char	*occupation;	/* code or name */
	int		 min_level;	/* 1 to 5, 0: any */
	long long	 openings;
	long long	 pay_min, pay_max;
	const char	*closes_on;
	const char	*contact;
};
/* Add a posting as a draft (center or admin); *id gets its id. */
int	 db_job_post_add(sqlite3 *, const struct qd_user *actor,
	    const struct job_post_new *, int64_t *id, char **why);
/* Move a posting by action ("publish", "close"): center or admin. */
int	 db_job_post_step(sqlite3 *, const struct qd_user *actor, int64_t id,
	    const char *action, char **why);
enum job_post_col {
	JOB_POST_EMPLOYER, JOB_POST_CITY, JOB_POST_TAIWAN, JOB_POST_OCC_CODE,
	JOB_POST_OCC_NAME, JOB_POST_MIN_LEVEL, JOB_POST_OPENINGS, JOB_POST_PAY,
	JOB_POST_CLOSES, JOB_POST_STATE_NAME, JOB_POST_STATE, JOB_POST_CONTACT,
	JOB_POST_NCOLS
};
/*
 * The postings actor may read (the center all, a city the published and
 * ended ones), newest first. A published posting past its closing day
 * shows as expired (过期 Expired) in JOB_POST_STATE_NAME.
 */
int	 db_job_post_list(sqlite3 *, const struct qd_user *actor, int limit,
	    struct db_rows *, char **why);

/* db-job-match.c: matching (供需对接). */
enum job_fit_col {
	JOB_FIT_POSTING, JOB_FIT_NEED, JOB_FIT_NAME, JOB_FIT_OFFICE,
	JOB_FIT_EMPLOYER, JOB_FIT_CITY, JOB_FIT_OCCUPATION, JOB_FIT_LEVEL,
	JOB_FIT_REASON, JOB_FIT_MATCH_STATE, JOB_FIT_NCOLS
};
/*
 * What fits a published posting not past its day (posting_id) or a
 * reported need (need_id; the other 0): the same occupation, a level at
 * or above the minimum, a city the person wants. Each row's id is the
 * match's if one was proposed (else 0) and JOB_FIT_REASON says why in
 * one line. The center sees all; a city only its own needs'.
 */
int	 db_job_fit(sqlite3 *, const struct qd_user *actor, int64_t posting_id,
	    int64_t need_id, int limit, struct db_rows *, char **why);
/* Propose a posting to a need's city (center or admin). *id: the match. */
int	 db_job_match_propose(sqlite3 *, const struct qd_user *actor,
	    int64_t posting_id, int64_t need_id, int64_t *id, char **why);
/*
 * Record what came of a match by action ("interested", "interview",
 * "hire", "decline") as a clerk or liaison of the person's city; a hire
 * counts the posting's openings down (the schema does, in the same
 * transaction). version: what the caller read (0: the current one).
 */
int	 db_job_match_outcome(sqlite3 *, const struct qd_user *actor,
	    int64_t id, const char *action, const char *note, int64_t version,
	    char **why);
enum job_match_col {
	JOB_MATCH_NAME, JOB_MATCH_OFFICE, JOB_MATCH_EMPLOYER, JOB_MATCH_CITY,
	JOB_MATCH_OCCUPATION, JOB_MATCH_REASON, JOB_MATCH_STATE_NAME,
	JOB_MATCH_STATE, JOB_MATCH_OPENINGS, JOB_MATCH_VERSION, JOB_MATCH_NCOLS
};
/* The proposed matches actor may read (a city its own), newest first. */
int	 db_job_match_list(sqlite3 *, const struct qd_user *actor, int limit,
	    struct db_rows *, char **why);

/* db-job-plan.c: service plans (就业服务方案), the center's. */
int	 db_job_plan_add(sqlite3 *, const struct qd_user *actor,
	    int64_t need_id, const char *text, int64_t *id, char **why);
/* Move a plan by action ("start", "finish", "drop"); outcome when ending. */
int	 db_job_plan_step(sqlite3 *, const struct qd_user *actor, int64_t id,
	    const char *action, const char *outcome, char **why);
enum job_plan_col {
	JOB_PLAN_NEED, JOB_PLAN_NAME, JOB_PLAN_OFFICE, JOB_PLAN_TEXT,
	JOB_PLAN_STATE_NAME, JOB_PLAN_OUTCOME, JOB_PLAN_STATE, JOB_PLAN_NCOLS
};
int	 db_job_plan_list(sqlite3 *, const struct qd_user *actor, int limit,
	    struct db_rows *, char **why);

/* demo-job.c: invented employers, postings and needs for the demo. */
int	 job_demo(sqlite3 *, char **why);

/* cmd-job.c, cmd-job-match.c: the job verbs. */
int	 cmd_job_need(struct cmd_ctx *, int, char **);
int	 cmd_job_employer(struct cmd_ctx *, int, char **);
int	 cmd_job_post(struct cmd_ctx *, int, char **);
int	 cmd_job_match(struct cmd_ctx *, int, char **);
int	 cmd_job_plan(struct cmd_ctx *, int, char **);
/*
 * cmd-job-common.c, shared with the policy verbs. Print rows with cols:
 * cols[0] is the row's id, cols[i] its cell i - 1.
 */
struct option;
int	 cmd_job_print(struct cmd_ctx *, enum cmd_format,
	    const struct cmd_column *, size_t ncols, const struct db_rows *);
/* cmd_getopt, with its messages naming noun and verb. */
int	 cmd_job_getopt(struct cmd_ctx *, const char *noun, const char *verb,
	    int argc, char **argv, const struct option *, int *rc);
/* A record number ("12" or "#12"), or -1. */
int64_t	 cmd_job_id(const char *);
/* A --format value into *format: QD_EXIT_OK or a usage error printed. */
int	 cmd_job_format(struct cmd_ctx *, const char *noun, const char *verb,
	    const char *arg, enum cmd_format *format);
/* The second word of a verb ("job need add"): what it runs. */
struct cmd_job_sub {
	const char	*name;
	int		(*run)(struct cmd_ctx *, int, char **);
};
/* Run the sub-verb argv[1] names, with argv from it. */
int	 cmd_job_dispatch(struct cmd_ctx *, const char *noun, const char *verb,
	    const struct cmd_job_sub *, size_t, int argc, char **argv);

/* tables.c: the audited tables of 007-job.sql. */
extern const struct schema_table job_tables[];

#endif
