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
