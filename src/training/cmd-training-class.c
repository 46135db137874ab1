/*
 * The class verbs (`training class add|quota|publish|close|start|finish|
 * cancel|list|room`), enrolment (`training enrol add|cancel|list`), the
 * roster (`training roster import|list`) and the completion certificates
 * (`training cert issue|list|pdf`).
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "training/training.h"

#define T_FORMAT	"[--format text|csv|json]"

static int
t_usage(struct cmd_ctx *ctx, const char *noun, const char *verb,
    const char *usage)
{
	fprintf(ctx->err, "usage: %s training %s %s %s\n", QD_NAME, noun, verb,
	    usage);
	return QD_EXIT_USAGE;
}

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

/* A number option or word; -1 when missing or not one. */
static long long
t_num(const char *s, long long min, long long max)
{
	return s != NULL ? cmd_number(s, min, max) : -1;
}

static int
t_class_add(struct cmd_ctx *ctx, const char *usage, int argc, char **argv)
{
	struct training_args	 a = { .names = { "provider", "occupation",
				     "level", "start", "end", "hours", "place",
				     "online!", "seats", "enrol-from",
				     "enrol-to", "cutoff", "fee-fen", "note",
				     NULL } };
	struct training_class_new c;
	char			*why = NULL, line[64];
	int64_t			 id = 0;
	long long		 provider, level, hours, seats, fee;
	int			 rc;

	if ((rc = training_args_parse(ctx, "training class", usage, argc,
	    argv, &a)) != QD_EXIT_OK)
		return rc;
	provider = t_num(training_arg(&a, "provider"), 1, INT64_MAX);
	level = t_num(training_arg(&a, "level"), 1, 5);
	hours = t_num(training_arg(&a, "hours"), 1, 2000);
	seats = t_num(training_arg(&a, "seats"), 1, 10000);
	fee = training_arg(&a, "fee-fen") != NULL ?
	    t_num(training_arg(&a, "fee-fen"), 0, 100000000) : 0;
	if (a.nwords != 1 || provider < 0 || level < 0 || hours < 0 ||
	    fee < 0) {
		fprintf(ctx->err, "%s: --provider, --level (1-5), --hours"
		    " (1-2000) 为整数 are whole numbers\n", QD_NAME);
		return t_usage(ctx, "class", "add", usage);
	}
	if (seats < 0) {
		fprintf(ctx->err, "%s: --seats 须为1至10000（没有“不限”）"
		    "--seats is 1 to 10000 (there is no \"unlimited\")\n",
		    QD_NAME);
		return QD_EXIT_USAGE;
	}
	memset(&c, 0, sizeof c);
	c.title = a.words[0];
	c.provider_id = provider;
	c.occupation = training_arg(&a, "occupation");
	c.level = (int)level;
	c.starts_on = training_arg(&a, "start");
	c.ends_on = training_arg(&a, "end");
	c.hours = (int)hours;
	c.place = training_arg(&a, "place");
	c.online = training_arg(&a, "online") != NULL;
	c.seats = (int)seats;
	c.enrol_from = training_arg(&a, "enrol-from");
	c.enrol_to = training_arg(&a, "enrol-to");
	c.quota_cutoff = training_arg(&a, "cutoff");
	c.fee_fen = fee;
	c.subsidy_note = training_arg(&a, "note");
	rc = db_training_class_add(ctx->db, ctx->actor, &c, &id, &why);
	snprintf(line, sizeof line, "class %lld", (long long)id);
	return t_done(ctx, rc, why, line);
}

static int
t_class_quota(struct cmd_ctx *ctx, const char *usage, int argc, char **argv)
{
	struct training_args	 a = { .names = { NULL } };
	char			*why = NULL;
	long long		 id, seats;
	int			 rc;

	if ((rc = training_args_parse(ctx, "training class", usage, argc,
	    argv, &a)) != QD_EXIT_OK)
		return rc;
	if (a.nwords != 3 || (id = t_num(a.words[0], 1, INT64_MAX)) < 0 ||
	    (seats = t_num(a.words[2], 0, 10000)) < 0)
		return t_usage(ctx, "class", "quota", usage);
	rc = db_training_class_quota(ctx->db, ctx->actor, id, a.words[1],
	    (int)seats, &why);
	return t_done(ctx, rc, why, "ok");
}

