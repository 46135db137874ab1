/*
 * Employers and job postings (就业岗位招聘信息): the center's. A posting
 * starts as a draft, is published to the cities, and ends filled (its
 * last opening taken by a hire a city records) or closed; past its
 * closing day it is no longer matched.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "job/job.h"

/* The center's staff only; the message names the job. */
static int
job_post_center(const struct qd_user *actor, char **why)
{
	if (job_is_center(actor))
		return QD_OK;
	why_set(why, "仅中心可管理用人单位和岗位 only the center keeps employers"
	    " and postings");
	return QD_EDENIED;
}

/* 1 if s is valid text of at most max characters. */
static int
job_text_ok(const char *s, int max)
{
	const char	*p;
	int		 n = 0;

	if (s == NULL)
		return 1;
	if (!text_valid(s))
		return 0;
	for (p = s; *p != '\0'; p += text_char_len(p))
		n++;
	return n <= max;
}

int
db_job_employer_add(sqlite3 *db, const struct qd_user *actor,
    const char *name, const char *city, int taiwan_funded,
    const char *contact, int64_t *id, char **why)
{
	sqlite3_stmt	*st;
	int64_t		 office;
	int		 rc, step;

	*id = 0;
	if ((rc = job_post_center(actor, why)) != QD_OK)
		return rc;
	if (name == NULL || *name == '\0' || !job_text_ok(name, 60) ||
	    !job_text_ok(contact, 80)) {
		why_set(why, "单位名称 1 到 60 字，联系方式最多 80 字 the name takes"
		    " 1 to 60 characters, the contact at most 80");
		return QD_EINVAL;
	}
	if ((rc = job_city_find(db, city, &office, why)) != QD_OK)
		return rc;
	if (db_prepare(db, "INSERT INTO job_employers (name, office_id,"
	    " taiwan_funded, contact) VALUES (?1, ?2, ?3, ?4)", &st) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_text(st, 1, name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, office);
	sqlite3_bind_int(st, 3, taiwan_funded != 0);
	sqlite3_bind_text(st, 4, contact != NULL ? contact : "", -1,
	    SQLITE_TRANSIENT);
	step = sqlite3_step(st);
	if (step == SQLITE_DONE)
		*id = sqlite3_last_insert_rowid(db);
	else if (sqlite3_extended_errcode(db) == SQLITE_CONSTRAINT_UNIQUE) {
		why_set(why, "已有用人单位“%s” there is an employer \"%s\""
		    " already", name, name);
		rc = QD_ECONFLICT;
	} else
		rc = db_fail(db, why);
	sqlite3_finalize(st);
	return rc;
}

/* The employer named text ("#ID" or its name) and its city. */
static int
job_employer_find(sqlite3 *db, const char *text, int64_t *id, int64_t *office,
    char **why)
{
	sqlite3_stmt	*st;
	int		 step, rc = QD_OK;

	if (text == NULL || *text == '\0') {
		why_set(why, "请填写用人单位 give the employer");
		return QD_EINVAL;
	}
	if (db_prepare(db, "SELECT id, office_id FROM job_employers"
	    " WHERE name = ?1 OR '#' || id = ?1", &st) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_text(st, 1, text, -1, SQLITE_TRANSIENT);
	if ((step = sqlite3_step(st)) == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		*office = sqlite3_column_int64(st, 1);
	} else if (step == SQLITE_DONE) {
		why_set(why, "未知用人单位“%s”：先用 job employer add 登记 unknown"
		    " employer \"%s\": add it with `job employer add`", text,
		    text);
		rc = QD_EINVAL;
	} else
		rc = db_fail(db, why);
	sqlite3_finalize(st);
	return rc;
}

/* The checks of a posting's numbers. */
static int
job_post_check(const struct job_post_new *np, char **why)
{
	if (np->min_level < 0 || np->min_level > 5) {
		why_set(why, "最低等级为 1 到 5（1 最高），0 为不限 the minimum"
		    " level is 1 to 5 (1 the highest), 0 for any");
		return QD_EINVAL;
	}
	if (np->openings < 1 || np->openings > 10000) {
		why_set(why, "招聘人数为 1 到 10000 openings are 1 to 10000");
		return QD_EINVAL;
	}
	if (np->pay_min < 0 || np->pay_max > 1000000 ||
	    np->pay_max < np->pay_min) {
		why_set(why, "月薪范围无效（最低不高于最高） bad pay range: the"
		    " lowest may not pass the highest");
		return QD_EINVAL;
	}
	if (!job_text_ok(np->contact, 80)) {
		why_set(why, "联系方式最多 80 字 the contact takes at most 80"
		    " characters");
		return QD_EINVAL;
	}
	return QD_OK;
}

int
db_job_post_add(sqlite3 *db, const struct qd_user *actor,
    const struct job_post_new *np, int64_t *id, char **why)
{
	sqlite3_stmt	*st;
	int64_t		 employer = 0, office = 0, occ = 0;
	char		 day[11];
	int		 rc;

	*id = 0;
	if ((rc = job_post_center(actor, why)) != QD_OK ||
	    (rc = job_post_check(np, why)) != QD_OK ||
	    (rc = job_employer_find(db, np->employer, &employer, &office,
	    why)) != QD_OK ||
	    (rc = job_occupation_find(db, np->occupation, &occ, why)) != QD_OK)
		return rc;
	if (np->closes_on == NULL || *np->closes_on == '\0') {
		why_set(why, "请填写截止日期 give the closing day");
		return QD_EINVAL;
	}
	if ((rc = idcheck_plan_day(np->closes_on, day, why)) != QD_OK)
		return rc;
	if (db_prepare(db, "INSERT INTO job_postings (employer_id, office_id,"
	    " occupation_id, min_level, openings, pay_min, pay_max, closes_on,"
	    " contact, created_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9,"
	    " ?10)", &st) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int64(st, 1, employer);
	sqlite3_bind_int64(st, 2, office);
	sqlite3_bind_int64(st, 3, occ);
	if (np->min_level > 0)
		sqlite3_bind_int(st, 4, np->min_level);
	sqlite3_bind_int64(st, 5, np->openings);
	sqlite3_bind_int64(st, 6, np->pay_min);
	sqlite3_bind_int64(st, 7, np->pay_max);
	sqlite3_bind_text(st, 8, day, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 9, np->contact != NULL ? np->contact : "", -1,
	    SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 10, actor->login, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_DONE)
		*id = sqlite3_last_insert_rowid(db);
	else
		rc = db_fail(db, why);
	sqlite3_finalize(st);
	return rc;
}

int
db_job_post_step(sqlite3 *db, const struct qd_user *actor, int64_t id,
    const char *action, char **why)
{
	int	 rc;

	if ((rc = job_post_center(actor, why)) != QD_OK)
		return rc;
	return job_step(db, actor, "job_posting", id, action, 0, NULL, why);
}

int
db_job_post_list(sqlite3 *db, const struct qd_user *actor, int limit,
    struct db_rows *rows, char **why)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (db_prepare(db, "SELECT p.id, e.name, o.name_zh,"
	    " CASE e.taiwan_funded WHEN 1 THEN '台资' ELSE '' END, oc.code,"
	    " oc.name, coalesce(substr(l.name_zh, 1, 2), '不限'), p.openings,"
	    " p.pay_min || '-' || p.pay_max, p.closes_on,"
	    " CASE WHEN p.state = 'published'"
	    " AND p.closes_on < date('now', 'localtime') THEN '过期 Expired'"
	    " ELSE s.name_zh || ' ' || s.name_en END, p.state, p.contact"
	    " FROM job_postings p JOIN job_employers e ON e.id = p.employer_id"
	    " JOIN offices o ON o.id = p.office_id"
	    " JOIN occupations oc ON oc.id = p.occupation_id"
	    " LEFT JOIN levels l ON l.level = p.min_level"
	    " JOIN job_posting_states s ON s.state = p.state"
	    " WHERE (?1 OR p.state <> 'draft') ORDER BY p.id DESC LIMIT ?2",
	    &st) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int(st, 1, !role_has_office(actor->role));
	sqlite3_bind_int(st, 2, limit > 0 ? limit : 100);
	rc = db_rows_read(db, st, JOB_POST_NCOLS, rows, why);
	sqlite3_finalize(st);
	return rc;
}
