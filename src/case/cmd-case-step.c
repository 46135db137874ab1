/*
 * The steps of a case for scripts: approve, reject, return, route,
 * confirm, notify, collect, withdraw. Each is the data layer's step, with
 * its checks of role, office and state and its audit, on the case as it
 * is now (or at --version, which a script read before). Text or JSON
 * out; the exit status says how it went (qualdesk(8)).
 */
#include <getopt.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "case/case.h"
#include "catalog/catalog.h"
#include "cert/cert.h"

/* The options a step may take, one bit each. */
#define STEP_REASON	0x001
#define STEP_OCCUPATION	0x002
#define STEP_LEVEL	0x004
#define STEP_AGENCY	0x008
#define STEP_REF	0x010
#define STEP_CHANNEL	0x020
#define STEP_TEXT	0x040
#define STEP_DATE	0x080
#define STEP_MISSING	0x100

/* What the command line gave. */
struct step_args {
	int64_t		 id;
	long long	 version;	/* 0: as the case is now */
	enum cmd_format	 format;
	int		 given;		/* STEP_* seen */
	const char	*reason;
	const char	*occupation;
	long long	 level;
	const char	*agency;
	const char	*ref;
	const char	*channel;
	const char	*text;
	const char	*date;
	const char	*missing;
	int64_t		 notice;	/* set by notify */
	const char	*delivery;	/* "sent", "failed", "recorded" */
};

struct step_verb {
	const char	*verb;
	const char	*done;		/* "approved" */
	int		 allowed;	/* STEP_* it takes */
	int		 required;	/* STEP_* it needs */
	int		(*run)(struct cmd_ctx *, const struct qd_case *,
			    struct step_args *, char **why);
};

static const struct option step_options[] = {
	{ "version", required_argument, NULL, 'v' },
	{ "format", required_argument, NULL, 'f' },
	{ "reason", required_argument, NULL, STEP_REASON },
	{ "occupation", required_argument, NULL, STEP_OCCUPATION },
	{ "level", required_argument, NULL, STEP_LEVEL },
	{ "agency", required_argument, NULL, STEP_AGENCY },
	{ "ref", required_argument, NULL, STEP_REF },
	{ "channel", required_argument, NULL, STEP_CHANNEL },
	{ "text", required_argument, NULL, STEP_TEXT },
	{ "date", required_argument, NULL, STEP_DATE },
	{ "missing", required_argument, NULL, STEP_MISSING },
	{ NULL, 0, NULL, 0 }
};

/* The option's name for a message. */
static const char *
step_option_name(int bit)
{
	size_t	 i;

	for (i = 0; step_options[i].name != NULL; i++) {
		if (step_options[i].val == bit)
			return step_options[i].name;
	}
	return "?";
}

static int
step_approve(struct cmd_ctx *ctx, const struct qd_case *c,
    struct step_args *a, char **why)
{
	struct qd_occupation	*o = NULL;
	struct qd_catalog	*e = NULL;
	int64_t			 occupation = 0;
	int			 level = (int)a->level, rc;

	if (a->occupation != NULL) {
		if (db_occupation_find(ctx->db, a->occupation, &o) != QD_OK) {
			why_set(why, "目录中没有职业「%s」 no occupation '%s'"
			    " (give its code or name)", a->occupation,
			    a->occupation);
			return QD_EINVAL;
		}
		occupation = o->id;
		occupation_free_array(o, 1);
	} else if (c->catalog_id != 0 &&
	    db_catalog_get(ctx->db, c->catalog_id, &e, NULL) == QD_OK) {
		occupation = e->occupation_id;
		if (!(a->given & STEP_LEVEL))
			level = e->level;
		catalog_free_array(e, 1);
	} else {
		why_set(why, "此案件不在目录中：请给出 --occupation 和 --level"
		    " the case has no catalog entry: give --occupation and"
		    " --level");
		return QD_EINVAL;
	}
	if (level == 0) {
		why_set(why, "请给出 --level 1 至 5 give --level, 1 to 5");
		return QD_EINVAL;
	}
	rc = db_case_approve(ctx->db, ctx->actor, c->id, c->version,
	    occupation, level, why);
	return rc;
}

static int
step_reject(struct cmd_ctx *ctx, const struct qd_case *c,
    struct step_args *a, char **why)
{
	return db_case_reject(ctx->db, ctx->actor, c->id, c->version,
	    a->reason, why);
}

static int
step_return(struct cmd_ctx *ctx, const struct qd_case *c,
    struct step_args *a, char **why)
{
	return db_case_return(ctx->db, ctx->actor, c->id, c->version,
	    a->missing, why);
}

