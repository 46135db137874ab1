/*
 * A certificate's signed payload and the text of its QR code, which
 * anyone can check offline with the center's public key.
 *
 * Version 1, big-endian, 15 fixed bytes then three texts and the
 * signature:
 *
 *	0	version (low 4 bits) and flags (high 4 bits, all reserved: 0)
 *	1-2	key id (cert_key_id)
 *	3	series (0 CX adoption, 1 CR recognition, 2 ZK admission
 *		ticket, 3 PX training: its tw_qual text is the course and
 *		hours)
 *	4	year - 2000
 *	5-7	sequence number in the series and year
 *	8-9	issued on, days since 2000-01-01
 *	10-13	MTP number (8 digits)
 *	14	mainland level, 1-5
 *	15-	name, Taiwan qualification, occupation: a length byte, UTF-8
 *	last 64	Ed25519 signature of every byte before it
 *
 * Version 2 (a professional-technical qualification, or a recognition
 * in an appraisal agency's name) has the same first 15 bytes, then:
 *
 *	15	kind (0 a skill level, 1 professional-technical)
 *	16-17	the agency's certificate day, days since 2000-01-01 (0: none)
 *	18-	name, Taiwan qualification, occupation, then the agency and
 *		its certificate number (both may be empty: length 0)
 *	last 64	Ed25519 signature of every byte before it
 *
 * A certificate with neither is written as version 1, as before, so
 * readers of version 1 keep reading every adoption certificate.
 *
 * Bit 7 was meant to mark deflated texts, but on real certificates
 * (3-character names, qualifications like 美容乙级技术士) deflate saves
 * at most two bytes and often adds some, so it stays reserved.
 */
#include <stdlib.h>
#include <string.h>

#include "cert/cert.h"

#define CERT_CODE_VERSION	1
#define CERT_CODE_VERSION2	2
#define CERT_CODE_FIXED		15	/* bytes before the texts */
#define CERT_CODE_FIXED2	18	/* in version 2 */
#define CERT_CODE_TEXT_MAX	120	/* bytes of each text */
#define CERT_CODE_MIN		(CERT_CODE_FIXED + 3 * 2 + CERT_SIG_BYTES)
#define CERT_CODE_MAX		\
	(CERT_CODE_FIXED2 + 5 * (1 + CERT_CODE_TEXT_MAX) + CERT_SIG_BYTES)
#define CERT_CODE_SEQ_MAX	0xffffffU

static const char *const cert_code_series[] = {
	[CERT_SERIES_ADOPTION] = "CX",
	[CERT_SERIES_RECOGNITION] = "CR",
	[CERT_SERIES_TICKET] = "ZK",
	[CERT_SERIES_TRAINING] = "PX",
};
#define CERT_CODE_NSERIES \
	(nitems(cert_code_series))

/* The three texts in payload order, with the words for a message. */
static const struct {
	size_t		 off;
	const char	*zh;
	const char	*en;
} cert_code_texts[] = {
	{ offsetof(struct cert_fields, name), "姓名", "name" },
	{ offsetof(struct cert_fields, tw_qual), "台湾地区职业资格",
	  "Taiwan qualification" },
	{ offsetof(struct cert_fields, occupation), "职业（工种）",
	  "occupation" },
	/* Version 2's, which may be empty. */
	{ offsetof(struct cert_fields, agency), "认定机构", "agency" },
	{ offsetof(struct cert_fields, agency_ref), "认定机构证书编号",
	  "agency's certificate number" },
};
#define CERT_CODE_NTEXTS1 3
#define CERT_CODE_NTEXTS (nitems(cert_code_texts))

