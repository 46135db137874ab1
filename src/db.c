/*
 * Opening the database: checks that the file is ours, the pragmas every
 * connection needs, the actor functions the audit and guard triggers call
 * (qd_actor(), qd_may() ...), the full-text tokenizer, the numbered
 * migrations compiled in from schema/, and reading the permissions
 * (perm.c).
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "qualdesk.h"

#define DB_BUSY_MS		5000
/* PRAGMA application_id set by 001-core.sql: 'qdk1'. */
#define DB_APPLICATION_ID	0x71646b31

/* Clerk-readable words for SQLite's primary result codes. */
static const struct {
	int		 code;
	const char	*msg;
} db_messages[] = {
	{ SQLITE_BUSY, "the database is busy; try again in a moment" },
	{ SQLITE_LOCKED, "the database is busy; try again in a moment" },
	{ SQLITE_FULL, "the disk holding the database is full" },
	{ SQLITE_READONLY, "the database is read-only" },
	{ SQLITE_PERM, "the database may not be written" },
	{ SQLITE_CORRUPT, "the database file is damaged; the administrator "
	    "must restore it from a backup" },
	{ SQLITE_NOTADB, "the file is not a qualdesk database" },
	{ SQLITE_IOERR, "the disk failed while reading or writing the database" },
	{ SQLITE_CANTOPEN, "the database file cannot be opened" },
	{ SQLITE_CONSTRAINT, "the change breaks a rule of the database" },
	{ SQLITE_NOMEM, "the server is out of memory" },
	{ SQLITE_TOOBIG, "a value is too large for the database" },
	{ SQLITE_INTERRUPT, "the database operation was interrupted" },
};

/* Words for the extended codes that say more than their primary code. */
static const struct {
	int		 code;
	const char	*msg;
} db_ext_messages[] = {
	{ SQLITE_READONLY_DBMOVED, "数据库文件在服务运行时被移动、删除或替换，"
	    "已拒绝写入；请管理员重启服务 the database file was moved, deleted"
	    " or replaced while the server ran: changes are refused until the"
	    " server is restarted" },
};

/*
 * What db_begin refuses a write for, raised through qd_refuse(N) so that
 * the caller's db_fail reads the code and message like any other.
 */
enum db_refusal {
	DB_REFUSE_MOVED = 1,
	DB_REFUSE_ACTOR,
};
static const struct {
	int		 code;
	const char	*msg;
} db_refusals[] = {
	[DB_REFUSE_MOVED] = { SQLITE_READONLY_DBMOVED, NULL },
	[DB_REFUSE_ACTOR] = { SQLITE_CONSTRAINT_TRIGGER, "您的账号已停用，或角色、"
	    "办公室已变更；请重新登录 your account was disabled, or its role"
	    " or office changed: log in again" },
};

/*
 * Whether the actor of a write is still an enabled account with the role
 * and office it had when it was set: checked in the write transaction.
 */
#define DB_ACTOR_CURRENT_SQL \
	"SELECT qd_user_id() IS NULL OR qd_role() = 'system' OR EXISTS (" \
	" SELECT 1 FROM users WHERE id = qd_user_id() AND active = 1" \
	" AND role = qd_role() AND office_id IS qd_office_id())"

const char *
db_errmsg(sqlite3 *db)
{
	size_t	 i;
	int	 code;

	code = sqlite3_extended_errcode(db);
	for (i = 0; i < nitems(db_ext_messages); i++) {
		if (db_ext_messages[i].code == code)
			return db_ext_messages[i].msg;
	}
	code &= 0xff;
	for (i = 0; i < nitems(db_messages); i++) {
		if (db_messages[i].code == code)
			return db_messages[i].msg;
	}
	return "the database reported an error";
}

