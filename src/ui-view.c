/*
 * A running screen's values: its fields read and set by column, the
 * selected row. Screens' handlers and hooks work through these, so they
 * never index the engine's arrays themselves. No curses here.
 */
#include <stdlib.h>
#include <string.h>

#include "qualdesk.h"

void
ui_view_init(struct ui *ui, struct ui_view *v, const struct ui_screen *s,
    void *arg)
{
	memset(v, 0, sizeof *v);
	v->screen = s;
	v->arg = arg;
	ui_form_init(ui, v);
}

void
ui_view_free(struct ui_view *v)
{
	const struct ui_screen	*s = v->screen;
	size_t			 i;

	for (i = 0; i < s->nfields; i++) {
		ui_edit_free(&v->state[i].edit);
		ui_choices_free(v->state[i].choices, v->state[i].nchoices);
		free(v->state[i].shown);
	}
	xfree(&v->state);
	ui_rows_clear(&v->rows);
	ui_text_free(v);
}

void *
ui_view_arg(const struct ui_view *v)
{
	return v->arg;
}

/* The index of the field bound to column, or -1. */
static int
ui_view_field(const struct ui_view *v, const char *column)
{
	const struct ui_screen	*s = v->screen;
	size_t			 i;

	for (i = 0; i < s->nfields; i++) {
		if (s->fields[i].column != NULL &&
		    strcmp(s->fields[i].column, column) == 0)
			return (int)i;
	}
	return -1;
}

const char *
ui_view_value(const struct ui_view *v, const char *column)
{
	const struct ui_field_state	*st;
	int				 i;

	if ((i = ui_view_field(v, column)) < 0)
		return "";
	st = &v->state[i];
	switch (v->screen->fields[i].type) {
	case UI_FIELD_TEXT:
		return st->edit.buf;
	case UI_FIELD_CHOICE:
		if (st->choice < st->nchoices)
			return st->choices[st->choice].value;
		return "";
	case UI_FIELD_SHOW:
		return st->shown != NULL ? st->shown : "";
	}
	return "";
}

/* Select the choice whose value is value; QD_EINVAL if none is. */
static int
ui_view_choose(struct ui_field_state *st, const char *value)
{
	size_t	 i;

	for (i = 0; i < st->nchoices; i++) {
		if (strcmp(st->choices[i].value, value) == 0) {
			st->choice = i;
			return QD_OK;
		}
	}
	return QD_EINVAL;
}

int
ui_view_set(struct ui_view *v, const char *column, const char *value)
{
	struct ui_field_state	*st;
	int			 i, changed;

	if ((i = ui_view_field(v, column)) < 0 || value == NULL)
		return QD_EINVAL;
	st = &v->state[i];
	switch (v->screen->fields[i].type) {
	case UI_FIELD_TEXT:
		changed = st->edit.changed;
		if (ui_edit_set(&st->edit, value) != QD_OK)
			return QD_EINVAL;
		st->edit.changed = changed;
		return QD_OK;
	case UI_FIELD_CHOICE:
		return ui_view_choose(st, value);
	case UI_FIELD_SHOW:
		free(st->shown);
		st->shown = xstrdup(value);
		return QD_OK;
	}
	return QD_EINVAL;
}

char *
ui_view_draft_text(const struct ui_view *v)
{
	const struct ui_screen	*s = v->screen;
	const struct ui_field	*f;
	const char		*value;
	char			*text = xstrdup(""), *next;
	size_t			 i;

	for (i = 0; i < s->nfields; i++) {
		f = &s->fields[i];
		if (f->column == NULL || f->type == UI_FIELD_SHOW)
			continue;
		value = ui_view_value(v, f->column);
		if (*value != '\0' && !text_valid(value))
			continue;
		xasprintf(&next, "%s%s\t%s\n", text, f->column, value);
		free(text);
		text = next;
	}
	return text;
}

/* Set one field from a draft's line; QD_EINVAL if its value is refused. */
static int
ui_view_draft_line(struct ui_view *v, const char *line, size_t len)
{
	const char	*tab = memchr(line, '\t', len);
	char		*column, *value;
	int		 i, rc = QD_OK;

	if (tab == NULL)
		return QD_OK;
	column = xstrndup(line, (size_t)(tab - line));
	value = xstrndup(tab + 1, len - (size_t)(tab - line) - 1);
	i = ui_view_field(v, column);
	if (i >= 0 && v->screen->fields[i].type != UI_FIELD_SHOW) {
		rc = ui_view_set(v, column, value);
		v->state[i].edit.changed = 1;
	}
	free(column);
	free(value);
	return rc;
}

int
ui_view_draft_apply(struct ui_view *v, const char *text)
{
	const char	*p = text, *nl;
	size_t		 len;
	int		 rc = QD_OK;

	while (*p != '\0') {
		nl = strchr(p, '\n');
		len = nl != NULL ? (size_t)(nl - p) : strlen(p);
		if (ui_view_draft_line(v, p, len) != QD_OK)
			rc = QD_EINVAL;
		p += len + (nl != NULL);
	}
	v->restored = 1;
	return rc;
}

int
ui_view_mark(struct ui_view *v, int64_t id, int on)
{
	size_t	 i;

	for (i = 0; i < v->rows.n; i++) {
		if (v->rows.ids[i] == id) {
			v->rows.marks[i] = on != 0;
			return QD_OK;
		}
	}
	return QD_ENOTFOUND;
}

const char *
ui_view_row_key(const struct ui_view *v)
{
	if (v->rows.n == 0 || v->sel >= v->rows.n)
		return NULL;
	return v->rows.keys[v->sel];
}

size_t
ui_view_marked(const struct ui_view *v, int64_t **ids)
{
	size_t	 i, n = ui_list_marked(v), k = 0;

	*ids = NULL;
	if (v->rows.n == 0 || v->sel >= v->rows.n)
		return 0;
	if (n == 0) {
		*ids = xmalloc(sizeof **ids);
		(*ids)[0] = v->rows.ids[v->sel];
		return 1;
	}
	*ids = xcalloc(n, sizeof **ids);
	for (i = 0; i < v->rows.n; i++) {
		if (v->rows.marks[i])
			(*ids)[k++] = v->rows.ids[i];
	}
	return n;
}
