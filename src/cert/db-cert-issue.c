/*
 * Certificates as they change: issued (numbered and signed) inside the
 * transaction that approves the case, printed and handed over by the
 * office, revoked by the center and replaced on purpose. The number is
 * the next of its series and year, read and taken under the write lock
 * of that transaction, and the schema refuses any other: a rolled-back
 * approval gives its number back, a committed one keeps it for ever.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "cert/cert.h"

/* What a certificate is made of: the case, its holder, the decision. */
struct cert_source {
	int64_t			 case_id;
	int64_t			 office_id;
	char			*series;
	char			*sex;
	char			*birth_date;
	int			 entrusted;	/* the center coordinated */
	int			 agency_paper;	/* its own handed over */
	struct cert_fields	 f;
};

static void
cert_source_clear(struct cert_source *src)
{
	free(src->series);
	free(src->sex);
	free(src->birth_date);
	cert_fields_free(&src->f);
	memset(src, 0, sizeof *src);
}

/* The certificate of a case, as the certificates of 003-certificates.sql
 * had it: what db_cert_migrate issues, before kinds and agencies. */
static const char cert_source_legacy_sql[] =
    "SELECT c.office_id, s.code, a.name, a.sex, a.birth_date, a.mtp,"
    " c.tw_qual, o.name, c.decided_level"
    " FROM cases c JOIN applicants a ON a.id = c.applicant_id"
    " JOIN cert_series s ON s.case_type = c.type"
    " JOIN occupations o ON o.id = c.decided_occupation_id"
    " WHERE c.id = ?1";
static const char cert_source_sql[] =
    "SELECT c.office_id, s.code, a.name, a.sex, a.birth_date, a.mtp,"
    " c.tw_qual, o.name, c.decided_level, coalesce(k.kind, 'skill'),"
    " CASE WHEN c.type = 'recognition' THEN g.name END,"
    " CASE WHEN c.type = 'recognition' THEN c.agency_ref END,"
    " CASE WHEN c.type = 'recognition' THEN c.agency_on END,"
    " c.type = 'recognition' AND EXISTS (SELECT 1 FROM case_events e"
    " WHERE e.case_id = c.id AND e.action = 'route'"
    " AND e.from_state = 'forwarded'), c.agency_paper"
    " FROM cases c JOIN applicants a ON a.id = c.applicant_id"
    " JOIN cert_series s ON s.case_type = c.type"
    " JOIN occupations o ON o.id = c.decided_occupation_id"
    " LEFT JOIN catalog k ON k.id = c.catalog_id"
    " LEFT JOIN agencies g ON g.id = c.agency_id"
    " WHERE c.id = ?1";

/*
 * Read what the certificate of case_id will say, as it is now (legacy:
 * as the first certificates did): for a
 * recognition the agency that confirmed it, with its certificate's number
 * and day, and whether the center coordinated it (the case was with an
 * agency from the center's desk when confirmed).
 */
static int
cert_source_read(sqlite3 *db, int64_t case_id, int legacy,
    struct cert_source *src, char **why)
{
	sqlite3_stmt	*st;
	int		 step, rc = QD_OK;

