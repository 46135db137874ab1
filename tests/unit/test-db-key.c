/* SSH public keys: parsing lines, storing, listing, removing, authorising. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libssh/libssh.h>

#include "qualdesk.h"
#include "tap.h"
#include "fixture.h"

static char		 *dir;
static sqlite3		*db;
static struct qd_user	*op;

/* A fresh public key of type as "TYPE BASE64" without a comment. */
static char *
make_key(enum ssh_keytypes_e type, int bits)
{
	ssh_key	 key;
	char	*b64, *line;

	if (ssh_pki_generate(type, bits, &key) != SSH_OK ||
	    ssh_pki_export_pubkey_base64(key, &b64) != SSH_OK)
		abort();
	xasprintf(&line, "%s %s", ssh_key_type_to_char(ssh_key_type(key)), b64);
	ssh_string_free_char(b64);
	ssh_key_free(key);
	return line;
}

/* The base64 word of "TYPE BASE64 ..." (caller frees). */
static char *
key_blob(const char *line)
{
	const char	*p = strchr(line, ' ') + 1;

	return xstrndup(p, strcspn(p, " "));
}

/* key_parse must refuse line with a message containing want. */
static void
parse_fails(const char *line, const char *want, const char *what)
{
	struct qd_key	*k = NULL;
	char		*why = NULL;
	int		 rc;

	rc = key_parse(line, &k, &why);
	ok(rc == QD_EINVAL && k == NULL && why != NULL &&
	    strstr(why, want) != NULL, "%s (%s)", what, why ? why : "accepted");
	free(why);
	key_free_array(k, 1);
}

static void
add_user(const char *login, enum qd_role role, const char *office)
{
	struct qd_user_new	 nu = { login, NULL, role, office };
	char			*why = NULL;

	if (db_user_add(db, op, &nu, &why) != QD_OK) {
		printf("# cannot add %s: %s\n", login, why);
		abort();
	}
}

static void
test_parse(const char *ed, const char *rsa, const char *rsa_small)
{
	struct qd_key	*k = NULL;
	char		*why = NULL, *line, *blob, *ed_blob = key_blob(ed);
	const char	*p;
	int		 rc;

	xasprintf(&line, "  %s  chen@fuzhou 笔记本 \r", ed);
	line[strlen(line) - 1] = '\0';
	rc = key_parse(line, &k, &why);
	is_int(rc, QD_OK, "an ed25519 line parses (%s)", why ? why : "ok");
	if (k != NULL) {
		is_str(k->type, "ssh-ed25519", "its type");
		is_str(k->base64, ed_blob, "its blob, unchanged");
		is_str(k->comment, "chen@fuzhou 笔记本",
		    "its comment, trimmed, spaces and CJK kept");
		p = k->fingerprint;
		ok(strncmp(p, "SHA256:", 7) == 0 && strlen(p) == 7 + 43 &&
		    strspn(p + 7, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnop"
		    "qrstuvwxyz0123456789+/") == 43,
		    "fingerprint is SHA256: and 43 base64 characters (%s)", p);
	}
	key_free_array(k, 1);
	free(line);

	rc = key_parse(rsa, &k, &why);
	is_int(rc, QD_OK, "a 2048-bit RSA key is accepted (%s)",
	    why ? why : "ok");
	key_free_array(k, 1);
	parse_fails(rsa_small, "1024 bits", "a 1024-bit RSA key is refused");
	parse_fails("ssh-dss AAAAB3NzaC1kc3MAAACBAP1", "ssh-dss",
	    "a DSA key is refused");
	xasprintf(&line, "command=\"ls -l\",no-pty %s", ed);
	parse_fails(line, "key options are not supported",
	    "a line with options is refused");
	free(line);
	xasprintf(&line, "restrict %s", ed);
	parse_fails(line, "key options are not supported",
	    "a line with a bare option is refused");
	free(line);
	parse_fails("ssh-ed25519 AAAAnotakey", "not a valid ssh-ed25519 key",
	    "bad key data is refused");
	parse_fails("ssh-ed25519", "missing", "a type with no key is refused");
	parse_fails("ssh-foo AAAA", "unknown key type 'ssh-foo'",
	    "an unknown type is refused and named");
	blob = key_blob(rsa);
	xasprintf(&line, "ssh-ed25519 %s", blob);
	parse_fails(line, "ssh-rsa key, not ssh-ed25519",
	    "a blob of another type than the line says is refused");
	free(line);
	xasprintf(&line, "ssh-rsa %s", ed_blob);
	parse_fails(line, "not ssh-rsa",
	    "an ed25519 blob named ssh-rsa is refused");
	free(line);
	xasprintf(&line, "%s bad\x01comment", ed);
	parse_fails(line, "control characters",
	    "a comment with control characters is refused");
	free(line);
	free(blob);
	free(ed_blob);
}

