/*
 * Subsidy claims: drafted by the schema when a qualifying certificate is
 * issued, completed by the applicant's office with the checklist (ID,
 * certificate copy, bank details, application form), submitted by the
 * center in a period's batch, approved, returned or rejected with a
 * reason, and paid. Bank details are masked in every list; reading them
 * in full is audited.
 */
#include <stdlib.h>
#include <string.h>

#include "subsidy/subsidy.h"

const struct cmd_column subsidy_claim_columns[] = {
	{ "id", "ID", CMD_NUMBER, 0, 0 },
	{ "office", "OFFICE", CMD_STRING, 0, 0 },
	{ "name", "NAME", CMD_STRING, 0, 12 },
	{ "kind", "KIND", CMD_STRING, 0, 0 },
	{ "cert_number", "CERTIFICATE", CMD_STRING, 0, 0 },
	{ "occupation", "OCCUPATION", CMD_STRING, 0, 12 },
	{ "level", "LEVEL", CMD_NUMBER, 0, 0 },
	{ "period", "PERIOD", CMD_STRING, 0, 0 },
	{ "amount_fen", "AMOUNT_FEN", CMD_NUMBER, 0, 0 },
	{ "doc_no", "DOCUMENT", CMD_STRING, CMD_NOTEXT, 0 },
	{ "docs", "DOCS", CMD_STRING, 0, 0 },
	{ "bank_name", "BANK", CMD_STRING, CMD_NOTEXT, 0 },
	{ "bank_account", "ACCOUNT", CMD_STRING, 0, 0 },
	{ "state", "STATE", CMD_STRING, 0, 0 },
	{ "batch", "BATCH", CMD_OPTIONAL, 0, 0 },
	{ "reason", "REASON", CMD_STRING, CMD_NOTEXT, 0 },
	{ "paid_on", "PAID_ON", CMD_OPTIONAL, CMD_NOTEXT, 0 },
	{ "paid_fen", "PAID_FEN", CMD_OPTIONAL, CMD_NOTEXT, 0 },
	{ "finance_ref", "FINANCE_REF", CMD_STRING, CMD_NOTEXT, 0 },
	{ "version", "VERSION", CMD_NUMBER, CMD_NOTEXT, 0 },
};
const size_t subsidy_claim_ncolumns = nitems(subsidy_claim_columns);

const struct cmd_column subsidy_intake_columns[] = {
	{ "id", "ID", CMD_NUMBER, 0, 0 },
	{ "office", "OFFICE", CMD_STRING, 0, 0 },
	{ "name", "NAME", CMD_STRING, 0, 12 },
	{ "cert_number", "CERTIFICATE", CMD_STRING, 0, 0 },
	{ "kind", "KIND", CMD_STRING, 0, 0 },
	{ "level", "LEVEL", CMD_NUMBER, 0, 0 },
	{ "outcome", "OUTCOME", CMD_STRING, 0, 0 },
	{ "claim", "CLAIM", CMD_OPTIONAL, 0, 0 },
	{ "rule", "RULE", CMD_OPTIONAL, 0, 0 },
	{ "reason", "REASON", CMD_STRING, 0, 40 },
};
const size_t subsidy_intake_ncolumns = nitems(subsidy_intake_columns);

/* The columns of a claim, bank account masked unless full. */
#define CLAIM_SELECT(account) \
	"SELECT c.id, o.code, a.name, c.kind, c.cert_number, p.name," \
	" c.level, c.period, c.amount_fen, c.doc_no, c.doc_id || c.doc_cert" \
	" || c.doc_bank || c.doc_form, c.bank_name, " account ", c.state," \
	" c.batch_id, c.reason, c.paid_on, c.paid_fen, c.finance_ref," \
	" c.version FROM subsidy_claims c JOIN offices o ON o.id =" \
	" c.office_id JOIN applicants a ON a.id = c.applicant_id" \
	" JOIN occupations p ON p.id = c.occupation_id"
#define CLAIM_MASKED \
	"CASE WHEN c.bank_account = '' THEN '' ELSE '****' ||" \
	" substr(c.bank_account, -4) END"

int
db_subsidy_claim_list(sqlite3 *db, const struct qd_user *actor,
    const struct subsidy_filter *f, struct cmd_rows *rows, char **why)
{
	return training_rows(db, CLAIM_SELECT(CLAIM_MASKED)
	    " WHERE (?1 = 0 OR c.office_id = ?1) AND (?2 IS NULL OR c.state ="
	    " ?2) AND (?3 IS NULL OR c.period = ?3) AND (?4 = 0 OR c.batch_id"
	    " = ?4) AND c.id > ?5 ORDER BY c.id LIMIT ?6", rows, why, "ittiii",
	    training_scope(actor), f->state, f->period, f->batch, f->after,
	    (int64_t)(f->limit > 0 ? f->limit : 100));
}

int
db_subsidy_claim_show(sqlite3 *db, const struct qd_user *actor, int64_t id,
    struct cmd_rows *rows, char **why)
{
	char	 summary[64];
	int	 rc;

