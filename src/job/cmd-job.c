/*
 * job need|employer|post|plan: the job verbs of the cities and the
 * center, over ssh as on screen, with the data layer's authorisation.
 */
#include <getopt.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "job/job.h"

#define JOB_LIST_LIMIT	1000

static const struct cmd_column cmd_job_need_cols[] = {
	{ "id", "ID", CMD_NUMBER, 0, 0 },
	{ "name", "NAME", CMD_STRING, 0, 12 },
	{ "office", "OFFICE", CMD_STRING, 0, 8 },
	{ "occupations", "OCCUPATIONS", CMD_STRING, 0, 40 },
	{ "cities", "CITIES", CMD_STRING, 0, 16 },
	{ "pay_min", "PAY", CMD_NUMBER, 0, 0 },
	{ "available_from", "FROM", CMD_STRING, 0, 0 },
	{ "state_name", "STATE", CMD_STRING, 0, 16 },
	{ "state", "", CMD_STRING, CMD_NOTEXT, 0 },
	{ "version", "", CMD_NUMBER, CMD_NOTEXT, 0 },
};

static const struct cmd_column cmd_job_post_cols[] = {
	{ "id", "ID", CMD_NUMBER, 0, 0 },
	{ "employer", "EMPLOYER", CMD_STRING, 0, 16 },
	{ "city", "CITY", CMD_STRING, 0, 8 },
	{ "taiwan_funded", "TW", CMD_STRING, 0, 0 },
	{ "occupation_code", "OCCUPATION", CMD_STRING, 0, 0 },
	{ "occupation", "", CMD_STRING, 0, 10 },
	{ "min_level", "MIN", CMD_STRING, 0, 0 },
	{ "openings", "OPEN", CMD_NUMBER, 0, 0 },
	{ "pay", "PAY", CMD_STRING, 0, 0 },
	{ "closes_on", "CLOSES", CMD_STRING, 0, 0 },
	{ "state_name", "STATE", CMD_STRING, 0, 16 },
	{ "state", "", CMD_STRING, CMD_NOTEXT, 0 },
	{ "contact", "", CMD_STRING, CMD_NOTEXT, 0 },
};

static const struct cmd_column cmd_job_plan_cols[] = {
	{ "id", "ID", CMD_NUMBER, 0, 0 },
	{ "need", "NEED", CMD_NUMBER, 0, 0 },
	{ "name", "NAME", CMD_STRING, 0, 12 },
	{ "office", "OFFICE", CMD_STRING, 0, 8 },
	{ "text", "PLAN", CMD_STRING, 0, 30 },
	{ "state_name", "STATE", CMD_STRING, 0, 16 },
	{ "outcome", "OUTCOME", CMD_STRING, 0, 20 },
	{ "state", "", CMD_STRING, CMD_NOTEXT, 0 },
};

/* Say what was made: "job need 12". */
static int
cmd_job_made(struct cmd_ctx *ctx, const char *what, int64_t id)
{
	fprintf(ctx->out, "%s %" PRId64 "\n", what, id);
	return QD_EXIT_OK;
}

/* Run step on each record number of argv[optind...], all reported. */
static int
cmd_job_each(struct cmd_ctx *ctx, const char *verb, int argc, char **argv,
    int first, int (*step)(struct cmd_ctx *, int64_t, char **))
{
	char	*why = NULL;
	int64_t	 id;
	int	 i, rc, worst = QD_EXIT_OK;

	if (first >= argc)
		return cmd_usage_error(ctx, "job", verb, "give a number");
	for (i = first; i < argc; i++) {
		if ((id = cmd_job_id(argv[i])) < 0)
			return cmd_usage_error(ctx, "job", verb,
			    "'%s' is not a number", text_valid(argv[i]) ?
			    argv[i] : "?");
		if ((rc = step(ctx, id, &why)) != QD_OK)
			worst = cmd_fail(ctx, rc, why);
		else
			fprintf(ctx->out, "%s %" PRId64 "\n", argv[0], id);
		xfree(&why);
	}
	return worst;
}

