/*
 * The center's Ed25519 key: RFC 8032's first test vector, signatures that
 * fail on any changed bit, the key id and the PEM form.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "qualdesk.h"
#include "cert/cert.h"
#include "../tap.h"

/* RFC 8032 section 7.1, TEST 1 (an empty message). */
static const char rfc_priv[] =
    "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
static const char rfc_pub[] =
    "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
static const char rfc_sig[] =
    "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
    "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";
/* The same public key as `openssl pkey -pubout` writes it. */
static const char rfc_pem[] =
    "-----BEGIN PUBLIC KEY-----\n"
    "MCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=\n"
    "-----END PUBLIC KEY-----\n";
/* Keys of other types, which must not pass for the center's. */
static const char x25519_pem[] =
    "-----BEGIN PUBLIC KEY-----\n"
    "MCowBQYDK2VuAyEAOa25CT+cW+E7nOnVKiH58Lw0oqDJoqwM1851J0rndQ0=\n"
    "-----END PUBLIC KEY-----\n";
static const char p256_pem[] =
    "-----BEGIN PUBLIC KEY-----\n"
    "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEB8cAG1urmlHDSTSnV2LC01N/rRAN\n"
    "BgiILYR5mQg91q342hH+fdxzK6LJf7C1g8vLj5eHX2tlNyfFBZIOpTGT4Q==\n"
    "-----END PUBLIC KEY-----\n";
static const char ed448_pem[] =
    "-----BEGIN PUBLIC KEY-----\n"
    "MEMwBQYDK2VxAzoAW4PBDBYG0dJ82+8sw1H41bv5wYr4A1POryhcCqAV/2fuv6/k\n"
    "Ev3JA3dqZ9qLlTW7nWTEUY8tbZqA\n"
    "-----END PUBLIC KEY-----\n";

/* Bytes from hex (twice n digits). */
static void
unhex(const char *hex, uint8_t *out, size_t n)
{
	size_t		 i;
	unsigned	 v;

	for (i = 0; i < n; i++) {
		sscanf(hex + 2 * i, "%2x", &v);
		out[i] = (uint8_t)v;
	}
}

static void
test_rfc8032(void)
{
	uint8_t	 priv[CERT_KEY_BYTES], pub[CERT_KEY_BYTES], want[CERT_KEY_BYTES];
	uint8_t	 sig[CERT_SIG_BYTES], want_sig[CERT_SIG_BYTES];

	unhex(rfc_priv, priv, sizeof priv);
	unhex(rfc_pub, want, sizeof want);
	unhex(rfc_sig, want_sig, sizeof want_sig);
	ok(cert_key_public(priv, pub) == QD_OK &&
	    memcmp(pub, want, sizeof pub) == 0, "RFC 8032 public key");
	ok(cert_sign(priv, (const uint8_t *)"", 0, sig) == QD_OK &&
	    memcmp(sig, want_sig, sizeof sig) == 0, "RFC 8032 signature");
	ok(cert_sig_ok(pub, (const uint8_t *)"", 0, sig), "RFC 8032 verifies");
	/* sha256(pub) begins 21fe31df. */
	is_int(cert_key_id(pub), 0x21fe, "key id: first two bytes of SHA-256");
}

