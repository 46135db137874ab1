/*
 * Lists: rows of strings under column titles, one row selected (a '>'
 * marker and reverse video, so it shows without colour). Columns take
 * their declared widths at 80 columns and share extra width; the list
 * grows with the height. Moving past the last row loads the next page
 * when the loader says there is one, from the cursor it left (keyset
 * paging: no OFFSET, no rows skipped or repeated when rows are added).
 * In a multi list Space marks rows ('*' in the marker column); marks stay
 * while more pages load and go when the list loads again.
 */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "qualdesk.h"

#define UI_LIST_MARKER	2	/* '>' selected, '*' marked */

void
ui_rows_add(struct ui_rows *r, int64_t id, const char *key,
    const char *const *cells)
{
	size_t	 i;

	r->cells = xreallocarray(r->cells, (r->n + 1) * r->ncols,
	    sizeof *r->cells);
	r->ids = xreallocarray(r->ids, r->n + 1, sizeof *r->ids);
	r->keys = xreallocarray(r->keys, r->n + 1, sizeof *r->keys);
	r->marks = xreallocarray(r->marks, r->n + 1, sizeof *r->marks);
	r->marks[r->n] = 0;
	for (i = 0; i < r->ncols; i++)
		r->cells[r->n * r->ncols + i] =
		    xstrdup(cells[i] != NULL ? cells[i] : "");
	r->ids[r->n] = id;
	r->keys[r->n] = xstrdup(key != NULL ? key : "");
	r->n++;
}

void
ui_rows_clear(struct ui_rows *r)
{
	size_t	 i;

	for (i = 0; i < r->n * r->ncols; i++)
		free(r->cells[i]);
	for (i = 0; i < r->n; i++)
		free(r->keys[i]);
	xfree(&r->cells);
	xfree(&r->ids);
	xfree(&r->keys);
	xfree(&r->marks);
	xfree(&r->cursor);
	r->n = 0;
	r->more = 0;
}

void
ui_rows_set_cursor(struct ui_rows *r, const char *cursor)
{
	free(r->cursor);
	r->cursor = cursor != NULL ? xstrdup(cursor) : NULL;
}

int
ui_list_min_width(const struct ui_list *l)
{
	size_t	 i;
	int	 w = UI_LIST_MARKER;

	for (i = 0; i < l->ncolumns; i++) {
		if (l->columns[i].grow != UI_COLUMN_WIDE)
			w += l->columns[i].width + (i > 0 ? 1 : 0);
	}
	return w;
}

void
ui_list_widths(const struct ui_list *l, int total, int *widths)
{
	size_t	 i, last = 0;
	int	 extra, shares = 0, given = 0;

	extra = total - ui_list_min_width(l);
	/* Wide columns first, in their order, while they fit. */
	for (i = 0; i < l->ncolumns; i++) {
		widths[i] = l->columns[i].width;
		if (l->columns[i].grow != UI_COLUMN_WIDE)
			continue;
		if (extra >= widths[i] + 1)
			extra -= widths[i] + 1;
		else
			widths[i] = 0;
	}
	for (i = 0; i < l->ncolumns; i++) {
		if (l->columns[i].grow > 0 && widths[i] > 0) {
			shares += l->columns[i].grow;
			last = i;
		}
	}
	if (extra <= 0 || shares == 0)
		return;
	for (i = 0; i < l->ncolumns; i++) {
		if (l->columns[i].grow > 0 && widths[i] > 0) {
			widths[i] += extra * l->columns[i].grow / shares;
			given += extra * l->columns[i].grow / shares;
		}
	}
	widths[last] += extra - given;
}

/* Load one more page from the cursor; 1 if rows were added. */
static int
ui_list_more(struct ui *ui, struct ui_view *v)
{
	const struct ui_list	*l = v->screen->list;
	char			*why = NULL, *cursor;
	size_t			 before = v->rows.n;
	int			 rc;

	if (!v->rows.more || v->rows.cursor == NULL)
		return 0;
	v->rows.more = 0;
	cursor = v->rows.cursor;
	v->rows.cursor = NULL;
	rc = l->load(ui, v, &v->rows, cursor, &why);
	free(cursor);
	if (rc != QD_OK) {
		ui_error(ui, "%s", why != NULL ? why : "读取失败 Could not load");
		free(why);
		return 0;
	}
	return v->rows.n > before;
}

