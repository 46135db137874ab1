/*
 * The training module: providers, the cities' training needs, class
 * plans, enrolment with per-city quotas and a waiting list, the roster
 * and the training completion certificate (培训结业证书).
 */
#include "training/training.h"
#include "training/training-screens.h"

static const struct cmd_entry training_commands[] = {
	{ .noun = "training", .verb = "provider",
	  .args = "list|add|import ...",
	  .summary = "the training providers (admins keep them)",
	  .exec = cmd_training_provider },
	{ .noun = "training", .verb = "need",
	  .args = "add|report|list|table ...",
	  .summary = "training needs: recorded by a city, reported, counted",
	  .exec = cmd_training_need },
	{ .noun = "training", .verb = "class",
	  .args = "add|quota|publish|close|start|finish|cancel|list|room ...",
	  .summary = "class plans and their steps (center)",
	  .exec = cmd_training_class },
	{ .noun = "training", .verb = "enrol", .args = "add|cancel|list ...",
	  .summary = "enrol a city's people; the waiting list moves up",
	  .exec = cmd_training_enrol },
	{ .noun = "training", .verb = "roster", .args = "import|list ...",
	  .summary = "the provider's roster: hours and completion (center)",
	  .exec = cmd_training_roster },
	{ .noun = "training", .verb = "cert", .args = "issue|list|pdf ...",
	  .summary = "training completion certificates (培训结业证书)",
	  .exec = cmd_training_cert },
	{ .noun = NULL }
};

static const struct ui_screen *const training_screens[] = {
	&screen_training_classes,
	NULL
};

static const struct ui_menu_item training_menu[] = {
	{ .key = 't', .label = "培训班 Training classes", .roles = UI_ROLES_ALL,
	  .screen = &screen_training_classes },
	{ .key = 0 }
};

static const struct qd_schema_file training_schema[] = {
	{ .name = "005-training.sql", .tables = training_tables },
	{ .name = NULL }
};

const struct qd_module module_training = {
	.name = "training",
	.label = "培训 Training",
	.commands = training_commands,
	.screens = training_screens,
	.menu = training_menu,
	.schema = training_schema,
	.indicators = training_indicators,
	.demo = training_demo,
};
