/*
 * The steps of a case: forward, withdraw, take, release, approve, reject,
 * return, route to an agency, confirm, notify, collect. Each runs in its
 * own BEGIN IMMEDIATE transaction: the case is read scoped to the actor,
 * its version compared with the one the user saw, the step looked up in
 * case_transitions for the case's state and the actor's role, and the
 * update made with "WHERE version = seen". The schema checks all of it
 * again and writes the history and audit rows.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "case/case.h"
#include "cert/cert.h"


void
case_actions_free(struct qd_case_action *list, size_t n)
{
	size_t	 i;

	if (list == NULL)
		return;
	for (i = 0; i < n; i++) {
		free(list[i].action);
		free(list[i].name_zh);
		free(list[i].name_en);
		free(list[i].to_state);
	}
	free(list);
}

int
case_action_allowed(const struct qd_case_action *list, size_t n,
    const char *action)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		if (strcmp(list[i].action, action) == 0)
			return 1;
	}
	return 0;
}

static void
case_action_add(struct qd_case_action **list, size_t *n, const char *action,
    const char *zh, const char *en, const char *to, int held)
{
	struct qd_case_action	*a;

	*list = xreallocarray(*list, *n + 1, sizeof **list);
	a = &(*list)[(*n)++];
	a->action = xstrdup(action);
	a->name_zh = xstrdup(zh);
	a->name_en = xstrdup(en);
	a->to_state = xstrdup(to);
	a->held = held;
}

/* 1 if the transition makes sense for this case beyond role and state. */
static int
case_action_fits(const struct qd_user *actor, const struct qd_case *c,
    const char *action, int held)
{
	int	 recognition = strcmp(c->type, "recognition") == 0;

	if (held && c->held_by != actor->id)
		return 0;
	if (strcmp(action, "route") == 0)
		return recognition;
	if (strcmp(action, "approve") == 0)
		return !recognition;
	return 1;
}

int
db_case_actions(sqlite3 *db, const struct qd_user *actor,
    const struct qd_case *c, struct qd_case_action **out, size_t *n)
{
	sqlite3_stmt	*st;
	int		 step, held, center = actor->role == ROLE_CENTER;
	const char	*action;

	*out = NULL;
	*n = 0;
	if (role_has_office(actor->role) && c->office_id != actor->office_id)
		return QD_OK;
	if (center && c->held_by == 0 && (strcmp(c->state, "forwarded") == 0 ||
	    strcmp(c->state, "agency") == 0))
		case_action_add(out, n, "take", "领取", "Take", c->state, 0);
	if (c->held_by != 0 && (center || actor->role == ROLE_ADMIN))
		case_action_add(out, n, "release", "释放", "Release", c->state,
		    0);
	if (db_prepare(db, "SELECT t.action, t.name_zh, t.name_en, t.to_state,"
	    " t.held FROM case_transitions t JOIN case_states s"
	    " ON s.state = t.to_state WHERE t.from_state = ?1 AND t.role = ?2"
	    " ORDER BY s.ord", &st) != QD_OK)
		return QD_EDB;
	sqlite3_bind_text(st, 1, c->state, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, role_name(actor->role), -1, SQLITE_STATIC);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		action = (const char *)sqlite3_column_text(st, 0);
		held = sqlite3_column_int(st, 4);
		if (!case_action_fits(actor, c, action, held))
			continue;
		case_action_add(out, n, action,
		    (const char *)sqlite3_column_text(st, 1),
		    (const char *)sqlite3_column_text(st, 2),
		    (const char *)sqlite3_column_text(st, 3), held);
	}
	sqlite3_finalize(st);
	if (step != SQLITE_DONE) {
		case_actions_free(*out, *n);
		*out = NULL;
		*n = 0;
		return db_fail(db, NULL);
	}
	return QD_OK;
}

void
case_events_free(struct qd_case_event *list, size_t n)
{
	size_t	 i;

	if (list == NULL)
		return;
	for (i = 0; i < n; i++) {
		free(list[i].at);
		free(list[i].actor);
		free(list[i].action);
		free(list[i].from_state);
		free(list[i].to_state);
		free(list[i].note);
	}
	free(list);
}

