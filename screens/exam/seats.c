/*
 * A plan's seats: its sittings' registrations (an office sees its own),
 * seats and the waiting list in order, with results once recorded. The
 * office registers a person (F4), cancels a registration (F6), records
 * that it told the person (F8) and prints a ticket (P, through the
 * terminal's printer when the user turned that on). Also the exam
 * notices: each office's inbox.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <curses.h>

#include "exam/exam-screens.h"
#include "cert/cert.h"

#define SEATS_PAGE	200

static const struct ui_column seats_columns[] = {
	{ .title = "报名 No", .width = 7 },
	{ .title = "台胞 Name", .width = 9, .grow = 1 },
	{ .title = "办公室 Office", .width = 13 },
	{ .title = "考场 Sitting", .width = 12, .grow = 1 },
	{ .title = "状态 Status", .width = 11 },
	{ .title = "座位 Seat", .width = 9 },
	{ .title = "成绩 Result", .width = 11 },
};

static const char *
seats_status_label(const char *status)
{
	if (strcmp(status, "seated") == 0)
		return "已就座 Seated";
	if (strcmp(status, "waiting") == 0)
		return "候补 Waiting";
	return "已取消 Cancelled";
}

static char *
seats_title(struct ui *ui, struct ui_view *v)
{
	const int64_t	*plan = ui_view_arg(v);
	char		*s;

	(void)ui;
	xasprintf(&s, "考试计划 %" PRId64 " 座位 Seats of plan %" PRId64,
	    *plan, *plan);
	return s;
}

static int
seats_load(struct ui *ui, struct ui_view *v, struct ui_rows *rows,
    const char *cursor, char **why)
{
	const int64_t		*plan = ui_view_arg(v);
	struct qd_exam_seat	*s = NULL;
	const char		*cells[7];
	char			 id[24], seat[32], result[64], next[24];
	size_t			 i, n = 0;
	int			 rc;

	rc = db_exam_seat_list(ui->db, ui->user, *plan, cursor != NULL ?
	    strtoll(cursor, NULL, 10) : 0, SEATS_PAGE, &s, &n, why);
	if (rc != QD_OK)
		return rc;
	for (i = 0; i < n; i++) {
		snprintf(id, sizeof id, "%" PRId64, s[i].id);
		if (s[i].seat_no > 0)
			snprintf(seat, sizeof seat, "%d", s[i].seat_no);
		else if (s[i].queue_no > 0)
			snprintf(seat, sizeof seat, "候补%d", s[i].queue_no);
		else
			seat[0] = '\0';
		snprintf(result, sizeof result, "%s %s", *s[i].outcome != '\0' ?
		    exam_outcome_label(s[i].outcome) : "", s[i].score);
		cells[0] = id;
		cells[1] = s[i].name;
		cells[2] = s[i].office_name;
		cells[3] = s[i].sitting;
		cells[4] = seats_status_label(s[i].status);
		cells[5] = seat;
		cells[6] = result;
		ui_rows_add(rows, s[i].id, s[i].status, cells);
	}
	rows->more = n == SEATS_PAGE;
	if (rows->more) {
		snprintf(next, sizeof next, "%" PRId64, s[n - 1].id);
		ui_rows_set_cursor(rows, next);
	}
	exam_seats_free(s, n);
	return QD_OK;
}

static enum ui_next
seats_add(struct ui *ui, struct ui_view *v)
{
	const int64_t		*plan = ui_view_arg(v);
	struct qd_exam_seat	*s = NULL;
	char			*text = NULL, *why = NULL, *warning = NULL;
	int64_t			 person;
	int			 rc;

	if (ui_dialog_input(ui, v, "报名 Register", "台胞编号 Applicant"
	    " number", NULL, 12, &text) != QD_OK)
		return UI_STAY;
	if ((person = cmd_number(text, 1, INT64_MAX / 2)) < 1) {
		ui_error(ui, "请填写台胞编号（数字） type the applicant's"
		    " number");
		free(text);
		return UI_STAY;
	}
	free(text);
	rc = db_exam_seat_add(ui->db, ui->user, *plan, 0, person, &s,
	    &warning, &why);
	if (rc != QD_OK)
		ui_error(ui, "%s", why != NULL ? why : screen_result_text(rc));
	else if (strcmp(s->status, "seated") == 0)
		ui_msg(ui, "已就座，座位 %d  Seated, seat %d%s%s", s->seat_no,
		    s->seat_no, warning != NULL ? "  " : "",
		    warning != NULL ? warning : "");
	else
		ui_msg(ui, "座位已满，候补第 %d 位  Full: waiting list, place %d",
		    s->queue_no, s->queue_no);
	exam_seat_free(s);
	free(warning);
	free(why);
	return UI_RELOAD;
}

static int
seats_live(struct ui *ui, struct ui_view *v, const struct ui_action *a)
{
	const char	*status = ui_view_row_key(v);

	(void)ui;
	(void)a;
	return status != NULL && strcmp(status, "cancelled") != 0;
}

static enum ui_next
seats_cancel(struct ui *ui, struct ui_view *v)
{
	char	*why = NULL;
	int	 rc;

	if (!ui_dialog_confirm(ui, v, "取消此报名？座位将给候补第一位"
	    " Cancel? The seat goes to the first waiting"))
		return UI_STAY;
	rc = db_exam_seat_remove(ui->db, ui->user, v->rows.ids[v->sel], 0,
	    NULL, &why);
	if (rc == QD_OK)
		ui_msg(ui, "已取消 Cancelled");
	else
		ui_error(ui, "%s", why != NULL ? why : screen_result_text(rc));
	free(why);
	return UI_RELOAD;
}

static enum ui_next
seats_notify(struct ui *ui, struct ui_view *v)
{
	char	*why = NULL;
	int	 rc;

	rc = db_exam_seat_notify(ui->db, ui->user, v->rows.ids[v->sel], &why);
	if (rc == QD_OK)
		ui_msg(ui, "已记录通知台胞 Recorded: the person was told");
	else
		ui_error(ui, "%s", why != NULL ? why : screen_result_text(rc));
	free(why);
	return UI_RELOAD;
}

/* The ticket through the terminal's printer, or how to fetch it. */
static enum ui_next
seats_ticket(struct ui *ui, struct ui_view *v)
{
	int64_t	 id = v->rows.ids[v->sel];
	char	*buf = NULL, *why = NULL;
	size_t	 len = 0;
	FILE	*f;
	int	 on = 0, rc;

	if (db_user_passthrough(ui->db, ui->user, &on) != QD_OK || !on) {
		ui_msg(ui, "用 ssh 取得准考证 Get it by ssh: ssh %s@SERVER exam"
		    " ticket %" PRId64 " > ticket.pdf", ui->user->login, id);
		return UI_STAY;
	}
	if ((f = open_memstream(&buf, &len)) == NULL)
		return UI_STAY;
	rc = exam_ticket_pdf(ui->db, ui->user, id, f, &why);
	fclose(f);
	if (rc == QD_OK) {
		refresh();
		fflush(stdout);
		rc = ui_print_send(STDOUT_FILENO, buf, len, &why);
		clearok(curscr, TRUE);
	}
	if (rc == QD_OK)
		ui_msg(ui, "准考证已送往打印机 The ticket went to the printer");
	else
		ui_error(ui, "%s", why != NULL ? why : screen_result_text(rc));
	free(buf);
	free(why);
	return UI_STAY;
}