	memset(src, 0, sizeof *src);
	if (db_prepare(db, legacy ? cert_source_legacy_sql : cert_source_sql,
	    &st) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int64(st, 1, case_id);
	if ((step = sqlite3_step(st)) == SQLITE_ROW) {
		src->case_id = case_id;
		src->office_id = sqlite3_column_int64(st, 0);
		src->series = db_column_strdup(st, 1);
		src->f.series = strcmp(src->series, "CR") == 0 ?
		    CERT_SERIES_RECOGNITION : CERT_SERIES_ADOPTION;
		src->f.name = db_column_strdup(st, 2);
		src->sex = db_column_strdup(st, 3);
		src->birth_date = db_column_strdup(st, 4);
		snprintf(src->f.mtp, sizeof src->f.mtp, "%s",
		    (const char *)sqlite3_column_text(st, 5));
		src->f.tw_qual = db_column_strdup(st, 6);
		src->f.occupation = db_column_strdup(st, 7);
		src->f.level = sqlite3_column_int(st, 8);
		if (legacy)
			goto out;
		src->f.kind = strcmp((const char *)sqlite3_column_text(st, 9),
		    "professional") == 0 ? CERT_KIND_PROFESSIONAL :
		    CERT_KIND_SKILL;
		src->f.agency = db_column_strdup(st, 10);
		src->f.agency_ref = db_column_strdup(st, 11);
		if (sqlite3_column_type(st, 12) == SQLITE_TEXT)
			snprintf(src->f.agency_on, sizeof src->f.agency_on,
			    "%.10s", (const char *)sqlite3_column_text(st, 12));
		src->entrusted = sqlite3_column_int(st, 13);
		src->agency_paper = sqlite3_column_int(st, 14);
	} else if (step == SQLITE_DONE) {
		why_set(why, "案件 %" PRId64 " 未审核通过，不能发证 case %"
		    PRId64 " is not approved: no certificate", case_id,
		    case_id);
		rc = QD_EINVAL;
	} else
		rc = db_fail(db, why);
out:
	sqlite3_finalize(st);
	return rc;
}

/* The signing key now: the newest not retired. */
int
db_cert_key_current(sqlite3 *db, uint8_t priv[CERT_KEY_BYTES],
    uint8_t pub[CERT_KEY_BYTES], char **why)
{
	sqlite3_stmt	*st;
	int		 rc = QD_OK;

	if (db_prepare(db, "SELECT public, private FROM cert_keys WHERE"
	    " retired_at IS NULL ORDER BY id DESC LIMIT 1", &st) != QD_OK)
		return db_fail(db, why);
	if (sqlite3_step(st) == SQLITE_ROW &&
	    sqlite3_column_bytes(st, 0) == CERT_KEY_BYTES &&
	    sqlite3_column_bytes(st, 1) == CERT_KEY_BYTES) {
		memcpy(pub, sqlite3_column_blob(st, 0), CERT_KEY_BYTES);
		memcpy(priv, sqlite3_column_blob(st, 1), CERT_KEY_BYTES);
	} else {
		why_set(why, "没有签名密钥，无法发证 no signing key: the"
		    " certificate cannot be issued");
		rc = QD_EDB;
	}
	sqlite3_finalize(st);
	return rc;
}

int
db_cert_sign(sqlite3 *db, struct cert_fields *f, char **text, char **why)
{
	uint8_t	 priv[CERT_KEY_BYTES], pub[CERT_KEY_BYTES];
	int	 rc;

	*text = NULL;
	if ((rc = db_cert_key_current(db, priv, pub, why)) != QD_OK)
		return rc;
	f->kid = cert_key_id(pub);
	rc = cert_encode(f, priv, pub, text, why);
	memset(priv, 0, sizeof priv);
	return rc;
}

/* The next number of the series in year, under the write lock. */
static int
cert_next_seq(sqlite3 *db, const char *series, int year, uint32_t *seq,
    char **why)
{
	sqlite3_stmt	*st;
	int64_t		 last = 0;

	if (db_prepare(db, "SELECT last FROM cert_counters WHERE series = ?1"
	    " AND year = ?2", &st) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_text(st, 1, series, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 2, year);
	if (sqlite3_step(st) == SQLITE_ROW)
		last = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (last >= 16777215) {
		why_set(why, "本年度证书编号已用尽 this year's certificate"
		    " numbers are used up");
		return QD_EINVAL;
	}
	*seq = (uint32_t)last + 1;
	return QD_OK;
}

#define CERT_INSERT_COLUMNS \
	"INSERT INTO certificates (number, series, year, seq, case_id," \
	" office_id, kid, name, sex, birth_date, mtp, tw_qual, occupation," \
	" level, issued_on, qr_text, issued_by, replaces, reissue_reason"
#define CERT_INSERT_VALUES \
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13," \
	" ?14, ?15, ?16, qd_actor(), nullif(?17, 0), ?18"
static const char cert_insert_legacy_sql[] =
    CERT_INSERT_COLUMNS ")" CERT_INSERT_VALUES ")";
static const char cert_insert_sql[] =
    CERT_INSERT_COLUMNS ", kind, agency, agency_ref, agency_on, entrusted,"
    " agency_paper)" CERT_INSERT_VALUES ", ?19, ?20, ?21, nullif(?22, ''),"
    " ?23, ?24)";

/* Insert the signed certificate of src (legacy: as cert_source_read). */
static int
cert_insert(sqlite3 *db, const struct cert_source *src, int legacy,
    const char *number, const char *text, int64_t replaces,
    const char *reason, char **why)
{
	sqlite3_stmt	*st;
	int		 rc = QD_OK;

	if (db_prepare(db, legacy ? cert_insert_legacy_sql : cert_insert_sql,
	    &st) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_text(st, 1, number, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, src->series, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 3, src->f.year);
	sqlite3_bind_int64(st, 4, src->f.seq);
	sqlite3_bind_int64(st, 5, src->case_id);
	sqlite3_bind_int64(st, 6, src->office_id);
	sqlite3_bind_int(st, 7, (int)src->f.kid);
	sqlite3_bind_text(st, 8, src->f.name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 9, src->sex, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 10, src->birth_date, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 11, src->f.mtp, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 12, src->f.tw_qual, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 13, src->f.occupation, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 14, src->f.level);
	sqlite3_bind_text(st, 15, src->f.issued_on, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 16, text, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 17, replaces);
	sqlite3_bind_text(st, 18, reason != NULL ? reason : "", -1,
	    SQLITE_TRANSIENT);
	if (!legacy) {
		sqlite3_bind_text(st, 19, src->f.kind ==
		    CERT_KIND_PROFESSIONAL ? "professional" : "skill", -1,
		    SQLITE_STATIC);
		sqlite3_bind_text(st, 20, src->f.agency != NULL ?
		    src->f.agency : "", -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 21, src->f.agency_ref != NULL ?
		    src->f.agency_ref : "", -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 22, src->f.agency_on, -1,
		    SQLITE_TRANSIENT);
		sqlite3_bind_int(st, 23, src->entrusted);
		sqlite3_bind_int(st, 24, src->agency_paper);
	}
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = db_fail(db, why);
	sqlite3_finalize(st);
	return rc;
}

/* db_cert_issue, or as the first certificates were when legacy. */
static int
cert_issue(sqlite3 *db, int64_t case_id, int legacy, int64_t replaces,
    const char *reason, const char *day, char **number, char **why)
{
	struct cert_source	 src;
	uint8_t			 priv[CERT_KEY_BYTES], pub[CERT_KEY_BYTES];
	char			*num = NULL, *text = NULL;
	int			 rc;

	if (number != NULL)
		*number = NULL;
	if ((rc = cert_source_read(db, case_id, legacy, &src, why)) != QD_OK)
		return rc;
	if (day != NULL)
		snprintf(src.f.issued_on, sizeof src.f.issued_on, "%.10s", day);
	else
		idcheck_today(src.f.issued_on);
	src.f.year = atoi(src.f.issued_on);
	if ((rc = db_cert_key_current(db, priv, pub, why)) != QD_OK ||
	    (rc = cert_next_seq(db, src.series, src.f.year, &src.f.seq,
	    why)) != QD_OK)
		goto out;
	src.f.kid = cert_key_id(pub);
	num = cert_number(src.f.series, src.f.year, src.f.seq);
	if ((rc = cert_encode(&src.f, priv, pub, &text, why)) != QD_OK ||
	    (rc = cert_insert(db, &src, legacy, num, text, replaces, reason,
	    why)) !=
	    QD_OK)
		goto out;
	if (number != NULL) {
		*number = num;
		num = NULL;
	}
out:
	explicit_bzero(priv, sizeof priv);
	free(num);
	free(text);
	cert_source_clear(&src);
	return rc;
}

int
db_cert_issue(sqlite3 *db, int64_t case_id, int64_t replaces,
    const char *reason, const char *day, char **number, char **why)
{
	return cert_issue(db, case_id, 0, replaces, reason, day, number, why);
}

int
db_cert_handed(sqlite3 *db, int64_t case_id, char **why)
{
	sqlite3_stmt	*st;
	int		 rc = QD_OK;

	if (db_prepare(db, "UPDATE certificates SET handed_at = strftime("
	    "'%Y-%m-%dT%H:%M:%fZ', 'now'), version = version + 1"
	    " WHERE case_id = ?1 AND revoked_at IS NULL", &st) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int64(st, 1, case_id);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = db_fail(db, why);
	sqlite3_finalize(st);
	return rc;
}

/* Run one UPDATE of a certificate by number at version (0: any). */
static int
cert_update(sqlite3 *db, const struct qd_cert *c, int64_t version,
    const char *set, const char *t1, char **why)
{
	sqlite3_stmt	*st;
	char		*sql;
	int		 rc = QD_OK;

	if (version != 0 && version != c->version) {
		why_set(why, "证书 %s 已被他人修改，请重新打开 certificate %s"
		    " was changed by someone else; open it again", c->number,
		    c->number);
		return QD_ECONFLICT;
	}
	xasprintf(&sql, "UPDATE certificates SET %s, version = version + 1"
	    " WHERE id = ?1 AND version = ?2", set);
	rc = db_prepare(db, sql, &st);
	free(sql);
	if (rc != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int64(st, 1, c->id);
	sqlite3_bind_int64(st, 2, c->version);
	if (t1 != NULL)
		sqlite3_bind_text(st, 3, t1, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = db_fail(db, why);
	else if (sqlite3_changes(db) != 1) {
		why_set(why, "证书已被他人修改，请重新打开 the certificate"
		    " was changed by someone else; open it again");
		rc = QD_ECONFLICT;
	}
	sqlite3_finalize(st);
	return rc;
}

/* A reason: required, valid text, at most 250 characters. */
static int
cert_reason_check(const char *reason, const char *what_zh,
    const char *what_en, char **why)
{
	if (reason == NULL || reason[strspn(reason, " ")] == '\0') {
		why_set(why, "请填写%s %s is required", what_zh, what_en);
		return QD_EINVAL;
	}
	if (!text_valid(reason) || text_width(reason) > 500) {
		why_set(why, "%s无效或过长（至多250字） %s is invalid or too"
		    " long (at most 250 characters)", what_zh, what_en);
		return QD_EINVAL;
	}
	return QD_OK;
}

/* Read number in a write transaction, then run one change of it. */
static int
cert_change(sqlite3 *db, const struct qd_user *actor, const char *number,
    int64_t version, const char *set, const char *t1, char **why)
{
	struct qd_cert	*c = NULL;
	int		 rc;

	if (db_begin(db) != QD_OK)
		return db_fail(db, why);
	if ((rc = db_cert_get(db, actor, number, &c, why)) == QD_OK)
		rc = cert_update(db, c, version, set, t1, why);
	if (rc == QD_OK && db_commit(db) != QD_OK)
		rc = db_fail(db, why);
	if (rc != QD_OK)
		db_rollback(db);
	cert_free(c);
	return rc;
}

int
db_cert_printed(sqlite3 *db, const struct qd_user *actor, const char *number,
    int64_t version, char **why)
{
	if (!user_may(actor, "cert print")) {
		why_set(why, "证书由所属办公室打印 the certificate's office"
		    " prints it");
		return QD_EDENIED;
	}
	return cert_change(db, actor, number, version, "print_count ="
	    " print_count + 1, printed_at = coalesce(printed_at, strftime("
	    "'%Y-%m-%dT%H:%M:%fZ', 'now')), printed_by = coalesce(printed_by,"
	    " qd_actor())", NULL, why);
}

int
db_cert_revoke(sqlite3 *db, const struct qd_user *actor, const char *number,
    int64_t version, const char *reason, char **why)
{
	if (!user_may(actor, "cert revoke")) {
		why_set(why, "只有中心可以撤销证书 only the center may"
		    " revoke a certificate");
		return QD_EDENIED;
	}
	if (cert_reason_check(reason, "撤销原因", "the reason", why) != QD_OK)
		return QD_EINVAL;
	return cert_change(db, actor, number, version, "revoked_at = strftime("
	    "'%Y-%m-%dT%H:%M:%fZ', 'now'), revoked_by = qd_actor(),"
	    " revoke_reason = ?3", reason, why);
}

int
db_cert_reissue(sqlite3 *db, const struct qd_user *actor, const char *number,
    const char *reason, char **new_number, char **why)
{
	struct qd_cert	*c = NULL;
	int		 rc;

	*new_number = NULL;
	if (!user_may(actor, "cert issue") || role_has_office(actor->role)) {
		why_set(why, "只有中心可以换发证书 only the center may issue"
		    " a replacement");
		return QD_EDENIED;
	}
	if (cert_reason_check(reason, "换发原因", "the reason", why) != QD_OK)
		return QD_EINVAL;
	if (db_begin(db) != QD_OK)
		return db_fail(db, why);
	if ((rc = db_cert_get(db, actor, number, &c, why)) != QD_OK)
		goto out;
	if (c->revoked_at == NULL) {
		why_set(why, "证书 %s 仍然有效；换发须先撤销 certificate %s"
		    " is in force: revoke it first", number, number);
		rc = QD_EINVAL;
	} else if (c->replaced_by != NULL) {
		why_set(why, "证书 %s 已由 %s 换发 certificate %s was"
		    " already replaced by %s", number, c->replaced_by, number,
		    c->replaced_by);
		rc = QD_EINVAL;
	} else
		rc = db_cert_issue(db, c->case_id, c->id, reason, NULL,
		    new_number, why);
out:
	if (rc == QD_OK && db_commit(db) != QD_OK)
		rc = db_fail(db, why);
	if (rc != QD_OK) {
		db_rollback(db);
		free(*new_number);
		*new_number = NULL;
	}
	cert_free(c);
	return rc;
}

/*
 * Make a signing key whose id no earlier key has (ids are two bytes, so
 * a new one may meet an old one: draw again).
 */
static int
cert_key_make(sqlite3 *db, unsigned *kid, char **why)
{
	sqlite3_stmt	*st;
	uint8_t		 priv[CERT_KEY_BYTES], pub[CERT_KEY_BYTES];
	int		 rc = QD_OK, try, step = SQLITE_CONSTRAINT;

	if (db_prepare(db, "INSERT INTO cert_keys (kid, public, private)"
	    " SELECT ?1, ?2, ?3 WHERE NOT EXISTS (SELECT 1 FROM cert_keys"
	    " WHERE kid = ?1)", &st) != QD_OK)
		return db_fail(db, why);
	for (try = 0; try < 16 && rc == QD_OK; try++) {
		if (cert_key_generate(priv, pub) != QD_OK) {
			why_set(why, "cannot make the certificate signing"
			    " key");
			rc = QD_ESYS;
			break;
		}
		*kid = cert_key_id(pub);
		sqlite3_reset(st);
		sqlite3_bind_int(st, 1, (int)*kid);
		sqlite3_bind_blob(st, 2, pub, sizeof pub, SQLITE_TRANSIENT);
		sqlite3_bind_blob(st, 3, priv, sizeof priv, SQLITE_TRANSIENT);
		if ((step = sqlite3_step(st)) != SQLITE_DONE)
			rc = db_fail(db, why);
		else if (sqlite3_changes(db) == 1)
			break;
	}
	if (rc == QD_OK && try == 16) {
		why_set(why, "cannot find a free key id");
		rc = QD_ESYS;
	}
	sqlite3_finalize(st);
	explicit_bzero(priv, sizeof priv);
	return rc;
}

int
db_cert_key_rotate(sqlite3 *db, const struct qd_user *actor, unsigned *kid,
    char **why)
{
	int	 rc;

	if (!user_may(actor, "cert rotate-key")) {
		why_set(why, "只有管理员可以更换签名密钥 only an admin may"
		    " change the signing key");
		return QD_EDENIED;
	}
	if (db_begin(db) != QD_OK)
		return db_fail(db, why);
	rc = sqlite3_exec(db, "UPDATE cert_keys SET private = NULL,"
	    " retired_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE"
	    " retired_at IS NULL", NULL, NULL, NULL) == SQLITE_OK ? QD_OK :
	    db_fail(db, why);
	if (rc == QD_OK)
		rc = cert_key_make(db, kid, why);
	if (rc == QD_OK && db_commit(db) != QD_OK)
		rc = db_fail(db, why);
	if (rc != QD_OK)
		db_rollback(db);
	return rc;
}

int
cert_mark_collected(sqlite3 *db, char **why)
{
	/* What was collected was printed and handed over on that day. */
	if (sqlite3_exec(db, "UPDATE certificates SET print_count = 1,"
	    " printed_at = (SELECT collected_on FROM cases WHERE id = case_id),"
	    " printed_by = qd_actor(), handed_at = (SELECT collected_on FROM"
	    " cases WHERE id = case_id), version = version + 1 WHERE"
	    " printed_at IS NULL AND revoked_at IS NULL AND case_id IN (SELECT"
	    " id FROM cases WHERE state = 'collected')", NULL, NULL, NULL) !=
	    SQLITE_OK)
		return db_fail(db, why);
	return QD_OK;
}

int
db_cert_migrate(sqlite3 *db, char **why)
{
	sqlite3_stmt	*st;
	int64_t		*ids = NULL;
	char		**days = NULL;
	size_t		 n = 0, i;
	unsigned	 kid;
	int		 step, rc;

	if ((rc = cert_key_make(db, &kid, why)) != QD_OK)
		return rc;
	/* Cases approved before certificates existed get theirs now. */
	if (db_prepare(db, "SELECT id, substr(coalesce(decided_at,"
	    " updated_at), 1, 10) FROM cases WHERE state IN ('approved',"
	    " 'notified', 'collected') ORDER BY decided_at, id", &st) != QD_OK)
		return db_fail(db, why);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		ids = xreallocarray(ids, n + 1, sizeof *ids);
		days = xreallocarray(days, n + 1, sizeof *days);
		ids[n] = sqlite3_column_int64(st, 0);
		days[n++] = db_column_strdup(st, 1);
	}
	sqlite3_finalize(st);
	if (step != SQLITE_DONE)
		rc = db_fail(db, why);
	for (i = 0; i < n && rc == QD_OK; i++)
		rc = cert_issue(db, ids[i], 1, 0, NULL, days[i], NULL, why);
	for (i = 0; i < n; i++)
		free(days[i]);
	free(days);
	free(ids);
	if (rc == QD_OK)
		rc = cert_mark_collected(db, why);
	return rc;
}
