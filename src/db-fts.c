/*
 * Full-text search of Chinese text: the FTS5 tokenizer "qd", registered
 * on every connection. FTS5's own tokenizers cut Chinese badly: unicode61
 * makes a whole sentence one word, trigram never finds a two-character
 * word such as 补贴. This one folds the text to Simplified first (OpenCC,
 * through namekey_text) and then cuts it in one of three ways: pairs of
 * neighbouring characters and the characters themselves (as Lucene's CJK
 * analyzer does), ICU's dictionary words, or ICU's words with their
 * characters. tests/bench/bench-fts compares them on known answers.
 */
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/utypes.h>

#include "qualdesk.h"

/* Longest token kept, in bytes; longer runs of letters are cut. */
#define FTS_TOKEN_MAX	64
/* Most words a query keeps. */
#define FTS_QUERY_WORDS	48

static const char *const fts_mode_names[FTS_NMODES] = {
	[FTS_BIGRAM] = "bigram",
	[FTS_ICU] = "icu",
	[FTS_ICU_CHARS] = "icuchar",
};

/* What the cutting calls for each token; as FTS5's xToken. */
typedef int (*fts_emit)(void *arg, int flags, const char *tok, int len,
    int start, int end);

struct fts_tokenizer {
	enum fts_mode	 mode;
};

/* One ICU word iterator a process: opening one loads its dictionaries. */
static UBreakIterator	*fts_brk;

const char *
fts_mode_name(enum fts_mode mode)
{
	return mode < FTS_NMODES ? fts_mode_names[mode] : "?";
}

/* The code point of the UTF-8 character at s of len bytes. */
static unsigned int
fts_codepoint(const char *s, int len)
{
	const unsigned char	*u = (const unsigned char *)s;

	switch (len) {
	case 2:
		return (u[0] & 0x1fU) << 6 | (u[1] & 0x3fU);
	case 3:
		return (u[0] & 0x0fU) << 12 | (u[1] & 0x3fU) << 6 |
		    (u[2] & 0x3fU);
	case 4:
		return (u[0] & 0x07U) << 18 | (u[1] & 0x3fU) << 12 |
		    (u[2] & 0x3fU) << 6 | (u[3] & 0x3fU);
	default:
		return u[0];
	}
}

/* 1 for Han, kana and Hangul: the scripts written without spaces. */
static int
fts_cjk(unsigned int cp)
{
	return (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x4e00 &&
	    cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) ||
	    (cp >= 0x20000 && cp <= 0x3ffff) || (cp >= 0x3040 &&
	    cp <= 0x30ff) || (cp >= 0xac00 && cp <= 0xd7af);
}

