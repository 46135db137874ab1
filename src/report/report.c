/*
 * The report engine: the indicators every module declares, computed from
 * the counts the schema keeps (report_visible, which already leaves out
 * what the user may not read) and scoped again here by role and office.
 * A split is one of five dimensions; the SQL for each is a constant of
 * this file, never built from what a user typed.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "report/report.h"

static const struct {
	int		 by;
	const char	*name;
	const char	*label;
	const char	*column;	/* of report_visible */
} report_dims[] = {
	{ 0, "none", "不分组 No split", "''" },
	{ REPORT_BY_OFFICE, "office", "办公室 Office", "office_id" },
	{ REPORT_BY_MONTH, "month", "月份 Month", "month" },
	{ REPORT_BY_OCCUPATION, "occupation", "职业 Occupation",
	  "occupation_id" },
	{ REPORT_BY_LEVEL, "level", "等级 Level", "level" },
	{ REPORT_BY_TYPE, "type", "类型 Type", "type" },
};

/* The types of case, as the report names them. */
static const struct {
	const char	*type;
	const char	*label;
} report_types[] = {
	{ "adoption", "采信 Adoption" },
	{ "recognition", "采认 Recognition" },
};

const struct report_indicator *
report_indicator_at(size_t i)
{
	const struct qd_module *const		*m;
	const struct report_indicator		*r;

	for (m = qd_modules; *m != NULL; m++) {
		if ((*m)->indicators == NULL)
			continue;
		for (r = (*m)->indicators; r->name != NULL; r++) {
			if (i-- == 0)
				return r;
		}
	}
	return NULL;
}

const struct report_indicator *
report_indicator_find(const char *name)
{
	const struct report_indicator	*r;
	size_t				 i;

	for (i = 0; name != NULL && (r = report_indicator_at(i)) != NULL; i++) {
		if (strcmp(r->name, name) == 0)
			return r;
	}
	return NULL;
}

const char *
report_indicator_title(const struct report_indicator *r)
{
	static char	 buf[160];

	snprintf(buf, sizeof buf, "%s %s", r->label_zh, r->label_en);
	return buf;
}

static size_t
report_dim_index(int by)
{
	size_t	 i;

	for (i = 0; i < nitems(report_dims); i++) {
		if (report_dims[i].by == by)
			return i;
	}
	return 0;
}

const char *
report_dim_name(int by)
{
	return report_dims[report_dim_index(by)].name;
}

const char *
report_dim_label(int by)
{
	return report_dims[report_dim_index(by)].label;
}

int
report_dim_parse(const char *s, int *by)
{
	size_t	 i;

	for (i = 0; s != NULL && i < nitems(report_dims); i++) {
		if (strcmp(report_dims[i].name, s) == 0) {
			*by = report_dims[i].by;
			return QD_OK;
		}
	}
	return QD_EINVAL;
}

int
report_month_valid(const char *s)
{
	int	 y, m;

	if (s == NULL || strlen(s) != 7 || s[4] != '-' ||
	    strspn(s, "0123456789") != 4 || strspn(s + 5, "0123456789") != 2)
		return 0;
	y = atoi(s);
	m = atoi(s + 5);
	return y >= 2000 && y <= 2199 && m >= 1 && m <= 12;
}

void
report_month_now(char out[8])
{
	time_t		 t = time(NULL) + 8 * 3600;
	struct tm	 tm;

	gmtime_r(&t, &tm);
	snprintf(out, 8, "%04u-%02u", (unsigned)(tm.tm_year + 1900) % 10000u,
	    (unsigned)(tm.tm_mon + 1) % 100u);
}

void
report_month_add(char m[8], int months)
{
	int	 k = atoi(m) * 12 + atoi(m + 5) - 1 + months;

	if (k < 0)
		k = 0;
	snprintf(m, 8, "%04u-%02u", (unsigned)(k / 12) % 10000u,
	    (unsigned)(k % 12 + 1) % 100u);
}

