/*
 * policy find|show|publish|withdraw|review|doc: the answer base and the
 * documents it rests on.
 */
#include <getopt.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "job/job.h"
#include "policy/policy.h"

static const struct cmd_column cmd_policy_answer_cols[] = {
	{ "id", "ID", CMD_NUMBER, 0, 0 },
	{ "title", "TITLE", CMD_STRING, 0, 24 },
	{ "review", "REVIEW", CMD_OPTIONAL, 0, 24 },
	{ "doc_no", "DOCUMENT", CMD_STRING, 0, 0 },
	{ "doc_title", "", CMD_STRING, CMD_NOTEXT, 0 },
	{ "doc_date", "", CMD_STRING, CMD_NOTEXT, 0 },
	{ "valid_until", "VALID", CMD_STRING, 0, 0 },
	{ "tags", "TAGS", CMD_STRING, 0, 16 },
	{ "scope", "SCOPE", CMD_STRING, 0, 6 },
	{ "score", "SCORE", CMD_STRING, 0, 0 },
	{ "body", "", CMD_STRING, CMD_NOTEXT, 0 },
};

static const struct cmd_column cmd_policy_doc_cols[] = {
	{ "id", "ID", CMD_NUMBER, 0, 0 },
	{ "doc_no", "DOCUMENT", CMD_STRING, 0, 0 },
	{ "title", "TITLE", CMD_STRING, 0, 30 },
	{ "issued_on", "ISSUED", CMD_STRING, 0, 0 },
	{ "scope", "SCOPE", CMD_STRING, 0, 6 },
	{ "replaced_on", "REPLACED", CMD_OPTIONAL, 0, 0 },
	{ "answers", "ANSWERS", CMD_NUMBER, 0, 0 },
};

