/*
 * The frame around every screen: the title bar (top line), the message
 * line (second to last) and the function-key bar (last line). Every width
 * comes from text.c, so nothing is cut in the middle of a character.
 */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "qualdesk.h"

#define UI_FRAME_SYSTEM	QD_NAME " " QD_TITLE_ZH

/*
 * Copy whole characters of s into buf until they take more than cols
 * columns, showing controls and invalid bytes as '?', so what is drawn is
 * what text_width measured.
 */
static void
ui_frame_clean(const char *s, int cols, char *buf, size_t len)
{
	char	 one[8];
	size_t	 off = 0;
	int	 n, used = 0;

	while (*s != '\0' && used <= cols) {
		n = text_char_len(s);
		if (off + (size_t)n + 1 > len)
			break;
		memcpy(one, s, (size_t)n);
		one[n] = '\0';
		if (!text_valid(one)) {
			buf[off++] = '?';
			used++;
		} else {
			memcpy(buf + off, one, (size_t)n);
			off += (size_t)n;
			used += text_width(one);
		}
		s += n;
	}
	buf[off] = '\0';
}

int
ui_put(int y, int x, const char *s, int cols, int attr, int pad)
{
	char	*clean, *cell;
	size_t	 len;
	int	 w;

	if (cols <= 0 || y < 0 || y >= LINES || x >= COLS)
		return 0;
	if (x + cols > COLS)
		cols = COLS - x;
	len = (size_t)cols * 4 + 16;
	clean = xmalloc(len);
	cell = xmalloc(len);
	ui_frame_clean(s != NULL ? s : "", cols, clean, len);
	text_cell(cell, len, clean, cols, pad);
	attrset(attr);
	mvaddstr(y, x, cell);
	attrset(A_NORMAL);
	w = text_width(cell);
	free(clean);
	free(cell);
	return w;
}

int
ui_frame_too_small(void)
{
	return COLS < UI_MIN_COLS || LINES < UI_MIN_LINES;
}

int
ui_frame_body_top(void)
{
	return 1;
}

/* Rows the message line takes: two while a message is wider than the screen. */
static int	 frame_msg_rows = 1;

int
ui_frame_body_bottom(void)
{
	return LINES - 2 - frame_msg_rows;
}

/*
 * The right side of the title bar at a level of detail: 0 office, login,
 * name and role; 1 office, login and the role in Chinese; 2 login only.
 */
static char *
ui_frame_who(const struct qd_user *u, int level)
{
	char	*s, role[64];

	if (level >= 2) {
		xasprintf(&s, "%s ", u->login);
		return s;
	}
	snprintf(role, sizeof role, "%s", role_label(u->role));
	if (level == 1)
		role[strcspn(role, " ")] = '\0';
	xasprintf(&s, "%s%s%s%s%s  %s ",
	    u->office_name != NULL ? u->office_name : "",
	    u->office_name != NULL ? "  " : "", u->login,
	    level == 0 && u->display_name != NULL ? " " : "",
	    level == 0 && u->display_name != NULL ? u->display_name : "",
	    role);
	return s;
}

/* The title bar: system on the left, office, user and role on the right. */
static void
ui_frame_title(struct ui *ui)
{
	static const char *const systems[] = {
		" " QD_NAME " " QD_TITLE_ZH, " " QD_NAME, "",
	};
	char	*right = NULL;
	int	 attr, wl, wr = 0, level, sys;

	attr = ui->colour ? (COLOR_PAIR(2) | A_BOLD) : A_REVERSE;
	/*
	 * Give up detail on the left first, then on the right; the system's
	 * name goes last of all.
	 */
	for (level = 0, sys = 2; level < 3 && sys == 2; level++) {
		free(right);
		right = ui_frame_who(ui->user, level);
		wr = text_width(right);
		for (sys = 0; sys < 2; sys++) {
			if (text_width(systems[sys]) + wr + 1 <= COLS)
				break;
		}
	}
	wl = text_width(systems[sys]);
	ui_put(0, 0, "", COLS, attr, 1);
	ui_put(0, 0, systems[sys], COLS, attr, 0);
	if (wr <= COLS - wl)
		ui_put(0, COLS - wr, right, wr, attr, 0);
	else
		ui_put(0, wl, right, COLS - wl, attr, 0);
	free(right);
}

