/*
 * The listener: binds, accepts, forks one connection process per client,
 * reaps them and handles signals. It never reads a byte a client sends, so
 * nothing a client does can take it down; the libssh work happens in the
 * connection process (server-conn.c).
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <sys/types.h>
#include <sys/inotify.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <netinet/in.h>

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <netdb.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <libssh/libssh.h>
#include <libssh/server.h>

#include "qualdesk.h"

#define LISTEN_MAX_FDS		64
#define LISTEN_BACKLOG		128
#define LISTEN_ADDR_MAX		104	/* "[host%scope]:port" */
#define LISTEN_ACCOUNT_CHECK	1	/* seconds at least between account checks */
#define LISTEN_PENALTIES_MAX	4096	/* addresses remembered */

/* An address refused for a while for what its connections did. */
struct listen_penalty {
	char		 addr[LISTEN_ADDR_MAX];	/* without the port */
	time_t		 until;
};

/* Only modern algorithms (see qualdesk.conf(5)). */
#define LISTEN_KEX	"curve25519-sha256,curve25519-sha256@libssh.org"
/*
 * The CTR ciphers come last, as in OpenSSH's list, for clients without
 * the AEAD ones (Debian 12's paramiko); they need a MAC, the
 * encrypt-then-MAC ones first.
 */
#define LISTEN_CIPHERS	"chacha20-poly1305@openssh.com," \
			"aes256-gcm@openssh.com,aes128-gcm@openssh.com," \
			"aes128-ctr,aes256-ctr"
#define LISTEN_MACS	"hmac-sha2-256-etm@openssh.com," \
			"hmac-sha2-512-etm@openssh.com,hmac-sha2-256,hmac-sha2-512"
#define LISTEN_KEYTYPES	"ssh-ed25519,ecdsa-sha2-nistp256,ecdsa-sha2-nistp384," \
			"ecdsa-sha2-nistp521,rsa-sha2-512,rsa-sha2-256"

/* One connection process. */
struct listen_child {
	pid_t		 pid;
	unsigned long	 id;
	char		 peer[LISTEN_ADDR_MAX];
	int		 auth_fd;	/* read end; -1 once closed */
	int		 authenticated;
	/* The account as it logged in, from the child's notice. */
	long long	 user_id;
	char		 role[16];
	long long	 office_id;
	int		 ended;		/* told to end: account changed */
};

struct listener {
	struct qd_config	*cfg;
	const char		*db_path;
	ssh_bind		 bind;
	int			 fds[LISTEN_MAX_FDS];
	char			*names[LISTEN_MAX_FDS];
	size_t			 nfds;
	struct listen_child	*children;
	size_t			 nchildren;
	unsigned long		 next_id;
	int			 stopping;
	time_t			 stop_deadline;
	int			 db_watch;	/* inotify on the database's folder */
	time_t			 account_checked;	/* last check */
	time_t			 account_check_at;	/* one is due; 0: none */
	struct listen_penalty	*penalties;
	size_t			 npenalties;
};

/* The write end of the self-pipe, for the signal handler. */
static int listen_sigpipe[2] = { -1, -1 };

static void
listen_signal(int sig)
{
	unsigned char	 c = (unsigned char)sig;
	int		 saved = errno;

	(void)write(listen_sigpipe[1], &c, 1);
	errno = saved;
}

/* A startup error: on stderr for the admin, and in the log if elsewhere. */
static void __attribute__((format(printf, 2, 3)))
listen_startup_error(const struct qd_config *cfg, const char *fmt, ...)
{
	va_list	 ap;
	char	*msg;

	va_start(ap, fmt);
	xvasprintf(&msg, fmt, ap);
	va_end(ap);
	fprintf(stderr, "%s: %s\n", QD_NAME, msg);
	if (cfg->log_target != NULL && strcmp(cfg->log_target, "syslog") == 0)
		log_error("%s", msg);
	free(msg);
}

static int
listen_set_nonblock(int fd)
{
	int	 flags;

	if ((flags = fcntl(fd, F_GETFL)) == -1)
		return -1;
	return fcntl(fd, F_SETFL, flags | O_NONBLOCK);
}

/* "1.2.3.4:5" or "[::1]:5" for a socket address. */
static void
listen_format_addr(const struct sockaddr *sa, socklen_t len, char *buf,
    size_t size)
{
	char	 host[80], serv[16];

	if (getnameinfo(sa, len, host, sizeof host, serv, sizeof serv,
	    NI_NUMERICHOST | NI_NUMERICSERV) != 0) {
		snprintf(buf, size, "?");
		return;
	}
	if (sa->sa_family == AF_INET6)
		snprintf(buf, size, "[%s]:%s", host, serv);
	else
		snprintf(buf, size, "%s:%s", host, serv);
}

