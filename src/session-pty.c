/*
 * The shell: a pty, the UI started as a child on its slave side (or a
 * command, for "ssh -t HOST COMMAND"), and the master relayed to the
 * channel. The pty is the child's controlling terminal, so TIOCSWINSZ on
 * the master gives it SIGWINCH like any terminal program.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <sys/ioctl.h>
#include <sys/types.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#ifdef HAVE_PTY_H
#include <pty.h>
#endif
#ifdef HAVE_UTIL_H
#include <util.h>
#endif

#include "qualdesk.h"

int
session_pty_raw(int fd)
{
	struct termios	 tio;

	if (tcgetattr(fd, &tio) == -1)
		return -1;
	tio.c_lflag &= ~(tcflag_t)(ISIG | ICANON | ECHO | ECHONL | IEXTEN);
	tio.c_iflag &= ~(tcflag_t)(IXON | IXOFF | BRKINT);
	tio.c_cc[VMIN] = 1;
	tio.c_cc[VTIME] = 0;
	return tcsetattr(fd, TCSANOW, &tio);
}

/* In the child: make the slave the controlling terminal and fds 0-2. */
static void
pty_child(struct session *s, int slave, pid_t parent, const char *command)
{
	/* Ignored before the pty can send a signal; the UI takes them later. */
	if (command == NULL) {
		signal(SIGINT, SIG_IGN);
		signal(SIGQUIT, SIG_IGN);
	}
	if (setsid() == -1 || ioctl(slave, TIOCSCTTY, 0) == -1)
		_exit(QD_EXIT_ERROR);
	if (dup2(slave, 0) == -1 || dup2(slave, 1) == -1 ||
	    dup2(slave, 2) == -1)
		_exit(QD_EXIT_ERROR);
	session_child_setup(s, parent, command == NULL);
	session_child_run(s, command);
}

static void
pty_close_pair(int p[2])
{
	if (p[0] != -1)
		close(p[0]);
	if (p[1] != -1)
		close(p[1]);
}

int
session_pty_start(struct session *s, const char *command)
{
	struct winsize	 ws;
	struct termios	 tio;
	int		 master, slave, flags, frame[2] = { -1, -1 };
	pid_t		 pid, parent = getpid();

	memset(&ws, 0, sizeof ws);
	ws.ws_col = (unsigned short)s->cols;
	ws.ws_row = (unsigned short)s->rows;
	if (openpty(&master, &slave, NULL, NULL, &ws) == -1) {
		log_error("conn %lu: openpty: %s", s->conn_id, strerror(errno));
		return QD_ESYS;
	}
	/* Erase in the line discipline must know a character can be wide. */
	if (tcgetattr(slave, &tio) == 0) {
		tio.c_iflag |= IUTF8;
		tcsetattr(slave, TCSANOW, &tio);
	}
	/* Before a byte is relayed: keys typed ahead of curses are input. */
	if (command == NULL && session_pty_raw(slave) == -1)
		log_warn("conn %lu: raw mode: %s", s->conn_id, strerror(errno));
	/* The UI says through it when a frame is drawn (the UI only). */
	if (command == NULL && pipe2(frame, O_CLOEXEC | O_NONBLOCK) == -1)
		frame[0] = frame[1] = -1;
	s->frame_child_fd = frame[1];
	if ((flags = fcntl(master, F_GETFL)) == -1 ||
	    fcntl(master, F_SETFL, flags | O_NONBLOCK) == -1 ||
	    fcntl(master, F_SETFD, FD_CLOEXEC) == -1 ||
	    (pid = fork()) == -1) {
		log_error("conn %lu: pty: %s", s->conn_id, strerror(errno));
		close(master);
		close(slave);
		pty_close_pair(frame);
		return QD_ESYS;
	}
	if (pid == 0) {
		close(master);
		pty_child(s, slave, parent, command);
	}
	close(slave);
	if (frame[1] != -1)
		close(frame[1]);
	s->frame_child_fd = -1;
	s->slot[SESSION_FRAME].fd = frame[0];
	s->slot[SESSION_OUT].fd = master;
	s->child = pid;
	s->started = 1;
	return QD_OK;
}

void
session_pty_resize(struct session *s)
{
	struct winsize	 ws;

	if (s->slot[SESSION_OUT].fd == -1)
		return;
	memset(&ws, 0, sizeof ws);
	ws.ws_col = (unsigned short)s->cols;
	ws.ws_row = (unsigned short)s->rows;
	if (ioctl(s->slot[SESSION_OUT].fd, TIOCSWINSZ, &ws) == -1)
		log_debug("conn %lu: TIOCSWINSZ: %s", s->conn_id,
		    strerror(errno));
}
