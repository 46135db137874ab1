/* JSON output: the one string escaper every command's --format json uses. */
#include <stdio.h>

#include "qualdesk.h"

/* The short escapes JSON has; other controls are written as \u00XX. */
static const char *const json_escapes[0x20] = {
	['\b'] = "\\b", ['\f'] = "\\f", ['\n'] = "\\n", ['\r'] = "\\r",
	['\t'] = "\\t",
};

void
json_print_string(FILE *f, const char *s)
{
	const unsigned char	*u = (const unsigned char *)s;
	int			 len;

	fputc('"', f);
	while (*u != '\0') {
		if (*u == '"' || *u == '\\') {
			fputc('\\', f);
			fputc(*u++, f);
		} else if (*u < 0x20) {
			if (json_escapes[*u] != NULL)
				fputs(json_escapes[*u], f);
			else
				fprintf(f, "\\u%04x", *u);
			u++;
		} else if (*u == 0x7f) {
			fputs("\\u007f", f);
			u++;
		} else if (*u < 0x80) {
			fputc(*u++, f);
		} else if ((len = text_char_len((const char *)u)) == 1) {
			/* A byte that is not UTF-8 would make the JSON invalid. */
			fputs("\\ufffd", f);
			u++;
		} else if (u[0] == 0xe2 && u[1] == 0x80 &&
		    (u[2] == 0xa8 || u[2] == 0xa9)) {
			/* Line and paragraph separators break JavaScript. */
			fprintf(f, "\\u202%c", u[2] == 0xa8 ? '8' : '9');
			u += 3;
		} else if (len == 3 && text_hidden_char((u[0] & 0x0fu) << 12 |
		    (u[1] & 0x3fu) << 6 | (u[2] & 0x3fu))) {
			/* Never raw onto the terminal of whoever reads it. */
			fprintf(f, "\\u%02x%02x", (u[0] & 0x0fu) << 4 |
			    (u[1] & 0x3fu) >> 2, (u[1] & 0x03u) << 6 |
			    (u[2] & 0x3fu));
			u += 3;
		} else {
			fwrite(u, 1, (size_t)len, f);
			u += len;
		}
	}
	fputc('"', f);
}
