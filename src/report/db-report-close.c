/*
 * Closing a month: its rows of report_facts and the backlog of the moment
 * are copied into report_snapshot, and the canonical text of those rows
 * is signed with the center's Ed25519 key (cert-sign.c, the key of
 * cert_keys), all in one transaction. From then on the month is read
 * from its snapshot, so later edits to the data never change it, and
 * anyone can check a copy of the text against the signature with the
 * public key `cert pubkey --id` prints.
 */
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include "report/report.h"
#include "cert/cert.h"

#define REPORT_TEXT_HEAD	"qualdesk report snapshot 1\n"

void
report_seal_free(struct report_seal *s)
{
	xfree(&s->closed_at);
	xfree(&s->closed_by);
}

int
db_report_month_closed(sqlite3 *db, const char *month)
{
	sqlite3_stmt	*st;
	int		 step;

	if (db_prepare(db, "SELECT 1 FROM report_months WHERE month = ?1",
	    &st) != QD_OK)
		return -1;
	sqlite3_bind_text(st, 1, month, -1, SQLITE_STATIC);
	step = sqlite3_step(st);
	sqlite3_finalize(st);
	if (step == SQLITE_ROW)
		return 1;
	return step == SQLITE_DONE ? 0 : -1;
}

/* Append to a growing buffer. */
static void
report_text_add(char **buf, size_t *len, size_t *cap, const char *s)
{
	size_t	 n = strlen(s);

	if (*len + n + 1 > *cap) {
		*cap = (*len + n + 1) * 2;
		*buf = xrealloc(*buf, *cap);
	}
	memcpy(*buf + *len, s, n + 1);
	*len += n;
}

int
db_report_snapshot_text(sqlite3 *db, const char *month, char **text,
    size_t *len, long long *rows, char **why)
{
	sqlite3_stmt	*st;
	char		*buf = NULL, line[256];
	size_t		 cap = 0;
	int		 step;

	*text = NULL;
	*len = 0;
	*rows = 0;
	if (db_prepare(db, "SELECT indicator, office_id, type, occupation_id,"
	    " level, days, n FROM report_snapshot WHERE month = ?1"
	    " ORDER BY indicator, office_id, type, occupation_id, level, days",
	    &st) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_text(st, 1, month, -1, SQLITE_STATIC);
	report_text_add(&buf, len, &cap, REPORT_TEXT_HEAD);
	snprintf(line, sizeof line, "month %s\n", month);
	report_text_add(&buf, len, &cap, line);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		snprintf(line, sizeof line, "%s\t%lld\t%s\t%lld\t%lld\t%lld\t"
		    "%lld\n", sqlite3_column_text(st, 0),
		    (long long)sqlite3_column_int64(st, 1),
		    sqlite3_column_text(st, 2),
		    (long long)sqlite3_column_int64(st, 3),
		    (long long)sqlite3_column_int64(st, 4),
		    (long long)sqlite3_column_int64(st, 5),
		    (long long)sqlite3_column_int64(st, 6));
		report_text_add(&buf, len, &cap, line);
		(*rows)++;
	}
	sqlite3_finalize(st);
	if (step != SQLITE_DONE) {
		free(buf);
		return db_fail(db, why);
	}
	*text = buf;
	return QD_OK;
}

/* Lower-case hex of n bytes into out (2n + 1 bytes). */
static void
report_hex(const uint8_t *b, size_t n, char *out)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		snprintf(out + 2 * i, 3, "%02x", b[i]);
}

/* 1 if hex holds exactly n bytes, decoded into out. */
static int
report_unhex(const char *hex, uint8_t *out, size_t n)
{
	size_t		 i;
	unsigned	 v;

	if (hex == NULL || strlen(hex) != 2 * n)
		return 0;
	for (i = 0; i < n; i++) {
		if (sscanf(hex + 2 * i, "%2x", &v) != 1)
			return 0;
		out[i] = (uint8_t)v;
	}
	return 1;
}

static void
report_digest(const char *text, size_t len, char out[65])
{
	unsigned char	 md[EVP_MAX_MD_SIZE];

	if (EVP_Digest(text, len, md, NULL, EVP_sha256(), NULL) != 1)
		fatal("SHA-256 failed");
	report_hex(md, 32, out);
}

