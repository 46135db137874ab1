/*
 * Pages of text: the help screen's static lines or what a screen's lines
 * hook makes (a record with its history, say). Lines wider than the screen
 * are wrapped at whole characters by their width in columns, never cut;
 * the page scrolls by keys.
 */
#include <curses.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "qualdesk.h"

void
ui_text_free_lines(char **lines, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
}

/* Append the pieces of one line (len bytes of p) of at most cols. */
static void
ui_text_wrap_line(const char *p, size_t len, int cols, char ***lines,
    size_t *n)
{
	char	*part;
	size_t	 fit;

	do {
		part = xstrndup(p, len);
		fit = text_fit(part, cols);
		if (fit == 0 && len > 0)
			fit = (size_t)text_char_len(part);
		part[fit] = '\0';
		*lines = xreallocarray(*lines, *n + 1, sizeof **lines);
		(*lines)[(*n)++] = part;
		p += fit;
		len -= fit;
	} while (len > 0);
}

size_t
ui_text_wrap(const char *text, int cols, char ***out)
{
	char		**lines = NULL;
	const char	 *p = text, *nl;
	size_t		  n = 0, len;

	while (*p != '\0') {
		nl = strchr(p, '\n');
		len = nl != NULL ? (size_t)(nl - p) : strlen(p);
		ui_text_wrap_line(p, len, cols, &lines, &n);
		p += len;
		if (nl != NULL)
			p++;
	}
	*out = lines;
	return n;
}

void
ui_text_free(struct ui_view *v)
{
	ui_text_free_lines(v->lines, v->nlines);
	v->lines = NULL;
	v->nlines = 0;
	ui_text_free_lines(v->wrapped, v->nwrapped);
	v->wrapped = NULL;
	v->nwrapped = 0;
	v->wrap_cols = 0;
}

int
ui_text_load(struct ui *ui, struct ui_view *v)
{
	char	*why = NULL;
	int	 rc;

	ui_text_free(v);
	if (v->screen->lines == NULL)
		return QD_OK;
	rc = v->screen->lines(ui, v, &v->lines, &v->nlines, &why);
	if (rc != QD_OK) {
		ui_error(ui, "%s", why != NULL ? why : "读取失败 Could not load");
		ui_text_free(v);
	}
	free(why);
	return rc;
}

/* Wrap the page for cols columns unless it is already. */
static void
ui_text_rewrap(struct ui_view *v, int cols)
{
	const char *const	*src;
	char			**part;
	size_t			 i, n, k;

	/* Static text ends at its NULL, made lines at their count. */
	if (v->wrap_cols == cols)
		return;
	ui_text_free_lines(v->wrapped, v->nwrapped);
	v->wrapped = NULL;
	v->nwrapped = 0;
	src = v->screen->lines != NULL ? (const char *const *)v->lines :
	    v->screen->text;
	n = v->screen->lines != NULL ? v->nlines : SIZE_MAX;
	for (i = 0; i < n && src != NULL && src[i] != NULL; i++) {
		if (src[i][0] == '\0') {
			v->wrapped = xreallocarray(v->wrapped, v->nwrapped + 1,
			    sizeof *v->wrapped);
			v->wrapped[v->nwrapped++] = xstrdup("");
			continue;
		}
		k = ui_text_wrap(src[i], cols, &part);
		v->wrapped = xreallocarray(v->wrapped, v->nwrapped + k,
		    sizeof *v->wrapped);
		memcpy(v->wrapped + v->nwrapped, part, k * sizeof *part);
		v->nwrapped += k;
		free(part);
	}
	v->wrap_cols = cols;
}

void
ui_text_draw(struct ui *ui, struct ui_view *v, int top)
{
	int	 n, y, i, page;
	char	 more[64];

	(void)ui;
	ui_text_rewrap(v, COLS - 2);
	n = v->nwrapped > INT_MAX ? INT_MAX : (int)v->nwrapped;
	page = ui_frame_body_bottom() - top + 1;
	v->page = page;
	if (v->scroll > n - page)
		v->scroll = n - page > 0 ? n - page : 0;
	for (i = v->scroll, y = top; i < n && y <= ui_frame_body_bottom();
	    i++, y++)
		ui_put(y, 1, v->wrapped[i], COLS - 2, A_NORMAL, 0);
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
		v->scroll = INT_MAX / 2;
		break;
	default:
		return 0;
	}
	if (v->scroll < 0)
		v->scroll = 0;
	/* The upper bound depends on the height; drawing clamps it. */
	return 1;
}
