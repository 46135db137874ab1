/*
 * The subsidy verbs: `subsidy rate|rule|claim|batch VERB ...`, the same
 * authorisation over SSH as on screen (the data layer checks the actor).
 */
#include <stdlib.h>
#include <string.h>

#include "subsidy/subsidy.h"

#define S_FORMAT	"[--format text|csv|json]"

static int
s_usage(struct cmd_ctx *ctx, const char *noun, const char *verb,
    const char *usage)
{
	fprintf(ctx->err, "usage: %s subsidy %s %s %s\n", QD_NAME, noun, verb,
	    usage);
	return QD_EXIT_USAGE;
}

static int
s_format(struct cmd_ctx *ctx, const struct training_args *a,
    enum cmd_format *format)
{
	const char	*s = training_arg(a, "format");

	*format = CMD_FORMAT_TEXT;
	if (s != NULL && cmd_format_parse(s, CMD_FORMATS_ALL, format) !=
	    QD_OK) {
		fprintf(ctx->err, "%s: --format is text, csv or json\n",
		    QD_NAME);
		return QD_EXIT_USAGE;
	}
	return QD_EXIT_OK;
}

static int
s_done(struct cmd_ctx *ctx, int rc, char *why, const char *line)
{
	int	 exit = QD_EXIT_OK;

	if (rc == QD_OK)
		fprintf(ctx->out, "%s\n", line);
	else
		exit = cmd_fail(ctx, rc, why);
	free(why);
	return exit;
}

static long long
s_num(const char *s, long long min, long long max)
{
	return s != NULL ? cmd_number(s, min, max) : -1;
}

/* A list verb whose only arguments are --format and the given words. */
static int
s_list(struct cmd_ctx *ctx, const char *noun, const char *usage, int argc,
    char **argv, const struct cmd_column *cols, size_t ncols,
    int (*list)(sqlite3 *, const struct qd_user *, struct cmd_rows *,
    char **))
{
	struct training_args	 a = { .names = { "format", NULL } };
	struct cmd_rows		 rows = { cols, ncols, NULL, 0 };
	enum cmd_format		 format;
	char			*why = NULL;
	int			 rc;

	if ((rc = training_args_parse(ctx, noun, usage, argc, argv, &a)) !=
	    QD_EXIT_OK || (rc = s_format(ctx, &a, &format)) != QD_EXIT_OK)
		return rc;
	if (a.nwords != 0)
		return s_usage(ctx, noun + 8, argv[0], usage);
	rc = list(ctx->db, ctx->actor, &rows, &why);
	return cmd_training_print(ctx, rc, format, &rows, why);
}

static int
s_rate_list(struct cmd_ctx *ctx, const char *usage, int argc, char **argv)
{
	return s_list(ctx, "subsidy rate", usage, argc, argv,
	    subsidy_rate_columns, subsidy_rate_ncolumns, db_subsidy_rate_list);
}

static int
s_rate_add(struct cmd_ctx *ctx, const char *usage, int argc, char **argv)
{
	struct training_args	 a = { .names = { "kind", "level", "amount-fen",
				     "from", "to", "doc", "demo!", NULL } };
	struct subsidy_rate_new	 r;
	char			*why = NULL, line[64];
	long long		 level, amount;
	int64_t			 id = 0;
	int			 rc;

	if ((rc = training_args_parse(ctx, "subsidy rate", usage, argc, argv,
	    &a)) != QD_EXIT_OK)
		return rc;
	if (a.nwords != 0 || (level = s_num(training_arg(&a, "level"), 1,
	    5)) < 0 || (amount = s_num(training_arg(&a, "amount-fen"), 1,
	    100000000)) < 0)
		return s_usage(ctx, "rate", "add", usage);
	memset(&r, 0, sizeof r);
	r.kind = training_arg(&a, "kind");
	r.level = (int)level;
	r.amount_fen = amount;
	r.valid_from = training_arg(&a, "from");
	r.valid_to = training_arg(&a, "to");
	r.doc_no = training_arg(&a, "doc");
	r.demo = training_arg(&a, "demo") != NULL;
	rc = db_subsidy_rate_add(ctx->db, ctx->actor, &r, &id, &why);
	snprintf(line, sizeof line, "rate %lld", (long long)id);
	return s_done(ctx, rc, why, line);
}

