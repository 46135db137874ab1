/*
 * The exam module: custom group exams (定制式考试) from the cities'
 * demand, their plans and sittings (on site and cross-border), seats and
 * waiting lists, admission tickets, results and the passes a subsidy
 * claim rests on. Exams are kept apart from training (考培分离).
 */
#ifndef EXAM_EXAM_H
#define EXAM_EXAM_H

#include "qualdesk.h"

/* Labels (static): "职业技能等级证书 Skill level certificate" etc. */
const char *exam_kind_label(const char *kind);
const char *exam_demand_state_label(const char *state);
const char *exam_plan_state_label(const char *state);
const char *exam_mode_label(const char *mode);
const char *exam_outcome_label(const char *outcome);
/* 1 if kind is one of the three kinds of certificate. */
int	 exam_kind_valid(const char *kind);
/* 1 if actor is tied to one office (clerk, liaison). */
int	 exam_scoped(const struct qd_user *actor);

/*
 * db-exam-demand.c: demand (考试需求). An office's clerk or liaison
 * records it for a person of the office and reports it to the center
 * (报送), one or many at once; the center reads every office's.
 */
struct qd_exam_demand_new {
	int64_t		 applicant_id;
	const char	*kind;		/* qualification, skill, special */
	int64_t		 occupation_id;
	int		 level;		/* 1-5 */
	int		 in_taiwan;	/* 0, 1, or -1: as the applicant's */
	const char	*period;	/* preferred period, free text */
	const char	*notes;
};
struct qd_exam_demand_row {
	int64_t		 id;
	int64_t		 applicant_id;
	char		*name;
	char		*mtp_masked;
	char		*office_name;
	char		*kind;
	char		*occupation;
	int		 level;
	int		 in_taiwan;
	char		*period;
	char		*state;
	int64_t		 plan_id;	/* 0: none */
	int		 age_days;	/* since reported (else recorded) */
	int64_t		 version;
};
struct qd_exam_demand_filter {
	const char	*state;		/* NULL: any */
	int64_t		 office_id;	/* 0: all the actor may see */
	int64_t		 occupation_id;	/* 0: any */
	int		 level;		/* 0: any */
	const char	*kind;		/* NULL: any */
	int		 in_taiwan;	/* -1: any */
	int64_t		 plan_id;	/* 0: any */
};
/*
 * Record a demand in the actor's office (clerk, liaison) in state
 * recorded. QD_EINVAL with *why naming the field; QD_ECONFLICT when the
 * person already has an open demand for the occupation and level.
 */
int	 db_exam_demand_add(sqlite3 *, const struct qd_user *actor,
	    const struct qd_exam_demand_new *, int64_t *id, char **why);
/* Report demands to the center, all or none (each must be recorded). */
int	 db_exam_demand_report(sqlite3 *, const struct qd_user *actor,
	    const int64_t *ids, size_t n, char **why);
/* Withdraw a demand not yet in a plan; version 0: any. */
int	 db_exam_demand_withdraw(sqlite3 *, const struct qd_user *actor,
	    int64_t id, int64_t version, char **why);
/*
 * The demands the actor may see per filter, ids above after (0: from the
 * first), oldest first, at most limit. Caller frees with
 * exam_demand_rows_free.
 */
int	 db_exam_demand_list(sqlite3 *, const struct qd_user *actor,
	    const struct qd_exam_demand_filter *, int64_t after, int limit,
	    struct qd_exam_demand_row **out, size_t *n, char **why);
void	 exam_demand_rows_free(struct qd_exam_demand_row *, size_t);

/* db-exam-table.c: the center's demand table (汇总). */
struct qd_exam_cell {
	int64_t		 occupation_id;
	char		*occupation_code;
	char		*occupation;
	int		 level;
	char		*level_name;
	char		*kind;
	int64_t		 total;		/* reported, waiting for a plan */
	int64_t		 in_taiwan;	/* of them, in Taiwan now */
	char		*by_city;	/* "厦门市 12，福州市 3" */
	char		*by_code;	/* "xiamen:12 fuzhou:3" */
	int		 oldest_days;	/* the longest waiting */
};
/*
 * Live counts of reported demand by occupation, level and kind, split
 * by city and in-Taiwan, largest first, from the kept counts (center,
 * admin, auditor). Caller frees with exam_cells_free.
 */
int	 db_exam_demand_table(sqlite3 *, const struct qd_user *actor,
	    struct qd_exam_cell **out, size_t *n, char **why);
void	 exam_cells_free(struct qd_exam_cell *, size_t);

