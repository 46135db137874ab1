/*
 * The case module: applicants, cases and their step machine, notices.
 */
#ifndef CASE_CASE_H
#define CASE_CASE_H

#include "qualdesk.h"

/*
 * db-applicant.c: applicants (台胞). Clerks and liaisons register and
 * correct them in their own office; they read those registered by their
 * office or with a case there. The center, admin and auditor read all.
 */
struct qd_applicant {
	int64_t		 id;
	char		*name;		/* as written, Traditional or Simplified */
	char		*sex;		/* "M" or "F" */
	char		*birth_date;	/* YYYY-MM-DD */
	char		*mtp;		/* 8 digits */
	char		*mtp_raw;	/* an older 10-digit form as given, or NULL */
	int		 mtp_old;
	char		*residence_no;	/* or NULL */
	char		*taiwan_id;	/* or NULL */
	char		*phone;
	char		*email;
	char		*address;
	int		 in_taiwan;
	int64_t		 office_id;	/* the office that registered them */
	char		*office_name;
	char		*created_at;
	int64_t		 version;
};
/* What a form gives; every text is checked (idcheck.c) and normalised. */
struct qd_applicant_new {
	const char	*name;
	const char	*sex;		/* "M"/"F", also 男/女 */
	const char	*birth_date;	/* any form idcheck_date takes */
	const char	*mtp;
	const char	*residence_no;	/* "" or NULL for none */
	const char	*taiwan_id;	/* "" or NULL for none */
	const char	*phone;
	const char	*email;
	const char	*address;
	int		 in_taiwan;
};
/* One line of a list or search: ID numbers masked, never in full. */
struct qd_applicant_row {
	int64_t		 id;
	char		*name;
	char		*sex;
	char		*birth_date;
	char		*mtp_masked;
	char		*office_name;
	int		 ncases;	/* cases of this person, all offices */
	int		 ncases_here;	/* of these, in the actor's office */
	char		*name_key;	/* the folded name (for paging) */
};
/*
 * Check nf and register the person under the actor's office (clerk,
 * liaison). QD_EINVAL with *why naming the field; QD_ECONFLICT with *why
 * and *id set to the existing person when the MTP, residence permit or
 * Taiwan ID number is already registered.
 */
int	 db_applicant_add(sqlite3 *, const struct qd_user *actor,
	    const struct qd_applicant_new *nf, int64_t *id, char **why);
/* The same inside the caller's transaction (a batch of intake). */
int	 applicant_add_tx(sqlite3 *, const struct qd_user *actor,
	    const struct qd_applicant_new *nf, int64_t *id, char **why);
/* Correct a person's details; QD_ECONFLICT when version is not current. */
int	 db_applicant_update(sqlite3 *, const struct qd_user *actor, int64_t id,
	    int64_t version, const struct qd_applicant_new *, char **why);
/*
 * The full record (caller frees with applicant_free). Opening it is
 * audited as a view of personal data. QD_ENOTFOUND for a person the actor
 * may not read, the same as for none.
 */
int	 db_applicant_get(sqlite3 *, const struct qd_user *actor, int64_t id,
	    struct qd_applicant **out, char **why);
/* struct qd_applicant's members, for record_read and record_to_view. */
extern const struct record_desc applicant_record;
void	 applicant_free(struct qd_applicant *);
/*
 * People intake should not register twice: the same MTP number (either
 * form), or the same name (Traditional/Simplified-insensitive) and birth
 * date. Any office may see these matches, since the clerk has typed the
 * identity already. *out (caller frees with applicant_rows_free) may be
 * empty.
 */
int	 db_applicant_duplicates(sqlite3 *, const struct qd_user *actor,
	    const char *name, const char *birth_date, const char *mtp,
	    struct qd_applicant_row **out, size_t *n, char **why);
/*
 * Search the people the actor may read: by name prefix, Traditional or
 * Simplified (陈 finds 陳), or by MTP number (8 digits or the older form).
 * Keyset paging: cursor NULL for the first page, then *next from the last
 * call (caller frees; NULL at the end). At most limit rows.
 */
