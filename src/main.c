/* qualdesk: global options, configuration, then one command of the table. */
#include <locale.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "qualdesk.h"

static void
main_usage(FILE *f)
{
	fprintf(f, "usage: %s [--db FILE] [--config FILE] COMMAND [ARGS]\n"
	    "       %s help    (list the commands)\n", QD_NAME, QD_NAME);
}

/*
 * Take the global options out of argv wherever they stand before "--":
 * --db FILE, --config FILE (or --db=FILE). Returns -1 on a missing value.
 */
static int
main_global_options(int *argcp, char **argv, const char **db,
    const char **config)
{
	int		 i, j, argc = *argcp;
	const char	*name, **slot;
	size_t		 n;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			break;
		slot = NULL;
		if (strncmp(argv[i], "--db", 4) == 0) {
			slot = db;
			n = 4;
		} else if (strncmp(argv[i], "--config", 8) == 0) {
			slot = config;
			n = 8;
		}
		if (slot == NULL || (argv[i][n] != '\0' && argv[i][n] != '='))
			continue;
		name = argv[i];
		if (argv[i][n] == '=') {
			*slot = argv[i] + n + 1;
			j = 1;
		} else if (i + 1 < argc) {
			*slot = argv[i + 1];
			j = 2;
		} else {
			fprintf(stderr, "%s: %s needs a file name\n", QD_NAME,
			    name);
			return -1;
		}
		memmove(argv + i, argv + i + j, (argc - i - j + 1) * sizeof *argv);
		argc -= j;
		i--;
	}
	*argcp = argc;
	return 0;
}

int
main(int argc, char **argv)
{
	struct qd_config	 cfg;
	struct cmd_ctx		 ctx;
	struct qd_user		*op;
	const char		*db = NULL, *config = NULL;
	char			*why = NULL;
	int			 rc;

	proc_protect();
	setlocale(LC_ALL, "");
	signal(SIGPIPE, SIG_IGN);
	if (main_global_options(&argc, argv, &db, &config) != 0)
		return QD_EXIT_USAGE;
	if (argc < 2 || strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "-h") == 0) {
		main_usage(argc < 2 ? stderr : stdout);
		return argc < 2 ? QD_EXIT_USAGE : QD_EXIT_OK;
	}
	if (strcmp(argv[1], "--version") == 0)
		argv[1] = "version";

	config_defaults(&cfg);
	if (config == NULL && access(QD_DEFAULT_CONFIG, F_OK) == 0)
		config = QD_DEFAULT_CONFIG;
	if (config != NULL && config_load(&cfg, config, &why) != QD_OK) {
		fprintf(stderr, "%s: %s\n", QD_NAME, why);
		free(why);
		config_free(&cfg);
		return QD_EXIT_USAGE;
	}
	log_open(cfg.log_target, cfg.log_level, QD_NAME);

	op = user_local_operator();
	memset(&ctx, 0, sizeof ctx);
	ctx.db_path = db != NULL ? db : cfg.database;
	if (ctx.db_path == NULL) {
		ctx.db_path = QD_DEFAULT_DB;
		ctx.db_default = 1;
	}
	ctx.cfg = &cfg;
	ctx.actor = op;
	ctx.in = stdin;
	ctx.out = stdout;
	ctx.err = stderr;
	rc = cmd_run(&ctx, argc - 1, argv + 1);

	user_free(op);
	config_free(&cfg);
	return rc;
}
