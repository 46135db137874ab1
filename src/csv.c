/*
 * CSV files as RFC 4180 writes them and as Excel saves them: UTF-8 (with
 * or without a BOM) or GB18030 on Chinese Windows, converted with iconv.
 * A byte that does not convert is an error naming its line, never dropped
 * and never a '?'.
 */
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "qualdesk.h"

#define CSV_ROW_MAX	(64 * 1024)	/* bytes of one row, as UTF-8 */

static const char csv_bom[] = "\xef\xbb\xbf";

/* The charsets by the names a command line may use. */
static const struct {
	const char		*name;
	enum csv_charset	 charset;
} csv_charsets[] = {
	{ "utf-8", CSV_UTF8 },
	{ "utf8", CSV_UTF8 },
	{ "gb18030", CSV_GB18030 },
	{ "gbk", CSV_GB18030 },		/* GB18030 is a superset of GBK */
};

/* Why a field is not clean text, in both languages. */
struct csv_fault {
	const char	*zh;
	const char	*en;
};
static const struct csv_fault csv_fault_nul = { "含有 NUL 字节", "holds a NUL byte" };
static const struct csv_fault csv_fault_utf8 = { "不是有效的 UTF-8 文字",
    "is not valid UTF-8 text" };
static const struct csv_fault csv_fault_utf8_excel = {
    "不是有效的 UTF-8 文字（Excel 另存的 CSV 请按 GB18030 读入）",
    "is not valid UTF-8 text (if Excel saved the file, read it as GB18030)" };
static const struct csv_fault csv_fault_control = { "含有控制字符",
    "holds a control character" };

struct csv_reader {
	enum csv_charset charset;
	char		*own;		/* converted text, or NULL */
	const char	*buf;		/* UTF-8 text */
	size_t		 len;
	size_t		 pos;
	size_t		 line;		/* line at pos, from 1 */
	size_t		 row_line;	/* where the last row started */
	size_t		 row_start;	/* its first byte */
	char		**fields;	/* the last row, owned */
	size_t		 nfields;
	char		*field;		/* the field being read */
	size_t		 flen;
	size_t		 fsize;
};

/* Set *why (if why is not NULL), freeing what was there. */
static void __attribute__((format(printf, 2, 3)))
csv_why(char **why, const char *fmt, ...)
{
	va_list	 ap;

	if (why == NULL)
		return;
	free(*why);
	va_start(ap, fmt);
	xvasprintf(why, fmt, ap);
	va_end(ap);
}

int
csv_charset_parse(const char *name, enum csv_charset *out)
{
	size_t	 i;

	for (i = 0; i < nitems(csv_charsets); i++) {
		if (strcasecmp(name, csv_charsets[i].name) == 0) {
			*out = csv_charsets[i].charset;
			return QD_OK;
		}
	}
	return QD_EINVAL;
}

const char *
csv_charset_name(enum csv_charset charset)
{
	return charset == CSV_GB18030 ? "gb18030" : "utf-8";
}

/* The line of byte off in data: one more than the newlines before it. */
static size_t
csv_line_at(const char *data, size_t off)
{
	size_t	 i, line = 1;

	for (i = 0; i < off; i++) {
		if (data[i] == '\n')
			line++;
	}
	return line;
}

/*
 * Convert data from GB18030 into *out (caller frees, NUL-ended). In
 * GB18030 a newline byte is never part of a character, so counting them
 * names the line of a bad byte.
 */
static int
csv_from_gb18030(const char *data, size_t len, char **out, size_t *outlen,
    char **why)
{
	iconv_t		 cd;
	char		*in = (char *)data, *buf, *o;
	size_t		 inleft = len, size = len * 2 + 16, oleft, done;

	*out = NULL;
	if ((cd = iconv_open("UTF-8", "GB18030")) == (iconv_t)-1) {
		csv_why(why, "本机不支持 GB18030 this system cannot convert "
		    "GB18030");
		return QD_ESYS;
	}
	buf = xmalloc(size);
	o = buf;
	oleft = size - 1;
	while (inleft > 0) {
		if (iconv(cd, &in, &inleft, &o, &oleft) != (size_t)-1)
			continue;
		if (errno == E2BIG) {
			done = (size_t)(o - buf);
			size *= 2;
			buf = xrealloc(buf, size);
			o = buf + done;
			oleft = size - done - 1;
			continue;
		}
		csv_why(why, "第%zu行 line %zu: 字节 0x%02x 不是 GB18030 "
		    "文字 byte 0x%02x is not GB18030 text%s",
		    csv_line_at(data, (size_t)(in - data)),
		    csv_line_at(data, (size_t)(in - data)), (unsigned char)*in,
		    (unsigned char)*in, errno == EINVAL ?
		    " (the file ends inside a character)" : "");
		free(buf);
		iconv_close(cd);
		return QD_EINVAL;
	}
	iconv_close(cd);
	*o = '\0';
	*out = buf;
	*outlen = (size_t)(o - buf);
	return QD_OK;
}

