/*
 * What every module's screens share: choice arrays, the offices to pick
 * from, a clerk's words for a bare result and asking for a day.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "qualdesk.h"

/* Start a choice array of n entries, the first "all" when any is set. */
struct ui_choice *
screen_choices_new(size_t n, const char *any)
{
	struct ui_choice	*ch;

	ch = xcalloc(n + 1, sizeof *ch);
	if (any != NULL) {
		ch[0].value = xstrdup("");
		ch[0].label = xstrdup(any);
	}
	return ch;
}

int
screen_office_choices(struct ui *ui, struct ui_choice **out, size_t *n)
{
	struct qd_office	*o = NULL;
	size_t			 i, no = 0, k = 0;
	int			 rc, own = role_has_office(ui->user->role);

	rc = db_office_list(ui->db, &o, &no);
	/* An office sees only its own records: offer only its own office. */
	*out = screen_choices_new(no, own ? NULL : "全部办公室 All offices");
	k = own ? 0 : 1;
	for (i = 0; i < no; i++) {
		if (own && o[i].id != ui->user->office_id)
			continue;
		xasprintf(&(*out)[k].value, "%" PRId64, o[i].id);
		xasprintf(&(*out)[k].label, "%s %s", o[i].name_zh, o[i].code);
		k++;
	}
	*n = k;
	office_free_array(o, no);
	return rc;
}

/* A clerk's words for a result without a message of its own. */
const char *
screen_result_text(int rc)
{
	switch (rc) {
	case QD_EDENIED:
		return "没有权限 Not permitted";
	case QD_ECONFLICT:
		return "记录已被他人修改 Changed by someone else";
	case QD_ENOTFOUND:
		return "找不到记录 Not found";
	case QD_EINVAL:
		return "输入有误 Check what you typed";
	default:
		return "操作失败 The step failed";
	}
}

int
screen_ask_date(struct ui *ui, struct ui_view *v, const char *title,
    const char *prompt, char **day)
{
	char	 today[11];

	idcheck_today(today);
	if (ui_dialog_input(ui, v, title, prompt, today, 10, day) != QD_OK)
		return QD_ENOTFOUND;
	return QD_OK;
}

void
screen_db_rows(struct ui_rows *rows, const struct db_rows *in,
    const int *pick, size_t npick)
{
	const char	**cells;
	char		  key[24];
	size_t		  r, c;

	cells = xcalloc(npick > 0 ? npick : 1, sizeof *cells);
	for (r = 0; r < in->n; r++) {
		for (c = 0; c < npick; c++)
			cells[c] = db_rows_cell(in, r, (size_t)pick[c]);
		snprintf(key, sizeof key, "%" PRId64, in->ids[r]);
		ui_rows_add(rows, in->ids[r], key, cells);
	}
	free(cells);
}

int
screen_pick_action(struct ui *ui, struct ui_view *v, const char *title,
    const struct db_rows *actions, char **action)
{
	struct ui_choice	*ch;
	size_t			 i, picked;
	int			 rc;

	*action = NULL;
	if (actions->n == 0) {
		ui_error(ui, "当前状态下没有可做的操作 Nothing to do in this"
		    " state");
		return QD_ENOTFOUND;
	}
	ch = screen_choices_new(actions->n, NULL);
	for (i = 0; i < actions->n; i++) {
		ch[i].value = xstrdup(db_rows_cell(actions, i, 0));
		ch[i].label = xstrdup(db_rows_cell(actions, i, 1));
	}
	if ((rc = ui_dialog_pick(ui, v, title, ch, actions->n, &picked)) ==
	    QD_OK)
		*action = xstrdup(ch[picked].value);
	ui_choices_free(ch, actions->n);
	return rc;
}
