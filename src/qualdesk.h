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

/* Elements of an array (not a pointer). */
#define nitems(a)	(sizeof (a) / sizeof (a)[0])

/* Result codes shared by the data layer and the commands. */
enum qd_result {
	QD_OK = 0,
	QD_ENOTFOUND,	/* no such record */
	QD_EDENIED,	/* the actor may not do this, or a rule refuses it now */
	QD_EINVAL,	/* bad input; the message says which and why */
	QD_ECONFLICT,	/* lost a race (version) or duplicate */
	QD_EDB,		/* database error (busy, corrupt, full, read-only) */
	QD_ESYS,	/* system error (file, socket, fork) */
};

/* Exit codes of the program and of commands run over SSH. */
#define QD_EXIT_OK	0
#define QD_EXIT_ERROR	1	/* the command failed; a message says why */
#define QD_EXIT_USAGE	2	/* bad command line */
#define QD_EXIT_DENIED	3	/* refused: not permitted, or not now */
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

/*
 * proc.c: no core file, not dumpable (RLIMIT_CORE 0, PR_SET_DUMPABLE 0),
 * for every process that may hold the signing key; forks inherit it.
 */
void	 proc_protect(void);

/* why.c: the message of a refusal. */
/* Set *why (if why is not NULL), freeing what it held. */
void	 why_set(char **why, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));

/* log.c: logging to stderr or syslog; never onto a curses screen. */
enum log_level { LOG_LEVEL_ERROR, LOG_LEVEL_WARN, LOG_LEVEL_INFO, LOG_LEVEL_DEBUG };
void	 log_open(const char *target, enum log_level level, const char *tag);
void	 log_set_level(enum log_level);
/*
 * Move the log's own descriptor to fd `to` (for a child that closes the
 * rest). Returns to, or -1 when logging to stderr is off from now on.
 */
int	 log_move_fd(int);
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
 * Copy s into buf (size bufsz), each character text_valid refuses shown
 * as '?', cut to at most cols columns and padded with spaces to exactly
 * cols when pad is set. A cut string ends in '~'. Returns buf.
 */
char	*text_cell(char *buf, size_t bufsz, const char *s, int cols, int pad);
/*
 * 1 if s is valid UTF-8 with no control characters and no hidden ones
 * (text_hidden): what names and free text may hold.
 */
int	 text_valid(const char *);
/*
 * 1 if s holds a zero-width or bidirectional formatting character
 * (U+200B-U+200F, U+202A-U+202E, U+2060-U+2064, U+2066-U+2069, U+FEFF),
 * which would make text read otherwise on a terminal than it is.
 */
int	 text_hidden(const char *);
/* 1 if code point cp is one of those. */
int	 text_hidden_char(unsigned int cp);
/*
 * A copy of s (caller frees) with every control, invalid byte and hidden
 * character made '?': text that may go to another user's terminal.
 */
char	*text_shown(const char *);
/* Why text_valid refused s, bilingual (a static string). */
const char *text_invalid_why(const char *);
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
	int		  max_startups_start;	/* random early drop from here */
	int		  max_startups_rate;	/* percent dropped at start */
	int		  max_startups_per_source; /* the same, from one address */
	/* Seconds an address is refused for what its connections did. */
	int		  penalty_authfail;	/* refused every key */
	int		  penalty_noauth;	/* left without logging in */
	int		  penalty_grace;	/* idled out the grace time */
	int		  penalty_max;		/* at most this much in all */
	int		  penalty_min;		/* refused once over this */
	int		  login_grace_time;	/* seconds */
	int		  max_auth_tries;
	int		  shutdown_grace;	/* seconds */
	int		  idle_timeout;		/* seconds, 0 = none */
	int		  client_alive_interval; /* seconds, 0 = TCP's only */
	int		  escdelay;		/* milliseconds */
	enum compression_mode compression;
	char		 *log_target;		/* "stderr" or "syslog" */
	enum log_level	  log_level;
	int		  listen_added;		/* config_add_listen was used */
	char		 *notify_command;	/* delivers notices, or NULL */
	int		  notify_timeout;	/* seconds it may take */
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
/* The name of keyword i, NULL past the last (for checking the man page). */
const char *config_keyword(size_t i);

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
/*
 * BEGIN IMMEDIATE / COMMIT / ROLLBACK. Return QD_OK or QD_EDB. db_begin
 * opens the write transaction only if the database file is still the one
 * opened (not deleted or replaced: logged, SQLITE_READONLY_DBMOVED) and
 * the actor (db_set_actor) is still an enabled account of the same role
 * and office (SQLITE_CONSTRAINT_TRIGGER, so db_fail gives QD_EDENIED);
 * otherwise nothing is left open and db_fail says which.
 */
int	 db_begin(sqlite3 *);
int	 db_commit(sqlite3 *);
void	 db_rollback(sqlite3 *);
/* A user-facing message for the last error on db (static string). */
const char *db_errmsg(sqlite3 *);
/*
 * Set *why for the last error on db: a trigger's RAISE message with
 * QD_EDENIED (a rule refused the change), or db_errmsg with QD_EDB (logged).
 */
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

/*
 * schema.c: the audit and guard triggers of a table, declared once with
 * the module that owns it (HACKING) and made into CREATE TRIGGER
 * statements in the transaction of the migration that creates the table,
 * right after its CREATE TABLE (or the rule it names), so they fire where
 * hand-written ones would.
 *
 * An audit summary is a list "key, key = column, key = expression" that
 * becomes json_object('key', NEW.key, ...); in an expression @column is
 * the row's column (NEW. or OLD., as the image is the new row or the old).
 */
struct qd_schema_file;
#define SCHEMA_ON_INSERT	0x1
#define SCHEMA_ON_UPDATE	0x2
#define SCHEMA_ON_DELETE	0x4
struct schema_table {
	const char	*table;		/* "users" */
	/* The audit: a row in audit for every row written. */
	const char	*record;	/* audit.record: a column or expression
					   (@column); NULL: "id" */
	int		 audit_on;	/* SCHEMA_ON_*; 0: each event summarised */
	const char	*audit;		/* the summary of every audited event, */
	const char	*audit_insert;	/* or of an insert's new row, */
	const char	*audit_update;	/* of an update's old and new rows, */
	const char	*audit_update_new; /* of its new row when it differs, */
	const char	*audit_delete;	/* of a delete's old row */
	/* audit.action as SQL over NEW and OLD (lines: "\n"); NULL: 'insert' */
	const char	*action_insert;
	const char	*action_update;
	const char	*action_delete;
	/* The guards: each a BEFORE trigger that refuses with its text. */
	int		 versioned;	/* an update raises version by one */
	const char	*version_refusal; /* NULL: "TABLE: every update ..." */
	const char	*version_trigger; /* NULL: "TABLE_version" */
	const char	*append_only;	/* never updated nor deleted: refusal */
	const char	*no_update;	/* never updated: refusal */
	const char	*no_delete;	/* never deleted: refusal */
	int		 system_deletes; /* ... but by the system (schema) */
	/*
	 * Who may write, on may_on: the roles holding permission may
	 * ("catalog write", perm.c; the system always may), asked with
	 * qd_may() and refused with refusal. An update's check takes the
	 * version's too, its refusal then ending ", raising version by one".
	 */
	const char	*may;
	int		 may_on;	/* SCHEMA_ON_* */
	const char	*refusal;
	const char	*insert_trigger; /* NULL: "TABLE_write" */
	/*
	 * Where the triggers are made: NULL, right after the CREATE TABLE;
	 * else right after the statement that creates this trigger (one of
	 * the table's rules in the same file), so that each fires where the
	 * hand-written one it replaces did.
	 */
	const char	*after;
	/* Where the guards are made, when not with the audit: as after. */
	const char	*guards_after;
};
/* The CREATE TRIGGER statements of t (caller frees). */
char	*schema_table_sql(const struct schema_table *);
/*
 * Run migration file's sql on db (in the caller's transaction),
 * creating each declared table's triggers right after the statement
 * that creates the table, or the trigger the declaration names. QD_OK,
 * or QD_EDB with *why.
 */
int	 schema_apply(sqlite3 *, const char *file, const char *sql,
	    char **why);
/*
 * Apply migration i (schema_files[i]) in the caller's transaction: its
 * SQL with the declared tables' triggers (schema_apply), its entries' C
 * steps, the triggers it remakes; a trigger it drops and creates again
 * keeps its place in the order triggers fire. QD_OK, or an error with
 * *why.
 */
int	 schema_migrate(sqlite3 *, size_t i, char **why);
/*
 * The declarations of schema file name: the platform's and every
 * module's entries naming it, in order, NULL-ended, into out (at most
 * max); returns how many.
 */
size_t	 schema_file_entries(const char *name,
	    const struct qd_schema_file **out, size_t max);
/*
 * Print migration i (schema_files[i]): its SQL, then the triggers made
 * for it, table by table, saying who declared them.
 */
void	 schema_show(FILE *, size_t i);
/*
 * The migration named what ("002-cases.sql", "002-cases" or its number,
 * "2") into *i; QD_ENOTFOUND if none.
 */
int	 schema_find(const char *what, size_t *i);

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
 * the SQL functions qd_actor() and qd_via(), guards through qd_role(),
 * qd_user_id(), qd_office_id() and qd_may(noun, verb) (perm.c). Call once
 * after db_open and again when the actor changes. The user must outlive
 * its use on db.
 */
int	 db_set_actor(sqlite3 *, const struct qd_user *);
/*
 * Act as the system (role "system": the schema's migrations and the local
 * demo-data loader, never a login); name is audited as the actor.
 */
int	 db_set_system_actor(sqlite3 *, const char *name, const char *via);
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

