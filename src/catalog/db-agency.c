/*
 * Skill-level appraisal agencies (等级认定机构): each in one office's city,
 * with the occupations it may confirm. A recognition case goes to its
 * city's agency, or, where the city has none, to one the center picks in
 * the province.
 */
#include <stdlib.h>
#include <string.h>

#include "catalog/catalog.h"

#define AGENCY_NAME_MAX	60

static const char *agency_select_sql =
    "SELECT a.id, a.name, a.office_id, o.code, o.name_zh, a.active,"
    " a.version FROM agencies a JOIN offices o ON o.id = a.office_id";

static const char *agency_denied =
    "仅管理员可修改认定机构 only an admin may change agencies";

enum agency_column {
	AGENCY_COL_NAME,
	AGENCY_COL_OFFICE,
	AGENCY_COL_CODES,
	AGENCY_COL_ACTIVE,
};
static const struct csv_column agency_columns[] = {
	[AGENCY_COL_NAME] = { "name", "机构名称", 1 },
	[AGENCY_COL_OFFICE] = { "office", "办公室", 1 },
	[AGENCY_COL_CODES] = { "occupation_codes", "职业编码", 1 },
	[AGENCY_COL_ACTIVE] = { "active", "启用", 0 },
};
#define AGENCY_NCOLUMNS (nitems(agency_columns))

/* What an agency import has done so far. */
struct agency_import {
	int		 added;
	int		 updated;
	int64_t		*ids;
	size_t		*lines;
	size_t		 n;
};

/* Step stmt (a agency_select_sql query) to the end, collecting agencies. */
static int
agency_collect(sqlite3 *db, sqlite3_stmt *stmt, struct qd_agency **out,
    size_t *n, char **why)
{
	struct qd_agency	*list = NULL, *a;
	size_t			 count = 0;
	int			 step;

	while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
		list = xreallocarray(list, count + 1, sizeof *list);
		a = &list[count++];
		a->id = sqlite3_column_int64(stmt, 0);
		a->name = db_column_strdup(stmt, 1);
		a->office_id = sqlite3_column_int64(stmt, 2);
		a->office_code = db_column_strdup(stmt, 3);
		a->office_name = db_column_strdup(stmt, 4);
		a->active = sqlite3_column_int(stmt, 5);
		a->version = sqlite3_column_int64(stmt, 6);
	}
	if (step != SQLITE_DONE) {
		agency_free_array(list, count);
		return db_fail(db, why);
	}
	*out = list;
	*n = count;
	return QD_OK;
}

/* The codes of agency id joined by ";" (caller frees). */
static int
agency_codes(sqlite3 *db, int64_t id, char **out, char **why)
{
	struct qd_occupation	*occ;
	size_t			 n, i;
	char			*s, *t;
	int			 rc;

	*out = NULL;
	if ((rc = db_occupation_list_by_agency(db, id, &occ, &n, why)) != QD_OK)
		return rc;
	s = xstrdup("");
	for (i = 0; i < n; i++) {
		xasprintf(&t, "%s%s%s", s, i > 0 ? ";" : "", occ[i].code);
		free(s);
		s = t;
	}
	occupation_free_array(occ, n);
	*out = s;
	return QD_OK;
}

/* Agencies by where (binding ?1 to id when id is not 0). */
static int
agency_query(sqlite3 *db, const char *where, int64_t id,
    struct qd_agency **out, size_t *n, char **why)
{
	sqlite3_stmt	*stmt = NULL;
	char		*sql;
	size_t		 i;
	int		 rc;

	*out = NULL;
	*n = 0;
	xasprintf(&sql, "%s %s ORDER BY a.office_id, a.name", agency_select_sql,
	    where);
	if (db_prepare(db, sql, &stmt) != QD_OK)
		rc = db_fail(db, why);
	else {
		if (id != 0)
			sqlite3_bind_int64(stmt, 1, id);
		rc = agency_collect(db, stmt, out, n, why);
	}
	sqlite3_finalize(stmt);
	free(sql);
	for (i = 0; rc == QD_OK && i < *n; i++)
		rc = agency_codes(db, (*out)[i].id, &(*out)[i].occupation_codes,
		    why);
	if (rc != QD_OK) {
		agency_free_array(*out, *n);
		*out = NULL;
		*n = 0;
	}
	return rc;
}