static int
cmd_job_need_add(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "person", required_argument, NULL, 'p' },
		{ "occupations", required_argument, NULL, 'o' },
		{ "cities", required_argument, NULL, 'c' },
		{ "pay", required_argument, NULL, 'y' },
		{ "from", required_argument, NULL, 'f' },
		{ "note", required_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 }
	};
	struct job_need_new	 nn = { 0 };
	char			*why = NULL;
	int64_t			 id;
	int			 c, rc;

	while ((c = cmd_job_getopt(ctx, "job", "need", argc, argv, opts,
	    &rc)) != -1) {
		if (c == 'p' && (nn.applicant_id = cmd_job_id(optarg)) < 0)
			return cmd_usage_error(ctx, "job", "need",
			    "--person is an applicant's number");
		if (c == 'y' && (nn.pay_min = cmd_number(optarg, 0,
		    1000000)) < 0)
			return cmd_usage_error(ctx, "job", "need",
			    "--pay is yuan a month, 0 to 1000000");
		if (c == 'o')
			nn.occupations = optarg;
		if (c == 'c')
			nn.cities = optarg;
		if (c == 'f')
			nn.available_from = optarg;
		if (c == 'n')
			nn.note = optarg;
	}
	if (rc != QD_EXIT_OK)
		return rc;
	if (nn.applicant_id == 0 || optind != argc)
		return cmd_usage_error(ctx, "job", "need",
		    "give --person N and nothing more");
	if ((rc = db_job_need_add(ctx->db, ctx->actor, &nn, &id, &why)) !=
	    QD_OK)
		rc = cmd_fail(ctx, rc, why);
	else
		rc = cmd_job_made(ctx, "need", id);
	free(why);
	return rc;
}

static int
cmd_job_need_report_one(struct cmd_ctx *ctx, int64_t id, char **why)
{
	return db_job_need_step(ctx->db, ctx->actor, id, "report", 0, why);
}

static int
cmd_job_need_close_one(struct cmd_ctx *ctx, int64_t id, char **why)
{
	return db_job_need_step(ctx->db, ctx->actor, id, "close", 0, why);
}

static int
cmd_job_need_report(struct cmd_ctx *ctx, int argc, char **argv)
{
	return cmd_job_each(ctx, "need", argc, argv, 1,
	    cmd_job_need_report_one);
}

static int
cmd_job_need_close(struct cmd_ctx *ctx, int argc, char **argv)
{
	return cmd_job_each(ctx, "need", argc, argv, 1, cmd_job_need_close_one);
}

/* The options of every list verb: --state, --limit, --format. */
static int
cmd_job_list_opts(struct cmd_ctx *ctx, const char *verb, int argc,
    char **argv, const char **state, int *limit, enum cmd_format *format)
{
	static const struct option opts[] = {
		{ "state", required_argument, NULL, 's' },
		{ "limit", required_argument, NULL, 'l' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	long long	 n;
	int		 c, rc;

	*limit = 100;
	while ((c = cmd_job_getopt(ctx, "job", verb, argc, argv, opts,
	    &rc)) != -1) {
		if (c == 's' && state != NULL)
			*state = optarg;
		else if (c == 's')
			return cmd_usage_error(ctx, "job", verb,
			    "--state is not taken here");
		if (c == 'l') {
			if ((n = cmd_number(optarg, 1, JOB_LIST_LIMIT)) < 0)
				return cmd_usage_error(ctx, "job", verb,
				    "--limit is 1 to %d", JOB_LIST_LIMIT);
			*limit = (int)n;
		}
		if (c == 'f' && (rc = cmd_job_format(ctx, "job", verb, optarg,
		    format)) != QD_EXIT_OK)
			return rc;
	}
	if (rc == QD_EXIT_OK && optind != argc)
		return cmd_usage_error(ctx, "job", verb, "unexpected '%s'",
		    text_valid(argv[optind]) ? argv[optind] : "?");
	return rc;
}

static int
cmd_job_need_list(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct db_rows	 rows = { 0 };
	enum cmd_format	 format = CMD_FORMAT_TEXT;
	const char	*state = NULL;
	char		*why = NULL;
	int		 limit, rc;

	if ((rc = cmd_job_list_opts(ctx, "need", argc, argv, &state, &limit,
	    &format)) != QD_EXIT_OK)
		return rc;
	if ((rc = db_job_need_list(ctx->db, ctx->actor, state, limit, &rows,
	    &why)) != QD_OK)
		rc = cmd_fail(ctx, rc, why);
	else
		rc = cmd_job_print(ctx, format, cmd_job_need_cols,
		    nitems(cmd_job_need_cols), &rows);
	db_rows_free(&rows);
	free(why);
	return rc;
}

int
cmd_job_need(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct cmd_job_sub subs[] = {
		{ "add", cmd_job_need_add },
		{ "report", cmd_job_need_report },
		{ "close", cmd_job_need_close },
		{ "list", cmd_job_need_list },
	};

	return cmd_job_dispatch(ctx, "job", "need", subs, nitems(subs), argc,
	    argv);
}

int
cmd_job_employer(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "city", required_argument, NULL, 'c' },
		{ "taiwan-funded", no_argument, NULL, 't' },
		{ "contact", required_argument, NULL, 'k' },
		{ NULL, 0, NULL, 0 }
	};
	const char	*city = NULL, *contact = NULL;
	char		*why = NULL;
	int64_t		 id;
	int		 c, rc, tw = 0;

	if (argc < 2 || strcmp(argv[1], "add") != 0)
		return cmd_usage_error(ctx, "job", "employer", "say add");
	argc--;
	argv++;
	while ((c = cmd_job_getopt(ctx, "job", "employer", argc, argv, opts,
	    &rc)) != -1) {
		if (c == 'c')
			city = optarg;
		if (c == 't')
			tw = 1;
		if (c == 'k')
			contact = optarg;
	}
	if (rc != QD_EXIT_OK)
		return rc;
	if (argc - optind != 1)
		return cmd_usage_error(ctx, "job", "employer",
		    "give the employer's NAME");
	if ((rc = db_job_employer_add(ctx->db, ctx->actor, argv[optind], city,
	    tw, contact, &id, &why)) != QD_OK)
		rc = cmd_fail(ctx, rc, why);
	else
		rc = cmd_job_made(ctx, "employer", id);
	free(why);
	return rc;
}

