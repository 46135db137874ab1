/*
 * The plan verbs: `exam plan add|list|show` and its steps (publish,
 * close-reg, hold, record, close, cancel), which are the rows of
 * exam_plan_transitions.
 */
#include <getopt.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "exam/exam.h"
#include "exam/cmd-exam.h"

#define CMD_EXAM_SITTINGS_MAX	20

/* Parse "MODE:CITY:VENUE:CAPACITY" (CITY "-" when cross-border). */
static int
cmd_exam_sitting(struct cmd_ctx *ctx, char *arg, char **argv,
    struct qd_exam_sitting_new *s)
{
	char	*mode, *city, *venue, *cap;

	mode = strsep(&arg, ":");
	city = strsep(&arg, ":");
	venue = strsep(&arg, ":");
	cap = arg;
	if (city == NULL || venue == NULL || cap == NULL)
		return cmd_usage_error(ctx, "exam", "plan", "--sitting is"
		    " MODE:CITY:VENUE:CAPACITY, e.g. onsite:xiamen:厦门考点:30"
		    " or remote:-:台北考点:20");
	s->mode = mode;
	s->venue = venue;
	s->office_id = 0;
	if ((s->capacity = (int)cmd_number(cap, 1, 10000)) < 1)
		return cmd_usage_error(ctx, "exam", "plan", "a sitting's"
		    " capacity is 1 to 10000");
	if (strcmp(city, "-") != 0)
		return cmd_office_id(ctx, "exam", city, argv, &s->office_id);
	return QD_EXIT_OK;
}

static int
cmd_exam_plan_add(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "kind", required_argument, NULL, 'k' },
		{ "professional", no_argument, NULL, 'P' },
		{ "occupation", required_argument, NULL, 'o' },
		{ "level", required_argument, NULL, 'l' },
		{ "agency", required_argument, NULL, 'a' },
		{ "body", required_argument, NULL, 'b' },
		{ "date", required_argument, NULL, 'd' },
		{ "time", required_argument, NULL, 't' },
		{ "deadline", required_argument, NULL, 'D' },
		{ "fee", required_argument, NULL, 'F' },
		{ "notes", required_argument, NULL, 'n' },
		{ "sitting", required_argument, NULL, 's' },
		{ "from-cell", no_argument, NULL, 'c' },
		{ NULL, 0, NULL, 0 }
	};
	struct qd_exam_sitting_new	 sit[CMD_EXAM_SITTINGS_MAX];
	struct qd_exam_plan_new		 nf = { .sittings = sit };
	const char			*occupation = NULL, *agency = NULL;
	char				*why = NULL;
	int64_t				 id = 0;
	int				 c, rc, invited = 0;

	while ((c = cmd_getopt(ctx, "exam", argc, argv, opts, &rc)) != -1) {
		rc = QD_EXIT_OK;
		if (c == 'k')
			nf.kind = optarg;
		else if (c == 'P')
			nf.professional = 1;
		else if (c == 'o')
			occupation = optarg;
		else if (c == 'l' && (nf.level = (int)cmd_number(optarg, 1,
		    5)) < 1)
			rc = cmd_usage_error(ctx, "exam", "plan",
			    "--level is 1 to 5");
		else if (c == 'a')
			agency = optarg;
		else if (c == 'b')
			nf.body_name = optarg;
		else if (c == 'd')
			nf.exam_on = optarg;
		else if (c == 't')
			nf.start_time = optarg;
		else if (c == 'D')
			nf.deadline = optarg;
		else if (c == 'F')
			nf.fee_note = optarg;
		else if (c == 'n')
			nf.notes = optarg;
		else if (c == 'c')
			nf.from_cell = 1;
		else if (c == 's') {
			if (nf.nsittings == CMD_EXAM_SITTINGS_MAX)
				rc = cmd_usage_error(ctx, "exam", "plan",
				    "at most %d sittings",
				    CMD_EXAM_SITTINGS_MAX);
			else
				rc = cmd_exam_sitting(ctx, optarg, argv,
				    &sit[nf.nsittings++]);
		}
		if (rc != QD_EXIT_OK)
			return rc;
	}
	if (rc != QD_EXIT_OK)
		return rc;
	if (nf.kind == NULL || nf.level == 0 || nf.exam_on == NULL ||
	    nf.start_time == NULL || nf.deadline == NULL || argc != optind)
		return cmd_usage_error(ctx, "exam", "plan", "give --kind,"
		    " --occupation, --level, --date, --time, --deadline and"
		    " one --sitting or more");
	if ((rc = cmd_exam_occupation(ctx, "plan", occupation,
	    &nf.occupation_id)) != QD_EXIT_OK)
		return rc;
	if (agency != NULL && db_exam_agency_id(ctx->db, agency,
	    &nf.agency_id) != QD_OK)
		return cmd_usage_error(ctx, "exam", "plan", "没有考评机构 no"
		    " agency '%s': give its name or number, or --body NAME for"
		    " another body", text_valid(agency) ? agency : "?");
	rc = db_exam_plan_add(ctx->db, ctx->actor, &nf, &id, &invited, &why);
	if (rc == QD_OK)
		fprintf(ctx->out, "plan %" PRId64 " drafted, %d invited\n", id,
		    invited);
	rc = cmd_fail(ctx, rc, why);
	free(why);
	return rc;
}