/*
 * perm.c: who may do what, from the permissions table (010-permissions.sql):
 * a permission is "noun verb" ("catalog write"), held by some roles. The
 * triggers ask the same table with qd_may('catalog', 'write').
 */
/* Read the table of db into this process (db_open does). QD_OK or QD_EDB. */
int	 perm_load(sqlite3 *);
/* 1 once a database's permissions were read. */
int	 perm_known(void);
/* The roles that hold may ("noun verb"), as 1 << role bits; 0 if none. */
int	 perm_roles(const char *may);
int	 role_may(enum qd_role, const char *may);
/* 1 if user's role holds may; 0 for a NULL user. */
int	 user_may(const struct qd_user *, const char *may);
/* Who holds may, for a refusal: "an admin or an auditor", "no one". */
void	 perm_who(const char *may, char *buf, size_t len);

/* db-terminal.c: a user's terminal settings (My account). */
struct qd_terminal {
	char		*charset;	/* "Big5"; NULL: follow LANG */
	int		 compression_force; /* the UI only on a compressed link */
};
/* The chosen spelling of a charset a user may set, or NULL if none. */
const char *db_terminal_charset_canon(const char *);
/* The choice after name (NULL: the first), NULL after the last. */
const char *db_terminal_charset_next(const char *);
void	 db_terminal_free(struct qd_terminal *);
/* Fill t (caller frees with db_terminal_free) with actor's settings. */
int	 db_user_terminal(sqlite3 *, const struct qd_user *actor,
	    struct qd_terminal *t);
/*
 * Save actor's own settings, audited. QD_EINVAL with *why (caller frees)
 * for the local operator or a charset not offered.
 */
int	 db_user_terminal_set(sqlite3 *, const struct qd_user *actor,
	    const struct qd_terminal *t, char **why);

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
/* What db_audit_find narrows to; NULL or 0 members match every row. */
struct qd_audit_filter {
	const char	*actor;		/* login, exactly */
	const char	*tbl;		/* table, exactly */
	int64_t		 record;	/* with tbl: that record */
	const char	*action;	/* "insert", "login" ... */
	const char	*day;		/* YYYY-MM-DD in China time */
};
/* db_audit_list of the rows that match f (NULL: all). */
int	 db_audit_find(sqlite3 *, const struct qd_user *actor,
	    const struct qd_audit_filter *f, int64_t before_id, int limit,
	    struct qd_audit **out, size_t *n, char **why);
void	 audit_free_array(struct qd_audit *, size_t);
/*
 * Who changed a record last and when ("YYYY-MM-DD HH:MM", local time), for
 * the message of a lost race: QD_OK with *who and *when (caller frees),
 * QD_ENOTFOUND when no audit row names it, or QD_EDB.
 */
int	 db_audit_last(sqlite3 *, const char *table, int64_t record,
	    char **who, char **when);

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

/*
 * idcheck.c: identity numbers of Taiwan residents and contact fields, for
 * the intake form and again in the data layer. Every function first trims
 * the input, maps full-width ASCII ("１２３", "（Ａ）") to ASCII and (for
 * the numbers) upper-cases letters. NULL input counts as "". On a refusal
 * they return QD_EINVAL, leave out empty and set *why (caller frees; why
 * may be NULL) to a bilingual message saying what is wrong.
 */
/*
 * Mainland Travel Permit for Taiwan Residents (台胞证): 8 digits (*old =
 * 0), or the old 10 digits with an optional "(X)"/"(XY)" of letters or
 * digits (*old = 1). out gets the 8 digits (the old form's first 8).
 */
int	 idcheck_mtp(const char *, char out[9], int *old, char **why);
/*
 * Residence permit for Taiwan residents (居住证): "830000", the date of
 * birth YYYYMMDD (a real day, 1900 to today), 3 digits and the GB
 * 11643-1999 check character (x accepted, out has X). When birth (any form
 * idcheck_date takes) is neither NULL nor blank, the embedded date must be
 * the same day.
 */
int	 idcheck_residence(const char *, const char *birth, char out[19],
	    char **why);
/* Taiwan ID (身分證字號): A-Z, then 1, 2, 8 or 9, 8 more digits; checksum. */
int	 idcheck_taiwan_id(const char *, char out[11], char **why);
/*
 * A date of birth as YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD (month and day may
 * have one digit) or YYYYMMDD: a real day from 1900 to today (local time).
 * out is YYYY-MM-DD.
 */
int	 idcheck_date(const char *, char out[11], char **why);
/*
 * The same for any day, named in the messages by zh and en ("领证日期",
 * "collection date"), as a field's own message should.
 */
int	 idcheck_day(const char *, const char *zh, const char *en,
	    char out[11], char **why);
/*
 * A day of a plan or a deadline: YYYY-MM-DD, a real day from 2000 to
 * 2100 (NULL or empty: today), into out.
 */
int	 idcheck_plan_day(const char *, char out[11], char **why);
/* Today in local time as YYYY-MM-DD (the days idcheck_date compares to). */
void	 idcheck_today(char out[11]);
/*
 * The form lists show: first 2 and last 2 characters kept, the rest '*';
 * 4 characters or fewer are all '*'; NULL or "" give "". Caller frees.
 */
char	*idcheck_mask(const char *);
/* Sizes of out that hold any accepted phone number or e-mail address. */
#define IDCHECK_PHONE_SIZE	64
#define IDCHECK_EMAIL_SIZE	255
/*
 * Phone: digits, spaces, '-', brackets and a leading '+', 6 to 20 digits;
 * out (outsz bytes) gets it without spaces.
 */
int	 idcheck_phone(const char *, char *out, size_t outsz, char **why);
/*
 * E-mail: one '@', something before it, a dotted domain after it, no
 * spaces or controls, at most 254 bytes; out gets it with the domain in
 * lower case.
 */
int	 idcheck_email(const char *, char *out, size_t outsz, char **why);

/*
 * namekey.c: a person's name folded for search, so that 陳大文, 陈大文 and
 * 陳 大文 find each other. OpenCC's t2s.json is opened once per process,
 * on first use.
 */
/*
 * The search key of name (NULL counts as ""): spaces, controls, U+3000 and
 * the middle dots U+00B7, U+30FB and U+2027 dropped, full-width ASCII made
 * ASCII, letters lower-cased, each invalid UTF-8 byte made U+FFFD; then
 * Traditional converted to Simplified until it no longer changes. Without
 * OpenCC (one warning logged) the cleaned name unconverted. Never NULL;
 * caller frees.
 */
char	*namekey(const char *name);
/*
 * Any text folded the same way, for full-text search: as namekey, but
 * each run of spaces, controls and dots becomes one space (none leading).
 * Never NULL; caller frees.
 */
char	*namekey_text(const char *text);
/* Open OpenCC if not tried yet; 1 if it is loaded (a startup check). */
int	 namekey_ready(void);
/* Close OpenCC; the next call opens it again (tests, valgrind). */
void	 namekey_close(void);
/* Close OpenCC and open file (NULL: t2s.json) from now on (tests). */
void	 namekey_set_config(const char *file);

/* csv.c: CSV files (RFC 4180) in UTF-8 or GB18030, as Excel saves them. */
#define CSV_FIELDS_MAX	64
enum csv_charset {
	CSV_UTF8,
	CSV_GB18030,	/* Excel on Chinese Windows; also read for GBK */
};
/* "utf-8", "gb18030" or "gbk", any case. QD_OK or QD_EINVAL. */
int	 csv_charset_parse(const char *, enum csv_charset *);
const char *csv_charset_name(enum csv_charset);	/* "utf-8" */
struct csv_reader;
/*
 * Read len bytes of data (not copied: they must outlive the reader) in
 * charset, skipping a UTF-8 BOM. NULL with *why (caller frees,
 * "第N行 line N: ...") when a byte does not convert.
 */
struct csv_reader *csv_open(const char *data, size_t len, enum csv_charset,
	    char **why);
/*
 * The next row: 1 with *fields and *n (owned by the reader until the next
 * call), 0 at the end, -1 with *why ("第N行 line N: ...") for an
 * unterminated quote, a stray quote, a row over 64 KiB, more than
 * CSV_FIELDS_MAX fields, invalid UTF-8 or a control character (only a
 * quoted field may hold newlines; CRLF in one becomes LF). A field of an
 * apostrophe before what looks like a formula loses the apostrophe (see
 * csv_write_row). Nothing is read after an error.
 */
int	 csv_next(struct csv_reader *, char ***fields, size_t *n, char **why);
/* The line where the last row read starts, from 1. */
size_t	 csv_row_line(const struct csv_reader *);
void	 csv_close(struct csv_reader *);
/*
 * Write one row ending in CRLF, quoting the fields that need it. A field a
 * spreadsheet would run as a formula (beginning with = + - @, a tab or CR,
 * after any apostrophes) gets one apostrophe more in front, which
 * csv_next drops again. QD_EINVAL with *why for a field a reader would
 * refuse (control characters but newline, invalid UTF-8) or one without a
 * GB18030 form; QD_ESYS when writing fails. What is written reads back the
 * same.
 */
int	 csv_write_row(FILE *, const char *const *fields, size_t n,
	    enum csv_charset, char **why);
/* The UTF-8 BOM Excel wants to see Chinese; nothing for GB18030. */
int	 csv_write_bom(FILE *, enum csv_charset);

/* json.c: JSON output for the commands. */
/*
 * Print s as a JSON string, quotes included: quote, backslash and control
 * characters escaped, invalid UTF-8 bytes as U+FFFD, so the output is
 * always valid JSON.
 */
void	 json_print_string(FILE *, const char *);

