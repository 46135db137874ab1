/*
 * Enrolment (报名): a city enrols its people in a published class inside
 * the enrolment window; a seat if the class and the city have one, else
 * the waiting list, promoted in order by the schema when a seat frees.
 * Then the provider's roster: hours attended and completion, by the
 * center once the class runs.
 */
#include <stdlib.h>
#include <string.h>

#include "training/training.h"

const struct cmd_column training_enrol_columns[] = {
	{ "id", "ID", CMD_NUMBER, 0, 0 },
	{ "class", "CLASS", CMD_NUMBER, 0, 0 },
	{ "office", "OFFICE", CMD_STRING, 0, 0 },
	{ "name", "NAME", CMD_STRING, 0, 12 },
	{ "mtp", "MTP", CMD_STRING, 0, 0 },
	{ "status", "STATUS", CMD_STRING, 0, 0 },
	{ "promoted", "PROMOTED", CMD_BOOL, CMD_NOTEXT, 0 },
	{ "hours", "HOURS", CMD_OPTIONAL, 0, 0 },
	{ "completed", "COMPLETED", CMD_OPTIONAL, 0, 0 },
	{ "certificate", "CERTIFICATE", CMD_OPTIONAL, 0, 0 },
	{ "version", "VERSION", CMD_NUMBER, CMD_NOTEXT, 0 },
};
const size_t training_enrol_ncolumns = nitems(training_enrol_columns);

/*
 * Inside the transaction: refuse a class that is not open today, with
 * its window; *room gets the seats actor's office may take.
 */
