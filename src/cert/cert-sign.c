/*
 * The center's Ed25519 key, through OpenSSL's libcrypto. Keys travel as
 * raw 32-byte values so the database stores them without a format of its
 * own; the public key also goes out as PEM for anyone who verifies
 * certificates without qualdesk.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/bio.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include "cert/cert.h"

/* Log what libcrypto said and empty its queue, so no stale error stays. */
static void
cert_sign_log(const char *what)
{
	unsigned long	 e = ERR_get_error();
	char		 buf[256];

	if (e != 0) {
		ERR_error_string_n(e, buf, sizeof buf);
		log_error("%s: %s", what, buf);
	} else
		log_error("%s", what);
	ERR_clear_error();
}

/* Read a raw key of exactly CERT_KEY_BYTES from pkey; QD_OK or QD_ESYS. */
static int
cert_sign_raw(EVP_PKEY *pkey, int private, uint8_t out[CERT_KEY_BYTES])
{
	size_t	 len = CERT_KEY_BYTES;
	int	 ok;

	if (private)
		ok = EVP_PKEY_get_raw_private_key(pkey, out, &len);
	else
		ok = EVP_PKEY_get_raw_public_key(pkey, out, &len);
	if (ok != 1 || len != CERT_KEY_BYTES) {
		cert_sign_log("reading a raw Ed25519 key");
		return QD_ESYS;
	}
	return QD_OK;
}

int
cert_key_generate(uint8_t priv[CERT_KEY_BYTES], uint8_t pub[CERT_KEY_BYTES])
{
	EVP_PKEY	*pkey;
	int		 rv = QD_ESYS;

	if ((pkey = EVP_PKEY_Q_keygen(NULL, NULL, "ED25519")) == NULL) {
		cert_sign_log("generating an Ed25519 key");
		return QD_ESYS;
	}
	if (cert_sign_raw(pkey, 1, priv) != QD_OK ||
	    cert_sign_raw(pkey, 0, pub) != QD_OK)
		goto out;
	rv = QD_OK;
out:
	if (rv != QD_OK)
		OPENSSL_cleanse(priv, CERT_KEY_BYTES);
	EVP_PKEY_free(pkey);
	return rv;
}

/* The key of a private seed, or NULL (logged). */
static EVP_PKEY *
cert_sign_private(const uint8_t priv[CERT_KEY_BYTES])
{
	EVP_PKEY	*pkey;

	pkey = EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, NULL, priv,
	    CERT_KEY_BYTES);
	if (pkey == NULL)
		cert_sign_log("loading the Ed25519 private key");
	return pkey;
}

int
cert_key_public(const uint8_t priv[CERT_KEY_BYTES], uint8_t pub[CERT_KEY_BYTES])
{
	EVP_PKEY	*pkey;
	int		 rv;

	if ((pkey = cert_sign_private(priv)) == NULL)
		return QD_ESYS;
	rv = cert_sign_raw(pkey, 0, pub);
	EVP_PKEY_free(pkey);
	return rv;
}

unsigned
cert_key_id(const uint8_t pub[CERT_KEY_BYTES])
{
	unsigned char	 md[EVP_MAX_MD_SIZE];

	/* Only running out of memory makes SHA-256 fail, as xmalloc would. */
	if (EVP_Digest(pub, CERT_KEY_BYTES, md, NULL, EVP_sha256(), NULL) != 1)
		fatal("SHA-256 failed");
	return (unsigned)md[0] << 8 | md[1];
}

int
cert_sign(const uint8_t priv[CERT_KEY_BYTES], const uint8_t *msg, size_t len,
    uint8_t sig[CERT_SIG_BYTES])
{
	EVP_PKEY	*pkey;
	EVP_MD_CTX	*ctx = NULL;
	size_t		 siglen = CERT_SIG_BYTES;
	int		 rv = QD_ESYS;

	if ((pkey = cert_sign_private(priv)) == NULL)
		return QD_ESYS;
	/* Ed25519 hashes inside the algorithm: no digest of our own. */
	if ((ctx = EVP_MD_CTX_new()) == NULL ||
	    EVP_DigestSignInit(ctx, NULL, NULL, NULL, pkey) != 1 ||
	    EVP_DigestSign(ctx, sig, &siglen, msg, len) != 1 ||
	    siglen != CERT_SIG_BYTES) {
		cert_sign_log("signing with Ed25519");
		goto out;
	}
	rv = QD_OK;
out:
	EVP_MD_CTX_free(ctx);
	EVP_PKEY_free(pkey);
	return rv;
}

int
cert_sig_ok(const uint8_t pub[CERT_KEY_BYTES], const uint8_t *msg, size_t len,
    const uint8_t sig[CERT_SIG_BYTES])
{
	EVP_PKEY	*pkey;
	EVP_MD_CTX	*ctx = NULL;
	int		 good = 0;

	pkey = EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, NULL, pub,
	    CERT_KEY_BYTES);
	if (pkey == NULL)
		goto out;
	if ((ctx = EVP_MD_CTX_new()) == NULL ||
	    EVP_DigestVerifyInit(ctx, NULL, NULL, NULL, pkey) != 1)
		goto out;
	good = EVP_DigestVerify(ctx, sig, CERT_SIG_BYTES, msg, len) == 1;
out:
	/* A bad signature leaves an error queued; it is an answer, not one. */
	ERR_clear_error();
	EVP_MD_CTX_free(ctx);
	EVP_PKEY_free(pkey);
	return good;
}

char *
cert_pubkey_pem(const uint8_t pub[CERT_KEY_BYTES])
{
	EVP_PKEY	*pkey;
	BIO		*bio = NULL;
	char		*data, *pem;
	long		 len;

	/* Any 32 bytes make a key; only running out of memory fails here. */
	pkey = EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, NULL, pub,
	    CERT_KEY_BYTES);
	if (pkey == NULL || (bio = BIO_new(BIO_s_mem())) == NULL ||
	    PEM_write_bio_PUBKEY(bio, pkey) != 1 ||
	    (len = BIO_get_mem_data(bio, &data)) <= 0)
		fatal("writing an Ed25519 public key as PEM failed");
	pem = xstrndup(data, (size_t)len);
	BIO_free(bio);
	EVP_PKEY_free(pkey);
	return pem;
}

/* Set *why (when why is not NULL) and return QD_EINVAL. */
static int
cert_sign_refuse(char **why, const char *msg)
{
	if (why != NULL) {
		free(*why);
		*why = xstrdup(msg);
	}
	return QD_EINVAL;
}

int
cert_pubkey_parse(const char *pem, size_t len, uint8_t pub[CERT_KEY_BYTES],
    char **why)
{
	BIO		*bio;
	EVP_PKEY	*pkey = NULL;
	int		 rv;

	if (len > INT_MAX ||
	    (bio = BIO_new_mem_buf(pem, (int)len)) == NULL) {
		ERR_clear_error();
		return cert_sign_refuse(why,
		    "公钥文件太大 the public key file is too large");
	}
	pkey = PEM_read_bio_PUBKEY(bio, NULL, NULL, NULL);
	BIO_free(bio);
	if (pkey == NULL) {
		ERR_clear_error();
		return cert_sign_refuse(why, "不是PEM格式的公钥 "
		    "not a public key in PEM form");
	}
	if (EVP_PKEY_get_id(pkey) != EVP_PKEY_ED25519 ||
	    cert_sign_raw(pkey, 0, pub) != QD_OK)
		rv = cert_sign_refuse(why, "不是Ed25519公钥 "
		    "not an Ed25519 public key");
	else
		rv = QD_OK;
	EVP_PKEY_free(pkey);
	return rv;
}