/* publish, close, start, finish, cancel: one step of the class. */
static int
t_class_step(struct cmd_ctx *ctx, const char *usage, int argc, char **argv)
{
	struct training_args	 a = { .names = { "reason", "version",
				     "period", NULL } };
	char			*why = NULL, line[96];
	long long		 id, version = 0;
	int			 rc, n;

	if ((rc = training_args_parse(ctx, "training class", usage, argc,
	    argv, &a)) != QD_EXIT_OK)
		return rc;
	if (strcmp(argv[0], "publish") == 0 &&
	    training_arg(&a, "period") != NULL && a.nwords == 0) {
		rc = db_training_class_publish_period(ctx->db, ctx->actor,
		    training_arg(&a, "period"), &n, &why);
		snprintf(line, sizeof line, "已发布 %d 个班 published %d"
		    " classes", n, n);
		return t_done(ctx, rc, why, line);
	}
	if (a.nwords != 1 || (id = t_num(a.words[0], 1, INT64_MAX)) < 0 ||
	    (training_arg(&a, "version") != NULL && (version =
	    t_num(training_arg(&a, "version"), 1, INT64_MAX)) < 0))
		return t_usage(ctx, "class", argv[0], usage);
	rc = db_training_class_step(ctx->db, ctx->actor, id, argv[0],
	    training_arg(&a, "reason"), version, &why);
	return t_done(ctx, rc, why, "ok");
}

static int
t_class_list(struct cmd_ctx *ctx, const char *usage, int argc, char **argv)
{
	struct training_args	 a = { .names = { "state", "format", NULL } };
	struct cmd_rows		 rows = { training_class_columns,
				     training_class_ncolumns, NULL, 0 };
	enum cmd_format		 format;
	char			*why = NULL;
	int			 rc;

	if ((rc = training_args_parse(ctx, "training class", usage, argc,
	    argv, &a)) != QD_EXIT_OK || (rc = t_format(ctx, &a, &format)) !=
	    QD_EXIT_OK)
		return rc;
	rc = db_training_class_list(ctx->db, ctx->actor,
	    training_arg(&a, "state"), &rows, &why);
	return cmd_training_print(ctx, rc, format, &rows, why);
}

static int
t_class_room(struct cmd_ctx *ctx, const char *usage, int argc, char **argv)
{
	struct training_args	 a = { .names = { "format", NULL } };
	struct cmd_rows		 rows = { training_room_columns,
				     training_room_ncolumns, NULL, 0 };
	enum cmd_format		 format;
	char			*why = NULL;
	long long		 id;
	int			 rc;

	if ((rc = training_args_parse(ctx, "training class", usage, argc,
	    argv, &a)) != QD_EXIT_OK || (rc = t_format(ctx, &a, &format)) !=
	    QD_EXIT_OK)
		return rc;
	if (a.nwords != 1 || (id = t_num(a.words[0], 1, INT64_MAX)) < 0)
		return t_usage(ctx, "class", "room", usage);
	rc = db_training_class_room(ctx->db, ctx->actor, id, &rows, &why);
	return cmd_training_print(ctx, rc, format, &rows, why);
}

static const struct training_verb t_class_verbs[] = {
	{ "add", "TITLE --provider ID --occupation CODE --level N"
	  " --start DATE --end DATE --hours N --place TEXT|--online"
	  " --seats N --enrol-from DATE --enrol-to DATE [--cutoff DATE]"
	  " [--fee-fen N] [--note TEXT]", t_class_add },
	{ "quota", "ID OFFICE SEATS", t_class_quota },
	{ "publish", "ID [--version N] | --period YYYY-MM", t_class_step },
	{ "close", "ID [--version N]", t_class_step },
	{ "start", "ID [--version N]", t_class_step },
	{ "finish", "ID [--version N]", t_class_step },
	{ "cancel", "ID --reason TEXT [--version N]", t_class_step },
	{ "list", "[--state STATE] " T_FORMAT, t_class_list },
	{ "room", "ID " T_FORMAT, t_class_room },
	{ NULL, NULL, NULL }
};

