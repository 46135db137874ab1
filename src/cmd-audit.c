/* The audit verb: audit list, newest first, a page at a time. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "qualdesk.h"

#define AUDIT_DEFAULT_LIMIT	50
#define AUDIT_MAX_LIMIT		1000

/* Parse a whole decimal number in [min, max]; -1 if it is not one. */
static long long
cmd_audit_number(const char *s, long long min, long long max)
{
	char		*end;
	long long	 v;

	if (s[0] < '0' || s[0] > '9')
		return -1;
	v = strtoll(s, &end, 10);
	if (*end != '\0' || v < min || v > max)
		return -1;
	return v;
}

/*
 * One entry, one line, so a script can grep for who did what: the change
 * is "BEFORE -> AFTER" for an update, else whichever of the two there is.
 */
static void
cmd_audit_print(FILE *f, const struct qd_audit *a)
{
	char	 record[96], actor[64];

	if (a->tbl != NULL)
		snprintf(record, sizeof record, "%s#%lld", a->tbl,
		    (long long)a->record);
	else
		snprintf(record, sizeof record, "-");
	fprintf(f, "%-7lld %-24s %s %-8s %-18s %-24s ", (long long)a->id, a->at,
	    text_cell(actor, sizeof actor, a->actor, 16, 1), a->action, record,
	    a->via != NULL ? a->via : "-");
	if (a->before != NULL && a->after != NULL)
		fprintf(f, "%s -> %s\n", a->before, a->after);
	else if (a->before != NULL || a->after != NULL)
		fprintf(f, "%s\n", a->before != NULL ? a->before : a->after);
	else
		fprintf(f, "-\n");
}

int
cmd_audit_list(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "limit", required_argument, NULL, 'l' },
		{ "before", required_argument, NULL, 'b' },
		{ NULL, 0, NULL, 0 }
	};
	struct qd_audit	*rows = NULL;
	long long	 limit = AUDIT_DEFAULT_LIMIT, before = 0;
	char		*why = NULL;
	size_t		 n = 0, i;
	int		 c, rc;

	while ((c = cmd_getopt(ctx, "audit", argc, argv, opts, &rc)) != -1) {
		if (c == 'l' && (limit = cmd_audit_number(optarg, 1,
		    AUDIT_MAX_LIMIT)) < 0)
			return cmd_usage_error(ctx, "audit", argv[0],
			    "--limit is a number from 1 to %d", AUDIT_MAX_LIMIT);
		if (c == 'b' && (before = cmd_audit_number(optarg, 1,
		    INT64_MAX)) < 0)
			return cmd_usage_error(ctx, "audit", argv[0],
			    "--before is an entry's id (a positive number)");
	}
	if (rc != QD_EXIT_OK)
		return rc;
	if (argc != optind)
		return cmd_usage_error(ctx, "audit", argv[0],
		    "takes only --limit and --before");
	rc = db_audit_list(ctx->db, ctx->actor, before, (int)limit, &rows, &n,
	    &why);
	if (rc != QD_OK) {
		rc = cmd_fail(ctx, rc, why);
		free(why);
		return rc;
	}
	if (n > 0)
		fprintf(ctx->out, "%-7s %-24s %-16s %-8s %-18s %-24s %s\n", "ID",
		    "AT", "ACTOR", "ACTION", "RECORD", "VIA", "CHANGE");
	for (i = 0; i < n; i++)
		cmd_audit_print(ctx->out, &rows[i]);
	/* A full page may have more behind it. */
	if (n == (size_t)limit && rows[n - 1].id > 1)
		fprintf(ctx->err, "more: audit list --before %lld\n",
		    (long long)rows[n - 1].id);
	audit_free_array(rows, n);
	return QD_EXIT_OK;
}
