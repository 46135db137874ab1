/*
 * The full-screen UI: one user on one terminal. It opens its own database
 * connection, acts as that user, and runs the declared screens until the
 * user quits, stays idle too long, or the terminal goes away.
 */
#include <curses.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "qualdesk.h"

#define UI_KEYBAR_MAX	16

static void
ui_vmsg(struct ui *ui, int error, const char *fmt, va_list ap)
{
	vsnprintf(ui->msg, sizeof ui->msg, fmt, ap);
	ui->msg_error = error;
}

void
ui_msg(struct ui *ui, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	ui_vmsg(ui, 0, fmt, ap);
	va_end(ap);
}

void
ui_error(struct ui *ui, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	ui_vmsg(ui, 1, fmt, ap);
	va_end(ap);
}

int
ui_action_roles(const struct ui_action *a)
{
	if (a->may != NULL)
		return perm_roles(a->may);
	if (a->may_not != NULL)
		return UI_ROLES_ALL & ~perm_roles(a->may_not);
	return a->roles;
}

int
ui_menu_item_roles(const struct ui_menu_item *it)
{
	return it->may != NULL ? perm_roles(it->may) : it->roles;
}

int
ui_action_allowed(const struct ui *ui, const struct ui_action *a)
{
	return (ui_action_roles(a) & UI_ROLE(ui->user->role)) != 0;
}

/* Add a key bar item unless it is there already. */
static void
ui_keybar_add(struct ui_keybar_item *items, size_t *n, size_t max, int key,
    const char *label)
{
	size_t	 i;

	for (i = 0; i < *n; i++) {
		if (items[i].key == key)
			return;
	}
	if (*n < max) {
		items[*n].key = key;
		items[*n].label = label;
		(*n)++;
	}
}

/* Key bar order: F-keys by number, other keys after F2, F10 last. */
static int
ui_keybar_rank(int key)
{
	if (key == UI_KEY_QUIT)
		return 1000;
	if (key >= UI_KEY_F1 && key <= UI_KEY_F12)
		return (key - UI_KEY_F1 + 1) * 10;
	return 25;
}

static int
ui_keybar_cmp(const void *a, const void *b)
{
	int	 ra = ui_keybar_rank(((const struct ui_keybar_item *)a)->key);
	int	 rb = ui_keybar_rank(((const struct ui_keybar_item *)b)->key);

	return (ra > rb) - (ra < rb);
}

int
ui_action_enabled(struct ui *ui, struct ui_view *v, const struct ui_action *a)
{
	return a->enabled == NULL || v == NULL || a->enabled(ui, v, a);
}

size_t
ui_keybar_build(struct ui *ui, const struct ui_screen *s, struct ui_view *v,
    struct ui_keybar_item *items, size_t max)
{
	const struct ui_action	*a;
	size_t			 i, n = 0;

	if (s != &screen_help)
		ui_keybar_add(items, &n, max, UI_KEY_HELP, "帮助 Help");
	for (i = 0; i < s->nactions; i++) {
		a = &s->actions[i];
		if (ui_action_allowed(ui, a) && ui_action_enabled(ui, v, a))
			ui_keybar_add(items, &n, max, a->key, a->label);
	}
	ui_keybar_add(items, &n, max, UI_KEY_BACK, "返回 Back");
	ui_keybar_add(items, &n, max, UI_KEY_QUIT, "退出 Quit");
	qsort(items, n, sizeof *items, ui_keybar_cmp);
	return n;
}

const char *
ui_time(const char *utc, char *buf, size_t len)
{
	struct tm	 tm;
	time_t		 t;
	const char	*end;

	memset(&tm, 0, sizeof tm);
	if (utc == NULL)
		utc = "";
	end = strptime(utc, "%Y-%m-%dT%H:%M:%S", &tm);
	if (end == NULL) {
		snprintf(buf, len, "%s", utc);
		return buf;
	}
	t = timegm(&tm);
	if (localtime_r(&t, &tm) == NULL ||
	    strftime(buf, len, "%Y-%m-%d %H:%M:%S", &tm) == 0)
		snprintf(buf, len, "%s", utc);
	return buf;
}

