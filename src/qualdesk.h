/*
 * qualdesk: the center's case desk for Taiwan compatriots' vocational
 * qualifications, served as a curses UI over its own SSH server.
 *
 * The one private header. One section per source file; everything not
 * declared here is static in its file.
 */
#ifndef QUALDESK_H
#define QUALDESK_H

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

#include <sqlite3.h>

#define QD_NAME "qualdesk"
#define QD_TITLE_ZH "台胞职业资格一体化服务"

/* Result codes shared by the data layer and the commands. */
enum qd_result {
	QD_OK = 0,
	QD_ENOTFOUND,	/* no such record */
	QD_EDENIED,	/* the actor may not do this */
	QD_EINVAL,	/* bad input; the message says which and why */
	QD_ECONFLICT,	/* lost a race (version) or duplicate */
	QD_EDB,		/* database error (busy, corrupt, full, read-only) */
	QD_ESYS,	/* system error (file, socket, fork) */
};

/* Exit codes of the program and of commands run over SSH. */
#define QD_EXIT_OK	0
#define QD_EXIT_ERROR	1	/* the command failed; a message says why */
#define QD_EXIT_USAGE	2	/* bad command line */
#define QD_EXIT_DENIED	3	/* not permitted for this user */
#define QD_EXIT_DB	4	/* database missing, corrupt, newer or unwritable */

/* xmalloc.c: allocation that aborts on out-of-memory. */
void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xrealloc(void *, size_t);
void	*xreallocarray(void *, size_t, size_t);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);
int	 xasprintf(char **, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
int	 xvasprintf(char **, const char *, va_list);
/* Free *pp and set it to NULL. */
#define xfree(pp) do { free(*(pp)); *(pp) = NULL; } while (0)

/* log.c: logging to stderr or syslog; never onto a curses screen. */
enum log_level { LOG_LEVEL_ERROR, LOG_LEVEL_WARN, LOG_LEVEL_INFO, LOG_LEVEL_DEBUG };
void	 log_open(const char *target, enum log_level level, const char *tag);
void	 log_set_level(enum log_level);
int	 log_level_parse(const char *, enum log_level *);
void	 log_msg(enum log_level, const char *func, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
void	 fatal_at(const char *func, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3), noreturn));
#define log_error(...) log_msg(LOG_LEVEL_ERROR, __func__, __VA_ARGS__)
#define log_warn(...)  log_msg(LOG_LEVEL_WARN, __func__, __VA_ARGS__)
#define log_info(...)  log_msg(LOG_LEVEL_INFO, __func__, __VA_ARGS__)
#define log_debug(...) log_msg(LOG_LEVEL_DEBUG, __func__, __VA_ARGS__)
/* Only for broken invariants; never reachable by client input. */
#define fatal(...) fatal_at(__func__, __VA_ARGS__)

/*
 * text.c: UTF-8 text measured in terminal columns. The one width helper:
 * labels, fields, lists, the status line and truncation all use it.
 */
/* Columns the UTF-8 string takes; invalid bytes and controls count 1. */
int	 text_width(const char *);
/* Columns of the first n bytes of s. */
int	 text_width_n(const char *, size_t);
/* Bytes of s that fit in cols columns without splitting a character. */
size_t	 text_fit(const char *, int cols);
/*
 * Copy s into buf (size bufsz), cut to at most cols columns and padded
 * with spaces to exactly cols when pad is set. A cut string ends in '~'.
 * Returns buf.
 */
char	*text_cell(char *buf, size_t bufsz, const char *s, int cols, int pad);
/* 1 if s is valid UTF-8 with no control characters. */
int	 text_valid(const char *);
/* Byte length of the UTF-8 character starting at s (1 for an invalid byte). */
int	 text_char_len(const char *);

/* config.c: the configuration file, sshd_config style. */
enum compression_mode { COMPRESSION_NO, COMPRESSION_YES, COMPRESSION_FORCE };
struct qd_config {
	char		 *path;		/* file read, or NULL for defaults */
	char		**listen;	/* "ADDR:PORT", "[ADDR6]:PORT" */
	size_t		  nlisten;
	char		 *database;
	char		 *host_key;
	int		  max_sessions;
	int		  max_startups;		/* unauthenticated at once */
	int		  login_grace_time;	/* seconds */
	int		  max_auth_tries;
	int		  shutdown_grace;	/* seconds */
	int		  idle_timeout;		/* seconds, 0 = none */
	int		  escdelay;		/* milliseconds */
	enum compression_mode compression;
	char		 *log_target;		/* "stderr" or "syslog" */
	enum log_level	  log_level;
	int		  listen_added;		/* config_add_listen was used */
};
/* Fill cfg with the built-in defaults. */
void	 config_defaults(struct qd_config *);
/*
 * Read path into cfg (on top of what is there). On error returns QD_EINVAL
 * and sets *why to "FILE:LINE: message" (caller frees); cfg is then
 * unchanged.
 */
