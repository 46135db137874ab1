/*
 * A user's terminal settings (013-terminal.sql): the charset their
 * terminal shows, whatever the client's LANG says, and whether the
 * full-screen UI asks for a compressed link.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "qualdesk.h"

/* The charsets a user may choose, as the schema's CHECK names them. */
static const char *const db_terminal_charsets[] = {
	"UTF-8", "GB18030", "GBK", "Big5", "ASCII",
};

const char *
db_terminal_charset_canon(const char *name)
{
	size_t	 i;

	if (name == NULL)
		return NULL;
	for (i = 0; i < nitems(db_terminal_charsets); i++) {
		if (strcasecmp(name, db_terminal_charsets[i]) == 0)
			return db_terminal_charsets[i];
	}
	return NULL;
}

const char *
db_terminal_charset_next(const char *name)
{
	size_t	 i;

	if (name == NULL)
		return db_terminal_charsets[0];
	for (i = 0; i < nitems(db_terminal_charsets); i++) {
		if (strcmp(name, db_terminal_charsets[i]) == 0)
			return i + 1 < nitems(db_terminal_charsets) ?
			    db_terminal_charsets[i + 1] : NULL;
	}
	return NULL;
}

void
db_terminal_free(struct qd_terminal *t)
{
	xfree(&t->charset);
	t->compression_force = 0;
}

int
db_user_terminal(sqlite3 *db, const struct qd_user *actor,
    struct qd_terminal *t)
{
	sqlite3_stmt	*st;
	const char	*cs;
	int		 step;

	memset(t, 0, sizeof *t);
	if (db_prepare(db, "SELECT charset, compression_force FROM"
	    " user_terminal WHERE user_id = ?1", &st) != QD_OK)
		return QD_EDB;
	sqlite3_bind_int64(st, 1, actor->id);
	if ((step = sqlite3_step(st)) == SQLITE_ROW) {
		cs = (const char *)sqlite3_column_text(st, 0);
		t->charset = cs != NULL ? xstrdup(cs) : NULL;
		t->compression_force = sqlite3_column_int(st, 1);
	}
	sqlite3_finalize(st);
	return step == SQLITE_ROW || step == SQLITE_DONE ? QD_OK : QD_EDB;
}

int
db_user_terminal_set(sqlite3 *db, const struct qd_user *actor,
    const struct qd_terminal *t, char **why)
{
	sqlite3_stmt	*st;
	const char	*cs = NULL;
	int		 rc = QD_OK;

	if (actor->id == 0) {
		why_set(why, "本地操作员没有个人设置 the local operator has"
		    " no settings of its own");
		return QD_EINVAL;
	}
	if (t->charset != NULL &&
	    (cs = db_terminal_charset_canon(t->charset)) == NULL) {
		why_set(why, "不支持的字符集 %s，可选 UTF-8、GB18030、GBK、Big5"
		    "、ASCII charset %s is not one of UTF-8, GB18030, GBK, Big5,"
		    " ASCII", t->charset, t->charset);
		return QD_EINVAL;
	}
	if (db_prepare(db, "INSERT INTO user_terminal (user_id, charset,"
	    " compression_force) VALUES (?1, ?2, ?3) ON CONFLICT (user_id) DO"
	    " UPDATE SET charset = excluded.charset, compression_force ="
	    " excluded.compression_force WHERE charset IS NOT excluded.charset"
	    " OR compression_force IS NOT excluded.compression_force",
	    &st) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int64(st, 1, actor->id);
	if (cs != NULL)
		sqlite3_bind_text(st, 2, cs, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, t->compression_force != 0);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = db_fail(db, why);
	sqlite3_finalize(st);
	return rc;
}
