/* The account verbs: user add, list, disable, enable. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "qualdesk.h"

#define USER_NAME_COL_MAX	32

int
cmd_usage_error(struct cmd_ctx *ctx, const char *noun, const char *verb,
    const char *fmt, ...)
{
	const struct cmd_entry	*ce;
	va_list			 ap;
	size_t			 i;
	char			*msg;

	if (fmt != NULL) {
		va_start(ap, fmt);
		xvasprintf(&msg, fmt, ap);
		va_end(ap);
		fprintf(ctx->err, "%s: %s %s: %s\n", QD_NAME, noun, verb, msg);
		free(msg);
	}
	for (i = 0; (ce = cmd_entry_at(i)) != NULL; i++) {
		if (strcmp(ce->noun, noun) == 0 && ce->verb != NULL &&
		    strcmp(ce->verb, verb) == 0)
			fprintf(ctx->err, "usage: %s %s %s %s\n",
			    ctx->remote ? "ssh HOST" : QD_NAME, noun, verb,
			    ce->args);
	}
	return QD_EXIT_USAGE;
}

int
cmd_getopt(struct cmd_ctx *ctx, const char *noun, int argc, char **argv,
    const struct option *opts, int *rc)
{
	int	 c;

	/* Messages go to ctx->err, which over SSH is the channel. */
	opterr = 0;
	c = getopt_long(argc, argv, ":", opts, NULL);
	*rc = QD_EXIT_OK;
	if (c == '?' || c == ':') {
		char		 shortopt[3] = { '-', (char)optopt, '\0' };
		const char	*word = argv[optind - 1];

		/* A short option names itself; a long one is the word. */
		if (c == '?' && optopt != 0)
			word = shortopt;
		if (!text_valid(word))
			word = "?";
		*rc = cmd_usage_error(ctx, noun, argv[0], c == '?' ?
		    "unknown option '%s'" : "option '%s' needs a value", word);
		return -1;
	}
	return c;
}

/* The roles, comma-separated, for messages. */
static void
cmd_user_roles(char *buf, size_t size)
{
	size_t	 off = 0;
	int	 i;

	buf[0] = '\0';
	for (i = 0; i < ROLE_COUNT && off < size; i++)
		off += (size_t)snprintf(buf + off, size - off, "%s%s",
		    i > 0 ? ", " : "", role_name((enum qd_role)i));
}

int
cmd_user_add(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "role", required_argument, NULL, 'r' },
		{ "office", required_argument, NULL, 'o' },
		{ "name", required_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 }
	};
	struct qd_user_new	 nu;
	const char		*role = NULL;
	char			*why = NULL, roles[80];
	int			 c, rc;

	memset(&nu, 0, sizeof nu);
	while ((c = cmd_getopt(ctx, "user", argc, argv, opts, &rc)) != -1) {
		if (c == 'r')
			role = optarg;
		else if (c == 'o')
			nu.office_code = optarg;
		else if (c == 'n')
			nu.display_name = optarg;
	}
	if (rc != QD_EXIT_OK)
		return rc;
	if (argc - optind != 1)
		return cmd_usage_error(ctx, "user", argv[0], "give one LOGIN");
	cmd_user_roles(roles, sizeof roles);
	if (role == NULL)
		return cmd_usage_error(ctx, "user", argv[0],
		    "--role is required: one of %s", roles);
	if (role_parse(role, &nu.role) != QD_OK)
		return cmd_usage_error(ctx, "user", argv[0],
		    "unknown role '%s': one of %s",
		    text_valid(role) ? role : "?", roles);
	nu.login = argv[optind];
	rc = db_user_add(ctx->db, ctx->actor, &nu, &why);
	if (rc != QD_OK) {
		rc = cmd_fail(ctx, rc, why);
		free(why);
		return rc;
	}
	fprintf(ctx->out, "added user %s (%s%s%s)\n", nu.login, role_name(nu.role),
	    nu.office_code != NULL ? ", " : "",
	    nu.office_code != NULL ? nu.office_code : "");
	return QD_EXIT_OK;
}

/* Write s as one CSV field, quoted when it needs to be. */
static void
cmd_user_csv_field(FILE *f, const char *s, int last)
{
	const char	*p;

	if (s[strcspn(s, ",\"\r\n")] == '\0' && s[0] != ' ')
		fputs(s, f);
	else {
		fputc('"', f);
		for (p = s; *p != '\0'; p++) {
			if (*p == '"')
				fputc('"', f);
			fputc(*p, f);
		}
		fputc('"', f);
	}
	fputc(last ? '\n' : ',', f);
}

