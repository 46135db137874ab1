/*
 * Cases: reading them. One case with its names, the queues and lists with
 * keyset paging, counts, search and history. Every query is scoped here
 * by the actor's role and office: a clerk or liaison sees only the cases
 * of their office, whatever a screen asks for.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "case/case.h"

/* The columns of a list row, in struct qd_case_row order. */
#define CASE_ROW_COLUMNS \
	"c.id, a.name, a.mtp, o.name_zh, c.type, c.tw_qual," \
	" coalesce(dc.name, oc.name, ''), c.state, coalesce(u.login, '')," \
	" %s, CAST(julianday('now') - julianday(%s) AS INTEGER), c.version," \
	" (SELECT count(*) FROM case_materials cm WHERE cm.case_id = c.id" \
	" AND cm.received = 0), c.channel"
#define CASE_ROW_JOINS \
	" FROM cases c" CASE_ROW_NAMES
/* What a row joins to cases c for its names. */
#define CASE_ROW_NAMES \
	" JOIN applicants a ON a.id = c.applicant_id" \
	" JOIN offices o ON o.id = c.office_id" \
	" LEFT JOIN occupations dc ON dc.id = c.decided_occupation_id" \
	" LEFT JOIN occupations oc ON oc.id = c.occupation_id" \
	" LEFT JOIN users u ON u.id = c.held_by"

static const struct {
	const char	*state;
	const char	*label;
} case_states[] = {
	{ "accepted", "已受理 Accepted" },
	{ "forwarded", "已报送 Forwarded" },
	{ "returned", "退回补正 Returned" },
	{ "agency", "委托认定中 With agency" },
	{ "agency_office", "本地认定中 With the city's agency" },
	{ "approved", "审核通过 Approved" },
	{ "rejected", "不予通过 Rejected" },
	{ "notified", "已通知 Notified" },
	{ "collected", "已领证 Collected" },
	{ "closed", "已结案 Closed" },
	{ "withdrawn", "已撤回 Withdrawn" },
};

const char *
case_state_label(const char *state)
{
	size_t	 i;

	for (i = 0; i < nitems(case_states); i++) {
		if (state != NULL && strcmp(case_states[i].state, state) == 0)
			return case_states[i].label;
	}
	return state != NULL ? state : "";
}

/* Names of the steps in a case's history; transitions have theirs too. */
static const struct {
	const char	*action;
	const char	*label;
} case_actions[] = {
	{ "accept", "受理" }, { "forward", "报送" }, { "withdraw", "撤回" },
	{ "take", "领取" }, { "release", "释放" }, { "approve", "通过" },
	{ "reject", "不予通过" }, { "return", "退回补正" },
	{ "route", "委托认定" }, { "confirm", "认定确认" }, { "notify", "通知" },
	{ "collect", "领证" }, { "demo-data", "演示数据" },
	{ "certificate", "发证" }, { "print", "打印证书" },
	{ "waive", "缺材料报送说明" },
	{ "revoke", "撤销证书" },
};

const char *
case_action_label(const char *action)
{
	size_t	 i;

	for (i = 0; i < nitems(case_actions); i++) {
		if (action != NULL && strcmp(case_actions[i].action, action) == 0)
			return case_actions[i].label;
	}
	return action != NULL ? action : "";
}

/* Where an application came from (申请渠道). */
static const struct {
	const char	*channel;
	const char	*label;
} case_channels[] = {
	{ "window", "窗口 Window" },
	{ "app", "台陆通 App" },
	{ "platform", "省平台 Platform" },
	{ "email", "邮件 E-mail" },
	{ "post", "邮寄 Post" },
};

const char *
case_channel(size_t i)
{
	return i < nitems(case_channels) ? case_channels[i].channel : NULL;
}

const char *
case_channel_label(const char *channel)
{
	size_t	 i;

	for (i = 0; i < nitems(case_channels); i++) {
		if (channel != NULL &&
		    strcmp(case_channels[i].channel, channel) == 0)
			return case_channels[i].label;
	}
	return channel != NULL ? channel : "";
}

