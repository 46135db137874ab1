/* Base45: the vectors of RFC 9285 and the texts a strict decoder refuses. */
#include <stdlib.h>
#include <string.h>

#include "qualdesk.h"
#include "cert/cert.h"
#include "../tap.h"

static const struct {
	const char	*bytes;
	const char	*text;
} vectors[] = {
	{ "AB", "BB8" },
	{ "Hello!!", "%69 VD92EX0" },
	{ "base-45", "UJCLQE7W581" },
	{ "ietf!", "QED8WEX0" },
	{ "", "" },
};

/* What must not decode, and why. */
static const struct {
	const char	*text;
	const char	*what;
} refusals[] = {
	{ "GGW", "a group worth 65536" },
	{ ":::", "a group worth 91124" },
	{ "GGW0", "a lone last character after a bad group" },
	{ "BB80", "a lone last character" },
	{ "0", "one character" },
	{ "V5", "two characters worth 256" },
	{ "::", "two characters worth 2024" },
	{ "bb8", "lower case" },
	{ "BB8\n", "a line end inside the text" },
	{ "BB#", "a character outside the alphabet" },
	{ "B\x80" "8", "a byte above 127" },
};

static void
test_vectors(void)
{
	uint8_t	*out;
	size_t	 i, n, len;
	char	*text;

	for (i = 0; i < nitems(vectors); i++) {
		len = strlen(vectors[i].bytes);
		text = base45_encode((const uint8_t *)vectors[i].bytes, len);
		is_str(text, vectors[i].text, "encode \"%s\"", vectors[i].bytes);
		free(text);

		n = strlen(vectors[i].text);
		out = NULL;
		ok(base45_decode(vectors[i].text, n, &out, &len) == QD_OK &&
		    len == strlen(vectors[i].bytes) &&
		    memcmp(out, vectors[i].bytes, len) == 0,
		    "decode \"%s\"", vectors[i].text);
		free(out);
	}
}

static void
test_refusals(void)
{
	uint8_t	*out;
	size_t	 i, len;
	int	 rv;

	for (i = 0; i < nitems(refusals); i++) {
		out = (uint8_t *)"x";
		len = 99;
		rv = base45_decode(refusals[i].text, strlen(refusals[i].text),
		    &out, &len);
		ok(rv == QD_EINVAL && out == NULL && len == 0, "refused: %s",
		    refusals[i].what);
	}
}

/* The largest groups that still fit, and every byte value both ways. */
static void
test_edges(void)
{
	uint8_t	 all[256], *out = NULL;
	size_t	 i, len;
	char	*text;

	ok(base45_decode("FGW", 3, &out, &len) == QD_OK && len == 2 &&
	    out[0] == 0xff && out[1] == 0xff, "FGW is 0xffff");
	free(out);
	out = NULL;
	ok(base45_decode("U5", 2, &out, &len) == QD_OK && len == 1 &&
	    out[0] == 0xff, "U5 is 0xff");
	free(out);

	for (i = 0; i < sizeof all; i++)
		all[i] = (uint8_t)(i * 7 + 3);
	text = base45_encode(all, sizeof all);
	is_int(strlen(text), sizeof all / 2 * 3, "256 bytes in 384 characters");
	out = NULL;
	ok(base45_decode(text, strlen(text), &out, &len) == QD_OK &&
	    len == sizeof all && memcmp(out, all, len) == 0,
	    "256 bytes round trip");
	free(out);
	/* Decoding reads len characters, not up to a NUL. */
	out = NULL;
	ok(base45_decode(text, 6, &out, &len) == QD_OK && len == 4 &&
	    memcmp(out, all, 4) == 0, "a prefix of 6 characters gives 4 bytes");
	free(out);
	free(text);
}

int
main(void)
{
	test_vectors();
	test_refusals();
	test_edges();
	return done_testing();
}
