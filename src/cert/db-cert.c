/*
 * Certificates as the offices and the center read them: one by number or
 * by case, an office's list, verification of a QR text against this
 * database's keys and records, the public key, and the user's printing
 * setting. Every read is scoped: an office sees its own certificates, the
 * center, admin and auditor all of them.
 */
#include <stdlib.h>
#include <string.h>

#include "cert/cert.h"

/* The columns every read takes, named as struct qd_cert's members. */
#define CERT_COLUMNS \
	"SELECT t.id AS id, t.number AS number, t.case_id AS case_id," \
	" c.version AS case_version, c.state AS case_state," \
	" t.office_id AS office_id, o.name_zh AS office_name, c.type AS type," \
	" coalesce(w.title_zh, s.title_zh) AS title, w.statement_zh AS statement," \
	" w.level_label_zh AS level_label, t.kind AS kind, t.agency AS agency," \
	" t.agency_ref AS agency_ref, t.agency_on AS agency_on," \
	" t.entrusted AS entrusted, t.agency_paper AS agency_paper," \
	" t.name AS name, t.sex AS sex," \
	" t.birth_date AS birth_date, t.mtp AS mtp, t.tw_qual AS tw_qual," \
	" t.occupation AS occupation, t.level AS level," \
	" l.name_zh AS level_name, t.issued_on AS issued_on," \
	" t.issued_by AS issued_by, t.qr_text AS qr_text," \
	" t.printed_at AS printed_at, t.print_count AS print_count," \
	" t.handed_at AS handed_at, t.revoked_at AS revoked_at," \
	" t.revoked_by AS revoked_by, t.revoke_reason AS revoke_reason," \
	" (SELECT number FROM certificates WHERE id = t.replaces)" \
	" AS replaces," \
	" (SELECT number FROM certificates WHERE replaces = t.id)" \
	" AS replaced_by," \
	" " CERT_STATE " AS state, t.version AS version" \
	" FROM certificates t JOIN cases c ON c.id = t.case_id" \
	" JOIN offices o ON o.id = t.office_id" \
	" JOIN cert_series s ON s.code = t.series" \
	" LEFT JOIN cert_wording w ON w.series = t.series AND w.kind = t.kind" \
	" JOIN level_names l ON l.kind = t.kind AND l.level = t.level"
#define CERT_STATE \
	"CASE WHEN t.revoked_at IS NOT NULL THEN 'revoked'" \
	" WHEN t.handed_at IS NOT NULL THEN 'handed'" \
	" WHEN t.printed_at IS NOT NULL THEN 'printed' ELSE 'issued' END"

/* The issuing center, as the template names it. */
#define CERT_ISSUER	"福建省（平潭）台胞职业资格考证认证一体化服务中心"

static const struct {
	const char	*state;
	const char	*label;
} cert_states[] = {
	{ "issued", "待打印 To print" },
	{ "printed", "已打印 Printed" },
	{ "handed", "已发放 Handed over" },
	{ "revoked", "已撤销 Revoked" },
};

const char *
cert_state_label(const char *state)
{
	size_t	 i;

	for (i = 0; i < nitems(cert_states); i++) {
		if (state != NULL && strcmp(cert_states[i].state, state) == 0)
			return cert_states[i].label;
	}
	return state != NULL ? state : "";
}

#define CERT_FIELD(member, type)	RECORD_FIELD(struct qd_cert, member, type)
static const struct record_field cert_fields[] = {
	CERT_FIELD(id, RECORD_INT64),
	CERT_FIELD(number, RECORD_TEXT),
	CERT_FIELD(case_id, RECORD_INT64),
	CERT_FIELD(case_version, RECORD_INT64),
	CERT_FIELD(case_state, RECORD_TEXT),
	CERT_FIELD(office_id, RECORD_INT64),
	CERT_FIELD(office_name, RECORD_TEXT),
	CERT_FIELD(type, RECORD_TEXT),
	CERT_FIELD(title, RECORD_TEXT),
	CERT_FIELD(statement, RECORD_TEXT),
	CERT_FIELD(level_label, RECORD_TEXT),
	CERT_FIELD(kind, RECORD_TEXT),
	CERT_FIELD(agency, RECORD_TEXT),
	CERT_FIELD(agency_ref, RECORD_TEXT),
	CERT_FIELD(agency_on, RECORD_TEXT),
	CERT_FIELD(entrusted, RECORD_INT),
	CERT_FIELD(agency_paper, RECORD_INT),
	CERT_FIELD(name, RECORD_TEXT),
	CERT_FIELD(sex, RECORD_TEXT),
	CERT_FIELD(birth_date, RECORD_TEXT),
	CERT_FIELD(mtp, RECORD_TEXT),
	CERT_FIELD(tw_qual, RECORD_TEXT),
	CERT_FIELD(occupation, RECORD_TEXT),
	CERT_FIELD(level, RECORD_INT),
	CERT_FIELD(level_name, RECORD_TEXT),
	CERT_FIELD(issuer, RECORD_TEXT),
	CERT_FIELD(issued_on, RECORD_TEXT),
	CERT_FIELD(issued_by, RECORD_TEXT),
	CERT_FIELD(qr_text, RECORD_TEXT),
	CERT_FIELD(printed_at, RECORD_TEXT),
	CERT_FIELD(print_count, RECORD_INT),
	CERT_FIELD(handed_at, RECORD_TEXT),
	CERT_FIELD(revoked_at, RECORD_TEXT),
	CERT_FIELD(revoked_by, RECORD_TEXT),
	CERT_FIELD(revoke_reason, RECORD_TEXT),
	CERT_FIELD(replaces, RECORD_TEXT),
	CERT_FIELD(replaced_by, RECORD_TEXT),
	CERT_FIELD(state, RECORD_TEXT),
	CERT_FIELD(state_name, RECORD_TEXT),
	CERT_FIELD(version, RECORD_INT64),
};
const struct record_desc cert_record = { cert_fields, nitems(cert_fields) };

