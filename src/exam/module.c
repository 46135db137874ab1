/*
 * The exam module: custom group exams from the cities' demand (flow
 * (三)2 of the 2022 notice), with cross-border sittings and exams kept
 * apart from training.
 */
#include "exam/exam.h"
#include "exam/exam-screens.h"

static const struct cmd_entry exam_commands[] = {
	{ .noun = "exam", .verb = "demand",
	  .args = "add|list|report|withdraw|table ...",
	  .summary = "record and report exam demand; the center's table",
	  .exec = cmd_exam_demand },
	{ .noun = "exam", .verb = "plan",
	  .args = "add|list|show|publish|close-reg|hold|record|close|cancel"
	  " ...",
	  .summary = "draft exam plans and move them through their states",
	  .exec = cmd_exam_plan },
	{ .noun = "exam", .verb = "seat", .args = "add|remove|list|notify ...",
	  .summary = "register people on a plan: seats and waiting lists",
	  .exec = cmd_exam_seat },
	{ .noun = "exam", .verb = "ticket", .args = "N",
	  .summary = "the admission ticket of registration N as a PDF",
	  .exec = cmd_exam_ticket },
	{ .noun = "exam", .verb = "result", .args = "import FILE|-"
	  " [--charset utf-8|gb18030]",
	  .summary = "import an examining body's results, all or nothing",
	  .exec = cmd_exam_result },
	{ .noun = "exam", .verb = "pass", .args = "list|cert ...",
	  .summary = "passes, and the certificates issued for them",
	  .exec = cmd_exam_pass },
	{ .noun = "exam", .verb = "notice", .args = "list|read ...",
	  .summary = "an office's inbox of exam notices",
	  .exec = cmd_exam_notice },
	{ .noun = NULL }
};

static const struct ui_screen *const exam_screens[] = {
	&screen_exam_demands,
	&screen_exam_demand_new,
	&screen_exam_table,
	&screen_exam_cell,
	&screen_exam_plan_new,
	&screen_exam_plans,
	&screen_exam_seats,
	&screen_exam_notices,
	NULL
};

static const struct ui_menu_item exam_menu[] = {
	{ .key = 'x', .label = "考试需求 Exam demand", .may = "exam-demand record",
	  .screen = &screen_exam_demands },
	{ .key = 'd', .label = "需求汇总 Demand table",
	  .roles = UI_ROLES_REVIEW, .screen = &screen_exam_table },
	{ .key = 'k', .label = "考试计划 Exam plans", .roles = UI_ROLES_ALL,
	  .screen = &screen_exam_plans },
	{ .key = 'b', .label = "考试通知 Exam notices", .roles = UI_ROLES_ALL,
	  .screen = &screen_exam_notices },
	{ .key = 0 }
};

static const struct qd_schema_file exam_schema[] = {
	{ .name = "004-exam.sql", .tables = exam_tables },
	{ .name = NULL }
};

const struct qd_module module_exam = {
	.name = "exam",
	.label = "考试 Exams",
	.commands = exam_commands,
	.screens = exam_screens,
	.menu = exam_menu,
	.schema = exam_schema,
	.indicators = exam_indicators,
	.demo_data = exam_demo_data,
};
