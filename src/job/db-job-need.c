/*
 * Job needs (就业需求): recorded at a city for one of its applicants, with
 * the occupations wanted (and the person's level in each, from their
 * certificates and approved cases), the cities, the pay and the day they
 * can start; reported to the center, which matches them.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "job/job.h"

/* Most occupations or cities one need names. */
#define JOB_NEED_LIST_MAX	8

/* Separators of a list a clerk types: ASCII and full-width. */
static const char *const job_separators[] = { ",", ";", " ", "\xef\xbc\x8c",
	"\xef\xbc\x9b", "\xe3\x80\x81", "\xe3\x80\x80" };

/* The length of the separator at s, or 0. */
static size_t
job_separator(const char *s)
{
	size_t	 i, n;

	for (i = 0; i < nitems(job_separators); i++) {
		n = strlen(job_separators[i]);
		if (strncmp(s, job_separators[i], n) == 0)
			return n;
	}
	return 0;
}

int
job_split(const char *text, char ***out, size_t *n)
{
	const char	*p = text, *start;
	size_t		 sep;

	*out = NULL;
	*n = 0;
	while (p != NULL && *p != '\0') {
		while ((sep = job_separator(p)) > 0)
			p += sep;
		if (*p == '\0')
			break;
		start = p;
		while (*p != '\0' && job_separator(p) == 0)
			p += text_char_len(p);
		if (*n == JOB_NEED_LIST_MAX)
			return QD_EINVAL;
		*out = xreallocarray(*out, *n + 1, sizeof **out);
		(*out)[(*n)++] = xstrndup(start, (size_t)(p - start));
	}
	return QD_OK;
}

