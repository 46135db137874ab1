/*
 * The catalog verbs: catalog list, import and export; occupation list;
 * agency list, import and export. Each list is a declaration of its
 * columns, printed by cmd-format.c.
 */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "catalog/catalog.h"

#define CATALOG_INPUT_MAX	(16 * 1024 * 1024)
#define CATALOG_CELL_MAX	40	/* columns of a text cell, unless said */

static const struct cmd_column catalog_columns[] = {
	{ "id", "ID", CMD_NUMBER, 0, 0 },
	{ "tw_qual", "TW_QUAL", CMD_STRING, 0, CATALOG_CELL_MAX },
	{ "tw_level", "TW_LEVEL", CMD_STRING, 0, CATALOG_CELL_MAX },
	{ "occupation_id", NULL, CMD_NUMBER, CMD_NOTEXT, 0 },
	{ "occupation_code", "CODE", CMD_STRING, 0, CATALOG_CELL_MAX },
	{ "occupation_name", "OCCUPATION", CMD_STRING, 0, CATALOG_CELL_MAX },
	{ "level", NULL, CMD_NUMBER, CMD_NOTEXT, 0 },
	{ "level_name", "LEVEL", CMD_STRING, 0, CATALOG_CELL_MAX },
	{ "kind", "KIND", CMD_STRING, 0, CATALOG_CELL_MAX },
	{ "mode", "MODE", CMD_STRING, 0, CATALOG_CELL_MAX },
	{ "active", "ACTIVE", CMD_BOOL, 0, 0 },
	{ "note", "NOTE", CMD_STRING, 0, CATALOG_CELL_MAX },
	{ "version", NULL, CMD_NUMBER, CMD_NOTEXT, 0 },
};
static const struct cmd_column occupation_columns[] = {
	{ "id", "ID", CMD_NUMBER, 0, 0 },
	{ "code", "CODE", CMD_STRING, 0, CATALOG_CELL_MAX },
	{ "name", "NAME", CMD_STRING, 0, CATALOG_CELL_MAX },
	{ "active", "ACTIVE", CMD_BOOL, 0, 0 },
	{ "version", NULL, CMD_NUMBER, CMD_NOTEXT, 0 },
};
/* The codes are what an agency is listed for: a wider column for them. */
static const struct cmd_column agency_columns[] = {
	{ "id", "ID", CMD_NUMBER, 0, 0 },
	{ "name", "NAME", CMD_STRING, 0, CATALOG_CELL_MAX },
	{ "office", "OFFICE", CMD_STRING, 0, CATALOG_CELL_MAX },
	{ "office_name", NULL, CMD_STRING, CMD_NOTEXT, 0 },
	{ "occupation_codes", "OCCUPATIONS", CMD_STRING, 0, 120 },
	{ "active", "ACTIVE", CMD_BOOL, 0, 0 },
	{ "version", NULL, CMD_NUMBER, CMD_NOTEXT, 0 },
};
#define nitems(a) (sizeof (a) / sizeof (a)[0])

/* Report a data-layer failure and free why. */
static int
cmd_catalog_fail(struct cmd_ctx *ctx, int rc, char *why)
{
	rc = cmd_fail(ctx, rc, why);
	free(why);
	return rc;
}

