/*
 * Users' SSH public keys: parsing authorized_keys lines, storing them, and
 * the lookup the SSH server's authentication makes.
 */
#include <stdlib.h>
#include <string.h>

#include <libssh/libssh.h>

#include "qualdesk.h"

#define KEY_LINE_MAX		16384
#define KEY_COMMENT_MAX		256
#define KEY_RSA_MIN_BITS	2048

/* The key types accepted, as written in authorized_keys. */
static const char *key_types[] = {
	"ssh-ed25519",
	"ecdsa-sha2-nistp256",
	"ecdsa-sha2-nistp384",
	"ecdsa-sha2-nistp521",
	"ssh-rsa",		/* used with rsa-sha2 signatures only */
};
#define KEY_NTYPES (nitems(key_types))

/* Key types people paste that are refused, and why. */
static const struct {
	const char	*type;
	const char	*why;
} key_refused[] = {
	{ "ssh-dss", "DSA keys (ssh-dss) are too weak; make an ed25519 key "
	    "with ssh-keygen -t ed25519" },
	{ "sk-ssh-ed25519@openssh.com", "security-key (FIDO) keys are not "
	    "supported; use an ed25519 key" },
	{ "sk-ecdsa-sha2-nistp256@openssh.com", "security-key (FIDO) keys "
	    "are not supported; use an ed25519 key" },
	{ "ssh-ed25519-cert-v01@openssh.com", "certificates are not "
	    "supported; give the plain public key" },
	{ "ssh-rsa-cert-v01@openssh.com", "certificates are not supported; "
	    "give the plain public key" },
	{ "ecdsa-sha2-nistp256-cert-v01@openssh.com", "certificates are not "
	    "supported; give the plain public key" },
};

static int
key_type_accepted(const char *type)
{
	size_t	 i;

	for (i = 0; i < KEY_NTYPES; i++) {
		if (strcmp(type, key_types[i]) == 0)
			return 1;
	}
	return 0;
}

/* Why a known type is refused, or NULL. */
static const char *
key_type_refused(const char *type)
{
	size_t	 i;

	for (i = 0; i < nitems(key_refused); i++) {
		if (strcmp(type, key_refused[i].type) == 0)
			return key_refused[i].why;
	}
	return NULL;
}

/* 1 if a key type name stands as a later word of line: options before it. */
static int
key_line_has_options(const char *line)
{
	const char	*p;
	char		*word;
	size_t		 len;
	int		 found = 0;

	for (p = line; !found && (p = strpbrk(p, " \t")) != NULL; p += len) {
		p += strspn(p, " \t");
		len = strcspn(p, " \t");
		word = xstrndup(p, len);
		found = key_type_accepted(word) || key_type_refused(word);
		free(word);
	}
	return found;
}

/* Decode standard base64; QD_EINVAL on a bad character or length. */
static int
key_b64_decode(const char *s, unsigned char **out, size_t *outlen)
{
	static const char	 alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "abcdefghijklmnopqrstuvwxyz0123456789+/";
	const char		*p;
	unsigned char		*buf;
	unsigned int		 acc = 0;
	size_t			 len, n = 0;
	int			 bits = 0;

	len = strlen(s);
	while (len > 0 && s[len - 1] == '=')
		len--;
	buf = xmalloc(len * 3 / 4 + 1);
	for (p = s; p < s + len; p++) {
		const char *c = strchr(alphabet, *p);

		if (*p == '\0' || c == NULL) {
			free(buf);
			return QD_EINVAL;
		}
		acc = (acc << 6) | (unsigned int)(c - alphabet);
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			buf[n++] = (unsigned char)(acc >> bits);
		}
	}
	*out = buf;
	*outlen = n;
	return QD_OK;
}

/* Read one SSH wire string at *p (of end); NULL if it runs past the end. */
static const unsigned char *
key_wire_string(const unsigned char **p, const unsigned char *end,
    size_t *len)
{
	const unsigned char	*s;

	if (end - *p < 4)
		return NULL;
	*len = ((size_t)(*p)[0] << 24) | ((size_t)(*p)[1] << 16) |
	    ((size_t)(*p)[2] << 8) | (size_t)(*p)[3];
	*p += 4;
	if ((size_t)(end - *p) < *len)
		return NULL;
	s = *p;
	*p += *len;
	return s;
}

