/*
 * The verbs after a plan is published: `exam seat`, `exam ticket`,
 * `exam result import`, `exam pass` and `exam notice`.
 */
#include <getopt.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "exam/exam.h"
#include "exam/cmd-exam.h"

#define CMD_EXAM_IMPORT_MAX	(16 * 1024 * 1024)

static int
cmd_exam_result_of(struct cmd_ctx *ctx, int rc, char *why)
{
	rc = cmd_fail(ctx, rc, why);
	free(why);
	return rc;
}

static void
cmd_exam_seat_line(struct cmd_ctx *ctx, const struct qd_exam_seat *s)
{
	if (strcmp(s->status, "seated") == 0)
		fprintf(ctx->out, "registration %" PRId64 ": seated, sitting %"
		    PRId64 " seat %d\n", s->id, s->sitting_id, s->seat_no);
	else
		fprintf(ctx->out, "registration %" PRId64 ": %s, sitting %"
		    PRId64 " place %d on the waiting list\n", s->id, s->status,
		    s->sitting_id, s->queue_no);
}

static int
cmd_exam_seat_add(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "sitting", required_argument, NULL, 's' },
		{ NULL, 0, NULL, 0 }
	};
	struct qd_exam_seat	*s = NULL;
	char			*why = NULL, *warning = NULL;
	int64_t			 plan, person, sitting = 0;
	int			 c, rc;

	while ((c = cmd_getopt(ctx, "exam", argc, argv, opts, &rc)) != -1) {
		if (c == 's' && (sitting = cmd_exam_id(optarg)) < 1)
			return cmd_usage_error(ctx, "exam", "seat",
			    "--sitting is a number");
	}
	if (rc != QD_EXIT_OK)
		return rc;
	if (argc - optind != 2 || (plan = cmd_exam_id(argv[optind])) < 1 ||
	    (person = cmd_exam_id(argv[optind + 1])) < 1)
		return cmd_usage_error(ctx, "exam", "seat", "give the plan's"
		    " and the applicant's numbers");
	rc = db_exam_seat_add(ctx->db, ctx->actor, plan, sitting, person, &s,
	    &warning, &why);
	if (rc == QD_OK) {
		cmd_exam_seat_line(ctx, s);
		if (warning != NULL)
			fprintf(ctx->err, "%s\n", warning);
	}
	exam_seat_free(s);
	free(warning);
	return cmd_exam_result_of(ctx, rc, why);
}

static int
cmd_exam_seat_remove(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "reason", required_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 }
	};
	const char	*reason = NULL;
	char		*why = NULL;
	int64_t		 id;
	int		 c, rc;

	while ((c = cmd_getopt(ctx, "exam", argc, argv, opts, &rc)) != -1) {
		if (c == 'r')
			reason = optarg;
	}
	if (rc != QD_EXIT_OK)
		return rc;
	if (argc - optind != 1 || (id = cmd_exam_id(argv[optind])) < 1)
		return cmd_usage_error(ctx, "exam", "seat", "give the"
		    " registration's number");
	rc = db_exam_seat_remove(ctx->db, ctx->actor, id, 0, reason, &why);
	if (rc == QD_OK)
		fprintf(ctx->out, "registration %" PRId64 " cancelled\n", id);
	return cmd_exam_result_of(ctx, rc, why);
}

static int
cmd_exam_seat_notify(struct cmd_ctx *ctx, int argc, char **argv)
{
	char	*why = NULL;
	int64_t	 id;
	int	 rc;

	if (argc != 2 || (id = cmd_exam_id(argv[1])) < 1)
		return cmd_usage_error(ctx, "exam", "seat", "give the"
		    " registration's number");
	rc = db_exam_seat_notify(ctx->db, ctx->actor, id, &why);
	if (rc == QD_OK)
		fprintf(ctx->out, "registration %" PRId64 ": notified\n", id);
	return cmd_exam_result_of(ctx, rc, why);
}

