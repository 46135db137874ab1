/*
 * One connection process: key exchange and authentication under a login
 * grace time, one line in the log saying how the connection went, the
 * login audited, then the session (session-*.c). The database is open
 * only while keys are checked and is closed before any child is forked.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>

#ifdef __GLIBC__
#include <malloc.h>
#endif
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

/* The alarm is a backstop behind the deadline the loops check. */
#define CONN_ALARM_SLACK	5

/* Everything of one connection; the server callbacks share one userdata. */
struct conn {
	const struct server_conn_start	*start;
	struct qd_config		*cfg;
	const char			*db_path;
	ssh_session			 ssh;
	ssh_event			 event;
	struct server_auth		 auth;
	struct session			 session;
	struct qd_terminal		 terminal;	/* until the session */
	time_t				 deadline;
};

/* The compression methods offered for each setting. */
static const char *conn_compression[] = {
	[COMPRESSION_NO] = "none",
	[COMPRESSION_YES] = "none,zlib@openssh.com",
	[COMPRESSION_FORCE] = "zlib@openssh.com",
};

static int
conn_auth_pubkey(ssh_session ssh, const char *login, struct ssh_key_struct *key,
    char state, void *userdata)
{
	struct conn	*c = userdata;

	return server_auth_pubkey(ssh, login, key, state, &c->auth);
}

static ssh_channel
conn_channel_open(ssh_session ssh, void *userdata)
{
	struct conn	*c = userdata;

	return session_channel_open(ssh, &c->session);
}

/*
 * Every authentication request the server callbacks leave (none,
 * password, keyboard-interactive, host-based) is refused, and counts
 * against max_auth_tries but for the first "none", which clients send to
 * learn the methods. Returning 1 has libssh send the refusal.
 */
static int
conn_message(ssh_session ssh, ssh_message msg, void *userdata)
{
	struct conn	*c = userdata;

	(void)ssh;
	if (ssh_message_type(msg) != SSH_REQUEST_AUTH || c->auth.user != NULL)
		return 1;
	if (ssh_message_subtype(msg) == SSH_AUTH_METHOD_NONE &&
	    !c->auth.none_seen)
		c->auth.none_seen = 1;
	else {
		c->auth.failures++;
		log_debug("conn %lu from %s: method %d refused (%d of %d)",
		    c->start->conn_id, c->start->peer, ssh_message_subtype(msg),
		    c->auth.failures, c->auth.max_tries);
	}
	return 1;
}

/*
 * libssh drops a public-key request whose signature does not verify
 * without an answer, so the client would wait out the grace time; it
 * says so only in its log, which is watched while logging in, and the
 * connection is then refused at once.
 */
static struct conn *conn_logging;

static void
conn_libssh_log(int priority, const char *function, const char *buffer,
    void *userdata)
{
	(void)priority;
	(void)function;
	(void)userdata;
	if (conn_logging != NULL && strstr(buffer, "invalid signature") != NULL)
		conn_logging->auth.bad_signature = 1;
}

static struct ssh_server_callbacks_struct conn_callbacks = {
	.auth_pubkey_function = conn_auth_pubkey,
	.channel_open_request_session_function = conn_channel_open,
};

/*
 * After our disconnect message: send FIN and read what the client still
 * sends until it closes (a second at most). Closing with unread bytes
 * would reset the connection and the client would never show our reason.
 */
static void
conn_linger(int fd)
{
	struct pollfd	 pfd = { .fd = fd, .events = POLLIN };
	char		 buf[4096];
	int		 i;

	shutdown(fd, SHUT_WR);
	for (i = 0; i < 10 && poll(&pfd, 1, 100) >= 0; i++) {
		if (pfd.revents != 0 && read(fd, buf, sizeof buf) <= 0)
			break;
	}
	close(fd);
}

/* The exit status that tells the listener how a login ended. */
static int
conn_exit_status(const struct conn *c, const char *outcome)
{
	if (c->auth.user != NULL || session_terminate_requested())
		return 0;
	if (strcmp(outcome, "denied") == 0)
		return SERVER_CONN_AUTHFAIL;
	if (strcmp(outcome, "timeout") == 0)
		return SERVER_CONN_GRACE;
	return SERVER_CONN_NOAUTH;
}