/* Why a code is refused, as the person holding the reader is told. */
enum cert_code_error {
	CERT_CODE_NOT_OURS,
	CERT_CODE_DAMAGED,
	CERT_CODE_VERSION_NEW,
	CERT_CODE_KEY_UNKNOWN,
	CERT_CODE_CHANGED,
	CERT_CODE_CONTENT,
};
static const struct {
	int		 rv;
	const char	*msg;
} cert_code_errors[] = {
	[CERT_CODE_NOT_OURS] = { QD_EINVAL,
	    "不是本中心的证书二维码 not a qualdesk certificate code" },
	[CERT_CODE_DAMAGED] = { QD_EINVAL,
	    "证书二维码不完整或已损坏 the certificate code is incomplete "
	    "or damaged" },
	[CERT_CODE_VERSION_NEW] = { QD_EINVAL,
	    "证书二维码的版本本程序不认识 this program does not know this "
	    "version of certificate code" },
	[CERT_CODE_KEY_UNKNOWN] = { QD_ENOTFOUND,
	    "签发密钥未知 signed with an unknown key" },
	[CERT_CODE_CHANGED] = { QD_EDENIED,
	    "签名不符，证书内容被改动 the signature does not match: the "
	    "certificate was changed" },
	[CERT_CODE_CONTENT] = { QD_EINVAL,
	    "证书内容不合规定 the certificate's contents are not valid" },
};

void
cert_fields_free(struct cert_fields *f)
{
	if (f == NULL)
		return;
	xfree(&f->name);
	xfree(&f->tw_qual);
	xfree(&f->occupation);
	xfree(&f->agency);
	xfree(&f->agency_ref);
}

/* The version f needs: 2 for a professional kind or an agency. */
static int
cert_code_version_of(const struct cert_fields *f)
{
	if (f->kind != CERT_KIND_SKILL ||
	    (f->agency != NULL && *f->agency != '\0') ||
	    (f->agency_ref != NULL && *f->agency_ref != '\0') ||
	    f->agency_on[0] != '\0')
		return CERT_CODE_VERSION2;
	return CERT_CODE_VERSION;
}

/* How many texts a payload of version carries. */
static size_t
cert_code_ntexts(int version)
{
	return version == CERT_CODE_VERSION2 ? CERT_CODE_NTEXTS :
	    CERT_CODE_NTEXTS1;
}

const char *
cert_series_code(enum cert_series series)
{
	if ((unsigned)series >= CERT_CODE_NSERIES)
		return NULL;
	return cert_code_series[series];
}

char *
cert_number(enum cert_series series, int year, uint32_t seq)
{
	const char	*code;
	char		*s;

	if ((code = cert_series_code(series)) == NULL)
		fatal("bad certificate series %d", (int)series);
	xasprintf(&s, "%s-%04d-%06u", code, year, (unsigned)seq);
	return s;
}

/* The value of the n (1 to 9) digits at s, or -1 if one is not a digit. */
static long
cert_code_digits(const char *s, size_t n)
{
	long	 v = 0;

	if (n == 0 || n > 9 || strspn(s, "0123456789") < n)
		return -1;
	while (n-- > 0)
		v = v * 10 + (*s++ - '0');
	return v;
}

int
cert_number_parse(const char *s, enum cert_series *series, int *year,
    uint32_t *seq)
{
	size_t	 i, n;
	long	 y, q;
	char	*again;
	int	 same;

	if (s == NULL || strlen(s) < 14 || s[2] != '-' || s[7] != '-')
		return QD_EINVAL;
	for (i = 0; i < CERT_CODE_NSERIES; i++) {
		if (strncmp(s, cert_code_series[i], 2) == 0)
			break;
	}
	n = strlen(s + 8);
	if (i == CERT_CODE_NSERIES || (y = cert_code_digits(s + 3, 4)) < 2000 ||
	    y > 2255 || n > 8 || (q = cert_code_digits(s + 8, n)) < 1 ||
	    q > (long)CERT_CODE_SEQ_MAX)
		return QD_EINVAL;
	/* Only the one spelling cert_number writes: no extra zeros. */
	again = cert_number((enum cert_series)i, (int)y, (uint32_t)q);
	same = strcmp(again, s) == 0;
	free(again);
	if (!same)
		return QD_EINVAL;
	*series = (enum cert_series)i;
	*year = (int)y;
	*seq = (uint32_t)q;
	return QD_OK;
}

