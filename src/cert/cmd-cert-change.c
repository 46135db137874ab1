/*
 * The certificate verbs that print or change: a PDF of some certificates,
 * the PDF of a day's batch for the office's printer, recording that they
 * were printed, revoking and replacing. The PDF goes to standard output,
 * so over SSH it is `ssh fuzhou@host cert pdf CX-2026-000123 > cert.pdf`.
 */
#include <getopt.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cert/cert.h"

/* A day's batch is one office's day: a few dozen pages at most. */
#define CERT_BATCH_MAX	1000

/*
 * Refuse to write a PDF onto a terminal: on the local one it is noise,
 * and over `ssh -t` the pty would turn its line ends into CR LF.
 */
static int
cmd_cert_out_ok(struct cmd_ctx *ctx, const char *verb)
{
	if (!isatty(fileno(ctx->out)))
		return 1;
	if (ctx->remote)
		fprintf(ctx->err, "%s: cert %s writes a PDF: run ssh without -t"
		    " and send it to a file, e.g. ssh HOST cert %s ... >"
		    " cert.pdf\n", QD_NAME, verb, verb);
	else
		fprintf(ctx->err, "%s: cert %s writes a PDF: send it to a file,"
		    " e.g. qualdesk cert %s ... > cert.pdf\n", QD_NAME, verb,
		    verb);
	return 0;
}

/* Write list as one PDF to ctx->out. */
static int
cmd_cert_pdf_write(struct cmd_ctx *ctx, struct qd_cert **list, size_t n)
{
	struct cert_print	*pages;
	char			*why = NULL;
	size_t			 i;
	int			 rc;

	pages = xcalloc(n, sizeof *pages);
	for (i = 0; i < n; i++)
		cert_print_from(list[i], &pages[i]);
	rc = cert_pdf_file(pages, n, ctx->out, &why);
	free(pages);
	if (rc == QD_OK && fflush(ctx->out) != 0)
		rc = QD_ESYS;
	if (rc != QD_OK) {
		rc = cmd_fail(ctx, rc, why);
		free(why);
		return rc;
	}
	return QD_EXIT_OK;
}

int
cmd_cert_pdf(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct qd_cert	**list;
	char		*why = NULL;
	size_t		 n = 0;
	int		 i, rc = QD_OK;

	if (argc < 2)
		return cmd_usage_error(ctx, "cert", argv[0], "give one or more"
		    " certificate numbers");
	if (!cmd_cert_out_ok(ctx, argv[0]))
		return QD_EXIT_USAGE;
	list = xcalloc((size_t)argc, sizeof *list);
	for (i = 1; i < argc && rc == QD_OK; i++) {
		if ((rc = db_cert_get(ctx->db, ctx->actor, argv[i], &list[n],
		    &why)) != QD_OK)
			break;
		if (list[n++]->revoked_at != NULL) {
			why_set(&why, "证书 %s 已撤销，不能打印 certificate %s"
			    " is revoked: it is not printed", argv[i],
			    argv[i]);
			rc = QD_EINVAL;
		}
	}
	if (rc == QD_OK)
		rc = cmd_cert_pdf_write(ctx, list, n);
	else
		rc = cmd_fail(ctx, rc, why);
	free(why);
	cert_list_free(list, n);
	return rc;
}

int
cmd_cert_batch(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "date", required_argument, NULL, 'd' },
		{ "office", required_argument, NULL, 'o' },
		{ "all", no_argument, NULL, 'a' },
		{ NULL, 0, NULL, 0 }
	};
	struct qd_cert_filter	 f = { .limit = CERT_BATCH_MAX };
	struct qd_cert		**list = NULL, **keep;
	const char		*office = NULL, *date = NULL;
	char			 day[11], *why = NULL, *bad = NULL;
	size_t			 n = 0, i, k = 0;
	int			 c, rc, all = 0;

	while ((c = cmd_getopt(ctx, "cert", argc, argv, opts, &rc)) != -1) {
		if (c == 'd')
			date = optarg;
		else if (c == 'o')
			office = optarg;
		else if (c == 'a')
			all = 1;
	}
	if (rc != QD_EXIT_OK)
		return rc;
	if (argc != optind)
		return cmd_usage_error(ctx, "cert", argv[0], "unexpected"
		    " argument");
	if (date != NULL && idcheck_date(date, day, &bad) != QD_OK) {
		free(bad);
		return cmd_usage_error(ctx, "cert", argv[0], "--date is a day"
		    " such as 2026-11-22");
	}
	if (date == NULL)
		idcheck_today(day);
	if (office != NULL && (rc = cmd_office_id(ctx, "cert", office, argv,
	    &f.office_id)) != QD_EXIT_OK)
		return rc;
	if (!role_has_office(ctx->actor->role) && f.office_id == 0)
		return cmd_usage_error(ctx, "cert", argv[0], "name the office"
		    " whose batch to print with --office CODE");
	if (!cmd_cert_out_ok(ctx, argv[0]))
		return QD_EXIT_USAGE;
	f.issued_on = day;
	if ((rc = db_cert_list(ctx->db, ctx->actor, &f, &list, &n, &why)) !=
	    QD_OK) {
		rc = cmd_fail(ctx, rc, why);
		free(why);
		return rc;
	}
	/* Oldest first, as they were issued; the printed ones only on ask. */
	keep = xcalloc(n + 1, sizeof *keep);
	for (i = n; i-- > 0;) {
		if (strcmp(list[i]->state, "issued") == 0 ||
		    (all && strcmp(list[i]->state, "revoked") != 0))
			keep[k++] = list[i];
	}
	if (k == 0) {
		fprintf(ctx->err, "%s: %s 没有待打印的证书 no certificates to"
		    " print for %s%s\n", QD_NAME, day, day, all ? "" :
		    " (--all includes those printed before)");
		rc = QD_EXIT_ERROR;
	} else
		rc = cmd_cert_pdf_write(ctx, keep, k);
	free(keep);
	cert_list_free(list, n);
	return rc;
}

