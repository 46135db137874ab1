/*
 * The comparison catalog (标准比对): which Taiwan qualification and level
 * compares to which mainland occupation and level, recognised directly
 * (采认) or adopted case by case (采信). Everyone looks it up, narrowing
 * by name (typed in Simplified or Traditional) and by mode; the center
 * admin adds, corrects and retires entries, and the data layer refuses
 * anyone else whatever a screen does.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "catalog/catalog-screens.h"

/* The Taiwan level shares a column with its qualification, as it reads. */
static const struct ui_column catalog_columns[] = {
	{ .title = "台湾资格 Taiwan", .width = 26, .grow = 1 },
	{ .title = "职业 Occupation", .width = 18, .grow = 1 },
	{ .title = "大陆等级 Level", .width = 14 },
	{ .title = "方式 Mode", .width = 9 },
	{ .title = "启用 On", .width = 7 },
};
#define CATALOG_NCOLUMNS (nitems(catalog_columns))

/* The two modes, after "all modes" when any is set. */
static int
catalog_modes(const char *any, struct ui_choice **out, size_t *n)
{
	size_t	 i, first = any != NULL;

	*out = xcalloc(2 + first, sizeof **out);
	if (any != NULL) {
		(*out)[0].value = xstrdup("");
		(*out)[0].label = xstrdup(any);
	}
	for (i = 0; i < 2; i++) {
		(*out)[i + first].value = xstrdup(catalog_mode_name(
		    (enum catalog_mode)i));
		(*out)[i + first].label = xstrdup(catalog_mode_label(
		    (enum catalog_mode)i));
	}
	*n = 2 + first;
	return QD_OK;
}

static int
catalog_filter_modes(struct ui *ui, struct ui_choice **out, size_t *n)
{
	(void)ui;
	return catalog_modes("全部方式 All modes", out, n);
}

static int
catalog_form_modes(struct ui *ui, struct ui_choice **out, size_t *n)
{
	(void)ui;
	return catalog_modes(NULL, out, n);
}

/* Skill or professional-technical: whose names the levels take. */
static int
catalog_form_kinds(struct ui *ui, struct ui_choice **out, size_t *n)
{
	size_t	 i;

	(void)ui;
	*out = xcalloc(2, sizeof **out);
	for (i = 0; i < 2; i++) {
		(*out)[i].value = xstrdup(catalog_kind_name(
		    (enum catalog_kind)i));
		(*out)[i].label = xstrdup(catalog_kind_label(
		    (enum catalog_kind)i));
	}
	*n = 2;
	return QD_OK;
}

/* The Chinese word of a label ("采认" of "采认 Recognition"). */
static void
catalog_zh(const char *label, char *buf, size_t len)
{
	snprintf(buf, len, "%.*s", (int)strcspn(label, " "), label);
}

static void
catalog_row_add(struct ui_rows *rows, const struct qd_catalog *e)
{
	const char	*cells[CATALOG_NCOLUMNS];
	char		 id[24], *qual, *occupation, mode[16];

	snprintf(id, sizeof id, "%" PRId64, e->id);
	xasprintf(&qual, "%s %s", e->tw_qual, e->tw_level);
	xasprintf(&occupation, "→ %s", e->occupation_name);
	catalog_zh(catalog_mode_label(e->mode), mode, sizeof mode);
	cells[0] = qual;
	cells[1] = occupation;
	cells[2] = e->level_name;
	cells[3] = mode;
	cells[4] = e->active ? "是 Yes" : "否 No";
	ui_rows_add(rows, e->id, id, cells);
	free(qual);
	free(occupation);
}

static int
catalog_load(struct ui *ui, struct ui_view *v, struct ui_rows *rows,
    const char *cursor, char **why)
{
	struct qd_catalog_filter	 f;
	struct qd_catalog		*c = NULL;
	size_t				 i, n = 0;
	int				 rc;

	if (cursor != NULL)
		return QD_OK;
	memset(&f, 0, sizeof f);
	f.text = ui_view_value(v, "tw_qual");
	f.by_mode = catalog_mode_parse(ui_view_value(v, "mode"), &f.mode) ==
	    QD_OK;
	if ((rc = db_catalog_list(ui->db, &f, &c, &n, why)) != QD_OK)
		return rc;
	for (i = 0; i < n; i++)
		catalog_row_add(rows, &c[i]);
	catalog_free_array(c, n);
	return QD_OK;
}

