/*
 * The exam verbs: `exam demand`, `exam seat`, `exam ticket`, `exam
 * result`, `exam pass` and `exam notice`, each with its own words after
 * it (`exam demand add`). Everything goes through the data layer, which
 * scopes it by the actor exactly as the screens are scoped.
 */
#include <getopt.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "exam/exam.h"
#include "exam/cmd-exam.h"
#include "catalog/catalog.h"

int
cmd_exam_dispatch(struct cmd_ctx *ctx, int argc, char **argv,
    const struct cmd_exam_sub *subs, size_t nsubs)
{
	size_t	 i;

	if (argc >= 2) {
		for (i = 0; i < nsubs; i++) {
			if (strcmp(subs[i].word, argv[1]) == 0)
				return subs[i].run(ctx, argc - 1, argv + 1);
		}
	}
	return cmd_usage_error(ctx, "exam", argv[0], argc >= 2 ?
	    "unknown word '%s'" : "say what to do%s", argc >= 2 &&
	    text_valid(argv[1]) ? argv[1] : "");
}

int64_t
cmd_exam_id(const char *s)
{
	return (int64_t)cmd_number(s, 1, INT64_MAX / 2);
}

int
cmd_exam_format(struct cmd_ctx *ctx, const char *verb, const char *s,
    int allowed, enum cmd_format *f)
{
	if (cmd_format_parse(s, allowed, f) == QD_OK)
		return QD_EXIT_OK;
	return cmd_usage_error(ctx, "exam", verb, "--format is %s",
	    allowed == CMD_FORMATS_ALL ? "text, csv or json" : "text or json");
}

int
cmd_exam_occupation(struct cmd_ctx *ctx, const char *verb, const char *key,
    int64_t *id)
{
	struct qd_occupation	*o = NULL;

	if (key == NULL)
		return cmd_usage_error(ctx, "exam", verb, "give --occupation"
		    " CODE");
	if (db_occupation_find(ctx->db, key, &o) != QD_OK)
		return cmd_usage_error(ctx, "exam", verb, "目录中没有职业 no"
		    " occupation '%s' in the catalog", text_valid(key) ? key :
		    "?");
	*id = o->id;
	occupation_free_array(o, 1);
	return QD_EXIT_OK;
}

/* The result of a data-layer call, with its message. */
static int
cmd_exam_done(struct cmd_ctx *ctx, int rc, char *why)
{
	rc = cmd_fail(ctx, rc, why);
	free(why);
	return rc;
}

static int
cmd_exam_demand_add(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "applicant", required_argument, NULL, 'a' },
		{ "kind", required_argument, NULL, 'k' },
		{ "occupation", required_argument, NULL, 'o' },
		{ "level", required_argument, NULL, 'l' },
		{ "in-taiwan", required_argument, NULL, 't' },
		{ "period", required_argument, NULL, 'p' },
		{ "notes", required_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 }
	};
	struct qd_exam_demand_new nf = { .in_taiwan = -1, .level = 0 };
	const char	*occupation = NULL;
	char		*why = NULL;
	int64_t		 id = 0;
	int		 c, rc;

	while ((c = cmd_getopt(ctx, "exam", argc, argv, opts, &rc)) != -1) {
		if (c == 'a' && (nf.applicant_id = cmd_exam_id(optarg)) < 1)
			return cmd_usage_error(ctx, "exam", "demand",
			    "--applicant is a number");
		if (c == 'k')
			nf.kind = optarg;
		if (c == 'o')
			occupation = optarg;
		if (c == 'l' && (nf.level = (int)cmd_number(optarg, 1, 5)) < 1)
			return cmd_usage_error(ctx, "exam", "demand",
			    "--level is 1 to 5");
		if (c == 't') {
			if (strcmp(optarg, "yes") != 0 &&
			    strcmp(optarg, "no") != 0)
				return cmd_usage_error(ctx, "exam", "demand",
				    "--in-taiwan is yes or no");
			nf.in_taiwan = strcmp(optarg, "yes") == 0;
		}
		if (c == 'p')
			nf.period = optarg;
		if (c == 'n')
			nf.notes = optarg;
	}
	if (rc != QD_EXIT_OK)
		return rc;
	if (nf.applicant_id == 0 || nf.kind == NULL || nf.level == 0 ||
	    argc != optind)
		return cmd_usage_error(ctx, "exam", "demand", "give --applicant,"
		    " --kind, --occupation and --level");
	if ((rc = cmd_exam_occupation(ctx, "demand", occupation,
	    &nf.occupation_id)) != QD_EXIT_OK)
		return rc;
	rc = db_exam_demand_add(ctx->db, ctx->actor, &nf, &id, &why);
	if (rc == QD_OK)
		fprintf(ctx->out, "demand %" PRId64 " recorded\n", id);
	return cmd_exam_done(ctx, rc, why);
}

