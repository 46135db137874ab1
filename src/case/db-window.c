/*
 * Each office's window for applicants (台胞专门窗口): the address and the
 * service phone the notices tell. Everyone reads them; only the admin
 * sets them, and the schema audits it (office_windows).
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "case/case.h"

#define WINDOW_SELECT \
	"SELECT o.id, o.code, o.name_zh, coalesce(w.address, '')," \
	" coalesce(w.phone, ''), coalesce(w.version, 0) FROM offices o" \
	" LEFT JOIN office_windows w ON w.office_id = o.id"

static void
window_clear(struct qd_office_window *w)
{
	free(w->code);
	free(w->name_zh);
	free(w->address);
	free(w->phone);
}

void
office_window_free(struct qd_office_window *w)
{
	if (w == NULL)
		return;
	window_clear(w);
	free(w);
}

void
office_windows_free(struct qd_office_window *list, size_t n)
{
	size_t	 i;

	if (list == NULL)
		return;
	for (i = 0; i < n; i++)
		window_clear(&list[i]);
	free(list);
}

static void
window_read(sqlite3_stmt *st, struct qd_office_window *w)
{
	w->office_id = sqlite3_column_int64(st, 0);
	w->code = db_column_strdup(st, 1);
	w->name_zh = db_column_strdup(st, 2);
	w->address = db_column_strdup(st, 3);
	w->phone = db_column_strdup(st, 4);
	w->version = sqlite3_column_int64(st, 5);
}

int
db_office_windows(sqlite3 *db, struct qd_office_window **out, size_t *n,
    char **why)
{
	sqlite3_stmt	*st;
	int		 step;

	*out = NULL;
	*n = 0;
	if (db_prepare(db, WINDOW_SELECT " ORDER BY o.id", &st) != QD_OK)
		return db_fail(db, why);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		*out = xreallocarray(*out, *n + 1, sizeof **out);
		window_read(st, &(*out)[(*n)++]);
	}
	sqlite3_finalize(st);
	if (step != SQLITE_DONE) {
		office_windows_free(*out, *n);
		*out = NULL;
		*n = 0;
		return db_fail(db, why);
	}
	return QD_OK;
}

int
db_office_window(sqlite3 *db, int64_t office_id,
    struct qd_office_window **out, char **why)
{
	sqlite3_stmt	*st;
	int		 step, rc = QD_OK;

	*out = NULL;
	if (db_prepare(db, WINDOW_SELECT " WHERE o.id = ?1", &st) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int64(st, 1, office_id);
	if ((step = sqlite3_step(st)) == SQLITE_ROW) {
		*out = xcalloc(1, sizeof **out);
		window_read(st, *out);
	} else if (step == SQLITE_DONE) {
		why_set(why, "没有此办公室 no such office");
		rc = QD_ENOTFOUND;
	} else
		rc = db_fail(db, why);
	sqlite3_finalize(st);
	return rc;
}

/* Check one text: valid, one line, at most max characters. */
static int
window_text(const char *s, int max, const char *zh, const char *en,
    char **why)
{
	if (s == NULL)
		return QD_OK;
	if (!text_valid(s) || strchr(s, '\n') != NULL) {
		why_set(why, "%s不可用：%s (%s)", zh, strchr(s, '\n') != NULL ?
		    "只能一行 one line only" : text_invalid_why(s), en);
		return QD_EINVAL;
	}
	if (text_width(s) > 2 * max) {
		why_set(why, "%s过长（至多%d字） %s is too long (at most %d"
		    " characters)", zh, max, en, max);
		return QD_EINVAL;
	}
	return QD_OK;
}

int
db_office_window_set(sqlite3 *db, const struct qd_user *actor,
    int64_t office_id, const char *address, const char *phone, char **why)
{
	struct qd_office_window	*w = NULL;
	sqlite3_stmt		*st = NULL;
	int			 rc;

	if (!user_may(actor, "office write")) {
		why_set(why, "只有管理员可更改办公室窗口 only an admin changes an"
		    " office's window");
		return QD_EDENIED;
	}
	if ((rc = window_text(address, 50, "窗口地址", "the address", why)) !=
	    QD_OK || (rc = window_text(phone, 20, "服务电话",
	    "the service phone", why)) != QD_OK)
		return rc;
	if (db_begin(db) != QD_OK)
		return db_fail(db, why);
	if ((rc = db_office_window(db, office_id, &w, why)) != QD_OK)
		goto out;
	if ((rc = db_prepare(db, "INSERT INTO office_windows (office_id,"
	    " address, phone) VALUES (?1, ?2, ?3) ON CONFLICT (office_id) DO"
	    " UPDATE SET address = excluded.address, phone = excluded.phone,"
	    " version = version + 1", &st)) != QD_OK) {
		rc = db_fail(db, why);
		goto out;
	}
	sqlite3_bind_int64(st, 1, office_id);
	sqlite3_bind_text(st, 2, address != NULL ? address : w->address, -1,
	    SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, phone != NULL ? phone : w->phone, -1,
	    SQLITE_TRANSIENT);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = db_fail(db, why);
out:
	sqlite3_finalize(st);
	office_window_free(w);
	if (rc == QD_OK && db_commit(db) != QD_OK)
		rc = db_fail(db, why);
	if (rc != QD_OK)
		db_rollback(db);
	return rc;
}

/* "（地址：…，电话：…）", or "" when the office has told neither. */
static char *
window_where(const struct qd_office_window *w)
{
	char	*s;

	if (w == NULL || (*w->address == '\0' && *w->phone == '\0'))
		return xstrdup("");
	xasprintf(&s, "（%s%s%s%s%s）", *w->address != '\0' ? "地址：" : "",
	    w->address, *w->address != '\0' && *w->phone != '\0' ? "，" : "",
	    *w->phone != '\0' ? "电话：" : "", w->phone);
	return s;
}

char *
notice_text(sqlite3 *db, const struct qd_case *c)
{
	struct qd_office_window	*w = NULL;
	char			*t, *where;

	if (db_office_window(db, c->office_id, &w, NULL) != QD_OK)
		w = NULL;
	where = window_where(w);
	if (strcmp(c->state, "approved") == 0)
		xasprintf(&t, "%s您好：您申请的职业资格（%s %s）已审核通过，请携带"
		    "台胞证到%s窗口领取证书%s。", c->applicant_name,
		    c->decided_occupation != NULL ? c->decided_occupation : "",
		    c->decided_level_name != NULL ? c->decided_level_name : "",
		    c->office_name, where);
	else
		xasprintf(&t, "%s您好：您申请的职业资格未获通过，原因：%s。如有"
		    "疑问请联系%s窗口%s。", c->applicant_name, c->reason,
		    c->office_name, where);
	free(where);
	office_window_free(w);
	return t;
}