/* --limit and --format of a listing, then exactly want more words. */
static int
cmd_policy_list_opts(struct cmd_ctx *ctx, const char *verb, int argc,
    char **argv, int want, long long *limit, enum cmd_format *format)
{
	static const struct option opts[] = {
		{ "limit", required_argument, NULL, 'l' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	int	 c, rc;

	while ((c = cmd_job_getopt(ctx, "policy", verb, argc, argv, opts,
	    &rc)) != -1) {
		if (c == 'l' && (*limit = cmd_number(optarg, 1, 1000)) < 0)
			return cmd_usage_error(ctx, "policy", verb,
			    "--limit is 1 to 1000");
		if (c == 'f' && (rc = cmd_job_format(ctx, "policy", verb,
		    optarg, format)) != QD_EXIT_OK)
			return rc;
	}
	if (rc == QD_EXIT_OK && argc - optind != want)
		return cmd_usage_error(ctx, "policy", verb, want == 0 ?
		    "unexpected words" : "give one %s", want == 1 ? "word" : "");
	return rc;
}

int
cmd_policy_find(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct db_rows	 rows = { 0 };
	enum cmd_format	 format = CMD_FORMAT_TEXT;
	char		*why = NULL;
	long long	 limit = 10;
	int		 rc;

	if ((rc = cmd_policy_list_opts(ctx, "find", argc, argv, 1, &limit,
	    &format)) != QD_EXIT_OK)
		return rc;
	if ((rc = db_policy_find(ctx->db, ctx->actor, argv[optind],
	    (int)limit, &rows, &why)) != QD_OK)
		rc = cmd_fail(ctx, rc, why);
	else
		rc = cmd_job_print(ctx, format, cmd_policy_answer_cols,
		    nitems(cmd_policy_answer_cols), &rows);
	db_rows_free(&rows);
	free(why);
	return rc;
}

int
cmd_policy_show(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct db_rows	 rows = { 0 };
	enum cmd_format	 format = CMD_FORMAT_TEXT;
	char		*why = NULL, doc[200];
	long long	 limit = 1;
	int64_t		 id;
	int		 rc;

	if ((rc = cmd_policy_list_opts(ctx, "show", argc, argv, 1, &limit,
	    &format)) != QD_EXIT_OK)
		return rc;
	if ((id = cmd_job_id(argv[optind])) < 0)
		return cmd_usage_error(ctx, "policy", "show", "give answer N");
	if ((rc = db_policy_answer_get(ctx->db, ctx->actor, id, &rows,
	    &why)) != QD_OK)
		rc = cmd_fail(ctx, rc, why);
	else if (format != CMD_FORMAT_TEXT)
		rc = cmd_job_print(ctx, format, cmd_policy_answer_cols,
		    nitems(cmd_policy_answer_cols), &rows);
	else {
		snprintf(doc, sizeof doc, "%s %s (%s)",
		    db_rows_cell(&rows, 0, POLICY_ANSWER_DOC_NO),
		    db_rows_cell(&rows, 0, POLICY_ANSWER_DOC_TITLE),
		    db_rows_cell(&rows, 0, POLICY_ANSWER_DOC_DATE));
		cmd_label_line(ctx->out, "标题 Title",
		    db_rows_cell(&rows, 0, POLICY_ANSWER_TITLE), 16);
		cmd_label_line(ctx->out, "复核 Review",
		    db_rows_cell(&rows, 0, POLICY_ANSWER_REVIEW), 16);
		cmd_label_line(ctx->out, "依据 Document", doc, 16);
		cmd_label_line(ctx->out, "有效期 Valid",
		    db_rows_cell(&rows, 0, POLICY_ANSWER_VALID), 16);
		cmd_label_line(ctx->out, "标签 Tags",
		    db_rows_cell(&rows, 0, POLICY_ANSWER_TAGS), 16);
		cmd_label_line(ctx->out, "范围 Scope",
		    db_rows_cell(&rows, 0, POLICY_ANSWER_SCOPE), 16);
		cmd_label_line(ctx->out, "状态 State",
		    db_rows_cell(&rows, 0, POLICY_ANSWER_SCORE), 16);
		fprintf(ctx->out, "\n%s\n",
		    db_rows_cell(&rows, 0, POLICY_ANSWER_BODY));
	}
	db_rows_free(&rows);
	free(why);
	return rc;
}

int
cmd_policy_publish(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "question", required_argument, NULL, 'q' },
		{ "title", required_argument, NULL, 't' },
		{ "body", required_argument, NULL, 'b' },
		{ "doc", required_argument, NULL, 'd' },
		{ "valid-until", required_argument, NULL, 'v' },
		{ "tags", required_argument, NULL, 'g' },
		{ "local", no_argument, NULL, 'l' },
		{ NULL, 0, NULL, 0 }
	};
	struct policy_answer_new	 na = { 0 };
	char				*why = NULL;
	int64_t				 qid = 0, id;
	int				 c, rc;

	while ((c = cmd_job_getopt(ctx, "policy", "publish", argc, argv, opts,
	    &rc)) != -1) {
		if (c == 'q' && (qid = cmd_job_id(optarg)) < 0)
			return cmd_usage_error(ctx, "policy", "publish",
			    "--question is a question's number");
		if (c == 't')
			na.title = optarg;
		if (c == 'b')
			na.body = optarg;
		if (c == 'd')
			na.doc_no = optarg;
		if (c == 'v')
			na.valid_until = optarg;
		if (c == 'g')
			na.tags = optarg;
		if (c == 'l')
			na.local = 1;
	}
	if (rc != QD_EXIT_OK)
		return rc;
	if (optind != argc || (qid != 0 && (na.body != NULL || na.local)) ||
	    (qid == 0 && (na.title == NULL || na.body == NULL)))
		return cmd_usage_error(ctx, "policy", "publish",
		    "give --question N, or --title and --body");
	if (qid != 0)
		rc = db_policy_publish_reply(ctx->db, ctx->actor, qid, na.title,
		    na.doc_no, na.valid_until, na.tags, &id, &why);
	else
		rc = db_policy_publish(ctx->db, ctx->actor, &na, &id, &why);
	if (rc != QD_OK)
		rc = cmd_fail(ctx, rc, why);
	else
		fprintf(ctx->out, "answer %" PRId64 "\n", id);
	free(why);
	return rc;
}

int
cmd_policy_withdraw(struct cmd_ctx *ctx, int argc, char **argv)
{
	char	*why = NULL;
	int64_t	 id;
	int	 rc;

	if (argc != 2 || (id = cmd_job_id(argv[1])) < 0)
		return cmd_usage_error(ctx, "policy", "withdraw",
		    "give one answer N");
	if ((rc = db_policy_withdraw(ctx->db, ctx->actor, id, &why)) != QD_OK)
		rc = cmd_fail(ctx, rc, why);
	else
		fprintf(ctx->out, "withdrawn %" PRId64 "\n", id);
	free(why);
	return rc;
}

