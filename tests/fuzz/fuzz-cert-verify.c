/*
 * Fuzz target: certificate codes as a QR reader may return them, checked
 * against one fixed key. The first byte picks what the rest is: odd, the
 * text itself; even, a payload this target signs with that key, so that
 * the fields behind the signature are fuzzed too. A code that verifies
 * must be the one cert_encode writes for its fields.
 */
#include <stdlib.h>
#include <string.h>

#include "cert/cert.h"

int LLVMFuzzerTestOneInput(const unsigned char *, size_t);

/* RFC 8032's first test key: no secret, only fixed. */
static const uint8_t fuzz_priv[CERT_KEY_BYTES] = {
	0x9d, 0x61, 0xb1, 0x9d, 0xef, 0xfd, 0x5a, 0x60, 0xba, 0x84, 0x4a,
	0xf4, 0x92, 0xec, 0x2c, 0xc4, 0x44, 0x49, 0xc5, 0x69, 0x7b, 0x32,
	0x69, 0x19, 0x70, 0x3b, 0xac, 0x03, 0x1c, 0xae, 0x7f, 0x60,
};
static uint8_t fuzz_pub[CERT_KEY_BYTES];

/* Every key id finds the fixed key. */
static int
fuzz_lookup(void *arg, unsigned kid, uint8_t pub[CERT_KEY_BYTES])
{
	(void)arg;
	(void)kid;
	memcpy(pub, fuzz_pub, CERT_KEY_BYTES);
	return QD_OK;
}

/* The text of size bytes of payload, signed with the fixed key. */
static char *
fuzz_signed(const unsigned char *data, size_t size)
{
	uint8_t	*p;
	char	*b45, *text;

	p = xmalloc(size + CERT_SIG_BYTES);
	memcpy(p, data, size);
	if (cert_sign(fuzz_priv, p, size, p + size) != QD_OK)
		abort();
	b45 = base45_encode(p, size + CERT_SIG_BYTES);
	xasprintf(&text, "%s%s", CERT_TEXT_PREFIX, b45);
	free(b45);
	free(p);
	return text;
}

/* A code that verified: its fields must encode to the same text. */
static void
fuzz_again(const struct cert_fields *f, const char *text, int exact)
{
	char	*again = NULL, *why = NULL;

	if (cert_encode(f, fuzz_priv, fuzz_pub, &again, &why) != QD_OK)
		abort();
	if (exact && f->kid == cert_key_id(fuzz_pub) &&
	    strcmp(again, text) != 0)
		abort();
	free(again);
}

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	struct cert_fields	 f;
	char			*text, *why = NULL;
	int			 rv, sign;

	if (size == 0)
		return 0;
	if (fuzz_pub[0] == 0 && cert_key_public(fuzz_priv, fuzz_pub) != QD_OK)
		abort();
	sign = (data[0] & 1) == 0;
	if (sign)
		text = fuzz_signed(data + 1, size - 1);
	else
		text = xstrndup((const char *)data + 1, size - 1);
	memset(&f, 0, sizeof f);
	rv = cert_verify(text, fuzz_lookup, NULL, &f, &why);
	if (rv == QD_OK) {
		if (why != NULL || f.name == NULL)
			abort();
		fuzz_again(&f, text, sign);
		cert_fields_free(&f);
	} else if ((rv != QD_EINVAL && rv != QD_EDENIED) || why == NULL ||
	    f.name != NULL)
		abort();
	free(why);
	free(text);
	return 0;
}
