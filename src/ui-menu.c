/*
 * The main menu: one group a module (案件 Cases, 证书 Certificates ...)
 * with the items of it the user's role sees, then help and quit. The
 * groups stand on the left, the highlighted group's items on the right
 * (one pane at a time on a narrow terminal). A digit picks a group, a
 * letter opens its item from anywhere, so every item is one key away
 * from its group and the letters people know stay as they were; inside
 * a group a digit opens its item of that number (the only key of an
 * item without a letter). The
 * modules' greetings fill an empty message line as the menu opens and
 * whenever it comes back.
 */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "qualdesk.h"

/* Both panes side by side from this width on. */
#define UI_MENU_WIDE_COLS	64

/* A group as shown: a module's label and the items the role sees. */
struct ui_menu_group {
	const char			 *label;
	int				  key;		/* '1'-'9', '0', 'h', 'q' */
	const struct ui_menu_item	**items;
	size_t				  nitems;
	int				  screen_only;	/* help: no items */
	int				  quit;
};
struct ui_menu {
	struct ui_menu_group	*groups;
	size_t			 ngroups;
	size_t			 group;		/* highlighted group */
	size_t			 item;		/* highlighted item in it */
	int			 inside;	/* the focus is on the items */
};

static const struct ui_menu_item ui_menu_help = {
	.key = 'h', .label = "帮助 Help", .roles = UI_ROLES_ALL,
	.screen = &screen_help
};
static const struct ui_menu_item ui_menu_quit = {
	.key = 'q', .label = "退出 Quit", .roles = UI_ROLES_ALL, .screen = NULL
};

size_t
ui_menu_visible(enum qd_role role, const struct ui_menu_item **out,
    size_t max)
{
	const struct qd_module *const	*m;
	const struct ui_menu_item	*it;
	size_t				 n = 0;

	for (m = qd_modules; *m != NULL; m++) {
		if ((*m)->menu == NULL)
			continue;
		for (it = (*m)->menu; it->key != 0 && n < max; it++) {
			if (ui_menu_item_roles(it) & UI_ROLE(role))
				out[n++] = it;
		}
	}
	if (n < max)
		out[n++] = &ui_menu_help;
	if (n < max)
		out[n++] = &ui_menu_quit;
	return n;
}

/* Add a group of n items (copied pointers) to menu. */
static struct ui_menu_group *
ui_menu_add(struct ui_menu *menu, const char *label, int key)
{
	struct ui_menu_group	*g;

	menu->groups = xreallocarray(menu->groups, menu->ngroups + 1,
	    sizeof *menu->groups);
	g = &menu->groups[menu->ngroups++];
	memset(g, 0, sizeof *g);
	g->label = label;
	g->key = key;
	return g;
}

/* The groups role sees: modules with a visible item, then help, quit. */
static void
ui_menu_build(struct ui_menu *menu, enum qd_role role)
{
	const struct qd_module *const	*m;
	const struct ui_menu_item	*it;
	struct ui_menu_group		*g;

	memset(menu, 0, sizeof *menu);
	for (m = qd_modules; *m != NULL; m++) {
		g = NULL;
		for (it = (*m)->menu; it != NULL && it->key != 0; it++) {
			if (!(ui_menu_item_roles(it) & UI_ROLE(role)))
				continue;
			if (g == NULL)
				g = ui_menu_add(menu, (*m)->label,
				    menu->ngroups < 9 ?
				    (int)('1' + menu->ngroups) :
				    menu->ngroups == 9 ? '0' : 0);
			g->items = xreallocarray(g->items, g->nitems + 1,
			    sizeof *g->items);
			g->items[g->nitems++] = it;
		}
	}
	g = ui_menu_add(menu, ui_menu_help.label, 'h');
	g->screen_only = 1;
	g = ui_menu_add(menu, ui_menu_quit.label, 'q');
	g->quit = 1;
}

static void
ui_menu_free(struct ui_menu *menu)
{
	size_t	 i;

	for (i = 0; i < menu->ngroups; i++)
		free(menu->groups[i].items);
	free(menu->groups);
	memset(menu, 0, sizeof *menu);
}

/* Columns of the widest label among n, at least min. */
static int
ui_menu_label_width(const char *const *labels, size_t n, int min)
{
	size_t	 i;
	int	 w = min;

	for (i = 0; i < n; i++) {
		if (text_width(labels[i]) > w)
			w = text_width(labels[i]);
	}
	return w;
}

