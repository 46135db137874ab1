/*
 * The training verbs: `training provider|need|class|enrol|roster|cert
 * VERB ...`, each noun's sub-verbs a table, the same authorisation over
 * SSH as on screen (the data layer checks the actor).
 */
#include <stdlib.h>
#include <string.h>

#include "training/training.h"

#define T_FORMAT	"[--format text|csv|json]"

/* --format into *format; a usage error if it is not one. */
static int
t_format(struct cmd_ctx *ctx, const struct training_args *a,
    enum cmd_format *format)
{
	const char	*s = training_arg(a, "format");

	*format = CMD_FORMAT_TEXT;
	if (s != NULL && cmd_format_parse(s, CMD_FORMATS_ALL, format) !=
	    QD_OK) {
		fprintf(ctx->err, "%s: --format is text, csv or json\n",
		    QD_NAME);
		return QD_EXIT_USAGE;
	}
	return QD_EXIT_OK;
}

/* A whole number argument in [min, max], or -1 with a usage message. */
static long long
t_number(struct cmd_ctx *ctx, const char *s, const char *what,
    long long min, long long max)
{
	long long	 v;

	if (s == NULL || (v = cmd_number(s, min, max)) < 0) {
		fprintf(ctx->err, "%s: %s 应为 %lld 至 %lld 的整数 %s is a"
		    " whole number %lld to %lld\n", QD_NAME, what, min, max,
		    what, min, max);
		return -1;
	}
	return v;
}

/* The result of a change: a line on success, the reason otherwise. */
static int
t_done(struct cmd_ctx *ctx, int rc, char *why, const char *line)
{
	int	 exit = QD_EXIT_OK;

	if (rc == QD_OK)
		fprintf(ctx->out, "%s\n", line);
	else
		exit = cmd_fail(ctx, rc, why);
	free(why);
	return exit;
}

static int
t_provider_list(struct cmd_ctx *ctx, const char *usage, int argc,
    char **argv)
{
	struct training_args	 a = { .names = { "format", NULL } };
	struct cmd_rows		 rows = { training_provider_columns,
				     training_provider_ncolumns, NULL, 0 };
	enum cmd_format		 format;
	char			*why = NULL;
	int			 rc;

	if ((rc = training_args_parse(ctx, "training provider", usage, argc,
	    argv, &a)) != QD_EXIT_OK || (rc = t_format(ctx, &a, &format)) !=
	    QD_EXIT_OK)
		return rc;
	rc = db_training_provider_list(ctx->db, ctx->actor, &rows, &why);
	return cmd_training_print(ctx, rc, format, &rows, why);
}

static int
t_provider_add(struct cmd_ctx *ctx, const char *usage, int argc,
    char **argv)
{
	struct training_args	 a = { .names = { "kind", "office",
				     "occupations", "inactive!", NULL } };
	char			*why = NULL, line[64];
	int64_t			 id = 0;
	int			 rc;

	if ((rc = training_args_parse(ctx, "training provider", usage, argc,
	    argv, &a)) != QD_EXIT_OK)
		return rc;
	if (a.nwords != 1) {
		fprintf(ctx->err, "usage: %s training provider add %s\n",
		    QD_NAME, usage);
		return QD_EXIT_USAGE;
	}
	rc = db_training_provider_save(ctx->db, ctx->actor, a.words[0],
	    training_arg(&a, "kind"), training_arg(&a, "office"),
	    training_arg(&a, "occupations"), training_arg(&a, "inactive") ==
	    NULL, &id, &why);
	snprintf(line, sizeof line, "provider %lld", (long long)id);
	return t_done(ctx, rc, why, line);
}

static int
t_provider_import(struct cmd_ctx *ctx, const char *usage, int argc,
    char **argv)
{
	struct training_args	 a = { .names = { "charset", NULL } };
	enum csv_charset	 charset = CSV_UTF8;
	char			*why = NULL, *data = NULL, line[96];
	size_t			 len;
	int			 rc, n = 0;

	if ((rc = training_args_parse(ctx, "training provider", usage, argc,
	    argv, &a)) != QD_EXIT_OK)
		return rc;
	if ((training_arg(&a, "charset") != NULL &&
	    csv_charset_parse(training_arg(&a, "charset"), &charset) !=
	    QD_OK) || a.nwords != 1) {
		fprintf(ctx->err, "usage: %s training provider import %s\n",
		    QD_NAME, usage);
		return QD_EXIT_USAGE;
	}
	if ((rc = cmd_training_read(ctx, "training provider", a.words[0],
	    &data, &len)) != QD_EXIT_OK)
		return rc;
	rc = db_training_provider_import(ctx->db, ctx->actor, data, len,
	    charset, &n, &why);
	free(data);
	snprintf(line, sizeof line, "导入 %d 个机构 imported %d providers", n,
	    n);
	return t_done(ctx, rc, why, line);
}