struct csv_reader *
csv_open(const char *data, size_t len, enum csv_charset charset, char **why)
{
	struct csv_reader	*r;
	char			*own = NULL;

	if (charset == CSV_GB18030) {
		if (len >= 3 && memcmp(data, csv_bom, 3) == 0) {
			csv_why(why, "第1行 line 1: 文件是 UTF-8 编码（有 BOM），"
			    "请选 utf-8 the file is UTF-8 (it starts with a "
			    "UTF-8 BOM): use the utf-8 charset");
			return NULL;
		}
		if (csv_from_gb18030(data, len, &own, &len, why) != QD_OK)
			return NULL;
		data = own;
	}
	r = xcalloc(1, sizeof *r);
	r->charset = charset;
	r->own = own;
	r->buf = data;
	r->len = len;
	r->line = 1;
	if (len >= 3 && memcmp(data, csv_bom, 3) == 0)
		r->pos = 3;
	return r;
}

/* Free the last row's fields. */
static void
csv_clear(struct csv_reader *r)
{
	size_t	 i;

	for (i = 0; i < r->nfields; i++)
		free(r->fields[i]);
	free(r->fields);
	r->fields = NULL;
	r->nfields = 0;
}

void
csv_close(struct csv_reader *r)
{
	if (r == NULL)
		return;
	csv_clear(r);
	free(r->field);
	free(r->own);
	free(r);
}

size_t
csv_row_line(const struct csv_reader *r)
{
	return r->row_line;
}

/*
 * Why s (n bytes) is not clean UTF-8 text, or NULL if it is: a control
 * character (newlines allowed when nl is set) or an invalid sequence.
 */
static const struct csv_fault *
csv_text_check(const char *s, size_t n, int nl)
{
	const unsigned char	*u = (const unsigned char *)s;
	size_t			 i = 0;
	int			 len;

	while (i < n) {
		if (u[i] == '\0')
			return &csv_fault_nul;
		if (u[i] < 0x80) {
			if ((u[i] < 0x20 && !(nl && u[i] == '\n')) ||
			    u[i] == 0x7f)
				return &csv_fault_control;
			i++;
			continue;
		}
		len = text_char_len(s + i);
		if (len == 1 || i + (size_t)len > n)
			return &csv_fault_utf8;
		/* C1 controls, U+0080 to U+009F. */
		if (u[i] == 0xc2 && u[i + 1] < 0xa0)
			return &csv_fault_control;
		i += (size_t)len;
	}
	return NULL;
}

/*
 * 1 if a spreadsheet would take field for a formula (it begins with = + -
 * @, a tab or CR, after any apostrophes): such a field is written with one
 * more apostrophe in front, as OWASP advises, and a reader drops it.
 */
static int
csv_formula_like(const char *field, size_t n)
{
	size_t	 i = 0;

	while (i < n && field[i] == '\'')
		i++;
	return i < n && strchr("=+-@\t\r", field[i]) != NULL;
}

/* The row being read is too long. */
static int
csv_too_long(struct csv_reader *r, char **why)
{
	csv_why(why, "第%zu行 line %zu: 一行超过 %d 字节 the row is longer "
	    "than %d bytes", r->row_line, r->row_line, CSV_ROW_MAX,
	    CSV_ROW_MAX);
	return -1;
}

