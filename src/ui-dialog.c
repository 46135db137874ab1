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

#define UI_DIALOG_MAX_W	200

/*
 * Draw an empty box of w by h at y, x, with title on its top border (may
 * be NULL). The box's rows are blanked across the screen first: a border
 * drawn over half of a Chinese character leaves terminals and curses
 * disagreeing about that cell.
 */
void
ui_dialog_box(int y, int x, int w, int h, const char *title)
{
	char	 rule[UI_DIALOG_MAX_W + 1];
	int	 i;

	if (w > UI_DIALOG_MAX_W)
		w = UI_DIALOG_MAX_W;
	for (i = 0; i < h; i++) {
		move(y + i, 0);
		clrtoeol();
	}
	memset(rule, '-', (size_t)w);
	rule[0] = rule[w - 1] = '+';
	rule[w] = '\0';
	ui_put(y, x, rule, w, A_BOLD, 0);
	if (title != NULL)
		ui_put(y, x + 2, title, w - 4, A_BOLD, 0);
	ui_put(y + h - 1, x, rule, w, A_BOLD, 0);
	for (i = 1; i < h - 1; i++) {
		ui_put(y + i, x, "|", 1, A_BOLD, 0);
		ui_put(y + i, x + 1, "", w - 2, A_NORMAL, 1);
		ui_put(y + i, x + w - 1, "|", 1, A_BOLD, 0);
	}
}

void
ui_dialog_under(struct ui *ui, struct ui_view *v)
{
	if (v != NULL)
		ui_view_draw(ui, v);
	else
		ui_frame_draw(ui, NULL, 0);
	ui->cursor_y = ui->cursor_x = -1;
}

/*
 * Draw the box and its buttons; sel 1 is Yes. A question wider than the
 * screen is wrapped onto as many lines as it needs, so all of it is read
 * before the answer.
 */
static void
ui_dialog_draw(const char *question, int sel)
{
	char	**lines = NULL;
	size_t	  n, i;
	int	  w, h, x, y, bw;

	w = text_width(question) + 6;
	if (w < 36)
		w = 36;
	if (w > COLS - 2)
		w = COLS - 2;
	if (w > UI_DIALOG_MAX_W)
		w = UI_DIALOG_MAX_W;
	n = ui_text_wrap(question, w - 6, &lines);
	h = (int)n + 6 < LINES - 2 ? (int)n + 6 : LINES - 2;
	x = (COLS - w) / 2;
	y = (LINES - h) / 2;
	ui_dialog_box(y, x, w, h, NULL);
	for (i = 0; i < n && (int)i < h - 6; i++)
		ui_put(y + 2 + (int)i, x + 3, lines[i], w - 6, A_NORMAL, 0);
	ui_text_free_lines(lines, n);
	bw = text_width(UI_DIALOG_YES) + 2;
	ui_put(y + h - 3, x + 3, sel ? ">" : " ", 1, A_NORMAL, 0);
	ui_put(y + h - 3, x + 4, UI_DIALOG_YES, bw, sel ? A_REVERSE : A_NORMAL,
	    0);
	ui_put(y + h - 3, x + 6 + bw, !sel ? ">" : " ", 1, A_NORMAL, 0);
	ui_put(y + h - 3, x + 7 + bw, UI_DIALOG_NO, w - 10 - bw,
	    !sel ? A_REVERSE : A_NORMAL, 0);
}

int
ui_dialog_confirm(struct ui *ui, struct ui_view *v, const char *question)
{
	return ui_dialog_ask(ui, v, question, 0);
}

int
ui_dialog_ask(struct ui *ui, struct ui_view *v, const char *question,
    int yes)
{
	int	 key, sel = yes != 0;

	for (;;) {
		ui_dialog_under(ui, v);
		if (!ui_frame_too_small())
			ui_dialog_draw(question, sel);
		key = ui_key_read(ui);
		if (key == 'y' || key == 'Y')
			return 1;
		if (key == 'n' || key == 'N' || key == UI_KEY_BACK ||
		    key == UI_KEY_EXIT)
			return 0;
		if (key == UI_KEY_QUIT) {
			ui->quit = UI_QUIT_USER;
			return 0;
		}
		if (key == UI_KEY_ENTER)
			return sel;
		if (key == UI_KEY_LEFT || key == UI_KEY_RIGHT ||
		    key == UI_KEY_TAB || key == UI_KEY_BTAB)
			sel = !sel;
	}
}