/* db-import.c: CSV imports into the catalog tables, all or nothing. */
struct csv_column {
	const char	*name;		/* "tw_qual", the export's header */
	const char	*alias;		/* "台湾资格", or NULL */
	int		 required;
};
/*
 * Import CSV data whose header row names columns (in any order, any case,
 * by name or alias) in one transaction: row is called for each row that
 * is not blank, with its line and cells[i] the trimmed text of columns[i]
 * ("" when the row is short, NULL when the header lacks the column). The first error
 * (an unknown, repeated or missing column, a bad CSV row, row's own)
 * rolls everything back and gives QD_EINVAL (or row's code) with
 * "第N行 line N: why".
 */
int	 db_import(sqlite3 *, const char *data, size_t len, enum csv_charset,
	    const struct csv_column *columns, size_t ncolumns,
	    int (*row)(sqlite3 *, void *arg, size_t line, char **cells,
	    char **why),
	    void *arg, char **why);
/*
 * An optional 1/0 cell: *value is 1 or 0, or left alone when the cell is
 * NULL or empty. QD_EINVAL otherwise, naming the column label.
 */
int	 db_import_flag(const char *cell, const char *label, int *value,
	    char **why);

/* demo-data.c (generated from schema/demo/ at build time). */
struct demo_file {
	const char	*name;		/* "catalog.csv" */
	const char	*data;
	size_t		 len;
};
extern const struct demo_file demo_files[];
extern const size_t demo_nfiles;

/* demo.c: the demo database. */
/*
 * Create the demo users in db if missing (one liaison per office, center,
 * admin, auditor) and authorise for all of them the invoking user's
 * ~/.ssh/ public keys, making ~/.ssh/id_ed25519 if there is none; then
 * run each module's demo hook (the catalog loads its invented entries). *keyfile
 * gets the private key path to suggest to ssh (caller frees).
 */
int	 demo_setup(sqlite3 *, char **keyfile, char **why);
/* The embedded demo file name (schema/demo/), or NULL. */
const struct demo_file *demo_file(const char *name);
/* The count that sql (constant text) returns, or -1. */
long long demo_count(sqlite3 *, const char *sql);

/*
 * db-fts.c: the tokenizer "qd" of SQLite's FTS5 for Chinese text, on every
 * connection. Text is folded with namekey_text (補貼 and 补贴 are one
 * word) and then cut by mode, its argument: "bigram" (the default, as
 * Lucene's CJK analyzer: each Han character and each pair of neighbours,
 * so one- and two-character words are found), "icu" (ICU's dictionary
 * word boundaries) or "icuchar" (ICU's words and their characters).
 * Letters and digits make lower-case words in every mode.
 */
enum fts_mode { FTS_BIGRAM, FTS_ICU, FTS_ICU_CHARS };
#define FTS_NMODES	3
/* The mode's name as the tokenizer's argument takes it ("bigram"). */
const char *fts_mode_name(enum fts_mode);
/* Register "qd" on db. QD_OK or QD_EDB. */
int	 db_fts_register(sqlite3 *);
/*
 * An FTS5 query for what a user typed (any text): the words of text as
 * the tokenizer cuts a query, each quoted, joined with OR, so bm25 ranks
 * the answers that share most of them first. NULL when text has no word.
 * Caller frees.
 */
char	*fts_query(const char *text, enum fts_mode);
/* The words of that query into *out (free with fts_words_free); how many. */
size_t	 fts_words(const char *text, enum fts_mode, char ***out);
void	 fts_words_free(char **, size_t);
/* n words quoted and joined with OR, as fts_query (NULL for none). */
char	*fts_or(char *const *words, size_t n);

/*
 * db-rows.c: a listing's rows as text, for the commands and the screens
 * alike. Start from a zeroed struct db_rows.
 */
struct db_rows {
	size_t		  n;		/* rows */
	size_t		  ncols;	/* cells a row */
	char		**cells;	/* n * ncols, never NULL */
	int64_t		 *ids;		/* the record of each row */
};
/*
 * Step st to its end, appending a row each: column 0 is the row's id,
 * columns 1 to ncols its cells ("" for NULL). QD_OK, or QD_EDB with *why
 * (the rows read so far stay; free them with db_rows_free).
 */
int	 db_rows_read(sqlite3 *, sqlite3_stmt *, size_t ncols,
	    struct db_rows *, char **why);
/* Cell c of row r, "" outside the rows. */
const char *db_rows_cell(const struct db_rows *, size_t r, size_t c);
void	 db_rows_free(struct db_rows *);

/* db-draft.c: forms saved while typing; one per user, form and record. */
int	 db_draft_save(sqlite3 *, const struct qd_user *actor, const char *form,
	    int64_t ref, const char *data, char **why);
/* QD_OK and *data (caller frees), or QD_ENOTFOUND. */
int	 db_draft_load(sqlite3 *, const struct qd_user *actor, const char *form,
	    int64_t ref, char **data, char **updated_at);
int	 db_draft_drop(sqlite3 *, const struct qd_user *actor, const char *form,
	    int64_t ref);
/*
 * How many drafts actor keeps of the forms whose name starts with prefix
 * (NULL: of every form) into *n. QD_OK, or QD_EDB with *n 0.
 */
int	 db_draft_count(sqlite3 *, const struct qd_user *actor,
	    const char *prefix, int *n);

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
struct cmd_entry {
	const char	*noun;
	const char	*verb;		/* NULL for a one-word command */
	const char	*args;		/* usage after noun and verb */
	const char	*summary;
	int		 flags;
	/*
	 * The permission ("user write", perm.c) a role needs to run it, or
	 * NULL for every role; the data layer asks it again.
	 */
	const char	*may;
	int		(*exec)(struct cmd_ctx *, int argc, char **argv);
};
/*
 * The i-th command: the platform's (cmd.c), then each module's in order;
 * NULL past the last.
 */
const struct cmd_entry *cmd_entry_at(size_t i);
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
/*
 * Open ctx->db at ctx->db_path for a CMD_NODB command that needs it after
 * all; the caller closes it. An exit code, the failure printed.
 */
int	 cmd_open_db(struct cmd_ctx *);

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
int	 cmd_schema_show(struct cmd_ctx *, int, char **);
/* cmd-user.c, for the user, key and audit verbs. */
struct option;
/*
 * Print "qualdesk NOUN VERB: message" (unless fmt is NULL) and the verb's
 * usage line to ctx->err; returns QD_EXIT_USAGE.
 */
int	 cmd_usage_error(struct cmd_ctx *, const char *noun, const char *verb,
	    const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/*
 * getopt_long with messages on ctx->err: the next option, or -1 at the
 * end or on a bad option (then *rc is QD_EXIT_USAGE, else QD_EXIT_OK).
 */
int	 cmd_getopt(struct cmd_ctx *, const char *noun, int argc, char **argv,
	    const struct option *, int *rc);
/*
 * cmd-format.c: --office CODE as the office's id in *id (0 before the
 * call); a usage error naming the codes if there is none, and a refusal
 * (QD_EXIT_DENIED) when an office's user names another office.
 */
int	 cmd_office_id(struct cmd_ctx *, const char *noun, const char *code,
	    char **argv, int64_t *id);
/* cmd-format.c: output of the listing verbs. */
enum cmd_format { CMD_FORMAT_TEXT, CMD_FORMAT_CSV, CMD_FORMAT_JSON };
#define CMD_FORMATS_ALL	((1 << CMD_FORMAT_TEXT) | (1 << CMD_FORMAT_CSV) | \
	(1 << CMD_FORMAT_JSON))
/* A --format value among the allowed (1 << format) bits; QD_EINVAL if not. */
int	 cmd_format_parse(const char *, int allowed, enum cmd_format *);
const char *cmd_format_name(enum cmd_format);
/* A whole decimal number in [min, max], or -1 if it is not one. */
long long cmd_number(const char *, long long min, long long max);
enum cmd_type {
	CMD_STRING,
	CMD_NUMBER,		/* "" is null in JSON */
	CMD_OPTIONAL,		/* "" is null in JSON and "-" in text */
	CMD_BOOL,		/* "1" or "0": yes/no in text, true/false in JSON */
};
#define CMD_NOTEXT	0x1	/* left out of the text table */
#define CMD_TEXTONLY	0x2	/* only in the text table */
/* One column of a list: its key in CSV and JSON, its title in text. */
struct cmd_column {
	const char	*key;
	const char	*title;
	enum cmd_type	 type;
	int		 flags;
	int		 max;		/* widest in text columns, 0: no limit */
};
/* A list's rows as strings, ncols to a row (cells owned). */
struct cmd_rows {
	const struct cmd_column	*cols;
	size_t			 ncols;
	char			**cells;
	size_t			 n;
};
/* Add a row of ncols strings (copied; NULL as ""). */
void	 cmd_rows_add(struct cmd_rows *, const char *const *cells);
void	 cmd_rows_free(struct cmd_rows *);
/*
 * Step st to its end, adding each row's first ncols columns as text (NULL
 * as ""). Returns the last sqlite3_step result: SQLITE_DONE when all went.
 */
int	 cmd_rows_from_stmt(struct cmd_rows *, sqlite3_stmt *);
/*
 * Print rows to ctx->out: aligned text (nothing when empty), CSV with a
 * header of the keys, or a JSON array of objects. Returns an exit code.
 */
int	 cmd_rows_print(struct cmd_ctx *, enum cmd_format,
	    const struct cmd_rows *);
/* "key": value of a JSON object (NULL as null), then ", " when more. */
void	 cmd_json_string(FILE *, const char *key, const char *value, int more);
void	 cmd_json_number(FILE *, const char *key, long long value, int more);
/* "label  value" with label padded to cols; nothing when value is empty. */
void	 cmd_label_line(FILE *, const char *label, const char *value,
	    int cols);
/* s as one word that sh and cmd_split read back unchanged. */
void	 cmd_shell_word(FILE *, const char *);