int
db_agency_list(sqlite3 *db, struct qd_agency **out, size_t *n, char **why)
{
	return agency_query(db, "", 0, out, n, why);
}

int
db_agency_list_for_occupation(sqlite3 *db, int64_t occupation_id,
    struct qd_agency **out, size_t *n, char **why)
{
	return agency_query(db, "WHERE a.active = 1 AND EXISTS (SELECT 1"
	    " FROM agency_occupations ao WHERE ao.agency_id = a.id"
	    " AND ao.occupation_id = ?1)", occupation_id, out, n, why);
}

int
db_agency_for(sqlite3 *db, int64_t office_id, int64_t occupation_id,
    int64_t *agency_id)
{
	sqlite3_stmt	*stmt;
	int		 step;

	if (db_prepare(db, "SELECT a.id FROM agency_occupations ao"
	    " JOIN agencies a ON a.id = ao.agency_id"
	    " WHERE ao.occupation_id = ?2 AND a.office_id = ?1"
	    " AND a.active = 1 ORDER BY a.id LIMIT 1", &stmt) != QD_OK)
		return db_fail(db, NULL);
	sqlite3_bind_int64(stmt, 1, office_id);
	sqlite3_bind_int64(stmt, 2, occupation_id);
	if ((step = sqlite3_step(stmt)) == SQLITE_ROW)
		*agency_id = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	if (step == SQLITE_ROW)
		return QD_OK;
	return step == SQLITE_DONE ? QD_ENOTFOUND : db_fail(db, NULL);
}

/* The id of the row of sql (one text parameter); QD_ENOTFOUND or QD_EDB. */
static int
agency_lookup(sqlite3 *db, const char *sql, const char *key, int64_t *id)
{
	sqlite3_stmt	*stmt;
	int		 step;

	if (db_prepare(db, sql, &stmt) != QD_OK)
		return QD_EDB;
	sqlite3_bind_text(stmt, 1, key, -1, SQLITE_STATIC);
	if ((step = sqlite3_step(stmt)) == SQLITE_ROW)
		*id = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	if (step == SQLITE_ROW)
		return QD_OK;
	return step == SQLITE_DONE ? QD_ENOTFOUND : QD_EDB;
}

/* The office with this code. */
static int
agency_office(sqlite3 *db, const char *code, int64_t *id, char **why)
{
	int	 rc;

	rc = agency_lookup(db, "SELECT id FROM offices WHERE code = ?1", code,
	    id);
	if (rc == QD_ENOTFOUND) {
		why_set(why, "未知办公室 unknown office '%s' (give its code, "
		    "e.g. fuzhou)", code);
		return QD_EINVAL;
	}
	return rc == QD_OK ? QD_OK : db_fail(db, why);
}

/* The ids of occupation codes[0..n) into ids. */
static int
agency_occupation_ids(sqlite3 *db, const char *const *codes, size_t n,
    int64_t *ids, char **why)
{
	size_t	 i;
	int	 rc;

	for (i = 0; i < n; i++) {
		rc = agency_lookup(db, "SELECT id FROM occupations"
		    " WHERE code = ?1", codes[i], &ids[i]);
		if (rc == QD_ENOTFOUND) {
			why_set(why, "无此职业编码 %s unknown occupation "
			    "code %s", codes[i], codes[i]);
			return QD_EINVAL;
		}
		if (rc != QD_OK)
			return db_fail(db, why);
	}
	return QD_OK;
}

/* Remove the occupations of agency_id that are not among ids[0..n). */
static int
agency_remove_others(sqlite3 *db, int64_t agency_id, const int64_t *ids,
    size_t n, int *changed, char **why)
{
	sqlite3_stmt	*stmt;
	char		*list, *t;
	size_t		 i;
	int		 rc = QD_OK;

	/* The ids as a JSON array: numbers only, bound as one value. */
	list = xstrdup("[");
	for (i = 0; i < n; i++) {
		xasprintf(&t, "%s%s%lld", list, i > 0 ? "," : "",
		    (long long)ids[i]);
		free(list);
		list = t;
	}
	xasprintf(&t, "%s]", list);
	free(list);
	if (db_prepare(db, "DELETE FROM agency_occupations WHERE agency_id = ?1"
	    " AND occupation_id NOT IN (SELECT value FROM json_each(?2))",
	    &stmt) != QD_OK) {
		free(t);
		return db_fail(db, why);
	}
	sqlite3_bind_int64(stmt, 1, agency_id);
	sqlite3_bind_text(stmt, 2, t, -1, SQLITE_STATIC);
	if (sqlite3_step(stmt) != SQLITE_DONE)
		rc = db_fail(db, why);
	else if (sqlite3_changes(db) > 0)
		*changed = 1;
	sqlite3_finalize(stmt);
	free(t);
	return rc;
}

