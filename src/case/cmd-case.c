/*
 * The case verbs for scripts: cases list and find a page at a time, and
 * the steps a liaison's or reviewer's script takes (forward, take,
 * release). Everything goes through the data layer, which scopes it by
 * the actor: a liaison of Xiamen lists, finds and moves only Xiamen's
 * cases, whatever the command line asks for.
 */
#include <getopt.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "case/case.h"

#define CASE_DEFAULT_LIMIT	50
#define CASE_MAX_LIMIT		1000

static const struct {
	const char	*name;
	enum case_queue	 queue;
} cmd_case_queues[] = {
	{ "review", CASE_QUEUE_REVIEW },
	{ "agency", CASE_QUEUE_AGENCY },
	{ "outbox", CASE_QUEUE_OUTBOX },
	{ "inbox", CASE_QUEUE_INBOX },
};

static const char *const cmd_case_types[] = { "adoption", "recognition" };

/* The options of cases list and cases find, as given. */
struct cmd_case_opts {
	const char		*state;
	const char		*queue;
	const char		*office;
	const char		*type;
	const char		*channel;
	const char		*after;
	long long		 limit;
	enum cmd_format		 format;
};

/* A case of a list: text shows the date it waits since, scripts the time. */
static const struct cmd_column cmd_case_columns[] = {
	{ "id", "ID", CMD_NUMBER, 0, 0 },
	{ "applicant", "APPLICANT", CMD_STRING, 0, 16 },
	{ "mtp", "MTP", CMD_STRING, 0, 0 },
	{ "office", "OFFICE", CMD_STRING, 0, 14 },
	{ "type", "TYPE", CMD_STRING, 0, 0 },
	{ "tw_qual", NULL, CMD_STRING, CMD_NOTEXT, 0 },
	{ "state", NULL, CMD_STRING, CMD_NOTEXT, 0 },
	{ "state_name", "STATE", CMD_STRING, 0, 0 },
	{ "held_by", "HELD", CMD_OPTIONAL, 0, 12 },
	{ "since", NULL, CMD_STRING, CMD_NOTEXT, 0 },
	{ NULL, "SINCE", CMD_STRING, CMD_TEXTONLY, 0 },
	{ "age_days", "DAYS", CMD_NUMBER, 0, 0 },
	{ "occupation", "OCCUPATION", CMD_STRING, 0, 24 },
	{ "version", NULL, CMD_NUMBER, CMD_NOTEXT, 0 },
	{ "channel", NULL, CMD_STRING, CMD_NOTEXT, 0 },
	{ "missing", NULL, CMD_NUMBER, CMD_NOTEXT, 0 },
};
#define CMD_CASE_NCOLS (nitems(cmd_case_columns))

/* Print a page of cases in format. */
static int
cmd_case_print(struct cmd_ctx *ctx, enum cmd_format format,
    const struct qd_case_row *rows, size_t n)
{
	struct cmd_rows	 out = { cmd_case_columns, CMD_CASE_NCOLS, NULL, 0 };
	char		 id[24], age[24], version[24], day[11], missing[16];
	size_t		 i;
	int		 rc;

	for (i = 0; i < n; i++) {
		const struct qd_case_row	*r = &rows[i];
		const char			*cells[CMD_CASE_NCOLS] = {
			id, r->applicant_name, r->mtp_masked, r->office_name,
			r->type, r->tw_qual, r->state, r->state_name,
			r->held_by, r->since, day, age, r->occupation, version,
			r->channel, missing
		};

		snprintf(id, sizeof id, "%" PRId64, r->id);
		snprintf(age, sizeof age, "%d", r->age_days);
		snprintf(version, sizeof version, "%" PRId64, r->version);
		snprintf(day, sizeof day, "%.10s", r->since);
		snprintf(missing, sizeof missing, "%d", r->missing);
		cmd_rows_add(&out, cells);
	}
	rc = cmd_rows_print(ctx, format, &out);
	cmd_rows_free(&out);
	return rc;
}

/* " --NAME VALUE" for the "more:" line, when the option was given. */
static void
cmd_case_more_opt(FILE *f, const char *name, const char *value)
{
	if (value == NULL)
		return;
	fprintf(f, " --%s ", name);
	cmd_shell_word(f, value);
}