/* Days from 2000-01-01 to y-m-d (proleptic Gregorian). */
static long
cert_code_days(int y, int m, int d)
{
	long	 era, yoe, doy;

	y -= m <= 2;
	era = y / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 730425;
}

/* Write v as n digits at s. */
static void
cert_code_put_digits(char *s, long v, int n)
{
	while (n-- > 0) {
		s[n] = (char)('0' + v % 10);
		v /= 10;
	}
}

/* The date days (0 to 65535) after 2000-01-01, as YYYY-MM-DD. */
static void
cert_code_date(long days, char out[11], int *year)
{
	long	 z = days + 730425, era, doe, yoe, doy, mp, y, m, d;

	era = z / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = doy - (153 * mp + 2) / 5 + 1;
	m = mp < 10 ? mp + 3 : mp - 9;
	y = yoe + era * 400 + (m <= 2);
	cert_code_put_digits(out, y, 4);
	out[4] = '-';
	cert_code_put_digits(out + 5, m, 2);
	out[7] = '-';
	cert_code_put_digits(out + 8, d, 2);
	out[10] = '\0';
	*year = (int)y;
}

/*
 * The days since 2000-01-01 of a real day written YYYY-MM-DD, or -1.
 * *year gets its year.
 */
static long
cert_code_date_parse(const char *s, int *year)
{
	char	 again[11];
	long	 y, m, d, days;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-' ||
	    (y = cert_code_digits(s, 4)) < 2000 ||
	    (m = cert_code_digits(s + 5, 2)) < 1 || m > 12 ||
	    (d = cert_code_digits(s + 8, 2)) < 1 || d > 31)
		return -1;
	days = cert_code_days((int)y, (int)m, (int)d);
	/* A day past the month's end comes back as another date. */
	cert_code_date(days, again, year);
	if (strcmp(again, s) != 0)
		return -1;
	return days;
}

/* Set *why (when why is not NULL) and return QD_EINVAL. */
static int __attribute__((format(printf, 2, 3)))
cert_code_refuse(char **why, const char *fmt, ...)
{
	va_list	 ap;

	if (why != NULL) {
		free(*why);
		va_start(ap, fmt);
		xvasprintf(why, fmt, ap);
		va_end(ap);
	}
	return QD_EINVAL;
}

/* Text i of f, in payload order. */
static const char *
cert_code_text(const struct cert_fields *f, size_t i)
{
	return *(char *const *)((const char *)f + cert_code_texts[i].off);
}

/* Refuse a text the payload cannot carry as it is. */
static int
cert_code_check_texts(const struct cert_fields *f, char **why)
{
	const char	*s, *zh, *en;
	size_t		 i;

	for (i = 0; i < cert_code_ntexts(cert_code_version_of(f)); i++) {
		s = cert_code_text(f, i);
		zh = cert_code_texts[i].zh;
		en = cert_code_texts[i].en;
		/* The agency's texts may be empty. */
		if (i >= CERT_CODE_NTEXTS1 && (s == NULL || *s == '\0'))
			continue;
		if (s == NULL || *s == '\0')
			return cert_code_refuse(why, "%s为空 the %s is empty",
			    zh, en);
		if (!text_valid(s))
			return cert_code_refuse(why, "%s含有无效字符 the %s "
			    "has characters that cannot be printed", zh, en);
		if (strlen(s) > CERT_CODE_TEXT_MAX)
			return cert_code_refuse(why, "%s超过%d字节 the %s is "
			    "longer than %d bytes", zh, CERT_CODE_TEXT_MAX, en,
			    CERT_CODE_TEXT_MAX);
	}
	return QD_OK;
}