static const struct ui_action seats_actions[] = {
	{ .key = UI_KEY_F(4), .label = "报名 Register",
	  .may = "exam-seat write", .run = seats_add },
	{ .key = UI_KEY_F(6), .label = "取消 Cancel",
	  .may = "exam-seat cancel", .needs_row = 1,
	  .enabled = seats_live, .run = seats_cancel },
	{ .key = UI_KEY_F(8), .label = "已通知 Notified",
	  .may = "exam-seat write", .needs_row = 1, .enabled = seats_live,
	  .run = seats_notify },
	{ .key = 'p', .label = "准考证 Ticket",
	  .roles = UI_ROLES_OFFICE | UI_ROLES_CENTER_STAFF, .needs_row = 1,
	  .enabled = seats_live, .run = seats_ticket },
};

static const struct ui_list seats_list = {
	.columns = seats_columns,
	.ncolumns = nitems(seats_columns),
	.load = seats_load,
	.empty = "尚无报名 Nobody registered yet",
};

const struct ui_screen screen_exam_seats = {
	.name = "exam-seats",
	.title = "座位 Seats",
	.list = &seats_list,
	.actions = seats_actions,
	.nactions = nitems(seats_actions),
	.title_get = seats_title,
};

/* The exam notices: an office's inbox, the center's view of all. */
static const struct ui_column notices_columns[] = {
	{ .title = "时间 Time", .width = 16 },
	{ .title = "计划 Plan", .width = 9 },
	{ .title = "办公室 Office", .width = 13 },
	{ .title = "已读 Read", .width = 9 },
	{ .title = "内容 Text", .width = 24, .grow = 1 },
};

static int
notices_load(struct ui *ui, struct ui_view *v, struct ui_rows *rows,
    const char *cursor, char **why)
{
	struct qd_exam_notice	*e = NULL;
	const char		*cells[5];
	char			 at[32], plan[24];
	size_t			 i, n = 0;
	int			 rc;

	(void)v;
	if (cursor != NULL)
		return QD_OK;
	if ((rc = db_exam_notice_list(ui->db, ui->user, 0, &e, &n, why)) !=
	    QD_OK)
		return rc;
	for (i = 0; i < n; i++) {
		ui_time(e[i].created_at, at, sizeof at);
		at[16] = '\0';
		snprintf(plan, sizeof plan, "%" PRId64, e[i].plan_id);
		cells[0] = at;
		cells[1] = plan;
		cells[2] = e[i].office_name;
		cells[3] = e[i].read_at != NULL ? "是 Yes" : "";
		cells[4] = e[i].text;
		ui_rows_add(rows, e[i].id, e[i].text, cells);
	}
	exam_notices_free(e, n);
	return QD_OK;
}

/* Show the whole notice; for its office that is reading it. */
static enum ui_next
notices_show(struct ui *ui, struct ui_view *v)
{
	char	*why = NULL;

	ui_dialog_show(ui, v, "考试通知 Exam notice", ui_view_row_key(v));
	if (role_has_office(ui->user->role))
		db_exam_notice_read(ui->db, ui->user, v->rows.ids[v->sel],
		    &why);
	free(why);
	return UI_RELOAD;
}

static const struct ui_action notices_actions[] = {
	{ .key = UI_KEY_ENTER, .label = "查看 Show", .roles = UI_ROLES_ALL,
	  .needs_row = 1, .run = notices_show },
};

static const struct ui_list notices_list = {
	.columns = notices_columns,
	.ncolumns = nitems(notices_columns),
	.load = notices_load,
	.empty = "没有考试通知 No exam notices",
};

const struct ui_screen screen_exam_notices = {
	.name = "exam-notices",
	.title = "考试通知 Exam notices",
	.list = &notices_list,
	.actions = notices_actions,
	.nactions = nitems(notices_actions),
};