/*
 * Every prefix of a good line and every one-byte change of it is either
 * refused with a message or parsed whole: never a crash, never a key
 * without a fingerprint.
 */
static void
test_parse_damage(const char *good)
{
	struct qd_key	*k;
	char		*line, *why;
	size_t		 len = strlen(good), i;
	int		 sane = 1, rc;

	for (i = 0; i < 2 * len; i++) {
		line = xstrdup(good);
		if (i < len)
			line[i] = '\0';
		else
			line[i - len] = (char)(line[i - len] ^ (1 << (i % 8)));
		k = NULL;
		why = NULL;
		rc = key_parse(line, &k, &why);
		if (rc == QD_OK)
			sane &= k != NULL && why == NULL &&
			    strncmp(k->fingerprint, "SHA256:", 7) == 0;
		else
			sane &= rc == QD_EINVAL && k == NULL && why != NULL &&
			    text_valid(why);
		key_free_array(k, 1);
		free(why);
		free(line);
	}
	ok(sane, "%zu damaged lines: each refused with a message or whole",
	    2 * len);
}

static void
test_parse_types(void)
{
	static const struct {
		enum ssh_keytypes_e	 type;
		int			 bits;
		const char		*name;
	} types[] = {
		{ SSH_KEYTYPE_ECDSA_P256, 256, "ecdsa-sha2-nistp256" },
		{ SSH_KEYTYPE_ECDSA_P384, 384, "ecdsa-sha2-nistp384" },
		{ SSH_KEYTYPE_ECDSA_P521, 521, "ecdsa-sha2-nistp521" },
	};
	struct qd_key	*k;
	char		*line, *why = NULL;
	size_t		 i;

	for (i = 0; i < nitems(types); i++) {
		line = make_key(types[i].type, types[i].bits);
		k = NULL;
		is_int(key_parse(line, &k, &why), QD_OK, "%s is accepted (%s)",
		    types[i].name, why ? why : "ok");
		is_str(k != NULL ? k->type : NULL, types[i].name,
		    "and keeps its type name");
		key_free_array(k, 1);
		xfree(&why);
		free(line);
	}
}

static void
test_add(const char *ed, const char *ed2, const char *rsa)
{
	struct qd_user	*clerk;
	char		*text, *why = NULL;
	int		 added = -1, rc;

	xasprintf(&text, "# the liaison's keys\n\n%s laptop\r\n  \n%s desk\n",
	    ed, rsa);
	rc = db_key_add(db, op, "fuzhou", text, &added, &why);
	is_int(rc, QD_OK, "two keys among comments and blanks (%s)",
	    why ? why : "ok");
	is_int(added, 2, "both are added");
	free(text);
	xfree(&why);

	xasprintf(&text, "%s new\n# note\n\nssh-ed25519 AAAAbad\n", ed2);
	rc = db_key_add(db, op, "xiamen", text, &added, &why);
	is_int(rc, QD_EINVAL, "a text with one bad line is refused");
	ok(why != NULL && strncmp(why, "line 4: ", 8) == 0,
	    "and the message names line 4 (%s)", why ? why : "none");
	is_int(added, 0, "nothing is reported added");
	is_int(fixture_int(db, "SELECT count(*) FROM user_keys k JOIN users u"
	    " ON u.id = k.user_id WHERE u.login = 'xiamen'"), 0,
	    "and nothing is added, not even the good first line");
	free(text);
	xfree(&why);

	xasprintf(&text, "%s one\n%s two\n", ed2, ed2);
	rc = db_key_add(db, op, "xiamen", text, &added, &why);
	ok(rc == QD_EINVAL && why != NULL &&
	    strstr(why, "line 2: the same key as line 1") != NULL,
	    "a key given twice is refused (%s)", why ? why : "accepted");
	free(text);
	xfree(&why);

	rc = db_key_add(db, op, "fuzhou", ed, &added, &why);
	ok(rc == QD_ECONFLICT && why != NULL &&
	    strstr(why, "fuzhou already holds this key") != NULL,
	    "a key the user holds already is refused (%s)",
	    why ? why : "accepted");
	xfree(&why);

	rc = db_key_add(db, op, "nobody", ed2, &added, &why);
	is_int(rc, QD_ENOTFOUND, "keys for an unknown user are refused");
	xfree(&why);
	rc = db_key_add(db, op, "xiamen", "# only a comment\n\n", &added, &why);
	ok(rc == QD_EINVAL && why != NULL && strstr(why, "no public key"),
	    "a text with no key is refused (%s)", why ? why : "accepted");
	xfree(&why);

	db_user_find(db, "fuzhou", &clerk);
	rc = db_key_add(db, clerk, "fuzhou", ed2, &added, &why);
	is_int(rc, QD_EDENIED, "a liaison cannot add keys, not even its own");
	xfree(&why);
	user_free(clerk);

	is_int(fixture_int(db, "SELECT count(*) FROM audit WHERE tbl = 'user_keys'"
	    " AND action = 'insert' AND actor = '(local)'"
	    " AND json_extract(after, '$.user') = 'fuzhou'"
	    " AND json_extract(after, '$.fingerprint') LIKE 'SHA256:%'"
	    " AND json_extract(after, '$.base64') IS NULL"), 2,
	    "each key added is audited by fingerprint, without the blob");
}

