/* Accounts: add, list, disable and enable; who may; the audit they leave. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "qualdesk.h"
#include "tap.h"
#include "fixture.h"

static char		 *dir;
static sqlite3		*db;
static struct qd_user	*op;

/* Add a user as actor; returns the result, *why kept for the caller. */
static int
add(const struct qd_user *actor, const char *login, const char *name,
    enum qd_role role, const char *office, char **why)
{
	struct qd_user_new	 nu = { login, name, role, office };

	xfree(why);
	return db_user_add(db, actor, &nu, why);
}

/* add() must fail with rc and a message containing want. */
static void
add_fails(const char *login, const char *name, enum qd_role role,
    const char *office, int want_rc, const char *want, const char *what)
{
	char	*why = NULL;
	int	 rc;

	rc = add(op, login, name, role, office, &why);
	ok(rc == want_rc && why != NULL && strstr(why, want) != NULL,
	    "%s (%s)", what, why != NULL ? why : "accepted");
	free(why);
}

static void
test_add(void)
{
	struct qd_user	*u = NULL;
	char		*why = NULL, *wide;
	long long	 audit0;

	audit0 = fixture_int(db, "SELECT count(*) FROM audit");
	is_int(add(op, "chen", "陳 大文", ROLE_CLERK, "fuzhou", &why), QD_OK,
	    "the admin adds a Fuzhou clerk (%s)", why ? why : "ok");
	is_int(db_user_find(db, "chen", &u), QD_OK, "and finds it");
	if (u != NULL) {
		is_str(u->display_name, "陳 大文", "with its name");
		ok(u->role == ROLE_CLERK && u->active && u->version == 1,
		    "role clerk, active, version 1");
		is_str(u->office_code, "fuzhou", "office code");
		is_str(u->office_name, "福州市", "office name");
	}
	user_free(u);
	is_int(fixture_int(db, "SELECT count(*) FROM audit"), audit0 + 1,
	    "one audit row");
	is_int(fixture_int(db, "SELECT count(*) FROM audit WHERE tbl = 'users'"
	    " AND action = 'insert' AND actor = '(local)' AND via LIKE 'local %'"
	    " AND before IS NULL AND json_extract(after, '$.login') = 'chen'"
	    " AND json_extract(after, '$.office') = 'fuzhou'"
	    " AND at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T"
	    "[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z'"), 1,
	    "it says who, via what, when (UTC, milliseconds) and the new row");

	is_int(add(op, "center1", NULL, ROLE_CENTER, NULL, &why), QD_OK,
	    "a center reviewer needs no office");
	db_user_find(db, "center1", &u);
	is_str(u != NULL ? u->display_name : NULL, "center1",
	    "the name defaults to the login");
	ok(u != NULL && u->office_code == NULL && u->office_id == 0,
	    "and has no office");
	user_free(u);
	free(why);

	add_fails("chen", NULL, ROLE_CENTER, NULL, QD_ECONFLICT,
	    "user chen already exists", "a duplicate login is refused");
	add_fails("Chen", NULL, ROLE_CENTER, NULL, QD_EINVAL, "not valid",
	    "an upper-case login is refused");
	add_fails("1abc", NULL, ROLE_CENTER, NULL, QD_EINVAL, "not valid",
	    "a login starting with a digit is refused");
	add_fails("wang", NULL, ROLE_CLERK, NULL, QD_EINVAL,
	    "one of: fuzhou, xiamen, zhangzhou",
	    "a clerk without an office is refused and told the codes");
	add_fails("wang", NULL, ROLE_LIAISON, "taipei", QD_EINVAL,
	    "unknown office 'taipei'; the offices are: fuzhou",
	    "an unknown office is refused and the codes listed");
	add_fails("wang", NULL, ROLE_ADMIN, "fuzhou", QD_EINVAL,
	    "belongs to no office", "an admin with an office is refused");
	add_fails("wang", "bad\tname", ROLE_CENTER, NULL, QD_EINVAL,
	    "control characters", "a name with a control character");
	add_fails("wang", "bad \xff name", ROLE_CENTER, NULL, QD_EINVAL,
	    "UTF-8", "a name that is not UTF-8");
	add_fails("wang", "王\xe2\x80\xae" "文大", ROLE_CENTER, NULL, QD_EINVAL,
	    "direction-changing", "a name with a right-to-left override");
	add_fails("wang", "王\xe2\x80\x8b" "大文", ROLE_CENTER, NULL, QD_EINVAL,
	    "invisible", "a name with a zero-width space");
	add_fails("wang", "   ", ROLE_CENTER, NULL, QD_EINVAL, "empty",
	    "a blank name");
	/* 33 Chinese characters are 66 columns. */
	wide = xstrdup("福建省平潭台胞职业资格考证认证一体化服务中心福建省平潭台胞"
	    "职业资格考证认");
	add_fails("wang", wide, ROLE_CENTER, NULL, QD_EINVAL, "at most 64",
	    "a name wider than 64 columns");
	free(wide);
	is_int(fixture_int(db, "SELECT count(*) FROM users WHERE login = 'wang'"), 0,
	    "none of the refused accounts exists");
}

