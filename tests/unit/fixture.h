/*
 * What the data-layer tests share: a private temporary directory, removed
 * whole at the end, and one-value queries.
 */
#ifndef FIXTURE_H
#define FIXTURE_H

#define _XOPEN_SOURCE_EXTENDED 1
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <sqlite3.h>

#include "qualdesk.h"

/* Make a private directory for one test program (caller frees). */
static inline char *
fixture_dir(const char *name)
{
	const char	*tmp = getenv("TMPDIR");
	char		*dir;

	if (tmp == NULL || *tmp == '\0')
		tmp = "/tmp";
	if (asprintf(&dir, "%s/qualdesk-%s.XXXXXX", tmp, name) < 0 ||
	    mkdtemp(dir) == NULL) {
		printf("Bail out! cannot make a temporary directory\n");
		exit(1);
	}
	return dir;
}

static inline int
fixture_remove_one(const char *path, const struct stat *st, int flag,
    struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

/* Remove dir and everything in it; say so if something stays. */
static inline void
fixture_dir_remove(const char *dir)
{
	if (nftw(dir, fixture_remove_one, 16, FTW_DEPTH | FTW_PHYS) != 0)
		printf("# %s left behind\n", dir);
}

/* Open (creating it) the database name in dir, or bail out. */
static inline sqlite3 *
fixture_db(const char *dir, const char *name)
{
	sqlite3	*db = NULL;
	char	*path, *why = NULL;

	xasprintf(&path, "%s/%s", dir, name);
	if (db_open(path, DB_CREATE, &db, &why) != QD_OK) {
		printf("Bail out! %s\n", why);
		exit(1);
	}
	free(path);
	return db;
}

/* The first column of the first row of sql, as an integer (-1 on error). */
static inline long long
fixture_int(sqlite3 *db, const char *sql)
{
	sqlite3_stmt	*stmt;
	long long	 v = -1;

	if (sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(stmt) == SQLITE_ROW)
		v = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	return v;
}

/* The first column of the first row of sql, as text (caller frees). */
static inline char *
fixture_text(sqlite3 *db, const char *sql)
{
	sqlite3_stmt	*stmt;
	char		*v = NULL;

	if (sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) != SQLITE_OK)
		return NULL;
	if (sqlite3_step(stmt) == SQLITE_ROW &&
	    sqlite3_column_text(stmt, 0) != NULL)
		v = strdup((const char *)sqlite3_column_text(stmt, 0));
	sqlite3_finalize(stmt);
	return v;
}

/*
 * Add an account as op (the local operator) and read it back, or bail
 * out; its via is "test".
 */
static inline struct qd_user *
fixture_user(sqlite3 *db, const struct qd_user *op, const char *login,
    enum qd_role role, const char *office)
{
	struct qd_user_new	 nu = { login, login, role, office };
	struct qd_user		*u = NULL;
	char			*why = NULL;

	db_set_actor(db, op);
	if (db_user_add(db, op, &nu, &why) != QD_OK ||
	    db_user_find(db, login, &u) != QD_OK) {
		printf("Bail out! cannot add %s: %s\n", login, why);
		exit(1);
	}
	free(why);
	u->via = "test";
	return u;
}

/*
 * Run sql on db as the connection's actor: SQLITE_OK or the error code,
 * with SQLite's message in *msg (freed first; NULL when none).
 */
static inline int
fixture_exec(sqlite3 *db, const char *sql, char **msg)
{
	char	*err = NULL;
	int	 rc;

	free(*msg);
	*msg = NULL;
	rc = sqlite3_exec(db, sql, NULL, NULL, &err);
	if (err != NULL)
		*msg = xstrdup(err);
	sqlite3_free(err);
	return rc;
}

#endif