int
case_channel_valid(const char *channel)
{
	size_t	 i;

	for (i = 0; channel != NULL && i < nitems(case_channels); i++) {
		if (strcmp(case_channels[i].channel, channel) == 0)
			return 1;
	}
	return 0;
}

const char *
case_type_label(const char *type)
{
	if (type != NULL && strcmp(type, "recognition") == 0)
		return "采认 Recognition";
	if (type != NULL && strcmp(type, "adoption") == 0)
		return "采信 Adoption";
	return type != NULL ? type : "";
}

/* 1 if the actor is tied to one office and sees only its cases. */
static int
case_scoped(const struct qd_user *actor)
{
	return role_has_office(actor->role);
}

#define CASE_FIELD(member, type)	RECORD_FIELD(struct qd_case, member, type)
static const struct record_field case_fields[] = {
	CASE_FIELD(id, RECORD_INT64),
	CASE_FIELD(applicant_id, RECORD_INT64),
	CASE_FIELD(applicant_name, RECORD_TEXT),
	CASE_FIELD(applicant_mtp_masked, RECORD_TEXT),
	CASE_FIELD(office_id, RECORD_INT64),
	CASE_FIELD(office_code, RECORD_TEXT),
	CASE_FIELD(office_name, RECORD_TEXT),
	CASE_FIELD(type, RECORD_TEXT),
	CASE_FIELD(catalog_id, RECORD_INT64),
	CASE_FIELD(tw_qual, RECORD_TEXT),
	CASE_FIELD(tw_cert_no, RECORD_TEXT),
	CASE_FIELD(occupation_id, RECORD_INT64),
	CASE_FIELD(occupation_name, RECORD_TEXT),
	CASE_FIELD(mat_id, RECORD_BOOL),
	CASE_FIELD(mat_cert, RECORD_BOOL),
	CASE_FIELD(mat_photo, RECORD_BOOL),
	CASE_FIELD(mat_form, RECORD_BOOL),
	CASE_FIELD(materials_missing, RECORD_TEXT),
	CASE_FIELD(materials_waiver, RECORD_TEXT),
	CASE_FIELD(channel, RECORD_TEXT),
	CASE_FIELD(notes, RECORD_TEXT),
	CASE_FIELD(state, RECORD_TEXT),
	CASE_FIELD(state_name, RECORD_TEXT),
	CASE_FIELD(action, RECORD_TEXT),
	CASE_FIELD(held_by, RECORD_INT64),
	CASE_FIELD(held_by_login, RECORD_TEXT),
	CASE_FIELD(held_at, RECORD_TEXT),
	CASE_FIELD(decided_occupation_id, RECORD_INT64),
	CASE_FIELD(decided_occupation, RECORD_TEXT),
	CASE_FIELD(decided_level, RECORD_INT),
	CASE_FIELD(decided_level_name, RECORD_TEXT),
	CASE_FIELD(reason, RECORD_TEXT),
	CASE_FIELD(agency_id, RECORD_INT64),
	CASE_FIELD(agency_name, RECORD_TEXT),
	CASE_FIELD(agency_ref, RECORD_TEXT),
	CASE_FIELD(agency_on, RECORD_TEXT),
	CASE_FIELD(agency_paper, RECORD_INT),
	CASE_FIELD(collected_on, RECORD_TEXT),
	CASE_FIELD(created_at, RECORD_TEXT),
	CASE_FIELD(updated_at, RECORD_TEXT),
	CASE_FIELD(forwarded_at, RECORD_TEXT),
	CASE_FIELD(decided_at, RECORD_TEXT),
	CASE_FIELD(version, RECORD_INT64),
};
const struct record_desc case_record = { case_fields, nitems(case_fields) };

void
case_free(struct qd_case *c)
{
	record_free(&case_record, c);
}

/* Fill c from the row of db_case_get's statement; the MTP comes masked. */
static void
case_from_row(struct qd_case *c, sqlite3_stmt *st)
{
	char	*mtp;

	record_read(&case_record, c, st);
	mtp = c->applicant_mtp_masked;
	c->applicant_mtp_masked = idcheck_mask(mtp);
	free(mtp);
	c->state_name = xstrdup(case_state_label(c->state));
	if (c->materials_missing == NULL)
		c->materials_missing = xstrdup("");
}

