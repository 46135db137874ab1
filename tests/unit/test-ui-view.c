/*
 * A running screen's values without a terminal: fields set and read by
 * column, drafts written and read back, marked rows, and list pages
 * fetched by an opaque cursor.
 */
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "qualdesk.h"
#include "tap.h"

static int
view_kinds(struct ui *ui, struct ui_choice **out, size_t *n)
{
	static const char *const kinds[][2] = {
		{ "", "无 None" }, { "a", "甲 A" }, { "b", "乙 B" },
	};
	size_t	 i;

	(void)ui;
	*n = nitems(kinds);
	*out = xcalloc(*n, sizeof **out);
	for (i = 0; i < *n; i++) {
		(*out)[i].value = xstrdup(kinds[i][0]);
		(*out)[i].label = xstrdup(kinds[i][1]);
	}
	return QD_OK;
}

static char *
view_shown(struct ui *ui)
{
	(void)ui;
	return xstrdup("起初 at first");
}

static const struct ui_field view_fields[] = {
	{ .label = "姓名 Name", .type = UI_FIELD_TEXT, .width = 10,
	  .max_chars = 8, .max_bytes = 32, .column = "name" },
	{ .label = "类别 Kind", .type = UI_FIELD_CHOICE, .width = 10,
	  .column = "kind", .choices = view_kinds },
	{ .label = "说明 Note", .type = UI_FIELD_TEXT, .width = 20,
	  .max_chars = 40, .max_bytes = 160, .column = "note" },
	{ .label = "状态 State", .type = UI_FIELD_SHOW, .width = 10,
	  .column = "state", .get = view_shown },
};

static const struct ui_screen view_screen = {
	.name = "view",
	.title = "测试 Test",
	.fields = view_fields,
	.nfields = nitems(view_fields),
};

static void
test_set(struct ui *ui)
{
	struct ui_view	 v;
	int		 arg = 7;

	ui_view_init(ui, &v, &view_screen, &arg);
	ok(ui_view_arg(&v) == &arg, "the view keeps its argument");
	is_str(ui_view_value(&v, "state"), "起初 at first", "a shown field "
	    "starts from get()");
	is_int(ui_view_set(&v, "name", "陳大文"), QD_OK, "set a text field");
	is_str(ui_view_value(&v, "name"), "陳大文", "and read it back");
	ok(!ui_form_changed(&v), "setting is no change by the user");
	is_int(ui_view_set(&v, "name", "一二三四五六七八九"), QD_EINVAL,
	    "nine characters into a field of eight are refused");
	is_str(ui_view_value(&v, "name"), "陳大文", "and the value stays");
	is_int(ui_view_set(&v, "name", "a\tb"), QD_EINVAL,
	    "a control character is refused");
	is_int(ui_view_set(&v, "kind", "b"), QD_OK, "choose by value");
	is_str(ui_view_value(&v, "kind"), "b", "the choice is b");
	is_int(ui_view_set(&v, "kind", "z"), QD_EINVAL, "no such choice");
	is_str(ui_view_value(&v, "kind"), "b", "the choice stays b");
	is_int(ui_view_set(&v, "state", "已受理 Received"), QD_OK,
	    "a shown field's text is replaced");
	is_str(ui_view_value(&v, "state"), "已受理 Received", "and shows");
	is_int(ui_view_set(&v, "nosuch", "x"), QD_EINVAL, "no such column");
	is_str(ui_view_value(&v, "nosuch"), "", "an unknown column reads \"\"");
	ui_view_free(&v);
}

/* A list of 25 rows served 10 at a time, by a cursor "at id". */
#define PAGE_ROWS	25
#define PAGE_SIZE	10

static char	 page_cursors[8][64];	/* what each load was given */
static int	 page_loads, page_no_cursor;

static int
page_load(struct ui *ui, struct ui_view *v, struct ui_rows *rows,
    const char *cursor, char **why)
{
	const char	*cells[2];
	char		 name[48], at[48], next[64];
	int		 after = 0, id, shown = 0;

	(void)ui;
	(void)v;
	(void)why;
	snprintf(page_cursors[page_loads++ % 8], 64, "%s",
	    cursor != NULL ? cursor : "(first)");
	if (cursor != NULL && sscanf(cursor, "%*s %d", &after) != 1)
		return QD_EINVAL;
	for (id = after + 1; id <= PAGE_ROWS && shown < PAGE_SIZE; id++) {
		snprintf(name, sizeof name, "第%d行 row %d", id, id);
		snprintf(at, sizeof at, "2024-05-%02dT04:00:00Z", id);
		cells[0] = name;
		cells[1] = at;
		ui_rows_add(rows, id, name, cells);
		shown++;
	}
	rows->more = id <= PAGE_ROWS;
	if (rows->more && !page_no_cursor) {
		snprintf(next, sizeof next, "2024-05-%02dT04:00:00Z %d", id - 1,
		    id - 1);
		ui_rows_set_cursor(rows, next);
	}
	return QD_OK;
}

static const struct ui_column page_columns[] = {
	{ .title = "名称 Name", .width = 20 },
	{ .title = "时间 Time", .width = 20 },
};