/* Open one listening socket for ai. Returns the fd or -1 (errno set). */
static int
listen_socket(const struct addrinfo *ai)
{
	int	 fd, one = 1, saved;

	fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC,
	    ai->ai_protocol);
	if (fd == -1)
		return -1;
	if (setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) == -1)
		goto fail;
	/* [::] must not also take the IPv4 port that 0.0.0.0 binds. */
	if (ai->ai_family == AF_INET6 && setsockopt(fd, IPPROTO_IPV6,
	    IPV6_V6ONLY, &one, sizeof one) == -1)
		goto fail;
	if (bind(fd, ai->ai_addr, ai->ai_addrlen) == -1 ||
	    listen(fd, LISTEN_BACKLOG) == -1 || listen_set_nonblock(fd) == -1)
		goto fail;
	return fd;
fail:
	saved = errno;
	close(fd);
	errno = saved;
	return -1;
}

/*
 * Listen on one "ADDR:PORT". An IPv6 address on a machine without IPv6 is
 * skipped with a warning; anything else failing stops the server.
 */
static int
listen_open_one(struct listener *l, const char *addr)
{
	struct addrinfo	 hints, *res = NULL, *ai;
	char		*host = NULL, *why = NULL, port[16], name[LISTEN_ADDR_MAX];
	int		 rc = QD_ESYS, n, fd;

	if (config_listen_parse(addr, &host, &n, &why) != QD_OK) {
		listen_startup_error(l->cfg, "cannot listen on %s: %s", addr, why);
		free(why);
		return QD_EINVAL;
	}
	snprintf(port, sizeof port, "%d", n);
	memset(&hints, 0, sizeof hints);
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
	if ((n = getaddrinfo(host, port, &hints, &res)) != 0) {
		listen_startup_error(l->cfg, "cannot listen on %s: %s", addr,
		    gai_strerror(n));
		goto out;
	}
	for (ai = res; ai != NULL; ai = ai->ai_next) {
		if (l->nfds == LISTEN_MAX_FDS) {
			listen_startup_error(l->cfg, "cannot listen on %s: more "
			    "than %d sockets", addr, LISTEN_MAX_FDS);
			goto out;
		}
		listen_format_addr(ai->ai_addr, ai->ai_addrlen, name,
		    sizeof name);
		if ((fd = listen_socket(ai)) == -1) {
			if (errno == EAFNOSUPPORT && ai->ai_family == AF_INET6) {
				log_warn("not listening on %s: no IPv6 here",
				    name);
				continue;
			}
			listen_startup_error(l->cfg, "cannot listen on %s: %s",
			    name, strerror(errno));
			goto out;
		}
		l->fds[l->nfds] = fd;
		l->names[l->nfds++] = xstrdup(name);
		log_info("listening on %s", name);
	}
	rc = QD_OK;
out:
	if (res != NULL)
		freeaddrinfo(res);
	free(host);
	return rc;
}

static int
listen_open_all(struct listener *l)
{
	size_t	 i;

	for (i = 0; i < l->cfg->nlisten; i++) {
		if (listen_open_one(l, l->cfg->listen[i]) != QD_OK)
			return QD_ESYS;
	}
	if (l->nfds == 0) {
		listen_startup_error(l->cfg, "no address to listen on");
		return QD_ESYS;
	}
	return QD_OK;
}

static void
listen_close_all(struct listener *l)
{
	size_t	 i;

	for (i = 0; i < l->nfds; i++) {
		close(l->fds[i]);
		free(l->names[i]);
	}
	l->nfds = 0;
}

/* The options of the one ssh_bind every connection is accepted with. */
static const struct {
	enum ssh_bind_options_e	 option;
	const char		*value;
} listen_bind_algorithms[] = {
	{ SSH_BIND_OPTIONS_KEY_EXCHANGE, LISTEN_KEX },
	{ SSH_BIND_OPTIONS_CIPHERS_C_S, LISTEN_CIPHERS },
	{ SSH_BIND_OPTIONS_CIPHERS_S_C, LISTEN_CIPHERS },
	{ SSH_BIND_OPTIONS_HMAC_C_S, LISTEN_MACS },
	{ SSH_BIND_OPTIONS_HMAC_S_C, LISTEN_MACS },
	{ SSH_BIND_OPTIONS_HOSTKEY_ALGORITHMS, LISTEN_KEYTYPES },
	{ SSH_BIND_OPTIONS_PUBKEY_ACCEPTED_KEY_TYPES, LISTEN_KEYTYPES },
};

