/*
 * Private key files in OpenSSH's own format, as ssh-keygen writes them.
 * libssh 0.10 writes the base64 body on one line and pads an unencrypted
 * key to 16 bytes; OpenSSH reads that, but asyncssh refuses both. So the
 * body is rewrapped at 70 columns and an unencrypted key is padded to 8
 * bytes, the block size OpenSSH uses for "none".
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libssh/libssh.h>
#include <openssl/evp.h>

#include "qualdesk.h"

#define KEY_WRAP	70
#define KEY_BEGIN	"-----BEGIN OPENSSH PRIVATE KEY-----"
#define KEY_END		"-----END OPENSSH PRIVATE KEY-----"
#define KEY_MAGIC	"openssh-key-v1"
#define KEY_BLOCK	8	/* OpenSSH's block size for cipher "none" */

/* A cursor over the decoded key. */
struct key_reader {
	unsigned char	*p;
	size_t		 left;
};

static int
key_u32(struct key_reader *r, uint32_t *v)
{
	if (r->left < 4)
		return -1;
	*v = (uint32_t)r->p[0] << 24 | (uint32_t)r->p[1] << 16 |
	    (uint32_t)r->p[2] << 8 | r->p[3];
	r->p += 4;
	r->left -= 4;
	return 0;
}

/* Skip one string; *start and *len say where its bytes are. */
static int
key_string(struct key_reader *r, unsigned char **start, uint32_t *len)
{
	uint32_t	 n;

	if (key_u32(r, &n) == -1 || n > r->left)
		return -1;
	if (start != NULL)
		*start = r->p;
	if (len != NULL)
		*len = n;
	r->p += n;
	r->left -= n;
	return 0;
}

/*
 * Pad the private section of an unencrypted key of len bytes at blob to
 * KEY_BLOCK, in place; the blob only shrinks. Returns the new length, or
 * 0 if it is not an unencrypted openssh-key-v1 key.
 */
static size_t
key_repad(unsigned char *blob, size_t len)
{
	struct key_reader	 r = { blob, len };
	unsigned char		*cipher, *priv;
	uint32_t		 clen, plen, nkeys, i, pad, keep, want;

	if (len < sizeof KEY_MAGIC || memcmp(blob, KEY_MAGIC,
	    sizeof KEY_MAGIC) != 0)
		return 0;
	r.p += sizeof KEY_MAGIC;
	r.left -= sizeof KEY_MAGIC;
	if (key_string(&r, &cipher, &clen) == -1 || clen != 4 ||
	    memcmp(cipher, "none", 4) != 0 ||
	    key_string(&r, NULL, NULL) == -1 ||		/* kdf */
	    key_string(&r, NULL, NULL) == -1 ||		/* kdf options */
	    key_u32(&r, &nkeys) == -1)
		return 0;
	for (i = 0; i < nkeys; i++) {
		if (key_string(&r, NULL, NULL) == -1)
			return 0;
	}
	if (key_string(&r, &priv, &plen) == -1 || r.left != 0 || plen == 0)
		return 0;
	/* The padding is 1, 2, ... n at the end. */
	pad = priv[plen - 1];
	if (pad >= 16 || pad > plen)
		return 0;
	for (i = 0; i < pad; i++) {
		if (priv[plen - pad + i] != i + 1)
			return 0;
	}
	keep = plen - pad;
	want = (KEY_BLOCK - keep % KEY_BLOCK) % KEY_BLOCK;
	for (i = 0; i < want; i++)
		priv[keep + i] = (unsigned char)(i + 1);
	plen = keep + want;
	priv[-4] = (unsigned char)(plen >> 24);
	priv[-3] = (unsigned char)(plen >> 16);
	priv[-2] = (unsigned char)(plen >> 8);
	priv[-1] = (unsigned char)plen;
	return (size_t)(priv - blob) + plen;
}

/*
 * The body of pem decoded, repadded and encoded again (caller frees), or
 * NULL when it is not an unencrypted OpenSSH key.
 */
