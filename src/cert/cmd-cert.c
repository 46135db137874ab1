/*
 * The certificate verbs that read: the public key, verifying a QR text,
 * one certificate and a list. Verification works offline too: with
 * --key it needs nothing but the public key the center publishes.
 */
#include <getopt.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "cert/cert.h"

#define CERT_DEFAULT_LIMIT	50
#define CERT_MAX_LIMIT		1000
/* A QR text is a few hundred characters; a pasted file may be longer. */
#define CERT_TEXT_MAX		4096

static const char *const cmd_cert_states[] = { "issued", "printed", "handed",
    "revoked" };

int
cmd_cert_pubkey(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "id", required_argument, NULL, 'i' },
		{ NULL, 0, NULL, 0 }
	};
	char		*pem = NULL, *why = NULL, *end;
	unsigned long	 v;
	unsigned	 kid = 0;
	int		 c, rc, have_kid = 0;

	while ((c = cmd_getopt(ctx, "cert", argc, argv, opts, &rc)) != -1) {
		v = strtoul(optarg, &end, 16);
		if (*optarg == '\0' || *end != '\0' || v > 0xffff)
			return cmd_usage_error(ctx, "cert", argv[0], "--id is"
			    " a key id of four hex digits, as cert verify"
			    " shows it");
		kid = (unsigned)v;
		have_kid = 1;
	}
	if (rc != QD_EXIT_OK)
		return rc;
	if (argc != optind)
		return cmd_usage_error(ctx, "cert", argv[0], "unexpected"
		    " argument");
	if ((rc = db_cert_pubkey(ctx->db, have_kid, &kid, &pem, &why)) !=
	    QD_OK) {
		rc = cmd_fail(ctx, rc, why);
		free(why);
		return rc;
	}
	fputs(pem, ctx->out);
	free(pem);
	return QD_EXIT_OK;
}

/* Read the text to verify: the argument, or standard input for "-". */
static int
cmd_cert_text(struct cmd_ctx *ctx, const char *arg, char **text)
{
	size_t	 len;

	*text = NULL;
	if (strcmp(arg, "-") != 0) {
		*text = xstrdup(arg);
		return QD_EXIT_OK;
	}
	*text = xmalloc(CERT_TEXT_MAX + 1);
	len = fread(*text, 1, CERT_TEXT_MAX + 1, ctx->in);
	if (len > CERT_TEXT_MAX) {
		fprintf(ctx->err, "%s: 输入过长，不是证书二维码 the input is too"
		    " long for a certificate code\n", QD_NAME);
		free(*text);
		*text = NULL;
		return QD_EXIT_ERROR;
	}
	(*text)[len] = '\0';
	return QD_EXIT_OK;
}

/* The public key of --key FILE, for offline checks. */
struct cmd_cert_key {
	uint8_t		 pub[CERT_KEY_BYTES];
};

static int
cmd_cert_key_lookup(void *arg, unsigned kid, uint8_t pub[CERT_KEY_BYTES])
{
	struct cmd_cert_key	*k = arg;

	if (cert_key_id(k->pub) != kid)
		return QD_ENOTFOUND;
	memcpy(pub, k->pub, CERT_KEY_BYTES);
	return QD_OK;
}

static int
cmd_cert_key_read(struct cmd_ctx *ctx, const char *path,
    struct cmd_cert_key *k)
{
	FILE	*f;
	char	 buf[4096], *why = NULL;
	size_t	 len;
	int	 rc;

	if ((f = fopen(path, "r")) == NULL) {
		fprintf(ctx->err, "%s: cannot open %s\n", QD_NAME, path);
		return QD_EXIT_ERROR;
	}
	len = fread(buf, 1, sizeof buf, f);
	fclose(f);
	if ((rc = cert_pubkey_parse(buf, len, k->pub, &why)) != QD_OK) {
		fprintf(ctx->err, "%s: %s: %s\n", QD_NAME, path,
		    why != NULL ? why : "not an Ed25519 public key");
		free(why);
		return QD_EXIT_ERROR;
	}
	return QD_EXIT_OK;
}