int	 db_applicant_find(sqlite3 *, const struct qd_user *actor,
	    const char *text, const char *cursor, int limit,
	    struct qd_applicant_row **out, size_t *n, char **next, char **why);
void	 applicant_rows_free(struct qd_applicant_row *, size_t);

/*
 * db-case.c, case.c: cases and their workflow. Every transition checks the
 * actor's role and office here and again in the schema, runs in its own
 * BEGIN IMMEDIATE transaction with a version check, and is audited.
 */
struct qd_case {
	int64_t		 id;
	int64_t		 applicant_id;
	char		*applicant_name;
	char		*applicant_mtp_masked;
	int64_t		 office_id;
	char		*office_code;
	char		*office_name;
	char		*type;		/* "adoption" 采信, "recognition" 采认 */
	int64_t		 catalog_id;	/* 0: free text (adoption) */
	char		*tw_qual;	/* Taiwan qualification and level */
	char		*tw_cert_no;
	int64_t		 occupation_id;	/* the catalog's, for filters; 0 none */
	char		*occupation_name;
	int		 mat_id, mat_cert, mat_photo, mat_form;
	char		*materials_missing; /* "照片 Photo、申请表 Form" or "" */
	char		*materials_waiver; /* the last reason to go without */
	char		*channel;	/* "window", "app", "platform", ... */
	char		*notes;
	char		*state;
	char		*state_name;	/* "已报送 Forwarded" */
	char		*action;	/* the last transition */
	int64_t		 held_by;	/* 0: not held */
	char		*held_by_login;
	char		*held_at;
	int64_t		 decided_occupation_id;
	char		*decided_occupation;
	int		 decided_level;	/* 0: none */
	char		*decided_level_name;
	char		*reason;	/* of a rejection or a return */
	int64_t		 agency_id;
	char		*agency_name;
	char		*agency_ref;	/* the agency's certificate number */
	char		*agency_on;	/* and its day; NULL until confirmed */
	int		 agency_paper;	/* the agency's own paper handed over */
	char		*collected_on;
	char		*created_at;
	char		*updated_at;
	char		*forwarded_at;
	char		*decided_at;
	int64_t		 version;
};
struct qd_case_new {
	int64_t		 applicant_id;
	const char	*type;		/* "adoption" or "recognition" */
	int64_t		 catalog_id;	/* 0 for free text (adoption only) */
	const char	*tw_qual;	/* free text; ignored with a catalog id */
	const char	*tw_cert_no;
	int		 mat_id, mat_cert, mat_photo, mat_form;
	const char	*channel;	/* NULL: "window" */
	const char	*notes;
};
/* A row of a queue or list. */
struct qd_case_row {
	int64_t		 id;
	char		*applicant_name;
	char		*mtp_masked;
	char		*office_name;
	char		*type;
	char		*tw_qual;
	char		*occupation;	/* decided, else the catalog's, else "" */
	char		*state;
	char		*state_name;
	char		*held_by;	/* login, or "" */
	char		*since;		/* forwarded_at for the center, else
					   updated_at */
	int		 age_days;	/* since then */
	int64_t		 version;
	int		 missing;	/* materials it needs and lacks */
	char		*channel;
};
/* Which cases a list shows. */
enum case_queue {
	CASE_QUEUE_ALL,		/* any state (state may narrow it) */
	CASE_QUEUE_REVIEW,	/* the center's: forwarded, oldest first */
	CASE_QUEUE_AGENCY,	/* the center's: with an agency */
	CASE_QUEUE_OUTBOX,	/* an office's: accepted and returned */
	CASE_QUEUE_INBOX,	/* an office's: approved, rejected, notified */
};
struct qd_case_filter {
	enum case_queue	 queue;
	const char	*state;		/* NULL or a state */
	int64_t		 office_id;	/* 0: all the actor may see */
	const char	*type;		/* NULL or a type */
	int64_t		 occupation_id;	/* 0: any */
	int64_t		 applicant_id;	/* 0: any */
	const char	*channel;	/* NULL or a channel */
};
/* One step in a case's history. */
struct qd_case_event {
	int64_t		 id;
	char		*at;
	char		*actor;
	char		*action;
	char		*from_state;	/* NULL for the first */
	char		*to_state;
	char		*note;
};
/* An action the actor may take on a case now. */
struct qd_case_action {
	char		*action;	/* "forward", "take", "release" */
	char		*name_zh;
	char		*name_en;
	char		*to_state;
	int		 held;		/* needs the case held by the actor */
};
/*
 * Open a case in the actor's office (clerk, liaison) in state accepted.
 * Recognition needs a catalog entry marked recognition; adoption takes a
 * catalog entry or free text. QD_EINVAL with *why naming the field.
 */
