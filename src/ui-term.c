/*
 * The terminal: a UTF-8 locale whatever the client sent, curses started on
 * whatever terminfo entry works (never exit because of TERM), signals that
 * end the UI cleanly from the key loop, never from a handler.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <curses.h>
#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "qualdesk.h"

/* After qualdesk.h: term.h defines capability names such as columns. */
#include <term.h>

/* Tried in order when TERM is unknown here (kitty, ghostty, wezterm...). */
static const char *const ui_term_fallbacks[] = {
	"xterm-256color",
	"xterm",
	"vt100",
};

static volatile sig_atomic_t	 ui_term_signal;
static SCREEN			*ui_term_screen;
static char			 ui_term_used[64];
/* Wakes ui_term_wait when a signal comes, so no signal waits for a key. */
static int			 ui_term_sigpipe[2] = { -1, -1 };
/* Where to say a frame is complete (the server's relay), or -1. */
static int			 ui_term_frame_fd = -1;
/* Curses' own SIGWINCH handler, called from ours. */
static struct sigaction		 ui_term_winch_curses;

static void
ui_term_wake(void)
{
	int	 saved = errno;

	if (ui_term_sigpipe[1] != -1)
		(void)write(ui_term_sigpipe[1], "s", 1);
	errno = saved;
}

static void
ui_term_on_signal(int sig)
{
	ui_term_signal = sig;
	ui_term_wake();
}

static void
ui_term_on_winch(int sig)
{
	if (ui_term_winch_curses.sa_handler != SIG_DFL &&
	    ui_term_winch_curses.sa_handler != SIG_IGN &&
	    ui_term_winch_curses.sa_handler != NULL)
		ui_term_winch_curses.sa_handler(sig);
	ui_term_wake();
}

/* The relay's frame pipe from QD_FRAME_FD, if it is one. */
static void
ui_term_frame_open(void)
{
	const char	*v = getenv("QD_FRAME_FD");
	char		*end;
	long		 fd;

	if (v == NULL)
		return;
	fd = strtol(v, &end, 10);
	if (*v == '\0' || *end != '\0' || fd < 3 || fd > 64 ||
	    fcntl((int)fd, F_GETFD) == -1)
		return;
	fcntl((int)fd, F_SETFD, FD_CLOEXEC);
	fcntl((int)fd, F_SETFL, O_NONBLOCK);
	ui_term_frame_fd = (int)fd;
}

void
ui_term_frame_done(void)
{
	/* A full pipe means the relay has a note already: enough. */
	if (ui_term_frame_fd != -1)
		(void)write(ui_term_frame_fd, "f", 1);
}

int
ui_term_wait(int ms)
{
	struct pollfd	 pfd[2];
	char		 buf[64];
	nfds_t		 n = 1;
	int		 r;

	pfd[0].fd = STDIN_FILENO;
	pfd[0].events = POLLIN;
	pfd[0].revents = 0;
	if (ui_term_sigpipe[0] != -1) {
		pfd[1].fd = ui_term_sigpipe[0];
		pfd[1].events = POLLIN;
		pfd[1].revents = 0;
		n = 2;
	}
	if (ui_term_signal != 0)
		return 0;
	r = poll(pfd, n, ms);
	if (n == 2 && pfd[1].revents != 0) {
		while (read(ui_term_sigpipe[0], buf, sizeof buf) > 0)
			;
	}
	return r > 0 && pfd[0].revents != 0;
}

int
ui_term_signalled(void)
{
	return ui_term_signal != 0;
}

int
ui_term_gone(void)
{
	struct pollfd	 pfd;

	pfd.fd = STDIN_FILENO;
	pfd.events = POLLIN;
	pfd.revents = 0;
	if (poll(&pfd, 1, 0) < 0)
		return 0;
	return (pfd.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0;
}

/*
 * Catch the signals of a shutdown or a dropped link before curses starts,
 * so curses leaves them to us; no SA_RESTART, so a read is interrupted.
 */
static void
ui_term_signals(void)
{
	static const int	 sigs[] = { SIGTERM, SIGHUP, SIGINT };
	struct sigaction	 sa;
	size_t			 i;

	if (ui_term_sigpipe[0] == -1 &&
	    pipe2(ui_term_sigpipe, O_CLOEXEC | O_NONBLOCK) == -1)
		ui_term_sigpipe[0] = ui_term_sigpipe[1] = -1;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = ui_term_on_signal;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < nitems(sigs); i++)
		sigaction(sigs[i], &sa, NULL);
	/*
	 * In raw mode no key sends SIGTSTP; ignored before curses starts, it
	 * spares two system calls on every refresh, where curses would block
	 * and unblock its own handler.
	 */
	signal(SIGTSTP, SIG_IGN);
}

/*
 * After newterm: a resize must wake ui_term_wait too. Curses' handler
 * (which makes KEY_RESIZE) still runs first.
 */
static void
ui_term_winch(void)
{
	struct sigaction	 sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = ui_term_on_winch;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = SA_RESTART;
	if (sigaction(SIGWINCH, &sa, &ui_term_winch_curses) == -1)
		return;
	if (ui_term_winch_curses.sa_flags & SA_SIGINFO)
		/* Not the kind we can call: leave curses' handler alone. */
		sigaction(SIGWINCH, &ui_term_winch_curses, NULL);
}

/* Chinese text needs a UTF-8 locale, whatever LANG the client sent. */
static void
ui_term_locale(void)
{
	const char	*cs;

	setlocale(LC_ALL, "");
	cs = nl_langinfo(CODESET);
	if (cs == NULL || (strcmp(cs, "UTF-8") != 0 && strcmp(cs, "utf8") != 0))
		setlocale(LC_ALL, "C.UTF-8");
}

