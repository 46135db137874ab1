/* CSV reading and writing: RFC 4180, BOM, CRLF, GB18030, the errors. */
#include <stdlib.h>
#include <string.h>

#include "qualdesk.h"
#include "tap.h"

/* Read all of data; rows joined as "f1|f2\n", or "ERROR: why". */
static char *
read_all(const char *data, size_t len, enum csv_charset charset)
{
	struct csv_reader	*r;
	char			**fields, *why = NULL, *out = xstrdup(""), *t;
	size_t			  n, i;
	int			  got;

	if ((r = csv_open(data, len, charset, &why)) == NULL) {
		xasprintf(&t, "ERROR: %s", why);
		free(why);
		free(out);
		return t;
	}
	while ((got = csv_next(r, &fields, &n, &why)) == 1) {
		for (i = 0; i < n; i++) {
			xasprintf(&t, "%s%s%s", out, i > 0 ? "|" : "",
			    fields[i]);
			free(out);
			out = t;
		}
		xasprintf(&t, "%s\n", out);
		free(out);
		out = t;
	}
	if (got < 0) {
		xasprintf(&t, "%sERROR: %s", out, why);
		free(out);
		out = t;
		free(why);
	}
	csv_close(r);
	return out;
}

#define check_read(data, want, ...) do {				\
	char *got_ = read_all(data, sizeof data - 1, CSV_UTF8);		\
	is_str(got_, want, __VA_ARGS__);				\
	free(got_);							\
} while (0)

/* 1 if the reading of data fails with a message holding each of a, b. */
static int
fails_with(const char *data, size_t len, enum csv_charset charset,
    const char *a, const char *b)
{
	char	*got = read_all(data, len, charset);
	int	 pass;

	pass = strstr(got, "ERROR: ") != NULL && strstr(got, a) != NULL &&
	    (b == NULL || strstr(got, b) != NULL);
	if (!pass)
		printf("#   got '%s'\n", got);
	free(got);
	return pass;
}

static void
test_read(void)
{
	check_read("a,b,c\n1,2,3\n", "a|b|c\n1|2|3\n", "plain rows");
	check_read("\"a \"\"b\"\", c\",\"x\ny\",z\n", "a \"b\", c|x\ny|z\n",
	    "quotes: doubled quotes, an embedded comma and newline");
	check_read("a,b\r\n1,2\r\n", "a|b\n1|2\n", "CRLF line ends");
	check_read("\"x\r\ny\",2\r\n", "x\ny|2\n", "a CRLF inside quotes is LF");
	check_read("\xef\xbb\xbf" "a,b\n", "a|b\n", "a UTF-8 BOM is skipped");
	check_read("a,b\n1,2", "a|b\n1|2\n", "a last line without newline");
	check_read("a,b\r", "a|b\n", "a last line ending in CR alone");
	check_read("a\n\nb\n", "a\n\nb\n", "a blank line is one empty field");
	check_read(",,\n", "||\n", "empty fields");
	check_read("\"\",\"\"\n", "|\n", "empty quoted fields");
	check_read("", "", "no data, no rows");
	check_read("\xef\xbb\xbf", "", "only a BOM, no rows");
	check_read("陳大文,茶艺师\n", "陳大文|茶艺师\n", "CJK text");
}

static void
test_lines(void)
{
	const char		 data[] = "h1,h2\n\"a\nb\",c\nd,e\n";
	struct csv_reader	*r;
	char			**f, *why = NULL;
	size_t			  n;

	r = csv_open(data, sizeof data - 1, CSV_UTF8, &why);
	csv_next(r, &f, &n, &why);
	is_int(csv_row_line(r), 1, "the header is line 1");
	csv_next(r, &f, &n, &why);
	is_int(csv_row_line(r), 2, "a row with a quoted newline starts on 2");
	csv_next(r, &f, &n, &why);
	is_int(csv_row_line(r), 4, "and the next row is on line 4");
	is_int(csv_next(r, &f, &n, &why), 0, "then the end");
	csv_close(r);
}

