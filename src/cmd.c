/*
 * The command table: one table serves the local shell (`qualdesk user
 * list`) and SSH exec (`ssh host user list`), with the same authorisation.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "qualdesk.h"

#define CMD_MAX_WORDS	64
#define CMD_MAX_LINE	4096

const struct cmd_entry cmd_table[] = {
	{ .noun = "serve", .args = "[--demo] [--listen ADDR:PORT]...",
	  .summary = "run the SSH server", .flags = CMD_NODB | CMD_LOCAL,
	  .exec = cmd_serve },
	{ .noun = "tui", .args = "--user LOGIN",
	  .summary = "run the full-screen UI on this terminal",
	  .flags = CMD_NODB | CMD_LOCAL, .exec = cmd_tui },
	{ .noun = "whoami", .args = "",
	  .summary = "show who you are logged in as", .exec = cmd_whoami },
	{ .noun = "version", .args = "",
	  .summary = "show the program and library versions",
	  .flags = CMD_NODB, .exec = cmd_version },
	{ .noun = "help", .args = "",
	  .summary = "list the commands you may run",
	  .flags = CMD_NODB, .exec = cmd_help },
	{ .noun = "user", .verb = "add",
	  .args = "LOGIN --role ROLE [--office CODE] [--name NAME]",
	  .summary = "add a user account", .flags = CMD_ADMIN,
	  .exec = cmd_user_add },
	{ .noun = "user", .verb = "list", .args = "[--format text|csv]",
	  .summary = "list user accounts", .exec = cmd_user_list },
	{ .noun = "user", .verb = "disable", .args = "LOGIN",
	  .summary = "stop an account from logging in", .flags = CMD_ADMIN,
	  .exec = cmd_user_disable },
	{ .noun = "user", .verb = "enable", .args = "LOGIN",
	  .summary = "let a disabled account log in again", .flags = CMD_ADMIN,
	  .exec = cmd_user_enable },
	{ .noun = "key", .verb = "add", .args = "LOGIN FILE|-",
	  .summary = "authorise SSH public keys (authorized_keys lines)",
	  .flags = CMD_ADMIN, .exec = cmd_key_add },
	{ .noun = "key", .verb = "list", .args = "LOGIN",
	  .summary = "list a user's SSH public keys", .exec = cmd_key_list },
	{ .noun = "key", .verb = "remove", .args = "LOGIN ID|FINGERPRINT",
	  .summary = "remove an SSH public key", .flags = CMD_ADMIN,
	  .exec = cmd_key_remove },
	{ .noun = "audit", .verb = "list", .args = "[--limit N] [--before ID]",
	  .summary = "show the audit trail, newest first",
	  .flags = CMD_OVERSIGHT, .exec = cmd_audit_list },
	{ .noun = "cases", .verb = "list",
	  .args = "[--state S] [--queue review|agency|outbox|inbox]"
	  " [--office CODE] [--type adoption|recognition] [--limit N]"
	  " [--after CURSOR] [--format text|csv|json]",
	  .summary = "list the cases you may see, a page at a time",
	  .exec = cmd_cases_list },
	{ .noun = "cases", .verb = "show", .args = "N [--format text|json]",
	  .summary = "show a case, its history and what you may do with it",
	  .exec = cmd_cases_show },
	{ .noun = "cases", .verb = "find",
	  .args = "TEXT [--limit N] [--after CURSOR] [--format text|csv|json]",
	  .summary = "find cases by name, MTP number or case number",
	  .exec = cmd_cases_find },
	{ .noun = "cases", .verb = "forward", .args = "N...",
	  .summary = "forward cases to the center, all or none",
	  .exec = cmd_cases_forward },
	{ .noun = "cases", .verb = "take", .args = "N",
	  .summary = "take a forwarded case for review (center)",
	  .exec = cmd_cases_take },
	{ .noun = "cases", .verb = "release", .args = "N",
	  .summary = "release a case held for review (center)",
	  .exec = cmd_cases_release },
	{ .noun = "applicants", .verb = "find",
	  .args = "TEXT [--limit N] [--after CURSOR] [--format text|csv|json]",
	  .summary = "find applicants by name or MTP number",
	  .exec = cmd_applicants_find },
	{ .noun = "cert", .verb = "pubkey", .args = "[--id KEYID]",
	  .summary = "print the public key that verifies certificates",
	  .exec = cmd_cert_pubkey },
	{ .noun = "cert", .verb = "verify",
	  .args = "TEXT|- [--key FILE] [--format text|json]",
	  .summary = "check a certificate's QR text: signature, fields,"
	  " revocation", .exec = cmd_cert_verify },
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
	  .flags = CMD_LOCAL | CMD_ADMIN, .exec = cmd_cert_rotate_key },
	{ .noun = "demo-data", .args = "--cases N [--seed N]",
	  .summary = "fill the database with invented applicants and cases",
	  .flags = CMD_LOCAL | CMD_ADMIN, .exec = cmd_demo_data },
	{ .noun = "catalog", .verb = "list",
	  .args = "[--mode recognition|adoption] [--search TEXT] [--active] "
	  "[--format text|csv|json]",
	  .summary = "list the comparison catalog", .exec = cmd_catalog_list },
	{ .noun = "catalog", .verb = "import",
	  .args = "[--charset utf-8|gb18030] FILE|-",
	  .summary = "add and update catalog entries from CSV, all or nothing",
	  .flags = CMD_ADMIN, .exec = cmd_catalog_import },
	{ .noun = "catalog", .verb = "export",
	  .args = "[--charset utf-8|gb18030] [--bom]",
	  .summary = "write the catalog as CSV to standard output",
	  .exec = cmd_catalog_export },
	{ .noun = "occupation", .verb = "list",
	  .args = "[--active] [--format text|csv|json]",
	  .summary = "list the mainland occupations", .exec = cmd_occupation_list },
	{ .noun = "agency", .verb = "list", .args = "[--format text|csv|json]",
	  .summary = "list the appraisal agencies and what they cover",
	  .exec = cmd_agency_list },
	{ .noun = "agency", .verb = "import",
	  .args = "[--charset utf-8|gb18030] FILE|-",
	  .summary = "add and update agencies from CSV, all or nothing",
	  .flags = CMD_ADMIN, .exec = cmd_agency_import },
	{ .noun = "agency", .verb = "export",
	  .args = "[--charset utf-8|gb18030] [--bom]",
	  .summary = "write the agencies as CSV to standard output",
	  .exec = cmd_agency_export },
	{ .noun = NULL }
};

/* 1 if the entry may run in ctx (place and role). */
static int
cmd_allowed(const struct cmd_ctx *ctx, const struct cmd_entry *ce)
{
	if ((ce->flags & CMD_LOCAL) && ctx->remote)
		return 0;
	if ((ce->flags & CMD_ADMIN) && ctx->actor->role != ROLE_ADMIN)
		return 0;
	if ((ce->flags & CMD_OVERSIGHT) && ctx->actor->role != ROLE_ADMIN &&
	    ctx->actor->role != ROLE_AUDITOR)
		return 0;
	return 1;
}

