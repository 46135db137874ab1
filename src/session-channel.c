/*
 * The session channel of an authenticated connection: its requests
 * (pty-req, window-change, env, shell, exec), in any order, and the loop
 * that serves it until the child ends or the client goes. Callbacks only
 * record and start things; they never wait.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <libssh/callbacks.h>
#include <libssh/libssh.h>
#include <libssh/server.h>

#include "qualdesk.h"

#define SESSION_DEAD_ASKS	4	/* keepalives unanswered: the peer is gone */
#define SESSION_CHILD_GRACE	5	/* seconds a child gets after a hang-up */
#define SESSION_DRAIN		5	/* seconds to send a dead child's output */
#define SESSION_FLUSH_MS	2000
#define SESSION_MAX_SIZE	1000	/* columns or rows */

static volatile sig_atomic_t session_sigterm;
/* A child may have ended: look with waitpid (once per SIGCHLD, not per loop). */
static volatile sig_atomic_t session_sigchld = 1;
/* Wakes the poll when a signal comes: SIGCHLD, SIGTERM. */
static int session_sigpipe[2] = { -1, -1 };

static void
session_on_signal(int sig)
{
	int	 saved = errno;

	if (sig == SIGTERM)
		session_sigterm = 1;
	if (sig == SIGCHLD)
		session_sigchld = 1;
	if (session_sigpipe[1] != -1)
		(void)write(session_sigpipe[1], "s", 1);
	errno = saved;
}

void
session_signals_init(void)
{
	struct sigaction	 sa;

	if (pipe2(session_sigpipe, O_CLOEXEC | O_NONBLOCK) == -1)
		session_sigpipe[0] = session_sigpipe[1] = -1;
	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = session_on_signal;
	sigaction(SIGTERM, &sa, NULL);
	sa.sa_flags = SA_NOCLDSTOP;
	sigaction(SIGCHLD, &sa, NULL);
}

/* Empty the signal pipe; the loop looks at what changed. */
static int
session_signal_ready(socket_t fd, int revents, void *userdata)
{
	char	 buf[64];

	(void)revents, (void)userdata;
	while (read(fd, buf, sizeof buf) > 0)
		;
	return 0;
}

int
session_terminate_requested(void)
{
	return session_sigterm;
}

void
session_init(struct session *s, ssh_session ssh, ssh_event event,
    unsigned long conn_id, const struct qd_user *user, struct qd_config *cfg,
    const char *db_path)
{
	int	 i;

	memset(s, 0, sizeof *s);
	s->ssh = ssh;
	s->event = event;
	s->conn_id = conn_id;
	s->user = user;
	s->cfg = cfg;
	s->db_path = db_path;
	s->cols = 80;
	s->rows = 24;
	s->child = -1;
	s->frame_child_fd = -1;
	for (i = 0; i < SESSION_NSLOTS; i++)
		s->slot[i].fd = -1;
	s->since = s->last_rx = time(NULL);
	session_charset_init(&s->charset);
	s->counter = xcalloc(1, sizeof *s->counter);
	s->raw = xcalloc(1, sizeof *s->raw);
	ssh_set_counters(ssh, s->counter, s->raw);
}

void
session_free(struct session *s)
{
	session_relay_close(s);
	if (s->ssh != NULL)
		ssh_set_counters(s->ssh, NULL, NULL);
	xfree(&s->counter);
	xfree(&s->raw);
	db_terminal_free(&s->terminal);
	xfree(&s->term);
	session_charset_close(&s->charset);
	xfree(&s->env_lang);
	xfree(&s->env_lc_ctype);
	xfree(&s->env_lc_all);
	xfree(&s->env_charset);
	xfree(&s->opt_charset);
	xfree(&s->charset_note);
}

/* A size from the client, or the current one when it makes no sense. */
static int
session_size(int value, int current)
{
	if (value < 1 || value > SESSION_MAX_SIZE)
		return current;
	return value;
}

static int
session_pty_request(ssh_session ssh, ssh_channel channel, const char *term,
    int cols, int rows, int pxwidth, int pxheight, void *userdata)
{
	struct session	*s = userdata;

	(void)ssh, (void)channel, (void)pxwidth, (void)pxheight;
	if (s->started)
		return -1;
	free(s->term);
	s->term = xstrdup(term != NULL ? term : "");
	s->cols = session_size(cols, s->cols);
	s->rows = session_size(rows, s->rows);
	s->pty = 1;
	return 0;
}

