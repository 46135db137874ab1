/*
 * The main menu: the items of screens/menu.c that the user's role sees,
 * chosen with the arrows and Enter, by number or by the item's letter.
 * The screens' greeting, if they have one for the user, fills an empty
 * message line as the menu opens and whenever it comes back.
 */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "qualdesk.h"

#define UI_MENU_MAX	16

size_t
ui_menu_visible(enum qd_role role, const struct ui_menu_item **out,
    size_t max)
{
	size_t	 i, n = 0;

	for (i = 0; i < ui_menu_nitems && n < max; i++) {
		if (ui_menu_items[i].roles & UI_ROLE(role))
			out[n++] = &ui_menu_items[i];
	}
	return n;
}

/* Draw one item: marker, number, label padded to lw, letter. */
static void
ui_menu_item_draw(const struct ui_menu_item *item, size_t i, int y, int lw,
    int selected)
{
	char	 head[16], key[8];
	int	 x = 4, attr = selected ? A_REVERSE : A_NORMAL;

	/* Digits 1-9 and 0 for quit; later items are chosen by letter. */
	if (item->screen == NULL)
		snprintf(head, sizeof head, "%c 0  ", selected ? '>' : ' ');
	else if (i < 9)
		snprintf(head, sizeof head, "%c %zu  ", selected ? '>' : ' ',
		    i + 1);
	else
		snprintf(head, sizeof head, "%c    ", selected ? '>' : ' ');
	snprintf(key, sizeof key, "  (%c) ", item->key);
	x += ui_put(y, x, head, COLS - x - 1, attr, 0);
	x += ui_put(y, x, item->label, lw < COLS - x - 1 ? lw : COLS - x - 1,
	    attr, 1);
	ui_put(y, x, key, COLS - x - 1, attr, 0);
}

/* Draw the menu with item sel selected. */
static void
ui_menu_draw(struct ui *ui, const struct ui_menu_item **items, size_t n,
    size_t sel)
{
	static const struct ui_keybar_item keys[] = {
		{ UI_KEY_HELP, "帮助 Help" },
		{ UI_KEY_ENTER, "打开 Open" },
		{ UI_KEY_QUIT, "退出 Quit" },
	};
	size_t	 i;
	int	 top = ui_frame_body_top(), y, lw = 0;

	if (ui_frame_draw(ui, keys, sizeof keys / sizeof keys[0]) != 0)
		return;
	ui_put(top, 1, "主菜单 Main menu", COLS - 2, A_BOLD, 0);
	for (i = 0; i < n; i++) {
		if (text_width(items[i]->label) > lw)
			lw = text_width(items[i]->label);
	}
	/* A blank line under the heading only when every item still fits. */
	y = top + (ui_frame_body_bottom() - top >= (int)n + 1 ? 2 : 1);
	for (i = 0; i < n && y <= ui_frame_body_bottom(); i++, y++)
		ui_menu_item_draw(items[i], i, y, lw, i == sel);
	if (y + 1 <= ui_frame_body_bottom())
		ui_put(y + 1, 4, "用方向键和 Enter，或按数字/字母 "
		    "Arrows and Enter, or a number or letter", COLS - 5,
		    A_NORMAL, 0);
}

/* The item a typed character chooses: its number or its letter. */
static int
ui_menu_pick(const struct ui_menu_item **items, size_t n, int key)
{
	size_t	 i;

	if (key >= 'A' && key <= 'Z')
		key += 'a' - 'A';
	for (i = 0; i < n; i++) {
		if (key == items[i]->key || (items[i]->screen != NULL &&
		    key == (int)('1' + i) && i < 9) ||
		    (items[i]->screen == NULL && key == '0'))
			return (int)i;
	}
	return -1;
}

/* Move the selection for an arrow or paging key. 1 if it was one. */
static int
ui_menu_move(size_t n, size_t *sel, int key)
{
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

/* Put the screens' greeting on the message line unless it holds news. */
static void
ui_menu_greet(struct ui *ui)
{
	char	*text;

	if (ui_menu_greeting == NULL || ui->quit || ui->msg[0] != '\0')
		return;
	if ((text = ui_menu_greeting(ui)) != NULL)
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

void
ui_menu_run(struct ui *ui)
{
	const struct ui_menu_item	*items[UI_MENU_MAX];
	size_t				 n, sel = 0;
	int				 key, pick;

	n = ui_menu_visible(ui->user->role, items, UI_MENU_MAX);
	ui_menu_greet(ui);
	while (!ui->quit && n > 0) {
		ui_menu_draw(ui, items, n, sel);
		key = ui_key_read(ui);
		if (key == UI_KEY_EXIT || key == UI_KEY_QUIT)
			break;
		if (key == UI_KEY_RESIZE || ui_menu_move(n, &sel, key))
			continue;
		if (key == UI_KEY_HELP) {
			ui_screen_run(ui, &screen_help);
			ui_menu_greet(ui);
		} else if (key == UI_KEY_ENTER)
			ui_menu_open(ui, items[sel]);
		else if (key == UI_KEY_BACK)
			ui_msg(ui, "按 F10 或 q 退出 Press F10 or q to quit");
		else if ((pick = ui_menu_pick(items, n, key)) >= 0) {
			sel = (size_t)pick;
			ui_menu_open(ui, items[sel]);
		}
	}
}
