/*
 * Subsidy rates (补贴标准): per kind of certificate and level, an amount
 * in fen valid from a day to a day, with the policy document it comes
 * from; and the eligibility rules' settings. Both are the center admins'.
 */
#include <stdlib.h>
#include <string.h>

#include "subsidy/subsidy.h"

const struct cmd_column subsidy_rate_columns[] = {
	{ "id", "ID", CMD_NUMBER, 0, 0 },
	{ "kind", "KIND", CMD_STRING, 0, 0 },
	{ "level", "LEVEL", CMD_NUMBER, 0, 0 },
	{ "amount_fen", "AMOUNT_FEN", CMD_NUMBER, 0, 0 },
	{ "valid_from", "FROM", CMD_STRING, 0, 0 },
	{ "valid_to", "TO", CMD_OPTIONAL, 0, 0 },
	{ "doc_no", "DOCUMENT", CMD_STRING, 0, 30 },
	{ "demo", "DEMO", CMD_BOOL, 0, 0 },
	{ "version", "VERSION", CMD_NUMBER, CMD_NOTEXT, 0 },
};
const size_t subsidy_rate_ncolumns = nitems(subsidy_rate_columns);

const struct cmd_column subsidy_rule_columns[] = {
	{ "rule", "RULE", CMD_STRING, 0, 0 },
	{ "active", "ACTIVE", CMD_BOOL, 0, 0 },
	{ "value", "VALUE", CMD_OPTIONAL, 0, 0 },
	{ "name_zh", "RULE_ZH", CMD_STRING, 0, 30 },
	{ "name_en", "RULE_EN", CMD_STRING, CMD_NOTEXT, 0 },
};
const size_t subsidy_rule_ncolumns = nitems(subsidy_rule_columns);

static const char rate_denied[] = "仅中心管理员可维护补贴标准 only a center"
    " admin may change subsidy rates";

/* Run one prepared change in its own transaction. */
static int
rate_run(sqlite3 *db, sqlite3_stmt *st, char **why)
{
	int	 step = sqlite3_step(st);

	sqlite3_finalize(st);
	if (step != SQLITE_DONE)
		return training_fail(db, why);
	if (sqlite3_changes(db) == 0) {
		db_rollback(db);
		why_set(why, "找不到该记录 no such record");
		return QD_ENOTFOUND;
	}
	if (db_commit(db) != QD_OK)
		return training_fail(db, why);
	return QD_OK;
}

int
db_subsidy_rate_add(sqlite3 *db, const struct qd_user *actor,
    const struct subsidy_rate_new *r, int64_t *id, char **why)
{
	sqlite3_stmt	*st;
	int		 rc;

	*id = 0;
	if (!user_may(actor, "subsidy-rate write")) {
		why_set(why, "%s", rate_denied);
		return QD_EDENIED;
	}
	if (r->amount_fen < 1 || r->level < 1 || r->level > 5 ||
	    r->doc_no == NULL || *r->doc_no == '\0' || r->valid_from == NULL) {
		why_set(why, "金额（分）须大于0，等级1至5，须有文号和起始日期"
		    " the amount in fen is above 0, the level 1 to 5, with a"
		    " document number and a start day");
		return QD_EINVAL;
	}
	if (db_begin(db) != QD_OK)
		return training_fail(db, why);
	if (db_prepare(db, "INSERT INTO subsidy_rates (kind, level, amount_fen,"
	    " valid_from, valid_to, doc_no, demo) VALUES (?1, ?2, ?3, ?4, ?5,"
	    " ?6, ?7)", &st) != QD_OK)
		return training_fail(db, why);
	sqlite3_bind_text(st, 1, r->kind != NULL ? r->kind : "", -1,
	    SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 2, r->level);
	sqlite3_bind_int64(st, 3, r->amount_fen);
	sqlite3_bind_text(st, 4, r->valid_from, -1, SQLITE_TRANSIENT);
	if (r->valid_to != NULL)
		sqlite3_bind_text(st, 5, r->valid_to, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 6, r->doc_no, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 7, r->demo != 0);
	if ((rc = rate_run(db, st, why)) == QD_OK)
		*id = sqlite3_last_insert_rowid(db);
	return rc;
}

int
db_subsidy_rate_set(sqlite3 *db, const struct qd_user *actor, int64_t id,
    int64_t amount_fen, const char *valid_to, const char *doc_no,
    char **why)
{
	sqlite3_stmt	*st;

	if (!user_may(actor, "subsidy-rate write")) {
		why_set(why, "%s", rate_denied);
		return QD_EDENIED;
	}
	if (db_begin(db) != QD_OK)
		return training_fail(db, why);
	if (db_prepare(db, "UPDATE subsidy_rates SET amount_fen ="
	    " CASE WHEN ?2 > 0 THEN ?2 ELSE amount_fen END, valid_to ="
	    " coalesce(?3, valid_to), doc_no = coalesce(?4, doc_no), version ="
	    " version + 1 WHERE id = ?1", &st) != QD_OK)
		return training_fail(db, why);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, amount_fen);
	if (valid_to != NULL)
		sqlite3_bind_text(st, 3, valid_to, -1, SQLITE_TRANSIENT);
	if (doc_no != NULL)
		sqlite3_bind_text(st, 4, doc_no, -1, SQLITE_TRANSIENT);
	return rate_run(db, st, why);
}

int
db_subsidy_rate_list(sqlite3 *db, const struct qd_user *actor,
    struct cmd_rows *rows, char **why)
{
	(void)actor;
	return training_rows(db, "SELECT id, kind, level, amount_fen,"
	    " valid_from, valid_to, doc_no, demo, version FROM subsidy_rates"
	    " ORDER BY kind, level, valid_from", rows, why, "");
}

int
db_subsidy_rule_list(sqlite3 *db, const struct qd_user *actor,
    struct cmd_rows *rows, char **why)
{
	(void)actor;
	return training_rows(db, "SELECT rule, active, value, name_zh, name_en"
	    " FROM subsidy_rules ORDER BY ord", rows, why, "");
}

int
db_subsidy_rule_set(sqlite3 *db, const struct qd_user *actor,
    const char *rule, int active, int64_t value, char **why)
{
	sqlite3_stmt	*st;

	if (!user_may(actor, "subsidy-rate write")) {
		why_set(why, "仅中心管理员可调整补贴规则 only a center admin may"
		    " adjust the rules");
		return QD_EDENIED;
	}
	if (db_begin(db) != QD_OK)
		return training_fail(db, why);
	if (db_prepare(db, "UPDATE subsidy_rules SET active = CASE WHEN ?2 < 0"
	    " THEN active ELSE ?2 END, value = CASE WHEN ?3 > 0 THEN ?3 ELSE"
	    " value END, version = version + 1 WHERE rule = ?1", &st) != QD_OK)
		return training_fail(db, why);
	sqlite3_bind_text(st, 1, rule, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 2, active);
	sqlite3_bind_int64(st, 3, value);
	return rate_run(db, st, why);
}