/* The verdict of a check, for text and JSON. */
static const char *
cmd_cert_verdict(int rc)
{
	if (rc == QD_OK)
		return "valid";
	if (rc == QD_ECONFLICT)
		return "revoked";
	return "invalid";
}

static void
cmd_cert_fields_text(FILE *f, const struct cert_fields *cf, const char *why)
{
	char	*number = cert_number(cf->series, cf->year, cf->seq);

	fprintf(f, "number      %s\n", number);
	fprintf(f, "name        %s\n", cf->name);
	fprintf(f, "mtp         %s\n", cf->mtp);
	fprintf(f, "tw_qual     %s\n", cf->tw_qual);
	fprintf(f, "occupation  %s\n", cf->occupation);
	fprintf(f, "level       %d\n", cf->level);
	fprintf(f, "issued_on   %s\n", cf->issued_on);
	fprintf(f, "key         %04x\n", cf->kid);
	if (why != NULL)
		fprintf(f, "note        %s\n", why);
	free(number);
}

static void
cmd_cert_fields_json(FILE *f, int rc, const struct cert_fields *cf,
    const char *why)
{
	char	*number = NULL, kid[8];

	fputc('{', f);
	cmd_json_string(f, "result", cmd_cert_verdict(rc), 1);
	if (cf->name != NULL) {
		number = cert_number(cf->series, cf->year, cf->seq);
		snprintf(kid, sizeof kid, "%04x", cf->kid);
		cmd_json_string(f, "number", number, 1);
		cmd_json_string(f, "type", cf->series == CERT_SERIES_TICKET ?
		    "ticket" : "certificate", 1);
		cmd_json_string(f, "name", cf->name, 1);
		cmd_json_string(f, "mtp", cf->mtp, 1);
		cmd_json_string(f, "tw_qual", cf->tw_qual, 1);
		cmd_json_string(f, "occupation", cf->occupation, 1);
		cmd_json_number(f, "level", cf->level, 1);
		cmd_json_string(f, "issued_on", cf->issued_on, 1);
		cmd_json_string(f, "key", kid, 1);
	}
	cmd_json_string(f, "message", why, 0);
	fputs("}\n", f);
	free(number);
}

int
cmd_cert_verify(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "key", required_argument, NULL, 'k' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	struct cmd_cert_key	 key;
	struct cert_fields	 cf;
	enum cmd_format		 format = CMD_FORMAT_TEXT;
	const char		*keyfile = NULL;
	char			*text = NULL, *why = NULL;
	int			 c, rc, opened = 0;

	memset(&cf, 0, sizeof cf);
	while ((c = cmd_getopt(ctx, "cert", argc, argv, opts, &rc)) != -1) {
		if (c == 'k')
			keyfile = optarg;
		else if (c == 'f' && cmd_format_parse(optarg,
		    (1 << CMD_FORMAT_TEXT) | (1 << CMD_FORMAT_JSON),
		    &format) != QD_OK)
			return cmd_usage_error(ctx, "cert", argv[0],
			    "--format is text or json");
	}
	if (rc != QD_EXIT_OK)
		return rc;
	if (argc - optind > 1)
		return cmd_usage_error(ctx, "cert", argv[0], "the text has"
		    " spaces: quote it (over ssh, quote it twice: \"'TEXT'\"),"
		    " or give - and send it on standard input");
	if (argc - optind != 1)
		return cmd_usage_error(ctx, "cert", argv[0], "give the text"
		    " read from the QR code (quoted), or - to read it from"
		    " standard input");
	if (keyfile != NULL && ctx->remote)
		return cmd_usage_error(ctx, "cert", argv[0], "--key reads a"
		    " file on this machine: use it from the local shell");
	if ((rc = cmd_cert_text(ctx, argv[optind], &text)) != QD_EXIT_OK)
		return rc;
	if (keyfile != NULL) {
		if ((rc = cmd_cert_key_read(ctx, keyfile, &key)) !=
		    QD_EXIT_OK)
			goto out;
		rc = cert_verify(text, cmd_cert_key_lookup, &key, &cf, &why);
	} else {
		/* With --key it needs no database, so it opens one only here. */
		if (ctx->db == NULL) {
			if ((rc = cmd_open_db(ctx)) != QD_EXIT_OK)
				goto out;
			opened = 1;
		}
		rc = db_cert_verify(ctx->db, ctx->actor, text, &cf, NULL,
		    &why);
	}
	if (format == CMD_FORMAT_JSON)
		cmd_cert_fields_json(ctx->out, rc, &cf, why);
	else {
		fprintf(ctx->out, "%s\n", rc == QD_OK &&
		    cf.series == CERT_SERIES_TICKET ? "准考证有效 TICKET VALID" :
		    rc == QD_OK ? "证书有效 VALID" :
		    rc == QD_ECONFLICT ? "证书已撤销 REVOKED" :
		    "验证失败 INVALID");
		if (cf.name != NULL)
			cmd_cert_fields_text(ctx->out, &cf, why);
		else if (why != NULL)
			fprintf(ctx->out, "%s\n", why);
	}
	rc = rc == QD_OK ? QD_EXIT_OK : QD_EXIT_ERROR;
out:
	if (opened) {
		db_close(ctx->db);
		ctx->db = NULL;
	}
	cert_fields_free(&cf);
	free(text);
	free(why);
	return rc;
}