int
cmd_cert_printed(struct cmd_ctx *ctx, int argc, char **argv)
{
	char	*why = NULL;
	int	 i, rc = QD_OK;

	if (argc < 2)
		return cmd_usage_error(ctx, "cert", argv[0], "give one or more"
		    " certificate numbers");
	for (i = 1; i < argc && rc == QD_OK; i++) {
		if ((rc = db_cert_printed(ctx->db, ctx->actor, argv[i], 0,
		    &why)) == QD_OK)
			fprintf(ctx->out, "%s printed\n", argv[i]);
	}
	rc = cmd_fail(ctx, rc, why);
	free(why);
	return rc;
}

/* NUMBER --reason TEXT, for revoke and reissue. */
static int
cmd_cert_reason_args(struct cmd_ctx *ctx, int argc, char **argv,
    const char **number, const char **reason)
{
	static const struct option opts[] = {
		{ "reason", required_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 }
	};
	int	 c, rc;

	*reason = NULL;
	while ((c = cmd_getopt(ctx, "cert", argc, argv, opts, &rc)) != -1) {
		if (c == 'r')
			*reason = optarg;
	}
	if (rc != QD_EXIT_OK)
		return rc;
	if (argc - optind != 1 || *reason == NULL)
		return cmd_usage_error(ctx, "cert", argv[0], "give one"
		    " certificate number and --reason");
	*number = argv[optind];
	return QD_EXIT_OK;
}

int
cmd_cert_revoke(struct cmd_ctx *ctx, int argc, char **argv)
{
	const char	*number, *reason;
	char		*why = NULL;
	int		 rc;

	if ((rc = cmd_cert_reason_args(ctx, argc, argv, &number, &reason)) !=
	    QD_EXIT_OK)
		return rc;
	if ((rc = db_cert_revoke(ctx->db, ctx->actor, number, 0, reason,
	    &why)) == QD_OK)
		fprintf(ctx->out, "%s revoked\n", number);
	rc = cmd_fail(ctx, rc, why);
	free(why);
	return rc;
}

int
cmd_cert_reissue(struct cmd_ctx *ctx, int argc, char **argv)
{
	const char	*number, *reason;
	char		*why = NULL, *fresh = NULL;
	int		 rc;

	if ((rc = cmd_cert_reason_args(ctx, argc, argv, &number, &reason)) !=
	    QD_EXIT_OK)
		return rc;
	if ((rc = db_cert_reissue(ctx->db, ctx->actor, number, reason, &fresh,
	    &why)) == QD_OK)
		fprintf(ctx->out, "%s replaces %s\n", fresh, number);
	free(fresh);
	rc = cmd_fail(ctx, rc, why);
	free(why);
	return rc;
}

int
cmd_cert_rotate_key(struct cmd_ctx *ctx, int argc, char **argv)
{
	char		*why = NULL, *pem = NULL;
	unsigned	 kid = 0;
	int		 rc;

	if (argc != 1)
		return cmd_usage_error(ctx, "cert", argv[0], "takes no"
		    " arguments");
	if ((rc = db_cert_key_rotate(ctx->db, ctx->actor, &kid, &why)) ==
	    QD_OK && (rc = db_cert_pubkey(ctx->db, 1, &kid, &pem, &why)) ==
	    QD_OK) {
		fprintf(ctx->err, "new signing key %04x; certificates signed"
		    " before still verify. Publish its public key:\n", kid);
		fputs(pem, ctx->out);
	}
	free(pem);
	rc = cmd_fail(ctx, rc, why);
	free(why);
	return rc;
}
