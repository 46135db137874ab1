/*
 * A certificate's QR text: the packed layout, round trips of real-looking
 * fields, and every change, cut or bad field refused. Names, numbers and
 * keys are invented.
 */
#include <stdlib.h>
#include <string.h>

#include "qualdesk.h"
#include "cert/cert.h"
#include "../tap.h"

static uint8_t	priv[CERT_KEY_BYTES], pub[CERT_KEY_BYTES];
static uint8_t	other_priv[CERT_KEY_BYTES], other_pub[CERT_KEY_BYTES];

/* The keys a lookup knows: a list of public keys. */
struct keyring {
	const uint8_t	*keys[2];
	size_t		 n;
};

static int
lookup(void *arg, unsigned kid, uint8_t out[CERT_KEY_BYTES])
{
	struct keyring	*ring = arg;
	size_t		 i;

	for (i = 0; i < ring->n; i++) {
		if (cert_key_id(ring->keys[i]) == kid) {
			memcpy(out, ring->keys[i], CERT_KEY_BYTES);
			return QD_OK;
		}
	}
	return QD_ENOTFOUND;
}

static struct keyring ours = { { pub, NULL }, 1 };

/* A certificate as the center issues one. */
static void
sample(struct cert_fields *f)
{
	memset(f, 0, sizeof *f);
	f->series = CERT_SERIES_ADOPTION;
	f->year = 2026;
	f->seq = 123;
	strcpy(f->issued_on, "2026-03-15");
	strcpy(f->mtp, "01234567");
	f->level = 4;
	f->name = "陈美玲";
	f->tw_qual = "美容乙级技术士";
	f->occupation = "美容师";
}

/* cert_verify with our key; *f is set to a sentinel first. */
static int
verify(const char *text, struct cert_fields *f)
{
	memset(f, 0xa5, sizeof *f);
	return cert_verify(text, lookup, &ours, f, NULL);
}

/* 1 if f is still the sentinel verify wrote: a refusal left it alone. */
static int
untouched(const struct cert_fields *f)
{
	const unsigned char	*p = (const unsigned char *)f;
	size_t			 i;

	for (i = 0; i < sizeof *f; i++) {
		if (p[i] != 0xa5)
			return 0;
	}
	return 1;
}

/* The payload of text (after the prefix); caller frees. */
static uint8_t *
payload(const char *text, size_t *len)
{
	uint8_t	*p = NULL;
	size_t	 n = strlen(CERT_TEXT_PREFIX);

	if (base45_decode(text + n, strlen(text + n), &p, len) != QD_OK)
		return NULL;
	return p;
}

/* The QR text of len bytes of payload p. */
static char *
text_of(const uint8_t *p, size_t len)
{
	char	*b45, *text;

	b45 = base45_encode(p, len);
	xasprintf(&text, "%s%s", CERT_TEXT_PREFIX, b45);
	free(b45);
	return text;
}