int
db_case_history(sqlite3 *db, const struct qd_user *actor, int64_t id,
    struct qd_case_event **out, size_t *n, char **why)
{
	struct qd_case		*c = NULL;
	struct qd_case_event	*e;
	sqlite3_stmt		*st;
	int			 rc, step;

	*out = NULL;
	*n = 0;
	if ((rc = db_case_get(db, actor, id, &c, why)) != QD_OK)
		return rc;
	case_free(c);
	if (db_prepare(db, "SELECT id, at, actor, action, from_state, to_state,"
	    " note FROM case_events WHERE case_id = ?1 ORDER BY id", &st) !=
	    QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int64(st, 1, id);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		*out = xreallocarray(*out, *n + 1, sizeof **out);
		e = &(*out)[(*n)++];
		e->id = sqlite3_column_int64(st, 0);
		e->at = db_column_strdup(st, 1);
		e->actor = db_column_strdup(st, 2);
		e->action = db_column_strdup(st, 3);
		e->from_state = db_column_strdup(st, 4);
		e->to_state = db_column_strdup(st, 5);
		e->note = db_column_strdup(st, 6);
		if (e->note == NULL)
			e->note = xstrdup("");
	}
	sqlite3_finalize(st);
	if (step != SQLITE_DONE) {
		case_events_free(*out, *n);
		*out = NULL;
		*n = 0;
		return db_fail(db, why);
	}
	return QD_OK;
}

/* Say who changed the case last and when, for a lost race. */
static void
case_conflict_why(sqlite3 *db, int64_t id, char **why)
{
	char	*who, *when;

	if (db_audit_last(db, "cases", id, &who, &when) == QD_OK)
		why_set(why, "案件已被 %s 于 %s 修改，您输入的内容已保留"
		    " case changed by %s at %s; what you typed is kept", who,
		    when, who, when);
	else
		why_set(why, "案件已被他人修改，请重新打开 the case was changed"
		    " by someone else; open it again");
	free(who);
	free(when);
}

/* Why the step cannot be done now, in the clerk's words. */
static void
case_denied_why(sqlite3 *db, const struct qd_user *actor,
    const struct qd_case *c, const char *action, char **why)
{
	sqlite3_stmt	*st;
	char		*zh = NULL, *en = NULL;
	int		 held = -1;

	if (c->held_by != 0 && c->held_by != actor->id &&
	    (strcmp(action, "take") == 0 || actor->role == ROLE_CENTER)) {
		why_set(why, "案件已由 %s 领取 the case is held by %s",
		    c->held_by_login, c->held_by_login);
		return;
	}
	if (db_prepare(db, "SELECT name_zh, name_en, max(from_state = ?2 AND"
	    " role = ?3 AND held = 1) FROM case_transitions WHERE action = ?1",
	    &st) == QD_OK) {
		sqlite3_bind_text(st, 1, action, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 2, c->state, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 3, role_name(actor->role), -1,
		    SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW &&
		    sqlite3_column_type(st, 0) != SQLITE_NULL) {
			zh = db_column_strdup(st, 0);
			en = db_column_strdup(st, 1);
			held = sqlite3_column_int(st, 2);
		}
		sqlite3_finalize(st);
	}
	if (held == 1 && c->held_by == 0)
		why_set(why, "请先领取案件 take the case first");
	else
		why_set(why, "案件当前为「%s」，您不能%s this case is %s: you"
		    " cannot %s it now", c->state_name, zh != NULL ? zh :
		    case_action_label(action), c->state,
		    en != NULL ? en : action);
	free(zh);
	free(en);
}

/*
 * Check and make one step inside the open transaction: the case as the
 * actor sees it, at version, with the step allowed. to_state NULL keeps
 * the state (take, release).
 */
