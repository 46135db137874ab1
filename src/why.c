/*
 * The message a refusal carries back to its caller: every layer that can
 * say no (the data layer, the certificate codec, the QR and PDF makers)
 * fills a caller's char **why with it.
 */
#include <stdarg.h>
#include <stdlib.h>

#include "qualdesk.h"

void
why_set(char **why, const char *fmt, ...)
{
	va_list	 ap;

	if (why == NULL)
		return;
	free(*why);
	va_start(ap, fmt);
	xvasprintf(why, fmt, ap);
	va_end(ap);
}