static char *
key_body_repad(const char *body, size_t blen)
{
	unsigned char	*in, *blob, *out;
	size_t		 n = 0, i, len, eq = 0;
	int		 dl;

	in = xmalloc(blen + 1);
	for (i = 0; i < blen; i++) {
		if (body[i] != '\n' && body[i] != '\r' && body[i] != ' ' &&
		    body[i] != '\t')
			in[n++] = (unsigned char)body[i];
	}
	in[n] = '\0';
	while (eq < n && eq < 2 && in[n - 1 - eq] == '=')
		eq++;
	blob = xmalloc(n / 4 * 3 + 3);
	dl = n % 4 == 0 ? EVP_DecodeBlock(blob, in, (int)n) : -1;
	out = NULL;
	if (dl > (int)eq && (len = key_repad(blob, (size_t)dl - eq)) != 0) {
		out = xmalloc((len + 2) / 3 * 4 + 1);
		EVP_EncodeBlock(out, blob, (int)len);
	}
	explicit_bzero(blob, n / 4 * 3 + 3);
	explicit_bzero(in, n);
	free(blob);
	free(in);
	return (char *)out;
}

char *
server_key_wrap(const char *pem)
{
	const char	*body, *end, *p;
	char		*out, *b64;
	size_t		 n, col = 0;

	if (strncmp(pem, KEY_BEGIN, strlen(KEY_BEGIN)) != 0 ||
	    (end = strstr(pem, KEY_END)) == NULL)
		return NULL;
	body = pem + strlen(KEY_BEGIN);
	if ((b64 = key_body_repad(body, (size_t)(end - body))) == NULL)
		return NULL;
	n = strlen(b64);
	out = xmalloc(n + n / KEY_WRAP + strlen(KEY_BEGIN) +
	    strlen(KEY_END) + 4);
	memcpy(out, KEY_BEGIN "\n", strlen(KEY_BEGIN) + 1);
	n = strlen(KEY_BEGIN) + 1;
	for (p = b64; *p != '\0'; p++) {
		out[n++] = *p;
		if (++col == KEY_WRAP) {
			out[n++] = '\n';
			col = 0;
		}
	}
	if (col != 0)
		out[n++] = '\n';
	memcpy(out + n, KEY_END "\n", strlen(KEY_END) + 2);
	explicit_bzero(b64, strlen(b64));
	free(b64);
	return out;
}

int
server_key_write(struct ssh_key_struct *key, const char *path, char **why)
{
	char	*pem = NULL, *text = NULL;
	size_t	 len, off = 0;
	ssize_t	 w;
	int	 fd = -1, rc = QD_ESYS;

	if (ssh_pki_export_privkey_base64(key, NULL, NULL, NULL, &pem) !=
	    SSH_OK || (text = server_key_wrap(pem)) == NULL) {
		xasprintf(why, "cannot encode the key for %s", path);
		goto out;
	}
	if ((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
	    0600)) == -1 || fchmod(fd, 0600) == -1) {
		xasprintf(why, "cannot write %s: %s", path, strerror(errno));
		goto out;
	}
	len = strlen(text);
	while (off < len) {
		if ((w = write(fd, text + off, len - off)) == -1) {
			if (errno == EINTR)
				continue;
			xasprintf(why, "cannot write %s: %s", path,
			    strerror(errno));
			goto out;
		}
		off += (size_t)w;
	}
	if (close(fd) == -1) {
		fd = -1;
		xasprintf(why, "cannot write %s: %s", path, strerror(errno));
		goto out;
	}
	fd = -1;
	rc = QD_OK;
out:
	if (fd != -1)
		close(fd);
	if (pem != NULL) {
		explicit_bzero(pem, strlen(pem));
		ssh_string_free_char(pem);
	}
	if (text != NULL) {
		explicit_bzero(text, strlen(text));
		free(text);
	}
	return rc;
}
