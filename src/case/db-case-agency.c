/*
 * Recognition (采认) by an appraisal agency (等级认定机构), as the notice's
 * flow has it: the city coordinates its own agency for the occupation,
 * or, when it has none, sends the case to the center (委托认证), which
 * coordinates one in the province; the agency confirms and issues, and
 * the city prints and notifies. Routing picks the agency; confirming
 * records the agency's certificate (number and day) and issues the
 * certificate in the agency's name, in the same transaction.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "case/case.h"
#include "catalog/catalog.h"
#include "cert/cert.h"

/* The agencies c may go to: office 0 the province's, its city's first. */
static int
case_agency_query(sqlite3 *db, const struct qd_case *c, int64_t office,
    struct qd_agency **out, size_t *n, char **why)
{
	struct qd_agency	*all = NULL;
	size_t			 i, nall = 0;
	int			 rc;

	*out = NULL;
	*n = 0;
	if ((rc = db_agency_list_for_occupation(db, c->occupation_id, &all,
	    &nall, why)) != QD_OK)
		return rc;
	*out = xcalloc(nall + 1, sizeof **out);
	/* The city's own first, then (for the center) the others. */
	for (i = 0; i < nall; i++) {
		if (all[i].office_id == c->office_id)
			(*out)[(*n)++] = all[i];
	}
	for (i = 0; office == 0 && i < nall; i++) {
		if (all[i].office_id != c->office_id)
			(*out)[(*n)++] = all[i];
	}
	/* Those left out are freed; the kept ones moved. */
	for (i = 0; i < nall; i++) {
		if (office != 0 && all[i].office_id != c->office_id) {
			free(all[i].name);
			free(all[i].office_code);
			free(all[i].office_name);
			free(all[i].occupation_codes);
		}
	}
	free(all);
	return QD_OK;
}

int
db_case_agencies(sqlite3 *db, const struct qd_user *actor,
    const struct qd_case *c, struct qd_agency **out, size_t *n, char **why)
{
	*out = NULL;
	*n = 0;
	if (role_has_office(actor->role) && c->office_id != actor->office_id) {
		why_set(why, "此案件属于其他办公室 this case belongs to another"
		    " office");
		return QD_EDENIED;
	}
	if (c->occupation_id == 0)
		return QD_OK;
	return case_agency_query(db, c, role_has_office(actor->role) ?
	    c->office_id : 0, out, n, why);
}

/* "甲机构、乙机构" of the city's agencies, for a message (caller frees). */
static char *
case_agency_names(const struct qd_agency *a, size_t n)
{
	char	*s = xstrdup(""), *t;
	size_t	 i;

	for (i = 0; i < n; i++) {
		xasprintf(&t, "%s%s%s", s, i > 0 ? "、" : "", a[i].name);
		free(s);
		s = t;
	}
	return s;
}

/*
 * Route's own part: the agency, s->i1 if given (it must appraise the
 * occupation and, for an office, be of its city), else the city's own
 * one. The schema checks the same.
 */
static int
case_route_agency(sqlite3 *db, const struct qd_user *actor,
    const struct qd_case *c, struct case_step *s, char **why)
{
	struct qd_agency	*a = NULL;
	size_t			 i, n = 0, own = 0;
	char			*names;
	int			 rc;

	if ((rc = db_case_agencies(db, actor, c, &a, &n, why)) != QD_OK)
		return rc;
	for (i = 0; i < n; i++)
		own += a[i].office_id == c->office_id;
	if (s->i1 != 0) {
		for (i = 0; i < n && a[i].id != s->i1; i++)
			;
		if (i == n) {
			why_set(why, role_has_office(actor->role) ?
			    "只能交本市认定%s的机构 only an agency of your city"
			    " that appraises %s" : "该机构不能认定%s that"
			    " agency does not appraise %s",
			    c->occupation_name != NULL ? c->occupation_name :
			    "此职业", c->occupation_name != NULL ?
			    c->occupation_name : "this occupation");
			rc = QD_EINVAL;
		}
	} else if (own == 1)
		s->i1 = a[0].id;
	else if (own == 0) {
		if (role_has_office(actor->role))
			why_set(why, "%s没有认定此职业的机构，请报送中心委托认证"
			    " %s has no agency for this occupation: forward"
			    " the case to the center", c->office_name,
			    c->office_name);
		else
			why_set(why, "%s没有此职业的认定机构，请选择省内机构（委托"
			    "认证） %s has no agency for this occupation;"
			    " choose one in the province", c->office_name,
			    c->office_name);
		rc = QD_ENOTFOUND;
	} else {
		names = case_agency_names(a, own);
		why_set(why, "%s有%zu个认定此职业的机构（%s），请选择 %s has %zu"
		    " agencies for this occupation: choose one", c->office_name,
		    own, names, c->office_name, own);
		free(names);
		rc = QD_EINVAL;
	}
	agency_free_array(a, n);
	return rc;
}

int
db_case_route(sqlite3 *db, const struct qd_user *actor, int64_t id,
    int64_t version, int64_t agency_id, char **why)
{
	struct case_step	 s = { .action = "route", .set = "agency_id = ?5",
	    .i1 = agency_id, .before = case_route_agency };

	return case_step_run(db, actor, id, version, &s, why);
}

/* Confirmation's own part: the certificate, in the agency's name. */
static int
case_agency_cert(sqlite3 *db, const struct qd_case *c, char **why)
{
	return db_cert_issue(db, c->id, 0, NULL, NULL, NULL, why);
}

int
db_case_confirm_agency(sqlite3 *db, const struct qd_user *actor, int64_t id,
    int64_t version, const char *agency_ref, const char *agency_on,
    int agency_paper, char **why)
{
	struct case_step	 s = { .action = "confirm",
	    .set = "agency_ref = ?7, agency_on = ?9, agency_paper = ?6,"
	    " decided_occupation_id ="
	    " (SELECT occupation_id FROM catalog WHERE id = cases.catalog_id),"
	    " decided_level = (SELECT level FROM catalog WHERE id ="
	    " cases.catalog_id), decided_at = " CASE_NOW ", held_by = NULL,"
	    " held_at = NULL", .i2 = agency_paper != 0, .t1 = agency_ref,
	    .after = case_agency_cert };
	char			 day[11], today[11];

	if (case_text_check(agency_ref, 30, "认定机构证书编号",
	    "the agency's certificate number", why) != QD_OK)
		return QD_EINVAL;
	idcheck_today(today);
	if (agency_on == NULL || *agency_on == '\0')
		memcpy(day, today, sizeof day);
	else if (idcheck_day(agency_on, "认定日期", "the agency's date", day,
	    why) != QD_OK)
		return QD_EINVAL;
	else if (strcmp(day, today) > 0) {
		why_set(why, "认定日期不能晚于今天 the agency's date cannot be"
		    " after today");
		return QD_EINVAL;
	}
	s.t2 = day;
	return case_step_run(db, actor, id, version, &s, why);
}

int
db_case_confirm(sqlite3 *db, const struct qd_user *actor, int64_t id,
    int64_t version, const char *agency_ref, char **why)
{
	return db_case_confirm_agency(db, actor, id, version, agency_ref, NULL,
	    0, why);
}
