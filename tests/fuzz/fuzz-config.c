/*
 * Fuzz target: configuration files and listen addresses. A file either
 * loads or fails with a "FILE:LINE: ..." message and leaves the settings
 * as they were.
 */
#define _GNU_SOURCE
#include <sys/mman.h>

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "qualdesk.h"

int LLVMFuzzerTestOneInput(const unsigned char *, size_t);

/* Abort unless cfg still holds the defaults that a failed load keeps. */
static void
fuzz_check_defaults(const struct qd_config *cfg)
{
	struct qd_config	 def;

	config_defaults(&def);
	if (cfg->nlisten != def.nlisten ||
	    strcmp(cfg->listen[0], def.listen[0]) != 0 ||
	    cfg->max_sessions != def.max_sessions ||
	    cfg->escdelay != def.escdelay || cfg->path != NULL)
		abort();
	config_free(&def);
}

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	struct qd_config	 cfg;
	char			 path[64], *why = NULL, *line, *host = NULL;
	int			 fd, port, rc;

	line = xstrndup((const char *)data, size);
	if (config_listen_parse(line, &host, &port, &why) == QD_OK) {
		if (host == NULL || port < 1 || port > 65535)
			abort();
	} else if (why == NULL)
		abort();
	free(host);
	xfree(&why);
	free(line);

	if ((fd = memfd_create("fuzz-config", 0)) == -1)
		return 0;
	if (write(fd, data, size) != (ssize_t)size) {
		close(fd);
		return 0;
	}
	snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	config_defaults(&cfg);
	rc = config_load(&cfg, path, &why);
	if (rc != QD_OK) {
		if (why == NULL || strncmp(why, path, strlen(path)) != 0)
			abort();
		fuzz_check_defaults(&cfg);
	} else if (why != NULL || cfg.nlisten == 0 || cfg.max_sessions < 1)
		abort();
	free(why);
	config_free(&cfg);
	close(fd);
	return 0;
}
