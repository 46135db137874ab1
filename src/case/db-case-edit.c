/*
 * Cases: opening one at the window (受理) and correcting it while it is on
 * the office's desk. What the clerk chose is checked against the catalog:
 * recognition needs an entry marked recognition, adoption takes an entry
 * marked adoption or free text.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "case/case.h"

/* What a case's catalog entry or free text gives. */
struct case_qual {
	char	*tw_qual;
	int64_t	 occupation_id;
};

/* Check one text field: required or not, valid, at most max columns. */
static int
case_edit_text(const char *s, int required, int max, const char *label,
    char **why)
{
	if (s == NULL || s[strspn(s, " ")] == '\0') {
		if (!required)
			return QD_OK;
		why_set(why, "请填写%s", label);
		return QD_EINVAL;
	}
	if (!text_valid(s)) {
		why_set(why, "%s不可用：%s", label, text_invalid_why(s));
		return QD_EINVAL;
	}
	if (text_width(s) > max) {
		why_set(why, "%s过长（至多%d列） too long (at most %d"
		    " columns)", label, max, max);
		return QD_EINVAL;
	}
	return QD_OK;
}

/* Look up the catalog entry and check it fits the type. */
static int
case_edit_catalog(sqlite3 *db, const struct qd_case_new *nc,
    struct case_qual *q, char **why)
{
	sqlite3_stmt	*st;
	const char	*mode;
	int		 rc = QD_OK;

	if (db_prepare(db, "SELECT tw_qual || ' ' || tw_level, occupation_id,"
	    " mode FROM catalog WHERE id = ?1 AND active = 1", &st) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int64(st, 1, nc->catalog_id);
	if (sqlite3_step(st) != SQLITE_ROW) {
		why_set(why, "目录中没有此资格 no such qualification in the"
		    " catalog");
		rc = QD_EINVAL;
	} else {
		mode = (const char *)sqlite3_column_text(st, 2);
		if (strcmp(mode, nc->type) != 0) {
			why_set(why, "此资格在目录中为%s，请选择相应的类型"
			    " the catalog lists this qualification for %s",
			    case_type_label(mode), mode);
			rc = QD_EINVAL;
		} else {
			q->tw_qual = db_column_strdup(st, 0);
			q->occupation_id = sqlite3_column_int64(st, 1);
		}
	}
	sqlite3_finalize(st);
	return rc;
}

static int
case_edit_check(sqlite3 *db, const struct qd_case_new *nc,
    struct case_qual *q, char **why)
{
	int	 rc;

