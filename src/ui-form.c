/*
 * Forms: a column of labelled fields. Text fields use the line editor,
 * choice fields step through their choices, shown fields display a value.
 * The field with the cursor has a '>' marker and reverse video. What was
 * typed stays after a refused save, so the user corrects, not retypes.
 */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "qualdesk.h"

#define UI_FORM_INDENT	2

void
ui_choices_free(struct ui_choice *c, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		free(c[i].value);
		free(c[i].label);
	}
	free(c);
}

/* 1 if field i takes input. */
static int
ui_form_editable(const struct ui_field *f)
{
	return f->type == UI_FIELD_TEXT || f->type == UI_FIELD_CHOICE;
}

void
ui_form_init(struct ui *ui, struct ui_view *v)
{
	const struct ui_screen	*s = v->screen;
	const struct ui_field	*f;
	struct ui_field_state	*st;
	size_t			 i;
	int			 chars;

	v->state = xcalloc(s->nfields > 0 ? s->nfields : 1, sizeof *v->state);
	v->focus = -1;
	for (i = 0; i < s->nfields; i++) {
		f = &s->fields[i];
		st = &v->state[i];
		chars = f->max_chars > 0 ? f->max_chars : f->width;
		ui_edit_init(&st->edit, NULL, chars, f->max_bytes > 0 ?
		    (size_t)f->max_bytes : (size_t)chars * 4);
		if (f->type == UI_FIELD_CHOICE && f->choices != NULL &&
		    f->choices(ui, &st->choices, &st->nchoices) != QD_OK)
			ui_error(ui, "%s: 选项读取失败 could not load the choices",
			    f->label);
		if (f->type == UI_FIELD_SHOW && f->get != NULL)
			st->shown = f->get(ui);
		if (v->focus < 0 && ui_form_editable(f))
			v->focus = (int)i;
	}
	if (s->filter && s->list != NULL)
		v->focus = -1;
}

int
ui_form_label_width(const struct ui_screen *s)
{
	size_t	 i;
	int	 w, max = 0;

	for (i = 0; i < s->nfields; i++) {
		w = text_width(s->fields[i].label) +
		    (s->fields[i].required ? 2 : 0);
		if (w > max)
			max = w;
	}
	return max;
}

int
ui_form_min_width(const struct ui_screen *s)
{
	size_t	 i;
	int	 w, max = 0, x;

	x = UI_FORM_INDENT + ui_form_label_width(s) + 2;
	for (i = 0; i < s->nfields; i++) {
		w = x + s->fields[i].width + 1;
		if (w > max)
			max = w;
	}
	return max;
}

int
ui_form_changed(const struct ui_view *v)
{
	size_t	 i;

	if (v->restored)
		return 1;
	for (i = 0; i < v->screen->nfields; i++) {
		if (v->screen->fields[i].type == UI_FIELD_TEXT &&
		    v->state[i].edit.changed && v->state[i].edit.len > 0)
			return 1;
	}
	return 0;
}

/* Draw a text field's visible part; set the cursor if it has focus. */
static void
ui_form_text(struct ui *ui, struct ui_field_state *st, int y, int x,
    int width, int focus)
{
	size_t	 start;
	int	 lead, cx, attr = focus ? A_REVERSE : A_UNDERLINE;

	start = ui_edit_view(&st->edit, width, &lead, &cx);
	ui_put(y, x, "", width, attr, 1);
	ui_put(y, x + lead, st->edit.buf + start, width - lead, attr, 0);
	/* The part past the field's right edge is cut without a marker. */
	ui_put(y, x + width, " ", 1, A_NORMAL, 0);
	if (focus) {
		ui->cursor_y = y;
		ui->cursor_x = x + cx;
	}
}

/* Draw a choice field: "< label >". */
static void
ui_form_choice(struct ui_field_state *st, int y, int x, int width,
    int focus)
{
	char	*text;

	xasprintf(&text, "< %s >", st->choice < st->nchoices ?
	    st->choices[st->choice].label : "");
	ui_put(y, x, text, width, focus ? A_REVERSE : A_NORMAL, 1);
	free(text);
}

