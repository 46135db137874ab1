/*
 * The appraisal agencies (等级认定机构): which city each is in and which
 * occupations it confirms, so that a recognition case finds its agency.
 * Everyone looks them up; the center admin adds them, corrects them and
 * takes them out of use, and the data layer refuses anyone else.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "catalog/catalog-screens.h"

static const struct ui_column agencies_columns[] = {
	{ .title = "机构 Agency", .width = 30, .grow = 1 },
	{ .title = "城市 City", .width = 10 },
	{ .title = "认定职业 Occupations", .width = 22, .grow = 1 },
	{ .title = "启用 On", .width = 7 },
};
#define AGENCIES_NCOLUMNS (nitems(agencies_columns))

/* "车工 9-01-01-01; 铣工 ..." would not fit: the names, by code. */
static char *
agencies_occupations(struct ui *ui, const struct qd_agency *a)
{
	struct qd_occupation	*o = NULL;
	size_t			 i, n = 0;
	char			*s = xstrdup(""), *t, *why = NULL;

	if (db_occupation_list_by_agency(ui->db, a->id, &o, &n, &why) != QD_OK) {
		free(why);
		free(s);
		return xstrdup(a->occupation_codes != NULL ?
		    a->occupation_codes : "");
	}
	for (i = 0; i < n; i++) {
		xasprintf(&t, "%s%s%s", s, i > 0 ? "、" : "", o[i].name);
		free(s);
		s = t;
	}
	occupation_free_array(o, n);
	return s;
}

static int
agencies_load(struct ui *ui, struct ui_view *v, struct ui_rows *rows,
    const char *cursor, char **why)
{
	struct qd_agency	*a = NULL;
	const char		*cells[AGENCIES_NCOLUMNS];
	char			 id[24], *occ;
	size_t			 i, n = 0;
	int			 rc;

	(void)v;
	if (cursor != NULL)
		return QD_OK;
	if ((rc = db_agency_list(ui->db, &a, &n, why)) != QD_OK)
		return rc;
	for (i = 0; i < n; i++) {
		snprintf(id, sizeof id, "%" PRId64, a[i].id);
		occ = agencies_occupations(ui, &a[i]);
		cells[0] = a[i].name;
		cells[1] = a[i].office_name;
		cells[2] = occ;
		cells[3] = a[i].active ? "是 Yes" : "否 No";
		ui_rows_add(rows, a[i].id, id, cells);
		free(occ);
	}
	agency_free_array(a, n);
	return QD_OK;
}

static char *
agencies_summary(struct ui *ui, struct ui_view *v)
{
	char	*s;

	if (user_may(ui->user, "agency write"))
		xasprintf(&s, "共 %zu 个机构 %zu agencies", v->rows.n,
		    v->rows.n);
	else
		xasprintf(&s, "共 %zu 个机构，只读 %zu agencies, read-only",
		    v->rows.n, v->rows.n);
	return s;
}

/* The selected agency as it is now; an error shown when it is gone. */
static int
agencies_selected(struct ui *ui, struct ui_view *v, struct qd_agency **a)
{
	char	*why = NULL;
	int	 rc;

	rc = db_agency_get(ui->db, v->rows.keys[v->sel], a, &why);
	if (rc != QD_OK)
		ui_error(ui, "%s", why != NULL ? why : screen_result_text(rc));
	free(why);
	return rc;
}

static enum ui_next
agencies_add(struct ui *ui, struct ui_view *v)
{
	(void)v;
	ui_screen_run_arg(ui, &screen_agency_edit, NULL);
	return UI_RELOAD;
}

static enum ui_next
agencies_edit(struct ui *ui, struct ui_view *v)
{
	struct qd_agency	*a = NULL;

	if (agencies_selected(ui, v, &a) != QD_OK)
		return UI_RELOAD;
	ui_screen_run_arg(ui, &screen_agency_edit, a);
	agency_free_array(a, 1);
	return UI_RELOAD;
}

/* Enter for those who only read: the agency in a box. */
static enum ui_next
agencies_view(struct ui *ui, struct ui_view *v)
{
	struct qd_agency	*a = NULL;
	char			*text, *occ;

	if (agencies_selected(ui, v, &a) != QD_OK)
		return UI_RELOAD;
	occ = agencies_occupations(ui, a);
	xasprintf(&text, "机构 Agency:        %s\n"
	    "城市 City:          %s\n"
	    "认定职业 Occupations: %s\n"
	    "职业编码 Codes:     %s\n"
	    "状态 State:         %s", a->name, a->office_name, occ,
	    a->occupation_codes, a->active ? "启用 Active" : "停用 Inactive");
	ui_dialog_show(ui, v, "认定机构 Agency", text);
	free(text);
	free(occ);
	agency_free_array(a, 1);
	return UI_STAY;
}

