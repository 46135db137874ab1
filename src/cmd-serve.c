/*
 * qualdesk serve [--demo] [--listen ADDR:PORT]...: make sure the database
 * and the host key exist, then run the listener. --demo serves a demo
 * database in the current directory on 127.0.0.1:2222 (with a host key
 * kept in the user's home) and says how to connect.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <sys/stat.h>

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "qualdesk.h"

#define SERVE_DEMO_DB		"qualdesk-demo.db"
/*
 * The demo's host key lives in the user's home, so a new checkout serves
 * the same key and ssh raises no "host identification has changed".
 */
#define SERVE_DEMO_KEY_DIR	".config/qualdesk"
#define SERVE_DEMO_HOST_KEY	"demo-host-key"
#define SERVE_DEMO_LISTEN	"127.0.0.1:2222"

static const struct option serve_options[] = {
	{ "demo", no_argument, NULL, 'd' },
	{ "listen", required_argument, NULL, 'l' },
	{ NULL, 0, NULL, 0 }
};

/*
 * ~/.config/qualdesk/demo-host-key, its folders made private if missing;
 * without a home, qualdesk-demo-host-key here (caller frees).
 */
static char *
serve_demo_host_key(void)
{
	const char	*home = getenv("HOME");
	char		*dir, *path;

	if (home == NULL || *home != '/')
		return xstrdup("qualdesk-demo-" SERVE_DEMO_HOST_KEY);
	xasprintf(&dir, "%s/.config", home);
	mkdir(dir, 0700);
	free(dir);
	xasprintf(&dir, "%s/" SERVE_DEMO_KEY_DIR, home);
	mkdir(dir, 0700);
	xasprintf(&path, "%s/" SERVE_DEMO_HOST_KEY, dir);
	free(dir);
	return path;
}

/* Take --listen ADDR:PORT, checked now so a typo is a usage error. */
static int
serve_listen_option(struct cmd_ctx *ctx, const char *addr)
{
	char	*why = NULL;

	if (config_listen_parse(addr, NULL, NULL, &why) != QD_OK) {
		fprintf(ctx->err, "%s: --listen: %s\n", QD_NAME, why);
		free(why);
		return QD_EXIT_USAGE;
	}
	config_add_listen(ctx->cfg, addr);
	return QD_EXIT_OK;
}

/* The address a local client uses for the first listen address. */
static char *
serve_connect_host(const struct qd_config *cfg, int *port)
{
	char	*host = NULL, *why = NULL;

	*port = 2222;
	if (cfg->nlisten == 0 ||
	    config_listen_parse(cfg->listen[0], &host, port, &why) != QD_OK) {
		free(why);
		return xstrdup("127.0.0.1");
	}
	if (strcmp(host, "0.0.0.0") == 0 || strcmp(host, "::") == 0) {
		free(host);
		return xstrdup(strchr(cfg->listen[0], '[') != NULL ? "::1" :
		    "127.0.0.1");
	}
	return host;
}

/* How to connect to the demo and who can log in (caller frees). */
static char *
serve_demo_banner(struct cmd_ctx *ctx, sqlite3 *db, const char *keyfile)
{
	struct qd_user	**users = NULL;
	const char	 *home = getenv("HOME");
	char		 *host, *why = NULL, *text = NULL;
	size_t		  n = 0, i, len, size;
	FILE		 *f;
	int		  port;

	if ((f = open_memstream(&text, &size)) == NULL)
		fatal("open_memstream failed");
	host = serve_connect_host(ctx->cfg, &port);
	fprintf(f, "demo database: %s\nconnect with: ssh -p %d -i ", ctx->db_path,
	    port);
	len = home != NULL ? strlen(home) : 0;
	if (len > 1 && strncmp(keyfile, home, len) == 0 && keyfile[len] == '/')
		fprintf(f, "~%s", keyfile + len);
	else
		fputs(keyfile, f);
	fprintf(f, " fuzhou@%s\n", host);
	if (db_user_list(db, ctx->actor, &users, &n, &why) == QD_OK) {
		fprintf(f, "demo logins (any of them in place of fuzhou):\n");
		for (i = 0; i < n; i++)
			fprintf(f, "  %-10s %s%s%s\n", users[i]->login,
			    role_name(users[i]->role),
			    users[i]->office_name != NULL ? ", " : "",
			    users[i]->office_name != NULL ?
			    users[i]->office_name : "");
		user_free_array(users, n);
	}
	free(why);
	free(host);
	fclose(f);
	return text;
}

/*
 * Create or migrate the database (a fresh install works at once); with
 * --demo also fill it with the demo accounts and keys.
 */
static int
serve_prepare_db(struct cmd_ctx *ctx, int demo, char **banner)
{
	sqlite3	*db = NULL;
	char	*why = NULL, *keyfile = NULL;
	int	 rc;

	if ((rc = db_open(ctx->db_path, DB_CREATE, &db, &why)) != QD_OK) {
		fprintf(ctx->err, "%s: %s\n", QD_NAME, why != NULL ? why :
		    "cannot open the database");
		free(why);
		return QD_EXIT_DB;
	}
	if (demo) {
		db_set_actor(db, ctx->actor);
		if ((rc = demo_setup(db, &keyfile, &why)) != QD_OK) {
			fprintf(ctx->err, "%s: demo: %s\n", QD_NAME,
			    why != NULL ? why : "setup failed");
			free(why);
			db_close(db);
			return QD_EXIT_ERROR;
		}
		*banner = serve_demo_banner(ctx, db, keyfile);
		free(keyfile);
	}
	db_close(db);
	return QD_EXIT_OK;
}

int
cmd_serve(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct qd_config	*cfg = ctx->cfg;
	char			*why = NULL, *banner = NULL;
	int			 ch, demo = 0, rc;

	while ((ch = getopt_long(argc, argv, "", serve_options, NULL)) != -1) {
		switch (ch) {
		case 'd':
			demo = 1;
			break;
		case 'l':
			if ((rc = serve_listen_option(ctx, optarg)) != 0)
				return rc;
			break;
		default:
			fprintf(ctx->err, "usage: %s serve [--demo] "
			    "[--listen ADDR:PORT]...\n", QD_NAME);
			return QD_EXIT_USAGE;
		}
	}
	if (optind != argc) {
		fprintf(ctx->err, "%s: serve: unexpected '%s'\n", QD_NAME,
		    argv[optind]);
		return QD_EXIT_USAGE;
	}
	if (demo) {
		if (ctx->db_default) {
			ctx->db_path = SERVE_DEMO_DB;
			ctx->db_default = 0;
		}
		if (strcmp(cfg->host_key, QD_DEFAULT_HOST_KEY) == 0) {
			free(cfg->host_key);
			cfg->host_key = serve_demo_host_key();
		}
		if (!cfg->listen_added)
			config_add_listen(cfg, SERVE_DEMO_LISTEN);
	}
	if ((rc = serve_prepare_db(ctx, demo, &banner)) != QD_EXIT_OK)
		return rc;
	if (server_host_key_ensure(cfg->host_key, &why) != QD_OK) {
		fprintf(ctx->err, "%s: %s\n", QD_NAME, why);
		free(why);
		free(banner);
		return QD_EXIT_ERROR;
	}
	rc = server_run(cfg, ctx->db_path, banner);
	free(banner);
	return rc;
}