/* Log how the connection went, in one line, and end the process. */
static void __attribute__((noreturn))
conn_end(struct conn *c, const char *outcome, const char *detail)
{
	const char	*login = c->auth.last_login;
	int		 keep = -1;

	log_info("conn %lu from %s user '%s': %s%s%s%s", c->start->conn_id,
	    c->start->peer, login[0] != '\0' ? login : "-", outcome,
	    detail != NULL ? " (" : "", detail != NULL ? detail : "",
	    detail != NULL ? ")" : "");
	if (c->auth.db != NULL)
		db_close(c->auth.db);
	if (c->ssh != NULL) {
		if (ssh_is_connected(c->ssh)) {
			keep = dup(c->start->fd);
			/* Else libssh may queue the reason and close unsent. */
			ssh_set_fd_towrite(c->ssh);
			ssh_disconnect(c->ssh);
		}
		ssh_free(c->ssh);
	}
	if (keep != -1)
		conn_linger(keep);
	_exit(conn_exit_status(c, outcome));
}

/* Socket options: interactive traffic, and the kernel's dead-peer check. */
static void
conn_socket_options(int fd)
{
	int	 one = 1, idle = 60, intvl = 15, cnt = 4;

	setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
	setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &one, sizeof one);
#ifdef TCP_KEEPIDLE
	setsockopt(fd, IPPROTO_TCP, TCP_KEEPIDLE, &idle, sizeof idle);
	setsockopt(fd, IPPROTO_TCP, TCP_KEEPINTVL, &intvl, sizeof intvl);
	setsockopt(fd, IPPROTO_TCP, TCP_KEEPCNT, &cnt, sizeof cnt);
#else
	(void)idle, (void)intvl, (void)cnt;
#endif
}

/* Session options: a timeout for every wait, and compression. */
static int
conn_ssh_options(struct conn *c)
{
	long		 timeout = 1;
	const char	*comp = conn_compression[c->cfg->compression];

	if (ssh_options_set(c->ssh, SSH_OPTIONS_TIMEOUT, &timeout) != SSH_OK ||
	    ssh_options_set(c->ssh, SSH_OPTIONS_COMPRESSION_C_S,
	    comp) != SSH_OK ||
	    ssh_options_set(c->ssh, SSH_OPTIONS_COMPRESSION_S_C, comp) != SSH_OK)
		return -1;
	ssh_callbacks_init(&conn_callbacks);
	conn_callbacks.userdata = c;
	if (ssh_set_server_callbacks(c->ssh, &conn_callbacks) != SSH_OK)
		return -1;
	ssh_set_auth_methods(c->ssh, SSH_AUTH_METHOD_PUBLICKEY);
	ssh_set_message_callback(c->ssh, conn_message, c);
	return 0;
}

/* Stop with "timeout" once the login grace time is over. */
static void
conn_check_deadline(struct conn *c)
{
	char	 detail[64];

	if (session_terminate_requested())
		conn_end(c, "disconnected", "the server is stopping");
	if (time(NULL) < c->deadline)
		return;
	snprintf(detail, sizeof detail, "no login in %d s",
	    c->cfg->login_grace_time);
	conn_end(c, "timeout", detail);
}

static void
conn_key_exchange(struct conn *c)
{
	int	 rc;

	while ((rc = ssh_handle_key_exchange(c->ssh)) == SSH_AGAIN)
		conn_check_deadline(c);
	if (rc != SSH_OK) {
		conn_check_deadline(c);
		conn_end(c, "disconnected", "in key exchange");
	}
}

/* Milliseconds to the end of the login grace time: nothing else is due. */
static int
conn_wait_ms(const struct conn *c)
{
	time_t	 left = c->deadline - time(NULL);

	return left > 0 ? (int)left * 1000 : 0;
}

/* Wait for a key proved by a signature, within the grace time. */
static void
conn_authenticate(struct conn *c)
{
	char	*why = NULL, detail[64];

	if (db_open(c->db_path, 0, &c->auth.db, &why) != QD_OK) {
		log_error("conn %lu: %s", c->start->conn_id, why);
		free(why);
		c->auth.db = NULL;
		conn_end(c, "denied", "database unavailable");
	}
	if ((c->event = ssh_event_new()) == NULL ||
	    ssh_event_add_session(c->event, c->ssh) != SSH_OK)
		conn_end(c, "disconnected", "out of memory");
	conn_logging = c;
	ssh_set_log_callback(conn_libssh_log);
	ssh_set_log_level(SSH_LOG_PACKET);
	while (c->auth.user == NULL) {
		if (c->auth.bad_signature) {
			/*
			 * libssh 0.10 has no public way to send the failure
			 * itself: a forged signature ends the connection.
			 */
			ssh_session_set_disconnect_message(c->ssh,
			    "Authentication failed: bad signature");
			conn_end(c, "denied", "a signature that does not"
			    " verify");
		}
		if (c->auth.failures >= c->cfg->max_auth_tries) {
			snprintf(detail, sizeof detail, "%d attempts refused",
			    c->auth.failures);
			ssh_session_set_disconnect_message(c->ssh,
			    "Too many authentication failures");
			conn_end(c, "denied", detail);
		}
		ssh_event_dopoll(c->event, conn_wait_ms(c));
		if (ssh_get_status(c->ssh) & (SSH_CLOSED | SSH_CLOSED_ERROR) ||
		    !ssh_is_connected(c->ssh))
			conn_end(c, c->auth.failures > 0 ? "denied" :
			    "disconnected", c->auth.failures > 0 ?
			    "the client gave up" : "before login");
		conn_check_deadline(c);
	}
	ssh_set_log_level(SSH_LOG_NOLOG);
	ssh_set_log_callback(NULL);
	conn_logging = NULL;
}

