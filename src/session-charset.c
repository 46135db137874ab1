/*
 * The client's terminal charset. The UI and the commands speak UTF-8;
 * the relay converts to and from the charset the client asked for (Big5,
 * GBK, GB18030, ...) with iconv. A character split over two reads waits
 * for its rest. What the UI laid out as N columns stays N columns on the
 * client: a character the charset lacks becomes a visible replacement of
 * the same width (？ or ??), and a narrow character that a double-byte
 * charset would draw wide (box drawing, arrows, the middle dot) becomes
 * its ASCII look-alike.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "qualdesk.h"

#define CHARSET_NAME_MAX	32
#define CHARSET_BAD		"?"
#define CHARSET_BAD_WIDE	"??"
#define CHARSET_WIDE_Q		"\xef\xbc\x9f"	/* U+FF1F ？ */
#define CHARSET_FFFD		"\xef\xbf\xbd"	/* U+FFFD, for a bad byte typed */

/* Names that mean no conversion, or 7-bit ASCII. */
static const char *const charset_utf8_names[] = { "UTF-8", "UTF8" };
static const char *const charset_ascii_names[] = {
	"C", "POSIX", "ASCII", "US-ASCII", "ANSI_X3.4-1968", "646",
};

/* Narrow characters with an ASCII look-alike of the same width. */
static const struct {
	unsigned int	 cp;
	char		 ascii;
} charset_lookalikes[] = {
	{ 0x00a0, ' ' }, { 0x00b0, 'o' }, { 0x00b7, '.' }, { 0x00d7, 'x' },
	{ 0x2010, '-' }, { 0x2013, '-' }, { 0x2014, '-' }, { 0x2018, '\'' },
	{ 0x2019, '\'' }, { 0x201c, '"' }, { 0x201d, '"' }, { 0x2022, '*' },
	{ 0x2026, '.' }, { 0x2027, '.' }, { 0x2190, '<' }, { 0x2191, '^' },
	{ 0x2192, '>' }, { 0x2193, 'v' }, { 0x2500, '-' }, { 0x2501, '-' },
	{ 0x2502, '|' }, { 0x2503, '|' }, { 0x250c, '+' }, { 0x2510, '+' },
	{ 0x2514, '+' }, { 0x2518, '+' }, { 0x251c, '+' }, { 0x2524, '+' },
	{ 0x252c, '+' }, { 0x2534, '+' }, { 0x253c, '+' }, { 0x2550, '=' },
	{ 0x2551, '|' }, { 0x25a0, '#' }, { 0x25cf, '*' }, { 0x2713, 'v' },
	{ 0x2714, 'v' }, { 0x2717, 'x' }, { 0x2718, 'x' },
};

static int
charset_in(const char *name, const char *const *list, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		if (strcasecmp(name, list[i]) == 0)
			return 1;
	}
	return 0;
}

int
session_charset_name(const char *spec, char *name, size_t size)
{
	const char	*dot, *end;
	size_t		 len, i;

	if (spec == NULL || *spec == '\0')
		return SESSION_CHARSET_NONE;
	/* A locale (zh_TW.Big5@modifier) names its codeset after the dot. */
	if ((dot = strchr(spec, '.')) != NULL)
		spec = dot + 1;
	else if (strchr(spec, '_') != NULL)
		return SESSION_CHARSET_NONE;	/* zh_CN: no codeset said */
	end = strchr(spec, '@');
	len = end != NULL ? (size_t)(end - spec) : strlen(spec);
	if (len == 0 || len >= CHARSET_NAME_MAX || len >= size)
		return SESSION_CHARSET_BAD;
	for (i = 0; i < len; i++) {
		if (!isalnum((unsigned char)spec[i]) &&
		    strchr("-_:.", spec[i]) == NULL)
			return SESSION_CHARSET_BAD;
		name[i] = spec[i];
	}
	name[len] = '\0';
	if (charset_in(name, charset_utf8_names, sizeof charset_utf8_names /
	    sizeof charset_utf8_names[0]))
		return SESSION_CHARSET_UTF8;
	if (charset_in(name, charset_ascii_names, sizeof charset_ascii_names /
	    sizeof charset_ascii_names[0]))
		return SESSION_CHARSET_ASCII;
	return SESSION_CHARSET_OTHER;
}

/* Convert one short string with cd; its length, or 0 if it cannot be. */
static size_t
charset_iconv1(iconv_t cd, const char *in, size_t len, char *out,
    size_t size)
{
	char	*ip = (char *)in, *op = out;
	size_t	 il = len, ol = size;

	iconv(cd, NULL, NULL, NULL, NULL);
	if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1 || il != 0)
		return 0;
	/* Close any shift state, for stateful charsets. */
	if (iconv(cd, NULL, NULL, &op, &ol) == (size_t)-1)
		return 0;
	return size - ol;
}

void
session_charset_init(struct session_charset *cs)
{
	memset(cs, 0, sizeof *cs);
	cs->to_client = cs->from_client = (void *)-1;
}

