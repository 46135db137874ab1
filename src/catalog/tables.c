/*
 * The catalog module's audited tables, made by 002-cases.sql: the
 * catalog, occupations and agencies are written by those holding
 * "catalog write" and "agency write", the center admin (schema.c makes the
 * triggers).
 */
#include "catalog/catalog.h"

#define CATALOG_REFUSAL	"仅中心管理员可修改目录 only a center admin may " \
	"change the catalog"
#define AGENCY_REFUSAL	"仅中心管理员可修改认定机构 only a center admin " \
	"may change agencies"

const struct schema_table catalog_tables[] = {
	{ .table = "occupations",
	  .audit = "code, name, active",
	  .audit_on = SCHEMA_ON_INSERT | SCHEMA_ON_UPDATE,
	  .versioned = 1,
	  .may = "catalog write", .may_on = SCHEMA_ON_INSERT | SCHEMA_ON_UPDATE,
	  .refusal = CATALOG_REFUSAL },
	{ .table = "catalog",
	  .audit = "tw_qual, tw_level, occupation = occupation_id, level, mode,"
	    " active",
	  .audit_delete = "tw_qual, tw_level, occupation = occupation_id,"
	    " level, mode",
	  .versioned = 1,
	  .may = "catalog write", .may_on = SCHEMA_ON_INSERT |
	    SCHEMA_ON_UPDATE | SCHEMA_ON_DELETE,
	  .refusal = CATALOG_REFUSAL },
	{ .table = "agencies",
	  .audit = "name, office = office_id, active",
	  .audit_on = SCHEMA_ON_INSERT | SCHEMA_ON_UPDATE,
	  .versioned = 1,
	  .may = "agency write", .may_on = SCHEMA_ON_INSERT | SCHEMA_ON_UPDATE,
	  .refusal = AGENCY_REFUSAL },
	/* One audit row per occupation, on the agency's record. */
	{ .table = "agency_occupations", .record = "agency_id",
	  .audit = "occupation = occupation_id",
	  .audit_on = SCHEMA_ON_INSERT | SCHEMA_ON_DELETE,
	  .may = "agency write", .may_on = SCHEMA_ON_INSERT | SCHEMA_ON_DELETE,
	  .refusal = AGENCY_REFUSAL },
	{ .table = NULL }
};
