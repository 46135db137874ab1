/* qualdesk tui --user LOGIN: the full-screen UI on this terminal. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "qualdesk.h"

/*
 * Audit a local login as the user it opens, like an SSH login. A refusal
 * (unknown or disabled user) is left to ui_main, which says why.
 */
static void
cmd_tui_audit(struct cmd_ctx *ctx, const char *login, const char *via)
{
	struct qd_user	*u = NULL;
	sqlite3		*db = NULL;
	char		*why = NULL;

	if (db_open(ctx->db_path, 0, &db, &why) != QD_OK)
		goto out;
	if (db_user_find(db, login, &u) != QD_OK || !u->active)
		goto out;
	u->via = via;
	if (db_set_actor(db, u) != QD_OK ||
	    db_audit(db, "login", "users", u->id, via) != QD_OK)
		log_warn("cannot audit the local login of %s", login);
out:
	free(why);
	user_free(u);
	db_close(db);
}

int
cmd_tui(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option	 longopts[] = {
		{ "user", required_argument, NULL, 'u' },
		{ NULL, 0, NULL, 0 }
	};
	const char			*login = NULL;
	char				 via[128];
	int				 ch;

	while ((ch = getopt_long(argc, argv, "u:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'u':
			login = optarg;
			break;
		default:
			goto usage;
		}
	}
	if (login == NULL || optind != argc)
		goto usage;
	snprintf(via, sizeof via, "tty, %s", ctx->actor->via);
	if (user_login_valid(login))
		cmd_tui_audit(ctx, login, via);
	return ui_main(ctx->db_path, login, via, ctx->cfg);
usage:
	fprintf(ctx->err, "usage: %s tui --user LOGIN\n", QD_NAME);
	return QD_EXIT_USAGE;
}
