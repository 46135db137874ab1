/*
 * Charts on the terminal: sparklines of eighth-height blocks and bars of
 * eighth-width blocks (U+2581-U+2588, U+258F-U+2588), or, where a
 * terminal has no such glyphs or no colour (vt100) or the user asks for
 * it, the same in ASCII. The strings are made here without curses, so
 * the screens draw them with ui_put and the tests read them as text.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "qualdesk.h"

/* Rising heights, lowest first: ▁▂▃▄▅▆▇█, and ASCII for the same. */
static const char *const ui_chart_spark_utf8[] = {
	"\xe2\x96\x81", "\xe2\x96\x82", "\xe2\x96\x83", "\xe2\x96\x84",
	"\xe2\x96\x85", "\xe2\x96\x86", "\xe2\x96\x87", "\xe2\x96\x88",
};
static const char ui_chart_spark_ascii[] = "_.-~=+*#";
/* Widths of a bar's last cell in eighths, 1 to 7: ▏▎▍▌▋▊▉. */
static const char *const ui_chart_eighths[] = {
	"", "\xe2\x96\x8f", "\xe2\x96\x8e", "\xe2\x96\x8d", "\xe2\x96\x8c",
	"\xe2\x96\x8b", "\xe2\x96\x8a", "\xe2\x96\x89",
};
#define UI_CHART_FULL	"\xe2\x96\x88"

int
ui_chart_ascii_default(const struct ui *ui)
{
	const char	*t = ui->term_name != NULL ? ui->term_name : "";

	return !ui->colour || strncmp(t, "vt", 2) == 0 ||
	    strcmp(t, "linux") == 0 || strcmp(t, "dumb") == 0;
}

char *
ui_chart_spark(const double *v, size_t n, int ascii)
{
	double	 max = 0;
	size_t	 i, at = 0;
	char	*s = xmalloc(n * 3 + 1);
	int	 k;

	for (i = 0; i < n; i++) {
		if (v[i] > max)
			max = v[i];
	}
	for (i = 0; i < n; i++) {
		if (v[i] <= 0 || max <= 0) {
			s[at++] = ' ';
			continue;
		}
		k = (int)ceil(v[i] / max * 8) - 1;
		if (k < 0)
			k = 0;
		if (k > 7)
			k = 7;
		if (ascii)
			s[at++] = ui_chart_spark_ascii[k];
		else {
			memcpy(s + at, ui_chart_spark_utf8[k], 3);
			at += 3;
		}
	}
	s[at] = '\0';
	return s;
}

char *
ui_chart_bar(double v, double max, int cols, int ascii)
{
	long	 eighths, full, i;
	size_t	 at = 0;
	char	*s;

	if (cols < 1)
		cols = 1;
	s = xmalloc((size_t)cols * 3 + 1);
	if (max <= 0 || v <= 0) {
		s[0] = '\0';
		return s;
	}
	eighths = lround(v / max * cols * 8);
	if (eighths < 1)
		eighths = 1;	/* a value above nothing shows */
	if (eighths > (long)cols * 8)
		eighths = (long)cols * 8;
	full = eighths / 8;
	for (i = 0; i < full; i++) {
		if (ascii)
			s[at++] = '#';
		else {
			memcpy(s + at, UI_CHART_FULL, 3);
			at += 3;
		}
	}
	if (eighths % 8 != 0) {
		if (ascii) {
			if (eighths % 8 >= 4 || full == 0)
				s[at++] = '+';
		} else {
			memcpy(s + at, ui_chart_eighths[eighths % 8], 3);
			at += 3;
		}
	}
	s[at] = '\0';
	return s;
}
