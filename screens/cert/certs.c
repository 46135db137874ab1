/*
 * The certificates the user may see, newest first: an office's own, every
 * office's for the center. F5 narrows by state, F6 by the day of issue,
 * F7 by office (the center). Enter opens one; Space marks several and P
 * prints the marked ones in one job, as the office does with a day's
 * certificates.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "cert/cert-screens.h"

#define CERTS_PAGE	100
#define CERTS_OFFICES	(UI_ROLE(ROLE_CENTER) | UI_ROLE(ROLE_ADMIN) | \
	UI_ROLE(ROLE_AUDITOR))

/* The filters now; empty is any. */
struct certs_view {
	char		 state[16];
	char		 day[11];
	int64_t		 office_id;
	char		*office_name;
};

static const char *const certs_states[] = {
	"issued", "printed", "handed", "revoked",
};
#define CERTS_NSTATES	(nitems(certs_states))

static const struct ui_column certs_columns[] = {
	{ .title = "证书编号 No.", .width = 14 },
	{ .title = "姓名 Name", .width = 10, .grow = 1 },
	{ .title = "职业及等级 Level", .width = 18, .grow = 2 },
	{ .title = "城市 City", .width = 9 },
	{ .title = "签发 Issued", .width = 11 },
	{ .title = "状态 State", .width = 10 },
};
#define CERTS_NCOLUMNS	(nitems(certs_columns))

static int
certs_open(struct ui *ui, struct ui_view *v)
{
	(void)ui;
	v->priv = xcalloc(1, sizeof (struct certs_view));
	return QD_OK;
}

static void
certs_close(struct ui *ui, struct ui_view *v)
{
	struct certs_view	*cv = v->priv;

	(void)ui;
	free(cv->office_name);
	free(cv);
	v->priv = NULL;
}

/* The Chinese word of a bilingual label ("待打印" of "待打印 To print"). */
static void
certs_short(const char *label, char *buf, size_t len)
{
	snprintf(buf, len, "%.*s", (int)strcspn(label, " "), label);
}

static void
certs_row(struct ui_rows *rows, const struct qd_cert *c)
{
	const char	*cells[CERTS_NCOLUMNS];
	char		*level, state[32], city[32];

	/* "四级" of "四级/中级工": the column is narrow. */
	xasprintf(&level, "%s %.*s", c->occupation,
	    (int)strcspn(c->level_name, "/"), c->level_name);
	certs_short(c->state_name, state, sizeof state);
	snprintf(city, sizeof city, "%s", c->office_name);
	cells[0] = c->number;
	cells[1] = c->name;
	cells[2] = level;
	cells[3] = city;
	cells[4] = c->issued_on;
	cells[5] = state;
	ui_rows_add(rows, c->id, c->number, cells);
	free(level);
}

/* Keyset paging by id: the cursor is the last id of the page. */
static int
certs_load(struct ui *ui, struct ui_view *v, struct ui_rows *rows,
    const char *cursor, char **why)
{
	struct certs_view	*cv = v->priv;
	struct qd_cert_filter	 f;
	struct qd_cert		**list = NULL;
	char			 after[24];
	size_t			 i, n = 0;
	int			 rc;

	memset(&f, 0, sizeof f);
	f.state = cv->state[0] != '\0' ? cv->state : NULL;
	f.issued_on = cv->day[0] != '\0' ? cv->day : NULL;
	f.office_id = cv->office_id;
	f.after = cursor != NULL ? strtoll(cursor, NULL, 10) : 0;
	f.limit = CERTS_PAGE;
	if ((rc = db_cert_list(ui->db, ui->user, &f, &list, &n, why)) != QD_OK)
		return rc;
	for (i = 0; i < n; i++)
		certs_row(rows, list[i]);
	rows->more = n == CERTS_PAGE;
	if (rows->more) {
		snprintf(after, sizeof after, "%" PRId64, list[n - 1]->id);
		ui_rows_set_cursor(rows, after);
	}
	cert_list_free(list, n);
	return QD_OK;
}

/* The filters in force, above the columns. */
static char *
certs_summary(struct ui *ui, struct ui_view *v)
{
	struct certs_view	*cv = v->priv;
	char			*s, state[32];

	(void)ui;
	certs_short(cv->state[0] != '\0' ? cert_state_label(cv->state) :
	    "全部", state, sizeof state);
	xasprintf(&s, "状态 State: %s  日期 Day: %s%s%s", state,
	    cv->day[0] != '\0' ? cv->day : "全部",
	    cv->office_name != NULL ? "  办公室 Office: " : "",
	    cv->office_name != NULL ? cv->office_name : "");
	return s;
}

static enum ui_next
certs_show(struct ui *ui, struct ui_view *v)
{
	screen_cert_show(ui, ui_view_row_key(v));
	return UI_RELOAD;
}