static int
s_rate_set(struct cmd_ctx *ctx, const char *usage, int argc, char **argv)
{
	struct training_args	 a = { .names = { "amount-fen", "to", "doc",
				     NULL } };
	char			*why = NULL;
	long long		 id, amount = 0;
	int			 rc;

	if ((rc = training_args_parse(ctx, "subsidy rate", usage, argc, argv,
	    &a)) != QD_EXIT_OK)
		return rc;
	if (a.nwords != 1 || (id = s_num(a.words[0], 1, INT64_MAX)) < 0 ||
	    (training_arg(&a, "amount-fen") != NULL && (amount =
	    s_num(training_arg(&a, "amount-fen"), 1, 100000000)) < 0))
		return s_usage(ctx, "rate", "set", usage);
	rc = db_subsidy_rate_set(ctx->db, ctx->actor, id, amount,
	    training_arg(&a, "to"), training_arg(&a, "doc"), &why);
	return s_done(ctx, rc, why, "ok");
}

static const struct training_verb s_rate_verbs[] = {
	{ "list", S_FORMAT, s_rate_list },
	{ "add", "--kind qualification|skill|special|training --level N"
	  " --amount-fen N --from DATE [--to DATE] --doc TEXT [--demo]",
	  s_rate_add },
	{ "set", "ID [--amount-fen N] [--to DATE] [--doc TEXT]", s_rate_set },
	{ NULL, NULL, NULL }
};

int
cmd_subsidy_rate(struct cmd_ctx *ctx, int argc, char **argv)
{
	return training_dispatch(ctx, "subsidy", s_rate_verbs, argc, argv);
}

static int
s_rule_list(struct cmd_ctx *ctx, const char *usage, int argc, char **argv)
{
	return s_list(ctx, "subsidy rule", usage, argc, argv,
	    subsidy_rule_columns, subsidy_rule_ncolumns, db_subsidy_rule_list);
}

static int
s_rule_set(struct cmd_ctx *ctx, const char *usage, int argc, char **argv)
{
	struct training_args	 a = { .names = { "on!", "off!", "value",
				     NULL } };
	char			*why = NULL;
	long long		 value = 0;
	int			 rc, active = -1;

	if ((rc = training_args_parse(ctx, "subsidy rule", usage, argc, argv,
	    &a)) != QD_EXIT_OK)
		return rc;
	if (training_arg(&a, "on") != NULL)
		active = 1;
	if (training_arg(&a, "off") != NULL)
		active = 0;
	if (a.nwords != 1 || (training_arg(&a, "value") != NULL && (value =
	    s_num(training_arg(&a, "value"), 1, 100)) < 0))
		return s_usage(ctx, "rule", "set", usage);
	rc = db_subsidy_rule_set(ctx->db, ctx->actor, a.words[0], active,
	    value, &why);
	return s_done(ctx, rc, why, "ok");
}

static const struct training_verb s_rule_verbs[] = {
	{ "list", S_FORMAT, s_rule_list },
	{ "set", "RULE [--on|--off] [--value N]", s_rule_set },
	{ NULL, NULL, NULL }
};

int
cmd_subsidy_rule(struct cmd_ctx *ctx, int argc, char **argv)
{
	return training_dispatch(ctx, "subsidy", s_rule_verbs, argc, argv);
}

