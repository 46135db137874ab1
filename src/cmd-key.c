/* The key verbs: key add, list, remove. */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "qualdesk.h"

#define KEY_INPUT_MAX	(64 * 1024)

/* Refuse options: these verbs take none. */
static int
cmd_key_args(struct cmd_ctx *ctx, int argc, char **argv, int want)
{
	static const struct option opts[] = { { NULL, 0, NULL, 0 } };
	int	 rc;

	while (cmd_getopt(ctx, "key", argc, argv, opts, &rc) != -1)
		;
	if (rc != QD_EXIT_OK)
		return rc;
	if (argc - optind != want)
		return cmd_usage_error(ctx, "key", argv[0], "give %s",
		    want == 1 ? "one LOGIN" : "a LOGIN and one more argument");
	return QD_EXIT_OK;
}

/*
 * Read all of f, at most KEY_INPUT_MAX bytes of text. NULL with a message
 * on ctx->err for a larger input, a NUL byte or a read error.
 */
static char *
cmd_key_read(struct cmd_ctx *ctx, FILE *f, const char *name)
{
	char	*buf;
	size_t	 n;

	buf = xmalloc(KEY_INPUT_MAX + 1);
	n = fread(buf, 1, KEY_INPUT_MAX + 1, f);
	if (ferror(f)) {
		fprintf(ctx->err, "%s: cannot read %s: %s\n", QD_NAME, name,
		    strerror(errno));
		goto fail;
	}
	if (n > KEY_INPUT_MAX) {
		fprintf(ctx->err, "%s: %s is larger than %d KiB; public keys "
		    "are far smaller\n", QD_NAME, name, KEY_INPUT_MAX / 1024);
		goto fail;
	}
	if (memchr(buf, '\0', n) != NULL) {
		fprintf(ctx->err, "%s: %s holds NUL bytes: it is not a text "
		    "of public keys\n", QD_NAME, name);
		goto fail;
	}
	buf[n] = '\0';
	return buf;
fail:
	free(buf);
	return NULL;
}

int
cmd_key_add(struct cmd_ctx *ctx, int argc, char **argv)
{
	const char	*login, *file;
	char		*text, *why = NULL;
	FILE		*f;
	int		 rc, added = 0;

	if ((rc = cmd_key_args(ctx, argc, argv, 2)) != QD_EXIT_OK)
		return rc;
	login = argv[optind];
	file = argv[optind + 1];
	/* Over SSH, the server's files are not the caller's to read. */
	if (ctx->remote && strcmp(file, "-") != 0)
		return cmd_usage_error(ctx, "key", argv[0], "over SSH the keys "
		    "come on standard input: key add %s - < FILE",
		    user_login_valid(login) ? login : "LOGIN");
	if (strcmp(file, "-") == 0)
		text = cmd_key_read(ctx, ctx->in, "standard input");
	else if ((f = fopen(file, "r")) == NULL) {
		fprintf(ctx->err, "%s: cannot read %s: %s\n", QD_NAME, file,
		    strerror(errno));
		return QD_EXIT_ERROR;
	} else {
		text = cmd_key_read(ctx, f, file);
		fclose(f);
	}
	if (text == NULL)
		return QD_EXIT_ERROR;
	rc = db_key_add(ctx->db, ctx->actor, login, text, &added, &why);
	free(text);
	if (rc != QD_OK) {
		rc = cmd_fail(ctx, rc, why);
		free(why);
		return rc;
	}
	fprintf(ctx->out, "added %d key%s for %s\n", added,
	    added == 1 ? "" : "s", login);
	return QD_EXIT_OK;
}

int
cmd_key_list(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct qd_key	*keys = NULL;
	char		*why = NULL, cell[128];
	size_t		 n = 0, i;
	int		 rc;

	if ((rc = cmd_key_args(ctx, argc, argv, 1)) != QD_EXIT_OK)
		return rc;
	rc = db_key_list(ctx->db, ctx->actor, argv[optind], &keys, &n, &why);
	if (rc != QD_OK) {
		rc = cmd_fail(ctx, rc, why);
		free(why);
		return rc;
	}
	if (n == 0)
		fprintf(ctx->out, "%s has no keys\n", argv[optind]);
	else
		fprintf(ctx->out, "%-5s %-19s %-50s %-24s %s\n", "ID", "TYPE",
		    "FINGERPRINT", "CREATED", "COMMENT");
	for (i = 0; i < n; i++) {
		fprintf(ctx->out, "%-5lld %-19s %-50s %-24s %s\n",
		    (long long)keys[i].id, keys[i].type, keys[i].fingerprint,
		    keys[i].created_at,
		    text_cell(cell, sizeof cell, keys[i].comment, 60, 0));
	}
	key_free_array(keys, n);
	return QD_EXIT_OK;
}

int
cmd_key_remove(struct cmd_ctx *ctx, int argc, char **argv)
{
	char	*why = NULL;
	int	 rc;

	if ((rc = cmd_key_args(ctx, argc, argv, 2)) != QD_EXIT_OK)
		return rc;
	rc = db_key_remove(ctx->db, ctx->actor, argv[optind], argv[optind + 1],
	    &why);
	if (rc != QD_OK) {
		rc = cmd_fail(ctx, rc, why);
		free(why);
		return rc;
	}
	fprintf(ctx->out, "removed key %s from %s\n", argv[optind + 1],
	    argv[optind]);
	return QD_EXIT_OK;
}
