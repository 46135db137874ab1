/*
 * One applicant's whole record, with their cases in the user's scope.
 * Opening it is audited as a view of personal data (the data layer
 * writes that row); lists elsewhere show ID numbers masked.
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "case/case-screens.h"

static void __attribute__((format(printf, 3, 4)))
applicant_line(char ***lines, size_t *n, const char *fmt, ...)
{
	va_list	 ap;

	*lines = xreallocarray(*lines, *n + 1, sizeof **lines);
	va_start(ap, fmt);
	xvasprintf(&(*lines)[(*n)++], fmt, ap);
	va_end(ap);
}

static const char *
applicant_or_none(const char *s)
{
	return s != NULL && *s != '\0' ? s : "—";
}

/* The person's cases the user may see, newest first. */
static int
applicant_cases(struct ui *ui, int64_t id, char ***out, size_t *n,
    char **why)
{
	struct qd_case_filter	 f = { .queue = CASE_QUEUE_ALL,
	    .applicant_id = id };
	struct qd_case_row	*r = NULL;
	char			*next = NULL;
	size_t			 i, nr = 0;
	int			 rc;

	rc = db_case_list(ui->db, ui->user, &f, NULL, 50, &r, &nr, &next,
	    why);
	if (rc != QD_OK)
		return rc;
	applicant_line(out, n, "%s", "");
	applicant_line(out, n, "案件 Cases (%zu%s)", nr, next != NULL ?
	    "+" : "");
	for (i = 0; i < nr; i++)
		applicant_line(out, n, "  %-7" PRId64 " %-10s %s  %s", r[i].id,
		    r[i].office_name, r[i].state_name, r[i].tw_qual);
	case_rows_free(r, nr);
	free(next);
	return QD_OK;
}

static int
applicant_lines(struct ui *ui, struct ui_view *v, char ***out, size_t *n,
    char **why)
{
	struct qd_applicant	*a = NULL;
	int64_t			 id = *(int64_t *)ui_view_arg(v);
	int			 rc;

	*out = NULL;
	*n = 0;
	if ((rc = db_applicant_get(ui->db, ui->user, id, &a, why)) != QD_OK)
		return rc;
	applicant_line(out, n, "姓名 Name        %s", a->name);
	applicant_line(out, n, "性别 Sex         %s", strcmp(a->sex, "M") ==
	    0 ? "男 Male" : "女 Female");
	applicant_line(out, n, "出生 Born        %s", a->birth_date);
	if (a->mtp_old)
		applicant_line(out, n, "台胞证 MTP       %s  (旧版 older form %s)",
		    a->mtp, a->mtp_raw);
	else
		applicant_line(out, n, "台胞证 MTP       %s", a->mtp);
	applicant_line(out, n, "居住证 Residence %s",
	    applicant_or_none(a->residence_no));
	applicant_line(out, n, "台湾身份证 ID    %s",
	    applicant_or_none(a->taiwan_id));
	applicant_line(out, n, "电话 Phone       %s",
	    applicant_or_none(a->phone));
	applicant_line(out, n, "邮件 E-mail      %s",
	    applicant_or_none(a->email));
	applicant_line(out, n, "地址 Address     %s",
	    applicant_or_none(a->address));
	applicant_line(out, n, "现在台湾 In Taiwan %s", a->in_taiwan ?
	    "是 Yes" : "否 No");
	applicant_line(out, n, "登记 Registered  %s", a->office_name);
	applicant_free(a);
	return applicant_cases(ui, id, out, n, why);
}

/* Correct the details: read the record again for its current version. */
static enum ui_next
applicant_edit(struct ui *ui, struct ui_view *v)
{
	struct qd_applicant	*a = NULL;
	char			*why = NULL;

	if (db_applicant_get(ui->db, ui->user, *(int64_t *)ui_view_arg(v), &a,
	    &why) != QD_OK) {
		ui_error(ui, "%s", why != NULL ? why : "找不到 Not found");
		free(why);
		return UI_STAY;
	}
	ui_screen_run_arg(ui, &screen_applicant_edit, a);
	applicant_free(a);
	return UI_RELOAD;
}

static const struct ui_action applicant_actions[] = {
	{ .key = UI_KEY_F(4), .label = "修改 Edit", .may = "applicant write",
	  .run = applicant_edit },
};

const struct ui_screen screen_applicant = {
	.name = "applicant",
	.title = "台胞 Applicant (查看已记入审计 this view is audited)",
	.lines = applicant_lines,
	.actions = applicant_actions,
	.nactions = nitems(applicant_actions),
};