static void
cmd_cert_show_text(FILE *f, const struct qd_cert *c)
{
	char	*s;

	fprintf(f, "%s  %s  %s  (version %" PRId64 ")\n", c->number,
	    c->title, c->state_name, c->version);
	cmd_label_line(f, "name", c->name, 12);
	xasprintf(&s, "%s  born %s", c->sex, c->birth_date);
	cmd_label_line(f, "holder", s, 12);
	free(s);
	cmd_label_line(f, "mtp", c->mtp, 12);
	cmd_label_line(f, "tw_qual", c->tw_qual, 12);
	xasprintf(&s, "%s %s", c->occupation, c->level_name);
	cmd_label_line(f, "occupation", s, 12);
	free(s);
	xasprintf(&s, "%" PRId64 " (%s)", c->case_id, c->office_name);
	cmd_label_line(f, "case", s, 12);
	free(s);
	xasprintf(&s, "%s by %s", c->issued_on, c->issued_by);
	cmd_label_line(f, "issued", s, 12);
	free(s);
	if (c->printed_at != NULL) {
		xasprintf(&s, "%s (%d times)", c->printed_at, c->print_count);
		cmd_label_line(f, "printed", s, 12);
		free(s);
	}
	cmd_label_line(f, "handed", c->handed_at, 12);
	if (c->revoked_at != NULL) {
		xasprintf(&s, "%s by %s: %s", c->revoked_at, c->revoked_by,
		    c->revoke_reason);
		cmd_label_line(f, "revoked", s, 12);
		free(s);
	}
	cmd_label_line(f, "replaces", c->replaces, 12);
	cmd_label_line(f, "replaced_by", c->replaced_by, 12);
	cmd_label_line(f, "qr", c->qr_text, 12);
}

