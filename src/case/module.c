/*
 * The case module: applicants, adoption (采信) and recognition (采认)
 * cases from intake to collection, and the notices sent to applicants.
 */
#include "case/case.h"
#include "case/case-screens.h"


static const struct cmd_entry case_commands[] = {
	{ .noun = "cases", .verb = "list",
	  .args = "[--state S] [--queue review|agency|outbox|inbox]"
	  " [--office CODE] [--type adoption|recognition]"
	  " [--channel window|app|platform|email|post] [--limit N]"
	  " [--after CURSOR] [--format text|csv|json]",
	  .summary = "list the cases you may see, a page at a time",
	  .exec = cmd_cases_list },
	{ .noun = "cases", .verb = "show", .args = "N [--format text|json]",
	  .summary = "show a case, its history and what you may do with it",
	  .exec = cmd_cases_show },
	{ .noun = "cases", .verb = "find",
	  .args = "TEXT [--limit N] [--after CURSOR] [--format text|csv|json]",
	  .summary = "find cases by name, MTP number or case number",
	  .exec = cmd_cases_find },
	{ .noun = "cases", .verb = "intake",
	  .args = "[--input json|csv] [--format text|json] < FILE",
	  .summary = "take in applicants and their cases from standard input,"
	  " all or none", .may = "case open", .exec = cmd_cases_intake },
	{ .noun = "cases", .verb = "forward",
	  .args = "N... [--reason TEXT] [--format text|json]",
	  .summary = "forward cases to the center, all or none",
	  .exec = cmd_cases_forward },
	{ .noun = "cases", .verb = "approve",
	  .args = "N [--occupation CODE --level L] [--version V]"
	  " [--format text|json]",
	  .summary = "approve a held case and issue its certificate (center)",
	  .may = "case write", .exec = cmd_cases_step },
	{ .noun = "cases", .verb = "reject",
	  .args = "N --reason TEXT [--version V] [--format text|json]",
	  .summary = "reject a held case, saying why (center)",
	  .may = "case write", .exec = cmd_cases_step },
	{ .noun = "cases", .verb = "return",
	  .args = "N --missing TEXT [--version V] [--format text|json]",
	  .summary = "return a held case to its office for what is missing"
	  " (center)", .may = "case write", .exec = cmd_cases_step },
	{ .noun = "cases", .verb = "route",
	  .args = "N [--agency ID|NAME] [--version V] [--format text|json]",
	  .summary = "send a held recognition case to an appraisal agency"
	  " (center)", .may = "case write", .exec = cmd_cases_step },
	{ .noun = "cases", .verb = "confirm",
	  .args = "N --ref TEXT [--version V] [--format text|json]",
	  .summary = "record the agency's confirmation (center)",
	  .may = "case write", .exec = cmd_cases_step },
	{ .noun = "cases", .verb = "notify",
	  .args = "N --channel C [--text TEXT] [--version V]"
	  " [--format text|json]",
	  .summary = "record and send the notice of the result to the"
	  " applicant", .may = "case write", .exec = cmd_cases_step },
	{ .noun = "cases", .verb = "collect",
	  .args = "N [--date YYYY-MM-DD] [--version V] [--format text|json]",
	  .summary = "record that the applicant collected the certificate",
	  .may = "case write", .exec = cmd_cases_step },
	{ .noun = "cases", .verb = "withdraw",
	  .args = "N [--reason TEXT] [--version V] [--format text|json]",
	  .summary = "withdraw a case still at the office",
	  .may = "case write", .exec = cmd_cases_step },
	{ .noun = "cases", .verb = "take", .args = "N",
	  .summary = "take a forwarded case for review (center)",
	  .exec = cmd_cases_take },
	{ .noun = "cases", .verb = "release", .args = "N",
	  .summary = "release a case held for review (center)",
	  .exec = cmd_cases_release },
	{ .noun = "materials", .verb = "list", .args = "[--format text|csv|json]",
	  .summary = "list the materials and which each qualification needs",
	  .exec = cmd_materials_list },
	{ .noun = "materials", .verb = "set",
	  .args = "--catalog ID|--type adoption|recognition [CODE...]",
	  .summary = "set the materials a catalog entry or a type needs"
	  " (none: back to the default)", .may = "catalog write",
	  .exec = cmd_materials_set },
	{ .noun = "office", .verb = "list", .args = "[--format text|csv|json]",
	  .summary = "list the offices with their window's address and phone",
	  .exec = cmd_office_list },
	{ .noun = "office", .verb = "set",
	  .args = "CODE [--address TEXT] [--phone TEXT]",
	  .summary = "set an office's window address and service phone",
	  .may = "office write", .exec = cmd_office_set },
	{ .noun = "applicants", .verb = "find",
	  .args = "TEXT [--limit N] [--after CURSOR] [--format text|csv|json]",
	  .summary = "find applicants by name or MTP number",
	  .exec = cmd_applicants_find },
	{ .noun = "demo-data", .args = "--cases N [--seed N]",
	  .summary = "fill the database with invented applicants and cases",
	  .flags = CMD_LOCAL, .may = "demo load", .exec = cmd_demo_data },
	{ .noun = NULL }
};

static const struct ui_screen *const case_screens[] = {
	&screen_intake,
	&screen_intake_case,
	&screen_outbox,
	&screen_inbox,
	&screen_review,
	&screen_search,
	&screen_cases,
	&screen_notices,
	&screen_case,
	&screen_applicant,
	&screen_applicant_edit,
	&screen_window_edit,
	NULL
};

static const struct ui_menu_item case_menu[] = {
	{ .key = 'i', .label = "受理 Intake", .may = "case open",
	  .screen = &screen_intake },
	{ .key = 'f', .label = "待报送 Outbox", .roles = UI_ROLES_OFFICE,
	  .screen = &screen_outbox },
	{ .key = 'r', .label = "审核结果 Inbox", .roles = UI_ROLES_OFFICE,
	  .screen = &screen_inbox },
	{ .key = 'v', .label = "审核队列 Review queue", .roles = UI_ROLES_REVIEW,
	  .screen = &screen_review },
	{ .key = 'n', .label = "通知记录 Notices", .roles = UI_ROLES_ALL,
	  .screen = &screen_notices },
	{ .key = 'e', .label = "全部案件 All cases", .roles = UI_ROLES_ALL,
	  .screen = &screen_cases },
	{ .key = 's', .label = "查询案件 Find a case", .roles = UI_ROLES_ALL,
	  .screen = &screen_search },
	{ .key = 0 }
};

static const struct qd_schema_file case_schema[] = {
	/* The catalog's tables came with the cases, in one migration. */
	{ .name = "002-cases.sql", .tables = case_tables },
	{ .name = "015-case-domain.sql", .tables = case_domain_tables },
	{ .name = NULL }
};

/* A dropped link leaves the intake as a draft: say where it waits. */
static char *
case_greeting(struct ui *ui)
{
	int	 n = 0;

	if (!role_has_office(ui->user->role) ||
	    db_draft_count(ui->db, ui->user, "intake", &n) != QD_OK || n == 0)
		return NULL;
	return xstrdup("您有未完成的受理草稿，按 i 继续 You have an unfinished "
	    "intake: press i");
}

const struct qd_module module_case = {
	.name = "case",
	.label = "案件 Cases",
	.commands = case_commands,
	.screens = case_screens,
	.menu = case_menu,
	.schema = case_schema,
	.indicators = case_indicators,
	.greeting = case_greeting,
	.demo = case_demo,
};
