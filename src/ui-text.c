/* Pages of text (the help screen): drawn from a line, scrolled by keys. */
#include <curses.h>

#include "qualdesk.h"

/* Lines in the screen's text. */
static int
ui_text_lines(const struct ui_view *v)
{
	int	 n = 0;

	while (v->screen->text[n] != NULL)
		n++;
	return n;
}

void
ui_text_draw(struct ui *ui, struct ui_view *v, int top)
{
	int	 n = ui_text_lines(v), y, i, page;
	char	 more[64];

	(void)ui;
	page = ui_frame_body_bottom() - top + 1;
	v->page = page;
	if (v->scroll > n - page)
		v->scroll = n - page > 0 ? n - page : 0;
	for (i = v->scroll, y = top; i < n && y <= ui_frame_body_bottom();
	    i++, y++)
		ui_put(y, 1, v->screen->text[i], COLS - 2, A_NORMAL, 0);
	if (n > page) {
		snprintf(more, sizeof more, "%d-%d / %d", v->scroll + 1,
		    v->scroll + page < n ? v->scroll + page : n, n);
		ui_put(top - 1, COLS - text_width(more) - 1, more,
		    text_width(more), A_NORMAL, 0);
	}
}

int
ui_text_key(struct ui *ui, struct ui_view *v, int key)
{
	int	 page = v->page > 1 ? v->page : 1;

	(void)ui;
	switch (key) {
	case UI_KEY_UP:
		v->scroll--;
		break;
	case UI_KEY_DOWN:
	case UI_KEY_ENTER:
		v->scroll++;
		break;
	case UI_KEY_PGUP:
		v->scroll -= page;
		break;
	case UI_KEY_PGDN:
	case ' ':
		v->scroll += page;
		break;
	case UI_KEY_HOME:
		v->scroll = 0;
		break;
	case UI_KEY_END:
		v->scroll = ui_text_lines(v);
		break;
	default:
		return 0;
	}
	if (v->scroll < 0)
		v->scroll = 0;
	/* The upper bound depends on the height; drawing clamps it. */
	return 1;
}