static const struct training_verb t_provider_verbs[] = {
	{ "list", T_FORMAT, t_provider_list },
	{ "add", "NAME --kind institution|hr_agency|college --office CODE"
	  " [--occupations CODE;CODE] [--inactive]", t_provider_add },
	{ "import", "[--charset utf-8|gb18030] FILE|-", t_provider_import },
	{ NULL, NULL, NULL }
};

int
cmd_training_provider(struct cmd_ctx *ctx, int argc, char **argv)
{
	return training_dispatch(ctx, "training", t_provider_verbs, argc,
	    argv);
}

static int
t_need_add(struct cmd_ctx *ctx, const char *usage, int argc, char **argv)
{
	struct training_args	 a = { .names = { "occupation", "level",
				     "period", "in-taiwan!", "note", NULL } };
	struct training_need_new nn;
	char			*why = NULL, line[64];
	int64_t			 id = 0;
	long long		 level;
	int			 rc;

	if ((rc = training_args_parse(ctx, "training need", usage, argc, argv,
	    &a)) != QD_EXIT_OK)
		return rc;
	if (a.nwords != 1 || (level = t_number(ctx, training_arg(&a,
	    "level"), "--level", 1, 5)) < 0) {
		fprintf(ctx->err, "usage: %s training need add %s\n", QD_NAME,
		    usage);
		return QD_EXIT_USAGE;
	}
	memset(&nn, 0, sizeof nn);
	nn.mtp = a.words[0];
	nn.occupation = training_arg(&a, "occupation");
	nn.level = (int)level;
	nn.period = training_arg(&a, "period");
	nn.in_taiwan = training_arg(&a, "in-taiwan") != NULL;
	nn.note = training_arg(&a, "note");
	rc = db_training_need_add(ctx->db, ctx->actor, &nn, &id, &why);
	snprintf(line, sizeof line, "need %lld", (long long)id);
	return t_done(ctx, rc, why, line);
}

static int
t_need_report(struct cmd_ctx *ctx, const char *usage, int argc, char **argv)
{
	struct training_args	 a = { .names = { NULL } };
	char			*why = NULL, line[96];
	int			 rc, n = 0;

	if ((rc = training_args_parse(ctx, "training need", usage, argc, argv,
	    &a)) != QD_EXIT_OK)
		return rc;
	rc = db_training_need_report(ctx->db, ctx->actor, &n, &why);
	snprintf(line, sizeof line, "已上报 %d 条 reported %d needs", n, n);
	return t_done(ctx, rc, why, line);
}

static int
t_need_list(struct cmd_ctx *ctx, const char *usage, int argc, char **argv)
{
	struct training_args	 a = { .names = { "format", NULL } };
	struct cmd_rows		 rows = { training_need_columns,
				     training_need_ncolumns, NULL, 0 };
	enum cmd_format		 format;
	char			*why = NULL;
	int			 rc;

	if ((rc = training_args_parse(ctx, "training need", usage, argc, argv,
	    &a)) != QD_EXIT_OK || (rc = t_format(ctx, &a, &format)) !=
	    QD_EXIT_OK)
		return rc;
	rc = db_training_need_list(ctx->db, ctx->actor, &rows, &why);
	return cmd_training_print(ctx, rc, format, &rows, why);
}

static int
t_need_table(struct cmd_ctx *ctx, const char *usage, int argc, char **argv)
{
	struct training_args	 a = { .names = { "format", NULL } };
	struct cmd_rows		 rows = { training_need_table_columns,
				     training_need_table_ncolumns, NULL, 0 };
	enum cmd_format		 format;
	char			*why = NULL;
	int			 rc;

	if ((rc = training_args_parse(ctx, "training need", usage, argc, argv,
	    &a)) != QD_EXIT_OK || (rc = t_format(ctx, &a, &format)) !=
	    QD_EXIT_OK)
		return rc;
	rc = db_training_need_table(ctx->db, ctx->actor, &rows, &why);
	return cmd_training_print(ctx, rc, format, &rows, why);
}

static const struct training_verb t_need_verbs[] = {
	{ "add", "MTP --occupation CODE --level N --period YYYY-MM"
	  " [--in-taiwan] [--note TEXT]", t_need_add },
	{ "report", "", t_need_report },
	{ "list", T_FORMAT, t_need_list },
	{ "table", T_FORMAT, t_need_table },
	{ NULL, NULL, NULL }
};

int
cmd_training_need(struct cmd_ctx *ctx, int argc, char **argv)
{
	return training_dispatch(ctx, "training", t_need_verbs, argc, argv);
}