int
ui_form_draw(struct ui *ui, struct ui_view *v, int top)
{
	const struct ui_screen	*s = v->screen;
	const struct ui_field	*f;
	char			*label;
	size_t			 i;
	int			 lw, x, width, y = top, focus;

	lw = ui_form_label_width(s);
	x = UI_FORM_INDENT + lw + 2;
	for (i = 0; i < s->nfields && y <= ui_frame_body_bottom(); i++, y++) {
		f = &s->fields[i];
		focus = (int)i == v->focus;
		xasprintf(&label, "%s%s", f->label, f->required ? " *" : "");
		ui_put(y, 0, focus ? ">" : "", UI_FORM_INDENT, A_NORMAL, 1);
		ui_put(y, UI_FORM_INDENT, label, lw, focus ? A_BOLD : A_NORMAL,
		    1);
		free(label);
		width = f->width;
		if (width > COLS - x - 2)
			width = COLS - x - 2;
		if (f->type == UI_FIELD_TEXT)
			ui_form_text(ui, &v->state[i], y, x, width, focus);
		else if (f->type == UI_FIELD_CHOICE)
			ui_form_choice(&v->state[i], y, x, width, focus);
		else
			ui_put(y, x, v->state[i].shown, COLS - x - 1, A_NORMAL,
			    0);
	}
	/* Above a list that line is the list's. */
	if (v->focus >= 0 && s->list == NULL && y + 1 <= ui_frame_body_bottom())
		ui_put(y + 1, UI_FORM_INDENT, s->fields[v->focus].type ==
		    UI_FIELD_CHOICE ? "左右键或空格选择 Left/Right or Space "
		    "to choose; Tab 下一项 next" : "Tab/Enter 下一项 next field; "
		    "* 必填 required", COLS - UI_FORM_INDENT - 1, A_NORMAL, 0);
	return y + 1;
}

/* Move the focus by dir among editable fields; 0 if at the end. */
static int
ui_form_move(struct ui_view *v, int dir)
{
	const struct ui_screen	*s = v->screen;
	int			 i;

	for (i = v->focus + dir; i >= 0 && i < (int)s->nfields; i += dir) {
		if (ui_form_editable(&s->fields[i])) {
			v->focus = i;
			return 1;
		}
	}
	return 0;
}

/* Choice keys: Left/Right/Space step, a letter jumps to a value. */
static int
ui_form_choice_key(struct ui_field_state *st, int key)
{
	size_t	 i, n = st->nchoices;

	if (n == 0)
		return 0;
	if (key == UI_KEY_RIGHT || key == ' ') {
		st->choice = (st->choice + 1) % n;
		return 1;
	}
	if (key == UI_KEY_LEFT) {
		st->choice = (st->choice + n - 1) % n;
		return 1;
	}
	if (key > 0x20 && key < 0x7f) {
		for (i = 1; i <= n; i++) {
			if (st->choices[(st->choice + i) % n].value[0] == key) {
				st->choice = (st->choice + i) % n;
				return 1;
			}
		}
	}
	return 0;
}

/*
 * From the list, Tab goes to the first field and Shift-Tab to the last;
 * other keys are the list's.
 */
static enum ui_form_did
ui_form_enter(struct ui_view *v, int key)
{
	if (key == UI_KEY_TAB) {
		v->focus = -1;
		if (ui_form_move(v, 1))
			return UI_FORM_USED;
	} else if (key == UI_KEY_BTAB) {
		v->focus = (int)v->screen->nfields;
		if (ui_form_move(v, -1))
			return UI_FORM_USED;
	}
	v->focus = -1;
	return UI_FORM_IGNORED;
}

