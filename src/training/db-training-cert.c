/*
 * Training completion certificates (培训结业证书): series PX, numbered per
 * year without gaps, signed with the center's key in the same payload as
 * the other certificates (its text slot carries the course and hours), so
 * `cert verify` and the verify screen check them too. Issuing one drafts
 * its subsidy claim in the same transaction (006-subsidy.sql).
 */
#include <stdlib.h>
#include <string.h>

#include "training/training.h"
#include "cert/cert.h"

#define TRAINING_CERT_TITLE	"培训结业证书"
#define TRAINING_CERT_ISSUER \
	"福建省（平潭）台胞职业资格考证认证一体化服务中心"

const struct cmd_column training_cert_columns[] = {
	{ "number", "NUMBER", CMD_STRING, 0, 0 },
	{ "class", "CLASS", CMD_NUMBER, 0, 0 },
	{ "office", "OFFICE", CMD_STRING, 0, 0 },
	{ "name", "NAME", CMD_STRING, 0, 12 },
	{ "course", "COURSE", CMD_STRING, 0, 30 },
	{ "occupation", "OCCUPATION", CMD_STRING, 0, 12 },
	{ "level", "LEVEL", CMD_NUMBER, 0, 0 },
	{ "issued_on", "ISSUED", CMD_STRING, 0, 0 },
	{ "qr_text", "QR", CMD_STRING, CMD_NOTEXT, 0 },
};
const size_t training_cert_ncolumns = nitems(training_cert_columns);

/* One completed enrolment waiting for its certificate. */
struct tcert_source {
	int64_t		 enrolment, applicant, office, class_id, occupation;
	int		 level, hours;
	char		*name, *sex, *birth, *mtp, *course, *occ_name;
};

static void
tcert_source_clear(struct tcert_source *s)
{
	free(s->name);
	free(s->sex);
	free(s->birth);
	free(s->mtp);
	free(s->course);
	free(s->occ_name);
	memset(s, 0, sizeof *s);
}

/* The next serial of year inside the transaction. */
static int
tcert_next_seq(sqlite3 *db, int year, uint32_t *seq, char **why)
{
	sqlite3_stmt	*st;

	if (db_prepare(db, "SELECT coalesce((SELECT last FROM"
	    " training_cert_counters WHERE year = ?1), 0) + 1", &st) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int(st, 1, year);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return db_fail(db, why);
	}
	*seq = (uint32_t)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return QD_OK;
}

/* Sign and insert the certificate of s dated day. */
static int
tcert_issue_one(sqlite3 *db, const struct qd_user *actor,
    const struct tcert_source *s, const char *day,
    const uint8_t priv[CERT_KEY_BYTES], const uint8_t pub[CERT_KEY_BYTES],
    char **why)
{
	struct cert_fields	 f;
	sqlite3_stmt		*st = NULL;
	char			*text = NULL, *number = NULL;
	int			 rc;

	memset(&f, 0, sizeof f);
	f.series = CERT_SERIES_TRAINING;
	f.year = atoi(day);
	snprintf(f.issued_on, sizeof f.issued_on, "%s", day);
	snprintf(f.mtp, sizeof f.mtp, "%s", s->mtp);
	f.level = s->level;
	f.name = s->name;
	f.tw_qual = s->course;
	f.occupation = s->occ_name;
	if ((rc = tcert_next_seq(db, f.year, &f.seq, why)) != QD_OK ||
	    (rc = cert_encode(&f, priv, pub, &text, why)) != QD_OK)
		goto out;
	number = cert_number(f.series, f.year, f.seq);
	if (db_prepare(db, "INSERT INTO training_certificates (number, year,"
	    " seq, enrolment_id, applicant_id, office_id, class_id,"
	    " occupation_id, kid, name, sex, birth_date, mtp, course,"
	    " occupation, level, hours, issued_on, qr_text, issued_by) VALUES"
	    " (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,"
	    " ?15, ?16, ?17, ?18, ?19, ?20)", &st) != QD_OK) {
		rc = db_fail(db, why);
		goto out;
	}
	sqlite3_bind_text(st, 1, number, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, f.year);
	sqlite3_bind_int64(st, 3, f.seq);
	sqlite3_bind_int64(st, 4, s->enrolment);
	sqlite3_bind_int64(st, 5, s->applicant);
	sqlite3_bind_int64(st, 6, s->office);
	sqlite3_bind_int64(st, 7, s->class_id);
	sqlite3_bind_int64(st, 8, s->occupation);
	sqlite3_bind_int(st, 9, (int)cert_key_id(pub));
	sqlite3_bind_text(st, 10, s->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 11, s->sex, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 12, s->birth, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 13, s->mtp, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 14, s->course, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 15, s->occ_name, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 16, s->level);
	sqlite3_bind_int(st, 17, s->hours);
	sqlite3_bind_text(st, 18, day, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 19, text, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 20, actor->login, -1, SQLITE_STATIC);
	rc = sqlite3_step(st) == SQLITE_DONE ? QD_OK : db_fail(db, why);
out:
	sqlite3_finalize(st);
	free(text);
	free(number);
	return rc;
}

