/*
 * The verbs that write one agency or occupation: agency add and edit,
 * occupation add and edit. Each prints what it wrote as the list verb
 * would (--format text, csv or json), so a script reads the new id and
 * version from its answer.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "catalog/catalog.h"

/* Report a data-layer failure and free why. */
static int
cmd_agency_fail(struct cmd_ctx *ctx, int rc, char *why)
{
	rc = cmd_fail(ctx, rc, why);
	free(why);
	return rc;
}

/* 1 or 0 from --active; -1 for anything else. */
static int
cmd_agency_flag(const char *s)
{
	if (strcmp(s, "1") == 0 || strcmp(s, "yes") == 0)
		return 1;
	if (strcmp(s, "0") == 0 || strcmp(s, "no") == 0)
		return 0;
	return -1;
}

/* Print agency key as it is now. */
static int
cmd_agency_show_one(struct cmd_ctx *ctx, enum cmd_format format,
    const char *key)
{
	struct qd_agency	*a = NULL;
	char			*why = NULL;
	int			 rc;

	if ((rc = db_agency_get(ctx->db, key, &a, &why)) != QD_OK)
		return cmd_agency_fail(ctx, rc, why);
	rc = cmd_agency_print(ctx, format, a, 1);
	agency_free_array(a, 1);
	return rc;
}

/* The options agency add and edit share. */
struct cmd_agency_opts {
	const char	*name;
	const char	*office;
	const char	*codes;
	int		 active;
	int64_t		 version;
	enum cmd_format	 format;
};