static const struct cmd_column cmd_exam_demand_columns[] = {
	{ "id", "ID", CMD_NUMBER, 0, 0 },
	{ "applicant_id", NULL, CMD_NUMBER, CMD_NOTEXT, 0 },
	{ "applicant", "APPLICANT", CMD_STRING, 0, 12 },
	{ "mtp", "MTP", CMD_STRING, 0, 0 },
	{ "office", "OFFICE", CMD_STRING, 0, 10 },
	{ "kind", "KIND", CMD_STRING, 0, 0 },
	{ "occupation", "OCCUPATION", CMD_STRING, 0, 16 },
	{ "level", "LV", CMD_NUMBER, 0, 0 },
	{ "in_taiwan", "TW", CMD_BOOL, 0, 0 },
	{ "state", "STATE", CMD_STRING, 0, 0 },
	{ "plan", "PLAN", CMD_OPTIONAL, 0, 0 },
	{ "age_days", "DAYS", CMD_NUMBER, 0, 0 },
	{ "period", NULL, CMD_STRING, CMD_NOTEXT, 0 },
	{ "version", NULL, CMD_NUMBER, CMD_NOTEXT, 0 },
};

static int
cmd_exam_demand_print(struct cmd_ctx *ctx, enum cmd_format format,
    const struct qd_exam_demand_row *rows, size_t n)
{
	struct cmd_rows	 out = { cmd_exam_demand_columns,
	    nitems(cmd_exam_demand_columns), NULL, 0 };
	char		 id[24], aid[24], lv[4], plan[24], age[16], ver[24];
	size_t		 i;
	int		 rc;

	for (i = 0; i < n; i++) {
		const struct qd_exam_demand_row	*r = &rows[i];
		const char *cells[nitems(cmd_exam_demand_columns)] = {
			id, aid, r->name, r->mtp_masked, r->office_name,
			r->kind, r->occupation, lv, r->in_taiwan ? "1" : "0",
			r->state, plan, age, r->period, ver
		};

		snprintf(id, sizeof id, "%" PRId64, r->id);
		snprintf(aid, sizeof aid, "%" PRId64, r->applicant_id);
		snprintf(lv, sizeof lv, "%d", r->level);
		if (r->plan_id != 0)
			snprintf(plan, sizeof plan, "%" PRId64, r->plan_id);
		else
			plan[0] = '\0';
		snprintf(age, sizeof age, "%d", r->age_days);
		snprintf(ver, sizeof ver, "%" PRId64, r->version);
		cmd_rows_add(&out, cells);
	}
	rc = cmd_rows_print(ctx, format, &out);
	cmd_rows_free(&out);
	return rc;
}