/*
 * Make agency_id cover exactly the occupations codes[0..n): remove the
 * others, add the missing. *changed is set if anything moved.
 */
static int
agency_set_occupations(sqlite3 *db, int64_t agency_id,
    const char *const *codes, size_t n, int *changed, char **why)
{
	sqlite3_stmt	*stmt = NULL;
	int64_t		*ids;
	size_t		 i;
	int		 rc;

	ids = xcalloc(n + 1, sizeof *ids);
	if ((rc = agency_occupation_ids(db, codes, n, ids, why)) != QD_OK ||
	    (rc = agency_remove_others(db, agency_id, ids, n, changed,
	    why)) != QD_OK)
		goto out;
	if (db_prepare(db, "INSERT OR IGNORE INTO agency_occupations"
	    " (agency_id, occupation_id) VALUES (?1, ?2)", &stmt) != QD_OK) {
		rc = db_fail(db, why);
		goto out;
	}
	for (i = 0; rc == QD_OK && i < n; i++) {
		sqlite3_reset(stmt);
		sqlite3_bind_int64(stmt, 1, agency_id);
		sqlite3_bind_int64(stmt, 2, ids[i]);
		if (sqlite3_step(stmt) != SQLITE_DONE)
			rc = db_fail(db, why);
		else if (sqlite3_changes(db) > 0)
			*changed = 1;
	}
out:
	sqlite3_finalize(stmt);
	free(ids);
	return rc;
}

/* Insert a checked agency and its occupations; the caller's transaction. */
static int
agency_insert(sqlite3 *db, const char *name, int64_t office_id,
    const char *const *codes, size_t n, int active, int64_t *id, char **why)
{
	sqlite3_stmt	*stmt;
	int		 rc, changed = 0;

	if (db_prepare(db, "INSERT INTO agencies (name, office_id, active)"
	    " VALUES (?1, ?2, ?3)", &stmt) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_text(stmt, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 2, office_id);
	sqlite3_bind_int(stmt, 3, active);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE) {
		if (sqlite3_extended_errcode(db) != SQLITE_CONSTRAINT_UNIQUE)
			return db_fail(db, why);
		why_set(why, "已有认定机构“%s” agency %s already exists",
		    name, name);
		return QD_ECONFLICT;
	}
	*id = sqlite3_last_insert_rowid(db);
	return agency_set_occupations(db, *id, codes, n, &changed, why);
}

int
db_agency_add(sqlite3 *db, const struct qd_user *actor, const char *name,
    const char *office_code, const char *const *codes, size_t ncodes,
    int64_t *id, char **why)
{
	int64_t	 office_id, ignored;
	int	 rc;

	if (!user_may(actor, "agency write")) {
		why_set(why, "%s", agency_denied);
		return QD_EDENIED;
	}
	if ((rc = catalog_check_text(name, AGENCY_NAME_MAX, 0,
	    "机构名称 Agency name", why)) != QD_OK)
		return rc;
	if (db_begin(db) != QD_OK)
		return db_fail(db, why);
	if ((rc = agency_office(db, office_code, &office_id, why)) == QD_OK)
		rc = agency_insert(db, name, office_id, codes, ncodes, 1,
		    id != NULL ? id : &ignored, why);
	if (rc == QD_OK && db_commit(db) != QD_OK)
		rc = db_fail(db, why);
	if (rc != QD_OK)
		db_rollback(db);
	return rc;
}

