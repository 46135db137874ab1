/*
 * exec without a pty: the command runs in a child with pipes for stdin,
 * stdout and stderr; stdout goes to the channel, stderr to the channel's
 * stderr, and its exit code comes back as the exit status.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <sys/types.h>

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "qualdesk.h"

/* Close both ends of up to three pipes. */
static void
exec_close_pipes(int p[3][2])
{
	int	 i, j;

	for (i = 0; i < 3; i++) {
		for (j = 0; j < 2; j++) {
			if (p[i][j] != -1)
				close(p[i][j]);
		}
	}
}

static int
exec_nonblock(int fd)
{
	int	 flags;

	if ((flags = fcntl(fd, F_GETFL)) == -1)
		return -1;
	return fcntl(fd, F_SETFL, flags | O_NONBLOCK);
}

int
session_exec_start(struct session *s, const char *command)
{
	int	 p[3][2] = { { -1, -1 }, { -1, -1 }, { -1, -1 } };
	pid_t	 pid, parent = getpid();
	int	 i;

	for (i = 0; i < 3; i++) {
		if (pipe2(p[i], O_CLOEXEC) == -1)
			goto fail;
	}
	/* Our ends: write to stdin, read stdout and stderr. */
	if (exec_nonblock(p[0][1]) == -1 || exec_nonblock(p[1][0]) == -1 ||
	    exec_nonblock(p[2][0]) == -1 || (pid = fork()) == -1)
		goto fail;
	if (pid == 0) {
		if (setsid() == -1 || dup2(p[0][0], 0) == -1 ||
		    dup2(p[1][1], 1) == -1 || dup2(p[2][1], 2) == -1)
			_exit(QD_EXIT_ERROR);
		session_child_setup(s, parent, 0);
		session_child_run(s, command);
	}
	close(p[0][0]);
	close(p[1][1]);
	close(p[2][1]);
	s->slot[SESSION_IN].fd = p[0][1];
	s->slot[SESSION_OUT].fd = p[1][0];
	s->slot[SESSION_ERR].fd = p[2][0];
	s->child = pid;
	s->started = 1;
	return QD_OK;
fail:
	log_error("conn %lu: exec: %s", s->conn_id, strerror(errno));
	exec_close_pipes(p);
	return QD_ESYS;
}