static const struct cmd_column cmd_exam_seat_columns[] = {
	{ "id", "ID", CMD_NUMBER, 0, 0 },
	{ "sitting", "SITTING", CMD_STRING, 0, 16 },
	{ "status", "STATUS", CMD_STRING, 0, 0 },
	{ "seat", "SEAT", CMD_OPTIONAL, 0, 0 },
	{ "queue", "QUEUE", CMD_OPTIONAL, 0, 0 },
	{ "applicant_id", NULL, CMD_NUMBER, CMD_NOTEXT, 0 },
	{ "applicant", "APPLICANT", CMD_STRING, 0, 12 },
	{ "mtp", "MTP", CMD_STRING, 0, 0 },
	{ "office", "OFFICE", CMD_STRING, 0, 10 },
	{ "outcome", "RESULT", CMD_OPTIONAL, 0, 0 },
	{ "score", "SCORE", CMD_OPTIONAL, 0, 0 },
	{ "notified", NULL, CMD_OPTIONAL, CMD_NOTEXT, 0 },
	{ "version", NULL, CMD_NUMBER, CMD_NOTEXT, 0 },
};

static int
cmd_exam_seat_list(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "after", required_argument, NULL, 'a' },
		{ "limit", required_argument, NULL, 'n' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	struct cmd_rows		 out = { cmd_exam_seat_columns,
	    nitems(cmd_exam_seat_columns), NULL, 0 };
	struct qd_exam_seat	*list = NULL;
	enum cmd_format		 format = CMD_FORMAT_TEXT;
	char			 id[24], seat[12], queue[12], aid[24], ver[24];
	char			*why = NULL;
	long long		 after = 0, limit = 100;
	size_t			 n = 0, i;
	int64_t			 plan;
	int			 c, rc;

	while ((c = cmd_getopt(ctx, "exam", argc, argv, opts, &rc)) != -1) {
		if (c == 'a' && (after = cmd_number(optarg, 0,
		    INT64_MAX / 2)) < 0)
			return cmd_usage_error(ctx, "exam", "seat",
			    "--after is a number");
		if (c == 'n' && (limit = cmd_number(optarg, 1, 1000)) < 1)
			return cmd_usage_error(ctx, "exam", "seat",
			    "--limit is 1 to 1000");
		if (c == 'f' && (rc = cmd_exam_format(ctx, "seat", optarg,
		    CMD_FORMATS_ALL, &format)) != QD_EXIT_OK)
			return rc;
	}
	if (rc != QD_EXIT_OK)
		return rc;
	if (argc - optind != 1 || (plan = cmd_exam_id(argv[optind])) < 1)
		return cmd_usage_error(ctx, "exam", "seat", "give the plan's"
		    " number");
	if ((rc = db_exam_seat_list(ctx->db, ctx->actor, plan, after,
	    (int)limit, &list, &n, &why)) != QD_OK)
		return cmd_exam_result_of(ctx, rc, why);
	for (i = 0; i < n; i++) {
		const struct qd_exam_seat	*s = &list[i];
		const char *row[nitems(cmd_exam_seat_columns)] = {
			id, s->sitting, s->status, seat, queue, aid, s->name,
			s->mtp_masked, s->office_name, s->outcome, s->score,
			s->notified_at, ver
		};

		snprintf(id, sizeof id, "%" PRId64, s->id);
		snprintf(seat, sizeof seat, "%.0d", s->seat_no);
		snprintf(queue, sizeof queue, "%.0d", s->queue_no);
		snprintf(aid, sizeof aid, "%" PRId64, s->applicant_id);
		snprintf(ver, sizeof ver, "%" PRId64, s->version);
		cmd_rows_add(&out, row);
	}
	rc = cmd_rows_print(ctx, format, &out);
	if (n == (size_t)limit)
		fprintf(ctx->err, "more: exam seat list %" PRId64 " --after %"
		    PRId64 "\n", plan, list[n - 1].id);
	cmd_rows_free(&out);
	exam_seats_free(list, n);
	return rc;
}

static const struct cmd_exam_sub cmd_exam_seat_subs[] = {
	{ "add", cmd_exam_seat_add },
	{ "remove", cmd_exam_seat_remove },
	{ "list", cmd_exam_seat_list },
	{ "notify", cmd_exam_seat_notify },
};

int
cmd_exam_seat(struct cmd_ctx *ctx, int argc, char **argv)
{
	return cmd_exam_dispatch(ctx, argc, argv, cmd_exam_seat_subs,
	    nitems(cmd_exam_seat_subs));
}

int
cmd_exam_ticket(struct cmd_ctx *ctx, int argc, char **argv)
{
	char	*why = NULL;
	int64_t	 id;
	int	 rc;

	if (argc != 2 || (id = cmd_exam_id(argv[1])) < 1)
		return cmd_usage_error(ctx, "exam", "ticket", "give the"
		    " registration's number");
	if (isatty(fileno(ctx->out))) {
		fprintf(ctx->err, "%s: exam ticket writes a PDF: send it to a"
		    " file%s, e.g. ... exam ticket %" PRId64 " > ticket.pdf\n",
		    QD_NAME, ctx->remote ? " and run ssh without -t" : "", id);
		return QD_EXIT_USAGE;
	}
	rc = exam_ticket_pdf(ctx->db, ctx->actor, id, ctx->out, &why);
	return cmd_exam_result_of(ctx, rc, why);
}