/* Take an agency out of use or back, after a question. */
static enum ui_next
agencies_toggle(struct ui *ui, struct ui_view *v)
{
	struct qd_agency_change	 ch;
	struct qd_agency	*a = NULL;
	char			*q, *why = NULL;
	int			 rc;

	if (agencies_selected(ui, v, &a) != QD_OK)
		return UI_RELOAD;
	memset(&ch, 0, sizeof ch);
	ch.id = a->id;
	ch.version = a->version;
	ch.active = !a->active;
	xasprintf(&q, "%s %s？ %s %s?", ch.active ? "启用" : "停用", a->name,
	    ch.active ? "Put back in use" : "Take out of use", a->name);
	if (ui_dialog_confirm(ui, v, q)) {
		if ((rc = db_agency_update(ui->db, ui->user, &ch, &why)) !=
		    QD_OK)
			ui_error(ui, "%s", why != NULL ? why :
			    screen_result_text(rc));
		else
			ui_msg(ui, "已%s %s  %s", ch.active ? "启用" : "停用",
			    a->name, ch.active ? "In use" : "Out of use");
	}
	free(q);
	free(why);
	agency_free_array(a, 1);
	return UI_RELOAD;
}

static const struct ui_action agencies_actions[] = {
	{ .key = UI_KEY_F(4), .label = "新增 Add", .may = "agency write",
	  .run = agencies_add },
	{ .key = UI_KEY_F(5), .label = "停用/启用 Toggle", .may = "agency write",
	  .needs_row = 1, .run = agencies_toggle },
	{ .key = UI_KEY_ENTER, .label = "修改 Edit", .may = "agency write",
	  .needs_row = 1, .run = agencies_edit },
	{ .key = UI_KEY_ENTER, .label = "查看 View", .may_not = "agency write",
	  .needs_row = 1, .run = agencies_view },
};

static const struct ui_list agencies_list = {
	.columns = agencies_columns,
	.ncolumns = AGENCIES_NCOLUMNS,
	.load = agencies_load,
	.summary = agencies_summary,
	.empty = "还没有认定机构 No agency yet",
};

const struct ui_screen screen_agencies = {
	.name = "agencies",
	.title = "认定机构 Appraisal agencies",
	.list = &agencies_list,
	.actions = agencies_actions,
	.nactions = nitems(agencies_actions),
};

/*
 * The agency form, for the admin: an add when run without an agency,
 * else the agency as read (the caller's, whose version a lost race moves
 * on). The occupations are their codes separated by ';'; F6 adds one
 * from the list.
 */

static char *
agency_edit_title(struct ui *ui, struct ui_view *v)
{
	const struct qd_agency	*old = ui_view_arg(v);
	char			*t;

	(void)ui;
	if (old == NULL)
		return xstrdup("新增认定机构 Add an agency");
	xasprintf(&t, "修改认定机构 Edit agency %" PRId64, old->id);
	return t;
}

/* The cities, by code. */
static int
agency_edit_offices(struct ui *ui, struct ui_choice **out, size_t *n)
{
	struct qd_office	*o = NULL;
	size_t			 i, no = 0;
	int			 rc;

	rc = db_office_list(ui->db, &o, &no);
	*out = screen_choices_new(no, NULL);
	for (i = 0; i < no; i++) {
		(*out)[i].value = xstrdup(o[i].code);
		xasprintf(&(*out)[i].label, "%s %s", o[i].name_zh, o[i].code);
	}
	*n = no;
	office_free_array(o, no);
	return rc;
}

static int
agency_edit_open(struct ui *ui, struct ui_view *v)
{
	const struct qd_agency	*old = ui_view_arg(v);

	(void)ui;
	if (old == NULL)
		return QD_OK;
	ui_view_set(v, "name", old->name);
	ui_view_set(v, "office", old->office_code);
	ui_view_set(v, "occupation_codes", old->occupation_codes);
	return QD_OK;
}

/* The form's codes as the data layer takes them; free with the count. */
static char **
agency_edit_codes(const struct ui_view *v, size_t *n)
{
	return agency_codes_split(ui_view_value(v, "occupation_codes"), n);
}

static void
agency_edit_codes_free(char **codes, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		free(codes[i]);
	free(codes);
}

/* A lost race: what was typed stays, the version moves on. */
static void
agency_edit_lost(struct ui *ui, struct qd_agency *old, const char *why)
{
	struct qd_agency	*now = NULL;
	char			 key[24], *ignored = NULL;

	snprintf(key, sizeof key, "%" PRId64, old->id);
	if (db_agency_get(ui->db, key, &now, &ignored) == QD_OK &&
	    now->version != old->version) {
		old->version = now->version;
		ui_error(ui, "%s；您的输入仍在，再按 F2 覆盖 yours is kept: F2 "
		    "again saves it over", why);
	} else
		ui_error(ui, "%s", why);
	agency_free_array(now, now != NULL ? 1 : 0);
	free(ignored);
}

