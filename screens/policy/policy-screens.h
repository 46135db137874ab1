/*
 * The policy module's screens: the window's question with the answer
 * base searched as the clerk types, the center's queue of forwarded
 * questions, the city's inbox of replies and the answer base.
 */
#ifndef POLICY_POLICY_SCREENS_H
#define POLICY_POLICY_SCREENS_H

#include "policy/policy.h"

extern const struct ui_screen screen_policy_window;
extern const struct ui_screen screen_policy_queue;
extern const struct ui_screen screen_policy_inbox;
extern const struct ui_screen screen_policy_base;

/* screens/policy/common.c */
#define SCREEN_ANSWER_NCOLUMNS	4
extern const struct ui_column screen_answer_columns[SCREEN_ANSWER_NCOLUMNS];
/* Load the answers that fit the text of field column, best first. */
int	 screen_answer_load(struct ui *, struct ui_view *, const char *column,
	    struct ui_rows *, char **why);
/* Show the selected answer in full: document, validity, review, body. */
enum ui_next screen_answer_show(struct ui *, struct ui_view *);

#endif
