/* Commands that tell: whoami, version, help. */
#include <stdlib.h>
#include <string.h>

#include <libssh/libssh.h>
#include <ncurses.h>
#include <qrencode.h>

#include "qualdesk.h"

/* Refuse extra arguments to a command that takes none. */
static int
cmd_no_args(struct cmd_ctx *ctx, int argc, char **argv)
{
	if (argc > 1) {
		fprintf(ctx->err, "%s: '%s' takes no arguments\n", QD_NAME,
		    argv[0]);
		return QD_EXIT_USAGE;
	}
	return QD_EXIT_OK;
}

int
cmd_whoami(struct cmd_ctx *ctx, int argc, char **argv)
{
	const struct qd_user	*u = ctx->actor;
	int			 rc;

	if ((rc = cmd_no_args(ctx, argc, argv)) != QD_EXIT_OK)
		return rc;
	fprintf(ctx->out, "login: %s\n", u->login);
	fprintf(ctx->out, "name: %s\n", u->display_name);
	fprintf(ctx->out, "role: %s\n", role_name(u->role));
	if (u->office_code != NULL)
		fprintf(ctx->out, "office: %s %s\n", u->office_code,
		    u->office_name != NULL ? u->office_name : "");
	if (u->via != NULL)
		fprintf(ctx->out, "via: %s\n", u->via);
	return QD_EXIT_OK;
}

int
cmd_version(struct cmd_ctx *ctx, int argc, char **argv)
{
	char	 qr[32];
	int	 rc;

	if ((rc = cmd_no_args(ctx, argc, argv)) != QD_EXIT_OK)
		return rc;
	QRcode_APIVersion(NULL, NULL, NULL);
	snprintf(qr, sizeof qr, "%s", QRcode_APIVersionString());
	fprintf(ctx->out, "%s %s (schema %d; libssh %s, sqlite %s, %s, "
	    "libqrencode %s)\n", QD_NAME, PACKAGE_VERSION, db_schema_version(),
	    ssh_version(0), sqlite3_libversion(), curses_version(), qr);
	return QD_EXIT_OK;
}

int
cmd_help(struct cmd_ctx *ctx, int argc, char **argv)
{
	int	 rc;

	if ((rc = cmd_no_args(ctx, argc, argv)) != QD_EXIT_OK)
		return rc;
	cmd_usage_all(ctx, ctx->out);
	return QD_EXIT_OK;
}