int
cmd_training_class(struct cmd_ctx *ctx, int argc, char **argv)
{
	return training_dispatch(ctx, "training", t_class_verbs, argc, argv);
}

static int
t_enrol_add(struct cmd_ctx *ctx, const char *usage, int argc, char **argv)
{
	struct training_args	 a = { .names = { NULL } };
	char			*why = NULL, line[96];
	int64_t			 id = 0;
	long long		 class_id;
	int			 rc, waiting = 0;

	if ((rc = training_args_parse(ctx, "training enrol", usage, argc,
	    argv, &a)) != QD_EXIT_OK)
		return rc;
	if (a.nwords != 2 || (class_id = t_num(a.words[0], 1, INT64_MAX)) < 0)
		return t_usage(ctx, "enrol", "add", usage);
	rc = db_training_enrol(ctx->db, ctx->actor, class_id, a.words[1], &id,
	    &waiting, &why);
	snprintf(line, sizeof line, "enrolment %lld %s", (long long)id,
	    waiting ? "waiting" : "enrolled");
	return t_done(ctx, rc, why, line);
}

static int
t_enrol_cancel(struct cmd_ctx *ctx, const char *usage, int argc,
    char **argv)
{
	struct training_args	 a = { .names = { NULL } };
	char			*why = NULL, line[96];
	int64_t			 promoted = 0;
	long long		 id;
	int			 rc;

	if ((rc = training_args_parse(ctx, "training enrol", usage, argc,
	    argv, &a)) != QD_EXIT_OK)
		return rc;
	if (a.nwords != 1 || (id = t_num(a.words[0], 1, INT64_MAX)) < 0)
		return t_usage(ctx, "enrol", "cancel", usage);
	rc = db_training_enrol_cancel(ctx->db, ctx->actor, id, &promoted,
	    &why);
	if (promoted != 0)
		snprintf(line, sizeof line, "cancelled; promoted %lld",
		    (long long)promoted);
	else
		snprintf(line, sizeof line, "cancelled");
	return t_done(ctx, rc, why, line);
}

static int
t_enrol_list(struct cmd_ctx *ctx, const char *usage, int argc, char **argv)
{
	struct training_args	 a = { .names = { "format", NULL } };
	struct cmd_rows		 rows = { training_enrol_columns,
				     training_enrol_ncolumns, NULL, 0 };
	enum cmd_format		 format;
	char			*why = NULL;
	long long		 id;
	int			 rc;

	if ((rc = training_args_parse(ctx, "training enrol", usage, argc,
	    argv, &a)) != QD_EXIT_OK || (rc = t_format(ctx, &a, &format)) !=
	    QD_EXIT_OK)
		return rc;
	if (a.nwords != 1 || (id = t_num(a.words[0], 1, INT64_MAX)) < 0)
		return t_usage(ctx, "enrol", "list", usage);
	rc = db_training_enrol_list(ctx->db, ctx->actor, id, &rows, &why);
	return cmd_training_print(ctx, rc, format, &rows, why);
}

static const struct training_verb t_enrol_verbs[] = {
	{ "add", "CLASS MTP", t_enrol_add },
	{ "cancel", "ENROLMENT", t_enrol_cancel },
	{ "list", "CLASS " T_FORMAT, t_enrol_list },
	{ NULL, NULL, NULL }
};

int
cmd_training_enrol(struct cmd_ctx *ctx, int argc, char **argv)
{
	return training_dispatch(ctx, "training", t_enrol_verbs, argc, argv);
}

static int
t_roster_import(struct cmd_ctx *ctx, const char *usage, int argc,
    char **argv)
{
	struct training_args	 a = { .names = { "charset", NULL } };
	enum csv_charset	 charset = CSV_UTF8;
	char			*why = NULL, *data = NULL, line[96];
	long long		 id;
	size_t			 len;
	int			 rc, n = 0;

	if ((rc = training_args_parse(ctx, "training roster", usage, argc,
	    argv, &a)) != QD_EXIT_OK)
		return rc;
	if (a.nwords != 2 || (id = t_num(a.words[0], 1, INT64_MAX)) < 0 ||
	    (training_arg(&a, "charset") != NULL &&
	    csv_charset_parse(training_arg(&a, "charset"), &charset) !=
	    QD_OK))
		return t_usage(ctx, "roster", "import", usage);
	if ((rc = cmd_training_read(ctx, "training roster", a.words[1], &data,
	    &len)) != QD_EXIT_OK)
		return rc;
	rc = db_training_roster_import(ctx->db, ctx->actor, id, data, len,
	    charset, &n, &why);
	free(data);
	snprintf(line, sizeof line, "导入 %d 人 imported %d rows", n, n);
	return t_done(ctx, rc, why, line);
}