	if ((rc = training_rows(db, CLAIM_SELECT("c.bank_account")
	    " WHERE c.id = ?1 AND (?2 = 0 OR c.office_id = ?2)", rows, why,
	    "ii", id, training_scope(actor))) != QD_OK)
		return rc;
	if (rows->n == 0) {
		why_set(why, "没有补贴申请 %lld（或属于其他办公室）no claim %lld"
		    " (or it is another office's)", (long long)id,
		    (long long)id);
		return QD_ENOTFOUND;
	}
	/* Whoever reads the bank details in full is on record. */
	snprintf(summary, sizeof summary, "{\"bank_details\":true}");
	if ((rc = db_audit(db, "view", "subsidy_claims", id, summary)) !=
	    QD_OK) {
		cmd_rows_free(rows);
		why_set(why, "无法记录查看 cannot audit the view");
		return rc;
	}
	return QD_OK;
}

int
db_subsidy_claim_docs(sqlite3 *db, const struct qd_user *actor, int64_t id,
    const struct subsidy_docs *d, char **why)
{
	sqlite3_stmt	*st;
	int		 step;

	if (!user_may(actor, "subsidy-claim docs")) {
		why_set(why, "仅申请所属办公室或中心可补充材料 only the claim's"
		    " office or the center records its documents");
		return QD_EDENIED;
	}
	if (d->bank_account != NULL && (strlen(d->bank_account) < 8 ||
	    strlen(d->bank_account) > 32 ||
	    strspn(d->bank_account, "0123456789") != strlen(d->bank_account))) {
		why_set(why, "银行账号应为8至32位数字 the bank account is 8 to 32"
		    " digits");
		return QD_EINVAL;
	}
	if (d->bank_name != NULL && (!text_valid(d->bank_name) ||
	    strlen(d->bank_name) > 180)) {
		why_set(why, "开户行名称无效或过长 the bank's name is invalid or"
		    " too long");
		return QD_EINVAL;
	}
	if (db_begin(db) != QD_OK)
		return training_fail(db, why);
	if (db_prepare(db, "UPDATE subsidy_claims SET"
	    " doc_id = CASE WHEN ?3 < 0 THEN doc_id ELSE ?3 END,"
	    " doc_cert = CASE WHEN ?4 < 0 THEN doc_cert ELSE ?4 END,"
	    " doc_bank = CASE WHEN ?5 < 0 THEN doc_bank ELSE ?5 END,"
	    " doc_form = CASE WHEN ?6 < 0 THEN doc_form ELSE ?6 END,"
	    " bank_name = coalesce(?7, bank_name),"
	    " bank_account = coalesce(?8, bank_account), version = version + 1"
	    " WHERE id = ?1 AND (?2 = 0 OR office_id = ?2)", &st) != QD_OK)
		return training_fail(db, why);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, training_scope(actor));
	sqlite3_bind_int(st, 3, d->doc_id);
	sqlite3_bind_int(st, 4, d->doc_cert);
	sqlite3_bind_int(st, 5, d->doc_bank);
	sqlite3_bind_int(st, 6, d->doc_form);
	if (d->bank_name != NULL)
		sqlite3_bind_text(st, 7, d->bank_name, -1, SQLITE_TRANSIENT);
	if (d->bank_account != NULL)
		sqlite3_bind_text(st, 8, d->bank_account, -1, SQLITE_TRANSIENT);
	step = sqlite3_step(st);
	sqlite3_finalize(st);
	if (step != SQLITE_DONE)
		return training_fail(db, why);
	if (sqlite3_changes(db) == 0) {
		db_rollback(db);
		why_set(why, "没有补贴申请 %lld（或属于其他办公室）no claim %lld"
		    " (or it is another office's)", (long long)id,
		    (long long)id);
		return QD_ENOTFOUND;
	}
	if (db_commit(db) != QD_OK)
		return training_fail(db, why);
	return QD_OK;
}