/*
 * 1 if terminfo knows name and it can move the cursor ("dumb" and
 * hard-copy entries load but cannot draw a screen).
 */
static int
ui_term_usable(const char *name)
{
	const char	*cup;
	int		 err, ok;

	if (name == NULL || *name == '\0' || strlen(name) >= sizeof ui_term_used)
		return 0;
	if (setupterm(name, STDOUT_FILENO, &err) != OK)
		return 0;
	cup = tigetstr("cup");
	ok = cup != NULL && cup != (const char *)-1;
	del_curterm(cur_term);
	return ok;
}

/* newterm on name if it is usable; remembers the name. */
static SCREEN *
ui_term_try(const char *name)
{
	SCREEN	*sp;

	if (!ui_term_usable(name) || (sp = newterm(name, stdout, stdin)) == NULL)
		return NULL;
	snprintf(ui_term_used, sizeof ui_term_used, "%s", name);
	return sp;
}

/* newterm on TERM, then on the fallbacks. NULL if none works. */
static SCREEN *
ui_term_open(void)
{
	SCREEN	*sp;
	size_t	 i;

	if ((sp = ui_term_try(getenv("TERM"))) != NULL)
		return sp;
	for (i = 0; i < nitems(ui_term_fallbacks);
	    i++) {
		if ((sp = ui_term_try(ui_term_fallbacks[i])) != NULL)
			return sp;
	}
	return NULL;
}

/* Colour only adds to what monochrome shows; pairs are set up here. */
static void
ui_term_colours(struct ui *ui)
{
	if (!has_colors() || start_color() == ERR)
		return;
	ui->colour = 1;
	if (use_default_colors() == OK) {
		init_pair(1, COLOR_RED, -1);
		init_pair(2, COLOR_WHITE, COLOR_BLUE);
	} else {
		init_pair(1, COLOR_RED, COLOR_BLACK);
		init_pair(2, COLOR_WHITE, COLOR_BLUE);
	}
	init_pair(UI_PAIR_PAPER, COLOR_BLACK, COLOR_WHITE);
	init_pair(UI_PAIR_GOOD, COLOR_BLACK, COLOR_GREEN);
	init_pair(UI_PAIR_BAD, COLOR_WHITE, COLOR_RED);
}

/*
 * Say at login what the relay could not do for the terminal's charset: in
 * English and ASCII, since that is all such a terminal shows.
 */
static void
ui_term_charset_note(struct ui *ui)
{
	const char	*cs = getenv("QD_TERM_CHARSET");
	const char	*note = getenv("QD_CHARSET_NOTE");

	if (cs != NULL && strcmp(cs, "ASCII") == 0)
		ui_msg(ui, "ASCII terminal (LANG=C): Chinese shows as ??. Use "
		    "LANG=zh_CN.UTF-8 and ssh -o SendEnv=LANG");
	else if (note != NULL && text_valid(note) && strlen(note) < 120)
		ui_msg(ui, "%s; showing UTF-8", note);
}

/*
 * Put curses in its running state. ncurses 6.4 flushes its output after
 * every cursor move until the screen has been suspended and resumed once
 * (its _endwin stays "initial"), so a screen went out in a write per
 * line, each a read and a wake-up of the relay. An endwin() whose bytes
 * go nowhere, then a refresh, makes one write of a whole update, and the
 * terminal gets the same bytes as before.
 */
static void
ui_term_running(void)
{
	int	 saved, null;

	if ((null = open("/dev/null", O_WRONLY | O_CLOEXEC)) == -1)
		return;
	if ((saved = fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, 3)) == -1) {
		close(null);
		return;
	}
	fflush(stdout);
	if (dup2(null, STDOUT_FILENO) != -1) {
		endwin();
		(void)dup2(saved, STDOUT_FILENO);
	}
	close(saved);
	close(null);
	refresh();
}

int
ui_term_start(struct ui *ui, char **why)
{
	const char	*term = getenv("TERM");

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		*why = xstrdup("the full-screen UI needs a terminal");
		return QD_ESYS;
	}
	ui_term_locale();
	ui_term_signals();
	ui_term_frame_open();
	if ((ui_term_screen = ui_term_open()) == NULL) {
		*why = xstrdup("no usable terminal description (terminfo)");
		return QD_ESYS;
	}
	set_term(ui_term_screen);
	ui_term_running();
	ui_term_winch();
	ui->term_name = ui_term_used;
	set_escdelay(ui->cfg != NULL ? ui->cfg->escdelay : 150);
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	meta(stdscr, TRUE);
	intrflush(stdscr, FALSE);
	/* The pty never makes a refresh wait: nothing to abandon for keys. */
	typeahead(-1);
	ui_term_colours(ui);
	ui->cursor_y = ui->cursor_x = -1;
	if (term == NULL || strcmp(term, ui_term_used) != 0)
		ui_msg(ui, "未知终端 %s，改用 %s  Unknown TERM, using %s",
		    term != NULL && *term != '\0' && text_valid(term) &&
		    strlen(term) < 40 ? term : "(none)", ui_term_used,
		    ui_term_used);
	ui_term_charset_note(ui);
	return QD_OK;
}

void
ui_term_end(struct ui *ui)
{
	(void)ui;
	if (ui_term_screen == NULL)
		return;
	ui_keys_forget();
	endwin();
	delscreen(ui_term_screen);
	ui_term_screen = NULL;
}