static const struct ui_list page_list = {
	.columns = page_columns,
	.ncolumns = 2,
	.load = page_load,
	.multi = 1,
};

static const struct ui_screen page_screen = {
	.name = "pages",
	.title = "分页 Pages",
	.list = &page_list,
};

static const struct ui_list page_list_single = {
	.columns = page_columns,
	.ncolumns = 2,
	.load = page_load,
};

static const struct ui_screen page_screen_single = {
	.name = "pages1",
	.title = "分页 Pages",
	.list = &page_list_single,
};

static void
test_pages(struct ui *ui)
{
	struct ui_view	 v;
	int64_t		*ids = NULL;
	size_t		 n;

	ui_view_init(ui, &v, &page_screen, NULL);
	is_int(ui_list_load(ui, &v), QD_OK, "the first page loads");
	is_str(page_cursors[0], "(first)", "with no cursor");
	is_int(v.rows.n, PAGE_SIZE, "ten rows");
	ok(v.rows.more && v.rows.cursor != NULL, "and a cursor for more");
	n = ui_view_marked(&v, &ids);
	ok(n == 1 && ids[0] == 1, "nothing marked: the selected row's id");
	free(ids);
	ui_list_key(ui, &v, ' ');
	ui_list_key(ui, &v, UI_KEY_DOWN);
	ui_list_key(ui, &v, ' ');
	is_int(ui_list_marked(&v), 2, "Space marked rows 1 and 3");
	is_int(v.sel, 3, "moving on to the next row each time");
	ui_list_key(ui, &v, UI_KEY_UP);
	ui_list_key(ui, &v, ' ');
	is_int(ui_list_marked(&v), 1, "Space again unmarks");
	ui_list_key(ui, &v, UI_KEY_UP);
	ui_list_key(ui, &v, ' ');
	is_int(ui_list_marked(&v), 2, "and marks once more");
	while (v.sel + 1 < PAGE_SIZE)
		ui_list_key(ui, &v, UI_KEY_DOWN);
	is_int(page_loads, 1, "the first page only, so far");
	ui_list_key(ui, &v, UI_KEY_DOWN);
	is_str(page_cursors[1], "2024-05-10T04:00:00Z 10", "Down past the "
	    "last row loads from the cursor the loader left");
	is_int(v.rows.n, 2 * PAGE_SIZE, "the next ten rows are added");
	is_int(v.sel, PAGE_SIZE, "and the selection moves onto the first");
	ui_list_key(ui, &v, ' ');
	n = ui_view_marked(&v, &ids);
	ok(n == 3 && ids[0] == 1 && ids[1] == 3 && ids[2] == 11,
	    "marks survive the next page: 1, 3 and 11 (%zu)", n);
	free(ids);
	ui_list_key(ui, &v, UI_KEY_PGDN);
	ui_list_key(ui, &v, UI_KEY_END);
	ui_list_key(ui, &v, UI_KEY_DOWN);
	is_int(v.rows.n, PAGE_ROWS, "paging on reaches every row once");
	ok(!v.rows.more, "and then there are no more");
	is_int(page_loads, 3, "three loads in all");
	ui_list_key(ui, &v, UI_KEY_DOWN);
	is_int(page_loads, 3, "Down at the very end loads nothing more");
	ok(v.edited, "marking counts as a change for a draft");
	is_int(ui_view_mark(&v, 25, 1), QD_OK, "mark a row by its id");
	is_int(ui_view_mark(&v, 3, 0), QD_OK, "unmark one");
	n = ui_view_marked(&v, &ids);
	ok(n == 3 && ids[0] == 1 && ids[1] == 11 && ids[2] == 25,
	    "now 1, 11 and 25 are marked");
	free(ids);
	is_int(ui_view_mark(&v, 99, 1), QD_ENOTFOUND, "no row 99 is loaded");
	is_int(ui_list_load(ui, &v), QD_OK, "load again");
	is_int(ui_list_marked(&v), 0, "marks are cleared on a reload");
	is_int(v.rows.n, PAGE_ROWS, "the pages down to the selected row "
	    "load again");
	is_int(v.sel, PAGE_ROWS - 1, "the selection stays on its row");
	is_int(v.rows.ids[v.sel], PAGE_ROWS, "the same record");
	ui_view_free(&v);

	page_loads = 0;
	page_no_cursor = 1;
	ui_view_init(ui, &v, &page_screen_single, NULL);
	ui_list_load(ui, &v);
	is_int(ui_list_key(ui, &v, ' '), 0, "Space marks nothing in a list "
	    "that is not multi");
	is_int(ui_list_marked(&v), 0, "nothing is marked");
	ui_list_key(ui, &v, UI_KEY_END);
	ui_list_key(ui, &v, UI_KEY_DOWN);
	is_int(page_loads, 1, "more without a cursor asks for no page again");
	is_int(v.rows.n, PAGE_SIZE, "so no row repeats");
	ui_view_free(&v);
	ok(ui_view_marked(&v, &ids) == 0 && ids == NULL, "an empty list "
	    "has no ids");
	page_no_cursor = 0;
}

