/*
 * cases intake: applicants and their cases from a script, as JSON (an
 * array of objects) or CSV (a header naming the columns) on standard
 * input. Each row goes through intake's checks: the person's (idcheck),
 * the same duplicate detection as the screen (the same MTP number is that
 * person; the same name and birth date must be said to be that person or
 * a new one), and the case's. The whole batch is one transaction: a bad
 * row refuses it all, naming the row.
 */
#include <getopt.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "case/case.h"

#define INTAKE_MAX	(4 * 1024 * 1024)	/* bytes of input */
#define INTAKE_ROWS	5000			/* rows of a batch */

/* The columns a row may give, in struct intake_row order. */
enum intake_col {
	IN_NAME, IN_SEX, IN_BIRTH, IN_MTP, IN_RESIDENCE, IN_TAIWAN_ID,
	IN_PHONE, IN_EMAIL, IN_ADDRESS, IN_IN_TAIWAN, IN_APPLICANT, IN_NEW,
	IN_TYPE, IN_CATALOG, IN_QUAL, IN_CERT_NO, IN_CHANNEL, IN_MATERIALS,
	IN_NOTES, IN_NCOLS
};
static const char *const intake_cols[IN_NCOLS] = {
	"name", "sex", "birth_date", "mtp", "residence_no", "taiwan_id",
	"phone", "email", "address", "in_taiwan", "applicant_id", "new_person",
	"type", "catalog_id", "tw_qual", "tw_cert_no", "channel", "materials",
	"notes",
};

/* One row as given: every value text, NULL when absent. */
struct intake_row {
	char	*v[IN_NCOLS];
};

/* What a row became. */
struct intake_done {
	int64_t	 applicant_id;
	int	 applicant_new;
	int64_t	 case_id;
};

static void
intake_rows_free(struct intake_row *rows, size_t n)
{
	size_t	 i, j;

	for (i = 0; i < n; i++)
		for (j = 0; j < IN_NCOLS; j++)
			free(rows[i].v[j]);
	free(rows);
}

/* The column named name, or -1. */
static int
intake_col(const char *name)
{
	int	 i;

	for (i = 0; i < IN_NCOLS; i++) {
		if (strcmp(intake_cols[i], name) == 0)
			return i;
	}
	return -1;
}