int
db_case_get(sqlite3 *db, const struct qd_user *actor, int64_t id,
    struct qd_case **out, char **why)
{
	sqlite3_stmt	*st;
	int		 step, rc = QD_OK;

	*out = NULL;
	if (db_prepare(db, "SELECT c.id AS id, c.applicant_id AS applicant_id,"
	    " a.name AS applicant_name, a.mtp AS applicant_mtp_masked,"
	    " c.office_id AS office_id, o.code AS office_code,"
	    " o.name_zh AS office_name, c.type AS type,"
	    " c.catalog_id AS catalog_id, c.tw_qual AS tw_qual,"
	    " c.tw_cert_no AS tw_cert_no, c.occupation_id AS occupation_id,"
	    " oc.name AS occupation_name, c.mat_id AS mat_id,"
	    " c.mat_cert AS mat_cert, c.mat_photo AS mat_photo,"
	    " c.mat_form AS mat_form, c.notes AS notes, c.state AS state,"
	    " (SELECT group_concat(name_zh || ' ' || name_en, '、') FROM"
	    " (SELECT name_zh, name_en FROM case_materials WHERE case_id ="
	    " c.id AND received = 0 ORDER BY ord)) AS materials_missing,"
	    " (SELECT reason FROM material_waivers w WHERE w.case_id = c.id"
	    " ORDER BY w.id DESC LIMIT 1) AS materials_waiver,"
	    " c.channel AS channel,"
	    " c.action AS action, c.held_by AS held_by,"
	    " u.login AS held_by_login, c.held_at AS held_at,"
	    " c.decided_occupation_id AS decided_occupation_id,"
	    " dc.name AS decided_occupation, c.decided_level AS decided_level,"
	    " l.name_zh AS decided_level_name, c.reason AS reason,"
	    " c.agency_id AS agency_id, g.name AS agency_name,"
	    " c.agency_ref AS agency_ref, c.agency_on AS agency_on,"
	    " c.agency_paper AS agency_paper,"
	    " c.collected_on AS collected_on,"
	    " c.created_at AS created_at, c.updated_at AS updated_at,"
	    " c.forwarded_at AS forwarded_at, c.decided_at AS decided_at,"
	    " c.version AS version"
	    " FROM cases c JOIN applicants a ON a.id = c.applicant_id"
	    " JOIN offices o ON o.id = c.office_id"
	    " LEFT JOIN occupations oc ON oc.id = c.occupation_id"
	    " LEFT JOIN occupations dc ON dc.id = c.decided_occupation_id"
	    " LEFT JOIN level_names l ON l.level = c.decided_level"
	    " AND l.kind = coalesce((SELECT kind FROM catalog"
	    " WHERE id = c.catalog_id), 'skill')"
	    " LEFT JOIN agencies g ON g.id = c.agency_id"
	    " LEFT JOIN users u ON u.id = c.held_by"
	    " WHERE c.id = ?1 AND (?2 = 0 OR c.office_id = ?2)", &st) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, case_scoped(actor) ? actor->office_id : 0);
	step = sqlite3_step(st);
	if (step == SQLITE_ROW) {
		*out = xcalloc(1, sizeof **out);
		case_from_row(*out, st);
	} else if (step == SQLITE_DONE) {
		why_set(why, "找不到案件 %" PRId64 " no case %" PRId64
		    " (or it belongs to another office)", id, id);
		rc = QD_ENOTFOUND;
	} else
		rc = db_fail(db, why);
	sqlite3_finalize(st);
	return rc;
}

/* Free what one row holds. */
static void
case_row_clear(struct qd_case_row *r)
{
	free(r->applicant_name);
	free(r->mtp_masked);
	free(r->office_name);
	free(r->type);
	free(r->tw_qual);
	free(r->occupation);
	free(r->state);
	free(r->state_name);
	free(r->held_by);
	free(r->since);
	free(r->channel);
	memset(r, 0, sizeof *r);
}

void
case_rows_free(struct qd_case_row *rows, size_t n)
{
	size_t	 i;

	if (rows == NULL)
		return;
	for (i = 0; i < n; i++)
		case_row_clear(&rows[i]);
	free(rows);
}