/* The command that reads the next page, on stderr for scripts. */
static void
cmd_case_more(struct cmd_ctx *ctx, const char *verb, const char *text,
    const struct cmd_case_opts *o, const char *next)
{
	char	 limit[24];

	fprintf(ctx->err, "more: %s", verb);
	if (text != NULL) {
		fputc(' ', ctx->err);
		cmd_shell_word(ctx->err, text);
	}
	cmd_case_more_opt(ctx->err, "state", o->state);
	cmd_case_more_opt(ctx->err, "queue", o->queue);
	cmd_case_more_opt(ctx->err, "office", o->office);
	cmd_case_more_opt(ctx->err, "type", o->type);
	cmd_case_more_opt(ctx->err, "channel", o->channel);
	snprintf(limit, sizeof limit, "%lld", o->limit);
	cmd_case_more_opt(ctx->err, "limit", limit);
	if (o->format != CMD_FORMAT_TEXT)
		cmd_case_more_opt(ctx->err, "format",
		    cmd_format_name(o->format));
	cmd_case_more_opt(ctx->err, "after", next);
	fputc('\n', ctx->err);
}

/* Parse the options of list and find; argv[optind] on is left. */
static int
cmd_case_getopt(struct cmd_ctx *ctx, const char *noun, int argc, char **argv,
    int with_filters, struct cmd_case_opts *o)
{
	static const struct option all[] = {
		{ "limit", required_argument, NULL, 'l' },
		{ "after", required_argument, NULL, 'a' },
		{ "format", required_argument, NULL, 'f' },
		{ "state", required_argument, NULL, 's' },
		{ "queue", required_argument, NULL, 'q' },
		{ "office", required_argument, NULL, 'o' },
		{ "type", required_argument, NULL, 't' },
		{ "channel", required_argument, NULL, 'c' },
		{ NULL, 0, NULL, 0 }
	};
	static const struct option paging[] = {
		{ "limit", required_argument, NULL, 'l' },
		{ "after", required_argument, NULL, 'a' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	int	 c, rc;

	memset(o, 0, sizeof *o);
	o->limit = CASE_DEFAULT_LIMIT;
	while ((c = cmd_getopt(ctx, noun, argc, argv, with_filters ? all :
	    paging, &rc)) != -1) {
		if (c == 'l' && (o->limit = cmd_number(optarg, 1,
		    CASE_MAX_LIMIT)) < 0)
			return cmd_usage_error(ctx, noun, argv[0],
			    "--limit is a number from 1 to %d", CASE_MAX_LIMIT);
		if (c == 'f' && cmd_format_parse(optarg, CMD_FORMATS_ALL,
		    &o->format) != QD_OK)
			return cmd_usage_error(ctx, noun, argv[0],
			    "--format is text, csv or json");
		if (c == 'a')
			o->after = optarg;
		else if (c == 's')
			o->state = optarg;
		else if (c == 'q')
			o->queue = optarg;
		else if (c == 'o')
			o->office = optarg;
		else if (c == 't')
			o->type = optarg;
		else if (c == 'c')
			o->channel = optarg;
	}
	return rc;
}

/* --state: one of case_states, which the schema holds. */
static int
cmd_case_state(struct cmd_ctx *ctx, const char *state, char **argv)
{
	sqlite3_stmt	*st;
	char		*list = NULL, *tmp;
	int		 found = 0;

	if (db_prepare(ctx->db, "SELECT state FROM case_states ORDER BY ord",
	    &st) != QD_OK)
		return cmd_fail(ctx, QD_EDB, NULL);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *s = (const char *)sqlite3_column_text(st, 0);

		found |= strcmp(s, state) == 0;
		xasprintf(&tmp, "%s%s%s", list != NULL ? list : "",
		    list != NULL ? ", " : "", s);
		free(list);
		list = tmp;
	}
	sqlite3_finalize(st);
	if (!found) {
		cmd_usage_error(ctx, "cases", argv[0], "unknown state '%s': one"
		    " of %s", text_valid(state) ? state : "?",
		    list != NULL ? list : "");
		free(list);
		return QD_EXIT_USAGE;
	}
	free(list);
	return QD_EXIT_OK;
}

/* The filter of cases list from its options; usage errors exit 2. */
static int
cmd_case_filter(struct cmd_ctx *ctx, char **argv,
    const struct cmd_case_opts *o, struct qd_case_filter *f)
{
	size_t	 i;
	int	 rc;

	memset(f, 0, sizeof *f);
	f->queue = CASE_QUEUE_ALL;
	if (o->queue != NULL && o->state != NULL)
		return cmd_usage_error(ctx, "cases", argv[0], "give --queue or"
		    " --state, not both");
	for (i = 0; o->queue != NULL && i < nitems(cmd_case_queues); i++) {
		if (strcmp(o->queue, cmd_case_queues[i].name) == 0)
			f->queue = cmd_case_queues[i].queue;
	}
	if (o->queue != NULL && f->queue == CASE_QUEUE_ALL)
		return cmd_usage_error(ctx, "cases", argv[0], "unknown queue"
		    " '%s': one of review, agency, outbox, inbox",
		    text_valid(o->queue) ? o->queue : "?");
	for (i = 0; o->type != NULL && i < nitems(cmd_case_types); i++) {
		if (strcmp(o->type, cmd_case_types[i]) == 0)
			f->type = cmd_case_types[i];
	}
	if (o->type != NULL && f->type == NULL)
		return cmd_usage_error(ctx, "cases", argv[0], "unknown type"
		    " '%s': one of adoption, recognition",
		    text_valid(o->type) ? o->type : "?");
	if (o->channel != NULL && !case_channel_valid(o->channel))
		return cmd_usage_error(ctx, "cases", argv[0], "unknown channel"
		    " '%s': one of window, app, platform, email, post",
		    text_valid(o->channel) ? o->channel : "?");
	f->channel = o->channel;
	if (o->state != NULL &&
	    (rc = cmd_case_state(ctx, o->state, argv)) != QD_EXIT_OK)
		return rc;
	f->state = o->state;
	if (o->office != NULL &&
	    (rc = cmd_office_id(ctx, "cases", o->office, argv,
	    &f->office_id)) !=
	    QD_EXIT_OK)
		return rc;
	return QD_EXIT_OK;
}

/* Print a page (rows freed here) and where the next one starts. */
static int
cmd_case_page(struct cmd_ctx *ctx, int rc, const char *verb,
    const char *text, const struct cmd_case_opts *o, struct qd_case_row *rows,
    size_t n, char *next, char *why)
{
	if (rc != QD_OK)
		rc = cmd_fail(ctx, rc, why);
	else if ((rc = cmd_case_print(ctx, o->format, rows, n)) ==
	    QD_EXIT_OK && next != NULL)
		cmd_case_more(ctx, verb, text, o, next);
	case_rows_free(rows, n);
	free(next);
	free(why);
	return rc;
}

int
cmd_cases_list(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct cmd_case_opts	 o;
	struct qd_case_filter	 f;
	struct qd_case_row	*rows = NULL;
	char			*next = NULL, *why = NULL;
	size_t			 n = 0;
	int			 rc;

	if ((rc = cmd_case_getopt(ctx, "cases", argc, argv, 1, &o)) !=
	    QD_EXIT_OK)
		return rc;
	if (argc != optind)
		return cmd_usage_error(ctx, "cases", argv[0],
		    "takes only options");
	if ((rc = cmd_case_filter(ctx, argv, &o, &f)) != QD_EXIT_OK)
		return rc;
	rc = db_case_list(ctx->db, ctx->actor, &f, o.after, (int)o.limit,
	    &rows, &n, &next, &why);
	return cmd_case_page(ctx, rc, "cases list", NULL, &o, rows, n, next,
	    why);
}

int
cmd_cases_find(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct cmd_case_opts	 o;
	struct qd_case_row	*rows = NULL;
	char			*next = NULL, *why = NULL;
	size_t			 n = 0;
	int			 rc;

	if ((rc = cmd_case_getopt(ctx, "cases", argc, argv, 0, &o)) !=
	    QD_EXIT_OK)
		return rc;
	if (argc - optind != 1)
		return cmd_usage_error(ctx, "cases", argv[0], "give one TEXT: a"
		    " name, an MTP number or a case number");
	rc = db_case_find(ctx->db, ctx->actor, argv[optind], o.after,
	    (int)o.limit, &rows, &n, &next, &why);
	return cmd_case_page(ctx, rc, "cases find", argv[optind], &o, rows, n,
	    next, why);
}

static int	 cmd_case_numbers(struct cmd_ctx *, int, char **, int,
		    int64_t **, size_t *);

/* The case numbers after the options: each a positive number, once. */
static int
cmd_case_ids(struct cmd_ctx *ctx, int argc, char **argv, int max,
    int64_t **ids, size_t *n)
{
	static const struct option none[] = { { NULL, 0, NULL, 0 } };
	int		 rc;

	while (cmd_getopt(ctx, "cases", argc, argv, none, &rc) != -1)
		;
	if (rc != QD_EXIT_OK)
		return rc;
	return cmd_case_numbers(ctx, argc, argv, max, ids, n);
}

/* The case numbers from argv[optind] on: each a positive number, once. */
static int
cmd_case_numbers(struct cmd_ctx *ctx, int argc, char **argv, int max,
    int64_t **ids, size_t *n)
{
	long long	 v;
	size_t		 i;

	*ids = NULL;
	*n = 0;
	if (argc == optind || (max == 1 && argc - optind != 1))
		return cmd_usage_error(ctx, "cases", argv[0], max == 1 ?
		    "give one case number" : "give case numbers");
	*ids = xreallocarray(NULL, (size_t)(argc - optind), sizeof **ids);
	for (; optind < argc; optind++) {
		if ((v = cmd_number(argv[optind], 1, INT64_MAX)) < 0) {
			xfree(ids);
			*n = 0;
			return cmd_usage_error(ctx, "cases", argv[0], "'%s' is"
			    " not a case number", text_valid(argv[optind]) ?
			    argv[optind] : "?");
		}
		for (i = 0; i < *n && (*ids)[i] != v; i++)
			;
		if (i == *n)
			(*ids)[(*n)++] = v;
	}
	return QD_EXIT_OK;
}

int
cmd_cases_forward(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "reason", required_argument, NULL, 'r' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	enum cmd_format	 format = CMD_FORMAT_TEXT;
	const char	*reason = NULL;
	int64_t		*ids;
	char		*why = NULL;
	size_t		 n, i;
	int		 c, rc;

	while ((c = cmd_getopt(ctx, "cases", argc, argv, opts, &rc)) != -1) {
		if (c == 'r')
			reason = optarg;
		else if (c == 'f' && cmd_format_parse(optarg,
		    (1 << CMD_FORMAT_TEXT) | (1 << CMD_FORMAT_JSON), &format) !=
		    QD_OK)
			return cmd_usage_error(ctx, "cases", argv[0],
			    "--format is text or json");
	}
	if (rc != QD_EXIT_OK)
		return rc;
	if ((rc = cmd_case_numbers(ctx, argc, argv, 0, &ids, &n)) !=
	    QD_EXIT_OK)
		return rc;
	if ((rc = db_case_forward_reason(ctx->db, ctx->actor, ids, n, reason,
	    &why)) != QD_OK)
		rc = cmd_fail(ctx, rc, why);
	else if (format == CMD_FORMAT_JSON) {
		fputs("{\"action\": \"forward\", \"ids\": [", ctx->out);
		for (i = 0; i < n; i++)
			fprintf(ctx->out, "%s%" PRId64, i > 0 ? ", " : "",
			    ids[i]);
		fputs("]}\n", ctx->out);
	} else {
		fprintf(ctx->out, "forwarded");
		for (i = 0; i < n; i++)
			fprintf(ctx->out, " %" PRId64, ids[i]);
		fputc('\n', ctx->out);
	}
	free(ids);
	free(why);
	return rc;
}

/* take or release one case at the version it has now. */
static int
cmd_case_hold(struct cmd_ctx *ctx, int argc, char **argv, int take)
{
	struct qd_case	*c = NULL;
	int64_t		*ids;
	char		*why = NULL;
	size_t		 n;
	int		 rc;

	if ((rc = cmd_case_ids(ctx, argc, argv, 1, &ids, &n)) != QD_EXIT_OK)
		return rc;
	/* A script has no stale screen: the version is the current one. */
	if ((rc = db_case_get(ctx->db, ctx->actor, ids[0], &c, &why)) == QD_OK)
		rc = (take ? db_case_take : db_case_release)(ctx->db,
		    ctx->actor, ids[0], c->version, &why);
	if (rc != QD_OK)
		rc = cmd_fail(ctx, rc, why);
	else
		fprintf(ctx->out, "%s case %" PRId64 "\n", take ? "took" :
		    "released", ids[0]);
	case_free(c);
	free(ids);
	free(why);
	return rc;
}

int
cmd_cases_take(struct cmd_ctx *ctx, int argc, char **argv)
{
	return cmd_case_hold(ctx, argc, argv, 1);
}

int
cmd_cases_release(struct cmd_ctx *ctx, int argc, char **argv)
{
	return cmd_case_hold(ctx, argc, argv, 0);
}
