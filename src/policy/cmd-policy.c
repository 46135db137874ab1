/*
 * policy ask|answer|forward|notify|list: questions at the window and the
 * center's replies, over ssh as on screen.
 */
#include <getopt.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "job/job.h"
#include "policy/policy.h"

static const struct cmd_column cmd_policy_q_cols[] = {
	{ "id", "ID", CMD_NUMBER, 0, 0 },
	{ "office", "OFFICE", CMD_STRING, 0, 8 },
	{ "channel", "CHANNEL", CMD_STRING, CMD_NOTEXT, 0 },
	{ "text", "QUESTION", CMD_STRING, 0, 30 },
	{ "state_name", "STATE", CMD_STRING, 0, 20 },
	{ "state", "", CMD_STRING, CMD_NOTEXT, 0 },
	{ "answer", "ANSWER", CMD_OPTIONAL, 0, 20 },
	{ "reply", "REPLY", CMD_OPTIONAL, 0, 30 },
	{ "created_at", "", CMD_STRING, CMD_NOTEXT, 0 },
	{ "inbox", "INBOX", CMD_OPTIONAL, 0, 0 },
	{ "notice", "NOTICE", CMD_OPTIONAL, 0, 0 },
	{ "contact", "", CMD_STRING, CMD_NOTEXT, 0 },
	{ "version", "", CMD_NUMBER, CMD_NOTEXT, 0 },
};

int
cmd_policy_ask(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "channel", required_argument, NULL, 'c' },
		{ "person", required_argument, NULL, 'p' },
		{ "contact", required_argument, NULL, 'k' },
		{ "use", required_argument, NULL, 'u' },
		{ "forward", no_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	struct policy_question_new	 nq = { 0 };
	char				*why = NULL;
	int64_t				 id, use = 0;
	int				 c, rc, forward = 0;

	while ((c = cmd_job_getopt(ctx, "policy", "ask", argc, argv, opts,
	    &rc)) != -1) {
		if (c == 'c')
			nq.channel = optarg;
		if (c == 'p' && (nq.applicant_id = cmd_job_id(optarg)) < 0)
			return cmd_usage_error(ctx, "policy", "ask",
			    "--person is an applicant's number");
		if (c == 'k')
			nq.contact = optarg;
		if (c == 'u' && (use = cmd_job_id(optarg)) < 0)
			return cmd_usage_error(ctx, "policy", "ask",
			    "--use is an answer's number");
		if (c == 'f')
			forward = 1;
	}
	if (rc != QD_EXIT_OK)
		return rc;
	if (argc - optind != 1 || (forward && use != 0))
		return cmd_usage_error(ctx, "policy", "ask",
		    "give one TEXT, and --use or --forward, not both");
	nq.text = argv[optind];
	/* The question stays recorded even if the next step is refused. */
	if ((rc = db_policy_ask(ctx->db, ctx->actor, &nq, &id, &why)) ==
	    QD_OK) {
		fprintf(ctx->out, "question %" PRId64 "\n", id);
		if (use != 0)
			rc = db_policy_answer_here(ctx->db, ctx->actor, id, use,
			    &why);
		else if (forward)
			rc = db_policy_forward(ctx->db, ctx->actor, id, &why);
	}
	rc = rc == QD_OK ? QD_EXIT_OK : cmd_fail(ctx, rc, why);
	free(why);
	return rc;
}