static void
cmd_cert_show_json(FILE *f, const struct qd_cert *c)
{
	fputc('{', f);
	cmd_json_string(f, "number", c->number, 1);
	cmd_json_string(f, "state", c->state, 1);
	cmd_json_number(f, "case", c->case_id, 1);
	cmd_json_string(f, "office", c->office_name, 1);
	cmd_json_string(f, "title", c->title, 1);
	cmd_json_string(f, "name", c->name, 1);
	cmd_json_string(f, "sex", c->sex, 1);
	cmd_json_string(f, "birth_date", c->birth_date, 1);
	cmd_json_string(f, "mtp", c->mtp, 1);
	cmd_json_string(f, "tw_qual", c->tw_qual, 1);
	cmd_json_string(f, "occupation", c->occupation, 1);
	cmd_json_number(f, "level", c->level, 1);
	cmd_json_string(f, "level_name", c->level_name, 1);
	cmd_json_string(f, "issued_on", c->issued_on, 1);
	cmd_json_string(f, "issued_by", c->issued_by, 1);
	cmd_json_string(f, "printed_at", c->printed_at, 1);
	cmd_json_number(f, "print_count", c->print_count, 1);
	cmd_json_string(f, "handed_at", c->handed_at, 1);
	cmd_json_string(f, "revoked_at", c->revoked_at, 1);
	cmd_json_string(f, "revoke_reason", c->revoked_at != NULL ?
	    c->revoke_reason : NULL, 1);
	cmd_json_string(f, "replaces", c->replaces, 1);
	cmd_json_string(f, "replaced_by", c->replaced_by, 1);
	cmd_json_string(f, "qr_text", c->qr_text, 1);
	cmd_json_number(f, "version", c->version, 0);
	fputs("}\n", f);
}

int
cmd_cert_show(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	struct qd_cert	*c = NULL;
	enum cmd_format	 format = CMD_FORMAT_TEXT;
	char		*why = NULL;
	int		 o, rc;

	while ((o = cmd_getopt(ctx, "cert", argc, argv, opts, &rc)) != -1) {
		if (o == 'f' && cmd_format_parse(optarg,
		    (1 << CMD_FORMAT_TEXT) | (1 << CMD_FORMAT_JSON),
		    &format) != QD_OK)
			return cmd_usage_error(ctx, "cert", argv[0],
			    "--format is text or json");
	}
	if (rc != QD_EXIT_OK)
		return rc;
	if (argc - optind != 1)
		return cmd_usage_error(ctx, "cert", argv[0], "give one"
		    " certificate number");
	if ((rc = db_cert_get(ctx->db, ctx->actor, argv[optind], &c, &why)) !=
	    QD_OK) {
		rc = cmd_fail(ctx, rc, why);
		free(why);
		return rc;
	}
	if (format == CMD_FORMAT_JSON)
		cmd_cert_show_json(ctx->out, c);
	else
		cmd_cert_show_text(ctx->out, c);
	cert_free(c);
	return QD_EXIT_OK;
}

static const struct cmd_column cmd_cert_columns[] = {
	{ "id", NULL, CMD_NUMBER, CMD_NOTEXT, 0 },
	{ "number", "NUMBER", CMD_STRING, 0, 0 },
	{ "name", "NAME", CMD_STRING, 0, 12 },
	{ "office", "OFFICE", CMD_STRING, 0, 10 },
	{ "occupation", "OCCUPATION", CMD_STRING, 0, 20 },
	{ "level", "LEVEL", CMD_NUMBER, 0, 0 },
	{ "issued_on", "ISSUED", CMD_STRING, 0, 0 },
	{ "state", NULL, CMD_STRING, CMD_NOTEXT, 0 },
	{ "state_name", "STATE", CMD_STRING, 0, 0 },
	{ "case", "CASE", CMD_NUMBER, 0, 0 },
};
#define CMD_CERT_NCOLS (nitems(cmd_cert_columns))

static int
cmd_cert_print(struct cmd_ctx *ctx, enum cmd_format format,
    struct qd_cert **list, size_t n)
{
	struct cmd_rows	 out = { cmd_cert_columns, CMD_CERT_NCOLS, NULL, 0 };
	char		 id[24], level[8], kase[24];
	size_t		 i;
	int		 rc;

	for (i = 0; i < n; i++) {
		const struct qd_cert	*c = list[i];
		const char		*cells[CMD_CERT_NCOLS] = {
			id, c->number, c->name, c->office_name, c->occupation,
			level, c->issued_on, c->state, c->state_name, kase
		};

		snprintf(id, sizeof id, "%" PRId64, c->id);
		snprintf(level, sizeof level, "%d", c->level);
		snprintf(kase, sizeof kase, "%" PRId64, c->case_id);
		cmd_rows_add(&out, cells);
	}
	rc = cmd_rows_print(ctx, format, &out);
	cmd_rows_free(&out);
	return rc;
}