static void
test_list(void)
{
	struct qd_user	*self, *other, *auditor;
	struct qd_key	*keys = NULL;
	char		*why = NULL;
	size_t		 n = 0;

	is_int(db_key_list(db, op, "fuzhou", &keys, &n, &why), QD_OK,
	    "the admin lists a user's keys");
	is_int(n, 2, "two keys");
	if (n == 2) {
		is_str(keys[0].comment, "laptop", "first in order of adding");
		is_str(keys[1].type, "ssh-rsa", "the second is the RSA key");
		ok(keys[0].created_at != NULL && keys[0].id > 0,
		    "with id and creation time");
	}
	key_free_array(keys, n);

	db_user_find(db, "fuzhou", &self);
	db_user_find(db, "xiamen", &other);
	db_user_find(db, "auditor", &auditor);
	is_int(db_key_list(db, self, "fuzhou", &keys, &n, &why), QD_OK,
	    "a user lists its own keys");
	key_free_array(keys, n);
	is_int(db_key_list(db, other, "fuzhou", &keys, &n, &why), QD_EDENIED,
	    "but not another's");
	ok(keys == NULL && n == 0, "and gets nothing");
	xfree(&why);
	is_int(db_key_list(db, auditor, "fuzhou", &keys, &n, &why), QD_OK,
	    "the auditor lists anyone's");
	key_free_array(keys, n);
	is_int(db_key_list(db, op, "nobody", &keys, &n, &why), QD_ENOTFOUND,
	    "an unknown user is not found");
	xfree(&why);
	user_free(self);
	user_free(other);
	user_free(auditor);
}

static void
test_authorize(const char *ed, const char *ed2, const char *rsa)
{
	struct qd_user	*u = NULL;
	char		*blob = key_blob(ed), *blob2 = key_blob(ed2);
	char		*rsablob = key_blob(rsa), *why = NULL;
	int		 rc;

	rc = db_key_authorize(db, "fuzhou", "ssh-ed25519", blob, &u);
	is_int(rc, QD_OK, "the right key of an active user is authorised");
	ok(u != NULL && strcmp(u->login, "fuzhou") == 0 &&
	    u->role == ROLE_LIAISON && u->office_code != NULL &&
	    strcmp(u->office_code, "fuzhou") == 0,
	    "and the user comes back with role and office");
	user_free(u);
	u = NULL;
	is_int(db_key_authorize(db, "fuzhou", "rsa-sha2-256", rsablob, &u),
	    QD_OK, "an RSA key offered under its rsa-sha2-256 name");
	user_free(u);
	u = NULL;

	rc = db_key_authorize(db, "fuzhou", "ssh-ed25519", blob2, &u);
	ok(rc == QD_EDENIED && u == NULL, "a wrong key is denied");
	rc = db_key_authorize(db, "xiamen", "ssh-ed25519", blob, &u);
	ok(rc == QD_EDENIED && u == NULL,
	    "another user's key is denied the same way");
	rc = db_key_authorize(db, "nobody", "ssh-ed25519", blob, &u);
	ok(rc == QD_EDENIED && u == NULL, "an unknown user the same way");
	rc = db_key_authorize(db, "fuzhou", "ssh-ed25519", "AAAAgarbage", &u);
	ok(rc == QD_EDENIED && u == NULL, "garbage key data the same way");
	rc = db_key_authorize(db, "fuzhou", "ssh-rsa", blob, &u);
	ok(rc == QD_EDENIED && u == NULL, "a blob under a wrong type name too");

	db_user_set_active(db, op, "fuzhou", 0, &why);
	rc = db_key_authorize(db, "fuzhou", "ssh-ed25519", blob, &u);
	ok(rc == QD_EDENIED && u == NULL, "a disabled user the same way");
	db_user_set_active(db, op, "fuzhou", 1, &why);
	rc = db_key_authorize(db, "fuzhou", "ssh-ed25519", blob, &u);
	is_int(rc, QD_OK, "enabled again, the key works again");
	user_free(u);
	free(why);
	free(blob);
	free(blob2);
	free(rsablob);
}

