/*
 * materials list|set: the materials a window checks, the default list
 * and the lists of types and catalog entries; office list|set: each
 * office's window address and service phone, which notices tell.
 */
#include <getopt.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "case/case.h"

/* --format text|csv|json as the only option; an exit code. */
static int
cmd_material_format(struct cmd_ctx *ctx, const char *noun, int argc,
    char **argv, enum cmd_format *format)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	int	 c, rc;

	*format = CMD_FORMAT_TEXT;
	while ((c = cmd_getopt(ctx, noun, argc, argv, opts, &rc)) != -1) {
		if (c == 'f' && cmd_format_parse(optarg, CMD_FORMATS_ALL,
		    format) != QD_OK)
			return cmd_usage_error(ctx, noun, argv[0],
			    "--format is text, csv or json");
	}
	if (rc == QD_EXIT_OK && argc != optind)
		return cmd_usage_error(ctx, noun, argv[0], "takes only options");
	return rc;
}

static const struct cmd_column cmd_material_columns[] = {
	{ "scope", "FOR", CMD_STRING, 0, 30 },
	{ "catalog_id", "ENTRY", CMD_OPTIONAL, 0, 0 },
	{ "materials", "MATERIALS", CMD_STRING, 0, 0 },
};

int
cmd_materials_list(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct cmd_rows		 out = { cmd_material_columns,
	    nitems(cmd_material_columns), NULL, 0 };
	struct qd_material_need	*r = NULL;
	enum cmd_format		 format;
	char			*why = NULL, id[24];
	size_t			 i, n = 0;
	int			 rc;

	if ((rc = cmd_material_format(ctx, "materials", argc, argv,
	    &format)) != QD_EXIT_OK)
		return rc;
	if ((rc = db_material_needs_list(ctx->db, &r, &n, &why)) != QD_OK) {
		rc = cmd_fail(ctx, rc, why);
		free(why);
		return rc;
	}
	for (i = 0; i < n; i++) {
		const char	*cells[3] = { r[i].scope, id, r[i].materials };

		if (r[i].catalog_id != 0)
			snprintf(id, sizeof id, "%" PRId64, r[i].catalog_id);
		else
			id[0] = '\0';
		cmd_rows_add(&out, cells);
	}
	rc = cmd_rows_print(ctx, format, &out);
	cmd_rows_free(&out);
	case_needs_rows_free(r, n);
	return rc;
}

int
cmd_materials_set(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "catalog", required_argument, NULL, 'c' },
		{ "type", required_argument, NULL, 't' },
		{ NULL, 0, NULL, 0 }
	};
	const char	*type = NULL;
	long long	 catalog = 0;
	char		*why = NULL;
	int		 c, rc;

	while ((c = cmd_getopt(ctx, "materials", argc, argv, opts, &rc)) !=
	    -1) {
		if (c == 'c' && (catalog = cmd_number(optarg, 1, INT64_MAX)) <
		    0)
			return cmd_usage_error(ctx, "materials", argv[0],
			    "--catalog is a catalog entry's number");
		if (c == 't')
			type = optarg;
	}
	if (rc != QD_EXIT_OK)
		return rc;
	if ((catalog != 0) == (type != NULL))
		return cmd_usage_error(ctx, "materials", argv[0], "give"
		    " --catalog ID or --type adoption|recognition");
	rc = db_material_needs_set(ctx->db, ctx->actor, catalog, type,
	    (const char *const *)argv + optind, (size_t)(argc - optind), &why);
	if (rc != QD_OK)
		rc = cmd_fail(ctx, rc, why);
	else
		fprintf(ctx->out, "%s needs %s\n", catalog != 0 ? "the entry" :
		    type, argc == optind ? "the default list again" :
		    "these materials");
	free(why);
	return rc;
}

static const struct cmd_column cmd_office_columns[] = {
	{ "code", "OFFICE", CMD_STRING, 0, 0 },
	{ "name", "NAME", CMD_STRING, 0, 16 },
	{ "address", "ADDRESS", CMD_OPTIONAL, 0, 40 },
	{ "phone", "PHONE", CMD_OPTIONAL, 0, 0 },
	{ "version", NULL, CMD_NUMBER, CMD_NOTEXT, 0 },
};

int
cmd_office_list(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct cmd_rows		 out = { cmd_office_columns,
	    nitems(cmd_office_columns), NULL, 0 };
	struct qd_office_window	*w = NULL;
	enum cmd_format		 format;
	char			*why = NULL, version[24];
	size_t			 i, n = 0;
	int			 rc;

	if ((rc = cmd_material_format(ctx, "office", argc, argv, &format)) !=
	    QD_EXIT_OK)
		return rc;
	if ((rc = db_office_windows(ctx->db, &w, &n, &why)) != QD_OK) {
		rc = cmd_fail(ctx, rc, why);
		free(why);
		return rc;
	}
	for (i = 0; i < n; i++) {
		const char	*cells[5] = { w[i].code, w[i].name_zh,
		    w[i].address, w[i].phone, version };

		snprintf(version, sizeof version, "%" PRId64, w[i].version);
		cmd_rows_add(&out, cells);
	}
	rc = cmd_rows_print(ctx, format, &out);
	cmd_rows_free(&out);
	office_windows_free(w, n);
	return rc;
}

int
cmd_office_set(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "address", required_argument, NULL, 'a' },
		{ "phone", required_argument, NULL, 'p' },
		{ NULL, 0, NULL, 0 }
	};
	const char	*address = NULL, *phone = NULL;
	int64_t		 office = 0;
	char		*why = NULL;
	int		 c, rc;

	while ((c = cmd_getopt(ctx, "office", argc, argv, opts, &rc)) != -1) {
		if (c == 'a')
			address = optarg;
		else if (c == 'p')
			phone = optarg;
	}
	if (rc != QD_EXIT_OK)
		return rc;
	if (argc - optind != 1)
		return cmd_usage_error(ctx, "office", argv[0], "give one"
		    " office's code");
	if (address == NULL && phone == NULL)
		return cmd_usage_error(ctx, "office", argv[0], "give --address"
		    " or --phone");
	if ((rc = cmd_office_id(ctx, "office", argv[optind], argv, &office)) !=
	    QD_EXIT_OK)
		return rc;
	if ((rc = db_office_window_set(ctx->db, ctx->actor, office, address,
	    phone, &why)) != QD_OK)
		rc = cmd_fail(ctx, rc, why);
	else
		fprintf(ctx->out, "office %s: window set\n", argv[optind]);
	free(why);
	return rc;
}
