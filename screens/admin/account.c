/*
 * My account: who I am, where, the SSH keys I log in with, whether
 * certificates print through my terminal to the printer attached to it,
 * the charset my terminal shows and whether my link must be compressed.
 */
#include <stdlib.h>
#include <string.h>

#include "admin/admin-screens.h"
#include "cert/cert.h"

static char *
account_login(struct ui *ui)
{
	return xstrdup(ui->user->login);
}

static char *
account_name(struct ui *ui)
{
	return xstrdup(ui->user->display_name != NULL ?
	    ui->user->display_name : "");
}

static char *
account_role(struct ui *ui)
{
	return xstrdup(role_label(ui->user->role));
}

static char *
account_office(struct ui *ui)
{
	char	*s;

	if (ui->user->office_code == NULL)
		return xstrdup("无 None");
	xasprintf(&s, "%s %s", ui->user->office_name != NULL ?
	    ui->user->office_name : "", ui->user->office_code);
	return s;
}

static char *
account_via(struct ui *ui)
{
	return xstrdup(ui->user->via != NULL ? ui->user->via : "");
}

#define ACCOUNT_PRINTING	"打印机直通（终端打印） Print through the terminal" \
	" (ESC [5i)"

static char *
account_printing(struct ui *ui)
{
	int	 on = 0;

	db_user_passthrough(ui->db, ui->user, &on);
	return xstrdup(on ? "开 On：打印机直通 Print through the terminal" :
	    "关 Off：F5 开启 press F5 to print through the terminal");
}

/* Turn printing through the terminal on or off, saying what it means. */
static enum ui_next
account_printing_toggle(struct ui *ui, struct ui_view *v)
{
	char	*q, *why = NULL;
	int	 on = 0, rc;

	db_user_passthrough(ui->db, ui->user, &on);
	xasprintf(&q, "%s%s？", on ? "关闭" : "开启", ACCOUNT_PRINTING);
	rc = ui_dialog_confirm(ui, v, q);
	free(q);
	if (!rc)
		return UI_STAY;
	if (db_user_passthrough_set(ui->db, ui->user, !on, &why) == QD_OK)
		ui_msg(ui, "%s %s", on ? "已关闭终端打印" : "已开启终端打印：打印"
		    "的证书将发往终端所连的打印机", on ? "Printing through the"
		    " terminal is off" : "Certificates now print on the"
		    " terminal's printer");
	else
		ui_error(ui, "%s", why != NULL ? why : screen_result_text(QD_EDB));
	free(why);
	return UI_RELOAD;
}

/*
 * What F6 offers: the charsets, as db-terminal.c spells them ("" follows
 * LANG), then requiring a compressed link or not.
 */
#define ACCOUNT_COMPRESSION	"-C"
static const struct {
	const char	*value;
	const char	*label;
} account_terminal_choices[] = {
	{ "", "字符集：自动（按 LANG）Charset: automatic, from LANG" },
	{ "UTF-8", "字符集 Charset: UTF-8" },
	{ "GB18030", "字符集 Charset: GB18030（简体 Simplified）" },
	{ "GBK", "字符集 Charset: GBK（简体 Simplified）" },
	{ "Big5", "字符集 Charset: Big5（繁體 Traditional）" },
	{ "ASCII", "字符集 Charset: ASCII（无中文 no Chinese）" },
	{ ACCOUNT_COMPRESSION, "压缩连接 Compression: 要求或不要求 ssh -C"
	  " require ssh -C or not" },
};

static char *
account_charset(struct ui *ui)
{
	struct qd_terminal	 t;
	char			*s;

	if (db_user_terminal(ui->db, ui->user, &t) != QD_OK || t.charset == NULL)
		s = xstrdup("自动 Automatic (LANG)：F6 选择 press F6 to choose");
	else
		xasprintf(&s, "%s：F6 更改 press F6 to change", t.charset);
	db_terminal_free(&t);
	return s;
}

static char *
account_compression(struct ui *ui)
{
	struct qd_terminal	 t;
	int			 on;

	on = db_user_terminal(ui->db, ui->user, &t) == QD_OK &&
	    t.compression_force;
	db_terminal_free(&t);
	return xstrdup(on ? "要求 Required：只接受 ssh -C Only with ssh -C" :
	    "不要求 Not required：F6 可要求 F6 to require ssh -C");
}

/* Save the charset of my terminal, for my next logins. */
static void
account_charset_set(struct ui *ui, const char *charset)
{
	struct qd_terminal	 t;
	char			*why = NULL;

	if (db_user_terminal(ui->db, ui->user, &t) != QD_OK) {
		ui_error(ui, "%s", screen_result_text(QD_EDB));
		return;
	}
	free(t.charset);
	t.charset = *charset != '\0' ? xstrdup(charset) : NULL;
	if (db_user_terminal_set(ui->db, ui->user, &t, &why) == QD_OK)
		ui_msg(ui, "终端字符集：%s，下次登录生效 Terminal charset %s from"
		    " the next login", t.charset != NULL ? t.charset : "自动",
		    t.charset != NULL ? t.charset : "automatic");
	else
		ui_error(ui, "%s", why != NULL ? why : screen_result_text(QD_EDB));
	free(why);
	db_terminal_free(&t);
}