static void
test_remove(const char *ed)
{
	struct qd_user	*self;
	struct qd_key	*keys = NULL, *k = NULL;
	char		*why = NULL, idbuf[32];
	size_t		 n = 0;
	int		 rc;

	db_key_list(db, op, "fuzhou", &keys, &n, &why);
	if (n != 2) {
		ok(0, "two keys to remove");
		return;
	}
	db_user_find(db, "fuzhou", &self);
	snprintf(idbuf, sizeof idbuf, "%lld", (long long)keys[1].id);
	is_int(db_key_remove(db, self, "fuzhou", idbuf, &why), QD_EDENIED,
	    "a liaison cannot remove keys");
	xfree(&why);
	is_int(db_key_remove(db, op, "xiamen", idbuf, &why), QD_ENOTFOUND,
	    "a key is removed only from the user who holds it");
	xfree(&why);
	is_int(db_key_remove(db, op, "fuzhou", idbuf, &why), QD_OK,
	    "remove by id");
	key_parse(ed, &k, &why);
	is_int(db_key_remove(db, op, "fuzhou", k->fingerprint, &why), QD_OK,
	    "remove by fingerprint");
	is_int(db_key_remove(db, op, "fuzhou", k->fingerprint, &why),
	    QD_ENOTFOUND, "a key already removed is not found");
	xfree(&why);
	rc = db_key_remove(db, op, "fuzhou", "laptop", &why);
	ok(rc == QD_EINVAL && why != NULL && strstr(why, "fingerprint"),
	    "something neither id nor fingerprint is refused (%s)",
	    why ? why : "accepted");
	is_int(fixture_int(db, "SELECT count(*) FROM user_keys"), 0, "no keys left");
	is_int(fixture_int(db, "SELECT count(*) FROM audit WHERE tbl = 'user_keys'"
	    " AND action = 'delete' AND before IS NOT NULL"), 2,
	    "each removal is audited");
	free(why);
	key_free_array(k, 1);
	key_free_array(keys, n);
	user_free(self);
}

int
main(void)
{
	char	*ed, *ed2, *rsa, *rsa_small;

	dir = fixture_dir("key");
	db = fixture_db(dir, "test.db");
	op = user_local_operator();
	db_set_actor(db, op);
	add_user("fuzhou", ROLE_LIAISON, "fuzhou");
	add_user("xiamen", ROLE_LIAISON, "xiamen");
	add_user("auditor", ROLE_AUDITOR, NULL);

	ed = make_key(SSH_KEYTYPE_ED25519, 0);
	ed2 = make_key(SSH_KEYTYPE_ED25519, 0);
	rsa = make_key(SSH_KEYTYPE_RSA, 2048);
	rsa_small = make_key(SSH_KEYTYPE_RSA, 1024);
	test_parse(ed, rsa, rsa_small);
	test_parse_types();
	test_parse_damage(ed);
	test_parse_damage(rsa);
	test_add(ed, ed2, rsa);
	test_list();
	test_authorize(ed, ed2, rsa);
	test_remove(ed);

	free(ed);
	free(ed2);
	free(rsa);
	free(rsa_small);
	db_close(db);
	user_free(op);
	fixture_dir_remove(dir);
	free(dir);
	return done_testing();
}
