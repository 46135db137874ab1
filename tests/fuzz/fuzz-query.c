/*
 * Fuzz target: what a script or a search box sends to the case queries.
 * The input is split at the first newline into a search text and a page
 * cursor (as `cases find TEXT --after CURSOR` and `applicants find` take
 * them) and given to the finds and the lists of a small database, as a
 * clerk and as the center. Every answer must be a result, never a crash:
 * rows with a next cursor that reads back, or an error with a message.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "qualdesk.h"
#include "cert/cert.h"
#include "case/case.h"

int LLVMFuzzerTestOneInput(const unsigned char *, size_t);

static sqlite3		*db;
static struct qd_user	 clerk = { .id = 1, .login = "fz", .role = ROLE_CLERK,
			    .office_id = 1, .active = 1, .via = "fuzz" };
static struct qd_user	 center = { .id = 2, .login = "ct",
			    .role = ROLE_CENTER, .active = 1, .via = "fuzz" };

/* A database of a few people and cases, made once. */
static void
fuzz_setup(void)
{
	char	 path[] = "/tmp/qualdesk-fuzz-query.XXXXXX", *why = NULL;
	int	 fd;

	if ((fd = mkstemp(path)) < 0)
		abort();
	close(fd);
	unlink(path);
	if (db_open(path, DB_CREATE, &db, &why) != QD_OK)
		abort();
	unlink(path);
	db_set_system_actor(db, "(fuzz)", "fuzz");
	if (sqlite3_exec(db, "INSERT INTO users (id, login, display_name, role,"
	    " office_id) VALUES (1, 'fz', 'fz', 'clerk', 1), (2, 'ct', 'ct',"
	    " 'center', NULL);"
	    "INSERT INTO occupations (code, name) VALUES ('1-1', '车工');"
	    "INSERT INTO catalog (tw_qual, tw_level, occupation_id, level, mode)"
	    " VALUES ('車床技術士', '乙級', 1, 3, 'adoption');"
	    "INSERT INTO applicants (name, name_key, sex, birth_date, mtp,"
	    " office_id) VALUES ('陳大文', '陈大文', 'M', '1990-05-17',"
	    " '12345678', 1), ('陳小明', '陈小明', 'M', '1991-01-02',"
	    " '23456789', 2);"
	    "INSERT INTO cases (applicant_id, office_id, type, catalog_id,"
	    " occupation_id, tw_qual, tw_cert_no, state, forwarded_at) VALUES"
	    " (1, 1, 'adoption', 1, 1, '車床技術士 乙級', 'A1', 'forwarded',"
	    " '2026-01-01T00:00:00.000Z'), (2, 2, 'adoption', 1, 1,"
	    " '車床技術士 乙級', 'A2', 'accepted', NULL);", NULL, NULL, NULL) !=
	    SQLITE_OK)
		abort();
}

/* A page's answer must be consistent; the next cursor must be taken. */
static void
fuzz_check(int rv, char **why, size_t n, char *next)
{
	if (rv == QD_OK && (*why != NULL || (n == 0 && next != NULL)))
		abort();
	if (rv != QD_OK && (*why == NULL || n != 0 || next != NULL))
		abort();
	xfree(why);
	free(next);
}

static void
fuzz_user(struct qd_user *u, const char *text, const char *cursor)
{
	struct qd_case_filter	 f = { .queue = CASE_QUEUE_REVIEW };
	struct qd_case_row	*rows = NULL;
	struct qd_applicant_row	*people = NULL;
	char			*why = NULL, *next = NULL;
	size_t			 n = 0;
	int			 rv;

	db_set_actor(db, u);
	rv = db_case_find(db, u, text, cursor, 1, &rows, &n, &next, &why);
	case_rows_free(rows, n);
	fuzz_check(rv, &why, n, next);
	rv = db_applicant_find(db, u, text, cursor, 1, &people, &n, &next,
	    &why);
	applicant_rows_free(people, n);
	fuzz_check(rv, &why, n, next);
	rv = db_case_list(db, u, &f, cursor, 1, &rows, &n, &next, &why);
	case_rows_free(rows, n);
	fuzz_check(rv, &why, n, next);
	f.queue = CASE_QUEUE_ALL;
	f.state = text;
	rv = db_case_list(db, u, &f, cursor, 1, &rows, &n, &next, &why);
	case_rows_free(rows, n);
	fuzz_check(rv, &why, n, next);
}

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	char	*text, *cursor;

	if (db == NULL)
		fuzz_setup();
	text = xstrndup((const char *)data, size);
	cursor = strchr(text, '\n');
	if (cursor != NULL)
		*cursor++ = '\0';
	fuzz_user(&clerk, text, cursor);
	fuzz_user(&center, text, cursor);
	free(text);
	return 0;
}