/* Draw the text box: title on the top border, lines from first. */
static void
ui_dialog_text_draw(const char *title, char **lines, size_t n, size_t first,
    int w, int h)
{
	const char	*keys;
	int		 x = (COLS - w) / 2, y = (LINES - h) / 2, i;
	size_t		 l;

	ui_dialog_box(y, x, w, h, title);
	for (i = 1; i < h - 1; i++) {
		l = first + (size_t)i - 1;
		if (l < n)
			ui_put(y + i, x + 2, lines[l], w - 4, A_NORMAL, 0);
	}
	/* The keys on the bottom border, as the title is on the top one. */
	keys = n > (size_t)(h - 2) ? " Up/Down 滚动 Scroll  其他键继续 Any "
	    "other key: go on " : " 任意键继续 Any key: go on ";
	ui_put(y + h - 1, x + 2, keys, w - 4, A_BOLD, 0);
}

void
ui_dialog_show(struct ui *ui, struct ui_view *v, const char *title,
    const char *text)
{
	char	**lines = NULL;
	size_t	  n = 0, first = 0;
	int	  key, w, h, page;

	for (;;) {
		w = COLS - 4 < UI_DIALOG_MAX_W ? COLS - 4 : UI_DIALOG_MAX_W;
		ui_text_free_lines(lines, n);
		n = ui_text_wrap(text, w - 4, &lines);
		h = (int)n + 2 < LINES - 3 ? (int)n + 2 : LINES - 3;
		page = h - 2 > 1 ? h - 2 : 1;
		if (first + (size_t)page > n)
			first = n > (size_t)page ? n - (size_t)page : 0;
		ui_dialog_under(ui, v);
		if (!ui_frame_too_small())
			ui_dialog_text_draw(title, lines, n, first, w, h);
		key = ui_key_read(ui);
		if (key == UI_KEY_DOWN || key == UI_KEY_PGDN)
			first += key == UI_KEY_DOWN ? 1 : (size_t)page;
		else if (key == UI_KEY_UP)
			first = first > 0 ? first - 1 : 0;
		else if (key == UI_KEY_PGUP)
			first = first > (size_t)page ? first - (size_t)page : 0;
		else if (key != UI_KEY_RESIZE)
			break;
	}
	if (key == UI_KEY_QUIT)
		ui->quit = UI_QUIT_USER;
	ui_text_free_lines(lines, n);
}

/* The input box: title, prompt, the field with the cursor, the keys. */
static void
ui_dialog_input_draw(struct ui *ui, const char *title, const char *prompt,
    struct ui_edit *e, int w)
{
	size_t	 start;
	int	 x = (COLS - w) / 2, y = (LINES - 7) / 2, fw = w - 6, lead, cx;

	ui_dialog_box(y, x, w, 7, title);
	ui_put(y + 2, x + 3, prompt, w - 6, A_NORMAL, 0);
	start = ui_edit_view(e, fw, &lead, &cx);
	ui_put(y + 3, x + 3, "", fw, A_REVERSE, 1);
	ui_put(y + 3, x + 3 + lead, e->buf + start, fw - lead, A_REVERSE, 0);
	ui_put(y + 5, x + 3, "Enter 确定 OK   Esc 取消 Cancel", w - 6,
	    A_NORMAL, 0);
	ui->cursor_y = y + 3;
	ui->cursor_x = x + 3 + cx;
}

/* The input box's width: room for prompt, title and a field, at least 40. */
static int
ui_dialog_input_width(const char *title, const char *prompt, int max_chars)
{
	int	 w = 40, need;

	need = text_width(prompt) + 6;
	if (need > w)
		w = need;
	need = title != NULL ? text_width(title) + 6 : 0;
	if (need > w)
		w = need;
	need = max_chars > 0 ? max_chars * 2 + 7 : 60;
	if (need > w)
		w = need;
	if (w > COLS - 2)
		w = COLS - 2;
	return w < UI_DIALOG_MAX_W ? w : UI_DIALOG_MAX_W;
}

int
ui_dialog_input(struct ui *ui, struct ui_view *v, const char *title,
    const char *prompt, const char *initial, int max_chars, char **out)
{
	struct ui_edit	 e;
	int		 key, rc = QD_ENOTFOUND;

	*out = NULL;
	ui_edit_init(&e, NULL, max_chars, max_chars > 0 ?
	    (size_t)max_chars * 4 : 0);
	if (initial != NULL && ui_edit_set(&e, initial) != QD_OK)
		ui_error(ui, "%s", e.why);
	for (;;) {
		ui_dialog_under(ui, v);
		if (!ui_frame_too_small())
			ui_dialog_input_draw(ui, title, prompt, &e,
			    ui_dialog_input_width(title, prompt, max_chars));
		key = ui_key_read(ui);
		if (key == UI_KEY_ENTER) {
			*out = xstrdup(e.buf);
			rc = QD_OK;
			break;
		}
		if (key == UI_KEY_QUIT)
			ui->quit = UI_QUIT_USER;
		if (key == UI_KEY_BACK || key == UI_KEY_EXIT ||
		    key == UI_KEY_QUIT)
			break;
		if (ui_edit_key(&e, key) < 0)
			ui_error(ui, "%s", e.why);
	}
	ui_edit_free(&e);
	return rc;
}