int
db_fail(sqlite3 *db, char **why)
{
	int	 ext = sqlite3_extended_errcode(db);

	/*
	 * A trigger's RAISE is a rule of the schema refusing the change, not
	 * a fault of the database: its message is written for people.
	 */
	if (ext == SQLITE_CONSTRAINT_TRIGGER) {
		log_info("refused: %s", sqlite3_errmsg(db));
		why_set(why, "%s", sqlite3_errmsg(db));
		return QD_EDENIED;
	}
	log_warn("sqlite: %s (%d)", sqlite3_errmsg(db), ext);
	why_set(why, "%s", db_errmsg(db));
	return QD_EDB;
}

int
db_prepare(sqlite3 *db, const char *sql, sqlite3_stmt **stmt)
{
	*stmt = NULL;
	if (sqlite3_prepare_v2(db, sql, -1, stmt, NULL) != SQLITE_OK) {
		log_error("prepare failed: %s", sqlite3_errmsg(db));
		return QD_EDB;
	}
	return QD_OK;
}

char *
db_column_strdup(sqlite3_stmt *stmt, int col)
{
	const unsigned char	*s;

	if ((s = sqlite3_column_text(stmt, col)) == NULL)
		return NULL;
	return xstrdup((const char *)s);
}

/* Run one statement that returns nothing; QD_OK or QD_EDB. */
static int
db_exec(sqlite3 *db, const char *sql)
{
	if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return QD_EDB;
	return QD_OK;
}

/* qd_refuse(N): fail with refusal N's code and message. */
static void
db_refuse_func(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	int		 i = argc == 1 ? sqlite3_value_int(argv[0]) : 0;
	const char	*msg;

	if (i <= 0 || (size_t)i >= nitems(db_refusals)) {
		sqlite3_result_error(ctx, "no such refusal", -1);
		return;
	}
	if ((msg = db_refusals[i].msg) == NULL)
		msg = db_ext_messages[0].msg;
	sqlite3_result_error(ctx, msg, -1);
	sqlite3_result_error_code(ctx, db_refusals[i].code);
}

/* End the transaction and leave refusal why as db's last error. */
static int
db_refuse(sqlite3 *db, enum db_refusal why)
{
	sqlite3_stmt	*st;

	db_rollback(db);
	if (sqlite3_prepare_v2(db, "SELECT qd_refuse(?1)", -1, &st,
	    NULL) == SQLITE_OK) {
		sqlite3_bind_int(st, 1, (int)why);
		sqlite3_step(st);
		sqlite3_finalize(st);
	}
	return QD_EDB;
}

/* 1 if the actor set on db may still write (see DB_ACTOR_CURRENT_SQL). */
static int
db_actor_current(sqlite3 *db)
{
	sqlite3_stmt	*st;
	int		 ok = 1;

	/* No users table yet: the first migration is running. */
	if (sqlite3_prepare_v2(db, DB_ACTOR_CURRENT_SQL, -1, &st,
	    NULL) != SQLITE_OK)
		return 1;
	if (sqlite3_step(st) == SQLITE_ROW)
		ok = sqlite3_column_int(st, 0) != 0;
	sqlite3_finalize(st);
	return ok;
}

int
db_begin(sqlite3 *db)
{
	int	 moved = 0;

	if (db_exec(db, "BEGIN IMMEDIATE") != QD_OK)
		return QD_EDB;
	/*
	 * Writes to a file deleted or replaced under the server would be
	 * lost, and its WAL replayed later into another database.
	 */
	if (sqlite3_file_control(db, "main", SQLITE_FCNTL_HAS_MOVED,
	    &moved) == SQLITE_OK && moved) {
		log_error("the database file %s was moved, deleted or replaced;"
		    " refusing to write", sqlite3_db_filename(db, "main"));
		return db_refuse(db, DB_REFUSE_MOVED);
	}
	if (!db_actor_current(db)) {
		log_warn("write refused: the account was disabled or changed"
		    " since it logged in");
		return db_refuse(db, DB_REFUSE_ACTOR);
	}
	return QD_OK;
}

int
db_commit(sqlite3 *db)
{
	return db_exec(db, "COMMIT");
}

void
db_rollback(sqlite3 *db)
{
	if (!sqlite3_get_autocommit(db))
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
}

int
db_schema_version(void)
{
	return (int)schema_nfiles;
}