/* Step st and append its rows (CASE_ROW_COLUMNS order) to *out. */
static int
case_rows_read(sqlite3 *db, sqlite3_stmt *st, struct qd_case_row **out,
    size_t *n, char **why)
{
	struct qd_case_row	*r;
	char			*mtp;
	int			 step;

	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		*out = xreallocarray(*out, *n + 1, sizeof **out);
		r = &(*out)[(*n)++];
		memset(r, 0, sizeof *r);
		r->id = sqlite3_column_int64(st, 0);
		r->applicant_name = db_column_strdup(st, 1);
		mtp = db_column_strdup(st, 2);
		r->mtp_masked = idcheck_mask(mtp);
		free(mtp);
		r->office_name = db_column_strdup(st, 3);
		r->type = db_column_strdup(st, 4);
		r->tw_qual = db_column_strdup(st, 5);
		r->occupation = db_column_strdup(st, 6);
		r->state = db_column_strdup(st, 7);
		r->state_name = xstrdup(case_state_label(r->state));
		r->held_by = db_column_strdup(st, 8);
		r->since = db_column_strdup(st, 9);
		if (r->since == NULL)
			r->since = xstrdup("");
		r->age_days = sqlite3_column_int(st, 10);
		r->version = sqlite3_column_int64(st, 11);
		r->missing = sqlite3_column_int(st, 12);
		r->channel = db_column_strdup(st, 13);
	}
	if (step != SQLITE_DONE)
		return db_fail(db, why);
	return QD_OK;
}

/* The office a list is limited to: the actor's own, or the filter's. */
static int64_t
case_list_office(const struct qd_user *actor, const struct qd_case_filter *f)
{
	if (case_scoped(actor))
		return actor->office_id;
	return f->office_id;
}

/* 1 if the filter asks an office-bound actor for another office's cases. */
static int
case_list_elsewhere(const struct qd_user *actor, const struct qd_case_filter *f)
{
	return case_scoped(actor) && f->office_id != 0 &&
	    f->office_id != actor->office_id;
}

/*
 * Parse a cursor "TEXT|ID" (the center's queue: forwarded_at and id) or
 * "ID" (other lists). QD_EINVAL for anything else.
 */
static int
case_cursor_parse(const char *cursor, char **text, int64_t *id)
{
	const char	*bar;
	char		*end;
	long long	 v;

	*text = NULL;
	*id = 0;
	if (cursor == NULL)
		return QD_OK;
	bar = strrchr(cursor, '|');
	if (bar != NULL)
		*text = xstrndup(cursor, (size_t)(bar - cursor));
	v = strtoll(bar != NULL ? bar + 1 : cursor, &end, 10);
	if (*end != '\0' || v <= 0) {
		xfree(text);
		return QD_EINVAL;
	}
	*id = v;
	return QD_OK;
}

/*
 * The offices' queues hold several states. Each state is read newest first
 * on its own index range, a page at most, and the pages merged: one range
 * of "state IN (...)" would be read whole and sorted, thousands of rows
 * for a busy office, to show fifty.
 */
/* The office's desk: also what waits on the city's own agency. */
static const char *const case_outbox_states[] = { "accepted", "returned",
    "agency_office", NULL };
static const char *const case_inbox_states[] = { "approved", "rejected",
    "notified", NULL };

/*
 * The filter's conditions after the state, as SQL of constant parts. walk
 * keeps the planner from the office's index (the unary +), for a walk of
 * the primary key newest first.
 */
static char *
case_list_conditions(const struct qd_case_filter *f, int64_t office,
    int review, int paging, int walk)
{
	char	*sql;

	xasprintf(&sql, "%s%s%s%s%s%s", office == 0 ? "" : walk ?
	    " AND +c.office_id = ?2" : " AND c.office_id = ?2",
	    f->type != NULL ? " AND c.type = ?3" : "",
	    f->channel != NULL ? " AND c.channel = ?9" : "",
	    f->occupation_id != 0 ? " AND c.occupation_id = ?4" : "",
	    f->applicant_id != 0 ? " AND c.applicant_id = ?8" : "",
	    !paging ? "" : review ?
	    " AND (c.forwarded_at, c.id) > (?5, ?6)" : " AND c.id < ?6");
	return sql;
}

