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
text_shown(const char *s)
{
	unsigned int	 cp;
	char		*out = xmalloc(strlen(s) + 1);
	size_t		 o = 0;
	int		 len;

	while (*s != '\0') {
		len = text_decode(s, &cp);
		if (len < 0 || cp < 0x20 || cp == 0x7f || (cp >= 0x80 &&
		    cp < 0xa0) || text_hidden_char(cp)) {
			out[o++] = '?';
			s += len < 0 ? 1 : len;
			continue;
		}
		memcpy(out + o, s, (size_t)len);
		o += (size_t)len;
		s += len;
	}
	out[o] = '\0';
	return out;
}

char *
text_cell(char *buf, size_t bufsz, const char *raw, int cols, int pad)
{
	char	*s;
	size_t	 n;
	int	 w, cut;

	if (bufsz == 0)
		return buf;
	if (cols < 0)
		cols = 0;
	s = text_shown(raw);
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
	free(s);
	return buf;
}

int
text_hidden_char(unsigned int cp)
{
	/*
	 * Zero-width characters and marks (U+200B to U+200F), the bidi
	 * embeddings and overrides (U+202A to U+202E), the word joiner and
	 * invisible operators (U+2060 to U+2064), the bidi isolates (U+2066
	 * to U+2069) and the zero-width no-break space (U+FEFF): they make a
	 * name read differently from what it is, or hide text on another
	 * user's terminal.
	 */
	return (cp >= 0x200b && cp <= 0x200f) || (cp >= 0x202a &&
	    cp <= 0x202e) || (cp >= 0x2060 && cp <= 0x2064) ||
	    (cp >= 0x2066 && cp <= 0x2069) || cp == 0xfeff;
}

int
text_valid(const char *s)
{
	unsigned int	 cp;
	int		 len;

	while (*s != '\0') {
		len = text_decode(s, &cp);
		if (len < 0 || cp < 0x20 || cp == 0x7f || (cp >= 0x80 &&
		    cp < 0xa0) || text_hidden_char(cp))
			return 0;
		s += len;
	}
	return 1;
}

int
text_hidden(const char *s)
{
	unsigned int	 cp;
	int		 len;

	while (*s != '\0') {
		if ((len = text_decode(s, &cp)) < 0)
			len = 1;
		else if (text_hidden_char(cp))
			return 1;
		s += len;
	}
	return 0;
}

const char *
text_invalid_why(const char *s)
{
	if (text_hidden(s))
		return "含不可见字符或改变文字方向的字符 holds invisible or"
		    " direction-changing characters";
	return "含控制字符或无效文字 holds control characters or is not"
	    " valid UTF-8 text";
}
