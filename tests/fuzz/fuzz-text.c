/* Fuzz target: the width helper on arbitrary bytes from a terminal or a file. */
#include <stdlib.h>
#include <string.h>

#include "qualdesk.h"

int LLVMFuzzerTestOneInput(const unsigned char *, size_t);

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	char	*s, cell[64];
	size_t	 n;
	int	 cols;

	if (size == 0)
		return 0;
	cols = data[0] % 40;
	s = xstrndup((const char *)data + 1, size - 1);
	n = text_fit(s, cols);
	if (n > strlen(s) || text_width_n(s, n) > cols)
		abort();
	text_cell(cell, sizeof cell, s, cols, data[0] & 1);
	if (strlen(cell) >= sizeof cell || text_width(cell) > cols)
		abort();
	(void)text_valid(s);
	free(s);
	return 0;
}
