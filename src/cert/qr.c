/*
 * QR codes for certificates, at error correction level Q so that a folded
 * or stamped corner still reads. The texts are CERT_TEXT_PREFIX and
 * Base45, all in the QR alphanumeric set: libqrencode's mode split packs
 * those runs at 11 bits per two characters instead of 16 in byte mode,
 * which keeps the code a few versions smaller and its modules larger on
 * paper.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <qrencode.h>

#include "cert/cert.h"

/* Half blocks by the darkness of the upper and the lower module. */
static const char *const qr_blocks[2][2] = {
	{ " ", "\xe2\x96\x84" },		/* U+2584 lower half */
	{ "\xe2\x96\x80", "\xe2\x96\x88" },	/* U+2580 upper, U+2588 full */
};
#define QR_BLOCK_MAX	3	/* bytes of the longest */

int
qr_make(const char *text, struct qr *qr, char **why)
{
	QRcode	*code;
	size_t	 i, n;

	qr->width = 0;
	qr->dark = NULL;
	errno = 0;
	code = QRcode_encodeString(text, 0, QR_ECLEVEL_Q, QR_MODE_8, 1);
	if (code == NULL && errno == ERANGE) {
		why_set(why, "二维码内容太长（%zu 字节） the text is too long for "
		    "a QR code (%zu bytes)", strlen(text), strlen(text));
		return QD_EINVAL;
	}
	if (code == NULL) {
		why_set(why, "无法生成二维码 cannot make the QR code: %s",
		    *text == '\0' ? "内容为空 the text is empty" :
		    strerror(errno));
		return QD_EINVAL;
	}
	n = (size_t)code->width * (size_t)code->width;
	qr->width = code->width;
	qr->dark = xmalloc(n);
	for (i = 0; i < n; i++)
		qr->dark[i] = code->data[i] & 1;
	QRcode_free(code);
	return QD_OK;
}

void
qr_free(struct qr *qr)
{
	xfree(&qr->dark);
	qr->width = 0;
}

/* 1 if the module at row y, column x of the code with a border is dark. */
static int
qr_dark_at(const struct qr *qr, int quiet, int y, int x)
{
	y -= quiet;
	x -= quiet;
	if (y < 0 || x < 0 || y >= qr->width || x >= qr->width)
		return 0;
	return qr->dark[(size_t)y * (size_t)qr->width + (size_t)x];
}

char **
qr_halfblocks(const struct qr *qr, int quiet, size_t *nlines)
{
	char		**lines, *p;
	const char	 *b;
	int		  side, y, x;

	if (quiet < 0)
		quiet = 0;
	side = qr->width + 2 * quiet;
	*nlines = (size_t)(side + 1) / 2;
	lines = xcalloc(*nlines, sizeof *lines);
	for (y = 0; y < side; y += 2) {
		p = lines[y / 2] = xmalloc((size_t)side * QR_BLOCK_MAX + 1);
		for (x = 0; x < side; x++) {
			b = qr_blocks[qr_dark_at(qr, quiet, y, x)]
			    [qr_dark_at(qr, quiet, y + 1, x)];
			p = stpcpy(p, b);
		}
		*p = '\0';
	}
	return lines;
}
