/*
 * A person's name, or any text, folded for search. Applicants write their names in
 * Traditional characters (陳, 張, 黃), clerks type Simplified with their
 * input method: both must give the same key. OpenCC does the folding; this
 * file only cleans the name for it and keeps one converter per process.
 */
#include <stdlib.h>
#include <string.h>

#include <opencc.h>

#include "qualdesk.h"

#define NAMEKEY_CONFIG	"t2s.json"
/* t2s is not always idempotent (薴 to 苧 to 苎); stop after this many. */
#define NAMEKEY_ROUNDS	4

static char	*namekey_config;	/* NULL: NAMEKEY_CONFIG */
static opencc_t	 namekey_cc = (opencc_t)-1;
static int	 namekey_tried;

/* What cleaning drops: spaces and the dots between the parts of a name. */
static const char *const namekey_drop[] = {
	"\xe3\x80\x80",		/* U+3000 ideographic space */
	"\xc2\xb7",		/* U+00B7 middle dot */
	"\xe3\x83\xbb",		/* U+30FB katakana middle dot */
	"\xe2\x80\xa7",		/* U+2027 hyphenation point, Taiwan's dot */
};
#define NAMEKEY_NDROP (nitems(namekey_drop))

static const char namekey_replacement[] = "\xef\xbf\xbd";	/* U+FFFD */

/*
 * 1 if the character of len bytes at s is one cleaning drops: spaces,
 * controls, the dots above, and the invisible ones (bidirectional
 * controls, zero-width characters: text_hidden_char()), which would make
 * a name typed with one a different key.
 */
static int
namekey_dropped(const char *s, int len)
{
	char	 one[8];
	size_t	 i;

	if (len > 1 && (size_t)len < sizeof one) {
		memcpy(one, s, (size_t)len);
		one[len] = '\0';
		if (text_hidden(one))
			return 1;
	}
	if (len == 1)
		return (unsigned char)*s <= ' ' || *s == 0x7f;
	if (len == 2 && (unsigned char)s[0] == 0xc2 &&
	    (unsigned char)s[1] < 0xa0)
		return 1;	/* C1 control */
	for (i = 0; i < NAMEKEY_NDROP; i++) {
		if (strlen(namekey_drop[i]) == (size_t)len &&
		    memcmp(s, namekey_drop[i], (size_t)len) == 0)
			return 1;
	}
	return 0;
}

/* The ASCII character of a full-width form of len bytes at s, or 0. */
static char
namekey_fullwidth(const char *s, int len)
{
	const unsigned char	*u = (const unsigned char *)s;
	unsigned int		 cp;

	if (len != 3)
		return 0;
	cp = (u[0] & 0x0fU) << 12 | (u[1] & 0x3fU) << 6 | (u[2] & 0x3fU);
	if (cp < 0xff01 || cp > 0xff5e)
		return 0;
	return (char)(cp - 0xfee0);
}

/*
 * The name made valid UTF-8 without spaces or controls (or, with
 * keep_spaces, each of them one space), letters in lower case: OpenCC
 * reads past the end of a truncated sequence, so it never sees one.
 * Caller frees.
 */
static char *
namekey_clean(const char *name, int keep_spaces)
{
	char	*out;
	size_t	 n = 0;
	int	 len;
	char	 c;

	out = xmalloc(strlen(name) * 3 + 1);
	for (; *name != '\0'; name += len) {
		len = text_char_len(name);
		if (namekey_dropped(name, len)) {
			if (keep_spaces && n > 0 && out[n - 1] != ' ')
				out[n++] = ' ';
			continue;
		}
		if (len == 1 && (unsigned char)*name >= 0x80) {
			memcpy(out + n, namekey_replacement, 3);
			n += 3;
			continue;
		}
		if ((c = namekey_fullwidth(name, len)) == 0 && len == 1)
			c = *name;
		if (c == 0) {
			memcpy(out + n, name, (size_t)len);
			n += (size_t)len;
		} else
			out[n++] = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
	}
	out[n] = '\0';
	return out;
}

/* 1 if s is all ASCII, which OpenCC would leave as it is. */
static int
namekey_ascii(const char *s)
{
	for (; *s != '\0'; s++) {
		if ((unsigned char)*s >= 0x80)
			return 0;
	}
	return 1;
}

/* Convert s (freed) to Simplified until it stops changing. Caller frees. */
static char *
namekey_convert(char *s)
{
	char	*next;
	int	 i;

	for (i = 0; i < NAMEKEY_ROUNDS; i++) {
		next = opencc_convert_utf8(namekey_cc, s, strlen(s));
		if (next == NULL) {
			log_warn("OpenCC refused a name: %s", opencc_error());
			break;
		}
		if (strcmp(next, s) == 0) {
			opencc_convert_utf8_free(next);
			break;
		}
		free(s);
		s = xstrdup(next);
		opencc_convert_utf8_free(next);
	}
	return s;
}

/* Clean s as the caller asks, then fold it to Simplified. */
static char *
namekey_fold(const char *s, int keep_spaces)
{
	char	*key;

	key = namekey_clean(s != NULL ? s : "", keep_spaces);
	if (namekey_ascii(key) || !namekey_ready())
		return key;
	return namekey_convert(key);
}

char *
namekey(const char *name)
{
	return namekey_fold(name, 0);
}

char *
namekey_text(const char *text)
{
	return namekey_fold(text, 1);
}

int
namekey_ready(void)
{
	const char	*config;

	if (!namekey_tried) {
		namekey_tried = 1;
		config = namekey_config != NULL ? namekey_config :
		    NAMEKEY_CONFIG;
		namekey_cc = opencc_open(config);
		if (namekey_cc == (opencc_t)-1) {
			log_warn("cannot open OpenCC %s (%s): Traditional and "
			    "Simplified names will not find each other",
			    config, opencc_error());
		}
	}
	return namekey_cc != (opencc_t)-1;
}

void
namekey_close(void)
{
	if (namekey_cc != (opencc_t)-1)
		opencc_close(namekey_cc);
	namekey_cc = (opencc_t)-1;
	namekey_tried = 0;
}

void
namekey_set_config(const char *file)
{
	namekey_close();
	free(namekey_config);
	namekey_config = file != NULL ? xstrdup(file) : NULL;
}