/* Bytes of msg for a first line of cols columns, broken after a space. */
static size_t
ui_frame_message_break(const char *msg, int cols)
{
	size_t	 fit = text_fit(msg, cols), i;

	for (i = fit; i > fit / 2; i--) {
		if (msg[i] == ' ')
			return i;
	}
	return fit;
}

/*
 * The message line. A message wider than the screen takes the line above
 * too (the body gives it up until the message changes): a clerk must be
 * able to read all of a refusal, not its first 80 columns.
 */
void
ui_frame_message(struct ui *ui)
{
	char	*first;
	size_t	 cut;
	int	 attr = A_NORMAL;

	if (ui_frame_too_small())
		return;
	if (ui->msg_error)
		attr = ui->colour ? (COLOR_PAIR(1) | A_BOLD) : A_BOLD;
	frame_msg_rows = text_width(ui->msg) > COLS && LINES >= 10 ? 2 : 1;
	move(LINES - 2, 0);
	clrtoeol();
	if (frame_msg_rows == 1) {
		ui_put(LINES - 2, 0, ui->msg, COLS, attr, 0);
		return;
	}
	cut = ui_frame_message_break(ui->msg, COLS);
	first = xstrndup(ui->msg, cut);
	move(LINES - 3, 0);
	clrtoeol();
	ui_put(LINES - 3, 0, first, COLS, attr, 0);
	ui_put(LINES - 2, 0, ui->msg + cut + (ui->msg[cut] == ' '), COLS,
	    attr, 0);
	free(first);
}

/* The Chinese first word of a label ("帮助" of "帮助 Help"). */
static void
ui_frame_short_label(const char *label, char *buf, size_t len)
{
	const char	*sp = strchr(label, ' ');
	size_t		 n = sp != NULL ? (size_t)(sp - label) : strlen(label);

	if (n >= len)
		n = len - 1;
	memcpy(buf, label, n);
	buf[n] = '\0';
}

/*
 * Levels of detail of the key bar, most first: 0 "F4 新增 Add", 1 "F4 新增",
 * 2 "F4新增" closer together, 3 as 2 but F1, F3 and F10 (the same on every
 * screen and on the help screen) without their labels, 4 key names only.
 * A screen with eight actions still shows every action's label at 80.
 */
#define UI_FRAME_KEYBAR_LEVELS	5

/* 1 if key is one every screen has, so its label may go first. */
static int
ui_frame_key_common(int key)
{
	return key == UI_KEY_HELP || key == UI_KEY_BACK || key == UI_KEY_QUIT;
}

/* Item i at level: the separator before it, its key name and label. */
static const char *
ui_frame_keybar_parts(const struct ui_keybar_item *items, size_t i, int level,
    char *name, size_t nlen, char *label, size_t llen)
{
	ui_key_name(items[i].key, name, nlen);
	label[0] = '\0';
	if (level == 0)
		snprintf(label, llen, " %s", items[i].label);
	else if (level == 1) {
		label[0] = ' ';
		ui_frame_short_label(items[i].label, label + 1, llen - 1);
	} else if (level == 2 ||
	    (level == 3 && !ui_frame_key_common(items[i].key)))
		ui_frame_short_label(items[i].label, label, llen);
	if (i == 0)
		return "";
	return level <= 1 ? "  " : " ";
}

/* The key bar at one level of detail into buf. */
static void
ui_frame_keybar_level(const struct ui_keybar_item *items, size_t n,
    int level, char *buf, size_t len)
{
	char		 name[16], label[128];
	const char	*sep;
	size_t		 i, off = 0;
	int		 w;

	buf[0] = '\0';
	for (i = 0; i < n; i++) {
		sep = ui_frame_keybar_parts(items, i, level, name, sizeof name,
		    label, sizeof label);
		w = snprintf(buf + off, len - off, "%s%s%s", sep, name, label);
		if (w < 0 || (size_t)w >= len - off)
			break;
		off += (size_t)w;
	}
}