int	 db_case_open(sqlite3 *, const struct qd_user *actor,
	    const struct qd_case_new *, int64_t *id, char **why);
/* The same inside the caller's transaction (a batch of intake). */
int	 case_open_tx(sqlite3 *, const struct qd_user *actor,
	    const struct qd_case_new *, int64_t *id, char **why);
/* The office corrects a case still on its desk (accepted, returned). */
int	 db_case_update(sqlite3 *, const struct qd_user *actor, int64_t id,
	    int64_t version, const struct qd_case_new *, char **why);
/* One case with names joined (caller frees with case_free). QD_ENOTFOUND
 * for a case of another office, the same as for none. */
int	 db_case_get(sqlite3 *, const struct qd_user *actor, int64_t id,
	    struct qd_case **out, char **why);
/* struct qd_case's members, for record_read and record_to_view. */
extern const struct record_desc case_record;
void	 case_free(struct qd_case *);
/*
 * A page of cases the actor may see, per filter: the center's queue oldest
 * first, other lists newest first. cursor NULL for the first page, else
 * *next of the previous call (caller frees; NULL when no more).
 */
int	 db_case_list(sqlite3 *, const struct qd_user *actor,
	    const struct qd_case_filter *, const char *cursor, int limit,
	    struct qd_case_row **out, size_t *n, char **next, char **why);
void	 case_rows_free(struct qd_case_row *, size_t);
/*
 * Cases in the filter's queue (from the kept counts, not by counting
 * rows; an occupation filter counts its index range) and the age in days
 * of the oldest.
 */
int	 db_case_count(sqlite3 *, const struct qd_user *actor,
	    const struct qd_case_filter *, int64_t *count, int *oldest_days,
	    char **why);
/*
 * Find cases by case number, applicant name (Traditional/Simplified-
 * insensitive prefix) or MTP number, among those the actor may see.
 */
int	 db_case_find(sqlite3 *, const struct qd_user *actor, const char *text,
	    const char *cursor, int limit, struct qd_case_row **out, size_t *n,
	    char **next, char **why);
/* The case's history, oldest first (caller frees with case_events_free). */
int	 db_case_history(sqlite3 *, const struct qd_user *actor, int64_t id,
	    struct qd_case_event **out, size_t *n, char **why);
void	 case_events_free(struct qd_case_event *, size_t);
/*
 * What actor may do to c now: the transitions of case_transitions for its
 * state and the actor's role, plus take and release for the center.
 * Caller frees with case_actions_free.
 */
int	 db_case_actions(sqlite3 *, const struct qd_user *actor,
	    const struct qd_case *c, struct qd_case_action **out, size_t *n);
void	 case_actions_free(struct qd_case_action *, size_t);
/* 1 if action is among the n of list. */
int	 case_action_allowed(const struct qd_case_action *, size_t n,
	    const char *action);
/* "已报送 Forwarded" for a state (static), or the code itself if unknown. */
const char *case_state_label(const char *state);
/* "报送" for "forward": a step's name in the history (static). */
const char *case_action_label(const char *action);
/* "采信 Adoption" / "采认 Recognition". */
const char *case_type_label(const char *type);
/* The i-th channel of application ("window"), NULL past the last. */
const char *case_channel(size_t i);
/* "窗口 Window" for "window" (static), or the code itself if unknown. */
const char *case_channel_label(const char *channel);
int	 case_channel_valid(const char *channel);