static void
test_sign(void)
{
	static const char	 msg[] = "CX-2026-000123 陈美玲 美容乙级技术士";
	const size_t		 len = sizeof msg - 1;
	uint8_t			 priv[CERT_KEY_BYTES], pub[CERT_KEY_BYTES];
	uint8_t			 priv2[CERT_KEY_BYTES], pub2[CERT_KEY_BYTES];
	uint8_t			 again[CERT_KEY_BYTES], sig[CERT_SIG_BYTES];
	uint8_t			 m[sizeof msg], s[CERT_SIG_BYTES];
	size_t			 i, bad;

	ok(cert_key_generate(priv, pub) == QD_OK &&
	    cert_key_generate(priv2, pub2) == QD_OK &&
	    memcmp(pub, pub2, sizeof pub) != 0, "two new keys differ");
	ok(cert_key_public(priv, again) == QD_OK &&
	    memcmp(again, pub, sizeof pub) == 0,
	    "a new key's public key comes back from its seed");
	ok(cert_sign(priv, (const uint8_t *)msg, len, sig) == QD_OK,
	    "sign");
	ok(cert_sig_ok(pub, (const uint8_t *)msg, len, sig), "verify");
	ok(!cert_sig_ok(pub2, (const uint8_t *)msg, len, sig),
	    "another key does not verify");
	ok(!cert_sig_ok(pub, (const uint8_t *)msg, len - 1, sig),
	    "a shorter message does not verify");

	for (bad = i = 0; i < len * 8; i++) {
		memcpy(m, msg, len);
		m[i / 8] ^= (uint8_t)(1 << i % 8);
		bad += !cert_sig_ok(pub, m, len, sig);
	}
	is_int(bad, len * 8, "every flipped bit of the message is refused");
	for (bad = i = 0; i < sizeof sig * 8; i++) {
		memcpy(s, sig, sizeof s);
		s[i / 8] ^= (uint8_t)(1 << i % 8);
		bad += !cert_sig_ok(pub, (const uint8_t *)msg, len, s);
	}
	is_int(bad, sizeof sig * 8,
	    "every flipped bit of the signature is refused");
}

/* Whether the openssl program reads pem as an Ed25519 key. */
static void
test_openssl(const char *pem)
{
	char	 path[] = "/tmp/test-cert-sign-XXXXXX", *cmd, line[256];
	FILE	*fp;
	int	 fd, seen = 0;

	if (access("/usr/bin/openssl", X_OK) != 0) {
		ok(1, "# SKIP no openssl program");
		return;
	}
	if ((fd = mkstemp(path)) < 0 || write(fd, pem, strlen(pem)) < 0) {
		ok(0, "temporary file");
		return;
	}
	close(fd);
	xasprintf(&cmd, "/usr/bin/openssl pkey -pubin -in %s -text -noout "
	    "2>&1", path);
	if ((fp = popen(cmd, "r")) != NULL) {
		while (fgets(line, sizeof line, fp) != NULL)
			seen |= strstr(line, "ED25519 Public-Key") != NULL;
		seen &= pclose(fp) == 0;
	}
	ok(seen, "openssl pkey reads the PEM as an Ed25519 key");
	unlink(path);
	free(cmd);
}

static void
test_pem(void)
{
	uint8_t	 pub[CERT_KEY_BYTES], back[CERT_KEY_BYTES];
	char	*pem, *why = NULL;

	unhex(rfc_pub, pub, sizeof pub);
	pem = cert_pubkey_pem(pub);
	is_str(pem, rfc_pem, "PEM as openssl writes it");
	ok(cert_pubkey_parse(pem, strlen(pem), back, &why) == QD_OK &&
	    why == NULL && memcmp(back, pub, sizeof pub) == 0,
	    "PEM round trip");
	test_openssl(pem);
	free(pem);

	ok(cert_pubkey_parse(x25519_pem, strlen(x25519_pem), back, &why) ==
	    QD_EINVAL && why != NULL && strstr(why, "Ed25519") != NULL,
	    "an X25519 key is refused");
	xfree(&why);
	ok(cert_pubkey_parse(ed448_pem, strlen(ed448_pem), back, &why) ==
	    QD_EINVAL && why != NULL, "an Ed448 key is refused");
	xfree(&why);
	ok(cert_pubkey_parse(p256_pem, strlen(p256_pem), back, &why) ==
	    QD_EINVAL && why != NULL, "a P-256 key is refused");
	xfree(&why);
	ok(cert_pubkey_parse(rfc_pem, 40, back, &why) == QD_EINVAL &&
	    why != NULL && strstr(why, "PEM") != NULL,
	    "a cut PEM is refused");
	xfree(&why);
	ok(cert_pubkey_parse("ssh-ed25519 AAAA", 16, back, NULL) == QD_EINVAL,
	    "an OpenSSH key line is refused");
}

int
main(void)
{
	test_rfc8032();
	test_sign();
	test_pem();
	return done_testing();
}