static void
test_wrap(void)
{
	char	**l;
	size_t	  n;

	n = ui_text_wrap("陳大文abc", 5, &l);
	ok(n == 2 && strcmp(l[0], "陳大") == 0 && strcmp(l[1], "文abc") == 0,
	    "wrapped by columns: a Chinese character that would pass 5 "
	    "columns starts the next line");
	ui_text_free_lines(l, n);
	n = ui_text_wrap("陳大文", 1, &l);
	ok(n == 3 && strcmp(l[2], "文") == 0, "a character wider than the "
	    "width still gets a line, whole");
	ui_text_free_lines(l, n);
	n = ui_text_wrap("a\n\nb", 10, &l);
	ok(n == 3 && strcmp(l[1], "") == 0, "'\\n' breaks lines; an empty "
	    "one stays");
	ui_text_free_lines(l, n);
	n = ui_text_wrap("abcdef", 3, &l);
	ok(n == 2 && strcmp(l[0], "abc") == 0 && strcmp(l[1], "def") == 0,
	    "ASCII wraps at exactly the width");
	ui_text_free_lines(l, n);
	n = ui_text_wrap("", 10, &l);
	is_int(n, 0, "nothing makes no lines");
	ui_text_free_lines(l, n);
}

static void
test_match(void)
{
	ok(ui_dialog_match("电工 Electrician", "ELEC"), "ASCII matches in "
	    "either case");
	ok(ui_dialog_match("电工 Electrician", "电工"), "Chinese matches");
	ok(ui_dialog_match("配線技術士 乙級", "配线"), "Simplified typed finds "
	    "a Traditional label");
	ok(ui_dialog_match("麵食加工技術士 丙級", "面食加工技术士"),
	    "so does a longer one, character by character");
	ok(ui_dialog_match("配線技術士 乙級", "技术士乙"), "spaces do not count");
	ok(!ui_dialog_match("配線技術士 乙級", "技术士甲"), "a different level "
	    "does not match");
	ok(ui_dialog_match("高级电工 Senior", "电"), "inside the label too");
	ok(!ui_dialog_match("电工 Electrician", "焊"), "another character "
	    "does not");
	ok(ui_dialog_match("电工", ""), "nothing typed matches everything");
	ok(!ui_dialog_match("电", "电工"), "a longer text does not match");
	ok(!ui_dialog_match("\xe7\x94\xb5", "\x94"), "no match from the "
	    "middle of a character");
}

static void
test_draft(struct ui *ui)
{
	struct ui_view	 v, w;
	char		*text, *again;

	ui_view_init(ui, &v, &view_screen, NULL);
	ui_view_set(&v, "name", "陳大文");
	ui_view_set(&v, "kind", "b");
	text = ui_view_draft_text(&v);
	is_str(text, "name\t陳大文\nkind\tb\nnote\t\n", "a draft is the "
	    "text and choice fields, an empty one too, never a shown one");
	ui_view_init(ui, &w, &view_screen, NULL);
	ok(!ui_form_changed(&w), "a new form has no changes");
	is_int(ui_view_draft_apply(&w, text), QD_OK, "the draft applies");
	is_str(ui_view_value(&w, "name"), "陳大文", "the Chinese name is back");
	is_str(ui_view_value(&w, "kind"), "b", "the choice is back");
	is_str(ui_view_value(&w, "note"), "", "the empty field stays empty");
	ok(ui_form_changed(&w), "the form counts as changed");
	ok(!w.edited, "but no draft is due for it");
	again = ui_view_draft_text(&w);
	is_str(again, text, "its draft is the same text again");
	free(again);
	free(text);
	ui_view_free(&w);

	ui_view_init(ui, &w, &view_screen, NULL);
	is_int(ui_view_draft_apply(&w, "gone\tx\nno tab here\nnote\t說明 "
	    "a\tb\nkind\ta"), QD_EINVAL, "a note with a tab in it is refused");
	is_str(ui_view_value(&w, "kind"), "a", "the rest applies: the last "
	    "line needs no newline");
	is_str(ui_view_value(&w, "note"), "", "the refused value is not set");
	is_int(ui_view_draft_apply(&w, "name\t一二三四五六七八九\nstate\tx\n"),
	    QD_EINVAL, "a value too long for its field now is refused");
	is_str(ui_view_value(&w, "name"), "", "and not cut to fit");
	is_str(ui_view_value(&w, "state"), "起初 at first", "a shown field "
	    "is not set from a draft");
	is_int(ui_view_draft_apply(&w, ""), QD_OK, "an empty draft applies");
	ui_view_free(&w);
	ui_view_free(&v);
}

int
main(void)
{
	struct qd_user	 user;
	struct ui	 ui;

	setlocale(LC_ALL, "C");
	memset(&user, 0, sizeof user);
	user.login = "tester";
	user.role = ROLE_CLERK;
	memset(&ui, 0, sizeof ui);
	ui.user = &user;
	test_set(&ui);
	test_draft(&ui);
	test_pages(&ui);
	test_wrap();
	test_match();
	return done_testing();
}