/*
 * case.c's step machine, for the files of particular steps: what a step's
 * UPDATE sets and binds after id (?1) and version (?2), state (?3) and
 * action (?4), and the hooks it runs in the step's transaction.
 */
struct case_step {
	const char	*action;
	const char	*set;		/* SET clause after state and action */
	int64_t		 i1;		/* ?5 */
	int64_t		 i2;		/* ?6 */
	const char	*t1;		/* ?7; ?8 is the actor's user id */
	const char	*t2;		/* ?9 */
	/*
	 * Optional: run once the case is read and the step allowed, before
	 * the update, in the same transaction (pick an agency, record the
	 * notice the step needs).
	 */
	int		(*before)(sqlite3 *, const struct qd_user *,
			    const struct qd_case *, struct case_step *,
			    char **why);
	/* Optional: run after the update, in the same transaction. */
	int		(*after)(sqlite3 *, const struct qd_case *,
			    char **why);
	void		*arg;
};
#define CASE_NOW "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
/* Take step s on case id at version (0: any) in its own transaction. */
int	 case_step_run(sqlite3 *, const struct qd_user *actor, int64_t id,
	    int64_t version, struct case_step *s, char **why);
/* Refuse blank, invalid or longer than max characters text, by name. */
int	 case_text_check(const char *text, int max, const char *what_zh,
	    const char *what_en, char **why);

/*
 * The steps. Each is one transaction: the case must be at version (else
 * QD_ECONFLICT and *why says who changed it; what the user typed stays
 * with the caller), the step allowed for the actor's role in the case's
 * state (else QD_EDENIED), and its history and audit rows are written
 * with it. Forward takes several cases at once, all or none.
 */
int	 db_case_forward(sqlite3 *, const struct qd_user *actor,
	    const int64_t *ids, size_t n, char **why);
/*
 * The same, and a case that lacks materials goes on with reason recorded
 * (NULL or "": refused, naming what is missing).
 */
int	 db_case_forward_reason(sqlite3 *, const struct qd_user *actor,
	    const int64_t *ids, size_t n, const char *reason, char **why);
int	 db_case_withdraw(sqlite3 *, const struct qd_user *actor, int64_t id,
	    int64_t version, const char *reason, char **why);
int	 db_case_take(sqlite3 *, const struct qd_user *actor, int64_t id,
	    int64_t version, char **why);
int	 db_case_release(sqlite3 *, const struct qd_user *actor, int64_t id,
	    int64_t version, char **why);
int	 db_case_approve(sqlite3 *, const struct qd_user *actor, int64_t id,
	    int64_t version, int64_t occupation_id, int level, char **why);
/*
 * What approving at occupation and level confirms, in full:
 * "车工（6-18-01-01）" and "三级/高级工 Level 3, senior worker" (caller
 * frees both).
 */
int	 db_case_decision_name(sqlite3 *, int64_t occupation_id, int level,
	    char **occupation, char **level_name, char **why);
int	 db_case_reject(sqlite3 *, const struct qd_user *actor, int64_t id,
	    int64_t version, const char *reason, char **why);
/* Return to the office naming what is missing. */
int	 db_case_return(sqlite3 *, const struct qd_user *actor, int64_t id,
	    int64_t version, const char *missing, char **why);
/*
 * db-case-agency.c: recognition (采认) by an appraisal agency.
 *
 * Send to an agency that appraises the case's occupation: the center
 * (a forwarded case, 委托认证) to any in the province, the case's office
 * (an accepted or returned case) straight to one of its own city.
 * agency_id 0 means the office's own: QD_ENOTFOUND when it has none (the
 * center then names one in the province; the office forwards the case
 * to the center), QD_EINVAL when it has several (*why names them: the
 * user chooses).
 */
int	 db_case_route(sqlite3 *, const struct qd_user *actor, int64_t id,
	    int64_t version, int64_t agency_id, char **why);
