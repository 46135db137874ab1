/*
 * What a clerk types for an occupation or a city, resolved against the
 * catalog and the offices, or refused with a message that names what was
 * typed and where the valid ones are: never matched to nothing.
 */
#include <stdlib.h>
#include <string.h>

#include "job/job.h"

int
job_is_office(const struct qd_user *actor)
{
	return actor->role == ROLE_CLERK || actor->role == ROLE_LIAISON;
}

int
job_is_center(const struct qd_user *actor)
{
	return actor->role == ROLE_CENTER || actor->role == ROLE_ADMIN;
}

/* One id from a query with ?1 the text; QD_ENOTFOUND when no row. */
static int
job_lookup(sqlite3 *db, const char *sql, const char *text, int64_t *id,
    char **why)
{
	sqlite3_stmt	*st;
	int		 step, rc = QD_ENOTFOUND;

	if (db_prepare(db, sql, &st) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_text(st, 1, text, -1, SQLITE_TRANSIENT);
	if ((step = sqlite3_step(st)) == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		rc = QD_OK;
	} else if (step != SQLITE_DONE)
		rc = db_fail(db, why);
	sqlite3_finalize(st);
	return rc;
}

int
job_occupation_find(sqlite3 *db, const char *text, int64_t *id, char **why)
{
	int	 rc;

	if (text == NULL || *text == '\0' || !text_valid(text)) {
		why_set(why, "请填写职业代码 give an occupation code");
		return QD_EINVAL;
	}
	rc = job_lookup(db, "SELECT id FROM occupations WHERE active = 1"
	    " AND (code = ?1 OR name = ?1) ORDER BY code = ?1 DESC LIMIT 1",
	    text, id, why);
	if (rc == QD_ENOTFOUND) {
		why_set(why, "未知职业“%s”：可用 qualdesk occupation list 查看目录"
		    "中的职业代码 unknown occupation \"%s\": `qualdesk occupation"
		    " list` shows the codes of the catalog", text, text);
		rc = QD_EINVAL;
	}
	return rc;
}

/* The office codes, "fuzhou, xiamen, ..." (caller frees). */
static char *
job_city_codes(sqlite3 *db)
{
	struct qd_office	*o = NULL;
	size_t			 n = 0, i;
	char			*s = xstrdup(""), *t;

	if (db_office_list(db, &o, &n) != QD_OK)
		return s;
	for (i = 0; i < n; i++) {
		xasprintf(&t, "%s%s%s", s, i > 0 ? ", " : "", o[i].code);
		free(s);
		s = t;
	}
	office_free_array(o, n);
	return s;
}

int
job_city_find(sqlite3 *db, const char *text, int64_t *id, char **why)
{
	char	*codes;
	int	 rc;

	if (text == NULL || *text == '\0' || !text_valid(text)) {
		why_set(why, "请填写城市 give a city");
		return QD_EINVAL;
	}
	rc = job_lookup(db, "SELECT id FROM offices WHERE code = lower(?1)"
	    " OR name_zh = ?1 OR name_zh = ?1 || '市'"
	    " OR name_zh = ?1 || '综合实验区' OR lower(name_en) = lower(?1)",
	    text, id, why);
	if (rc == QD_ENOTFOUND) {
		codes = job_city_codes(db);
		why_set(why, "未知城市“%s”，可用的城市代码 unknown city \"%s\";"
		    " the cities are: %s", text, text, codes);
		free(codes);
		rc = QD_EINVAL;
	}
	return rc;
}

/* The workflows whose transitions a screen may offer, by name. */
static const struct {
	const char	*name;
	const char	*sql;
} job_workflows[] = {
	{ "job_need", "SELECT 0, t.action, t.name_zh || ' ' || t.name_en"
	  " FROM job_needs r JOIN job_need_transitions t"
	  " ON t.from_state = r.state WHERE r.id = ?1 AND t.role = ?2"
	  " AND t.action NOT IN ('place') ORDER BY t.action" },
	{ "job_posting", "SELECT 0, t.action, t.name_zh || ' ' || t.name_en"
	  " FROM job_postings r JOIN job_posting_transitions t"
	  " ON t.from_state = r.state WHERE r.id = ?1 AND t.role = ?2"
	  " AND t.action NOT IN ('fill') ORDER BY t.action" },
	{ "job_match", "SELECT 0, t.action, t.name_zh || ' ' || t.name_en"
	  " FROM job_matches r JOIN job_match_transitions t"
	  " ON t.from_state = r.state JOIN job_match_states s"
	  " ON s.state = t.to_state WHERE r.id = ?1 AND t.role = ?2"
	  " ORDER BY s.ord" },
	{ "job_plan", "SELECT 0, t.action, t.name_zh || ' ' || t.name_en"
	  " FROM job_plans r JOIN job_plan_transitions t"
	  " ON t.from_state = r.state WHERE r.id = ?1 AND t.role = ?2"
	  " ORDER BY t.action" },
};

int
job_actions(sqlite3 *db, const struct qd_user *actor, const char *workflow,
    int64_t id, struct db_rows *rows, char **why)
{
	sqlite3_stmt	*st;
	size_t		 i;
	int		 rc;

	for (i = 0; i < nitems(job_workflows); i++) {
		if (strcmp(job_workflows[i].name, workflow) == 0)
			break;
	}
	if (i == nitems(job_workflows)) {
		why_set(why, "no workflow %s", workflow);
		return QD_EINVAL;
	}
	if (db_prepare(db, job_workflows[i].sql, &st) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, role_name(actor->role == ROLE_ADMIN ?
	    ROLE_CENTER : actor->role), -1, SQLITE_STATIC);
	rc = db_rows_read(db, st, 2, rows, why);
	sqlite3_finalize(st);
	return rc;
}
