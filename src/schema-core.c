/*
 * The platform's own migrations and the audited tables it owns in them
 * (schema.c makes their triggers; HACKING says how to declare one).
 */
#include "qualdesk.h"

/* 001-core.sql: offices, users, their keys and the audit trail. */
static const struct schema_table core_tables[] = {
	{ .table = "audit",
	  .append_only = "the audit trail cannot be changed" },
	{ .table = "offices",
	  .audit = "code, name_zh, name_en, is_center" },
	{ .table = "users",
	  .audit = "login, name = display_name, role,"
	    " office = (SELECT code FROM offices WHERE id = @office_id),"
	    " active, version",
	  .versioned = 1 },
	/* The blob is summarised by type, fingerprint and comment. */
	{ .table = "user_keys",
	  .audit = "user = (SELECT login FROM users WHERE id = @user_id),"
	    " type, fingerprint, comment" },
	{ .table = NULL }
};

/* The drafts of db-draft.c came with the cases' migration. */
static const struct schema_table draft_tables[] = {
	/* Saving a draft is not audited; starting and dropping one are. */
	{ .table = "drafts",
	  .audit = "form, ref", .audit_on = SCHEMA_ON_INSERT | SCHEMA_ON_DELETE,
	  .action_insert = "'draft'", .action_delete = "'draft-end'" },
	{ .table = NULL }
};

/* 010-permissions.sql: who may do what (perm.c). */
static const struct schema_table permission_tables[] = {
	/* No role holds "permission write": only migrations change them. */
	{ .table = "permissions",
	  .may = "permission write",
	  .may_on = SCHEMA_ON_INSERT | SCHEMA_ON_UPDATE | SCHEMA_ON_DELETE,
	  .refusal = "权限只随数据库结构更改 permissions change only with the "
	    "schema" },
	{ .table = NULL }
};

/* 013-terminal.sql: a user's charset and compression (My account). */
static const struct schema_table terminal_tables[] = {
	{ .table = "user_terminal", .record = "user_id",
	  .audit = "charset, compression_force",
	  .audit_on = SCHEMA_ON_INSERT | SCHEMA_ON_UPDATE },
	{ .table = NULL }
};

const struct qd_schema_file schema_platform[] = {
	{ .name = "001-core.sql", .tables = core_tables },
	{ .name = "002-cases.sql", .tables = draft_tables },
	/*
	 * The guards of the tables before it ask the permissions now, and
	 * databases of version 3 get the triggers their declarations make.
	 */
	{ .name = "010-permissions.sql", .tables = permission_tables,
	  .remake = 1 },
	/*
	 * The tables of 004 to 009 are declared by their modules now, and
	 * databases made before get the triggers their declarations make.
	 */
	{ .name = "011-tables.sql", .remake = 1 },
	{ .name = "013-terminal.sql", .tables = terminal_tables },
	{ .name = NULL }
};
