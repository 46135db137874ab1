/*
 * Applicants: registering, correcting, reading and finding them. Every
 * number is checked by idcheck.c before it reaches the schema, and names
 * carry a folded key (namekey.c) so 陈 finds 陳.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "case/case.h"

/* A checked copy of what a form gave. */
struct applicant_clean {
	char	*name;
	char	*name_key;
	char	 sex[2];
	char	 birth[11];
	char	 mtp[9];
	char	*mtp_raw;	/* the old form as given, or NULL */
	int	 mtp_old;
	char	 residence[19];
	char	 taiwan_id[11];
	char	 phone[IDCHECK_PHONE_SIZE];
	char	 email[IDCHECK_EMAIL_SIZE];
	char	*address;
};

static void
applicant_clean_free(struct applicant_clean *ac)
{
	free(ac->name);
	free(ac->name_key);
	free(ac->mtp_raw);
	free(ac->address);
}

/* 1 if s is NULL or only spaces. */
static int
applicant_blank(const char *s)
{
	return s == NULL || s[strspn(s, " ")] == '\0';
}

/* Prefix a field's message with its label: "出生日期 Birth date: ...". */
static int
applicant_bad(char **why, const char *label, char *msg)
{
	why_set(why, "%s：%s", label, msg != NULL ? msg : "");
	free(msg);
	return QD_EINVAL;
}

/* The name: trimmed, valid text, 1-20 characters. */
static int
applicant_check_name(const char *in, struct applicant_clean *ac, char **why)
{
	size_t	 start, len;

	if (applicant_blank(in)) {
		why_set(why, "请填写姓名 the name is required");
		return QD_EINVAL;
	}
	start = strspn(in, " ");
	len = strlen(in + start);
	while (len > 0 && in[start + len - 1] == ' ')
		len--;
	ac->name = xstrndup(in + start, len);
	if (!text_valid(ac->name)) {
		why_set(why, "姓名不可用：%s the name is refused",
		    text_invalid_why(ac->name));
		return QD_EINVAL;
	}
	if (text_width(ac->name) > 40) {
		why_set(why, "姓名过长 the name is too long (at most 20"
		    " Chinese characters)");
		return QD_EINVAL;
	}
	ac->name_key = namekey(ac->name);
	if (*ac->name_key == '\0') {
		why_set(why, "请填写姓名 the name is required");
		return QD_EINVAL;
	}
	return QD_OK;
}

/* Sex as M or F; 男/女 and lower case taken too. */
static int
applicant_check_sex(const char *in, struct applicant_clean *ac, char **why)
{
	if (in != NULL && (strcmp(in, "M") == 0 || strcmp(in, "m") == 0 ||
	    strcmp(in, "男") == 0))
		strcpy(ac->sex, "M");
	else if (in != NULL && (strcmp(in, "F") == 0 || strcmp(in, "f") == 0 ||
	    strcmp(in, "女") == 0))
		strcpy(ac->sex, "F");
	else {
		why_set(why, "性别：请选择男或女 sex: choose M or F");
		return QD_EINVAL;
	}
	return QD_OK;
}

/* The identity numbers; optional ones may be blank. */
static int
applicant_check_ids(const struct qd_applicant_new *nf,
    struct applicant_clean *ac, char **why)
{
	char	*msg = NULL;

	if (idcheck_date(nf->birth_date != NULL ? nf->birth_date : "",
	    ac->birth, &msg) != QD_OK)
		return applicant_bad(why, "出生日期 Birth date", msg);
	if (idcheck_mtp(nf->mtp != NULL ? nf->mtp : "", ac->mtp, &ac->mtp_old,
	    &msg) != QD_OK)
		return applicant_bad(why, "台胞证号 MTP number", msg);
	if (ac->mtp_old)
		ac->mtp_raw = xstrdup(nf->mtp + strspn(nf->mtp, " "));
	if (!applicant_blank(nf->residence_no) &&
	    idcheck_residence(nf->residence_no, ac->birth, ac->residence,
	    &msg) != QD_OK)
		return applicant_bad(why, "居住证号 Residence permit", msg);
	if (!applicant_blank(nf->taiwan_id) &&
	    idcheck_taiwan_id(nf->taiwan_id, ac->taiwan_id, &msg) != QD_OK)
		return applicant_bad(why, "台湾身份证号 Taiwan ID", msg);
	return QD_OK;
}

/* Contact details; all optional. */
static int
applicant_check_contact(const struct qd_applicant_new *nf,
    struct applicant_clean *ac, char **why)
{
	char	*msg = NULL;

