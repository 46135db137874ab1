/*
 * Users: the admin lists, adds, disables and enables accounts; the
 * auditor sees the same list read-only. The data layer checks the role
 * again and audits every change.
 */
#include <stdlib.h>
#include <string.h>

#include "admin/admin-screens.h"


static const struct ui_column users_columns[] = {
	{ .title = "登录名 Login", .width = 12 },
	{ .title = "姓名 Name", .width = 16, .grow = 1 },
	{ .title = "角色 Role", .width = 16 },
	{ .title = "办公室 Office", .width = 13, .grow = 1 },
	{ .title = "状态 Status", .width = 13 },
};

static int
users_load(struct ui *ui, struct ui_view *v, struct ui_rows *rows,
    const char *cursor, char **why)
{
	struct qd_user	**users = NULL;
	size_t		  i, n = 0;
	const char	 *cells[5];
	int		  rc;

	(void)v;
	if (cursor != NULL)
		return QD_OK;
	if ((rc = db_user_list(ui->db, ui->user, &users, &n, why)) != QD_OK)
		return rc;
	for (i = 0; i < n; i++) {
		cells[0] = users[i]->login;
		cells[1] = users[i]->display_name;
		cells[2] = role_label(users[i]->role);
		cells[3] = users[i]->office_name != NULL ?
		    users[i]->office_name : "";
		cells[4] = users[i]->active ? "启用 Active" : "停用 Disabled";
		ui_rows_add(rows, users[i]->id, users[i]->login, cells);
		user_free(users[i]);
	}
	free(users);
	return QD_OK;
}

/* A clerk's words for a refusal the data layer gave no message for. */
static const char *
users_result_text(int rc)
{
	switch (rc) {
	case QD_EDENIED:
		return "没有权限 Not permitted";
	case QD_ECONFLICT:
		return "登录名已存在或记录已被修改 Login taken or record changed";
	case QD_ENOTFOUND:
		return "找不到该用户 No such user";
	default:
		return "保存失败 Could not save";
	}
}

static enum ui_next
users_add(struct ui *ui, struct ui_view *v)
{
	(void)v;
	ui_screen_run(ui, &screen_user_add);
	return UI_RELOAD;
}

/* Disable an active user or enable a disabled one, after a question. */
static enum ui_next
users_toggle(struct ui *ui, struct ui_view *v)
{
	struct qd_user	*u = NULL;
	char		*question, *why = NULL, *login;
	int		 rc, active;

	login = xstrdup(ui_view_row_key(v));
	if (strcmp(login, ui->user->login) == 0) {
		ui_error(ui, "不能停用自己的账户 You cannot disable your own "
		    "account");
		goto out;
	}
	if ((rc = db_user_find(ui->db, login, &u)) != QD_OK) {
		ui_error(ui, "%s", users_result_text(rc));
		goto out;
	}
	active = !u->active;
	xasprintf(&question, "%s用户 %s？ %s user %s?", active ? "启用" : "停用",
	    login, active ? "Enable" : "Disable", login);
	rc = ui_dialog_confirm(ui, v, question);
	free(question);
	if (!rc)
		goto out;
	rc = db_user_set_active(ui->db, ui->user, login, active, &why);
	if (rc != QD_OK)
		ui_error(ui, "%s", why != NULL ? why : users_result_text(rc));
	else
		ui_msg(ui, "已%s %s  %s %s", active ? "启用" : "停用", login,
		    active ? "Enabled" : "Disabled", login);
out:
	free(why);
	free(login);
	user_free(u);
	return UI_RELOAD;
}

/* Enter: the user, with their keys. */
static enum ui_next
users_open(struct ui *ui, struct ui_view *v)
{
	char	*login = xstrdup(ui_view_row_key(v));

	ui_screen_run_arg(ui, &screen_user, login);
	free(login);
	return UI_RELOAD;
}

/* F6: a key for the selected user, without opening them. */
static enum ui_next
users_key_add(struct ui *ui, struct ui_view *v)
{
	char	*login = xstrdup(ui_view_row_key(v));

	screen_user_key_add(ui, v, login);
	free(login);
	return UI_STAY;
}

static const struct ui_action users_actions[] = {
	{ .key = UI_KEY_ENTER, .label = "打开 Open", .roles = UI_ROLES_ALL,
	  .needs_row = 1, .run = users_open },
	{ .key = UI_KEY_F(4), .label = "新增 Add", .may = "user write",
	  .run = users_add },
	{ .key = UI_KEY_F(5), .label = "停用/启用 Toggle",
	  .may = "user write", .needs_row = 1, .run = users_toggle },
	{ .key = UI_KEY_F(6), .label = "加公钥 Add key", .may = "user write",
	  .needs_row = 1, .run = users_key_add },
};