static char *
catalog_summary(struct ui *ui, struct ui_view *v)
{
	char	*s;

	if (user_may(ui->user, "catalog write"))
		xasprintf(&s, "共 %zu 条 %zu entries", v->rows.n, v->rows.n);
	else
		xasprintf(&s, "共 %zu 条，只读 %zu entries, read-only",
		    v->rows.n, v->rows.n);
	return s;
}

/* The selected entry as it is now; an error shown when it cannot be read. */
static int
catalog_selected(struct ui *ui, struct ui_view *v, struct qd_catalog **e)
{
	char	*why = NULL;
	int	 rc;

	rc = db_catalog_get(ui->db, v->rows.ids[v->sel], e, &why);
	if (rc != QD_OK)
		ui_error(ui, "%s", why != NULL ? why : screen_result_text(rc));
	free(why);
	return rc;
}

static enum ui_next
catalog_add(struct ui *ui, struct ui_view *v)
{
	(void)v;
	ui_screen_run_arg(ui, &screen_catalog_edit, NULL);
	return UI_RELOAD;
}

static enum ui_next
catalog_edit(struct ui *ui, struct ui_view *v)
{
	struct qd_catalog	*e = NULL;

	if (catalog_selected(ui, v, &e) != QD_OK)
		return UI_RELOAD;
	ui_screen_run_arg(ui, &screen_catalog_edit, e);
	catalog_free_array(e, 1);
	return UI_RELOAD;
}

/* Enter for those who only read: the whole entry in a box. */
static enum ui_next
catalog_view(struct ui *ui, struct ui_view *v)
{
	struct qd_catalog	*e = NULL;
	char			*text;

	if (catalog_selected(ui, v, &e) != QD_OK)
		return UI_RELOAD;
	xasprintf(&text, "台湾资格 Taiwan:      %s %s\n"
	    "大陆职业 Occupation:  %s %s\n"
	    "大陆等级 Level:       %s\n"
	    "类别 Kind:            %s\n"
	    "方式 Mode:            %s\n"
	    "状态 State:           %s\n"
	    "备注 Note:            %s", e->tw_qual, e->tw_level,
	    e->occupation_name, e->occupation_code, e->level_name,
	    catalog_kind_label(e->kind), catalog_mode_label(e->mode), e->active ? "启用 Active" :
	    "停用 Inactive", e->note != NULL ? e->note : "");
	ui_dialog_show(ui, v, "目录条目 Catalog entry", text);
	free(text);
	catalog_free_array(e, 1);
	return UI_STAY;
}

/* Retire an entry or bring it back, after a question. */
static enum ui_next
catalog_toggle(struct ui *ui, struct ui_view *v)
{
	struct qd_catalog	*e = NULL;
	char			*q, *why = NULL;
	int			 rc, on;

	if (catalog_selected(ui, v, &e) != QD_OK)
		return UI_RELOAD;
	on = !e->active;
	xasprintf(&q, "%s %s %s？ %s %s %s?", on ? "启用" : "停用",
	    e->tw_qual, e->tw_level, on ? "Activate" : "Deactivate",
	    e->tw_qual, e->tw_level);
	rc = ui_dialog_confirm(ui, v, q);
	free(q);
	if (rc) {
		rc = db_catalog_set_active(ui->db, ui->user, e->id, e->version,
		    on, &why);
		if (rc != QD_OK)
			ui_error(ui, "%s", why != NULL ? why :
			    screen_result_text(rc));
		else
			ui_msg(ui, "已%s %s %s  %s", on ? "启用" : "停用",
			    e->tw_qual, e->tw_level, on ? "Activated" :
			    "Deactivated");
	}
	free(why);
	catalog_free_array(e, 1);
	return UI_RELOAD;
}

/* F7: the agencies that confirm recognitions, one screen away. */
static enum ui_next
catalog_agencies(struct ui *ui, struct ui_view *v)
{
	(void)v;
	ui_screen_run_arg(ui, &screen_agencies, NULL);
	return UI_RELOAD;
}

