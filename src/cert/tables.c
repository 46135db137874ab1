/*
 * The certificate module's audited tables in 003-certificates.sql (schema.c
 * makes the triggers). Issuing, numbering, printing and revoking are SQL
 * in the migration itself.
 */
#include "cert/cert.h"

const struct schema_table cert_tables[] = {
	/* The private half is never audited. */
	{ .table = "cert_keys",
	  .audit_insert = "kid, public = hex(@public)",
	  .audit_update = "retired_at",
	  .no_delete = "签名密钥不可删除 a signing key cannot be removed" },
	{ .table = "certificates",
	  .audit_insert = "number, case = case_id, kid, replaces,"
	    " reason = reissue_reason",
	  .audit_update = "print_count, handed_at, revoked_at",
	  .audit_update_new = "number, print_count, handed_at, revoked_at,"
	    " reason = revoke_reason",
	  /*
	   * 012-agency.sql widens this guard by hand, in its place: a city
	   * also issues what its own agency confirmed.
	   */
	  .may = "cert issue", .may_on = SCHEMA_ON_INSERT,
	  .insert_trigger = "certificates_issue_role",
	  .refusal = "证书由中心签发 certificates are issued by the center",
	  .versioned = 1, .version_trigger = "certificates_change_version",
	  .version_refusal = "证书已被他人修改，请重新打开 the certificate was "
	    "changed by someone else; open it again",
	  .no_delete = "证书不可删除，只能撤销 a certificate cannot be removed, "
	    "only revoked" },
	{ .table = "user_settings", .record = "user_id",
	  .audit = "print_passthrough",
	  .audit_on = SCHEMA_ON_INSERT | SCHEMA_ON_UPDATE },
	{ .table = NULL }
};
