/*
 * Running a screen: open it, load what it shows, then draw it and give
 * each key to where it belongs until the user leaves. Function keys go to
 * the actions first; other keys go to the field with the focus, then to
 * the actions, then to the list or the page of text.
 */
#include <stdlib.h>

#include "qualdesk.h"

/* 1 for F1..F12, which are never typed into a field. */
static int
ui_screen_fn_key(int key)
{
	return key >= UI_KEY_F1 && key <= UI_KEY_F12;
}

/*
 * The action bound to exactly key. NULL if none; *forbidden is set when
 * there is one that the user's role may not use.
 */
static const struct ui_action *
ui_screen_action_exact(struct ui *ui, const struct ui_view *v, int key,
    int *forbidden)
{
	const struct ui_screen	*s = v->screen;
	size_t			 i;

	*forbidden = 0;
	for (i = 0; i < s->nactions; i++) {
		if (s->actions[i].key != key)
			continue;
		if (ui_action_allowed(ui, &s->actions[i]))
			return &s->actions[i];
		*forbidden = 1;
	}
	return NULL;
}

/*
 * The action bound to key, or to the same letter in the other case when
 * none is to this one: Caps Lock or Shift should not make P do nothing.
 */
static const struct ui_action *
ui_screen_action(struct ui *ui, const struct ui_view *v, int key,
    int *forbidden)
{
	const struct ui_action	*a;
	int			 other;

	if ((a = ui_screen_action_exact(ui, v, key, forbidden)) != NULL ||
	    *forbidden)
		return a;
	if (key >= 'a' && key <= 'z')
		other = key - 'a' + 'A';
	else if (key >= 'A' && key <= 'Z')
		other = key - 'A' + 'a';
	else
		return NULL;
	return ui_screen_action_exact(ui, v, other, forbidden);
}

/* Give the draft hook what changed since it last ran, if anything. */
static void
ui_screen_draft(struct ui *ui, struct ui_view *v)
{
	if (v->screen->draft == NULL || !v->edited)
		return;
	v->edited = 0;
	v->screen->draft(ui, v);
}

/* Load what the view shows from the database: its list or its page. */
static void
ui_screen_load(struct ui *ui, struct ui_view *v)
{
	if (v->screen->list != NULL)
		ui_list_load(ui, v);
	if (v->screen->lines != NULL)
		ui_text_load(ui, v);
}

/* The filters changed: load the list again from its first row. */
static void
ui_screen_filter(struct ui *ui, struct ui_view *v)
{
	if (v->screen->list == NULL)
		return;
	ui_rows_clear(&v->rows);
	v->sel = v->top = 0;
	ui_list_load(ui, v);
}

/*
 * Run an action (the form is checked before a save) and do what it asks
 * after. 1 when the screen is to be left.
 */
static int
ui_screen_act(struct ui *ui, struct ui_view *v, const struct ui_action *a)
{
	enum ui_next	 next;

	/* So a handler that saves and deletes the draft has the last word. */
	ui_screen_draft(ui, v);
	if (a->needs_row && ui_view_row_key(v) == NULL) {
		ui_error(ui, "请先选择一行 Select a row first");
		return 0;
	}
	if (!ui_action_enabled(ui, v, a)) {
		ui_error(ui, "当前状态下不能执行此操作 Not available in this "
		    "state");
		return 0;
	}
	if (a->key == UI_KEY_SAVE && ui_form_check(ui, v) != QD_OK)
		return 0;
	next = a->run(ui, v);
	if (next == UI_RELOAD) {
		ui_form_refresh(ui, v);
		ui_screen_load(ui, v);
	}
	return next == UI_CLOSE;
}

/*
 * 1 if the user may leave: a filter, a draft keeps what was typed, or
 * nothing was typed, or they agree to drop it.
 */
static int
ui_screen_may_leave(struct ui *ui, struct ui_view *v)
{
	if (v->screen->filter || v->screen->draft != NULL ||
	    !ui_form_changed(v))
		return 1;
	return ui_dialog_confirm(ui, v,
	    "放弃已输入的内容？ Discard what you typed?");
}

