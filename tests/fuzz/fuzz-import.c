/*
 * Fuzz target: the catalog's and the agencies' CSV imports, into a real
 * database. The first byte picks the import and the charset. Every
 * input is taken whole or refused whole: a refusal says why, and leaves
 * the tables as they were.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "qualdesk.h"
#include "catalog/catalog.h"

int LLVMFuzzerInitialize(int *, char ***);
int LLVMFuzzerTestOneInput(const unsigned char *, size_t);

static sqlite3		*db;
static char		 fuzz_dir[64];
static struct qd_user	 admin = { .login = "admin", .display_name = "admin",
    .role = ROLE_ADMIN, .active = 1, .via = "fuzz" };

/* What the imports can change, summed up in one line (caller frees). */
static char *
fuzz_state(void)
{
	sqlite3_stmt	*st;
	char		*s = NULL;

	if (sqlite3_prepare_v2(db, "SELECT (SELECT count(*) || '/' ||"
	    " total(version) FROM catalog) || ' ' || (SELECT count(*) FROM"
	    " occupations) || ' ' || (SELECT count(*) || '/' ||"
	    " total(version) FROM agencies) || ' ' || (SELECT count(*) FROM"
	    " agency_occupations)", -1, &st, NULL) != SQLITE_OK)
		abort();
	if (sqlite3_step(st) != SQLITE_ROW)
		abort();
	s = strdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return s;
}

/* The database goes when the fuzzer stops. */
static void
fuzz_cleanup(void)
{
	static const char *const files[] = { "fuzz.db", "fuzz.db-wal",
	    "fuzz.db-shm" };
	char	 path[96];
	size_t	 i;

	db_close(db);
	for (i = 0; i < nitems(files); i++) {
		snprintf(path, sizeof path, "%s/%s", fuzz_dir, files[i]);
		unlink(path);
	}
	rmdir(fuzz_dir);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char	 dir[] = "/tmp/qualdesk-fuzz-import.XXXXXX", *path, *why = NULL;

	(void)argc;
	(void)argv;
	log_open("stderr", LOG_LEVEL_ERROR, "fuzz-import");
	if (mkdtemp(dir) == NULL)
		abort();
	xasprintf(&path, "%s/fuzz.db", dir);
	if (db_open(path, DB_CREATE, &db, &why) != QD_OK)
		abort();
	free(path);
	strcpy(fuzz_dir, dir);
	atexit(fuzz_cleanup);
	db_set_actor(db, &admin);
	return 0;
}

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	enum csv_charset	 cs;
	char			*before, *after, *why = NULL;
	int			 added = 0, updated = 0, rc;

	if (size < 1)
		return 0;
	cs = (data[0] & 1) ? CSV_GB18030 : CSV_UTF8;
	before = fuzz_state();
	if (data[0] & 2)
		rc = db_agency_import(db, &admin, (const char *)data + 1,
		    size - 1, cs, &added, &updated, &why);
	else
		rc = db_catalog_import(db, &admin, (const char *)data + 1,
		    size - 1, cs, &added, &updated, &why);
	after = fuzz_state();
	if (rc != QD_OK) {
		/* Refused whole, with a reason, nothing written. */
		if (why == NULL || *why == '\0' || strcmp(before, after) != 0)
			abort();
	} else if (added < 0 || updated < 0)
		abort();
	free(before);
	free(after);
	free(why);
	return 0;
}