/* A page of each of states, merged newest first. */
static char *
case_list_merged(const char *const *states, const char *cols,
    const char *cond)
{
	char	*arms = xstrdup(""), *tmp, *sql;

	for (; *states != NULL; states++) {
		xasprintf(&tmp, "%s%sSELECT id FROM (SELECT c.id FROM cases c"
		    " WHERE c.state = '%s'%s ORDER BY c.id DESC LIMIT ?7)", arms,
		    *arms != '\0' ? " UNION ALL " : "", *states, cond);
		free(arms);
		arms = tmp;
	}
	/* The page's ids first, so that only they are joined to names. */
	xasprintf(&sql, "SELECT %s FROM (SELECT id FROM (%s) ORDER BY id DESC"
	    " LIMIT ?7) k JOIN cases c ON c.id = k.id%s ORDER BY c.id DESC",
	    cols, arms, CASE_ROW_NAMES);
	free(arms);
	return sql;
}

/*
 * One office's cases in any state: a page of each state from the office's
 * index, merged. A walk of all cases testing the office reads the whole
 * table when the office has few or none.
 */
static char *
case_list_office_all(const struct qd_case_filter *f, int64_t office,
    const char *cols, int paging)
{
	const char	*states[nitems(case_states) + 1];
	char		*cond, *sql;
	size_t		 i;

	for (i = 0; i < nitems(case_states); i++)
		states[i] = case_states[i].state;
	states[i] = NULL;
	cond = case_list_conditions(f, office, 0, paging, 0);
	sql = case_list_merged(states, cols, cond);
	free(cond);
	return sql;
}

/* Build the SQL of a list from constant parts chosen by the filter. */
static char *
case_list_sql(const struct qd_case_filter *f, int64_t office, int review,
    int paging)
{
	const char	*since = review ? "c.forwarded_at" : "c.updated_at";
	char		*cols, *cond, *sql;
	const char	*where;
	int		 walk = f->queue == CASE_QUEUE_ALL && f->state == NULL;

	xasprintf(&cols, CASE_ROW_COLUMNS, since, since);
	if (walk && office != 0 && f->applicant_id == 0) {
		sql = case_list_office_all(f, office, cols, paging);
		free(cols);
		return sql;
	}
	cond = case_list_conditions(f, office, review, paging, walk);
	switch (f->queue) {
	case CASE_QUEUE_REVIEW:
		where = " WHERE c.state = 'forwarded'";
		break;
	case CASE_QUEUE_AGENCY:
		where = " WHERE c.state = 'agency'";
		break;
	case CASE_QUEUE_OUTBOX:
	case CASE_QUEUE_INBOX:
		sql = case_list_merged(f->queue == CASE_QUEUE_OUTBOX ?
		    case_outbox_states : case_inbox_states, cols, cond);
		free(cols);
		free(cond);
		return sql;
	default:
		where = f->state != NULL ? " WHERE c.state = ?1" : " WHERE 1";
		break;
	}
	/*
	 * Without a state or an office, walk cases newest first and test the
	 * rest on each row.
	 */
	xasprintf(&sql, "SELECT %s%s%s%s%s LIMIT ?7", cols, CASE_ROW_JOINS,
	    where, cond,
	    review ? " ORDER BY c.forwarded_at, c.id" : " ORDER BY c.id DESC");
	free(cols);
	free(cond);
	return sql;
}

int
db_case_list(sqlite3 *db, const struct qd_user *actor,
    const struct qd_case_filter *f, const char *cursor, int limit,
    struct qd_case_row **out, size_t *n, char **next, char **why)
{
	sqlite3_stmt	*st = NULL;
	char		*sql, *after = NULL;
	int64_t		 office = case_list_office(actor, f), after_id;
	int		 review = f->queue == CASE_QUEUE_REVIEW ||
			    f->queue == CASE_QUEUE_AGENCY;
	int		 rc;