int
session_charset_open(struct session_charset *cs, const char *spec,
    char **why)
{
	char	 name[CHARSET_NAME_MAX];
	int	 kind;

	session_charset_close(cs);
	kind = session_charset_name(spec, name, sizeof name);
	switch (kind) {
	case SESSION_CHARSET_NONE:
	case SESSION_CHARSET_UTF8:
		return QD_OK;
	case SESSION_CHARSET_ASCII:
		cs->active = cs->ascii = 1;
		snprintf(cs->name, sizeof cs->name, "ASCII");
		return QD_OK;
	case SESSION_CHARSET_BAD:
		xasprintf(why, "'%.40s' is not a charset name", spec);
		return QD_EINVAL;
	}
	cs->to_client = iconv_open(name, "UTF-8");
	cs->from_client = iconv_open("UTF-8", name);
	if (cs->to_client == (void *)-1 || cs->from_client == (void *)-1) {
		session_charset_close(cs);
		xasprintf(why, "unknown charset '%s' (try UTF-8, GB18030, GBK "
		    "or BIG5)", name);
		return QD_EINVAL;
	}
	snprintf(cs->name, sizeof cs->name, "%s", name);
	cs->repl_len = charset_iconv1(cs->to_client, CHARSET_WIDE_Q,
	    strlen(CHARSET_WIDE_Q), cs->repl, sizeof cs->repl);
	if (cs->repl_len != 2) {
		memcpy(cs->repl, CHARSET_BAD_WIDE, 2);
		cs->repl_len = 2;
	}
	cs->active = 1;
	return QD_OK;
}

void
session_charset_close(struct session_charset *cs)
{
	if (cs->to_client != (void *)-1)
		iconv_close(cs->to_client);
	if (cs->from_client != (void *)-1)
		iconv_close(cs->from_client);
	session_charset_init(cs);
}

/* The ASCII look-alike of a narrow character, or '?'. */
static char
charset_lookalike(const char *s, size_t n)
{
	const unsigned char	*u = (const unsigned char *)s;
	unsigned int		 cp;
	size_t			 i;

	if (n == 2)
		cp = (u[0] & 0x1fu) << 6 | (u[1] & 0x3fu);
	else if (n == 3)
		cp = (u[0] & 0x0fu) << 12 | (u[1] & 0x3fu) << 6 | (u[2] & 0x3fu);
	else
		return '?';
	for (i = 0; i < sizeof charset_lookalikes /
	    sizeof charset_lookalikes[0]; i++) {
		if (charset_lookalikes[i].cp == cp)
			return charset_lookalikes[i].ascii;
	}
	return '?';
}

/* Bytes a UTF-8 lead byte announces, or 0 for a byte that cannot lead. */
static size_t
charset_utf8_len(unsigned char c)
{
	if (c >= 0xc2 && c <= 0xdf)
		return 2;
	if ((c & 0xf0) == 0xe0)
		return 3;
	if (c >= 0xf0 && c <= 0xf4)
		return 4;
	return 0;
}

/*
 * Convert the one UTF-8 character at s (n bytes, complete) into out (at
 * least 8 bytes). Returns the bytes written.
 */
static size_t
charset_out_char(struct session_charset *cs, const char *s, size_t n,
    char *out)
{
	size_t	 k;
	int	 w = text_width_n(s, n);

	if (cs->ascii) {
		if (w == 2) {
			memcpy(out, CHARSET_BAD_WIDE, 2);
			return 2;
		}
		if (w <= 0)
			return 0;
		out[0] = charset_lookalike(s, n);
		return 1;
	}
	k = charset_iconv1(cs->to_client, s, n, out, 8);
	if (w == 2) {
		if (k >= 2)
			return k;
		memcpy(out, cs->repl, cs->repl_len);
		return cs->repl_len;
	}
	if (w <= 0)
		return k;	/* a combining mark: shown if it can be */
	/* A narrow character must take one cell there too. */
	if (k == 1)
		return 1;
	out[0] = charset_lookalike(s, n);
	return 1;
}

/*
 * Convert the character at in (avail bytes): into out, returning the
 * bytes of in it used; 0 when it is cut short (wait for the rest).
 */
static size_t
charset_out_step(struct session_charset *cs, const char *in, size_t avail,
    char *out, size_t *olen)
{
	const unsigned char	*u = (const unsigned char *)in;
	size_t			 n, i;

	if (u[0] < 0x80) {
		out[0] = in[0];
		*olen = 1;
		return 1;
	}
	if ((n = charset_utf8_len(u[0])) == 0) {
		memcpy(out, CHARSET_BAD, 1);
		*olen = 1;
		return 1;
	}
	for (i = 1; i < n; i++) {
		if (i >= avail)
			return 0;
		if ((u[i] & 0xc0) != 0x80) {
			memcpy(out, CHARSET_BAD, 1);
			*olen = 1;
			return 1;
		}
	}
	*olen = charset_out_char(cs, in, n, out);
	return n;
}