/* The value of an integer pragma, or -1 on error. */
static int64_t
db_pragma_int(sqlite3 *db, const char *sql)
{
	sqlite3_stmt	*stmt;
	int64_t		 v = -1;

	if (db_prepare(db, sql, &stmt) != QD_OK)
		return -1;
	if (sqlite3_step(stmt) == SQLITE_ROW)
		v = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	return v;
}

/* qd_actor(), qd_via(), qd_role(): the text given as app data, or NULL. */
static void
db_actor_func(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char	*s = sqlite3_user_data(ctx);

	(void)argc;
	(void)argv;
	if (s == NULL)
		sqlite3_result_null(ctx);
	else
		sqlite3_result_text(ctx, s, -1, SQLITE_TRANSIENT);
}

/* qd_user_id(), qd_office_id(): the number given as app data, or NULL. */
static void
db_actor_id_func(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const int64_t	*id = sqlite3_user_data(ctx);

	(void)argc;
	(void)argv;
	if (id == NULL)
		sqlite3_result_null(ctx);
	else
		sqlite3_result_int64(ctx, *id);
}

/* Register one of the actor functions with its own copy of value. */
static int
db_actor_register(sqlite3 *db, const char *name, const char *value)
{
	char	*copy = value != NULL ? xstrdup(value) : NULL;
	int	 rc;

	/* Innocuous so triggers may call it even with trusted_schema off. */
	rc = sqlite3_create_function_v2(db, name, 0,
	    SQLITE_UTF8 | SQLITE_INNOCUOUS, copy, db_actor_func, NULL, NULL,
	    free);
	return rc == SQLITE_OK ? QD_OK : QD_EDB;
}

/*
 * qd_may(noun, verb): 1 if the actor's role (app data) holds the
 * permission in this database's permissions table, 0 if not or with no
 * actor. The system (migrations, the local loader) holds every one.
 */
static void
db_may_func(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char	*role = sqlite3_user_data(ctx);
	sqlite3		*db = sqlite3_context_db_handle(ctx);
	sqlite3_stmt	*st;
	int		 rc;

	(void)argc;
	if (role == NULL || strcmp(role, "system") == 0) {
		sqlite3_result_int(ctx, role != NULL);
		return;
	}
	if (sqlite3_prepare_v2(db, "SELECT 1 FROM permissions WHERE noun = ?1"
	    " AND verb = ?2 AND role = ?3", -1, &st, NULL) != SQLITE_OK) {
		sqlite3_result_error(ctx, sqlite3_errmsg(db), -1);
		return;
	}
	sqlite3_bind_value(st, 1, argv[0]);
	sqlite3_bind_value(st, 2, argv[1]);
	sqlite3_bind_text(st, 3, role, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW || rc == SQLITE_DONE)
		sqlite3_result_int(ctx, rc == SQLITE_ROW);
	else
		sqlite3_result_error(ctx, sqlite3_errmsg(db), -1);
}

/* Register qd_may() with its own copy of the actor's role. */
static int
db_may_register(sqlite3 *db, const char *role)
{
	char	*copy = role != NULL ? xstrdup(role) : NULL;
	int	 rc;

	rc = sqlite3_create_function_v2(db, "qd_may", 2,
	    SQLITE_UTF8 | SQLITE_INNOCUOUS, copy, db_may_func, NULL, NULL,
	    free);
	return rc == SQLITE_OK ? QD_OK : QD_EDB;
}

/* Register an id function; 0 stands for none (SQL NULL). */
static int
db_actor_register_id(sqlite3 *db, const char *name, int64_t value)
{
	int64_t	*copy = NULL;
	int	 rc;

	if (value != 0) {
		copy = xmalloc(sizeof *copy);
		*copy = value;
	}
	rc = sqlite3_create_function_v2(db, name, 0,
	    SQLITE_UTF8 | SQLITE_INNOCUOUS, copy, db_actor_id_func, NULL,
	    NULL, free);
	return rc == SQLITE_OK ? QD_OK : QD_EDB;
}