/* 1 if the len bytes are UTF-8 throughout. */
static int
cmd_exam_utf8(const char *s, size_t len)
{
	size_t	 i = 0, n, k;
	unsigned char c;

	while (i < len) {
		c = (unsigned char)s[i];
		n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 :
		    (c >> 3) == 30 ? 4 : 0;
		if (n == 0 || i + n > len)
			return 0;
		for (k = 1; k < n; k++) {
			if (((unsigned char)s[i + k] >> 6) != 2)
				return 0;
		}
		i += n;
	}
	return 1;
}

/* The whole of path (or standard input for "-") into *data. */
static int
cmd_exam_read(struct cmd_ctx *ctx, const char *path, char **data,
    size_t *len)
{
	FILE	*f = ctx->in;
	size_t	 cap = 65536, got;

	if (strcmp(path, "-") != 0) {
		if (ctx->remote)
			return cmd_usage_error(ctx, "exam", "result", "over"
			    " ssh give - and send the file on standard input");
		if ((f = fopen(path, "rb")) == NULL) {
			fprintf(ctx->err, "%s: 无法打开 cannot open %s\n",
			    QD_NAME, path);
			return QD_EXIT_ERROR;
		}
	}
	*data = xmalloc(cap);
	*len = 0;
	while ((got = fread(*data + *len, 1, cap - *len, f)) > 0) {
		*len += got;
		if (*len == cap && cap < CMD_EXAM_IMPORT_MAX + 1)
			*data = xrealloc(*data, cap *= 2);
		if (*len > CMD_EXAM_IMPORT_MAX)
			break;
	}
	if (f != ctx->in)
		fclose(f);
	if (*len > CMD_EXAM_IMPORT_MAX) {
		xfree(data);
		fprintf(ctx->err, "%s: 文件超过16 MB the file is over 16 MB\n",
		    QD_NAME);
		return QD_EXIT_ERROR;
	}
	return QD_EXIT_OK;
}

static int
cmd_exam_result_import(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "charset", required_argument, NULL, 'c' },
		{ NULL, 0, NULL, 0 }
	};
	enum csv_charset	 cs = CSV_UTF8;
	char			*data = NULL, *why = NULL, *warnings = NULL;
	size_t			 len = 0;
	int			 c, rc, count = 0, autodetect = 1;

	while ((c = cmd_getopt(ctx, "exam", argc, argv, opts, &rc)) != -1) {
		if (c == 'c' && csv_charset_parse(optarg, &cs) != QD_OK)
			return cmd_usage_error(ctx, "exam", "result",
			    "--charset is utf-8 or gb18030");
		if (c == 'c')
			autodetect = 0;
	}
	if (rc != QD_EXIT_OK)
		return rc;
	if (argc - optind != 1)
		return cmd_usage_error(ctx, "exam", "result", "give FILE or -");
	if ((rc = cmd_exam_read(ctx, argv[optind], &data, &len)) !=
	    QD_EXIT_OK)
		return rc;
	if (autodetect)
		cs = cmd_exam_utf8(data, len) ? CSV_UTF8 : CSV_GB18030;
	rc = db_exam_result_import(ctx->db, ctx->actor, data, len, cs, &count,
	    &warnings, &why);
	free(data);
	if (rc == QD_OK) {
		fprintf(ctx->out, "imported %d results (%s)\n", count,
		    csv_charset_name(cs));
		if (warnings != NULL)
			fputs(warnings, ctx->err);
	} else if (why != NULL) {
		fprintf(ctx->err, "%s: 未导入任何成绩 nothing was imported\n",
		    QD_NAME);
	}
	free(warnings);
	return cmd_exam_result_of(ctx, rc, why);
}

static const struct cmd_exam_sub cmd_exam_result_subs[] = {
	{ "import", cmd_exam_result_import },
};

int
cmd_exam_result(struct cmd_ctx *ctx, int argc, char **argv)
{
	return cmd_exam_dispatch(ctx, argc, argv, cmd_exam_result_subs,
	    nitems(cmd_exam_result_subs));
}
