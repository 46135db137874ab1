/*
 * applicants find: the people the actor may read, by name (陈 finds 陳)
 * or MTP number, a page at a time. Only masked numbers are printed.
 */
#include <getopt.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "case/case.h"

#define APPLICANT_DEFAULT_LIMIT	50
#define APPLICANT_MAX_LIMIT	1000

static const struct cmd_column cmd_applicant_columns[] = {
	{ "id", "ID", CMD_NUMBER, 0, 0 },
	{ "name", "NAME", CMD_STRING, 0, 16 },
	{ "sex", "SEX", CMD_STRING, 0, 0 },
	{ "birth_date", "BORN", CMD_STRING, 0, 0 },
	{ "mtp", "MTP", CMD_STRING, 0, 0 },
	{ "office", "OFFICE", CMD_STRING, 0, 14 },
	{ "cases", "CASES", CMD_NUMBER, 0, 0 },
	{ "cases_here", "HERE", CMD_NUMBER, 0, 0 },
};
#define CMD_APPLICANT_NCOLS \
	(nitems(cmd_applicant_columns))

static int
cmd_applicant_print(struct cmd_ctx *ctx, enum cmd_format format,
    const struct qd_applicant_row *rows, size_t n)
{
	struct cmd_rows	 out = { cmd_applicant_columns, CMD_APPLICANT_NCOLS,
			    NULL, 0 };
	char		 id[24], cases[24], here[24];
	size_t		 i;
	int		 rc;

	for (i = 0; i < n; i++) {
		const char	*cells[CMD_APPLICANT_NCOLS] = { id, rows[i].name,
				    rows[i].sex, rows[i].birth_date,
				    rows[i].mtp_masked, rows[i].office_name,
				    cases, here };

		snprintf(id, sizeof id, "%" PRId64, rows[i].id);
		snprintf(cases, sizeof cases, "%d", rows[i].ncases);
		snprintf(here, sizeof here, "%d", rows[i].ncases_here);
		cmd_rows_add(&out, cells);
	}
	rc = cmd_rows_print(ctx, format, &out);
	cmd_rows_free(&out);
	return rc;
}

/* The command that reads the next page, on stderr for scripts. */
static void
cmd_applicant_more(FILE *f, const char *text, long long limit,
    enum cmd_format format, const char *next)
{
	fputs("more: applicants find ", f);
	cmd_shell_word(f, text);
	fprintf(f, " --limit %lld", limit);
	if (format != CMD_FORMAT_TEXT)
		fprintf(f, " --format %s", cmd_format_name(format));
	fputs(" --after ", f);
	cmd_shell_word(f, next);
	fputc('\n', f);
}

int
cmd_applicants_find(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "limit", required_argument, NULL, 'l' },
		{ "after", required_argument, NULL, 'a' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	struct qd_applicant_row	*rows = NULL;
	enum cmd_format		 format = CMD_FORMAT_TEXT;
	long long		 limit = APPLICANT_DEFAULT_LIMIT;
	const char		*after = NULL;
	char			*next = NULL, *why = NULL;
	size_t			 n = 0;
	int			 c, rc;

	while ((c = cmd_getopt(ctx, "applicants", argc, argv, opts, &rc)) !=
	    -1) {
		if (c == 'l' && (limit = cmd_number(optarg, 1,
		    APPLICANT_MAX_LIMIT)) < 0)
			return cmd_usage_error(ctx, "applicants", argv[0],
			    "--limit is a number from 1 to %d",
			    APPLICANT_MAX_LIMIT);
		if (c == 'f' && cmd_format_parse(optarg, CMD_FORMATS_ALL,
		    &format) != QD_OK)
			return cmd_usage_error(ctx, "applicants", argv[0],
			    "--format is text, csv or json");
		if (c == 'a')
			after = optarg;
	}
	if (rc != QD_EXIT_OK)
		return rc;
	if (argc - optind != 1)
		return cmd_usage_error(ctx, "applicants", argv[0],
		    "give one TEXT: a name or an MTP number");
	rc = db_applicant_find(ctx->db, ctx->actor, argv[optind], after,
	    (int)limit, &rows, &n, &next, &why);
	if (rc != QD_OK)
		rc = cmd_fail(ctx, rc, why);
	else if ((rc = cmd_applicant_print(ctx, format, rows, n)) ==
	    QD_EXIT_OK && next != NULL)
		cmd_applicant_more(ctx->err, argv[optind], limit, format, next);
	applicant_rows_free(rows, n);
	free(next);
	free(why);
	return rc;
}