static int
case_step_apply(sqlite3 *db, const struct qd_user *actor, int64_t id,
    int64_t version, struct case_step *s, char **why)
{
	struct qd_case		*c = NULL;
	struct qd_case_action	*all = NULL;
	sqlite3_stmt		*st = NULL;
	const char		*to = NULL;
	char			*sql;
	size_t			 i, n = 0;
	int			 rc;

	if ((rc = db_case_get(db, actor, id, &c, why)) != QD_OK)
		return rc;
	if (version != 0 && c->version != version) {
		case_conflict_why(db, id, why);
		rc = QD_ECONFLICT;
		goto out;
	}
	if ((rc = db_case_actions(db, actor, c, &all, &n)) != QD_OK)
		goto out;
	for (i = 0; i < n; i++) {
		if (strcmp(all[i].action, s->action) == 0)
			to = all[i].to_state;
	}
	if (to == NULL) {
		case_denied_why(db, actor, c, s->action, why);
		rc = QD_EDENIED;
		goto out;
	}
	if (s->before != NULL && (rc = s->before(db, actor, c, s, why)) !=
	    QD_OK)
		goto out;
	xasprintf(&sql, "UPDATE cases SET state = ?3, action = ?4, version ="
	    " version + 1, updated_at = %s%s%s WHERE id = ?1 AND"
	    " version = ?2", CASE_NOW, s->set != NULL ? ", " : "",
	    s->set != NULL ? s->set : "");
	rc = db_prepare(db, sql, &st);
	free(sql);
	if (rc != QD_OK) {
		rc = db_fail(db, why);
		goto out;
	}
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, c->version);
	sqlite3_bind_text(st, 3, to, -1, SQLITE_TRANSIENT);
	/* Take and release keep the last transition's name. */
	sqlite3_bind_text(st, 4, strcmp(s->action, "take") == 0 ||
	    strcmp(s->action, "release") == 0 ? c->action : s->action, -1,
	    SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 5, s->i1);
	sqlite3_bind_int64(st, 6, s->i2);
	if (s->t1 != NULL)
		sqlite3_bind_text(st, 7, s->t1, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 8, actor->id);
	if (s->t2 != NULL)
		sqlite3_bind_text(st, 9, s->t2, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = db_fail(db, why);
	else if (sqlite3_changes(db) != 1) {
		case_conflict_why(db, id, why);
		rc = QD_ECONFLICT;
	} else if (s->after != NULL)
		rc = s->after(db, c, why);
out:
	sqlite3_finalize(st);
	case_actions_free(all, n);
	case_free(c);
	return rc;
}

/* One step in its own transaction. */
int
case_step_run(sqlite3 *db, const struct qd_user *actor, int64_t id,
    int64_t version, struct case_step *s, char **why)
{
	int	 rc;

	if (db_begin(db) != QD_OK)
		return db_fail(db, why);
	rc = case_step_apply(db, actor, id, version, s, why);
	if (rc == QD_OK && db_commit(db) != QD_OK)
		rc = db_fail(db, why);
	if (rc != QD_OK)
		db_rollback(db);
	return rc;
}

/* Check a reason or note: required, valid text, at most max characters. */
int
case_text_check(const char *text, int max, const char *what_zh,
    const char *what_en, char **why)
{
	if (text == NULL || text[strspn(text, " ")] == '\0') {
		why_set(why, "请填写%s %s is required", what_zh, what_en);
		return QD_EINVAL;
	}
	if (!text_valid(text)) {
		why_set(why, "%s不可用：%s (%s)", what_zh,
		    text_invalid_why(text), what_en);
		return QD_EINVAL;
	}
	if (text_width(text) > 2 * max) {
		why_set(why, "%s过长（至多%d字） %s is too long (at most %d"
		    " characters)", what_zh, max, what_en, max);
		return QD_EINVAL;
	}
	return QD_OK;
}

/* Forward's own part: every material the case needs, or the reason. */
static int
case_forward_materials(sqlite3 *db, const struct qd_user *actor,
    const struct qd_case *c, struct case_step *s, char **why)
{
	return case_materials_waive(db, actor, c, s->arg, why);
}

int
db_case_forward(sqlite3 *db, const struct qd_user *actor, const int64_t *ids,
    size_t n, char **why)
{
	return db_case_forward_reason(db, actor, ids, n, NULL, why);
}

