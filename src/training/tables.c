/*
 * The training module's audited tables in 005-training.sql: their audit
 * summaries and plain guards (schema.c makes the triggers). Seats,
 * quotas, the waiting list and the class workflow are SQL in the
 * migration; each table's triggers are made after the last of its rules
 * they followed when they were written by hand, so they fire where those
 * did.
 */
#include "training/training.h"

#define TRAINING_PROVIDERS_REFUSAL	"仅中心管理员可维护培训机构 only a " \
	"center admin may change training providers"
/* What the audit trail keeps of a class. */
#define TRAINING_CLASS	"title, provider = provider_id," \
	" occupation = occupation_id, level, seats," \
	" enrol = @enrol_from || '/' || @enrol_to, cutoff = quota_cutoff," \
	" fee_fen, state"
#define TRAINING_ENROLMENT	"class = class_id, applicant = applicant_id," \
	" office = office_id, status, hours, completed, version"

const struct schema_table training_tables[] = {
	{ .table = "training_providers",
	  .audit = "name, kind, office = office_id, active, version",
	  .may = "training-provider write",
	  .may_on = SCHEMA_ON_INSERT | SCHEMA_ON_UPDATE,
	  .versioned = 1, .refusal = TRAINING_PROVIDERS_REFUSAL,
	  .no_delete = "培训机构不可删除，请停用 a provider is never removed; "
	    "make it inactive" },
	/* One audit row per occupation, on the provider's record. */
	{ .table = "training_provider_occupations", .record = "provider_id",
	  .audit = "occupation = occupation_id",
	  .audit_on = SCHEMA_ON_INSERT | SCHEMA_ON_DELETE,
	  .may = "training-provider write",
	  .may_on = SCHEMA_ON_INSERT | SCHEMA_ON_DELETE,
	  .refusal = TRAINING_PROVIDERS_REFUSAL },
	{ .table = "training_needs", .after = "training_needs_reported",
	  .audit = "applicant = applicant_id, office = office_id,"
	    " occupation = occupation_id, level, period, in_taiwan,"
	    " reported_at, version",
	  .no_delete = "培训需求不可删除 a training need is never removed",
	  .system_deletes = 1 },
	/* Its guards fire after the rules of a published class's terms. */
	{ .table = "training_classes", .after = "training_classes_seats_quotas",
	  .guards_after = "training_classes_provider",
	  .audit = TRAINING_CLASS ", version",
	  .audit_update_new = TRAINING_CLASS ", reason, version",
	  .action_update = "CASE WHEN NEW.state IS NOT OLD.state THEN "
	    "NEW.action\nELSE 'update' END",
	  .may = "training-class write", .may_on = SCHEMA_ON_UPDATE,
	  .versioned = 1,
	  .refusal = "仅中心可修改办班计划 only the center changes class plans",
	  .no_delete = "办班计划不可删除，请取消 a class is never removed; "
	    "cancel it" },
	{ .table = "training_class_quotas",
	  .after = "training_class_quotas_sum_update", .record = "class_id",
	  .audit = "office = office_id, seats" },
	{ .table = "training_notices",
	  .audit_insert = "office = office_id, class = class_id,"
	    " applicant = applicant_id, kind",
	  .audit_update = "kind", .audit_delete = "kind",
	  .no_update = "通知记录不可更改 a notice is kept as it was recorded",
	  .no_delete = "通知记录不可更改 a notice is kept as it was recorded" },
	{ .table = "training_enrolments", .after = "training_enrolments_promoted",
	  .audit = TRAINING_ENROLMENT,
	  .no_delete = "报名记录不可删除，请取消 an enrolment is never "
	    "removed; cancel it" },
	/* ID numbers reach the audit trail masked. */
	{ .table = "training_certificates",
	  .after = "training_certificates_issued",
	  .audit_insert = "number, enrolment = enrolment_id,"
	    " mtp = substr(@mtp, 1, 2) || '****' || substr(@mtp, 7), kid",
	  .audit_update = "number", .audit_delete = "number",
	  .no_update = "证书内容签发后不可更改 a certificate is kept as it was "
	    "signed",
	  .no_delete = "证书不可删除 a certificate cannot be removed" },
	{ .table = NULL }
};