static enum ui_next
agency_edit_save(struct ui *ui, struct ui_view *v)
{
	struct qd_agency	*old = ui_view_arg(v);
	struct qd_agency_change	 ch;
	const char		*name = ui_view_value(v, "name");
	char			**codes, *why = NULL;
	size_t			 n = 0;
	int			 rc;

	codes = agency_edit_codes(v, &n);
	if (n == 0) {
		why = xstrdup("请填写至少一个职业编码（F6 选择） give at least"
		    " one occupation code (F6 to choose)");
		rc = QD_EINVAL;
	} else if (old == NULL)
		rc = db_agency_add(ui->db, ui->user, name,
		    ui_view_value(v, "office"), (const char *const *)codes, n,
		    NULL, &why);
	else {
		memset(&ch, 0, sizeof ch);
		ch.id = old->id;
		ch.version = old->version;
		ch.name = name;
		ch.office_code = ui_view_value(v, "office");
		ch.codes = (const char *const *)codes;
		ch.ncodes = n;
		ch.active = -1;
		rc = db_agency_update(ui->db, ui->user, &ch, &why);
	}
	agency_edit_codes_free(codes, n);
	if (rc == QD_OK)
		ui_msg(ui, "已保存 %s  Saved", name);
	else if (rc == QD_ECONFLICT && old != NULL && why != NULL)
		agency_edit_lost(ui, old, why);
	else
		ui_error(ui, "%s", why != NULL ? why : screen_result_text(rc));
	free(why);
	return rc == QD_OK ? UI_CLOSE : UI_STAY;
}

/* F6: add an occupation from the whole list, typing to narrow it. */
static enum ui_next
agency_edit_pick(struct ui *ui, struct ui_view *v)
{
	struct qd_occupation	*o = NULL;
	struct ui_choice	*ch;
	const char		*have = ui_view_value(v, "occupation_codes");
	char			*why = NULL, *codes;
	size_t			 i, n = 0, picked;

	if (db_occupation_list(ui->db, 1, &o, &n, &why) != QD_OK || n == 0) {
		ui_error(ui, "%s", why != NULL ? why : "职业目录为空 the"
		    " occupation list is empty");
		free(why);
		occupation_free_array(o, n);
		return UI_STAY;
	}
	ch = screen_choices_new(n, NULL);
	for (i = 0; i < n; i++) {
		ch[i].value = xstrdup(o[i].code);
		xasprintf(&ch[i].label, "%s %s", o[i].name, o[i].code);
	}
	if (ui_dialog_pick(ui, v, "认定职业 Occupation", ch, n, &picked) ==
	    QD_OK) {
		xasprintf(&codes, "%s%s%s", have, *have != '\0' ? ";" : "",
		    ch[picked].value);
		if (ui_view_set(v, "occupation_codes", codes) != QD_OK)
			ui_error(ui, "职业编码过多 too many occupation codes");
		free(codes);
	}
	ui_choices_free(ch, n);
	occupation_free_array(o, n);
	return UI_STAY;
}

static const struct ui_field agency_edit_fields[] = {
	{ .label = "机构名称 Name", .type = UI_FIELD_TEXT, .width = 40,
	  .max_chars = 60, .max_bytes = 240, .required = 1, .column = "name" },
	{ .label = "所在城市 City", .type = UI_FIELD_CHOICE, .width = 20,
	  .required = 1, .column = "office", .choices = agency_edit_offices },
	{ .label = "认定职业编码 Occupation codes", .type = UI_FIELD_TEXT,
	  .width = 40, .max_chars = 400, .max_bytes = 800, .required = 1,
	  .column = "occupation_codes" },
};

static const struct ui_action agency_edit_actions[] = {
	{ .key = UI_KEY_SAVE, .label = "保存 Save", .may = "agency write",
	  .run = agency_edit_save },
	{ .key = UI_KEY_F(6), .label = "加职业 Occupation",
	  .may = "agency write", .run = agency_edit_pick },
};

const struct ui_screen screen_agency_edit = {
	.name = "agency-edit",
	.title = "认定机构 Agency",
	.title_get = agency_edit_title,
	.table = "agency_rows",
	.fields = agency_edit_fields,
	.nfields = nitems(agency_edit_fields),
	.actions = agency_edit_actions,
	.nactions = nitems(agency_edit_actions),
	.open = agency_edit_open,
};