/* Refuse a field out of range; *days gets the issue date's number. */
static int
cert_code_check(const struct cert_fields *f, long *days, char **why)
{
	int	 year;

	if (cert_series_code(f->series) == NULL)
		return cert_code_refuse(why, "证书类别无效 "
		    "not a certificate series");
	if (f->year < 2000 || f->year > 2255)
		return cert_code_refuse(why, "证书年份须在2000至2255年之间 "
		    "the certificate year must be 2000 to 2255");
	if (f->seq < 1 || f->seq > CERT_CODE_SEQ_MAX)
		return cert_code_refuse(why, "证书序号须在1至%u之间 the "
		    "certificate's serial must be 1 to %u", CERT_CODE_SEQ_MAX,
		    CERT_CODE_SEQ_MAX);
	if (memchr(f->issued_on, '\0', sizeof f->issued_on) == NULL ||
	    (*days = cert_code_date_parse(f->issued_on, &year)) < 0)
		return cert_code_refuse(why, "签发日期须为实有日期YYYY-MM-DD "
		    "the issue date must be a real day as YYYY-MM-DD");
	if (year != f->year)
		return cert_code_refuse(why, "签发日期不在证书编号的年份内 "
		    "the issue date is not in the year of the number");
	if (*days > 0xffff)
		return cert_code_refuse(why, "签发日期晚于2179-06-06 "
		    "the issue date is after 2179-06-06");
	if (memchr(f->mtp, '\0', sizeof f->mtp) == NULL ||
	    strlen(f->mtp) != 8 || cert_code_digits(f->mtp, 8) < 0)
		return cert_code_refuse(why, "通行证号须为8位数字 "
		    "the MTP number must be 8 digits");
	if (f->level < 1 || f->level > 5)
		return cert_code_refuse(why, "等级须为一至五级 "
		    "the level must be 1 to 5");
	if (f->kind != CERT_KIND_SKILL && f->kind != CERT_KIND_PROFESSIONAL)
		return cert_code_refuse(why, "资格类别无效 "
		    "not a kind of qualification");
	if (f->agency_on[0] != '\0' && (memchr(f->agency_on, '\0',
	    sizeof f->agency_on) == NULL ||
	    cert_code_date_parse(f->agency_on, &year) <= 0 ||
	    cert_code_date_parse(f->agency_on, &year) > 0xffff))
		return cert_code_refuse(why, "认定日期须为2000-01-02至"
		    "2179-06-06的实有日期 the agency's date must be a real day"
		    " from 2000-01-02 to 2179-06-06");
	return cert_code_check_texts(f, why);
}

/* A payload being packed or read. */
struct cert_code_buf {
	uint8_t		 b[CERT_CODE_MAX];
	size_t		 len;
};

/* Append the low n bytes of v, big-endian. */
static void
cert_code_put(struct cert_code_buf *p, uint32_t v, int n)
{
	while (n-- > 0)
		p->b[p->len++] = (uint8_t)(v >> (8 * n));
}

/* Pack the checked fields of f, up to the signature. */
static void
cert_code_pack(const struct cert_fields *f, unsigned kid, long days,
    struct cert_code_buf *p)
{
	const char	*s;
	size_t		 i, n;
	int		 version = cert_code_version_of(f), year;

	p->len = 0;
	cert_code_put(p, (uint32_t)version, 1);
	cert_code_put(p, kid, 2);
	cert_code_put(p, (uint32_t)f->series, 1);
	cert_code_put(p, (uint32_t)(f->year - 2000), 1);
	cert_code_put(p, f->seq, 3);
	cert_code_put(p, (uint32_t)days, 2);
	cert_code_put(p, (uint32_t)cert_code_digits(f->mtp, 8), 4);
	cert_code_put(p, (uint32_t)f->level, 1);
	if (version == CERT_CODE_VERSION2) {
		cert_code_put(p, (uint32_t)f->kind, 1);
		cert_code_put(p, f->agency_on[0] != '\0' ? (uint32_t)
		    cert_code_date_parse(f->agency_on, &year) : 0, 2);
	}
	for (i = 0; i < cert_code_ntexts(version); i++) {
		s = cert_code_text(f, i);
		n = s != NULL ? strlen(s) : 0;
		cert_code_put(p, (uint32_t)n, 1);
		memcpy(p->b + p->len, s, n);
		p->len += n;
	}
}

