/*
 * The certificate module: a numbered, signed certificate for every
 * approved case, printed by the office and checked by anyone.
 */
#include "cert/cert.h"
#include "cert/cert-screens.h"

static const struct cmd_entry cert_commands[] = {
	{ .noun = "cert", .verb = "pubkey", .args = "[--id KEYID]",
	  .summary = "print the public key that verifies certificates",
	  .exec = cmd_cert_pubkey },
	{ .noun = "cert", .verb = "verify",
	  .args = "TEXT|- [--key FILE] [--format text|json]",
	  .summary = "check a certificate's QR text: signature, fields,"
	  " revocation", .flags = CMD_NODB, .exec = cmd_cert_verify },
	{ .noun = "cert", .verb = "show", .args = "NUMBER [--format text|json]",
	  .summary = "show a certificate and what happened to it",
	  .exec = cmd_cert_show },
	{ .noun = "cert", .verb = "list",
	  .args = "[--date YYYY-MM-DD] [--state issued|printed|handed|revoked]"
	  " [--office CODE] [--limit N] [--after CURSOR]"
	  " [--format text|csv|json]",
	  .summary = "list the certificates you may see, newest first",
	  .exec = cmd_cert_list },
	{ .noun = "cert", .verb = "pdf", .args = "NUMBER...",
	  .summary = "write certificates as an A4 PDF to standard output",
	  .exec = cmd_cert_pdf },
	{ .noun = "cert", .verb = "batch",
	  .args = "[--date YYYY-MM-DD] [--office CODE] [--all]",
	  .summary = "write one PDF of a day's certificates to print",
	  .exec = cmd_cert_batch },
	{ .noun = "cert", .verb = "printed", .args = "NUMBER...",
	  .summary = "record that certificates were printed (office)",
	  .exec = cmd_cert_printed },
	{ .noun = "cert", .verb = "revoke", .args = "NUMBER --reason TEXT",
	  .summary = "revoke a certificate (center)", .exec = cmd_cert_revoke },
	{ .noun = "cert", .verb = "reissue", .args = "NUMBER --reason TEXT",
	  .summary = "issue a replacement for a revoked certificate (center)",
	  .exec = cmd_cert_reissue },
	{ .noun = "cert", .verb = "rotate-key", .args = "",
	  .summary = "retire the signing key and make a new one",
	  .flags = CMD_LOCAL, .may = "cert rotate-key",
	  .exec = cmd_cert_rotate_key },
	{ .noun = NULL }
};

static const struct ui_screen *const cert_screens[] = {
	&screen_certs,
	&screen_cert,
	&screen_verify,
	NULL
};

static const struct ui_menu_item cert_menu[] = {
	{ .key = 'z', .label = "证书 Certificates", .roles = UI_ROLES_ALL,
	  .screen = &screen_certs },
	{ .key = 'y', .label = "验证证书 Verify", .roles = UI_ROLES_ALL,
	  .screen = &screen_verify },
	{ .key = 0 }
};

static const struct qd_schema_file cert_schema[] = {
	/* A signing key cannot be made in SQL. */
	{ .name = "003-certificates.sql", .after = db_cert_migrate,
	  .tables = cert_tables },
	{ .name = NULL }
};

const struct qd_module module_cert = {
	.name = "cert",
	.label = "证书 Certificates",
	.commands = cert_commands,
	.screens = cert_screens,
	.menu = cert_menu,
	.schema = cert_schema,
	.indicators = cert_indicators,
};