/*
 * Load the host key and pin the algorithms. The system's libssh server
 * configuration is not read: it could override what is set here.
 */
static int
listen_bind_new(struct listener *l)
{
	ssh_key	 key = NULL;
	bool	 process_config = false;
	char	*fp = NULL;
	size_t	 i;

	if ((l->bind = ssh_bind_new()) == NULL)
		fatal("ssh_bind_new failed");
	if (ssh_bind_options_set(l->bind, SSH_BIND_OPTIONS_PROCESS_CONFIG,
	    &process_config) != SSH_OK)
		goto fail;
	for (i = 0; i < nitems(listen_bind_algorithms); i++) {
		if (ssh_bind_options_set(l->bind,
		    listen_bind_algorithms[i].option,
		    listen_bind_algorithms[i].value) != SSH_OK)
			goto fail;
	}
	if (ssh_pki_import_privkey_file(l->cfg->host_key, NULL, NULL, NULL,
	    &key) != SSH_OK) {
		listen_startup_error(l->cfg, "cannot read the host key %s",
		    l->cfg->host_key);
		return QD_ESYS;
	}
	fp = server_key_fingerprint(key);
	log_info("host key %s %s", ssh_key_type_to_char(ssh_key_type(key)), fp);
	free(fp);
	/* The bind owns the key from here. */
	if (ssh_bind_options_set(l->bind, SSH_BIND_OPTIONS_IMPORT_KEY,
	    key) != SSH_OK) {
		ssh_key_free(key);
		goto fail;
	}
	return QD_OK;
fail:
	listen_startup_error(l->cfg, "SSH setup failed: %s",
	    ssh_get_error(l->bind));
	return QD_ESYS;
}

int
server_host_key_ensure(const char *path, char **why)
{
	struct stat	 sb;
	ssh_key		 key = NULL;
	char		*copy, *dir;
	mode_t		 old;
	int		 rc = QD_ESYS;

	if (stat(path, &sb) == 0)
		return QD_OK;
	if (errno != ENOENT) {
		xasprintf(why, "host key %s: %s", path, strerror(errno));
		return QD_ESYS;
	}
	copy = xstrdup(path);
	dir = dirname(copy);
	if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
		xasprintf(why, "cannot make the host key %s: the directory %s "
		    "does not exist", path, dir);
		goto out;
	}
	if (ssh_pki_generate(SSH_KEYTYPE_ED25519, 0, &key) != SSH_OK) {
		xasprintf(why, "cannot make an ed25519 host key");
		goto out;
	}
	old = umask(077);
	rc = server_key_write(key, path, why);
	umask(old);
	if (rc != QD_OK) {
		unlink(path);
		goto out;
	}
	log_info("made a new ed25519 host key %s", path);
	rc = QD_OK;
out:
	ssh_key_free(key);
	free(copy);
	return rc;
}

static struct listen_child *
listen_child_find(struct listener *l, pid_t pid)
{
	size_t	 i;

	for (i = 0; i < l->nchildren; i++) {
		if (l->children[i].pid == pid)
			return &l->children[i];
	}
	return NULL;
}

static size_t
listen_unauthenticated(const struct listener *l)
{
	size_t	 i, n = 0;

	for (i = 0; i < l->nchildren; i++)
		n += !l->children[i].authenticated;
	return n;
}

/* Bytes of the address in "ADDR:PORT" or "[ADDR6]:PORT". */
static size_t
listen_addr_part(const char *peer)
{
	const char	*colon = strrchr(peer, ':');

	return colon != NULL ? (size_t)(colon - peer) : strlen(peer);
}

/* Connections from the address of peer still logging in. */
static size_t
listen_unauthenticated_from(const struct listener *l, const char *peer)
{
	size_t	 i, n = 0, alen = listen_addr_part(peer);

	for (i = 0; i < l->nchildren; i++) {
		if (!l->children[i].authenticated &&
		    listen_addr_part(l->children[i].peer) == alen &&
		    strncmp(l->children[i].peer, peer, alen) == 0)
			n++;
	}
	return n;
}

/* The penalty entry of the address of peer, or NULL. */
static struct listen_penalty *
listen_penalty_find(struct listener *l, const char *peer)
{
	size_t	 i, alen = listen_addr_part(peer);

	for (i = 0; i < l->npenalties; i++) {
		if (strlen(l->penalties[i].addr) == alen &&
		    strncmp(l->penalties[i].addr, peer, alen) == 0)
			return &l->penalties[i];
	}
	return NULL;
}

