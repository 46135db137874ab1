/*
 * A case's steps with an appraisal agency, for the case screen: sending
 * it to one (the city's own when it has one, the user choosing when it
 * has several; the center choosing in the province when it has none),
 * and recording the agency's confirmation, which issues the certificate
 * in the agency's name.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "case/case-screens.h"
#include "catalog/catalog.h"

/* The agencies the user may send c to, as choices by id. */
static int
screen_case_agency_choices(struct ui *ui, const struct qd_case *c,
    struct ui_choice **out, size_t *n, size_t *own, char **why)
{
	struct qd_agency	*a = NULL;
	size_t			 i, na = 0;
	int			 rc;

	*out = NULL;
	*n = *own = 0;
	if ((rc = db_case_agencies(ui->db, ui->user, c, &a, &na, why)) !=
	    QD_OK)
		return rc;
	*out = screen_choices_new(na, NULL);
	for (i = 0; i < na; i++) {
		xasprintf(&(*out)[i].value, "%" PRId64, a[i].id);
		xasprintf(&(*out)[i].label, "%s（%s）", a[i].name,
		    a[i].office_name);
		*own += a[i].office_id == c->office_id;
	}
	*n = na;
	agency_free_array(a, na);
	return QD_OK;
}

int
screen_case_route(struct ui *ui, struct ui_view *v, const struct qd_case *c,
    const char **done, char **why)
{
	struct ui_choice	*ch = NULL;
	size_t			 n = 0, own = 0, picked = 0;
	int			 rc, office = role_has_office(ui->user->role);

	*done = "";
	if ((rc = screen_case_agency_choices(ui, c, &ch, &n, &own, why)) !=
	    QD_OK)
		return rc;
	if (n == 0 || (office && own == 0)) {
		ui_choices_free(ch, n);
		/* The step says why, and what to do instead. */
		return db_case_route(ui->db, ui->user, c->id, c->version, 0,
		    why);
	}
	if (own == 1)
		picked = 0;
	else if (ui_dialog_pick(ui, v, own > 1 ? "本市有多个认定机构，请选择 "
	    "Choose the city's agency" : "本市无机构，委托省内机构 Choose an "
	    "agency in the province", ch, n, &picked) != QD_OK) {
		ui_choices_free(ch, n);
		return QD_ENOTFOUND;
	}
	rc = db_case_route(ui->db, ui->user, c->id, c->version,
	    strtoll(ch[picked].value, NULL, 10), why);
	if (rc == QD_OK)
		*done = office ? "已交本市认定机构 Sent to the city's agency" :
		    "已委托认定机构 Sent to the agency";
	ui_choices_free(ch, n);
	return rc;
}

int
screen_case_confirm(struct ui *ui, struct ui_view *v, const struct qd_case *c,
    char **typed, char **why)
{
	char	*ref = NULL, *day = NULL, *q;
	int	 rc, paper;

	for (;;) {
		if (ui_dialog_input(ui, v, "认定确认 Agency confirmed",
		    "认定机构证书编号 The agency's certificate number", *typed,
		    30, &ref) != QD_OK)
			return QD_ENOTFOUND;
		free(*typed);
		*typed = ref;
		if (*ref == '\0' || strspn(ref, " ") == strlen(ref)) {
			ui_error(ui, "认定机构证书编号必填 the agency's"
			    " certificate number is required");
			continue;
		}
		if (screen_ask_date(ui, v, "认定确认 Agency confirmed",
		    "认定日期 The agency's date", &day) != QD_OK)
			return QD_ENOTFOUND;
		paper = ui_dialog_confirm(ui, v, "交付机构自己的证书，不在此打印？"
		    " Hand over the agency's own certificate, printing none"
		    " here?");
		xasprintf(&q, "以%s名义发证（证书编号 %s，%s）%s？ Issue the"
		    " certificate in the agency's name%s?",
		    c->agency_name != NULL ? c->agency_name : "认定机构", ref,
		    day, paper ? "，交付机构证书" : "", paper ? ", its own paper"
		    " handed over" : "");
		rc = ui_dialog_confirm(ui, v, q);
		free(q);
		if (!rc) {
			free(day);
			return QD_ENOTFOUND;
		}
		rc = db_case_confirm_agency(ui->db, ui->user, c->id,
		    c->version, ref, day, paper, why);
		free(day);
		day = NULL;
		if (rc != QD_EINVAL || ui->quit)
			return rc;
		ui_error(ui, "%s", *why != NULL ? *why : "输入有误 invalid"
		    " input");
		xfree(why);
	}
}
