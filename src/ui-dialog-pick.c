/*
 * The pick dialog: one of a long list of choices (hundreds of rows of a
 * reference table, say) in a box over the screen. What is typed
 * narrows the list to the labels containing it, folded as names are for
 * search (namekey: 配线 finds 配線, case and spaces do not matter); labels
 * wider than the box are cut with a mark, at whole characters.
 */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "qualdesk.h"

#define UI_PICK_FIND_CHARS	32
#define UI_PICK_MAX_W		120

/* A pick dialog while it runs. */
struct ui_pick {
	const struct ui_choice	*choices;
	size_t			 n;
	char			**keys;		/* each label folded */
	size_t			*match;		/* indexes of shown choices */
	size_t			 nmatch;
	size_t			 sel;		/* into match */
	size_t			 first;		/* first shown */
	size_t			 page;		/* choices shown at once */
	struct ui_edit		 find;
};

int
ui_dialog_match(const char *label, const char *typed)
{
	char	*l, *t;
	int	 yes;

	l = namekey(label);
	t = namekey(typed);
	yes = strstr(l, t) != NULL;
	free(l);
	free(t);
	return yes;
}

/* Show the choices whose labels contain what was typed, from the top. */
static void
ui_dialog_pick_filter(struct ui_pick *p)
{
	char	*typed = namekey(p->find.buf);
	size_t	 i;

	p->nmatch = 0;
	for (i = 0; i < p->n; i++) {
		if (strstr(p->keys[i], typed) != NULL)
			p->match[p->nmatch++] = i;
	}
	free(typed);
	p->sel = p->first = 0;
}

/* The box: at least 44 wide, as wide as the widest label if it can be. */
static void
ui_dialog_pick_size(const struct ui_pick *p, int *w, int *h)
{
	size_t	 i;
	int	 lw;

	*w = 44;
	for (i = 0; i < p->n && *w < UI_PICK_MAX_W; i++) {
		if ((lw = text_width(p->choices[i].label) + 8) > *w)
			*w = lw;
	}
	if (*w > COLS - 2)
		*w = COLS - 2;
	if (*w > UI_PICK_MAX_W)
		*w = UI_PICK_MAX_W;
	*h = (int)(p->n < (size_t)LINES ? p->n : (size_t)LINES) + 5;
	if (*h > LINES - 2)
		*h = LINES - 2;
}

/* The lines of choices that fit in a box h high. */
static size_t
ui_dialog_pick_page(int h)
{
	return h > 6 ? (size_t)(h - 5) : 1;
}

/* The search line with the cursor, the choices, the count and keys. */
static void
ui_dialog_pick_draw(struct ui *ui, struct ui_pick *p, const char *title)
{
	char	 foot[96];
	size_t	 page, i, k;
	int	 w, h, x, y, lead, cx, fx;

	ui_dialog_pick_size(p, &w, &h);
	x = (COLS - w) / 2;
	y = (LINES - h) / 2;
	p->page = page = ui_dialog_pick_page(h);
	if (p->sel < p->first)
		p->first = p->sel;
	if (p->sel >= p->first + page)
		p->first = p->sel - page + 1;
	ui_dialog_box(y, x, w, h, title);
	fx = x + 3 + ui_put(y + 1, x + 3, "查找 Find: ", w - 6, A_NORMAL, 0);
	i = ui_edit_view(&p->find, x + w - 3 - fx, &lead, &cx);
	ui_put(y + 1, fx + lead, p->find.buf + i, x + w - 3 - fx - lead,
	    A_NORMAL, 0);
	ui->cursor_y = y + 1;
	ui->cursor_x = fx + cx;
	for (k = 0; k < page && p->first + k < p->nmatch; k++) {
		i = p->match[p->first + k];
		ui_put(y + 2 + (int)k, x + 2, p->first + k == p->sel ? ">" : "",
		    1, A_NORMAL, 1);
		ui_put(y + 2 + (int)k, x + 4, p->choices[i].label, w - 6,
		    p->first + k == p->sel ? A_REVERSE : A_NORMAL, 1);
	}
	if (p->nmatch == 0)
		ui_put(y + 2, x + 4, "没有符合的选项 Nothing matches", w - 7,
		    A_NORMAL, 0);
	snprintf(foot, sizeof foot, "%zu/%zu  Enter 选择 Pick  Esc 取消 Cancel",
	    p->nmatch, p->n);
	ui_put(y + h - 2, x + 3, foot, w - 6, A_NORMAL, 0);
}

/* Move the selection for a key; 1 if it was a moving key. */
static int
ui_dialog_pick_move(struct ui_pick *p, int key)
{
	size_t	 page = p->page > 0 ? p->page : 1, last;

	if (p->nmatch == 0)
		return key == UI_KEY_UP || key == UI_KEY_DOWN ||
		    key == UI_KEY_PGUP || key == UI_KEY_PGDN;
	last = p->nmatch - 1;
	if (key == UI_KEY_UP)
		p->sel = p->sel > 0 ? p->sel - 1 : 0;
	else if (key == UI_KEY_DOWN)
		p->sel = p->sel < last ? p->sel + 1 : last;
	else if (key == UI_KEY_PGUP)
		p->sel = p->sel > page ? p->sel - page : 0;
	else if (key == UI_KEY_PGDN)
		p->sel = p->sel + page < last ? p->sel + page : last;
	else if (key == UI_KEY_HOME)
		p->sel = 0;
	else if (key == UI_KEY_END)
		p->sel = last;
	else
		return 0;
	return 1;
}

/* A key typed into the search; the list narrows or widens. */
static void
ui_dialog_pick_type(struct ui *ui, struct ui_pick *p, int key)
{
	unsigned int	 edits = p->find.edits;

	if (ui_edit_key(&p->find, key) < 0)
		ui_error(ui, "%s", p->find.why);
	if (p->find.edits != edits)
		ui_dialog_pick_filter(p);
}

int
ui_dialog_pick(struct ui *ui, struct ui_view *v, const char *title,
    const struct ui_choice *choices, size_t n, size_t *picked)
{
	struct ui_pick	 p;
	size_t		 i;
	int		 key, rc = QD_ENOTFOUND;

	memset(&p, 0, sizeof p);
	p.choices = choices;
	p.n = n;
	p.match = xcalloc(n > 0 ? n : 1, sizeof *p.match);
	p.keys = xcalloc(n > 0 ? n : 1, sizeof *p.keys);
	for (i = 0; i < n; i++)
		p.keys[i] = namekey(choices[i].label);
	ui_edit_init(&p.find, NULL, UI_PICK_FIND_CHARS, UI_PICK_FIND_CHARS * 4);
	ui_dialog_pick_filter(&p);
	for (;;) {
		ui_dialog_under(ui, v);
		if (!ui_frame_too_small())
			ui_dialog_pick_draw(ui, &p, title);
		key = ui_key_read(ui);
		if (key == UI_KEY_ENTER && p.nmatch > 0) {
			*picked = p.match[p.sel];
			rc = QD_OK;
			break;
		}
		if (key == UI_KEY_QUIT)
			ui->quit = UI_QUIT_USER;
		if (key == UI_KEY_BACK || key == UI_KEY_EXIT ||
		    key == UI_KEY_QUIT)
			break;
		if (!ui_dialog_pick_move(&p, key))
			ui_dialog_pick_type(ui, &p, key);
	}
	ui_edit_free(&p.find);
	for (i = 0; i < n; i++)
		free(p.keys[i]);
	free(p.keys);
	free(p.match);
	return rc;
}