/* --pay MIN-MAX into the posting. */
static int
cmd_job_pay(const char *s, struct job_post_new *np)
{
	char	*copy, *dash;
	int	 rc = QD_EINVAL;

	copy = xstrdup(s);
	if ((dash = strchr(copy, '-')) != NULL) {
		*dash = '\0';
		np->pay_min = cmd_number(copy, 0, 1000000);
		np->pay_max = cmd_number(dash + 1, 0, 1000000);
		if (np->pay_min >= 0 && np->pay_max >= 0)
			rc = QD_OK;
	}
	free(copy);
	return rc;
}

static int
cmd_job_post_add(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "employer", required_argument, NULL, 'e' },
		{ "occupation", required_argument, NULL, 'o' },
		{ "min-level", required_argument, NULL, 'm' },
		{ "openings", required_argument, NULL, 'n' },
		{ "pay", required_argument, NULL, 'y' },
		{ "closes", required_argument, NULL, 'c' },
		{ "contact", required_argument, NULL, 'k' },
		{ NULL, 0, NULL, 0 }
	};
	struct job_post_new	 np = { .openings = 1 };
	char			*why = NULL;
	int64_t			 id;
	long long		 n;
	int			 c, rc;

	while ((c = cmd_job_getopt(ctx, "job", "post", argc, argv, opts,
	    &rc)) != -1) {
		if (c == 'e')
			np.employer = optarg;
		if (c == 'o')
			np.occupation = optarg;
		if (c == 'm') {
			if ((n = cmd_number(optarg, 0, 5)) < 0)
				return cmd_usage_error(ctx, "job", "post",
				    "--min-level is 1 to 5, 0 for any");
			np.min_level = (int)n;
		}
		if (c == 'n' && (np.openings = cmd_number(optarg, 1,
		    10000)) < 0)
			return cmd_usage_error(ctx, "job", "post",
			    "--openings is 1 to 10000");
		if (c == 'y' && cmd_job_pay(optarg, &np) != QD_OK)
			return cmd_usage_error(ctx, "job", "post",
			    "--pay is MIN-MAX in yuan a month");
		if (c == 'c')
			np.closes_on = optarg;
		if (c == 'k')
			np.contact = optarg;
	}
	if (rc != QD_EXIT_OK)
		return rc;
	if (optind != argc)
		return cmd_usage_error(ctx, "job", "post", "unexpected '%s'",
		    text_valid(argv[optind]) ? argv[optind] : "?");
	if ((rc = db_job_post_add(ctx->db, ctx->actor, &np, &id, &why)) !=
	    QD_OK)
		rc = cmd_fail(ctx, rc, why);
	else
		rc = cmd_job_made(ctx, "posting", id);
	free(why);
	return rc;
}

static int
cmd_job_post_publish_one(struct cmd_ctx *ctx, int64_t id, char **why)
{
	return db_job_post_step(ctx->db, ctx->actor, id, "publish", why);
}