static int
cmd_exam_demand_list(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "state", required_argument, NULL, 's' },
		{ "plan", required_argument, NULL, 'p' },
		{ "office", required_argument, NULL, 'O' },
		{ "occupation", required_argument, NULL, 'o' },
		{ "level", required_argument, NULL, 'l' },
		{ "kind", required_argument, NULL, 'k' },
		{ "in-taiwan", required_argument, NULL, 't' },
		{ "after", required_argument, NULL, 'a' },
		{ "limit", required_argument, NULL, 'n' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	struct qd_exam_demand_filter	 f = { .in_taiwan = -1 };
	struct qd_exam_demand_row	*rows = NULL;
	enum cmd_format			 format = CMD_FORMAT_TEXT;
	char				*why = NULL;
	size_t				 n = 0;
	long long			 limit = 50, after = 0;
	int				 c, rc;

	while ((c = cmd_getopt(ctx, "exam", argc, argv, opts, &rc)) != -1) {
		rc = QD_EXIT_OK;
		if (c == 's')
			f.state = optarg;
		else if (c == 'p' && (f.plan_id = cmd_exam_id(optarg)) < 1)
			rc = cmd_usage_error(ctx, "exam", "demand",
			    "--plan is a number");
		else if (c == 'O')
			rc = cmd_office_id(ctx, "exam", optarg, argv,
			    &f.office_id);
		else if (c == 'o')
			rc = cmd_exam_occupation(ctx, "demand", optarg,
			    &f.occupation_id);
		else if (c == 'l' && (f.level = (int)cmd_number(optarg, 1,
		    5)) < 1)
			rc = cmd_usage_error(ctx, "exam", "demand",
			    "--level is 1 to 5");
		else if (c == 'k')
			f.kind = optarg;
		else if (c == 't' && (f.in_taiwan = (int)cmd_number(optarg,
		    0, 1)) < 0)
			rc = cmd_usage_error(ctx, "exam", "demand",
			    "--in-taiwan is 1 or 0");
		else if (c == 'a' && (after = cmd_number(optarg, 0,
		    INT64_MAX / 2)) < 0)
			rc = cmd_usage_error(ctx, "exam", "demand",
			    "--after is a number");
		else if (c == 'n' && (limit = cmd_number(optarg, 1, 1000)) < 1)
			rc = cmd_usage_error(ctx, "exam", "demand",
			    "--limit is 1 to 1000");
		else if (c == 'f')
			rc = cmd_exam_format(ctx, "demand", optarg,
			    CMD_FORMATS_ALL, &format);
		if (rc != QD_EXIT_OK)
			return rc;
	}
	if (rc != QD_EXIT_OK)
		return rc;
	if ((rc = db_exam_demand_list(ctx->db, ctx->actor, &f, after,
	    (int)limit, &rows, &n, &why)) != QD_OK)
		return cmd_exam_done(ctx, rc, why);
	rc = cmd_exam_demand_print(ctx, format, rows, n);
	if (n == (size_t)limit)
		fprintf(ctx->err, "more: exam demand list --after %" PRId64
		    "\n", rows[n - 1].id);
	exam_demand_rows_free(rows, n);
	return rc;
}

/* The ids argv[optind..] as numbers; a usage error for a bad one. */
static int
cmd_exam_ids(struct cmd_ctx *ctx, const char *verb, int argc, char **argv,
    int first, int64_t **ids, size_t *n)
{
	int	 i;

	*ids = NULL;
	*n = 0;
	if (first >= argc)
		return cmd_usage_error(ctx, "exam", verb, "give one or more"
		    " numbers");
	*ids = xcalloc((size_t)(argc - first), sizeof **ids);
	for (i = first; i < argc; i++) {
		if (((*ids)[(*n)++] = cmd_exam_id(argv[i])) < 1) {
			xfree(ids);
			return cmd_usage_error(ctx, "exam", verb, "'%s' is not"
			    " a number", text_valid(argv[i]) ? argv[i] : "?");
		}
	}
	return QD_EXIT_OK;
}

static int
cmd_exam_demand_report(struct cmd_ctx *ctx, int argc, char **argv)
{
	int64_t	*ids;
	size_t	 n;
	char	*why = NULL;
	int	 rc;

	if ((rc = cmd_exam_ids(ctx, "demand", argc, argv, 1, &ids, &n)) !=
	    QD_EXIT_OK)
		return rc;
	rc = db_exam_demand_report(ctx->db, ctx->actor, ids, n, &why);
	free(ids);
	if (rc == QD_OK)
		fprintf(ctx->out, "reported %zu demands\n", n);
	return cmd_exam_done(ctx, rc, why);
}

