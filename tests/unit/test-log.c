/*
 * The log keeps a descriptor of its own: what a session's child logs must
 * reach the server's log, never the user's terminal on fds 0 to 2.
 */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "qualdesk.h"
#include "tap.h"

/* Read what is waiting in the pipe (non-blocking). */
static char *
drain(int fd, char *buf, size_t size)
{
	ssize_t	 n;

	n = read(fd, buf, size - 1);
	buf[n > 0 ? n : 0] = '\0';
	return buf;
}

int
main(void)
{
	char	 buf[4096];
	int	 server_log[2], user_tty[2], saved;

	if (pipe(server_log) != 0 || pipe(user_tty) != 0)
		return 1;
	/* Keep the test's own descriptors clear of fd 3, which the log takes. */
	server_log[0] = fcntl(server_log[0], F_DUPFD, 20);
	server_log[1] = fcntl(server_log[1], F_DUPFD, 20);
	user_tty[0] = fcntl(user_tty[0], F_DUPFD, 20);
	user_tty[1] = fcntl(user_tty[1], F_DUPFD, 20);
	for (saved = 3; saved < 7; saved++)
		close(saved);
	fcntl(server_log[0], F_SETFL, O_NONBLOCK);
	fcntl(user_tty[0], F_SETFL, O_NONBLOCK);
	saved = dup(2);

	/* The server starts with its log on stderr. */
	dup2(server_log[1], 2);
	log_open("stderr", LOG_LEVEL_INFO, QD_NAME);
	log_info("listening");
	ok(strstr(drain(server_log[0], buf, sizeof buf), "info main: listening")
	    != NULL, "a line goes to the server's stderr with its function");
	log_debug("hidden");
	is_str(drain(server_log[0], buf, sizeof buf), "",
	    "a line below the level is not written");

	/* A session's child: the user's terminal takes 0 to 2. */
	dup2(user_tty[1], 2);
	is_int(log_move_fd(3), 3, "the log moves to fd 3");
	log_warn("database busy");
	ok(strstr(drain(server_log[0], buf, sizeof buf), "database busy") !=
	    NULL, "the child's log line still reaches the server's log");
	is_str(drain(user_tty[0], buf, sizeof buf), "",
	    "and nothing reaches the user's terminal");
	is_int(log_move_fd(3), 3, "moving to where it is changes nothing");

	dup2(saved, 2);
	return done_testing();
}