static enum ui_next
certs_state(struct ui *ui, struct ui_view *v)
{
	struct certs_view	*cv = v->priv;
	struct ui_choice	 ch[CERTS_NSTATES + 1];
	size_t			 i, picked;

	ch[0].value = (char *)"";
	ch[0].label = (char *)"全部状态 Any state";
	for (i = 0; i < CERTS_NSTATES; i++) {
		ch[i + 1].value = (char *)certs_states[i];
		ch[i + 1].label = (char *)cert_state_label(certs_states[i]);
	}
	if (ui_dialog_pick(ui, v, "按状态 By state", ch, CERTS_NSTATES + 1,
	    &picked) != QD_OK)
		return UI_STAY;
	snprintf(cv->state, sizeof cv->state, "%s", ch[picked].value);
	ui_rows_clear(&v->rows);
	v->sel = v->top = 0;
	return UI_RELOAD;
}

/*
 * A day in any form a clerk types it (idcheck_date's, whose words are for
 * a birth date: ours say which day); empty for every day.
 */
static enum ui_next
certs_day(struct ui *ui, struct ui_view *v)
{
	struct certs_view	*cv = v->priv;
	char			*typed = NULL, *why = NULL, day[11];

	if (ui_dialog_input(ui, v, "按签发日期 By day of issue", "日期（空为全部）"
	    " Day, such as 2026-11-22 (empty: every day)", cv->day, 10,
	    &typed) != QD_OK)
		return UI_STAY;
	if (*typed == '\0')
		cv->day[0] = '\0';
	else if (idcheck_date(typed, day, &why) == QD_OK)
		memcpy(cv->day, day, sizeof cv->day);
	else
		ui_error(ui, "日期请写成年-月-日，如 2026-11-22  Write the day as"
		    " YYYY-MM-DD, such as 2026-11-22");
	free(typed);
	free(why);
	ui_rows_clear(&v->rows);
	v->sel = v->top = 0;
	return UI_RELOAD;
}

static enum ui_next
certs_office(struct ui *ui, struct ui_view *v)
{
	struct certs_view	*cv = v->priv;
	struct ui_choice	*ch = NULL;
	size_t			 n = 0, picked;

	if (screen_office_choices(ui, &ch, &n) == QD_OK &&
	    ui_dialog_pick(ui, v, "按办公室 By office", ch, n, &picked) ==
	    QD_OK) {
		cv->office_id = strtoll(ch[picked].value, NULL, 10);
		free(cv->office_name);
		cv->office_name = cv->office_id != 0 ?
		    xstrdup(ch[picked].label) : NULL;
		ui_rows_clear(&v->rows);
		v->sel = v->top = 0;
	}
	ui_choices_free(ch, n);
	return UI_RELOAD;
}

/* The marked certificates (or the selected one), read as they are now. */
static size_t
certs_marked(struct ui *ui, struct ui_view *v, struct qd_cert ***out)
{
	struct qd_cert	**list;
	char		 *why = NULL;
	size_t		  i, n = 0, nm = ui_list_marked(v);
	int		  rc = QD_OK;

	list = xcalloc(v->rows.n, sizeof *list);
	for (i = 0; i < v->rows.n && rc == QD_OK; i++) {
		if (nm > 0 ? !v->rows.marks[i] : i != v->sel)
			continue;
		rc = db_cert_get(ui->db, ui->user, v->rows.keys[i], &list[n],
		    &why);
		if (rc == QD_OK)
			n++;
	}
	if (rc != QD_OK) {
		ui_error(ui, "%s", why != NULL ? why : screen_result_text(rc));
		cert_list_free(list, n);
		list = NULL;
		n = 0;
	}
	free(why);
	*out = list;
	return n;
}

static enum ui_next
certs_print(struct ui *ui, struct ui_view *v)
{
	struct qd_cert	**list;
	size_t		  n;

	if ((n = certs_marked(ui, v, &list)) > 0)
		ui_print_certs(ui, v, list, n);
	cert_list_free(list, n);
	return UI_RELOAD;
}

static const struct ui_action certs_actions[] = {
	{ .key = UI_KEY_ENTER, .label = "打开 Open", .roles = UI_ROLES_ALL,
	  .needs_row = 1, .run = certs_show },
	{ .key = 'P', .label = "打印 Print", .roles = UI_ROLES_ALL,
	  .needs_row = 1, .run = certs_print },
	{ .key = UI_KEY_F(5), .label = "状态 State", .roles = UI_ROLES_ALL,
	  .run = certs_state },
	{ .key = UI_KEY_F(6), .label = "日期 Day", .roles = UI_ROLES_ALL,
	  .run = certs_day },
	{ .key = UI_KEY_F(7), .label = "办公室 Office", .roles = CERTS_OFFICES,
	  .run = certs_office },
};

static const struct ui_list certs_list = {
	.columns = certs_columns,
	.ncolumns = CERTS_NCOLUMNS,
	.load = certs_load,
	.summary = certs_summary,
	.multi = 1,
	.empty = "没有证书 No certificates",
};

const struct ui_screen screen_certs = {
	.name = "certs",
	.title = "证书 Certificates  (空格选择 Space marks)",
	.open = certs_open,
	.close = certs_close,
	.list = &certs_list,
	.actions = certs_actions,
	.nactions = nitems(certs_actions),
};