static const struct cmd_column cmd_exam_plan_columns[] = {
	{ "id", "ID", CMD_NUMBER, 0, 0 },
	{ "state", NULL, CMD_STRING, CMD_NOTEXT, 0 },
	{ "state_name", "STATE", CMD_STRING, 0, 0 },
	{ "kind", "KIND", CMD_STRING, 0, 0 },
	{ "professional", "PRO", CMD_BOOL, 0, 0 },
	{ "occupation", "OCCUPATION", CMD_STRING, 0, 14 },
	{ "level", "LV", CMD_NUMBER, 0, 0 },
	{ "exam_on", "DATE", CMD_STRING, 0, 0 },
	{ "deadline", "DEADLINE", CMD_STRING, 0, 0 },
	{ "capacity", "SEATS", CMD_NUMBER, 0, 0 },
	{ "seated", "TAKEN", CMD_NUMBER, 0, 0 },
	{ "waiting", "WAIT", CMD_NUMBER, 0, 0 },
	{ "body", "BODY", CMD_STRING, 0, 16 },
	{ "version", NULL, CMD_NUMBER, CMD_NOTEXT, 0 },
};

static int
cmd_exam_plan_list(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "state", required_argument, NULL, 's' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	struct cmd_rows		 out = { cmd_exam_plan_columns,
	    nitems(cmd_exam_plan_columns), NULL, 0 };
	struct qd_exam_plan	*list = NULL;
	enum cmd_format		 format = CMD_FORMAT_TEXT;
	const char		*state = NULL;
	char			 id[24], lv[4], cap[16], seated[16], wait[16];
	char			 ver[24], *why = NULL;
	size_t			 n = 0, i;
	int			 c, rc;

	while ((c = cmd_getopt(ctx, "exam", argc, argv, opts, &rc)) != -1) {
		if (c == 's')
			state = optarg;
		else if (c == 'f' && (rc = cmd_exam_format(ctx, "plan", optarg,
		    CMD_FORMATS_ALL, &format)) != QD_EXIT_OK)
			return rc;
	}
	if (rc != QD_EXIT_OK)
		return rc;
	if ((rc = db_exam_plan_list(ctx->db, ctx->actor, state, &list, &n,
	    &why)) != QD_OK) {
		rc = cmd_fail(ctx, rc, why);
		free(why);
		return rc;
	}
	for (i = 0; i < n; i++) {
		const struct qd_exam_plan	*p = &list[i];
		const char	*row[nitems(cmd_exam_plan_columns)] = {
			id, p->state, exam_plan_state_label(p->state), p->kind,
			p->professional ? "1" : "0", p->occupation, lv,
			p->exam_on, p->deadline, cap, seated, wait, p->body,
			ver
		};

		snprintf(id, sizeof id, "%" PRId64, p->id);
		snprintf(lv, sizeof lv, "%d", p->level);
		snprintf(cap, sizeof cap, "%d", p->capacity);
		snprintf(seated, sizeof seated, "%d", p->seated);
		snprintf(wait, sizeof wait, "%d", p->waiting);
		snprintf(ver, sizeof ver, "%" PRId64, p->version);
		cmd_rows_add(&out, row);
	}
	rc = cmd_rows_print(ctx, format, &out);
	cmd_rows_free(&out);
	exam_plans_free(list, n);
	return rc;
}

