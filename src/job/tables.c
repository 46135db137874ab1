/*
 * The job module's audited tables in 007-job.sql: their audit summaries
 * and plain guards (schema.c makes the triggers). Who of which office may
 * write which row and the workflows of needs, postings, matches and plans
 * are SQL in the migration; each table's triggers are made after the last
 * of its rules they followed when they were written by hand, so they fire
 * where those did. Their deletes are not audited: only the schema deletes.
 */
#include "job/job.h"

/* A step is audited by its name. */
#define JOB_STEP	"CASE WHEN NEW.state IS NOT OLD.state THEN NEW.action\n" \
	"ELSE 'update' END"
#define JOB_AUDITED	(SCHEMA_ON_INSERT | SCHEMA_ON_UPDATE)
#define JOB_NEED_AGAIN	"请重新登记 record the need again to change it"

const struct schema_table job_tables[] = {
	{ .table = "job_needs", .after = "job_needs_change_state",
	  .audit_insert = "applicant = applicant_id, office = office_id,"
	    " pay_min, available_from, state, version",
	  .audit_update = "pay_min, available_from, state, version",
	  .audit_on = JOB_AUDITED, .action_update = JOB_STEP,
	  .no_delete = "就业需求不可删除，请关闭 job needs are never deleted; "
	    "close instead",
	  .system_deletes = 1 },
	{ .table = "job_need_occupations", .after = "job_need_occupations_write",
	  .record = "need_id",
	  .audit = "occupation = occupation_id, level, source",
	  .audit_on = SCHEMA_ON_INSERT,
	  .no_update = JOB_NEED_AGAIN, .no_delete = JOB_NEED_AGAIN,
	  .system_deletes = 1 },
	{ .table = "job_need_cities", .after = "job_need_cities_write",
	  .record = "need_id", .audit = "office = office_id",
	  .audit_on = SCHEMA_ON_INSERT,
	  .no_update = JOB_NEED_AGAIN, .no_delete = JOB_NEED_AGAIN,
	  .system_deletes = 1 },
	/* Who may add one is a rule of its own, with its own words. */
	{ .table = "job_employers", .after = "job_employers_write",
	  .audit = "name, office = office_id, taiwan_funded, version",
	  .audit_on = JOB_AUDITED,
	  .may = "employer write", .may_on = SCHEMA_ON_UPDATE,
	  .versioned = 1,
	  .refusal = "仅中心可修改用人单位 only the center may change "
	    "employers",
	  .no_delete = "用人单位不可删除 employers are never deleted",
	  .system_deletes = 1 },
	{ .table = "job_postings", .after = "job_postings_change_state",
	  .audit_insert = "employer = employer_id, occupation = occupation_id,"
	    " min_level, openings, closes_on, state, version",
	  .audit_update = "openings, closes_on, state, version",
	  .audit_on = JOB_AUDITED, .action_update = JOB_STEP,
	  .no_delete = "岗位不可删除，请关闭 postings are never deleted; close "
	    "instead",
	  .system_deletes = 1 },
	{ .table = "job_matches", .after = "job_matches_hired",
	  .audit_insert = "posting = posting_id, need = need_id,"
	    " office = office_id, state, version",
	  .audit_update = "state, version",
	  .audit_update_new = "state, note, version",
	  .audit_on = JOB_AUDITED, .action_update = JOB_STEP,
	  .no_delete = "推荐记录不可删除 matches are never deleted",
	  .system_deletes = 1 },
	{ .table = "job_plans", .after = "job_plans_change_state",
	  .audit_insert = "need = need_id, office = office_id, state, version",
	  .audit_update = "state, outcome, version",
	  .audit_on = JOB_AUDITED, .action_update = JOB_STEP,
	  .no_delete = "就业服务方案不可删除 service plans are never deleted",
	  .system_deletes = 1 },
	{ .table = NULL }
};