static void
test_denied(void)
{
	struct qd_user	*clerk = NULL, *auditor = NULL;
	char		*why = NULL;
	long long	 audit0;

	add(op, "aud", "省审计", ROLE_AUDITOR, NULL, &why);
	db_user_find(db, "chen", &clerk);
	db_user_find(db, "aud", &auditor);
	audit0 = fixture_int(db, "SELECT count(*) FROM audit");
	is_int(add(clerk, "li", NULL, ROLE_CENTER, NULL, &why), QD_EDENIED,
	    "a clerk cannot add users");
	is_int(add(auditor, "li", NULL, ROLE_CENTER, NULL, &why), QD_EDENIED,
	    "nor can the auditor");
	is_int(db_user_set_active(db, clerk, "center1", 0, &why), QD_EDENIED,
	    "a clerk cannot disable users");
	is_int(db_user_set_active(db, auditor, "center1", 0, &why), QD_EDENIED,
	    "nor can the auditor");
	is_int(fixture_int(db, "SELECT count(*) FROM audit"), audit0,
	    "refusals change nothing");
	free(why);
	user_free(clerk);
	user_free(auditor);
}

static void
test_active(void)
{
	struct qd_user	*u = NULL, *admin = NULL;
	char		*why = NULL;

	is_int(db_user_set_active(db, op, "chen", 0, &why), QD_OK,
	    "the admin disables a clerk");
	db_user_find(db, "chen", &u);
	ok(u != NULL && !u->active && u->version == 2,
	    "it is inactive at version 2");
	user_free(u);
	is_int(fixture_int(db, "SELECT count(*) FROM audit WHERE tbl = 'users'"
	    " AND action = 'update'"
	    " AND json_extract(before, '$.active') = 1"
	    " AND json_extract(after, '$.active') = 0"
	    " AND actor = '(local)'"), 1,
	    "the change is audited with before and after");
	is_int(db_user_set_active(db, op, "chen", 0, &why), QD_OK,
	    "disabling again is harmless");
	is_int(fixture_int(db, "SELECT version FROM users WHERE login = 'chen'"), 2,
	    "and changes nothing");
	is_int(db_user_set_active(db, op, "chen", 1, &why), QD_OK,
	    "enable it again");
	is_int(fixture_int(db, "SELECT active FROM users WHERE login = 'chen'"), 1,
	    "it is active");
	is_int(db_user_set_active(db, op, "nobody", 0, &why), QD_ENOTFOUND,
	    "an unknown user is not found");
	ok(why != NULL && strstr(why, "no user nobody") != NULL, "and named");

	add(op, "boss", NULL, ROLE_ADMIN, NULL, &why);
	db_user_find(db, "boss", &admin);
	is_int(db_user_set_active(db, admin, "boss", 0, &why), QD_EINVAL,
	    "an admin cannot disable itself");
	is_int(db_user_set_active(db, admin, "center1", 0, &why), QD_OK,
	    "but can disable others");
	ok(sqlite3_exec(db, "UPDATE users SET display_name = 'x'"
	    " WHERE login = 'chen'", NULL, NULL, NULL) != SQLITE_OK,
	    "an update that does not raise the version is refused");
	free(why);
	user_free(admin);
}

