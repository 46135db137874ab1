/*
 * The exam module's screens: the office's demand and its form, the
 * center's demand table and a cell's people, the plan form, the plans
 * with their seats, and the exam notices.
 */
#ifndef EXAM_EXAM_SCREENS_H
#define EXAM_EXAM_SCREENS_H

#include "exam/exam.h"

extern const struct ui_screen screen_exam_demands;
extern const struct ui_screen screen_exam_demand_new;
extern const struct ui_screen screen_exam_table;
extern const struct ui_screen screen_exam_cell;
extern const struct ui_screen screen_exam_plan_new;
extern const struct ui_screen screen_exam_plans;
extern const struct ui_screen screen_exam_seats;
extern const struct ui_screen screen_exam_notices;

/* screens/exam/demands.c: choices the exam forms share. */
int	 screen_exam_kind_choices(struct ui *, struct ui_choice **, size_t *);
int	 screen_exam_level_choices(struct ui *, struct ui_choice **,
	    size_t *);
int	 screen_exam_occupation_choices(struct ui *, struct ui_choice **,
	    size_t *);

#endif