static void
test_round_trip(void)
{
	static const uint8_t	 head[15] = { 0x01, 0, 0, 0x00, 26,
	    0x00, 0x00, 0x7b, 0x25, 0x62, 0x00, 0x12, 0xd6, 0x87, 4 };
	struct cert_fields	 f, got;
	char			*text = NULL, *why = NULL;
	uint8_t			*p;
	size_t			 len;
	unsigned		 kid = cert_key_id(pub);

	sample(&f);
	ok(cert_encode(&f, priv, pub, &text, &why) == QD_OK && why == NULL,
	    "encode a certificate");
	ok(strncmp(text, "QDC1:", 5) == 0 &&
	    strspn(text + 5, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:") ==
	    strlen(text + 5), "the text is QR alphanumeric after QDC1:");
	p = payload(text, &len);
	printf("# payload %zu bytes, text %zu chars\n", len, strlen(text));
	is_int(len, 15 + 1 + 9 + 1 + 21 + 1 + 9 + CERT_SIG_BYTES,
	    "payload size");
	ok(p != NULL && p[1] == kid >> 8 && p[2] == (kid & 0xff),
	    "the key id follows the version");
	p[1] = p[2] = 0;
	ok(memcmp(p, head, sizeof head) == 0, "the fixed fields as laid out");
	ok(p[15] == 9 && memcmp(p + 16, "陈美玲", 9) == 0 && p[25] == 21,
	    "the name, then the qualification's length");
	free(p);

	ok(verify(text, &got) == QD_OK, "verify it");
	ok(got.series == f.series && got.year == 2026 && got.seq == 123 &&
	    got.level == 4 && got.kid == kid, "numbers come back");
	is_str(got.issued_on, "2026-03-15", "issue date");
	is_str(got.mtp, "01234567", "MTP number with its leading zero");
	is_str(got.name, "陈美玲", "name");
	is_str(got.tw_qual, "美容乙级技术士", "Taiwan qualification");
	is_str(got.occupation, "美容师", "occupation");
	cert_fields_free(&got);
	ok(got.name == NULL && got.occupation == NULL, "free nulls the texts");
	free(text);
}

/* The edges of what a payload holds, in the recognition series. */
static void
test_edges(void)
{
	static const char	*dates[] = { "2000-01-01", "2024-02-29",
	    "2179-06-06" };
	struct cert_fields	 f, got;
	char			 long_text[121], *text;
	size_t			 i;
	int			 good = 1;

	memset(long_text, 0, sizeof long_text);
	for (i = 0; i < 40; i++)
		memcpy(long_text + 3 * i, "職", 3);
	for (i = 0; i < nitems(dates); i++) {
		sample(&f);
		f.series = CERT_SERIES_RECOGNITION;
		f.year = atoi(dates[i]);
		f.seq = 16777215;
		strcpy(f.issued_on, dates[i]);
		f.level = i % 2 ? 1 : 5;
		f.name = f.tw_qual = f.occupation = long_text;
		if (cert_encode(&f, priv, pub, &text, NULL) != QD_OK) {
			good = 0;
			continue;
		}
		good &= verify(text, &got) == QD_OK &&
		    got.series == CERT_SERIES_RECOGNITION &&
		    got.seq == 16777215 && got.level == f.level &&
		    strcmp(got.issued_on, dates[i]) == 0 &&
		    strcmp(got.occupation, long_text) == 0;
		if (i == 0)
			printf("# longest payload: text %zu chars\n",
			    strlen(text));
		cert_fields_free(&got);
		free(text);
	}
	ok(good, "120-byte texts, the last serial, the first and last days");
}

static void
test_reader_text(void)
{
	struct cert_fields	 f, got;
	char			*text, *t;

	sample(&f);
	cert_encode(&f, priv, pub, &text, NULL);
	xasprintf(&t, "  %s\r\n", text);
	ok(verify(t, &got) == QD_OK, "spaces before and a line end after");
	cert_fields_free(&got);
	free(t);
	xasprintf(&t, "qdc1:%s", text + 5);
	ok(verify(t, &got) == QD_EINVAL && untouched(&got),
	    "a lower-case prefix is not ours");
	free(t);
	t = NULL;
	ok(cert_verify("https://example.org/", lookup, &ours, &got, &t) ==
	    QD_EINVAL && strstr(t, "不是本中心的证书二维码") != NULL,
	    "another QR code: not ours");
	free(t);
	ok(verify("QDC1:", &got) == QD_EINVAL && untouched(&got),
	    "the prefix alone");
	free(text);
}

/* Every bit of the payload, flipped alone and signed no more, refused. */
static void
test_changed(void)
{
	struct cert_fields	 f, got;
	uint8_t			*p;
	char			*text, *t, *why = NULL;
	size_t			 len, i, refused = 0, n;
	int			 rv;

	sample(&f);
	cert_encode(&f, priv, pub, &text, NULL);
	p = payload(text, &len);
	for (i = 0; i < len * 8; i++) {
		p[i / 8] ^= (uint8_t)(1 << i % 8);
		t = text_of(p, len);
		rv = verify(t, &got);
		refused += rv != QD_OK && untouched(&got);
		p[i / 8] ^= (uint8_t)(1 << i % 8);
		free(t);
	}
	is_int(refused, len * 8, "each of %zu flipped bits is refused",
	    len * 8);

	p[20] ^= 1;
	t = text_of(p, len);
	ok(cert_verify(t, lookup, &ours, &got, &why) == QD_EDENIED &&
	    strstr(why, "签名不符") != NULL, "a changed name: signature");
	xfree(&why);
	free(t);
	free(p);

	/* Every character of the text replaced by another of the 45. */
	n = strlen(text);
	for (refused = 0, i = 5; i < n; i++) {
		t = xstrdup(text);
		t[i] = t[i] == '0' ? '1' : '0';
		refused += verify(t, &got) != QD_OK && untouched(&got);
		free(t);
	}
	is_int(refused, n - 5, "each changed character is refused");

	/* Every cut, from nothing to one character short. */
	for (refused = 0, i = 0; i < n; i++) {
		t = xstrndup(text, i);
		refused += verify(t, &got) != QD_OK && untouched(&got);
		free(t);
	}
	is_int(refused, n, "each truncated text is refused");
	free(text);
}

static void
test_keys(void)
{
	struct cert_fields	 f, got;
	struct keyring		 theirs = { { other_pub, NULL }, 1 };
	char			*text, *why = NULL;
	uint8_t			*p;
	size_t			 len;

	sample(&f);
	cert_encode(&f, other_priv, other_pub, &text, NULL);
	ok(cert_verify(text, lookup, &ours, &got, &why) == QD_ENOTFOUND &&
	    strstr(why, "签发密钥未知") != NULL, "another key's id: not found");
	xfree(&why);
	ok(cert_verify(text, lookup, &theirs, &got, NULL) == QD_OK,
	    "found when the lookup knows it");
	cert_fields_free(&got);

	/* Our key id on their signature: the signature gives it away. */
	p = payload(text, &len);
	p[1] = (uint8_t)(cert_key_id(pub) >> 8);
	p[2] = (uint8_t)cert_key_id(pub);
	free(text);
	text = text_of(p, len);
	ok(verify(text, &got) == QD_EDENIED && untouched(&got),
	    "our key id on another key's signature");
	free(text);
	free(p);

	ok(cert_encode(&f, priv, other_pub, &text, &why) == QD_EINVAL &&
	    text == NULL && strstr(why, "公钥") != NULL,
	    "encode refuses a public key not of the private key");
	xfree(&why);
}

static void
test_numbers(void)
{
	static const char	*bad[] = { "CX-2026-00123", "CX-2026-0000123",
	    "cx-2026-000123", "CY-2026-000123", "CX-1999-000001",
	    "CX-2256-000001", "CX-2026-000000", "CX-2026-16777216",
	    "CX-2026-000123 ", " CX-2026-000123", "CX 2026 000123",
	    "CX-2026-+00123", "CX-20a6-000123", "CX-2026-", "",
	    "CX-2026-000123456789" };
	enum cert_series	 series;
	char			*s;
	uint32_t		 seq;
	size_t			 i, refused = 0;
	int			 year;

	is_str(cert_series_code(CERT_SERIES_ADOPTION), "CX", "adoption: CX");
	is_str(cert_series_code(CERT_SERIES_RECOGNITION), "CR",
	    "recognition: CR");
	is_str(cert_series_code(CERT_SERIES_TICKET), "ZK",
	    "admission ticket: ZK");
	is_str(cert_series_code(CERT_SERIES_TRAINING), "PX",
	    "training completion: PX");
	ok(cert_series_code((enum cert_series)4) == NULL,
	    "no code for another value");
	s = cert_number(CERT_SERIES_ADOPTION, 2026, 123);
	is_str(s, "CX-2026-000123", "six digits at least");
	free(s);
	s = cert_number(CERT_SERIES_RECOGNITION, 2030, 1234567);
	is_str(s, "CR-2030-1234567", "more when the serial needs them");
	ok(cert_number_parse(s, &series, &year, &seq) == QD_OK &&
	    series == CERT_SERIES_RECOGNITION && year == 2030 &&
	    seq == 1234567, "parse it back");
	free(s);
	ok(cert_number_parse("CX-2026-000123", &series, &year, &seq) ==
	    QD_OK && series == CERT_SERIES_ADOPTION && seq == 123,
	    "parse CX-2026-000123");
	for (i = 0; i < nitems(bad); i++) {
		series = CERT_SERIES_RECOGNITION;
		year = -1;
		if (cert_number_parse(bad[i], &series, &year, &seq) ==
		    QD_EINVAL && year == -1)
			refused++;
		else
			printf("#   accepted '%s'\n", bad[i]);
	}
	is_int(refused, nitems(bad),
	    "numbers not as cert_number writes them are refused");
}

/* What cert_encode refuses, and the word its message must hold. */
static const struct {
	const char	*what;
	const char	*field;		/* "year" and so on */
	const char	*value;
	const char	*needle;
} refusals[] = {
	{ "year 1999", "year", "1999", "2000" },
	{ "year 2256", "year", "2256", "2255" },
	{ "serial 0", "seq", "0", "序号" },
	{ "serial 16777216", "seq", "16777216", "序号" },
	{ "29 February 2026", "date", "2026-02-29", "real day" },
	{ "month 13", "date", "2026-13-01", "real day" },
	{ "a one-digit month", "date", "2026-3-15", "real day" },
	{ "a date of the year before", "day", "2025-12-31", "year" },
	{ "a day after 2179-06-06", "date", "2179-06-07", "2179-06-06" },
	{ "a 7-digit MTP", "mtp", "1234567", "MTP" },
	{ "a letter in the MTP", "mtp", "1234567A", "MTP" },
	{ "level 0", "level", "0", "level" },
	{ "level 6", "level", "6", "level" },
	{ "an empty name", "name", "", "姓名" },
	{ "an invalid byte", "name", "陈\xff", "姓名" },
	{ "a control character", "tw_qual", "美容\x01", "Taiwan" },
	{ "121 bytes", "occupation", "x", "120" },
};

/* Set the field refusals[i] names. */
static void
spoil(struct cert_fields *f, size_t i, char *buf, size_t len)
{
	const char	*field = refusals[i].field, *v = refusals[i].value;

	if (strcmp(field, "year") == 0) {
		f->year = atoi(v);
		memcpy(f->issued_on, v, 4);
	} else if (strcmp(field, "seq") == 0)
		f->seq = (uint32_t)strtoul(v, NULL, 10);
	else if (strcmp(field, "date") == 0) {
		strcpy(f->issued_on, v);
		f->year = atoi(v);
	} else if (strcmp(field, "day") == 0)
		strcpy(f->issued_on, v);
	else if (strcmp(field, "mtp") == 0)
		strcpy(f->mtp, v);
	else if (strcmp(field, "level") == 0)
		f->level = atoi(v);
	else if (strcmp(field, "name") == 0)
		f->name = (char *)v;
	else if (strcmp(field, "tw_qual") == 0)
		f->tw_qual = (char *)v;
	else {
		memset(buf, 'x', len - 1);
		buf[len - 1] = '\0';
		f->occupation = buf;
	}
}

static void
test_encode_refusals(void)
{
	struct cert_fields	 f;
	char			 buf[122], *text, *why;
	size_t			 i;
	int			 rv;

	for (i = 0; i < nitems(refusals); i++) {
		sample(&f);
		spoil(&f, i, buf, sizeof buf);
		text = why = NULL;
		rv = cert_encode(&f, priv, pub, &text, &why);
		ok(rv == QD_EINVAL && text == NULL && why != NULL &&
		    strstr(why, refusals[i].needle) != NULL, "refused: %s",
		    refusals[i].what);
		if (why != NULL && strstr(why, refusals[i].needle) == NULL)
			printf("#   why: %s\n", why);
		free(why);
		free(text);
	}
	sample(&f);
	f.occupation = NULL;
	ok(cert_encode(&f, priv, pub, &text, NULL) == QD_EINVAL,
	    "refused: no occupation");
}

/*
 * A version 1 payload packed here, field by field, then signed with our
 * key: what the center's key signs but cert_encode would not write must
 * still be refused.
 */
struct raw {
	uint8_t		 version, series, year, level;
	uint32_t	 seq, days, mtp;
	const char	*texts[3];
	size_t		 name_len;	/* 0: strlen of texts[0] */
	int		 extra;		/* a byte after the texts */
};

static char *
raw_text(const struct raw *r)
{
	uint8_t	 p[512];
	size_t	 n = 0, i, k;

	p[n++] = r->version;
	p[n++] = (uint8_t)(cert_key_id(pub) >> 8);
	p[n++] = (uint8_t)cert_key_id(pub);
	p[n++] = r->series;
	p[n++] = r->year;
	for (k = 3; k-- > 0;)
		p[n++] = (uint8_t)(r->seq >> (8 * k));
	p[n++] = (uint8_t)(r->days >> 8);
	p[n++] = (uint8_t)r->days;
	for (k = 4; k-- > 0;)
		p[n++] = (uint8_t)(r->mtp >> (8 * k));
	p[n++] = r->level;
	for (i = 0; i < 3; i++) {
		k = i == 0 && r->name_len > 0 ? r->name_len :
		    strlen(r->texts[i]);
		p[n++] = (uint8_t)k;
		memcpy(p + n, r->texts[i], k);
		n += k;
	}
	if (r->extra)
		p[n++] = 0;
	cert_sign(priv, p, n, p + n);
	return text_of(p, n + CERT_SIG_BYTES);
}

static const struct raw good_raw = { 1, 0, 26, 4, 123, 9570, 1234567,
	{ "陈美玲", "美容乙级技术士", "美容师" }, 0, 0 };

/* Change one field of good_raw: refusals must come from that field. */
static const struct {
	const char	*what;
	int		 field;
	uint32_t	 value;
	const char	*text;	/* the name, for 't' */
	size_t		 len;	/* its length, 0: strlen */
} bad_raw[] = {
	{ "series 4", 's', 4, NULL, 0 },
	{ "serial 0", 'q', 0, NULL, 0 },
	{ "MTP 100000000", 'm', 100000000, NULL, 0 },
	{ "level 0", 'l', 0, NULL, 0 },
	{ "level 6", 'l', 6, NULL, 0 },
	{ "2025-12-31 in 2026", 'd', 9496, NULL, 0 },
	{ "year 2255 (no day of it fits)", 'y', 255, NULL, 0 },
	{ "an empty name", 't', 0, "", 0 },
	{ "a name with a control character", 't', 0, "陈\n玲", 0 },
	{ "a name cut inside a character", 't', 0, "陈\xe7\xbe", 0 },
	{ "a name with a NUL", 't', 0, "陈\0玲", 7 },
	{ "a name of 121 bytes", 't', 0, NULL, 121 },
	{ "a byte after the texts", 'x', 1, NULL, 0 },
	{ "version 2", 'v', 2, NULL, 0 },
	{ "bit 7 (deflate) set", 'v', 0x81, NULL, 0 },
};

static void
test_signed_bad_fields(void)
{
	struct cert_fields	 got;
	struct raw		 r;
	char			*text, long_name[122];
	size_t			 i;

	memset(long_name, 'x', sizeof long_name - 1);
	long_name[sizeof long_name - 1] = '\0';

	text = raw_text(&good_raw);
	ok(verify(text, &got) == QD_OK && strcmp(got.mtp, "01234567") == 0,
	    "a payload packed by hand verifies");
	cert_fields_free(&got);
	free(text);
	for (i = 0; i < nitems(bad_raw); i++) {
		r = good_raw;
		switch (bad_raw[i].field) {
		case 's': r.series = (uint8_t)bad_raw[i].value; break;
		case 'q': r.seq = bad_raw[i].value; break;
		case 'm': r.mtp = bad_raw[i].value; break;
		case 'l': r.level = (uint8_t)bad_raw[i].value; break;
		case 'd': r.days = bad_raw[i].value; break;
		case 'y': r.year = (uint8_t)bad_raw[i].value; break;
		case 't':
			r.texts[0] = bad_raw[i].text ? bad_raw[i].text :
			    long_name;
			r.name_len = bad_raw[i].len;
			break;
		case 'x': r.extra = 1; break;
		case 'v': r.version = (uint8_t)bad_raw[i].value; break;
		}
		text = raw_text(&r);
		ok(verify(text, &got) == QD_EINVAL && untouched(&got),
		    "refused though signed: %s", bad_raw[i].what);
		free(text);
	}
}

/*
 * Re-sign a version 1 payload p (len bytes with its signature) as
 * version 2 with kind, the agency's day (days since 2000) and two texts.
 */
static char *
as_version2(const uint8_t *p, size_t len, int kind, unsigned days,
    const char *agency, const char *ref)
{
	uint8_t	 b[600];
	size_t	 n = 0, body = len - CERT_SIG_BYTES;
	char	*text;

	memcpy(b, p, 15);
	b[0] = 2;
	n = 15;
	b[n++] = (uint8_t)kind;
	b[n++] = (uint8_t)(days >> 8);
	b[n++] = (uint8_t)days;
	memcpy(b + n, p + 15, body - 15);
	n += body - 15;
	b[n++] = (uint8_t)strlen(agency);
	memcpy(b + n, agency, strlen(agency));
	n += strlen(agency);
	b[n++] = (uint8_t)strlen(ref);
	memcpy(b + n, ref, strlen(ref));
	n += strlen(ref);
	if (cert_sign(priv, b, n, b + n) != QD_OK)
		return NULL;
	n += CERT_SIG_BYTES;
	text = text_of(b, n);
	return text;
}

/*
 * Version 2: a professional-technical recognition in an agency's name
 * carries its kind, the agency and its certificate; a certificate with
 * none of these stays version 1, and a version 2 code saying only what
 * version 1 says, or an unknown kind, is refused though signed.
 */
static void
test_version2(void)
{
	struct cert_fields	 f, got;
	char			*text = NULL, *v1 = NULL, *why = NULL, *t;
	uint8_t			*p;
	size_t			 len;

	sample(&f);
	f.series = CERT_SERIES_RECOGNITION;
	f.kind = CERT_KIND_PROFESSIONAL;
	f.occupation = "机械工程技术人员";
	f.level = 3;
	f.agency = "福州工程职称评审站";
	f.agency_ref = "FZ-ZC-17";
	strcpy(f.agency_on, "2026-03-01");
	ok(cert_encode(&f, priv, pub, &text, &why) == QD_OK,
	    "encode a professional recognition in an agency's name");
	p = payload(text, &len);
	ok(p != NULL && p[0] == 2 && p[15] == 1, "as version 2, kind 1");
	free(p);
	is_int(verify(text, &got), QD_OK, "it verifies");
	is_int(got.version, 2, "read as version 2");
	is_int((int)got.kind, CERT_KIND_PROFESSIONAL, "the kind");
	is_str(got.agency, "福州工程职称评审站", "the agency");
	is_str(got.agency_ref, "FZ-ZC-17", "its certificate number");
	is_str(got.agency_on, "2026-03-01", "and day");
	is_str(got.occupation, "机械工程技术人员", "the texts of version 1 too");
	cert_fields_free(&got);
	ok(got.agency == NULL && got.agency_ref == NULL,
	    "free nulls the agency's texts");
	p = payload(text, &len);
	p[len / 2] ^= 0x01;
	t = text_of(p, len);
	is_int(verify(t, &got), QD_EDENIED, "a changed byte is refused");
	free(t);
	free(p);
	free(text);
	text = NULL;

	sample(&f);
	f.agency = "";
	f.agency_ref = "";
	ok(cert_encode(&f, priv, pub, &v1, &why) == QD_OK,
	    "an adoption, empty agency texts and all");
	p = payload(v1, &len);
	ok(p != NULL && p[0] == 1, "stays version 1");
	is_int(verify(v1, &got), QD_OK, "and verifies");
	is_int(got.version, 1, "read as version 1");
	ok(got.kind == CERT_KIND_SKILL && got.agency == NULL &&
	    got.agency_on[0] == '\0', "with no kind or agency");
	cert_fields_free(&got);

	t = as_version2(p, len, 0, 0, "", "");
	is_int(verify(t, &got), QD_EINVAL, "a signed version 2 that says only"
	    " what version 1 says is refused");
	free(t);
	t = as_version2(p, len, 2, 0, "某机构", "R1");
	is_int(verify(t, &got), QD_EINVAL, "so is an unknown kind");
	free(t);
	t = as_version2(p, len, 0, 9556, "某机构", "R1");
	is_int(verify(t, &got), QD_OK, "a hand-made version 2 with an agency"
	    " verifies");
	is_str(got.agency_on, "2026-03-01", "its day read back");
	cert_fields_free(&got);
	free(t);
	free(p);
	free(v1);

	sample(&f);
	f.kind = CERT_KIND_PROFESSIONAL;
	strcpy(f.agency_on, "2026-02-30");
	is_int(cert_encode(&f, priv, pub, &text, &why), QD_EINVAL,
	    "an agency day that is none is refused (%s)", why);
	free(why);
}

int
main(void)
{
	/* Two keys with different ids (1 in 65536 share one). */
	do {
		if (cert_key_generate(priv, pub) != QD_OK ||
		    cert_key_generate(other_priv, other_pub) != QD_OK) {
			printf("Bail out! no keys\n");
			return 1;
		}
	} while (cert_key_id(pub) == cert_key_id(other_pub));
	test_round_trip();
	test_edges();
	test_reader_text();
	test_changed();
	test_keys();
	test_numbers();
	test_encode_refusals();
	test_signed_bad_fields();
	test_version2();
	return done_testing();
}