void
cert_free(struct qd_cert *c)
{
	record_free(&cert_record, c);
}

void
cert_list_free(struct qd_cert **list, size_t n)
{
	size_t	 i;

	if (list == NULL)
		return;
	for (i = 0; i < n; i++)
		cert_free(list[i]);
	free(list);
}

/* A certificate from a row of CERT_COLUMNS, in the template's words. */
static struct qd_cert *
cert_from_row(sqlite3_stmt *st)
{
	struct qd_cert	*c;
	char		*sex;

	c = xcalloc(1, sizeof *c);
	record_read(&cert_record, c, st);
	sex = c->sex;
	c->sex = xstrdup(sex != NULL && strcmp(sex, "F") == 0 ? "女" : "男");
	free(sex);
	/* A recognition is the agency's, as it confirmed and issued it. */
	c->issuer = xstrdup(c->agency != NULL && *c->agency != '\0' ?
	    c->agency : CERT_ISSUER);
	c->state_name = xstrdup(cert_state_label(c->state));
	return c;
}

/* The office actor is limited to, or 0 for all. */
static int64_t
cert_scope(const struct qd_user *actor)
{
	return role_has_office(actor->role) ? actor->office_id : 0;
}

/*
 * One certificate by a WHERE clause on ?1 (text or number), of office
 * (0: any).
 */
static int
cert_get_where(sqlite3 *db, int64_t office, const char *where,
    const char *text, int64_t id, struct qd_cert **out, char **why)
{
	sqlite3_stmt	*st;
	char		*sql;
	int		 step, rc = QD_OK;

	*out = NULL;
	xasprintf(&sql, CERT_COLUMNS " WHERE %s AND (?2 = 0 OR t.office_id ="
	    " ?2) ORDER BY t.id DESC LIMIT 1", where);
	rc = db_prepare(db, sql, &st);
	free(sql);
	if (rc != QD_OK)
		return db_fail(db, why);
	if (text != NULL)
		sqlite3_bind_text(st, 1, text, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, office);
	if ((step = sqlite3_step(st)) == SQLITE_ROW)
		*out = cert_from_row(st);
	else if (step == SQLITE_DONE) {
		if (text != NULL)
			why_set(why, "找不到证书 %s no certificate %s (or it"
			    " belongs to another office)", text, text);
		else
			why_set(why, "案件尚未发证 the case has no"
			    " certificate");
		rc = QD_ENOTFOUND;
	} else
		rc = db_fail(db, why);
	sqlite3_finalize(st);
	return rc;
}

int
db_cert_get(sqlite3 *db, const struct qd_user *actor, const char *number,
    struct qd_cert **out, char **why)
{
	enum cert_series	 series;
	int			 year;
	uint32_t		 seq;

	*out = NULL;
	if (number == NULL || cert_number_parse(number, &series, &year,
	    &seq) != QD_OK) {
		why_set(why, "证书编号应如 CX-2026-000123 a certificate"
		    " number looks like CX-2026-000123");
		return QD_EINVAL;
	}
	return cert_get_where(db, cert_scope(actor), "t.number = ?1", number, 0,
	    out, why);
}

int
db_cert_get_case(sqlite3 *db, const struct qd_user *actor, int64_t case_id,
    struct qd_cert **out, char **why)
{
	return cert_get_where(db, cert_scope(actor), "t.case_id = ?1", NULL,
	    case_id, out, why);
}