/*
 * The agency confirmed: its certificate's number (agency_ref) and day
 * (YYYY-MM-DD; NULL for today). The case is approved at the catalog's
 * occupation and level and its certificate issued in the agency's name,
 * by whoever routed it (the center, or the office for its own agency).
 * agency_paper: the applicant gets the agency's own certificate, handed
 * over without one printed here.
 */
int	 db_case_confirm_agency(sqlite3 *, const struct qd_user *actor,
	    int64_t id, int64_t version, const char *agency_ref,
	    const char *agency_on, int agency_paper, char **why);
/* db_case_confirm_agency dated today. */
int	 db_case_confirm(sqlite3 *, const struct qd_user *actor, int64_t id,
	    int64_t version, const char *agency_ref, char **why);
/*
 * The active agencies actor may send c to, for its occupation: an
 * office's own city's, or for the center every one of the province, the
 * case's city's first. Free with agency_free_array (catalog.h).
 */
struct qd_agency;
int	 db_case_agencies(sqlite3 *, const struct qd_user *actor,
	    const struct qd_case *c, struct qd_agency **out, size_t *n,
	    char **why);
/*
 * Record the notice to the applicant (channel: sms, phone, email, wechat,
 * in_person, post) and move the case on. The delivery command, if one is
 * configured, is run by the caller afterwards (notice_deliver).
 */
int	 db_case_notify(sqlite3 *, const struct qd_user *actor, int64_t id,
	    int64_t version, const char *channel, const char *text,
	    int64_t *notice_id, char **why);
/* The applicant collected the certificate on date (YYYY-MM-DD). */
int	 db_case_collect(sqlite3 *, const struct qd_user *actor, int64_t id,
	    int64_t version, const char *date, char **why);

/*
 * db-material.c: the materials a case needs (schema/015-case-domain.sql):
 * its catalog entry's list, else its type's, else the default list.
 */
struct qd_case_material {
	char		*code;		/* "id", "cert", "photo", "form" */
	char		*name_zh;
	char		*name_en;
	int		 received;	/* on the case; by_default in a list */
};
/* The materials case id needs, received or not (case_materials_free). */
int	 db_case_materials(sqlite3 *, const struct qd_user *actor, int64_t id,
	    struct qd_case_material **out, size_t *n, char **why);
void	 case_materials_free(struct qd_case_material *, size_t);
/* "照片 Photo、申请表 Form": those not received, "" if none (caller frees). */
char	*case_materials_missing(const struct qd_case_material *, size_t);
/* Every material, received meaning "on the default list". */
int	 db_material_list(sqlite3 *, struct qd_case_material **out, size_t *n,
	    char **why);
/*
 * Set the list of one catalog entry (type NULL) or one type (catalog_id
 * 0) to the n codes; n 0 drops it, so the type's or the default list
 * applies again. Admin ("catalog write"); audited.
 */
int	 db_material_needs_set(sqlite3 *, const struct qd_user *actor,
	    int64_t catalog_id, const char *type, const char *const *codes,
	    size_t n, char **why);
/* A list as kept: scope "default", a type, or the entry's qualification. */
struct qd_material_need {
	int64_t		 catalog_id;	/* 0 for the default list and types */
	char		*scope;
	char		*materials;	/* "id cert photo" */
};
int	 db_material_needs_list(sqlite3 *, struct qd_material_need **out,
	    size_t *n, char **why);
void	 case_needs_rows_free(struct qd_material_need *, size_t);
/*
 * Inside a forward's transaction: QD_OK when c has every material it
 * needs; else, with a reason, record the waiver for c's version (audited,
 * in the case's history) and QD_OK; without one QD_EINVAL, *why naming
 * what is missing.
 */
int	 case_materials_waive(sqlite3 *, const struct qd_user *actor,
	    const struct qd_case *c, const char *reason, char **why);

/*
 * db-window.c: each office's window for applicants, its address and
 * service phone, told in notices. Anyone reads them; the admin sets them
 * ("office write"), audited.
 */
