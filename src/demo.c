/*
 * The demo database: one liaison per office, a center reviewer, an admin
 * and an auditor, all reachable with the invoking user's own SSH keys.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libssh/libssh.h>

#include "qualdesk.h"

#define DEMO_PUB_MAX	(64 * 1024)
#define DEMO_KEY_COMMENT "qualdesk-demo"

/* The accounts besides the liaisons; names are invented. */
static const struct {
	const char	*login;
	const char	*name;
	enum qd_role	 role;
} demo_staff[] = {
	{ "center", "中心审核员", ROLE_CENTER },
	{ "admin", "中心管理员", ROLE_ADMIN },
	{ "auditor", "省厅审计员", ROLE_AUDITOR },
};

/* Public keys found or made, and the private key to suggest. */
struct demo_keys {
	struct qd_key	*keys;
	size_t		 n;
	char		*keyfile;
};

/* Add login unless it exists. */
static int
demo_user(sqlite3 *db, const struct qd_user *op, const char *login,
    const char *name, enum qd_role role, const char *office, char **why)
{
	struct qd_user_new	 nu = { login, name, role, office };
	struct qd_user		*u;
	int			 rc;

	if ((rc = db_user_find(db, login, &u)) == QD_OK) {
		user_free(u);
		return QD_OK;
	}
	if (rc != QD_ENOTFOUND)
		return db_fail(db, why);
	return db_user_add(db, op, &nu, why);
}

/* One liaison per office, named after its city ("福州联络员"). */
static int
demo_liaisons(sqlite3 *db, const struct qd_user *op, char **why)
{
	struct qd_office	*offices;
	size_t			 n, i, len;
	char			*city, *name;
	int			 rc = QD_OK;

	if (db_office_list(db, &offices, &n) != QD_OK)
		return db_fail(db, why);
	for (i = 0; rc == QD_OK && i < n; i++) {
		city = xstrdup(offices[i].name_zh);
		len = strlen(city);
		if (len > strlen("市") && strcmp(city + len - strlen("市"),
		    "市") == 0)
			city[len - strlen("市")] = '\0';
		xasprintf(&name, "%s联络员", city);
		rc = demo_user(db, op, offices[i].code, name, ROLE_LIAISON,
		    offices[i].code, why);
		free(name);
		free(city);
	}
	office_free_array(offices, n);
	return rc;
}

/* The invoking user's home: $HOME when set, else the password entry. */
static const char *
demo_home(void)
{
	struct passwd	*pw;
	const char	*home = getenv("HOME");

	if (home != NULL && *home != '\0')
		return home;
	if ((pw = getpwuid(getuid())) != NULL)
		return pw->pw_dir;
	return NULL;
}

/* Read a small file (caller frees); NULL if unreadable or too large. */
static char *
demo_read(const char *path)
{
	FILE	*f;
	char	*buf;
	size_t	 n;

	if ((f = fopen(path, "r")) == NULL)
		return NULL;
	buf = xmalloc(DEMO_PUB_MAX + 1);
	n = fread(buf, 1, DEMO_PUB_MAX + 1, f);
	fclose(f);
	if (n > DEMO_PUB_MAX || memchr(buf, '\0', n) != NULL) {
		free(buf);
		return NULL;
	}
	buf[n] = '\0';
	return buf;
}

/* Take the usable keys of one .pub file; others are skipped with a note. */
static void
demo_take_file(struct demo_keys *dk, const char *pub)
{
	struct qd_key	*k;
	char		*text, *line, *save = NULL, *why = NULL;
	size_t		 before = dk->n;

	if ((text = demo_read(pub)) == NULL) {
		log_warn("skipping %s: unreadable or too large", pub);
		return;
	}
	for (line = strtok_r(text, "\r\n", &save); line != NULL;
	    line = strtok_r(NULL, "\r\n", &save)) {
		if (line[strspn(line, " \t")] == '\0' ||
		    line[strspn(line, " \t")] == '#')
			continue;
		if (key_parse(line, &k, &why) != QD_OK) {
			log_warn("skipping a key in %s: %s", pub, why);
			xfree(&why);
			continue;
		}
		dk->keys = xreallocarray(dk->keys, dk->n + 1, sizeof *dk->keys);
		dk->keys[dk->n++] = *k;
		free(k);
	}
	free(text);
	/* Suggest the first private key that exists beside its .pub. */
	if (dk->n > before && dk->keyfile == NULL) {
		line = xstrndup(pub, strlen(pub) - 4);
		if (access(line, R_OK) == 0)
			dk->keyfile = line;
		else
			free(line);
	}
}

