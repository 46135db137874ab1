/*
 * What each user last asked the reports screen for and whether their
 * charts are ASCII: one row of report_prefs each, theirs alone (the
 * schema refuses anyone else's), kept across logins.
 */
#include <string.h>

#include "report/report.h"

int
db_report_prefs_load(sqlite3 *db, const struct qd_user *actor,
    struct report_prefs *p)
{
	sqlite3_stmt	*st;
	int		 rc = QD_OK;

	memset(p, 0, sizeof *p);
	snprintf(p->indicator, sizeof p->indicator, "cases.received");
	snprintf(p->split, sizeof p->split, "month");
	p->ascii = -1;
	if (db_prepare(db, "SELECT indicator, from_month, to_month, split,"
	    " office_id, ascii FROM report_prefs WHERE user_id = ?1", &st) !=
	    QD_OK)
		return QD_EDB;
	sqlite3_bind_int64(st, 1, actor->id);
	switch (sqlite3_step(st)) {
	case SQLITE_ROW:
		snprintf(p->indicator, sizeof p->indicator, "%s",
		    sqlite3_column_text(st, 0));
		snprintf(p->from, sizeof p->from, "%s",
		    sqlite3_column_text(st, 1));
		snprintf(p->to, sizeof p->to, "%s", sqlite3_column_text(st, 2));
		snprintf(p->split, sizeof p->split, "%s",
		    sqlite3_column_text(st, 3));
		p->office_id = sqlite3_column_int64(st, 4);
		p->ascii = sqlite3_column_int(st, 5);
		break;
	case SQLITE_DONE:
		break;
	default:
		rc = QD_EDB;
	}
	sqlite3_finalize(st);
	return rc;
}

int
db_report_prefs_save(sqlite3 *db, const struct qd_user *actor,
    const struct report_prefs *p, char **why)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (db_prepare(db, "INSERT INTO report_prefs (user_id, indicator,"
	    " from_month, to_month, split, office_id, ascii) VALUES (?1, ?2,"
	    " ?3, ?4, ?5, ?6, ?7) ON CONFLICT (user_id) DO UPDATE SET"
	    " indicator = excluded.indicator, from_month = excluded.from_month,"
	    " to_month = excluded.to_month, split = excluded.split,"
	    " office_id = excluded.office_id, ascii = excluded.ascii", &st) !=
	    QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int64(st, 1, actor->id);
	sqlite3_bind_text(st, 2, p->indicator, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, p->from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, p->to, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, p->split, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 6, p->office_id);
	sqlite3_bind_int(st, 7, p->ascii > 0);
	rc = sqlite3_step(st) == SQLITE_DONE ? QD_OK : db_fail(db, why);
	sqlite3_finalize(st);
	return rc;
}
