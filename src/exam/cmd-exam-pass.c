/*
 * `exam pass list|cert`: the passes and the certificates the examining
 * bodies issued for them; `exam notice list|read`: an office's inbox of
 * exam notices.
 */
#include <getopt.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "exam/exam.h"
#include "exam/cmd-exam.h"

static const struct cmd_column cmd_exam_pass_columns[] = {
	{ "id", "ID", CMD_NUMBER, 0, 0 },
	{ "registration", "REG", CMD_NUMBER, 0, 0 },
	{ "applicant_id", NULL, CMD_NUMBER, CMD_NOTEXT, 0 },
	{ "applicant", "APPLICANT", CMD_STRING, 0, 12 },
	{ "office", "OFFICE", CMD_STRING, 0, 10 },
	{ "plan", "PLAN", CMD_NUMBER, 0, 0 },
	{ "kind", "KIND", CMD_STRING, 0, 0 },
	{ "occupation", "OCCUPATION", CMD_STRING, 0, 14 },
	{ "level", "LV", CMD_NUMBER, 0, 0 },
	{ "passed_on", "PASSED", CMD_STRING, 0, 0 },
	{ "cert_no", "CERT", CMD_OPTIONAL, 0, 20 },
	{ "cert_issued_on", "ISSUED", CMD_OPTIONAL, 0, 0 },
};

static int
cmd_exam_pass_list(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "plan", required_argument, NULL, 'p' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	struct cmd_rows		 out = { cmd_exam_pass_columns,
	    nitems(cmd_exam_pass_columns), NULL, 0 };
	struct qd_exam_pass	*list = NULL;
	enum cmd_format		 format = CMD_FORMAT_TEXT;
	char			 id[24], reg[24], aid[24], plan_s[24], lv[4];
	char			*why = NULL;
	int64_t			 plan = 0;
	size_t			 n = 0, i;
	int			 c, rc;

	while ((c = cmd_getopt(ctx, "exam", argc, argv, opts, &rc)) != -1) {
		if (c == 'p' && (plan = cmd_exam_id(optarg)) < 1)
			return cmd_usage_error(ctx, "exam", "pass",
			    "--plan is a number");
		if (c == 'f' && (rc = cmd_exam_format(ctx, "pass", optarg,
		    CMD_FORMATS_ALL, &format)) != QD_EXIT_OK)
			return rc;
	}
	if (rc != QD_EXIT_OK)
		return rc;
	if ((rc = db_exam_pass_list(ctx->db, ctx->actor, plan, &list, &n,
	    &why)) != QD_OK) {
		rc = cmd_fail(ctx, rc, why);
		free(why);
		return rc;
	}
	for (i = 0; i < n; i++) {
		const struct qd_exam_pass	*p = &list[i];
		const char *row[nitems(cmd_exam_pass_columns)] = {
			id, reg, aid, p->name, p->office_name, plan_s, p->kind,
			p->occupation, lv, p->passed_on, p->cert_no,
			p->cert_issued_on
		};

		snprintf(id, sizeof id, "%" PRId64, p->id);
		snprintf(reg, sizeof reg, "%" PRId64, p->registration_id);
		snprintf(aid, sizeof aid, "%" PRId64, p->applicant_id);
		snprintf(plan_s, sizeof plan_s, "%" PRId64, p->plan_id);
		snprintf(lv, sizeof lv, "%d", p->level);
		cmd_rows_add(&out, row);
	}
	rc = cmd_rows_print(ctx, format, &out);
	cmd_rows_free(&out);
	exam_passes_free(list, n);
	return rc;
}

static int
cmd_exam_pass_cert(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "number", required_argument, NULL, 'n' },
		{ "date", required_argument, NULL, 'd' },
		{ NULL, 0, NULL, 0 }
	};
	const char	*number = NULL, *date = NULL;
	char		*why = NULL;
	int64_t		 id;
	int		 c, rc;

	while ((c = cmd_getopt(ctx, "exam", argc, argv, opts, &rc)) != -1) {
		if (c == 'n')
			number = optarg;
		if (c == 'd')
			date = optarg;
	}
	if (rc != QD_EXIT_OK)
		return rc;
	if (argc - optind != 1 || (id = cmd_exam_id(argv[optind])) < 1 ||
	    number == NULL || date == NULL)
		return cmd_usage_error(ctx, "exam", "pass", "give the pass's"
		    " number, --number CERT and --date YYYY-MM-DD");
	rc = db_exam_pass_cert(ctx->db, ctx->actor, id, number, date, &why);
	if (rc == QD_OK)
		fprintf(ctx->out, "pass %" PRId64 ": certificate recorded\n",
		    id);
	rc = cmd_fail(ctx, rc, why);
	free(why);
	return rc;
}