static int
session_window_change(ssh_session ssh, ssh_channel channel, int cols,
    int rows, int pxwidth, int pxheight, void *userdata)
{
	struct session	*s = userdata;

	(void)ssh, (void)channel, (void)pxwidth, (void)pxheight;
	s->cols = session_size(cols, s->cols);
	s->rows = session_size(rows, s->rows);
	/* Before the shell starts the size is kept for openpty. */
	if (s->pty && s->started)
		session_pty_resize(s);
	return 0;
}

/* The variables taken, all of them for the charset of the terminal. */
static char **
session_env_slot(struct session *s, const char *name)
{
	if (strcmp(name, "LANG") == 0)
		return &s->env_lang;
	if (strcmp(name, "LC_CTYPE") == 0)
		return &s->env_lc_ctype;
	if (strcmp(name, "LC_ALL") == 0)
		return &s->env_lc_all;
	if (strcmp(name, "QD_CHARSET") == 0)
		return &s->env_charset;
	return NULL;
}

/*
 * LANG, LC_CTYPE, LC_ALL and QD_CHARSET choose the terminal's charset;
 * the UI itself always runs in UTF-8. Anything else is refused.
 */
static int
session_env(ssh_session ssh, ssh_channel channel, const char *name,
    const char *value, void *userdata)
{
	struct session	*s = userdata;
	char		**slot;
	size_t		  i;

	(void)ssh, (void)channel;
	if (name == NULL || value == NULL || s->started ||
	    (slot = session_env_slot(s, name)) == NULL)
		return -1;
	if (strlen(value) > 64)
		return -1;
	for (i = 0; value[i] != '\0'; i++) {
		if (value[i] <= ' ' || value[i] > '~')
			return -1;
	}
	free(*slot);
	*slot = value[0] != '\0' ? xstrdup(value) : NULL;
	return 0;
}

/*
 * Take a leading "--charset NAME" (or --charset=NAME) off an exec line:
 * the charset of the command's text, for scripts. Returns the rest, or
 * NULL with *why (caller frees) when the option has no name.
 */
static const char *
session_charset_option(struct session *s, const char *command, char **why)
{
	const char	*p = command, *name;
	size_t		 len;

	while (*p == ' ' || *p == '\t')
		p++;
	if (strncmp(p, "--charset", 9) != 0 || (p[9] != '=' && p[9] != ' ' &&
	    p[9] != '\t' && p[9] != '\0'))
		return command;
	p += 9;
	while (*p == '=' || *p == ' ' || *p == '\t')
		p++;
	name = p;
	while (*p != '\0' && *p != ' ' && *p != '\t')
		p++;
	if ((len = (size_t)(p - name)) == 0) {
		xasprintf(why, "--charset needs a name, as --charset GB18030");
		return NULL;
	}
	free(s->opt_charset);
	s->opt_charset = xstrndup(name, len);
	while (*p == ' ' || *p == '\t')
		p++;
	return p;
}

/*
 * Choose the client's charset: --charset, else QD_CHARSET, else (on a
 * terminal only) the one the user chose in My account, else LC_ALL,
 * LC_CTYPE, LANG. A command's output is converted
 * only when asked for by name: LANG alone must not change what a script
 * reads. An unknown name on a terminal falls back to UTF-8 and the UI
 * says why; for a command it is a usage error (-1, *why set).
 */
static int
session_charset_choose(struct session *s, char **why)
{
	const char	*spec = s->opt_charset != NULL ? s->opt_charset :
	    s->env_charset;

	if (spec == NULL && s->pty)
		spec = s->terminal.charset;
	if (spec == NULL && s->pty)
		spec = s->env_lc_all != NULL ? s->env_lc_all :
		    s->env_lc_ctype != NULL ? s->env_lc_ctype : s->env_lang;
	if (spec == NULL)
		return 0;
	if (session_charset_open(&s->charset, spec, why) == QD_OK) {
		if (s->charset.active)
			log_debug("conn %lu: terminal charset %s", s->conn_id,
			    s->charset.name);
		return 0;
	}
	if (!s->pty)
		return -1;
	free(s->charset_note);
	s->charset_note = *why;
	*why = NULL;
	return 0;
}

/* A usage error before anything runs: said on stderr, exit status 2. */
static void
session_refuse(struct session *s, const char *why)
{
	char	*msg;

	s->started = 1;
	xasprintf(&msg, QD_NAME ": %s\n", why);
	session_relay_message(s, msg);
	free(msg);
	s->child_done = 1;
	s->child_done_at = time(NULL);
	s->child_status = QD_EXIT_USAGE << 8;
}