static const struct ui_list users_list = {
	.columns = users_columns,
	.ncolumns = nitems(users_columns),
	.load = users_load,
	.empty = "没有用户 No users",
};

const struct ui_screen screen_users = {
	.name = "users",
	.title = "用户管理 Users",
	.table = "users",
	.list = &users_list,
	.actions = users_actions,
	.nactions = nitems(users_actions),
};

/* The add form. */

static int
users_login_valid(const char *s, char **why)
{
	if (user_login_valid(s))
		return QD_OK;
	*why = xstrdup("登录名以小写字母开头，只用 a-z 0-9 _ . - "
	    "Login: a-z first, then a-z 0-9 _.-");
	return QD_EINVAL;
}

static int
users_role_choices(struct ui *ui, struct ui_choice **out, size_t *n)
{
	int	 i;

	(void)ui;
	*out = xcalloc(ROLE_COUNT, sizeof **out);
	for (i = 0; i < ROLE_COUNT; i++) {
		(*out)[i].value = xstrdup(role_name((enum qd_role)i));
		(*out)[i].label = xstrdup(role_label((enum qd_role)i));
	}
	*n = ROLE_COUNT;
	return QD_OK;
}

static int
users_office_choices(struct ui *ui, struct ui_choice **out, size_t *n)
{
	struct qd_office	*o = NULL;
	size_t			 i, no = 0;
	int			 rc;

	rc = db_office_list(ui->db, &o, &no);
	*out = xcalloc(no + 1, sizeof **out);
	(*out)[0].value = xstrdup("");
	(*out)[0].label = xstrdup("无 None (中心 center roles)");
	for (i = 0; i < no; i++) {
		(*out)[i + 1].value = xstrdup(o[i].code);
		xasprintf(&(*out)[i + 1].label, "%s %s", o[i].name_zh,
		    o[i].code);
	}
	*n = no + 1;
	office_free_array(o, no);
	return rc;
}

static enum ui_next
users_add_save(struct ui *ui, struct ui_view *v)
{
	struct qd_user_new	 nu;
	char			*why = NULL;
	int			 rc;

	memset(&nu, 0, sizeof nu);
	if (role_parse(ui_view_value(v, "role"), &nu.role) != QD_OK) {
		ui_error(ui, "请选择角色 Choose a role");
		return UI_STAY;
	}
	nu.login = ui_view_value(v, "login");
	nu.display_name = ui_view_value(v, "display_name");
	nu.office_code = ui_view_value(v, "office_id");
	if (nu.office_code[0] == '\0')
		nu.office_code = NULL;
	rc = db_user_add(ui->db, ui->user, &nu, &why);
	if (rc != QD_OK) {
		ui_error(ui, "%s", why != NULL ? why : users_result_text(rc));
		free(why);
		return UI_STAY;
	}
	ui_msg(ui, "已新增用户 %s  User %s added", nu.login, nu.login);
	return UI_CLOSE;
}

static const struct ui_field users_add_fields[] = {
	{ .label = "登录名 Login", .type = UI_FIELD_TEXT, .width = 32,
	  .max_chars = 32, .max_bytes = 32, .required = 1,
	  .column = "login", .validate = users_login_valid },
	{ .label = "姓名 Name", .type = UI_FIELD_TEXT, .width = 40,
	  .max_chars = 64, .max_bytes = 256, .required = 1,
	  .column = "display_name" },
	{ .label = "角色 Role", .type = UI_FIELD_CHOICE, .width = 30,
	  .required = 1, .column = "role", .choices = users_role_choices },
	{ .label = "办公室 Office", .type = UI_FIELD_CHOICE, .width = 34,
	  .column = "office_id", .choices = users_office_choices },
};

static const struct ui_action users_add_actions[] = {
	{ .key = UI_KEY_SAVE, .label = "保存 Save", .may = "user write",
	  .run = users_add_save },
};

const struct ui_screen screen_user_add = {
	.name = "user-add",
	.title = "新增用户 Add a user",
	.table = "users",
	.fields = users_add_fields,
	.nfields = nitems(users_add_fields),
	.actions = users_add_actions,
	.nactions = nitems(users_add_actions),
};
