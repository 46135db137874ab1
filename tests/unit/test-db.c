/* Opening the database: creation, pragmas, migrations, refusals. */
#include <sys/stat.h>
#include <sys/wait.h>

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "qualdesk.h"
#include "tap.h"
#include "fixture.h"

static char	 *dir;

static char *
path_in(const char *name)
{
	char	*p;

	xasprintf(&p, "%s/%s", dir, name);
	return p;
}

/* Remove a database and its WAL companions. */
static void
remove_db(const char *path)
{
	char	*p;

	unlink(path);
	xasprintf(&p, "%s-wal", path);
	unlink(p);
	free(p);
	xasprintf(&p, "%s-shm", path);
	unlink(p);
	free(p);
}

static void
write_file(const char *path, const char *data, size_t len)
{
	FILE	*f = fopen(path, "wb");

	if (f == NULL || fwrite(data, 1, len, f) != len)
		abort();
	fclose(f);
}

/* Read a whole small file (caller frees); *len its size. */
static char *
read_file(const char *path, size_t *len)
{
	FILE	*f = fopen(path, "rb");
	char	*buf = xmalloc(65536);

	*len = f != NULL ? fread(buf, 1, 65536, f) : 0;
	if (f != NULL)
		fclose(f);
	return buf;
}

static void
test_missing(void)
{
	char	*path = path_in("missing.db"), *why = NULL;
	sqlite3	*db = NULL;
	int	 rc;

	rc = db_open(path, 0, &db, &why);
	is_int(rc, QD_EDB, "a missing file without DB_CREATE is refused");
	ok(why != NULL && strstr(why, path) != NULL &&
	    strstr(why, "does not exist") != NULL,
	    "the message names the file (%s)", why ? why : "none");
	ok(db == NULL && access(path, F_OK) != 0, "and nothing is created");
	free(why);
	free(path);
}

static void
test_create(const char *path)
{
	struct stat	 st;
	sqlite3	*db = NULL;
	char	*why = NULL, *mode;
	int	 rc;

	rc = db_open(path, DB_CREATE, &db, &why);
	is_int(rc, QD_OK, "create a new database (%s)", why ? why : "ok");
	if (rc != QD_OK)
		return;
	is_int(fixture_int(db, "PRAGMA user_version"), db_schema_version(),
	    "user_version is the program's schema version");
	ok(db_schema_version() >= 1, "at least one migration is compiled in");
	mode = fixture_text(db, "PRAGMA journal_mode");
	is_str(mode, "wal", "journal_mode is WAL");
	free(mode);
	is_int(fixture_int(db, "PRAGMA foreign_keys"), 1, "foreign keys are on");
	is_int(fixture_int(db, "PRAGMA synchronous"), 2, "synchronous is FULL");
	is_int(fixture_int(db, "PRAGMA busy_timeout"), 5000,
	    "busy timeout is 5000 ms");
	is_int(fixture_int(db, "SELECT count(*) FROM offices"), 10,
	    "the ten offices are seeded");
	is_int(fixture_int(db, "SELECT id FROM offices WHERE is_center"), 10,
	    "pingtan, the center's office, is the last");
	is_int(fixture_int(db, "SELECT count(*) FROM audit WHERE tbl = 'offices'"
	    " AND actor = '(schema)' AND action = 'insert'"), 10,
	    "the seeded offices are audited as the schema's");
	is_int(fixture_int(db, "PRAGMA foreign_key_check"), -1,
	    "no foreign key violations");
	if (stat(path, &st) != 0)
		st.st_mode = 0;
	ok((st.st_mode & 0777) == 0600,
	    "a new database is readable by its owner only (%o)",
	    (unsigned)(st.st_mode & 0777));
	db_close(db);
}

static void
test_reopen(const char *path)
{
	sqlite3		*db = NULL;
	char		*why = NULL;
	long long	 before;

	if (db_open(path, 0, &db, &why) != QD_OK) {
		ok(0, "reopen: %s", why);
		free(why);
		return;
	}
	before = fixture_int(db, "SELECT count(*) FROM audit");
	db_close(db);
	is_int(db_open(path, DB_CREATE, &db, &why), QD_OK,
	    "reopen an existing database");
	is_int(fixture_int(db, "SELECT count(*) FROM audit"), before,
	    "migrations are not applied twice");
	is_int(fixture_int(db, "SELECT count(*) FROM offices"), 10,
	    "still ten offices");
	db_close(db);
}

