/*
 * The job module: job needs, employers and postings, matching and the
 * center's service plans (就业).
 */
#include "job/job.h"
#include "job/job-screens.h"

static const struct cmd_entry job_commands[] = {
	{ .noun = "job", .verb = "need",
	  .args = "add --person N --occupations CODES --cities CITIES"
	  " [--pay N] [--from DAY] [--note TEXT] | report N... | close N..."
	  " | list [--state S] [--limit N] [--format text|csv|json]",
	  .summary = "record a job need at your office, report it to the"
	  " center, list needs",
	  .exec = cmd_job_need },
	{ .noun = "job", .verb = "employer",
	  .args = "add NAME --city CITY [--taiwan-funded] [--contact TEXT]",
	  .summary = "add an employer (center)",
	  .exec = cmd_job_employer },
	{ .noun = "job", .verb = "post",
	  .args = "add --employer NAME --occupation CODE [--min-level N]"
	  " [--openings N] --pay MIN-MAX --closes DAY [--contact TEXT]"
	  " | publish N... | close N... | list [--limit N]"
	  " [--format text|csv|json]",
	  .summary = "add, publish and close job postings (center); list them",
	  .exec = cmd_job_post },
	{ .noun = "job", .verb = "match",
	  .args = "posting N | need N [--limit N] [--format text|csv|json]"
	  " | propose POSTING NEED | outcome MATCH"
	  " interested|interview|hire|decline [--note TEXT]"
	  " | list [--format text|csv|json]",
	  .summary = "what fits a posting or a need, with reasons; propose"
	  " and record outcomes",
	  .exec = cmd_job_match },
	{ .noun = "job", .verb = "plan",
	  .args = "add NEED TEXT | start N | finish N --outcome TEXT"
	  " | drop N --outcome TEXT | list [--format text|csv|json]",
	  .summary = "the center's service plans for a person",
	  .exec = cmd_job_plan },
	{ .noun = NULL }
};

static const struct ui_screen *const job_screens[] = {
	&screen_job_postings,
	&screen_job_fit,
	&screen_job_matches,
	NULL
};

static const struct ui_menu_item job_menu[] = {
	{ .key = 'j', .label = "招聘岗位 Job postings", .roles = UI_ROLES_ALL,
	  .screen = &screen_job_postings },
	{ .key = 'm', .label = "岗位推荐 Job matches", .roles = UI_ROLES_ALL,
	  .screen = &screen_job_matches },
	{ .key = 0 }
};

static const struct qd_schema_file job_schema[] = {
	{ .name = "007-job.sql", .tables = job_tables },
	{ .name = NULL }
};

const struct qd_module module_job = {
	.name = "job",
	.label = "就业 Employment",
	.commands = job_commands,
	.screens = job_screens,
	.menu = job_menu,
	.schema = job_schema,
	.demo = job_demo,
};