int
cert_encode(const struct cert_fields *f, const uint8_t priv[CERT_KEY_BYTES],
    const uint8_t pub[CERT_KEY_BYTES], char **text, char **why)
{
	struct cert_code_buf	 p;
	uint8_t			 mine[CERT_KEY_BYTES];
	char			*b45;
	long			 days = 0;
	int			 rv;

	*text = NULL;
	if ((rv = cert_code_check(f, &days, why)) != QD_OK)
		return rv;
	/* A code signed by another key than pub names could never verify. */
	if (cert_key_public(priv, mine) != QD_OK ||
	    memcmp(mine, pub, CERT_KEY_BYTES) != 0)
		return cert_code_refuse(why, "签名密钥与公钥不符 "
		    "the signing key does not match its public key");
	cert_code_pack(f, cert_key_id(pub), days, &p);
	if (cert_sign(priv, p.b, p.len, p.b + p.len) != QD_OK) {
		cert_code_refuse(why, "无法签名 signing failed");
		return QD_ESYS;
	}
	p.len += CERT_SIG_BYTES;
	b45 = base45_encode(p.b, p.len);
	xasprintf(text, "%s%s", CERT_TEXT_PREFIX, b45);
	free(b45);
	return QD_OK;
}

/* The n bytes at *off of p as a big-endian number; *off moves past. */
static uint32_t
cert_code_get(const uint8_t *p, size_t *off, int n)
{
	uint32_t	 v = 0;

	while (n-- > 0)
		v = v << 8 | p[(*off)++];
	return v;
}

/*
 * Read a length byte and that many bytes of text at *off, within len.
 * *out (caller frees) only if it is text encode could have written.
 */
static int
cert_code_get_text(const uint8_t *p, size_t len, size_t *off, int empty,
    char **out)
{
	size_t	 n;
	char	*s;

	if (*off >= len)
		return -1;
	n = p[(*off)++];
	if (n == 0 && empty) {
		*out = xstrdup("");
		return 0;
	}
	if (n == 0 || n > CERT_CODE_TEXT_MAX || n > len - *off ||
	    memchr(p + *off, '\0', n) != NULL)
		return -1;
	s = xstrndup((const char *)p + *off, n);
	*off += n;
	if (!text_valid(s)) {
		free(s);
		return -1;
	}
	*out = s;
	return 0;
}

/* Text i of f, to fill. */
static char **
cert_code_text_slot(struct cert_fields *f, size_t i)
{
	return (char **)((char *)f + cert_code_texts[i].off);
}

/*
 * Read the len signed bytes of a version 1 or 2 payload into *f,
 * refusing (-1) anything cert_encode would not have written. f's texts
 * are set as they are read, so the caller frees them either way.
 */
static int
cert_code_unpack(const uint8_t *p, size_t len, struct cert_fields *f)
{
	size_t		 off = 3, i;
	uint32_t	 series, mtp, kind = 0, agency_days = 0;
	long		 days;
	int		 year, version = p[0];

	series = cert_code_get(p, &off, 1);
	f->year = 2000 + (int)cert_code_get(p, &off, 1);
	f->seq = cert_code_get(p, &off, 3);
	days = (long)cert_code_get(p, &off, 2);
	mtp = cert_code_get(p, &off, 4);
	f->level = (int)cert_code_get(p, &off, 1);
	if (version == CERT_CODE_VERSION2) {
		if (len < CERT_CODE_FIXED2)
			return -1;
		kind = cert_code_get(p, &off, 1);
		agency_days = cert_code_get(p, &off, 2);
	}
	if (series >= CERT_CODE_NSERIES || f->seq < 1 || mtp > 99999999 ||
	    f->level < 1 || f->level > 5 || kind > CERT_KIND_PROFESSIONAL)
		return -1;
	f->version = version;
	f->kind = (enum cert_kind)kind;
	if (agency_days != 0)
		cert_code_date(agency_days, f->agency_on, &year);
	f->series = (enum cert_series)series;
	cert_code_date(days, f->issued_on, &year);
	if (year != f->year)
		return -1;
	snprintf(f->mtp, sizeof f->mtp, "%08u", (unsigned)mtp);
	for (i = 0; i < cert_code_ntexts(version); i++) {
		if (cert_code_get_text(p, len, &off, i >= CERT_CODE_NTEXTS1,
		    cert_code_text_slot(f, i)) != 0)
			return -1;
	}
	if (off != len)
		return -1;
	/* Version 2 only when version 1 could not say it. */
	if (version == CERT_CODE_VERSION2 &&
	    cert_code_version_of(f) != CERT_CODE_VERSION2)
		return -1;
	return 0;
}