	if (!applicant_blank(nf->phone) && idcheck_phone(nf->phone, ac->phone,
	    sizeof ac->phone, &msg) != QD_OK)
		return applicant_bad(why, "电话 Phone", msg);
	if (!applicant_blank(nf->email) && idcheck_email(nf->email, ac->email,
	    sizeof ac->email, &msg) != QD_OK)
		return applicant_bad(why, "电子邮件 E-mail", msg);
	ac->address = xstrdup(nf->address != NULL ? nf->address : "");
	if (!text_valid(ac->address) || text_width(ac->address) > 200) {
		why_set(why, "地址无效或过长 the address is not valid or too"
		    " long (at most 100 Chinese characters)");
		return QD_EINVAL;
	}
	return QD_OK;
}

static int
applicant_check(const struct qd_applicant_new *nf, struct applicant_clean *ac,
    char **why)
{
	int	 rc;

	memset(ac, 0, sizeof *ac);
	if ((rc = applicant_check_name(nf->name, ac, why)) != QD_OK ||
	    (rc = applicant_check_sex(nf->sex, ac, why)) != QD_OK ||
	    (rc = applicant_check_ids(nf, ac, why)) != QD_OK ||
	    (rc = applicant_check_contact(nf, ac, why)) != QD_OK)
		return rc;
	return QD_OK;
}

/* Bind the checked fields as ?1..?13 (see the INSERT and UPDATE). */
static void
applicant_bind(sqlite3_stmt *st, const struct applicant_clean *ac,
    const struct qd_applicant_new *nf)
{
	sqlite3_bind_text(st, 1, ac->name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, ac->name_key, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, ac->sex, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, ac->birth, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, ac->mtp, -1, SQLITE_TRANSIENT);
	if (ac->mtp_raw != NULL)
		sqlite3_bind_text(st, 6, ac->mtp_raw, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 7, ac->mtp_old);
	if (ac->residence[0] != '\0')
		sqlite3_bind_text(st, 8, ac->residence, -1, SQLITE_TRANSIENT);
	if (ac->taiwan_id[0] != '\0')
		sqlite3_bind_text(st, 9, ac->taiwan_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 10, ac->phone, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 11, ac->email, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 12, ac->address, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 13, nf->in_taiwan != 0);
}