static int
cmd_agency_args(struct cmd_ctx *ctx, const char *verb, int argc, char **argv,
    struct cmd_agency_opts *o)
{
	static const struct option opts[] = {
		{ "name", required_argument, NULL, 'n' },
		{ "office", required_argument, NULL, 'o' },
		{ "occupations", required_argument, NULL, 'c' },
		{ "active", required_argument, NULL, 'a' },
		{ "version", required_argument, NULL, 'v' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	char	*end;
	int	 c, rc;

	memset(o, 0, sizeof *o);
	o->active = -1;
	while ((c = cmd_getopt(ctx, "agency", argc, argv, opts, &rc)) != -1) {
		if (c == 'n')
			o->name = optarg;
		else if (c == 'o')
			o->office = optarg;
		else if (c == 'c')
			o->codes = optarg;
		else if (c == 'a' && (o->active = cmd_agency_flag(optarg)) < 0)
			return cmd_usage_error(ctx, "agency", verb,
			    "--active is 1 or 0");
		else if (c == 'v' && ((o->version = strtoll(optarg, &end,
		    10)) <= 0 || *end != '\0'))
			return cmd_usage_error(ctx, "agency", verb,
			    "--version is the number agency list gave");
		else if (c == 'f' && cmd_format_parse(optarg, CMD_FORMATS_ALL,
		    &o->format) != QD_OK)
			return cmd_usage_error(ctx, "agency", verb,
			    "--format is text, csv or json");
	}
	return rc;
}

/* Free what agency_codes_split gave. */
static void
cmd_agency_codes_free(char **codes, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		free(codes[i]);
	free(codes);
}

int
cmd_agency_add(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct cmd_agency_opts	 o;
	char			**codes, *why = NULL, key[24];
	size_t			 n = 0;
	int64_t			 id = 0;
	int			 rc;

	if ((rc = cmd_agency_args(ctx, "add", argc, argv, &o)) != QD_EXIT_OK)
		return rc;
	if (argc - optind != 1 || o.office == NULL || o.codes == NULL ||
	    o.name != NULL || o.version != 0 || o.active >= 0)
		return cmd_usage_error(ctx, "agency", "add", "give NAME,"
		    " --office CODE and --occupations CODE[;CODE...]");
	codes = agency_codes_split(o.codes, &n);
	if (n == 0) {
		cmd_agency_codes_free(codes, n);
		return cmd_usage_error(ctx, "agency", "add", "--occupations"
		    " names at least one occupation code");
	}
	rc = db_agency_add(ctx->db, ctx->actor, argv[optind], o.office,
	    (const char *const *)codes, n, &id, &why);
	cmd_agency_codes_free(codes, n);
	if (rc != QD_OK)
		return cmd_agency_fail(ctx, rc, why);
	snprintf(key, sizeof key, "%lld", (long long)id);
	return cmd_agency_show_one(ctx, o.format, key);
}

int
cmd_agency_edit(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct cmd_agency_opts	 o;
	struct qd_agency_change	 ch;
	struct qd_agency	*a = NULL;
	char			**codes = NULL, *why = NULL, key[24];
	size_t			 n = 0;
	int			 rc;

	if ((rc = cmd_agency_args(ctx, "edit", argc, argv, &o)) != QD_EXIT_OK)
		return rc;
	if (argc - optind != 1 || (o.name == NULL && o.office == NULL &&
	    o.codes == NULL && o.active < 0))
		return cmd_usage_error(ctx, "agency", "edit", "give ID or NAME"
		    " and what to change: --name, --office, --occupations,"
		    " --active");
	if ((rc = db_agency_get(ctx->db, argv[optind], &a, &why)) != QD_OK)
		return cmd_agency_fail(ctx, rc, why);
	memset(&ch, 0, sizeof ch);
	ch.id = a->id;
	ch.version = o.version;
	ch.name = o.name;
	ch.office_code = o.office;
	ch.active = o.active;
	agency_free_array(a, 1);
	if (o.codes != NULL) {
		codes = agency_codes_split(o.codes, &n);
		ch.codes = (const char *const *)codes;
		ch.ncodes = n;
	}
	rc = db_agency_update(ctx->db, ctx->actor, &ch, &why);
	cmd_agency_codes_free(codes, n);
	if (rc != QD_OK)
		return cmd_agency_fail(ctx, rc, why);
	snprintf(key, sizeof key, "%lld", (long long)ch.id);
	return cmd_agency_show_one(ctx, o.format, key);
}

/* The options occupation add and edit share. */
struct cmd_occupation_opts {
	const char	*code;
	const char	*name;
	int		 active;
	int64_t		 version;
	enum cmd_format	 format;
};

static int
cmd_occupation_args(struct cmd_ctx *ctx, const char *verb, int argc,
    char **argv, struct cmd_occupation_opts *o)
{
	static const struct option opts[] = {
		{ "code", required_argument, NULL, 'c' },
		{ "name", required_argument, NULL, 'n' },
		{ "active", required_argument, NULL, 'a' },
		{ "version", required_argument, NULL, 'v' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	char	*end;
	int	 c, rc;

	memset(o, 0, sizeof *o);
	o->active = -1;
	while ((c = cmd_getopt(ctx, "occupation", argc, argv, opts, &rc)) !=
	    -1) {
		if (c == 'c')
			o->code = optarg;
		else if (c == 'n')
			o->name = optarg;
		else if (c == 'a' && (o->active = cmd_agency_flag(optarg)) < 0)
			return cmd_usage_error(ctx, "occupation", verb,
			    "--active is 1 or 0");
		else if (c == 'v' && ((o->version = strtoll(optarg, &end,
		    10)) <= 0 || *end != '\0'))
			return cmd_usage_error(ctx, "occupation", verb,
			    "--version is the number occupation list gave");
		else if (c == 'f' && cmd_format_parse(optarg, CMD_FORMATS_ALL,
		    &o->format) != QD_OK)
			return cmd_usage_error(ctx, "occupation", verb,
			    "--format is text, csv or json");
	}
	return rc;
}

/* Print the occupation whose code or name is key. */
static int
cmd_occupation_show_one(struct cmd_ctx *ctx, enum cmd_format format,
    const char *key)
{
	struct qd_occupation	*o = NULL;
	int			 rc;

	if ((rc = db_occupation_find(ctx->db, key, &o)) != QD_OK)
		return cmd_fail(ctx, rc, "找不到此职业 no such occupation");
	rc = cmd_occupation_print(ctx, format, o, 1);
	occupation_free_array(o, 1);
	return rc;
}

int
cmd_occupation_add(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct cmd_occupation_opts	 o;
	char				*why = NULL;
	int				 rc;

	if ((rc = cmd_occupation_args(ctx, "add", argc, argv, &o)) !=
	    QD_EXIT_OK)
		return rc;
	if (argc - optind != 2 || o.code != NULL || o.name != NULL ||
	    o.active >= 0 || o.version != 0)
		return cmd_usage_error(ctx, "occupation", "add",
		    "give CODE and NAME, e.g. 6-18-01-01 车工");
	if ((rc = db_occupation_add(ctx->db, ctx->actor, argv[optind],
	    argv[optind + 1], NULL, &why)) != QD_OK)
		return cmd_agency_fail(ctx, rc, why);
	return cmd_occupation_show_one(ctx, o.format, argv[optind]);
}

int
cmd_occupation_edit(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct cmd_occupation_opts	 o;
	struct qd_occupation		*have = NULL;
	char				*why = NULL, *code;
	int64_t				 id;
	int				 rc;

	if ((rc = cmd_occupation_args(ctx, "edit", argc, argv, &o)) !=
	    QD_EXIT_OK)
		return rc;
	if (argc - optind != 1 || (o.code == NULL && o.name == NULL &&
	    o.active < 0))
		return cmd_usage_error(ctx, "occupation", "edit", "give CODE"
		    " and what to change: --code, --name, --active");
	if (db_occupation_find(ctx->db, argv[optind], &have) != QD_OK)
		return cmd_fail(ctx, QD_ENOTFOUND, "找不到此职业 no such"
		    " occupation");
	id = have->id;
	code = xstrdup(o.code != NULL ? o.code : have->code);
	occupation_free_array(have, 1);
	rc = db_occupation_update(ctx->db, ctx->actor, id, o.version, o.code,
	    o.name, o.active, &why);
	if (rc == QD_OK)
		rc = cmd_occupation_show_one(ctx, o.format, code);
	else
		rc = cmd_agency_fail(ctx, rc, why);
	free(code);
	return rc;
}