int
db_case_forward_reason(sqlite3 *db, const struct qd_user *actor,
    const int64_t *ids, size_t n, const char *reason, char **why)
{
	struct case_step	 s = { .action = "forward",
	    .set = "forwarded_at = " CASE_NOW ", reason = ''",
	    .before = case_forward_materials, .arg = (void *)reason };
	char			*one = NULL;
	size_t			 i;
	int			 rc = QD_OK;

	if (n == 0) {
		why_set(why, "请选择要报送的案件 choose cases to forward");
		return QD_EINVAL;
	}
	if (reason != NULL && *reason != '\0' && case_text_check(reason, 125,
	    "缺少材料的原因", "the reason", why) != QD_OK)
		return QD_EINVAL;
	if (db_begin(db) != QD_OK)
		return db_fail(db, why);
	for (i = 0; i < n && rc == QD_OK; i++) {
		rc = case_step_apply(db, actor, ids[i], 0, &s, &one);
		if (rc != QD_OK)
			why_set(why, "案件 %" PRId64 "：%s  (nothing was"
			    " forwarded)", ids[i], one != NULL ? one : "");
	}
	free(one);
	if (rc == QD_OK && db_commit(db) != QD_OK)
		rc = db_fail(db, why);
	if (rc != QD_OK)
		db_rollback(db);
	return rc;
}

int
db_case_withdraw(sqlite3 *db, const struct qd_user *actor, int64_t id,
    int64_t version, const char *reason, char **why)
{
	struct case_step	 s = { .action = "withdraw", .set = "reason = ?7",
	    .t1 = reason != NULL ? reason : "" };

	if (reason != NULL && *reason != '\0' &&
	    case_text_check(reason, 250, "撤回原因", "the reason", why) != QD_OK)
		return QD_EINVAL;
	return case_step_run(db, actor, id, version, &s, why);
}

int
db_case_take(sqlite3 *db, const struct qd_user *actor, int64_t id,
    int64_t version, char **why)
{
	struct case_step	 s = { .action = "take",
	    .set = "held_by = ?8, held_at = " CASE_NOW };

	return case_step_run(db, actor, id, version, &s, why);
}

int
db_case_release(sqlite3 *db, const struct qd_user *actor, int64_t id,
    int64_t version, char **why)
{
	struct case_step	 s = { .action = "release",
	    .set = "held_by = NULL, held_at = NULL" };

	return case_step_run(db, actor, id, version, &s, why);
}

/* 1 if occupation id is active and level is 1..5. */
static int
case_occupation_ok(sqlite3 *db, int64_t occupation_id, int level, char **why)
{
	sqlite3_stmt	*st;
	int		 ok = 0;

	if (level < 1 || level > 5) {
		why_set(why, "等级应为一级至五级 the level must be 1 to 5");
		return 0;
	}
	if (db_prepare(db, "SELECT 1 FROM occupations WHERE id = ?1 AND"
	    " active = 1", &st) != QD_OK)
		return 0;
	sqlite3_bind_int64(st, 1, occupation_id);
	ok = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	if (!ok)
		why_set(why, "请从目录中选择职业（工种） choose an occupation"
		    " from the catalog");
	return ok;
}