/* The course as the payload carries it: the title cut to fit, and hours. */
static char *
tcert_course(const char *title, int hours)
{
	char	*s;

	xasprintf(&s, "%.*s %d学时", (int)text_fit(title, 64), title, hours);
	return s;
}

int
db_training_cert_issue(sqlite3 *db, const struct qd_user *actor,
    int64_t class_id, const char *day, int *n, char **why)
{
	struct tcert_source	 s;
	sqlite3_stmt		*st = NULL;
	uint8_t			 priv[CERT_KEY_BYTES], pub[CERT_KEY_BYTES];
	char			 today[11];
	int			 rc = QD_OK;

	*n = 0;
	memset(&s, 0, sizeof s);
	if (!user_may(actor, "training-class certify")) {
		why_set(why, "结业证书由中心签发 the center issues completion"
		    " certificates");
		return QD_EDENIED;
	}
	if (day == NULL) {
		idcheck_today(today);
		day = today;
	}
	if (db_begin(db) != QD_OK)
		return training_fail(db, why);
	if ((rc = db_cert_key_current(db, priv, pub, why)) != QD_OK)
		goto fail;
	if (db_prepare(db, "SELECT e.id, e.applicant_id, e.office_id, c.id,"
	    " c.occupation_id, c.level, coalesce(e.hours, c.hours), a.name,"
	    " a.sex, a.birth_date, a.mtp, c.title, o.name FROM"
	    " training_enrolments e JOIN training_classes c ON c.id ="
	    " e.class_id JOIN applicants a ON a.id = e.applicant_id JOIN"
	    " occupations o ON o.id = c.occupation_id WHERE c.id = ?1 AND"
	    " c.state = 'finished' AND e.completed = 1 AND NOT EXISTS (SELECT"
	    " 1 FROM training_certificates t WHERE t.enrolment_id = e.id)"
	    " ORDER BY e.id", &st) != QD_OK) {
		rc = db_fail(db, why);
		goto fail;
	}
	sqlite3_bind_int64(st, 1, class_id);
	while (rc == QD_OK && sqlite3_step(st) == SQLITE_ROW) {
		s.enrolment = sqlite3_column_int64(st, 0);
		s.applicant = sqlite3_column_int64(st, 1);
		s.office = sqlite3_column_int64(st, 2);
		s.class_id = sqlite3_column_int64(st, 3);
		s.occupation = sqlite3_column_int64(st, 4);
		s.level = sqlite3_column_int(st, 5);
		s.hours = sqlite3_column_int(st, 6);
		if (s.hours < 1)
			s.hours = 1;
		s.name = db_column_strdup(st, 7);
		s.sex = db_column_strdup(st, 8);
		s.birth = db_column_strdup(st, 9);
		s.mtp = db_column_strdup(st, 10);
		s.course = tcert_course((const char *)sqlite3_column_text(st,
		    11), s.hours);
		s.occ_name = db_column_strdup(st, 12);
		if ((rc = tcert_issue_one(db, actor, &s, day, priv, pub,
		    why)) == QD_OK)
			(*n)++;
		tcert_source_clear(&s);
	}
	sqlite3_finalize(st);
	st = NULL;
	if (rc != QD_OK)
		goto fail;
	if (*n == 0) {
		why_set(why, "班级 %lld 未结业或没有待发证的结业学员 class %lld"
		    " is not finished or has no one completed without a"
		    " certificate", (long long)class_id, (long long)class_id);
		rc = QD_ENOTFOUND;
		goto fail;
	}
	explicit_bzero(priv, sizeof priv);
	if (db_commit(db) != QD_OK)
		return training_fail(db, why);
	return QD_OK;
fail:
	explicit_bzero(priv, sizeof priv);
	sqlite3_finalize(st);
	db_rollback(db);
	*n = 0;
	return rc == QD_EDB ? QD_EDENIED : rc;
}