/* libssh's handles, named without including libssh here. */
struct ssh_bind_struct;
struct ssh_session_struct;
struct ssh_channel_struct;
struct ssh_event_struct;
struct ssh_key_struct;
struct ssh_counter_struct;

/* server-listen.c: the listener. Never parses client data. */
/*
 * Serve until SIGTERM/SIGINT: bind every cfg->listen address, accept,
 * fork one connection process each. SIGHUP rereads cfg->path. Once every
 * address listens, ready (if not NULL) is printed on stdout. Returns an
 * exit code.
 */
int	 server_run(struct qd_config *, const char *db_path, const char *ready);
/* Make an ed25519 host key at path (mode 0600) if none exists. */
int	 server_host_key_ensure(const char *path, char **why);

/* server-conn.c: one connection process (libssh, authentication). */
/* What the listener hands to a connection process. */
struct server_conn_start {
	int			 fd;		/* the accepted socket */
	unsigned long		 conn_id;
	const char		*peer;		/* "127.0.0.1:4242", "[::1]:4242" */
	struct ssh_bind_struct	*bind;		/* host key and algorithms */
	int			 auth_fd;	/* write 'A' here once authenticated */
};
/*
 * How a connection process that never logged in ended, as its exit status
 * (0 for the rest): the listener's per-source penalties read it.
 */
#define SERVER_CONN_AUTHFAIL	10	/* every key refused */
#define SERVER_CONN_NOAUTH	11	/* left before logging in */
#define SERVER_CONN_GRACE	12	/* no login within the grace time */
/* Run the SSH session on the accepted socket; never returns. */
void	 server_conn_main(const struct server_conn_start *,
	    struct qd_config *, const char *db_path)
	    __attribute__((noreturn));

/* server-auth.c: public-key authentication against the database. */
struct server_auth {
	sqlite3		*db;		/* open for the checks, or NULL */
	const char	*peer;
	unsigned long	 conn_id;
	int		 max_tries;
	int		 failures;	/* attempts refused so far, any method */
	int		 none_seen;	/* the first "none" is free */
	int		 bad_signature;	/* libssh dropped one unanswered */
	struct qd_user	*user;		/* set once a signature proved a key */
	char		 via[96];	/* "ssh 127.0.0.1:4242", user->via */
	char		 fingerprint[80]; /* of the key that authenticated */
	char		 last_login[160]; /* last name tried, escaped */
};
/* The auth_pubkey_function callback; userdata is a struct server_auth. */
int	 server_auth_pubkey(struct ssh_session_struct *, const char *login,
	    struct ssh_key_struct *, char state, void *userdata);
/* Copy an untrusted name into buf: printable ASCII, the rest as \xNN, cut. */
void	 server_auth_escape(char *buf, size_t size, const char *name);
/* "SHA256:..." for a key (caller frees). */
char	*server_key_fingerprint(struct ssh_key_struct *);

/* server-key.c: private key files as ssh-keygen writes them. */
/*
 * Write key to path (mode 0600) in the OpenSSH format, the base64 body
 * wrapped at 70 columns. QD_ESYS with *why (caller frees) on failure.
 */
int	 server_key_write(struct ssh_key_struct *, const char *path,
	    char **why);
/*
 * An unencrypted OpenSSH private key (pem as libssh exports it) padded to
 * 8 bytes and wrapped at 70 columns (caller frees), or NULL.
 */
char	*server_key_wrap(const char *pem);

/* session-*.c: the session channel: requests, the pty relay and exec. */
#define SESSION_INBUF	65536	/* channel bytes waiting for the child */
#define SESSION_OUTBUF	16384	/* a frame of the UI waiting to go out */
#define SESSION_PROBE	256	/* blanks that tell a compressed link */
enum session_slot_name {
	SESSION_OUT,		/* pty master, or the command's stdout */
	SESSION_ERR,		/* the command's stderr */
	SESSION_IN,		/* the command's stdin (a pty takes input on OUT) */
	SESSION_FRAME,		/* the UI's "frame drawn" pipe */
	SESSION_NSLOTS
};
struct session_slot {
	int		 fd;		/* -1 when closed */
	short		 polled;	/* events registered with the event */
	short		 revents;	/* what the last poll saw */
	int		 eof;
};
/* session-charset.c: the client's terminal charset, converted in the relay. */
enum session_charset_kind {
	SESSION_CHARSET_NONE,		/* nothing said: UTF-8 */
	SESSION_CHARSET_UTF8,
	SESSION_CHARSET_ASCII,		/* LANG=C, POSIX */
	SESSION_CHARSET_OTHER,		/* for iconv: BIG5, GB18030... */
	SESSION_CHARSET_BAD,		/* not a name */
};
struct session_charset {
	int		 active;	/* 0: UTF-8, bytes pass unchanged */
	int		 ascii;		/* 7 bits: the rest shown as ? */
	char		 name[32];	/* as iconv knows it */
	void		*to_client;	/* iconv_t, or (void *)-1 */
	void		*from_client;
	char		 out_tail[4];	/* a UTF-8 character cut by a read */
	size_t		 out_tail_len;
	char		 in_tail[8];	/* a client character cut likewise */
	size_t		 in_tail_len;
	char		 repl[8];	/* ？ in the client's charset */
	size_t		 repl_len;
};
/*
 * The codeset a locale (zh_TW.Big5) or a charset name (GB18030) names,
 * into name (size bytes): its kind. Never opens anything.
 */
int	 session_charset_name(const char *spec, char *name, size_t size);
/* An inactive converter (UTF-8); session_charset_close makes it so again. */
void	 session_charset_init(struct session_charset *);
/*
 * Convert to and from spec (a locale or a charset name; NULL or UTF-8:
 * no conversion). QD_EINVAL with *why (caller frees) for an unknown one.
 */
int	 session_charset_open(struct session_charset *, const char *spec,
	    char **why);
void	 session_charset_close(struct session_charset *);
/*
 * UTF-8 at in (len) for the client, into out (2 * len + 8 bytes at
 * least). Returns the bytes written; a cut character waits for the rest.
 */
size_t	 session_charset_to_client(struct session_charset *, const char *in,
	    size_t len, char *out);
/* At the end of the output: a cut character left as '?'; bytes written. */
size_t	 session_charset_to_client_end(struct session_charset *, char *out);
/*
 * The client's bytes at in (len) as UTF-8 into out (size). Returns the
 * bytes written; *used says how many of in were taken (a cut character
 * is taken and kept for the next call).
 */
size_t	 session_charset_from_client(struct session_charset *,
	    const char *in, size_t len, char *out, size_t size, size_t *used);
/* 1 if s (len) reads as UTF-8 text: no NUL, no bad sequence. */
int	 session_charset_is_text(const char *s, size_t len);

struct session {
	struct ssh_session_struct	*ssh;
	struct ssh_channel_struct	*channel;	/* NULL until opened */
	struct ssh_event_struct		*event;
	struct ssh_counter_struct	*counter;	/* bytes on the socket */
	struct ssh_counter_struct	*raw;		/* bytes before zlib */
	unsigned long			 conn_id;
	const struct qd_user		*user;
	struct qd_config		*cfg;
	const char			*db_path;

	char				*term;		/* from pty-req */
	char				*env_lang;	/* LANG, LC_CTYPE, LC_ALL */
	char				*env_lc_ctype;
	char				*env_lc_all;
	char				*env_charset;	/* QD_CHARSET */
	char				*opt_charset;	/* exec --charset */
	char				*charset_note;	/* for the UI to say */
	struct session_charset		 charset;
	struct qd_terminal		 terminal;	/* the user's settings */
	int				 out_checked;	/* stdout sniffed */
	int				 out_binary;	/* not text: as is */
	uint64_t			 bytes_out;	/* from the child */
	int				 frame_child_fd; /* its end, in the child */
	char				 outbuf[SESSION_OUTBUF];
	size_t				 outlen;	/* bytes of a frame held */
	double				 out_since;	/* held since (seconds) */
	int				 out_flush;	/* the frame is complete */
	int				 g0_other;	/* ESC ( other than B seen */
	int				 cols, rows;
	int				 pty;		/* a pty was requested */
	int				 started;	/* shell or exec began */
	time_t				 since;		/* authenticated at */

	pid_t				 child;		/* -1: none or reaped */
	int				 child_status;	/* from waitpid */
	int				 child_done;
	time_t				 child_done_at;
	struct session_slot		 slot[SESSION_NSLOTS];

	char				 inbuf[SESSION_INBUF];
	size_t				 inlen;		/* bytes in inbuf */
	int				 in_pending;	/* libssh holds more */
	int				 client_eof;	/* no more channel data */
	int				 client_gone;	/* channel closed or lost */
	const char			*gone_why;
	int				 terminating;	/* SIGTERM passed on */
	time_t				 last_rx;	/* last byte from the client */
	uint64_t			 rx_bytes;
	time_t				 keepalive_at;	/* last keepalive sent */
};
/* session-channel.c: the channel's requests and the session's loop. */
/* Prepare s for an authenticated user, on event (which polls ssh). */
void	 session_init(struct session *, struct ssh_session_struct *,
	    struct ssh_event_struct *, unsigned long conn_id,
	    const struct qd_user *, struct qd_config *, const char *db_path);
/* The channel_open_request_session callback; userdata is a session. */
struct ssh_channel_struct *session_channel_open(
	    struct ssh_session_struct *, void *userdata);
/*
 * Serve the session until its child ends (exit status sent) or the
 * client goes; never leaves a child behind. Returns 0 after a clean end.
 */
