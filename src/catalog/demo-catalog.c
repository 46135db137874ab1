/*
 * The demo's invented catalog and agencies (schema/demo/), loaded into
 * empty tables when `serve --demo` sets a database up.
 */
#include "catalog/catalog.h"

/*
 * Load the invented catalog and agencies into empty tables, audited as
 * the system's "(demo)"; a database with its own catalog keeps it.
 */
int
catalog_demo(sqlite3 *db, char **why)
{
	static const struct {
		const char	*file;
		const char	*count;
		int		(*import)(sqlite3 *, const struct qd_user *,
				    const char *, size_t, enum csv_charset,
				    int *, int *, char **);
	} loads[] = {
		{ "catalog.csv", "SELECT count(*) FROM catalog",
		  db_catalog_import },
		{ "agencies.csv", "SELECT count(*) FROM agencies",
		  db_agency_import },
	};
	const struct demo_file	*f;
	size_t			 i;
	long long		 n;
	struct qd_user		*op = user_local_operator();
	int			 rc = QD_OK, added, updated;

	if (db_set_system_actor(db, "(demo)", "demo setup") != QD_OK) {
		user_free(op);
		return db_fail(db, why);
	}
	for (i = 0; rc == QD_OK && i < nitems(loads); i++) {
		if ((n = demo_count(db, loads[i].count)) < 0)
			rc = db_fail(db, why);
		else if (n > 0)
			continue;
		else if ((f = demo_file(loads[i].file)) == NULL)
			fatal("demo file %s is not built in", loads[i].file);
		else
			rc = loads[i].import(db, op, f->data, f->len, CSV_UTF8,
			    &added, &updated, why);
	}
	user_free(op);
	return rc;
}