static void
test_errors(void)
{
	char	*big, *got;
	size_t	 i;

	ok(fails_with("a,b\nc,\"d\ne\n", 11, CSV_UTF8, "line 2",
	    "never closed"), "an unterminated quote names the line it opened");
	ok(fails_with("a\nab\"c\n", 7, CSV_UTF8, "line 2", "a quote inside"),
	    "a quote inside an unquoted field");
	ok(fails_with("\"a\"b\n", 5, CSV_UTF8, "line 1", "after a closing"),
	    "text after a closing quote");
	ok(fails_with("a\x01" "b\n", 4, CSV_UTF8, "line 1", "control"),
	    "a control character");
	ok(fails_with("a\tb\n", 4, CSV_UTF8, "field 1", "control"),
	    "a tab is a control character too");
	ok(fails_with("\"a\rb\"\n", 6, CSV_UTF8, "line 1", "control"),
	    "a lone CR inside quotes");
	ok(fails_with("a,b\nc,\0\n", 8, CSV_UTF8, "line 2", "NUL"),
	    "a NUL byte");
	ok(fails_with("a\n\xc2\x85\n", 5, CSV_UTF8, "line 2", "control"),
	    "a C1 control character");
	ok(fails_with("a,b\nx,\xb3\xc2\n", 9, CSV_UTF8, "line 2",
	    "field 2 is not valid UTF-8 text (if Excel saved"),
	    "GB18030 bytes read as UTF-8: the field and a hint");
	ok(fails_with("\xe8\x8c\n", 3, CSV_UTF8, "line 1", "not valid UTF-8"),
	    "a truncated UTF-8 character");
	/*
	 * Found by fuzz-csv: a field that ends in the first byte of a
	 * 3-byte character, in a buffer grown to hold a longer field, was
	 * read past its end (ASan saw it).
	 */
	big = xmalloc(131);
	memset(big, 'B', 126);
	memcpy(big + 126, "\xef\n?", 4);
	ok(fails_with(big, 129, CSV_UTF8, "line 1", "not valid UTF-8"),
	    "a field of 126 bytes ending in a cut character");
	free(big);

	big = xmalloc(200);
	for (i = 0; i < 64; i++)
		memcpy(big + i * 2, "x,", 2);
	big[127] = '\n';
	got = read_all(big, 128, CSV_UTF8);
	ok(strstr(got, "ERROR") == NULL && strlen(got) == 128,
	    "64 fields are fine");
	free(got);
	memcpy(big + 127, ",x\n", 3);
	ok(fails_with(big, 130, CSV_UTF8, "line 1", "more than 64 fields"),
	    "65 fields are too many");
	free(big);
	big = xmalloc(70001);
	memset(big, 'x', 70000);
	big[70000] = '\n';
	ok(fails_with(big, 70001, CSV_UTF8, "line 1", "longer than 65536"),
	    "a row over 64 KiB");
	big[0] = '"';
	ok(fails_with(big, 70001, CSV_UTF8, "line 1", "longer than 65536"),
	    "a quoted field over 64 KiB");
	free(big);
}

/* Stop after an error: no row comes after it. */
static void
test_stops(void)
{
	const char		 data[] = "a\n\"b\nc\n";
	struct csv_reader	*r;
	char			**f, *why = NULL;
	size_t			  n;

	r = csv_open(data, sizeof data - 1, CSV_UTF8, &why);
	is_int(csv_next(r, &f, &n, &why), 1, "a good row");
	is_int(csv_next(r, &f, &n, &why), -1, "a bad row");
	ok(why != NULL && strncmp(why, "第2行 line 2:", 15) == 0,
	    "the message starts with the line in both languages (%s)", why);
	is_int(csv_next(r, &f, &n, &why), 0, "nothing after it");
	free(why);
	csv_close(r);
}