/* Months from a to b, both included (0 when b is before a). */
static int
report_months_between(const char *a, const char *b)
{
	int	 n = (atoi(b) * 12 + atoi(b + 5)) - (atoi(a) * 12 + atoi(a + 5));

	return n < 0 ? 0 : n + 1;
}

static int
report_bad_month(const char *what, const char *s, char **why)
{
	why_set(why, "%s不是年月（YYYY-MM）：%s %s is not a month (YYYY-MM):"
	    " %s", what, s, what, s);
	return QD_EINVAL;
}

int
report_query_set(struct report_query *q, const char *from, const char *to,
    const char *month, const char *by, char **why)
{
	memset(q, 0, sizeof *q);
	if (by != NULL && report_dim_parse(by, &q->by) != QD_OK) {
		why_set(why, "不能按「%s」分组，可选 office、month、occupation、"
		    "level、type、none; cannot split by '%s'", by, by);
		return QD_EINVAL;
	}
	if (month != NULL && *month != '\0') {
		if (!report_month_valid(month))
			return report_bad_month("月份 month", month, why);
		from = to = month;
	}
	if (to != NULL && *to != '\0') {
		if (!report_month_valid(to))
			return report_bad_month("截止 to", to, why);
		snprintf(q->to, sizeof q->to, "%s", to);
	} else
		report_month_now(q->to);
	if (from != NULL && *from != '\0') {
		if (!report_month_valid(from))
			return report_bad_month("起始 from", from, why);
		snprintf(q->from, sizeof q->from, "%s", from);
	} else
		snprintf(q->from, sizeof q->from, "%.4s-01", q->to);
	if (strcmp(q->from, q->to) > 0) {
		why_set(why, "起始月份晚于截止月份 the period starts (%s) after"
		    " it ends (%s)", q->from, q->to);
		return QD_EINVAL;
	}
	if (report_months_between(q->from, q->to) > 120) {
		why_set(why, "期间最长120个月 a period is at most 120 months");
		return QD_EINVAL;
	}
	return QD_OK;
}

int
report_scope(const struct qd_user *actor, struct report_query *q, char **why)
{
	if (!role_has_office(actor->role))
		return QD_OK;
	if (q->office_id != 0 && q->office_id != actor->office_id) {
		why_set(why, "只能查看本办公室和全省的数字 an office sees its own"
		    " figures and the province's only");
		return QD_EDENIED;
	}
	q->office_id = actor->office_id;
	return QD_OK;
}

struct report_row *
report_table_row(struct report_table *t, const char *key, const char *label,
    enum report_row_kind kind)
{
	struct report_row	*r;

	t->rows = xreallocarray(t->rows, t->n + 1, sizeof *t->rows);
	r = &t->rows[t->n++];
	memset(r, 0, sizeof *r);
	r->key = xstrdup(key != NULL ? key : "");
	r->label = label != NULL ? xstrdup(label) : NULL;
	r->kind = kind;
	return r;
}

void
report_table_free(struct report_table *t)
{
	size_t	 i;

	if (t == NULL)
		return;
	for (i = 0; i < t->n; i++) {
		free(t->rows[i].key);
		free(t->rows[i].label);
	}
	free(t->rows);
	free(t);
}

const char *
report_value_text(const struct report_table *t, const struct report_row *r,
    size_t col, char *buf, size_t len)
{
	double	 v = col < REPORT_VALUES_MAX ? r->v[col] : 0;

	(void)t;
	if (v < 0)
		snprintf(buf, len, "-");
	else if (v == floor(v))
		snprintf(buf, len, "%.0f", v);
	else
		snprintf(buf, len, "%.1f", v);
	return buf;
}

/* A histogram of days being read, one key at a time. */
struct report_hist {
	long long	*days;
	long long	*n;
	size_t		 len, cap;
	long long	 total;
};

/* The day at nearest rank ceil(p * total); -1 when empty. */
static double
report_hist_rank(const struct report_hist *h, double p)
{
	long long	 rank, seen = 0;
	size_t		 i;

	if (h->total == 0)
		return -1;
	rank = (long long)ceil(p * (double)h->total);
	if (rank < 1)
		rank = 1;
	for (i = 0; i < h->len; i++) {
		if ((seen += h->n[i]) >= rank)
			return (double)h->days[i];
	}
	return (double)h->days[h->len - 1];
}

