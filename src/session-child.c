/*
 * The child side of a session, after fork: it keeps only its terminal or
 * pipes, default signals and a small environment, then runs the UI or one
 * command of the table. It never touches the SSH session.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <sys/types.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "qualdesk.h"

#define CHILD_TERM_DEFAULT	"vt100"
#define CHILD_TERM_MAX		64

/* Close every descriptor from lowfd up. */
static void
child_close_from(int lowfd)
{
#if defined(__GLIBC__) && (__GLIBC__ > 2 || __GLIBC_MINOR__ >= 34)
	closefrom(lowfd);
#else
	long	 fd, max = sysconf(_SC_OPEN_MAX);

	if (max < 0 || max > 65536)
		max = 65536;
	for (fd = lowfd; fd < max; fd++)
		close((int)fd);
#endif
}

/* TERM as the client sent it, if it is a plausible terminfo name. */
static const char *
child_term(const struct session *s)
{
	const char	*t = s->term;
	size_t		 i;

	if (t == NULL || *t == '\0' || strlen(t) > CHILD_TERM_MAX)
		return CHILD_TERM_DEFAULT;
	for (i = 0; t[i] != '\0'; i++) {
		if (!((t[i] >= 'a' && t[i] <= 'z') || (t[i] >= 'A' &&
		    t[i] <= 'Z') || (t[i] >= '0' && t[i] <= '9') ||
		    strchr("._+-", t[i]) != NULL))
			return CHILD_TERM_DEFAULT;
	}
	return t;
}

/* Nothing of the server's environment but PATH and TZ. */
static void
child_environment(const struct session *s)
{
	char	*path = getenv("PATH"), *tz = getenv("TZ"), buf[16];

	path = xstrdup(path != NULL ? path : "/usr/bin:/bin");
	tz = tz != NULL ? xstrdup(tz) : NULL;
	clearenv();
	setenv("PATH", path, 1);
	if (tz != NULL)
		setenv("TZ", tz, 1);
	setenv("LANG", "C.UTF-8", 1);
	if (s->pty) {
		setenv("TERM", child_term(s), 1);
		/* What the relay converts to, for the UI to mention. */
		if (s->charset.active)
			setenv("QD_TERM_CHARSET", s->charset.name, 1);
		if (s->charset_note != NULL)
			setenv("QD_CHARSET_NOTE", s->charset_note, 1);
	}
	if (s->frame_child_fd >= 0) {
		snprintf(buf, sizeof buf, "%d", s->frame_child_fd);
		setenv("QD_FRAME_FD", buf, 1);
	}
	free(path);
	free(tz);
}

void
session_child_setup(struct session *s, pid_t parent, int ui)
{
	sigset_t	 all;
	int		 sig, frame = -1, low;

	proc_protect();

#ifdef __linux__
	/* If the connection process dies, so does its child. */
	prctl(PR_SET_PDEATHSIG, SIGHUP);
#endif
	if (getppid() != parent)
		_exit(QD_EXIT_ERROR);
	/* Out of the way of the log's move to 3. */
	if (s->frame_child_fd >= 0)
		frame = fcntl(s->frame_child_fd, F_DUPFD, 10);
	/*
	 * The server's log stays on 3 and the UI's frame pipe follows; the
	 * user's terminal is on 0 to 2.
	 */
	low = log_move_fd(3) == 3 ? 4 : 3;
	s->frame_child_fd = -1;
	if (frame >= 0 && dup2(frame, low) == low)
		s->frame_child_fd = low++;
	child_close_from(low);
	/* A Ctrl-C or Ctrl-\\ typed ahead must not end the UI as it starts. */
	for (sig = 1; sig < NSIG; sig++)
		signal(sig, ui && (sig == SIGINT || sig == SIGQUIT) ? SIG_IGN :
		    SIG_DFL);
	sigemptyset(&all);
	sigprocmask(SIG_SETMASK, &all, NULL);
	child_environment(s);
}

/* Split and run one command line as the session's user. */
static int
child_command(struct session *s, const char *line)
{
	struct cmd_ctx	 ctx;
	char		**argv = NULL, *why = NULL;
	int		  argc = 0, rc;

	if (cmd_split(line, &argc, &argv, &why) != QD_OK) {
		fprintf(stderr, "%s: %s\n", QD_NAME, why);
		free(why);
		return QD_EXIT_USAGE;
	}
	memset(&ctx, 0, sizeof ctx);
	ctx.db = NULL;
	ctx.db_path = s->db_path;
	ctx.cfg = s->cfg;
	ctx.actor = s->user;
	ctx.remote = 1;
	ctx.in = stdin;
	ctx.out = stdout;
	ctx.err = stderr;
	rc = cmd_run(&ctx, argc, argv);
	cmd_free_argv(argc, argv);
	return rc;
}

void
session_child_run(struct session *s, const char *command)
{
	int	 rc;

	if (command == NULL)
		rc = ui_main(s->db_path, s->user->login, s->user->via, s->cfg);
	else
		rc = child_command(s, command);
	fflush(stdout);
	fflush(stderr);
	_exit(rc);
}