static void
test_gb18030(void)
{
	const char	*row[] = { "陳", "陈", "茶艺师", "a,b" };
	const char	 want[] = "\xea\x90,\xb3\xc2,\xb2\xe8\xd2\xd5\xca\xa6,"
	    "\"a,b\"\r\n";
	char		*buf = NULL, *why = NULL, *got;
	size_t		 len = 0;
	FILE		*f;

	f = open_memstream(&buf, &len);
	is_int(csv_write_row(f, row, 4, CSV_GB18030, &why), QD_OK,
	    "write a row as GB18030");
	fclose(f);
	ok(len == sizeof want - 1 && memcmp(buf, want, len) == 0,
	    "陳, 陈 and 茶艺师 in GB18030 bytes");
	got = read_all(buf, len, CSV_GB18030);
	is_str(got, "陳|陈|茶艺师|a,b\n", "and read back as the same UTF-8");
	free(got);
	free(buf);

	ok(fails_with("a,b\n\xb3\xc2,\xff\n", 9, CSV_GB18030, "line 2",
	    "0xff is not GB18030"), "a byte that is not GB18030 names its line");
	ok(fails_with("a\n\xb3", 3, CSV_GB18030, "line 2", "ends inside"),
	    "a file ending inside a GB18030 character");
	ok(fails_with("\xef\xbb\xbf" "a\n", 5, CSV_GB18030, "UTF-8 BOM", NULL),
	    "a UTF-8 file read as GB18030 is refused with a hint");
	got = read_all("\x84\x31\x95\x33" "a\n", 6, CSV_GB18030);
	is_str(got, "a\n", "GB18030's own BOM is skipped");
	free(got);
	free(why);
}

/* Write fields as UTF-8 CSV into a string (caller frees), or NULL. */
static char *
write_row(const char *const *fields, size_t n, int *rc, char **why)
{
	char	*buf = NULL;
	size_t	 len = 0;
	FILE	*f;

	f = open_memstream(&buf, &len);
	*rc = csv_write_row(f, fields, n, CSV_UTF8, why);
	fclose(f);
	return buf;
}

static void
test_write(void)
{
	const char	*row[] = { "plain", "a,b", "say \"hi\"", "two\nlines",
	    "", " sp ", "陳" };
	const char	*bad[] = { "ok", "a\tb" };
	const char	*badutf[] = { "\xb3\xc2" };
	const char	*bom[] = { "\xef\xbb\xbfx" };
	char		*out, *why = NULL, *back;
	int		 rc;
	enum csv_charset cs;

	out = write_row(row, 7, &rc, &why);
	is_str(out, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",, sp ,陳\r\n",
	    "quoted only where needed, CRLF at the end");
	back = read_all(out, strlen(out), CSV_UTF8);
	is_str(back, "plain|a,b|say \"hi\"|two\nlines|| sp |陳\n",
	    "and it reads back the same");
	free(back);
	free(out);
	out = write_row(bom, 1, &rc, &why);
	back = read_all(out, strlen(out), CSV_UTF8);
	is_str(back, "\xef\xbb\xbfx\n", "a field starting with a BOM keeps it");
	free(back);
	free(out);
	{
		const char *formula[] = { "=HYPERLINK(\"http://x\",\"y\")",
		    "+886912345678", "-2+3", "@SUM(A1)", "'=1", "a=b", "'x" };

		out = write_row(formula, 7, &rc, &why);
		is_str(out, "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\","
		    "'+886912345678,'-2+3,'@SUM(A1),''=1,a=b,'x\r\n",
		    "a cell a spreadsheet would run gets an apostrophe");
		back = read_all(out, strlen(out), CSV_UTF8);
		is_str(back, "=HYPERLINK(\"http://x\",\"y\")|+886912345678|"
		    "-2+3|@SUM(A1)|'=1|a=b|'x\n",
		    "which the reader drops: it reads back the same");
		free(back);
		free(out);
	}
	out = write_row(bad, 2, &rc, &why);
	is_int(rc, QD_EINVAL, "a tab is refused");
	ok(why != NULL && strstr(why, "field 2") != NULL, "naming the field");
	free(out);
	out = write_row(badutf, 1, &rc, &why);
	is_int(rc, QD_EINVAL, "invalid UTF-8 is refused, not written as '?'");
	free(out);
	free(why);

	ok(csv_charset_parse("UTF-8", &cs) == QD_OK && cs == CSV_UTF8,
	    "UTF-8 by name");
	ok(csv_charset_parse("gbk", &cs) == QD_OK && cs == CSV_GB18030,
	    "gbk is read as gb18030");
	ok(csv_charset_parse("GB18030", &cs) == QD_OK && cs == CSV_GB18030,
	    "GB18030 in capitals");
	ok(csv_charset_parse("latin1", &cs) == QD_EINVAL, "latin1 is not one");
}

int
main(void)
{
	test_read();
	test_lines();
	test_errors();
	test_stops();
	test_gb18030();
	test_write();
	return done_testing();
}
