/*
 * The subsidy module's audited tables in 006-subsidy.sql: their audit
 * summaries and plain guards (schema.c makes the triggers). Eligibility,
 * the claim's steps and its documents are SQL in the migration; each
 * table's triggers are made after the last of its rules they followed
 * when they were written by hand, so they fire where those did.
 */
#include "subsidy/subsidy.h"

/* Bank accounts reach the audit trail masked. */
#define SUBSIDY_CLAIM	"applicant = applicant_id, office = office_id, kind," \
	" number = cert_number, amount_fen, rate = rate_id, state," \
	" batch = batch_id," \
	" docs = @doc_id || @doc_cert || @doc_bank || @doc_form," \
	" bank_account = CASE WHEN @bank_account = '' THEN ''\n" \
	"\tELSE '****' || substr(@bank_account, -4) END, version"

const struct schema_table subsidy_tables[] = {
	{ .table = "subsidy_rates", .after = "subsidy_rates_overlap_update",
	  .audit = "kind, level, amount_fen, valid_from, valid_to, doc_no,"
	    " demo, version",
	  .may = "subsidy-rate write", .may_on = SCHEMA_ON_INSERT,
	  .refusal = "仅中心管理员可维护补贴标准 only a center admin may "
	    "change subsidy rates",
	  .no_delete = "补贴标准不可删除，请设定截止日期 a rate is never "
	    "removed; give it an end date" },
	{ .table = "subsidy_rules", .after = "subsidy_rules_change",
	  .record = "ord", .audit = "rule, active, value, version",
	  .no_delete = "补贴规则不可删除，请停用 a rule is never removed; turn "
	    "it off" },
	{ .table = "subsidy_intake", .after = "subsidy_intake_decide",
	  .audit = "source, source_id, number = cert_number, kind,"
	    " applicant = applicant_id, office = office_id, outcome, rule",
	  .no_delete = "补贴登记不可更改 an intake is kept as it was decided" },
	{ .table = "subsidy_claims", .after = "subsidy_claims_batch",
	  .audit = SUBSIDY_CLAIM,
	  .action_update = "CASE WHEN NEW.state IS NOT OLD.state THEN "
	    "NEW.action\nELSE 'update' END",
	  .no_delete = "补贴申请不可删除 a claim is never removed" },
	{ .table = "subsidy_batches", .after = "subsidy_batches_change",
	  .audit = "period, claims, total_fen, version",
	  .may = "subsidy-batch submit", .may_on = SCHEMA_ON_INSERT,
	  .refusal = "仅中心可报送补贴批次 only the center submits a batch",
	  .no_delete = "批次不可删除 a batch is never removed" },
	{ .table = NULL }
};