/* The most detailed level of the key bar that fits in cols. */
static int
ui_frame_keybar_fit(const struct ui_keybar_item *items, size_t n, int cols)
{
	char	 buf[1024];
	int	 level;

	for (level = 0; level < UI_FRAME_KEYBAR_LEVELS - 1; level++) {
		ui_frame_keybar_level(items, n, level, buf, sizeof buf);
		if (text_width(buf) <= cols)
			return level;
	}
	return UI_FRAME_KEYBAR_LEVELS - 1;
}

void
ui_frame_keybar_text(const struct ui_keybar_item *items, size_t n, int cols,
    char *buf, size_t len)
{
	ui_frame_keybar_level(items, n, ui_frame_keybar_fit(items, n, cols),
	    buf, len);
}

/* The key bar: key names in reverse video, their labels plain. */
static void
ui_frame_keybar(const struct ui_keybar_item *items, size_t n)
{
	char		 name[16], label[128];
	const char	*sep;
	size_t		 i;
	int		 level, x = 0, max = COLS - 1;

	level = ui_frame_keybar_fit(items, n, max);
	move(LINES - 1, 0);
	clrtoeol();
	for (i = 0; i < n && x < max; i++) {
		sep = ui_frame_keybar_parts(items, i, level, name, sizeof name,
		    label, sizeof label);
		x += ui_put(LINES - 1, x, sep, max - x, A_NORMAL, 0);
		x += ui_put(LINES - 1, x, name, max - x, A_REVERSE, 0);
		x += ui_put(LINES - 1, x, label, max - x, A_NORMAL, 0);
	}
}

/* Tell the user the window is too small, in what space there is. */
static void
ui_frame_small(void)
{
	static const char *const texts[] = {
		"窗口太小 Window too small", "窗口太小 Too small", "窗口太小",
		"Small",
	};
	size_t			 i;

	erase();
	for (i = 0; i < nitems(texts) - 1; i++) {
		if (text_width(texts[i]) <= COLS)
			break;
	}
	ui_put(LINES / 2, 0, texts[i], COLS, A_BOLD, 0);
}

int
ui_frame_draw(struct ui *ui, const struct ui_keybar_item *keys, size_t nkeys)
{
	ui->cursor_y = ui->cursor_x = -1;
	if (ui_frame_too_small()) {
		ui_frame_small();
		return -1;
	}
	erase();
	ui_frame_title(ui);
	ui_frame_message(ui);
	ui_frame_keybar(keys, nkeys);
	return 0;
}

/* The band's look for a tone: colour where there is, reverse without. */
static int
ui_banner_attr(const struct ui *ui, enum ui_tone tone)
{
	if (tone == UI_TONE_GOOD)
		return ui->colour ? (int)COLOR_PAIR(UI_PAIR_GOOD) :
		    (int)A_REVERSE;
	return ui->colour ? (int)COLOR_PAIR(UI_PAIR_BAD) :
	    (int)(A_REVERSE | A_BOLD);
}

int
ui_banner(struct ui *ui, int y, const char *headline, const char *detail,
    enum ui_tone tone)
{
	char	**lines = NULL;
	size_t	  n = 0, i;
	int	  attr, w, bottom = ui_frame_body_bottom();

	w = text_width(headline);
	/* Too little room for a band: the words alone, still bold. */
	if (tone != UI_TONE_PLAIN && y + 2 <= bottom) {
		attr = ui_banner_attr(ui, tone);
		for (i = 0; i < 3; i++)
			ui_put(y + (int)i, 0, "", COLS, attr, 1);
		ui_put(y + 1, w < COLS ? (COLS - w) / 2 : 0, headline, COLS,
		    attr | A_BOLD, 0);
		y += 3;
	} else
		ui_put(y++, 1, headline, COLS - 2, A_BOLD, 0);
	/* A blank line between the verdict and why. */
	if (detail != NULL)
		n = ui_text_wrap(detail, COLS - 2, &lines);
	for (i = 0, y++; i < n && y <= bottom; i++)
		ui_put(y++, 1, lines[i], COLS - 2, A_NORMAL, 0);
	ui_text_free_lines(lines, n);
	return y;
}
