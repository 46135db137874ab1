/*
 * Results: the examining body's result per seated person, imported from
 * its CSV all or nothing (db_import), in UTF-8 or GB18030. A pass is
 * kept with room for the certificate the body issues (exam_passes), the
 * record a training-subsidy claim rests on. The cities read their
 * notices (published, cancelled, results) in their inbox.
 */
#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "exam/exam.h"
#include "exam/exam-db.h"
#include "cert/cert.h"

static const struct csv_column exam_result_columns[] = {
	{ "ticket", "准考证号", 1 },
	{ "outcome", "结果", 1 },
	{ "score", "成绩", 0 },
};

static const struct {
	const char	*word;
	const char	*outcome;
} exam_result_words[] = {
	{ "pass", "pass" }, { "合格", "pass" }, { "通过", "pass" },
	{ "fail", "fail" }, { "不合格", "fail" }, { "未通过", "fail" },
	{ "absent", "absent" }, { "缺考", "absent" },
};

/* What an import keeps between rows. */
struct exam_import {
	const struct qd_user	*actor;
	int			 count;
	char			*warnings;
};

/* The registration a ticket number ("ZK-2026-000123") or id names. */
static int64_t
exam_result_ticket(const char *s)
{
	enum cert_series	 series;
	uint32_t		 seq;
	int			 year;
	char			*end;
	long long		 v;

	if (cert_number_parse(s, &series, &year, &seq) == QD_OK)
		return series == CERT_SERIES_TICKET ? (int64_t)seq : -1;
	v = strtoll(s, &end, 10);
	if (*s == '\0' || *end != '\0' || v < 1)
		return -1;
	return v;
}

static int
exam_result_values(char **cells, int64_t *reg, const char **outcome,
    double *score, int *has_score, char **why)
{
	size_t	 i;
	char	*end;

	if ((*reg = exam_result_ticket(cells[0])) < 0) {
		why_set(why, "准考证号「%s」无效 not a ticket number: %s",
		    cells[0], cells[0]);
		return QD_EINVAL;
	}
	*outcome = NULL;
	for (i = 0; i < nitems(exam_result_words); i++) {
		if (strcmp(cells[1], exam_result_words[i].word) == 0)
			*outcome = exam_result_words[i].outcome;
	}
	if (*outcome == NULL) {
		why_set(why, "结果应为 合格/不合格/缺考 (pass/fail/absent)，不是"
		    "「%s」 the outcome is pass, fail or absent", cells[1]);
		return QD_EINVAL;
	}
	*has_score = cells[2] != NULL && *cells[2] != '\0';
	if (*has_score) {
		*score = strtod(cells[2], &end);
		if (*end != '\0' || !isfinite(*score) || *score < 0 ||
		    *score > 100) {
			why_set(why, "成绩应为0至100的数「%s」 the score is a"
			    " number from 0 to 100", cells[2]);
			return QD_EINVAL;
		}
		if (strcmp(*outcome, "absent") == 0) {
			why_set(why, "缺考者没有成绩 an absent person has no"
			    " score");
			return QD_EINVAL;
		}
	}
	return QD_OK;
}