int
db_subsidy_claim_step(sqlite3 *db, const struct qd_user *actor, int64_t id,
    const struct subsidy_step *s, char **why)
{
	sqlite3_stmt	*st;
	int		 step;

	if (!user_may(actor, "subsidy-claim write")) {
		why_set(why, "审计只读 the auditor changes nothing");
		return QD_EDENIED;
	}
	if ((strcmp(s->action, "return") == 0 ||
	    strcmp(s->action, "reject") == 0) && (s->reason == NULL ||
	    *s->reason == '\0')) {
		why_set(why, "退回或不予补贴须说明原因 a return or a rejection"
		    " needs a reason");
		return QD_EINVAL;
	}
	if (strcmp(s->action, "pay") == 0 && (s->paid_on == NULL ||
	    s->finance_ref == NULL || *s->finance_ref == '\0')) {
		why_set(why, "拨付须有日期和财务凭证号 a payment needs its day"
		    " and the finance reference");
		return QD_EINVAL;
	}
	if (strcmp(s->action, "submit") == 0) {
		why_set(why, "报送请用批次 submit claims as a batch");
		return QD_EINVAL;
	}
	if (db_begin(db) != QD_OK)
		return training_fail(db, why);
	if (db_prepare(db, "UPDATE subsidy_claims SET state = (SELECT to_state"
	    " FROM subsidy_transitions t WHERE t.action = ?3 AND t.from_state"
	    " = subsidy_claims.state AND t.role = ?4), action = ?3,"
	    " reason = CASE WHEN ?3 IN ('return', 'reject') THEN ?5 ELSE"
	    " reason END, paid_on = CASE WHEN ?3 = 'pay' THEN ?6 ELSE paid_on"
	    " END, paid_fen = CASE WHEN ?3 = 'pay' THEN CASE WHEN ?7 < 0 THEN"
	    " amount_fen ELSE ?7 END ELSE paid_fen END, finance_ref = CASE"
	    " WHEN ?3 = 'pay' THEN ?8 ELSE finance_ref END,"
	    " batch_id = CASE WHEN ?3 = 'complete' THEN NULL ELSE batch_id END,"
	    " version = version + 1 WHERE id = ?1 AND (?2 = 0 OR office_id ="
	    " ?2) AND (?9 = 0 OR version = ?9) AND EXISTS (SELECT 1 FROM"
	    " subsidy_transitions t WHERE t.action = ?3 AND t.from_state ="
	    " subsidy_claims.state AND t.role = ?4)", &st) != QD_OK)
		return training_fail(db, why);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, training_scope(actor));
	sqlite3_bind_text(st, 3, s->action, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, role_name(actor->role), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, s->reason != NULL ? s->reason : "", -1,
	    SQLITE_TRANSIENT);
	if (s->paid_on != NULL)
		sqlite3_bind_text(st, 6, s->paid_on, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 7, s->paid_fen);
	sqlite3_bind_text(st, 8, s->finance_ref != NULL ? s->finance_ref : "",
	    -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 9, s->version);
	step = sqlite3_step(st);
	sqlite3_finalize(st);
	if (step != SQLITE_DONE) {
		if ((step = training_fail(db, why)) == QD_EINVAL &&
		    strcmp(s->action, "complete") == 0)
			why_set(why, "材料未齐全：须有身份证件、证书复印件、银行"
			    "账户材料、申请表，及开户行和账号 documents"
			    " incomplete: the ID, the certificate copy, the bank"
			    " account papers, the application form, and the bank"
			    " and account number");
		return step;
	}
	if (sqlite3_changes(db) == 0) {
		db_rollback(db);
		why_set(why, "补贴申请 %lld 不存在、已被他人修改，或当前状态不允许"
		    "“%s” claim %lld does not exist, was changed by someone"
		    " else, or does not allow \"%s\" now", (long long)id,
		    s->action, (long long)id, s->action);
		return QD_ECONFLICT;
	}
	if (db_commit(db) != QD_OK)
		return training_fail(db, why);
	return QD_OK;
}

int
db_subsidy_intake_list(sqlite3 *db, const struct qd_user *actor,
    const char *outcome, struct cmd_rows *rows, char **why)
{
	return training_rows(db, "SELECT i.id, o.code, a.name, i.cert_number,"
	    " i.kind, i.level, i.outcome, (SELECT id FROM subsidy_claims c"
	    " WHERE c.intake_id = i.id), i.rule, i.reason FROM subsidy_intake"
	    " i JOIN offices o ON o.id = i.office_id JOIN applicants a ON"
	    " a.id = i.applicant_id WHERE (?1 = 0 OR i.office_id = ?1) AND"
	    " (?2 IS NULL OR i.outcome = ?2) ORDER BY i.id DESC LIMIT 500",
	    rows, why, "it", training_scope(actor), outcome);
}

int
db_subsidy_exam_pass(sqlite3 *db, int64_t pass_id, const char *cert_number,
    const char *kind, int64_t applicant_id, int64_t office_id,
    int64_t occupation_id, int level, const char *issued_on, int64_t *claim,
    char **why)
{
	sqlite3_stmt	*st;
	int		 step;

	*claim = 0;
	if (db_prepare(db, "INSERT INTO subsidy_intake (source, source_id,"
	    " cert_number, kind, applicant_id, office_id, occupation_id, level,"
	    " issued_on) VALUES ('exam', ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", &st)
	    != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int64(st, 1, pass_id);
	sqlite3_bind_text(st, 2, cert_number, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, kind, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 4, applicant_id);
	sqlite3_bind_int64(st, 5, office_id);
	sqlite3_bind_int64(st, 6, occupation_id);
	sqlite3_bind_int(st, 7, level);
	sqlite3_bind_text(st, 8, issued_on, -1, SQLITE_TRANSIENT);
	step = sqlite3_step(st);
	sqlite3_finalize(st);
	if (step != SQLITE_DONE)
		return db_fail(db, why);
	if (db_prepare(db, "SELECT c.id FROM subsidy_claims c JOIN"
	    " subsidy_intake i ON i.id = c.intake_id WHERE i.source = 'exam'"
	    " AND i.source_id = ?1", &st) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int64(st, 1, pass_id);
	if (sqlite3_step(st) == SQLITE_ROW)
		*claim = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return QD_OK;
}
