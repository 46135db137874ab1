/*
 * Public-key authentication against the database. libssh calls the
 * callback twice per key: first to ask whether the key would do
 * (SSH_PUBLICKEY_STATE_NONE), then with a signature it has verified
 * (SSH_PUBLICKEY_STATE_VALID). Both are checked against the database; only
 * the second binds an identity. An unknown user and a wrong key take the
 * same path and get the same reply.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <sys/random.h>

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <libssh/libssh.h>
#include <libssh/server.h>

#include "qualdesk.h"

#define AUTH_LOGIN_SHOWN	32	/* characters of a name put in a log */

void
server_auth_escape(char *buf, size_t size, const char *name)
{
	size_t		 o = 0;
	int		 shown = 0;
	unsigned char	 c;

	for (; *name != '\0' && o + 5 < size; name++) {
		if (shown == AUTH_LOGIN_SHOWN) {
			snprintf(buf + o, size - o, "...");
			return;
		}
		c = (unsigned char)*name;
		if (c >= 0x20 && c < 0x7f && c != '\\' && c != '\'')
			buf[o++] = (char)c;
		else
			o += snprintf(buf + o, size - o, "\\x%02x", c);
		shown++;
	}
	buf[o] = '\0';
}

char *
server_key_fingerprint(struct ssh_key_struct *key)
{
	unsigned char	*hash = NULL;
	size_t		 hlen = 0;
	char		*fp, *copy;

	if (ssh_get_publickey_hash(key, SSH_PUBLICKEY_HASH_SHA256, &hash,
	    &hlen) != 0)
		return xstrdup("(no fingerprint)");
	fp = ssh_get_fingerprint_hash(SSH_PUBLICKEY_HASH_SHA256, hash, hlen);
	ssh_clean_pubkey_hash(&hash);
	if (fp == NULL)
		return xstrdup("(no fingerprint)");
	copy = xstrdup(fp);
	ssh_string_free_char(fp);
	return copy;
}

/*
 * QD_OK and *out when login names an active user holding key; QD_EDENIED
 * for anything else, whichever the reason.
 */
static int
auth_check(struct server_auth *a, const char *login, ssh_key key,
    struct qd_user **out)
{
	char	*b64 = NULL;
	int	 rc;

	*out = NULL;
	if (a->db == NULL || !user_login_valid(login))
		return QD_EDENIED;
	if (ssh_pki_export_pubkey_base64(key, &b64) != SSH_OK)
		return QD_EDENIED;
	rc = db_key_authorize(a->db, login,
	    ssh_key_type_to_char(ssh_key_type(key)), b64, out);
	ssh_string_free_char(b64);
	if (rc == QD_EDB)
		log_error("conn %lu: database error checking a key",
		    a->conn_id);
	if (rc != QD_OK) {
		user_free(*out);
		*out = NULL;
		return QD_EDENIED;
	}
	return QD_OK;
}

/* A short random pause, so failures cannot be hammered or timed. */
static void
auth_delay(void)
{
	struct timespec	 ts;
	unsigned int	 r = 0;

	if (getrandom(&r, sizeof r, 0) != sizeof r)
		r = (unsigned int)getpid();
	ts.tv_sec = 0;
	ts.tv_nsec = (long)(20 + r % 80) * 1000000L;
	nanosleep(&ts, NULL);
}

static int
auth_fail(struct server_auth *a, ssh_key key, int probe)
{
	char	*fp;

	a->failures++;
	fp = server_key_fingerprint(key);
	log_debug("conn %lu from %s: %s key %s refused for '%s' (%d of %d)",
	    a->conn_id, a->peer, probe ? "offered" : "signed", fp,
	    a->last_login, a->failures, a->max_tries);
	free(fp);
	auth_delay();
	return SSH_AUTH_DENIED;
}

int
server_auth_pubkey(ssh_session ssh, const char *login, struct ssh_key_struct *key,
    char state, void *userdata)
{
	struct server_auth	*a = userdata;
	struct qd_user		*u = NULL;
	char			*fp;

	(void)ssh;
	server_auth_escape(a->last_login, sizeof a->last_login, login);
	if (a->user != NULL || a->failures >= a->max_tries)
		return SSH_AUTH_DENIED;
	if (state != SSH_PUBLICKEY_STATE_NONE &&
	    state != SSH_PUBLICKEY_STATE_VALID)
		return auth_fail(a, key, 0);
	if (auth_check(a, login, key, &u) != QD_OK)
		return auth_fail(a, key, state == SSH_PUBLICKEY_STATE_NONE);
	if (state == SSH_PUBLICKEY_STATE_NONE) {
		/* The key would do; the client must still sign with it. */
		user_free(u);
		return SSH_AUTH_SUCCESS;
	}
	fp = server_key_fingerprint(key);
	snprintf(a->fingerprint, sizeof a->fingerprint, "%s", fp);
	free(fp);
	u->via = a->via;
	a->user = u;
	return SSH_AUTH_SUCCESS;
}
