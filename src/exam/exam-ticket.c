/*
 * Admission tickets (准考证): one A4 page per seated registration through
 * the certificates' PDF machinery, with a QR code signed by the center's
 * key as certificates are, in their payload's ticket series (ZK), so an
 * examiner checks it offline with the same verifier (`cert verify`).
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "exam/exam.h"
#include "exam/exam-db.h"
#include "cert/cert.h"

#define EXAM_TICKET_TITLE	"台胞职业资格定制式考试准考证"
#define EXAM_TICKET_ISSUER	"福建省（平潭）台胞职业资格考证认证一体化服务中心"

/* What a ticket shows, read in one statement. */
struct exam_ticket {
	char	*name, *sex, *birth_date, *mtp, *occupation, *level_name;
	char	*kind, *exam_on, *start_time, *mode, *city, *venue, *body;
	int64_t	 plan_id;
	int	 level, seat_no;
};

static void
exam_ticket_clear(struct exam_ticket *t)
{
	free(t->name);
	free(t->sex);
	free(t->birth_date);
	free(t->mtp);
	free(t->occupation);
	free(t->level_name);
	free(t->kind);
	free(t->exam_on);
	free(t->start_time);
	free(t->mode);
	free(t->city);
	free(t->venue);
	free(t->body);
}

char *
exam_ticket_number(int year, int64_t id)
{
	return cert_number(CERT_SERIES_TICKET, year, (uint32_t)id);
}

static int
exam_ticket_read(sqlite3 *db, const struct qd_user *actor, int64_t id,
    struct exam_ticket *t, char **why)
{
	sqlite3_stmt	*st;
	int		 i = 0, step, rc = QD_OK;

	memset(t, 0, sizeof *t);
	if (db_prepare(db, "SELECT a.name, a.sex, a.birth_date, a.mtp, oc.name,"
	    " l.name_zh, p.kind, p.exam_on, p.start_time, s.mode,"
	    " coalesce(o.name_zh, ''), s.venue, coalesce(g.name, p.body_name),"
	    " p.id, p.level, r.seat_no FROM exam_registrations r"
	    " JOIN applicants a ON a.id = r.applicant_id"
	    " JOIN exam_plans p ON p.id = r.plan_id"
	    " JOIN occupations oc ON oc.id = p.occupation_id"
	    " JOIN levels l ON l.level = p.level"
	    " JOIN exam_sittings s ON s.id = r.sitting_id"
	    " LEFT JOIN offices o ON o.id = s.office_id"
	    " LEFT JOIN agencies g ON g.id = p.agency_id"
	    " WHERE r.id = ?1 AND r.status = 'seated'"
	    " AND p.state NOT IN ('draft', 'cancelled')"
	    " AND (?2 = 0 OR r.office_id = ?2)", &st) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, exam_scoped(actor) ? actor->office_id : 0);
	if ((step = sqlite3_step(st)) == SQLITE_ROW) {
		t->name = db_column_strdup(st, i++);
		t->sex = db_column_strdup(st, i++);
		t->birth_date = db_column_strdup(st, i++);
		t->mtp = db_column_strdup(st, i++);
		t->occupation = db_column_strdup(st, i++);
		t->level_name = db_column_strdup(st, i++);
		t->kind = db_column_strdup(st, i++);
		t->exam_on = db_column_strdup(st, i++);
		t->start_time = db_column_strdup(st, i++);
		t->mode = db_column_strdup(st, i++);
		t->city = db_column_strdup(st, i++);
		t->venue = db_column_strdup(st, i++);
		t->body = db_column_strdup(st, i++);
		t->plan_id = sqlite3_column_int64(st, i++);
		t->level = sqlite3_column_int(st, i++);
		t->seat_no = sqlite3_column_int(st, i++);
	} else if (step == SQLITE_DONE) {
		why_set(why, "报名 %" PRId64 " 没有座位，不能打印准考证"
		    " registration %" PRId64 " holds no seat: no ticket", id, id);
		rc = QD_ENOTFOUND;
	} else
		rc = db_fail(db, why);
	sqlite3_finalize(st);
	return rc;
}

