/* Fuzz target: authorized_keys lines, as an admin may paste them. */
#include <stdlib.h>
#include <string.h>

#include "qualdesk.h"

int LLVMFuzzerTestOneInput(const unsigned char *, size_t);

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	struct qd_key	*k = NULL;
	char		*line, *why = NULL;

	line = xstrndup((const char *)data, size);
	if (key_parse(line, &k, &why) == QD_OK) {
		if (k == NULL || k->type == NULL || k->base64 == NULL ||
		    strncmp(k->fingerprint, "SHA256:", 7) != 0)
			abort();
		key_free_array(k, 1);
	} else if (why == NULL)
		abort();
	free(why);
	free(line);
	return 0;
}