/* Keys every screen shares. 1: handled; *leave is set to go back. */
static int
ui_screen_common_key(struct ui *ui, struct ui_view *v, int key, int *leave)
{
	if (key == UI_KEY_RESIZE)
		return 1;
	if (key == UI_KEY_EXIT || key == UI_KEY_QUIT) {
		if (ui->quit == 0)
			ui->quit = UI_QUIT_USER;
		*leave = 1;
		return 1;
	}
	if (key == UI_KEY_HELP && v->screen != &screen_help) {
		ui_screen_draft(ui, v);
		ui_screen_run(ui, &screen_help);
		return 1;
	}
	if (key == UI_KEY_BACK) {
		*leave = ui_screen_may_leave(ui, v);
		return 1;
	}
	return 0;
}

/*
 * A key for the field with the focus: -1 if the field did not take it,
 * else 1 when the screen is to be left (after Enter saved), 0 otherwise.
 */
static int
ui_screen_field_key(struct ui *ui, struct ui_view *v, int key)
{
	const struct ui_action	*a;
	int			 forbidden;

	switch (ui_form_key(ui, v, key)) {
	case UI_FORM_IGNORED:
		return -1;
	case UI_FORM_USED:
		break;
	case UI_FORM_FILTER:
		ui_screen_filter(ui, v);
		break;
	case UI_FORM_SUBMIT:
		a = ui_screen_action(ui, v, UI_KEY_SAVE, &forbidden);
		if (a != NULL)
			return ui_screen_act(ui, v, a);
		break;
	}
	return 0;
}

/* Handle one key; 1 when the screen is to be left. */
static int
ui_screen_key(struct ui *ui, struct ui_view *v, int key)
{
	const struct ui_screen	*s = v->screen;
	const struct ui_action	*a;
	int			 leave = 0, forbidden, r;

	if (ui_screen_common_key(ui, v, key, &leave))
		return leave;
	if (v->focus >= 0 && !ui_screen_fn_key(key)) {
		if ((r = ui_screen_field_key(ui, v, key)) >= 0)
			return r;
	} else if ((a = ui_screen_action(ui, v, key, &forbidden)) != NULL)
		return ui_screen_act(ui, v, a);
	else if (forbidden) {
		ui_error(ui, "您的角色不能使用此功能 Not permitted for your role");
		return 0;
	} else if (s->nfields > 0 && ui_screen_field_key(ui, v, key) >= 0)
		return 0;
	if (s->text != NULL || s->lines != NULL)
		ui_text_key(ui, v, key);
	else if (s->list != NULL)
		ui_list_key(ui, v, key);
	return 0;
}

/*
 * Run the view's keys until it leaves or the UI quits. While a draft is
 * due the wait for a key is short, and the draft is written when it
 * passes; leaving for any reason writes it too.
 */
static void
ui_screen_loop(struct ui *ui, struct ui_view *v)
{
	int	 leave = 0, key, wait;

	while (!ui->quit && !leave) {
		ui_view_draw(ui, v);
		wait = v->screen->draft != NULL && v->edited ?
		    UI_DRAFT_IDLE_MS : -1;
		if ((key = ui_key_read_timeout(ui, wait)) == UI_KEY_NONE)
			ui_screen_draft(ui, v);
		else
			leave = ui_screen_key(ui, v, key);
	}
	ui_screen_draft(ui, v);
}

void
ui_screen_run_arg(struct ui *ui, const struct ui_screen *s, void *arg)
{
	struct ui_view	 v;

	ui_view_init(ui, &v, s, arg);
	if (s->open != NULL && s->open(ui, &v) != QD_OK) {
		ui_view_free(&v);
		return;
	}
	ui_screen_load(ui, &v);
	ui_screen_loop(ui, &v);
	if (s->close != NULL)
		s->close(ui, &v);
	ui_view_free(&v);
}

void
ui_screen_run(struct ui *ui, const struct ui_screen *s)
{
	ui_screen_run_arg(ui, s, NULL);
}