/*
 * Set the actor the triggers see. A NULL login leaves writes unable to
 * audit; role "system" is the schema's and the local loader's own.
 */
static int
db_actor_set(sqlite3 *db, const char *login, const char *via,
    const char *role, int64_t user_id, int64_t office_id)
{
	if (db_actor_register(db, "qd_actor", login) != QD_OK ||
	    db_actor_register(db, "qd_via", via) != QD_OK ||
	    db_actor_register(db, "qd_role", role) != QD_OK ||
	    db_may_register(db, role) != QD_OK ||
	    db_actor_register_id(db, "qd_user_id", user_id) != QD_OK ||
	    db_actor_register_id(db, "qd_office_id", office_id) != QD_OK) {
		log_error("cannot register the actor functions: %s",
		    sqlite3_errmsg(db));
		return QD_EDB;
	}
	return QD_OK;
}

int
db_set_actor(sqlite3 *db, const struct qd_user *user)
{
	if (user == NULL)
		return db_actor_set(db, NULL, NULL, NULL, 0, 0);
	return db_actor_set(db, user->login, user->via, role_name(user->role),
	    user->id, user->office_id);
}

int
db_set_system_actor(sqlite3 *db, const char *name, const char *via)
{
	return db_actor_set(db, name, via, "system", 0, 0);
}

/* Check the file and its directory before SQLite touches them. */
static int
db_check_file(const char *path, int flags, char **why)
{
	struct stat	 sb;
	char		*copy, *dir;
	int		 rc = QD_OK;

	copy = xstrdup(path);
	dir = dirname(copy);
	if (stat(path, &sb) != 0) {
		if (errno != ENOENT)
			why_set(why, "cannot open %s: %s", path,
			    strerror(errno));
		else if (!(flags & DB_CREATE) || (flags & DB_READONLY))
			why_set(why, "database %s does not exist", path);
		else if (access(dir, W_OK | X_OK) != 0)
			why_set(why, "cannot create %s: directory %s: %s",
			    path, dir, strerror(errno));
		else
			goto out;
		rc = QD_EDB;
		goto out;
	}
	if (!S_ISREG(sb.st_mode)) {
		why_set(why, "%s is not a regular file", path);
		rc = QD_EDB;
	} else if (access(path, R_OK) != 0) {
		why_set(why, "cannot read %s: %s", path, strerror(errno));
		rc = QD_EDB;
	} else if (!(flags & DB_READONLY) && access(path, W_OK) != 0) {
		why_set(why, "%s is not writable: %s", path, strerror(errno));
		rc = QD_EDB;
	} else if (!(flags & DB_READONLY) && access(dir, W_OK | X_OK) != 0) {
		/* WAL keeps FILE-wal and FILE-shm beside the file. */
		why_set(why, "directory %s is not writable (%s): the "
		    "database needs to keep its -wal and -shm files there",
		    dir, strerror(errno));
		rc = QD_EDB;
	}
out:
	free(copy);
	return rc;
}

/*
 * Read the header: refuse a file that is not an SQLite database, or one
 * that belongs to another program (tables or a user_version, but not our
 * application_id). Reads only.
 */
static int
db_check_ours(sqlite3 *db, const char *path, char **why)
{
	sqlite3_stmt	*stmt;
	int64_t		 tables = -1, appid, version;
	int		 rc;

	/* Prepared directly: a failure here is the answer, not a fault. */
	if (sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_schema", -1,
	    &stmt, NULL) == SQLITE_OK) {
		if ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
			tables = sqlite3_column_int64(stmt, 0);
		sqlite3_finalize(stmt);
	}
	if (tables < 0) {
		why_set(why, "%s is not a qualdesk database (%s)", path,
		    sqlite3_errmsg(db));
		return QD_EDB;
	}
	appid = db_pragma_int(db, "PRAGMA application_id");
	version = db_pragma_int(db, "PRAGMA user_version");
	if (appid != DB_APPLICATION_ID && (tables != 0 || version != 0)) {
		why_set(why, "%s is not a qualdesk database (it holds "
		    "another program's data)", path);
		return QD_EDB;
	}
	return QD_OK;
}

