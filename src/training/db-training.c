/*
 * What the training data layer shares: who the actor is, failures with
 * the schema's own words, lists filled from one prepared statement, and
 * the lookups of an applicant, an occupation and an office by the codes
 * people type.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "training/training.h"

int64_t
training_scope(const struct qd_user *actor)
{
	return role_has_office(actor->role) ? actor->office_id : 0;
}

int
training_is_center(const struct qd_user *actor)
{
	return actor->role == ROLE_CENTER || actor->role == ROLE_ADMIN;
}

int
training_is_office(const struct qd_user *actor)
{
	return actor->role == ROLE_CLERK || actor->role == ROLE_LIAISON;
}

int
training_fail(sqlite3 *db, char **why)
{
	int	 ext = sqlite3_extended_errcode(db);

	db_fail(db, why);
	db_rollback(db);
	if (ext == SQLITE_CONSTRAINT_TRIGGER)
		return QD_EDENIED;
	if (ext == SQLITE_CONSTRAINT_UNIQUE)
		return QD_ECONFLICT;
	if ((ext & 0xff) == SQLITE_CONSTRAINT)
		return QD_EINVAL;
	return QD_EDB;
}

int
training_rows(sqlite3 *db, const char *sql, struct cmd_rows *rows,
    char **why, const char *fmt, ...)
{
	sqlite3_stmt	*st;
	va_list		 ap;
	const char	*s;
	int		 i, rc = QD_OK;

	if (db_prepare(db, sql, &st) != QD_OK)
		return db_fail(db, why);
	va_start(ap, fmt);
	for (i = 0; fmt[i] != '\0'; i++) {
		if (fmt[i] == 'i')
			sqlite3_bind_int64(st, i + 1, va_arg(ap, int64_t));
		else if ((s = va_arg(ap, const char *)) != NULL)
			sqlite3_bind_text(st, i + 1, s, -1, SQLITE_TRANSIENT);
	}
	va_end(ap);
	if (cmd_rows_from_stmt(rows, st) != SQLITE_DONE)
		rc = db_fail(db, why);
	sqlite3_finalize(st);
	return rc;
}

/* The id one text parameter finds with sql, or QD_ENOTFOUND. */
static int
training_lookup(sqlite3 *db, const char *sql, const char *key, int64_t *id,
    char **why)
{
	sqlite3_stmt	*st;
	int		 step;

	*id = 0;
	if (db_prepare(db, sql, &st) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
	step = sqlite3_step(st);
	if (step == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (step == SQLITE_ROW)
		return QD_OK;
	if (step != SQLITE_DONE)
		return db_fail(db, why);
	return QD_ENOTFOUND;
}

int
training_applicant_by_mtp(sqlite3 *db, const char *mtp, int64_t *id,
    char **why)
{
	char	 norm[9];
	int	 old, rc;

	if (mtp == NULL || idcheck_mtp(mtp, norm, &old, why) != QD_OK) {
		if (why != NULL && *why == NULL)
			why_set(why, "通行证号应为8位数字 the MTP number is"
			    " 8 digits");
		return QD_EINVAL;
	}
	rc = training_lookup(db, "SELECT id FROM applicants WHERE mtp = ?1",
	    norm, id, why);
	if (rc == QD_ENOTFOUND)
		why_set(why, "找不到通行证号为 %s 的台胞 no applicant with MTP"
		    " number %s", norm, norm);
	return rc;
}

int
training_occupation_by_code(sqlite3 *db, const char *code, int64_t *id,
    char **why)
{
	int	 rc;

	rc = training_lookup(db, "SELECT id FROM occupations WHERE code = ?1"
	    " AND active = 1", code != NULL ? code : "", id, why);
	if (rc == QD_ENOTFOUND) {
		why_set(why, "没有职业代码 %s no occupation coded %s",
		    code != NULL ? code : "", code != NULL ? code : "");
		rc = QD_EINVAL;
	}
	return rc;
}

int
training_office_by_code(sqlite3 *db, const char *code, int64_t *id,
    char **why)
{
	int	 rc;

	rc = training_lookup(db, "SELECT id FROM offices WHERE code = ?1",
	    code != NULL ? code : "", id, why);
	if (rc == QD_ENOTFOUND) {
		why_set(why, "没有办公室 %s no office %s",
		    code != NULL ? code : "", code != NULL ? code : "");
		rc = QD_EINVAL;
	}
	return rc;
}