void
ui_view_draw(struct ui *ui, struct ui_view *v)
{
	const struct ui_screen	*s = v->screen;
	struct ui_keybar_item	 keys[UI_KEYBAR_MAX];
	char			*title;
	size_t			 nkeys;
	int			 top = ui_frame_body_top();

	nkeys = ui_keybar_build(ui, s, v, keys, UI_KEYBAR_MAX);
	if (ui_frame_draw(ui, keys, nkeys) != 0)
		return;
	if (s->title_get != NULL) {
		title = s->title_get(ui, v);
		ui_put(top, 1, title != NULL ? title : s->title, COLS - 2,
		    A_BOLD, 0);
		free(title);
	} else
		ui_put(top, 1, s->title, COLS - 2, A_BOLD, 0);
	top++;
	if (s->text != NULL || s->lines != NULL) {
		ui_text_draw(ui, v, top);
		return;
	}
	if (s->nfields > 0)
		top = ui_form_draw(ui, v, top + 1);
	if (s->list != NULL)
		ui_list_draw(ui, v, top);
	if (s->draw != NULL)
		s->draw(ui, v, top);
}

/* Write a line to stderr about why the UI could not start. */
static int
ui_fail(int code, const char *fmt, const char *arg)
{
	fprintf(stderr, "%s: ", QD_NAME);
	fprintf(stderr, fmt, arg);
	fputc('\n', stderr);
	return code;
}

/* Find login and check the account may use the UI. */
static int
ui_find_user(struct ui *ui, const char *login)
{
	int	 rc;

	if (!user_login_valid(login))
		return ui_fail(QD_EXIT_DENIED, "%s", "invalid login name");
	rc = db_user_find(ui->db, login, &ui->user);
	if (rc == QD_ENOTFOUND)
		return ui_fail(QD_EXIT_DENIED, "no such user: %s", login);
	if (rc != QD_OK)
		return ui_fail(QD_EXIT_DB, "%s", db_errmsg(ui->db));
	if (!ui->user->active)
		return ui_fail(QD_EXIT_DENIED, "the account %s is disabled",
		    login);
	return QD_EXIT_OK;
}

int
ui_main(const char *db_path, const char *login, const char *via,
    const struct qd_config *cfg)
{
	struct ui	 ui;
	char		*why = NULL;
	int		 rc;

	memset(&ui, 0, sizeof ui);
	ui.cfg = cfg;
	if (db_open(db_path, 0, &ui.db, &why) != QD_OK) {
		rc = ui_fail(QD_EXIT_DB, "%s",
		    why != NULL ? why : "cannot open the database");
		goto out;
	}
	if ((rc = ui_find_user(&ui, login)) != QD_EXIT_OK)
		goto out;
	ui.user->via = via;
	if (db_set_actor(ui.db, ui.user) != QD_OK) {
		rc = ui_fail(QD_EXIT_DB, "%s", db_errmsg(ui.db));
		goto out;
	}
	if (ui_term_start(&ui, &why) != QD_OK) {
		rc = ui_fail(QD_EXIT_ERROR, "%s", why);
		goto out;
	}
	ui_menu_run(&ui);
	ui_term_end(&ui);
	/* Said after curses has gone, so it stays on the terminal. */
	if (ui.quit == UI_QUIT_IDLE)
		fprintf(stderr, "%s: 无操作超时，已退出 closed after %d s "
		    "without input\n", QD_NAME, cfg->idle_timeout);
	rc = QD_EXIT_OK;
out:
	free(why);
	user_free(ui.user);
	if (ui.db != NULL)
		db_close(ui.db);
	return rc;
}