/* Forget the penalties that ran out. */
static void
listen_penalty_expire(struct listener *l, time_t now)
{
	size_t	 i = 0;

	while (i < l->npenalties) {
		if (l->penalties[i].until <= now)
			l->penalties[i] = l->penalties[--l->npenalties];
		else
			i++;
	}
}

/*
 * Add seconds to the penalty of the address of peer, at most penalty_max
 * ahead; a login from it clears it (seconds < 0).
 */
static void
listen_penalise(struct listener *l, const char *peer, int seconds)
{
	struct listen_penalty	*p;
	time_t			 now = time(NULL);
	size_t			 alen = listen_addr_part(peer);

	if ((p = listen_penalty_find(l, peer)) == NULL) {
		if (seconds <= 0)
			return;
		listen_penalty_expire(l, now);
		if (l->npenalties == LISTEN_PENALTIES_MAX)
			l->npenalties--;	/* the table is full: one goes */
		if (l->penalties == NULL)
			l->penalties = xcalloc(LISTEN_PENALTIES_MAX,
			    sizeof *l->penalties);
		p = &l->penalties[l->npenalties++];
		snprintf(p->addr, sizeof p->addr, "%.*s", (int)alen, peer);
		p->until = now;
	}
	if (seconds < 0) {
		*p = l->penalties[--l->npenalties];
		return;
	}
	if (p->until < now)
		p->until = now;
	p->until += seconds;
	if (p->until > now + l->cfg->penalty_max)
		p->until = now + l->cfg->penalty_max;
}

/*
 * Seconds the address of peer is still refused: only once its penalty
 * has grown past penalty_min, so that one mistyped login costs nothing.
 */
static int
listen_penalty_left(struct listener *l, const char *peer)
{
	struct listen_penalty	*p;
	time_t			 now = time(NULL);

	if ((p = listen_penalty_find(l, peer)) == NULL || p->until <= now)
		return 0;
	return p->until - now > l->cfg->penalty_min ? (int)(p->until - now) :
	    0;
}

/*
 * Random early drop, as sshd's MaxStartups start:rate:full: from start
 * connections logging in, refuse rate percent, rising to all at full.
 */
static int
listen_early_drop(const struct listener *l, size_t unauth)
{
	const struct qd_config	*cfg = l->cfg;
	unsigned int		 r;
	int			 p;

	if (unauth < (size_t)cfg->max_startups_start ||
	    cfg->max_startups <= cfg->max_startups_start)
		return 0;
	p = cfg->max_startups_rate + (100 - cfg->max_startups_rate) *
	    (int)(unauth - (size_t)cfg->max_startups_start) /
	    (cfg->max_startups - cfg->max_startups_start);
	if (getrandom(&r, sizeof r, 0) != sizeof r)
		r = (unsigned int)rand();
	return (int)(r % 100) < p;
}

static void
listen_child_close_auth(struct listen_child *c)
{
	if (c->auth_fd != -1) {
		close(c->auth_fd);
		c->auth_fd = -1;
	}
}