/*
 * Bits of the modulus of an ssh-rsa blob (string "ssh-rsa", mpint e,
 * mpint n), or -1. libssh 0.10 has no call for a key's size.
 */
static int
key_rsa_bits(const char *b64)
{
	const unsigned char	*p, *end, *n = NULL;
	unsigned char		*blob;
	size_t			 bloblen, len = 0;
	int			 bits = -1;

	if (key_b64_decode(b64, &blob, &bloblen) != QD_OK)
		return -1;
	p = blob;
	end = blob + bloblen;
	if (key_wire_string(&p, end, &len) != NULL &&
	    key_wire_string(&p, end, &len) != NULL)
		n = key_wire_string(&p, end, &len);
	if (n != NULL) {
		while (len > 0 && *n == 0) {
			n++;
			len--;
		}
		bits = (int)len * 8;
		if (len > 0) {
			unsigned char top = n[0];

			while (!(top & 0x80)) {
				top <<= 1;
				bits--;
			}
		}
	}
	free(blob);
	return bits;
}

/* The key type named inside a blob (caller frees), or NULL. */
static char *
key_blob_type(const char *b64)
{
	const unsigned char	*p, *end, *name;
	unsigned char		*blob;
	size_t			 bloblen, len;
	char			*type = NULL;

	if (key_b64_decode(b64, &blob, &bloblen) != QD_OK)
		return NULL;
	p = blob;
	end = blob + bloblen;
	if ((name = key_wire_string(&p, end, &len)) != NULL && len > 0 &&
	    len <= 64 && memchr(name, '\0', len) == NULL) {
		type = xstrndup((const char *)name, len);
		if (!text_valid(type))
			xfree(&type);
	}
	free(blob);
	return type;
}

/*
 * The key type a name stands for: authorized_keys names, and the rsa-sha2
 * signature names a client may offer an ssh-rsa key under.
 */
static const char *
key_type_canonical(const char *type)
{
	if (strcmp(type, "rsa-sha2-256") == 0 ||
	    strcmp(type, "rsa-sha2-512") == 0)
		return "ssh-rsa";
	return type;
}

/*
 * Import type and blob with libssh; fill k's type, base64 (as libssh
 * re-encodes it) and fingerprint. QD_EINVAL with *why for a bad key.
 */
static int
key_import(const char *type, const char *b64, struct qd_key *k, char **why)
{
	ssh_key		 key = NULL;
	unsigned char	*hash = NULL;
	char		*norm = NULL, *fp = NULL, *inner;
	size_t		 hlen;
	int		 rc = QD_EINVAL, bits;

	type = key_type_canonical(type);
	inner = key_blob_type(b64);
	if (inner != NULL && strcmp(inner, type) != 0) {
		why_set(why, "the key data is a %s key, not %s", inner, type);
		goto out;
	}
	if (!key_type_accepted(type) || ssh_pki_import_pubkey_base64(b64,
	    ssh_key_type_from_name(type), &key) != SSH_OK) {
		why_set(why, "the key data is not a valid %s key", type);
		goto out;
	}
	if (ssh_key_type(key) == SSH_KEYTYPE_RSA &&
	    (bits = key_rsa_bits(b64)) < KEY_RSA_MIN_BITS) {
		why_set(why, "the RSA key has %d bits; at least %d are "
		    "needed (better: an ed25519 key)", bits, KEY_RSA_MIN_BITS);
		goto out;
	}
	if (ssh_pki_export_pubkey_base64(key, &norm) != SSH_OK ||
	    ssh_get_publickey_hash(key, SSH_PUBLICKEY_HASH_SHA256, &hash,
	    &hlen) != 0 ||
	    (fp = ssh_get_fingerprint_hash(SSH_PUBLICKEY_HASH_SHA256, hash,
	    hlen)) == NULL) {
		why_set(why, "the key cannot be read");
		goto out;
	}
	k->type = xstrdup(type);
	k->base64 = xstrdup(norm);
	k->fingerprint = xstrdup(fp);
	rc = QD_OK;
out:
	free(inner);
	ssh_string_free_char(fp);
	ssh_clean_pubkey_hash(&hash);
	ssh_string_free_char(norm);
	ssh_key_free(key);
	return rc;
}

