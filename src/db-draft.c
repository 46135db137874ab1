/*
 * Drafts: what a user typed into a form, saved while typing, so a dropped
 * link or a closed terminal loses nothing. One draft per user, form and
 * record (ref 0 for a new one). Saving is frequent and not audited;
 * starting and dropping a draft are (by trigger).
 */
#include <stdlib.h>
#include <string.h>

#include "qualdesk.h"

int
db_draft_save(sqlite3 *db, const struct qd_user *actor, const char *form,
    int64_t ref, const char *data, char **why)
{
	sqlite3_stmt	*st;
	int		 rc = QD_OK;

	if (actor->id == 0) {
		why_set(why, "本地操作员没有草稿 the local operator keeps no"
		    " drafts");
		return QD_EINVAL;
	}
	if (strlen(data) > 16384) {
		why_set(why, "草稿过长 the draft is too long");
		return QD_EINVAL;
	}
	if (db_prepare(db, "INSERT INTO drafts (user_id, form, ref, data)"
	    " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (user_id, form, ref)"
	    " DO UPDATE SET data = excluded.data, updated_at ="
	    " strftime('%Y-%m-%dT%H:%M:%fZ', 'now')", &st) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int64(st, 1, actor->id);
	sqlite3_bind_text(st, 2, form, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 3, ref);
	sqlite3_bind_text(st, 4, data, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = db_fail(db, why);
	sqlite3_finalize(st);
	return rc;
}

int
db_draft_load(sqlite3 *db, const struct qd_user *actor, const char *form,
    int64_t ref, char **data, char **updated_at)
{
	sqlite3_stmt	*st;
	int		 step, rc = QD_ENOTFOUND;

	*data = NULL;
	if (updated_at != NULL)
		*updated_at = NULL;
	if (db_prepare(db, "SELECT data, updated_at FROM drafts WHERE"
	    " user_id = ?1 AND form = ?2 AND ref = ?3", &st) != QD_OK)
		return QD_EDB;
	sqlite3_bind_int64(st, 1, actor->id);
	sqlite3_bind_text(st, 2, form, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 3, ref);
	step = sqlite3_step(st);
	if (step == SQLITE_ROW) {
		*data = db_column_strdup(st, 0);
		if (updated_at != NULL)
			*updated_at = db_column_strdup(st, 1);
		rc = QD_OK;
	} else if (step != SQLITE_DONE)
		rc = db_fail(db, NULL);
	sqlite3_finalize(st);
	return rc;
}

int
db_draft_drop(sqlite3 *db, const struct qd_user *actor, const char *form,
    int64_t ref)
{
	sqlite3_stmt	*st;
	int		 rc = QD_OK;

	if (db_prepare(db, "DELETE FROM drafts WHERE user_id = ?1 AND"
	    " form = ?2 AND ref = ?3", &st) != QD_OK)
		return QD_EDB;
	sqlite3_bind_int64(st, 1, actor->id);
	sqlite3_bind_text(st, 2, form, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 3, ref);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = db_fail(db, NULL);
	sqlite3_finalize(st);
	return rc;
}

int
db_draft_count(sqlite3 *db, const struct qd_user *actor, const char *prefix,
    int *n)
{
	sqlite3_stmt	*st;
	int		 rc = QD_OK;

	*n = 0;
	if (db_prepare(db, "SELECT count(*) FROM drafts WHERE user_id = ?1"
	    " AND (?2 IS NULL OR substr(form, 1, length(?2)) = ?2)", &st) !=
	    QD_OK)
		return QD_EDB;
	sqlite3_bind_int64(st, 1, actor->id);
	if (prefix != NULL)
		sqlite3_bind_text(st, 2, prefix, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_ROW)
		*n = sqlite3_column_int(st, 0);
	else
		rc = db_fail(db, NULL);
	sqlite3_finalize(st);
	return rc;
}
