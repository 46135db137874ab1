/*
 * Batches: the center submits a period's complete claims as one batch,
 * whose count and total are kept as submitted, so they can be checked
 * against the claims at any time after.
 */
#include <stdlib.h>
#include <string.h>

#include "subsidy/subsidy.h"

const struct cmd_column subsidy_batch_columns[] = {
	{ "id", "ID", CMD_NUMBER, 0, 0 },
	{ "period", "PERIOD", CMD_STRING, 0, 0 },
	{ "claims", "CLAIMS", CMD_NUMBER, 0, 0 },
	{ "total_fen", "TOTAL_FEN", CMD_NUMBER, 0, 0 },
	{ "submitted_by", "BY", CMD_STRING, 0, 0 },
	{ "submitted_at", "AT", CMD_STRING, 0, 0 },
};
const size_t subsidy_batch_ncolumns = nitems(subsidy_batch_columns);

const struct cmd_column subsidy_total_columns[] = {
	{ "office", "OFFICE", CMD_STRING, 0, 0 },
	{ "kind", "KIND", CMD_STRING, 0, 0 },
	{ "claims", "CLAIMS", CMD_NUMBER, 0, 0 },
	{ "total_fen", "TOTAL_FEN", CMD_NUMBER, 0, 0 },
};
const size_t subsidy_total_ncolumns = nitems(subsidy_total_columns);

/* Run sql with the batch id and the period bound; QD_OK or failure. */
static int
batch_exec(sqlite3 *db, const char *sql, int64_t batch, const char *period,
    char **why)
{
	sqlite3_stmt	*st;
	int		 step;

	if (db_prepare(db, sql, &st) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int64(st, 1, batch);
	sqlite3_bind_text(st, 2, period, -1, SQLITE_TRANSIENT);
	step = sqlite3_step(st);
	sqlite3_finalize(st);
	return step == SQLITE_DONE ? QD_OK : db_fail(db, why);
}

int
db_subsidy_batch_submit(sqlite3 *db, const struct qd_user *actor,
    const char *period, int64_t *batch, int *n, int64_t *total_fen,
    char **why)
{
	sqlite3_stmt	*st;
	int		 rc;

	*batch = 0;
	*n = 0;
	*total_fen = 0;
	if (!user_may(actor, "subsidy-batch submit")) {
		why_set(why, "仅中心可报送补贴批次 only the center submits a"
		    " batch");
		return QD_EDENIED;
	}
	if (period == NULL || strlen(period) != 7 || period[4] != '-') {
		why_set(why, "期间应为 YYYY-MM the period is YYYY-MM");
		return QD_EINVAL;
	}
	if (db_begin(db) != QD_OK)
		return training_fail(db, why);
	if (db_prepare(db, "INSERT INTO subsidy_batches (period, claims,"
	    " total_fen, submitted_by) SELECT ?1, count(*),"
	    " coalesce(sum(amount_fen), 0), ?2 FROM subsidy_claims WHERE"
	    " period = ?1 AND state = 'complete' HAVING count(*) > 0"
	    " RETURNING id, claims, total_fen", &st) != QD_OK)
		return training_fail(db, why);
	sqlite3_bind_text(st, 1, period, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, actor->login, -1, SQLITE_TRANSIENT);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*batch = sqlite3_column_int64(st, 0);
		*n = sqlite3_column_int(st, 1);
		*total_fen = sqlite3_column_int64(st, 2);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return training_fail(db, why);
	if (*batch == 0) {
		db_rollback(db);
		why_set(why, "%s 没有材料齐全的补贴申请 no complete claims in %s",
		    period, period);
		return QD_ENOTFOUND;
	}
	if ((rc = batch_exec(db, "UPDATE subsidy_claims SET state ="
	    " 'submitted', action = 'submit', batch_id = ?1, version ="
	    " version + 1 WHERE period = ?2 AND state = 'complete'", *batch,
	    period, why)) != QD_OK) {
		db_rollback(db);
		return QD_EDENIED;
	}
	if (db_commit(db) != QD_OK)
		return training_fail(db, why);
	return QD_OK;
}

int
db_subsidy_batch_list(sqlite3 *db, const struct qd_user *actor,
    struct cmd_rows *rows, char **why)
{
	(void)actor;
	return training_rows(db, "SELECT id, period, claims, total_fen,"
	    " submitted_by, submitted_at FROM subsidy_batches ORDER BY id DESC"
	    " LIMIT 200", rows, why, "");
}

int
db_subsidy_batch_totals(sqlite3 *db, const struct qd_user *actor,
    int64_t batch, struct cmd_rows *rows, char **why)
{
	return training_rows(db, "SELECT o.code, c.kind, count(*),"
	    " sum(c.amount_fen) FROM subsidy_claims c JOIN offices o ON o.id ="
	    " c.office_id WHERE c.batch_id = ?1 AND (?2 = 0 OR c.office_id ="
	    " ?2) GROUP BY c.office_id, c.kind ORDER BY c.office_id, c.kind",
	    rows, why, "ii", batch, training_scope(actor));
}

int
db_subsidy_batch_check(sqlite3 *db, const struct qd_user *actor,
    int64_t batch, char **why)
{
	sqlite3_stmt	*st;
	long long	 kept_n, kept_fen, n, fen;
	int		 rc = QD_OK;

	(void)actor;
	if (db_prepare(db, "SELECT b.claims, b.total_fen, (SELECT count(*)"
	    " FROM subsidy_claims c WHERE c.batch_id = b.id), (SELECT"
	    " coalesce(sum(amount_fen), 0) FROM subsidy_claims c WHERE"
	    " c.batch_id = b.id) FROM subsidy_batches b WHERE b.id = ?1", &st)
	    != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int64(st, 1, batch);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		why_set(why, "没有批次 %lld no batch %lld", (long long)batch,
		    (long long)batch);
		return QD_ENOTFOUND;
	}
	kept_n = sqlite3_column_int64(st, 0);
	kept_fen = sqlite3_column_int64(st, 1);
	n = sqlite3_column_int64(st, 2);
	fen = sqlite3_column_int64(st, 3);
	sqlite3_finalize(st);
	if (kept_n != n || kept_fen != fen) {
		why_set(why, "批次 %lld 不符：报送 %lld 件 %lld 分，现有 %lld 件"
		    " %lld 分 batch %lld differs: submitted %lld claims %lld fen,"
		    " now %lld claims %lld fen", (long long)batch, kept_n,
		    kept_fen, n, fen, (long long)batch, kept_n, kept_fen, n,
		    fen);
		rc = QD_ECONFLICT;
	} else
		why_set(why, "批次 %lld 相符：%lld 件，%lld 分 batch %lld"
		    " matches: %lld claims, %lld fen", (long long)batch, n, fen,
		    (long long)batch, n, fen);
	return rc;
}