/* The person already holding one of ac's numbers, or 0. */
static int64_t
applicant_holder(sqlite3 *db, const struct applicant_clean *ac, int64_t self)
{
	sqlite3_stmt	*st;
	int64_t		 id = 0;

	if (db_prepare(db, "SELECT id FROM applicants WHERE id <> ?4 AND"
	    " (mtp = ?1 OR residence_no = ?2 OR taiwan_id = ?3) LIMIT 1",
	    &st) != QD_OK)
		return 0;
	sqlite3_bind_text(st, 1, ac->mtp, -1, SQLITE_TRANSIENT);
	if (ac->residence[0] != '\0')
		sqlite3_bind_text(st, 2, ac->residence, -1, SQLITE_TRANSIENT);
	if (ac->taiwan_id[0] != '\0')
		sqlite3_bind_text(st, 3, ac->taiwan_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 4, self);
	if (sqlite3_step(st) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return id;
}

int
applicant_add_tx(sqlite3 *db, const struct qd_user *actor,
    const struct qd_applicant_new *nf, int64_t *id, char **why)
{
	struct applicant_clean	 ac;
	sqlite3_stmt		*st = NULL;
	int			 rc;

	*id = 0;
	if (!role_has_office(actor->role)) {
		why_set(why, "仅办公室窗口或联络员可登记台胞 only an office's"
		    " clerk or liaison registers applicants");
		return QD_EDENIED;
	}
	if ((rc = applicant_check(nf, &ac, why)) != QD_OK)
		goto out;
	if ((*id = applicant_holder(db, &ac, 0)) != 0) {
		why_set(why, "此证件号已登记（台胞 %" PRId64 "） this number is"
		    " already registered (applicant %" PRId64 ")", *id, *id);
		rc = QD_ECONFLICT;
	} else if ((rc = db_prepare(db, "INSERT INTO applicants (name, name_key,"
	    " sex, birth_date, mtp, mtp_raw, mtp_old, residence_no, taiwan_id,"
	    " phone, email, address, in_taiwan, office_id) VALUES (?1, ?2, ?3,"
	    " ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)", &st)) == QD_OK) {
		applicant_bind(st, &ac, nf);
		sqlite3_bind_int64(st, 14, actor->office_id);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = db_fail(db, why);
		else
			*id = sqlite3_last_insert_rowid(db);
	} else
		rc = db_fail(db, why);
	sqlite3_finalize(st);
out:
	applicant_clean_free(&ac);
	return rc;
}

int
db_applicant_add(sqlite3 *db, const struct qd_user *actor,
    const struct qd_applicant_new *nf, int64_t *id, char **why)
{
	int	 rc;

	*id = 0;
	if (!role_has_office(actor->role))
		return applicant_add_tx(db, actor, nf, id, why);
	if (db_begin(db) != QD_OK)
		return db_fail(db, why);
	rc = applicant_add_tx(db, actor, nf, id, why);
	if (rc == QD_OK && db_commit(db) != QD_OK)
		rc = db_fail(db, why);
	if (rc != QD_OK)
		db_rollback(db);
	return rc;
}

int
db_applicant_update(sqlite3 *db, const struct qd_user *actor, int64_t id,
    int64_t version, const struct qd_applicant_new *nf, char **why)
{
	struct applicant_clean	 ac;
	sqlite3_stmt		*st = NULL;
	int64_t			 other;
	int			 rc;

	if (!role_has_office(actor->role)) {
		why_set(why, "仅办公室窗口或联络员可修改台胞信息 only an"
		    " office's clerk or liaison corrects applicants");
		return QD_EDENIED;
	}
	if ((rc = applicant_check(nf, &ac, why)) != QD_OK)
		goto out;
	if (db_begin(db) != QD_OK) {
		rc = db_fail(db, why);
		goto out;
	}
	if ((other = applicant_holder(db, &ac, id)) != 0) {
		why_set(why, "此证件号已属于台胞 %" PRId64 " this number belongs"
		    " to applicant %" PRId64, other, other);
		rc = QD_ECONFLICT;
	} else if ((rc = db_prepare(db, "UPDATE applicants SET name = ?1,"
	    " name_key = ?2, sex = ?3, birth_date = ?4, mtp = ?5, mtp_raw = ?6,"
	    " mtp_old = ?7, residence_no = ?8, taiwan_id = ?9, phone = ?10,"
	    " email = ?11, address = ?12, in_taiwan = ?13, version = version + 1,"
	    " updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
	    " WHERE id = ?14 AND version = ?15", &st)) == QD_OK) {
		applicant_bind(st, &ac, nf);
		sqlite3_bind_int64(st, 14, id);
		sqlite3_bind_int64(st, 15, version);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = db_fail(db, why);
		else if (sqlite3_changes(db) != 1) {
			why_set(why, "台胞信息已被他人修改，请重新打开 the"
			    " applicant was changed by someone else; open it"
			    " again");
			rc = QD_ECONFLICT;
		}
	} else
		rc = db_fail(db, why);
	sqlite3_finalize(st);
	if (rc == QD_OK && db_commit(db) != QD_OK)
		rc = db_fail(db, why);
	if (rc != QD_OK)
		db_rollback(db);
out:
	applicant_clean_free(&ac);
	return rc;
}

#define APPLICANT_FIELD(member, type) \
	RECORD_FIELD(struct qd_applicant, member, type)
static const struct record_field applicant_fields[] = {
	APPLICANT_FIELD(id, RECORD_INT64),
	APPLICANT_FIELD(name, RECORD_TEXT),
	APPLICANT_FIELD(sex, RECORD_TEXT),
	APPLICANT_FIELD(birth_date, RECORD_TEXT),
	APPLICANT_FIELD(mtp, RECORD_TEXT),
	APPLICANT_FIELD(mtp_raw, RECORD_TEXT),
	APPLICANT_FIELD(mtp_old, RECORD_BOOL),
	APPLICANT_FIELD(residence_no, RECORD_TEXT),
	APPLICANT_FIELD(taiwan_id, RECORD_TEXT),
	APPLICANT_FIELD(phone, RECORD_TEXT),
	APPLICANT_FIELD(email, RECORD_TEXT),
	APPLICANT_FIELD(address, RECORD_TEXT),
	APPLICANT_FIELD(in_taiwan, RECORD_BOOL),
	APPLICANT_FIELD(office_id, RECORD_INT64),
	APPLICANT_FIELD(office_name, RECORD_TEXT),
	APPLICANT_FIELD(created_at, RECORD_TEXT),
	APPLICANT_FIELD(version, RECORD_INT64),
};
const struct record_desc applicant_record = {
	applicant_fields, nitems(applicant_fields)
};

void
applicant_free(struct qd_applicant *a)
{
	record_free(&applicant_record, a);
}

/* The scope test of a person for an office-bound actor, as SQL. */
#define APPLICANT_SCOPE \
	" (?2 = 0 OR a.office_id = ?2 OR EXISTS (SELECT 1 FROM cases c" \
	" WHERE c.applicant_id = a.id AND c.office_id = ?2))"

static int64_t
applicant_scope(const struct qd_user *actor)
{
	return role_has_office(actor->role) ? actor->office_id : 0;
}

int
db_applicant_get(sqlite3 *db, const struct qd_user *actor, int64_t id,
    struct qd_applicant **out, char **why)
{
	sqlite3_stmt	*st;
	int		 step, rc = QD_OK;

	*out = NULL;
	if (db_prepare(db, "SELECT a.id AS id, a.name AS name, a.sex AS sex,"
	    " a.birth_date AS birth_date, a.mtp AS mtp, a.mtp_raw AS mtp_raw,"
	    " a.mtp_old AS mtp_old, a.residence_no AS residence_no,"
	    " a.taiwan_id AS taiwan_id, a.phone AS phone, a.email AS email,"
	    " a.address AS address, a.in_taiwan AS in_taiwan,"
	    " a.office_id AS office_id, o.name_zh AS office_name,"
	    " a.created_at AS created_at, a.version AS version"
	    " FROM applicants a JOIN offices o"
	    " ON o.id = a.office_id WHERE a.id = ?1 AND" APPLICANT_SCOPE,
	    &st) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, applicant_scope(actor));
	step = sqlite3_step(st);
	if (step == SQLITE_ROW) {
		*out = xcalloc(1, sizeof **out);
		record_read(&applicant_record, *out, st);
	} else if (step == SQLITE_DONE) {
		why_set(why, "找不到台胞 %" PRId64 " no applicant %" PRId64
		    " (or not of your office)", id, id);
		rc = QD_ENOTFOUND;
	} else
		rc = db_fail(db, why);
	sqlite3_finalize(st);
	if (rc != QD_OK)
		return rc;
	/* Reading a whole record of personal data is itself audited. */
	if (db_audit(db, "view", "applicants", id, "{\"fields\":\"all\"}") !=
	    QD_OK) {
		rc = db_fail(db, why);
		applicant_free(*out);
		*out = NULL;
	}
	return rc;
}

static void
applicant_row_clear(struct qd_applicant_row *r)
{
	free(r->name);
	free(r->name_key);
	free(r->sex);
	free(r->birth_date);
	free(r->mtp_masked);
	free(r->office_name);
	memset(r, 0, sizeof *r);
}

void
applicant_rows_free(struct qd_applicant_row *rows, size_t n)
{
	size_t	 i;

	if (rows == NULL)
		return;
	for (i = 0; i < n; i++)
		applicant_row_clear(&rows[i]);
	free(rows);
}

/* The columns of a person's row, with case counts for the actor's office
 * (?2, 0 for all). */
#define APPLICANT_ROW_COLUMNS \
	"a.id, a.name, a.sex, a.birth_date, a.mtp, o.name_zh," \
	" (SELECT count(*) FROM cases c WHERE c.applicant_id = a.id)," \
	" (SELECT count(*) FROM cases c WHERE c.applicant_id = a.id" \
	" AND (?2 = 0 OR c.office_id = ?2)), a.name_key" \
	" FROM applicants a JOIN offices o ON o.id = a.office_id"

static int
applicant_rows_read(sqlite3 *db, sqlite3_stmt *st,
    struct qd_applicant_row **out, size_t *n, char **why)
{
	struct qd_applicant_row	*r;
	char			*mtp;
	int			 step;

	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		*out = xreallocarray(*out, *n + 1, sizeof **out);
		r = &(*out)[(*n)++];
		r->id = sqlite3_column_int64(st, 0);
		r->name = db_column_strdup(st, 1);
		r->sex = db_column_strdup(st, 2);
		r->birth_date = db_column_strdup(st, 3);
		mtp = db_column_strdup(st, 4);
		r->mtp_masked = idcheck_mask(mtp);
		free(mtp);
		r->office_name = db_column_strdup(st, 5);
		r->ncases = sqlite3_column_int(st, 6);
		r->ncases_here = sqlite3_column_int(st, 7);
		r->name_key = db_column_strdup(st, 8);
	}
	if (step != SQLITE_DONE)
		return db_fail(db, why);
	return QD_OK;
}

