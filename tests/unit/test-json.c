/* The JSON string escaper: valid JSON whatever the bytes. */
#include <stdlib.h>
#include <string.h>

#include "qualdesk.h"
#include "tap.h"

static sqlite3	*db;

/* s as json_print_string writes it (caller frees). */
static char *
json_of(const char *s)
{
	char	*buf = NULL;
	size_t	 len = 0;
	FILE	*f;

	f = open_memstream(&buf, &len);
	json_print_string(f, s);
	fclose(f);
	return buf;
}

/* What SQLite's JSON parser reads back from json, or NULL if invalid. */
static char *
json_back(const char *json)
{
	sqlite3_stmt	*stmt;
	char		*v = NULL;

	if (sqlite3_prepare_v2(db, "SELECT CASE WHEN json_valid(?1)"
	    " THEN json_extract(?1, '$') END", -1, &stmt, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_text(stmt, 1, json, -1, SQLITE_STATIC);
	if (sqlite3_step(stmt) == SQLITE_ROW &&
	    sqlite3_column_text(stmt, 0) != NULL)
		v = xstrdup((const char *)sqlite3_column_text(stmt, 0));
	sqlite3_finalize(stmt);
	return v;
}

static void
check(const char *s, const char *want, const char *back_want,
    const char *what)
{
	char	*got = json_of(s), *back;

	is_str(got, want, "%s", what);
	back = json_back(got);
	is_str(back, back_want, "%s: valid JSON that reads back", what);
	free(back);
	free(got);
}

int
main(void)
{
	sqlite3_open(":memory:", &db);
	check("plain", "\"plain\"", "plain", "plain text");
	check("", "\"\"", "", "an empty string");
	check("say \"hi\" \\ now", "\"say \\\"hi\\\" \\\\ now\"",
	    "say \"hi\" \\ now", "quotes and backslashes");
	check("a\nb\tc\rd\be\ff", "\"a\\nb\\tc\\rd\\be\\ff\"",
	    "a\nb\tc\rd\be\ff", "the short escapes");
	check("\x01\x1f\x7f", "\"\\u0001\\u001f\\u007f\"", "\x01\x1f\x7f",
	    "other controls as \\u");
	check("車床技術士 车工", "\"車床技術士 车工\"", "車床技術士 车工",
	    "CJK as it is");
	check("a\xff" "b", "\"a\\ufffdb\"", "a\xef\xbf\xbd" "b",
	    "a byte that is not UTF-8 becomes U+FFFD");
	check("x\xe2\x80\xa8y", "\"x\\u2028y\"", "x\xe2\x80\xa8y",
	    "the line separator is escaped");
	check("a\xe2\x80\xae" "b\xe2\x80\x8b" "c\xe2\x81\xa9", "\"a\\u202eb\\u200bc"
	    "\\u2069\"", "a\xe2\x80\xae" "b\xe2\x80\x8b" "c\xe2\x81\xa9",
	    "bidi and zero-width characters are escaped, never raw");
	sqlite3_close(db);
	return done_testing();
}