static int
enrol_open(sqlite3 *db, const struct qd_user *actor, int64_t class_id,
    int *room, char **why)
{
	sqlite3_stmt	*st;
	const char	*state, *from, *to, *today;
	int		 rc = QD_OK;

	if (db_prepare(db, "SELECT c.state, c.enrol_from, c.enrol_to,"
	    " date('now', 'localtime'), (SELECT min(free_total, free_office)"
	    " FROM training_class_room r WHERE r.class_id = c.id AND"
	    " r.office_id = ?2) FROM training_classes c WHERE c.id = ?1", &st)
	    != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int64(st, 1, class_id);
	sqlite3_bind_int64(st, 2, actor->office_id);
	if (sqlite3_step(st) != SQLITE_ROW) {
		why_set(why, "没有班级 %lld no class %lld",
		    (long long)class_id, (long long)class_id);
		sqlite3_finalize(st);
		return QD_ENOTFOUND;
	}
	state = (const char *)sqlite3_column_text(st, 0);
	from = (const char *)sqlite3_column_text(st, 1);
	to = (const char *)sqlite3_column_text(st, 2);
	today = (const char *)sqlite3_column_text(st, 3);
	*room = sqlite3_column_int(st, 4);
	if (strcmp(state, "published") != 0) {
		why_set(why, "班级 %lld 未开放报名（%s） class %lld is not open"
		    " for enrolment (%s)", (long long)class_id, state,
		    (long long)class_id, state);
		rc = QD_EDENIED;
	} else if (strcmp(today, from) < 0 || strcmp(today, to) > 0) {
		why_set(why, "报名期为 %s 至 %s，今天 %s 不在其内 enrolment is"
		    " open from %s to %s, not on %s", from, to, today, from, to,
		    today);
		rc = QD_EDENIED;
	}
	sqlite3_finalize(st);
	return rc;
}

int
db_training_enrol(sqlite3 *db, const struct qd_user *actor,
    int64_t class_id, const char *mtp, int64_t *id, int *waiting,
    char **why)
{
	sqlite3_stmt	*st;
	int64_t		 applicant;
	int		 rc, room = 0, step;

	*id = 0;
	*waiting = 0;
	if (!user_may(actor, "training-class enrol")) {
		why_set(why, "仅办公室可为本市台胞报名 only an office enrols"
		    " its own people");
		return QD_EDENIED;
	}
	if ((rc = training_applicant_by_mtp(db, mtp, &applicant, why)) !=
	    QD_OK)
		return rc;
	/* BEGIN IMMEDIATE: the seats counted are the seats taken. */
	if (db_begin(db) != QD_OK)
		return training_fail(db, why);
	if ((rc = enrol_open(db, actor, class_id, &room, why)) != QD_OK) {
		db_rollback(db);
		return rc;
	}
	*waiting = room < 1;
	if (db_prepare(db, "INSERT INTO training_enrolments (class_id,"
	    " applicant_id, office_id, status) VALUES (?1, ?2, ?3, ?4)", &st)
	    != QD_OK)
		return training_fail(db, why);
	sqlite3_bind_int64(st, 1, class_id);
	sqlite3_bind_int64(st, 2, applicant);
	sqlite3_bind_int64(st, 3, actor->office_id);
	sqlite3_bind_text(st, 4, *waiting ? "waiting" : "enrolled", -1,
	    SQLITE_STATIC);
	step = sqlite3_step(st);
	sqlite3_finalize(st);
	if (step != SQLITE_DONE) {
		if ((rc = training_fail(db, why)) == QD_ECONFLICT)
			why_set(why, "此台胞已报名本班 this person is already"
			    " enrolled or waiting in this class");
		return rc;
	}
	*id = sqlite3_last_insert_rowid(db);
	if (db_commit(db) != QD_OK)
		return training_fail(db, why);
	return QD_OK;
}

int
db_training_enrol_cancel(sqlite3 *db, const struct qd_user *actor,
    int64_t id, int64_t *promoted, char **why)
{
	sqlite3_stmt	*st;
	int64_t		 before;
	int		 step;

	*promoted = 0;
	if (!user_may(actor, "training-class cancel-enrolment")) {
		why_set(why, "无权取消报名 you may not cancel enrolments");
		return QD_EDENIED;
	}
	if (db_begin(db) != QD_OK)
		return training_fail(db, why);
	before = sqlite3_total_changes(db);
	if (db_prepare(db, "UPDATE training_enrolments SET status ="
	    " 'cancelled', cancelled_at = strftime('%Y-%m-%dT%H:%M:%fZ',"
	    " 'now'), version = version + 1 WHERE id = ?1 AND status <>"
	    " 'cancelled' AND (?2 = 0 OR office_id = ?2)", &st) != QD_OK)
		return training_fail(db, why);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, training_scope(actor));
	step = sqlite3_step(st);
	sqlite3_finalize(st);
	if (step != SQLITE_DONE)
		return training_fail(db, why);
	if (sqlite3_changes(db) == 0) {
		db_rollback(db);
		why_set(why, "没有可取消的报名 %lld (或属于其他办公室) no live"
		    " enrolment %lld (or it is another office's)",
		    (long long)id, (long long)id);
		return QD_ENOTFOUND;
	}
	if (sqlite3_total_changes(db) - before > 1 && db_prepare(db,
	    "SELECT w.id FROM training_enrolments w JOIN training_enrolments"
	    " e ON e.class_id = w.class_id WHERE e.id = ?1 AND w.promoted = 1"
	    " AND w.status = 'enrolled' ORDER BY w.version DESC, w.id DESC"
	    " LIMIT 1", &st) == QD_OK) {
		sqlite3_bind_int64(st, 1, id);
		if (sqlite3_step(st) == SQLITE_ROW)
			*promoted = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	if (db_commit(db) != QD_OK)
		return training_fail(db, why);
	return QD_OK;
}

int
db_training_enrol_list(sqlite3 *db, const struct qd_user *actor,
    int64_t class_id, struct cmd_rows *rows, char **why)
{
	return training_rows(db, "SELECT e.id, e.class_id, o.code, a.name,"
	    " substr(a.mtp, 1, 2) || '****' || substr(a.mtp, 7), e.status,"
	    " e.promoted, e.hours, e.completed, (SELECT number FROM"
	    " training_certificates t WHERE t.enrolment_id = e.id), e.version"
	    " FROM training_enrolments e JOIN offices o ON o.id = e.office_id"
	    " JOIN applicants a ON a.id = e.applicant_id WHERE e.class_id = ?1"
	    " AND (?2 = 0 OR e.office_id = ?2) ORDER BY e.id", rows, why, "ii",
	    class_id, training_scope(actor));
}

static const struct csv_column roster_csv[] = {
	{ "mtp", "通行证号", 1 },
	{ "hours", "学时", 1 },
	{ "completed", "结业", 1 },
};

struct roster_import {
	int64_t		 class_id;
	int		 n;
};

static int
roster_row(sqlite3 *db, void *arg, size_t line, char **cells, char **why)
{
	struct roster_import	*ri = arg;
	sqlite3_stmt		*st;
	int64_t			 applicant;
	long long		 hours;
	int			 completed = -1, rc, step;

	(void)line;
	if ((rc = training_applicant_by_mtp(db, cells[0], &applicant, why)) !=
	    QD_OK)
		return rc == QD_ENOTFOUND ? QD_EINVAL : rc;
	if ((hours = cmd_number(cells[1], 0, 2000)) < 0) {
		why_set(why, "学时应为0至2000的整数 hours are a whole number 0"
		    " to 2000: %s", cells[1]);
		return QD_EINVAL;
	}
	if ((rc = db_import_flag(cells[2], "结业 completed", &completed,
	    why)) != QD_OK)
		return rc;
	if (completed < 0) {
		why_set(why, "请填写是否结业（1或0）say whether completed (1"
		    " or 0)");
		return QD_EINVAL;
	}
	if (db_prepare(db, "UPDATE training_enrolments SET hours = ?3,"
	    " completed = ?4, version = version + 1 WHERE class_id = ?1 AND"
	    " applicant_id = ?2 AND status = 'enrolled'", &st) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int64(st, 1, ri->class_id);
	sqlite3_bind_int64(st, 2, applicant);
	sqlite3_bind_int64(st, 3, hours);
	sqlite3_bind_int(st, 4, completed);
	step = sqlite3_step(st);
	sqlite3_finalize(st);
	if (step != SQLITE_DONE) {
		rc = db_fail(db, why);
		return sqlite3_extended_errcode(db) ==
		    SQLITE_CONSTRAINT_TRIGGER ? QD_EDENIED : rc;
	}
	if (sqlite3_changes(db) == 0) {
		why_set(why, "%s 未在本班报名 is not enrolled in this class",
		    cells[0]);
		return QD_EINVAL;
	}
	ri->n++;
	return QD_OK;
}

int
db_training_roster_import(sqlite3 *db, const struct qd_user *actor,
    int64_t class_id, const char *data, size_t len,
    enum csv_charset charset, int *n, char **why)
{
	struct roster_import	 ri = { class_id, 0 };
	int			 rc;

	*n = 0;
	if (!user_may(actor, "training-class write")) {
		why_set(why, "考勤和结业由中心录入 the center records the"
		    " roster");
		return QD_EDENIED;
	}
	rc = db_import(db, data, len, charset, roster_csv, nitems(roster_csv),
	    roster_row, &ri, why);
	if (rc == QD_OK)
		*n = ri.n;
	return rc;
}