/* db-exam-plan.c: plans (组团考试计划) and their sittings. */
struct qd_exam_sitting_new {
	const char	*mode;		/* onsite, remote, online */
	int64_t		 office_id;	/* onsite: the city; else 0 */
	const char	*venue;
	int		 capacity;
};
struct qd_exam_plan_new {
	const char	*kind;
	int		 professional;	/* professional-technical exam */
	int64_t		 occupation_id;
	int		 level;
	int64_t		 agency_id;	/* 0: body_name names a new body */
	const char	*body_name;
	const char	*exam_on;	/* YYYY-MM-DD */
	const char	*start_time;	/* HH:MM */
	const char	*deadline;	/* YYYY-MM-DD, not after exam_on */
	const char	*fee_note;
	const char	*notes;
	const struct qd_exam_sitting_new *sittings;
	size_t		 nsittings;
	int		 from_cell;	/* invite the cell's reported demand */
};
struct qd_exam_sitting {
	int64_t		 id;
	char		*mode;
	int64_t		 office_id;
	char		*office_name;	/* "" when cross-border */
	char		*venue;
	int		 capacity;
	int		 seated;
	int		 waiting;
};
struct qd_exam_plan {
	int64_t		 id;
	char		*kind;
	int		 professional;
	int64_t		 occupation_id;
	char		*occupation;
	int		 level;
	char		*level_name;
	int64_t		 agency_id;
	char		*body;		/* the agency's name or body_name */
	char		*exam_on;
	char		*start_time;
	char		*deadline;
	char		*fee_note;
	char		*notes;
	char		*state;
	char		*reason;
	char		*created_by;
	int		 capacity;	/* of all sittings */
	int		 seated;
	int		 waiting;
	int		 invited;	/* demands drawn into the plan */
	int64_t		 version;
	struct qd_exam_sitting *sittings;	/* exam_plan_get only */
	size_t		 nsittings;
};
/* A step the actor may take on a plan now. */
struct qd_exam_step {
	char		*action;
	char		*name_zh;
	char		*name_en;
	char		*to_state;
};
/*
 * Draft a plan with its sittings (center, admin). With from_cell the
 * reported demand of its occupation, level and kind is invited into it
 * (*invited says how many). QD_EINVAL with *why naming the field.
 */
int	 db_exam_plan_add(sqlite3 *, const struct qd_user *actor,
	    const struct qd_exam_plan_new *, int64_t *id, int *invited,
	    char **why);
/*
 * The checks of db_exam_plan_add without writing (a form's, before it
 * asks for sittings): sittings NULL leaves them out.
 */
int	 db_exam_plan_check(sqlite3 *, const struct qd_exam_plan_new *,
	    char **why);
/*
 * One plan with its sittings and counts (caller frees with
 * exam_plan_free). Offices see plans once published; QD_ENOTFOUND for a
 * draft they may not see, as for none.
 */
int	 db_exam_plan_get(sqlite3 *, const struct qd_user *actor, int64_t id,
	    struct qd_exam_plan **out, char **why);
void	 exam_plan_free(struct qd_exam_plan *);
/* Plans the actor may see, in state (NULL: any), soonest first. */
int	 db_exam_plan_list(sqlite3 *, const struct qd_user *actor,
	    const char *state, struct qd_exam_plan **out, size_t *n,
	    char **why);
void	 exam_plans_free(struct qd_exam_plan *, size_t);
/*
 * Take a step (publish, close_reg, hold, record, close, cancel) from
 * exam_plan_transitions, at version (0: any). Cancel needs a reason; it
 * is sent to the cities, frees the seats and gives the demand back.
 */
int	 db_exam_plan_step(sqlite3 *, const struct qd_user *actor, int64_t id,
	    int64_t version, const char *action, const char *reason,
	    char **why);
/* The steps actor may take on p now (caller frees exam_steps_free). */
int	 db_exam_plan_steps(sqlite3 *, const struct qd_user *actor,
	    const struct qd_exam_plan *p, struct qd_exam_step **out,
	    size_t *n);
void	 exam_steps_free(struct qd_exam_step *, size_t);
/* The active agency named key (its name, or its id as digits). */
int	 db_exam_agency_id(sqlite3 *, const char *key, int64_t *id);

/* db-exam-seat.c: registrations, seats and waiting lists. */
struct qd_exam_seat {
	int64_t		 id;		/* the registration */
	int64_t		 plan_id;
	int64_t		 sitting_id;
	char		*sitting;	/* "厦门市 厦门考点" */
	char		*mode;
	int64_t		 applicant_id;
	char		*name;
	char		*mtp_masked;
	char		*office_name;
	char		*status;	/* seated, waiting, cancelled */
	int		 seat_no;	/* 0 unless seated */
	int		 queue_no;	/* place on the waiting list, 0 if none */
	char		*outcome;	/* "" until a result */
	char		*score;		/* "" when none */
	char		*notified_at;	/* NULL until notified */
	int64_t		 version;
};
/*
 * Register applicant_id on plan_id (the office's clerk or liaison): a
 * seat in sitting_id (0: the first sitting open to the person with a
 * free seat, else the first open to them) or, when it is full, the end
 * of its waiting list. *out (caller frees with exam_seat_free) says
 * which. *warning (caller frees; NULL when none) holds the 考培分离
 * warning of a skill exam. Refused: after the deadline, twice for one
 * plan, a person in Taiwan on site, a professional-technical exam whose
 * body trained the person.
 */