/* --agency: an agency's number or its name. */
static int
step_agency_id(struct cmd_ctx *ctx, const char *text, int64_t *id,
    char **why)
{
	struct qd_agency	*list = NULL;
	size_t			 i, n = 0;
	long long		 v;

	*id = 0;
	if ((v = cmd_number(text, 1, INT64_MAX)) > 0) {
		*id = v;
		return QD_OK;
	}
	if (db_agency_list(ctx->db, &list, &n, why) != QD_OK)
		return QD_EDB;
	for (i = 0; i < n && *id == 0; i++) {
		if (strcmp(list[i].name, text) == 0)
			*id = list[i].id;
	}
	agency_free_array(list, n);
	if (*id != 0)
		return QD_OK;
	why_set(why, "没有认定机构「%s」 no agency '%s' (agency list shows"
	    " them)", text_valid(text) ? text : "?",
	    text_valid(text) ? text : "?");
	return QD_EINVAL;
}

static int
step_route(struct cmd_ctx *ctx, const struct qd_case *c,
    struct step_args *a, char **why)
{
	int64_t	 agency = 0;
	int	 rc;

	if (a->agency != NULL &&
	    (rc = step_agency_id(ctx, a->agency, &agency, why)) != QD_OK)
		return rc;
	return db_case_route(ctx->db, ctx->actor, c->id, c->version, agency,
	    why);
}

static int
step_confirm(struct cmd_ctx *ctx, const struct qd_case *c,
    struct step_args *a, char **why)
{
	return db_case_confirm(ctx->db, ctx->actor, c->id, c->version, a->ref,
	    why);
}

/* Record the notice (the usual words unless --text) and deliver it. */
static int
step_notify(struct cmd_ctx *ctx, const struct qd_case *c,
    struct step_args *a, char **why)
{
	char	*text = NULL, *ignore = NULL;
	int	 rc;

	if (a->text == NULL)
		text = notice_text(ctx->db, c);
	rc = db_case_notify(ctx->db, ctx->actor, c->id, c->version,
	    a->channel, a->text != NULL ? a->text : text, &a->notice, why);
	free(text);
	if (rc != QD_OK)
		return rc;
	/* The step is done; how the delivery went is said, not failed. */
	rc = notice_deliver(ctx->db, ctx->actor, ctx->cfg, a->notice, &ignore);
	a->delivery = rc == QD_OK ? "sent" : rc == QD_ENOTFOUND ? "recorded" :
	    "failed";
	if (rc != QD_OK && rc != QD_ENOTFOUND)
		fprintf(ctx->err, "%s: 通知已记录，发送失败 the notice is"
		    " recorded; delivery failed: %s\n", QD_NAME,
		    ignore != NULL ? ignore : "");
	free(ignore);
	return QD_OK;
}

static int
step_collect(struct cmd_ctx *ctx, const struct qd_case *c,
    struct step_args *a, char **why)
{
	char		 today[11];
	time_t		 now = time(NULL);
	struct tm	 tm;

	/* China time: the day at the window. */
	now += 8 * 3600;
	gmtime_r(&now, &tm);
	strftime(today, sizeof today, "%Y-%m-%d", &tm);
	return db_case_collect(ctx->db, ctx->actor, c->id, c->version,
	    a->date != NULL ? a->date : today, why);
}

static int
step_withdraw(struct cmd_ctx *ctx, const struct qd_case *c,
    struct step_args *a, char **why)
{
	return db_case_withdraw(ctx->db, ctx->actor, c->id, c->version,
	    a->reason, why);
}

static const struct step_verb step_verbs[] = {
	{ "approve", "approved", STEP_OCCUPATION | STEP_LEVEL, 0,
	  step_approve },
	{ "reject", "rejected", STEP_REASON, STEP_REASON, step_reject },
	{ "return", "returned", STEP_MISSING, STEP_MISSING, step_return },
	{ "route", "routed", STEP_AGENCY, 0, step_route },
	{ "confirm", "confirmed", STEP_REF, STEP_REF, step_confirm },
	{ "notify", "notified", STEP_CHANNEL | STEP_TEXT, STEP_CHANNEL,
	  step_notify },
	{ "collect", "collected", STEP_DATE, 0, step_collect },
	{ "withdraw", "withdrew", STEP_REASON, 0, step_withdraw },
};

/* Keep what option c gave in a. */
static void
step_arg_set(struct step_args *a, int c, const char *v)
{
	a->given |= c;
	switch (c) {
	case STEP_REASON: a->reason = v; break;
	case STEP_OCCUPATION: a->occupation = v; break;
	case STEP_AGENCY: a->agency = v; break;
	case STEP_REF: a->ref = v; break;
	case STEP_CHANNEL: a->channel = v; break;
	case STEP_TEXT: a->text = v; break;
	case STEP_DATE: a->date = v; break;
	case STEP_MISSING: a->missing = v; break;
	}
}