/*
 * The code within text as a QR reader returns it: blanks before the
 * prefix and a line end after it are not part of it, but a trailing
 * space is (it is a Base45 character). *len gets its length.
 */
static const char *
cert_code_trim(const char *text, size_t *len)
{
	size_t	 n;

	text += strspn(text, " \t\r\n");
	n = strlen(text);
	while (n > 0 && strchr("\t\r\n", text[n - 1]) != NULL)
		n--;
	*len = n;
	return text;
}

/* Set *why to the words for e and return its result code. */
static int
cert_code_fail(enum cert_code_error e, char **why)
{
	if (why != NULL) {
		free(*why);
		*why = xstrdup(cert_code_errors[e].msg);
	}
	return cert_code_errors[e].rv;
}

/* Decode text into *p and *len, refusing what is not a version 1 or 2 code. */
static int
cert_code_open(const char *text, uint8_t **p, size_t *len,
    enum cert_code_error *e)
{
	const size_t	 plen = strlen(CERT_TEXT_PREFIX);
	size_t		 n;

	*e = CERT_CODE_NOT_OURS;
	if (text == NULL)
		return -1;
	text = cert_code_trim(text, &n);
	if (n < plen || strncmp(text, CERT_TEXT_PREFIX, plen) != 0)
		return -1;
	*e = CERT_CODE_DAMAGED;
	if (base45_decode(text + plen, n - plen, p, len) != QD_OK ||
	    *len == 0)
		return -1;
	*e = CERT_CODE_VERSION_NEW;
	if ((*p)[0] != CERT_CODE_VERSION && (*p)[0] != CERT_CODE_VERSION2)
		return -1;
	*e = CERT_CODE_DAMAGED;
	if (*len < CERT_CODE_MIN || *len > CERT_CODE_MAX)
		return -1;
	return 0;
}

int
cert_verify(const char *text, cert_key_lookup lookup, void *arg,
    struct cert_fields *f, char **why)
{
	struct cert_fields	 got;
	enum cert_code_error	 e;
	uint8_t			*p = NULL, pub[CERT_KEY_BYTES];
	size_t			 len, signed_len;
	unsigned		 kid;
	int			 rv;

	memset(&got, 0, sizeof got);
	if (cert_code_open(text, &p, &len, &e) != 0)
		goto out;
	kid = (unsigned)p[1] << 8 | p[2];
	if ((rv = lookup(arg, kid, pub)) != QD_OK) {
		if (rv != QD_ENOTFOUND)
			log_warn("looking up key %04x failed (%d)", kid, rv);
		free(p);
		/* The id tells a verifier which published key to fetch. */
		why_set(why, "%s (%04x)",
		    cert_code_errors[CERT_CODE_KEY_UNKNOWN].msg, kid);
		return cert_code_errors[CERT_CODE_KEY_UNKNOWN].rv;
	}
	/* The signature first: fields of a changed code are not read. */
	signed_len = len - CERT_SIG_BYTES;
	e = CERT_CODE_CHANGED;
	if (!cert_sig_ok(pub, p, signed_len, p + signed_len))
		goto out;
	e = CERT_CODE_CONTENT;
	if (cert_code_unpack(p, signed_len, &got) != 0)
		goto out;
	got.kid = kid;
	*f = got;
	free(p);
	return QD_OK;
out:
	cert_fields_free(&got);
	free(p);
	return cert_code_fail(e, why);
}
