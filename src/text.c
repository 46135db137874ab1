/*
 * UTF-8 text measured in terminal columns: the one width helper. A Chinese
 * character takes two columns, a combining mark none, an invalid byte or a
 * control character one (it is shown as a replacement).
 */
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "qualdesk.h"

static locale_t	 text_locale;

/* wcwidth depends on LC_CTYPE; measure in C.UTF-8 whatever the caller's. */
static int
text_wcwidth(wchar_t wc)
{
	locale_t	 old;
	int		 w;

	if (text_locale == (locale_t)0) {
		text_locale = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
		if (text_locale == (locale_t)0)
			fatal("the C.UTF-8 locale is missing");
	}
	old = uselocale(text_locale);
	w = wcwidth(wc);
	uselocale(old);
	return w;
}

/*
 * Decode one character at s into *cp. Returns its byte length, or -1 for
 * an invalid, overlong or truncated sequence (one byte is then skipped).
 */
static int
text_decode(const char *s, unsigned int *cp)
{
	const unsigned char	*u = (const unsigned char *)s;
	unsigned int		 c, min;
	int			 len, i;

	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	if ((u[0] & 0xe0) == 0xc0) {
		len = 2; c = u[0] & 0x1f; min = 0x80;
	} else if ((u[0] & 0xf0) == 0xe0) {
		len = 3; c = u[0] & 0x0f; min = 0x800;
	} else if ((u[0] & 0xf8) == 0xf0) {
		len = 4; c = u[0] & 0x07; min = 0x10000;
	} else
		return -1;
	for (i = 1; i < len; i++) {
		if ((u[i] & 0xc0) != 0x80)
			return -1;
		c = (c << 6) | (u[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return -1;
	*cp = c;
	return len;
}

int
text_char_len(const char *s)
{
	unsigned int	 cp;
	int		 n;

	if (*s == '\0')
		return 0;
	n = text_decode(s, &cp);
	return n < 0 ? 1 : n;
}

/* Columns of one character; controls and invalid bytes count 1. */
static int
text_char_width(const char *s, int *len)
{
	unsigned int	 cp;
	int		 w;

	*len = text_decode(s, &cp);
	if (*len < 0) {
		*len = 1;
		return 1;
	}
	w = text_wcwidth((wchar_t)cp);
	return w < 0 ? 1 : w;
}

int
text_width_n(const char *s, size_t n)
{
	size_t	 off = 0;
	int	 cols = 0, len;

	while (off < n && s[off] != '\0') {
		cols += text_char_width(s + off, &len);
		off += (size_t)len;
	}
	return cols;
}

int
text_width(const char *s)
{
	return text_width_n(s, strlen(s));
}

size_t
text_fit(const char *s, int cols)
{
	size_t	 off = 0;
	int	 used = 0, w, len;

	while (s[off] != '\0') {
		w = text_char_width(s + off, &len);
		if (used + w > cols)
			break;
		used += w;
		off += (size_t)len;
	}
	return off;
}

/* Bytes of the whole characters of s that fit in max bytes. */
static size_t
text_fit_bytes(const char *s, size_t n, size_t max)
{
	size_t	 off = 0;
	int	 len;

	while (off < n && (len = text_char_len(s + off)) > 0 &&
	    off + (size_t)len <= max)
		off += (size_t)len;
	return off;
}

char *
text_cell(char *buf, size_t bufsz, const char *s, int cols, int pad)
{
	size_t	 n;
	int	 w, cut;

	if (bufsz == 0)
		return buf;
	if (cols < 0)
		cols = 0;
	cut = text_width(s) > cols;
	if (cut)
		n = cols > 0 ? text_fit(s, cols - 1) : 0;
	else
		n = strlen(s);
	n = text_fit_bytes(s, n, bufsz - 1 - (cut ? 1 : 0));
	memcpy(buf, s, n);
	buf[n] = '\0';
	w = text_width(buf);
	if (cut && cols > 0) {
		buf[n++] = '~';
		buf[n] = '\0';
		w++;
	}
	while (pad && w < cols && n + 1 < bufsz) {
		buf[n++] = ' ';
		buf[n] = '\0';
		w++;
	}
	return buf;
}

int
text_valid(const char *s)
{
	unsigned int	 cp;
	int		 len;

	while (*s != '\0') {
		len = text_decode(s, &cp);
		if (len < 0 || cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0))
			return 0;
		s += len;
	}
	return 1;
}