static int
demo_name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The .pub files of dir in name order (caller frees each and the list). */
static char **
demo_pub_files(const char *dir, size_t *n)
{
	DIR		 *d;
	struct dirent	 *de;
	char		**names = NULL;
	size_t		  len;

	*n = 0;
	if ((d = opendir(dir)) == NULL)
		return NULL;
	while ((de = readdir(d)) != NULL) {
		len = strlen(de->d_name);
		if (len <= 4 || strcmp(de->d_name + len - 4, ".pub") != 0)
			continue;
		names = xreallocarray(names, *n + 1, sizeof *names);
		xasprintf(&names[(*n)++], "%s/%s", dir, de->d_name);
	}
	closedir(d);
	if (*n > 1)
		qsort(names, *n, sizeof *names, demo_name_cmp);
	return names;
}

/* Create path with mode 0600, refusing to replace anything there. */
static int
demo_create(const char *path, char **why)
{
	int	 fd;

	if ((fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600)) == -1) {
		why_set(why, "cannot create %s: %s", path, strerror(errno));
		return QD_ESYS;
	}
	close(fd);
	return QD_OK;
}

/* Write the public half of key as "ssh-ed25519 BASE64 qualdesk-demo". */
static int
demo_write_pub(ssh_key key, const char *path, char **line, char **why)
{
	char	*b64 = NULL;
	FILE	*f;
	int	 rc = QD_ESYS;

	if (ssh_pki_export_pubkey_base64(key, &b64) != SSH_OK) {
		why_set(why, "cannot export the new public key");
		return QD_ESYS;
	}
	xasprintf(line, "ssh-ed25519 %s %s", b64, DEMO_KEY_COMMENT);
	if (demo_create(path, why) != QD_OK)
		goto out;
	chmod(path, 0644);
	if ((f = fopen(path, "w")) == NULL ||
	    fprintf(f, "%s\n", *line) < 0 || fclose(f) != 0) {
		why_set(why, "cannot write %s: %s", path, strerror(errno));
		goto out;
	}
	rc = QD_OK;
out:
	ssh_string_free_char(b64);
	if (rc != QD_OK)
		xfree(line);
	return rc;
}

/*
 * Make an ed25519 pair in sshdir (mode 0700 if made): id_ed25519, or a
 * name of our own when a private id_ed25519 without .pub is there.
 */
static int
demo_make_key(struct demo_keys *dk, const char *sshdir, char **why)
{
	ssh_key		 key = NULL;
	struct qd_key	*k;
	char		*priv, *pub = NULL, *line = NULL;
	int		 rc = QD_ESYS;

	if (mkdir(sshdir, 0700) != 0 && errno != EEXIST) {
		why_set(why, "cannot create %s: %s", sshdir, strerror(errno));
		return QD_ESYS;
	}
	xasprintf(&priv, "%s/id_ed25519", sshdir);
	if (access(priv, F_OK) == 0) {
		free(priv);
		xasprintf(&priv, "%s/qualdesk-demo_ed25519", sshdir);
	}
	if (ssh_pki_generate(SSH_KEYTYPE_ED25519, 0, &key) != SSH_OK) {
		why_set(why, "cannot generate an ed25519 key");
		goto out;
	}
	if (demo_create(priv, why) != QD_OK)
		goto out;
	if (server_key_write(key, priv, why) != QD_OK) {
		unlink(priv);
		goto out;
	}
	xasprintf(&pub, "%s.pub", priv);
	if ((rc = demo_write_pub(key, pub, &line, why)) != QD_OK)
		goto out;
	if ((rc = key_parse(line, &k, why)) != QD_OK)
		goto out;
	dk->keys = xreallocarray(dk->keys, dk->n + 1, sizeof *dk->keys);
	dk->keys[dk->n++] = *k;
	free(k);
	dk->keyfile = priv;
	priv = NULL;
	log_info("made the key pair %s and %s for the demo", dk->keyfile, pub);
out:
	free(priv);
	free(pub);
	free(line);
	ssh_key_free(key);
	return rc;
}

/* Collect the invoking user's public keys, making a pair if none. */
static int
demo_find_keys(struct demo_keys *dk, char **why)
{
	const char	 *home;
	char		 *sshdir, **pubs;
	size_t		  npubs, i;
	int		  rc = QD_OK;

	if ((home = demo_home()) == NULL) {
		why_set(why, "cannot find your home directory");
		return QD_ESYS;
	}
	xasprintf(&sshdir, "%s/.ssh", home);
	pubs = demo_pub_files(sshdir, &npubs);
	for (i = 0; i < npubs; i++) {
		demo_take_file(dk, pubs[i]);
		free(pubs[i]);
	}
	free(pubs);
	if (dk->n == 0)
		rc = demo_make_key(dk, sshdir, why);
	else if (dk->keyfile == NULL)
		xasprintf(&dk->keyfile, "%s/id_ed25519", sshdir);
	free(sshdir);
	return rc;
}