/* Copy the month's figures and the backlog into the snapshot. */
static int
report_freeze(sqlite3 *db, const char *month, char **why)
{
	sqlite3_stmt	*st;
	int		 step;

	if (db_prepare(db, "INSERT INTO report_snapshot (month, indicator,"
	    " office_id, type, occupation_id, level, days, n)"
	    " SELECT month, indicator, office_id, type, occupation_id, level,"
	    " days, n FROM report_facts WHERE month = ?1 AND n > 0", &st) !=
	    QD_OK)
		return db_fail(db, why);
	sqlite3_bind_text(st, 1, month, -1, SQLITE_STATIC);
	step = sqlite3_step(st);
	sqlite3_finalize(st);
	if (step != SQLITE_DONE)
		return db_fail(db, why);
	/* The backlog open now, as aged on the month's last day. */
	if (db_prepare(db, "INSERT INTO report_snapshot (month, indicator,"
	    " office_id, type, occupation_id, level, days, n)"
	    " SELECT ?1, 'cases.backlog', office_id, type, 0, 0,"
	    " max(0, CAST(julianday(date(?1 || '-01', '+1 month', '-1 day'))"
	    " - julianday(day) AS INTEGER)) AS age, sum(n) FROM report_open"
	    " WHERE n > 0 AND day <= date(?1 || '-01', '+1 month', '-1 day')"
	    " GROUP BY office_id, type, age", &st) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_text(st, 1, month, -1, SQLITE_STATIC);
	step = sqlite3_step(st);
	sqlite3_finalize(st);
	return step == SQLITE_DONE ? QD_OK : db_fail(db, why);
}

/* Sign the snapshot's text and record the seal. */
static int
report_sign(sqlite3 *db, const struct qd_user *actor, const char *month,
    struct report_seal *seal, char **why)
{
	uint8_t		 priv[CERT_KEY_BYTES], pub[CERT_KEY_BYTES];
	uint8_t		 sig[CERT_SIG_BYTES];
	sqlite3_stmt	*st = NULL;
	char		*text = NULL;
	size_t		 len;
	int		 rc;

	if ((rc = db_report_snapshot_text(db, month, &text, &len, &seal->rows,
	    why)) != QD_OK)
		goto out;
	if ((rc = db_cert_key_current(db, priv, pub, why)) != QD_OK)
		goto out;
	rc = cert_sign(priv, (const uint8_t *)text, len, sig);
	OPENSSL_cleanse(priv, sizeof priv);
	if (rc != QD_OK) {
		why_set(why, "无法签名 the figures could not be signed");
		goto out;
	}
	seal->kid = cert_key_id(pub);
	report_digest(text, len, seal->digest);
	report_hex(sig, sizeof sig, seal->signature);
	if (db_prepare(db, "INSERT INTO report_months (month, closed_by, kid,"
	    " rows, digest, signature) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	    &st) != QD_OK) {
		rc = db_fail(db, why);
		goto out;
	}
	sqlite3_bind_text(st, 1, month, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, actor->login, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, (int)seal->kid);
	sqlite3_bind_int64(st, 4, seal->rows);
	sqlite3_bind_text(st, 5, seal->digest, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, seal->signature, -1, SQLITE_STATIC);
	rc = sqlite3_step(st) == SQLITE_DONE ? QD_OK : db_fail(db, why);
out:
	sqlite3_finalize(st);
	free(text);
	return rc;
}

int
db_report_close(sqlite3 *db, const struct qd_user *actor, const char *month,
    struct report_seal *seal, char **why)
{
	char	 now[8];
	int	 rc, closed;

	memset(seal, 0, sizeof *seal);
	if (!user_may(actor, "report close")) {
		why_set(why, "只有中心可以结账 only the center closes a month");
		return QD_EDENIED;
	}
	report_month_now(now);
	if (!report_month_valid(month)) {
		why_set(why, "月份不是 YYYY-MM：%s not a month (YYYY-MM): %s",
		    month, month);
		return QD_EINVAL;
	}
	if (strcmp(month, now) >= 0) {
		why_set(why, "%s 尚未结束，不能结账 %s has not ended and cannot"
		    " be closed", month, month);
		return QD_EINVAL;
	}
	snprintf(seal->month, sizeof seal->month, "%s", month);
	if (db_begin(db) != QD_OK)
		return db_fail(db, why);
	if ((closed = db_report_month_closed(db, month)) != 0) {
		if (closed > 0)
			why_set(why, "%s 已结账 %s is closed already", month,
			    month);
		rc = closed > 0 ? QD_ECONFLICT : db_fail(db, why);
		goto out;
	}
	if ((rc = report_freeze(db, month, why)) == QD_OK &&
	    (rc = report_sign(db, actor, month, seal, why)) == QD_OK &&
	    db_commit(db) != QD_OK)
		rc = db_fail(db, why);
out:
	if (rc != QD_OK)
		db_rollback(db);
	return rc;
}

/* The seal's row of month; QD_ENOTFOUND when the month is open. */
static int
report_seal_read(sqlite3 *db, const char *month, struct report_seal *s,
    char **why)
{
	sqlite3_stmt	*st;
	int		 step, rc = QD_OK;

	if (db_prepare(db, "SELECT closed_at, closed_by, kid, rows, digest,"
	    " signature FROM report_months WHERE month = ?1", &st) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_text(st, 1, month, -1, SQLITE_STATIC);
	if ((step = sqlite3_step(st)) == SQLITE_ROW) {
		s->closed_at = db_column_strdup(st, 0);
		s->closed_by = db_column_strdup(st, 1);
		s->kid = (unsigned)sqlite3_column_int(st, 2);
		s->rows = sqlite3_column_int64(st, 3);
		snprintf(s->digest, sizeof s->digest, "%s",
		    sqlite3_column_text(st, 4));
		snprintf(s->signature, sizeof s->signature, "%s",
		    sqlite3_column_text(st, 5));
	} else if (step == SQLITE_DONE) {
		why_set(why, "%s 尚未结账 %s is not closed", month, month);
		rc = QD_ENOTFOUND;
	} else
		rc = db_fail(db, why);
	sqlite3_finalize(st);
	return rc;
}

/* The public key with id kid into pub; QD_ENOTFOUND if none. */
static int
report_key(sqlite3 *db, unsigned kid, uint8_t pub[CERT_KEY_BYTES])
{
	sqlite3_stmt	*st;
	int		 rc = QD_ENOTFOUND;

	if (db_prepare(db, "SELECT public FROM cert_keys WHERE kid = ?1",
	    &st) != QD_OK)
		return QD_EDB;
	sqlite3_bind_int(st, 1, (int)kid);
	if (sqlite3_step(st) == SQLITE_ROW &&
	    sqlite3_column_bytes(st, 0) == CERT_KEY_BYTES) {
		memcpy(pub, sqlite3_column_blob(st, 0), CERT_KEY_BYTES);
		rc = QD_OK;
	}
	sqlite3_finalize(st);
	return rc;
}

int
db_report_seal(sqlite3 *db, const char *month, struct report_seal *s,
    char **why)
{
	uint8_t		 pub[CERT_KEY_BYTES], sig[CERT_SIG_BYTES];
	char		*text = NULL, digest[65];
	size_t		 len;
	long long	 rows;
	int		 rc;

	memset(s, 0, sizeof *s);
	snprintf(s->month, sizeof s->month, "%s", month);
	if ((rc = report_seal_read(db, month, s, why)) != QD_OK ||
	    (rc = db_report_snapshot_text(db, month, &text, &len, &rows,
	    why)) != QD_OK)
		goto out;
	report_digest(text, len, digest);
	if (rows != s->rows || strcmp(digest, s->digest) != 0) {
		why_set(why, "%s 的快照与结账时不符 %s: the snapshot differs"
		    " from what was closed", month, month);
		rc = QD_EDENIED;
	} else if (report_key(db, s->kid, pub) != QD_OK ||
	    !report_unhex(s->signature, sig, sizeof sig) ||
	    !cert_sig_ok(pub, (const uint8_t *)text, len, sig)) {
		why_set(why, "%s 的签名无效 %s: the signature does not verify",
		    month, month);
		rc = QD_EDENIED;
	}
out:
	free(text);
	return rc;
}