/* Split "a; b；c" on semicolons (ASCII or full-width) into trimmed codes. */
static char **
agency_split_codes(const char *s, size_t *n)
{
	char	**codes = NULL, *copy, *p, *q, *end;

	*n = 0;
	copy = xstrdup(s);
	/* The full-width semicolon U+FF1B is three bytes; make it ";  ". */
	while ((p = strstr(copy, "\xef\xbc\x9b")) != NULL)
		memcpy(p, ";  ", 3);
	for (p = copy; p != NULL; p = q) {
		if ((q = strchr(p, ';')) != NULL)
			*q++ = '\0';
		p += strspn(p, " ");
		end = p + strlen(p);
		while (end > p && end[-1] == ' ')
			*--end = '\0';
		if (*p == '\0')
			continue;
		codes = xreallocarray(codes, *n + 1, sizeof *codes);
		codes[(*n)++] = xstrdup(p);
	}
	free(copy);
	return codes;
}

/* Update agency id (at version) where office or active differ. */
static int
agency_rewrite(sqlite3 *db, int64_t id, int64_t version, int64_t office_id,
    int active, char **why)
{
	sqlite3_stmt	*stmt;
	int		 rc;

	if (db_prepare(db, "UPDATE agencies SET office_id = ?1, active = ?2,"
	    " version = version + 1 WHERE id = ?3 AND version = ?4", &stmt) !=
	    QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int64(stmt, 1, office_id);
	sqlite3_bind_int(stmt, 2, active);
	sqlite3_bind_int64(stmt, 3, id);
	sqlite3_bind_int64(stmt, 4, version);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE)
		return db_fail(db, why);
	return QD_OK;
}

/* The agency called name: QD_OK with its fields, QD_ENOTFOUND, QD_EDB. */
static int
agency_by_name(sqlite3 *db, const char *name, struct qd_agency *a)
{
	sqlite3_stmt	*stmt;
	int		 step;

	if (db_prepare(db, "SELECT id, office_id, active, version FROM agencies"
	    " WHERE name = ?1", &stmt) != QD_OK)
		return QD_EDB;
	sqlite3_bind_text(stmt, 1, name, -1, SQLITE_STATIC);
	if ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
		a->id = sqlite3_column_int64(stmt, 0);
		a->office_id = sqlite3_column_int64(stmt, 1);
		a->active = sqlite3_column_int(stmt, 2);
		a->version = sqlite3_column_int64(stmt, 3);
	}
	sqlite3_finalize(stmt);
	if (step == SQLITE_ROW)
		return QD_OK;
	return step == SQLITE_DONE ? QD_ENOTFOUND : QD_EDB;
}

/* Refuse a second row for an agency this import already wrote. */
static int
agency_import_seen(struct agency_import *ai, int64_t id, size_t line,
    char **why)
{
	size_t	 i;

	for (i = 0; i < ai->n; i++) {
		if (ai->ids[i] == id) {
			why_set(why, "与第%zu行是同一机构 repeats the agency "
			    "of line %zu", ai->lines[i], ai->lines[i]);
			return QD_EINVAL;
		}
	}
	ai->ids = xreallocarray(ai->ids, ai->n + 1, sizeof *ai->ids);
	ai->lines = xreallocarray(ai->lines, ai->n + 1, sizeof *ai->lines);
	ai->ids[ai->n] = id;
	ai->lines[ai->n++] = line;
	return QD_OK;
}

/* An existing agency: office, active and occupations as the row says. */
static int
agency_import_update(sqlite3 *db, struct agency_import *ai,
    const struct qd_agency *have, int64_t office_id, int active,
    char **codes, size_t n, char **why)
{
	int	 rc, changed = 0;

	if (have->office_id != office_id || have->active != active) {
		if ((rc = agency_rewrite(db, have->id, have->version,
		    office_id, active, why)) != QD_OK)
			return rc;
		changed = 1;
	}
	rc = agency_set_occupations(db, have->id, (const char *const *)codes,
	    n, &changed, why);
	ai->updated += rc == QD_OK && changed;
	return rc;
}