/* Writes need an actor: without one, the audit trigger refuses. */
static void
test_no_actor(const char *path)
{
	sqlite3		*db = NULL, *raw = NULL;
	struct qd_user	*op;
	char		*why = NULL;
	int		 rc;

	if (db_open(path, 0, &db, &why) != QD_OK) {
		ok(0, "open: %s", why);
		free(why);
		return;
	}
	rc = sqlite3_exec(db, "UPDATE offices SET name_en = 'X' WHERE id = 1",
	    NULL, NULL, NULL);
	ok(rc != SQLITE_OK, "a write before db_set_actor fails");
	op = user_local_operator();
	is_int(db_set_actor(db, op), QD_OK, "set the local operator");
	rc = sqlite3_exec(db, "UPDATE offices SET name_en = 'Fuzhou City'"
	    " WHERE id = 1", NULL, NULL, NULL);
	is_int(rc, SQLITE_OK, "with an actor the write succeeds");
	is_int(fixture_int(db, "SELECT count(*) FROM audit WHERE tbl = 'offices'"
	    " AND action = 'update' AND actor = '(local)' AND via LIKE 'local %'"
	    " AND json_extract(before, '$.name_en') = 'Fuzhou'"
	    " AND json_extract(after, '$.name_en') = 'Fuzhou City'"), 1,
	    "and is audited with actor, via, before and after");

	sqlite3_open(path, &raw);
	rc = sqlite3_exec(raw, "UPDATE offices SET name_en = 'Y' WHERE id = 1",
	    NULL, NULL, NULL);
	ok(rc != SQLITE_OK && strstr(sqlite3_errmsg(raw), "qd_actor") != NULL,
	    "a connection without qualdesk's functions cannot write (%s)",
	    sqlite3_errmsg(raw));
	sqlite3_close(raw);
	db_close(db);
	user_free(op);
}

static void
test_busy(const char *path)
{
	sqlite3	*a = NULL, *b = NULL;
	char	*why = NULL;

	db_open(path, 0, &a, &why);
	db_open(path, 0, &b, &why);
	if (a == NULL || b == NULL) {
		ok(0, "open twice: %s", why);
		free(why);
		return;
	}
	is_int(db_begin(a), QD_OK, "one connection takes the write lock");
	sqlite3_busy_timeout(b, 20);
	is_int(db_begin(b), QD_EDB, "another cannot while it is held");
	ok(strstr(db_errmsg(b), "busy") != NULL,
	    "and is told the database is busy (%s)", db_errmsg(b));
	is_int(db_commit(a), QD_OK, "commit releases it");
	is_int(db_begin(b), QD_OK, "then the other can write");
	db_rollback(b);
	ok(sqlite3_get_autocommit(b), "rollback ends the transaction");
	db_close(a);
	db_close(b);
}

static void
test_newer(const char *path)
{
	sqlite3	*db = NULL, *raw = NULL;
	char	*why = NULL, *want, sql[64];

	sqlite3_open(path, &raw);
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d",
	    db_schema_version() + 1);
	sqlite3_exec(raw, sql, NULL, NULL, NULL);
	sqlite3_close(raw);

	is_int(db_open(path, DB_CREATE, &db, &why), QD_EDB,
	    "a database newer than the program is refused");
	xasprintf(&want, "%s has schema version %d, newer than this program "
	    "(%d): upgrade qualdesk", path, db_schema_version() + 1,
	    db_schema_version());
	is_str(why, want, "with a message that says so");
	ok(db == NULL, "and no handle is returned");
	free(want);
	free(why);

	sqlite3_open(path, &raw);
	is_int(fixture_int(raw, "PRAGMA user_version"), db_schema_version() + 1,
	    "its version is left alone");
	sqlite3_close(raw);
}

static void
test_not_database(void)
{
	const char	 junk[] = "name,office\nchen,fuzhou\n"
	    "this is a spreadsheet export, not a database\n";
	char		*path = path_in("junk.db"), *why = NULL, *want, *got;
	sqlite3		*db = NULL;
	size_t		 len;

	write_file(path, junk, sizeof junk - 1);
	is_int(db_open(path, DB_CREATE, &db, &why), QD_EDB,
	    "a file that is not a database is refused");
	xasprintf(&want, "%s is not a qualdesk database (file is not a "
	    "database)", path);
	is_str(why, want, "with a clear message");
	got = read_file(path, &len);
	ok(len == sizeof junk - 1 && memcmp(got, junk, len) == 0,
	    "and the file is left byte for byte");
	free(got);
	free(want);
	xfree(&why);
	remove_db(path);
	free(path);

	/* Another program's SQLite file is not ours either. */
	path = path_in("other.db");
	sqlite3_open(path, &db);
	sqlite3_exec(db, "CREATE TABLE t (x); INSERT INTO t VALUES (1)",
	    NULL, NULL, NULL);
	sqlite3_close(db);
	db = NULL;
	is_int(db_open(path, DB_CREATE, &db, &why), QD_EDB,
	    "another program's database is refused");
	ok(why != NULL && strstr(why, "not a qualdesk database") != NULL,
	    "and named as such (%s)", why ? why : "none");
	free(why);
	remove_db(path);
	free(path);
}