static int
cmd_job_post_close_one(struct cmd_ctx *ctx, int64_t id, char **why)
{
	return db_job_post_step(ctx->db, ctx->actor, id, "close", why);
}

static int
cmd_job_post_publish(struct cmd_ctx *ctx, int argc, char **argv)
{
	return cmd_job_each(ctx, "post", argc, argv, 1,
	    cmd_job_post_publish_one);
}

static int
cmd_job_post_close(struct cmd_ctx *ctx, int argc, char **argv)
{
	return cmd_job_each(ctx, "post", argc, argv, 1, cmd_job_post_close_one);
}

static int
cmd_job_post_list(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct db_rows	 rows = { 0 };
	enum cmd_format	 format = CMD_FORMAT_TEXT;
	char		*why = NULL;
	int		 limit, rc;

	if ((rc = cmd_job_list_opts(ctx, "post", argc, argv, NULL, &limit,
	    &format)) != QD_EXIT_OK)
		return rc;
	if ((rc = db_job_post_list(ctx->db, ctx->actor, limit, &rows,
	    &why)) != QD_OK)
		rc = cmd_fail(ctx, rc, why);
	else
		rc = cmd_job_print(ctx, format, cmd_job_post_cols,
		    nitems(cmd_job_post_cols), &rows);
	db_rows_free(&rows);
	free(why);
	return rc;
}

int
cmd_job_post(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct cmd_job_sub subs[] = {
		{ "add", cmd_job_post_add },
		{ "publish", cmd_job_post_publish },
		{ "close", cmd_job_post_close },
		{ "list", cmd_job_post_list },
	};

	return cmd_job_dispatch(ctx, "job", "post", subs, nitems(subs), argc,
	    argv);
}

static int
cmd_job_plan_add(struct cmd_ctx *ctx, int argc, char **argv)
{
	char	*why = NULL;
	int64_t	 need, id;
	int	 rc;

	if (argc != 3 || (need = cmd_job_id(argv[1])) < 0)
		return cmd_usage_error(ctx, "job", "plan",
		    "give the NEED and the plan's TEXT");
	if ((rc = db_job_plan_add(ctx->db, ctx->actor, need, argv[2], &id,
	    &why)) != QD_OK)
		rc = cmd_fail(ctx, rc, why);
	else
		rc = cmd_job_made(ctx, "plan", id);
	free(why);
	return rc;
}

/* job plan start|finish|drop N [--outcome TEXT] */
static int
cmd_job_plan_step(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "outcome", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 }
	};
	const char	*outcome = NULL;
	char		*why = NULL;
	int64_t		 id;
	int		 c, rc;

	while ((c = cmd_job_getopt(ctx, "job", "plan", argc, argv, opts,
	    &rc)) != -1) {
		if (c == 'o')
			outcome = optarg;
	}
	if (rc != QD_EXIT_OK)
		return rc;
	if (argc - optind != 1 || (id = cmd_job_id(argv[optind])) < 0)
		return cmd_usage_error(ctx, "job", "plan", "give one plan N");
	if ((rc = db_job_plan_step(ctx->db, ctx->actor, id, argv[0], outcome,
	    &why)) != QD_OK)
		rc = cmd_fail(ctx, rc, why);
	else
		rc = cmd_job_made(ctx, argv[0], id);
	free(why);
	return rc;
}

static int
cmd_job_plan_list(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct db_rows	 rows = { 0 };
	enum cmd_format	 format = CMD_FORMAT_TEXT;
	char		*why = NULL;
	int		 limit, rc;

	if ((rc = cmd_job_list_opts(ctx, "plan", argc, argv, NULL, &limit,
	    &format)) != QD_EXIT_OK)
		return rc;
	if ((rc = db_job_plan_list(ctx->db, ctx->actor, limit, &rows,
	    &why)) != QD_OK)
		rc = cmd_fail(ctx, rc, why);
	else
		rc = cmd_job_print(ctx, format, cmd_job_plan_cols,
		    nitems(cmd_job_plan_cols), &rows);
	db_rows_free(&rows);
	free(why);
	return rc;
}

int
cmd_job_plan(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct cmd_job_sub subs[] = {
		{ "add", cmd_job_plan_add },
		{ "start", cmd_job_plan_step },
		{ "finish", cmd_job_plan_step },
		{ "drop", cmd_job_plan_step },
		{ "list", cmd_job_plan_list },
	};

	return cmd_job_dispatch(ctx, "job", "plan", subs, nitems(subs), argc,
	    argv);
}
