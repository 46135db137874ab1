/*
 * What the job verbs share: their options with messages that name the
 * verb, a record number from a word, and printing a listing's rows in
 * the format asked for.
 */
#include <getopt.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "job/job.h"

int
cmd_job_getopt(struct cmd_ctx *ctx, const char *noun, const char *verb,
    int argc, char **argv, const struct option *opts, int *rc)
{
	int	 c;

	opterr = 0;
	c = getopt_long(argc, argv, ":", opts, NULL);
	*rc = QD_EXIT_OK;
	if (c == '?' || c == ':') {
		const char	*word = argv[optind - 1];

		if (!text_valid(word))
			word = "?";
		*rc = cmd_usage_error(ctx, noun, verb, c == '?' ?
		    "unknown option '%s'" : "option '%s' needs a value", word);
		return -1;
	}
	return c;
}

int64_t
cmd_job_id(const char *word)
{
	long long	 n;

	if (word == NULL)
		return -1;
	if (*word == '#')
		word++;
	n = cmd_number(word, 1, INT64_MAX);
	return n;
}

int
cmd_job_print(struct cmd_ctx *ctx, enum cmd_format format,
    const struct cmd_column *cols, size_t ncols, const struct db_rows *rows)
{
	struct cmd_rows	 out = { cols, ncols, NULL, 0 };
	const char	**cells;
	char		  id[24];
	size_t		  r, c;
	int		  rc;

	cells = xcalloc(ncols, sizeof *cells);
	for (r = 0; r < rows->n; r++) {
		snprintf(id, sizeof id, "%" PRId64, rows->ids[r]);
		cells[0] = id;
		for (c = 1; c < ncols; c++)
			cells[c] = db_rows_cell(rows, r, c - 1);
		cmd_rows_add(&out, cells);
	}
	rc = cmd_rows_print(ctx, format, &out);
	cmd_rows_free(&out);
	free(cells);
	return rc;
}

int
cmd_job_format(struct cmd_ctx *ctx, const char *noun, const char *verb,
    const char *arg, enum cmd_format *format)
{
	if (cmd_format_parse(arg, CMD_FORMATS_ALL, format) == QD_OK)
		return QD_EXIT_OK;
	return cmd_usage_error(ctx, noun, verb, "--format is text, csv or json");
}

int
cmd_job_dispatch(struct cmd_ctx *ctx, const char *noun, const char *verb,
    const struct cmd_job_sub *subs, size_t nsubs, int argc, char **argv)
{
	size_t	 i;

	if (argc < 2)
		return cmd_usage_error(ctx, noun, verb, "what to do is missing");
	for (i = 0; i < nsubs; i++) {
		if (strcmp(subs[i].name, argv[1]) == 0)
			return subs[i].run(ctx, argc - 1, argv + 1);
	}
	return cmd_usage_error(ctx, noun, verb, "unknown '%s'",
	    text_valid(argv[1]) ? argv[1] : "?");
}
