/*
 * The center's demand table (汇总): reported demand by occupation, level
 * and kind, split by city and in-Taiwan, with the oldest waiting. The
 * counts and the oldest of each group are kept by the schema's triggers
 * (exam_demand_counts), so the table reads one row a group whether 200
 * demands wait or 200,000.
 */
#include <stdlib.h>
#include <string.h>

#include "exam/exam.h"
#include "exam/exam-db.h"

void
exam_cells_free(struct qd_exam_cell *cells, size_t n)
{
	size_t	 i;

	if (cells == NULL)
		return;
	for (i = 0; i < n; i++) {
		free(cells[i].occupation_code);
		free(cells[i].occupation);
		free(cells[i].level_name);
		free(cells[i].kind);
		free(cells[i].by_city);
		free(cells[i].by_code);
	}
	free(cells);
}

/* Append "NAME N" to *list with sep between. */
static void
exam_table_append(char **list, const char *sep, const char *name, long long n)
{
	char	*s;

	xasprintf(&s, "%s%s%s%s%lld", *list != NULL ? *list : "",
	    *list != NULL ? sep : "", name, strcmp(sep, " ") == 0 ? ":" : " ",
	    n);
	free(*list);
	*list = s;
}

/* The cell of the row st holds: the last one, or a new one. */
static struct qd_exam_cell *
exam_table_cell(sqlite3_stmt *st, struct qd_exam_cell **cells, size_t *n)
{
	struct qd_exam_cell	*c;
	const char		*kind = (const char *)sqlite3_column_text(st, 5);

	if (*n > 0) {
		c = &(*cells)[*n - 1];
		if (c->occupation_id == sqlite3_column_int64(st, 0) &&
		    c->level == sqlite3_column_int(st, 3) &&
		    strcmp(c->kind, kind) == 0)
			return c;
	}
	*cells = xreallocarray(*cells, *n + 1, sizeof **cells);
	c = &(*cells)[(*n)++];
	memset(c, 0, sizeof *c);
	c->occupation_id = sqlite3_column_int64(st, 0);
	c->occupation_code = db_column_strdup(st, 1);
	c->occupation = db_column_strdup(st, 2);
	c->level = sqlite3_column_int(st, 3);
	c->level_name = db_column_strdup(st, 4);
	c->kind = xstrdup(kind);
	c->oldest_days = -1;
	return c;
}

/* Largest first, then by occupation code and level. */
static int
exam_table_order(const void *a, const void *b)
{
	const struct qd_exam_cell	*x = a, *y = b;
	int				 d;

	if (x->total != y->total)
		return x->total < y->total ? 1 : -1;
	if ((d = strcmp(x->occupation_code, y->occupation_code)) != 0)
		return d;
	if (x->level != y->level)
		return x->level - y->level;
	return strcmp(x->kind, y->kind);
}

/* Add the row's city to the cell's lists (one city may have two rows). */
static void
exam_table_city(struct qd_exam_cell *c, sqlite3_stmt *st, int64_t *last,
    long long *city_n)
{
	int64_t	 office = sqlite3_column_int64(st, 6);
	long long n = sqlite3_column_int64(st, 10);

	if (*last == office && c->by_city != NULL) {
		/* The same city's other half: rewrite its figure. */
		char	*cut = strrchr(c->by_city, ' ');
		char	*cut2 = strrchr(c->by_code, ':');

		if (cut != NULL)
			*cut = '\0';
		if (cut2 != NULL)
			*cut2 = '\0';
		*city_n += n;
		xasprintf(&cut, "%s %lld", c->by_city, *city_n);
		free(c->by_city);
		c->by_city = cut;
		xasprintf(&cut2, "%s:%lld", c->by_code, *city_n);
		free(c->by_code);
		c->by_code = cut2;
		return;
	}
	*last = office;
	*city_n = n;
	exam_table_append(&c->by_city, "，",
	    (const char *)sqlite3_column_text(st, 8), n);
	exam_table_append(&c->by_code, " ",
	    (const char *)sqlite3_column_text(st, 7), n);
}

int
db_exam_demand_table(sqlite3 *db, const struct qd_user *actor,
    struct qd_exam_cell **out, size_t *n, char **why)
{
	struct qd_exam_cell	*c;
	sqlite3_stmt		*st;
	int64_t			 last_office = 0;
	long long		 city_n = 0;
	int			 step, age;

	*out = NULL;
	*n = 0;
	if (exam_scoped(actor)) {
		why_set(why, "需求汇总表仅供中心查看 the demand table is the"
		    " center's");
		return QD_EDENIED;
	}
	if (db_prepare(db, "SELECT c.occupation_id, oc.code, oc.name, c.level,"
	    " l.name_zh, c.kind, c.office_id, o.code, o.name_zh, c.in_taiwan,"
	    " c.n, CAST(julianday('now') - julianday(c.oldest) AS INTEGER)"
	    " FROM exam_demand_counts c"
	    " JOIN occupations oc ON oc.id = c.occupation_id"
	    " JOIN levels l ON l.level = c.level"
	    " JOIN offices o ON o.id = c.office_id WHERE c.n > 0"
	    " ORDER BY c.occupation_id, c.level, c.kind, c.office_id,"
	    " c.in_taiwan", &st) != QD_OK)
		return db_fail(db, why);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		c = exam_table_cell(st, out, n);
		if (c->total == 0)
			last_office = 0;
		c->total += sqlite3_column_int64(st, 10);
		if (sqlite3_column_int(st, 9))
			c->in_taiwan += sqlite3_column_int64(st, 10);
		exam_table_city(c, st, &last_office, &city_n);
		age = sqlite3_column_int(st, 11);
		if (age > c->oldest_days)
			c->oldest_days = age;
	}
	sqlite3_finalize(st);
	if (step != SQLITE_DONE) {
		exam_cells_free(*out, *n);
		*out = NULL;
		*n = 0;
		return db_fail(db, why);
	}
	if (*n > 1)
		qsort(*out, *n, sizeof **out, exam_table_order);
	return QD_OK;
}