int	 session_run(struct session *);
void	 session_free(struct session *);
/* SIGTERM and SIGCHLD handlers of the connection process. */
void	 session_signals_init(void);
/* 1 once SIGTERM arrived. */
int	 session_terminate_requested(void);
/* session-relay.c: bytes between the channel and the child. */
/* Register each slot's fd for the events it needs now. */
void	 session_relay_polls(struct session *);
/* Move what the last poll made possible; updates each slot's eof. */
void	 session_relay_pump(struct session *);
/* 1 once every output slot reached its end. */
int	 session_relay_drained(const struct session *);
/* The channel data callback's body: keep what fits, return it. */
size_t	 session_relay_input(struct session *, const void *, size_t);
/* Write a message to the channel's stderr (or stdout on a pty). */
void	 session_relay_message(struct session *, const char *);
/* Unregister and close every slot. */
void	 session_relay_close(struct session *);
/* Milliseconds until a held frame must go out anyway, or -1. */
int	 session_relay_next_ms(const struct session *);
/* session-pty.c: the UI (command NULL) or a command on a pty. */
int	 session_pty_start(struct session *, const char *command);
/*
 * Put the terminal fd in raw input mode (no signal characters, no
 * canonical editing, no echo, no flow control), so what is typed before
 * the UI runs curses is input, not a signal. -1 with errno on failure.
 */
int	 session_pty_raw(int fd);
/* Give the pty the size in s->cols, s->rows. */
void	 session_pty_resize(struct session *);
/* session-exec.c: a command with pipes, no pty. */
int	 session_exec_start(struct session *, const char *command);
/* session-child.c: the child side, after fork. */
/*
 * Leave only fds 0, 1, 2; default signals, but SIGINT and SIGQUIT ignored
 * for the UI (ui set) until it takes them over; no core file, not
 * dumpable (proc_protect); a clean environment.
 */
void	 session_child_setup(struct session *, pid_t parent, int ui);
/* Run the UI (command NULL) or the command; never returns. */
void	 session_child_run(struct session *, const char *command)
	    __attribute__((noreturn));

/* ui.c: the curses UI, with no knowledge of SSH. */
/*
 * Run the full-screen UI for login on the terminal on stdin/stdout until
 * the user quits. Opens its own database connection. Returns an exit code.
 */
int	 ui_main(const char *db_path, const char *login, const char *via,
	    const struct qd_config *);

/*
 * ui-*.c and screens: the curses engine and the screens it runs. A screen
 * (screens/NAME.c) is a const declaration of fields, a list and actions
 * plus small handlers; the engine draws and edits them.
 */

/* Logical keys (ui-keys.c): a character is its code point, the rest follow. */
#define UI_KEY_NONE	0
enum ui_key {
	UI_KEY_F1 = 0x110001,	/* F1..F12 are consecutive */
	UI_KEY_F12 = UI_KEY_F1 + 11,
	UI_KEY_UP,
	UI_KEY_DOWN,
	UI_KEY_LEFT,
	UI_KEY_RIGHT,
	UI_KEY_HOME,
	UI_KEY_END,
	UI_KEY_PGUP,
	UI_KEY_PGDN,
	UI_KEY_TAB,
	UI_KEY_BTAB,
	UI_KEY_ENTER,
	UI_KEY_BACKSPACE,
	UI_KEY_DELETE,
	UI_KEY_KILL,		/* Ctrl-U: empty the field */
	UI_KEY_RESIZE,		/* draw everything again at the current size */
	UI_KEY_EXIT,		/* idle timeout or a signal: leave at once */
};
#define UI_KEY_F(n)	(UI_KEY_F1 + (n) - 1)
#define UI_KEY_HELP	UI_KEY_F(1)
#define UI_KEY_SAVE	UI_KEY_F(2)
#define UI_KEY_BACK	UI_KEY_F(3)
#define UI_KEY_QUIT	UI_KEY_F(10)

/* The smallest terminal the screens are drawn on. */
#define UI_MIN_COLS	40
#define UI_MIN_LINES	10

/* One running UI: its database connection, user and message line. */
struct ui {
	sqlite3			*db;
	struct qd_user		*user;
	const struct qd_config	*cfg;
	int			 quit;		/* leave every screen now: */
#define UI_QUIT_USER	1		/* F10, q */
#define UI_QUIT_IDLE	2		/* the idle timeout passed */
#define UI_QUIT_SIGNAL	3		/* a signal, or the terminal hung up */
	char			 msg[512];	/* the message line */
	int			 msg_error;
	int			 cursor_y;	/* where the cursor shows, */
	int			 cursor_x;	/* or -1: hidden */
	int			 colour;	/* has_colors() */
	double			 last_key;	/* monotonic seconds */
	const char		*term_name;	/* terminfo entry in use */
};

/* ui-edit.c: the line editor every text field uses; no curses inside. */
struct ui_edit {
	char		*buf;		/* UTF-8, NUL-terminated */
	size_t		 len;		/* bytes in buf */
	size_t		 cap;
	size_t		 cursor;	/* byte offset, on a character start */
	int		 scroll;	/* first column shown */
	int		 max_chars;	/* 0: no limit */
	size_t		 max_bytes;	/* 0: no limit */
	int		 changed;	/* edited since init or set */
	unsigned int	 edits;		/* counts changes to the text */
	char		 why[200];	/* why the last change was refused */
};
/* Start e holding text (may be NULL), limited to max_chars and max_bytes. */
void	 ui_edit_init(struct ui_edit *, const char *text, int max_chars,
	    size_t max_bytes);
void	 ui_edit_free(struct ui_edit *);
/* Replace the text (cursor at its end). QD_EINVAL with why if refused. */
int	 ui_edit_set(struct ui_edit *, const char *text);
/*
 * Insert UTF-8 text at the cursor, all or nothing: QD_EINVAL with e->why
 * for control characters, invalid UTF-8 or a limit passed.
 */
int	 ui_edit_insert(struct ui_edit *, const char *text);
void	 ui_edit_backspace(struct ui_edit *);
void	 ui_edit_delete(struct ui_edit *);
void	 ui_edit_left(struct ui_edit *);
void	 ui_edit_right(struct ui_edit *);
void	 ui_edit_home(struct ui_edit *);
void	 ui_edit_end(struct ui_edit *);
/*
 * Apply a logical key: 1 if it edited or moved, 0 if it is no editing key,
 * -1 if refused (e->why says why).
 */
int	 ui_edit_key(struct ui_edit *, int key);
/* Characters in the text. */
int	 ui_edit_chars(const struct ui_edit *);
/* Column of the cursor from the start of the text. */
int	 ui_edit_cursor_col(const struct ui_edit *);
/*
 * Scroll so the cursor shows in a field width columns wide. Returns the
 * byte offset of the first character drawn; *lead is the blank columns
 * before it (1 when a wide character straddles the left edge) and *cx the
 * cursor's column in the field.
 */
size_t	 ui_edit_view(struct ui_edit *, int width, int *lead, int *cx);

/* Screens: what screens/NAME.c declares. */
struct ui_view;
struct ui_keybar_item;
enum ui_field_type {
	UI_FIELD_TEXT,		/* typed with the line editor */
	UI_FIELD_CHOICE,	/* one of a list: Left/Right or Space */
	UI_FIELD_SHOW,		/* shown, not edited: from get() */
};
struct ui_choice {
	char		*value;		/* what the handler gets ("" for none) */
	char		*label;		/* what the user sees */
};
struct ui_field {
	const char	*label;		/* "登录名 Login" */
	enum ui_field_type type;
	int		 width;		/* columns of the input at 80 columns */
	int		 max_chars;	/* 0: width */
	int		 max_bytes;	/* 0: 4 per character */
	int		 required;
	const char	*column;	/* the record column it stands for */
	/* QD_OK, or QD_EINVAL and *why (caller frees) in a clerk's words. */
	int		(*validate)(const char *value, char **why);
	/* UI_FIELD_CHOICE: the choices (caller frees with ui_choices_free). */
	int		(*choices)(struct ui *, struct ui_choice **, size_t *);
	/* UI_FIELD_SHOW: the value (caller frees). */
	char	       *(*get)(struct ui *);
};
struct ui_column {
	const char	*title;		/* "登录名 Login" */
	int		 width;		/* columns at 80 columns */
	int		 grow;		/* shares of extra width it takes, or */
};
/* A column's grow: shown only when the screen has room for it. */
#define UI_COLUMN_WIDE	(-1)
/* Rows of a list as strings; ids and keys name each row's record. */
struct ui_rows {
	size_t		  n;
	size_t		  ncols;
	char		**cells;	/* n * ncols, owned */
	int64_t		 *ids;
	char		**keys;
	char		 *marks;	/* n flags: marked (multi lists) */
	char		 *cursor;	/* where the next page starts, owned */
	int		  more;		/* more rows can still be loaded */
};
struct ui_list {
	const char		*title;		/* above the list, or NULL */
	const struct ui_column	*columns;
	size_t			 ncolumns;
	/*
	 * Append one page of rows to rows. cursor is NULL for the first page,
	 * else what this loader left in rows->cursor after the page before
	 * (rows->cursor itself is NULL on entry): an opaque string, such as
	 * "2024-05-01T04:00:00Z 1234" for keyset paging by (time, id) with no
	 * OFFSET. Set rows->more and rows->cursor (ui_rows_set_cursor) when
	 * there may be more; more without a cursor is taken as no more. Filter
	 * values are read with ui_view_value(v, ...). QD_OK or an error with
	 * *why (caller frees).
	 */
	int			(*load)(struct ui *, struct ui_view *,
				    struct ui_rows *, const char *cursor,
				    char **why);
	/*
	 * Optional: a line above the column titles (caller frees), such as
	 * counts. Made at each draw: a loader may count and keep the figures
	 * in the view's priv for it.
	 */
	char		       *(*summary)(struct ui *, struct ui_view *);
	const char		*empty;		/* shown when there are no rows */
	int			 multi;		/* Space marks rows */
};
#define UI_ROLE(r)	(1 << (r))
#define UI_ROLES_ALL	((1 << ROLE_COUNT) - 1)
/* The role groups, defined once. An office's staff: */
#define UI_ROLES_OFFICE		(UI_ROLE(ROLE_CLERK) | UI_ROLE(ROLE_LIAISON))
/* Those who read everything (admin, auditor): */
#define UI_ROLES_OVERSIGHT	(UI_ROLE(ROLE_ADMIN) | UI_ROLE(ROLE_AUDITOR))
/* Who sees the center's queue: reviewers and those who oversee them. */
#define UI_ROLES_REVIEW		(UI_ROLE(ROLE_CENTER) | UI_ROLES_OVERSIGHT)
/* The center's staff who act on certificates: reviewers and the admin. */
#define UI_ROLES_CENTER_STAFF	(UI_ROLE(ROLE_CENTER) | UI_ROLE(ROLE_ADMIN))
/* What the engine does after an action's handler. */
enum ui_next {
	UI_STAY,		/* keep the screen as it is */
	UI_RELOAD,		/* load the list or the page, and the shown
				   fields from their get, again */
	UI_CLOSE,		/* leave the screen */
};
/*
 * An action's key: function keys always reach the actions; Enter, Space
 * or a letter only while the focus is not in a field (in the list).
 */
