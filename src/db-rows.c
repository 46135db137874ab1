/*
 * Rows of a listing read as text: what a command prints and a screen
 * lists alike, so a module's list query is written once.
 */
#include <stdlib.h>
#include <string.h>

#include "qualdesk.h"

int
db_rows_read(sqlite3 *db, sqlite3_stmt *st, size_t ncols,
    struct db_rows *rows, char **why)
{
	const unsigned char	*s;
	size_t			 c;
	int			 step;

	rows->ncols = ncols;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		rows->ids = xreallocarray(rows->ids, rows->n + 1,
		    sizeof *rows->ids);
		rows->cells = xreallocarray(rows->cells, (rows->n + 1) * ncols,
		    sizeof *rows->cells);
		rows->ids[rows->n] = sqlite3_column_int64(st, 0);
		for (c = 0; c < ncols; c++) {
			s = sqlite3_column_text(st, (int)c + 1);
			rows->cells[rows->n * ncols + c] =
			    xstrdup(s != NULL ? (const char *)s : "");
		}
		rows->n++;
	}
	if (step != SQLITE_DONE)
		return db_fail(db, why);
	return QD_OK;
}

const char *
db_rows_cell(const struct db_rows *rows, size_t r, size_t c)
{
	if (r >= rows->n || c >= rows->ncols)
		return "";
	return rows->cells[r * rows->ncols + c];
}

void
db_rows_free(struct db_rows *rows)
{
	size_t	 i;

	if (rows->cells != NULL) {
		for (i = 0; i < rows->n * rows->ncols; i++)
			free(rows->cells[i]);
	}
	free(rows->cells);
	free(rows->ids);
	memset(rows, 0, sizeof *rows);
}
