/*
 * job match: what fits a posting or a need, each with its reason; the
 * center's proposals and the outcomes the cities record.
 */
#include <getopt.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "job/job.h"

static const struct cmd_column cmd_job_fit_cols[] = {
	{ "match", "MATCH", CMD_NUMBER, 0, 0 },
	{ "posting", "POST", CMD_NUMBER, 0, 0 },
	{ "need", "NEED", CMD_NUMBER, 0, 0 },
	{ "name", "NAME", CMD_STRING, 0, 12 },
	{ "office", "OFFICE", CMD_STRING, 0, 8 },
	{ "employer", "EMPLOYER", CMD_STRING, 0, 14 },
	{ "city", "CITY", CMD_STRING, 0, 8 },
	{ "occupation", "OCCUPATION", CMD_STRING, CMD_NOTEXT, 0 },
	{ "level", "LEVEL", CMD_STRING, 0, 24 },
	{ "reason", "REASON", CMD_STRING, 0, 0 },
	{ "match_state", "PROPOSED", CMD_OPTIONAL, 0, 0 },
};

static const struct cmd_column cmd_job_match_cols[] = {
	{ "id", "ID", CMD_NUMBER, 0, 0 },
	{ "name", "NAME", CMD_STRING, 0, 12 },
	{ "office", "OFFICE", CMD_STRING, 0, 8 },
	{ "employer", "EMPLOYER", CMD_STRING, 0, 14 },
	{ "city", "CITY", CMD_STRING, 0, 8 },
	{ "occupation", "OCCUPATION", CMD_STRING, 0, 16 },
	{ "reason", "REASON", CMD_STRING, CMD_NOTEXT, 0 },
	{ "state_name", "STATE", CMD_STRING, 0, 18 },
	{ "state", "", CMD_STRING, CMD_NOTEXT, 0 },
	{ "openings", "OPEN", CMD_NUMBER, 0, 0 },
	{ "version", "", CMD_NUMBER, CMD_NOTEXT, 0 },
};

/* job match posting|need N [--limit N] [--format F] */
static int
cmd_job_match_fit(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "limit", required_argument, NULL, 'l' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	struct db_rows	 rows = { 0 };
	enum cmd_format	 format = CMD_FORMAT_TEXT;
	char		*why = NULL;
	long long	 limit = 100;
	int64_t		 id;
	int		 c, rc;

	while ((c = cmd_job_getopt(ctx, "job", "match", argc, argv, opts,
	    &rc)) != -1) {
		if (c == 'l' && (limit = cmd_number(optarg, 1, 1000)) < 0)
			return cmd_usage_error(ctx, "job", "match",
			    "--limit is 1 to 1000");
		if (c == 'f' && (rc = cmd_job_format(ctx, "job", "match",
		    optarg, &format)) != QD_EXIT_OK)
			return rc;
	}
	if (rc != QD_EXIT_OK)
		return rc;
	if (argc - optind != 1 || (id = cmd_job_id(argv[optind])) < 0)
		return cmd_usage_error(ctx, "job", "match", "give one N");
	rc = db_job_fit(ctx->db, ctx->actor, strcmp(argv[0], "posting") == 0 ?
	    id : 0, strcmp(argv[0], "need") == 0 ? id : 0, (int)limit, &rows,
	    &why);
	if (rc != QD_OK)
		rc = cmd_fail(ctx, rc, why);
	else
		rc = cmd_job_print(ctx, format, cmd_job_fit_cols,
		    nitems(cmd_job_fit_cols), &rows);
	db_rows_free(&rows);
	free(why);
	return rc;
}

static int
cmd_job_match_propose(struct cmd_ctx *ctx, int argc, char **argv)
{
	char	*why = NULL;
	int64_t	 posting, need, id;
	int	 rc;

	if (argc != 3 || (posting = cmd_job_id(argv[1])) < 0 ||
	    (need = cmd_job_id(argv[2])) < 0)
		return cmd_usage_error(ctx, "job", "match",
		    "give a POSTING and a NEED");
	if ((rc = db_job_match_propose(ctx->db, ctx->actor, posting, need, &id,
	    &why)) != QD_OK)
		rc = cmd_fail(ctx, rc, why);
	else
		fprintf(ctx->out, "match %" PRId64 "\n", id);
	free(why);
	return rc;
}

/* job match outcome M ACTION [--note TEXT] */
static int
cmd_job_match_outcome(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "note", required_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 }
	};
	const char	*note = NULL;
	char		*why = NULL;
	int64_t		 id;
	int		 c, rc;

	while ((c = cmd_job_getopt(ctx, "job", "match", argc, argv, opts,
	    &rc)) != -1) {
		if (c == 'n')
			note = optarg;
	}
	if (rc != QD_EXIT_OK)
		return rc;
	if (argc - optind != 2 || (id = cmd_job_id(argv[optind])) < 0)
		return cmd_usage_error(ctx, "job", "match", "give a MATCH and"
		    " interested, interview, hire or decline");
	if ((rc = db_job_match_outcome(ctx->db, ctx->actor, id,
	    argv[optind + 1], note, 0, &why)) != QD_OK)
		rc = cmd_fail(ctx, rc, why);
	else
		fprintf(ctx->out, "match %" PRId64 " %s\n", id,
		    argv[optind + 1]);
	free(why);
	return rc;
}

static int
cmd_job_match_list(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	struct db_rows	 rows = { 0 };
	enum cmd_format	 format = CMD_FORMAT_TEXT;
	char		*why = NULL;
	int		 c, rc;

	while ((c = cmd_job_getopt(ctx, "job", "match", argc, argv, opts,
	    &rc)) != -1) {
		if (c == 'f' && (rc = cmd_job_format(ctx, "job", "match",
		    optarg, &format)) != QD_EXIT_OK)
			return rc;
	}
	if (rc != QD_EXIT_OK)
		return rc;
	if ((rc = db_job_match_list(ctx->db, ctx->actor, 1000, &rows,
	    &why)) != QD_OK)
		rc = cmd_fail(ctx, rc, why);
	else
		rc = cmd_job_print(ctx, format, cmd_job_match_cols,
		    nitems(cmd_job_match_cols), &rows);
	db_rows_free(&rows);
	free(why);
	return rc;
}

int
cmd_job_match(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct cmd_job_sub subs[] = {
		{ "posting", cmd_job_match_fit },
		{ "need", cmd_job_match_fit },
		{ "propose", cmd_job_match_propose },
		{ "outcome", cmd_job_match_outcome },
		{ "list", cmd_job_match_list },
	};

	return cmd_job_dispatch(ctx, "job", "match", subs, nitems(subs), argc,
	    argv);
}