struct ui_action {
	int		 key;		/* UI_KEY_F(4), UI_KEY_ENTER, 'a' */
	const char	*name;		/* the screen's own name for it, or NULL */
	const char	*label;		/* "新增 Add", on the key bar */
	/*
	 * Who may use it: the roles holding permission may ("user write",
	 * perm.c), or those not holding may_not, or else roles (UI_ROLE()
	 * bits) for what is a matter of the screens, not a permission.
	 */
	int		 roles;
	const char	*may;
	const char	*may_not;
	int		 needs_row;	/* acts on the selected row */
	enum ui_next	(*run)(struct ui *, struct ui_view *);
	/*
	 * Optional: 1 if the action applies to what the view shows now (the
	 * selected row's record, say), 0 if not: it leaves the key bar and its
	 * key says so instead of running. Called at every draw and before
	 * run, so it should be cheap (keep what it reads in the view's priv).
	 */
	int		(*enabled)(struct ui *, struct ui_view *,
			    const struct ui_action *);
};
struct ui_screen {
	const char		*name;		/* "users" */
	const char		*title;		/* "用户管理 Users" */
	const struct ui_field	*fields;
	size_t			 nfields;
	const struct ui_list	*list;
	const struct ui_action	*actions;
	size_t			 nactions;
	const char *const	*text;		/* a page of text, NULL-ended */
	const char		*table;		/* fields' columns are its own */
	/*
	 * The fields filter the list: the list loads again (selecting its
	 * first row) when a choice changes or on Enter in a field, and
	 * leaving never asks to discard what was typed.
	 */
	int			 filter;
	/*
	 * With filter: the list loads again at every change of a text field
	 * too (search as you type); curses then sends only the rows that
	 * changed.
	 */
	int			 live;
	/*
	 * Optional hooks. open runs once the fields are set up and before the
	 * list or text loads and the screen is first drawn: QD_OK shows the
	 * screen; anything else leaves at once, open having said why with
	 * ui_error and freed what it made (close is not called). close runs
	 * when the screen leaves after a successful open, for any reason.
	 */
	int			(*open)(struct ui *, struct ui_view *);
	void			(*close)(struct ui *, struct ui_view *);
	/* The title to show instead of title (caller frees); each draw. */
	char		       *(*title_get)(struct ui *, struct ui_view *);
	/*
	 * Optional: make the page of text instead of a static text. *out
	 * gets *n lines of UTF-8 (caller frees each and the array); a line
	 * wider than the screen is wrapped by columns, '\n' breaks a line.
	 * Run after open and after an action returns UI_RELOAD. QD_OK or an
	 * error with *why (caller frees).
	 */
	int			(*lines)(struct ui *, struct ui_view *,
				    char ***out, size_t *n, char **why);
	/*
	 * Optional: keep what was typed as a draft (ui_view_draft_text), so
	 * it survives a dropped link. Called when fields changed since the
	 * last call and no key came for UI_DRAFT_IDLE_MS, before an action
	 * or help runs, and when the screen leaves for any reason (F3, F10,
	 * the idle timeout, a hangup or signal). Such a screen never asks to
	 * discard what was typed; it deletes the draft itself once saved.
	 */
	void			(*draft)(struct ui *, struct ui_view *);
	/*
	 * Optional: draw what fields cannot show (a verdict in large
	 * letters, say) from line top, below the fields and the list, with
	 * the engine's drawing parts (ui_put, ui_banner). Each draw.
	 */
	void			(*draw)(struct ui *, struct ui_view *, int top);
};
#define UI_DRAFT_IDLE_MS	700
/* A screen while it runs. */
struct ui_field_state {
	struct ui_edit		 edit;		/* UI_FIELD_TEXT */
	struct ui_choice	*choices;	/* UI_FIELD_CHOICE */
	size_t			 nchoices;
	size_t			 choice;
	char			*shown;		/* UI_FIELD_SHOW */
};
struct ui_view {
	const struct ui_screen	*screen;
	struct ui_field_state	*state;		/* one per field */
	int			 focus;		/* field being edited; -1: list */
	struct ui_rows		 rows;
	size_t			 sel;		/* selected row */
	size_t			 top;		/* first row shown */
	int			 page;		/* rows shown at the last draw */
	int			 scroll;	/* first text line shown */
	int			 loaded;
	char			**lines;	/* from the lines hook */
	size_t			 nlines;
	char			**wrapped;	/* the page as drawn, */
	size_t			 nwrapped;
	int			 wrap_cols;	/* at this width (0: not yet) */
	int			 edited;	/* typed or marked since a draft */
	int			 restored;	/* fields came from a draft */
	void			*arg;		/* from ui_screen_run_arg */
	void			*priv;		/* the screen's own: open to close */
};
/* The main menu: who sees which item. */
/* An item without a letter: its number in its group chooses it. */
#define UI_MENU_NOKEY	(-1)
struct ui_menu_item {
	int			 key;		/* letter, or UI_MENU_NOKEY */
	const char		*label;		/* "用户管理 Users" */
	int			 roles;		/* UI_ROLE() bits, */
	const char		*may;		/* or those holding it (perm.c) */
	const struct ui_screen	*screen;	/* NULL: quit */
};

