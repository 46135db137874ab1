/*
 * The choices the catalog offers other screens' fields and dialogs:
 * occupations, levels and catalog entries.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "catalog/catalog.h"
#include "catalog/catalog-screens.h"

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
screen_level_both_choices(struct ui *ui, struct ui_choice **out, size_t *n)
{
	struct qd_level	*l = NULL, *p = NULL;
	size_t		 i, nl = 0, np = 0;
	char		*why = NULL;
	int		 rc;

	rc = db_level_list_kind(ui->db, CATALOG_SKILL, &l, &nl, &why);
	if (rc == QD_OK)
		rc = db_level_list_kind(ui->db, CATALOG_PROFESSIONAL, &p, &np,
		    &why);
	free(why);
	*out = screen_choices_new(nl, NULL);
	for (i = 0; i < nl; i++) {
		xasprintf(&(*out)[i].value, "%d", l[i].level);
		xasprintf(&(*out)[i].label, "%s | %s", l[i].name_zh,
		    i < np ? p[i].name_zh : "");
	}
	*n = nl;
	level_free_array(l, nl);
	level_free_array(p, np);
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