/*
 * Whether the client compresses what the server sends. libssh says not
 * which compression the key exchange chose, so the link is measured: a
 * line of blanks, then a carriage return, costs a compressed link a
 * fraction of its size and an uncompressed one more than its size (the
 * packet's length, padding and MAC). Nothing shows on the terminal.
 */
static int
session_link_compressed(struct session *s)
{
	char		 probe[SESSION_PROBE + 2];
	uint64_t	 wire, raw;

	memset(probe, ' ', sizeof probe);
	probe[0] = probe[sizeof probe - 1] = '\r';
	wire = s->counter->out_bytes;
	raw = s->raw->out_bytes;
	if (ssh_channel_write(s->channel, probe, sizeof probe) !=
	    (int)sizeof probe)
		return 1;	/* the client is gone: nothing to ask of it */
	ssh_blocking_flush(s->ssh, 2000);
	wire = s->counter->out_bytes - wire;
	raw = s->raw->out_bytes - raw;
	log_debug("conn %lu: probe of %zu bytes: %llu in packets, %llu on the"
	    " wire", s->conn_id, sizeof probe, (unsigned long long)raw,
	    (unsigned long long)wire);
	return wire < raw;
}

/*
 * The user asked for compression (My account) and the server offers it,
 * but this client does not compress: say how to, and start nothing.
 */
static int
session_compression_refused(struct session *s)
{
	if (!s->terminal.compression_force ||
	    s->cfg->compression != COMPRESSION_YES || s->channel == NULL ||
	    session_link_compressed(s))
		return 0;
	log_info("conn %lu: refused: the account asks for compression",
	    s->conn_id);
	session_refuse(s, s->pty ? "此账户要求压缩连接：请用 ssh -C 连接，"
	    "或在 ~/.ssh/config 中写 Compression yes\r\nThis account asks for"
	    " a compressed link: connect with ssh -C, or put \"Compression"
	    " yes\" in ~/.ssh/config\r" : "this account asks for a compressed"
	    " link: connect with ssh -C, or put \"Compression yes\" in"
	    " ~/.ssh/config");
	return 1;
}

/* Start the UI (command NULL) or a command, once per channel. */
static int
session_start(struct session *s, const char *command)
{
	char	*why = NULL;
	int	 rc;

	if (s->started)
		return -1;
	if (command != NULL &&
	    (command = session_charset_option(s, command, &why)) == NULL) {
		session_refuse(s, why);
		free(why);
		return 0;
	}
	/* "ssh -t HOST --charset big5": the UI, in that charset. */
	if (command != NULL && *command == '\0')
		command = NULL;
	if (session_charset_choose(s, &why) != 0) {
		session_refuse(s, why);
		free(why);
		return 0;
	}
	if (command == NULL && session_compression_refused(s))
		return 0;
	if (s->pty)
		rc = session_pty_start(s, command);
	else if (command != NULL)
		rc = session_exec_start(s, command);
	else {
		/* "ssh -T": no terminal to draw the UI on. */
		s->started = 1;
		session_relay_message(s, QD_NAME ": the full-screen UI needs a "
		    "terminal: use ssh -t, or give a command (ssh HOST help)\n");
		s->child_done = 1;
		s->child_done_at = time(NULL);
		s->child_status = QD_EXIT_USAGE << 8;
		return 0;
	}
	if (rc != QD_OK)
		return -1;
	/* The command line is not logged: it may carry personal data. */
	log_debug("conn %lu: %s%s", s->conn_id, command != NULL ? "exec" :
	    "shell", s->pty ? " on a pty" : "");
	return 0;
}

static int
session_shell_request(ssh_session ssh, ssh_channel channel, void *userdata)
{
	(void)ssh, (void)channel;
	return session_start(userdata, NULL);
}

static int
session_exec_request(ssh_session ssh, ssh_channel channel,
    const char *command, void *userdata)
{
	(void)ssh, (void)channel;
	return session_start(userdata, command);
}

static int
session_data(ssh_session ssh, ssh_channel channel, void *data, uint32_t len,
    int is_stderr, void *userdata)
{
	(void)ssh, (void)channel;
	/* Clients send no stderr; such bytes are taken and dropped. */
	if (is_stderr)
		return (int)len;
	return (int)session_relay_input(userdata, data, len);
}

static void
session_eof(ssh_session ssh, ssh_channel channel, void *userdata)
{
	struct session	*s = userdata;

	(void)ssh, (void)channel;
	s->client_eof = 1;
}