/* In a new connection process: drop everything of the listener's. */
static void
listen_child_cleanup(struct listener *l)
{
	size_t	 i;

	for (i = 0; i < l->nfds; i++)
		close(l->fds[i]);
	for (i = 0; i < l->nchildren; i++)
		listen_child_close_auth(&l->children[i]);
	close(listen_sigpipe[0]);
	close(listen_sigpipe[1]);
	signal(SIGCHLD, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	signal(SIGINT, SIG_IGN);	/* the listener decides, not the tty */
	signal(SIGHUP, SIG_IGN);
}

/* Fork a connection process for the accepted socket fd. */
static void
listen_spawn(struct listener *l, int fd, const char *peer)
{
	struct server_conn_start	 start;
	struct listen_child		*c;
	int				 auth[2];
	pid_t				 pid;

	if (pipe2(auth, O_CLOEXEC) == -1) {
		log_error("pipe: %s", strerror(errno));
		close(fd);
		return;
	}
	l->next_id++;
	if ((pid = fork()) == -1) {
		log_error("fork: %s", strerror(errno));
		close(auth[0]);
		close(auth[1]);
		close(fd);
		return;
	}
	if (pid == 0) {
		close(auth[0]);
		listen_child_cleanup(l);
		start.fd = fd;
		start.conn_id = l->next_id;
		start.peer = peer;
		start.bind = l->bind;
		start.auth_fd = auth[1];
		server_conn_main(&start, l->cfg, l->db_path);
	}
	close(auth[1]);
	close(fd);
	listen_set_nonblock(auth[0]);
	l->children = xreallocarray(l->children, l->nchildren + 1,
	    sizeof *l->children);
	c = &l->children[l->nchildren++];
	memset(c, 0, sizeof *c);
	c->pid = pid;
	c->id = l->next_id;
	c->auth_fd = auth[0];
	snprintf(c->peer, sizeof c->peer, "%s", peer);
	log_debug("conn %lu from %s: process %ld", c->id, peer, (long)pid);
}

/* Accept every waiting connection on listening socket lfd. */
static void
listen_accept(struct listener *l, int lfd)
{
	struct sockaddr_storage	 ss;
	socklen_t		 len;
	char			 peer[LISTEN_ADDR_MAX];
	size_t			 unauth;
	int			 fd, left;

	for (;;) {
		len = sizeof ss;
		fd = accept4(lfd, (struct sockaddr *)&ss, &len, SOCK_CLOEXEC);
		if (fd == -1) {
			if (errno != EAGAIN && errno != EWOULDBLOCK &&
			    errno != EINTR && errno != ECONNABORTED)
				log_warn("accept: %s", strerror(errno));
			return;
		}
		listen_format_addr((struct sockaddr *)&ss, len, peer,
		    sizeof peer);
		unauth = listen_unauthenticated(l);
		if (l->nchildren >= (size_t)l->cfg->max_sessions) {
			log_warn("refused %s: max_sessions (%d) reached", peer,
			    l->cfg->max_sessions);
			close(fd);
		} else if ((left = listen_penalty_left(l, peer)) > 0) {
			log_info("refused %s: penalised %d s more for failed or"
			    " idle logins", peer, left);
			close(fd);
		} else if (unauth >= (size_t)l->cfg->max_startups) {
			log_warn("refused %s: max_startups (%d) connections "
			    "are logging in", peer, l->cfg->max_startups);
			close(fd);
		} else if (listen_early_drop(l, unauth)) {
			log_info("refused %s: %zu connections are logging in"
			    " (max_startups %d:%d:%d)", peer, unauth,
			    l->cfg->max_startups_start,
			    l->cfg->max_startups_rate, l->cfg->max_startups);
			close(fd);
		} else if (listen_unauthenticated_from(l, peer) >=
		    (size_t)l->cfg->max_startups_per_source) {
			log_warn("refused %s: max_startups_per_source (%d) "
			    "connections from there are logging in", peer,
			    l->cfg->max_startups_per_source);
			close(fd);
		} else
			listen_spawn(l, fd, peer);
	}
}

/*
 * Read the authentication notice of child c: "A", then the account's id,
 * role and office id ("A12 clerk 3\n"), in one write.
 */
static void
listen_auth_read(struct listen_child *c)
{
	char	 b[64];
	ssize_t	 n;

	n = read(c->auth_fd, b, sizeof b - 1);
	if (n == -1 && (errno == EAGAIN || errno == EINTR))
		return;
	if (n >= 1 && b[0] == 'A') {
		c->authenticated = 1;
		b[n] = '\0';
		if (sscanf(b + 1, "%lld %15s %lld", &c->user_id, c->role,
		    &c->office_id) != 3)
			c->user_id = 0;
	}
	/* One notice is all a child ever sends; EOF means it is ending. */
	listen_child_close_auth(c);
}

/*
 * 1 if the account child c logged in as is still enabled with the same
 * role and office; also 1 when that cannot be read now.
 */
/*
 * Close db and give the memory of its schema and cache back: more than a
 * megabyte that every connection process would otherwise inherit.
 */
static void
listen_db_close(sqlite3 *db)
{
	db_close(db);
#ifdef __GLIBC__
	malloc_trim(0);
#endif
}

static int
listen_account_current(sqlite3 *db, const struct listen_child *c)
{
	sqlite3_stmt	*st;
	int		 current = 1, step;

	if (db_prepare(db, "SELECT active = 1 AND role = ?2 AND office_id IS"
	    " nullif(?3, 0) FROM users WHERE id = ?1", &st) != QD_OK)
		return 1;
	sqlite3_bind_int64(st, 1, c->user_id);
	sqlite3_bind_text(st, 2, c->role, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, c->office_id);
	if ((step = sqlite3_step(st)) == SQLITE_ROW)
		current = sqlite3_column_int(st, 0);
	else if (step == SQLITE_DONE)
		current = 0;
	sqlite3_finalize(st);
	return current;
}

/*
 * End the sessions of accounts disabled (or given another role or office)
 * since they logged in. The database is opened for the check and closed
 * again, so no connection is open when the listener forks.
 */
static void
listen_check_accounts(struct listener *l)
{
	sqlite3			*db = NULL;
	struct listen_child	*c;
	char			*why = NULL;
	size_t			 i, n = 0;

	l->account_check_at = 0;
	l->account_checked = time(NULL);
	for (i = 0; i < l->nchildren; i++)
		n += l->children[i].user_id > 0 && !l->children[i].ended;
	if (n == 0)
		return;
	if (db_open(l->db_path, DB_READONLY, &db, &why) != QD_OK) {
		log_warn("cannot check the accounts of open sessions: %s", why);
		free(why);
		return;
	}
	for (i = 0; i < l->nchildren; i++) {
		c = &l->children[i];
		if (c->user_id <= 0 || c->ended ||
		    listen_account_current(db, c))
			continue;
		log_info("conn %lu from %s: the account was disabled or"
		    " changed; ending its session", c->id, c->peer);
		kill(c->pid, SIGTERM);
		c->ended = 1;
	}
	listen_db_close(db);
}

/*
 * Penalise the address of child c, which never logged in, for how it
 * ended (its exit status). 1 if the status was one of those.
 */
static int
listen_child_penalty(struct listener *l, const struct listen_child *c,
    int code)
{
	int	 seconds;

	if (code == SERVER_CONN_AUTHFAIL)
		seconds = l->cfg->penalty_authfail;
	else if (code == SERVER_CONN_NOAUTH)
		seconds = l->cfg->penalty_noauth;
	else if (code == SERVER_CONN_GRACE)
		seconds = l->cfg->penalty_grace;
	else
		return 0;
	if (seconds > 0)
		listen_penalise(l, c->peer, seconds);
	return 1;
}

/* Forget connection process pid, which ended with status. */
static void
listen_child_ended(struct listener *l, pid_t pid, int status)
{
	struct listen_child	*c;

	if ((c = listen_child_find(l, pid)) == NULL)
		return;
	if (c->authenticated)
		listen_penalise(l, c->peer, -1);
	else if (WIFEXITED(status) && listen_child_penalty(l, c,
	    WEXITSTATUS(status)))
		status = 0;
	if (WIFSIGNALED(status))
		log_warn("conn %lu from %s: process killed by signal %d",
		    c->id, c->peer, WTERMSIG(status));
	else if (WEXITSTATUS(status) != 0)
		log_warn("conn %lu from %s: process exited %d", c->id,
		    c->peer, WEXITSTATUS(status));
	else
		log_debug("conn %lu from %s: process ended", c->id, c->peer);
	listen_child_close_auth(c);
	*c = l->children[--l->nchildren];
}

/* Reap every ended connection process. */
static void
listen_reap(struct listener *l)
{
	pid_t	 pid;
	int	 status;

	while ((pid = waitpid(-1, &status, WNOHANG)) > 0)
		listen_child_ended(l, pid, status);
}

static void
listen_signal_children(struct listener *l, int sig)
{
	size_t	 i;

	for (i = 0; i < l->nchildren; i++)
		kill(l->children[i].pid, sig);
}

/* SIGTERM or SIGINT: stop accepting, ask every session to end. */
static void
listen_stop(struct listener *l)
{
	if (l->stopping) {
		log_info("second stop signal: ending every session now");
		listen_signal_children(l, SIGKILL);
		l->stop_deadline = time(NULL);
		return;
	}
	log_info("stopping: %zu session(s) get %d s to end", l->nchildren,
	    l->cfg->shutdown_grace);
	l->stopping = 1;
	l->stop_deadline = time(NULL) + l->cfg->shutdown_grace;
	listen_close_all(l);
	listen_signal_children(l, SIGTERM);
}

/* 1 if two lists of listen addresses differ. */
static int
listen_list_differs(const struct qd_config *a, const struct qd_config *b)
{
	size_t	 i;

	if (a->nlisten != b->nlisten)
		return 1;
	for (i = 0; i < a->nlisten; i++) {
		if (strcmp(a->listen[i], b->listen[i]) != 0)
			return 1;
	}
	return 0;
}

/* Swap two fields of two configurations. */
#define LISTEN_SWAP(a, b, f) do {			\
	__typeof__((a)->f) t_ = (a)->f;			\
	(a)->f = (b)->f;				\
	(b)->f = t_;					\
} while (0)