/* policy answer Q (--text TEXT | --use A): the city's or the center's. */
int
cmd_policy_answer(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "text", required_argument, NULL, 't' },
		{ "use", required_argument, NULL, 'u' },
		{ NULL, 0, NULL, 0 }
	};
	const char	*text = NULL;
	char		*why = NULL;
	int64_t		 qid, use = 0;
	int		 c, rc;

	while ((c = cmd_job_getopt(ctx, "policy", "answer", argc, argv, opts,
	    &rc)) != -1) {
		if (c == 't')
			text = optarg;
		if (c == 'u' && (use = cmd_job_id(optarg)) < 0)
			return cmd_usage_error(ctx, "policy", "answer",
			    "--use is an answer's number");
	}
	if (rc != QD_EXIT_OK)
		return rc;
	if (argc - optind != 1 || (qid = cmd_job_id(argv[optind])) < 0)
		return cmd_usage_error(ctx, "policy", "answer",
		    "give one question N");
	if (role_has_office(ctx->actor->role))
		rc = text != NULL ? (why_set(&why, "窗口当场答复请用答复库中的答复"
		    " (--use A) the window answers with an answer of the base"),
		    QD_EINVAL) : db_policy_answer_here(ctx->db, ctx->actor, qid,
		    use, &why);
	else
		rc = db_policy_reply(ctx->db, ctx->actor, qid, text, use, &why);
	if (rc != QD_OK)
		rc = cmd_fail(ctx, rc, why);
	else
		fprintf(ctx->out, "answered %" PRId64 "\n", qid);
	free(why);
	return rc;
}

/* Run step on each question of argv[1...]. */
static int
cmd_policy_each(struct cmd_ctx *ctx, const char *verb, int argc, char **argv,
    int (*step)(sqlite3 *, const struct qd_user *, int64_t, char **))
{
	char	*why = NULL;
	int64_t	 id;
	int	 i, rc, worst = QD_EXIT_OK;

	if (argc < 2)
		return cmd_usage_error(ctx, "policy", verb, "give a question N");
	for (i = 1; i < argc; i++) {
		if ((id = cmd_job_id(argv[i])) < 0)
			return cmd_usage_error(ctx, "policy", verb,
			    "'%s' is not a number", text_valid(argv[i]) ?
			    argv[i] : "?");
		if ((rc = step(ctx->db, ctx->actor, id, &why)) != QD_OK)
			worst = cmd_fail(ctx, rc, why);
		else
			fprintf(ctx->out, "%s %" PRId64 "\n", verb, id);
		xfree(&why);
	}
	return worst;
}

int
cmd_policy_forward(struct cmd_ctx *ctx, int argc, char **argv)
{
	return cmd_policy_each(ctx, "forward", argc, argv, db_policy_forward);
}

int
cmd_policy_notify(struct cmd_ctx *ctx, int argc, char **argv)
{
	return cmd_policy_each(ctx, "notify", argc, argv, db_policy_notify);
}

int
cmd_policy_list(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "queue", required_argument, NULL, 'q' },
		{ "limit", required_argument, NULL, 'l' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	struct db_rows	 rows = { 0 };
	enum cmd_format	 format = CMD_FORMAT_TEXT;
	const char	*queue = NULL;
	char		*why = NULL;
	long long	 limit = 100;
	int		 c, rc;

	while ((c = cmd_job_getopt(ctx, "policy", "list", argc, argv, opts,
	    &rc)) != -1) {
		if (c == 'q')
			queue = optarg;
		if (c == 'l' && (limit = cmd_number(optarg, 1, 1000)) < 0)
			return cmd_usage_error(ctx, "policy", "list",
			    "--limit is 1 to 1000");
		if (c == 'f' && (rc = cmd_job_format(ctx, "policy", "list",
		    optarg, &format)) != QD_EXIT_OK)
			return rc;
	}
	if (rc != QD_EXIT_OK)
		return rc;
	if (optind != argc)
		return cmd_usage_error(ctx, "policy", "list", "unexpected '%s'",
		    text_valid(argv[optind]) ? argv[optind] : "?");
	if ((rc = db_policy_question_list(ctx->db, ctx->actor, queue,
	    (int)limit, &rows, &why)) != QD_OK)
		rc = cmd_fail(ctx, rc, why);
	else
		rc = cmd_job_print(ctx, format, cmd_policy_q_cols,
		    nitems(cmd_policy_q_cols), &rows);
	db_rows_free(&rows);
	free(why);
	return rc;
}
