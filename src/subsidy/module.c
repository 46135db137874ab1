/*
 * The subsidy module: training-subsidy claims (职业培训补贴) drafted with
 * each qualifying certificate, completed by the offices, batched by the
 * center for the finance office and paid.
 */
#include "subsidy/subsidy.h"
#include "subsidy/subsidy-screens.h"

static const struct cmd_entry subsidy_commands[] = {
	{ .noun = "subsidy", .verb = "rate", .args = "list|add|set ...",
	  .summary = "subsidy rates per kind and level, in fen (admins)",
	  .exec = cmd_subsidy_rate },
	{ .noun = "subsidy", .verb = "rule", .args = "list|set ...",
	  .summary = "the eligibility rules and their settings (admins)",
	  .exec = cmd_subsidy_rule },
	{ .noun = "subsidy", .verb = "claim",
	  .args = "list|show|docs|complete|approve|return|reject|pay|intake"
	  " ...",
	  .summary = "subsidy claims: documents, steps, and why none",
	  .exec = cmd_subsidy_claim },
	{ .noun = "subsidy", .verb = "batch",
	  .args = "submit|list|totals|check|export ...",
	  .summary = "a period's batch for the finance office (center)",
	  .exec = cmd_subsidy_batch },
	{ .noun = NULL }
};

static const struct ui_screen *const subsidy_screens[] = {
	&screen_subsidy_claims,
	NULL
};

static const struct ui_menu_item subsidy_menu[] = {
	{ .key = 'p', .label = "培训补贴 Subsidy claims", .roles = UI_ROLES_ALL,
	  .screen = &screen_subsidy_claims },
	{ .key = 0 }
};

static const struct qd_schema_file subsidy_schema[] = {
	{ .name = "006-subsidy.sql", .tables = subsidy_tables },
	{ .name = NULL }
};

const struct qd_module module_subsidy = {
	.name = "subsidy",
	.label = "培训补贴 Subsidies",
	.commands = subsidy_commands,
	.screens = subsidy_screens,
	.menu = subsidy_menu,
	.schema = subsidy_schema,
	.indicators = subsidy_indicators,
	.demo = subsidy_demo,
};
