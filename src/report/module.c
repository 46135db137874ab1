/*
 * The report module: the figures of every module, live on the terminal
 * and over SSH, exported as CSV, xlsx and the monthly PDF, and the
 * months the center closes.
 */
#include "report/report.h"
#include "report/report-screens.h"

static const struct cmd_entry report_commands[] = {
	{ .noun = "report", .verb = "list", .args = "[--format text|csv|json]",
	  .summary = "list the indicators and how each can be split",
	  .exec = cmd_report_list },
	{ .noun = "report", .verb = "show",
	  .args = "INDICATOR [--by office|month|occupation|level|type]"
	  " [--from YYYY-MM] [--to YYYY-MM] [--month YYYY-MM] [--office CODE]"
	  " [--format text|csv|json] [--charset utf-8|gb18030]",
	  .summary = "compute an indicator for a period, split one way",
	  .exec = cmd_report_show },
	{ .noun = "report", .verb = "xlsx",
	  .args = "[INDICATOR] [--by SPLIT] [--from YYYY-MM] [--to YYYY-MM]"
	  " [--month YYYY-MM] [--office CODE]",
	  .summary = "write indicators as an Excel workbook to standard output",
	  .exec = cmd_report_xlsx },
	{ .noun = "report", .verb = "pdf", .args = "--month YYYY-MM",
	  .summary = "write the monthly report as a PDF to standard output",
	  .exec = cmd_report_pdf },
	{ .noun = "report", .verb = "close", .args = "YYYY-MM",
	  .summary = "close a month: freeze and sign its figures (center)",
	  .exec = cmd_report_close },
	{ .noun = "report", .verb = "verify", .args = "YYYY-MM",
	  .summary = "check a closed month's figures against their signature",
	  .exec = cmd_report_verify },
	{ .noun = NULL }
};

static const struct ui_screen *const report_screens[] = {
	&screen_report_overview,
	&screen_reports,
	NULL
};

static const struct ui_menu_item report_menu[] = {
	{ .key = UI_MENU_NOKEY, .label = "统计概览 Overview", .roles = UI_ROLES_ALL,
	  .screen = &screen_report_overview },
	{ .key = UI_MENU_NOKEY, .label = "统计报表 Reports", .roles = UI_ROLES_ALL,
	  .screen = &screen_reports },
	{ .key = 0 }
};

static const struct qd_schema_file report_schema[] = {
	{ .name = "009-report.sql", .tables = report_tables },
	{ .name = "014-joins.sql" },
	{ .name = NULL }
};

const struct qd_module module_report = {
	.name = "report",
	.label = "统计 Reports",
	.commands = report_commands,
	.screens = report_screens,
	.menu = report_menu,
	.schema = report_schema,
};