/* Add one byte to the field being read; -1 past the row's limit. */
static int
csv_put(struct csv_reader *r, char c)
{
	if (r->pos - r->row_start > CSV_ROW_MAX)
		return -1;
	if (r->flen + 1 >= r->fsize) {
		r->fsize = r->fsize == 0 ? 64 : r->fsize * 2;
		r->field = xrealloc(r->field, r->fsize);
	}
	r->field[r->flen++] = c;
	/* Kept terminated: the UTF-8 check reads a character whole. */
	r->field[r->flen] = '\0';
	return 0;
}

/* The field read ends; check it and add it to the row. */
static int
csv_end_field(struct csv_reader *r, int quoted, size_t line, char **why)
{
	const struct csv_fault	*bad;
	size_t			 skip;

	if (r->nfields >= CSV_FIELDS_MAX) {
		csv_why(why, "第%zu行 line %zu: 超过 %d 列 more than %d "
		    "fields", r->row_line, r->row_line, CSV_FIELDS_MAX,
		    CSV_FIELDS_MAX);
		return -1;
	}
	if ((bad = csv_text_check(r->field, r->flen, quoted)) != NULL) {
		if (bad == &csv_fault_utf8 && r->charset == CSV_UTF8)
			bad = &csv_fault_utf8_excel;
		csv_why(why, "第%zu行 line %zu: 第 %zu 列%s field %zu %s", line,
		    line, r->nfields + 1, bad->zh, r->nfields + 1, bad->en);
		return -1;
	}
	r->fields = xreallocarray(r->fields, r->nfields + 1, sizeof *r->fields);
	/* The apostrophe the writer puts before a formula-like field. */
	skip = r->flen > 0 && r->field[0] == '\'' &&
	    csv_formula_like(r->field + 1, r->flen - 1);
	r->fields[r->nfields++] = xstrndup(r->field != NULL ? r->field + skip :
	    "", r->flen - skip);
	return 0;
}

/*
 * Read a quoted field from after its opening quote to after its closing
 * one. A CRLF inside becomes LF.
 */
static int
csv_quoted(struct csv_reader *r, char **why)
{
	size_t	 start = r->line;
	char	 c;

	for (;;) {
		if (r->pos >= r->len) {
			csv_why(why, "第%zu行 line %zu: 引号没有结束 the quote "
			    "opened here is never closed", start, start);
			return -1;
		}
		c = r->buf[r->pos++];
		if (c == '"') {
			if (r->pos >= r->len || r->buf[r->pos] != '"')
				return 0;
			r->pos++;
		} else if (c == '\r' && r->pos < r->len &&
		    r->buf[r->pos] == '\n')
			continue;
		else if (c == '\n')
			r->line++;
		if (csv_put(r, c) != 0)
			return csv_too_long(r, why);
	}
}

/* 1 if a line ends at pos: LF, CRLF, or a CR as the last byte. */
static int
csv_line_end(const struct csv_reader *r)
{
	const char	*p = r->buf + r->pos;

	return *p == '\n' || (*p == '\r' && (r->pos + 1 == r->len ||
	    p[1] == '\n'));
}

/* Read an unquoted field up to a comma, a line end or the end. */
static int
csv_plain(struct csv_reader *r, char **why)
{
	char	 c;

	while (r->pos < r->len && r->buf[r->pos] != ',' && !csv_line_end(r)) {
		if ((c = r->buf[r->pos]) == '"') {
			csv_why(why, "第%zu行 line %zu: 引号出现在未加引号的"
			    "字段中 a quote inside a field that does not start "
			    "with one", r->line, r->line);
			return -1;
		}
		if (csv_put(r, c) != 0)
			return csv_too_long(r, why);
		r->pos++;
	}
	return 0;
}

/*
 * After a field: a comma (another field follows, 1), a line end or the
 * end of the text (the row ends, 0), anything else is an error (-1).
 */
static int
csv_after_field(struct csv_reader *r, char **why)
{
	if (r->pos >= r->len)
		return 0;
	if (r->buf[r->pos] == ',') {
		r->pos++;
		return 1;
	}
	if (csv_line_end(r)) {
		if (r->buf[r->pos] == '\r')
			r->pos++;
		if (r->pos < r->len)
			r->pos++;
		r->line++;
		return 0;
	}
	csv_why(why, "第%zu行 line %zu: 右引号后还有字符 text after a "
	    "closing quote", r->line, r->line);
	return -1;
}

