/*
 * The policy module's audited tables in 008-policy.sql: their audit
 * summaries and plain guards (schema.c makes the triggers). Who of which
 * office may write which row, the workflows and the answer base's words
 * are SQL in the migration; each table's triggers are made after the last
 * of its rules they followed when they were written by hand, so they fire
 * where those did. Their deletes are not audited: only the schema deletes.
 */
#include "policy/policy.h"

/* A step is audited by its name. */
#define POLICY_STEP	"CASE WHEN NEW.state IS NOT OLD.state THEN " \
	"NEW.action\nELSE 'update' END"
#define POLICY_AUDITED	(SCHEMA_ON_INSERT | SCHEMA_ON_UPDATE)

const struct schema_table policy_tables[] = {
	{ .table = "policy_docs", .after = "policy_docs_change",
	  .audit_insert = "doc_no, title, issued_on, office = office_id,"
	    " version",
	  .audit_update = "replaced_on, replaced_by, version",
	  .audit_on = POLICY_AUDITED,
	  .no_delete = "政策文件不可删除，请标记为已替代 documents are never "
	    "deleted; mark them replaced",
	  .system_deletes = 1 },
	{ .table = "policy_answers", .after = "policy_answers_change_state",
	  .audit_insert = "title, doc = doc_id, valid_until,"
	    " office = office_id, question = question_id, state, version",
	  .audit_update = "title, valid_until, state, version",
	  .audit_on = POLICY_AUDITED, .action_update = POLICY_STEP,
	  .no_delete = "答复不可删除，请撤下 answers are never deleted; "
	    "withdraw instead",
	  .system_deletes = 1 },
	{ .table = "policy_questions", .after = "policy_questions_notified",
	  .audit_insert = "office = office_id, applicant = applicant_id,"
	    " channel, state, version",
	  .audit_update = "state, answer = answer_id, version",
	  .audit_update_new = "state, answer = answer_id,"
	    " replied = @reply <> '', version",
	  .audit_on = POLICY_AUDITED, .action_update = POLICY_STEP,
	  .no_delete = "咨询记录不可删除 questions are never deleted",
	  .system_deletes = 1 },
	/* An inbox row is only ever marked read. */
	{ .table = "policy_inbox", .after = "policy_inbox_change",
	  .audit_insert = "office = office_id, question = question_id",
	  .audit_update = "read_at",
	  .audit_on = POLICY_AUDITED, .action_update = "'read'",
	  .no_delete = "收件记录不可删除 inbox rows are never deleted",
	  .system_deletes = 1 },
	{ .table = "policy_notices", .after = "policy_notices_change",
	  .audit_insert = "office = office_id, question = question_id, status",
	  .audit_update = "status",
	  .audit_on = POLICY_AUDITED,
	  .no_delete = "通知记录不可删除 notices are never deleted",
	  .system_deletes = 1 },
	{ .table = NULL }
};
