/* Fuzz target: SSH exec command lines, as any client may send them. */
#include <stdlib.h>
#include <string.h>

#include "qualdesk.h"

int LLVMFuzzerTestOneInput(const unsigned char *, size_t);

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	char	*line, **argv = NULL, *why = NULL;
	int	 argc = 0, i;

	line = xstrndup((const char *)data, size);
	if (cmd_split(line, &argc, &argv, &why) == QD_OK) {
		for (i = 0; i < argc; i++) {
			if (argv[i] == NULL)
				abort();
		}
		if (argv[argc] != NULL)
			abort();
		cmd_free_argv(argc, argv);
	} else if (why == NULL)
		abort();
	free(why);
	free(line);
	return 0;
}