	*out = NULL;
	*n = 0;
	*next = NULL;
	if (limit <= 0 || limit > 1000)
		limit = 100;
	if (case_cursor_parse(cursor, &after, &after_id) != QD_OK ||
	    (review && cursor != NULL && after == NULL)) {
		why_set(why, "无效的翻页位置 bad page cursor");
		return QD_EINVAL;
	}
	/* None of another office's cases, rather than the actor's own. */
	if (case_list_elsewhere(actor, f)) {
		free(after);
		return QD_OK;
	}
	sql = case_list_sql(f, office, review, cursor != NULL);
	rc = db_prepare(db, sql, &st);
	free(sql);
	if (rc != QD_OK) {
		free(after);
		return db_fail(db, why);
	}
	if (f->state != NULL)
		sqlite3_bind_text(st, 1, f->state, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, office);
	if (f->type != NULL)
		sqlite3_bind_text(st, 3, f->type, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 4, f->occupation_id);
	if (after != NULL)
		sqlite3_bind_text(st, 5, after, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 6, after_id);
	/* One row more than asked says whether there is another page. */
	sqlite3_bind_int(st, 7, limit + 1);
	sqlite3_bind_int64(st, 8, f->applicant_id);
	if (f->channel != NULL)
		sqlite3_bind_text(st, 9, f->channel, -1, SQLITE_TRANSIENT);
	rc = case_rows_read(db, st, out, n, why);
	sqlite3_finalize(st);
	free(after);
	if (rc != QD_OK) {
		case_rows_free(*out, *n);
		*out = NULL;
		*n = 0;
		return rc;
	}
	if (*n > (size_t)limit) {
		(*n)--;
		case_row_clear(&(*out)[*n]);
		if (review)
			xasprintf(next, "%s|%" PRId64, (*out)[*n - 1].since,
			    (*out)[*n - 1].id);
		else
			xasprintf(next, "%" PRId64, (*out)[*n - 1].id);
	}
	return QD_OK;
}

/* 1 if text is only ASCII digits (a case or an MTP number). */
static int
case_all_digits(const char *text)
{
	if (*text == '\0')
		return 0;
	for (; *text != '\0'; text++) {
		if (*text < '0' || *text > '9')
			return 0;
	}
	return 1;
}

/* Find by number: the case with that id, or the cases of that MTP. */
static int
case_find_number(sqlite3 *db, const struct qd_user *actor, const char *text,
    const char *cursor, int limit, struct qd_case_row **out, size_t *n,
    char **next, char **why)
{
	sqlite3_stmt	*st;
	char		*cols, *sql, *after, mtp[9], *ignore = NULL;
	int64_t		 after_id, id;
	int		 old, rc;

	if (case_cursor_parse(cursor, &after, &after_id) != QD_OK) {
		why_set(why, "无效的翻页位置 bad page cursor");
		return QD_EINVAL;
	}
	free(after);
	if (idcheck_mtp(text, mtp, &old, &ignore) != QD_OK)
		mtp[0] = '\0';
	free(ignore);
	id = strlen(text) <= 15 ? strtoll(text, NULL, 10) : 0;
	xasprintf(&cols, CASE_ROW_COLUMNS, "c.updated_at", "c.updated_at");
	xasprintf(&sql, "SELECT %s%s WHERE (c.id = ?1 OR c.applicant_id IN"
	    " (SELECT id FROM applicants WHERE mtp = ?2))"
	    " AND (?3 = 0 OR c.office_id = ?3) AND (?4 = 0 OR c.id < ?4)"
	    " ORDER BY c.id DESC LIMIT ?5", cols, CASE_ROW_JOINS);
	free(cols);
	rc = db_prepare(db, sql, &st);
	free(sql);
	if (rc != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, mtp, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 3, case_scoped(actor) ? actor->office_id : 0);
	sqlite3_bind_int64(st, 4, after_id);
	sqlite3_bind_int(st, 5, limit + 1);
	rc = case_rows_read(db, st, out, n, why);
	sqlite3_finalize(st);
	if (rc == QD_OK && *n > (size_t)limit) {
		case_row_clear(&(*out)[--(*n)]);
		xasprintf(next, "%" PRId64, (*out)[*n - 1].id);
	}
	return rc;
}

