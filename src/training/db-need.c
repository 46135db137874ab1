/*
 * Training needs (培训需求): a city records what one of its people wants
 * to learn (occupation, level, preferred period, in Taiwan or not) and
 * reports its needs to the center, whose live table counts them by
 * occupation, level and city as they come.
 */
#include <stdlib.h>
#include <string.h>

#include "training/training.h"

const struct cmd_column training_need_columns[] = {
	{ "id", "ID", CMD_NUMBER, 0, 0 },
	{ "office", "OFFICE", CMD_STRING, 0, 0 },
	{ "name", "NAME", CMD_STRING, 0, 12 },
	{ "occupation", "OCCUPATION", CMD_STRING, 0, 16 },
	{ "level", "LEVEL", CMD_NUMBER, 0, 0 },
	{ "period", "PERIOD", CMD_STRING, 0, 0 },
	{ "in_taiwan", "IN_TAIWAN", CMD_BOOL, 0, 0 },
	{ "reported_at", "REPORTED", CMD_OPTIONAL, 0, 0 },
};
const size_t training_need_ncolumns = nitems(training_need_columns);

const struct cmd_column training_need_table_columns[] = {
	{ "occupation_code", "CODE", CMD_STRING, 0, 0 },
	{ "occupation", "OCCUPATION", CMD_STRING, 0, 16 },
	{ "level", "LEVEL", CMD_NUMBER, 0, 0 },
	{ "office", "OFFICE", CMD_STRING, 0, 0 },
	{ "in_taiwan", "IN_TAIWAN", CMD_NUMBER, 0, 0 },
	{ "total", "TOTAL", CMD_NUMBER, 0, 0 },
};
const size_t training_need_table_ncolumns = nitems(training_need_table_columns);

int
db_training_need_add(sqlite3 *db, const struct qd_user *actor,
    const struct training_need_new *nn, int64_t *id, char **why)
{
	sqlite3_stmt	*st = NULL;
	int64_t		 applicant, occ;
	int		 rc;

	*id = 0;
	if (!user_may(actor, "training-need write")) {
		why_set(why, "仅办公室可登记培训需求 only an office records"
		    " training needs");
		return QD_EDENIED;
	}
	if (nn->level < 1 || nn->level > 5) {
		why_set(why, "等级须为1至5 the level is 1 to 5");
		return QD_EINVAL;
	}
	if (nn->period == NULL || strlen(nn->period) != 7 ||
	    nn->period[4] != '-') {
		why_set(why, "期望时间应为 YYYY-MM the preferred period is"
		    " YYYY-MM");
		return QD_EINVAL;
	}
	if ((rc = training_applicant_by_mtp(db, nn->mtp, &applicant, why)) !=
	    QD_OK || (rc = training_occupation_by_code(db, nn->occupation,
	    &occ, why)) != QD_OK)
		return rc;
	if (db_begin(db) != QD_OK)
		return training_fail(db, why);
	if (db_prepare(db, "INSERT INTO training_needs (applicant_id,"
	    " office_id, occupation_id, level, period, in_taiwan, note)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", &st) != QD_OK)
		return training_fail(db, why);
	sqlite3_bind_int64(st, 1, applicant);
	sqlite3_bind_int64(st, 2, actor->office_id);
	sqlite3_bind_int64(st, 3, occ);
	sqlite3_bind_int(st, 4, nn->level);
	sqlite3_bind_text(st, 5, nn->period, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 6, nn->in_taiwan != 0);
	sqlite3_bind_text(st, 7, nn->note != NULL ? nn->note : "", -1,
	    SQLITE_TRANSIENT);
	if (sqlite3_step(st) != SQLITE_DONE) {
		sqlite3_finalize(st);
		return training_fail(db, why);
	}
	sqlite3_finalize(st);
	*id = sqlite3_last_insert_rowid(db);
	if (db_commit(db) != QD_OK)
		return training_fail(db, why);
	return QD_OK;
}

int
db_training_need_report(sqlite3 *db, const struct qd_user *actor, int *n,
    char **why)
{
	sqlite3_stmt	*st;

	*n = 0;
	if (!user_may(actor, "training-need write")) {
		why_set(why, "仅办公室上报培训需求 only an office reports its"
		    " needs");
		return QD_EDENIED;
	}
	if (db_begin(db) != QD_OK)
		return training_fail(db, why);
	if (db_prepare(db, "UPDATE training_needs SET reported_at ="
	    " strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), version = version + 1"
	    " WHERE office_id = ?1 AND reported_at IS NULL", &st) != QD_OK)
		return training_fail(db, why);
	sqlite3_bind_int64(st, 1, actor->office_id);
	if (sqlite3_step(st) != SQLITE_DONE) {
		sqlite3_finalize(st);
		return training_fail(db, why);
	}
	sqlite3_finalize(st);
	*n = sqlite3_changes(db);
	if (db_commit(db) != QD_OK)
		return training_fail(db, why);
	return QD_OK;
}

int
db_training_need_list(sqlite3 *db, const struct qd_user *actor,
    struct cmd_rows *rows, char **why)
{
	return training_rows(db, "SELECT n.id, o.code, a.name, c.name,"
	    " n.level, n.period, n.in_taiwan, n.reported_at"
	    " FROM training_needs n JOIN offices o ON o.id = n.office_id"
	    " JOIN applicants a ON a.id = n.applicant_id"
	    " JOIN occupations c ON c.id = n.occupation_id"
	    " WHERE (?1 = 0 OR n.office_id = ?1) ORDER BY n.id DESC LIMIT 500",
	    rows, why, "i", training_scope(actor));
}

int
db_training_need_table(sqlite3 *db, const struct qd_user *actor,
    struct cmd_rows *rows, char **why)
{
	return training_rows(db, "SELECT c.code, c.name, t.level, o.code,"
	    " sum(CASE WHEN t.in_taiwan = 1 THEN t.n ELSE 0 END), sum(t.n)"
	    " FROM training_need_counts t"
	    " JOIN occupations c ON c.id = t.occupation_id"
	    " JOIN offices o ON o.id = t.office_id"
	    " WHERE (?1 = 0 OR t.office_id = ?1) AND t.n > 0"
	    " GROUP BY t.occupation_id, t.level, t.office_id"
	    " ORDER BY c.code, t.level, o.id", rows, why, "i",
	    training_scope(actor));
}