/* Move plan id to results once every seated person has one. */
static int
exam_result_complete(sqlite3 *db, int64_t plan_id, char **why)
{
	sqlite3_stmt	*st;

	if (db_prepare(db, "UPDATE exam_plans SET state = 'results',"
	    " action = 'record', updated_at = " EXAM_NOW ","
	    " version = version + 1 WHERE id = ?1 AND state = 'held'"
	    " AND NOT EXISTS (SELECT 1 FROM exam_registrations r"
	    " WHERE r.plan_id = ?1 AND r.status = 'seated' AND NOT EXISTS"
	    " (SELECT 1 FROM exam_results x WHERE x.registration_id = r.id))",
	    &st) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int64(st, 1, plan_id);
	return exam_step_done(db, st, why);
}

static int
exam_result_row(sqlite3 *db, void *arg, size_t line, char **cells,
    char **why)
{
	struct exam_import	*im = arg;
	sqlite3_stmt		*st;
	const char		*outcome;
	char			*w;
	double			 score = 0;
	int64_t			 reg, plan_id = 0;
	int			 has_score, trainer = 0, rc;

	if ((rc = exam_result_values(cells, &reg, &outcome, &score,
	    &has_score, why)) != QD_OK)
		return rc;
	if (db_prepare(db, "SELECT r.plan_id, EXISTS (SELECT 1 FROM"
	    " training_links t WHERE t.applicant_id = r.applicant_id"
	    " AND t.occupation_id = p.occupation_id AND t.trainer_user = ?2)"
	    " FROM exam_registrations r JOIN exam_plans p ON p.id = r.plan_id"
	    " WHERE r.id = ?1 AND r.status = 'seated'", &st) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int64(st, 1, reg);
	sqlite3_bind_int64(st, 2, im->actor->id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		plan_id = sqlite3_column_int64(st, 0);
		trainer = sqlite3_column_int(st, 1);
	}
	sqlite3_finalize(st);
	if (plan_id == 0) {
		why_set(why, "准考证 %s 没有在座的报名 ticket %s holds no seat",
		    cells[0], cells[0]);
		return QD_EINVAL;
	}
	if (db_prepare(db, "INSERT INTO exam_results (registration_id,"
	    " plan_id, applicant_id, office_id, outcome, score, recorded_by)"
	    " SELECT id, plan_id, applicant_id, office_id, ?2, ?3, qd_actor()"
	    " FROM exam_registrations WHERE id = ?1", &st) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int64(st, 1, reg);
	sqlite3_bind_text(st, 2, outcome, -1, SQLITE_STATIC);
	if (has_score)
		sqlite3_bind_double(st, 3, score);
	if ((rc = exam_step_done(db, st, why)) == QD_ECONFLICT)
		why_set(why, "准考证 %s 已有成绩 ticket %s has a result already",
		    cells[0], cells[0]);
	if (rc != QD_OK)
		return rc;
	if (trainer) {
		xasprintf(&w, "%s第%zu行 line %zu: 注意：您曾培训此人（考培分离）"
		    " warning: you trained this person\n",
		    im->warnings != NULL ? im->warnings : "", line, line);
		free(im->warnings);
		im->warnings = w;
	}
	im->count++;
	return exam_result_complete(db, plan_id, why);
}

int
db_exam_result_import(sqlite3 *db, const struct qd_user *actor,
    const char *data, size_t len, enum csv_charset charset, int *count,
    char **warnings, char **why)
{
	struct exam_import	 im = { actor, 0, NULL };
	int			 rc;

	*count = 0;
	*warnings = NULL;
	if (!user_may(actor, "exam-result record")) {
		why_set(why, "仅中心可录入成绩 only the center records results");
		return QD_EDENIED;
	}
	rc = db_import(db, data, len, charset, exam_result_columns,
	    nitems(exam_result_columns), exam_result_row, &im, why);
	if (rc == QD_OK) {
		*count = im.count;
		*warnings = im.warnings;
	} else
		free(im.warnings);
	return rc;
}

void
exam_passes_free(struct qd_exam_pass *list, size_t n)
{
	size_t	 i;

	if (list == NULL)
		return;
	for (i = 0; i < n; i++) {
		free(list[i].name);
		free(list[i].office_name);
		free(list[i].kind);
		free(list[i].occupation);
		free(list[i].passed_on);
		free(list[i].cert_no);
		free(list[i].cert_issued_on);
	}
	free(list);
}

int
db_exam_pass_list(sqlite3 *db, const struct qd_user *actor, int64_t plan_id,
    struct qd_exam_pass **out, size_t *n, char **why)
{
	struct qd_exam_pass	*p;
	sqlite3_stmt		*st;
	int			 step;

	*out = NULL;
	*n = 0;
	if (db_prepare(db, "SELECT x.id, x.registration_id, x.applicant_id,"
	    " a.name, o.name_zh, x.plan_id, x.kind, oc.name, x.level,"
	    " x.passed_on, x.cert_no, x.cert_issued_on, x.version"
	    " FROM exam_passes x JOIN applicants a ON a.id = x.applicant_id"
	    " JOIN offices o ON o.id = x.office_id"
	    " JOIN occupations oc ON oc.id = x.occupation_id"
	    " WHERE (?1 = 0 OR x.plan_id = ?1) AND (?2 = 0 OR x.office_id = ?2)"
	    " ORDER BY x.id DESC LIMIT 1000", &st) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int64(st, 1, plan_id);
	sqlite3_bind_int64(st, 2, exam_scoped(actor) ? actor->office_id : 0);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		*out = xreallocarray(*out, *n + 1, sizeof **out);
		p = &(*out)[(*n)++];
		p->id = sqlite3_column_int64(st, 0);
		p->registration_id = sqlite3_column_int64(st, 1);
		p->applicant_id = sqlite3_column_int64(st, 2);
		p->name = db_column_strdup(st, 3);
		p->office_name = db_column_strdup(st, 4);
		p->plan_id = sqlite3_column_int64(st, 5);
		p->kind = db_column_strdup(st, 6);
		p->occupation = db_column_strdup(st, 7);
		p->level = sqlite3_column_int(st, 8);
		p->passed_on = db_column_strdup(st, 9);
		p->cert_no = db_column_strdup(st, 10);
		p->cert_issued_on = db_column_strdup(st, 11);
		p->version = sqlite3_column_int64(st, 12);
	}
	sqlite3_finalize(st);
	if (step != SQLITE_DONE) {
		exam_passes_free(*out, *n);
		*out = NULL;
		*n = 0;
		return db_fail(db, why);
	}
	return QD_OK;
}

int
db_exam_pass_cert(sqlite3 *db, const struct qd_user *actor, int64_t pass_id,
    const char *cert_no, const char *issued_on, char **why)
{
	sqlite3_stmt	*st;
	char		 day[11];
	int		 rc;

	if (!user_may(actor, "exam-result record")) {
		why_set(why, "仅中心可录入证书 only the center enters the"
		    " certificate");
		return QD_EDENIED;
	}
	if (exam_text_check(cert_no, 40, "证书编号", "the certificate number",
	    1, why) != QD_OK)
		return QD_EINVAL;
	if (idcheck_date(issued_on, day, why) != QD_OK)
		return QD_EINVAL;
	if (db_begin(db) != QD_OK)
		return db_fail(db, why);
	if (db_prepare(db, "UPDATE exam_passes SET cert_no = ?2,"
	    " cert_issued_on = ?3, cert_recorded_by = qd_actor(),"
	    " cert_recorded_at = " EXAM_NOW ", version = version + 1"
	    " WHERE id = ?1", &st) != QD_OK)
		return exam_tx_end(db, db_fail(db, why), why);
	sqlite3_bind_int64(st, 1, pass_id);
	sqlite3_bind_text(st, 2, cert_no, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, day, -1, SQLITE_STATIC);
	rc = exam_step_done(db, st, why);
	if (rc == QD_OK && sqlite3_changes(db) == 0) {
		why_set(why, "没有合格记录 %" PRId64 " no pass %" PRId64,
		    pass_id, pass_id);
		rc = QD_ENOTFOUND;
	}
	return exam_tx_end(db, rc, why);
}

void
exam_notices_free(struct qd_exam_notice *list, size_t n)
{
	size_t	 i;

	if (list == NULL)
		return;
	for (i = 0; i < n; i++) {
		free(list[i].office_name);
		free(list[i].kind);
		free(list[i].text);
		free(list[i].created_at);
		free(list[i].read_at);
	}
	free(list);
}

int
db_exam_notice_list(sqlite3 *db, const struct qd_user *actor,
    int unread_only, struct qd_exam_notice **out, size_t *n, char **why)
{
	struct qd_exam_notice	*x;
	sqlite3_stmt		*st;
	int			 step;

	*out = NULL;
	*n = 0;
	if (db_prepare(db, "SELECT e.id, e.plan_id, o.name_zh, e.kind,"
	    " e.text, e.created_at, e.read_at FROM exam_notices e"
	    " JOIN offices o ON o.id = e.office_id"
	    " WHERE (?1 = 0 OR e.office_id = ?1)"
	    " AND (?2 = 0 OR e.read_at IS NULL) ORDER BY e.id DESC LIMIT 500",
	    &st) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int64(st, 1, exam_scoped(actor) ? actor->office_id : 0);
	sqlite3_bind_int(st, 2, unread_only != 0);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		*out = xreallocarray(*out, *n + 1, sizeof **out);
		x = &(*out)[(*n)++];
		x->id = sqlite3_column_int64(st, 0);
		x->plan_id = sqlite3_column_int64(st, 1);
		x->office_name = db_column_strdup(st, 2);
		x->kind = db_column_strdup(st, 3);
		x->text = db_column_strdup(st, 4);
		x->created_at = db_column_strdup(st, 5);
		x->read_at = db_column_strdup(st, 6);
	}
	sqlite3_finalize(st);
	if (step != SQLITE_DONE) {
		exam_notices_free(*out, *n);
		*out = NULL;
		*n = 0;
		return db_fail(db, why);
	}
	return QD_OK;
}

int
db_exam_notice_read(sqlite3 *db, const struct qd_user *actor, int64_t id,
    char **why)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (!exam_scoped(actor)) {
		why_set(why, "由收件办公室标记已读 the receiving office marks"
		    " it read");
		return QD_EDENIED;
	}
	if (db_begin(db) != QD_OK)
		return db_fail(db, why);
	if (db_prepare(db, "UPDATE exam_notices SET read_at = " EXAM_NOW ","
	    " read_by = qd_actor() WHERE id = ?1 AND office_id = ?2"
	    " AND read_at IS NULL", &st) != QD_OK)
		return exam_tx_end(db, db_fail(db, why), why);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, actor->office_id);
	rc = exam_step_done(db, st, why);
	if (rc == QD_OK && sqlite3_changes(db) == 0) {
		why_set(why, "本办公室没有未读通知 %" PRId64 " no unread notice %"
		    PRId64 " for your office", id, id);
		rc = QD_ENOTFOUND;
	}
	return exam_tx_end(db, rc, why);
}
