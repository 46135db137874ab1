/*
 * The audit trail: explicit rows for events that change no table (a login,
 * a view of a record), and reading the trail. Row changes are audited by
 * the schema's triggers.
 */
#include <stdlib.h>

#include "qualdesk.h"

#define AUDIT_LIMIT_MAX	1000

int
db_audit(sqlite3 *db, const char *action, const char *table, int64_t record,
    const char *detail)
{
	sqlite3_stmt	*stmt;
	int		 rc;

	if (db_prepare(db, "INSERT INTO audit (actor, via, action, tbl, record,"
	    " after) VALUES (qd_actor(), qd_via(), ?1, ?2, ?3,"
	    " CASE WHEN ?4 IS NULL THEN NULL"
	    " ELSE json_object('detail', ?4) END)", &stmt) != QD_OK)
		return QD_EDB;
	sqlite3_bind_text(stmt, 1, action, -1, SQLITE_STATIC);
	if (table != NULL)
		sqlite3_bind_text(stmt, 2, table, -1, SQLITE_STATIC);
	if (record != 0)
		sqlite3_bind_int64(stmt, 3, record);
	if (detail != NULL)
		sqlite3_bind_text(stmt, 4, detail, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE)
		return db_fail(db, NULL);
	return QD_OK;
}

/* Copy the current row of an audit query into a. */
static void
audit_from_row(sqlite3_stmt *stmt, struct qd_audit *a)
{
	a->id = sqlite3_column_int64(stmt, 0);
	a->at = db_column_strdup(stmt, 1);
	a->actor = db_column_strdup(stmt, 2);
	a->via = db_column_strdup(stmt, 3);
	a->action = db_column_strdup(stmt, 4);
	a->tbl = db_column_strdup(stmt, 5);
	a->record = sqlite3_column_int64(stmt, 6);
	a->before = db_column_strdup(stmt, 7);
	a->after = db_column_strdup(stmt, 8);
}

int
db_audit_list(sqlite3 *db, const struct qd_user *actor, int64_t before_id,
    int limit, struct qd_audit **out, size_t *n, char **why)
{
	return db_audit_find(db, actor, NULL, before_id, limit, out, n, why);
}

/* Bind text, or NULL for an empty or absent one (it matches every row). */
static void
audit_bind_text(sqlite3_stmt *stmt, int i, const char *text)
{
	if (text != NULL && *text != '\0')
		sqlite3_bind_text(stmt, i, text, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(stmt, i);
}

int
db_audit_find(sqlite3 *db, const struct qd_user *actor,
    const struct qd_audit_filter *f, int64_t before_id, int limit,
    struct qd_audit **out, size_t *n, char **why)
{
	static const struct qd_audit_filter all;
	sqlite3_stmt	*stmt;
	struct qd_audit	*list = NULL;
	size_t		 count = 0;
	int		 step;

	*out = NULL;
	*n = 0;
	if (f == NULL)
		f = &all;
	if (!user_may(actor, "audit read")) {
		why_set(why, "only an admin or an auditor may read the "
		    "audit trail");
		return QD_EDENIED;
	}
	if (limit < 1 || limit > AUDIT_LIMIT_MAX || before_id < 0) {
		why_set(why, "the limit must be 1 to %d and the starting id "
		    "positive", AUDIT_LIMIT_MAX);
		return QD_EINVAL;
	}
	/* Keyset pagination on the rowid: as fast on page 1000 as page 1. */
	if (db_prepare(db, "SELECT id, at, actor, via, action, tbl, record,"
	    " before, after FROM audit WHERE id < ?1"
	    " AND (?3 IS NULL OR actor = ?3) AND (?4 IS NULL OR tbl = ?4)"
	    " AND (?5 = 0 OR record = ?5) AND (?6 IS NULL OR action = ?6)"
	    " AND (?7 IS NULL OR date(at, '+8 hours') = ?7)"
	    " ORDER BY id DESC LIMIT ?2", &stmt) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int64(stmt, 1, before_id > 0 ? before_id : INT64_MAX);
	sqlite3_bind_int(stmt, 2, limit);
	audit_bind_text(stmt, 3, f->actor);
	audit_bind_text(stmt, 4, f->tbl);
	sqlite3_bind_int64(stmt, 5, f->record);
	audit_bind_text(stmt, 6, f->action);
	audit_bind_text(stmt, 7, f->day);
	while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
		list = xreallocarray(list, count + 1, sizeof *list);
		audit_from_row(stmt, &list[count++]);
	}
	sqlite3_finalize(stmt);
	if (step != SQLITE_DONE) {
		audit_free_array(list, count);
		return db_fail(db, why);
	}
	*out = list;
	*n = count;
	return QD_OK;
}

void
audit_free_array(struct qd_audit *list, size_t n)
{
	size_t	 i;

	if (list == NULL)
		return;
	for (i = 0; i < n; i++) {
		free(list[i].at);
		free(list[i].actor);
		free(list[i].via);
		free(list[i].action);
		free(list[i].tbl);
		free(list[i].before);
		free(list[i].after);
	}
	free(list);
}

int
db_audit_last(sqlite3 *db, const char *table, int64_t record, char **who,
    char **when)
{
	sqlite3_stmt	*st;
	int		 rc = QD_ENOTFOUND;

	*who = *when = NULL;
	if (db_prepare(db, "SELECT actor, strftime('%Y-%m-%d %H:%M', at,"
	    " 'localtime') FROM audit WHERE tbl = ?1 AND record = ?2"
	    " ORDER BY id DESC LIMIT 1", &st) != QD_OK)
		return QD_EDB;
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, record);
	if (sqlite3_step(st) == SQLITE_ROW &&
	    sqlite3_column_type(st, 1) != SQLITE_NULL) {
		*who = db_column_strdup(st, 0);
		*when = db_column_strdup(st, 1);
		rc = QD_OK;
	}
	sqlite3_finalize(st);
	return rc;
}