int
csv_next(struct csv_reader *r, char ***fields, size_t *n, char **why)
{
	size_t	 line;
	int	 quoted, more;

	csv_clear(r);
	*fields = NULL;
	*n = 0;
	if (r->pos >= r->len)
		return 0;
	r->row_line = r->line;
	r->row_start = r->pos;
	do {
		line = r->line;
		r->flen = 0;
		quoted = r->pos < r->len && r->buf[r->pos] == '"';
		if (quoted)
			r->pos++;
		if ((quoted ? csv_quoted(r, why) : csv_plain(r, why)) != 0 ||
		    (more = csv_after_field(r, why)) < 0 ||
		    csv_end_field(r, quoted, line, why) != 0)
			goto fail;
	} while (more);
	*fields = r->fields;
	*n = r->nfields;
	return 1;
fail:
	csv_clear(r);
	r->pos = r->len;
	return -1;
}

/* Append field to *line (UTF-8), quoted when it must be. */
static void
csv_quote(char **line, size_t *len, const char *field)
{
	size_t	 n = strlen(field), i, o = *len;
	int	 q, guard = csv_formula_like(field, n);

	/* A leading BOM is quoted so that a reader keeps it. */
	q = field[strcspn(field, ",\"\r\n")] != '\0' ||
	    strncmp(field, csv_bom, 3) == 0;
	*line = xrealloc(*line, o + 2 * n + 5);
	if (q)
		(*line)[o++] = '"';
	if (guard)
		(*line)[o++] = '\'';
	for (i = 0; i < n; i++) {
		if (field[i] == '"')
			(*line)[o++] = '"';
		(*line)[o++] = field[i];
	}
	if (q)
		(*line)[o++] = '"';
	*len = o;
}

/* Convert n bytes of UTF-8 to GB18030 (caller frees *out). */
static int
csv_to_gb18030(const char *s, size_t n, char **out, size_t *outlen)
{
	iconv_t		 cd;
	char		*in = (char *)s, *o;
	size_t		 inleft = n, oleft = n * 2 + 4;
	int		 rc = QD_OK;

	if ((cd = iconv_open("GB18030", "UTF-8")) == (iconv_t)-1)
		return QD_ESYS;
	*out = o = xmalloc(oleft);
	/* GB18030 takes at most four bytes for a four-byte UTF-8 character. */
	if (iconv(cd, &in, &inleft, &o, &oleft) == (size_t)-1)
		rc = QD_EINVAL;
	iconv_close(cd);
	*outlen = (size_t)(o - *out);
	return rc;
}

int
csv_write_row(FILE *f, const char *const *fields, size_t n,
    enum csv_charset charset, char **why)
{
	char		*line = NULL, *conv = NULL;
	const struct csv_fault	*bad;
	size_t		 len = 0, clen, i;
	int		 rc = QD_OK;

	for (i = 0; i < n; i++) {
		if ((bad = csv_text_check(fields[i], strlen(fields[i]), 1)) !=
		    NULL) {
			csv_why(why, "第 %zu 列%s field %zu %s", i + 1,
			    bad->zh, i + 1, bad->en);
			rc = QD_EINVAL;
			goto out;
		}
		if (i > 0) {
			line = xrealloc(line, len + 1);
			line[len++] = ',';
		}
		csv_quote(&line, &len, fields[i]);
	}
	line = xrealloc(line, len + 2);
	line[len++] = '\r';
	line[len++] = '\n';
	if (charset == CSV_GB18030) {
		if ((rc = csv_to_gb18030(line, len, &conv, &clen)) != QD_OK) {
			csv_why(why, "有字符无法以 GB18030 表示 a character "
			    "has no GB18030 form");
			goto out;
		}
		if (fwrite(conv, 1, clen, f) != clen)
			rc = QD_ESYS;
	} else if (fwrite(line, 1, len, f) != len)
		rc = QD_ESYS;
	if (rc == QD_ESYS)
		csv_why(why, "写入失败 cannot write: %s", strerror(errno));
out:
	free(line);
	free(conv);
	return rc;
}

int
csv_write_bom(FILE *f, enum csv_charset charset)
{
	if (charset != CSV_UTF8)
		return QD_OK;
	return fwrite(csv_bom, 1, 3, f) == 3 ? QD_OK : QD_ESYS;
}