/* 1 if login already holds the key. */
static int
demo_key_held(struct qd_key *have, size_t n, const struct qd_key *k)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		if (strcmp(have[i].fingerprint, k->fingerprint) == 0)
			return 1;
	}
	return 0;
}

/* Authorise every key found for login, skipping those it holds. */
static int
demo_authorise(sqlite3 *db, const struct qd_user *op, const char *login,
    const struct demo_keys *dk, char **why)
{
	struct qd_key	*have = NULL;
	char		*line;
	size_t		 nhave = 0, i;
	int		 rc, added;

	if ((rc = db_key_list(db, op, login, &have, &nhave, why)) != QD_OK)
		return rc;
	for (i = 0; rc == QD_OK && i < dk->n; i++) {
		if (demo_key_held(have, nhave, &dk->keys[i]))
			continue;
		xasprintf(&line, "%s %s %s", dk->keys[i].type,
		    dk->keys[i].base64, dk->keys[i].comment);
		rc = db_key_add(db, op, login, line, &added, why);
		free(line);
	}
	key_free_array(have, nhave);
	return rc;
}

/* Every demo login: the offices' codes, then the staff. */
static int
demo_authorise_all(sqlite3 *db, const struct qd_user *op,
    const struct demo_keys *dk, char **why)
{
	struct qd_office	*offices;
	size_t			 n, i;
	int			 rc = QD_OK;

	if (db_office_list(db, &offices, &n) != QD_OK)
		return db_fail(db, why);
	for (i = 0; rc == QD_OK && i < n; i++)
		rc = demo_authorise(db, op, offices[i].code, dk, why);
	office_free_array(offices, n);
	for (i = 0; rc == QD_OK && i < nitems(demo_staff); i++)
		rc = demo_authorise(db, op, demo_staff[i].login, dk, why);
	return rc;
}

const struct demo_file *
demo_file(const char *name)
{
	size_t	 i;

	for (i = 0; i < demo_nfiles; i++) {
		if (strcmp(demo_files[i].name, name) == 0)
			return &demo_files[i];
	}
	return NULL;
}

long long
demo_count(sqlite3 *db, const char *sql)
{
	sqlite3_stmt	*stmt;
	long long	 n = -1;

	if (db_prepare(db, sql, &stmt) != QD_OK)
		return -1;
	if (sqlite3_step(stmt) == SQLITE_ROW)
		n = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	return n;
}

/* The connection's actor now, to put back afterwards. */
static void
demo_actor_save(sqlite3 *db, char **login, char **via)
{
	sqlite3_stmt	*stmt;

	*login = *via = NULL;
	if (db_prepare(db, "SELECT qd_actor(), qd_via()", &stmt) != QD_OK)
		return;
	if (sqlite3_step(stmt) == SQLITE_ROW) {
		*login = db_column_strdup(stmt, 0);
		*via = db_column_strdup(stmt, 1);
	}
	sqlite3_finalize(stmt);
}

int
demo_setup(sqlite3 *db, char **keyfile, char **why)
{
	const struct qd_module *const	*m;
	struct demo_keys	 dk = { NULL, 0, NULL };
	struct qd_user		*op, saved;
	char			*old_login, *old_via;
	size_t			 i;
	int			 rc;

	*keyfile = NULL;
	op = user_local_operator();
	demo_actor_save(db, &old_login, &old_via);
	if (db_set_actor(db, op) != QD_OK) {
		rc = db_fail(db, why);
		goto out;
	}
	rc = demo_liaisons(db, op, why);
	for (i = 0; rc == QD_OK && i < nitems(demo_staff);
	    i++)
		rc = demo_user(db, op, demo_staff[i].login, demo_staff[i].name,
		    demo_staff[i].role, NULL, why);
	if (rc == QD_OK)
		rc = demo_find_keys(&dk, why);
	if (rc == QD_OK)
		rc = demo_authorise_all(db, op, &dk, why);
	for (m = qd_modules; rc == QD_OK && *m != NULL; m++) {
		if ((*m)->demo != NULL)
			rc = (*m)->demo(db, why);
	}
	if (rc == QD_OK) {
		*keyfile = dk.keyfile;
		dk.keyfile = NULL;
	}
out:
	memset(&saved, 0, sizeof saved);
	saved.login = old_login;
	saved.via = old_via;
	db_set_actor(db, old_login != NULL ? &saved : NULL);
	free(old_login);
	free(old_via);
	key_free_array(dk.keys, dk.n);
	free(dk.keyfile);
	user_free(op);
	return rc;
}