/* Audit the login, then close the database: no child may inherit it. */
static void
conn_audit_login(struct conn *c)
{
	sqlite3	*db = c->auth.db;
	char	 detail[192];

	snprintf(detail, sizeof detail, "%s key %s", c->auth.via,
	    c->auth.fingerprint);
	if (db_set_actor(db, c->auth.user) != QD_OK || db_begin(db) != QD_OK)
		goto fail;
	if (db_audit(db, "login", "users", c->auth.user->id, detail) != QD_OK) {
		db_rollback(db);
		goto fail;
	}
	if (db_commit(db) != QD_OK)
		goto fail;
	/* Without its settings the user gets the defaults, and can work. */
	if (db_user_terminal(db, c->auth.user, &c->terminal) != QD_OK)
		log_warn("conn %lu: cannot read the terminal settings: %s",
		    c->start->conn_id, db_errmsg(db));
	db_close(db);
	c->auth.db = NULL;
#ifdef __GLIBC__
	/* The database's cache is freed: give its pages back for the session. */
	malloc_trim(0);
#endif
	return;
fail:
	/* A login that cannot be audited does not happen. */
	log_error("conn %lu: cannot audit the login: %s", c->start->conn_id,
	    db_errmsg(db));
	conn_end(c, "denied", "audit failed");
}

void
server_conn_main(const struct server_conn_start *start, struct qd_config *cfg,
    const char *db_path)
{
	struct conn	 c;
	char		 detail[128];
	int		 rc;

	memset(&c, 0, sizeof c);
	c.start = start;
	c.cfg = cfg;
	c.db_path = db_path;
	c.auth.peer = start->peer;
	c.auth.conn_id = start->conn_id;
	c.auth.max_tries = cfg->max_auth_tries;
	snprintf(c.auth.via, sizeof c.auth.via, "ssh %s", start->peer);
	c.deadline = time(NULL) + cfg->login_grace_time;
	/* Terminal signals go to the listener; it tells us with SIGTERM. */
	setpgid(0, 0);
	session_signals_init();
	alarm((unsigned)(cfg->login_grace_time + CONN_ALARM_SLACK));

	conn_socket_options(start->fd);
	if ((c.ssh = ssh_new()) == NULL)
		conn_end(&c, "disconnected", "out of memory");
	if (ssh_bind_accept_fd(start->bind, c.ssh, start->fd) != SSH_OK) {
		log_error("conn %lu: %s", start->conn_id,
		    ssh_get_error(start->bind));
		conn_end(&c, "disconnected", "accept failed");
	}
	if (conn_ssh_options(&c) != 0) {
		log_error("conn %lu: %s", start->conn_id, ssh_get_error(c.ssh));
		conn_end(&c, "disconnected", "setup failed");
	}
	conn_key_exchange(&c);
	conn_authenticate(&c);
	alarm(0);
	conn_audit_login(&c);
	/*
	 * The listener counts us as logged in from here (max_startups), and
	 * ends the session if the account is disabled or changed.
	 */
	snprintf(detail, sizeof detail, "A%lld %s %lld\n",
	    (long long)c.auth.user->id, role_name(c.auth.user->role),
	    (long long)c.auth.user->office_id);
	(void)write(start->auth_fd, detail, strlen(detail));
	close(start->auth_fd);

	server_auth_escape(c.auth.last_login, sizeof c.auth.last_login,
	    c.auth.user->login);
	snprintf(detail, sizeof detail, "key %s", c.auth.fingerprint);
	log_info("conn %lu from %s user '%s': ok (%s)", start->conn_id,
	    start->peer, c.auth.last_login, detail);
	session_init(&c.session, c.ssh, c.event, start->conn_id, c.auth.user,
	    cfg, db_path);
	c.session.terminal = c.terminal;	/* the session frees it */
	rc = session_run(&c.session);
	log_debug("conn %lu: session ended%s", start->conn_id,
	    rc == 0 ? "" : " without an exit status");
	session_free(&c.session);
	ssh_event_free(c.event);
	ssh_disconnect(c.ssh);
	ssh_free(c.ssh);
	user_free(c.auth.user);
	_exit(0);
}