int
cmd_catalog_list(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "mode", required_argument, NULL, 'm' },
		{ "search", required_argument, NULL, 's' },
		{ "active", no_argument, NULL, 'a' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	struct qd_catalog_filter	 filter;
	struct qd_catalog		*list = NULL;
	struct cmd_rows			 rows = { catalog_columns,
					     nitems(catalog_columns), NULL, 0 };
	enum cmd_format			 format = CMD_FORMAT_TEXT;
	char				*why = NULL, id[24], occ[24], level[4];
	char				 version[24];
	size_t				 n = 0, i;
	int				 c, rc;

	memset(&filter, 0, sizeof filter);
	while ((c = cmd_getopt(ctx, "catalog", argc, argv, opts, &rc)) != -1) {
		if (c == 'm' && catalog_mode_parse(optarg, &filter.mode) != QD_OK)
			return cmd_usage_error(ctx, "catalog", argv[0],
			    "--mode is recognition or adoption");
		if (c == 'm')
			filter.by_mode = 1;
		else if (c == 's')
			filter.text = optarg;
		else if (c == 'a')
			filter.active_only = 1;
		else if (c == 'f' && cmd_format_parse(optarg, CMD_FORMATS_ALL,
		    &format) != QD_OK)
			return cmd_usage_error(ctx, "catalog", argv[0],
			    "--format is text, csv or json");
	}
	if (rc != QD_EXIT_OK)
		return rc;
	if (argc != optind)
		return cmd_usage_error(ctx, "catalog", argv[0],
		    "takes only options");
	if ((rc = db_catalog_list(ctx->db, &filter, &list, &n, &why)) != QD_OK)
		return cmd_catalog_fail(ctx, rc, why);
	for (i = 0; i < n; i++) {
		const struct qd_catalog	*e = &list[i];
		const char		*cells[nitems(catalog_columns)] = {
			id, e->tw_qual, e->tw_level, occ, e->occupation_code,
			e->occupation_name, level, e->level_name,
			format == CMD_FORMAT_TEXT ? catalog_kind_label(e->kind) :
			catalog_kind_name(e->kind), format == CMD_FORMAT_TEXT ?
			catalog_mode_label(e->mode) : catalog_mode_name(e->mode),
			e->active ? "1" : "0",
			e->note, version
		};

		snprintf(id, sizeof id, "%lld", (long long)e->id);
		snprintf(occ, sizeof occ, "%lld", (long long)e->occupation_id);
		snprintf(level, sizeof level, "%d", e->level);
		snprintf(version, sizeof version, "%lld", (long long)e->version);
		cmd_rows_add(&rows, cells);
	}
	catalog_free_array(list, n);
	rc = cmd_rows_print(ctx, format, &rows);
	cmd_rows_free(&rows);
	return rc;
}

/*
 * Read all of f (at most CATALOG_INPUT_MAX bytes) into *data. QD_EXIT_OK,
 * or an exit code with a message on ctx->err.
 */
static int
cmd_catalog_read(struct cmd_ctx *ctx, FILE *f, const char *name, char **data,
    size_t *len)
{
	size_t	 size = 65536, n = 0, got;
	char	*buf = xmalloc(size);

	while ((got = fread(buf + n, 1, size - n, f)) > 0) {
		n += got;
		if (n > CATALOG_INPUT_MAX)
			break;
		if (n == size) {
			size *= 2;
			buf = xrealloc(buf, size);
		}
	}
	if (ferror(f) || n > CATALOG_INPUT_MAX) {
		if (ferror(f))
			fprintf(ctx->err, "%s: 无法读取 cannot read %s: %s\n",
			    QD_NAME, name, strerror(errno));
		else
			fprintf(ctx->err, "%s: %s 超过 %d MiB，请分批导入 %s is "
			    "larger than %d MiB; import it in parts\n", QD_NAME,
			    name, CATALOG_INPUT_MAX >> 20, name,
			    CATALOG_INPUT_MAX >> 20);
		free(buf);
		return QD_EXIT_ERROR;
	}
	*data = buf;
	*len = n;
	return QD_EXIT_OK;
}