/* The row whose key is key, else the one at sel, within the rows. */
static size_t
ui_list_find(const struct ui_rows *r, const char *key, size_t sel)
{
	size_t	 i;

	for (i = 0; key != NULL && i < r->n; i++) {
		if (strcmp(r->keys[i], key) == 0)
			return i;
	}
	if (sel < r->n)
		return sel;
	return r->n > 0 ? r->n - 1 : 0;
}

int
ui_list_load(struct ui *ui, struct ui_view *v)
{
	const struct ui_list	*l = v->screen->list;
	char			*why = NULL, *key = NULL;
	int			 rc;

	if (v->sel < v->rows.n)
		key = xstrdup(v->rows.keys[v->sel]);
	ui_rows_clear(&v->rows);
	v->rows.ncols = l->ncolumns;
	rc = l->load(ui, v, &v->rows, NULL, &why);
	if (rc != QD_OK)
		ui_error(ui, "%s", why != NULL ? why : "读取失败 Could not load");
	free(why);
	/* Back to where the user was: the pages down to the selected row. */
	while (rc == QD_OK && v->rows.n <= v->sel && ui_list_more(ui, v))
		;
	v->sel = ui_list_find(&v->rows, key, v->sel);
	free(key);
	v->loaded = 1;
	return rc;
}

int
ui_list_goto(struct ui *ui, struct ui_view *v, int64_t id)
{
	size_t	 i = 0;

	do {
		for (; i < v->rows.n; i++) {
			if (v->rows.ids[i] == id) {
				v->sel = i;
				return 1;
			}
		}
	} while (ui_list_more(ui, v));
	return 0;
}

size_t
ui_list_marked(const struct ui_view *v)
{
	size_t	 i, n = 0;

	for (i = 0; i < v->rows.n; i++)
		n += v->rows.marks[i] != 0;
	return n;
}

/* Rows that fit between top and the message line. */
static int
ui_list_page(int top)
{
	int	 n = ui_frame_body_bottom() - top + 1;

	return n > 1 ? n : 1;
}

/* One row or the title line, cells at the computed widths. */
static void
ui_list_line(int y, const char *const *cells, size_t n, const int *widths,
    int attr, const char *marker)
{
	size_t	 i;
	int	 x;

	ui_put(y, 0, "", COLS, attr, 1);
	x = ui_put(y, 0, marker, UI_LIST_MARKER, attr, 1);
	for (i = 0; i < n && x < COLS; i++) {
		if (widths[i] == 0)
			continue;
		if (x > UI_LIST_MARKER)
			x += ui_put(y, x, " ", 1, attr, 0);
		x += ui_put(y, x, cells[i], widths[i], attr, 1);
	}
}

/*
 * The position at a level of detail: 0 "第 4 行，共 20+ 行 Row 4 of 20+",
 * 1 "第 4/20+ 行", 2 "4/20+"; each after how many rows are marked.
 */
static void
ui_list_position(const struct ui_view *v, int level, char *buf, size_t len)
{
	const char	*more = v->rows.more ? "+" : "";
	char		 marked[80] = "";
	size_t		 nm = ui_list_marked(v), sel = v->sel + 1, n = v->rows.n;

	if (nm > 0 && level == 0)
		snprintf(marked, sizeof marked, "已标记 %zu Marked %zu  ", nm, nm);
	else if (nm > 0)
		snprintf(marked, sizeof marked, "已标记 %zu  ", nm);
	if (level == 0)
		snprintf(buf, len, "%s第 %zu 行，共 %zu%s 行 Row %zu of %zu%s",
		    marked, sel, n, more, sel, n, more);
	else if (level == 1)
		snprintf(buf, len, "%s第 %zu/%zu%s 行", marked, sel, n, more);
	else
		snprintf(buf, len, "%s%zu/%zu%s", marked, sel, n, more);
}

/*
 * The heading line: the summary on the left, the position on the right
 * in as much detail as fits after left.
 */
static void
ui_list_heading(struct ui *ui, struct ui_view *v, int y, int left)
{
	const struct ui_list	*l = v->screen->list;
	char			 buf[256];
	char			*summary;
	int			 w = 0, level;

	if (l->summary != NULL && (summary = l->summary(ui, v)) != NULL) {
		left = 1 + ui_put(y, 1, summary, COLS - 2, A_NORMAL, 0);
		free(summary);
	}
	if (v->rows.n == 0)
		return;
	for (level = 0; level < 3; level++) {
		ui_list_position(v, level, buf, sizeof buf);
		if ((w = text_width(buf)) <= COLS - left - 3)
			break;
	}
	if (level < 3)
		ui_put(y, COLS - w - 1, buf, w, A_NORMAL, 0);
}