static void
session_close(ssh_session ssh, ssh_channel channel, void *userdata)
{
	struct session	*s = userdata;

	(void)ssh, (void)channel;
	s->client_gone = 1;
	s->gone_why = "the client closed the channel";
}

/* One process serves one channel, so one table of callbacks. */
static struct ssh_channel_callbacks_struct session_callbacks = {
	.channel_pty_request_function = session_pty_request,
	.channel_pty_window_change_function = session_window_change,
	.channel_env_request_function = session_env,
	.channel_shell_request_function = session_shell_request,
	.channel_exec_request_function = session_exec_request,
	.channel_data_function = session_data,
	.channel_eof_function = session_eof,
	.channel_close_function = session_close,
};

ssh_channel
session_channel_open(ssh_session ssh, void *userdata)
{
	struct session	*s = userdata;

	/* One session channel per connection. */
	if (s->channel != NULL || s->user == NULL)
		return NULL;
	if ((s->channel = ssh_channel_new(ssh)) == NULL)
		return NULL;
	/* Before returning, so no request can come before its callback. */
	session_callbacks.userdata = s;
	ssh_callbacks_init(&session_callbacks);
	ssh_set_channel_callbacks(s->channel, &session_callbacks);
	return s->channel;
}

/* Reap the child if it has ended. */
static void
session_reap(struct session *s)
{
	int	 status;

	if (s->child == -1 || !session_sigchld)
		return;
	session_sigchld = 0;
	if (waitpid(s->child, &status, WNOHANG) == s->child) {
		s->child = -1;
		s->child_status = status;
		s->child_done = 1;
		s->child_done_at = time(NULL);
	}
}

/* Hang up the child and wait for it, killing it after a grace time. */
static void
session_end_child(struct session *s)
{
	struct timespec	 ts = { 0, 50 * 1000000L };
	int		 i;

	if (s->child == -1)
		return;
	kill(s->child, SIGHUP);
	kill(s->child, SIGTERM);
	/* Closing the master hangs up the pty too. */
	session_relay_close(s);
	for (i = 0; i < SESSION_CHILD_GRACE * 20 && s->child != -1; i++) {
		session_sigchld = 1;
		session_reap(s);
		if (s->child != -1)
			nanosleep(&ts, NULL);
	}
	if (s->child != -1) {
		log_warn("conn %lu: child %ld did not end; killing it",
		    s->conn_id, (long)s->child);
		kill(s->child, SIGKILL);
		while (waitpid(s->child, &s->child_status, 0) == -1 &&
		    errno == EINTR)
			;
		s->child = -1;
	}
}

/*
 * Follow the bytes received; with client_alive_interval, ask a silent
 * client and give up on one that never answers. Without it the kernel's
 * TCP keepalive finds a dead peer, and no timer wakes the process.
 */
static void
session_keepalive(struct session *s)
{
	time_t	 now = time(NULL);
	int	 every = s->cfg->client_alive_interval;

	if (s->counter->in_bytes != s->rx_bytes) {
		s->rx_bytes = s->counter->in_bytes;
		s->last_rx = now;
		return;
	}
	if (every <= 0)
		return;
	if (now - s->last_rx >= (time_t)every * SESSION_DEAD_ASKS) {
		s->client_gone = 1;
		s->gone_why = "no answer from the client";
		return;
	}
	if (now - s->last_rx >= every && now - s->keepalive_at >= every) {
		s->keepalive_at = now;
		ssh_send_keepalive(s->ssh);
	}
}

/* Keep the earlier of *next and t (0: none yet). */
static void
session_sooner(time_t *next, time_t t)
{
	if (*next == 0 || t < *next)
		*next = t;
}

/*
 * Milliseconds until the next thing the loop must do by itself: the end
 * of the time to start a shell, a keepalive, the end of a dead child's
 * output; -1 when only the client, the child or a signal can wake it.
 */
static int
session_next_ms(const struct session *s)
{
	time_t	 next = 0, now = time(NULL);
	int	 every = s->cfg->client_alive_interval, frame, ms;

	if (!s->started)
		session_sooner(&next, s->since + s->cfg->login_grace_time + 1);
	if (s->child_done)
		session_sooner(&next, s->child_done_at + SESSION_DRAIN + 1);
	if (every > 0) {
		session_sooner(&next, (s->keepalive_at > s->last_rx ?
		    s->keepalive_at : s->last_rx) + every);
		session_sooner(&next, s->last_rx +
		    (time_t)every * SESSION_DEAD_ASKS);
	}
	frame = session_relay_next_ms(s);
	if (next == 0)
		return frame;
	ms = next <= now ? 1000 : (int)(next - now) * 1000;
	return frame >= 0 && frame < ms ? frame : ms;
}