int	 config_load(struct qd_config *, const char *path, char **why);
void	 config_free(struct qd_config *);
/* Add a listen address, replacing the defaults on first use. */
void	 config_add_listen(struct qd_config *, const char *);
/*
 * Check a listen address "ADDR:PORT" or "[ADDR6]:PORT". On success *host
 * (caller frees; may be NULL to skip) and *port are set; otherwise
 * QD_EINVAL and *why (caller frees).
 */
int	 config_listen_parse(const char *, char **host, int *port, char **why);

/* db.c: opening the database and migrations. */
#define DB_CREATE	0x1	/* create the file if missing */
#define DB_READONLY	0x2
/*
 * Open path with WAL, foreign keys, synchronous=FULL and a busy timeout,
 * then apply pending migrations (unless DB_READONLY). A database newer
 * than this program, a corrupt or unwritable one fails with QD_EDB and a
 * message in *why (caller frees); nothing is overwritten.
 */
int	 db_open(const char *path, int flags, sqlite3 **out, char **why);
void	 db_close(sqlite3 *);
/* The schema version this program knows (number of migrations). */
int	 db_schema_version(void);
/* BEGIN IMMEDIATE / COMMIT / ROLLBACK. Return QD_OK or QD_EDB. */
int	 db_begin(sqlite3 *);
int	 db_commit(sqlite3 *);
void	 db_rollback(sqlite3 *);
/* A user-facing message for the last error on db (static string). */
const char *db_errmsg(sqlite3 *);
/* For the db-*.c files: set *why (if why is not NULL; frees the old one). */
void	 db_set_why(char **why, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
/* Log the SQLite error, set *why to db_errmsg (or a trigger's RAISE
 * message) and return QD_EDB. */
int	 db_fail(sqlite3 *, char **why);
/* Prepare sql; QD_OK or QD_EDB (logged). */
int	 db_prepare(sqlite3 *, const char *sql, sqlite3_stmt **);
/* A copy of a text column (caller frees), or NULL for SQL NULL. */
char	*db_column_strdup(sqlite3_stmt *, int col);

/* schema-sql.c (generated from the schema/ SQL files at build time). */
struct schema_file {
	const char	*name;
	const char	*sql;
};
extern const struct schema_file schema_files[];
extern const size_t schema_nfiles;

/* user.c and db-user.c: accounts and roles. */
enum qd_role {
	ROLE_CLERK,	/* 窗口 window clerk of one office */
	ROLE_LIAISON,	/* 联络员 the liaison of one office */
	ROLE_CENTER,	/* 中心 center reviewer */
	ROLE_ADMIN,	/* 管理员 center admin */
	ROLE_AUDITOR,	/* 审计 provincial auditor: reads everything */
};
#define ROLE_COUNT 5
struct qd_user {
	int64_t		 id;		/* 0 for the local operator */
	char		*login;
	char		*display_name;
	enum qd_role	 role;
	int64_t		 office_id;	/* 0 when none */
	char		*office_code;	/* pinyin code, NULL when none */
	char		*office_name;	/* Chinese name, NULL when none */
	int		 active;
	int64_t		 version;
	const char	*via;		/* "ssh 127.0.0.1:4242", "local root" */
};
const char *role_name(enum qd_role);		/* "clerk" */
const char *role_label(enum qd_role);		/* "窗口 Clerk" */
int	 role_parse(const char *, enum qd_role *);
/* 1 if the role is tied to one office (clerk, liaison). */
int	 role_has_office(enum qd_role);
/* 1 if a login name is acceptable: [a-z][a-z0-9_.-]{0,31}. */
int	 user_login_valid(const char *);
/* The local operator (admin, id 0) for commands run on the machine. */
struct qd_user *user_local_operator(void);
void	 user_free(struct qd_user *);

/*
 * The actor of every change on a connection: audit triggers read it through
 * the SQL functions qd_actor() and qd_via(). Call once after db_open and
 * again when the actor changes. The user must outlive its use on db.
 */
int	 db_set_actor(sqlite3 *, const struct qd_user *);
/* Look up an active or inactive user by login. QD_OK / QD_ENOTFOUND / QD_EDB. */
int	 db_user_find(sqlite3 *, const char *login, struct qd_user **out);
struct qd_user_new {
	const char	*login;
	const char	*display_name;
	enum qd_role	 role;
	const char	*office_code;	/* required for clerk and liaison */
};
/* Admin only. QD_EINVAL with *why for a bad field, QD_ECONFLICT if taken. */
int	 db_user_add(sqlite3 *, const struct qd_user *actor,
	    const struct qd_user_new *, char **why);
/* Admin only. Sets active to 0 or 1; audited. */
int	 db_user_set_active(sqlite3 *, const struct qd_user *actor,
	    const char *login, int active, char **why);
/* Admin and auditor: all users; others: themselves. Caller frees each. */
int	 db_user_list(sqlite3 *, const struct qd_user *actor,
	    struct qd_user ***out, size_t *n, char **why);
/* Free what db_user_list returned. */
void	 user_free_array(struct qd_user **, size_t);
/* 1 if actor reads every account, key and audit row (admin, auditor). */
int	 user_sees_all(const struct qd_user *actor);

/* db-key.c: users' SSH public keys. */
struct qd_key {
	int64_t		 id;
	char		*type;		/* "ssh-ed25519" */
	char		*base64;
	char		*comment;
	char		*fingerprint;	/* "SHA256:..." */
	char		*created_at;
};
/*
 * Add the keys of authorized_keys-format text (one or more lines; '#'
 * comments and blank lines skipped). Admin only. On a bad line nothing is
 * added and *why says which line and why.
 */
int	 db_key_add(sqlite3 *, const struct qd_user *actor, const char *login,
	    const char *text, int *added, char **why);
int	 db_key_list(sqlite3 *, const struct qd_user *actor, const char *login,
	    struct qd_key **out, size_t *n, char **why);
/* Remove by id or fingerprint. Admin only. */
int	 db_key_remove(sqlite3 *, const struct qd_user *actor, const char *login,
	    const char *which, char **why);
void	 key_free_array(struct qd_key *, size_t);
/*
 * Parse one authorized_keys line (TYPE BASE64 [COMMENT], no options) into
 * *out (free with key_free_array(*out, 1)): type, base64 as libssh
 * re-encodes it, comment and fingerprint. QD_EINVAL with *why otherwise.
 */
int	 key_parse(const char *line, struct qd_key **out, char **why);
/*
 * For authentication: QD_OK and *out (caller frees) when login names an
 * active user who holds this public key (type and base64 blob as sent by
 * the client); QD_EDENIED otherwise, the same for an unknown user and a
 * wrong key.
 */
int	 db_key_authorize(sqlite3 *, const char *login, const char *type,
	    const char *base64, struct qd_user **out);

/* db-audit.c: explicit audit rows (row changes are audited by triggers). */
/*
 * Write one audit row in the current transaction: action ("login",
 * "view"), table and record (may be NULL/0), and a short detail. Never pass
 * a secret or a full ID number.
 */
int	 db_audit(sqlite3 *, const char *action, const char *table,
	    int64_t record, const char *detail);
struct qd_audit {
	int64_t		 id;
	char		*at;
	char		*actor;
	char		*via;
	char		*action;
	char		*tbl;
	int64_t		 record;
	char		*before;
	char		*after;
};
/* Admin and auditor only. Newest first, rows with id < before_id (0: from
 * the newest), at most limit. Caller frees with audit_free_array. */
int	 db_audit_list(sqlite3 *, const struct qd_user *actor, int64_t before_id,
	    int limit, struct qd_audit **out, size_t *n, char **why);
void	 audit_free_array(struct qd_audit *, size_t);

/* db-office.c: the ten offices. */
struct qd_office {
	int64_t		 id;
	char		*code;		/* "fuzhou" */
	char		*name_zh;	/* "福州市" */
	char		*name_en;	/* "Fuzhou" */
	int		 is_center;
};
int	 db_office_list(sqlite3 *, struct qd_office **out, size_t *n);
void	 office_free_array(struct qd_office *, size_t);

/* demo.c: the demo database. */
/*
 * Create the demo users in db if missing (one liaison per office, center,
 * admin, auditor) and authorise for all of them the invoking user's
 * ~/.ssh/ public keys, making ~/.ssh/id_ed25519 if there is none. *keyfile gets
 * the private key path to suggest to ssh (caller frees).
 */
int	 demo_setup(sqlite3 *, char **keyfile, char **why);

/* cmd.c: the command table, shared by the shell and SSH exec. */
struct cmd_ctx {
	sqlite3			*db;		/* open, actor set; NULL for CMD_NODB */
	const char		*db_path;
	int			 db_default;	/* db_path is the built-in default */
	struct qd_config	*cfg;
	const struct qd_user	*actor;
	int			 remote;	/* run over SSH exec */
	FILE			*in;
	FILE			*out;
	FILE			*err;
};
#define CMD_NODB	0x1	/* opens no database (or opens it itself) */
#define CMD_LOCAL	0x2	/* only from the local shell, never over SSH */
#define CMD_ADMIN	0x4	/* admin only (checked again in the data layer) */
struct cmd_entry {
	const char	*noun;
	const char	*verb;		/* NULL for a one-word command */
	const char	*args;		/* usage after noun and verb */
	const char	*summary;
	int		 flags;
	int		(*exec)(struct cmd_ctx *, int argc, char **argv);
};
extern const struct cmd_entry cmd_table[];
/* Find the entry for argv; *used is how many words named it. NULL if none. */
const struct cmd_entry *cmd_find(int argc, char **argv, int *used);
/* Run argv (after global options) as actor. Returns an exit code. */
int	 cmd_run(struct cmd_ctx *, int argc, char **argv);
/* Print the usage of every command allowed in ctx. */
void	 cmd_usage_all(struct cmd_ctx *, FILE *);
/*
 * Split an SSH exec command line into words: whitespace separates, single
 * and double quotes and backslash quote as in sh. QD_EINVAL with *why for
 * an unterminated quote or over max words/bytes. Caller frees with
 * cmd_free_argv.
 */
int	 cmd_split(const char *line, int *argc, char ***argv, char **why);
void	 cmd_free_argv(int, char **);
/* Print a message for a data-layer result and return the exit code. */
int	 cmd_fail(struct cmd_ctx *, int result, const char *why);

/* cmd-*.c: the verbs. */
int	 cmd_serve(struct cmd_ctx *, int, char **);
int	 cmd_tui(struct cmd_ctx *, int, char **);
int	 cmd_whoami(struct cmd_ctx *, int, char **);
int	 cmd_version(struct cmd_ctx *, int, char **);
int	 cmd_help(struct cmd_ctx *, int, char **);
int	 cmd_user_add(struct cmd_ctx *, int, char **);
int	 cmd_user_list(struct cmd_ctx *, int, char **);
int	 cmd_user_disable(struct cmd_ctx *, int, char **);
int	 cmd_user_enable(struct cmd_ctx *, int, char **);
int	 cmd_key_add(struct cmd_ctx *, int, char **);
int	 cmd_key_list(struct cmd_ctx *, int, char **);
int	 cmd_key_remove(struct cmd_ctx *, int, char **);
int	 cmd_audit_list(struct cmd_ctx *, int, char **);

/* server-listen.c: the listener. Never parses client data. */
/*
 * Serve until SIGTERM/SIGINT: bind every cfg->listen address, accept,
 * fork one connection process each. SIGHUP rereads cfg->path. Returns an
 * exit code.
 */
int	 server_run(struct qd_config *, const char *db_path);
/* Make an ed25519 host key at path (mode 0600) if none exists. */
int	 server_host_key_ensure(const char *path, char **why);

/* server-conn.c: one connection process (libssh, authentication). */
/* Run the SSH session on accepted socket fd; never returns. */
void	 server_conn_main(int fd, unsigned long conn_id,
	    const char *peer, struct qd_config *, const char *db_path)
	    __attribute__((noreturn));

/* session-*.c: channels, the pty relay, exec. See session.h notes there. */

/* ui.c: the curses UI, with no knowledge of SSH. */
/*
 * Run the full-screen UI for login on the terminal on stdin/stdout until
 * the user quits. Opens its own database connection. Returns an exit code.
 */
int	 ui_main(const char *db_path, const char *login, const char *via,
	    const struct qd_config *);

#endif /* QUALDESK_H */