static int
s_claim_list(struct cmd_ctx *ctx, const char *usage, int argc, char **argv)
{
	struct training_args	 a = { .names = { "state", "period", "batch",
				     "after", "limit", "format", NULL } };
	struct cmd_rows		 rows = { subsidy_claim_columns,
				     subsidy_claim_ncolumns, NULL, 0 };
	struct subsidy_filter	 f;
	enum cmd_format		 format;
	char			*why = NULL;
	long long		 batch = 0, after = 0, limit = 100;
	int			 rc;

	if ((rc = training_args_parse(ctx, "subsidy claim", usage, argc, argv,
	    &a)) != QD_EXIT_OK || (rc = s_format(ctx, &a, &format)) !=
	    QD_EXIT_OK)
		return rc;
	if (a.nwords != 0 || (training_arg(&a, "batch") != NULL && (batch =
	    s_num(training_arg(&a, "batch"), 1, INT64_MAX)) < 0) ||
	    (training_arg(&a, "after") != NULL && (after =
	    s_num(training_arg(&a, "after"), 0, INT64_MAX)) < 0) ||
	    (training_arg(&a, "limit") != NULL && (limit =
	    s_num(training_arg(&a, "limit"), 1, 100000)) < 0))
		return s_usage(ctx, "claim", "list", usage);
	memset(&f, 0, sizeof f);
	f.state = training_arg(&a, "state");
	f.period = training_arg(&a, "period");
	f.batch = batch;
	f.after = after;
	f.limit = (int)limit;
	rc = db_subsidy_claim_list(ctx->db, ctx->actor, &f, &rows, &why);
	return cmd_training_print(ctx, rc, format, &rows, why);
}

static int
s_claim_show(struct cmd_ctx *ctx, const char *usage, int argc, char **argv)
{
	struct training_args	 a = { .names = { "format", NULL } };
	struct cmd_rows		 rows = { subsidy_claim_columns,
				     subsidy_claim_ncolumns, NULL, 0 };
	enum cmd_format		 format;
	char			*why = NULL;
	long long		 id;
	int			 rc;

	if ((rc = training_args_parse(ctx, "subsidy claim", usage, argc, argv,
	    &a)) != QD_EXIT_OK || (rc = s_format(ctx, &a, &format)) !=
	    QD_EXIT_OK)
		return rc;
	if (a.nwords != 1 || (id = s_num(a.words[0], 1, INT64_MAX)) < 0)
		return s_usage(ctx, "claim", "show", usage);
	rc = db_subsidy_claim_show(ctx->db, ctx->actor, id, &rows, &why);
	return cmd_training_print(ctx, rc, format, &rows, why);
}

/* A checklist flag option: -1 when absent. */
static int
s_flag(const struct training_args *a, const char *name)
{
	const char	*s = training_arg(a, name);

	if (s == NULL)
		return -1;
	return strcmp(s, "1") == 0 || strcmp(s, "yes") == 0 ? 1 :
	    strcmp(s, "0") == 0 || strcmp(s, "no") == 0 ? 0 : -2;
}

static int
s_claim_docs(struct cmd_ctx *ctx, const char *usage, int argc, char **argv)
{
	struct training_args	 a = { .names = { "id", "cert", "bank", "form",
				     "bank-name", "account", "all!", NULL } };
	struct subsidy_docs	 d;
	char			*why = NULL;
	long long		 id;
	int			 rc;

	if ((rc = training_args_parse(ctx, "subsidy claim", usage, argc, argv,
	    &a)) != QD_EXIT_OK)
		return rc;
	memset(&d, 0, sizeof d);
	d.doc_id = s_flag(&a, "id");
	d.doc_cert = s_flag(&a, "cert");
	d.doc_bank = s_flag(&a, "bank");
	d.doc_form = s_flag(&a, "form");
	if (training_arg(&a, "all") != NULL)
		d.doc_id = d.doc_cert = d.doc_bank = d.doc_form = 1;
	d.bank_name = training_arg(&a, "bank-name");
	d.bank_account = training_arg(&a, "account");
	if (a.nwords != 1 || (id = s_num(a.words[0], 1, INT64_MAX)) < 0 ||
	    d.doc_id < -1 || d.doc_cert < -1 || d.doc_bank < -1 ||
	    d.doc_form < -1)
		return s_usage(ctx, "claim", "docs", usage);
	rc = db_subsidy_claim_docs(ctx->db, ctx->actor, id, &d, &why);
	return s_done(ctx, rc, why, "ok");
}

