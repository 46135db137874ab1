/*
 * The materials a case needs (受理核对材料): which ones, from the catalog
 * entry, the type or the default list (schema/015-case-domain.sql); what
 * a case still lacks; and the lists the admin keeps.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "case/case.h"

void
case_materials_free(struct qd_case_material *list, size_t n)
{
	size_t	 i;

	if (list == NULL)
		return;
	for (i = 0; i < n; i++) {
		free(list[i].code);
		free(list[i].name_zh);
		free(list[i].name_en);
	}
	free(list);
}

/* Step st (code, name_zh, name_en, received) into *out. */
static int
case_materials_read(sqlite3 *db, sqlite3_stmt *st,
    struct qd_case_material **out, size_t *n, char **why)
{
	struct qd_case_material	*m;
	int			 step;

	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		*out = xreallocarray(*out, *n + 1, sizeof **out);
		m = &(*out)[(*n)++];
		m->code = db_column_strdup(st, 0);
		m->name_zh = db_column_strdup(st, 1);
		m->name_en = db_column_strdup(st, 2);
		m->received = sqlite3_column_int(st, 3);
	}
	if (step == SQLITE_DONE)
		return QD_OK;
	case_materials_free(*out, *n);
	*out = NULL;
	*n = 0;
	return db_fail(db, why);
}

int
db_case_materials(sqlite3 *db, const struct qd_user *actor, int64_t id,
    struct qd_case_material **out, size_t *n, char **why)
{
	struct qd_case	*c = NULL;
	sqlite3_stmt	*st;
	int		 rc;