/*
 * SIGHUP: read the configuration file again. Settings for new sessions
 * change now; listen addresses, the host key and the database need a
 * restart. A bad file is logged and the old settings stay.
 */
static void
listen_reload(struct listener *l)
{
	struct qd_config	 fresh;
	char			*why = NULL;
	int			 same_db;

	if (l->cfg->path == NULL) {
		log_info("SIGHUP: no configuration file to read again");
		return;
	}
	config_defaults(&fresh);
	if (config_load(&fresh, l->cfg->path, &why) != QD_OK) {
		log_error("SIGHUP: %s; keeping the running settings", why);
		free(why);
		config_free(&fresh);
		return;
	}
	if (!l->cfg->listen_added && listen_list_differs(l->cfg, &fresh))
		log_warn("SIGHUP: listen addresses change only on restart");
	if (strcmp(l->cfg->host_key, fresh.host_key) != 0)
		log_warn("SIGHUP: host_key changes only on restart");
	same_db = (l->cfg->database == NULL && fresh.database == NULL) ||
	    (l->cfg->database != NULL && fresh.database != NULL &&
	    strcmp(l->cfg->database, fresh.database) == 0);
	if (!same_db)
		log_warn("SIGHUP: database changes only on restart");
	/* Keep what needs a restart; take everything else. */
	LISTEN_SWAP(l->cfg, &fresh, listen);
	LISTEN_SWAP(l->cfg, &fresh, nlisten);
	LISTEN_SWAP(l->cfg, &fresh, host_key);
	LISTEN_SWAP(l->cfg, &fresh, database);
	fresh.listen_added = l->cfg->listen_added;
	config_free(l->cfg);
	*l->cfg = fresh;
	log_open(l->cfg->log_target, l->cfg->log_level, QD_NAME);
	log_info("SIGHUP: read %s again", l->cfg->path);
}

