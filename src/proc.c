/*
 * What every qualdesk process does first: it may hold the center's
 * signing key (a certificate is signed in the process that approves the
 * case), so it writes no core file and cannot be read by ptrace or
 * /proc/PID/mem from another process of the same user.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <sys/resource.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include "qualdesk.h"

void
proc_protect(void)
{
	struct rlimit	 rl = { 0, 0 };

	setrlimit(RLIMIT_CORE, &rl);
#if defined(__linux__) && !defined(__SANITIZE_ADDRESS__)
	/* A sanitizer's leak check needs ptrace on its own process. */
	prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
#endif
}