/* 1 for what separates words: spaces, punctuation, symbols. */
static int
fts_separator(unsigned int cp)
{
	if (cp < 0x80)
		return !((cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') ||
		    (cp >= 'A' && cp <= 'Z'));
	return (cp >= 0x80 && cp <= 0xbf) || (cp >= 0x2000 && cp <= 0x2bff) ||
	    (cp >= 0x3000 && cp <= 0x303f) || (cp >= 0xfe30 && cp <= 0xfe4f) ||
	    (cp >= 0xff00 && cp <= 0xff65) || cp == 0xfffd;
}

/* Offsets in the folded text, kept inside the original's n bytes. */
static int
fts_clamp(size_t off, int n)
{
	return off > (size_t)n ? n : (int)off;
}

/*
 * Bigram mode on a run of n CJK characters at offsets off[0..n] of s: for
 * a document each character and, at its place, the pair it starts; for a
 * query the pairs alone (or the one character).
 */
static int
fts_cut_run(const char *s, const size_t *off, size_t n, int query,
    int nText, fts_emit emit, void *arg)
{
	size_t	 i;
	int	 rc;

	for (i = 0; i < n; i++) {
		if (!query || n == 1) {
			rc = emit(arg, 0, s + off[i], (int)(off[i + 1] - off[i]),
			    fts_clamp(off[i], nText),
			    fts_clamp(off[i + 1], nText));
			if (rc != SQLITE_OK)
				return rc;
		}
		if (i + 1 < n) {
			rc = emit(arg, query ? 0 : FTS5_TOKEN_COLOCATED,
			    s + off[i], (int)(off[i + 2] - off[i]),
			    fts_clamp(off[i], nText),
			    fts_clamp(off[i + 2], nText));
			if (rc != SQLITE_OK)
				return rc;
		}
	}
	return SQLITE_OK;
}

/* The bigram mode over folded text s. */
static int
fts_cut_bigram(const char *s, int query, int nText, fts_emit emit,
    void *arg)
{
	size_t		*off, n = 0, i = 0, start = 0, len = strlen(s);
	unsigned int	 cp;
	int		 clen, rc = SQLITE_OK, inword = 0;

	off = xcalloc(len + 2, sizeof *off);
	while (rc == SQLITE_OK) {
		clen = s[i] != '\0' ? text_char_len(s + i) : 0;
		cp = clen > 0 ? fts_codepoint(s + i, clen) : 0;
		if (n > 0 && (clen == 0 || !fts_cjk(cp))) {
			off[n] = i;
			rc = fts_cut_run(s, off, n, query, nText, emit, arg);
			n = 0;
		}
		if (inword && (clen == 0 || fts_cjk(cp) || fts_separator(cp) ||
		    i - start + (size_t)clen > FTS_TOKEN_MAX)) {
			if (rc == SQLITE_OK)
				rc = emit(arg, 0, s + start, (int)(i - start),
				    fts_clamp(start, nText),
				    fts_clamp(i, nText));
			inword = 0;
		}
		if (clen == 0)
			break;
		if (fts_cjk(cp))
			off[n++] = i;
		else if (!fts_separator(cp) && !inword) {
			inword = 1;
			start = i;
		}
		i += (size_t)clen;
	}
	free(off);
	return rc;
}

/*
 * s as UTF-16 for ICU into *out (caller frees), with *map the byte offset
 * of each UTF-16 unit and one past the end; returns the units.
 */
static int32_t
fts_utf16(const char *s, UChar **out, size_t **map)
{
	size_t		 len = strlen(s), i;
	unsigned int	 cp;
	int32_t		 n = 0;
	int		 clen;

	*out = xcalloc(len + 1, sizeof **out);
	*map = xcalloc(len + 1, sizeof **map);
	for (i = 0; i < len; i += (size_t)clen) {
		clen = text_char_len(s + i);
		cp = fts_codepoint(s + i, clen);
		(*map)[n] = i;
		if (cp >= 0x10000) {
			(*out)[n++] = (UChar)(0xd800 + ((cp - 0x10000) >> 10));
			(*map)[n] = i;
			(*out)[n++] = (UChar)(0xdc00 + ((cp - 0x10000) & 0x3ff));
		} else
			(*out)[n++] = (UChar)cp;
	}
	(*map)[n] = len;
	return n;
}

/* The process's word iterator, opened on first use; NULL if ICU fails. */
static UBreakIterator *
fts_icu(void)
{
	UErrorCode	 status = U_ZERO_ERROR;

	if (fts_brk == NULL) {
		fts_brk = ubrk_open(UBRK_WORD, "zh", NULL, 0, &status);
		if (U_FAILURE(status)) {
			log_error("ICU word iterator: %s", u_errorName(status));
			fts_brk = NULL;
		}
	}
	return fts_brk;
}

/* Emit a word of ICU's and, when asked, its CJK characters with it. */
static int
fts_icu_word(const char *s, size_t a, size_t b, int chars, int nText,
    fts_emit emit, void *arg)
{
	size_t	 i;
	int	 rc, clen;

	if (b - a > FTS_TOKEN_MAX)
		b = a + text_fit(s + a, FTS_TOKEN_MAX / 2);
	rc = emit(arg, 0, s + a, (int)(b - a), fts_clamp(a, nText),
	    fts_clamp(b, nText));
	if (!chars || rc != SQLITE_OK || (size_t)text_char_len(s + a) == b - a)
		return rc;
	for (i = a; rc == SQLITE_OK && i < b; i += (size_t)clen) {
		clen = text_char_len(s + i);
		if (fts_cjk(fts_codepoint(s + i, clen)))
			rc = emit(arg, FTS5_TOKEN_COLOCATED, s + i, clen,
			    fts_clamp(i, nText), fts_clamp(i + clen, nText));
	}
	return rc;
}

/* The ICU modes over folded text s: its word segments, no punctuation. */
static int
fts_cut_icu(const char *s, int chars, int query, int nText, fts_emit emit,
    void *arg)
{
	UBreakIterator	*brk;
	UErrorCode	 status = U_ZERO_ERROR;
	UChar		*u;
	size_t		*map;
	int32_t		 n, a, b;
	int		 rc = SQLITE_OK;

	if ((brk = fts_icu()) == NULL)
		return fts_cut_bigram(s, query, nText, emit, arg);
	n = fts_utf16(s, &u, &map);
	ubrk_setText(brk, u, n, &status);
	if (U_FAILURE(status)) {
		rc = SQLITE_ERROR;
		goto out;
	}
	a = ubrk_first(brk);
	while (rc == SQLITE_OK && (b = ubrk_next(brk)) != UBRK_DONE) {
		if (ubrk_getRuleStatus(brk) >= UBRK_WORD_NONE_LIMIT)
			rc = fts_icu_word(s, map[a], map[b], chars && !query,
			    nText, emit, arg);
		a = b;
	}
out:
	ubrk_setText(brk, NULL, 0, &status);
	free(u);
	free(map);
	return rc;
}

/* Fold text (n bytes, not NUL-terminated) and cut it by mode. */
static int
fts_cut(const char *text, int n, enum fts_mode mode, int query,
    fts_emit emit, void *arg)
{
	char	*copy, *folded;
	int	 rc;

	copy = xstrndup(text, (size_t)n);
	folded = namekey_text(copy);
	free(copy);
	if (mode == FTS_BIGRAM)
		rc = fts_cut_bigram(folded, query, n, emit, arg);
	else
		rc = fts_cut_icu(folded, mode == FTS_ICU_CHARS, query, n, emit,
		    arg);
	free(folded);
	return rc;
}

static int
fts_create(void *ctx, const char **argv, int argc, Fts5Tokenizer **out)
{
	struct fts_tokenizer	*t;
	int			 i;

	(void)ctx;
	t = xcalloc(1, sizeof *t);
	t->mode = FTS_BIGRAM;
	for (i = 0; i < argc; i++) {
		for (t->mode = 0; t->mode < FTS_NMODES; t->mode++) {
			if (strcmp(argv[i], fts_mode_names[t->mode]) == 0)
				break;
		}
		if (t->mode == FTS_NMODES) {
			free(t);
			return SQLITE_ERROR;
		}
	}
	*out = (Fts5Tokenizer *)t;
	return SQLITE_OK;
}

static void
fts_delete(Fts5Tokenizer *t)
{
	free(t);
}

static int
fts_tokenize(Fts5Tokenizer *tok, void *ctx, int flags, const char *text,
    int n, fts_emit emit)
{
	const struct fts_tokenizer	*t = (const struct fts_tokenizer *)tok;

	return fts_cut(text, n, t->mode, (flags & FTS5_TOKENIZE_QUERY) != 0,
	    emit, ctx);
}

/* The FTS5 API of db, or NULL when SQLite was built without FTS5. */
static fts5_api *
fts_api(sqlite3 *db)
{
	sqlite3_stmt	*st;
	fts5_api	*api = NULL;

	if (db_prepare(db, "SELECT fts5(?1)", &st) != QD_OK)
		return NULL;
	sqlite3_bind_pointer(st, 1, &api, "fts5_api_ptr", NULL);
	sqlite3_step(st);
	sqlite3_finalize(st);
	return api;
}

int
db_fts_register(sqlite3 *db)
{
	static fts5_tokenizer	 tokenizer = { fts_create, fts_delete,
				    fts_tokenize };
	fts5_api		*api;

	if ((api = fts_api(db)) == NULL) {
		log_error("SQLite has no FTS5");
		return QD_EDB;
	}
	if (api->xCreateTokenizer(api, "qd", NULL, &tokenizer, NULL) !=
	    SQLITE_OK) {
		log_error("cannot register the tokenizer: %s",
		    sqlite3_errmsg(db));
		return QD_EDB;
	}
	return QD_OK;
}

/* The words of a query, each once. */
struct fts_words {
	char	*words[FTS_QUERY_WORDS];
	size_t	 n;
};

static int
fts_word_add(void *arg, int flags, const char *tok, int len, int start,
    int end)
{
	struct fts_words	*w = arg;
	size_t			 i;

	(void)flags;
	(void)start;
	(void)end;
	if (w->n == FTS_QUERY_WORDS)
		return SQLITE_OK;
	for (i = 0; i < w->n; i++) {
		if (strlen(w->words[i]) == (size_t)len &&
		    memcmp(w->words[i], tok, (size_t)len) == 0)
			return SQLITE_OK;
	}
	w->words[w->n++] = xstrndup(tok, (size_t)len);
	return SQLITE_OK;
}

size_t
fts_words(const char *text, enum fts_mode mode, char ***out)
{
	struct fts_words	 w = { .n = 0 };

	*out = NULL;
	if (text == NULL || !text_valid(text))
		return 0;
	fts_cut(text, (int)strlen(text), mode, 1, fts_word_add, &w);
	if (w.n > 0) {
		*out = xcalloc(w.n, sizeof **out);
		memcpy(*out, w.words, w.n * sizeof **out);
	}
	return w.n;
}

char *
fts_or(char *const *words, size_t n)
{
	char		*q, *p;
	const char	*c;
	size_t		 i, len = 1;

	if (n == 0)
		return NULL;
	for (i = 0; i < n; i++)
		len += strlen(words[i]) * 2 + 6;
	p = q = xmalloc(len);
	for (i = 0; i < n; i++) {
		if (i > 0)
			p = stpcpy(p, " OR ");
		*p++ = '"';
		for (c = words[i]; *c != '\0'; c++) {
			if (*c == '"')
				*p++ = '"';
			*p++ = *c;
		}
		*p++ = '"';
	}
	*p = '\0';
	return q;
}

void
fts_words_free(char **words, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		free(words[i]);
	free(words);
}

char *
fts_query(const char *text, enum fts_mode mode)
{
	char	**words, *q;
	size_t	  n;

	n = fts_words(text, mode, &words);
	q = fts_or(words, n);
	fts_words_free(words, n);
	return q;
}
