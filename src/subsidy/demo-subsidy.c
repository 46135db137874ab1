/*
 * The demo's subsidy rates: invented amounts under an invented document
 * number, marked demo, loaded by `serve --demo` into an empty database.
 */
#include "subsidy/subsidy.h"

int
subsidy_demo(sqlite3 *db, char **why)
{
	char	*err = NULL;
	int	 rc = QD_OK;

	if (demo_count(db, "SELECT count(*) FROM subsidy_rates") != 0)
		return QD_OK;
	/* Higher levels (1 is the highest) are worth more; all invented. */
	if (sqlite3_exec(db, "INSERT INTO subsidy_rates (kind, level,"
	    " amount_fen, valid_from, doc_no, demo) SELECT k.kind, l.level,"
	    " (CASE k.kind WHEN 'training' THEN 60000 WHEN 'special' THEN"
	    " 80000 ELSE 100000 END) + (5 - l.level) * 50000, '2024-01-01',"
	    " '示例〔2024〕1号（虚构）', 1 FROM subsidy_kinds k, levels l;",
	    NULL, NULL, &err) != SQLITE_OK) {
		why_set(why, "演示补贴标准 demo rates: %s",
		    err != NULL ? err : "");
		rc = QD_EDB;
	}
	sqlite3_free(err);
	return rc;
}
