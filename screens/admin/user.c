/*
 * One user, opened with Enter from the users list: who, role, office and
 * state on the title line, the SSH keys they log in with below. F4 adds
 * keys pasted as authorized_keys lines (checked, the fingerprint shown
 * before anything is saved); F8 removes the selected key after naming it.
 */
#include <stdlib.h>
#include <string.h>

#include "admin/admin-screens.h"

/* The longest line a clerk pastes: an RSA 4096 key with a comment. */
#define USER_KEY_MAX	1200

static char *
user_title(struct ui *ui, struct ui_view *v)
{
	const char	*login = ui_view_arg(v);
	struct qd_user	*u = NULL;
	char		*s;

	if (db_user_find(ui->db, login, &u) != QD_OK) {
		xasprintf(&s, "用户 %s User %s", login, login);
		return s;
	}
	xasprintf(&s, "用户 User %s  %s  %s%s%s  %s", u->login,
	    u->display_name != NULL ? u->display_name : "",
	    role_label(u->role), u->office_name != NULL ? "  " : "",
	    u->office_name != NULL ? u->office_name : "",
	    u->active ? "启用 Active" : "已停用 Disabled");
	user_free(u);
	return s;
}

static int
user_open(struct ui *ui, struct ui_view *v)
{
	struct qd_user	*u = NULL;

	if (db_user_find(ui->db, ui_view_arg(v), &u) != QD_OK) {
		ui_error(ui, "找不到用户 %s No such user", (char *)ui_view_arg(v));
		return QD_ENOTFOUND;
	}
	user_free(u);
	return QD_OK;
}

static const struct ui_column user_key_columns[] = {
	{ .title = "类型 Type", .width = 11 },
	{ .title = "指纹 Fingerprint", .width = 30, .grow = 2 },
	{ .title = "备注 Comment", .width = 14, .grow = 1 },
	{ .title = "添加 Added", .width = 10 },
};

static int
user_keys_load(struct ui *ui, struct ui_view *v, struct ui_rows *rows,
    const char *cursor, char **why)
{
	struct qd_key	*keys = NULL;
	size_t		 i, n = 0;
	const char	*cells[4];
	char		 added[32];
	int		 rc;

	if (cursor != NULL)
		return QD_OK;
	rc = db_key_list(ui->db, ui->user, ui_view_arg(v), &keys, &n, why);
	if (rc != QD_OK)
		return rc;
	for (i = 0; i < n; i++) {
		cells[0] = keys[i].type;
		cells[1] = keys[i].fingerprint;
		cells[2] = keys[i].comment;
		cells[3] = ui_time(keys[i].created_at, added, sizeof added);
		added[strcspn(added, " ")] = '\0';
		ui_rows_add(rows, keys[i].id, keys[i].fingerprint, cells);
	}
	key_free_array(keys, n);
	return QD_OK;
}

void
screen_user_key_add(struct ui *ui, struct ui_view *v, const char *login)
{
	struct qd_key	*k = NULL;
	char		*line = NULL, *why = NULL, *q;
	int		 added = 0, rc;

	if (ui_dialog_input(ui, v, "添加公钥 Add a key", "粘贴 authorized_keys "
	    "的一行 Paste one authorized_keys line:", NULL, USER_KEY_MAX,
	    &line) != QD_OK)
		return;
	if (*line == '\0') {
		ui_error(ui, "没有粘贴公钥 Nothing pasted: paste the line of "
		    "the .pub file");
		goto out;
	}
	if (key_parse(line, &k, &why) != QD_OK) {
		ui_error(ui, "公钥无效 Not a valid key: %s", why != NULL ? why :
		    "");
		goto out;
	}
	/* The fingerprint is 50 columns: the question is short around it. */
	xasprintf(&q, "添加 %s？ Add it?", k->fingerprint);
	rc = ui_dialog_confirm(ui, v, q);
	free(q);
	if (!rc)
		goto out;
	rc = db_key_add(ui->db, ui->user, login, line, &added, &why);
	if (rc != QD_OK)
		ui_error(ui, "%s", why != NULL ? why : "添加失败 Could not add");
	else
		ui_msg(ui, "已添加公钥 %s Key added", k->fingerprint);
out:
	if (k != NULL)
		key_free_array(k, 1);
	free(line);
	free(why);
}

/* F4: add a key for the user shown. */
static enum ui_next
user_key_add(struct ui *ui, struct ui_view *v)
{
	screen_user_key_add(ui, v, ui_view_arg(v));
	return UI_RELOAD;
}

/* F8: remove the selected key, named in the question. */
static enum ui_next
user_key_remove(struct ui *ui, struct ui_view *v)
{
	const char	*login = ui_view_arg(v), *fp = ui_view_row_key(v);
	char		*q, *why = NULL, *which;
	int		 rc;

	xasprintf(&q, "删除 %s？ Remove it?", fp);
	rc = ui_dialog_confirm(ui, v, q);
	free(q);
	if (!rc)
		return UI_STAY;
	which = xstrdup(fp);
	rc = db_key_remove(ui->db, ui->user, login, which, &why);
	if (rc != QD_OK)
		ui_error(ui, "%s", why != NULL ? why : "删除失败 Could not remove");
	else
		ui_msg(ui, "已删除公钥 %s Key removed", which);
	free(which);
	free(why);
	return UI_RELOAD;
}

static const struct ui_action user_actions[] = {
	{ .key = UI_KEY_F(4), .label = "添加 Add key", .may = "user write",
	  .run = user_key_add },
	{ .key = UI_KEY_F(8), .label = "删除 Remove",
	  .may = "user write", .needs_row = 1, .run = user_key_remove },
};

static const struct ui_list user_keys = {
	.title = "SSH 公钥 SSH keys",
	.columns = user_key_columns,
	.ncolumns = nitems(user_key_columns),
	.load = user_keys_load,
	.empty = "没有公钥：按 F4 添加 No keys: F4 adds one",
};

const struct ui_screen screen_user = {
	.name = "user",
	.title = "用户 User",
	.title_get = user_title,
	.open = user_open,
	.table = "users",
	.list = &user_keys,
	.actions = user_actions,
	.nactions = nitems(user_actions),
};
