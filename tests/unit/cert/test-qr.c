/*
 * QR codes: the alphanumeric mode keeps certificate texts small, a text
 * too long is refused with a message, and the half blocks a terminal
 * shows are the same modules with the quiet border round them.
 */
#include <stdlib.h>
#include <string.h>

#include "qualdesk.h"
#include "cert/cert.h"
#include "../tap.h"

static const char qr_b45[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

/* A certificate-like text of n characters (caller frees). */
static char *
text_of(size_t n)
{
	char	*t = xmalloc(n + 1);
	size_t	 i;

	for (i = 0; i < n; i++)
		t[i] = i < 5 ? "QDC1:"[i] : qr_b45[(i * 7 + 3) % 45];
	t[n] = '\0';
	return t;
}

/* The width of the code of an n-character text, or -1 if refused. */
static int
width_of(size_t n)
{
	struct qr	 qr;
	char		*t = text_of(n), *why = NULL;
	int		 w = -1;

	if (qr_make(t, &qr, &why) == QD_OK)
		w = qr.width;
	qr_free(&qr);
	free(why);
	free(t);
	return w;
}

static void
test_versions(void)
{
	struct qr	 qr;
	char		*t, *why = NULL;
	size_t		 i;

	is_int(width_of(16), 21, "16 characters make version 1 (21 modules)");
	is_int(width_of(221), 57, "221 characters, the alphanumeric capacity "
	    "of 10-Q, make version 10");
	is_int(width_of(222), 61, "222 characters make version 11");
	is_int(width_of(230), 61, "230 characters make version 11 "
	    "(61 modules)");
	is_int((width_of(230) - 17) / 4, 11, "so the version is 11");
	is_int(width_of(2420), 177, "2420 characters, the most 40-Q holds, "
	    "make version 40");

	t = text_of(230);
	for (i = 5; t[i] != '\0'; i++)
		t[i] = (t[i] >= 'A' && t[i] <= 'Z') ? t[i] - 'A' + 'a' : t[i];
	is_int(qr_make(t, &qr, &why), QD_OK, "the text in lower case is made");
	ok(qr.width > 61, "but needs byte mode and a larger code (%d modules)",
	    qr.width);
	qr_free(&qr);
	is_int(qr.width, 0, "qr_free leaves no width");
	ok(qr.dark == NULL, "qr_free leaves no modules");
	free(t);
}

static void
test_refused(void)
{
	struct qr	 qr;
	char		*t = text_of(2421), *why = NULL;

	is_int(qr_make(t, &qr, &why), QD_EINVAL, "2421 characters are "
	    "refused");
	ok(why != NULL && strstr(why, "too long") != NULL &&
	    strstr(why, "太长") != NULL, "with a message in both languages: "
	    "%s", why ? why : "(none)");
	ok(qr.dark == NULL && qr.width == 0, "and no code");
	xfree(&why);
	is_int(qr_make("", &qr, &why), QD_EINVAL, "an empty text is refused");
	ok(why != NULL && strstr(why, "empty") != NULL, "saying it is empty");
	free(why);
	free(t);
}

/* The module a half-block line shows at column x: upper (0) or lower (1). */
static int
block_dark(const char *line, int x, int lower)
{
	const char	*p = line;
	int		 i, len;

	for (i = 0; i < x; i++)
		p += text_char_len(p);
	len = text_char_len(p);
	if (len == 1)
		return 0;
	if (strncmp(p, "\xe2\x96\x88", 3) == 0)
		return 1;
	return strncmp(p, lower ? "\xe2\x96\x84" : "\xe2\x96\x80", 3) == 0;
}

/* 1 if the lines show exactly qr's modules inside a light border. */
static int
blocks_match(const struct qr *qr, char **lines, int quiet)
{
	int	 side = qr->width + 2 * quiet, y, x, want;

	for (y = 0; y < side; y++) {
		for (x = 0; x < side; x++) {
			want = y >= quiet && y < quiet + qr->width &&
			    x >= quiet && x < quiet + qr->width &&
			    qr->dark[(y - quiet) * qr->width + x - quiet];
			if (block_dark(lines[y / 2], x, y % 2) != want)
				return 0;
		}
	}
	return 1;
}

/* Check the half blocks of qr with a border of quiet modules. */
static void
check_blocks(const struct qr *qr, int quiet)
{
	char	**lines;
	size_t	  n, i;
	int	  side = qr->width + 2 * quiet, widths = 1;

	lines = qr_halfblocks(qr, quiet, &n);
	is_int(n, (side + 1) / 2, "quiet %d: ceil(%d / 2) lines", quiet, side);
	for (i = 0; i < n; i++) {
		if (text_width(lines[i]) != side || !text_valid(lines[i]))
			widths = 0;
	}
	ok(widths, "quiet %d: every line is %d columns of valid UTF-8",
	    quiet, side);
	ok(blocks_match(qr, lines, quiet), "quiet %d: the blocks show the "
	    "modules", quiet);
	for (i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
}

static void
test_halfblocks(void)
{
	struct qr	 qr;
	char		*t = text_of(16), *why = NULL, **lines;
	size_t		 n;

	if (qr_make(t, &qr, &why) != QD_OK || qr.width != 21)
		fatal("qr_make: %s", why);
	free(t);
	ok(memcmp(qr.dark, "\1\1\1\1\1\1\1\0", 8) == 0,
	    "the finder's top row is seven dark modules and a light one");
	lines = qr_halfblocks(&qr, 4, &n);
	ok(strspn(lines[0], " ") == strlen(lines[0]) && strlen(lines[0]) == 29,
	    "the border's first line is 29 spaces");
	ok(strncmp(lines[2], "    \xe2\x96\x88\xe2\x96\x80\xe2\x96\x80"
	    "\xe2\x96\x80\xe2\x96\x80\xe2\x96\x80\xe2\x96\x88 ", 26) == 0,
	    "the finder's top two rows are full, upper and full blocks");
	for (; n > 0; n--)
		free(lines[n - 1]);
	free(lines);
	check_blocks(&qr, 4);
	check_blocks(&qr, 1);
	check_blocks(&qr, 0);
	qr_free(&qr);
}

int
main(void)
{
	test_versions();
	test_refused();
	test_halfblocks();
	return done_testing();
}