/* Signal names as RFC 4254 spells them, for exit-signal. */
static const struct {
	int		 sig;
	const char	*name;
} session_signal_names[] = {
	{ SIGABRT, "ABRT" }, { SIGALRM, "ALRM" }, { SIGFPE, "FPE" },
	{ SIGHUP, "HUP" }, { SIGILL, "ILL" }, { SIGINT, "INT" },
	{ SIGKILL, "KILL" }, { SIGPIPE, "PIPE" }, { SIGQUIT, "QUIT" },
	{ SIGSEGV, "SEGV" }, { SIGTERM, "TERM" }, { SIGUSR1, "USR1" },
	{ SIGUSR2, "USR2" },
};

/* Send how the child ended, then EOF and close. */
static void
session_send_exit(struct session *s)
{
	const char	*name = "KILL";
	int		 status = s->child_status;
	size_t		 i;

	if (WIFSIGNALED(status)) {
		for (i = 0; i < nitems(session_signal_names); i++) {
			if (session_signal_names[i].sig == WTERMSIG(status))
				name = session_signal_names[i].name;
		}
		ssh_channel_request_send_exit_signal(s->channel, name,
		    WCOREDUMP(status) ? 1 : 0, "", "");
	} else
		ssh_channel_request_send_exit_status(s->channel,
		    WEXITSTATUS(status));
	ssh_channel_send_eof(s->channel);
	ssh_channel_close(s->channel);
	ssh_blocking_flush(s->ssh, SESSION_FLUSH_MS);
	log_debug("conn %lu: %s %d", s->conn_id,
	    WIFSIGNALED(status) ? "child killed by signal" : "exit status",
	    WIFSIGNALED(status) ? WTERMSIG(status) : WEXITSTATUS(status));
}

/* 1 when the session is over, one way or the other. */
static int
session_over(struct session *s)
{
	time_t	 now = time(NULL);

	if (ssh_get_status(s->ssh) & (SSH_CLOSED | SSH_CLOSED_ERROR) ||
	    !ssh_is_connected(s->ssh)) {
		s->client_gone = 1;
		if (s->gone_why == NULL)
			s->gone_why = "connection lost";
	}
	if (s->client_gone)
		return 1;
	if (!s->started && now - s->since > s->cfg->login_grace_time) {
		s->client_gone = 1;
		s->gone_why = "no shell or command requested in time";
		return 1;
	}
	if (!s->child_done)
		return 0;
	return session_relay_drained(s) || now - s->child_done_at > SESSION_DRAIN;
}

/* After our close: let the client close too before the connection goes. */
static void
session_wait_close(struct session *s)
{
	struct timespec	 start, now;
	long		 ms = 0;

	clock_gettime(CLOCK_MONOTONIC, &start);
	while (!s->client_gone && ms < SESSION_FLUSH_MS) {
		ssh_event_dopoll(s->event, 100);
		if (ssh_get_status(s->ssh) & (SSH_CLOSED | SSH_CLOSED_ERROR) ||
		    !ssh_is_connected(s->ssh))
			break;
		clock_gettime(CLOCK_MONOTONIC, &now);
		ms = (now.tv_sec - start.tv_sec) * 1000 +
		    (now.tv_nsec - start.tv_nsec) / 1000000;
	}
}

int
session_run(struct session *s)
{
	ssh_set_blocking(s->ssh, 0);
	if (session_sigpipe[0] != -1)
		ssh_event_add_fd(s->event, session_sigpipe[0], POLLIN,
		    session_signal_ready, NULL);
	for (;;) {
		if (session_sigterm && !s->terminating) {
			s->terminating = 1;
			if (s->child == -1) {
				s->client_gone = 1;
				s->gone_why = "the server is stopping";
			} else {
				/* The UI saves what it can and ends. */
				kill(s->child, SIGTERM);
			}
		}
		session_relay_polls(s);
		ssh_event_dopoll(s->event, session_next_ms(s));
		session_keepalive(s);
		session_relay_pump(s);
		session_reap(s);
		if (session_over(s))
			break;
	}
	if (session_sigpipe[0] != -1)
		ssh_event_remove_fd(s->event, session_sigpipe[0]);
	if (s->client_gone) {
		log_info("conn %lu: session ended: %s", s->conn_id, s->gone_why);
		session_end_child(s);
		return -1;
	}
	session_send_exit(s);
	session_wait_close(s);
	return 0;
}
