/* The schema verb: schema show, the migrations as applied, triggers too. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "qualdesk.h"

int
cmd_schema_show(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ NULL, 0, NULL, 0 }
	};
	size_t	 i;
	int	 rc;

	if (cmd_getopt(ctx, "schema", argc, argv, opts, &rc) != -1 ||
	    rc != QD_EXIT_OK)
		return rc != QD_EXIT_OK ? rc : QD_EXIT_USAGE;
	if (argc - optind > 1)
		return cmd_usage_error(ctx, "schema", "show",
		    "one migration at most");
	if (argc - optind == 1) {
		if (schema_find(argv[optind], &i) != QD_OK) {
			fprintf(ctx->err, "%s: schema show: no migration '%s';"
			    " there are:", QD_NAME, argv[optind]);
			for (i = 0; i < schema_nfiles; i++)
				fprintf(ctx->err, " %s", schema_files[i].name);
			fputc('\n', ctx->err);
			return QD_EXIT_ERROR;
		}
		schema_show(ctx->out, i);
		return QD_EXIT_OK;
	}
	for (i = 0; i < schema_nfiles; i++) {
		if (i > 0)
			fputc('\n', ctx->out);
		schema_show(ctx->out, i);
	}
	return QD_EXIT_OK;
}