/* Draw the groups from line y at column x, lw columns of label. */
static void
ui_menu_draw_groups(const struct ui_menu *menu, int y, int x, int lw,
    int cols)
{
	const struct ui_menu_group	*g;
	char				 head[8];
	size_t				 i;
	int				 attr, sel;

	for (i = 0; i < menu->ngroups && y <= ui_frame_body_bottom();
	    i++, y++) {
		g = &menu->groups[i];
		sel = i == menu->group;
		attr = sel && !menu->inside ? A_REVERSE :
		    sel ? A_BOLD : A_NORMAL;
		snprintf(head, sizeof head, "%c %c  ", sel ? '>' : ' ',
		    g->key != 0 ? g->key : ' ');
		ui_put(y, x, head, cols, attr, 0);
		ui_put(y, x + 5, g->label, lw < cols - 5 ? lw : cols - 5,
		    attr, 1);
	}
}

/* Draw the highlighted group's items from line y at column x. */
static void
ui_menu_draw_items(const struct ui_menu *menu, int y, int x, int cols)
{
	const struct ui_menu_group	*g = &menu->groups[menu->group];
	char				 head[8];
	size_t				 i;
	int				 attr, sel;

	for (i = 0; i < g->nitems && y <= ui_frame_body_bottom(); i++, y++) {
		sel = menu->inside && i == menu->item;
		attr = sel ? A_REVERSE : A_NORMAL;
		/* Letterless items go by their number in the group. */
		snprintf(head, sizeof head, "%c %c  ", sel ? '>' : ' ',
		    g->items[i]->key != UI_MENU_NOKEY ? g->items[i]->key :
		    i < 9 ? (int)('1' + i) : ' ');
		ui_put(y, x, head, cols, attr, 0);
		ui_put(y, x + 5, g->items[i]->label, cols - 5, attr, 1);
	}
}

static void
ui_menu_draw(struct ui *ui, const struct ui_menu *menu)
{
	static const struct ui_keybar_item keys[] = {
		{ UI_KEY_HELP, "帮助 Help" },
		{ UI_KEY_ENTER, "打开 Open" },
		{ UI_KEY_BACK, "返回 Back" },
		{ UI_KEY_QUIT, "退出 Quit" },
	};
	const char	**labels;
	size_t		  i;
	int		  top = ui_frame_body_top(), y, lw, wide, gx = 2, ix;

	if (ui_frame_draw(ui, keys, nitems(keys)) != 0)
		return;
	ui_put(top, 1, "主菜单 Main menu", COLS - 2, A_BOLD, 0);
	labels = xcalloc(menu->ngroups, sizeof *labels);
	for (i = 0; i < menu->ngroups; i++)
		labels[i] = menu->groups[i].label;
	lw = ui_menu_label_width(labels, menu->ngroups, 8);
	free(labels);
	y = top + 2;
	wide = COLS >= UI_MENU_WIDE_COLS;
	ix = gx + 5 + lw + 3;
	if (wide || !menu->inside)
		ui_menu_draw_groups(menu, y, gx, lw, (wide ? ix : COLS) - gx - 1);
	if (wide)
		ui_menu_draw_items(menu, y, ix, COLS - ix - 1);
	else if (menu->inside) {
		ui_put(y, gx, menu->groups[menu->group].label, COLS - gx - 1,
		    A_BOLD, 0);
		ui_menu_draw_items(menu, y + 1, gx, COLS - gx - 1);
	}
	y += (int)menu->ngroups + 1;
	if (y <= ui_frame_body_bottom())
		ui_put(y, gx, "数字选组，字母直达 A number opens a group, a "
		    "letter its item", COLS - gx - 1, A_NORMAL, 0);
}

/* Put the modules' greeting on the message line unless it holds news. */
static void
ui_menu_greet(struct ui *ui)
{
	const struct qd_module *const	*m;
	char				*text = NULL;

	if (ui->quit || ui->msg[0] != '\0')
		return;
	for (m = qd_modules; *m != NULL && text == NULL; m++) {
		if ((*m)->greeting != NULL)
			text = (*m)->greeting(ui);
	}
	if (text != NULL)
		ui_msg(ui, "%s", text);
	free(text);
}

