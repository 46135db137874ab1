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

static const struct cmd_entry cmd_core[] = {
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
	{ .noun = "schema", .verb = "show", .args = "[FILE]",
	  .summary = "print the migrations and the triggers made for them",
	  .flags = CMD_NODB, .may = "schema read", .exec = cmd_schema_show },
	{ .noun = NULL }
};

/*
 * Read the permissions if no database opened in this process has yet
 * (over SSH the connection's did, before the session began): from the
 * database read-only, so help or a refusal never creates or upgrades
 * one.
 */
static void
cmd_perms(struct cmd_ctx *ctx)
{
	sqlite3	*db = NULL;
	char	*why = NULL;

	if (perm_known() || ctx->db_path == NULL)
		return;
	if (db_open(ctx->db_path, DB_READONLY, &db, &why) == QD_OK)
		db_close(db);
	free(why);
}

/*
 * 1 if the entry may run in ctx (place and role). Locally, without a
 * database to read the permissions from, the operator (the machine's own
 * admin) is not refused here: a command that needs the database fails
 * opening it, and the data layer asks again.
 */
static int
cmd_allowed(const struct cmd_ctx *ctx, const struct cmd_entry *ce)
{
	if ((ce->flags & CMD_LOCAL) && ctx->remote)
		return 0;
	if (ce->may == NULL)
		return 1;
	if (!perm_known())
		return !ctx->remote;
	return user_may(ctx->actor, ce->may);
}

const struct cmd_entry *
cmd_entry_at(size_t i)
{
	const struct qd_module *const	*m;
	const struct cmd_entry		*ce;

	for (ce = cmd_core; ce->noun != NULL; ce++) {
		if (i-- == 0)
			return ce;
	}
	for (m = qd_modules; *m != NULL; m++) {
		if ((*m)->commands == NULL)
			continue;
		for (ce = (*m)->commands; ce->noun != NULL; ce++) {
			if (i-- == 0)
				return ce;
		}
	}
	return NULL;
}

const struct cmd_entry *
cmd_find(int argc, char **argv, int *used)
{
	const struct cmd_entry	*ce;
	size_t			 i;

	if (argc < 1)
		return NULL;
	for (i = 0; (ce = cmd_entry_at(i)) != NULL; i++) {
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
	size_t			 i;

	fprintf(f, "usage: %s%s COMMAND [ARGS]\ncommands:\n",
	    ctx->remote ? "ssh HOST" : QD_NAME,
	    ctx->remote ? "" : " [--db FILE] [--config FILE]");
	cmd_perms(ctx);
	for (i = 0; (ce = cmd_entry_at(i)) != NULL; i++) {
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

/* Open the command's database as its actor; an exit code. */
int
cmd_open_db(struct cmd_ctx *ctx)
{
	char	*why = NULL;
	int	 rc;

	rc = db_open(ctx->db_path, ctx->remote ? 0 : DB_CREATE, &ctx->db, &why);
	if (rc != QD_OK) {
		rc = cmd_fail(ctx, rc, why);
		free(why);
		return rc;
	}
	db_set_actor(ctx->db, ctx->actor);
	return QD_EXIT_OK;
}

int
cmd_run(struct cmd_ctx *ctx, int argc, char **argv)
{
	const struct cmd_entry	*ce;
	char			 who[96];
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
	/*
	 * Who may run it is in the database: over SSH the connection read
	 * it already; else the one the command opens anyway tells, before
	 * it runs.
	 */
	if (!perm_known() && !(ce->flags & CMD_NODB) && ctx->db == NULL) {
		if ((rc = cmd_open_db(ctx)) != QD_EXIT_OK)
			return rc;
		opened = 1;
	} else if (ce->may != NULL)
		cmd_perms(ctx);
	if (!cmd_allowed(ctx, ce)) {
		perm_who(ce->may, who, sizeof who);
		fprintf(ctx->err, "%s: only %s may run '%s%s%s'\n", QD_NAME,
		    who, ce->noun, ce->verb != NULL ? " " : "",
		    ce->verb != NULL ? ce->verb : "");
		if (opened) {
			db_close(ctx->db);
			ctx->db = NULL;
		}
		return QD_EXIT_DENIED;
	}
	if (!(ce->flags & CMD_NODB) && ctx->db == NULL) {
		if ((rc = cmd_open_db(ctx)) != QD_EXIT_OK)
			return rc;
		opened = 1;
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