/* One row: add the agency, or bring it in line with the row. */
static int
agency_import_row(sqlite3 *db, void *arg, size_t line, char **cells,
    char **why)
{
	struct agency_import	*ai = arg;
	struct qd_agency	 have;
	char			**codes;
	size_t			  n, i;
	int64_t			  office_id, id;
	int			  rc, active, exists;

	codes = agency_split_codes(cells[AGENCY_COL_CODES], &n);
	if ((rc = catalog_check_text(cells[AGENCY_COL_NAME], AGENCY_NAME_MAX,
	    0, "机构名称 Agency name", why)) != QD_OK ||
	    (rc = agency_office(db, cells[AGENCY_COL_OFFICE], &office_id,
	    why)) != QD_OK)
		goto out;
	if ((rc = agency_by_name(db, cells[AGENCY_COL_NAME], &have)) ==
	    QD_EDB) {
		rc = db_fail(db, why);
		goto out;
	}
	exists = rc == QD_OK;
	active = exists ? have.active : 1;
	if ((rc = db_import_flag(cells[AGENCY_COL_ACTIVE], "active", &active,
	    why)) != QD_OK)
		goto out;
	if (exists) {
		if ((rc = agency_import_seen(ai, have.id, line, why)) == QD_OK)
			rc = agency_import_update(db, ai, &have, office_id,
			    active, codes, n, why);
	} else if ((rc = agency_insert(db, cells[AGENCY_COL_NAME], office_id,
	    (const char *const *)codes, n, active, &id, why)) == QD_OK &&
	    (rc = agency_import_seen(ai, id, line, why)) == QD_OK)
		ai->added++;
out:
	for (i = 0; i < n; i++)
		free(codes[i]);
	free(codes);
	return rc;
}

int
db_agency_import(sqlite3 *db, const struct qd_user *actor, const char *data,
    size_t len, enum csv_charset charset, int *added, int *updated,
    char **why)
{
	struct agency_import	 ai;
	int			 rc;

	*added = *updated = 0;
	if (!user_may(actor, "agency write")) {
		why_set(why, "%s", agency_denied);
		return QD_EDENIED;
	}
	memset(&ai, 0, sizeof ai);
	rc = db_import(db, data, len, charset, agency_columns, AGENCY_NCOLUMNS,
	    agency_import_row, &ai, why);
	if (rc == QD_OK) {
		*added = ai.added;
		*updated = ai.updated;
	}
	free(ai.ids);
	free(ai.lines);
	return rc;
}

int
db_agency_export(sqlite3 *db, const struct qd_user *actor, FILE *f,
    enum csv_charset charset, char **why)
{
	struct qd_agency	*list = NULL;
	const char		*row[AGENCY_NCOLUMNS];
	size_t			 n = 0, i;
	int			 rc;

	/* Every role reads the agencies. */
	(void)actor;
	if ((rc = db_agency_list(db, &list, &n, why)) != QD_OK)
		return rc;
	for (i = 0; i < AGENCY_NCOLUMNS; i++)
		row[i] = agency_columns[i].name;
	rc = csv_write_row(f, row, AGENCY_NCOLUMNS, charset, why);
	for (i = 0; rc == QD_OK && i < n; i++) {
		row[AGENCY_COL_NAME] = list[i].name;
		row[AGENCY_COL_OFFICE] = list[i].office_code;
		row[AGENCY_COL_CODES] = list[i].occupation_codes;
		row[AGENCY_COL_ACTIVE] = list[i].active ? "1" : "0";
		rc = csv_write_row(f, row, AGENCY_NCOLUMNS, charset, why);
	}
	agency_free_array(list, n);
	return rc;
}

void
agency_free_array(struct qd_agency *list, size_t n)
{
	size_t	 i;

	if (list == NULL)
		return;
	for (i = 0; i < n; i++) {
		free(list[i].name);
		free(list[i].office_code);
		free(list[i].office_name);
		free(list[i].occupation_codes);
	}
	free(list);
}