static void
cmd_exam_plan_text(struct cmd_ctx *ctx, const struct qd_exam_plan *p,
    const struct qd_exam_step *steps, size_t nsteps)
{
	FILE	*f = ctx->out;
	char	*s;
	size_t	 i;

	fprintf(f, "plan %" PRId64 "  %s  (version %" PRId64 ")\n", p->id,
	    exam_plan_state_label(p->state), p->version);
	xasprintf(&s, "%s %s  %s%s", p->occupation, p->level_name,
	    exam_kind_label(p->kind), p->professional ?
	    "  专业技术类 professional-technical" : "");
	cmd_label_line(f, "exam", s, 10);
	free(s);
	cmd_label_line(f, "body", p->body, 10);
	xasprintf(&s, "%s %s, register by %s", p->exam_on, p->start_time,
	    p->deadline);
	cmd_label_line(f, "when", s, 10);
	free(s);
	cmd_label_line(f, "fee", p->fee_note, 10);
	cmd_label_line(f, "notes", p->notes, 10);
	cmd_label_line(f, "reason", p->reason, 10);
	xasprintf(&s, "%d of %d seats taken, %d waiting, %d invited",
	    p->seated, p->capacity, p->waiting, p->invited);
	cmd_label_line(f, "seats", s, 10);
	free(s);
	for (i = 0; i < p->nsittings; i++) {
		const struct qd_exam_sitting	*t = &p->sittings[i];

		xasprintf(&s, "%" PRId64 "  %s %s%s  %d/%d, %d waiting", t->id,
		    exam_mode_label(t->mode), t->office_name,
		    t->venue, t->seated, t->capacity, t->waiting);
		cmd_label_line(f, "sitting", s, 10);
		free(s);
	}
	for (i = 0; i < nsteps; i++) {
		xasprintf(&s, "%s  %s %s", steps[i].action, steps[i].name_zh,
		    steps[i].name_en);
		cmd_label_line(f, "may", s, 10);
		free(s);
	}
}

static void
cmd_exam_plan_json(struct cmd_ctx *ctx, const struct qd_exam_plan *p)
{
	FILE	*f = ctx->out;
	size_t	 i;

	fputc('{', f);
	cmd_json_number(f, "id", p->id, 1);
	cmd_json_string(f, "state", p->state, 1);
	cmd_json_string(f, "kind", p->kind, 1);
	cmd_json_number(f, "professional", p->professional, 1);
	cmd_json_string(f, "occupation", p->occupation, 1);
	cmd_json_number(f, "level", p->level, 1);
	cmd_json_string(f, "body", p->body, 1);
	cmd_json_string(f, "exam_on", p->exam_on, 1);
	cmd_json_string(f, "start_time", p->start_time, 1);
	cmd_json_string(f, "deadline", p->deadline, 1);
	cmd_json_number(f, "capacity", p->capacity, 1);
	cmd_json_number(f, "seated", p->seated, 1);
	cmd_json_number(f, "waiting", p->waiting, 1);
	cmd_json_number(f, "invited", p->invited, 1);
	cmd_json_number(f, "version", p->version, 1);
	fputs("\"sittings\": [", f);
	for (i = 0; i < p->nsittings; i++) {
		fputs(i > 0 ? ", {" : "{", f);
		cmd_json_number(f, "id", p->sittings[i].id, 1);
		cmd_json_string(f, "mode", p->sittings[i].mode, 1);
		cmd_json_string(f, "city", p->sittings[i].office_name, 1);
		cmd_json_string(f, "venue", p->sittings[i].venue, 1);
		cmd_json_number(f, "capacity", p->sittings[i].capacity, 1);
		cmd_json_number(f, "seated", p->sittings[i].seated, 1);
		cmd_json_number(f, "waiting", p->sittings[i].waiting, 0);
		fputc('}', f);
	}
	fputs("]}\n", f);
}