/* Check the comment that follows the key; it may be empty. */
static int
key_check_comment(const char *comment, char **why)
{
	if (!text_valid(comment)) {
		why_set(why, "the comment is not valid UTF-8 text or holds "
		    "control characters");
		return QD_EINVAL;
	}
	if (strlen(comment) > KEY_COMMENT_MAX) {
		why_set(why, "the comment is longer than %d bytes",
		    KEY_COMMENT_MAX);
		return QD_EINVAL;
	}
	return QD_OK;
}

/* The type word of a line: refused, options, or unknown. */
static int
key_check_type(const char *line, const char *type, char **why)
{
	const char	*refusal;

	if (key_type_accepted(type))
		return QD_OK;
	if ((refusal = key_type_refused(type)) != NULL)
		why_set(why, "%s", refusal);
	else if (key_line_has_options(line))
		why_set(why, "key options are not supported");
	else if (text_valid(type) && strlen(type) <= 64)
		why_set(why, "unknown key type '%s'; accepted: ssh-ed25519, "
		    "ecdsa-sha2-nistp256/384/521, ssh-rsa", type);
	else
		why_set(why, "not a public key line");
	return QD_EINVAL;
}

int
key_parse(const char *line, struct qd_key **out, char **why)
{
	struct qd_key	*k;
	char		*type = NULL, *b64 = NULL, *comment = NULL;
	const char	*p = line;
	size_t		 len;
	int		 rc = QD_EINVAL;

	*out = NULL;
	if (strlen(line) > KEY_LINE_MAX) {
		why_set(why, "the line is longer than %d bytes", KEY_LINE_MAX);
		return QD_EINVAL;
	}
	p += strspn(p, " \t");
	len = strcspn(p, " \t");
	type = xstrndup(p, len);
	p += len;
	p += strspn(p, " \t");
	len = strcspn(p, " \t");
	b64 = xstrndup(p, len);
	p += len;
	p += strspn(p, " \t");
	comment = xstrdup(p);
	len = strlen(comment);
	while (len > 0 && (comment[len - 1] == ' ' || comment[len - 1] == '\t'))
		comment[--len] = '\0';

	if (key_check_type(line, type, why) != QD_OK)
		goto out;
	if (*b64 == '\0') {
		why_set(why, "the key data is missing after %s", type);
		goto out;
	}
	if (key_check_comment(comment, why) != QD_OK)
		goto out;
	k = xcalloc(1, sizeof *k);
	if (key_import(type, b64, k, why) != QD_OK) {
		key_free_array(k, 1);
		goto out;
	}
	k->comment = comment;
	comment = NULL;
	*out = k;
	rc = QD_OK;
out:
	free(type);
	free(b64);
	free(comment);
	return rc;
}

void
key_free_array(struct qd_key *keys, size_t n)
{
	size_t	 i;

	if (keys == NULL)
		return;
	for (i = 0; i < n; i++) {
		free(keys[i].type);
		free(keys[i].base64);
		free(keys[i].comment);
		free(keys[i].fingerprint);
		free(keys[i].created_at);
	}
	free(keys);
}

/* Keys parsed from a text, each with its line number. */
struct key_batch {
	struct qd_key	*keys;
	int		*lines;
	size_t		 n;
};

static void
key_batch_free(struct key_batch *b)
{
	key_free_array(b->keys, b->n);
	free(b->lines);
	memset(b, 0, sizeof *b);
}

/* Add k (moved in) as line lineno, refusing a key given twice. */
static int
key_batch_add(struct key_batch *b, struct qd_key *k, int lineno, char **why)
{
	size_t	 i;

	for (i = 0; i < b->n; i++) {
		if (strcmp(b->keys[i].fingerprint, k->fingerprint) == 0) {
			why_set(why, "line %d: the same key as line %d",
			    lineno, b->lines[i]);
			key_free_array(k, 1);
			return QD_EINVAL;
		}
	}
	b->keys = xreallocarray(b->keys, b->n + 1, sizeof *b->keys);
	b->lines = xreallocarray(b->lines, b->n + 1, sizeof *b->lines);
	b->keys[b->n] = *k;
	b->lines[b->n++] = lineno;
	free(k);
	return QD_OK;
}

