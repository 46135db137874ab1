/*
 * The one key reader. Curses key codes, control characters and escape
 * sequences become logical keys; F-keys have fallbacks for terminals and
 * clients that send none (Esc then a digit, Ctrl letters). Output is sent
 * only when no input is pending, so a paste or a fast typist costs one
 * screen update, not one per key.
 */
#include <curses.h>
#include <string.h>
#include <time.h>

#include "qualdesk.h"

#define UI_KEYS_ESC_MS		500	/* Esc then a digit within this */
#define UI_KEYS_SEQ_MS		100	/* gap inside a split escape sequence */
#define UI_KEYS_SEQ_MAX		16
#define UI_KEYS_DEAD_READS	100	/* reads failing at once: no terminal */
#define CTRL_KEY(c)		((c) & 0x1f)

/* Curses key codes. */
static const struct {
	int	 code;
	int	 key;
} ui_keys_curses[] = {
	{ KEY_UP, UI_KEY_UP },
	{ KEY_DOWN, UI_KEY_DOWN },
	{ KEY_LEFT, UI_KEY_LEFT },
	{ KEY_RIGHT, UI_KEY_RIGHT },
	{ KEY_HOME, UI_KEY_HOME },
	{ KEY_FIND, UI_KEY_HOME },
	{ KEY_A1, UI_KEY_HOME },
	{ KEY_END, UI_KEY_END },
	{ KEY_SELECT, UI_KEY_END },
	{ KEY_C1, UI_KEY_END },
	{ KEY_PPAGE, UI_KEY_PGUP },
	{ KEY_A3, UI_KEY_PGUP },
	{ KEY_NPAGE, UI_KEY_PGDN },
	{ KEY_C3, UI_KEY_PGDN },
	{ KEY_BTAB, UI_KEY_BTAB },
	{ KEY_ENTER, UI_KEY_ENTER },
	{ KEY_BACKSPACE, UI_KEY_BACKSPACE },
	{ KEY_DC, UI_KEY_DELETE },
	{ KEY_RESIZE, UI_KEY_RESIZE },
};

/*
 * Control characters. The Ctrl fallbacks for F-keys are listed on the help
 * screen; raw mode delivers ^C, ^S and ^Z here instead of as signals.
 */
static const struct {
	int	 ch;
	int	 key;
} ui_keys_ctrl[] = {
	{ '\r', UI_KEY_ENTER },
	{ '\n', UI_KEY_ENTER },
	{ '\t', UI_KEY_TAB },
	{ 0x7f, UI_KEY_BACKSPACE },
	{ CTRL_KEY('H'), UI_KEY_BACKSPACE },
	{ CTRL_KEY('A'), UI_KEY_HOME },
	{ CTRL_KEY('E'), UI_KEY_END },
	{ CTRL_KEY('D'), UI_KEY_DELETE },
	{ CTRL_KEY('U'), UI_KEY_KILL },
	{ CTRL_KEY('N'), UI_KEY_DOWN },
	{ CTRL_KEY('P'), UI_KEY_UP },
	{ CTRL_KEY('G'), UI_KEY_HELP },
	{ CTRL_KEY('S'), UI_KEY_SAVE },
	{ CTRL_KEY('C'), UI_KEY_BACK },
	{ CTRL_KEY('X'), UI_KEY_QUIT },
	{ CTRL_KEY('L'), UI_KEY_RESIZE },
	{ CTRL_KEY('Z'), UI_KEY_NONE },
};

