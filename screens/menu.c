/*
 * The main menu: each item, its letter and the roles that see it; and
 * the greeting that reminds an office of an intake left unfinished.
 */
#include "qualdesk.h"

#define ROLES_OVERSIGHT	(UI_ROLE(ROLE_ADMIN) | UI_ROLE(ROLE_AUDITOR))
#define ROLES_OFFICE	(UI_ROLE(ROLE_CLERK) | UI_ROLE(ROLE_LIAISON))
#define ROLES_REVIEW	(UI_ROLE(ROLE_CENTER) | ROLES_OVERSIGHT)

const struct ui_menu_item ui_menu_items[] = {
	{ .key = 'i', .label = "受理 Intake", .roles = ROLES_OFFICE,
	  .screen = &screen_intake },
	{ .key = 'f', .label = "待报送 Outbox", .roles = ROLES_OFFICE,
	  .screen = &screen_outbox },
	{ .key = 'r', .label = "审核结果 Inbox", .roles = ROLES_OFFICE,
	  .screen = &screen_inbox },
	{ .key = 'v', .label = "审核队列 Review queue", .roles = ROLES_REVIEW,
	  .screen = &screen_review },
	{ .key = 'z', .label = "证书 Certificates", .roles = UI_ROLES_ALL,
	  .screen = &screen_certs },
	{ .key = 'n', .label = "通知记录 Notices", .roles = UI_ROLES_ALL,
	  .screen = &screen_notices },
	{ .key = 'e', .label = "全部案件 All cases", .roles = UI_ROLES_ALL,
	  .screen = &screen_cases },
	{ .key = 's', .label = "查询案件 Find a case", .roles = UI_ROLES_ALL,
	  .screen = &screen_search },
	{ .key = 'y', .label = "验证证书 Verify", .roles = UI_ROLES_ALL,
	  .screen = &screen_verify },
	{ .key = 'c', .label = "比对目录 Catalog", .roles = UI_ROLES_ALL,
	  .screen = &screen_catalog },
	{ .key = 'a', .label = "我的账户 My account", .roles = UI_ROLES_ALL,
	  .screen = &screen_account },
	{ .key = 'o', .label = "办公室 Offices", .roles = UI_ROLES_ALL,
	  .screen = &screen_offices },
	{ .key = 'u', .label = "用户管理 Users", .roles = ROLES_OVERSIGHT,
	  .screen = &screen_users },
	{ .key = 'l', .label = "审计日志 Audit log", .roles = ROLES_OVERSIGHT,
	  .screen = &screen_audit },
	{ .key = 'h', .label = "帮助 Help", .roles = UI_ROLES_ALL,
	  .screen = &screen_help },
	{ .key = 'q', .label = "退出 Quit", .roles = UI_ROLES_ALL,
	  .screen = NULL },
};
const size_t ui_menu_nitems = sizeof ui_menu_items / sizeof ui_menu_items[0];

/* A dropped link leaves the intake as a draft: say where it waits. */
static char *
menu_greeting(struct ui *ui)
{
	int	 n = 0;

	if (!role_has_office(ui->user->role) ||
	    db_draft_count(ui->db, ui->user, "intake", &n) != QD_OK || n == 0)
		return NULL;
	return xstrdup("您有未完成的受理草稿，按 i 继续 You have an unfinished "
	    "intake: press i");
}
char *(*const ui_menu_greeting)(struct ui *) = menu_greeting;

const struct ui_screen *const screen_all[] = {
	&screen_account,
	&screen_offices,
	&screen_users,
	&screen_user_add,
	&screen_audit,
	&screen_help,
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
	&screen_catalog,
	&screen_catalog_edit,
	&screen_certs,
	&screen_cert,
	&screen_verify,
	NULL
};