void
job_split_free(char **v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* Resolve each word of text with find into ids (no repeats). */
static int
job_resolve(sqlite3 *db, const char *text, const char *what,
    int (*find)(sqlite3 *, const char *, int64_t *, char **),
    int64_t *ids, size_t *n, char **why)
{
	char	**words;
	size_t	  nwords, i, j;
	int64_t	  id;
	int	  rc = QD_OK;

	*n = 0;
	if (text == NULL || !text_valid(text) ||
	    job_split(text, &words, &nwords) != QD_OK) {
		why_set(why, "%s：最多 %d 个 %s: at most %d", what,
		    JOB_NEED_LIST_MAX, strchr(what, ' ') + 1,
		    JOB_NEED_LIST_MAX);
		return QD_EINVAL;
	}
	if (nwords == 0) {
		why_set(why, "请填写%s give the %s", what,
		    strchr(what, ' ') + 1);
		rc = QD_EINVAL;
	}
	for (i = 0; rc == QD_OK && i < nwords; i++) {
		if ((rc = find(db, words[i], &id, why)) != QD_OK)
			break;
		for (j = 0; j < *n && ids[j] != id; j++)
			;
		if (j == *n)
			ids[(*n)++] = id;
	}
	job_split_free(words, nwords);
	return rc;
}

/* The person's best level in occupation occ and its source, if any. */
static int
job_need_level(sqlite3 *db, int64_t applicant, int64_t occ, int *level,
    char **source, char **why)
{
	sqlite3_stmt	*st;
	int		 step;

	*level = 0;
	*source = NULL;
	if (db_prepare(db, "SELECT level, source FROM ("
	    " SELECT ct.level AS level, '证书 ' || ct.number AS source"
	    " FROM certificates ct JOIN cases c ON c.id = ct.case_id"
	    " JOIN occupations o ON o.name = ct.occupation"
	    " WHERE c.applicant_id = ?1 AND o.id = ?2 AND ct.revoked_at IS NULL"
	    " UNION ALL SELECT c.decided_level, '案件 ' || c.id FROM cases c"
	    " WHERE c.applicant_id = ?1 AND c.decided_occupation_id = ?2"
	    " AND c.state IN ('approved', 'notified', 'collected'))"
	    " ORDER BY level, source LIMIT 1", &st) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int64(st, 1, applicant);
	sqlite3_bind_int64(st, 2, occ);
	if ((step = sqlite3_step(st)) == SQLITE_ROW) {
		*level = sqlite3_column_int(st, 0);
		*source = db_column_strdup(st, 1);
	}
	sqlite3_finalize(st);
	if (step != SQLITE_ROW && step != SQLITE_DONE)
		return db_fail(db, why);
	return QD_OK;
}

/* 1 if the office of actor may read applicant (as the case module). */
static int
job_need_applicant_ok(sqlite3 *db, const struct qd_user *actor, int64_t id)
{
	sqlite3_stmt	*st;
	int		 ok = 0;

	if (db_prepare(db, "SELECT 1 FROM applicants a WHERE a.id = ?1"
	    " AND (a.office_id = ?2 OR EXISTS (SELECT 1 FROM cases c"
	    " WHERE c.applicant_id = a.id AND c.office_id = ?2))", &st) !=
	    QD_OK)
		return 0;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, actor->office_id);
	ok = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return ok;
}

/* Insert the need's occupations with levels, and its cities. */
static int
job_need_parts(sqlite3 *db, int64_t need, int64_t applicant,
    const int64_t *occ, size_t nocc, const int64_t *city, size_t ncity,
    char **why)
{
	sqlite3_stmt	*st;
	char		*source;
	size_t		 i;
	int		 level, rc = QD_OK;

	for (i = 0; rc == QD_OK && i < nocc; i++) {
		if ((rc = job_need_level(db, applicant, occ[i], &level,
		    &source, why)) != QD_OK)
			break;
		if (db_prepare(db, "INSERT INTO job_need_occupations (need_id,"
		    " occupation_id, level, source) VALUES (?1, ?2, ?3, ?4)",
		    &st) != QD_OK) {
			free(source);
			return db_fail(db, why);
		}
		sqlite3_bind_int64(st, 1, need);
		sqlite3_bind_int64(st, 2, occ[i]);
		if (level > 0)
			sqlite3_bind_int(st, 3, level);
		sqlite3_bind_text(st, 4, source != NULL ? source : "", -1,
		    SQLITE_TRANSIENT);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = db_fail(db, why);
		sqlite3_finalize(st);
		free(source);
	}
	for (i = 0; rc == QD_OK && i < ncity; i++) {
		if (db_prepare(db, "INSERT INTO job_need_cities (need_id,"
		    " office_id) VALUES (?1, ?2)", &st) != QD_OK)
			return db_fail(db, why);
		sqlite3_bind_int64(st, 1, need);
		sqlite3_bind_int64(st, 2, city[i]);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = db_fail(db, why);
		sqlite3_finalize(st);
	}
	return rc;
}

/* Check what a need says before anything is written. */
static int
job_need_check(sqlite3 *db, const struct qd_user *actor,
    const struct job_need_new *nn, int64_t *occ, size_t *nocc, int64_t *city,
    size_t *ncity, char day[11], char **why)
{
	int	 rc;

	if (!user_may(actor, "job-need write")) {
		why_set(why, "仅办公室窗口或联络员可登记就业需求 only an office's"
		    " clerk or liaison records job needs");
		return QD_EDENIED;
	}
	if (!job_need_applicant_ok(db, actor, nn->applicant_id)) {
		why_set(why, "找不到台胞 %" PRId64 " no applicant %" PRId64
		    " (or not of your office)", nn->applicant_id,
		    nn->applicant_id);
		return QD_ENOTFOUND;
	}
	if ((rc = job_resolve(db, nn->occupations, "职业 occupations",
	    job_occupation_find, occ, nocc, why)) != QD_OK ||
	    (rc = job_resolve(db, nn->cities, "城市 cities", job_city_find,
	    city, ncity, why)) != QD_OK)
		return rc;
	if (nn->pay_min < 0 || nn->pay_min > 1000000) {
		why_set(why, "期望月薪须在 0 到 1000000 元之间 expected pay is 0"
		    " to 1000000 yuan a month");
		return QD_EINVAL;
	}
	if (nn->note != NULL && (!text_valid(nn->note) ||
	    strlen(nn->note) > 600)) {
		why_set(why, "备注最多 200 字 the note takes at most 200"
		    " characters, no control characters");
		return QD_EINVAL;
	}
	return idcheck_plan_day(nn->available_from, day, why);
}

int
db_job_need_add(sqlite3 *db, const struct qd_user *actor,
    const struct job_need_new *nn, int64_t *id, char **why)
{
	sqlite3_stmt	*st = NULL;
	int64_t		 occ[JOB_NEED_LIST_MAX], city[JOB_NEED_LIST_MAX];
	size_t		 nocc, ncity;
	char		 day[11];
	int		 rc;

	*id = 0;
	if ((rc = job_need_check(db, actor, nn, occ, &nocc, city, &ncity, day,
	    why)) != QD_OK)
		return rc;
	if (db_begin(db) != QD_OK)
		return db_fail(db, why);
	if (db_prepare(db, "INSERT INTO job_needs (applicant_id, office_id,"
	    " pay_min, available_from, note, created_by) VALUES (?1, ?2, ?3,"
	    " ?4, ?5, ?6)", &st) != QD_OK) {
		rc = db_fail(db, why);
		goto out;
	}
	sqlite3_bind_int64(st, 1, nn->applicant_id);
	sqlite3_bind_int64(st, 2, actor->office_id);
	sqlite3_bind_int64(st, 3, nn->pay_min);
	sqlite3_bind_text(st, 4, day, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, nn->note != NULL ? nn->note : "", -1,
	    SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 6, actor->login, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) != SQLITE_DONE) {
		rc = db_fail(db, why);
		goto out;
	}
	*id = sqlite3_last_insert_rowid(db);
	if ((rc = job_need_parts(db, *id, nn->applicant_id, occ, nocc, city,
	    ncity, why)) == QD_OK && db_commit(db) != QD_OK)
		rc = db_fail(db, why);
out:
	sqlite3_finalize(st);
	if (rc != QD_OK) {
		db_rollback(db);
		*id = 0;
	}
	return rc;
}

