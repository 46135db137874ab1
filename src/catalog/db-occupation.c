/*
 * Mainland levels and occupations (职业/工种), what the catalog compares
 * Taiwan qualifications to. Everyone reads them; an admin adds them.
 */
#include <stdlib.h>
#include <string.h>

#include "catalog/catalog.h"

#define OCCUPATION_CODE_MAX	20
#define OCCUPATION_NAME_MAX	40

static const char *occupation_select_sql =
    "SELECT id, code, name, active, version FROM occupations";

int
db_level_list(sqlite3 *db, struct qd_level **out, size_t *n, char **why)
{
	return db_level_list_kind(db, CATALOG_SKILL, out, n, why);
}

int
db_level_list_kind(sqlite3 *db, enum catalog_kind kind, struct qd_level **out,
    size_t *n, char **why)
{
	sqlite3_stmt	*stmt;
	struct qd_level	*list = NULL, *l;
	size_t		 count = 0;
	int		 step;

	*out = NULL;
	*n = 0;
	if (db_prepare(db, "SELECT level, name_zh, name_en FROM level_names"
	    " WHERE kind = ?1 ORDER BY level", &stmt) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_text(stmt, 1, catalog_kind_name(kind), -1, SQLITE_STATIC);
	while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
		list = xreallocarray(list, count + 1, sizeof *list);
		l = &list[count++];
		l->level = sqlite3_column_int(stmt, 0);
		l->name_zh = db_column_strdup(stmt, 1);
		l->name_en = db_column_strdup(stmt, 2);
	}
	sqlite3_finalize(stmt);
	if (step != SQLITE_DONE) {
		level_free_array(list, count);
		return db_fail(db, why);
	}
	*out = list;
	*n = count;
	return QD_OK;
}

void
level_free_array(struct qd_level *list, size_t n)
{
	size_t	 i;

	if (list == NULL)
		return;
	for (i = 0; i < n; i++) {
		free(list[i].name_zh);
		free(list[i].name_en);
	}
	free(list);
}

/* Fill o from a row of occupation_select_sql. */
static void
occupation_from_row(sqlite3_stmt *stmt, struct qd_occupation *o)
{
	o->id = sqlite3_column_int64(stmt, 0);
	o->code = db_column_strdup(stmt, 1);
	o->name = db_column_strdup(stmt, 2);
	o->active = sqlite3_column_int(stmt, 3);
	o->version = sqlite3_column_int64(stmt, 4);
}

/* Step stmt to the end, collecting occupations. */
static int
occupation_collect(sqlite3 *db, sqlite3_stmt *stmt,
    struct qd_occupation **out, size_t *n, char **why)
{
	struct qd_occupation	*list = NULL;
	size_t			 count = 0;
	int			 step;

	while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
		list = xreallocarray(list, count + 1, sizeof *list);
		occupation_from_row(stmt, &list[count++]);
	}
	if (step != SQLITE_DONE) {
		occupation_free_array(list, count);
		return db_fail(db, why);
	}
	*out = list;
	*n = count;
	return QD_OK;
}

int
db_occupation_list(sqlite3 *db, int active_only, struct qd_occupation **out,
    size_t *n, char **why)
{
	sqlite3_stmt	*stmt = NULL;
	char		*sql;
	int		 rc;

	*out = NULL;
	*n = 0;
	xasprintf(&sql, "%s WHERE ?1 = 0 OR active = 1 ORDER BY code",
	    occupation_select_sql);
	if (db_prepare(db, sql, &stmt) != QD_OK)
		rc = db_fail(db, why);
	else {
		sqlite3_bind_int(stmt, 1, active_only != 0);
		rc = occupation_collect(db, stmt, out, n, why);
	}
	sqlite3_finalize(stmt);
	free(sql);
	return rc;
}

int
db_occupation_list_by_agency(sqlite3 *db, int64_t agency_id,
    struct qd_occupation **out, size_t *n, char **why)
{
	sqlite3_stmt	*stmt = NULL;
	int		 rc;

	*out = NULL;
	*n = 0;
	if (db_prepare(db, "SELECT o.id, o.code, o.name, o.active, o.version"
	    " FROM agency_occupations ao"
	    " JOIN occupations o ON o.id = ao.occupation_id"
	    " WHERE ao.agency_id = ?1 ORDER BY o.code", &stmt) != QD_OK)
		rc = db_fail(db, why);
	else {
		sqlite3_bind_int64(stmt, 1, agency_id);
		rc = occupation_collect(db, stmt, out, n, why);
	}
	sqlite3_finalize(stmt);
	return rc;
}

int
db_occupation_find(sqlite3 *db, const char *key, struct qd_occupation **out)
{
	sqlite3_stmt	*stmt = NULL;
	char		*sql;
	int		 rc;

	*out = NULL;
	/* Where one occupation's code is another's name, the code wins. */
	xasprintf(&sql, "%s WHERE code = ?1 OR name = ?1 ORDER BY code = ?1"
	    " DESC LIMIT 1", occupation_select_sql);
	if ((rc = db_prepare(db, sql, &stmt)) != QD_OK)
		goto out;
	sqlite3_bind_text(stmt, 1, key, -1, SQLITE_STATIC);
	switch (sqlite3_step(stmt)) {
	case SQLITE_ROW:
		*out = xcalloc(1, sizeof **out);
		occupation_from_row(stmt, *out);
		rc = QD_OK;
		break;
	case SQLITE_DONE:
		rc = QD_ENOTFOUND;
		break;
	default:
		rc = db_fail(db, NULL);
		break;
	}
out:
	sqlite3_finalize(stmt);
	free(sql);
	return rc;
}