/* Escape sequences that arrived split, so curses did not decode them. */
static const struct {
	const char	*seq;
	int		 key;
} ui_keys_sequences[] = {
	{ "[A", UI_KEY_UP }, { "[B", UI_KEY_DOWN },
	{ "[C", UI_KEY_RIGHT }, { "[D", UI_KEY_LEFT },
	{ "[H", UI_KEY_HOME }, { "[F", UI_KEY_END },
	{ "OA", UI_KEY_UP }, { "OB", UI_KEY_DOWN },
	{ "OC", UI_KEY_RIGHT }, { "OD", UI_KEY_LEFT },
	{ "OH", UI_KEY_HOME }, { "OF", UI_KEY_END },
	{ "[Z", UI_KEY_BTAB },
	{ "OP", UI_KEY_F(1) }, { "OQ", UI_KEY_F(2) },
	{ "OR", UI_KEY_F(3) }, { "OS", UI_KEY_F(4) },
	{ "[1~", UI_KEY_HOME }, { "[7~", UI_KEY_HOME },
	{ "[4~", UI_KEY_END }, { "[8~", UI_KEY_END },
	{ "[3~", UI_KEY_DELETE },
	{ "[5~", UI_KEY_PGUP }, { "[6~", UI_KEY_PGDN },
	{ "[11~", UI_KEY_F(1) }, { "[12~", UI_KEY_F(2) },
	{ "[13~", UI_KEY_F(3) }, { "[14~", UI_KEY_F(4) },
	{ "[15~", UI_KEY_F(5) }, { "[17~", UI_KEY_F(6) },
	{ "[18~", UI_KEY_F(7) }, { "[19~", UI_KEY_F(8) },
	{ "[20~", UI_KEY_F(9) }, { "[21~", UI_KEY_F(10) },
	{ "[23~", UI_KEY_F(11) }, { "[24~", UI_KEY_F(12) },
	{ "[[A", UI_KEY_F(1) }, { "[[B", UI_KEY_F(2) },
	{ "[[C", UI_KEY_F(3) }, { "[[D", UI_KEY_F(4) },
	{ "[[E", UI_KEY_F(5) },
};

/* Names for the key bar. */
static const struct {
	int		 key;
	const char	*name;
} ui_keys_names[] = {
	{ UI_KEY_ENTER, "Enter" },
	{ UI_KEY_TAB, "Tab" },
	{ UI_KEY_DELETE, "Del" },
	{ UI_KEY_PGUP, "PgUp" },
	{ UI_KEY_PGDN, "PgDn" },
	{ ' ', "Space" },
};