const struct cmd_entry *
cmd_find(int argc, char **argv, int *used)
{
	const struct cmd_entry	*ce;

	if (argc < 1)
		return NULL;
	for (ce = cmd_table; ce->noun != NULL; ce++) {
		if (strcmp(ce->noun, argv[0]) != 0)
			continue;
		if (ce->verb == NULL) {
			*used = 1;
			return ce;
		}
		if (argc >= 2 && strcmp(ce->verb, argv[1]) == 0) {
			*used = 2;
			return ce;
		}
	}
	return NULL;
}

/* Print one entry's usage, and its summary on a line of its own. */
static void
cmd_usage_one(FILE *f, const struct cmd_entry *ce)
{
	fprintf(f, "  %s%s%s%s%s\n      %s\n", ce->noun,
	    ce->verb != NULL ? " " : "", ce->verb != NULL ? ce->verb : "",
	    *ce->args != '\0' ? " " : "", ce->args, ce->summary);
}

void
cmd_usage_all(struct cmd_ctx *ctx, FILE *f)
{
	const struct cmd_entry	*ce;

	fprintf(f, "usage: %s%s COMMAND [ARGS]\ncommands:\n",
	    ctx->remote ? "ssh HOST" : QD_NAME,
	    ctx->remote ? "" : " [--db FILE] [--config FILE]");
	for (ce = cmd_table; ce->noun != NULL; ce++) {
		if (cmd_allowed(ctx, ce))
			cmd_usage_one(f, ce);
	}
}

