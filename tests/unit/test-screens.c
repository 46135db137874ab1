/*
 * Every declared screen, checked the way a form compiler would: labels in
 * Chinese and English, everything fits at 80 columns by text_width, list
 * titles fit their columns, action keys are unique, field columns exist
 * in the schema, and the main menu shows each role what it may use.
 */
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "qualdesk.h"
#include "tap.h"

#define COLS80	80

/* A label has Chinese and, after a space, English. */
static int
bilingual(const char *s)
{
	const char	*sp = strchr(s, ' ');

	return s != NULL && (unsigned char)s[0] >= 0x80 && sp != NULL &&
	    sp[1] != '\0' && text_valid(s);
}

/* 1 if table has column name (asked of the real schema). */
static int
schema_has(sqlite3 *db, const char *table, const char *column)
{
	sqlite3_stmt	*st;
	int		 found = 0;

	if (sqlite3_prepare_v2(db, "SELECT 1 FROM pragma_table_info(?1) "
	    "WHERE name = ?2", -1, &st, NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, column, -1, SQLITE_STATIC);
	found = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return found;
}

static void
test_fields(const struct ui_screen *s, sqlite3 *db)
{
	const struct ui_field	*f;
	size_t			 i;

	ok(ui_form_min_width(s) <= COLS80, "%s: labels and fields fit in 80 "
	    "columns (%d)", s->name, ui_form_min_width(s));
	for (i = 0; i < s->nfields; i++) {
		f = &s->fields[i];
		ok(bilingual(f->label), "%s: field %zu label '%s' is Chinese "
		    "and English", s->name, i, f->label);
		ok(f->width >= 4, "%s: %s has a width", s->name, f->label);
		if (f->type == UI_FIELD_CHOICE)
			ok(f->choices != NULL, "%s: %s has choices", s->name,
			    f->label);
		if (f->type == UI_FIELD_SHOW)
			ok(f->get != NULL, "%s: %s has a value", s->name,
			    f->label);
		if (f->type == UI_FIELD_TEXT)
			ok(f->max_chars > 0 && f->max_bytes >= f->max_chars,
			    "%s: %s has limits in characters and bytes",
			    s->name, f->label);
		if (f->column == NULL)
			continue;
		ok(s->table != NULL && schema_has(db, s->table, f->column),
		    "%s: column %s.%s exists in the schema", s->name,
		    s->table != NULL ? s->table : "?", f->column);
	}
}

static void
test_list(const struct ui_screen *s)
{
	const struct ui_list	*l = s->list;
	int			 widths[32], total = 0;
	size_t			 i;

	ok(l->load != NULL, "%s: the list has a loader", s->name);
	ok(ui_list_min_width(l) <= COLS80, "%s: columns fit in 80 (%d)",
	    s->name, ui_list_min_width(l));
	for (i = 0; i < l->ncolumns; i++) {
		ok(bilingual(l->columns[i].title) &&
		    text_width(l->columns[i].title) <= l->columns[i].width,
		    "%s: title '%s' is bilingual and fits its %d columns",
		    s->name, l->columns[i].title, l->columns[i].width);
	}
	ui_list_widths(l, 120, widths);
	for (i = 0; i < l->ncolumns; i++)
		total += widths[i] + (i > 0 ? 1 : 0);
	is_int(total + 2, 120, "%s: at 120 columns the list uses them all",
	    s->name);
}

/* 1 if the Chinese label of every key but F1, F3 and F10 is in bar. */
static int
keybar_labelled(const struct ui_keybar_item *keys, size_t n, const char *bar)
{
	char	 zh[64];
	size_t	 i;

	for (i = 0; i < n; i++) {
		if (keys[i].key == UI_KEY_HELP || keys[i].key == UI_KEY_BACK ||
		    keys[i].key == UI_KEY_QUIT)
			continue;
		snprintf(zh, sizeof zh, "%.*s", (int)strcspn(keys[i].label,
		    " "), keys[i].label);
		if (strstr(bar, zh) == NULL)
			return 0;
	}
	return 1;
}

static void
test_actions(const struct ui_screen *s, struct ui *ui)
{
	struct ui_keybar_item	 keys[16];
	char			 bar[512];
	size_t			 i, j, n;
	int			 role, dup = 0, names = 0;

	for (i = 0; i < s->nactions; i++) {
		const struct ui_action *a = &s->actions[i];

		ok(a->run != NULL && bilingual(a->label), "%s: action '%s'",
		    s->name, a->label);
		ok(a->key != UI_KEY_HELP && a->key != UI_KEY_BACK &&
		    a->key != UI_KEY_QUIT, "%s: '%s' leaves F1, F3, F10 alone",
		    s->name, a->label);
		if (s->nfields > 0)
			ok(a->key >= UI_KEY_F1, "%s: form action '%s' is no "
			    "key a user types", s->name, a->label);
		/* Roles that never meet may share a key. */
		for (j = i + 1; j < s->nactions; j++)
			dup += s->actions[j].key == a->key &&
			    (ui_action_roles(&s->actions[j]) &
			    ui_action_roles(a)) != 0;
	}
	is_int(dup, 0, "%s: every action key is unique for each role",
	    s->name);
	for (role = 0; role < ROLE_COUNT; role++) {
		ui->user->role = (enum qd_role)role;
		n = ui_keybar_build(ui, s, NULL, keys, 16);
		ui_frame_keybar_text(keys, n, COLS80 - 1, bar, sizeof bar);
		ok(text_width(bar) <= COLS80 - 1 && keybar_labelled(keys, n,
		    bar), "%s as %s: every action's label is on the key bar "
		    "at 80 columns: %s", s->name,
		    role_name((enum qd_role)role), bar);
		if (s->nactions <= 3)
			ok(strstr(bar, "Back") != NULL, "%s as %s: with few "
			    "actions the whole key bar fits", s->name,
			    role_name((enum qd_role)role));
	}
	for (i = 0; i < s->nactions; i++) {
		for (j = i + 1; j < s->nactions; j++)
			names += s->actions[i].name != NULL &&
			    s->actions[j].name != NULL &&
			    strcmp(s->actions[i].name, s->actions[j].name) == 0;
	}
	is_int(names, 0, "%s: action names are unique", s->name);
}

static void
test_text(const struct ui_screen *s)
{
	size_t	 i;
	int	 wide = 0;

	for (i = 0; s->text[i] != NULL; i++)
		wide += text_width(s->text[i]) > COLS80 - 2 ||
		    !(s->text[i][0] == '\0' || text_valid(s->text[i]));
	is_int(wide, 0, "%s: %zu lines fit in 78 columns", s->name, i);
}

/* The fields a draft or a filter can use: input bound to a column. */
static size_t
bound_inputs(const struct ui_screen *s)
{
	size_t	 i, n = 0;

	for (i = 0; i < s->nfields; i++)
		n += s->fields[i].column != NULL &&
		    s->fields[i].type != UI_FIELD_SHOW;
	return n;
}

/* What the engine's optional members need of a screen. */
static void
test_hooks(const struct ui_screen *s)
{
	size_t	 i;
	int	 space = 0;

	if (s->filter)
		ok(s->list != NULL && bound_inputs(s) > 0, "%s: a filter "
		    "screen has a list and fields to filter it", s->name);
	if (s->draft != NULL)
		ok(bound_inputs(s) > 0, "%s: a screen with drafts has fields "
		    "bound to columns", s->name);
	if (s->lines != NULL)
		ok(s->text == NULL && s->list == NULL, "%s: a made page is "
		    "neither a static text nor a list", s->name);
	if (s->list != NULL && s->list->multi) {
		for (i = 0; i < s->nactions; i++)
			space += s->actions[i].key == ' ';
		is_int(space, 0, "%s: Space marks rows, no action takes it",
		    s->name);
	}
}

static void
test_menu(void)
{
	const struct ui_menu_item	*items[64], *all[64];
	static const struct {
		enum qd_role	 role;
		const char	*want;
	} menus[] = {
		{ ROLE_ADMIN, "review notices cases search certs verify"
		    " catalog exam-table exam-plans exam-notices"
		    " training-classes subsidy-claims job-postings job-matches"
		    " policy-queue policy-base report_overview reports"
		    " account offices users audit help quit" },
		{ ROLE_AUDITOR, "review notices cases search certs verify"
		    " catalog exam-table exam-plans exam-notices"
		    " training-classes subsidy-claims job-postings job-matches"
		    " policy-queue policy-base report_overview reports"
		    " account offices users audit help quit" },
		{ ROLE_CENTER, "review notices cases search certs verify"
		    " catalog exam-table exam-plans exam-notices"
		    " training-classes subsidy-claims job-postings job-matches"
		    " policy-queue policy-base report_overview reports"
		    " account offices help quit" },
		{ ROLE_LIAISON, "intake outbox inbox notices cases search certs"
		    " verify catalog exam-demands exam-plans exam-notices"
		    " training-classes subsidy-claims job-postings job-matches"
		    " policy-window policy-inbox policy-base report_overview"
		    " reports account offices help quit" },
		{ ROLE_CLERK, "intake outbox inbox notices cases search certs"
		    " verify catalog exam-demands exam-plans exam-notices"
		    " training-classes subsidy-claims job-postings job-matches"
		    " policy-window policy-inbox policy-base report_overview"
		    " reports account offices help quit" },
	};
	const struct qd_module *const	*m;
	const struct ui_menu_item	*it;
	char	 got[256];
	size_t	 i, j, n, nall = 0;
	int	 dup = 0;

	for (i = 0; i < nitems(menus); i++) {
		n = ui_menu_visible(menus[i].role, items, 64);
		got[0] = '\0';
		for (j = 0; j < n; j++) {
			strcat(got, j > 0 ? " " : "");
			strcat(got, items[j]->screen != NULL ?
			    items[j]->screen->name : "quit");
		}
		is_str(got, menus[i].want, "the %s's menu",
		    role_name(menus[i].role));
	}
	for (m = qd_modules; *m != NULL; m++) {
		ok(bilingual((*m)->label), "module %s's group '%s'",
		    (*m)->name, (*m)->label);
		for (it = (*m)->menu; it != NULL && it->key != 0 &&
		    nall < 62; it++)
			all[nall++] = it;
	}
	/* Help and quit, the platform's, end every menu. */
	n = ui_menu_visible(ROLE_ADMIN, items, 64);
	all[nall++] = items[n - 2];
	all[nall++] = items[n - 1];
	for (i = 0; i < nall; i++) {
		ok(bilingual(all[i]->label), "menu item '%s'", all[i]->label);
		for (j = i + 1; j < nall; j++)
			dup += all[i]->key == all[j]->key &&
			    all[i]->key != UI_MENU_NOKEY;
		ok(all[i]->key < '0' || all[i]->key > '9',
		    "'%s' has a letter, numbers go to the groups",
		    all[i]->label);
		ok(all[i]->screen == NULL ||
		    ui_screen_find(all[i]->screen->name) == all[i]->screen,
		    "'%s' opens a screen its module registers", all[i]->label);
	}
	is_int(dup, 0, "menu letters are unique across the groups");
}

/* An office's own staff are offered only their office to filter by. */
static void
test_office_choices(struct ui *ui, struct qd_user *user, sqlite3 *db)
{
	struct ui_choice	*ch = NULL;
	size_t			 n = 0;

	ui->db = db;
	user->role = ROLE_LIAISON;
	user->office_id = 2;
	is_int(screen_office_choices(ui, &ch, &n), QD_OK, "a liaison's offices");
	ok(n == 1 && strcmp(ch[0].value, "2") == 0 &&
	    strstr(ch[0].label, "厦门") != NULL, "are their own office alone");
	ui_choices_free(ch, n);
	user->role = ROLE_CENTER;
	user->office_id = 0;
	is_int(screen_office_choices(ui, &ch, &n), QD_OK, "the center's");
	ok(n == 11 && strcmp(ch[0].value, "") == 0, "are all ten, after all");
	ui_choices_free(ch, n);
	user->role = ROLE_CLERK;
	ui->db = NULL;
}

int
main(void)
{
	const struct ui_screen	*sp;
	size_t			 si;
	struct qd_user		 user;
	struct ui		 ui;
	sqlite3			*db = NULL;
	char			 dir[] = "/tmp/qd-screens.XXXXXX", path[64];
	char			*why = NULL;

	setlocale(LC_ALL, "C");
	log_open("stderr", LOG_LEVEL_WARN, "test-screens");
	memset(&user, 0, sizeof user);
	user.login = "tester";
	memset(&ui, 0, sizeof ui);
	ui.user = &user;
	if (mkdtemp(dir) == NULL)
		return 1;
	snprintf(path, sizeof path, "%s/s.db", dir);
	ok(db_open(path, DB_CREATE, &db, &why) == QD_OK, "a schema to check "
	    "columns against");
	for (si = 0; (sp = ui_screen_at(si)) != NULL; si++) {
		ok(ui_screen_find(sp->name) == sp, "%s: the one screen of "
		    "that name", sp->name);
		ok(sp->name != NULL && bilingual(sp->title),
		    "%s: titled '%s'", sp->name, sp->title);
		if (sp->nfields > 0)
			test_fields(sp, db);
		if (sp->list != NULL)
			test_list(sp);
		if (sp->text != NULL)
			test_text(sp);
		test_actions(sp, &ui);
		test_hooks(sp);
	}
	test_menu();
	test_office_choices(&ui, &user, db);
	db_close(db);
	free(why);
	unlink(path);
	snprintf(path, sizeof path, "%s/s.db-wal", dir);
	unlink(path);
	snprintf(path, sizeof path, "%s/s.db-shm", dir);
	unlink(path);
	rmdir(dir);
	return done_testing();
}
