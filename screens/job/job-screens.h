/*
 * The job module's screens: the postings, what fits one, and the
 * matches a city follows up.
 */
#ifndef JOB_JOB_SCREENS_H
#define JOB_JOB_SCREENS_H

#include "job/job.h"

extern const struct ui_screen screen_job_postings;
extern const struct ui_screen screen_job_fit;
extern const struct ui_screen screen_job_matches;

#endif