/* Parse every line of text; on a bad one, *why names it. */
static int
key_parse_text(const char *text, struct key_batch *b, char **why)
{
	struct qd_key	*k;
	const char	*p, *nl;
	char		*line, *msg = NULL;
	size_t		 len;
	int		 lineno = 0, rc = QD_OK;

	for (p = text; rc == QD_OK && *p != '\0'; p = *nl ? nl + 1 : nl) {
		lineno++;
		nl = p + strcspn(p, "\n");
		len = (size_t)(nl - p);
		if (len > 0 && p[len - 1] == '\r')
			len--;
		line = xstrndup(p, len);
		if (line[strspn(line, " \t")] == '\0' ||
		    line[strspn(line, " \t")] == '#') {
			free(line);
			continue;
		}
		if ((rc = key_parse(line, &k, &msg)) == QD_OK)
			rc = key_batch_add(b, k, lineno, why);
		else
			why_set(why, "line %d: %s", lineno, msg);
		xfree(&msg);
		free(line);
	}
	if (rc == QD_OK && b->n == 0) {
		why_set(why, "no public key found in the input");
		rc = QD_EINVAL;
	}
	if (rc != QD_OK)
		key_batch_free(b);
	return rc;
}

/* Find the user's id for login; sets *why for an unknown one. */
static int
key_user_id(sqlite3 *db, const char *login, int64_t *id, char **why)
{
	struct qd_user	*u;
	int		 rc;

	if ((rc = db_user_find(db, login, &u)) == QD_OK)
		*id = u->id;
	else if (rc == QD_ENOTFOUND)
		why_set(why, "no user %s",
		    text_valid(login) ? login : "by that name");
	else
		db_fail(db, why);
	user_free(u);
	return rc;
}