static const struct training_verb t_roster_verbs[] = {
	{ "import", "CLASS [--charset utf-8|gb18030] FILE|-", t_roster_import },
	{ "list", "CLASS " T_FORMAT, t_enrol_list },
	{ NULL, NULL, NULL }
};

int
cmd_training_roster(struct cmd_ctx *ctx, int argc, char **argv)
{
	return training_dispatch(ctx, "training", t_roster_verbs, argc, argv);
}

static int
t_cert_issue(struct cmd_ctx *ctx, const char *usage, int argc, char **argv)
{
	struct training_args	 a = { .names = { "date", NULL } };
	char			*why = NULL, line[96];
	long long		 id;
	int			 rc, n = 0;

	if ((rc = training_args_parse(ctx, "training cert", usage, argc, argv,
	    &a)) != QD_EXIT_OK)
		return rc;
	if (a.nwords != 1 || (id = t_num(a.words[0], 1, INT64_MAX)) < 0)
		return t_usage(ctx, "cert", "issue", usage);
	rc = db_training_cert_issue(ctx->db, ctx->actor, id,
	    training_arg(&a, "date"), &n, &why);
	snprintf(line, sizeof line, "已签发 %d 张 issued %d certificates", n,
	    n);
	return t_done(ctx, rc, why, line);
}

static int
t_cert_list(struct cmd_ctx *ctx, const char *usage, int argc, char **argv)
{
	struct training_args	 a = { .names = { "class", "format", NULL } };
	struct cmd_rows		 rows = { training_cert_columns,
				     training_cert_ncolumns, NULL, 0 };
	enum cmd_format		 format;
	char			*why = NULL;
	long long		 id = 0;
	int			 rc;

	if ((rc = training_args_parse(ctx, "training cert", usage, argc, argv,
	    &a)) != QD_EXIT_OK || (rc = t_format(ctx, &a, &format)) !=
	    QD_EXIT_OK)
		return rc;
	if (training_arg(&a, "class") != NULL &&
	    (id = t_num(training_arg(&a, "class"), 1, INT64_MAX)) < 0)
		return t_usage(ctx, "cert", "list", usage);
	rc = db_training_cert_list(ctx->db, ctx->actor, id, &rows, &why);
	return cmd_training_print(ctx, rc, format, &rows, why);
}

static int
t_cert_pdf(struct cmd_ctx *ctx, const char *usage, int argc, char **argv)
{
	struct training_args	 a = { .names = { NULL } };
	char			*why = NULL;
	int			 rc;

	if ((rc = training_args_parse(ctx, "training cert", usage, argc, argv,
	    &a)) != QD_EXIT_OK)
		return rc;
	if (a.nwords == 0)
		return t_usage(ctx, "cert", "pdf", usage);
	if (ctx->remote == 0 && isatty(fileno(ctx->out))) {
		fprintf(ctx->err, "%s: 请把 PDF 重定向到文件 redirect the PDF"
		    " to a file\n", QD_NAME);
		return QD_EXIT_USAGE;
	}
	rc = db_training_cert_pdf(ctx->db, ctx->actor, a.words, a.nwords,
	    ctx->out, &why);
	if (rc != QD_OK)
		rc = cmd_fail(ctx, rc, why);
	free(why);
	return rc;
}

static const struct training_verb t_cert_verbs[] = {
	{ "issue", "CLASS [--date YYYY-MM-DD]", t_cert_issue },
	{ "list", "[--class ID] " T_FORMAT, t_cert_list },
	{ "pdf", "NUMBER...", t_cert_pdf },
	{ NULL, NULL, NULL }
};

int
cmd_training_cert(struct cmd_ctx *ctx, int argc, char **argv)
{
	return training_dispatch(ctx, "training", t_cert_verbs, argc, argv);
}