/* The pragmas every connection needs. */
static int
db_pragmas(sqlite3 *db, const char *path, int flags, char **why)
{
	sqlite3_stmt	*stmt;
	const char	*mode;
	int		 wal = 0;

	if (!(flags & DB_READONLY)) {
		if (db_prepare(db, "PRAGMA journal_mode = WAL", &stmt) != QD_OK)
			goto fail;
		if (sqlite3_step(stmt) == SQLITE_ROW) {
			mode = (const char *)sqlite3_column_text(stmt, 0);
			wal = mode != NULL && strcmp(mode, "wal") == 0;
		}
		sqlite3_finalize(stmt);
		if (!wal)
			goto fail;
	}
	if (db_exec(db, "PRAGMA foreign_keys = ON") != QD_OK ||
	    db_exec(db, "PRAGMA synchronous = FULL") != QD_OK)
		goto fail;
	return QD_OK;
fail:
	why_set(why, "cannot set up %s: %s", path, db_errmsg(db));
	return QD_EDB;
}

/*
 * Apply migration i (schema_files[i]) and its user_version bump in one
 * transaction. Another process may have applied it since we looked, so
 * look again under the write lock.
 */
static int
db_migrate_one(sqlite3 *db, const char *path, size_t i, char **why)
{
	char		 sql[64], *one = NULL;
	int64_t		 version;

	if (db_begin(db) != QD_OK) {
		why_set(why, "cannot upgrade %s: %s", path, db_errmsg(db));
		return QD_EDB;
	}
	version = db_pragma_int(db, "PRAGMA user_version");
	if (version < 0 || version > (int64_t)schema_nfiles) {
		db_rollback(db);
		why_set(why, "%s has schema version %lld, newer than this "
		    "program (%zu): upgrade qualdesk", path, (long long)version,
		    schema_nfiles);
		return QD_EDB;
	}
	if (version > (int64_t)i)
		return db_commit(db);
	/* The SQL, the declared tables' triggers, the modules' C steps. */
	if (schema_migrate(db, i, &one) != QD_OK) {
		why_set(why, "cannot upgrade %s: %s: %s", path,
		    schema_files[i].name, one != NULL ? one : db_errmsg(db));
		free(one);
		db_rollback(db);
		return QD_EDB;
	}
	snprintf(sql, sizeof sql, "PRAGMA user_version = %zu", i + 1);
	if (db_exec(db, sql) != QD_OK || db_commit(db) != QD_OK) {
		why_set(why, "cannot upgrade %s: %s", path, db_errmsg(db));
		db_rollback(db);
		return QD_EDB;
	}
	log_info("%s: applied %s", path, schema_files[i].name);
	return QD_OK;
}

/* Refuse a schema newer than this program, or an old one read-only. */
static int
db_check_version(sqlite3 *db, const char *path, int flags, char **why)
{
	int64_t		 version;

	version = db_pragma_int(db, "PRAGMA user_version");
	if (version < 0) {
		why_set(why, "cannot read %s: %s", path, db_errmsg(db));
		return QD_EDB;
	}
	if (version > (int64_t)schema_nfiles) {
		why_set(why, "%s has schema version %lld, newer than this "
		    "program (%zu): upgrade qualdesk", path, (long long)version,
		    schema_nfiles);
		return QD_EDB;
	}
	if (version < (int64_t)schema_nfiles && (flags & DB_READONLY)) {
		why_set(why, "%s has schema version %lld, older than this "
		    "program (%zu): open it once read-write to upgrade", path,
		    (long long)version, schema_nfiles);
		return QD_EDB;
	}
	return QD_OK;
}

