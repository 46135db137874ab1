/*
 * Fuzz target: identity numbers, dates, contacts and names as a clerk or a
 * script may type them. Accepted values must check again unchanged, refused
 * ones must say why, and a name's key must be its own key.
 */
#include <stdlib.h>
#include <string.h>

#include "qualdesk.h"

int LLVMFuzzerTestOneInput(const unsigned char *, size_t);

/* Abort unless rv and why agree and out is as long as an answer must be. */
static void
fuzz_result(int rv, char **why, const char *out, size_t min, size_t max)
{
	if (rv == QD_OK) {
		if (*why != NULL || strlen(out) < min || strlen(out) > max)
			abort();
	} else if (rv != QD_EINVAL || *why == NULL || *out != '\0')
		abort();
	xfree(why);
}

static void
fuzz_numbers(const char *in)
{
	char	 mtp[9], again[19], res[19], tw[11], date[11], *why = NULL;
	int	 old, rv;

	rv = idcheck_mtp(in, mtp, &old, &why);
	fuzz_result(rv, &why, mtp, 8, 8);
	if (rv == QD_OK && (idcheck_mtp(mtp, again, &old, NULL) != QD_OK ||
	    old != 0 || strcmp(mtp, again) != 0))
		abort();

	rv = idcheck_residence(in, NULL, res, &why);
	fuzz_result(rv, &why, res, 18, 18);
	if (rv == QD_OK && (idcheck_residence(res, NULL, again, NULL) !=
	    QD_OK || strcmp(res, again) != 0))
		abort();
	fuzz_result(idcheck_residence(in, in, again, &why), &why, again, 18,
	    18);

	rv = idcheck_taiwan_id(in, tw, &why);
	fuzz_result(rv, &why, tw, 10, 10);
	if (rv == QD_OK && (idcheck_taiwan_id(tw, again, NULL) != QD_OK ||
	    strcmp(tw, again) != 0))
		abort();

	rv = idcheck_date(in, date, &why);
	fuzz_result(rv, &why, date, 10, 10);
	if (rv == QD_OK && (idcheck_date(date, again, NULL) != QD_OK ||
	    strcmp(date, again) != 0))
		abort();
}

static void
fuzz_contacts(const char *in)
{
	char	 phone[IDCHECK_PHONE_SIZE], email[IDCHECK_EMAIL_SIZE];
	char	 again[IDCHECK_EMAIL_SIZE], *why = NULL;
	int	 rv;

	rv = idcheck_phone(in, phone, sizeof phone, &why);
	fuzz_result(rv, &why, phone, 6, sizeof phone - 1);
	if (rv == QD_OK && (idcheck_phone(phone, again, sizeof again, NULL) !=
	    QD_OK || strcmp(phone, again) != 0))
		abort();

	rv = idcheck_email(in, email, sizeof email, &why);
	fuzz_result(rv, &why, email, 5, 254);
	if (rv == QD_OK && (idcheck_email(email, again, sizeof again, NULL) !=
	    QD_OK || strcmp(email, again) != 0))
		abort();
}

/* Characters in s, as the mask counts them. */
static size_t
fuzz_chars(const char *s)
{
	size_t	 n = 0;

	for (; *s != '\0'; s += text_char_len(s))
		n++;
	return n;
}

static void
fuzz_mask_and_name(const char *in)
{
	char	*m, *k1, *k2;

	m = idcheck_mask(in);
	if (fuzz_chars(m) != fuzz_chars(in) ||
	    (*in != '\0' && strchr(m, '*') == NULL))
		abort();
	free(m);

	k1 = namekey(in);
	if (k1 == NULL || !text_valid(k1))
		abort();
	k2 = namekey(k1);
	if (strcmp(k1, k2) != 0)
		abort();
	free(k1);
	free(k2);
}

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	char	*in;

	in = xstrndup((const char *)data, size);
	fuzz_numbers(in);
	fuzz_contacts(in);
	fuzz_mask_and_name(in);
	free(in);
	return 0;
}
