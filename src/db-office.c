/* The offices: nine cities and Pingtan, seeded by the schema. */
#include <stdlib.h>

#include "qualdesk.h"

/*
 * All offices in id order (the cities in the order of the notice, Pingtan
 * last). QD_OK or QD_EDB; the caller frees with office_free_array.
 */
int
db_office_list(sqlite3 *db, struct qd_office **out, size_t *n)
{
	sqlite3_stmt		*stmt;
	struct qd_office	*list = NULL, *o;
	size_t			 count = 0;
	int			 step;

	*out = NULL;
	*n = 0;
	if (db_prepare(db, "SELECT id, code, name_zh, name_en, is_center"
	    " FROM offices ORDER BY id", &stmt) != QD_OK)
		return QD_EDB;
	while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
		list = xreallocarray(list, count + 1, sizeof *list);
		o = &list[count++];
		o->id = sqlite3_column_int64(stmt, 0);
		o->code = db_column_strdup(stmt, 1);
		o->name_zh = db_column_strdup(stmt, 2);
		o->name_en = db_column_strdup(stmt, 3);
		o->is_center = sqlite3_column_int(stmt, 4);
	}
	sqlite3_finalize(stmt);
	if (step != SQLITE_DONE) {
		office_free_array(list, count);
		return db_fail(db, NULL);
	}
	*out = list;
	*n = count;
	return QD_OK;
}

void
office_free_array(struct qd_office *list, size_t n)
{
	size_t	 i;

	if (list == NULL)
		return;
	for (i = 0; i < n; i++) {
		free(list[i].code);
		free(list[i].name_zh);
		free(list[i].name_en);
	}
	free(list);
}
