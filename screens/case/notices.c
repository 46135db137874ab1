/*
 * The notices to applicants (通知台胞) as an outbox: when, which case, how,
 * the words, and whether the delivery command sent them. A notice that
 * was only recorded or failed can be sent again (F5) when a delivery
 * command is configured.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "case/case-screens.h"

#define NOTICES_PAGE	100

static const struct ui_column notices_columns[] = {
	{ .title = "时间 Time", .width = 16 },
	{ .title = "案件 No", .width = 7 },
	{ .title = "台胞 Name", .width = 10 },
	{ .title = "方式 How", .width = 8 },
	{ .title = "状态 Status", .width = 15 },
	{ .title = "内容 Text", .width = 14, .grow = 1 },
};

/* Each row's key is the notice's status, for the resend action. */
static int
notices_load(struct ui *ui, struct ui_view *v, struct ui_rows *rows,
    const char *cursor, char **why)
{
	struct qd_notice	*e = NULL;
	const char		*cells[6];
	char			 at[32], id[24], before[24];
	size_t			 i, n = 0;
	int			 rc;

	(void)v;
	rc = db_notice_list(ui->db, ui->user, 0, cursor != NULL ?
	    strtoll(cursor, NULL, 10) : 0, NOTICES_PAGE, &e, &n, why);
	if (rc != QD_OK)
		return rc;
	for (i = 0; i < n; i++) {
		snprintf(id, sizeof id, "%" PRId64, e[i].case_id);
		ui_time(e[i].recorded_at, at, sizeof at);
		at[16] = '\0';
		cells[0] = at;
		cells[1] = id;
		cells[2] = e[i].applicant_name;
		cells[3] = notice_channel_label(e[i].channel);
		cells[4] = notice_status_label(e[i].status);
		cells[5] = e[i].text;
		ui_rows_add(rows, e[i].id, e[i].status, cells);
	}
	rows->more = n == NOTICES_PAGE;
	if (rows->more) {
		snprintf(before, sizeof before, "%" PRId64, e[n - 1].id);
		ui_rows_set_cursor(rows, before);
	}
	notice_rows_free(e, n);
	return QD_OK;
}

/* The whole notice, with the delivery command's answer. */
static enum ui_next
notices_show(struct ui *ui, struct ui_view *v)
{
	struct qd_notice	*e = NULL;
	char			*why = NULL, *text, at[32];
	size_t			 n = 0;
	int64_t			 id = v->rows.ids[v->sel];

	if (db_notice_list(ui->db, ui->user, 0, id + 1, 1, &e, &n, &why) !=
	    QD_OK || n != 1 || e[0].id != id) {
		ui_error(ui, "%s", why != NULL ? why : "找不到 Not found");
		free(why);
		notice_rows_free(e, n);
		return UI_STAY;
	}
	xasprintf(&text, "案件 Case %" PRId64 "  %s\n%s  %s  %s\n%s\n\n%s"
	    "%s%s", e[0].case_id, e[0].applicant_name,
	    ui_time(e[0].recorded_at, at, sizeof at),
	    notice_channel_label(e[0].channel), e[0].recorded_by,
	    notice_status_label(e[0].status), e[0].text,
	    *e[0].detail != '\0' ? "\n\n" : "", e[0].detail);
	ui_dialog_show(ui, v, "通知 Notice", text);
	free(text);
	notice_rows_free(e, n);
	return UI_STAY;
}

/* Resend only what was not sent, and only with a command to send it. */
static int
notices_unsent(struct ui *ui, struct ui_view *v, const struct ui_action *a)
{
	const char	*status = ui_view_row_key(v);

	(void)a;
	return ui->cfg != NULL && ui->cfg->notify_command != NULL &&
	    status != NULL && strcmp(status, "sent") != 0;
}

static enum ui_next
notices_resend(struct ui *ui, struct ui_view *v)
{
	char	*why = NULL;
	int	 rc;

	rc = notice_deliver(ui->db, ui->user, ui->cfg, v->rows.ids[v->sel],
	    &why);
	if (rc == QD_OK)
		ui_msg(ui, "已发送 Sent");
	else
		ui_error(ui, "%s", why != NULL ? why : screen_result_text(rc));
	free(why);
	return UI_RELOAD;
}

static const struct ui_action notices_actions[] = {
	{ .key = UI_KEY_ENTER, .label = "查看 Show", .roles = UI_ROLES_ALL,
	  .needs_row = 1, .run = notices_show },
	{ .key = UI_KEY_F(5), .label = "重发 Resend", .name = "resend",
	  .roles = UI_ROLES_OFFICE, .needs_row = 1, .enabled = notices_unsent,
	  .run = notices_resend },
};

static const struct ui_list notices_list = {
	.columns = notices_columns,
	.ncolumns = nitems(notices_columns),
	.load = notices_load,
	.empty = "没有通知记录 No notices yet",
};

const struct ui_screen screen_notices = {
	.name = "notices",
	.title = "通知记录 Notices to applicants",
	.list = &notices_list,
	.actions = notices_actions,
	.nactions = nitems(notices_actions),
};