/* The common part of catalog import and agency import. */
static int
cmd_catalog_import_file(struct cmd_ctx *ctx, const char *noun, int argc,
    char **argv, int (*import)(sqlite3 *, const struct qd_user *,
    const char *, size_t, enum csv_charset, int *, int *, char **))
{
	static const struct option opts[] = {
		{ "charset", required_argument, NULL, 'c' },
		{ NULL, 0, NULL, 0 }
	};
	enum csv_charset	 charset = CSV_UTF8;
	const char		*file;
	char			*data = NULL, *why = NULL;
	size_t			 len = 0;
	FILE			*f;
	int			 c, rc, added, updated;

	while ((c = cmd_getopt(ctx, noun, argc, argv, opts, &rc)) != -1) {
		if (c == 'c' && csv_charset_parse(optarg, &charset) != QD_OK)
			return cmd_usage_error(ctx, noun, argv[0],
			    "--charset is utf-8 or gb18030");
	}
	if (rc != QD_EXIT_OK)
		return rc;
	if (argc - optind != 1)
		return cmd_usage_error(ctx, noun, argv[0], "give one FILE, or "
		    "- for standard input");
	file = argv[optind];
	/* Over SSH, the server's files are not the caller's to read. */
	if (ctx->remote && strcmp(file, "-") != 0)
		return cmd_usage_error(ctx, noun, argv[0], "over SSH the file "
		    "comes on standard input: %s import - < FILE", noun);
	if (strcmp(file, "-") == 0)
		rc = cmd_catalog_read(ctx, ctx->in, "standard input", &data,
		    &len);
	else if ((f = fopen(file, "rb")) == NULL) {
		fprintf(ctx->err, "%s: 无法打开 cannot read %s: %s\n", QD_NAME,
		    file, strerror(errno));
		return QD_EXIT_ERROR;
	} else {
		rc = cmd_catalog_read(ctx, f, file, &data, &len);
		fclose(f);
	}
	if (rc != QD_EXIT_OK)
		return rc;
	rc = import(ctx->db, ctx->actor, data, len, charset, &added, &updated,
	    &why);
	free(data);
	if (rc != QD_OK)
		return cmd_catalog_fail(ctx, rc, why);
	free(why);
	fprintf(ctx->out, "导入完成：新增 %d 条，更新 %d 条 imported: %d added, "
	    "%d updated\n", added, updated, added, updated);
	return QD_EXIT_OK;
}

/* The common part of catalog export and agency export. */
static int
cmd_catalog_export_file(struct cmd_ctx *ctx, const char *noun, int argc,
    char **argv, int (*export)(sqlite3 *, const struct qd_user *, FILE *,
    enum csv_charset, char **))
{
	static const struct option opts[] = {
		{ "charset", required_argument, NULL, 'c' },
		{ "bom", no_argument, NULL, 'b' },
		{ NULL, 0, NULL, 0 }
	};
	enum csv_charset	 charset = CSV_UTF8;
	char			*why = NULL;
	int			 c, rc, bom = 0;

	while ((c = cmd_getopt(ctx, noun, argc, argv, opts, &rc)) != -1) {
		if (c == 'c' && csv_charset_parse(optarg, &charset) != QD_OK)
			return cmd_usage_error(ctx, noun, argv[0],
			    "--charset is utf-8 or gb18030");
		if (c == 'b')
			bom = 1;
	}
	if (rc != QD_EXIT_OK)
		return rc;
	if (argc != optind)
		return cmd_usage_error(ctx, noun, argv[0], "takes only options; "
		    "the CSV goes to standard output");
	if (bom && csv_write_bom(ctx->out, charset) != QD_OK)
		return cmd_fail(ctx, QD_ESYS, "写入失败 cannot write");
	if ((rc = export(ctx->db, ctx->actor, ctx->out, charset, &why)) !=
	    QD_OK)
		return cmd_catalog_fail(ctx, rc, why);
	return QD_EXIT_OK;
}

int
cmd_catalog_import(struct cmd_ctx *ctx, int argc, char **argv)
{
	return cmd_catalog_import_file(ctx, "catalog", argc, argv,
	    db_catalog_import);
}

int
cmd_catalog_export(struct cmd_ctx *ctx, int argc, char **argv)
{
	return cmd_catalog_export_file(ctx, "catalog", argc, argv,
	    db_catalog_export);
}

int
cmd_agency_import(struct cmd_ctx *ctx, int argc, char **argv)
{
	return cmd_catalog_import_file(ctx, "agency", argc, argv,
	    db_agency_import);
}

int
cmd_agency_export(struct cmd_ctx *ctx, int argc, char **argv)
{
	return cmd_catalog_export_file(ctx, "agency", argc, argv,
	    db_agency_export);
}

