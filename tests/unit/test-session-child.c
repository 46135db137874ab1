/*
 * The first moments of a session's child: keys typed before curses is up
 * are input, not signals; SIGINT and SIGQUIT stay ignored for the UI until
 * it takes them; the process writes no core and is not dumpable.
 */
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <pty.h>

#include "qualdesk.h"
#include "tap.h"

/* 1 if sig is ignored in this process. */
static int
ignored(int sig)
{
	struct sigaction	 sa;

	return sigaction(sig, NULL, &sa) == 0 && sa.sa_handler == SIG_IGN;
}

/*
 * A child on the slave as its controlling terminal reads two bytes;
 * Ctrl-C and Ctrl-\ are written to the master meanwhile. Returns the
 * child's wait status.
 */
static int
typed_ahead(int raw)
{
	struct termios	 tio;
	char		 b[2];
	int		 master, slave, status = -1, go[2];
	pid_t		 pid;

	if (openpty(&master, &slave, NULL, NULL, NULL) == -1 ||
	    pipe(go) == -1)
		return -1;
	if (raw)
		session_pty_raw(slave);
	else if (tcgetattr(slave, &tio) == 0) {
		tio.c_lflag |= ISIG;
		tcsetattr(slave, TCSANOW, &tio);
	}
	if ((pid = fork()) == 0) {
		close(master);
		close(go[0]);
		if (setsid() == -1 || ioctl(slave, TIOCSCTTY, 0) == -1)
			_exit(2);
		(void)write(go[1], "g", 1);
		_exit(read(slave, b, 1) == 1 && b[0] == 0x03 &&
		    read(slave, b, 1) == 1 && b[0] == 0x1c ? 0 : 3);
	}
	close(go[1]);
	(void)read(go[0], b, 1);
	(void)write(master, "\x03\x1c", 2);
	waitpid(pid, &status, 0);
	close(go[0]);
	close(master);
	close(slave);
	return status;
}

/* What session_child_setup leaves, as bits of an exit status. */
static int
child_state(int ui)
{
	struct session	 s;
	struct rlimit	 rl;
	pid_t		 pid, parent = getpid();
	int		 status = -1, bits = 0;

	if ((pid = fork()) == 0) {
		signal(SIGINT, SIG_DFL);
		signal(SIGTERM, SIG_IGN);
		memset(&s, 0, sizeof s);
		s.pty = 1;
		session_child_setup(&s, parent, ui);
		bits |= ignored(SIGINT) ? 1 : 0;
		bits |= ignored(SIGQUIT) ? 2 : 0;
		bits |= ignored(SIGTERM) ? 4 : 0;
#ifndef __SANITIZE_ADDRESS__
		bits |= prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) == 0 ? 8 : 0;
#else
		bits |= 8;
#endif
		bits |= getrlimit(RLIMIT_CORE, &rl) == 0 && rl.rlim_cur == 0 &&
		    rl.rlim_max == 0 ? 16 : 0;
		_exit(bits);
	}
	waitpid(pid, &status, 0);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

int
main(void)
{
	struct termios	 tio;
	int		 master, slave, st;

	if (openpty(&master, &slave, NULL, NULL, NULL) == 0) {
		is_int(session_pty_raw(slave), 0, "raw mode is set");
		ok(tcgetattr(slave, &tio) == 0 && !(tio.c_lflag & ISIG) &&
		    !(tio.c_lflag & ICANON) && !(tio.c_lflag & ECHO) &&
		    !(tio.c_iflag & IXON), "no signal keys, editing, echo or"
		    " flow control");
		close(master);
		close(slave);
	} else
		ok(0, "openpty");

	st = typed_ahead(0);
	ok(WIFSIGNALED(st), "on a cooked pty Ctrl-C kills a process that has"
	    " not yet caught it (the fault)");
	st = typed_ahead(1);
	ok(WIFEXITED(st) && WEXITSTATUS(st) == 0, "on the raw pty Ctrl-C and"
	    " Ctrl-\\ typed ahead arrive as input");

	st = child_state(1);
	is_int(st & 3, 3, "the UI's child ignores SIGINT and SIGQUIT");
	is_int(st & 4, 0, "and has every other signal at its default");
	is_int(st & 8, 8, "it is not dumpable");
	is_int(st & 16, 16, "and writes no core file");
	st = child_state(0);
	is_int(st & 3, 0, "a command's child keeps SIGINT and SIGQUIT default");
	is_int(st & 24, 24, "and is protected the same");
	return done_testing();
}