int	 db_exam_seat_add(sqlite3 *, const struct qd_user *actor,
	    int64_t plan_id, int64_t sitting_id, int64_t applicant_id,
	    struct qd_exam_seat **out, char **warning, char **why);
/* Cancel a registration (its office, or the center); version 0: any. */
int	 db_exam_seat_remove(sqlite3 *, const struct qd_user *actor,
	    int64_t id, int64_t version, const char *reason, char **why);
/* The office told the person (results, seat): notified now. */
int	 db_exam_seat_notify(sqlite3 *, const struct qd_user *actor,
	    int64_t id, char **why);
/* One registration the actor may see. */
int	 db_exam_seat_get(sqlite3 *, const struct qd_user *actor, int64_t id,
	    struct qd_exam_seat **out, char **why);
void	 exam_seat_free(struct qd_exam_seat *);
/*
 * A plan's registrations the actor may see (an office its own), by
 * sitting, seats then the waiting list in order, ids above after, at
 * most limit. Caller frees with exam_seats_free.
 */
int	 db_exam_seat_list(sqlite3 *, const struct qd_user *actor,
	    int64_t plan_id, int64_t after, int limit,
	    struct qd_exam_seat **out, size_t *n, char **why);
void	 exam_seats_free(struct qd_exam_seat *, size_t);

/* db-exam-result.c: results, passes and the cities' notices. */
/*
 * Import results from CSV (header: ticket/准考证号, outcome/结果,
 * score/成绩) in one transaction: every line checked, the first error
 * rolls back all with "第N行 line N: why". A plan all of whose seated
 * people have a result moves to results recorded, which tells the cities.
 * *count gets the rows imported; *warnings (caller frees; NULL if none)
 * the 考培分离 warnings of skill exams.
 */
int	 db_exam_result_import(sqlite3 *, const struct qd_user *actor,
	    const char *data, size_t len, enum csv_charset, int *count,
	    char **warnings, char **why);
struct qd_exam_pass {
	int64_t		 id;
	int64_t		 registration_id;
	int64_t		 applicant_id;
	char		*name;
	char		*office_name;
	int64_t		 plan_id;
	char		*kind;
	char		*occupation;
	int		 level;
	char		*passed_on;
	char		*cert_no;	/* NULL until entered */
	char		*cert_issued_on;
	int64_t		 version;
};
/* Passes the actor may see (plan 0: all), newest first. */
int	 db_exam_pass_list(sqlite3 *, const struct qd_user *actor,
	    int64_t plan_id, struct qd_exam_pass **out, size_t *n,
	    char **why);
void	 exam_passes_free(struct qd_exam_pass *, size_t);
/* Enter the certificate the body issued for a pass (center), once. */
int	 db_exam_pass_cert(sqlite3 *, const struct qd_user *actor,
	    int64_t pass_id, const char *cert_no, const char *issued_on,
	    char **why);
struct qd_exam_notice {
	int64_t		 id;
	int64_t		 plan_id;
	char		*office_name;
	char		*kind;
	char		*text;
	char		*created_at;
	char		*read_at;	/* NULL while unread */
};
/* The notices of the actor's office (the center: all), newest first. */
int	 db_exam_notice_list(sqlite3 *, const struct qd_user *actor,
	    int unread_only, struct qd_exam_notice **out, size_t *n,
	    char **why);
void	 exam_notices_free(struct qd_exam_notice *, size_t);
/* The office marks its notice read. */
int	 db_exam_notice_read(sqlite3 *, const struct qd_user *actor,
	    int64_t id, char **why);

/*
 * exam-ticket.c: the admission ticket (准考证) of a seated registration:
 * one A4 page through the certificates' PDF machinery, its QR code
 * signed as certificates are (series ZK), written to f.
 */
int	 exam_ticket_pdf(sqlite3 *, const struct qd_user *actor, int64_t id,
	    FILE *f, char **why);
/* "ZK-2026-000123" for registration id in year (caller frees). */
char	*exam_ticket_number(int year, int64_t id);

/* demo-exam.c: demand, plans, seats and results for demo-data. */
int	 exam_demo_data(sqlite3 *, long long ncases, uint64_t seed,
	    char **why);

/* The exam verbs. */
int	 cmd_exam_demand(struct cmd_ctx *, int, char **);
int	 cmd_exam_plan(struct cmd_ctx *, int, char **);
int	 cmd_exam_seat(struct cmd_ctx *, int, char **);
int	 cmd_exam_ticket(struct cmd_ctx *, int, char **);
int	 cmd_exam_result(struct cmd_ctx *, int, char **);
int	 cmd_exam_pass(struct cmd_ctx *, int, char **);
int	 cmd_exam_notice(struct cmd_ctx *, int, char **);

/* tables.c: the audited tables of 004-exam.sql. */
extern const struct schema_table exam_tables[];
/* exam-indicators.c: the module's figures for the reports. */
extern const struct report_indicator exam_indicators[];

#endif /* EXAM_EXAM_H */