/* Apply the migrations this file lacks, in order. */
static int
db_migrate(sqlite3 *db, const char *path, char **why)
{
	char		 via[96];
	int64_t		 version;
	size_t		 i;
	int		 rc = QD_OK;

	if ((version = db_pragma_int(db, "PRAGMA user_version")) < 0) {
		why_set(why, "cannot read %s: %s", path, db_errmsg(db));
		return QD_EDB;
	}
	for (i = (size_t)version; rc == QD_OK && i < schema_nfiles; i++) {
		/* Rows a migration seeds are audited as the schema's. */
		snprintf(via, sizeof via, "migration %s", schema_files[i].name);
		if ((rc = db_set_system_actor(db, "(schema)", via)) == QD_OK)
			rc = db_migrate_one(db, path, i, why);
	}
	if (db_set_actor(db, NULL) != QD_OK && rc == QD_OK) {
		why_set(why, "cannot open %s: %s", path, db_errmsg(db));
		rc = QD_EDB;
	}
	return rc;
}

/*
 * Make a missing database file readable by its owner only, before SQLite
 * opens it: it holds personal data, and SQLite gives its -wal and -shm
 * files the same mode.
 */
static int
db_create_private(const char *path, char **why)
{
	int	 fd;

	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd == -1) {
		if (errno == EEXIST)
			return QD_OK;
		why_set(why, "cannot create %s: %s", path, strerror(errno));
		return QD_EDB;
	}
	close(fd);
	return QD_OK;
}

int
db_open(const char *path, int flags, sqlite3 **out, char **why)
{
	sqlite3	*db = NULL;
	int	 oflags, rc;

	*out = NULL;
	if ((rc = db_check_file(path, flags, why)) != QD_OK)
		return rc;
	if (flags & DB_READONLY)
		oflags = SQLITE_OPEN_READONLY;
	else
		oflags = SQLITE_OPEN_READWRITE |
		    ((flags & DB_CREATE) ? SQLITE_OPEN_CREATE : 0);
	if ((flags & DB_CREATE) && !(flags & DB_READONLY) &&
	    (rc = db_create_private(path, why)) != QD_OK)
		goto out;
	if (sqlite3_open_v2(path, &db, oflags, NULL) != SQLITE_OK) {
		why_set(why, "cannot open %s: %s", path,
		    db != NULL ? sqlite3_errmsg(db) : "out of memory");
		rc = QD_EDB;
		goto out;
	}
	sqlite3_extended_result_codes(db, 1);
	sqlite3_busy_timeout(db, DB_BUSY_MS);
	/* Until an actor is set, nothing audited can be written. */
	if (sqlite3_create_function_v2(db, "qd_refuse", 1, SQLITE_UTF8 |
	    SQLITE_DIRECTONLY, NULL, db_refuse_func, NULL, NULL, NULL) !=
	    SQLITE_OK || (rc = db_set_actor(db, NULL)) != QD_OK) {
		rc = QD_EDB;
		why_set(why, "cannot open %s: %s", path, db_errmsg(db));
		goto out;
	}
	/* The schema's full-text indexes cut Chinese with qualdesk's own. */
	if ((rc = db_fts_register(db)) != QD_OK) {
		why_set(why, "cannot open %s: no full-text search", path);
		goto out;
	}
	if ((rc = db_check_ours(db, path, why)) != QD_OK)
		goto out;
	if (!(flags & DB_READONLY) && sqlite3_db_readonly(db, "main") == 1) {
		why_set(why, "%s is read-only for this user", path);
		rc = QD_EDB;
		goto out;
	}
	if ((rc = db_check_version(db, path, flags, why)) != QD_OK)
		goto out;
	if ((rc = db_pragmas(db, path, flags, why)) != QD_OK)
		goto out;
	if (!(flags & DB_READONLY) && (rc = db_migrate(db, path, why)) != QD_OK)
		goto out;
	/* Who may do what, for the commands, the screens and the data layer. */
	if ((rc = perm_load(db)) != QD_OK)
		why_set(why, "cannot read the permissions of %s: %s", path,
		    db_errmsg(db));
out:
	if (rc != QD_OK) {
		db_close(db);
		return rc;
	}
	*out = db;
	return QD_OK;
}

void
db_close(sqlite3 *db)
{
	if (db == NULL)
		return;
	if (sqlite3_close_v2(db) != SQLITE_OK)
		log_warn("closing the database: %s", sqlite3_errmsg(db));
}