/* Put what h holds into r's values, by the indicator's kind. */
static void
report_hist_finish(struct report_hist *h, enum report_kind kind,
    struct report_row *r)
{
	r->v[0] = (double)h->total;
	if (kind == REPORT_DAYS) {
		r->v[1] = report_hist_rank(h, 0.5);
		r->v[2] = report_hist_rank(h, 0.9);
	}
	h->len = 0;
	h->total = 0;
}

static void
report_hist_add(struct report_hist *h, long long days, long long n)
{
	if (h->len == h->cap) {
		h->cap = h->cap ? h->cap * 2 : 64;
		h->days = xreallocarray(h->days, h->cap, sizeof *h->days);
		h->n = xreallocarray(h->n, h->cap, sizeof *h->n);
	}
	h->days[h->len] = days;
	h->n[h->len++] = n;
	h->total += n;
}

/*
 * Run one grouped read: key column by (0: none) for offices office (0:
 * the province's rows; -1: every office's), a row of kind per key.
 */
static int
report_read(sqlite3 *db, struct report_table *t, int by, int64_t office,
    enum report_row_kind kind, char **why)
{
	struct report_hist	 h = { 0 };
	struct report_row	*r = NULL;
	sqlite3_stmt		*st = NULL;
	char			*sql, *key = NULL;
	const char		*k;
	int			 step, rc = QD_OK;

	xasprintf(&sql, "SELECT CAST(%s AS TEXT), days, sum(n) FROM"
	    " report_visible WHERE indicator = ?1 AND month BETWEEN ?2 AND ?3"
	    " AND %s GROUP BY 1, 2 ORDER BY 1, 2",
	    report_dims[report_dim_index(by)].column,
	    office < 0 ? "office_id <> 0" : "office_id = ?4");
	if (db_prepare(db, sql, &st) != QD_OK) {
		rc = db_fail(db, why);
		goto out;
	}
	sqlite3_bind_text(st, 1, t->ind->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, t->q.from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, t->q.to, -1, SQLITE_STATIC);
	if (office >= 0)
		sqlite3_bind_int64(st, 4, office);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		k = (const char *)sqlite3_column_text(st, 0);
		if (k == NULL)
			k = "";
		if (key == NULL || strcmp(key, k) != 0) {
			if (r != NULL)
				report_hist_finish(&h, t->ind->kind, r);
			free(key);
			key = xstrdup(k);
			r = report_table_row(t, by == 0 ? (kind ==
			    REPORT_ROW_PROVINCE ? "province" : "total") : k,
			    NULL, kind);
		}
		report_hist_add(&h, sqlite3_column_int64(st, 1),
		    sqlite3_column_int64(st, 2));
	}
	if (r != NULL)
		report_hist_finish(&h, t->ind->kind, r);
	if (step != SQLITE_DONE)
		rc = db_fail(db, why);
	/* Nothing at all still makes the total's row. */
	if (rc == QD_OK && by == 0 && r == NULL) {
		r = report_table_row(t, kind == REPORT_ROW_PROVINCE ?
		    "province" : "total", NULL, kind);
		report_hist_finish(&h, t->ind->kind, r);
	}
out:
	sqlite3_finalize(st);
	free(sql);
	free(key);
	free(h.days);
	free(h.n);
	return rc;
}

/* An empty row of t for key, with the kind's "none" values. */
static void
report_zero_row(struct report_table *t, struct report_row *r,
    const char *key)
{
	memset(r, 0, sizeof *r);
	r->key = xstrdup(key);
	r->kind = REPORT_ROW_ITEM;
	if (t->ind->kind == REPORT_DAYS)
		r->v[1] = r->v[2] = -1;
}

/*
 * Put the split's rows in the order a reader expects and with every
 * month, office or type there is, zero where nothing was counted.
 */
