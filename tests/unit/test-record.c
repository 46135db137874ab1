/*
 * Records described once: a row read by its columns' names into a
 * struct, its members as text, freed by one function, and a screen's
 * bound fields filled from it.
 */
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "qualdesk.h"
#include "tap.h"

struct pet {
	int64_t	 id;
	char	*name;
	char	*note;
	int	 age;
	int	 tame;
};
#define PET_FIELD(m, t)	RECORD_FIELD(struct pet, m, t)
static const struct record_field pet_fields[] = {
	PET_FIELD(id, RECORD_INT64),
	PET_FIELD(name, RECORD_TEXT),
	PET_FIELD(note, RECORD_TEXT),
	PET_FIELD(age, RECORD_INT),
	PET_FIELD(tame, RECORD_BOOL),
};
static const struct record_desc pet_record = { pet_fields, nitems(pet_fields) };

static int
pet_tame_choices(struct ui *ui, struct ui_choice **out, size_t *n)
{
	(void)ui;
	*out = xcalloc(2, sizeof **out);
	(*out)[0].value = xstrdup("0");
	(*out)[0].label = xstrdup("否 No");
	(*out)[1].value = xstrdup("1");
	(*out)[1].label = xstrdup("是 Yes");
	*n = 2;
	return QD_OK;
}

static const struct ui_field pet_form_fields[] = {
	{ .label = "名字 Name", .type = UI_FIELD_TEXT, .width = 10,
	  .max_chars = 10, .column = "name" },
	{ .label = "驯服 Tame", .type = UI_FIELD_CHOICE, .width = 8,
	  .column = "tame", .choices = pet_tame_choices },
	{ .label = "年龄 Age", .type = UI_FIELD_TEXT, .width = 4,
	  .max_chars = 4, .column = "age" },
	{ .label = "别的 Other", .type = UI_FIELD_TEXT, .width = 4,
	  .max_chars = 4, .column = "colour" },
};
static const struct ui_screen pet_screen = {
	.name = "pet",
	.title = "宠物 Pet",
	.fields = pet_form_fields,
	.nfields = nitems(pet_form_fields),
};

/* The one row of sql, read into a new pet. */
static struct pet *
pet_read(sqlite3 *db, const char *sql)
{
	sqlite3_stmt	*st;
	struct pet	*p = xcalloc(1, sizeof *p);

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return p;
	if (sqlite3_step(st) == SQLITE_ROW)
		record_read(&pet_record, p, st);
	sqlite3_finalize(st);
	return p;
}

int
main(void)
{
	struct ui_view	 v;
	struct ui	 ui;
	sqlite3		*db;
	struct pet	*p;
	char		*t;

	setlocale(LC_ALL, "C.UTF-8");
	ok(sqlite3_open(":memory:", &db) == SQLITE_OK, "an empty database");

	p = pet_read(db, "SELECT 7 AS id, '小黃' AS name, NULL AS note,"
	    " 3 AS age, 1 AS tame, 'ignored' AS colour");
	is_int((int)p->id, 7, "an integer column by its name");
	is_str(p->name, "小黃", "a text column copied");
	ok(p->note == NULL, "SQL NULL stays NULL");
	is_int(p->age, 3, "an int column");
	is_int(p->tame, 1, "a flag column");

	t = record_text(&pet_record, p, "age");
	is_str(t, "3", "a member as text");
	free(t);
	t = record_text(&pet_record, p, "note");
	is_str(t, "", "a NULL text member as empty text");
	free(t);
	ok(record_text(&pet_record, p, "colour") == NULL,
	    "no text for a column the record lacks");

	/* Reading again replaces what a text member held. */
	sqlite3_stmt *st;
	sqlite3_prepare_v2(db, "SELECT '阿花' AS name", -1, &st, NULL);
	sqlite3_step(st);
	record_read(&pet_record, p, st);
	sqlite3_finalize(st);
	is_str(p->name, "阿花", "a second read replaces the text");
	is_int((int)p->id, 7, "and leaves the columns it does not name");

	memset(&ui, 0, sizeof ui);
	ui_view_init(&ui, &v, &pet_screen, NULL);
	is_int(record_to_view(&pet_record, p, &v), QD_OK,
	    "the bound fields take the record's values");
	is_str(ui_view_value(&v, "name"), "阿花", "a text field");
	is_str(ui_view_value(&v, "tame"), "1", "a choice by its value");
	is_str(ui_view_value(&v, "age"), "3", "a number as text");
	is_str(ui_view_value(&v, "colour"), "", "a column the record "
	    "lacks is left alone");
	ok(!ui_form_changed(&v), "filling is no change by the user");
	ui_view_free(&v);

	record_clear(&pet_record, p);
	ok(p->name == NULL && p->note == NULL, "clear frees and nulls the text");
	record_free(&pet_record, p);
	record_free(&pet_record, NULL);
	ok(1, "free takes NULL");

	sqlite3_close(db);
	return done_testing();
}