int
db_applicant_duplicates(sqlite3 *db, const struct qd_user *actor,
    const char *name, const char *birth_date, const char *mtp,
    struct qd_applicant_row **out, size_t *n, char **why)
{
	sqlite3_stmt	*st;
	char		*key = NULL, *ignore = NULL, birth[11], num[9];
	int		 old, rc;

	*out = NULL;
	*n = 0;
	if (mtp == NULL || idcheck_mtp(mtp, num, &old, &ignore) != QD_OK)
		num[0] = '\0';
	xfree(&ignore);
	if (birth_date == NULL ||
	    idcheck_date(birth_date, birth, &ignore) != QD_OK)
		birth[0] = '\0';
	free(ignore);
	if (name != NULL && text_valid(name))
		key = namekey(name);
	if (db_prepare(db, "SELECT " APPLICANT_ROW_COLUMNS " WHERE a.mtp = ?1"
	    " UNION SELECT " APPLICANT_ROW_COLUMNS " WHERE a.name_key = ?3 AND"
	    " a.birth_date = ?4 ORDER BY 1 LIMIT 20", &st) != QD_OK) {
		free(key);
		return db_fail(db, why);
	}
	sqlite3_bind_text(st, 1, num, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, applicant_scope(actor));
	sqlite3_bind_text(st, 3, key != NULL ? key : "", -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, birth, -1, SQLITE_TRANSIENT);
	rc = applicant_rows_read(db, st, out, n, why);
	sqlite3_finalize(st);
	free(key);
	return rc;
}