/* Check --state and --date; usage errors exit 2. */
static int
cmd_cert_filter_check(struct cmd_ctx *ctx, char **argv,
    const struct qd_cert_filter *f, char day[11])
{
	char	*bad = NULL;
	size_t	 i;

	if (f->state != NULL) {
		for (i = 0; i < nitems(cmd_cert_states); i++) {
			if (strcmp(f->state, cmd_cert_states[i]) == 0)
				break;
		}
		if (i == nitems(cmd_cert_states))
			return cmd_usage_error(ctx, "cert", argv[0], "--state"
			    " is issued, printed, handed or revoked");
	}
	if (f->issued_on != NULL && idcheck_date(f->issued_on, day, &bad) !=
	    QD_OK) {
		free(bad);
		return cmd_usage_error(ctx, "cert", argv[0], "--date is a day"
		    " such as 2026-11-22");
	}
	return QD_EXIT_OK;
}

int
cmd_cert_list(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "date", required_argument, NULL, 'd' },
		{ "state", required_argument, NULL, 's' },
		{ "office", required_argument, NULL, 'o' },
		{ "limit", required_argument, NULL, 'l' },
		{ "after", required_argument, NULL, 'a' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	struct qd_cert_filter	 f = { .limit = CERT_DEFAULT_LIMIT };
	struct qd_cert		**list = NULL;
	enum cmd_format		 format = CMD_FORMAT_TEXT;
	const char		*office = NULL;
	char			 day[11], *why = NULL;
	size_t			 n = 0;
	long long		 v;
	int			 c, rc;

	while ((c = cmd_getopt(ctx, "cert", argc, argv, opts, &rc)) != -1) {
		if (c == 'd')
			f.issued_on = optarg;
		else if (c == 's')
			f.state = optarg;
		else if (c == 'o')
			office = optarg;
		else if (c == 'l' && (f.limit = (int)cmd_number(optarg, 1,
		    CERT_MAX_LIMIT)) < 0)
			return cmd_usage_error(ctx, "cert", argv[0], "--limit"
			    " is a number from 1 to %d", CERT_MAX_LIMIT);
		else if (c == 'a' && (v = cmd_number(optarg, 1,
		    INT64_MAX)) < 0)
			return cmd_usage_error(ctx, "cert", argv[0], "--after"
			    " is the cursor a 'more:' line gave");
		else if (c == 'a')
			f.after = v;
		else if (c == 'f' && cmd_format_parse(optarg, CMD_FORMATS_ALL,
		    &format) != QD_OK)
			return cmd_usage_error(ctx, "cert", argv[0],
			    "--format is text, csv or json");
	}
	if (rc != QD_EXIT_OK)
		return rc;
	if (argc != optind)
		return cmd_usage_error(ctx, "cert", argv[0], "unexpected"
		    " argument '%s'", text_valid(argv[optind]) ?
		    argv[optind] : "?");
	if ((rc = cmd_cert_filter_check(ctx, argv, &f, day)) != QD_EXIT_OK ||
	    (office != NULL && (rc = cmd_office_id(ctx, "cert", office, argv,
	    &f.office_id)) != QD_EXIT_OK))
		return rc;
	if (f.issued_on != NULL)
		f.issued_on = day;
	if ((rc = db_cert_list(ctx->db, ctx->actor, &f, &list, &n, &why)) !=
	    QD_OK) {
		rc = cmd_fail(ctx, rc, why);
		free(why);
		return rc;
	}
	rc = cmd_cert_print(ctx, format, list, n);
	if (n == (size_t)f.limit)
		fprintf(ctx->err, "more: cert list --after %" PRId64
		    " (and the same options)\n", list[n - 1]->id);
	cert_list_free(list, n);
	return rc;
}
