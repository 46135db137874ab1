/*
 * The relay's charset converter: names from locales, Big5 and GB18030 both
 * ways, characters cut by a read, visible replacements of the same width,
 * ASCII terminals, and command output that is not text.
 */
#include <stdlib.h>
#include <string.h>

#include "qualdesk.h"
#include "tap.h"

#define CHEN_DA_WEN	"\xe9\x99\xb3\xe5\xa4\xa7\xe6\x96\x87"	/* 陳大文 */
#define CHEN_BIG5	"\xb3\xaf\xa4\x6a\xa4\xe5"
#define CHEN_GB18030	"\xea\x90\xb4\xf3\xce\xc4"

/* to_client of s, one call, as a NUL-terminated string in out. */
static const char *
out1(struct session_charset *cs, const char *s, char *out)
{
	size_t	 n = session_charset_to_client(cs, s, strlen(s), out);

	out[n] = '\0';
	return out;
}

/* from_client of s in one call. */
static const char *
in1(struct session_charset *cs, const char *s, char *out, size_t size)
{
	size_t	 used, n;

	n = session_charset_from_client(cs, s, strlen(s), out, size, &used);
	out[n] = '\0';
	return used == strlen(s) ? out : "(not all taken)";
}

static void
test_names(void)
{
	char	 name[32];

	is_int(session_charset_name("zh_TW.Big5", name, sizeof name),
	    SESSION_CHARSET_OTHER, "zh_TW.Big5 needs conversion");
	is_str(name, "Big5", "its codeset");
	is_int(session_charset_name("zh_CN.GB18030@x", name, sizeof name),
	    SESSION_CHARSET_OTHER, "a modifier is dropped");
	is_str(name, "GB18030", "codeset before the @");
	is_int(session_charset_name("en_US.UTF-8", name, sizeof name),
	    SESSION_CHARSET_UTF8, "UTF-8 needs none");
	is_int(session_charset_name("zh_CN.utf8", name, sizeof name),
	    SESSION_CHARSET_UTF8, "utf8 either");
	is_int(session_charset_name("C", name, sizeof name),
	    SESSION_CHARSET_ASCII, "LANG=C is ASCII");
	is_int(session_charset_name("POSIX", name, sizeof name),
	    SESSION_CHARSET_ASCII, "POSIX is ASCII");
	is_int(session_charset_name("C.UTF-8", name, sizeof name),
	    SESSION_CHARSET_UTF8, "C.UTF-8 is UTF-8");
	is_int(session_charset_name("zh_CN", name, sizeof name),
	    SESSION_CHARSET_NONE, "a locale without codeset says nothing");
	is_int(session_charset_name("gbk;rm", name, sizeof name),
	    SESSION_CHARSET_BAD, "a name with a ';' is refused");
	is_int(session_charset_name("", name, sizeof name),
	    SESSION_CHARSET_NONE, "empty says nothing");
}

static void
test_big5(void)
{
	struct session_charset	 cs;
	char			 out[256], *why = NULL;
	size_t			 n, i, used;

	session_charset_init(&cs);
	ok(session_charset_open(&cs, "zh_TW.Big5", &why) == QD_OK,
	    "Big5 opens");
	ok(cs.active && !cs.ascii, "and converts");
	is_str(out1(&cs, "ab " CHEN_DA_WEN, out), "ab " CHEN_BIG5,
	    "陳大文 goes out in Big5");
	/* Byte by byte: each character waits for its last byte. */
	n = 0;
	for (i = 0; i < strlen(CHEN_DA_WEN); i++)
		n += session_charset_to_client(&cs, CHEN_DA_WEN + i, 1,
		    out + n);
	out[n] = '\0';
	is_str(out, CHEN_BIG5, "a character cut by every read still converts");
	/* 们 (simplified only) and an emoji: full-width ？, two columns. */
	is_str(out1(&cs, "\xe4\xbb\xac|", out), "\xa1\x48|",
	    "a character Big5 lacks is a full-width question mark");
	is_str(out1(&cs, "\xf0\x9f\x98\x80|", out), "\xa1\x48|",
	    "so is an emoji");
	is_str(out1(&cs, "\xe2\x94\x80\xe2\x86\x92\xc2\xb7", out), "->.",
	    "narrow box drawing, arrow and dot keep one column");
	is_str(out1(&cs, "\xff" "a", out), "?a", "a bad byte shows as ?");
	is_str(in1(&cs, CHEN_BIG5, out, sizeof out), CHEN_DA_WEN,
	    "陳大文 typed in Big5 arrives as UTF-8");
	/* The first byte of 陳 alone, then the rest. */
	n = session_charset_from_client(&cs, CHEN_BIG5, 1, out, sizeof out,
	    &used);
	ok(n == 0 && used == 1, "half a character is taken and kept");
	n = session_charset_from_client(&cs, CHEN_BIG5 + 1, 5, out,
	    sizeof out, &used);
	out[n] = '\0';
	ok(used == 5, "the rest is taken");
	is_str(out, CHEN_DA_WEN, "and completes it");
	is_str(in1(&cs, "\xffz", out, sizeof out), "\xef\xbf\xbdz",
	    "a byte that is no Big5 becomes U+FFFD, the rest follows");
	n = session_charset_from_client(&cs, CHEN_BIG5, 6, out, 4, &used);
	ok(n == 3 && used == 2, "a full buffer takes only what fits");
	session_charset_close(&cs);
	ok(!cs.active, "closed: no conversion");
}

