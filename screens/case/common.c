/*
 * What the case screens share: the types to filter by, the rows of a
 * case list and the collect step's dialog.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "case/case.h"
#include "case/case-screens.h"

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
    nitems(screen_case_columns);

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
		/* A case lacking materials says so first: [缺2]. */
		if (r[i].missing > 0)
			snprintf(qual, sizeof qual, "[缺%d] ", r[i].missing);
		else
			qual[0] = '\0';
		if (r[i].occupation[0] != '\0')
			snprintf(qual + strlen(qual), sizeof qual - strlen(qual),
			    "%s → %s", r[i].tw_qual, r[i].occupation);
		else
			snprintf(qual + strlen(qual), sizeof qual - strlen(qual),
			    "%s", r[i].tw_qual);
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

int
screen_case_collect(struct ui *ui, struct ui_view *v, const char *title,
    int64_t case_id, int64_t version, char **why)
{
	char	*day = NULL;
	int	 rc;

	if (screen_ask_date(ui, v, title, "领证日期 Date", &day) != QD_OK)
		return QD_ENOTFOUND;
	rc = db_case_collect(ui->db, ui->user, case_id, version, day, why);
	free(day);
	return rc;
}