int
cmd_policy_review(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct db_rows	 rows = { 0 };
	enum cmd_format	 format = CMD_FORMAT_TEXT;
	char		*why = NULL;
	long long	 limit = 100;
	int		 rc;

	if ((rc = cmd_policy_list_opts(ctx, "review", argc, argv, 0, &limit,
	    &format)) != QD_EXIT_OK)
		return rc;
	if ((rc = db_policy_review_list(ctx->db, ctx->actor, (int)limit,
	    &rows, &why)) != QD_OK)
		rc = cmd_fail(ctx, rc, why);
	else
		rc = cmd_job_print(ctx, format, cmd_policy_answer_cols,
		    nitems(cmd_policy_answer_cols), &rows);
	db_rows_free(&rows);
	free(why);
	return rc;
}

/* policy doc add DOCNO --title T [--issued DAY] [--local] */
static int
cmd_policy_doc_add(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "title", required_argument, NULL, 't' },
		{ "issued", required_argument, NULL, 'i' },
		{ "local", no_argument, NULL, 'l' },
		{ NULL, 0, NULL, 0 }
	};
	const char	*title = NULL, *issued = NULL;
	char		*why = NULL;
	int64_t		 id;
	int		 c, rc, local = 0;

	while ((c = cmd_job_getopt(ctx, "policy", "doc", argc, argv, opts,
	    &rc)) != -1) {
		if (c == 't')
			title = optarg;
		if (c == 'i')
			issued = optarg;
		if (c == 'l')
			local = 1;
	}
	if (rc != QD_EXIT_OK)
		return rc;
	if (argc - optind != 1 || title == NULL)
		return cmd_usage_error(ctx, "policy", "doc",
		    "give the DOCNO and --title");
	if ((rc = db_policy_doc_add(ctx->db, ctx->actor, argv[optind], title,
	    issued, local, &id, &why)) != QD_OK)
		rc = cmd_fail(ctx, rc, why);
	else
		fprintf(ctx->out, "document %" PRId64 "\n", id);
	free(why);
	return rc;
}

/* policy doc replace DOCNO [--on DAY] [--by DOCNO] */
static int
cmd_policy_doc_replace(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "on", required_argument, NULL, 'o' },
		{ "by", required_argument, NULL, 'b' },
		{ NULL, 0, NULL, 0 }
	};
	const char	*on = NULL, *by = NULL;
	char		*why = NULL;
	int		 c, rc;

	while ((c = cmd_job_getopt(ctx, "policy", "doc", argc, argv, opts,
	    &rc)) != -1) {
		if (c == 'o')
			on = optarg;
		if (c == 'b')
			by = optarg;
	}
	if (rc != QD_EXIT_OK)
		return rc;
	if (argc - optind != 1)
		return cmd_usage_error(ctx, "policy", "doc", "give the DOCNO");
	if ((rc = db_policy_doc_replace(ctx->db, ctx->actor, argv[optind], on,
	    by, &why)) != QD_OK)
		rc = cmd_fail(ctx, rc, why);
	else
		fprintf(ctx->out, "replaced %s\n", argv[optind]);
	free(why);
	return rc;
}

static int
cmd_policy_doc_list(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct db_rows	 rows = { 0 };
	enum cmd_format	 format = CMD_FORMAT_TEXT;
	char		*why = NULL;
	long long	 limit = 0;
	int		 rc;

	if ((rc = cmd_policy_list_opts(ctx, "doc", argc, argv, 0, &limit,
	    &format)) != QD_EXIT_OK)
		return rc;
	if ((rc = db_policy_doc_list(ctx->db, ctx->actor, &rows, &why)) !=
	    QD_OK)
		rc = cmd_fail(ctx, rc, why);
	else
		rc = cmd_job_print(ctx, format, cmd_policy_doc_cols,
		    nitems(cmd_policy_doc_cols), &rows);
	db_rows_free(&rows);
	free(why);
	return rc;
}

int
cmd_policy_doc(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct cmd_job_sub subs[] = {
		{ "add", cmd_policy_doc_add },
		{ "replace", cmd_policy_doc_replace },
		{ "list", cmd_policy_doc_list },
	};

	return cmd_job_dispatch(ctx, "policy", "doc", subs, nitems(subs), argc,
	    argv);
}
