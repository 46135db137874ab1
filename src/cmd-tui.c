/* qualdesk tui --user LOGIN: the full-screen UI on this terminal. */
#include <getopt.h>
#include <string.h>

#include "qualdesk.h"

int
cmd_tui(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option	 longopts[] = {
		{ "user", required_argument, NULL, 'u' },
		{ NULL, 0, NULL, 0 }
	};
	const char			*login = NULL;
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
	return ui_main(ctx->db_path, login, "local tty", ctx->cfg);
usage:
	fprintf(ctx->err, "usage: %s tui --user LOGIN\n", QD_NAME);
	return QD_EXIT_USAGE;
}