/* ui.c, ui-screen.c: messages, the key bar and running a screen. */
/* Put an information or an error message on the message line. */
void	 ui_msg(struct ui *, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
void	 ui_error(struct ui *, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
/*
 * Run screen until the user goes back or quits (ui->quit). arg is the
 * screen's to read with ui_view_arg (the record to show, say); the caller
 * keeps it alive until this returns. ui_screen_run passes NULL.
 */
void	 ui_screen_run(struct ui *, const struct ui_screen *);
void	 ui_screen_run_arg(struct ui *, const struct ui_screen *, void *arg);
/* The roles that may use the action (or the menu item), UI_ROLE() bits. */
int	 ui_action_roles(const struct ui_action *);
int	 ui_menu_item_roles(const struct ui_menu_item *);
/* 1 if the user's role may use the action. */
int	 ui_action_allowed(const struct ui *, const struct ui_action *);
/* 1 unless the action's enabled hook says it does not apply to v now. */
int	 ui_action_enabled(struct ui *, struct ui_view *,
	    const struct ui_action *);
/* Draw view in full (frame, body) into the screen, without output. */
void	 ui_view_draw(struct ui *, struct ui_view *);
/*
 * The keys meaningful on screen s for the user, in key order; returns n.
 * With a view, actions its enabled hooks refuse are left out; with v NULL
 * every action the role may use is in (the widest bar, for the tests).
 */
size_t	 ui_keybar_build(struct ui *, const struct ui_screen *,
	    struct ui_view *, struct ui_keybar_item *, size_t max);
/* A stored UTC time ("2024-05-01T04:00:00.000Z") as local time in buf. */
const char *ui_time(const char *utc, char *buf, size_t len);

/* ui-view.c: a running screen's values. */
/*
 * Set up v for screen s with arg: fields initialised, nothing loaded or
 * drawn, no hook run. ui_view_free frees what the engine made (not priv).
 */
void	 ui_view_init(struct ui *, struct ui_view *, const struct ui_screen *,
	    void *arg);
void	 ui_view_free(struct ui_view *);
/* What the screen was run with. */
void	*ui_view_arg(const struct ui_view *);
/* The value of the field bound to column, "" if none (owned by view). */
const char *ui_view_value(const struct ui_view *, const char *column);
/*
 * Set the field bound to column without marking it changed: a text field
 * through the line editor (its limits apply), a choice field to the choice
 * with that value, a shown field's text. QD_EINVAL if there is no such
 * column, no such choice or the editor refused the text.
 */
int	 ui_view_set(struct ui_view *, const char *column, const char *value);
/*
 * The text and choice fields bound to columns as lines "column\tvalue\n"
 * (caller frees): what a draft keeps. Values never hold control
 * characters (the editor refuses them); a choice value that does is left
 * out.
 */
char	*ui_view_draft_text(const struct ui_view *);
/*
 * Set fields from such text: lines of unknown columns or without a tab are
 * ignored, and the form counts as changed (ui_form_changed) though not as
 * changed since the last draft. QD_OK, or QD_EINVAL if some value was
 * refused (too long now, no such choice), the others set all the same.
 */
int	 ui_view_draft_apply(struct ui_view *, const char *text);
/* The key of the selected row, or NULL when the list is empty. */
const char *ui_view_row_key(const struct ui_view *);
/*
 * The ids of the marked rows in list order into *ids (caller frees), or of
 * the selected row alone when none is marked; returns how many (0 and
 * *ids NULL when the list is empty).
 */
size_t	 ui_view_marked(const struct ui_view *, int64_t **ids);
/*
 * Mark (on 1) or unmark the loaded row with id, restoring saved marks
 * say (no draft is due for it); QD_ENOTFOUND if no such row is loaded.
 */
int	 ui_view_mark(struct ui_view *, int64_t id, int on);

/* ui-term.c: the terminal: locale, terminfo fallback, signals. */
/* Start curses on stdin/stdout. QD_OK, or QD_ESYS with *why (caller frees). */
int	 ui_term_start(struct ui *, char **why);
void	 ui_term_end(struct ui *);
/* 1 once SIGTERM, SIGHUP or SIGINT arrived. */
int	 ui_term_signalled(void);
/* 1 if the terminal hung up (a pty whose other side closed). */
int	 ui_term_gone(void);
/*
 * Sleep until the terminal has input or hung up (1), or ms passed (ms < 0:
 * no limit) or a signal came (0). Nothing else wakes an idle UI.
 */
int	 ui_term_wait(int ms);
/*
 * A frame is drawn: tell the server's relay (QD_FRAME_FD), which then
 * sends it in one piece. Nothing happens when the UI runs elsewhere.
 */
void	 ui_term_frame_done(void);
/* Colour pairs beyond the frame's (1 errors, 2 the title bar). */
#define UI_PAIR_PAPER	3	/* black on white: a QR code as on paper */
#define UI_PAIR_GOOD	4	/* black on green: good news */
#define UI_PAIR_BAD	5	/* white on red: bad news */

/* ui-keys.c: the one key reader. */
/*
 * Output what was drawn unless input is pending, then wait for the next
 * key. Handles the Esc-digit and Ctrl fallbacks, the idle timeout and
 * signals (UI_KEY_EXIT, with ui->quit set).
 */
int	 ui_key_read(struct ui *);
/* Before the screen ends: drop the window keys are read from. */
void	 ui_keys_forget(void);
/* As ui_key_read, but UI_KEY_NONE once ms have passed without a key. */
int	 ui_key_read_timeout(struct ui *, int ms);
/* Name of a key for the key bar ("F2", "Enter", "a") into buf. */
const char *ui_key_name(int key, char *buf, size_t len);
/* Translate a character received after Esc: 1..9, 0 give F1..F10. */
int	 ui_key_after_esc(int ch);
/* Decode the rest of an escape sequence after Esc ("[A", "[5~", "OP"). */
int	 ui_key_sequence(const char *);

/* ui-frame.c: the title bar, message line and key bar. */
struct ui_keybar_item {
	int		 key;
	const char	*label;		/* "帮助 Help" */
};
/*
 * Draw s at y, x cut to cols columns (padded when pad), controls and bad
 * bytes shown as '?'. Returns the columns drawn.
 */
int	 ui_put(int y, int x, const char *s, int cols, int attr, int pad);
/* 1 if the terminal is smaller than UI_MIN_COLS x UI_MIN_LINES. */
int	 ui_frame_too_small(void);
/* Erase and draw the frame; returns 0 if the body may be drawn. */
int	 ui_frame_draw(struct ui *, const struct ui_keybar_item *,
	    size_t nkeys);
void	 ui_frame_message(struct ui *);
/*
 * The key bar text fitted into cols columns: the most detailed of five
 * levels that fits, from "F4 新增 Add" to key names alone.
 */
void	 ui_frame_keybar_text(const struct ui_keybar_item *, size_t n,
	    int cols, char *buf, size_t len);
/* First and last lines of the body, both included. */
int	 ui_frame_body_top(void);
int	 ui_frame_body_bottom(void);
/* How a banner reads. */
enum ui_tone {
	UI_TONE_PLAIN,		/* bold words, no band */
	UI_TONE_GOOD,		/* a green band (reversed without colour) */
	UI_TONE_BAD,		/* a red band (reversed and bold without) */
};
/*
 * A verdict seen from across the desk: headline centred in a band three
 * lines high across the screen from line y, then detail (may be NULL)
 * wrapped below it, as far as the body goes. Returns the next free line.
 */
int	 ui_banner(struct ui *, int y, const char *headline,
	    const char *detail, enum ui_tone);

/* ui-chart.c: charts as text, in block characters or ASCII. */
/* 1 if charts should be ASCII here: no colour, a vt100, the console. */
int	 ui_chart_ascii_default(const struct ui *);
/*
 * A sparkline of n values, one column each (caller frees): eighth-height
 * blocks scaled to the largest, ASCII "_.-~=+*#" when ascii; a space for
 * zero.
 */
char	*ui_chart_spark(const double *, size_t n, int ascii);
/*
 * A bar for v on a scale where max fills cols columns, in eighths of a
 * column (ASCII: '#' and '+' for a part) (caller frees); "" for nothing.
 */
char	*ui_chart_bar(double v, double max, int cols, int ascii);

/* ui-list.c, ui-form.c, ui-text.c, ui-menu.c, ui-dialog.c: the parts. */
/* Append a row: ncols cells (NULL for ""), copied. */
void	 ui_rows_add(struct ui_rows *, int64_t id, const char *key,
	    const char *const *cells);
/* Free the rows, their marks and cursor; ncols stays. */
void	 ui_rows_clear(struct ui_rows *);
/* Replace rows->cursor with a copy of cursor (NULL: none). */
void	 ui_rows_set_cursor(struct ui_rows *, const char *cursor);
/*
 * Column widths for total columns: widths[] gets one per column, 0 for a
 * wide column that does not fit.
 */
void	 ui_list_widths(const struct ui_list *, int total, int *widths);
/* Columns a list needs at its declared widths (marker included, wide
   columns not). */
int	 ui_list_min_width(const struct ui_list *);
void	 ui_list_draw(struct ui *, struct ui_view *, int top);
/*
 * 1 if the key moved the selection, paged (loading the next page past the
 * last row) or marked a row (Space in a multi list).
 */
int	 ui_list_key(struct ui *, struct ui_view *, int key);
/*
 * Load the list again: marks go; the selected row stays selected, the
 * pages down to it loaded again, else the selection stays at its place.
 */
int	 ui_list_load(struct ui *, struct ui_view *);
/*
 * Select the row of record id, loading the pages down to it: 1 if the
 * list has it, else 0 and the selection where it was.
 */
int	 ui_list_goto(struct ui *, struct ui_view *, int64_t id);
/* Rows marked in a multi list. */
size_t	 ui_list_marked(const struct ui_view *);
/*
 * Set up the fields' state. The focus starts on the first field that
 * takes input, or in the list on a filter screen or when there is none.
 */
void	 ui_form_init(struct ui *, struct ui_view *);
int	 ui_form_draw(struct ui *, struct ui_view *, int top);
/* What a key did to a form. */
enum ui_form_did {
	UI_FORM_IGNORED,	/* not the form's: the list may take it */
	UI_FORM_USED,		/* edited, chose or moved */
	UI_FORM_SUBMIT,		/* Enter on the last field: save */
	UI_FORM_FILTER,		/* a filter changed: load the list again */
};
/*
 * Give a key to the field with the focus. Tab and Shift-Tab go round the
 * fields and, on a screen with a list, into the list and back out of it
 * (with the focus in the list only they are the form's).
 */
enum ui_form_did ui_form_key(struct ui *, struct ui_view *, int key);
/* Check required fields and validators; QD_OK or a message shown. */
int	 ui_form_check(struct ui *, struct ui_view *);
/* Get the shown fields' values again: an action changed what they show. */
void	 ui_form_refresh(struct ui *, struct ui_view *);
/* 1 if something was typed into a field, or a draft filled them. */
int	 ui_form_changed(const struct ui_view *);
int	 ui_form_label_width(const struct ui_screen *);
/* Columns a form needs: marker, labels and fields at declared widths. */
int	 ui_form_min_width(const struct ui_screen *);
/*
 * Split text into lines at '\n' and wrap each at whole characters to at
 * most cols columns (a character wider than cols gets a line of its own).
 * *out gets the lines (free with ui_text_free_lines); returns how many.
 */
size_t	 ui_text_wrap(const char *text, int cols, char ***out);
void	 ui_text_free_lines(char **, size_t);
/* Make a screen's page of text again with its lines hook. */
int	 ui_text_load(struct ui *, struct ui_view *);
/* Free the page a view holds. */
void	 ui_text_free(struct ui_view *);
void	 ui_text_draw(struct ui *, struct ui_view *, int top);
int	 ui_text_key(struct ui *, struct ui_view *, int key);
void	 ui_choices_free(struct ui_choice *, size_t);
/*
 * Dialogs draw over view (NULL: over an empty frame) and take the keys
 * until they are answered; when the UI quits they return as cancelled.
 */
/* Yes/no question over view; 1 for yes. */
int	 ui_dialog_confirm(struct ui *, struct ui_view *, const char *question);
/*
 * The same with Yes already chosen when yes is set, for a question whose
 * No would lose something (Esc and n still answer no).
 */
int	 ui_dialog_ask(struct ui *, struct ui_view *, const char *question,
	    int yes);
/* Show text (lines split on '\n', wrapped) over view until a key. */
void	 ui_dialog_show(struct ui *, struct ui_view *, const char *title,
	    const char *text);
/*
 * Ask for one line of text in a box: title on its border, prompt above
 * the field, which starts with initial (may be NULL: a caller gives back
 * what was typed before a refused save) and takes at most max_chars
 * characters (0: no limit). Enter: QD_OK and *out (caller frees; may be
 * ""). Esc or F3: QD_ENOTFOUND, *out NULL, what was typed dropped without
 * a question.
 */
int	 ui_dialog_input(struct ui *, struct ui_view *, const char *title,
	    const char *prompt, const char *initial, int max_chars, char **out);
/*
 * Choose one of n choices (hundreds are fine) in a list box. Typing
 * narrows the list to the labels that contain what was typed, Backspace
 * widens it; Up, Down, PgUp, PgDn, Home, End move. Enter: QD_OK and
 * *picked, the index into choices. Esc or F3: QD_ENOTFOUND.
 */
int	 ui_dialog_pick(struct ui *, struct ui_view *, const char *title,
	    const struct ui_choice *, size_t n, size_t *picked);
/*
 * 1 if label contains typed, both folded by namekey (Traditional or
 * Simplified, letters in either case, spaces ignored).
 */
int	 ui_dialog_match(const char *label, const char *typed);
/* Draw view (or an empty frame) as what a dialog covers. */
void	 ui_dialog_under(struct ui *, struct ui_view *);
/* An empty box of w by h at y, x, with title (may be NULL) on its top. */
void	 ui_dialog_box(int y, int x, int w, int h, const char *title);
/* The menu items role sees, in order, into out (at most max). */
size_t	 ui_menu_visible(enum qd_role, const struct ui_menu_item **out,
	    size_t max);
void	 ui_menu_run(struct ui *);

/*
 * record.c: a record's members described once (column, type, offset),
 * for the data layer's reads and frees and the screens' bound fields.
 */
enum record_type {
	RECORD_TEXT,		/* char *, owned; NULL for SQL NULL */
	RECORD_INT64,		/* int64_t */
	RECORD_INT,		/* int */
	RECORD_BOOL,		/* int, 0 or 1; "1"/"0" as text */
};
struct record_field {
	const char		*column;	/* as the statement names it */
	enum record_type	 type;
	size_t			 offset;	/* offsetof the member */
};
struct record_desc {
	const struct record_field	*fields;
	size_t				 nfields;
};
#define RECORD_FIELD(st, member, type) \
	{ #member, (type), offsetof(st, member) }
/*
 * Set the members of rec that the current row of st names (by result
 * column name, so the SELECT says "AS member"); text is copied, replacing
 * what the member held. Other members are left as they are.
 */
void	 record_read(const struct record_desc *, void *rec, sqlite3_stmt *);
/* Free rec's text members (set to NULL); rec itself stays. NULL is fine. */
void	 record_clear(const struct record_desc *, void *rec);
/* record_clear, then free rec. */
void	 record_free(const struct record_desc *, void *rec);
/* The text of rec's member for column (caller frees), NULL if none. */
char	*record_text(const struct record_desc *, const void *rec,
	    const char *column);
/*
 * Set every input field of v bound to a column rec has (ui_view_set; a
 * NULL text as ""). QD_OK, or QD_EINVAL if a value was refused (the
 * others are set all the same).
 */
int	 record_to_view(const struct record_desc *, const void *rec,
	    struct ui_view *);

/* screens/common.c: what every module's screens share. */
/* A choice array of n entries (and a spare), the first "all" when any. */
struct ui_choice *screen_choices_new(size_t n, const char *any);
/*
 * The offices by id, after "all offices" (""); for an office's own staff
 * only their office.
 */
int	 screen_office_choices(struct ui *, struct ui_choice **, size_t *);
/* A clerk's words for a data-layer result that came without a message. */
const char *screen_result_text(int);
/*
 * Ask for a day in a box (today offered): QD_OK and *day (caller frees),
 * or QD_ENOTFOUND when the user cancels.
 */
int	 screen_ask_date(struct ui *, struct ui_view *, const char *title,
	    const char *prompt, char **day);
/*
 * Add the rows of a listing to a screen's list: the cells pick names, in
 * order; each row's id and key its record.
 */
void	 screen_db_rows(struct ui_rows *, const struct db_rows *,
	    const int *pick, size_t npick);
/*
 * Offer the allowed steps of a record (rows of action, label, as a
 * workflow's transitions give them) in a list box: QD_OK and *action
 * (caller frees), or QD_ENOTFOUND when there is none (said) or the user
 * cancels.
 */
int	 screen_pick_action(struct ui *, struct ui_view *, const char *title,
	    const struct db_rows *actions, char **action);
/* screens/help.c */
extern const struct ui_screen screen_help;

/*
 * module.c: the business modules. Each is a folder (src/NAME/ and
 * screens/NAME/) that says here, once, what it brings: its commands,
 * its screens, its group of the main menu and its migrations.
 */
struct qd_schema_file {
	const char	*name;		/* "002-cases.sql", in schema/ */
	/*
	 * Optional: a step SQL cannot do, run inside the migration's
	 * transaction after its SQL. QD_OK, or an error with *why.
	 */
	int		(*after)(sqlite3 *, char **why);
	/*
	 * Optional: the audited and guarded tables this module owns in the
	 * file (schema.c), table NULL ends. Several modules may name one
	 * file: 002-cases.sql holds the catalog's tables too.
	 */
	const struct schema_table	*tables;
	/*
	 * Make the triggers of the tables declared for earlier migrations
	 * again where they differ from their declarations: a migration does
	 * this when declarations changed, so databases made before it get
	 * what new ones get.
	 */
	int				 remake;
};
/*
 * What a module declares of its figures for the reports (src/report/;
 * HACKING says how). The engine lists them, computes them scoped to the
 * user and splits them by the dimensions they name.
 */
#define REPORT_BY_OFFICE	0x01
#define REPORT_BY_MONTH		0x02
#define REPORT_BY_OCCUPATION	0x04
#define REPORT_BY_LEVEL		0x08
#define REPORT_BY_TYPE		0x10
enum report_kind {
	REPORT_COUNT,		/* the sum of n of its report_facts rows */
	REPORT_DAYS,		/* median and 90th percentile of their days */
	REPORT_COMPUTE,		/* its compute function makes the table */
};
/* What a user asks for: a period of whole months and one split. */
struct report_query {
	char		 from[8];	/* "2026-01", China Standard Time */
	char		 to[8];		/* "2026-12", included */
	int		 by;		/* one REPORT_BY_* bit, 0: no split */
	int64_t		 office_id;	/* 0: every office the user sees */
};
#define REPORT_VALUES_MAX	8
enum report_row_kind {
	REPORT_ROW_ITEM,	/* one value of the split */
	REPORT_ROW_TOTAL,	/* the whole scope (the province's if all) */
	REPORT_ROW_PROVINCE,	/* the province, beside one office's figures */
};
struct report_row {
	char			*key;	/* "fuzhou", "2026-11", "3" */
	char			*label;	/* "福州市", "2026-11", "三级/高级工" */
	enum report_row_kind	 kind;
	double			 v[REPORT_VALUES_MAX];
};
/* A computed figure: rows of ncols values, titled by cols and keys. */
struct report_table {
	const struct report_indicator	*ind;
	struct report_query		 q;
	int				 closed; /* every month is closed */
	size_t				 ncols;
	const char			*col_keys[REPORT_VALUES_MAX]; /* "n" */
	const char			*col_titles[REPORT_VALUES_MAX];
	struct report_row		*rows;
	size_t				 n;
};
struct report_indicator {
	const char	*name;		/* "cases.received", its report_facts */
	const char	*label_zh;	/* "受理件数" */
	const char	*label_en;	/* "Cases received" */
	enum report_kind kind;
	int		 dims;		/* REPORT_BY_* it can be split by */
	/*
	 * REPORT_COMPUTE: fill t (its columns and rows, with
	 * report_table_row) for q, which the engine has checked and scoped
	 * to actor. QD_OK or an error with *why.
	 */
	int		(*compute)(sqlite3 *, const struct qd_user *actor,
			    const struct report_query *q,
			    struct report_table *t, char **why);
};
/* Append a row (key and label copied) to t; returns it, values 0. */
struct report_row *report_table_row(struct report_table *, const char *key,
	    const char *label, enum report_row_kind);

struct qd_module {
	const char			*name;		/* "case": its folders */
	const char			*label;		/* "案件 Cases": its group */
	const struct cmd_entry		*commands;	/* noun NULL ends; or NULL */
	const struct ui_screen *const	*screens;	/* NULL-ended; or NULL */
	const struct ui_menu_item	*menu;		/* key 0 ends; or NULL */
	const struct qd_schema_file	*schema;	/* name NULL ends; or NULL */
	/*
	 * Optional: a line for the message line as the main menu opens or
	 * comes back to an empty one (caller frees), or NULL for nothing.
	 */
	char			       *(*greeting)(struct ui *);
	/* Optional: what `serve --demo` loads into an empty database. */
	int				(*demo)(sqlite3 *, char **why);
	/*
	 * Optional: what `demo-data --cases N` adds once the applicants and
	 * cases are in, as the system actor, scaled to N, drawn from seed.
	 */
	int				(*demo_data)(sqlite3 *, long long ncases,
					    uint64_t seed, char **why);
	/* Optional: its figures for the reports; name NULL ends. */
	const struct report_indicator	*indicators;
};
/* The modules in the main menu's order, NULL-ended. */
extern const struct qd_module *const qd_modules[];
/* schema-core.c: the platform's own schema entries, name NULL ends. */
extern const struct qd_schema_file schema_platform[];
/* The screen named name in any module (or the platform's), or NULL. */
const struct ui_screen *ui_screen_find(const char *name);
/*
 * Run the screen named name with arg (ui_screen_run_arg). QD_ENOTFOUND,
 * with a message shown, if no module has it.
 */
int	 ui_screen_open(struct ui *, const char *name, void *arg);
/* The i-th screen of the platform and every module, NULL past the last. */
const struct ui_screen *ui_screen_at(size_t i);

#endif /* QUALDESK_H */