int
db_agency_get(sqlite3 *db, const char *key, struct qd_agency **out,
    char **why)
{
	struct qd_agency	*list = NULL;
	size_t			 n = 0, i;
	char			*end;
	long long		 id;
	int			 rc;

	*out = NULL;
	if (key == NULL || *key == '\0') {
		why_set(why, "请给出认定机构的编号或名称 give the agency's id"
		    " or name");
		return QD_EINVAL;
	}
	id = strtoll(key, &end, 10);
	if (*end != '\0' || id <= 0)
		id = 0;
	/* By id when key is a number, else by its exact name. */
	if (id != 0)
		rc = agency_query(db, "WHERE a.id = ?1", id, &list, &n, why);
	else
		rc = db_agency_list(db, &list, &n, why);
	if (rc != QD_OK)
		return rc;
	for (i = 0; i < n && id == 0 && strcmp(list[i].name, key) != 0; i++)
		;
	if (i == n) {
		agency_free_array(list, n);
		why_set(why, "找不到认定机构“%s” no agency %s", key, key);
		return QD_ENOTFOUND;
	}
	*out = xcalloc(1, sizeof **out);
	**out = list[i];
	memset(&list[i], 0, sizeof list[i]);
	agency_free_array(list, n);
	return QD_OK;
}

/* Who changed agency id last and when, for a lost race. */
static int
agency_changed(sqlite3 *db, int64_t id, char **why)
{
	char	*who, *when;

	if (db_audit_last(db, "agencies", id, &who, &when) == QD_OK)
		why_set(why, "已被 %s 于 %s 修改 changed by %s at %s", who,
		    when, who, when);
	else
		why_set(why, "已被他人修改 changed by someone else");
	free(who);
	free(when);
	return QD_ECONFLICT;
}

/* Write the checked change over agency have; the caller's transaction. */
static int
agency_change(sqlite3 *db, const struct qd_agency *have,
    const struct qd_agency_change *ch, char **why)
{
	sqlite3_stmt	*stmt;
	int64_t		 office_id = have->office_id;
	int		 rc, changed = 0;

	if (ch->office_code != NULL && (rc = agency_office(db,
	    ch->office_code, &office_id, why)) != QD_OK)
		return rc;
	if (db_prepare(db, "UPDATE agencies SET name = ?1, office_id = ?2,"
	    " active = ?3, version = version + 1 WHERE id = ?4 AND"
	    " version = ?5", &stmt) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_text(stmt, 1, ch->name != NULL ? ch->name : have->name, -1,
	    SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 2, office_id);
	sqlite3_bind_int(stmt, 3, ch->active >= 0 ? ch->active != 0 :
	    have->active);
	sqlite3_bind_int64(stmt, 4, have->id);
	sqlite3_bind_int64(stmt, 5, ch->version != 0 ? ch->version :
	    have->version);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE) {
		if (sqlite3_extended_errcode(db) != SQLITE_CONSTRAINT_UNIQUE)
			return db_fail(db, why);
		why_set(why, "已有认定机构“%s” agency %s already exists",
		    ch->name, ch->name);
		return QD_ECONFLICT;
	}
	if (sqlite3_changes(db) != 1)
		return agency_changed(db, have->id, why);
	if (ch->codes == NULL)
		return QD_OK;
	if (ch->ncodes == 0) {
		why_set(why, "认定机构至少认定一个职业 an agency appraises at"
		    " least one occupation");
		return QD_EINVAL;
	}
	return agency_set_occupations(db, have->id, ch->codes, ch->ncodes,
	    &changed, why);
}

int
db_agency_update(sqlite3 *db, const struct qd_user *actor,
    const struct qd_agency_change *ch, char **why)
{
	struct qd_agency	*have = NULL;
	char			 key[24];
	int			 rc;

	if (!user_may(actor, "agency write")) {
		why_set(why, "%s", agency_denied);
		return QD_EDENIED;
	}
	if (ch->name != NULL && (rc = catalog_check_text(ch->name,
	    AGENCY_NAME_MAX, 0, "机构名称 Agency name", why)) != QD_OK)
		return rc;
	if (ch->active > 1) {
		why_set(why, "启用须为 1 或 0 active is 1 or 0");
		return QD_EINVAL;
	}
	if (db_begin(db) != QD_OK)
		return db_fail(db, why);
	snprintf(key, sizeof key, "%lld", (long long)ch->id);
	if ((rc = db_agency_get(db, key, &have, why)) == QD_OK)
		rc = agency_change(db, have, ch, why);
	if (rc == QD_OK && db_commit(db) != QD_OK)
		rc = db_fail(db, why);
	if (rc != QD_OK)
		db_rollback(db);
	agency_free_array(have, have != NULL ? 1 : 0);
	return rc;
}

char **
agency_codes_split(const char *s, size_t *n)
{
	return agency_split_codes(s, n);
}
