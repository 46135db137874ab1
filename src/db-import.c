/*
 * CSV imports into the catalog tables: a header row names the columns,
 * every row is checked and written in one transaction, and the first bad
 * row stops it all with its line number. Nothing is half imported.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "qualdesk.h"

/* What one import is reading. */
struct db_import_state {
	const struct csv_column	*columns;
	size_t			 ncolumns;
	int			*where;		/* field of each column, or -1 */
	char			**cells;
};

/* A copy of s without the spaces around it. */
static char *
db_import_trim(const char *s)
{
	size_t	 len;

	s += strspn(s, " ");
	len = strlen(s);
	while (len > 0 && s[len - 1] == ' ')
		len--;
	return xstrndup(s, len);
}

/* The column named name (or its alias), or -1. */
static int
db_import_column(const struct db_import_state *st, const char *name)
{
	size_t	 i;

	for (i = 0; i < st->ncolumns; i++) {
		if (strcasecmp(name, st->columns[i].name) == 0 ||
		    (st->columns[i].alias != NULL &&
		    strcmp(name, st->columns[i].alias) == 0))
			return (int)i;
	}
	return -1;
}

/* The column names, comma-separated, for messages (caller frees). */
static char *
db_import_names(const struct db_import_state *st)
{
	char	*s = xstrdup(""), *t;
	size_t	 i;

	for (i = 0; i < st->ncolumns; i++) {
		xasprintf(&t, "%s%s%s", s, i > 0 ? ", " : "",
		    st->columns[i].name);
		free(s);
		s = t;
	}
	return s;
}

/* Map the header row onto the columns. */
static int
db_import_header(struct db_import_state *st, char **fields, size_t n,
    char **why)
{
	char	*name, *names;
	size_t	 i;
	int	 c, rc = QD_OK;

	for (i = 0; i < st->ncolumns; i++)
		st->where[i] = -1;
	for (i = 0; rc == QD_OK && i < n; i++) {
		name = db_import_trim(fields[i]);
		if ((c = db_import_column(st, name)) < 0 && *name != '\0') {
			names = db_import_names(st);
			why_set(why, "未知的列“%s” unknown column '%s'; the "
			    "columns are: %s", name, name, names);
			free(names);
			rc = QD_EINVAL;
		} else if (c >= 0 && st->where[c] >= 0) {
			why_set(why, "列“%s”出现两次 column '%s' appears "
			    "twice", name, name);
			rc = QD_EINVAL;
		} else if (c >= 0)
			st->where[c] = (int)i;
		free(name);
	}
	for (i = 0; rc == QD_OK && i < st->ncolumns; i++) {
		if (st->columns[i].required && st->where[i] < 0) {
			why_set(why, "缺少列“%s” the header lacks column "
			    "'%s'", st->columns[i].name, st->columns[i].name);
			rc = QD_EINVAL;
		}
	}
	return rc;
}

/* Free the cells of the last row. */
static void
db_import_clear(struct db_import_state *st)
{
	size_t	 i;

	for (i = 0; i < st->ncolumns; i++)
		xfree(&st->cells[i]);
}

/*
 * Fill the cells from a row; 0 for a blank row (to skip), -1 when the
 * row has text beyond the header's columns.
 */
static int
db_import_cells(struct db_import_state *st, char **fields, size_t n,
    size_t nheader, char **why)
{
	size_t	 i;
	int	 blank = 1;

	for (i = 0; i < n; i++) {
		if (fields[i][strspn(fields[i], " ")] == '\0')
			continue;
		blank = 0;
		if (i >= nheader) {
			why_set(why, "第 %zu 列超出表头 field %zu is beyond "
			    "the header's columns", i + 1, i + 1);
			return -1;
		}
	}
	db_import_clear(st);
	for (i = 0; i < st->ncolumns; i++) {
		if (st->where[i] < 0)
			continue;
		st->cells[i] = db_import_trim((size_t)st->where[i] < n ?
		    fields[st->where[i]] : "");
	}
	return blank ? 0 : 1;
}

/* Read the header and every row, calling row; the caller's transaction. */
static int
db_import_rows(sqlite3 *db, struct csv_reader *r, struct db_import_state *st,
    int (*row)(sqlite3 *, void *, size_t, char **, char **), void *arg,
    char **why)
{
	char	**fields, *inner;
	size_t	  n, nheader;
	int	  got, rc;

	if ((got = csv_next(r, &fields, &n, why)) <= 0) {
		if (got == 0)
			why_set(why, "文件是空的，须有表头行 the file is empty; "
			    "it needs a header row");
		return QD_EINVAL;
	}
	nheader = n;
	if ((rc = db_import_header(st, fields, n, why)) != QD_OK)
		goto line;
	while ((got = csv_next(r, &fields, &n, why)) == 1) {
		if ((got = db_import_cells(st, fields, n, nheader, why)) < 0) {
			rc = QD_EINVAL;
			goto line;
		}
		if (got == 0)
			continue;
		if ((rc = row(db, arg, csv_row_line(r), st->cells, why)) !=
		    QD_OK)
			goto line;
	}
	return got == 0 ? QD_OK : QD_EINVAL;
line:
	/* Say where: the row's own message follows its line number. */
	if (why != NULL) {
		inner = *why;
		*why = NULL;
		why_set(why, "第%zu行 line %zu: %s", csv_row_line(r),
		    csv_row_line(r), inner != NULL ? inner : "");
		free(inner);
	}
	return rc;
}

int
db_import(sqlite3 *db, const char *data, size_t len, enum csv_charset charset,
    const struct csv_column *columns, size_t ncolumns,
    int (*row)(sqlite3 *, void *, size_t, char **, char **), void *arg,
    char **why)
{
	struct db_import_state	 st;
	struct csv_reader	*r;
	int			 rc;

	if ((r = csv_open(data, len, charset, why)) == NULL)
		return QD_EINVAL;
	st.columns = columns;
	st.ncolumns = ncolumns;
	st.where = xcalloc(ncolumns, sizeof *st.where);
	st.cells = xcalloc(ncolumns, sizeof *st.cells);
	if (db_begin(db) != QD_OK) {
		rc = db_fail(db, why);
		goto out;
	}
	if ((rc = db_import_rows(db, r, &st, row, arg, why)) == QD_OK &&
	    db_commit(db) != QD_OK)
		rc = db_fail(db, why);
	if (rc != QD_OK)
		db_rollback(db);
out:
	db_import_clear(&st);
	free(st.cells);
	free(st.where);
	csv_close(r);
	return rc;
}

int
db_import_flag(const char *cell, const char *label, int *value, char **why)
{
	if (cell == NULL || *cell == '\0')
		return QD_OK;
	if (strcmp(cell, "1") == 0 || strcmp(cell, "0") == 0) {
		*value = *cell == '1';
		return QD_OK;
	}
	why_set(why, "%s 列须为 1 或 0 column %s must be 1 or 0", label,
	    label);
	return QD_EINVAL;
}