/* complete, approve, return, reject, pay. */
static int
s_claim_step(struct cmd_ctx *ctx, const char *usage, int argc, char **argv)
{
	struct training_args	 a = { .names = { "reason", "paid-on",
				     "paid-fen", "ref", "version", NULL } };
	struct subsidy_step	 s;
	char			*why = NULL;
	long long		 id, version = 0, paid = -1;
	size_t			 i;
	int			 rc, exit = QD_EXIT_OK;

	if ((rc = training_args_parse(ctx, "subsidy claim", usage, argc, argv,
	    &a)) != QD_EXIT_OK)
		return rc;
	if (a.nwords == 0 || (training_arg(&a, "version") != NULL && (version =
	    s_num(training_arg(&a, "version"), 1, INT64_MAX)) < 0) ||
	    (training_arg(&a, "paid-fen") != NULL && (paid =
	    s_num(training_arg(&a, "paid-fen"), 0, 100000000)) < 0))
		return s_usage(ctx, "claim", argv[0], usage);
	memset(&s, 0, sizeof s);
	s.action = argv[0];
	s.reason = training_arg(&a, "reason");
	s.paid_on = training_arg(&a, "paid-on");
	s.paid_fen = paid;
	s.finance_ref = training_arg(&a, "ref");
	s.version = version;
	/* Each claim on its own: one refused says so, the others go on. */
	for (i = 0; i < a.nwords; i++) {
		if ((id = s_num(a.words[i], 1, INT64_MAX)) < 0)
			return s_usage(ctx, "claim", argv[0], usage);
		rc = db_subsidy_claim_step(ctx->db, ctx->actor, id, &s, &why);
		if (rc != QD_OK)
			exit = cmd_fail(ctx, rc, why);
		else
			fprintf(ctx->out, "claim %lld %s\n", id, argv[0]);
		free(why);
		why = NULL;
	}
	return exit;
}

static int
s_claim_intake(struct cmd_ctx *ctx, const char *usage, int argc,
    char **argv)
{
	struct training_args	 a = { .names = { "outcome", "format", NULL } };
	struct cmd_rows		 rows = { subsidy_intake_columns,
				     subsidy_intake_ncolumns, NULL, 0 };
	enum cmd_format		 format;
	char			*why = NULL;
	int			 rc;

	if ((rc = training_args_parse(ctx, "subsidy claim", usage, argc, argv,
	    &a)) != QD_EXIT_OK || (rc = s_format(ctx, &a, &format)) !=
	    QD_EXIT_OK)
		return rc;
	rc = db_subsidy_intake_list(ctx->db, ctx->actor,
	    training_arg(&a, "outcome"), &rows, &why);
	return cmd_training_print(ctx, rc, format, &rows, why);
}

static const struct training_verb s_claim_verbs[] = {
	{ "list", "[--state S] [--period YYYY-MM] [--batch N] [--after ID]"
	  " [--limit N] " S_FORMAT, s_claim_list },
	{ "show", "ID " S_FORMAT, s_claim_show },
	{ "docs", "ID [--all] [--id 1|0] [--cert 1|0] [--bank 1|0]"
	  " [--form 1|0] [--bank-name TEXT] [--account DIGITS]", s_claim_docs },
	{ "complete", "ID...", s_claim_step },
	{ "approve", "ID...", s_claim_step },
	{ "return", "ID... --reason TEXT", s_claim_step },
	{ "reject", "ID... --reason TEXT", s_claim_step },
	{ "pay", "ID... --paid-on DATE --ref TEXT [--paid-fen N]",
	  s_claim_step },
	{ "intake", "[--outcome claim|ineligible] " S_FORMAT, s_claim_intake },
	{ NULL, NULL, NULL }
};

int
cmd_subsidy_claim(struct cmd_ctx *ctx, int argc, char **argv)
{
	return training_dispatch(ctx, "subsidy", s_claim_verbs, argc, argv);
}

static int
s_batch_submit(struct cmd_ctx *ctx, const char *usage, int argc,
    char **argv)
{
	struct training_args	 a = { .names = { NULL } };
	char			*why = NULL, line[128];
	int64_t			 batch, total;
	int			 rc, n;

	if ((rc = training_args_parse(ctx, "subsidy batch", usage, argc, argv,
	    &a)) != QD_EXIT_OK)
		return rc;
	if (a.nwords != 1)
		return s_usage(ctx, "batch", "submit", usage);
	rc = db_subsidy_batch_submit(ctx->db, ctx->actor, a.words[0], &batch,
	    &n, &total, &why);
	snprintf(line, sizeof line, "batch %lld: %d claims, %lld fen",
	    (long long)batch, n, (long long)total);
	return s_done(ctx, rc, why, line);
}