static const struct ui_field catalog_fields[] = {
	{ .label = "查找 Find", .type = UI_FIELD_TEXT, .width = 30,
	  .max_chars = 60, .max_bytes = 240, .column = "tw_qual" },
	{ .label = "方式 Mode", .type = UI_FIELD_CHOICE, .width = 24,
	  .column = "mode", .choices = catalog_filter_modes },
};

static const struct ui_action catalog_actions[] = {
	{ .key = UI_KEY_F(4), .label = "新增 Add", .may = "catalog write",
	  .run = catalog_add },
	{ .key = UI_KEY_F(5), .label = "停用/启用 Toggle",
	  .may = "catalog write", .needs_row = 1, .run = catalog_toggle },
	{ .key = UI_KEY_ENTER, .label = "修改 Edit", .may = "catalog write",
	  .needs_row = 1, .run = catalog_edit },
	{ .key = UI_KEY_ENTER, .label = "查看 View", .may_not = "catalog write",
	  .needs_row = 1, .run = catalog_view },
	{ .key = UI_KEY_F(7), .label = "认定机构 Agencies",
	  .roles = UI_ROLES_ALL, .run = catalog_agencies },
};

static const struct ui_list catalog_list = {
	.columns = catalog_columns,
	.ncolumns = CATALOG_NCOLUMNS,
	.load = catalog_load,
	.summary = catalog_summary,
	.empty = "没有符合的条目 No entry matches",
};

const struct ui_screen screen_catalog = {
	.name = "catalog",
	.title = "比对目录 Catalog  (Tab 查找 find)",
	.table = "catalog",
	.fields = catalog_fields,
	.nfields = nitems(catalog_fields),
	.filter = 1,
	.list = &catalog_list,
	.actions = catalog_actions,
	.nactions = nitems(catalog_actions),
};

/*
 * The entry form, for the admin: an add when run without an entry, else
 * the entry as read (the caller's, whose version a lost race moves on).
 */

static char *
catalog_edit_title(struct ui *ui, struct ui_view *v)
{
	const struct qd_catalog	*old = ui_view_arg(v);
	char			*t;

	(void)ui;
	if (old == NULL)
		return xstrdup("新增目录条目 Add a catalog entry");
	xasprintf(&t, "修改目录条目 Edit catalog entry %" PRId64, old->id);
	return t;
}

static int
catalog_edit_open(struct ui *ui, struct ui_view *v)
{
	const struct qd_catalog	*old = ui_view_arg(v);
	char			 buf[24];

	if (old == NULL)
		return QD_OK;
	ui_view_set(v, "tw_qual", old->tw_qual);
	ui_view_set(v, "tw_level", old->tw_level);
	snprintf(buf, sizeof buf, "%" PRId64, old->occupation_id);
	if (ui_view_set(v, "occupation_id", buf) != QD_OK)
		ui_error(ui, "职业 %s 已停用，请另选 the occupation %s is no "
		    "longer active: choose another", old->occupation_name,
		    old->occupation_name);
	snprintf(buf, sizeof buf, "%d", old->level);
	ui_view_set(v, "level", buf);
	ui_view_set(v, "mode", catalog_mode_name(old->mode));
	ui_view_set(v, "kind", catalog_kind_name(old->kind));
	ui_view_set(v, "note", old->note != NULL ? old->note : "");
	return QD_OK;
}

/* The entry the form says (caller frees with catalog_free_array). */
static struct qd_catalog *
catalog_edit_values(const struct ui_view *v)
{
	struct qd_catalog	*e = xcalloc(1, sizeof *e);

	e->tw_qual = xstrdup(ui_view_value(v, "tw_qual"));
	e->tw_level = xstrdup(ui_view_value(v, "tw_level"));
	e->occupation_id = strtoll(ui_view_value(v, "occupation_id"), NULL,
	    10);
	e->level = atoi(ui_view_value(v, "level"));
	if (catalog_mode_parse(ui_view_value(v, "mode"), &e->mode) != QD_OK)
		e->mode = CATALOG_ADOPTION;
	if (catalog_kind_parse(ui_view_value(v, "kind"), &e->kind) != QD_OK)
		e->kind = CATALOG_SKILL;
	e->note = xstrdup(ui_view_value(v, "note"));
	e->active = 1;
	return e;
}

/*
 * A lost race: what was typed stays, and the form moves on to the version
 * that won, so F2 again saves over it knowingly.
 */