static void
cmd_user_csv(FILE *f, struct qd_user **list, size_t n)
{
	size_t	 i;

	fputs("login,name,role,office,active\n", f);
	for (i = 0; i < n; i++) {
		cmd_user_csv_field(f, list[i]->login, 0);
		cmd_user_csv_field(f, list[i]->display_name, 0);
		cmd_user_csv_field(f, role_name(list[i]->role), 0);
		cmd_user_csv_field(f, list[i]->office_code != NULL ?
		    list[i]->office_code : "", 0);
		cmd_user_csv_field(f, list[i]->active ? "yes" : "no", 1);
	}
}

/* The office column: "fuzhou 福州市", or "-". */
static void
cmd_user_office(char *buf, size_t size, const struct qd_user *u)
{
	if (u->office_code == NULL)
		snprintf(buf, size, "-");
	else
		snprintf(buf, size, "%s %s", u->office_code,
		    u->office_name != NULL ? u->office_name : "");
}

/* Aligned columns; widths in terminal columns (CJK counts two). */
static void
cmd_user_text(FILE *f, struct qd_user **list, size_t n)
{
	char	 office[128], c1[160], c2[160], c3[64], c4[160];
	int	 wl = 5, wn = 4, wo = 6, w;
	size_t	 i;

	for (i = 0; i < n; i++) {
		if ((w = text_width(list[i]->login)) > wl)
			wl = w;
		if ((w = text_width(list[i]->display_name)) > wn)
			wn = w > USER_NAME_COL_MAX ? USER_NAME_COL_MAX : w;
		cmd_user_office(office, sizeof office, list[i]);
		if ((w = text_width(office)) > wo)
			wo = w;
	}
	fprintf(f, "%s  %s  %s  %s  ACTIVE\n",
	    text_cell(c1, sizeof c1, "LOGIN", wl, 1),
	    text_cell(c2, sizeof c2, "NAME", wn, 1),
	    text_cell(c3, sizeof c3, "ROLE", 7, 1),
	    text_cell(c4, sizeof c4, "OFFICE", wo, 1));
	for (i = 0; i < n; i++) {
		cmd_user_office(office, sizeof office, list[i]);
		fprintf(f, "%s  %s  %s  %s  %s\n",
		    text_cell(c1, sizeof c1, list[i]->login, wl, 1),
		    text_cell(c2, sizeof c2, list[i]->display_name, wn, 1),
		    text_cell(c3, sizeof c3, role_name(list[i]->role), 7, 1),
		    text_cell(c4, sizeof c4, office, wo, 1),
		    list[i]->active ? "yes" : "no");
	}
}

int
cmd_user_list(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	struct qd_user	**list = NULL;
	const char	 *format = "text";
	char		 *why = NULL;
	size_t		  n = 0;
	int		  c, rc;

	while ((c = cmd_getopt(ctx, "user", argc, argv, opts, &rc)) != -1) {
		if (c == 'f')
			format = optarg;
	}
	if (rc != QD_EXIT_OK)
		return rc;
	if (argc != optind)
		return cmd_usage_error(ctx, "user", argv[0],
		    "takes no arguments besides --format");
	if (strcmp(format, "text") != 0 && strcmp(format, "csv") != 0)
		return cmd_usage_error(ctx, "user", argv[0],
		    "--format is text or csv");
	if ((rc = db_user_list(ctx->db, ctx->actor, &list, &n, &why)) !=
	    QD_OK) {
		rc = cmd_fail(ctx, rc, why);
		free(why);
		return rc;
	}
	if (strcmp(format, "csv") == 0)
		cmd_user_csv(ctx->out, list, n);
	else
		cmd_user_text(ctx->out, list, n);
	user_free_array(list, n);
	return QD_EXIT_OK;
}

/* user disable / user enable LOGIN. */
static int
cmd_user_set_active(struct cmd_ctx *ctx, int argc, char **argv, int active)
{
	static const struct option opts[] = { { NULL, 0, NULL, 0 } };
	char	*why = NULL;
	int	 rc;

	while (cmd_getopt(ctx, "user", argc, argv, opts, &rc) != -1)
		;
	if (rc != QD_EXIT_OK)
		return rc;
	if (argc - optind != 1)
		return cmd_usage_error(ctx, "user", argv[0], "give one LOGIN");
	rc = db_user_set_active(ctx->db, ctx->actor, argv[optind], active,
	    &why);
	if (rc != QD_OK) {
		rc = cmd_fail(ctx, rc, why);
		free(why);
		return rc;
	}
	fprintf(ctx->out, "user %s %s\n", argv[optind],
	    active ? "enabled" : "disabled");
	return QD_EXIT_OK;
}

int
cmd_user_disable(struct cmd_ctx *ctx, int argc, char **argv)
{
	return cmd_user_set_active(ctx, argc, argv, 0);
}

int
cmd_user_enable(struct cmd_ctx *ctx, int argc, char **argv)
{
	return cmd_user_set_active(ctx, argc, argv, 1);
}