static void
report_fill(sqlite3 *db, struct report_table *t, int64_t office)
{
	struct report_row	*rows = NULL;
	struct qd_office	*o = NULL;
	size_t			 n = 0, no = 0, i, j, nkeys = 0;
	char			 m[8], key[24], **keys = NULL;

	if (t->q.by == REPORT_BY_MONTH) {
		snprintf(m, sizeof m, "%s", t->q.from);
		for (; strcmp(m, t->q.to) <= 0; report_month_add(m, 1)) {
			keys = xreallocarray(keys, nkeys + 1, sizeof *keys);
			keys[nkeys++] = xstrdup(m);
		}
	} else if (t->q.by == REPORT_BY_OFFICE && office == 0 &&
	    db_office_list(db, &o, &no) == QD_OK) {
		for (i = 0; i < no; i++) {
			snprintf(key, sizeof key, "%lld", (long long)o[i].id);
			keys = xreallocarray(keys, nkeys + 1, sizeof *keys);
			keys[nkeys++] = xstrdup(key);
		}
		office_free_array(o, no);
	} else if (t->q.by == REPORT_BY_TYPE) {
		for (i = 0; i < nitems(report_types); i++) {
			keys = xreallocarray(keys, nkeys + 1, sizeof *keys);
			keys[nkeys++] = xstrdup(report_types[i].type);
		}
	}
	if (nkeys == 0)
		return;
	rows = xcalloc(nkeys + t->n, sizeof *rows);
	for (i = 0; i < nkeys; i++) {
		for (j = 0; j < t->n; j++) {
			if (t->rows[j].key != NULL && t->rows[j].kind ==
			    REPORT_ROW_ITEM && strcmp(t->rows[j].key,
			    keys[i]) == 0)
				break;
		}
		if (j < t->n) {
			rows[n++] = t->rows[j];
			t->rows[j].key = NULL;
		} else
			report_zero_row(t, &rows[n++], keys[i]);
		free(keys[i]);
	}
	/* What the fill did not name (a total, an unknown key) follows. */
	for (j = 0; j < t->n; j++) {
		if (t->rows[j].key != NULL)
			rows[n++] = t->rows[j];
	}
	free(keys);
	free(t->rows);
	t->rows = rows;
	t->n = n;
}