size_t
session_charset_to_client(struct session_charset *cs, const char *in,
    size_t len, char *out)
{
	char	 buf[sizeof cs->out_tail + 4];
	size_t	 o = 0, i = 0, used, olen, take;

	if (cs->out_tail_len > 0) {
		take = len < 4 ? len : 4;
		memcpy(buf, cs->out_tail, cs->out_tail_len);
		memcpy(buf + cs->out_tail_len, in, take);
		used = charset_out_step(cs, buf, cs->out_tail_len + take, out,
		    &olen);
		if (used == 0) {
			memcpy(cs->out_tail + cs->out_tail_len, in, take);
			cs->out_tail_len += take;
			return 0;
		}
		o += olen;
		/* A bad lead byte in the tail uses only itself. */
		i = used > cs->out_tail_len ? used - cs->out_tail_len : 0;
		if (used < cs->out_tail_len) {
			memmove(cs->out_tail, cs->out_tail + used,
			    cs->out_tail_len - used);
			cs->out_tail_len -= used;
			return o + session_charset_to_client(cs, in, len,
			    out + o);
		}
		cs->out_tail_len = 0;
	}
	while (i < len) {
		used = charset_out_step(cs, in + i, len - i, out + o, &olen);
		if (used == 0) {
			memcpy(cs->out_tail, in + i, len - i);
			cs->out_tail_len = len - i;
			break;
		}
		o += olen;
		i += used;
	}
	return o;
}

size_t
session_charset_to_client_end(struct session_charset *cs, char *out)
{
	size_t	 n = cs->out_tail_len > 0;

	if (n)
		memcpy(out, CHARSET_BAD, 1);
	cs->out_tail_len = 0;
	return n;
}

/*
 * Convert the client's bytes at in (len) to UTF-8 in out (size, at least
 * 4). Returns the bytes written and sets *used to those of in taken;
 * it stops before a cut character unless at_end; a bad byte becomes
 * U+FFFD.
 */
static size_t
charset_from(struct session_charset *cs, const char *in, size_t len,
    char *out, size_t size, size_t *used, int at_end)
{
	char	*ip = (char *)in, *op = out;
	size_t	 il = len, ol = size;

	while (il > 0 && ol >= 4) {
		if (iconv(cs->from_client, &ip, &il, &op, &ol) != (size_t)-1)
			break;
		if (errno == E2BIG)
			break;
		if (errno == EINVAL && !at_end)
			break;		/* cut short: wait for the rest */
		/* EILSEQ, or a cut sequence that will never be completed. */
		memcpy(op, CHARSET_FFFD, 3);
		op += 3;
		ol -= 3;
		ip++;
		il--;
	}
	*used = len - il;
	return size - ol;
}

size_t
session_charset_from_client(struct session_charset *cs, const char *in,
    size_t len, char *out, size_t size, size_t *used)
{
	char	 buf[sizeof cs->in_tail + 8];
	size_t	 o = 0, take, u, t = cs->in_tail_len;

	*used = 0;
	if (cs->ascii) {
		/* Nothing typed is lost: the bytes go on as they came. */
		u = len < size ? len : size;
		memcpy(out, in, u);
		*used = u;
		return u;
	}
	if (size < 4)
		return 0;
	if (t > 0) {
		/* Complete the cut character with a few more bytes. */
		take = len < 8 ? len : 8;
		memcpy(buf, cs->in_tail, t);
		memcpy(buf + t, in, take);
		o = charset_from(cs, buf, t + take, out, size, &u, 0);
		if (u < t) {
			if (u == 0 && t + take < sizeof cs->in_tail) {
				memcpy(cs->in_tail + t, in, take);
				cs->in_tail_len += take;
				*used = take;
				return o;
			}
			if (u == 0) {
				/* Too long to be one character. */
				memcpy(out, CHARSET_FFFD, 3);
				u = 1;
				o = 3;
			}
			memmove(cs->in_tail, cs->in_tail + u, t - u);
			cs->in_tail_len -= u;
			return o;
		}
		*used = u - t;
		cs->in_tail_len = 0;
	}
	o += charset_from(cs, in + *used, len - *used, out + o, size - o, &u,
	    0);
	*used += u;
	/* Cut short at the end (not for want of room): keep it for later. */
	if (*used < len && len - *used < sizeof cs->in_tail &&
	    size - o >= 4) {
		memcpy(cs->in_tail, in + *used, len - *used);
		cs->in_tail_len = len - *used;
		*used = len;
	}
	return o;
}

int
session_charset_is_text(const char *s, size_t len)
{
	const unsigned char	*u = (const unsigned char *)s;
	size_t			 i = 0, n, k;

	while (i < len) {
		if (u[i] == 0)
			return 0;
		if (u[i] < 0x80) {
			i++;
			continue;
		}
		if ((n = charset_utf8_len(u[i])) == 0)
			return 0;
		for (k = 1; k < n && i + k < len; k++) {
			if ((u[i + k] & 0xc0) != 0x80)
				return 0;
		}
		i += n;
	}
	return 1;
}
