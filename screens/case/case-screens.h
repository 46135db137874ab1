/*
 * The case module's screens: intake, the office's outbox and inbox, the
 * center's review queue, the case and applicant pages, the lists.
 */
#ifndef CASE_CASE_SCREENS_H
#define CASE_CASE_SCREENS_H

#include "case/case.h"

extern const struct ui_screen screen_intake;
extern const struct ui_screen screen_intake_case;
extern const struct ui_screen screen_outbox;
extern const struct ui_screen screen_inbox;
extern const struct ui_screen screen_review;
extern const struct ui_screen screen_search;
extern const struct ui_screen screen_cases;
extern const struct ui_screen screen_notices;
extern const struct ui_screen screen_case;
extern const struct ui_screen screen_applicant;
extern const struct ui_screen screen_applicant_edit;
extern const struct ui_screen screen_window_edit;
/* Open case id on the case screen (all the lists do on Enter). */
void	 screen_case_show(struct ui *, int64_t id);
/* Correct a case still on the office's desk with the intake form. */
void	 screen_intake_edit(struct ui *, const struct qd_case *);

/* screens/case/common.c: what the case screens share. */
int	 screen_type_choices(struct ui *, struct ui_choice **, size_t *);
#define SCREEN_CASE_NCOLUMNS	7
extern const struct ui_column screen_case_columns[SCREEN_CASE_NCOLUMNS];
void	 screen_case_rows_add(struct ui_rows *, const struct qd_case_row *,
	    size_t);
/* Add a page of db_case_list or db_case_find to rows; frees r and next. */
void	 screen_case_page(struct ui_rows *, struct qd_case_row *r, size_t n,
	    char *next);
/*
 * Ask the day the applicant collected (today offered) and record the
 * case's collect step at version: the step's result with *why, or
 * QD_ENOTFOUND with *why NULL when the user cancels.
 */
int	 screen_case_collect(struct ui *, struct ui_view *, const char *title,
	    int64_t case_id, int64_t version, char **why);
/*
 * screens/case/agency.c: recognition's steps on the case screen. Route
 * c to its city's agency (one: at once; several: the user chooses; the
 * center chooses in the province when the city has none): the step's
 * result with *why and *done (static) the message, or QD_ENOTFOUND with
 * *why NULL when the user cancels. Confirm asks the agency's certificate
 * number (what was typed kept in *typed) and day, whether the agency's
 * own certificate is handed over (none printed here), then asks once
 * more before the certificate is issued in the agency's name.
 */
int	 screen_case_route(struct ui *, struct ui_view *, const struct qd_case *,
	    const char **done, char **why);
int	 screen_case_confirm(struct ui *, struct ui_view *,
	    const struct qd_case *, char **typed, char **why);
/*
 * screens/case/outbox.c, for the queue screens: load a page of the queue
 * f into rows, keeping the queue's counts in v->priv for the summary line
 * (free it with screen_queue_close).
 */
int	 screen_queue_load(struct ui *, struct ui_view *,
	    const struct qd_case_filter *, struct ui_rows *,
	    const char *cursor, char **why);
/* The same page as rows of the data layer (the caller frees r and next). */
int	 screen_queue_page(struct ui *, struct ui_view *,
	    const struct qd_case_filter *, const char *cursor,
	    struct qd_case_row **r, size_t *n, char **next, char **why);
char	*screen_queue_summary(struct ui *, struct ui_view *);
void	 screen_queue_close(struct ui *, struct ui_view *);

#endif /* CASE_CASE_SCREENS_H */