/* The text of a one-value lookup, or NULL. */
static char *
report_lookup(sqlite3 *db, const char *sql, const char *key)
{
	sqlite3_stmt	*st;
	char		*v = NULL;

	if (db_prepare(db, sql, &st) != QD_OK)
		return NULL;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = db_column_strdup(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* A label for a row of the split (caller frees). */
static char *
report_label_of(sqlite3 *db, int by, const char *key)
{
	char	*v = NULL;
	size_t	 i;

	switch (by) {
	case REPORT_BY_OFFICE:
		v = report_lookup(db, "SELECT name_zh || ' ' || name_en FROM"
		    " offices WHERE id = CAST(?1 AS INTEGER)", key);
		break;
	case REPORT_BY_OCCUPATION:
		if (strcmp(key, "0") == 0)
			return xstrdup("未定 None");
		v = report_lookup(db, "SELECT name FROM occupations WHERE"
		    " id = CAST(?1 AS INTEGER)", key);
		break;
	case REPORT_BY_LEVEL:
		if (strcmp(key, "0") == 0)
			return xstrdup("未定 None");
		v = report_lookup(db, "SELECT name_zh FROM levels WHERE"
		    " level = CAST(?1 AS INTEGER)", key);
		break;
	case REPORT_BY_TYPE:
		for (i = 0; i < nitems(report_types); i++) {
			if (strcmp(report_types[i].type, key) == 0)
				return xstrdup(report_types[i].label);
		}
		break;
	default:
		break;
	}
	return v != NULL ? v : xstrdup(key);
}

/* Label every row: the split's, the scope's total and the province. */
static void
report_label(sqlite3 *db, struct report_table *t)
{
	struct report_row	*r;
	char			 key[24];
	size_t			 i;

	for (i = 0; i < t->n; i++) {
		r = &t->rows[i];
		if (r->label != NULL)
			continue;
		if (r->kind == REPORT_ROW_PROVINCE ||
		    (r->kind == REPORT_ROW_TOTAL && t->q.office_id == 0))
			r->label = xstrdup("全省 Province");
		else if (r->kind == REPORT_ROW_TOTAL) {
			snprintf(key, sizeof key, "%lld",
			    (long long)t->q.office_id);
			r->label = report_label_of(db, REPORT_BY_OFFICE, key);
		} else
			r->label = report_label_of(db, t->q.by, r->key);
	}
}

/* The columns of a count or a processing time. */
static void
report_columns(struct report_table *t)
{
	if (t->ind->kind == REPORT_DAYS) {
		t->ncols = 3;
		t->col_keys[0] = "n";
		t->col_titles[0] = "件数 Cases";
		t->col_keys[1] = "median";
		t->col_titles[1] = "中位数 Median";
		t->col_keys[2] = "p90";
		t->col_titles[2] = "90分位 P90";
	} else {
		t->ncols = 1;
		t->col_keys[0] = "n";
		t->col_titles[0] = "数量 Count";
	}
}

/* Whether every month of q is closed (read from snapshots alone). */
static int
report_all_closed(sqlite3 *db, const struct report_query *q)
{
	sqlite3_stmt	*st;
	int		 n = -1;

	if (db_prepare(db, "SELECT count(*) FROM report_months WHERE month"
	    " BETWEEN ?1 AND ?2", &st) != QD_OK)
		return 0;
	sqlite3_bind_text(st, 1, q->from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, q->to, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return n == report_months_between(q->from, q->to);
}

/* The split's rows first, as they came, then the total, the province. */
static void
report_order(struct report_table *t)
{
	struct report_row	*rows = xcalloc(t->n + 1, sizeof *rows);
	size_t			 i, n = 0;
	int			 kind;

	for (kind = REPORT_ROW_ITEM; kind <= REPORT_ROW_PROVINCE; kind++) {
		for (i = 0; i < t->n; i++) {
			if ((int)t->rows[i].kind == kind)
				rows[n++] = t->rows[i];
		}
	}
	free(t->rows);
	t->rows = rows;
}

/* Counts and days: the split, the scope's total, the province beside. */
static int
report_compute_facts(sqlite3 *db, struct report_table *t, char **why)
{
	int64_t	 office = t->q.office_id;
	int	 rc;

	report_columns(t);
	if (t->q.by != 0 && (rc = report_read(db, t, t->q.by,
	    t->q.by == REPORT_BY_OFFICE && office == 0 ? -1 : office,
	    REPORT_ROW_ITEM, why)) != QD_OK)
		return rc;
	report_fill(db, t, office);
	if ((rc = report_read(db, t, 0, office, REPORT_ROW_TOTAL, why)) !=
	    QD_OK)
		return rc;
	if (office != 0)
		rc = report_read(db, t, 0, 0, REPORT_ROW_PROVINCE, why);
	return rc;
}

int
report_compute(sqlite3 *db, const struct qd_user *actor,
    const struct report_indicator *ind, const struct report_query *q,
    struct report_table **out, char **why)
{
	struct report_table	*t;
	int			 rc;

	*out = NULL;
	if (q->by != 0 && (ind->dims & q->by) == 0) {
		why_set(why, "「%s」不能按%s分组 %s cannot be split by %s",
		    ind->label_zh, report_dim_label(q->by), ind->label_en,
		    report_dim_name(q->by));
		return QD_EINVAL;
	}
	t = xcalloc(1, sizeof *t);
	t->ind = ind;
	t->q = *q;
	if ((rc = report_scope(actor, &t->q, why)) != QD_OK)
		goto out;
	t->closed = report_all_closed(db, &t->q);
	if (ind->kind == REPORT_COMPUTE)
		rc = ind->compute(db, actor, &t->q, t, why);
	else
		rc = report_compute_facts(db, t, why);
	if (rc == QD_OK) {
		report_order(t);
		report_label(db, t);
	}
out:
	if (rc != QD_OK)
		report_table_free(t);
	else
		*out = t;
	return rc;
}
