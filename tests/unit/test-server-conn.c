/*
 * The connection process end to end, without the network: a libssh client
 * on one end of a socketpair, server_conn_main in a child on the other,
 * a temporary database with one user and one key. Checks authentication,
 * exec, requests in any order, and that a dropped client ends every
 * process of its session.
 */
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>

#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <libssh/libssh.h>
#include <libssh/server.h>

#include "qualdesk.h"
#include "tap.h"

static char		 dir[64];
static char		*db_path;
static ssh_bind		 bind_;
static ssh_key		 user_key, other_key;
static struct qd_config	 cfg;

/* A database with fuzhou (liaison) holding user_key. */
static void
setup_db(void)
{
	struct qd_user_new	 nu = { "fuzhou", "测试", ROLE_LIAISON, "fuzhou" };
	struct qd_user		*op = user_local_operator();
	sqlite3			*db;
	char			*b64 = NULL, *line, *why = NULL;
	int			 added = 0;

	xasprintf(&db_path, "%s/test.db", dir);
	if (db_open(db_path, DB_CREATE, &db, &why) != QD_OK ||
	    db_set_actor(db, op) != QD_OK ||
	    db_user_add(db, op, &nu, &why) != QD_OK) {
		printf("Bail out! database: %s\n", why != NULL ? why : "?");
		exit(1);
	}
	ssh_pki_export_pubkey_base64(user_key, &b64);
	xasprintf(&line, "ssh-ed25519 %s test", b64);
	if (db_key_add(db, op, "fuzhou", line, &added, &why) != QD_OK) {
		printf("Bail out! key: %s\n", why != NULL ? why : "?");
		exit(1);
	}
	ssh_string_free_char(b64);
	free(line);
	db_close(db);
	user_free(op);
}

static void
setup_bind(void)
{
	ssh_key	 host;
	bool	 no = false;

	bind_ = ssh_bind_new();
	ssh_bind_options_set(bind_, SSH_BIND_OPTIONS_PROCESS_CONFIG, &no);
	ssh_pki_generate(SSH_KEYTYPE_ED25519, 0, &host);
	ssh_bind_options_set(bind_, SSH_BIND_OPTIONS_IMPORT_KEY, host);
}

/* Fork a connection process on one end of a socketpair; *fd: the other. */
static pid_t
start_conn(int *fd, unsigned long id)
{
	struct server_conn_start	 start;
	int				 sv[2], auth[2];
	pid_t				 pid;

	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == -1 || pipe(auth) == -1)
		exit(99);
	if ((pid = fork()) == 0) {
		close(sv[0]);
		close(auth[0]);
		start.fd = sv[1];
		start.conn_id = id;
		start.peer = "test:1";
		start.bind = bind_;
		start.auth_fd = auth[1];
		server_conn_main(&start, &cfg, db_path);
	}
	close(sv[1]);
	close(auth[1]);
	close(auth[0]);
	*fd = sv[0];
	return pid;
}

/* A client connected over fd as login, or NULL. */
static ssh_session
client_connect(int fd, const char *login)
{
	ssh_session	 cs = ssh_new();
	bool		 no = false;
	long		 timeout = 10;

	ssh_options_set(cs, SSH_OPTIONS_FD, &fd);
	ssh_options_set(cs, SSH_OPTIONS_HOST, "test");
	ssh_options_set(cs, SSH_OPTIONS_USER, login);
	ssh_options_set(cs, SSH_OPTIONS_PROCESS_CONFIG, &no);
	ssh_options_set(cs, SSH_OPTIONS_TIMEOUT, &timeout);
	if (ssh_connect(cs) != SSH_OK) {
		ssh_free(cs);
		return NULL;
	}
	return cs;
}