	*out = NULL;
	*n = 0;
	if ((rc = db_case_get(db, actor, id, &c, why)) != QD_OK)
		return rc;
	case_free(c);
	if (db_prepare(db, "SELECT material, name_zh, name_en, received"
	    " FROM case_materials WHERE case_id = ?1 ORDER BY ord", &st) !=
	    QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int64(st, 1, id);
	rc = case_materials_read(db, st, out, n, why);
	sqlite3_finalize(st);
	return rc;
}

char *
case_materials_missing(const struct qd_case_material *list, size_t n)
{
	char	*s = xstrdup(""), *t;
	size_t	 i;

	for (i = 0; i < n; i++) {
		if (list[i].received)
			continue;
		xasprintf(&t, "%s%s%s %s", s, *s != '\0' ? "、" : "",
		    list[i].name_zh, list[i].name_en);
		free(s);
		s = t;
	}
	return s;
}

int
db_material_list(sqlite3 *db, struct qd_case_material **out, size_t *n,
    char **why)
{
	sqlite3_stmt	*st;
	int		 rc;

	*out = NULL;
	*n = 0;
	if (db_prepare(db, "SELECT code, name_zh, name_en, by_default"
	    " FROM materials ORDER BY ord", &st) != QD_OK)
		return db_fail(db, why);
	rc = case_materials_read(db, st, out, n, why);
	sqlite3_finalize(st);
	return rc;
}

/* 1 if code is a material of the table. */
static int
case_material_known(sqlite3 *db, const char *code)
{
	sqlite3_stmt	*st;
	int		 found = 0;

	if (db_prepare(db, "SELECT 1 FROM materials WHERE code = ?1", &st) ==
	    QD_OK) {
		sqlite3_bind_text(st, 1, code, -1, SQLITE_TRANSIENT);
		found = sqlite3_step(st) == SQLITE_ROW;
		sqlite3_finalize(st);
	}
	return found;
}

/* Delete the list of (catalog_id, type), then insert codes. */
static int
case_needs_write(sqlite3 *db, int64_t catalog_id, const char *type,
    const char *const *codes, size_t n, char **why)
{
	sqlite3_stmt	*st;
	size_t		 i;
	int		 rc = QD_OK;

	if (db_prepare(db, "DELETE FROM material_needs WHERE catalog_id = ?1"
	    " AND type = ?2", &st) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int64(st, 1, catalog_id);
	sqlite3_bind_text(st, 2, type, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = db_fail(db, why);
	sqlite3_finalize(st);
	if (rc != QD_OK)
		return rc;
	if (db_prepare(db, "INSERT OR IGNORE INTO material_needs (catalog_id,"
	    " type, material) VALUES (?1, ?2, ?3)", &st) != QD_OK)
		return db_fail(db, why);
	for (i = 0; i < n && rc == QD_OK; i++) {
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, catalog_id);
		sqlite3_bind_text(st, 2, type, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 3, codes[i], -1, SQLITE_TRANSIENT);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = db_fail(db, why);
	}
	sqlite3_finalize(st);
	return rc;
}

int
db_material_needs_set(sqlite3 *db, const struct qd_user *actor,
    int64_t catalog_id, const char *type, const char *const *codes, size_t n,
    char **why)
{
	size_t	 i;
	int	 rc;

	if (!user_may(actor, "catalog write")) {
		why_set(why, "只有管理员可更改所需材料 only an admin changes the"
		    " materials a qualification needs");
		return QD_EDENIED;
	}
	if ((catalog_id == 0) == (type == NULL || *type == '\0') ||
	    (type != NULL && *type != '\0' && strcmp(type, "adoption") != 0 &&
	    strcmp(type, "recognition") != 0)) {
		why_set(why, "请指定一个目录条目或一种类型 name one catalog"
		    " entry or one type (adoption, recognition)");
		return QD_EINVAL;
	}
	for (i = 0; i < n; i++) {
		if (!case_material_known(db, codes[i])) {
			why_set(why, "没有材料「%s」 no material '%s': one of"
			    " id, cert, photo, form", text_valid(codes[i]) ?
			    codes[i] : "?", text_valid(codes[i]) ? codes[i] :
			    "?");
			return QD_EINVAL;
		}
	}
	if (db_begin(db) != QD_OK)
		return db_fail(db, why);
	rc = case_needs_write(db, catalog_id, catalog_id != 0 ? "" : type,
	    codes, n, why);
	if (rc == QD_OK && db_commit(db) != QD_OK)
		rc = db_fail(db, why);
	if (rc != QD_OK)
		db_rollback(db);
	return rc;
}

void
case_needs_rows_free(struct qd_material_need *list, size_t n)
{
	size_t	 i;

	if (list == NULL)
		return;
	for (i = 0; i < n; i++) {
		free(list[i].scope);
		free(list[i].materials);
	}
	free(list);
}

int
db_material_needs_list(sqlite3 *db, struct qd_material_need **out,
    size_t *n, char **why)
{
	sqlite3_stmt		*st;
	struct qd_material_need	*r;
	int			 step;

	*out = NULL;
	*n = 0;
	/* The default list first, then each type, then each entry. */
	if (db_prepare(db, "SELECT 0, 'default', group_concat(code, ' ')"
	    " FROM (SELECT code FROM materials WHERE by_default = 1"
	    " ORDER BY ord) UNION ALL SELECT n.catalog_id, CASE"
	    " WHEN n.catalog_id = 0 THEN n.type ELSE coalesce(c.tw_qual || ' '"
	    " || c.tw_level, '?') END, group_concat(n.material, ' ')"
	    " FROM (SELECT n.* FROM material_needs n JOIN materials m"
	    " ON m.code = n.material ORDER BY m.ord) n"
	    " LEFT JOIN catalog c ON c.id = n.catalog_id"
	    " GROUP BY n.catalog_id, n.type ORDER BY 1, 2", &st) != QD_OK)
		return db_fail(db, why);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		*out = xreallocarray(*out, *n + 1, sizeof **out);
		r = &(*out)[(*n)++];
		r->catalog_id = sqlite3_column_int64(st, 0);
		r->scope = db_column_strdup(st, 1);
		r->materials = db_column_strdup(st, 2);
		if (r->materials == NULL)
			r->materials = xstrdup("");
	}
	sqlite3_finalize(st);
	if (step != SQLITE_DONE) {
		case_needs_rows_free(*out, *n);
		*out = NULL;
		*n = 0;
		return db_fail(db, why);
	}
	return QD_OK;
}

int
case_materials_waive(sqlite3 *db, const struct qd_user *actor,
    const struct qd_case *c, const char *reason, char **why)
{
	struct qd_case_material	*m = NULL;
	sqlite3_stmt		*st = NULL;
	char			*codes = xstrdup(""), *t, *missing;
	size_t			 i, n = 0;
	int			 rc;

	if ((rc = db_case_materials(db, actor, c->id, &m, &n, why)) != QD_OK)
		goto out;
	missing = case_materials_missing(m, n);
	if (*missing == '\0') {
		free(missing);
		goto out;
	}
	if (reason == NULL || reason[strspn(reason, " ")] == '\0') {
		why_set(why, "缺少%s，请补齐或写明原因 missing: complete it,"
		    " or give the reason to forward without", missing);
		free(missing);
		rc = QD_EINVAL;
		goto out;
	}
	free(missing);
	for (i = 0; i < n; i++) {
		if (m[i].received)
			continue;
		xasprintf(&t, "%s%s%s", codes, *codes != '\0' ? " " : "",
		    m[i].code);
		free(codes);
		codes = t;
	}
	if (db_prepare(db, "INSERT INTO material_waivers (case_id,"
	    " case_version, missing, reason, recorded_by) VALUES (?1, ?2, ?3,"
	    " ?4, ?5)", &st) != QD_OK) {
		rc = db_fail(db, why);
		goto out;
	}
	sqlite3_bind_int64(st, 1, c->id);
	sqlite3_bind_int64(st, 2, c->version);
	sqlite3_bind_text(st, 3, codes, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, reason + strspn(reason, " "), -1,
	    SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, actor->login, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = db_fail(db, why);
out:
	sqlite3_finalize(st);
	case_materials_free(m, n);
	free(codes);
	return rc;
}