struct qd_office_window {
	int64_t		 office_id;
	char		*code;
	char		*name_zh;
	char		*address;	/* "" when not yet told */
	char		*phone;
	int64_t		 version;	/* 0 when never set */
};
int	 db_office_windows(sqlite3 *, struct qd_office_window **out,
	    size_t *n, char **why);
/* The window of one office (office_window_free). */
int	 db_office_window(sqlite3 *, int64_t office_id,
	    struct qd_office_window **out, char **why);
void	 office_window_free(struct qd_office_window *);
void	 office_windows_free(struct qd_office_window *, size_t);
/*
 * The usual words of a notice for case c, approved or rejected, with its
 * office's window (caller frees).
 */
char	*notice_text(sqlite3 *, const struct qd_case *c);
/* Set the office's address and phone (NULL keeps the one there is). */
int	 db_office_window_set(sqlite3 *, const struct qd_user *actor,
	    int64_t office_id, const char *address, const char *phone,
	    char **why);

/*
 * notice.c: run cfg->notify_command for notice id (recorded by
 * db_case_notify) and record it sent or failed. QD_ENOTFOUND when no
 * command is configured (the notice stays recorded); QD_ESYS with *why
 * when delivery failed.
 */
int	 notice_deliver(sqlite3 *, const struct qd_user *actor,
	    const struct qd_config *, int64_t id, char **why);

/* db-notice.c: the notices recorded, newest first. */
struct qd_notice {
	int64_t		 id;
	int64_t		 case_id;
	char		*applicant_name;
	char		*channel;	/* "sms" */
	char		*text;
	char		*recorded_by;
	char		*recorded_at;
	char		*status;	/* "recorded", "sent", "failed" */
	char		*detail;	/* the delivery command's answer */
};
/*
 * The notices of the cases the actor may see (of one case when case_id is
 * not 0), older than id before (0: from the newest), at most limit.
 * Caller frees with notice_rows_free.
 */
int	 db_notice_list(sqlite3 *, const struct qd_user *actor, int64_t case_id,
	    int64_t before, int limit, struct qd_notice **out, size_t *n,
	    char **why);
void	 notice_rows_free(struct qd_notice *, size_t);
/* "已发送 Sent" and "短信 SMS" (static). */
const char *notice_status_label(const char *status);
const char *notice_channel_label(const char *channel);
/* The i-th channel ("sms"), NULL past the last; 1 if channel is one. */
const char *notice_channel(size_t i);
int	 notice_channel_valid(const char *channel);

/* demo-cases.c: the demo offices' invented windows (serve --demo). */
int	 case_demo(sqlite3 *, char **why);

/* The case verbs. */
int	 cmd_demo_data(struct cmd_ctx *, int, char **);
int	 cmd_cases_list(struct cmd_ctx *, int, char **);
int	 cmd_cases_show(struct cmd_ctx *, int, char **);
int	 cmd_cases_find(struct cmd_ctx *, int, char **);
int	 cmd_cases_forward(struct cmd_ctx *, int, char **);
int	 cmd_cases_intake(struct cmd_ctx *, int, char **);
int	 cmd_cases_step(struct cmd_ctx *, int, char **);
int	 cmd_materials_list(struct cmd_ctx *, int, char **);
int	 cmd_materials_set(struct cmd_ctx *, int, char **);
int	 cmd_office_list(struct cmd_ctx *, int, char **);
int	 cmd_office_set(struct cmd_ctx *, int, char **);
int	 cmd_cases_take(struct cmd_ctx *, int, char **);
int	 cmd_cases_release(struct cmd_ctx *, int, char **);
int	 cmd_applicants_find(struct cmd_ctx *, int, char **);

/* case-indicators.c: the module's figures for the reports. */
extern const struct report_indicator case_indicators[];
/* tables.c: the audited tables of 002-cases.sql the module owns. */
extern const struct schema_table case_tables[];
/* tables.c: those of 015-case-domain.sql. */
extern const struct schema_table case_domain_tables[];

#endif /* CASE_CASE_H */
