/*
 * The case module's audited tables in 002-cases.sql: their audit
 * summaries and plain guards (schema.c makes the triggers). The rules of
 * the workflow are SQL in the migration itself.
 */
#include "case/case.h"

/* ID numbers reach the audit trail masked. */
#define CASE_MTP_MASKED	"substr(@mtp, 1, 2) || '****' || substr(@mtp, 7)"
/* The four materials received, as "1010". */
#define CASE_MATERIALS	"@mat_id || @mat_cert || @mat_photo || @mat_form"

const struct schema_table case_tables[] = {
	{ .table = "applicants",
	  .audit_insert = "name, sex, mtp = " CASE_MTP_MASKED ","
	    " office = office_id, version",
	  .audit_update = "name, sex, birth_year = substr(@birth_date, 1, 4),"
	    " mtp = " CASE_MTP_MASKED ", phone_set = @phone <> '',"
	    " email_set = @email <> '', in_taiwan, version",
	  .no_delete = "台胞记录不可删除 applicants are never deleted",
	  .system_deletes = 1 },
	{ .table = "cases",
	  .audit_insert = "office = office_id, type, applicant = applicant_id,"
	    " state, version",
	  .audit_update = "state, held_by, catalog = catalog_id,"
	    " materials = " CASE_MATERIALS ", version",
	  .audit_update_new = "state, held_by, catalog = catalog_id,"
	    " materials = " CASE_MATERIALS ","
	    " occupation = decided_occupation_id, level = decided_level,"
	    " agency = agency_id, version",
	  /* A step is audited by its name; taking and releasing by theirs. */
	  .action_update = "CASE WHEN NEW.state IS NOT OLD.state THEN NEW.action\n"
	    "WHEN NEW.held_by IS NOT OLD.held_by THEN\n"
	    "CASE WHEN NEW.held_by IS NULL THEN 'release' ELSE 'take' END\n"
	    "ELSE 'update' END",
	  .versioned = 1, .version_trigger = "cases_change_version",
	  .version_refusal = "案件已被他人修改 cases: every update must raise "
	    "version by one",
	  .no_delete = "案件不可删除，请撤回 cases are never deleted; withdraw "
	    "instead",
	  .system_deletes = 1 },
	{ .table = "case_events",
	  .append_only = "案件历史不可更改 case history cannot be changed" },
	{ .table = "notices",
	  .audit_insert = "case = case_id, channel, status",
	  .audit_update = "status", .audit_update_new = "status, detail",
	  .no_delete = "通知记录不可更改 a notice is kept as it was recorded" },
	{ .table = NULL }
};

/* 015-case-domain.sql: what a case needs, its waivers, the windows. */
const struct schema_table case_domain_tables[] = {
	{ .table = "material_needs",
	  .record = "catalog_id",
	  .audit = "catalog = catalog_id, type, material",
	  .may = "catalog write",
	  .may_on = SCHEMA_ON_INSERT | SCHEMA_ON_UPDATE | SCHEMA_ON_DELETE,
	  .refusal = "只有管理员可更改所需材料 only an admin changes the "
	    "materials a qualification needs" },
	{ .table = "material_waivers",
	  .audit_insert = "case = case_id, version = case_version, missing,"
	    " reason",
	  .append_only = "材料说明不可更改 a reason to forward without "
	    "materials is kept as recorded" },
	{ .table = "office_windows",
	  .record = "office_id",
	  .audit = "office = (SELECT code FROM offices WHERE id = @office_id),"
	    " address, phone, version",
	  .versioned = 1,
	  .no_delete = "办公室窗口不可删除 an office's window is never deleted",
	  .may = "office write",
	  .may_on = SCHEMA_ON_INSERT | SCHEMA_ON_UPDATE,
	  .refusal = "只有管理员可更改办公室窗口 only an admin changes an "
	    "office's window" },
	{ .table = NULL }
};
