/*
 * What the case screens share: the choices their fields and dialogs offer
 * (offices, occupations, levels, catalog entries, agencies) and the rows
 * of a case list.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "qualdesk.h"

/* Start a choice array of n entries, the first "all" when any is set. */
static struct ui_choice *
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
	size_t			 i, no = 0;
	int			 rc;

	rc = db_office_list(ui->db, &o, &no);
	*out = screen_choices_new(no, "全部办公室 All offices");
	for (i = 0; i < no; i++) {
		xasprintf(&(*out)[i + 1].value, "%" PRId64, o[i].id);
		xasprintf(&(*out)[i + 1].label, "%s %s", o[i].name_zh,
		    o[i].code);
	}
	*n = no + 1;
	office_free_array(o, no);
	return rc;
}

int
screen_type_choices(struct ui *ui, struct ui_choice **out, size_t *n)
{
	(void)ui;
	*out = screen_choices_new(2, "全部类型 All types");
	(*out)[1].value = xstrdup("adoption");
	(*out)[1].label = xstrdup(case_type_label("adoption"));
	(*out)[2].value = xstrdup("recognition");
	(*out)[2].label = xstrdup(case_type_label("recognition"));
	*n = 3;
	return QD_OK;
}

/* The active occupations; value is the id. With any, "all" comes first. */
static int
screen_occupations(struct ui *ui, const char *any, struct ui_choice **out,
    size_t *n)
{
	struct qd_occupation	*o = NULL;
	size_t			 i, no = 0, first = any != NULL;
	char			*why = NULL;
	int			 rc;

	rc = db_occupation_list(ui->db, 1, &o, &no, &why);
	free(why);
	*out = screen_choices_new(no, any);
	for (i = 0; i < no; i++) {
		xasprintf(&(*out)[i + first].value, "%" PRId64, o[i].id);
		xasprintf(&(*out)[i + first].label, "%s %s", o[i].name,
		    o[i].code);
	}
	*n = no + first;
	occupation_free_array(o, no);
	return rc;
}

int
screen_occupation_filter_choices(struct ui *ui, struct ui_choice **out,
    size_t *n)
{
	return screen_occupations(ui, "全部职业 All occupations", out, n);
}

int
screen_occupation_choices(struct ui *ui, struct ui_choice **out, size_t *n)
{
	return screen_occupations(ui, NULL, out, n);
}

int
screen_level_choices(struct ui *ui, struct ui_choice **out, size_t *n)
{
	struct qd_level	*l = NULL;
	size_t		 i, nl = 0;
	char		*why = NULL;
	int		 rc;

	rc = db_level_list(ui->db, &l, &nl, &why);
	free(why);
	*out = screen_choices_new(nl, NULL);
	for (i = 0; i < nl; i++) {
		xasprintf(&(*out)[i].value, "%d", l[i].level);
		xasprintf(&(*out)[i].label, "%s %s", l[i].name_zh,
		    l[i].name_en);
	}
	*n = nl;
	level_free_array(l, nl);
	return rc;
}

int
screen_catalog_choices(struct ui *ui, struct ui_choice **out, size_t *n)
{
	struct qd_catalog_filter	 f = { .active_only = 1 };
	struct qd_catalog		*c = NULL;
	size_t				 i, nc = 0;
	char				*why = NULL;
	int				 rc;

	rc = db_catalog_list(ui->db, &f, &c, &nc, &why);
	free(why);
	*out = screen_choices_new(nc, "（不在目录中，手工填写） Not in the"
	    " catalog: type it");
	for (i = 0; i < nc; i++) {
		xasprintf(&(*out)[i + 1].value, "%" PRId64, c[i].id);
		xasprintf(&(*out)[i + 1].label, "%s %s → %s %s [%s]",
		    c[i].tw_qual, c[i].tw_level, c[i].occupation_name,
		    c[i].level_name, c[i].mode == CATALOG_RECOGNITION ?
		    "采认" : "采信");
	}
	*n = nc + 1;
	catalog_free_array(c, nc);
	return rc;
}

int
screen_catalog_level(struct ui *ui, int64_t catalog_id, int64_t *occupation,
    int *level)
{
	struct qd_catalog	*c = NULL;
	char			*why = NULL;
	int			 rc;

	rc = db_catalog_get(ui->db, catalog_id, &c, &why);
	free(why);
	if (rc == QD_OK) {
		*occupation = c->occupation_id;
		*level = c->level;
		catalog_free_array(c, 1);
	}
	return rc;
}

int
screen_agency_choices(struct ui *ui, int64_t occupation_id,
    struct ui_choice **out, size_t *n)
{
	struct qd_agency	*a = NULL;
	size_t			 i, na = 0;
	char			*why = NULL;
	int			 rc;

	rc = db_agency_list_for_occupation(ui->db, occupation_id, &a, &na,
	    &why);
	free(why);
	*out = screen_choices_new(na, NULL);
	for (i = 0; i < na; i++) {
		xasprintf(&(*out)[i].value, "%" PRId64, a[i].id);
		xasprintf(&(*out)[i].label, "%s（%s）", a[i].name,
		    a[i].office_name);
	}
	*n = na;
	agency_free_array(a, na);
	return rc;
}

const struct ui_column screen_case_columns[] = {
	{ .title = "案件 No", .width = 7 },
	{ .title = "台胞 Name", .width = 10, .grow = 1 },
	{ .title = "城市 City", .width = 9 },
	{ .title = "资格 Qualification", .width = 18, .grow = 2 },
	{ .title = "状态 State", .width = 10 },
	{ .title = "天 Age", .width = 6 },
	{ .title = "领取 By", .width = 8 },
};
const size_t screen_case_ncolumns =
    sizeof screen_case_columns / sizeof screen_case_columns[0];

void
screen_case_rows_add(struct ui_rows *rows, const struct qd_case_row *r,
    size_t n)
{
	const char	*cells[7];
	char		 id[24], days[16], qual[160], state[32];
	size_t		 i;

	for (i = 0; i < n; i++) {
		snprintf(id, sizeof id, "%" PRId64, r[i].id);
		snprintf(days, sizeof days, "%d", r[i].age_days);
		if (r[i].occupation[0] != '\0')
			snprintf(qual, sizeof qual, "%s → %s", r[i].tw_qual,
			    r[i].occupation);
		else
			snprintf(qual, sizeof qual, "%s", r[i].tw_qual);
		cells[0] = id;
		cells[1] = r[i].applicant_name;
		cells[2] = r[i].office_name;
		cells[3] = qual;
		/* The Chinese name of the state: the column is narrow. */
		snprintf(state, sizeof state, "%.*s",
		    (int)strcspn(r[i].state_name, " "), r[i].state_name);
		cells[4] = state;
		cells[5] = days;
		cells[6] = r[i].held_by;
		ui_rows_add(rows, r[i].id, id, cells);
	}
}

void
screen_case_page(struct ui_rows *rows, struct qd_case_row *r, size_t n,
    char *next)
{
	screen_case_rows_add(rows, r, n);
	rows->more = next != NULL;
	ui_rows_set_cursor(rows, next);
	case_rows_free(r, n);
	free(next);
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
screen_case_collect(struct ui *ui, struct ui_view *v, const char *title,
    int64_t case_id, int64_t version, char **why)
{
	char	*day = NULL, today[11];
	int	 rc;

	idcheck_today(today);
	if (ui_dialog_input(ui, v, title, "领证日期 Date", today, 10, &day) !=
	    QD_OK)
		return QD_ENOTFOUND;
	rc = db_case_collect(ui->db, ui->user, case_id, version, day, why);
	free(day);
	return rc;
}
