/*
 * Fuzz target: Base45 as a QR reader may return it. What decodes must
 * encode back to the same text (there is one spelling of any bytes), and
 * any bytes must come back from their own text.
 */
#include <stdlib.h>
#include <string.h>

#include "cert/cert.h"

int LLVMFuzzerTestOneInput(const unsigned char *, size_t);

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	uint8_t	*out;
	size_t	 len;
	char	*text;

	if (base45_decode((const char *)data, size, &out, &len) == QD_OK) {
		text = base45_encode(out, len);
		if (strlen(text) != size || memcmp(text, data, size) != 0)
			abort();
		free(text);
		free(out);
	} else if (out != NULL || len != 0)
		abort();

	text = base45_encode(data, size);
	if (base45_decode(text, strlen(text), &out, &len) != QD_OK ||
	    len != size || memcmp(out, data, size) != 0)
		abort();
	free(out);
	free(text);
	return 0;
}