/* Read JSON: an array of objects whose keys are columns. */
static int
intake_parse_json(sqlite3 *db, const char *data, struct intake_row **rows,
    size_t *n, char **why)
{
	sqlite3_stmt	*st;
	const char	*key, *type;
	int		 step, col, rc = QD_OK;
	int64_t		 row;

	if (db_prepare(db, "SELECT json_valid(?1), json_type(?1)", &st) !=
	    QD_OK)
		return db_fail(db, why);
	sqlite3_bind_text(st, 1, data, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_ROW || sqlite3_column_int(st, 0) != 1 ||
	    strcmp((const char *)sqlite3_column_text(st, 1), "array") != 0) {
		why_set(why, "输入不是 JSON 数组 the input is not a JSON array"
		    " of rows");
		rc = QD_EINVAL;
	}
	sqlite3_finalize(st);
	if (rc != QD_OK)
		return rc;
	/* Each row's keys and values, in order; a row that is no object too. */
	if (db_prepare(db, "SELECT r.key, r.type, k.key, k.type,"
	    " CASE k.type WHEN 'true' THEN '1' WHEN 'false' THEN '0'"
	    " ELSE k.atom END FROM json_each(?1) r LEFT JOIN json_each(r.value)"
	    " k ON r.type = 'object' ORDER BY r.key, k.id", &st) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_text(st, 1, data, -1, SQLITE_STATIC);
	while (rc == QD_OK && (step = sqlite3_step(st)) == SQLITE_ROW) {
		row = sqlite3_column_int64(st, 0);
		if ((size_t)row >= *n) {
			*rows = xreallocarray(*rows, (size_t)row + 1,
			    sizeof **rows);
			memset(&(*rows)[*n], 0, ((size_t)row + 1 - *n) *
			    sizeof **rows);
			*n = (size_t)row + 1;
		}
		if (strcmp((const char *)sqlite3_column_text(st, 1), "object")) {
			why_set(why, "第 %" PRId64 " 行不是对象 row %" PRId64
			    " is not an object", row + 1, row + 1);
			rc = QD_EINVAL;
			break;
		}
		if ((key = (const char *)sqlite3_column_text(st, 2)) == NULL)
			continue;
		type = (const char *)sqlite3_column_text(st, 3);
		if ((col = intake_col(key)) < 0) {
			why_set(why, "第 %" PRId64 " 行：未知的列「%s」 row %"
			    PRId64 ": unknown column '%s'", row + 1,
			    text_valid(key) ? key : "?", row + 1,
			    text_valid(key) ? key : "?");
			rc = QD_EINVAL;
		} else if (strcmp(type, "object") == 0 ||
		    strcmp(type, "array") == 0) {
			why_set(why, "第 %" PRId64 " 行：「%s」应为文字或数字"
			    " row %" PRId64 ": '%s' must be text or a number",
			    row + 1, key, row + 1, key);
			rc = QD_EINVAL;
		} else if (strcmp(type, "null") != 0) {
			free((*rows)[row].v[col]);
			(*rows)[row].v[col] = db_column_strdup(st, 4);
		}
	}
	sqlite3_finalize(st);
	return rc;
}

/* Read CSV: a header of column names, then a row per line. */
static int
intake_parse_csv(const char *data, size_t len, struct intake_row **rows,
    size_t *n, char **why)
{
	struct csv_reader	*r;
	char			**f;
	size_t			 nf, i;
	int			 map[CSV_FIELDS_MAX], ncols = 0, got, rc = QD_OK;

	if ((r = csv_open(data, len, CSV_UTF8, why)) == NULL)
		return QD_EINVAL;
	while ((got = csv_next(r, &f, &nf, why)) == 1 && rc == QD_OK) {
		if (ncols == 0) {
			for (i = 0; i < nf && rc == QD_OK; i++) {
				if ((map[i] = intake_col(f[i])) >= 0)
					continue;
				why_set(why, "表头：未知的列「%s」 header:"
				    " unknown column '%s'", f[i], f[i]);
				rc = QD_EINVAL;
			}
			ncols = (int)nf;
			continue;
		}
		if (nf != (size_t)ncols) {
			why_set(why, "第 %zu 行：应有 %d 列，实有 %zu 列 row %zu:"
			    " %d columns, not %d", *n + 1, ncols, nf, *n + 1,
			    (int)nf, ncols);
			rc = QD_EINVAL;
			break;
		}
		*rows = xreallocarray(*rows, *n + 1, sizeof **rows);
		memset(&(*rows)[*n], 0, sizeof **rows);
		for (i = 0; i < nf; i++) {
			if (*f[i] != '\0')
				(*rows)[*n].v[map[i]] = xstrdup(f[i]);
		}
		(*n)++;
	}
	csv_close(r);
	if (got < 0)
		rc = QD_EINVAL;
	return rc;
}

/* The four materials from "id cert photo form" (spaces or commas). */
static int
intake_materials(const char *list, struct qd_case_new *nc, char **why)
{
	char	*copy, *word, *save;
	int	 rc = QD_OK;

	if (list == NULL)
		return QD_OK;
	copy = xstrdup(list);
	for (word = strtok_r(copy, " ,", &save); word != NULL && rc == QD_OK;
	    word = strtok_r(NULL, " ,", &save)) {
		if (strcmp(word, "id") == 0)
			nc->mat_id = 1;
		else if (strcmp(word, "cert") == 0)
			nc->mat_cert = 1;
		else if (strcmp(word, "photo") == 0)
			nc->mat_photo = 1;
		else if (strcmp(word, "form") == 0)
			nc->mat_form = 1;
		else {
			why_set(why, "材料「%s」不明：应为 id cert photo form"
			    " unknown material '%s': one of id, cert, photo,"
			    " form", text_valid(word) ? word : "?",
			    text_valid(word) ? word : "?");
			rc = QD_EINVAL;
		}
	}
	free(copy);
	return rc;
}

/* 1 if text says yes: 1, true, yes, 是. */
static int
intake_yes(const char *text)
{
	return text != NULL && (strcmp(text, "1") == 0 ||
	    strcmp(text, "true") == 0 || strcmp(text, "yes") == 0 ||
	    strcmp(text, "是") == 0);
}

/*
 * The person of row: the one it names, the one registered with its MTP
 * number, or a new one; a match by name and birth date alone must be
 * named (applicant_id) or declined (new_person).
 */
static int
intake_person(sqlite3 *db, const struct qd_user *actor,
    const struct intake_row *r, struct intake_done *d, char **why)
{
	struct qd_applicant_new	 nf;
	struct qd_applicant_row	*m = NULL;
	size_t			 nm = 0, i;
	int			 rc;

	if (r->v[IN_APPLICANT] != NULL) {
		if ((d->applicant_id = cmd_number(r->v[IN_APPLICANT], 1,
		    INT64_MAX)) < 0) {
			why_set(why, "applicant_id 应为台胞编号 applicant_id is"
			    " an applicant's number");
			return QD_EINVAL;
		}
		return QD_OK;
	}
	memset(&nf, 0, sizeof nf);
	nf.name = r->v[IN_NAME];
	nf.sex = r->v[IN_SEX];
	nf.birth_date = r->v[IN_BIRTH];
	nf.mtp = r->v[IN_MTP];
	nf.residence_no = r->v[IN_RESIDENCE];
	nf.taiwan_id = r->v[IN_TAIWAN_ID];
	nf.phone = r->v[IN_PHONE];
	nf.email = r->v[IN_EMAIL];
	nf.address = r->v[IN_ADDRESS];
	nf.in_taiwan = intake_yes(r->v[IN_IN_TAIWAN]);
	/* By the number alone: that is the same person. */
	if ((rc = db_applicant_duplicates(db, actor, "", "", nf.mtp != NULL ?
	    nf.mtp : "", &m, &nm, why)) != QD_OK)
		return rc;
	if (nm > 0) {
		d->applicant_id = m[0].id;
		applicant_rows_free(m, nm);
		return QD_OK;
	}
	applicant_rows_free(m, nm);
	m = NULL;
	nm = 0;
	if (!intake_yes(r->v[IN_NEW]) && (rc = db_applicant_duplicates(db,
	    actor, nf.name != NULL ? nf.name : "", nf.birth_date != NULL ?
	    nf.birth_date : "", "", &m, &nm, why)) == QD_OK && nm > 0) {
		char	*ids = xstrdup(""), *t;

		for (i = 0; i < nm; i++) {
			xasprintf(&t, "%s%s%" PRId64, ids, i > 0 ? ", " : "",
			    m[i].id);
			free(ids);
			ids = t;
		}
		why_set(why, "已登记同名同生日的台胞（%s）：请给出 applicant_id，"
		    "或 new_person 为 true already registered with this name"
		    " and birth date (applicant %s): give applicant_id, or"
		    " new_person true", ids, ids);
		free(ids);
		rc = QD_ECONFLICT;
	}
	applicant_rows_free(m, nm);
	if (rc != QD_OK)
		return rc;
	d->applicant_new = 1;
	return applicant_add_tx(db, actor, &nf, &d->applicant_id, why);
}

/* Take in one row inside the batch's transaction. */
static int
intake_one(sqlite3 *db, const struct qd_user *actor,
    const struct intake_row *r, struct intake_done *d, char **why)
{
	struct qd_case_new	 nc;
	int			 rc;

	memset(d, 0, sizeof *d);
	memset(&nc, 0, sizeof nc);
	if ((rc = intake_person(db, actor, r, d, why)) != QD_OK)
		return rc;
	nc.applicant_id = d->applicant_id;
	nc.type = r->v[IN_TYPE] != NULL ? r->v[IN_TYPE] : "adoption";
	if (r->v[IN_CATALOG] != NULL && (nc.catalog_id =
	    cmd_number(r->v[IN_CATALOG], 1, INT64_MAX)) < 0) {
		why_set(why, "catalog_id 应为目录条目编号 catalog_id is a"
		    " catalog entry's number");
		return QD_EINVAL;
	}
	nc.tw_qual = r->v[IN_QUAL];
	nc.tw_cert_no = r->v[IN_CERT_NO];
	nc.channel = r->v[IN_CHANNEL];
	nc.notes = r->v[IN_NOTES];
	if ((rc = intake_materials(r->v[IN_MATERIALS], &nc, why)) != QD_OK)
		return rc;
	return case_open_tx(db, actor, &nc, &d->case_id, why);
}

/* Every row or none, in one transaction; *bad is the row that failed. */
static int
intake_batch(sqlite3 *db, const struct qd_user *actor,
    const struct intake_row *rows, size_t n, struct intake_done *done,
    size_t *bad, char **why)
{
	size_t	 i;
	int	 rc = QD_OK;

	if (db_begin(db) != QD_OK)
		return db_fail(db, why);
	for (i = 0; i < n && rc == QD_OK; i++) {
		*bad = i;
		rc = intake_one(db, actor, &rows[i], &done[i], why);
	}
	if (rc == QD_OK && db_commit(db) != QD_OK)
		rc = db_fail(db, why);
	if (rc != QD_OK)
		db_rollback(db);
	return rc;
}

static void
intake_print(struct cmd_ctx *ctx, enum cmd_format format,
    const struct intake_done *done, size_t n)
{
	size_t	 i;

	if (format == CMD_FORMAT_JSON)
		fputs("[", ctx->out);
	for (i = 0; i < n; i++) {
		if (format == CMD_FORMAT_JSON)
			fprintf(ctx->out, "%s{\"row\": %zu, \"applicant_id\": %"
			    PRId64 ", \"applicant_new\": %s, \"case_id\": %"
			    PRId64 "}", i > 0 ? ",\n " : "", i + 1,
			    done[i].applicant_id, done[i].applicant_new ?
			    "true" : "false", done[i].case_id);
		else
			fprintf(ctx->out, "row %zu: case %" PRId64 " for"
			    " applicant %" PRId64 "%s\n", i + 1,
			    done[i].case_id, done[i].applicant_id,
			    done[i].applicant_new ? " (new)" : "");
	}
	if (format == CMD_FORMAT_JSON)
		fputs("]\n", ctx->out);
}

/* All of standard input, at most INTAKE_MAX bytes; an exit code. */
static int
intake_read(struct cmd_ctx *ctx, char **data, size_t *len)
{
	size_t	 cap = 65536, got;

	*data = xmalloc(cap + 1);
	*len = 0;
	while ((got = fread(*data + *len, 1, cap - *len, ctx->in)) > 0) {
		*len += got;
		if (*len == cap && cap <= INTAKE_MAX)
			*data = xrealloc(*data, (cap *= 2) + 1);
		if (*len > INTAKE_MAX)
			break;
	}
	(*data)[*len] = '\0';
	if (*len > INTAKE_MAX || memchr(*data, '\0', *len) != NULL) {
		xfree(data);
		fprintf(ctx->err, "%s: 输入超过 4 MB 或含空字节 the input is over"
		    " 4 MB or holds a NUL byte\n", QD_NAME);
		return QD_EXIT_ERROR;
	}
	return QD_EXIT_OK;
}

int
cmd_cases_intake(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "input", required_argument, NULL, 'i' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	struct intake_row	*rows = NULL;
	struct intake_done	*done = NULL;
	enum cmd_format		 format = CMD_FORMAT_TEXT;
	const char		*input = NULL, *p;
	char			*data = NULL, *why = NULL;
	size_t			 len, n = 0, bad = 0;
	int			 c, rc;

	while ((c = cmd_getopt(ctx, "cases", argc, argv, opts, &rc)) != -1) {
		if (c == 'i')
			input = optarg;
		else if (c == 'f' && cmd_format_parse(optarg,
		    (1 << CMD_FORMAT_TEXT) | (1 << CMD_FORMAT_JSON), &format) !=
		    QD_OK)
			return cmd_usage_error(ctx, "cases", argv[0],
			    "--format is text or json");
	}
	if (rc != QD_EXIT_OK)
		return rc;
	if (argc != optind || (input != NULL && strcmp(input, "json") != 0 &&
	    strcmp(input, "csv") != 0))
		return cmd_usage_error(ctx, "cases", argv[0], "--input is json"
		    " or csv; the rows come on standard input");
	if ((rc = intake_read(ctx, &data, &len)) != QD_EXIT_OK)
		return rc;
	/* Without --input, JSON is what starts with [ . */
	p = data + strspn(data, " \t\r\n");
	if (input == NULL)
		input = *p == '[' ? "json" : "csv";
	rc = strcmp(input, "json") == 0 ?
	    intake_parse_json(ctx->db, data, &rows, &n, &why) :
	    intake_parse_csv(data, len, &rows, &n, &why);
	if (rc == QD_OK && (n == 0 || n > INTAKE_ROWS)) {
		why_set(&why, "没有可受理的行，或超过 %d 行 no rows, or more than"
		    " %d", INTAKE_ROWS, INTAKE_ROWS);
		rc = QD_EINVAL;
	}
	if (rc == QD_OK) {
		done = xcalloc(n, sizeof *done);
		if ((rc = intake_batch(ctx->db, ctx->actor, rows, n, done, &bad,
		    &why)) != QD_OK) {
			char *t = why;

			why = NULL;
			why_set(&why, "第 %zu 行 row %zu: %s（全部未受理 nothing"
			    " was taken in）", bad + 1, bad + 1,
			    t != NULL ? t : "");
			free(t);
		}
	}
	if (rc != QD_OK)
		rc = cmd_fail(ctx, rc, why);
	else
		intake_print(ctx, format, done, n);
	free(done);
	intake_rows_free(rows, n);
	free(data);
	free(why);
	return rc;
}
