/*
 * Policy documents (政策文件): the 文号, title and date the answers rest
 * on, the province's (the center's) or one city's. Replacing one puts its
 * answers up for review.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "policy/policy.h"

/* 1 if s is valid text of 1 to max characters. */
int
policy_text_ok(const char *s, int max)
{
	const char	*p;
	int		 n = 0;

	if (s == NULL || *s == '\0' || !text_valid(s))
		return 0;
	for (p = s; *p != '\0'; p += text_char_len(p))
		n++;
	return n <= max;
}

/* The office a write of actor's is scoped to (0: the province's). */
static int
policy_doc_scope(const struct qd_user *actor, int local, int64_t *office,
    char **why)
{
	*office = 0;
	if (!user_may(actor, "policy-doc write")) {
		why_set(why, "审计只能查看 the auditor reads, never changes");
		return QD_EDENIED;
	}
	if (local != role_has_office(actor->role)) {
		why_set(why, local ? "仅各地窗口或联络员发布本地政策 only a city's"
		    " clerk or liaison publishes local policy" :
		    "全省政策由中心发布；各地请用 --local only the center publishes"
		    " for the province; an office adds --local");
		return QD_EDENIED;
	}
	if (local)
		*office = actor->office_id;
	return QD_OK;
}

int
db_policy_doc_add(sqlite3 *db, const struct qd_user *actor,
    const char *doc_no, const char *title, const char *issued_on, int local,
    int64_t *id, char **why)
{
	sqlite3_stmt	*st;
	int64_t		 office;
	char		 day[11];
	int		 rc;

	*id = 0;
	if ((rc = policy_doc_scope(actor, local, &office, why)) != QD_OK)
		return rc;
	if (!policy_text_ok(doc_no, 60) || !policy_text_ok(title, 120)) {
		why_set(why, "文号 1 到 60 字，标题 1 到 120 字 the number takes 1"
		    " to 60 characters, the title 1 to 120");
		return QD_EINVAL;
	}
	if ((rc = idcheck_plan_day(issued_on, day, why)) != QD_OK)
		return rc;
	if (db_prepare(db, "INSERT INTO policy_docs (doc_no, title, issued_on,"
	    " office_id) VALUES (?1, ?2, ?3, ?4)", &st) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_text(st, 1, doc_no, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, title, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, day, -1, SQLITE_TRANSIENT);
	if (office != 0)
		sqlite3_bind_int64(st, 4, office);
	if (sqlite3_step(st) == SQLITE_DONE)
		*id = sqlite3_last_insert_rowid(db);
	else if (sqlite3_extended_errcode(db) == SQLITE_CONSTRAINT_UNIQUE) {
		why_set(why, "文号“%s”已登记 document \"%s\" is on record"
		    " already", doc_no, doc_no);
		rc = QD_ECONFLICT;
	} else
		rc = db_fail(db, why);
	sqlite3_finalize(st);
	return rc;
}

int
policy_doc_find(sqlite3 *db, const struct qd_user *actor, const char *doc_no,
    int64_t *id, int64_t *office, char **why)
{
	sqlite3_stmt	*st;
	int		 step, rc = QD_OK;

	if (doc_no == NULL || *doc_no == '\0') {
		why_set(why, "请填写政策文号 give the document's number (文号)");
		return QD_EINVAL;
	}
	if (db_prepare(db, "SELECT id, coalesce(office_id, 0) FROM policy_docs"
	    " WHERE doc_no = ?1 AND (office_id IS NULL OR ?2 = 0"
	    " OR office_id = ?2)", &st) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_text(st, 1, doc_no, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, role_has_office(actor->role) ?
	    actor->office_id : 0);
	if ((step = sqlite3_step(st)) == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		*office = sqlite3_column_int64(st, 1);
	} else if (step == SQLITE_DONE) {
		why_set(why, "未知政策文号“%s”：可用 policy doc list 查看，或用"
		    " policy doc add 登记 unknown document \"%s\": `policy doc"
		    " list` shows them, `policy doc add` adds one",
		    text_valid(doc_no) ? doc_no : "?",
		    text_valid(doc_no) ? doc_no : "?");
		rc = QD_EINVAL;
	} else
		rc = db_fail(db, why);
	sqlite3_finalize(st);
	return rc;
}

int
db_policy_doc_replace(sqlite3 *db, const struct qd_user *actor,
    const char *doc_no, const char *day, const char *by_no, char **why)
{
	sqlite3_stmt	*st;
	int64_t		 id, office, by = 0, by_office;
	char		 on[11];
	int		 rc;

	if (!user_may(actor, "policy-doc write")) {
		why_set(why, "审计只能查看 the auditor reads, never changes");
		return QD_EDENIED;
	}
	if ((rc = policy_doc_find(db, actor, doc_no, &id, &office, why)) !=
	    QD_OK || (rc = idcheck_plan_day(day, on, why)) != QD_OK)
		return rc;
	if (by_no != NULL && *by_no != '\0' && (rc = policy_doc_find(db, actor,
	    by_no, &by, &by_office, why)) != QD_OK)
		return rc;
	if (db_prepare(db, "UPDATE policy_docs SET replaced_on = ?2,"
	    " replaced_by = ?3, version = version + 1 WHERE id = ?1", &st) !=
	    QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, on, -1, SQLITE_TRANSIENT);
	if (by != 0)
		sqlite3_bind_int64(st, 3, by);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = db_fail(db, why);
	sqlite3_finalize(st);
	return rc;
}

int
db_policy_doc_list(sqlite3 *db, const struct qd_user *actor,
    struct db_rows *rows, char **why)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (db_prepare(db, "SELECT d.id, d.doc_no, d.title, d.issued_on,"
	    " coalesce(o.name_zh, '全省'), coalesce(d.replaced_on, ''),"
	    " (SELECT count(*) FROM policy_answers a WHERE a.doc_id = d.id)"
	    " FROM policy_docs d LEFT JOIN offices o ON o.id = d.office_id"
	    " WHERE d.office_id IS NULL OR ?1 = 0 OR d.office_id = ?1"
	    " ORDER BY d.issued_on DESC, d.id DESC", &st) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int64(st, 1, role_has_office(actor->role) ?
	    actor->office_id : 0);
	rc = db_rows_read(db, st, POLICY_DOC_NCOLS, rows, why);
	sqlite3_finalize(st);
	return rc;
}