/* Act on the signals the self-pipe carries. */
static void
listen_signals(struct listener *l)
{
	unsigned char	 buf[64];
	ssize_t		 n, i;

	while ((n = read(listen_sigpipe[0], buf, sizeof buf)) > 0) {
		for (i = 0; i < n; i++) {
			if (buf[i] == SIGCHLD)
				listen_reap(l);
			else if (buf[i] == SIGHUP && !l->stopping)
				listen_reload(l);
			else if (buf[i] == SIGTERM || buf[i] == SIGINT)
				listen_stop(l);
		}
	}
}

static int
listen_signals_init(void)
{
	struct sigaction	 sa;
	static const int	 sigs[] = { SIGCHLD, SIGTERM, SIGINT, SIGHUP };
	size_t			 i;

	if (pipe2(listen_sigpipe, O_CLOEXEC | O_NONBLOCK) == -1)
		return -1;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = listen_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = SA_RESTART;
	for (i = 0; i < nitems(sigs); i++) {
		if (sigaction(sigs[i], &sa, NULL) == -1)
			return -1;
	}
	return 0;
}

static void
listen_signals_end(void)
{
	signal(SIGCHLD, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	signal(SIGINT, SIG_DFL);
	signal(SIGHUP, SIG_DFL);
	close(listen_sigpipe[0]);
	close(listen_sigpipe[1]);
	listen_sigpipe[0] = listen_sigpipe[1] = -1;
}

/*
 * Watch the database's folder, so that a write to the database (an
 * account disabled, say) wakes the listener and nothing else does: no
 * timer runs while the offices are idle. Only changes count: opening and
 * closing (which the check itself does) must not wake it again. -1 if
 * inotify is missing.
 */
static int
listen_watch_db(const char *db_path)
{
	char	*copy = xstrdup(db_path);
	int	 fd;

	if ((fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) != -1 &&
	    inotify_add_watch(fd, dirname(copy), IN_MODIFY | IN_MOVED_TO) ==
	    -1) {
		log_warn("cannot watch %s: %s", db_path, strerror(errno));
		close(fd);
		fd = -1;
	}
	free(copy);
	return fd;
}

/* Read the watch's events; a write to the database makes a check due. */
static void
listen_watch_read(struct listener *l)
{
	char		 buf[4096]
	    __attribute__((aligned(__alignof__(struct inotify_event))));
	const struct inotify_event *ev;
	char		*copy = xstrdup(l->db_path), *base = basename(copy);
	size_t		 len = strlen(base);
	ssize_t		 n;
	char		*p;

	while ((n = read(l->db_watch, buf, sizeof buf)) > 0) {
		for (p = buf; p < buf + n; p += sizeof *ev + ev->len) {
			ev = (const struct inotify_event *)p;
			if (ev->len == 0 || strncmp(ev->name, base, len) != 0 ||
			    (ev->name[len] != '\0' &&
			    strcmp(ev->name + len, "-wal") != 0))
				continue;
			if (l->account_check_at == 0)
				l->account_check_at = l->account_checked +
				    LISTEN_ACCOUNT_CHECK;
		}
	}
	free(copy);
}

/*
 * Wait for one round of events: listening sockets (unless stopping), the
 * self-pipe and the authentication pipes of children still logging in.
 */
static void
listen_poll(struct listener *l)
{
	struct pollfd		*pfd;
	struct listen_child	**who;
	size_t			 n = 0, i, nsock;
	int			 timeout = -1;

	pfd = xcalloc(l->nfds + l->nchildren + 2, sizeof *pfd);
	who = xcalloc(l->nfds + l->nchildren + 2, sizeof *who);
	pfd[n].fd = listen_sigpipe[0];
	pfd[n++].events = POLLIN;
	pfd[n].fd = l->db_watch;
	pfd[n++].events = POLLIN;
	for (i = 0; i < l->nfds; i++) {
		pfd[n].fd = l->fds[i];
		pfd[n++].events = POLLIN;
	}
	nsock = n;
	for (i = 0; i < l->nchildren; i++) {
		if (l->children[i].auth_fd == -1)
			continue;
		who[n] = &l->children[i];
		pfd[n].fd = l->children[i].auth_fd;
		pfd[n++].events = POLLIN;
	}
	if (l->stopping) {
		timeout = (int)(l->stop_deadline - time(NULL)) * 1000;
		if (timeout < 0)
			timeout = 0;
	} else if (l->account_check_at != 0) {
		timeout = (int)(l->account_check_at - time(NULL)) * 1000;
		if (timeout <= 0) {
			listen_check_accounts(l);
			timeout = -1;
		}
	}
	if (poll(pfd, n, timeout) > 0) {
		/* Authentication notices first: they free max_startups slots. */
		for (i = nsock; i < n; i++) {
			if (pfd[i].revents != 0)
				listen_auth_read(who[i]);
		}
		for (i = 2; i < nsock; i++) {
			if (pfd[i].revents != 0 && !l->stopping)
				listen_accept(l, pfd[i].fd);
		}
		if (pfd[1].revents != 0)
			listen_watch_read(l);
		if (pfd[0].revents != 0)
			listen_signals(l);
	}
	free(who);
	free(pfd);
}

/* Check the database once, then close it: no connection crosses fork. */
static int
listen_check_db(struct listener *l)
{
	sqlite3	*db = NULL;
	char	*why = NULL;

	if (db_open(l->db_path, 0, &db, &why) != QD_OK) {
		listen_startup_error(l->cfg, "%s", why != NULL ? why :
		    "cannot open the database");
		free(why);
		return QD_EDB;
	}
	listen_db_close(db);
	return QD_OK;
}

/* After the grace time: kill what is left and wait for it. */
static void
listen_finish(struct listener *l)
{
	pid_t	 pid;
	int	 status;

	if (l->nchildren > 0) {
		log_warn("%zu session(s) did not end in time; killing them",
		    l->nchildren);
		listen_signal_children(l, SIGKILL);
	}
	while (l->nchildren > 0) {
		if ((pid = waitpid(-1, &status, 0)) == -1) {
			if (errno == EINTR)
				continue;
			break;
		}
		listen_child_ended(l, pid, status);
	}
	while (l->nchildren > 0)
		listen_child_close_auth(&l->children[--l->nchildren]);
}

int
server_run(struct qd_config *cfg, const char *db_path, const char *ready)
{
	struct listener	 l;
	int		 rc = QD_EXIT_ERROR;

	memset(&l, 0, sizeof l);
	l.db_watch = -1;
	l.cfg = cfg;
	l.db_path = db_path;
	if (listen_check_db(&l) != QD_OK)
		return QD_EXIT_DB;
	if (listen_bind_new(&l) != QD_OK)
		goto out;
	if (listen_signals_init() == -1) {
		listen_startup_error(cfg, "signals: %s", strerror(errno));
		goto out;
	}
	if (listen_open_all(&l) != QD_OK)
		goto out;
	l.db_watch = listen_watch_db(db_path);
	log_info("serving %s (up to %d sessions)", db_path, cfg->max_sessions);
	if (ready != NULL) {
		fputs(ready, stdout);
		fflush(stdout);
	}
	while (!l.stopping || (l.nchildren > 0 &&
	    time(NULL) < l.stop_deadline))
		listen_poll(&l);
	listen_finish(&l);
	log_info("stopped");
	rc = QD_EXIT_OK;
out:
	listen_close_all(&l);
	if (listen_sigpipe[0] != -1)
		listen_signals_end();
	if (l.bind != NULL)
		ssh_bind_free(l.bind);
	if (l.db_watch != -1)
		close(l.db_watch);
	free(l.children);
	free(l.penalties);
	return rc;
}