static int
cmd_exam_demand_withdraw(struct cmd_ctx *ctx, int argc, char **argv)
{
	char	*why = NULL;
	int64_t	 id;
	int	 rc;

	if (argc != 2 || (id = cmd_exam_id(argv[1])) < 1)
		return cmd_usage_error(ctx, "exam", "demand", "give the"
		    " demand's number");
	rc = db_exam_demand_withdraw(ctx->db, ctx->actor, id, 0, &why);
	if (rc == QD_OK)
		fprintf(ctx->out, "demand %" PRId64 " withdrawn\n", id);
	return cmd_exam_done(ctx, rc, why);
}

static const struct cmd_column cmd_exam_cell_columns[] = {
	{ "occupation_code", "CODE", CMD_STRING, 0, 0 },
	{ "occupation", "OCCUPATION", CMD_STRING, 0, 16 },
	{ "level", "LV", CMD_NUMBER, 0, 0 },
	{ "kind", "KIND", CMD_STRING, 0, 0 },
	{ "total", "TOTAL", CMD_NUMBER, 0, 0 },
	{ "in_taiwan", "IN_TW", CMD_NUMBER, 0, 0 },
	{ "oldest_days", "OLDEST", CMD_NUMBER, 0, 0 },
	{ "by_city", NULL, CMD_STRING, CMD_NOTEXT, 0 },
	{ NULL, "CITIES", CMD_STRING, CMD_TEXTONLY, 40 },
};

static int
cmd_exam_demand_table(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	struct cmd_rows		 out = { cmd_exam_cell_columns,
	    nitems(cmd_exam_cell_columns), NULL, 0 };
	struct qd_exam_cell	*cells = NULL;
	enum cmd_format		 format = CMD_FORMAT_TEXT;
	char			 lv[4], total[24], tw[24], age[16];
	char			*why = NULL;
	size_t			 n = 0, i;
	int			 c, rc;

	while ((c = cmd_getopt(ctx, "exam", argc, argv, opts, &rc)) != -1) {
		if (c == 'f' && (rc = cmd_exam_format(ctx, "demand", optarg,
		    CMD_FORMATS_ALL, &format)) != QD_EXIT_OK)
			return rc;
	}
	if (rc != QD_EXIT_OK)
		return rc;
	if ((rc = db_exam_demand_table(ctx->db, ctx->actor, &cells, &n,
	    &why)) != QD_OK)
		return cmd_exam_done(ctx, rc, why);
	for (i = 0; i < n; i++) {
		const char	*row[nitems(cmd_exam_cell_columns)] = {
			cells[i].occupation_code, cells[i].occupation, lv,
			cells[i].kind, total, tw, age, cells[i].by_code,
			cells[i].by_city
		};

		snprintf(lv, sizeof lv, "%d", cells[i].level);
		snprintf(total, sizeof total, "%" PRId64, cells[i].total);
		snprintf(tw, sizeof tw, "%" PRId64, cells[i].in_taiwan);
		snprintf(age, sizeof age, "%d", cells[i].oldest_days);
		cmd_rows_add(&out, row);
	}
	rc = cmd_rows_print(ctx, format, &out);
	cmd_rows_free(&out);
	exam_cells_free(cells, n);
	return rc;
}

static const struct cmd_exam_sub cmd_exam_demand_subs[] = {
	{ "add", cmd_exam_demand_add },
	{ "list", cmd_exam_demand_list },
	{ "report", cmd_exam_demand_report },
	{ "withdraw", cmd_exam_demand_withdraw },
	{ "table", cmd_exam_demand_table },
};

int
cmd_exam_demand(struct cmd_ctx *ctx, int argc, char **argv)
{
	return cmd_exam_dispatch(ctx, argc, argv, cmd_exam_demand_subs,
	    nitems(cmd_exam_demand_subs));
}