/* Check a new occupation's code and name. */
static int
occupation_check(const char *code, const char *name, char **why)
{
	size_t	 len;

	len = code != NULL ? strlen(code) : 0;
	if (len == 0 || len > OCCUPATION_CODE_MAX || code[strspn(code,
	    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.-")]
	    != '\0') {
		why_set(why, "职业编码须为 1 到 %d 个数字、字母、点或横线，"
		    "如 6-18-01-01 the occupation code is 1 to %d digits, "
		    "letters, dots or hyphens, e.g. 6-18-01-01",
		    OCCUPATION_CODE_MAX, OCCUPATION_CODE_MAX);
		return QD_EINVAL;
	}
	return catalog_check_text(name, OCCUPATION_NAME_MAX, 0,
	    "职业名称 Occupation name", why);
}

int
occupation_insert(sqlite3 *db, const char *code, const char *name,
    int64_t *id, char **why)
{
	sqlite3_stmt	*stmt;
	int		 rc;

	if ((rc = occupation_check(code, name, why)) != QD_OK)
		return rc;
	if (db_prepare(db, "INSERT INTO occupations (code, name)"
	    " VALUES (?1, ?2)", &stmt) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_text(stmt, 1, code, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, name, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (rc == SQLITE_DONE) {
		if (id != NULL)
			*id = sqlite3_last_insert_rowid(db);
		return QD_OK;
	}
	if (sqlite3_extended_errcode(db) == SQLITE_CONSTRAINT_UNIQUE) {
		why_set(why, "职业编码 %s 或名称 %s 已存在 occupation code "
		    "%s or name %s is already taken", code, name, code, name);
		return QD_ECONFLICT;
	}
	return db_fail(db, why);
}

int
db_occupation_add(sqlite3 *db, const struct qd_user *actor, const char *code,
    const char *name, int64_t *id, char **why)
{
	int	 rc;

	if (!user_may(actor, "catalog write")) {
		why_set(why, "仅管理员可修改比对目录 only an admin may change "
		    "the catalog");
		return QD_EDENIED;
	}
	if (db_begin(db) != QD_OK)
		return db_fail(db, why);
	if ((rc = occupation_insert(db, code, name, id, why)) == QD_OK &&
	    db_commit(db) != QD_OK)
		rc = db_fail(db, why);
	if (rc != QD_OK)
		db_rollback(db);
	return rc;
}

void
occupation_free_array(struct qd_occupation *list, size_t n)
{
	size_t	 i;

	if (list == NULL)
		return;
	for (i = 0; i < n; i++) {
		free(list[i].code);
		free(list[i].name);
	}
	free(list);
}

int
db_occupation_update(sqlite3 *db, const struct qd_user *actor, int64_t id,
    int64_t version, const char *code, const char *name, int active,
    char **why)
{
	sqlite3_stmt	*stmt = NULL;
	char		*who, *when;
	int		 rc = QD_OK, step;

	if (!user_may(actor, "catalog write")) {
		why_set(why, "仅管理员可修改比对目录 only an admin may change "
		    "the catalog");
		return QD_EDENIED;
	}
	if ((code != NULL || name != NULL) && (rc = occupation_check(
	    code != NULL ? code : "0", name != NULL ? name : "x", why)) !=
	    QD_OK)
		return rc;
	if (active > 1) {
		why_set(why, "启用须为 1 或 0 active is 1 or 0");
		return QD_EINVAL;
	}
	if (db_begin(db) != QD_OK)
		return db_fail(db, why);
	if (db_prepare(db, "UPDATE occupations SET code = coalesce(?1, code),"
	    " name = coalesce(?2, name), active = CASE WHEN ?3 < 0 THEN active"
	    " ELSE ?3 END, version = version + 1 WHERE id = ?4"
	    " AND (?5 = 0 OR version = ?5)", &stmt) != QD_OK) {
		rc = db_fail(db, why);
		goto out;
	}
	if (code != NULL)
		sqlite3_bind_text(stmt, 1, code, -1, SQLITE_STATIC);
	if (name != NULL)
		sqlite3_bind_text(stmt, 2, name, -1, SQLITE_STATIC);
	sqlite3_bind_int(stmt, 3, active);
	sqlite3_bind_int64(stmt, 4, id);
	sqlite3_bind_int64(stmt, 5, version);
	if ((step = sqlite3_step(stmt)) != SQLITE_DONE) {
		if (sqlite3_extended_errcode(db) == SQLITE_CONSTRAINT_UNIQUE) {
			why_set(why, "职业编码或名称已被其他职业使用 the code or"
			    " the name is another occupation's");
			rc = QD_ECONFLICT;
		} else
			rc = db_fail(db, why);
	} else if (sqlite3_changes(db) != 1) {
		if (db_audit_last(db, "occupations", id, &who, &when) == QD_OK)
			why_set(why, "已被 %s 于 %s 修改 changed by %s at %s",
			    who, when, who, when);
		else
			why_set(why, "找不到此职业 no such occupation");
		free(who);
		free(when);
		rc = QD_ECONFLICT;
	}
out:
	sqlite3_finalize(stmt);
	if (rc == QD_OK && db_commit(db) != QD_OK)
		rc = db_fail(db, why);
	if (rc != QD_OK)
		db_rollback(db);
	return rc;
}
