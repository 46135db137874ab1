/*
 * Fuzz target: CSV in both charsets. Every input either gives rows or
 * fails with a "第N行 line N: ..." message; every row read, written back
 * by the writer, reads back the same.
 */
#include <stdlib.h>
#include <string.h>

#include "qualdesk.h"

int LLVMFuzzerTestOneInput(const unsigned char *, size_t);

/* Abort unless why is a message naming a line. */
static void
fuzz_check_why(const char *why)
{
	if (why == NULL || strstr(why, " line ") == NULL ||
	    strncmp(why, "第", strlen("第")) != 0)
		abort();
}

/* Write the row and read it back: the same fields, one row. */
static void
fuzz_round_trip(char **fields, size_t n)
{
	struct csv_reader	*r;
	char			*buf = NULL, *why = NULL, **back;
	size_t			 len = 0, nback, i;
	FILE			*f;

	f = open_memstream(&buf, &len);
	if (csv_write_row(f, (const char *const *)fields, n, CSV_UTF8,
	    &why) != QD_OK)
		abort();
	fclose(f);
	if ((r = csv_open(buf, len, CSV_UTF8, &why)) == NULL ||
	    csv_next(r, &back, &nback, &why) != 1 || nback != n)
		abort();
	for (i = 0; i < n; i++) {
		if (strcmp(back[i], fields[i]) != 0)
			abort();
	}
	if (csv_next(r, &back, &nback, &why) != 0)
		abort();
	csv_close(r);
	free(buf);
}

/* Read data in charset to the end or the first error. */
static void
fuzz_read(const char *data, size_t size, enum csv_charset charset)
{
	struct csv_reader	*r;
	char			**fields, *why = NULL;
	size_t			  n;
	int			  got;

	if ((r = csv_open(data, size, charset, &why)) == NULL) {
		fuzz_check_why(why);
		free(why);
		return;
	}
	while ((got = csv_next(r, &fields, &n, &why)) == 1) {
		if (n == 0 || n > CSV_FIELDS_MAX || csv_row_line(r) < 1)
			abort();
		fuzz_round_trip(fields, n);
	}
	if (got < 0)
		fuzz_check_why(why);
	else if (why != NULL)
		abort();
	free(why);
	csv_close(r);
}

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	fuzz_read((const char *)data, size, CSV_UTF8);
	fuzz_read((const char *)data, size, CSV_GB18030);
	return 0;
}