/* Insert one parsed key for user_id; a key held already is a conflict. */
static int
key_insert(sqlite3 *db, int64_t user_id, const char *login,
    const struct qd_key *k, int lineno, char **why)
{
	sqlite3_stmt	*stmt;
	int		 rc;

	if (db_prepare(db, "INSERT INTO user_keys (user_id, type, base64,"
	    " comment, fingerprint) VALUES (?1, ?2, ?3, ?4, ?5)", &stmt) !=
	    QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int64(stmt, 1, user_id);
	sqlite3_bind_text(stmt, 2, k->type, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, k->base64, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 4, k->comment, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 5, k->fingerprint, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (rc == SQLITE_DONE)
		return QD_OK;
	if (sqlite3_extended_errcode(db) == SQLITE_CONSTRAINT_UNIQUE) {
		why_set(why, "line %d: %s already holds this key (%s)",
		    lineno, login, k->fingerprint);
		return QD_ECONFLICT;
	}
	return db_fail(db, why);
}

int
db_key_add(sqlite3 *db, const struct qd_user *actor, const char *login,
    const char *text, int *added, char **why)
{
	struct key_batch	 b = { NULL, NULL, 0 };
	int64_t			 user_id;
	size_t			 i;
	int			 rc;

	*added = 0;
	if (!user_may(actor, "key write")) {
		why_set(why, "only an admin may add keys");
		return QD_EDENIED;
	}
	if ((rc = key_parse_text(text, &b, why)) != QD_OK)
		return rc;
	if (db_begin(db) != QD_OK) {
		rc = db_fail(db, why);
		goto out;
	}
	rc = key_user_id(db, login, &user_id, why);
	for (i = 0; rc == QD_OK && i < b.n; i++)
		rc = key_insert(db, user_id, login, &b.keys[i], b.lines[i], why);
	if (rc == QD_OK && db_commit(db) != QD_OK)
		rc = db_fail(db, why);
	if (rc != QD_OK)
		db_rollback(db);
	else
		*added = (int)b.n;
out:
	key_batch_free(&b);
	return rc;
}

/* May actor see login's keys? Sets *why when not. */
static int
key_may_read(const struct qd_user *actor, const char *login, char **why)
{
	if (user_may(actor, "key read") || strcmp(actor->login, login) == 0)
		return QD_OK;
	why_set(why, "you may list only your own keys");
	return QD_EDENIED;
}

int
db_key_list(sqlite3 *db, const struct qd_user *actor, const char *login,
    struct qd_key **out, size_t *n, char **why)
{
	sqlite3_stmt	*stmt = NULL;
	struct qd_key	*keys = NULL, *k;
	int64_t		 user_id;
	size_t		 count = 0;
	int		 rc, step;

	*out = NULL;
	*n = 0;
	if ((rc = key_may_read(actor, login, why)) != QD_OK ||
	    (rc = key_user_id(db, login, &user_id, why)) != QD_OK)
		return rc;
	if (db_prepare(db, "SELECT id, type, base64, comment, fingerprint,"
	    " created_at FROM user_keys WHERE user_id = ?1 ORDER BY id",
	    &stmt) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int64(stmt, 1, user_id);
	while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
		keys = xreallocarray(keys, count + 1, sizeof *keys);
		k = &keys[count++];
		k->id = sqlite3_column_int64(stmt, 0);
		k->type = db_column_strdup(stmt, 1);
		k->base64 = db_column_strdup(stmt, 2);
		k->comment = db_column_strdup(stmt, 3);
		k->fingerprint = db_column_strdup(stmt, 4);
		k->created_at = db_column_strdup(stmt, 5);
	}
	if (step != SQLITE_DONE) {
		rc = db_fail(db, why);
		key_free_array(keys, count);
	} else {
		*out = keys;
		*n = count;
	}
	sqlite3_finalize(stmt);
	return rc;
}

/* Delete login's key by id (digits) or fingerprint ("SHA256:..."). */
static int
key_delete(sqlite3 *db, int64_t user_id, const char *which, char **why)
{
	sqlite3_stmt	*stmt;
	int		 rc, by_id;

	by_id = which[0] != '\0' && which[strspn(which, "0123456789")] == '\0';
	if (!by_id && strncmp(which, "SHA256:", 7) != 0) {
		why_set(why, "give a key's id (from key list) or its "
		    "fingerprint (SHA256:...)");
		return QD_EINVAL;
	}
	if (db_prepare(db, by_id ?
	    "DELETE FROM user_keys WHERE user_id = ?1 AND id = ?2" :
	    "DELETE FROM user_keys WHERE user_id = ?1 AND fingerprint = ?2",
	    &stmt) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int64(stmt, 1, user_id);
	if (by_id)
		sqlite3_bind_int64(stmt, 2, strtoll(which, NULL, 10));
	else
		sqlite3_bind_text(stmt, 2, which, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE)
		return db_fail(db, why);
	if (sqlite3_changes(db) == 0) {
		why_set(why, "no such key %s",
		    text_valid(which) && strlen(which) <= 64 ? which : "");
		return QD_ENOTFOUND;
	}
	return QD_OK;
}

int
db_key_remove(sqlite3 *db, const struct qd_user *actor, const char *login,
    const char *which, char **why)
{
	int64_t		 user_id;
	int		 rc;

	if (!user_may(actor, "key write")) {
		why_set(why, "only an admin may remove keys");
		return QD_EDENIED;
	}
	if (db_begin(db) != QD_OK)
		return db_fail(db, why);
	if ((rc = key_user_id(db, login, &user_id, why)) == QD_OK)
		rc = key_delete(db, user_id, which, why);
	if (rc == QD_OK && db_commit(db) != QD_OK)
		rc = db_fail(db, why);
	if (rc != QD_OK)
		db_rollback(db);
	return rc;
}

/* 1 if an active login holds the key with this type and fingerprint. */
static int
key_held(sqlite3 *db, const char *login, const struct qd_key *k)
{
	sqlite3_stmt	*stmt;
	int		 held;

	if (db_prepare(db, "SELECT 1 FROM users u"
	    " JOIN user_keys k ON k.user_id = u.id"
	    " WHERE u.login = ?1 AND u.active = 1 AND k.fingerprint = ?2"
	    " AND k.type = ?3", &stmt) != QD_OK)
		return 0;
	sqlite3_bind_text(stmt, 1, login, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, k->fingerprint, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, k->type, -1, SQLITE_STATIC);
	held = sqlite3_step(stmt) == SQLITE_ROW;
	sqlite3_finalize(stmt);
	return held;
}

int
db_key_authorize(sqlite3 *db, const char *login, const char *type,
    const char *base64, struct qd_user **out)
{
	struct qd_key	 k;
	int		 rc = QD_EDENIED;

	*out = NULL;
	memset(&k, 0, sizeof k);
	/* The blob decides the type; the name sent may be an rsa-sha2 one. */
	if (key_import(type, base64, &k, NULL) != QD_OK)
		goto out;
	if (key_held(db, login, &k) && db_user_find(db, login, out) == QD_OK &&
	    (*out)->active)
		rc = QD_OK;
	else {
		user_free(*out);
		*out = NULL;
	}
out:
	free(k.type);
	free(k.base64);
	free(k.fingerprint);
	return rc;
}
