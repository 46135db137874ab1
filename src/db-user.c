/*
 * Accounts in the database: find, add, enable and disable, list. Who may
 * do what is decided here, whatever the caller checked before.
 */
#include <stdlib.h>
#include <string.h>

#include "qualdesk.h"

#define USER_NAME_COLUMNS	64

static const char *user_select_sql =
    "SELECT u.id, u.login, u.display_name, u.role, u.office_id, o.code,"
    " o.name_zh, u.active, u.version"
    " FROM users u LEFT JOIN offices o ON o.id = u.office_id";

/* A user from a row of user_select_sql, or NULL for an unknown role. */
static struct qd_user *
user_from_row(sqlite3_stmt *stmt)
{
	struct qd_user	*u;
	enum qd_role	 role;
	const char	*s;

	s = (const char *)sqlite3_column_text(stmt, 3);
	if (s == NULL || role_parse(s, &role) != QD_OK) {
		log_error("user %lld has an unknown role",
		    (long long)sqlite3_column_int64(stmt, 0));
		return NULL;
	}
	u = xcalloc(1, sizeof *u);
	u->id = sqlite3_column_int64(stmt, 0);
	u->login = db_column_strdup(stmt, 1);
	u->display_name = db_column_strdup(stmt, 2);
	u->role = role;
	u->office_id = sqlite3_column_int64(stmt, 4);
	u->office_code = db_column_strdup(stmt, 5);
	u->office_name = db_column_strdup(stmt, 6);
	u->active = sqlite3_column_int(stmt, 7);
	u->version = sqlite3_column_int64(stmt, 8);
	return u;
}

int
db_user_find(sqlite3 *db, const char *login, struct qd_user **out)
{
	sqlite3_stmt	*stmt = NULL;
	char		*sql;
	int		 rc;

	*out = NULL;
	xasprintf(&sql, "%s WHERE u.login = ?1", user_select_sql);
	if ((rc = db_prepare(db, sql, &stmt)) != QD_OK)
		goto out;
	sqlite3_bind_text(stmt, 1, login, -1, SQLITE_STATIC);
	switch (sqlite3_step(stmt)) {
	case SQLITE_ROW:
		*out = user_from_row(stmt);
		rc = *out != NULL ? QD_OK : QD_EDB;
		break;
	case SQLITE_DONE:
		rc = QD_ENOTFOUND;
		break;
	default:
		rc = db_fail(db, NULL);
		break;
	}
out:
	sqlite3_finalize(stmt);
	free(sql);
	return rc;
}

/* The office codes, comma-separated, for messages (caller frees). */
static char *
user_office_codes(sqlite3 *db)
{
	struct qd_office	*offices;
	size_t			 n, i, len = 0;
	char			*s;

	if (db_office_list(db, &offices, &n) != QD_OK)
		return xstrdup("(the offices cannot be read)");
	for (i = 0; i < n; i++)
		len += strlen(offices[i].code) + 2;
	s = xcalloc(1, len + 1);
	for (i = 0; i < n; i++) {
		if (i > 0)
			strcat(s, ", ");
		strcat(s, offices[i].code);
	}
	office_free_array(offices, n);
	return s;
}