static void
test_gb18030(void)
{
	struct session_charset	 cs;
	char			 out[256], *why = NULL;
	size_t			 n, used, i;
	/* 𠀀 U+20000 is four bytes in GB18030. */
	const char		*four = "\x95\x32\x82\x36";

	session_charset_init(&cs);
	ok(session_charset_open(&cs, "GB18030", &why) == QD_OK,
	    "GB18030 opens by name");
	is_str(out1(&cs, CHEN_DA_WEN, out), CHEN_GB18030,
	    "陳大文 goes out in GB18030");
	is_str(in1(&cs, CHEN_GB18030, out, sizeof out), CHEN_DA_WEN,
	    "and comes back");
	n = 0;
	for (i = 0; i < 4; i++) {
		n += session_charset_from_client(&cs, four + i, 1, out + n,
		    sizeof out - n, &used);
		ok(used == 1, "byte %zu of a four-byte character taken", i + 1);
	}
	out[n] = '\0';
	is_str(out, "\xf0\xa0\x80\x80", "the four bytes make U+20000");
	is_str(out1(&cs, "\xf0\xa0\x80\x80", out), four,
	    "U+20000 goes out in four bytes");
	session_charset_close(&cs);
}

static void
test_ascii_and_errors(void)
{
	struct session_charset	 cs;
	char			 out[256], *why = NULL;

	session_charset_init(&cs);
	ok(session_charset_open(&cs, "C", &why) == QD_OK, "LANG=C opens");
	ok(cs.ascii, "as ASCII");
	is_str(out1(&cs, "\xe4\xb8\xad" "a\xe2\x94\x82", out), "??a|",
	    "Chinese is ?? (two columns), a bar is |");
	is_str(in1(&cs, "\xe4\xb8\xad", out, sizeof out), "\xe4\xb8\xad",
	    "what an ASCII terminal sends goes on unchanged");
	session_charset_close(&cs);
	ok(session_charset_open(&cs, "en_GB.UTF-8", &why) == QD_OK &&
	    !cs.active, "UTF-8: no conversion");
	ok(session_charset_open(&cs, "xx_XX.NOSUCH-42", &why) == QD_EINVAL,
	    "an unknown charset is refused");
	ok(why != NULL && strstr(why, "NOSUCH-42") != NULL,
	    "the message names it (%s)", why != NULL ? why : "");
	ok(!cs.active, "and nothing is converted");
	free(why);
	why = NULL;
	ok(session_charset_open(&cs, "big5`x`", &why) == QD_EINVAL,
	    "a name with odd characters is refused");
	free(why);
	ok(session_charset_is_text("cases\n" CHEN_DA_WEN, 15),
	    "UTF-8 text is text");
	ok(!session_charset_is_text("%PDF-1.5\n%\xb5\xed\xae\xfb", 14),
	    "a PDF is not");
	ok(!session_charset_is_text("a\0b", 3), "nor a NUL");
	ok(session_charset_is_text("a\xe9\x99", 3),
	    "a character cut at the end of a read still is");
}

int
main(void)
{
	test_names();
	test_big5();
	test_gb18030();
	test_ascii_and_errors();
	return done_testing();
}