	memset(q, 0, sizeof *q);
	if (nc->type == NULL || (strcmp(nc->type, "adoption") != 0 &&
	    strcmp(nc->type, "recognition") != 0)) {
		why_set(why, "请选择类型：采信或采认 choose the type: adoption"
		    " or recognition");
		return QD_EINVAL;
	}
	if (nc->catalog_id != 0)
		rc = case_edit_catalog(db, nc, q, why);
	else if (strcmp(nc->type, "recognition") == 0) {
		why_set(why, "采认须从目录中选择资格 recognition needs a"
		    " qualification from the catalog");
		rc = QD_EINVAL;
	} else if ((rc = case_edit_text(nc->tw_qual, 1, 80,
	    "台湾资格及等级 Taiwan qualification", why)) == QD_OK)
		q->tw_qual = xstrdup(nc->tw_qual + strspn(nc->tw_qual, " "));
	if (rc != QD_OK)
		return rc;
	if (nc->channel != NULL && *nc->channel != '\0' &&
	    !case_channel_valid(nc->channel)) {
		why_set(why, "申请渠道应为 window app platform email post"
		    " the channel must be one of window, app, platform, email,"
		    " post");
		return QD_EINVAL;
	}
	if ((rc = case_edit_text(nc->tw_cert_no, 1, 40,
	    "台湾证书编号 Taiwan certificate number", why)) != QD_OK)
		return rc;
	return case_edit_text(nc->notes, 0, 500, "备注 Notes", why);
}

/* Bind what open and update share: ?1..?10 and ?14. */
static void
case_edit_bind(sqlite3_stmt *st, const struct qd_case_new *nc,
    const struct case_qual *q)
{
	if (nc->catalog_id != 0)
		sqlite3_bind_int64(st, 1, nc->catalog_id);
	if (q->occupation_id != 0)
		sqlite3_bind_int64(st, 2, q->occupation_id);
	sqlite3_bind_text(st, 3, q->tw_qual, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, nc->tw_cert_no + strspn(nc->tw_cert_no, " "),
	    -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 5, nc->mat_id != 0);
	sqlite3_bind_int(st, 6, nc->mat_cert != 0);
	sqlite3_bind_int(st, 7, nc->mat_photo != 0);
	sqlite3_bind_int(st, 8, nc->mat_form != 0);
	sqlite3_bind_text(st, 9, nc->notes != NULL ? nc->notes : "", -1,
	    SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 10, nc->type, -1, SQLITE_TRANSIENT);
	/* None given: a new case came to the window, an edit keeps its own. */
	if (nc->channel != NULL && *nc->channel != '\0')
		sqlite3_bind_text(st, 14, nc->channel, -1, SQLITE_TRANSIENT);
}

/* 1 if the applicant exists (any office may open a case for them). */
static int
case_edit_applicant(sqlite3 *db, int64_t id)
{
	sqlite3_stmt	*st;
	int		 found = 0;

	if (db_prepare(db, "SELECT 1 FROM applicants WHERE id = ?1", &st) ==
	    QD_OK) {
		sqlite3_bind_int64(st, 1, id);
		found = sqlite3_step(st) == SQLITE_ROW;
		sqlite3_finalize(st);
	}
	return found;
}

int
case_open_tx(sqlite3 *db, const struct qd_user *actor,
    const struct qd_case_new *nc, int64_t *id, char **why)
{
	struct case_qual	 q;
	sqlite3_stmt		*st = NULL;
	int			 rc;

	*id = 0;
	memset(&q, 0, sizeof q);
	if (!role_has_office(actor->role)) {
		why_set(why, "仅办公室窗口或联络员可受理案件 only an office's"
		    " clerk or liaison opens cases");
		return QD_EDENIED;
	}
	if ((rc = case_edit_check(db, nc, &q, why)) != QD_OK)
		goto out;
	if (!case_edit_applicant(db, nc->applicant_id)) {
		why_set(why, "请先选择或登记台胞 choose or register the"
		    " applicant first");
		rc = QD_EINVAL;
		goto out;
	}
	if ((rc = db_prepare(db, "INSERT INTO cases (catalog_id, occupation_id,"
	    " tw_qual, tw_cert_no, mat_id, mat_cert, mat_photo, mat_form, notes,"
	    " type, applicant_id, office_id, state, created_by, channel) VALUES"
	    " (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 'accepted',"
	    " ?13, coalesce(?14, 'window'))",
	    &st)) != QD_OK) {
		rc = db_fail(db, why);
		goto out;
	}
	case_edit_bind(st, nc, &q);
	sqlite3_bind_int64(st, 11, nc->applicant_id);
	sqlite3_bind_int64(st, 12, actor->office_id);
	sqlite3_bind_int64(st, 13, actor->id);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = db_fail(db, why);
	else
		*id = sqlite3_last_insert_rowid(db);
out:
	sqlite3_finalize(st);
	free(q.tw_qual);
	return rc;
}

int
db_case_open(sqlite3 *db, const struct qd_user *actor,
    const struct qd_case_new *nc, int64_t *id, char **why)
{
	int	 rc;

	*id = 0;
	if (!role_has_office(actor->role))
		return case_open_tx(db, actor, nc, id, why);
	if (db_begin(db) != QD_OK)
		return db_fail(db, why);
	rc = case_open_tx(db, actor, nc, id, why);
	if (rc == QD_OK && db_commit(db) != QD_OK)
		rc = db_fail(db, why);
	if (rc != QD_OK)
		db_rollback(db);
	return rc;
}

int
db_case_update(sqlite3 *db, const struct qd_user *actor, int64_t id,
    int64_t version, const struct qd_case_new *nc, char **why)
{
	struct case_qual	 q;
	struct qd_case		*c = NULL;
	sqlite3_stmt		*st = NULL;
	int			 rc;

	memset(&q, 0, sizeof q);
	if (db_begin(db) != QD_OK)
		return db_fail(db, why);
	if ((rc = db_case_get(db, actor, id, &c, why)) != QD_OK)
		goto out;
	if (!role_has_office(actor->role) || (strcmp(c->state, "accepted") != 0
	    && strcmp(c->state, "returned") != 0)) {
		why_set(why, "案件已不在本办公室处理中，不能修改 the case is"
		    " no longer on the office's desk");
		rc = QD_EDENIED;
		goto out;
	}
	if (strcmp(nc->type, c->type) != 0) {
		why_set(why, "案件类型不能更改 the type of a case is fixed");
		rc = QD_EINVAL;
		goto out;
	}
	if ((rc = case_edit_check(db, nc, &q, why)) != QD_OK)
		goto out;
	if ((rc = db_prepare(db, "UPDATE cases SET catalog_id = ?1,"
	    " occupation_id = ?2, tw_qual = ?3, tw_cert_no = ?4, mat_id = ?5,"
	    " mat_cert = ?6, mat_photo = ?7, mat_form = ?8, notes = ?9,"
	    " channel = coalesce(?14, channel), version = version + 1, updated_at ="
	    " strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
	    " WHERE id = ?11 AND version = ?12 AND type = ?10", &st)) != QD_OK) {
		rc = db_fail(db, why);
		goto out;
	}
	case_edit_bind(st, nc, &q);
	sqlite3_bind_int64(st, 11, id);
	sqlite3_bind_int64(st, 12, version);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = db_fail(db, why);
	else if (sqlite3_changes(db) != 1) {
		why_set(why, "案件已被他人修改，您输入的内容已保留 the case"
		    " was changed by someone else; what you typed is kept");
		rc = QD_ECONFLICT;
	}
out:
	sqlite3_finalize(st);
	if (rc == QD_OK && db_commit(db) != QD_OK)
		rc = db_fail(db, why);
	if (rc != QD_OK)
		db_rollback(db);
	case_free(c);
	free(q.tw_qual);
	return rc;
}