static int
cmd_exam_plan_show(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	struct qd_exam_plan	*p = NULL;
	struct qd_exam_step	*steps = NULL;
	enum cmd_format		 format = CMD_FORMAT_TEXT;
	char			*why = NULL;
	size_t			 n = 0;
	int64_t			 id;
	int			 c, rc;

	while ((c = cmd_getopt(ctx, "exam", argc, argv, opts, &rc)) != -1) {
		if (c == 'f' && (rc = cmd_exam_format(ctx, "plan", optarg,
		    (1 << CMD_FORMAT_TEXT) | (1 << CMD_FORMAT_JSON), &format)) !=
		    QD_EXIT_OK)
			return rc;
	}
	if (rc != QD_EXIT_OK)
		return rc;
	if (argc - optind != 1 || (id = cmd_exam_id(argv[optind])) < 1)
		return cmd_usage_error(ctx, "exam", "plan", "give the plan's"
		    " number");
	if ((rc = db_exam_plan_get(ctx->db, ctx->actor, id, &p, &why)) !=
	    QD_OK) {
		rc = cmd_fail(ctx, rc, why);
		free(why);
		return rc;
	}
	db_exam_plan_steps(ctx->db, ctx->actor, p, &steps, &n);
	if (format == CMD_FORMAT_JSON)
		cmd_exam_plan_json(ctx, p);
	else
		cmd_exam_plan_text(ctx, p, steps, n);
	exam_steps_free(steps, n);
	exam_plan_free(p);
	return QD_EXIT_OK;
}

/* A step: `exam plan publish N`, `exam plan cancel N --reason T`. */
static int
cmd_exam_plan_move(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "reason", required_argument, NULL, 'r' },
		{ "version", required_argument, NULL, 'v' },
		{ NULL, 0, NULL, 0 }
	};
	const char	*reason = NULL;
	char		 action[16], *why = NULL;
	long long	 version = 0;
	int64_t		 id;
	int		 c, rc;

	snprintf(action, sizeof action, "%s", strcmp(argv[0], "close-reg") ==
	    0 ? "close_reg" : argv[0]);
	while ((c = cmd_getopt(ctx, "exam", argc, argv, opts, &rc)) != -1) {
		if (c == 'r')
			reason = optarg;
		else if (c == 'v' && (version = cmd_number(optarg, 1,
		    INT64_MAX / 2)) < 1)
			return cmd_usage_error(ctx, "exam", "plan",
			    "--version is a number");
	}
	if (rc != QD_EXIT_OK)
		return rc;
	if (argc - optind != 1 || (id = cmd_exam_id(argv[optind])) < 1)
		return cmd_usage_error(ctx, "exam", "plan", "give the plan's"
		    " number");
	if (strcmp(action, "cancel") == 0 && reason == NULL)
		return cmd_usage_error(ctx, "exam", "plan", "cancel needs"
		    " --reason TEXT: it is sent to the cities");
	rc = db_exam_plan_step(ctx->db, ctx->actor, id, version, action,
	    reason, &why);
	if (rc == QD_OK)
		fprintf(ctx->out, "plan %" PRId64 ": %s\n", id, action);
	rc = cmd_fail(ctx, rc, why);
	free(why);
	return rc;
}

static const struct cmd_exam_sub cmd_exam_plan_subs[] = {
	{ "add", cmd_exam_plan_add },
	{ "list", cmd_exam_plan_list },
	{ "show", cmd_exam_plan_show },
	{ "publish", cmd_exam_plan_move },
	{ "close-reg", cmd_exam_plan_move },
	{ "hold", cmd_exam_plan_move },
	{ "record", cmd_exam_plan_move },
	{ "close", cmd_exam_plan_move },
	{ "cancel", cmd_exam_plan_move },
};

int
cmd_exam_plan(struct cmd_ctx *ctx, int argc, char **argv)
{
	return cmd_exam_dispatch(ctx, argc, argv, cmd_exam_plan_subs,
	    nitems(cmd_exam_plan_subs));
}
