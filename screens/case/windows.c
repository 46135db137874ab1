/*
 * An office's window for applicants: the address and service phone the
 * notices tell. The admin opens it from the offices (Enter); the data
 * layer asks "office write" again.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "case/case-screens.h"

/* Filled by the open hook, which knows the office. */
static char *
window_edit_office(struct ui *ui)
{
	(void)ui;
	return xstrdup("");
}

/* One office's window, filled in. */
static int
window_edit_open(struct ui *ui, struct ui_view *v)
{
	struct qd_office_window	*w = NULL;
	char			*why = NULL;

	if (db_office_window(ui->db, *(int64_t *)ui_view_arg(v), &w, &why) !=
	    QD_OK) {
		ui_error(ui, "%s", why != NULL ? why : "没有此办公室 no such"
		    " office");
		free(why);
		return QD_ENOTFOUND;
	}
	ui_view_set(v, "office_id", w->name_zh);
	ui_view_set(v, "address", w->address);
	ui_view_set(v, "phone", w->phone);
	office_window_free(w);
	return QD_OK;
}

static enum ui_next
window_edit_save(struct ui *ui, struct ui_view *v)
{
	char	*why = NULL;
	int	 rc;

	rc = db_office_window_set(ui->db, ui->user,
	    *(int64_t *)ui_view_arg(v), ui_view_value(v, "address"),
	    ui_view_value(v, "phone"), &why);
	if (rc != QD_OK) {
		ui_error(ui, "%s", why != NULL ? why : screen_result_text(rc));
		free(why);
		return UI_STAY;
	}
	ui_msg(ui, "已保存，通知将写明此窗口 Saved; notices tell this window");
	return UI_CLOSE;
}

static const struct ui_field window_edit_fields[] = {
	{ .label = "办公室 Office", .type = UI_FIELD_SHOW, .width = 20,
	  .column = "office_id", .get = window_edit_office },
	{ .label = "窗口地址 Address", .type = UI_FIELD_TEXT, .width = 50,
	  .max_chars = 50, .max_bytes = 200, .column = "address" },
	{ .label = "服务电话 Phone", .type = UI_FIELD_TEXT, .width = 20,
	  .max_chars = 20, .max_bytes = 80, .column = "phone" },
};

static const struct ui_action window_edit_actions[] = {
	{ .key = UI_KEY_SAVE, .label = "保存 Save", .may = "office write",
	  .run = window_edit_save },
};

const struct ui_screen screen_window_edit = {
	.name = "window-edit",
	.title = "办公室窗口 Office window",
	.table = "office_windows",
	.fields = window_edit_fields,
	.nfields = nitems(window_edit_fields),
	.actions = window_edit_actions,
	.nactions = nitems(window_edit_actions),
	.open = window_edit_open,
};