/* The id of the office with this code; QD_ENOTFOUND or QD_EDB. */
static int
user_office_id(sqlite3 *db, const char *code, int64_t *id)
{
	sqlite3_stmt	*stmt;
	int		 rc;

	if (db_prepare(db, "SELECT id FROM offices WHERE code = ?1", &stmt) !=
	    QD_OK)
		return QD_EDB;
	sqlite3_bind_text(stmt, 1, code, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	if (rc == SQLITE_ROW)
		return QD_OK;
	return rc == SQLITE_DONE ? QD_ENOTFOUND : QD_EDB;
}

/* Check the login and display name of a new account. */
static int
user_check_names(const struct qd_user_new *nu, char **why)
{
	const char	*name = nu->display_name;

	if (nu->login == NULL || !text_valid(nu->login)) {
		why_set(why, "登录名不是有效文字 the login is not valid text");
		return QD_EINVAL;
	}
	if (!user_login_valid(nu->login)) {
		why_set(why, "登录名 '%s' 无效：小写字母开头，其后至多 31 个 "
		    "a-z 0-9 _ . -  login '%s' is not valid: a lower-case "
		    "letter, then up to 31 of a-z 0-9 _ . -", nu->login,
		    nu->login);
		return QD_EINVAL;
	}
	if (name == NULL)
		return QD_OK;
	if (!text_valid(name)) {
		why_set(why, "姓名%s the name %s", text_invalid_why(name),
		    "is refused");
		return QD_EINVAL;
	}
	if (name[strspn(name, " ")] == '\0') {
		why_set(why, "姓名为空 the name is empty");
		return QD_EINVAL;
	}
	if (text_width(name) > USER_NAME_COLUMNS) {
		why_set(why, "姓名太长 the name is %d columns wide; at most "
		    "%d", text_width(name), USER_NAME_COLUMNS);
		return QD_EINVAL;
	}
	return QD_OK;
}

/* Check the role and find the office; *office_id is 0 for none. */
static int
user_check_office(sqlite3 *db, const struct qd_user_new *nu,
    int64_t *office_id, char **why)
{
	const char	*code = nu->office_code;
	char		*codes;
	int		 rc;

	*office_id = 0;
	if ((int)nu->role < 0 || (int)nu->role >= ROLE_COUNT) {
		why_set(why, "未知角色 unknown role");
		return QD_EINVAL;
	}
	if (code != NULL && *code == '\0')
		code = NULL;
	if (!role_has_office(nu->role)) {
		if (code == NULL)
			return QD_OK;
		why_set(why, "此角色不属于办公室 the %s role belongs to no "
		    "office; leave the office out", role_name(nu->role));
		return QD_EINVAL;
	}
	if (code == NULL || (rc = user_office_id(db, code, office_id)) ==
	    QD_ENOTFOUND) {
		codes = user_office_codes(db);
		if (code == NULL)
			why_set(why, "须选择办公室 a %s needs an office, one "
			    "of: %s", role_name(nu->role), codes);
		else if (!text_valid(code))
			why_set(why, "未知办公室 unknown office; the offices "
			    "are: %s", codes);
		else
			why_set(why, "未知办公室 unknown office '%s'; the "
			    "offices are: %s", code, codes);
		free(codes);
		return QD_EINVAL;
	}
	if (rc != QD_OK)
		return db_fail(db, why);
	return QD_OK;
}

/* Insert the checked account; the unique login decides a duplicate. */
static int
user_insert(sqlite3 *db, const struct qd_user_new *nu, int64_t office_id,
    char **why)
{
	sqlite3_stmt	*stmt;
	int		 rc;

	if (db_prepare(db, "INSERT INTO users (login, display_name, role,"
	    " office_id) VALUES (?1, ?2, ?3, ?4)", &stmt) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_text(stmt, 1, nu->login, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, nu->display_name != NULL ?
	    nu->display_name : nu->login, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, role_name(nu->role), -1, SQLITE_STATIC);
	if (office_id != 0)
		sqlite3_bind_int64(stmt, 4, office_id);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (rc == SQLITE_DONE)
		return QD_OK;
	if (sqlite3_extended_errcode(db) == SQLITE_CONSTRAINT_UNIQUE) {
		why_set(why, "用户已存在 user %s already exists", nu->login);
		return QD_ECONFLICT;
	}
	return db_fail(db, why);
}

int
db_user_add(sqlite3 *db, const struct qd_user *actor,
    const struct qd_user_new *nu, char **why)
{
	int64_t		 office_id;
	int		 rc;

	if (!user_may(actor, "user write")) {
		why_set(why, "仅管理员可新增用户 only an admin may add users");
		return QD_EDENIED;
	}
	if ((rc = user_check_names(nu, why)) != QD_OK)
		return rc;
	if (db_begin(db) != QD_OK)
		return db_fail(db, why);
	if ((rc = user_check_office(db, nu, &office_id, why)) != QD_OK ||
	    (rc = user_insert(db, nu, office_id, why)) != QD_OK)
		goto fail;
	if (db_commit(db) != QD_OK) {
		rc = db_fail(db, why);
		goto fail;
	}
	return QD_OK;
fail:
	db_rollback(db);
	return rc;
}

/* Write the new active flag if the row is still at version. */
static int
user_update_active(sqlite3 *db, const struct qd_user *u, int active,
    char **why)
{
	sqlite3_stmt	*stmt;
	int		 rc;

	if (db_prepare(db, "UPDATE users SET active = ?1,"
	    " version = version + 1,"
	    " updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
	    " WHERE id = ?2 AND version = ?3", &stmt) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int(stmt, 1, active);
	sqlite3_bind_int64(stmt, 2, u->id);
	sqlite3_bind_int64(stmt, 3, u->version);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE)
		return db_fail(db, why);
	if (sqlite3_changes(db) != 1) {
		why_set(why, "他人已修改，请重试 user %s was changed by "
		    "someone else; try again",
		    u->login);
		return QD_ECONFLICT;
	}
	return QD_OK;
}

int
db_user_set_active(sqlite3 *db, const struct qd_user *actor,
    const char *login, int active, char **why)
{
	struct qd_user	*u = NULL;
	int		 rc;

	if (!user_may(actor, "user write")) {
		why_set(why, "仅管理员可操作 only an admin may %s users",
		    active ? "enable" : "disable");
		return QD_EDENIED;
	}
	if (!active && strcmp(login, actor->login) == 0) {
		why_set(why, "不能停用自己的账户 you cannot disable your own account");
		return QD_EINVAL;
	}
	if (db_begin(db) != QD_OK)
		return db_fail(db, why);
	rc = db_user_find(db, login, &u);
	if (rc == QD_ENOTFOUND)
		why_set(why, "无此用户 no user %s",
		    text_valid(login) ? login : "by that name");
	else if (rc != QD_OK)
		rc = db_fail(db, why);
	else if (u->active != (active != 0))
		rc = user_update_active(db, u, active != 0, why);
	if (rc == QD_OK && db_commit(db) != QD_OK)
		rc = db_fail(db, why);
	if (rc != QD_OK)
		db_rollback(db);
	user_free(u);
	return rc;
}

int
db_user_list(sqlite3 *db, const struct qd_user *actor,
    struct qd_user ***out, size_t *n, char **why)
{
	sqlite3_stmt	 *stmt = NULL;
	struct qd_user	**list = NULL, *u;
	char		 *sql;
	size_t		  count = 0;
	int		  rc = QD_OK, step;

	*out = NULL;
	*n = 0;
	/* Everyone else sees only their own account. */
	xasprintf(&sql, "%s WHERE ?1 OR u.login = ?2 ORDER BY u.login",
	    user_select_sql);
	if (db_prepare(db, sql, &stmt) != QD_OK) {
		rc = db_fail(db, why);
		goto out;
	}
	sqlite3_bind_int(stmt, 1, user_may(actor, "user read"));
	sqlite3_bind_text(stmt, 2, actor->login, -1, SQLITE_STATIC);
	while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
		if ((u = user_from_row(stmt)) == NULL)
			continue;
		list = xreallocarray(list, count + 1, sizeof *list);
		list[count++] = u;
	}
	if (step != SQLITE_DONE) {
		rc = db_fail(db, why);
		user_free_array(list, count);
		goto out;
	}
	*out = list;
	*n = count;
out:
	sqlite3_finalize(stmt);
	free(sql);
	return rc;
}

void
user_free_array(struct qd_user **list, size_t n)
{
	size_t	 i;

	if (list == NULL)
		return;
	for (i = 0; i < n; i++)
		user_free(list[i]);
	free(list);
}