static void
test_list(void)
{
	struct qd_user	**list = NULL, *clerk = NULL, *auditor = NULL;
	char		 *why = NULL;
	size_t		  n = 0;

	is_int(db_user_list(db, op, &list, &n, &why), QD_OK,
	    "the admin lists users");
	is_int(n, 4, "all four");
	if (n == 4) {
		is_str(list[0]->login, "aud", "ordered by login");
		is_str(list[3]->login, "chen", "to the last");
	}
	user_free_array(list, n);
	db_user_find(db, "aud", &auditor);
	db_user_list(db, auditor, &list, &n, &why);
	is_int(n, 4, "the auditor sees all of them");
	user_free_array(list, n);
	db_user_find(db, "chen", &clerk);
	db_user_list(db, clerk, &list, &n, &why);
	ok(n == 1 && strcmp(list[0]->login, "chen") == 0,
	    "a clerk sees only itself");
	user_free_array(list, n);
	free(why);
	user_free(clerk);
	user_free(auditor);
}

/* The trail narrowed by who, what record, what action and what day. */
static void
test_audit_find(void)
{
	struct qd_audit_filter	 f;
	struct qd_audit		*rows = NULL;
	char			*why = NULL, *today;
	size_t			 n = 0, i;
	long long		 logins, users;
	int			 all;

	logins = fixture_int(db, "SELECT count(*) FROM audit WHERE action ="
	    " 'login'");
	users = fixture_int(db, "SELECT count(*) FROM audit WHERE tbl ="
	    " 'users'");
	memset(&f, 0, sizeof f);
	f.action = "login";
	is_int(db_audit_find(db, op, &f, 0, 1000, &rows, &n, &why), QD_OK,
	    "the trail by action");
	for (i = 0, all = n > 0; i < n; i++)
		all &= strcmp(rows[i].action, "login") == 0;
	ok(all && (long long)n == logins, "only the logins, all %lld", logins);
	audit_free_array(rows, n);
	memset(&f, 0, sizeof f);
	f.tbl = "users";
	db_audit_find(db, op, &f, 0, 1000, &rows, &n, &why);
	ok(n > 0 && (long long)n == users, "by table: the users rows (%zu)",
	    n);
	if (n > 0) {
		f.record = rows[n - 1].record;
		audit_free_array(rows, n);
		db_audit_find(db, op, &f, 0, 1000, &rows, &n, &why);
		for (i = 0, all = n > 0; i < n; i++)
			all &= rows[i].record == f.record;
		ok(all, "and by record: that user's rows alone (%zu)", n);
	}
	audit_free_array(rows, n);
	memset(&f, 0, sizeof f);
	f.actor = "(local)";
	f.action = "login";
	db_audit_find(db, op, &f, 0, 1000, &rows, &n, &why);
	is_int((long long)n, logins, "by who and action together");
	audit_free_array(rows, n);
	today = fixture_text(db, "SELECT date('now', '+8 hours')");
	f.day = today;
	db_audit_find(db, op, &f, 0, 1000, &rows, &n, &why);
	is_int((long long)n, logins, "by today's date in China time");
	audit_free_array(rows, n);
	f.day = "2001-01-01";
	db_audit_find(db, op, &f, 0, 1000, &rows, &n, &why);
	is_int(n, 0, "and none on a day without entries");
	audit_free_array(rows, n);
	f.actor = "nobody";
	f.day = NULL;
	db_audit_find(db, op, &f, 0, 1000, &rows, &n, &why);
	is_int(n, 0, "nor for a login that did nothing");
	audit_free_array(rows, n);
	free(today);
	free(why);
}