/* Open an item; quitting has no confirmation. */
static void
ui_menu_open(struct ui *ui, const struct ui_menu_item *item)
{
	if (item->screen == NULL)
		ui->quit = UI_QUIT_USER;
	else {
		ui_screen_run(ui, item->screen);
		ui_menu_greet(ui);
	}
}

/* Enter a group: open help, quit, or a lone item; else show its items. */
static void
ui_menu_enter(struct ui *ui, struct ui_menu *menu)
{
	struct ui_menu_group	*g = &menu->groups[menu->group];

	if (g->quit)
		ui->quit = UI_QUIT_USER;
	else if (g->screen_only)
		ui_menu_open(ui, &ui_menu_help);
	else if (g->nitems == 1)
		ui_menu_open(ui, g->items[0]);
	else if (!menu->inside) {
		menu->inside = 1;
		menu->item = 0;
	} else
		ui_menu_open(ui, g->items[menu->item]);
}

/* Move within the pane with the focus for an arrow or paging key. */
static int
ui_menu_move(struct ui_menu *menu, int key)
{
	size_t	*sel, n;

	if (menu->inside) {
		sel = &menu->item;
		n = menu->groups[menu->group].nitems;
	} else {
		sel = &menu->group;
		n = menu->ngroups;
	}
	if (key == UI_KEY_UP || key == UI_KEY_BTAB)
		*sel = *sel > 0 ? *sel - 1 : n - 1;
	else if (key == UI_KEY_DOWN || key == UI_KEY_TAB)
		*sel = *sel + 1 < n ? *sel + 1 : 0;
	else if (key == UI_KEY_HOME || key == UI_KEY_PGUP)
		*sel = 0;
	else if (key == UI_KEY_END || key == UI_KEY_PGDN)
		*sel = n - 1;
	else
		return 0;
	return 1;
}

/*
 * A typed character: a group's digit (or h, 0) enters it; an item's
 * letter opens it, from whichever group; q quits. 0 if it is none.
 */
static int
ui_menu_pick(struct ui *ui, struct ui_menu *menu, int key)
{
	struct ui_menu_group	*g;
	size_t			 i, j;

	if (key >= 'A' && key <= 'Z')
		key += 'a' - 'A';
	/* Inside a group a digit is its item of that number. */
	g = &menu->groups[menu->group];
	if (menu->inside && key >= '1' && key <= '9' &&
	    (size_t)(key - '1') < g->nitems) {
		menu->item = (size_t)(key - '1');
		ui_menu_open(ui, g->items[menu->item]);
		return 1;
	}
	for (i = 0; i < menu->ngroups; i++) {
		g = &menu->groups[i];
		for (j = 0; j < g->nitems; j++) {
			if (g->items[j]->key != key)
				continue;
			menu->group = i;
			menu->item = j;
			ui_menu_open(ui, g->items[j]);
			return 1;
		}
	}
	if (key == ui_menu_quit.key) {
		ui->quit = UI_QUIT_USER;
		return 1;
	}
	for (i = 0; i < menu->ngroups; i++) {
		if (menu->groups[i].key != key)
			continue;
		menu->group = i;
		menu->inside = 0;
		ui_menu_enter(ui, menu);
		return 1;
	}
	return 0;
}

void
ui_menu_run(struct ui *ui)
{
	struct ui_menu	 menu;
	int		 key;

	ui_menu_build(&menu, ui->user->role);
	ui_menu_greet(ui);
	while (!ui->quit) {
		ui_menu_draw(ui, &menu);
		key = ui_key_read(ui);
		if (key == UI_KEY_EXIT || key == UI_KEY_QUIT)
			break;
		if (key == UI_KEY_RESIZE || ui_menu_move(&menu, key))
			continue;
		if (key == UI_KEY_HELP) {
			ui_screen_run(ui, &screen_help);
			ui_menu_greet(ui);
		} else if (key == UI_KEY_ENTER ||
		    (key == UI_KEY_RIGHT && !menu.inside))
			ui_menu_enter(ui, &menu);
		else if ((key == UI_KEY_BACK || key == UI_KEY_LEFT) &&
		    menu.inside)
			menu.inside = 0;
		else if (key == UI_KEY_BACK)
			ui_msg(ui, "按 F10 或 q 退出 Press F10 or q to quit");
		else
			ui_menu_pick(ui, &menu, key);
	}
	ui_menu_free(&menu);
}