int
cmd_fail(struct cmd_ctx *ctx, int result, const char *why)
{
	const char	*what;

	switch (result) {
	case QD_OK:
		return QD_EXIT_OK;
	case QD_ENOTFOUND:
		what = "not found";
		break;
	case QD_EDENIED:
		what = "not permitted";
		break;
	case QD_EINVAL:
		what = "invalid input";
		break;
	case QD_ECONFLICT:
		what = "conflict";
		break;
	case QD_EDB:
		what = "database error";
		break;
	default:
		what = "system error";
		break;
	}
	fprintf(ctx->err, "%s: %s\n", QD_NAME, why != NULL ? why : what);
	if (result == QD_EDENIED)
		return QD_EXIT_DENIED;
	if (result == QD_EDB)
		return QD_EXIT_DB;
	return QD_EXIT_ERROR;
}

int
cmd_run(struct cmd_ctx *ctx, int argc, char **argv)
{
	const struct cmd_entry	*ce;
	char			*why = NULL;
	int			 used, rc, opened = 0;

	if ((ce = cmd_find(argc, argv, &used)) == NULL) {
		if (argc > 0)
			fprintf(ctx->err, "%s: unknown command '%s%s%s'\n",
			    QD_NAME, argv[0], argc > 1 ? " " : "",
			    argc > 1 ? argv[1] : "");
		cmd_usage_all(ctx, ctx->err);
		return QD_EXIT_USAGE;
	}
	if ((ce->flags & CMD_LOCAL) && ctx->remote) {
		fprintf(ctx->err, "%s: '%s' runs only on the server machine\n",
		    QD_NAME, ce->noun);
		return QD_EXIT_DENIED;
	}
	if (!cmd_allowed(ctx, ce)) {
		fprintf(ctx->err, "%s: only %s may run '%s%s%s'\n", QD_NAME,
		    (ce->flags & CMD_ADMIN) ? "an admin" :
		    "an admin or an auditor", ce->noun,
		    ce->verb != NULL ? " " : "", ce->verb != NULL ? ce->verb : "");
		return QD_EXIT_DENIED;
	}
	if (!(ce->flags & CMD_NODB) && ctx->db == NULL) {
		rc = db_open(ctx->db_path, ctx->remote ? 0 : DB_CREATE, &ctx->db,
		    &why);
		if (rc != QD_OK) {
			rc = cmd_fail(ctx, rc, why);
			free(why);
			return rc;
		}
		opened = 1;
		db_set_actor(ctx->db, ctx->actor);
	}
	/* The verb sees argv[0] as its own name, as getopt expects. */
	optind = 0;
	opterr = 1;
	rc = ce->exec(ctx, argc - used + 1, argv + used - 1);
	if (opened) {
		db_close(ctx->db);
		ctx->db = NULL;
	}
	return rc;
}

int
cmd_split(const char *line, int *argcp, char ***argvp, char **why)
{
	char	**argv = NULL, *word = NULL;
	size_t	  len = 0;
	int	  argc = 0, inword = 0, quote = 0;

	if (strlen(line) > CMD_MAX_LINE) {
		xasprintf(why, "command line longer than %d bytes", CMD_MAX_LINE);
		return QD_EINVAL;
	}
	word = xmalloc(strlen(line) + 1);
	for (;; line++) {
		char c = *line;

		if (c == '\0' && quote != 0) {
			xasprintf(why, "unterminated %s quote",
			    quote == '\'' ? "single" : "double");
			goto fail;
		}
		if (quote == 0 && (c == '\0' || c == ' ' || c == '\t' ||
		    c == '\n')) {
			if (inword) {
				if (argc >= CMD_MAX_WORDS) {
					xasprintf(why, "more than %d words",
					    CMD_MAX_WORDS);
					goto fail;
				}
				argv = xreallocarray(argv, argc + 2,
				    sizeof *argv);
				argv[argc++] = xstrndup(word, len);
				argv[argc] = NULL;
				len = 0;
				inword = 0;
			}
			if (c == '\0')
				break;
			continue;
		}
		inword = 1;
		if (quote == 0 && (c == '\'' || c == '"')) {
			quote = c;
			continue;
		}
		if (quote != 0 && c == quote) {
			quote = 0;
			continue;
		}
		if (c == '\\' && quote != '\'' && line[1] != '\0') {
			c = *++line;
		}
		word[len++] = c;
	}
	free(word);
	if (argv == NULL) {
		argv = xcalloc(1, sizeof *argv);
	}
	*argcp = argc;
	*argvp = argv;
	return QD_OK;
fail:
	free(word);
	cmd_free_argv(argc, argv);
	return QD_EINVAL;
}

void
cmd_free_argv(int argc, char **argv)
{
	int	 i;

	if (argv == NULL)
		return;
	for (i = 0; i < argc; i++)
		free(argv[i]);
	free(argv);
}