static void
test_audit(void)
{
	struct qd_audit	*rows = NULL, *more = NULL;
	struct qd_user	*clerk = NULL;
	char		*why = NULL;
	size_t		 n = 0, m = 0;
	long long	 total;
	int		 rc;

	is_int(db_audit(db, "login", NULL, 0, "ssh ed25519"), QD_OK,
	    "an explicit audit row");
	total = fixture_int(db, "SELECT count(*) FROM audit");
	is_int(db_audit_list(db, op, 0, 3, &rows, &n, &why), QD_OK,
	    "the admin reads the trail");
	is_int(n, 3, "a page of three");
	if (n == 3) {
		is_str(rows[0].action, "login", "newest first");
		is_str(rows[0].actor, "(local)", "with the actor");
		is_str(rows[0].after, "{\"detail\":\"ssh ed25519\"}",
		    "and the detail");
		ok(rows[0].id > rows[1].id && rows[1].id > rows[2].id,
		    "ids descending");
		db_audit_list(db, op, rows[2].id, 1000, &more, &m, &why);
		is_int(m, total - 3, "the next page starts below the last id");
		ok(m > 0 && more[0].id == rows[2].id - 1, "with no gap");
		audit_free_array(more, m);
	}
	audit_free_array(rows, n);
	test_audit_find();
	is_int(db_audit_list(db, op, 0, 0, &rows, &n, &why), QD_EINVAL,
	    "a limit of 0 is refused");
	xfree(&why);
	db_user_find(db, "chen", &clerk);
	is_int(db_audit_list(db, clerk, 0, 10, &rows, &n, &why), QD_EDENIED,
	    "a clerk cannot read the trail");
	user_free(clerk);
	free(why);

	rc = sqlite3_exec(db, "UPDATE audit SET actor = 'x' WHERE id = 1",
	    NULL, NULL, NULL);
	ok(rc != SQLITE_OK &&
	    strstr(sqlite3_errmsg(db), "cannot be changed") != NULL,
	    "audit rows cannot be updated (%s)", sqlite3_errmsg(db));
	ok(sqlite3_exec(db, "DELETE FROM audit", NULL, NULL, NULL) !=
	    SQLITE_OK, "nor deleted");
	is_int(fixture_int(db, "SELECT count(*) FROM audit"), total,
	    "the trail is whole");
}

/*
 * A write checks, in its transaction, that its actor is still enabled with
 * the role and office it logged in with.
 */
static void
test_stale_actor(void)
{
	struct qd_user	*adm, *clerk;
	char		*why = NULL, *msg = NULL;
	int		 rc;

	adm = fixture_user(db, op, "adm2", ROLE_ADMIN, NULL);
	clerk = fixture_user(db, op, "clerk2", ROLE_CLERK, "fuzhou");
	db_set_actor(db, adm);
	is_int(add(adm, "new1", "新一", ROLE_CENTER, NULL, &why), QD_OK,
	    "an enabled admin adds an account");
	db_set_actor(db, op);
	is_int(db_user_set_active(db, op, "adm2", 0, &why), QD_OK,
	    "then the admin is disabled");
	db_set_actor(db, adm);
	rc = add(adm, "new2", "新二", ROLE_CENTER, NULL, &why);
	is_int(rc, QD_EDENIED, "its next write is refused (%s)", why);
	ok(why != NULL && strstr(why, "disabled") != NULL && strstr(why,
	    "停用") != NULL, "saying why, in both languages");
	is_int(fixture_int(db, "SELECT count(*) FROM users WHERE login ="
	    " 'new2'"), 0, "nothing was written");
	ok(sqlite3_get_autocommit(db), "and no transaction is left open");
	db_set_actor(db, op);
	db_user_set_active(db, op, "adm2", 1, &why);
	db_set_actor(db, adm);
	is_int(add(adm, "new2", "新二", ROLE_CENTER, NULL, &why), QD_OK,
	    "enabled again, it writes");

	db_set_system_actor(db, "(test)", "test");
	fixture_exec(db, "UPDATE users SET role = 'auditor', version ="
	    " version + 1 WHERE login = 'adm2'", &msg);
	db_set_actor(db, adm);
	is_int(add(adm, "new3", "新三", ROLE_CENTER, NULL, &why), QD_EDENIED,
	    "an admin made auditor since its login writes nothing as admin");
	db_set_system_actor(db, "(test)", "test");
	fixture_exec(db, "UPDATE users SET office_id = (SELECT id FROM offices"
	    " WHERE code = 'xiamen'), version = version + 1 WHERE login ="
	    " 'clerk2'", &msg);
	db_set_actor(db, clerk);
	is_int(db_begin(db), QD_EDB, "a clerk moved to another office cannot"
	    " open a write");
	is_int(db_fail(db, &why), QD_EDENIED, "which is a refusal (%s)", why);
	ok(sqlite3_get_autocommit(db), "with nothing left open");
	db_set_actor(db, op);
	is_int(db_begin(db), QD_OK, "the local operator still writes");
	db_rollback(db);
	free(msg);
	free(why);
	user_free(adm);
	user_free(clerk);
}

int
main(void)
{
	dir = fixture_dir("user");
	db = fixture_db(dir, "test.db");
	op = user_local_operator();
	db_set_actor(db, op);
	test_add();
	test_denied();
	test_active();
	test_list();
	test_audit();
	test_stale_actor();
	db_close(db);
	user_free(op);
	fixture_dir_remove(dir);
	free(dir);
	return done_testing();
}