/* Wait up to seconds for pid; its status, or -1 if it is still there. */
static int
wait_for(pid_t pid, int seconds)
{
	struct timespec	 ts = { 0, 20 * 1000000L };
	int		 status, i;

	for (i = 0; i < seconds * 50; i++) {
		if (waitpid(pid, &status, WNOHANG) == pid)
			return status;
		nanosleep(&ts, NULL);
	}
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
	return -1;
}

/*
 * Read a channel to its end: stdout into out, stderr into err, each cut
 * at its size (what does not fit is read and dropped, so that a long
 * text cannot stall the channel).
 */
static void
read_all(ssh_channel ch, char *out, size_t outsz, char *err, size_t errsz)
{
	char	 spill[1024];
	size_t	 o = 0, e = 0;
	int	 n;

	while (!ssh_channel_is_eof(ch)) {
		if (o + 1 < outsz)
			n = ssh_channel_read_timeout(ch, out + o, outsz - o - 1,
			    0, 5000);
		else
			n = ssh_channel_read_timeout(ch, spill, sizeof spill, 0,
			    5000);
		if (n > 0 && o + 1 < outsz)
			o += n;
		if (n < 0)
			break;
		if (e + 1 < errsz)
			n = ssh_channel_read_timeout(ch, err + e, errsz - e - 1,
			    1, 10);
		else
			n = ssh_channel_read_timeout(ch, spill, sizeof spill, 1,
			    10);
		if (n > 0 && e + 1 < errsz)
			e += n;
		if (n < 0)
			break;
	}
	out[o] = err[e] = '\0';
}

/* Run command (on a pty when cols is not 0); returns the exit status. */
static int
run_exec(ssh_session cs, const char *command, int cols, char *out,
    size_t outsz, char *err, size_t errsz)
{
	ssh_channel	 ch = ssh_channel_new(cs);
	int		 status;

	if (ssh_channel_open_session(ch) != SSH_OK)
		return -1;
	if (cols != 0) {
		ssh_channel_request_pty_size(ch, "xterm", cols, 24);
		/* A resize before the command must not hang anything. */
		ssh_channel_change_pty_size(ch, cols + 20, 40);
	}
	if (ssh_channel_request_exec(ch, command) != SSH_OK)
		return -1;
	read_all(ch, out, outsz, err, errsz);
	status = ssh_channel_get_exit_status(ch);
	ssh_channel_close(ch);
	ssh_channel_free(ch);
	return status;
}

static void
test_exec(void)
{
	ssh_session	 cs;
	char		 out[8192], err[8192];
	pid_t		 pid;
	int		 fd;

	pid = start_conn(&fd, 1);
	cs = client_connect(fd, "fuzhou");
	ok(cs != NULL, "key exchange");
	if (cs == NULL)
		return;
	is_int(ssh_userauth_try_publickey(cs, NULL, other_key), SSH_AUTH_DENIED,
	    "a probe with a wrong key is refused");
	is_int(ssh_userauth_try_publickey(cs, NULL, user_key), SSH_AUTH_SUCCESS,
	    "a probe with the right key is accepted");
	is_int(ssh_userauth_publickey(cs, NULL, user_key), SSH_AUTH_SUCCESS,
	    "the signed key logs in");
	is_int(run_exec(cs, "whoami", 0, out, sizeof out, err, sizeof err), 0,
	    "exec whoami exits 0");
	ok(strstr(out, "login: fuzhou\n") != NULL, "whoami names the user");
	ok(strstr(out, "via: ssh test:1") != NULL, "whoami says where from");
	ssh_disconnect(cs);
	ssh_free(cs);
	is_int(wait_for(pid, 10), 0, "the connection process ends cleanly");
}

/* One command on a fresh connection: one session channel each. */
static int
exec_once(unsigned long id, const char *command, int cols, char *out,
    size_t outsz, char *err, size_t errsz)
{
	ssh_session	 cs;
	pid_t		 pid;
	int		 fd, rc = -1;

	pid = start_conn(&fd, id);
	if ((cs = client_connect(fd, "fuzhou")) != NULL &&
	    ssh_userauth_publickey(cs, NULL, user_key) == SSH_AUTH_SUCCESS)
		rc = run_exec(cs, command, cols, out, outsz, err, errsz);
	if (cs != NULL) {
		ssh_disconnect(cs);
		ssh_free(cs);
	}
	if (wait_for(pid, 10) != 0)
		rc = -2;
	return rc;
}