static int
s_batch_list(struct cmd_ctx *ctx, const char *usage, int argc, char **argv)
{
	return s_list(ctx, "subsidy batch", usage, argc, argv,
	    subsidy_batch_columns, subsidy_batch_ncolumns,
	    db_subsidy_batch_list);
}

static int
s_batch_totals(struct cmd_ctx *ctx, const char *usage, int argc,
    char **argv)
{
	struct training_args	 a = { .names = { "format", NULL } };
	struct cmd_rows		 rows = { subsidy_total_columns,
				     subsidy_total_ncolumns, NULL, 0 };
	enum cmd_format		 format;
	char			*why = NULL;
	long long		 id;
	int			 rc;

	if ((rc = training_args_parse(ctx, "subsidy batch", usage, argc, argv,
	    &a)) != QD_EXIT_OK || (rc = s_format(ctx, &a, &format)) !=
	    QD_EXIT_OK)
		return rc;
	if (a.nwords != 1 || (id = s_num(a.words[0], 1, INT64_MAX)) < 0)
		return s_usage(ctx, "batch", "totals", usage);
	rc = db_subsidy_batch_totals(ctx->db, ctx->actor, id, &rows, &why);
	return cmd_training_print(ctx, rc, format, &rows, why);
}

static int
s_batch_check(struct cmd_ctx *ctx, const char *usage, int argc, char **argv)
{
	struct training_args	 a = { .names = { NULL } };
	char			*why = NULL;
	long long		 id;
	int			 rc;

	if ((rc = training_args_parse(ctx, "subsidy batch", usage, argc, argv,
	    &a)) != QD_EXIT_OK)
		return rc;
	if (a.nwords != 1 || (id = s_num(a.words[0], 1, INT64_MAX)) < 0)
		return s_usage(ctx, "batch", "check", usage);
	rc = db_subsidy_batch_check(ctx->db, ctx->actor, id, &why);
	if (rc == QD_OK) {
		fprintf(ctx->out, "%s\n", why);
		free(why);
		return QD_EXIT_OK;
	}
	return s_done(ctx, rc, why, "");
}

static int
s_batch_export(struct cmd_ctx *ctx, const char *usage, int argc,
    char **argv)
{
	struct training_args	 a = { .names = { "format", "charset", "bom!",
				     NULL } };
	enum csv_charset	 charset = CSV_UTF8;
	const char		*format = training_arg(&a, "format");
	char			*why = NULL;
	long long		 id;
	int			 rc;

	if ((rc = training_args_parse(ctx, "subsidy batch", usage, argc, argv,
	    &a)) != QD_EXIT_OK)
		return rc;
	format = training_arg(&a, "format");
	if (a.nwords != 1 || (id = s_num(a.words[0], 1, INT64_MAX)) < 0 ||
	    (format != NULL && strcmp(format, "csv") != 0 &&
	    strcmp(format, "xlsx") != 0) || (training_arg(&a, "charset") !=
	    NULL && csv_charset_parse(training_arg(&a, "charset"), &charset) !=
	    QD_OK))
		return s_usage(ctx, "batch", "export", usage);
	if (format != NULL && strcmp(format, "xlsx") == 0)
		rc = subsidy_export_xlsx(ctx->db, ctx->actor, id, ctx->out,
		    &why);
	else
		rc = subsidy_export_csv(ctx->db, ctx->actor, id, charset,
		    training_arg(&a, "bom") != NULL, ctx->out, &why);
	if (rc != QD_OK)
		rc = cmd_fail(ctx, rc, why);
	free(why);
	return rc;
}

static const struct training_verb s_batch_verbs[] = {
	{ "submit", "YYYY-MM", s_batch_submit },
	{ "list", S_FORMAT, s_batch_list },
	{ "totals", "ID " S_FORMAT, s_batch_totals },
	{ "check", "ID", s_batch_check },
	{ "export", "ID [--format csv|xlsx] [--charset utf-8|gb18030] [--bom]",
	  s_batch_export },
	{ NULL, NULL, NULL }
};

int
cmd_subsidy_batch(struct cmd_ctx *ctx, int argc, char **argv)
{
	return training_dispatch(ctx, "subsidy", s_batch_verbs, argc, argv);
}