static double
ui_keys_now(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

const char *
ui_key_name(int key, char *buf, size_t len)
{
	size_t	 i;

	for (i = 0; i < nitems(ui_keys_names); i++) {
		if (ui_keys_names[i].key == key) {
			snprintf(buf, len, "%s", ui_keys_names[i].name);
			return buf;
		}
	}
	if (key >= UI_KEY_F1 && key <= UI_KEY_F12)
		snprintf(buf, len, "F%d", key - UI_KEY_F1 + 1);
	else if (key > 0x20 && key < 0x7f)
		snprintf(buf, len, "%c", key);
	else
		snprintf(buf, len, "?");
	return buf;
}

int
ui_key_after_esc(int ch)
{
	if (ch >= '1' && ch <= '9')
		return UI_KEY_F(ch - '0');
	if (ch == '0')
		return UI_KEY_F(10);
	return UI_KEY_NONE;
}

int
ui_key_sequence(const char *seq)
{
	char	 tmp[UI_KEYS_SEQ_MAX + 1];
	size_t	 i, n;
	char	*semi;

	/* Modifiers ("[1;5A", "[5;2~") do not change which key it is. */
	snprintf(tmp, sizeof tmp, "%s", seq);
	if ((semi = strchr(tmp, ';')) != NULL) {
		n = strlen(tmp);
		if (n >= 2 && semi < tmp + n - 1) {
			semi[0] = tmp[n - 1];
			semi[1] = '\0';
		}
		if (strncmp(tmp, "[1", 2) == 0 && strlen(tmp) == 3 &&
		    tmp[2] != '~')
			memmove(tmp + 1, tmp + 2, 2);
	}
	for (i = 0; i < nitems(ui_keys_sequences);
	    i++) {
		if (strcmp(ui_keys_sequences[i].seq, tmp) == 0)
			return ui_keys_sequences[i].key;
	}
	return UI_KEY_NONE;
}

/*
 * Keys are read from a window of their own that is never drawn on:
 * wget_wch on stdscr would refresh it first, so each key would send the
 * screen twice (once with the cursor wherever drawing stopped, once
 * where ui_keys_flush puts it), and pending input would no longer come
 * before output.
 */
static WINDOW	*ui_keys_win;
static WINDOW	*ui_keys_win_of;	/* the stdscr it was made for */

static WINDOW *
ui_keys_window(void)
{
	if (ui_keys_win == NULL || ui_keys_win_of != stdscr) {
		if ((ui_keys_win = newwin(1, 1, 0, 0)) == NULL)
			return stdscr;
		keypad(ui_keys_win, TRUE);
		meta(ui_keys_win, TRUE);
		ui_keys_win_of = stdscr;
	}
	return ui_keys_win;
}

void
ui_keys_forget(void)
{
	if (ui_keys_win != NULL && ui_keys_win_of == stdscr)
		delwin(ui_keys_win);
	ui_keys_win = ui_keys_win_of = NULL;
}

/* Read one raw character or code with a timeout in ms; ERR if none. */
static int
ui_keys_get(int ms, wint_t *wc)
{
	WINDOW	*w = ui_keys_window();

	wtimeout(w, ms);
	return wget_wch(w, wc);
}

/*
 * The rest of an escape sequence that curses left undecoded (it arrived
 * split over ESCDELAY): read up to its final byte and decode it.
 */
static int
ui_keys_read_sequence(int first)
{
	char	 seq[UI_KEYS_SEQ_MAX + 1];
	size_t	 n = 0;
	wint_t	 wc;
	int	 r;

	seq[n++] = (char)first;
	while (n < UI_KEYS_SEQ_MAX) {
		r = ui_keys_get(UI_KEYS_SEQ_MS, &wc);
		if (r == KEY_CODE_YES)
			ungetch((int)wc);
		if (r != OK || wc < 0x20 || wc > 0x7e)
			return UI_KEY_NONE;
		seq[n++] = (char)wc;
		/* "[[A" (linux console F1) has a second '[' before the final. */
		if (n == 2 && first == '[' && wc == '[')
			continue;
		if (first == 'O' || (wc >= 0x40 && wc <= 0x7e))
			break;
	}
	seq[n] = '\0';
	return ui_key_sequence(seq);
}

/*
 * After a lone Esc: a digit within half a second is an F-key (people type
 * Esc-digit faster than that, and a lone Esc, which is Back, should not
 * keep them waiting long), Esc again is Back at once, the rest of a split
 * sequence is decoded, anything else is Back and then itself.
 */
static int
ui_keys_esc(void)
{
	wint_t	 wc;
	int	 r, key;

	if (ui_frame_too_small())
		return UI_KEY_BACK;
	r = ui_keys_get(UI_KEYS_ESC_MS, &wc);
	if (r == ERR)
		return UI_KEY_BACK;
	if (r == KEY_CODE_YES) {
		ungetch((int)wc);
		return UI_KEY_BACK;
	}
	if (wc == 0x1b)
		return UI_KEY_BACK;
	if ((key = ui_key_after_esc((int)wc)) != UI_KEY_NONE)
		return key;
	if (wc == '[' || wc == 'O')
		return ui_keys_read_sequence((int)wc);
	unget_wch((wchar_t)wc);
	return UI_KEY_BACK;
}

/* Translate what wget_wch returned into a logical key. */
static int
ui_keys_translate(int r, wint_t wc)
{
	size_t	 i;

	if (r == KEY_CODE_YES) {
		if (wc >= (wint_t)KEY_F(1) && wc <= (wint_t)KEY_F(12))
			return UI_KEY_F1 + (int)(wc - KEY_F(1));
		for (i = 0; i < nitems(ui_keys_curses);
		    i++) {
			if ((wint_t)ui_keys_curses[i].code == wc)
				return ui_keys_curses[i].key;
		}
		return UI_KEY_NONE;
	}
	if (wc == 0x1b)
		return ui_keys_esc();
	for (i = 0; i < nitems(ui_keys_ctrl); i++) {
		if ((wint_t)ui_keys_ctrl[i].ch == wc)
			return ui_keys_ctrl[i].key;
	}
	if (wc > 0x10ffff || (wc >= 0xd800 && wc <= 0xdfff))
		return UI_KEY_NONE;
	return (int)wc;
}

/* Show the cursor where the screen asked for it, then send the output. */
static void
ui_keys_flush(struct ui *ui)
{
	static int	 shown = -1;
	int		 want;

	want = ui->cursor_y >= 0 && ui->cursor_x >= 0 && !ui_frame_too_small();
	if (want != shown) {
		curs_set(want ? 1 : 0);
		shown = want;
	}
	if (want)
		wmove(stdscr, ui->cursor_y, ui->cursor_x);
	else
		wmove(stdscr, LINES - 1, 0);
	wrefresh(stdscr);
	ui_term_frame_done();
}

/*
 * Check the idle timeout: warn on the message line a minute before (or at
 * half time when it is shorter), and 1 when it has passed. *next_ms gets
 * the milliseconds until the next thing to do: the warning, the next
 * second of its countdown, or the end; -1 with no idle timeout.
 */
static int
ui_keys_idle(struct ui *ui, int *next_ms)
{
	int	 limit = ui->cfg != NULL ? ui->cfg->idle_timeout : 0;
	int	 warn, left;
	double	 idle, next;

	*next_ms = -1;
	if (limit <= 0)
		return 0;
	idle = ui_keys_now() - ui->last_key;
	if (idle >= limit)
		return 1;
	warn = limit > 120 ? limit - 60 : limit / 2;
	if (idle >= warn) {
		left = limit - (int)idle;
		ui_error(ui, "%d 秒后因无操作退出，按任意键继续 "
		    "Idle: closing in %d s, press a key", left, left);
		ui_frame_message(ui);
		next = (int)idle + 1 - idle;
	} else
		next = warn - idle;
	*next_ms = (int)(next * 1000) + 1;
	return 0;
}

/*
 * 1 if the terminal is gone: it hung up, or reads keep failing at once
 * although poll said there was input (end of file), which would spin.
 */
static int
ui_keys_dead(int readable, int *fast)
{
	if (ui_term_gone())
		return 1;
	if (!readable) {
		*fast = 0;
		return 0;
	}
	return ++*fast >= UI_KEYS_DEAD_READS;
}

/*
 * Send what was drawn, then sleep until a key, a signal, or the next real
 * deadline (the caller's, when ms >= 0, or the idle timeout's); no timer
 * wakes an idle UI. ERR if no key came, and ui->quit set too if the
 * terminal is gone.
 */
static int
ui_keys_wait(struct ui *ui, int ms, double deadline, int idle_ms, int *fast,
    wint_t *wc)
{
	double	 left;
	int	 r, wait = idle_ms, readable;

	ui_keys_flush(ui);
	if (ms >= 0) {
		left = (deadline - ui_keys_now()) * 1000;
		if (left <= 0)
			return ERR;
		if (wait < 0 || left < wait)
			wait = (int)left + 1;
	}
	readable = ui_term_wait(wait);
	r = ui_keys_get(0, wc);
	if (r == ERR && !ui_term_signalled() && ui_keys_dead(readable, fast))
		ui->quit = UI_QUIT_SIGNAL;
	return r;
}

int
ui_key_read(struct ui *ui)
{
	return ui_key_read_timeout(ui, -1);
}

int
ui_key_read_timeout(struct ui *ui, int ms)
{
	wint_t	 wc;
	double	 deadline;
	int	 r, key, fast = 0, idle_ms;

	if (ui->last_key == 0)
		ui->last_key = ui_keys_now();
	deadline = ui_keys_now() + (ms > 0 ? ms : 0) / 1000.0;
	for (;;) {
		if (ui_term_signalled())
			ui->quit = UI_QUIT_SIGNAL;
		if (ui->quit)
			return UI_KEY_EXIT;
		/* Pending input is handled before anything is sent. */
		r = ui_keys_get(0, &wc);
		if (r == ERR) {
			if (ui_keys_idle(ui, &idle_ms)) {
				ui->quit = UI_QUIT_IDLE;
				return UI_KEY_EXIT;
			}
			r = ui_keys_wait(ui, ms, deadline, idle_ms, &fast, &wc);
		}
		if (r == ERR) {
			if (ui->quit)
				return UI_KEY_EXIT;
			if (ui_keys_idle(ui, &idle_ms)) {
				ui->quit = UI_QUIT_IDLE;
				return UI_KEY_EXIT;
			}
			if (ms >= 0 && ui_keys_now() >= deadline)
				return UI_KEY_NONE;
			continue;
		}
		key = ui_keys_translate(r, wc);
		if (key == UI_KEY_NONE)
			continue;
		ui->last_key = ui_keys_now();
		if (wc == CTRL_KEY('L') && r == OK)
			clearok(curscr, TRUE);
		if (key != UI_KEY_RESIZE)
			ui->msg[0] = '\0';
		/* Too small to draw: only a resize or quitting makes sense. */
		if (ui_frame_too_small() && key != UI_KEY_RESIZE &&
		    key != UI_KEY_QUIT)
			continue;
		return key;
	}
}