int
db_applicant_find(sqlite3 *db, const struct qd_user *actor, const char *text,
    const char *cursor, int limit, struct qd_applicant_row **out, size_t *n,
    char **next, char **why)
{
	sqlite3_stmt	*st;
	char		*key, *bound, num[9], *ignore = NULL, ckey[256];
	long long	 cid = 0;
	int		 old, rc;

	*out = NULL;
	*n = 0;
	*next = NULL;
	ckey[0] = '\0';
	if (limit <= 0 || limit > 1000)
		limit = 100;
	if (text == NULL || !text_valid(text) || applicant_blank(text)) {
		why_set(why, "请输入姓名或台胞证号 type a name or an MTP"
		    " number");
		return QD_EINVAL;
	}
	if (cursor != NULL && sscanf(cursor, "%lld|%255[^\n]", &cid,
	    ckey) != 2) {
		why_set(why, "无效的翻页位置 bad page cursor");
		return QD_EINVAL;
	}
	if (idcheck_mtp(text, num, &old, &ignore) != QD_OK)
		num[0] = '\0';
	free(ignore);
	key = namekey(text);
	bound = xstrdup("");
	if (num[0] == '\0') {
		free(bound);
		xasprintf(&bound, "%s\xf4\x8f\xbf\xbf", key);
	}
	/*
	 * A number or a name, never both in one statement: the name's range
	 * is then read in index order and stops at the page, where an OR of
	 * the two would sort every 陈 in the province first.
	 */
	if (db_prepare(db, num[0] != '\0' ? "SELECT " APPLICANT_ROW_COLUMNS
	    " WHERE a.mtp = ?5 AND" APPLICANT_SCOPE
	    " AND (?4 = '' OR (a.name_key, a.id) > (?4, ?6))"
	    " ORDER BY a.name_key, a.id LIMIT ?7" : "SELECT "
	    APPLICANT_ROW_COLUMNS " WHERE a.name_key >= ?1 AND a.name_key < ?3"
	    " AND" APPLICANT_SCOPE " AND (?4 = '' OR (a.name_key, a.id) >"
	    " (?4, ?6)) ORDER BY a.name_key, a.id LIMIT ?7", &st) != QD_OK) {
		free(key);
		free(bound);
		return db_fail(db, why);
	}
	sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, applicant_scope(actor));
	sqlite3_bind_text(st, 3, bound, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, ckey, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, num, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 6, cid);
	sqlite3_bind_int(st, 7, limit + 1);
	rc = applicant_rows_read(db, st, out, n, why);
	sqlite3_finalize(st);
	if (rc == QD_OK && *n > (size_t)limit) {
		applicant_row_clear(&(*out)[--(*n)]);
		xasprintf(next, "%lld|%s", (long long)(*out)[*n - 1].id,
		    (*out)[*n - 1].name_key);
	}
	free(key);
	free(bound);
	if (rc != QD_OK) {
		applicant_rows_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	return rc;
}