/*
 * Tab, Down, Shift-Tab, Up: to the next or previous field. Past the last
 * (or first) field Tab and Shift-Tab go into the list, or round when
 * there is none; Down and Up stop.
 */
static enum ui_form_did
ui_form_step(struct ui_view *v, int key)
{
	int	 dir = key == UI_KEY_TAB || key == UI_KEY_DOWN ? 1 : -1;
	int	 tab = key == UI_KEY_TAB || key == UI_KEY_BTAB;

	if (ui_form_move(v, dir) || !tab)
		return UI_FORM_USED;
	if (v->screen->list != NULL)
		v->focus = -1;
	else if (dir > 0) {
		v->focus = -1;
		ui_form_move(v, 1);
	}
	return UI_FORM_USED;
}

/* A key on a choice field; a changed filter loads the list again. */
static enum ui_form_did
ui_form_choice_did(struct ui_view *v, struct ui_field_state *st, int key)
{
	size_t	 before = st->choice;

	if (!ui_form_choice_key(st, key))
		return UI_FORM_IGNORED;
	if (st->choice == before)
		return UI_FORM_USED;
	v->edited = 1;
	return v->screen->filter ? UI_FORM_FILTER : UI_FORM_USED;
}

enum ui_form_did
ui_form_key(struct ui *ui, struct ui_view *v, int key)
{
	const struct ui_field	*f;
	struct ui_field_state	*st;
	unsigned int		 edits;
	int			 r;

	if (v->focus < 0)
		return ui_form_enter(v, key);
	f = &v->screen->fields[v->focus];
	st = &v->state[v->focus];
	if (key == UI_KEY_TAB || key == UI_KEY_DOWN || key == UI_KEY_BTAB ||
	    key == UI_KEY_UP)
		return ui_form_step(v, key);
	if (key == UI_KEY_ENTER) {
		if (v->screen->filter)
			return UI_FORM_FILTER;
		return ui_form_move(v, 1) ? UI_FORM_USED : UI_FORM_SUBMIT;
	}
	if (f->type == UI_FIELD_CHOICE)
		return ui_form_choice_did(v, st, key);
	edits = st->edit.edits;
	r = ui_edit_key(&st->edit, key);
	if (r < 0)
		ui_error(ui, "%s: %s", f->label, st->edit.why);
	if (st->edit.edits != edits) {
		v->edited = 1;
		if (v->screen->filter && v->screen->live)
			return UI_FORM_FILTER;
	}
	return r == 0 ? UI_FORM_IGNORED : UI_FORM_USED;
}

void
ui_form_refresh(struct ui *ui, struct ui_view *v)
{
	const struct ui_field	*f;
	size_t			 i;

	for (i = 0; i < v->screen->nfields; i++) {
		f = &v->screen->fields[i];
		if (f->type != UI_FIELD_SHOW || f->get == NULL)
			continue;
		free(v->state[i].shown);
		v->state[i].shown = f->get(ui);
	}
}

int
ui_form_check(struct ui *ui, struct ui_view *v)
{
	const struct ui_screen	*s = v->screen;
	const struct ui_field	*f;
	const char		*value, *sp;
	char			*why = NULL;
	size_t			 i;

	for (i = 0; i < s->nfields; i++) {
		f = &s->fields[i];
		if (!ui_form_editable(f) || f->column == NULL)
			continue;
		value = ui_view_value(v, f->column);
		if (f->required && value[0] == '\0') {
			sp = strchr(f->label, ' ');
			ui_error(ui, "请填写%.*s%s is required",
			    sp != NULL ? (int)(sp - f->label) : 0, f->label,
			    sp != NULL ? sp : f->label);
			v->focus = (int)i;
			return QD_EINVAL;
		}
		if (f->validate != NULL && value[0] != '\0' &&
		    f->validate(value, &why) != QD_OK) {
			ui_error(ui, "%s", why != NULL ? why : f->label);
			free(why);
			v->focus = (int)i;
			return QD_EINVAL;
		}
	}
	return QD_OK;
}