int
db_job_need_step(sqlite3 *db, const struct qd_user *actor, int64_t id,
    const char *action, int64_t version, char **why)
{
	return job_step(db, actor, "job_need", id, action, version, NULL, why);
}

int
db_job_need_list(sqlite3 *db, const struct qd_user *actor, const char *state,
    int limit, struct db_rows *rows, char **why)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (db_prepare(db, "SELECT n.id, a.name, o.name_zh,"
	    " (SELECT group_concat(oc.code || ' ' || oc.name || ' '"
	    " || coalesce(substr(l.name_zh, 1, 2) || '(' || no.source || ')',"
	    " '无等级'), '；') FROM job_need_occupations no"
	    " JOIN occupations oc ON oc.id = no.occupation_id"
	    " LEFT JOIN levels l ON l.level = no.level"
	    " WHERE no.need_id = n.id),"
	    " (SELECT group_concat(c.name_zh, '、') FROM job_need_cities nc"
	    " JOIN offices c ON c.id = nc.office_id WHERE nc.need_id = n.id),"
	    " n.pay_min, n.available_from, s.name_zh || ' ' || s.name_en,"
	    " n.state, n.version FROM job_needs n"
	    " JOIN applicants a ON a.id = n.applicant_id"
	    " JOIN offices o ON o.id = n.office_id"
	    " JOIN job_need_states s ON s.state = n.state"
	    " WHERE (?1 = 0 OR n.office_id = ?1) AND (?2 IS NULL OR"
	    " n.state = ?2) ORDER BY n.id DESC LIMIT ?3", &st) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int64(st, 1, role_has_office(actor->role) ?
	    actor->office_id : 0);
	if (state != NULL)
		sqlite3_bind_text(st, 2, state, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 3, limit > 0 ? limit : 100);
	rc = db_rows_read(db, st, JOB_NEED_NCOLS, rows, why);
	sqlite3_finalize(st);
	return rc;
}