/*
 * The upper bound of a prefix range: the prefix followed by the largest
 * code point, so "name_key >= p AND name_key < bound" is an index range.
 */
static char *
case_prefix_bound(const char *prefix)
{
	char	*bound;

	xasprintf(&bound, "%s\xf4\x8f\xbf\xbf", prefix);
	return bound;
}

/* The cursor after case id in a name search: "APPLICANT|CASE|KEY". */
static int
case_name_cursor(sqlite3 *db, int64_t id, char **next, char **why)
{
	sqlite3_stmt	*st;
	int		 rc = QD_OK;

	if (db_prepare(db, "SELECT a.id, a.name_key FROM cases c"
	    " JOIN applicants a ON a.id = c.applicant_id WHERE c.id = ?1",
	    &st) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW)
		xasprintf(next, "%lld|%lld|%s",
		    (long long)sqlite3_column_int64(st, 0), (long long)id,
		    (const char *)sqlite3_column_text(st, 1));
	else
		rc = db_fail(db, why);
	sqlite3_finalize(st);
	return rc;
}

/* Find by name prefix, folded; paged by (name_key, applicant, case). */
static int
case_find_name(sqlite3 *db, const struct qd_user *actor, const char *text,
    const char *cursor, int limit, struct qd_case_row **out, size_t *n,
    char **next, char **why)
{
	sqlite3_stmt	*st;
	char		*key, *bound, *cols, *sql;
	char		 ckey[256];
	long long	 capp = 0, ccase = 0;
	int		 rc;

	ckey[0] = '\0';
	if (cursor != NULL && sscanf(cursor, "%lld|%lld|%255[^\n]", &capp,
	    &ccase, ckey) != 3) {
		why_set(why, "无效的翻页位置 bad page cursor");
		return QD_EINVAL;
	}
	key = namekey(text);
	bound = case_prefix_bound(key);
	xasprintf(&cols, CASE_ROW_COLUMNS, "c.updated_at", "c.updated_at");
	xasprintf(&sql, "SELECT %s%s WHERE a.name_key >= ?1 AND a.name_key < ?2"
	    " AND (?3 = 0 OR c.office_id = ?3)"
	    " AND (?4 = '' OR (a.name_key, a.id, c.id) > (?4, ?5, ?6))"
	    " ORDER BY a.name_key, a.id, c.id LIMIT ?7", cols, CASE_ROW_JOINS);
	free(cols);
	rc = db_prepare(db, sql, &st);
	free(sql);
	if (rc != QD_OK) {
		free(key);
		free(bound);
		return db_fail(db, why);
	}
	sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, bound, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 3, case_scoped(actor) ? actor->office_id : 0);
	sqlite3_bind_text(st, 4, ckey, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 5, capp);
	sqlite3_bind_int64(st, 6, ccase);
	sqlite3_bind_int(st, 7, limit + 1);
	rc = case_rows_read(db, st, out, n, why);
	if (rc == QD_OK && *n > (size_t)limit) {
		case_row_clear(&(*out)[--(*n)]);
		rc = case_name_cursor(db, (*out)[*n - 1].id, next, why);
	}
	sqlite3_finalize(st);
	free(key);
	free(bound);
	return rc;
}

