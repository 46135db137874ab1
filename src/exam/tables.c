/*
 * The exam module's audited tables in 004-exam.sql: their audit summaries
 * and plain guards (schema.c makes the triggers). Who of which office may
 * write which row, the workflows and the seats are SQL in the migration;
 * each table's triggers are made after the last of its rules they
 * followed when they were written by hand, so they fire where those did.
 */
#include "exam/exam.h"

/* A step is audited by its name. */
#define EXAM_STEP	"CASE WHEN NEW.state IS NOT OLD.state THEN NEW.action\n" \
	"ELSE 'update' END"

const struct schema_table exam_tables[] = {
	{ .table = "exam_demands", .after = "exam_demands_recount",
	  .audit_insert = "applicant = applicant_id, office = office_id, kind,"
	    " occupation = occupation_id, level, in_taiwan, state, version",
	  .audit_update = "state, plan = plan_id, period, version",
	  .audit_delete = "applicant = applicant_id, state, version",
	  .action_update = EXAM_STEP,
	  .no_delete = "考试需求不可删除，请撤回 exam demand is never deleted; "
	    "withdraw it",
	  .system_deletes = 1 },
	{ .table = "exam_plans", .after = "exam_plans_results",
	  .audit_insert = "kind, professional, occupation = occupation_id,"
	    " level, agency = agency_id, body = body_name, exam_on, deadline,"
	    " state, version",
	  .audit_update = "state, agency = agency_id, body = body_name,"
	    " exam_on, deadline, version",
	  .audit_update_new = "state, agency = agency_id, body = body_name,"
	    " exam_on, deadline, reason, version",
	  .audit_delete = "state, version",
	  .action_update = EXAM_STEP,
	  .no_delete = "考试计划不可删除，请取消 an exam plan is never deleted; "
	    "cancel it",
	  .system_deletes = 1 },
	{ .table = "exam_sittings", .after = "exam_sittings_remove",
	  .audit_insert = "plan = plan_id, mode, office = office_id, venue,"
	    " capacity, version",
	  .audit_update = "mode, office = office_id, venue, capacity, version",
	  .audit_delete = "plan = plan_id, mode, capacity, version" },
	{ .table = "exam_registrations", .after = "exam_registrations_promote",
	  .audit_insert = "plan = plan_id, sitting = sitting_id,"
	    " applicant = applicant_id, office = office_id, status,"
	    " seat = seat_no, version",
	  .audit_update = "status, seat = seat_no, notified_at, version",
	  .audit_update_new = "status, seat = seat_no, notified_at, reason,"
	    " version",
	  .audit_delete = "plan = plan_id, status, version",
	  .no_delete = "报名记录不可删除，请取消 a registration is never "
	    "deleted; cancel it",
	  .system_deletes = 1 },
	/* Written by the training records (and the schema), never by hand. */
	{ .table = "training_links",
	  .audit = "agency = agency_id, provider = provider_name,"
	    " applicant = applicant_id, occupation = occupation_id,"
	    " trainer = trainer_user",
	  .may = "training-link write",
	  .may_on = SCHEMA_ON_INSERT | SCHEMA_ON_UPDATE | SCHEMA_ON_DELETE,
	  .refusal = "培训记录由培训模块写入 training links are written by the "
	    "training records" },
	{ .table = "exam_results", .after = "exam_results_recorded",
	  .record = "registration_id",
	  .audit_insert = "plan = plan_id, applicant = applicant_id,"
	    " office = office_id, outcome, score",
	  .audit_delete = "plan = plan_id, outcome",
	  .audit_on = SCHEMA_ON_INSERT | SCHEMA_ON_DELETE,
	  .no_update = "成绩录入后不可更改 a result stays as recorded",
	  .no_delete = "成绩录入后不可更改 a result stays as recorded",
	  .system_deletes = 1 },
	{ .table = "exam_passes", .after = "exam_passes_change",
	  .audit_insert = "registration = registration_id,"
	    " applicant = applicant_id, plan = plan_id, cert_no, version",
	  .audit_update = "cert_no, cert_issued_on, version",
	  .audit_delete = "registration = registration_id, cert_no, version",
	  .no_delete = "合格记录不可删除 a pass is never deleted",
	  .system_deletes = 1 },
	{ .table = "exam_notices", .after = "exam_notices_change",
	  .audit_insert = "plan = plan_id, office = office_id, kind",
	  .audit_update = "read_at", .audit_update_new = "read_at, read_by",
	  .audit_delete = "plan = plan_id, office = office_id",
	  .no_delete = "通知记录不可删除 a notice is kept as it was sent",
	  .system_deletes = 1 },
	{ .table = NULL }
};
