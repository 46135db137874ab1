/*
 * The administration module: accounts, their SSH keys, the offices and
 * the audit trail. Its data layer is the platform's (db-user.c,
 * db-key.c, db-audit.c); this folder holds what it shows and runs.
 */
#include "qualdesk.h"
#include "admin/admin-screens.h"


static const struct cmd_entry admin_commands[] = {
	{ .noun = "user", .verb = "add",
	  .args = "LOGIN --role ROLE [--office CODE] [--name NAME]",
	  .summary = "add a user account", .may = "user write",
	  .exec = cmd_user_add },
	{ .noun = "user", .verb = "list", .args = "[--format text|csv]",
	  .summary = "list user accounts", .exec = cmd_user_list },
	{ .noun = "user", .verb = "disable", .args = "LOGIN",
	  .summary = "stop an account from logging in", .may = "user write",
	  .exec = cmd_user_disable },
	{ .noun = "user", .verb = "enable", .args = "LOGIN",
	  .summary = "let a disabled account log in again", .may = "user write",
	  .exec = cmd_user_enable },
	{ .noun = "key", .verb = "add", .args = "LOGIN FILE|-",
	  .summary = "authorise SSH public keys (authorized_keys lines)",
	  .may = "key write", .exec = cmd_key_add },
	{ .noun = "key", .verb = "list", .args = "LOGIN",
	  .summary = "list a user's SSH public keys", .exec = cmd_key_list },
	{ .noun = "key", .verb = "remove", .args = "LOGIN ID|FINGERPRINT",
	  .summary = "remove an SSH public key", .may = "key write",
	  .exec = cmd_key_remove },
	{ .noun = "audit", .verb = "list", .args = "[--limit N] [--before ID]",
	  .summary = "show the audit trail, newest first",
	  .may = "audit read", .exec = cmd_audit_list },
	{ .noun = NULL }
};

static const struct ui_screen *const admin_screens[] = {
	&screen_account,
	&screen_offices,
	&screen_users,
	&screen_user_add,
	&screen_user,
	&screen_audit,
	NULL
};

static const struct ui_menu_item admin_menu[] = {
	{ .key = 'a', .label = "我的账户 My account", .roles = UI_ROLES_ALL,
	  .screen = &screen_account },
	{ .key = 'o', .label = "办公室 Offices", .roles = UI_ROLES_ALL,
	  .screen = &screen_offices },
	{ .key = 'u', .label = "用户管理 Users", .may = "user read",
	  .screen = &screen_users },
	{ .key = 'l', .label = "审计日志 Audit log", .may = "audit read",
	  .screen = &screen_audit },
	{ .key = 0 }
};

const struct qd_module module_admin = {
	.name = "admin",
	.label = "管理 Administration",
	.commands = admin_commands,
	.screens = admin_screens,
	.menu = admin_menu,
};