static void
test_exec_errors(void)
{
	char	 out[8192], err[8192];

	is_int(exec_once(2, "whoami 'open", 0, out, sizeof out, err,
	    sizeof err), QD_EXIT_USAGE, "an unterminated quote exits 2");
	ok(strstr(err, "unterminated") != NULL, "and says why on stderr");
	is_int(exec_once(3, "frobnicate", 0, out, sizeof out, err, sizeof err),
	    QD_EXIT_USAGE, "an unknown command exits 2");
	is_int(exec_once(4, "serve", 0, out, sizeof out, err, sizeof err),
	    QD_EXIT_DENIED, "serve is refused over SSH");
	is_int(exec_once(5, "whoami", 80, out, sizeof out, err, sizeof err), 0,
	    "whoami on a pty, resized before it starts");
	ok(strstr(out, "login: fuzhou\r\n") != NULL,
	    "a pty turns \\n into \\r\\n");
}

/* Unknown user and wrong key: the same refusal; too many: disconnected. */
static void
test_refusals(void)
{
	ssh_session	 cs;
	pid_t		 pid;
	int		 fd, rc, i, st;

	pid = start_conn(&fd, 6);
	if ((cs = client_connect(fd, "nobody")) == NULL) {
		ok(0, "connect as nobody");
		return;
	}
	is_int(ssh_userauth_try_publickey(cs, NULL, user_key), SSH_AUTH_DENIED,
	    "an unknown user's probe is refused");
	is_int(ssh_userauth_publickey(cs, NULL, user_key), SSH_AUTH_DENIED,
	    "an unknown user is refused like a wrong key");
	ssh_disconnect(cs);
	ssh_free(cs);
	wait_for(pid, 10);

	cfg.max_auth_tries = 3;
	pid = start_conn(&fd, 7);
	if ((cs = client_connect(fd, "fuzhou")) == NULL) {
		ok(0, "connect for max_auth_tries");
		return;
	}
	/* The libssh client may only notice the disconnect by timing out. */
	ssh_options_set(cs, SSH_OPTIONS_TIMEOUT, &(long){ 1 });
	for (i = 0; i < 6; i++) {
		if ((rc = ssh_userauth_publickey(cs, NULL, other_key)) !=
		    SSH_AUTH_DENIED)
			break;
	}
	ok(rc != SSH_AUTH_DENIED && i == 3,
	    "disconnected after max_auth_tries (3) refusals (%d, rc %d)", i, rc);
	ssh_free(cs);
	st = wait_for(pid, 10);
	ok(WIFEXITED(st) && WEXITSTATUS(st) == SERVER_CONN_AUTHFAIL,
	    "that connection process ends, telling the listener its tries"
	    " were refused");

	/* Passwords and keyboard-interactive count too; one "none" is free. */
	pid = start_conn(&fd, 8);
	if ((cs = client_connect(fd, "fuzhou")) == NULL) {
		ok(0, "connect for password tries");
		return;
	}
	ssh_options_set(cs, SSH_OPTIONS_TIMEOUT, &(long){ 1 });
	is_int(ssh_userauth_none(cs, NULL), SSH_AUTH_DENIED,
	    "\"none\" is refused");
	for (i = 0; i < 6; i++) {
		rc = i % 2 == 0 ? ssh_userauth_password(cs, NULL, "guess") :
		    ssh_userauth_kbdint(cs, NULL, NULL);
		if (rc != SSH_AUTH_DENIED)
			break;
	}
	ok(rc != SSH_AUTH_DENIED && i == 3, "disconnected after 3 password and"
	    " keyboard-interactive tries (%d, rc %d)", i, rc);
	ssh_free(cs);
	st = wait_for(pid, 10);
	ok(WIFEXITED(st) && WEXITSTATUS(st) == SERVER_CONN_AUTHFAIL,
	    "and the process says so");
	cfg.max_auth_tries = 6;
}