/* The signed QR text of the ticket. */
static int
exam_ticket_code(sqlite3 *db, int64_t id, const struct exam_ticket *t,
    char **text, char **why)
{
	struct cert_fields	 f;
	int			 rc;

	memset(&f, 0, sizeof f);
	f.series = CERT_SERIES_TICKET;
	f.year = atoi(t->exam_on);
	f.seq = (uint32_t)id;
	snprintf(f.issued_on, sizeof f.issued_on, "%s", t->exam_on);
	snprintf(f.mtp, sizeof f.mtp, "%s", t->mtp);
	f.level = t->level;
	f.name = t->name;
	xasprintf(&f.tw_qual, "计划%" PRId64 " 座位%d %s%s", t->plan_id,
	    t->seat_no, t->city, t->venue);
	f.occupation = t->occupation;
	if (strlen(f.tw_qual) > 120)
		f.tw_qual[text_fit(f.tw_qual, 60)] = '\0';
	rc = db_cert_sign(db, &f, text, why);
	free(f.tw_qual);
	return rc;
}

int
exam_ticket_pdf(sqlite3 *db, const struct qd_user *actor, int64_t id,
    FILE *out, char **why)
{
	struct exam_ticket	 t;
	struct cert_print	 p;
	struct cert_print_row	 rows[8];
	char			*number = NULL, *code = NULL, *mtp = NULL;
	char			*exam = NULL, *when = NULL, *where = NULL;
	char			*plan = NULL, seat[16], today[11];
	int			 rc;

	if (id < 1 || id > 16777215) {
		why_set(why, "没有报名 %" PRId64 " no registration %" PRId64,
		    id, id);
		return QD_ENOTFOUND;
	}
	if ((rc = exam_ticket_read(db, actor, id, &t, why)) != QD_OK)
		return rc;
	if ((rc = exam_ticket_code(db, id, &t, &code, why)) != QD_OK)
		goto out;
	number = exam_ticket_number(atoi(t.exam_on), id);
	mtp = idcheck_mask(t.mtp);
	xasprintf(&exam, "%s %s（%s）", t.occupation, t.level_name,
	    exam_kind_label(t.kind));
	xasprintf(&when, "%s %s", t.exam_on, t.start_time);
	xasprintf(&where, "%s %s%s", exam_mode_label(t.mode), t.city, t.venue);
	xasprintf(&plan, "%" PRId64, t.plan_id);
	snprintf(seat, sizeof seat, "%d", t.seat_no);
	idcheck_today(today);
	rows[0] = (struct cert_print_row){ "姓名", t.name };
	rows[1] = (struct cert_print_row){ "台湾居民往来大陆通行证号码", mtp };
	rows[2] = (struct cert_print_row){ "考试", exam };
	rows[3] = (struct cert_print_row){ "考试计划", plan };
	rows[4] = (struct cert_print_row){ "考试时间", when };
	rows[5] = (struct cert_print_row){ "考场", where };
	rows[6] = (struct cert_print_row){ "座位号", seat };
	rows[7] = (struct cert_print_row){ "考评机构", t.body };
	memset(&p, 0, sizeof p);
	p.title = EXAM_TICKET_TITLE;
	p.number = number;
	p.name = t.name;
	p.sex = t.sex;
	p.birth_date = t.birth_date;
	p.mtp = mtp;
	p.tw_qual = "";
	p.occupation = t.occupation;
	p.level_name = t.level_name;
	p.issuer = EXAM_TICKET_ISSUER;
	p.issued_on = today;
	p.qr_text = code;
	p.rows = rows;
	p.nrows = nitems(rows);
	rc = cert_pdf_file(&p, 1, out, why);
out:
	free(number);
	free(code);
	free(mtp);
	free(exam);
	free(when);
	free(where);
	free(plan);
	exam_ticket_clear(&t);
	return rc;
}