int
db_case_find(sqlite3 *db, const struct qd_user *actor, const char *text,
    const char *cursor, int limit, struct qd_case_row **out, size_t *n,
    char **next, char **why)
{
	char	*t;
	int	 rc;

	*out = NULL;
	*n = 0;
	*next = NULL;
	if (limit <= 0 || limit > 1000)
		limit = 100;
	if (text == NULL || !text_valid(text)) {
		why_set(why, "搜索内容无效 the search text is not valid");
		return QD_EINVAL;
	}
	t = xstrdup(text + strspn(text, " "));
	t[strcspn(t, " ")] = '\0';
	if (*t == '\0') {
		why_set(why, "请输入姓名、台胞证号或案件号 type a name, an MTP"
		    " number or a case number");
		rc = QD_EINVAL;
	} else if (case_all_digits(t) || strchr(t, '(') != NULL)
		rc = case_find_number(db, actor, t, cursor, limit, out, n,
		    next, why);
	else
		rc = case_find_name(db, actor, t, cursor, limit, out, n, next,
		    why);
	free(t);
	if (rc != QD_OK) {
		case_rows_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	return rc;
}

/* Sum the kept counts of the states of a queue. */
static int
case_count_kept(sqlite3 *db, const char *states, int64_t office,
    const char *type, int64_t *count, char **why)
{
	sqlite3_stmt	*st;
	char		*sql;
	int		 rc;

	xasprintf(&sql, "SELECT coalesce(sum(n), 0) FROM case_counts"
	    " WHERE state IN (%s) AND (?1 = 0 OR office_id = ?1)"
	    " AND (?2 IS NULL OR type = ?2)", states);
	rc = db_prepare(db, sql, &st);
	free(sql);
	if (rc != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int64(st, 1, office);
	if (type != NULL)
		sqlite3_bind_text(st, 2, type, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_ROW)
		*count = sqlite3_column_int64(st, 0);
	else
		rc = db_fail(db, why);
	sqlite3_finalize(st);
	return rc;
}

/* The states a queue holds, as an SQL list of constants. */
static const char *
case_queue_states(const struct qd_case_filter *f)
{
	switch (f->queue) {
	case CASE_QUEUE_REVIEW:
		return "'forwarded'";
	case CASE_QUEUE_AGENCY:
		return "'agency'";
	case CASE_QUEUE_OUTBOX:
		return "'accepted', 'returned', 'agency_office'";
	case CASE_QUEUE_INBOX:
		return "'approved', 'rejected', 'notified'";
	default:
		return NULL;
	}
}

int
db_case_count(sqlite3 *db, const struct qd_user *actor,
    const struct qd_case_filter *f, int64_t *count, int *oldest_days,
    char **why)
{
	struct qd_case_filter	 one = *f;
	struct qd_case_row	*rows = NULL;
	sqlite3_stmt		*st;
	const char		*states = case_queue_states(f);
	char			*next = NULL;
	size_t			 n = 0;
	int64_t			 office = case_list_office(actor, f);
	int			 rc;

	*count = 0;
	*oldest_days = 0;
	if (states == NULL || f->applicant_id != 0) {
		why_set(why, "只能统计队列 only a queue can be counted");
		return QD_EINVAL;
	}
	if (case_list_elsewhere(actor, f))
		return QD_OK;
	if (f->occupation_id == 0 && f->channel == NULL)
		rc = case_count_kept(db, states, office, f->type, count, why);
	else {
		/* Counted on the occupation's index range, or the queue's. */
		char *sql;

		xasprintf(&sql, "SELECT count(*) FROM cases WHERE state IN (%s)"
		    " AND (?1 = 0 OR occupation_id = ?1)"
		    " AND (?2 = 0 OR office_id = ?2)"
		    " AND (?3 IS NULL OR type = ?3)"
		    " AND (?4 IS NULL OR channel = ?4)", states);
		rc = db_prepare(db, sql, &st);
		free(sql);
		if (rc != QD_OK)
			return db_fail(db, why);
		sqlite3_bind_int64(st, 1, f->occupation_id);
		sqlite3_bind_int64(st, 2, office);
		if (f->type != NULL)
			sqlite3_bind_text(st, 3, f->type, -1,
			    SQLITE_TRANSIENT);
		if (f->channel != NULL)
			sqlite3_bind_text(st, 4, f->channel, -1,
			    SQLITE_TRANSIENT);
		if (sqlite3_step(st) == SQLITE_ROW)
			*count = sqlite3_column_int64(st, 0);
		else
			rc = db_fail(db, why);
		sqlite3_finalize(st);
	}
	if (rc != QD_OK || *count == 0)
		return rc;
	/* The center's queues are oldest first: the first row is the oldest. */
	if (f->queue == CASE_QUEUE_REVIEW || f->queue == CASE_QUEUE_AGENCY) {
		rc = db_case_list(db, actor, &one, NULL, 1, &rows, &n, &next,
		    why);
		if (rc == QD_OK && n > 0)
			*oldest_days = rows[0].age_days;
		case_rows_free(rows, n);
		free(next);
	}
	return rc;
}
