/* The demo database: its users, the invoking user's keys, idempotence. */
#include <sys/stat.h>

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libssh/libssh.h>

#include "qualdesk.h"
#include "tap.h"
#include "fixture.h"

static char	 *dir;

static char *
path_in(const char *fmt, const char *name)
{
	char	*p, *full;

	xasprintf(&p, fmt, name);
	xasprintf(&full, "%s/%s", dir, p);
	free(p);
	return full;
}

/* A fresh home: no ~/.ssh, so the demo makes a key pair. */
static void
test_new_key(void)
{
	sqlite3		*db = fixture_db(dir, "demo1.db");
	struct qd_user	*u = NULL;
	struct stat	 sb;
	char		*keyfile = NULL, *keyfile2 = NULL, *why = NULL, *want;
	char		*pub, line[512] = "";
	FILE		*f;
	long long	 audit1;

	setenv("HOME", dir, 1);
	is_int(demo_setup(db, &keyfile, &why), QD_OK, "demo setup (%s)",
	    why ? why : "ok");
	want = path_in("%s/id_ed25519", ".ssh");
	is_str(keyfile, want, "it made ~/.ssh/id_ed25519");
	ok(keyfile != NULL && stat(keyfile, &sb) == 0 &&
	    (sb.st_mode & 0777) == 0600, "private key mode 0600");
	pub = path_in("%s/id_ed25519.pub", ".ssh");
	if ((f = fopen(pub, "r")) != NULL) {
		if (fgets(line, sizeof line, f) == NULL)
			line[0] = '\0';
		fclose(f);
	}
	ok(strncmp(line, "ssh-ed25519 AAAA", 16) == 0 &&
	    strstr(line, " qualdesk-demo\n") != NULL,
	    "the .pub is one authorized_keys line");
	free(pub);
	pub = path_in("%s", ".ssh");
	ok(stat(pub, &sb) == 0 && (sb.st_mode & 0777) == 0700,
	    "~/.ssh made with mode 0700");
	free(pub);
	is_int(fixture_int(db, "SELECT count(*) FROM users"), 13,
	    "thirteen demo users");
	is_int(fixture_int(db, "SELECT count(*) FROM users u JOIN offices o"
	    " ON o.id = u.office_id WHERE u.login = o.code"
	    " AND u.role = 'liaison'"), 10, "a liaison per office, named by it");
	is_int(fixture_int(db, "SELECT count(*) FROM users WHERE (login, role) IN"
	    " (VALUES ('center', 'center'), ('admin', 'admin'),"
	    " ('auditor', 'auditor'))"), 3, "center, admin and auditor");
	db_user_find(db, "fuzhou", &u);
	is_str(u != NULL ? u->display_name : NULL, "福州联络员",
	    "the Fuzhou liaison's invented name");
	user_free(u);
	is_int(fixture_int(db, "SELECT count(*) FROM user_keys"), 13,
	    "every user holds the key");
	is_int(fixture_int(db, "SELECT count(DISTINCT actor) FROM audit"
	    " WHERE tbl IN ('users', 'user_keys')"), 1,
	    "all of it audited by one actor");
	is_int(fixture_int(db, "SELECT count(*) FROM audit WHERE actor = '(local)'"
	    " AND tbl = 'users'"), 13, "the local operator");

	audit1 = fixture_int(db, "SELECT count(*) FROM audit");
	is_int(demo_setup(db, &keyfile2, &why), QD_OK, "run it again");
	is_str(keyfile2, keyfile, "the same key is suggested");
	is_int(fixture_int(db, "SELECT count(*) FROM audit"), audit1,
	    "and nothing changes");
	ok(sqlite3_exec(db, "UPDATE offices SET name_en = 'x' WHERE id = 1",
	    NULL, NULL, NULL) != SQLITE_OK,
	    "afterwards the connection's actor is unset again, as before");
	free(keyfile);
	free(keyfile2);
	free(want);
	free(why);
	db_close(db);
}

/* A home with keys: all authorised, a bad .pub skipped, none made. */
static void
test_existing_keys(void)
{
	sqlite3	*db = fixture_db(dir, "demo2.db");
	ssh_key	 key;
	char	*path, *keyfile = NULL, *why = NULL, *b64;
	FILE	*f;

	/* The pair made above, plus a second public key and some junk. */
	ssh_pki_generate(SSH_KEYTYPE_ECDSA_P256, 256, &key);
	ssh_pki_export_pubkey_base64(key, &b64);
	path = path_in("%s/work.pub", ".ssh");
	f = fopen(path, "w");
	fprintf(f, "# work laptop\necdsa-sha2-nistp256 %s work\n", b64);
	fclose(f);
	free(path);
	path = path_in("%s/broken.pub", ".ssh");
	f = fopen(path, "w");
	fprintf(f, "this is not a key\n");
	fclose(f);
	free(path);
	ssh_string_free_char(b64);
	ssh_key_free(key);

	is_int(demo_setup(db, &keyfile, &why), QD_OK, "demo with keys (%s)",
	    why ? why : "ok");
	is_int(fixture_int(db, "SELECT count(*) FROM user_keys"), 26,
	    "both good keys for all thirteen users");
	is_int(fixture_int(db, "SELECT count(*) FROM user_keys k JOIN users u"
	    " ON u.id = k.user_id WHERE u.login = 'admin'"
	    " AND k.comment = 'work'"), 1, "with their comments");
	path = path_in("%s/id_ed25519", ".ssh");
	is_str(keyfile, path, "the key with a private half is suggested");
	free(path);
	path = path_in("%s/qualdesk-demo_ed25519", ".ssh");
	ok(access(path, F_OK) != 0, "no new pair was made");
	free(path);
	free(keyfile);
	free(why);
	db_close(db);
}

int
main(void)
{
	dir = fixture_dir("demo");
	test_new_key();
	test_existing_keys();
	fixture_dir_remove(dir);
	free(dir);
	return done_testing();
}
