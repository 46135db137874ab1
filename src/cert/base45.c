/*
 * RFC 9285 Base45: two bytes in three characters of the 45 that a QR
 * code's alphanumeric mode holds, so a binary payload needs no byte mode.
 * Decoding is strict: anything encode could not have written is refused.
 */
#include <stdlib.h>
#include <string.h>

#include "cert/cert.h"

static const char base45_alphabet[] =
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

/* The value of c, or -1 outside the alphabet: lower case is not in it. */
static int
base45_value(unsigned char c)
{
	const char	*p;

	if ((p = memchr(base45_alphabet, c, 45)) == NULL)
		return -1;
	return (int)(p - base45_alphabet);
}

char *
base45_encode(const uint8_t *in, size_t len)
{
	char		*out, *o;
	unsigned	 n;
	size_t		 i;

	out = o = xmalloc(len / 2 * 3 + len % 2 * 2 + 1);
	for (i = 0; i + 1 < len; i += 2) {
		n = (unsigned)in[i] << 8 | in[i + 1];
		*o++ = base45_alphabet[n % 45];
		*o++ = base45_alphabet[n / 45 % 45];
		*o++ = base45_alphabet[n / 2025];
	}
	if (i < len) {
		*o++ = base45_alphabet[in[i] % 45];
		*o++ = base45_alphabet[in[i] / 45];
	}
	*o = '\0';
	return out;
}

/*
 * The value of the n (2 or 3) characters at s, least significant first;
 * -1 for a character outside the alphabet.
 */
static long
base45_group(const char *s, size_t n)
{
	long	 v = 0, scale = 1;
	int	 c;
	size_t	 i;

	for (i = 0; i < n; i++) {
		if ((c = base45_value((unsigned char)s[i])) < 0)
			return -1;
		v += c * scale;
		scale *= 45;
	}
	return v;
}

int
base45_decode(const char *s, size_t len, uint8_t **out, size_t *outlen)
{
	uint8_t	*buf;
	size_t	 i, n = 0;
	long	 v;
	int	 rv = QD_EINVAL;

	*out = NULL;
	*outlen = 0;
	if (len % 3 == 1)
		return QD_EINVAL;
	buf = xmalloc(len / 3 * 2 + 2);
	for (i = 0; i + 3 <= len; i += 3) {
		if ((v = base45_group(s + i, 3)) < 0 || v > 0xffff)
			goto out;
		buf[n++] = (uint8_t)(v >> 8);
		buf[n++] = (uint8_t)v;
	}
	if (i < len) {
		if ((v = base45_group(s + i, 2)) < 0 || v > 0xff)
			goto out;
		buf[n++] = (uint8_t)v;
	}
	*out = buf;
	*outlen = n;
	buf = NULL;
	rv = QD_OK;
out:
	free(buf);
	return rv;
}