/* Only --format (and --active where active_only is given); *format set. */
static int
cmd_catalog_list_args(struct cmd_ctx *ctx, const char *noun, int argc,
    char **argv, enum cmd_format *format, int *active_only)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "active", no_argument, NULL, 'a' },
		{ NULL, 0, NULL, 0 }
	};
	int	 c, rc;

	while ((c = cmd_getopt(ctx, noun, argc, argv, opts, &rc)) != -1) {
		if (c == 'f' && cmd_format_parse(optarg, CMD_FORMATS_ALL,
		    format) != QD_OK)
			return cmd_usage_error(ctx, noun, argv[0],
			    "--format is text, csv or json");
		if (c == 'a' && active_only == NULL)
			return cmd_usage_error(ctx, noun, argv[0],
			    "takes only --format");
		if (c == 'a')
			*active_only = 1;
	}
	if (rc != QD_EXIT_OK)
		return rc;
	if (argc != optind)
		return cmd_usage_error(ctx, noun, argv[0], "takes only options");
	return QD_EXIT_OK;
}

int
cmd_occupation_print(struct cmd_ctx *ctx, enum cmd_format format,
    const struct qd_occupation *list, size_t n)
{
	struct cmd_rows		 rows = { occupation_columns,
				     nitems(occupation_columns), NULL, 0 };
	char			 id[24], version[24];
	size_t			 i;
	int			 rc;

	for (i = 0; i < n; i++) {
		const struct qd_occupation	*o = &list[i];
		const char			*cells[nitems(occupation_columns)] = {
			id, o->code, o->name, o->active ? "1" : "0", version
		};

		snprintf(id, sizeof id, "%lld", (long long)o->id);
		snprintf(version, sizeof version, "%lld", (long long)o->version);
		cmd_rows_add(&rows, cells);
	}
	rc = cmd_rows_print(ctx, format, &rows);
	cmd_rows_free(&rows);
	return rc;
}

int
cmd_occupation_list(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct qd_occupation	*list = NULL;
	enum cmd_format		 format = CMD_FORMAT_TEXT;
	char			*why = NULL;
	size_t			 n = 0;
	int			 rc, active_only = 0;

	if ((rc = cmd_catalog_list_args(ctx, "occupation", argc, argv, &format,
	    &active_only)) != QD_EXIT_OK)
		return rc;
	if ((rc = db_occupation_list(ctx->db, active_only, &list, &n, &why)) !=
	    QD_OK)
		return cmd_catalog_fail(ctx, rc, why);
	rc = cmd_occupation_print(ctx, format, list, n);
	occupation_free_array(list, n);
	return rc;
}

int
cmd_agency_print(struct cmd_ctx *ctx, enum cmd_format format,
    const struct qd_agency *list, size_t n)
{
	struct cmd_rows		 rows = { agency_columns, nitems(agency_columns),
				     NULL, 0 };
	char			 id[24], version[24], office[96];
	size_t			 i;
	int			 rc;

	for (i = 0; i < n; i++) {
		const struct qd_agency	*a = &list[i];
		const char		*cells[nitems(agency_columns)] = {
			id, a->name, office, a->office_name,
			a->occupation_codes, a->active ? "1" : "0", version
		};

		snprintf(id, sizeof id, "%lld", (long long)a->id);
		snprintf(version, sizeof version, "%lld", (long long)a->version);
		/* Text names the office too; scripts get its code alone. */
		snprintf(office, sizeof office, "%s%s%s", a->office_code,
		    format == CMD_FORMAT_TEXT ? " " : "",
		    format == CMD_FORMAT_TEXT ? a->office_name : "");
		cmd_rows_add(&rows, cells);
	}
	rc = cmd_rows_print(ctx, format, &rows);
	cmd_rows_free(&rows);
	return rc;
}

int
cmd_agency_list(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct qd_agency	*list = NULL;
	enum cmd_format		 format = CMD_FORMAT_TEXT;
	char			*why = NULL;
	size_t			 n = 0;
	int			 rc;

	if ((rc = cmd_catalog_list_args(ctx, "agency", argc, argv, &format,
	    NULL)) != QD_EXIT_OK)
		return rc;
	if ((rc = db_agency_list(ctx->db, &list, &n, &why)) != QD_OK)
		return cmd_catalog_fail(ctx, rc, why);
	rc = cmd_agency_print(ctx, format, list, n);
	agency_free_array(list, n);
	return rc;
}
