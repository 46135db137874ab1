/*
 * Load the demo's documents and answer base (demo-answers.c) into an
 * empty base, as the system's "(demo)".
 */
#include <stdlib.h>
#include <string.h>

#include "policy/policy.h"

/* Run sql with up to five texts bound (NULL binds NULL). */
static int
policy_demo_exec(sqlite3 *db, const char *sql, const char *t1,
    const char *t2, const char *t3, const char *t4, const char *t5,
    char **why)
{
	const char	*t[5] = { t1, t2, t3, t4, t5 };
	sqlite3_stmt	*st;
	int		 i, rc = QD_OK;

	if (db_prepare(db, sql, &st) != QD_OK)
		return db_fail(db, why);
	for (i = 0; i < 5; i++) {
		if (t[i] != NULL)
			sqlite3_bind_text(st, i + 1, t[i], -1, SQLITE_STATIC);
	}
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = db_fail(db, why);
	sqlite3_finalize(st);
	return rc;
}

int
policy_demo(sqlite3 *db, char **why)
{
	const struct policy_demo_answer	*a;
	const struct policy_demo_doc	*d;
	size_t				 i;
	long long			 n;
	int				 rc = QD_OK;

	if ((n = demo_count(db, "SELECT count(*) FROM policy_answers")) != 0)
		return n < 0 ? db_fail(db, why) : QD_OK;
	if (db_set_system_actor(db, "(demo)", "demo setup") != QD_OK ||
	    db_begin(db) != QD_OK)
		return db_fail(db, why);
	for (i = 0; rc == QD_OK && i < policy_demo_ndocs; i++) {
		d = &policy_demo_docs[i];
		rc = policy_demo_exec(db, "INSERT OR IGNORE INTO policy_docs"
		    " (doc_no, title, issued_on) VALUES (?1, ?2, ?3)",
		    d->doc_no, d->title, d->issued_on, NULL, NULL, why);
	}
	for (i = 0; rc == QD_OK && i < policy_demo_ndocs; i++) {
		d = &policy_demo_docs[i];
		if (d->replaced_by == NULL)
			continue;
		rc = policy_demo_exec(db, "UPDATE policy_docs SET replaced_by ="
		    " (SELECT id FROM policy_docs WHERE doc_no = ?2),"
		    " replaced_on = (SELECT issued_on FROM policy_docs"
		    " WHERE doc_no = ?2), version = version + 1"
		    " WHERE doc_no = ?1 AND replaced_on IS NULL", d->doc_no,
		    d->replaced_by, NULL, NULL, NULL, why);
	}
	for (i = 0; rc == QD_OK && i < policy_demo_nanswers; i++) {
		a = &policy_demo_answers[i];
		rc = policy_demo_exec(db, "INSERT INTO policy_answers (title,"
		    " body, tags, doc_id, valid_until, created_by) SELECT ?1, ?2,"
		    " ?3, id, ?5, '(demo)' FROM policy_docs WHERE doc_no = ?4",
		    a->title, a->body, a->tags, a->doc_no, a->valid_until != NULL ?
		    a->valid_until : POLICY_DEMO_VALID, why);
	}
	if (rc == QD_OK && db_commit(db) != QD_OK)
		rc = db_fail(db, why);
	if (rc != QD_OK)
		db_rollback(db);
	return rc;
}