int
training_cert_on_record(sqlite3 *db, const struct cert_fields *f,
    char **why)
{
	sqlite3_stmt	*st;
	char		*number;
	int		 step, rc;

	number = cert_number(f->series, f->year, f->seq);
	if (db_prepare(db, "SELECT name = ?2 AND mtp = ?3 AND level = ?4 AND"
	    " course = ?5 AND occupation = ?6 AND issued_on = ?7 FROM"
	    " training_certificates WHERE number = ?1", &st) != QD_OK) {
		free(number);
		return db_fail(db, why);
	}
	sqlite3_bind_text(st, 1, number, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, f->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, f->mtp, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 4, f->level);
	sqlite3_bind_text(st, 5, f->tw_qual, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, f->occupation, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, f->issued_on, -1, SQLITE_STATIC);
	step = sqlite3_step(st);
	if (step == SQLITE_ROW && sqlite3_column_int(st, 0) == 1)
		rc = QD_OK;
	else if (step == SQLITE_ROW) {
		why_set(why, "签名有效，但与本库记录 %s 不符 the signature holds"
		    " but does not match the record of %s", number, number);
		rc = QD_ENOTFOUND;
	} else if (step == SQLITE_DONE) {
		why_set(why, "签名有效，但本库无此证书 %s the signature holds"
		    " but this database has no certificate %s", number, number);
		rc = QD_ENOTFOUND;
	} else
		rc = db_fail(db, why);
	sqlite3_finalize(st);
	free(number);
	return rc;
}

int
db_training_cert_list(sqlite3 *db, const struct qd_user *actor,
    int64_t class_id, struct cmd_rows *rows, char **why)
{
	return training_rows(db, "SELECT t.number, t.class_id, o.code,"
	    " t.name, t.course, t.occupation, t.level, t.issued_on, t.qr_text"
	    " FROM training_certificates t JOIN offices o ON o.id ="
	    " t.office_id WHERE (?1 = 0 OR t.class_id = ?1) AND (?2 = 0 OR"
	    " t.office_id = ?2) ORDER BY t.id LIMIT 1000", rows, why, "ii",
	    class_id, training_scope(actor));
}

int
db_training_cert_pdf(sqlite3 *db, const struct qd_user *actor,
    char **numbers, size_t n, FILE *f, char **why)
{
	static const struct cmd_column cols[12];
	struct cmd_rows		 rows = { cols, 12, NULL, 0 };
	struct cert_print	*p;
	size_t			 i;
	int			 rc = QD_OK;

	for (i = 0; i < n && rc == QD_OK; i++) {
		size_t	 before = rows.n;

		rc = training_rows(db, "SELECT t.number, t.name, CASE t.sex"
		    " WHEN 'F' THEN '女' ELSE '男' END, t.birth_date, t.mtp,"
		    " t.course, t.occupation, l.name_zh, t.issued_on, t.qr_text,"
		    " t.hours, t.office_id FROM training_certificates t JOIN"
		    " levels l ON l.level = t.level WHERE t.number = ?1 AND"
		    " (?2 = 0 OR t.office_id = ?2)", &rows, why, "ti",
		    numbers[i], training_scope(actor));
		if (rc == QD_OK && rows.n == before) {
			why_set(why, "找不到结业证书 %s no completion certificate"
			    " %s (or it belongs to another office)", numbers[i],
			    numbers[i]);
			rc = QD_ENOTFOUND;
		}
	}
	if (rc != QD_OK || n == 0) {
		cmd_rows_free(&rows);
		if (rc == QD_OK) {
			why_set(why, "请给出证书编号 give certificate numbers");
			rc = QD_EINVAL;
		}
		return rc;
	}
	p = xcalloc(rows.n, sizeof *p);
	for (i = 0; i < rows.n; i++) {
		char	**c = rows.cells + i * 12;

		p[i].title = TRAINING_CERT_TITLE;
		p[i].number = c[0];
		p[i].name = c[1];
		p[i].sex = c[2];
		p[i].birth_date = c[3];
		p[i].mtp = c[4];
		p[i].tw_qual = c[5];
		p[i].occupation = c[6];
		p[i].level_name = c[7];
		p[i].issuer = TRAINING_CERT_ISSUER;
		p[i].issued_on = c[8];
		p[i].qr_text = c[9];
		p[i].tw_qual_label = "培训项目及学时";
		p[i].statement = "经培训考核合格，准予结业。持证人完成以下职业"
		    "（工种）及等级的培训：";
	}
	rc = cert_pdf_file(p, rows.n, f, why);
	free(p);
	cmd_rows_free(&rows);
	return rc;
}