/* Require a compressed link (ssh -C) for my logins, or stop requiring it. */
static void
account_compression_toggle(struct ui *ui, struct ui_view *v)
{
	struct qd_terminal	 t;
	char			*why = NULL;
	int			 rc;

	if (db_user_terminal(ui->db, ui->user, &t) != QD_OK) {
		ui_error(ui, "%s", screen_result_text(QD_EDB));
		return;
	}
	if (!ui_dialog_confirm(ui, v, t.compression_force ?
	    "不再要求压缩连接？Stop requiring a compressed link?" :
	    "登录须用 ssh -C？Require ssh -C for my logins?")) {
		db_terminal_free(&t);
		return;
	}
	t.compression_force = !t.compression_force;
	rc = db_user_terminal_set(ui->db, ui->user, &t, &why);
	if (rc == QD_OK)
		ui_msg(ui, "%s", t.compression_force ? "已要求压缩：未压缩的登录将被"
		    "拒绝 Logins without ssh -C are now refused"
		    : "不再要求压缩 A compressed link is no longer required");
	else
		ui_error(ui, "%s", why != NULL ? why : screen_result_text(QD_EDB));
	free(why);
	db_terminal_free(&t);
}

/* My terminal's charset, or whether my logins need ssh -C. */
static enum ui_next
account_terminal(struct ui *ui, struct ui_view *v)
{
	struct ui_choice	 choices[nitems(account_terminal_choices)];
	const char		*value;
	size_t			 i, picked;

	for (i = 0; i < nitems(account_terminal_choices); i++) {
		choices[i].value = (char *)account_terminal_choices[i].value;
		choices[i].label = (char *)account_terminal_choices[i].label;
	}
	if (ui_dialog_pick(ui, v, "终端 Terminal", choices, nitems(choices),
	    &picked) != QD_OK)
		return UI_STAY;
	value = account_terminal_choices[picked].value;
	if (strcmp(value, ACCOUNT_COMPRESSION) == 0)
		account_compression_toggle(ui, v);
	else
		account_charset_set(ui, value);
	return UI_RELOAD;
}

static const struct ui_field account_fields[] = {
	{ .label = "登录名 Login", .type = UI_FIELD_SHOW, .width = 32,
	  .column = "login", .get = account_login },
	{ .label = "姓名 Name", .type = UI_FIELD_SHOW, .width = 40,
	  .column = "display_name", .get = account_name },
	{ .label = "角色 Role", .type = UI_FIELD_SHOW, .width = 20,
	  .column = "role", .get = account_role },
	{ .label = "办公室 Office", .type = UI_FIELD_SHOW, .width = 30,
	  .column = "office_id", .get = account_office },
	{ .label = "登录方式 Via", .type = UI_FIELD_SHOW, .width = 40,
	  .get = account_via },
	{ .label = "终端打印 Printing", .type = UI_FIELD_SHOW, .width = 52,
	  .get = account_printing },
	{ .label = "终端字符集 Charset", .type = UI_FIELD_SHOW, .width = 52,
	  .get = account_charset },
	{ .label = "压缩连接 Compression", .type = UI_FIELD_SHOW, .width = 52,
	  .get = account_compression },
};

static const struct ui_action account_actions[] = {
	{ .key = UI_KEY_F(5), .label = "终端打印 Printing",
	  .roles = UI_ROLES_ALL, .run = account_printing_toggle },
	{ .key = UI_KEY_F(6), .label = "终端 Term",
	  .roles = UI_ROLES_ALL, .run = account_terminal },
};

static const struct ui_column account_key_columns[] = {
	{ .title = "类型 Type", .width = 11 },
	{ .title = "指纹 Fingerprint", .width = 30, .grow = 1 },
	{ .title = "备注 Comment", .width = 14, .grow = 1 },
	{ .title = "添加 Added", .width = 10 },
};

static int
account_keys_load(struct ui *ui, struct ui_view *v, struct ui_rows *rows,
    const char *cursor, char **why)
{
	struct qd_key	*keys = NULL;
	size_t		 i, n = 0;
	const char	*cells[4];
	char		 added[32];
	int		 rc;

	(void)v;
	if (cursor != NULL)
		return QD_OK;
	rc = db_key_list(ui->db, ui->user, ui->user->login, &keys, &n, why);
	if (rc != QD_OK)
		return rc;
	for (i = 0; i < n; i++) {
		cells[0] = keys[i].type;
		cells[1] = keys[i].fingerprint;
		cells[2] = keys[i].comment;
		/* The date is enough to tell keys apart. */
		cells[3] = ui_time(keys[i].created_at, added, sizeof added);
		added[strcspn(added, " ")] = '\0';
		ui_rows_add(rows, keys[i].id, keys[i].fingerprint, cells);
	}
	key_free_array(keys, n);
	return QD_OK;
}

static const struct ui_list account_keys = {
	.title = "我的 SSH 公钥 My SSH keys",
	.columns = account_key_columns,
	.ncolumns = nitems(account_key_columns),
	.load = account_keys_load,
	.empty = "没有公钥，请联系管理员 No keys: ask the center admin",
};

const struct ui_screen screen_account = {
	.name = "account",
	.title = "我的账户 My account",
	.table = "users",
	.fields = account_fields,
	.nfields = nitems(account_fields),
	.list = &account_keys,
	.actions = account_actions,
	.nactions = nitems(account_actions),
};