static void
test_readonly(const char *path)
{
	sqlite3		*db = NULL;
	struct qd_user	*op = user_local_operator();
	char		*why = NULL;

	is_int(db_open(path, DB_READONLY, &db, &why), QD_OK,
	    "open read-only (%s)", why ? why : "ok");
	if (db == NULL) {
		free(why);
		user_free(op);
		return;
	}
	db_set_actor(db, op);
	ok(sqlite3_exec(db, "UPDATE offices SET name_en = 'Z' WHERE id = 2",
	    NULL, NULL, NULL) != SQLITE_OK, "a read-only handle cannot write");
	db_close(db);
	user_free(op);
}

/* 0 if opening path with flags fails with a message containing want. */
static int
open_refused(const char *path, int flags, const char *want)
{
	sqlite3	*db = NULL;
	char	*why = NULL;
	int	 rc;

	rc = db_open(path, flags, &db, &why);
	printf("# %s\n", why != NULL ? why : "opened");
	fflush(stdout);
	rc = rc == QD_EDB && why != NULL && strstr(why, want) != NULL ? 0 : 1;
	free(why);
	db_close(db);
	return rc;
}

/*
 * Permissions do not bind root, so as root the checks run in a child that
 * has become nobody. Exit status: bit 0 for the directory, bit 1 for the
 * file.
 */
static void
test_unwritable(const char *path)
{
	char	*sub = path_in("locked"), *fresh;
	pid_t	 pid;
	int	 status = -1, res;

	xasprintf(&fresh, "%s/new.db", sub);
	mkdir(sub, 0555);
	chmod(dir, 0755);
	chmod(path, 0444);
	fflush(stdout);
	if ((pid = fork()) == 0) {
		if (geteuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0))
			_exit(3);
		if (geteuid() == 0 || getuid() == 0)
			_exit(3);
		res = open_refused(fresh, DB_CREATE, "cannot create");
		res |= open_refused(path, 0, "is not writable") << 1;
		free(sub);
		free(fresh);
		_exit(res);
	}
	waitpid(pid, &status, 0);
	ok(WIFEXITED(status) && !(WEXITSTATUS(status) & 1),
	    "a database in an unwritable directory is refused, clearly");
	ok(WIFEXITED(status) && !(WEXITSTATUS(status) & 2),
	    "so is a database file this user may not write");
	ok(access(fresh, F_OK) != 0, "and nothing is created");
	chmod(dir, 0700);
	chmod(path, 0644);
	rmdir(sub);
	free(sub);
	free(fresh);
}

/* The file deleted or replaced under an open connection takes no write. */
static void
test_moved(void)
{
	sqlite3	*db = NULL;
	char	*why = NULL, *path = path_in("moved.db"), *other, *cmd;
	int	 n = -1;

	other = path_in("moved-copy.db");
	if (db_open(path, DB_CREATE, &db, &why) != QD_OK) {
		ok(0, "open %s: %s", path, why);
		goto out;
	}
	db_set_system_actor(db, "(test)", "test");
	is_int(db_begin(db), QD_OK, "the file as opened takes a write");
	db_rollback(db);
	ok(rename(path, other) == 0, "the file is moved away");
	is_int(db_begin(db), QD_EDB, "then a write is refused");
	is_int(db_fail(db, &why), QD_EDB, "as a fault of the database");
	ok(why != NULL && strstr(why, "moved") != NULL && strstr(why, "重启") !=
	    NULL, "saying so in both languages (%s)", why);
	ok(sqlite3_get_autocommit(db), "and nothing is left open");
	ok(fixture_int(db, "SELECT count(*) FROM offices") > 0,
	    "reads go on");
	/* A copy in its place is still not the file opened. */
	xasprintf(&cmd, "cp '%s' '%s.new' && mv '%s.new' '%s'", other, path,
	    path, path);
	n = system(cmd);
	free(cmd);
	is_int(n, 0, "the database is replaced by a copy");
	is_int(db_begin(db), QD_EDB, "a write is refused still");
	db_close(db);
out:
	free(why);
	free(path);
	free(other);
}

int
main(void)
{
	char	*path;

	dir = fixture_dir("db");
	path = path_in("test.db");
	test_missing();
	test_create(path);
	test_reopen(path);
	test_no_actor(path);
	test_busy(path);
	test_readonly(path);
	test_newer(path);
	test_not_database();
	test_unwritable(path);
	test_moved();
	free(path);
	fixture_dir_remove(dir);
	free(dir);
	return done_testing();
}