int
db_cert_list(sqlite3 *db, const struct qd_user *actor,
    const struct qd_cert_filter *f, struct qd_cert ***out, size_t *n,
    char **why)
{
	sqlite3_stmt	*st;
	int64_t		 office = cert_scope(actor);
	int		 step;

	*out = NULL;
	*n = 0;
	if (office != 0 && f->office_id != 0 && f->office_id != office) {
		why_set(why, "只能查看本办公室的证书 you may see only your"
		    " office's certificates");
		return QD_EDENIED;
	}
	if (office == 0)
		office = f->office_id;
	if (db_prepare(db, CERT_COLUMNS " WHERE (?1 = 0 OR t.office_id = ?1)"
	    " AND (?2 IS NULL OR t.issued_on = ?2)"
	    " AND (?3 IS NULL OR " CERT_STATE " = ?3)"
	    " AND (?4 = 0 OR t.id < ?4) ORDER BY t.id DESC LIMIT ?5", &st) !=
	    QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int64(st, 1, office);
	if (f->issued_on != NULL)
		sqlite3_bind_text(st, 2, f->issued_on, -1, SQLITE_TRANSIENT);
	if (f->state != NULL)
		sqlite3_bind_text(st, 3, f->state, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 4, f->after);
	sqlite3_bind_int(st, 5, f->limit > 0 ? f->limit : 100);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		*out = xreallocarray(*out, *n + 1, sizeof **out);
		(*out)[(*n)++] = cert_from_row(st);
	}
	sqlite3_finalize(st);
	if (step != SQLITE_DONE) {
		cert_list_free(*out, *n);
		*out = NULL;
		*n = 0;
		return db_fail(db, why);
	}
	return QD_OK;
}

/* cert_verify's key lookup: this database's keys, retired ones too. */
static int
cert_key_find(void *arg, unsigned kid, uint8_t pub[CERT_KEY_BYTES])
{
	sqlite3		*db = arg;
	sqlite3_stmt	*st;
	int		 rc = QD_ENOTFOUND;

	if (db_prepare(db, "SELECT public FROM cert_keys WHERE kid = ?1",
	    &st) != QD_OK)
		return QD_ENOTFOUND;
	sqlite3_bind_int(st, 1, (int)kid);
	if (sqlite3_step(st) == SQLITE_ROW &&
	    sqlite3_column_bytes(st, 0) == CERT_KEY_BYTES) {
		memcpy(pub, sqlite3_column_blob(st, 0), CERT_KEY_BYTES);
		rc = QD_OK;
	}
	sqlite3_finalize(st);
	return rc;
}

/* Compare what the code says with the record it names. */
static int
cert_matches(const struct cert_fields *f, const struct qd_cert *c)
{
	const char	*kind = f->kind == CERT_KIND_PROFESSIONAL ?
	    "professional" : "skill";

	return strcmp(f->name, c->name) == 0 && strcmp(f->mtp, c->mtp) == 0 &&
	    strcmp(f->tw_qual, c->tw_qual) == 0 &&
	    strcmp(f->occupation, c->occupation) == 0 &&
	    f->level == c->level && strcmp(f->issued_on, c->issued_on) == 0 &&
	    strcmp(kind, c->kind) == 0 &&
	    strcmp(f->agency != NULL ? f->agency : "", c->agency) == 0 &&
	    strcmp(f->agency_ref != NULL ? f->agency_ref : "",
	    c->agency_ref) == 0 && strcmp(f->agency_on, c->agency_on != NULL ?
	    c->agency_on : "") == 0;
}

int
db_cert_verify(sqlite3 *db, const struct qd_user *actor, const char *text,
    struct cert_fields *f, struct qd_cert **rec, char **why)
{
	struct qd_cert		*c = NULL;
	char			*number;
	int			 rc;

	if (rec != NULL)
		*rec = NULL;
	memset(f, 0, sizeof *f);
	if ((rc = cert_verify(text, cert_key_find, db, f, why)) != QD_OK)
		return rc;
	/* The training completion certificates are the training module's. */
	if (f->series == CERT_SERIES_TRAINING)
		return training_cert_on_record(db, f, why);
	number = cert_number(f->series, f->year, f->seq);
	/* A ticket is checked by its signature alone: no record here. */
	if (f->series == CERT_SERIES_TICKET) {
		why_set(why, "准考证 %s 签名真实 admission ticket %s: the"
		    " signature holds", number, number);
		free(number);
		return QD_OK;
	}
	/*
	 * Whether it is in force is public: anyone holding the paper may
	 * ask. What the record holds beyond that is for those who may see
	 * it, so look it up unscoped and hand it out scoped.
	 */
	if ((rc = cert_get_where(db, 0, "t.number = ?1", number, 0, &c,
	    NULL)) == QD_ENOTFOUND) {
		why_set(why, "签名有效，但本库无此证书 %s the signature holds"
		    " but this database has no certificate %s", number, number);
		rc = QD_ENOTFOUND;
	} else if (rc != QD_OK)
		why_set(why, "%s", db_errmsg(db));
	else if (!cert_matches(f, c)) {
		why_set(why, "签名有效，但与本库记录 %s 不符 the signature"
		    " holds but does not match the record of %s", number,
		    number);
		rc = QD_ENOTFOUND;
	} else if (c->revoked_at != NULL) {
		why_set(why, "证书 %s 已于 %.10s 撤销：%s  certificate %s was"
		    " revoked on %.10s: %s", number, c->revoked_at,
		    c->revoke_reason, number, c->revoked_at, c->revoke_reason);
		rc = QD_ECONFLICT;
	}
	if (rec != NULL && c != NULL && (cert_scope(actor) == 0 ||
	    c->office_id == cert_scope(actor))) {
		*rec = c;
		c = NULL;
	}
	free(number);
	cert_free(c);
	return rc;
}

