/*
 * The office's outbox (待报送): cases accepted or returned for more
 * materials, newest first, a returned one with the center's reason.
 * Space marks several and moves on; F5 forwards the marked ones (or,
 * asking by its number, the selected one) to the center in one step.
 */
#include <stdlib.h>
#include <string.h>

#include "case/case-screens.h"

#define OUTBOX_PAGE	100

/* Count the queue for the summary line, once per first page. */
static void
screen_queue_count(struct ui *ui, struct ui_view *v,
    const struct qd_case_filter *f)
{
	char		*why = NULL, *s;
	int64_t		 count = 0;
	int		 oldest = 0;

	if (db_case_count(ui->db, ui->user, f, &count, &oldest, &why) !=
	    QD_OK)
		xasprintf(&s, "（无法统计 cannot count: %s）", why);
	else if (oldest > 0)
		xasprintf(&s, "%lld 件 cases, 最早 oldest %d 天 days",
		    (long long)count, oldest);
	else
		xasprintf(&s, "%lld 件 cases", (long long)count);
	free(why);
	free(v->priv);
	v->priv = s;
}

int
screen_queue_page(struct ui *ui, struct ui_view *v,
    const struct qd_case_filter *f, const char *cursor,
    struct qd_case_row **r, size_t *n, char **next, char **why)
{
	int	 rc;

	rc = db_case_list(ui->db, ui->user, f, cursor, OUTBOX_PAGE, r, n,
	    next, why);
	if (rc != QD_OK)
		return rc;
	if (cursor == NULL)
		screen_queue_count(ui, v, f);
	return QD_OK;
}

int
screen_queue_load(struct ui *ui, struct ui_view *v,
    const struct qd_case_filter *f, struct ui_rows *rows, const char *cursor,
    char **why)
{
	struct qd_case_row	*r = NULL;
	char			*next = NULL;
	size_t			 n = 0;
	int			 rc;

	rc = screen_queue_page(ui, v, f, cursor, &r, &n, &next, why);
	if (rc != QD_OK)
		return rc;
	screen_case_page(rows, r, n, next);
	return QD_OK;
}

char *
screen_queue_summary(struct ui *ui, struct ui_view *v)
{
	(void)ui;
	return xstrdup(v->priv != NULL ? (const char *)v->priv : "");
}

void
screen_queue_close(struct ui *ui, struct ui_view *v)
{
	(void)ui;
	xfree(&v->priv);
}

static const struct qd_case_filter outbox_filter = {
	.queue = CASE_QUEUE_OUTBOX
};

static const struct ui_column outbox_columns[] = {
	{ .title = "案件 No", .width = 7 },
	{ .title = "台胞 Name", .width = 10, .grow = 1 },
	{ .title = "城市 City", .width = 9 },
	{ .title = "资格 Qualification", .width = 18, .grow = 2 },
	{ .title = "状态 State", .width = 10 },
	{ .title = "天 Age", .width = 6 },
	{ .title = "原因 Why", .width = 8, .grow = 2 },
};

/* The case rows, the last column the reason a case was returned. */
static void
outbox_rows_add(struct ui *ui, struct ui_rows *rows,
    const struct qd_case_row *r, size_t n)
{
	struct ui_rows	 one;
	struct qd_case	*c;
	const char	*cells[nitems(outbox_columns)];
	char		*why = NULL;
	size_t		 i, k;

	for (i = 0; i < n; i++) {
		memset(&one, 0, sizeof one);
		one.ncols = SCREEN_CASE_NCOLUMNS;
		screen_case_rows_add(&one, &r[i], 1);
		for (k = 0; k < nitems(outbox_columns) - 1; k++)
			cells[k] = one.cells[k];
		c = NULL;
		cells[k] = "";
		if (strcmp(r[i].state, "returned") == 0 &&
		    db_case_get(ui->db, ui->user, r[i].id, &c, &why) == QD_OK &&
		    c->reason != NULL)
			cells[k] = c->reason;
		xfree(&why);
		ui_rows_add(rows, r[i].id, one.keys[0], cells);
		if (c != NULL)
			case_free(c);
		ui_rows_clear(&one);
	}
}

static int
outbox_load(struct ui *ui, struct ui_view *v, struct ui_rows *rows,
    const char *cursor, char **why)
{
	struct qd_case_row	*r = NULL;
	char			*next = NULL;
	size_t			 n = 0;
	int			 rc;

	rc = screen_queue_page(ui, v, &outbox_filter, cursor, &r, &n, &next,
	    why);
	if (rc != QD_OK)
		return rc;
	outbox_rows_add(ui, rows, r, n);
	rows->more = next != NULL;
	ui_rows_set_cursor(rows, next);
	case_rows_free(r, n);
	free(next);
	return QD_OK;
}

static enum ui_next
outbox_open(struct ui *ui, struct ui_view *v)
{
	screen_case_show(ui, v->rows.ids[v->sel]);
	return UI_RELOAD;
}

static enum ui_next
outbox_forward(struct ui *ui, struct ui_view *v)
{
	int64_t		*ids = NULL;
	size_t		 n;
	char		*q, *why = NULL;
	int		 rc;

	if ((n = ui_view_marked(v, &ids)) == 0)
		return UI_STAY;
	/* Nothing marked: the selected case, named, so no one is surprised. */
	if (ui_list_marked(v) == 0)
		xasprintf(&q, "报送选中的案件 %s（%s）？ None marked: forward "
		    "case %s?", v->rows.keys[v->sel], v->rows.cells[v->sel *
		    v->rows.ncols + 1], v->rows.keys[v->sel]);
	else
		xasprintf(&q, "报送已标记的 %zu 件案件到中心？ Forward the %zu "
		    "marked case%s to the center?", n, n, n == 1 ? "" : "s");
	rc = ui_dialog_confirm(ui, v, q);
	free(q);
	if (rc) {
		rc = db_case_forward(ui->db, ui->user, ids, n, &why);
		if (rc == QD_OK)
			ui_msg(ui, "已报送 %zu 件 Forwarded %zu", n, n);
		else
			ui_error(ui, "%s", why != NULL ? why :
			    screen_result_text(rc));
		free(why);
	}
	free(ids);
	return UI_RELOAD;
}

static const struct ui_action outbox_actions[] = {
	{ .key = UI_KEY_ENTER, .label = "打开 Open", .roles = UI_ROLES_ALL,
	  .needs_row = 1, .run = outbox_open },
	{ .key = UI_KEY_F(5), .label = "报送 Forward", .roles = UI_ROLES_OFFICE,
	  .needs_row = 1, .run = outbox_forward },
};

static const struct ui_list outbox_list = {
	.columns = outbox_columns,
	.ncolumns = nitems(outbox_columns),
	.load = outbox_load,
	.summary = screen_queue_summary,
	.multi = 1,
	.empty = "没有待报送的案件 Nothing to forward",
};

const struct ui_screen screen_outbox = {
	.name = "outbox",
	.title = "待报送 Outbox  (空格选择 Space marks)",
	.list = &outbox_list,
	.actions = outbox_actions,
	.nactions = nitems(outbox_actions),
	.close = screen_queue_close,
};