/* Parse the command line of verb s; an exit code. */
static int
step_parse(struct cmd_ctx *ctx, const struct step_verb *s, int argc,
    char **argv, struct step_args *a)
{
	int	 c, rc, bit;

	memset(a, 0, sizeof *a);
	while ((c = cmd_getopt(ctx, "cases", argc, argv, step_options,
	    &rc)) != -1) {
		if (c == 'f') {
			if (cmd_format_parse(optarg, (1 << CMD_FORMAT_TEXT) |
			    (1 << CMD_FORMAT_JSON), &a->format) != QD_OK)
				return cmd_usage_error(ctx, "cases", argv[0],
				    "--format is text or json");
		} else if (c == 'v') {
			if ((a->version = cmd_number(optarg, 1, INT64_MAX)) < 0)
				return cmd_usage_error(ctx, "cases", argv[0],
				    "--version is the case's version number");
		} else if (!(s->allowed & c))
			return cmd_usage_error(ctx, "cases", argv[0],
			    "%s takes no --%s", s->verb, step_option_name(c));
		else if (c == STEP_LEVEL) {
			a->given |= c;
			if ((a->level = cmd_number(optarg, 1, 5)) < 0)
				return cmd_usage_error(ctx, "cases", argv[0],
				    "--level is 1 to 5");
		} else
			step_arg_set(a, c, optarg);
	}
	if (rc != QD_EXIT_OK)
		return rc;
	for (bit = 1; bit <= STEP_MISSING; bit <<= 1) {
		if ((s->required & bit) && !(a->given & bit))
			return cmd_usage_error(ctx, "cases", argv[0],
			    "%s needs --%s", s->verb, step_option_name(bit));
	}
	if (argc - optind != 1 ||
	    (a->id = cmd_number(argv[optind], 1, INT64_MAX)) < 0)
		return cmd_usage_error(ctx, "cases", argv[0],
		    "give one case number");
	return QD_EXIT_OK;
}

/* Say what the step did, the case as it is now. */
static void
step_print(struct cmd_ctx *ctx, const struct step_verb *s,
    const struct step_args *a)
{
	struct qd_case	*c = NULL;
	struct qd_cert	*cert = NULL;

	if (db_case_get(ctx->db, ctx->actor, a->id, &c, NULL) != QD_OK)
		return;
	if (db_cert_get_case(ctx->db, ctx->actor, a->id, &cert, NULL) !=
	    QD_OK)
		cert = NULL;
	if (a->format == CMD_FORMAT_JSON) {
		fputs("{", ctx->out);
		cmd_json_number(ctx->out, "id", c->id, 1);
		cmd_json_string(ctx->out, "action", s->verb, 1);
		cmd_json_string(ctx->out, "state", c->state, 1);
		cmd_json_string(ctx->out, "state_name", c->state_name, 1);
		if (cert != NULL)
			cmd_json_string(ctx->out, "certificate", cert->number,
			    1);
		if (a->notice != 0) {
			cmd_json_number(ctx->out, "notice", a->notice, 1);
			cmd_json_string(ctx->out, "delivery", a->delivery, 1);
		}
		cmd_json_number(ctx->out, "version", c->version, 0);
		fputs("}\n", ctx->out);
	} else {
		fprintf(ctx->out, "%s case %" PRId64 ": %s (version %" PRId64
		    ")", s->done, c->id, c->state_name, c->version);
		if (cert != NULL && strcmp(s->verb, "collect") != 0)
			fprintf(ctx->out, "  certificate %s", cert->number);
		if (a->notice != 0)
			fprintf(ctx->out, "  notice %" PRId64 " %s", a->notice,
			    a->delivery);
		fputc('\n', ctx->out);
	}
	cert_free(cert);
	case_free(c);
}

/* Run the step verb names on one case. */
static int
step_run(struct cmd_ctx *ctx, int argc, char **argv)
{
	const struct step_verb	*s = NULL;
	struct step_args	 a;
	struct qd_case		*c = NULL;
	char			*why = NULL;
	size_t			 i;
	int			 rc;

	for (i = 0; i < nitems(step_verbs); i++) {
		if (strcmp(step_verbs[i].verb, argv[0]) == 0)
			s = &step_verbs[i];
	}
	if (s == NULL)
		fatal("no case step '%s'", argv[0]);
	if ((rc = step_parse(ctx, s, argc, argv, &a)) != QD_EXIT_OK)
		return rc;
	if ((rc = db_case_get(ctx->db, ctx->actor, a.id, &c, &why)) ==
	    QD_OK) {
		/* A script that read the case says at which version. */
		if (a.version != 0 && a.version != c->version) {
			why_set(&why, "案件 %" PRId64 " 现为第 %" PRId64 " 版，"
			    "不是第 %lld 版 case %" PRId64 " is at version %"
			    PRId64 ", not %lld: read it again", c->id,
			    c->version, a.version, c->id, c->version,
			    a.version);
			rc = QD_ECONFLICT;
		} else
			rc = s->run(ctx, c, &a, &why);
	}
	if (rc != QD_OK)
		rc = cmd_fail(ctx, rc, why);
	else
		step_print(ctx, s, &a);
	case_free(c);
	free(why);
	return rc;
}

int
cmd_cases_step(struct cmd_ctx *ctx, int argc, char **argv)
{
	return step_run(ctx, argc, argv);
}