int
db_cert_pubkey(sqlite3 *db, int have_kid, unsigned *kid, char **pem,
    char **why)
{
	sqlite3_stmt	*st;
	int		 step, rc = QD_OK;

	*pem = NULL;
	if (db_prepare(db, "SELECT kid, public FROM cert_keys WHERE"
	    " (?1 = 0 AND retired_at IS NULL) OR (?1 = 1 AND kid = ?2)"
	    " ORDER BY id DESC LIMIT 1", &st) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int(st, 1, have_kid != 0);
	sqlite3_bind_int(st, 2, have_kid ? (int)*kid : 0);
	if ((step = sqlite3_step(st)) == SQLITE_ROW &&
	    sqlite3_column_bytes(st, 1) == CERT_KEY_BYTES) {
		*kid = (unsigned)sqlite3_column_int(st, 0);
		*pem = cert_pubkey_pem(sqlite3_column_blob(st, 1));
	} else if (step == SQLITE_ROW || step == SQLITE_DONE) {
		if (have_kid)
			why_set(why, "没有编号为 %04x 的签名密钥 no signing"
			    " key %04x", *kid, *kid);
		else
			why_set(why, "没有签名密钥 the database has no"
			    " signing key");
		rc = QD_ENOTFOUND;
	} else
		rc = db_fail(db, why);
	sqlite3_finalize(st);
	return rc;
}

void
cert_print_from(const struct qd_cert *c, struct cert_print *p)
{
	p->title = c->title;
	p->number = c->number;
	p->name = c->name;
	p->sex = c->sex;
	p->birth_date = c->birth_date;
	p->mtp = c->mtp;
	p->tw_qual = c->tw_qual;
	p->occupation = c->occupation;
	p->level_name = c->level_name;
	p->issuer = c->issuer;
	p->issued_on = c->issued_on;
	p->qr_text = c->qr_text;
	p->rows = NULL;
	p->nrows = 0;
	p->tw_qual_label = NULL;
	p->statement = c->statement;
	p->level_label = c->level_label;
	p->agency_ref = c->agency_ref != NULL && *c->agency_ref != '\0' ?
	    c->agency_ref : NULL;
	p->agency_on = c->agency_on;
	p->entrusted_by = c->entrusted ? CERT_ISSUER : NULL;
}

int
db_user_passthrough(sqlite3 *db, const struct qd_user *actor, int *on)
{
	sqlite3_stmt	*st;
	int		 step;

	*on = 0;
	if (db_prepare(db, "SELECT print_passthrough FROM user_settings"
	    " WHERE user_id = ?1", &st) != QD_OK)
		return QD_EDB;
	sqlite3_bind_int64(st, 1, actor->id);
	if ((step = sqlite3_step(st)) == SQLITE_ROW)
		*on = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return step == SQLITE_ROW || step == SQLITE_DONE ? QD_OK : QD_EDB;
}

int
db_user_passthrough_set(sqlite3 *db, const struct qd_user *actor, int on,
    char **why)
{
	sqlite3_stmt	*st;
	int		 rc = QD_OK;

	if (actor->id == 0) {
		why_set(why, "本地操作员没有个人设置 the local operator has"
		    " no settings of its own");
		return QD_EINVAL;
	}
	if (db_prepare(db, "INSERT INTO user_settings (user_id,"
	    " print_passthrough) VALUES (?1, ?2) ON CONFLICT (user_id) DO"
	    " UPDATE SET print_passthrough = excluded.print_passthrough"
	    " WHERE print_passthrough IS NOT excluded.print_passthrough",
	    &st) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int64(st, 1, actor->id);
	sqlite3_bind_int(st, 2, on != 0);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = db_fail(db, why);
	sqlite3_finalize(st);
	return rc;
}