static void
catalog_edit_lost(struct ui *ui, struct qd_catalog *old, const char *why)
{
	struct qd_catalog	*now = NULL;
	char			*ignored = NULL;

	if (db_catalog_get(ui->db, old->id, &now, &ignored) == QD_OK &&
	    now->version != old->version) {
		old->version = now->version;
		old->active = now->active;
		ui_error(ui, "%s；您的输入仍在，再按 F2 覆盖 yours is kept: F2 "
		    "again saves it over", why);
	} else
		ui_error(ui, "%s", why);
	catalog_free_array(now, 1);
	free(ignored);
}

static enum ui_next
catalog_edit_save(struct ui *ui, struct ui_view *v)
{
	struct qd_catalog	*old = ui_view_arg(v), *e;
	char			*why = NULL;
	int			 rc;

	e = catalog_edit_values(v);
	if (old == NULL)
		rc = db_catalog_add(ui->db, ui->user, e, NULL, &why);
	else {
		e->id = old->id;
		e->version = old->version;
		e->active = old->active;
		rc = db_catalog_update(ui->db, ui->user, e, &why);
	}
	if (rc == QD_OK)
		ui_msg(ui, "已保存 %s %s  Saved", e->tw_qual, e->tw_level);
	else if (rc == QD_ECONFLICT && old != NULL && why != NULL)
		catalog_edit_lost(ui, old, why);
	else
		ui_error(ui, "%s", why != NULL ? why : screen_result_text(rc));
	free(why);
	catalog_free_array(e, 1);
	return rc == QD_OK ? UI_CLOSE : UI_STAY;
}

/* F6: choose the occupation from the whole list, typing to narrow it. */
static enum ui_next
catalog_edit_pick(struct ui *ui, struct ui_view *v)
{
	struct ui_choice	*ch = NULL;
	size_t			 n = 0, picked;

	if (screen_occupation_choices(ui, &ch, &n) == QD_OK && n > 0 &&
	    ui_dialog_pick(ui, v, "大陆职业 Occupation", ch, n, &picked) ==
	    QD_OK)
		ui_view_set(v, "occupation_id", ch[picked].value);
	ui_choices_free(ch, n);
	return UI_STAY;
}

static const struct ui_field catalog_edit_fields[] = {
	{ .label = "台湾资格 Qualification", .type = UI_FIELD_TEXT,
	  .width = 40, .max_chars = 60, .max_bytes = 240, .required = 1,
	  .column = "tw_qual" },
	{ .label = "台湾等级 Taiwan level", .type = UI_FIELD_TEXT, .width = 20,
	  .max_chars = 20, .max_bytes = 80, .required = 1,
	  .column = "tw_level" },
	{ .label = "大陆职业 Occupation", .type = UI_FIELD_CHOICE, .width = 30,
	  .required = 1, .column = "occupation_id",
	  .choices = screen_occupation_choices },
	{ .label = "类别 Kind", .type = UI_FIELD_CHOICE, .width = 24,
	  .required = 1, .column = "kind", .choices = catalog_form_kinds },
	{ .label = "大陆等级 Level", .type = UI_FIELD_CHOICE, .width = 46,
	  .required = 1, .column = "level",
	  .choices = screen_level_both_choices },
	{ .label = "方式 Mode", .type = UI_FIELD_CHOICE, .width = 20,
	  .required = 1, .column = "mode", .choices = catalog_form_modes },
	{ .label = "备注 Note", .type = UI_FIELD_TEXT, .width = 40,
	  .max_chars = 200, .max_bytes = 800, .column = "note" },
};

static const struct ui_action catalog_edit_actions[] = {
	{ .key = UI_KEY_SAVE, .label = "保存 Save", .may = "catalog write",
	  .run = catalog_edit_save },
	{ .key = UI_KEY_F(6), .label = "选职业 Occupation",
	  .may = "catalog write", .run = catalog_edit_pick },
};

const struct ui_screen screen_catalog_edit = {
	.name = "catalog-edit",
	.title = "目录条目 Catalog entry",
	.title_get = catalog_edit_title,
	.table = "catalog",
	.fields = catalog_edit_fields,
	.nfields = nitems(catalog_edit_fields),
	.actions = catalog_edit_actions,
	.nactions = nitems(catalog_edit_actions),
	.open = catalog_edit_open,
};
