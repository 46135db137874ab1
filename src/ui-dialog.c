/*
 * Dialogs over the current screen: a box of plain ASCII lines (box-drawing
 * characters are ambiguous-width and some clients draw them as letters).
 */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "qualdesk.h"

#define UI_DIALOG_YES	"是 Yes (Y)"
#define UI_DIALOG_NO	"否 No (N)"

/* Draw the box and its buttons; sel 1 is Yes. */
static void
ui_dialog_draw(const char *question, int sel)
{
	char	 rule[256];
	int	 w, h = 7, x, y, i, bw;

	w = text_width(question) + 6;
	if (w < 36)
		w = 36;
	if (w > COLS - 2)
		w = COLS - 2;
	if (w > (int)sizeof rule - 1)
		w = (int)sizeof rule - 1;
	x = (COLS - w) / 2;
	y = (LINES - h) / 2;
	/*
	 * Blank the box's rows across the screen first: a border drawn over
	 * half of a Chinese character leaves terminals and curses disagreeing
	 * about that cell.
	 */
	for (i = 0; i < h; i++) {
		move(y + i, 0);
		clrtoeol();
	}
	memset(rule, '-', (size_t)w);
	rule[0] = rule[w - 1] = '+';
	rule[w] = '\0';
	ui_put(y, x, rule, w, A_BOLD, 0);
	ui_put(y + h - 1, x, rule, w, A_BOLD, 0);
	for (i = 1; i < h - 1; i++) {
		ui_put(y + i, x, "|", 1, A_BOLD, 0);
		ui_put(y + i, x + 1, "", w - 2, A_NORMAL, 1);
		ui_put(y + i, x + w - 1, "|", 1, A_BOLD, 0);
	}
	ui_put(y + 2, x + 3, question, w - 6, A_NORMAL, 0);
	bw = text_width(UI_DIALOG_YES) + 2;
	ui_put(y + 4, x + 3, sel ? ">" : " ", 1, A_NORMAL, 0);
	ui_put(y + 4, x + 4, UI_DIALOG_YES, bw, sel ? A_REVERSE : A_NORMAL, 0);
	ui_put(y + 4, x + 6 + bw, !sel ? ">" : " ", 1, A_NORMAL, 0);
	ui_put(y + 4, x + 7 + bw, UI_DIALOG_NO, w - 10 - bw,
	    !sel ? A_REVERSE : A_NORMAL, 0);
}

int
ui_dialog_confirm(struct ui *ui, struct ui_view *v, const char *question)
{
	int	 key, sel = 0;

	for (;;) {
		ui_view_draw(ui, v);
		ui->cursor_y = ui->cursor_x = -1;
		if (!ui_frame_too_small())
			ui_dialog_draw(question, sel);
		key = ui_key_read(ui);
		if (key == 'y' || key == 'Y')
			return 1;
		if (key == 'n' || key == 'N' || key == UI_KEY_BACK ||
		    key == UI_KEY_EXIT)
			return 0;
		if (key == UI_KEY_QUIT) {
			ui->quit = 1;
			return 0;
		}
		if (key == UI_KEY_ENTER)
			return sel;
		if (key == UI_KEY_LEFT || key == UI_KEY_RIGHT ||
		    key == UI_KEY_TAB || key == UI_KEY_BTAB)
			sel = !sel;
	}
}