static const struct cmd_exam_sub cmd_exam_pass_subs[] = {
	{ "list", cmd_exam_pass_list },
	{ "cert", cmd_exam_pass_cert },
};

int
cmd_exam_pass(struct cmd_ctx *ctx, int argc, char **argv)
{
	return cmd_exam_dispatch(ctx, argc, argv, cmd_exam_pass_subs,
	    nitems(cmd_exam_pass_subs));
}

static const struct cmd_column cmd_exam_notice_columns[] = {
	{ "id", "ID", CMD_NUMBER, 0, 0 },
	{ "plan", "PLAN", CMD_NUMBER, 0, 0 },
	{ "office", "OFFICE", CMD_STRING, 0, 10 },
	{ "kind", "KIND", CMD_STRING, 0, 0 },
	{ "created_at", NULL, CMD_STRING, CMD_NOTEXT, 0 },
	{ "read_at", "READ", CMD_OPTIONAL, 0, 10 },
	{ "text", "TEXT", CMD_STRING, 0, 60 },
};

static int
cmd_exam_notice_list(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "unread", no_argument, NULL, 'u' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	struct cmd_rows		 out = { cmd_exam_notice_columns,
	    nitems(cmd_exam_notice_columns), NULL, 0 };
	struct qd_exam_notice	*list = NULL;
	enum cmd_format		 format = CMD_FORMAT_TEXT;
	char			 id[24], plan[24], *why = NULL;
	size_t			 n = 0, i;
	int			 c, rc, unread = 0;

	while ((c = cmd_getopt(ctx, "exam", argc, argv, opts, &rc)) != -1) {
		if (c == 'u')
			unread = 1;
		if (c == 'f' && (rc = cmd_exam_format(ctx, "notice", optarg,
		    CMD_FORMATS_ALL, &format)) != QD_EXIT_OK)
			return rc;
	}
	if (rc != QD_EXIT_OK)
		return rc;
	if ((rc = db_exam_notice_list(ctx->db, ctx->actor, unread, &list, &n,
	    &why)) != QD_OK) {
		rc = cmd_fail(ctx, rc, why);
		free(why);
		return rc;
	}
	for (i = 0; i < n; i++) {
		const char *row[nitems(cmd_exam_notice_columns)] = {
			id, plan, list[i].office_name, list[i].kind,
			list[i].created_at, list[i].read_at, list[i].text
		};

		snprintf(id, sizeof id, "%" PRId64, list[i].id);
		snprintf(plan, sizeof plan, "%" PRId64, list[i].plan_id);
		cmd_rows_add(&out, row);
	}
	rc = cmd_rows_print(ctx, format, &out);
	cmd_rows_free(&out);
	exam_notices_free(list, n);
	return rc;
}

static int
cmd_exam_notice_read(struct cmd_ctx *ctx, int argc, char **argv)
{
	char	*why = NULL;
	int64_t	 id;
	int	 rc;

	if (argc != 2 || (id = cmd_exam_id(argv[1])) < 1)
		return cmd_usage_error(ctx, "exam", "notice", "give the"
		    " notice's number");
	rc = db_exam_notice_read(ctx->db, ctx->actor, id, &why);
	if (rc == QD_OK)
		fprintf(ctx->out, "notice %" PRId64 " read\n", id);
	rc = cmd_fail(ctx, rc, why);
	free(why);
	return rc;
}

static const struct cmd_exam_sub cmd_exam_notice_subs[] = {
	{ "list", cmd_exam_notice_list },
	{ "read", cmd_exam_notice_read },
};

int
cmd_exam_notice(struct cmd_ctx *ctx, int argc, char **argv)
{
	return cmd_exam_dispatch(ctx, argc, argv, cmd_exam_notice_subs,
	    nitems(cmd_exam_notice_subs));
}