/* Draw the rows from v->top that fit between top and the message line. */
static void
ui_list_rows(struct ui_view *v, int top, const int *widths)
{
	char	 marker[3];
	size_t	 i;
	int	 page, y, attr, sel_attr;

	page = ui_list_page(top);
	v->page = page;
	if (v->sel < v->top)
		v->top = v->sel;
	if (v->sel >= v->top + (size_t)page)
		v->top = v->sel - (size_t)page + 1;
	/* A full page when there are the rows for it (after a reload). */
	if (v->top + (size_t)page > v->rows.n)
		v->top = v->rows.n > (size_t)page ? v->rows.n - (size_t)page : 0;
	/* With the focus on a filter field, the row is bold, not reversed. */
	sel_attr = v->focus < 0 ? (int)A_REVERSE : (int)A_BOLD;
	for (i = v->top, y = top; i < v->rows.n && y < top + page; i++, y++) {
		attr = i == v->sel ? sel_attr : (int)A_NORMAL;
		marker[0] = i == v->sel ? '>' : ' ';
		marker[1] = v->rows.marks[i] ? '*' : ' ';
		marker[2] = '\0';
		ui_list_line(y, (const char *const *)v->rows.cells +
		    i * v->rows.ncols, v->rows.ncols, widths, attr, marker);
	}
}

void
ui_list_draw(struct ui *ui, struct ui_view *v, int top)
{
	const struct ui_list	*l = v->screen->list;
	const char		*titles[32];
	int			 widths[32], left;
	size_t			 i;

	if (l->ncolumns > 32)
		return;
	if (l->title != NULL) {
		ui_put(top, 1, l->title, COLS - 2, A_BOLD, 0);
		top++;
	}
	/* The heading goes on the summary's line, else on a title's. */
	if (l->summary != NULL) {
		left = 1;
		top++;
	} else if (l->title != NULL)
		left = 1 + text_width(l->title);
	else if (v->screen->title_get == NULL)
		left = 1 + text_width(v->screen->title);
	else
		left = COLS / 2;
	ui_list_heading(ui, v, top - 1, left);
	ui_list_widths(l, COLS, widths);
	for (i = 0; i < l->ncolumns; i++)
		titles[i] = l->columns[i].title;
	ui_list_line(top, titles, l->ncolumns, widths, A_BOLD | A_UNDERLINE,
	    "");
	top++;
	if (v->rows.n == 0) {
		ui_put(top, UI_LIST_MARKER, v->loaded && l->empty != NULL ?
		    l->empty : "", COLS - UI_LIST_MARKER, A_NORMAL, 0);
		return;
	}
	ui_list_rows(v, top, widths);
}

int
ui_list_key(struct ui *ui, struct ui_view *v, int key)
{
	size_t	 page = v->page > 1 ? (size_t)v->page : 1;
	size_t	 n = v->rows.n;

	if (n == 0)
		return 0;
	if (v->sel >= n)
		v->sel = n - 1;
	switch (key) {
	case UI_KEY_UP:
		if (v->sel > 0)
			v->sel--;
		return 1;
	case UI_KEY_DOWN:
		if (v->sel + 1 >= n && ui_list_more(ui, v))
			ui_msg(ui, "已加载更多记录 More entries loaded");
		if (v->sel + 1 < v->rows.n)
			v->sel++;
		return 1;
	case UI_KEY_PGUP:
		v->sel = v->sel > page ? v->sel - page : 0;
		return 1;
	case UI_KEY_PGDN:
		if (v->sel + page >= n && ui_list_more(ui, v))
			ui_msg(ui, "已加载更多记录 More entries loaded");
		v->sel = v->sel + page < v->rows.n ? v->sel + page :
		    v->rows.n - 1;
		return 1;
	case UI_KEY_HOME:
		v->sel = 0;
		return 1;
	case UI_KEY_END:
		if (ui_list_more(ui, v)) {
			while (ui_list_more(ui, v))
				;
			ui_msg(ui, "已加载全部记录 All entries loaded");
		}
		v->sel = v->rows.n - 1;
		return 1;
	case ' ':
		if (!v->screen->list->multi)
			return 0;
		v->rows.marks[v->sel] = !v->rows.marks[v->sel];
		/* Marks can be part of what a draft keeps. */
		v->edited = 1;
		/* On to the next row, as a file manager's Insert does. */
		if (v->sel + 1 >= n && ui_list_more(ui, v))
			ui_msg(ui, "已加载更多记录 More entries loaded");
		if (v->sel + 1 < v->rows.n)
			v->sel++;
		return 1;
	}
	return 0;
}
