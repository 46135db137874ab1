/*
 * The training module's figures for the reports: needs reported to the
 * center, seats taken in classes and completions of finished classes,
 * counted by schema/014-joins.sql's triggers.
 */
#include "training/training.h"

#define TRAINING_SPLIT (REPORT_BY_OFFICE | REPORT_BY_MONTH | \
	REPORT_BY_OCCUPATION | REPORT_BY_LEVEL)

const struct report_indicator training_indicators[] = {
	{ "training.needs", "培训需求（报送）", "Training needs reported",
	  REPORT_COUNT, TRAINING_SPLIT, NULL },
	{ "training.enrolled", "培训报名（入班）", "Training enrolments",
	  REPORT_COUNT, TRAINING_SPLIT, NULL },
	{ "training.completed", "培训结业", "Training completions",
	  REPORT_COUNT, TRAINING_SPLIT, NULL },
	{ NULL, NULL, NULL, REPORT_COUNT, 0, NULL }
};