/* The UI on a pty: it draws; a dropped client ends both processes. */
static void
test_shell_drop(void)
{
	ssh_session	 cs;
	ssh_channel	 ch;
	char		 buf[65536] = "";
	size_t		 got = 0;
	pid_t		 pid, stray;
	int		 fd, n, status, i;

	pid = start_conn(&fd, 8);
	if ((cs = client_connect(fd, "fuzhou")) == NULL ||
	    ssh_userauth_publickey(cs, NULL, user_key) != SSH_AUTH_SUCCESS) {
		ok(0, "login for the shell");
		return;
	}
	ch = ssh_channel_new(cs);
	ssh_channel_open_session(ch);
	/* Resize first, then ask for the pty, then the shell. */
	ssh_channel_request_pty_size(ch, "xterm-256color", 80, 24);
	ssh_channel_change_pty_size(ch, 100, 30);
	ok(ssh_channel_request_shell(ch) == SSH_OK, "shell accepted");
	for (i = 0; i < 50 && strstr(buf, "F10") == NULL; i++) {
		n = ssh_channel_read_timeout(ch, buf + got, sizeof buf - got - 1,
		    0, 200);
		if (n > 0)
			got += n;
		buf[got] = '\0';
	}
	ok(strstr(buf, "F10") != NULL, "the UI draws its key bar");
	ssh_channel_change_pty_size(ch, 120, 40);
	ssh_channel_read_timeout(ch, buf, sizeof buf - 1, 0, 300);
	/* Drop the client at once: no EOF, no close, just the socket. */
	shutdown(fd, SHUT_RDWR);
	close(fd);
	status = wait_for(pid, 10);
	is_int(status, 0, "the connection process ends when the client drops");
	/* The UI would be re-parented to us (the subreaper) if left behind. */
	for (i = 0, stray = 0; i < 25 && stray == 0; i++) {
		stray = waitpid(-1, &status, WNOHANG);
		if (stray == 0)
			usleep(20000);
	}
	ok(stray <= 0, "no UI process is left behind (%ld)", (long)stray);
	ssh_free(cs);
}

/* The database and its WAL files. */
static void
remove_db(void)
{
	static const char	*suffix[] = { "", "-wal", "-shm", "-journal" };
	char			*p;
	size_t			 i;

	for (i = 0; i < nitems(suffix); i++) {
		xasprintf(&p, "%s%s", db_path, suffix[i]);
		unlink(p);
		free(p);
	}
}

int
main(void)
{
	char	 tmpl[] = "/tmp/test-server-conn.XXXXXX";

	signal(SIGPIPE, SIG_IGN);
	prctl(PR_SET_CHILD_SUBREAPER, 1);
	if (mkdtemp(tmpl) == NULL)
		return 99;
	snprintf(dir, sizeof dir, "%s", tmpl);
	config_defaults(&cfg);
	cfg.login_grace_time = 10;
	log_open("stderr", getenv("TEST_DEBUG") ? LOG_LEVEL_DEBUG : LOG_LEVEL_WARN, QD_NAME);
	ssh_pki_generate(SSH_KEYTYPE_ED25519, 0, &user_key);
	ssh_pki_generate(SSH_KEYTYPE_ED25519, 0, &other_key);
	setup_db();
	setup_bind();

	test_exec();
	test_exec_errors();
	test_refusals();
	test_shell_drop();

	ssh_bind_free(bind_);
	ssh_key_free(user_key);
	ssh_key_free(other_key);
	config_free(&cfg);
	remove_db();
	free(db_path);
	rmdir(dir);
	return done_testing();
}
