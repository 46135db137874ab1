/*
 * Names folded for search: Traditional and Simplified, spaces and dots,
 * bad bytes and a missing OpenCC. The names are invented.
 */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "qualdesk.h"
#include "tap.h"

/* 1 if namekey(in) is want; says what it got otherwise. */
static void
key_is(const char *in, const char *want, const char *what)
{
	char	*k = namekey(in);

	is_str(k, want, "%s", what);
	free(k);
}

/* 1 if a and b give the same key. */
static void
same_key(const char *a, const char *b, const char *what)
{
	char	*ka = namekey(a), *kb = namekey(b);

	is_str(ka, kb, "%s", what);
	free(ka);
	free(kb);
}

static double
now(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void
test_fold(void)
{
	ok(namekey_ready(), "OpenCC t2s.json loads");
	key_is("陳大文", "陈大文", "陳 folds to 陈");
	key_is("陈大文", "陈大文", "Simplified stays as it is");
	key_is("陳 大文", "陈大文", "a space inside is dropped");
	key_is("\xe3\x80\x80陳\xe3\x80\x80大文\xe3\x80\x80", "陈大文",
	    "ideographic spaces are dropped");
	key_is(" 陳\t大文\n", "陈大文", "tabs and newlines are dropped");
	key_is("陳\xe2\x80\x8b大\xe2\x80\xae文\xe2\x81\xa6", "陈大文",
	    "zero-width and bidirectional controls are dropped");
	key_is("\xe2\x80\xad\xe3\x80\x80", "",
	    "a name of only invisible characters has an empty key");
	key_is("黃志明", "黄志明", "黃 folds to 黄");
	key_is("張美玲", "张美玲", "張 folds to 张");
	key_is("臺灣", "台湾", "臺灣 folds to 台湾");
	key_is("臺北", "台北", "臺 folds to 台");
	same_key("陳 大文", "陈大文", "陳 大文 and 陈大文 find each other");
	same_key("黃 美華", "黄美华", "黃 美華 and 黄美华 find each other");
	same_key("張\xe3\x80\x80志強", "张志强", "張　志強 and 张志强");
	same_key("巴奈·庫穗", "巴奈库穗", "a middle dot U+00B7 is dropped");
	same_key("巴奈・庫穗", "巴奈库穗", "a katakana middle dot is dropped");
	same_key("巴奈‧庫穗", "巴奈库穗", "Taiwan's dot U+2027 is dropped");
	same_key("薴", "苧", "a character t2s converts twice is folded fully");
}

static void
test_latin(void)
{
	key_is("Chan Tai Man", "chantaiman", "Latin letters lower-cased, "
	    "spaces dropped");
	key_is("ＣＨＡＮ Ｔａｉ", "chantai", "full-width Latin made ASCII");
	key_is("O'Brien-Lin", "o'brien-lin", "punctuation kept");
	key_is("陳 David", "陈david", "mixed Chinese and Latin");
	key_is("", "", "empty stays empty");
	key_is("   ", "", "only spaces gives empty");
	key_is(NULL, "", "NULL gives empty");
}

static void
test_invalid(void)
{
	static const char *bad[] = {
		"\xe4\xb8", "\xc3", "陳大文\xe4\xb8", "\xff\xfe", "\x80陳",
		"\xed\xa0\x80", "\xf4\x90\x80\x80", "\xc0\xaf", "a\xc2\x85" "b",
	};
	char	*k;
	size_t	 i;

	for (i = 0; i < nitems(bad); i++) {
		k = namekey(bad[i]);
		ok(k != NULL && text_valid(k), "invalid UTF-8 %zu gives a "
		    "valid key", i);
		free(k);
	}
	key_is("\xe4\xb8", "\xef\xbf\xbd\xef\xbf\xbd",
	    "a truncated character becomes one U+FFFD per byte");
	key_is("陳\xff大文", "陈\xef\xbf\xbd大文",
	    "the name around a bad byte is still folded");
	key_is("陳大文\xe4\xb8", "陈大文\xef\xbf\xbd\xef\xbf\xbd",
	    "a truncated character at the end is not read past");
	key_is("a\xc2\x85" "b", "ab", "a C1 control is dropped");
}

static void
test_idempotent(void)
{
	static const char *names[] = {
		"陳大文", "黃 美華", "臺灣", "Chan Tai Man", "巴奈·庫穗", "薴",
		"鍾乾隆", "後裏", "\xe4\xb8", "ＡＢＣ", "瞭解著名", "",
	};
	char	*k1, *k2;
	size_t	 i;

	for (i = 0; i < nitems(names); i++) {
		k1 = namekey(names[i]);
		k2 = namekey(k1);
		is_str(k2, k1, "namekey(namekey(x)) is namekey(x) for '%s'",
		    names[i]);
		free(k1);
		free(k2);
	}
}

/* Run namekey with fd 2 in a file; returns how many warnings it logged. */
static int
warnings_while(const char *name, int times, char **last)
{
	char	 path[] = "/tmp/qualdesk-namekey.XXXXXX", buf[4096], *p;
	int	 fd, saved, i, n = 0;
	ssize_t	 len;

	if ((fd = mkstemp(path)) == -1 || (saved = dup(2)) == -1) {
		printf("Bail out! cannot make a temporary file\n");
		exit(1);
	}
	unlink(path);
	dup2(fd, 2);
	for (i = 0; i < times; i++) {
		free(*last);
		*last = namekey(name);
	}
	dup2(saved, 2);
	close(saved);
	len = pread(fd, buf, sizeof buf - 1, 0);
	buf[len > 0 ? len : 0] = '\0';
	close(fd);
	for (p = buf; (p = strstr(p, "cannot open OpenCC")) != NULL; p++)
		n++;
	return n;
}

static void
test_without_opencc(void)
{
	char	*k = NULL;

	namekey_set_config("/nonexistent/qualdesk-none.json");
	is_int(warnings_while("陳 大文", 3, &k), 1,
	    "a missing OpenCC configuration is logged once");
	is_str(k, "陳大文", "without OpenCC the cleaned name is the key");
	ok(!namekey_ready(), "namekey_ready says OpenCC is not loaded");
	free(k);
	namekey_set_config(NULL);
	ok(namekey_ready(), "OpenCC loads again with t2s.json");
	key_is("陳 大文", "陈大文", "and names fold again");
}

static void
measure(void)
{
	double	 t0, t1;
	char	*k;
	int	 i, n = 20000;

	namekey_close();
	t0 = now();
	namekey_ready();
	t1 = now();
	printf("# opening t2s.json: %.2f ms\n", (t1 - t0) * 1e3);
	t0 = now();
	for (i = 0; i < n; i++) {
		k = namekey("陳大文");
		free(k);
	}
	t1 = now();
	printf("# namekey(\"陳大文\"), Traditional: %.2f us per call\n",
	    (t1 - t0) / n * 1e6);
	t0 = now();
	for (i = 0; i < n; i++) {
		k = namekey("陈大文");
		free(k);
	}
	t1 = now();
	printf("# namekey(\"陈大文\"), already Simplified: %.2f us per call\n",
	    (t1 - t0) / n * 1e6);
}

int
main(void)
{
	test_fold();
	test_latin();
	test_invalid();
	test_idempotent();
	test_without_opencc();
	measure();
	namekey_close();
	return done_testing();
}