int
db_case_decision_name(sqlite3 *db, int64_t occupation_id, int level,
    char **occupation, char **level_name, char **why)
{
	sqlite3_stmt	*st;
	int		 rc = QD_OK;

	*occupation = *level_name = NULL;
	if (db_prepare(db, "SELECT o.name, o.code, l.name_zh, l.name_en"
	    " FROM occupations o, levels l WHERE o.id = ?1 AND l.level = ?2",
	    &st) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int64(st, 1, occupation_id);
	sqlite3_bind_int(st, 2, level);
	if (sqlite3_step(st) == SQLITE_ROW) {
		xasprintf(occupation, "%s（%s）", sqlite3_column_text(st, 0),
		    sqlite3_column_text(st, 1));
		xasprintf(level_name, "%s %s", sqlite3_column_text(st, 2),
		    sqlite3_column_text(st, 3));
	} else {
		why_set(why, "请从目录中选择职业（工种）和等级 choose an"
		    " occupation and a level from the catalog");
		rc = QD_ENOTFOUND;
	}
	sqlite3_finalize(st);
	return rc;
}

/* Approval's own part: the certificate, numbered and signed. */
static int
case_cert_issue(sqlite3 *db, const struct qd_case *c, char **why)
{
	return db_cert_issue(db, c->id, 0, NULL, NULL, NULL, why);
}

/* Collection's own part: the certificate is handed over. */
static int
case_cert_handed(sqlite3 *db, const struct qd_case *c, char **why)
{
	return db_cert_handed(db, c->id, why);
}

int
db_case_approve(sqlite3 *db, const struct qd_user *actor, int64_t id,
    int64_t version, int64_t occupation_id, int level, char **why)
{
	struct case_step	 s = { .action = "approve",
	    .set = "decided_occupation_id = ?5, decided_level = ?6,"
	    " decided_at = " CASE_NOW ", held_by = NULL, held_at = NULL",
	    .i1 = occupation_id, .i2 = level, .after = case_cert_issue };

	if (!case_occupation_ok(db, occupation_id, level, why))
		return QD_EINVAL;
	return case_step_run(db, actor, id, version, &s, why);
}

int
db_case_reject(sqlite3 *db, const struct qd_user *actor, int64_t id,
    int64_t version, const char *reason, char **why)
{
	struct case_step	 s = { .action = "reject", .set = "reason = ?7,"
	    " decided_at = " CASE_NOW ", held_by = NULL, held_at = NULL",
	    .t1 = reason };

	if (case_text_check(reason, 250, "不予通过的原因", "the reason",
	    why) != QD_OK)
		return QD_EINVAL;
	return case_step_run(db, actor, id, version, &s, why);
}

int
db_case_return(sqlite3 *db, const struct qd_user *actor, int64_t id,
    int64_t version, const char *missing, char **why)
{
	struct case_step	 s = { .action = "return", .set = "reason = ?7,"
	    " held_by = NULL, held_at = NULL", .t1 = missing };

	if (case_text_check(missing, 250, "缺少的材料", "what is missing",
	    why) != QD_OK)
		return QD_EINVAL;
	return case_step_run(db, actor, id, version, &s, why);
}

/* What notify records with the step. */
struct case_notice {
	const char	*channel;
	const char	*text;
	int64_t		 id;
};

/* Notify's own part: the notice, which the schema wants before the step. */
static int
case_notice_record(sqlite3 *db, const struct qd_user *actor,
    const struct qd_case *c, struct case_step *s, char **why)
{
	struct case_notice	*cn = s->arg;
	sqlite3_stmt		*st;
	int			 rc = QD_OK;

	if (db_prepare(db, "INSERT INTO notices (case_id, channel, text,"
	    " recorded_by) VALUES (?1, ?2, ?3, ?4)", &st) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int64(st, 1, c->id);
	sqlite3_bind_text(st, 2, cn->channel, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, cn->text, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, actor->login, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = db_fail(db, why);
	else
		cn->id = sqlite3_last_insert_rowid(db);
	sqlite3_finalize(st);
	return rc;
}

int
db_case_notify(sqlite3 *db, const struct qd_user *actor, int64_t id,
    int64_t version, const char *channel, const char *text,
    int64_t *notice_id, char **why)
{
	struct case_notice	 cn = { .channel = channel, .text = text };
	struct case_step	 s = { .action = "notify",
	    .before = case_notice_record, .arg = &cn };
	int			 rc;

	if (!notice_channel_valid(channel)) {
		why_set(why, "通知方式应为 sms phone email wechat in_person"
		    " post the channel must be one of sms, phone, email,"
		    " wechat, in_person, post");
		return QD_EINVAL;
	}
	if (case_text_check(text, 250, "通知内容", "the notice text", why) !=
	    QD_OK)
		return QD_EINVAL;
	rc = case_step_run(db, actor, id, version, &s, why);
	if (rc == QD_OK && notice_id != NULL)
		*notice_id = cn.id;
	return rc;
}

int
db_case_collect(sqlite3 *db, const struct qd_user *actor, int64_t id,
    int64_t version, const char *date, char **why)
{
	struct case_step	 s = { .action = "collect",
	    .set = "collected_on = ?7", .after = case_cert_handed };
	char			 day[11];

	if (idcheck_day(date, "领证日期", "collection date", day, why) !=
	    QD_OK)
		return QD_EINVAL;
	s.t1 = day;
	return case_step_run(db, actor, id, version, &s, why);
}
