/*
 * The line editor without a terminal: whole characters in and out, the
 * cursor counted in characters and columns, scrolling that keeps the
 * cursor in view, limits refused with a message, never cut.
 */
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "qualdesk.h"
#include "tap.h"

static void
test_cjk(void)
{
	struct ui_edit	 e;

	ui_edit_init(&e, NULL, 20, 80);
	is_int(ui_edit_insert(&e, "陳"), QD_OK, "insert Traditional 陳");
	is_int(ui_edit_insert(&e, "陈"), QD_OK, "insert Simplified 陈");
	is_str(e.buf, "陳陈", "both characters are in the buffer");
	is_int(e.len, 6, "two CJK characters are 6 bytes");
	is_int(ui_edit_chars(&e), 2, "and 2 characters");
	is_int(ui_edit_cursor_col(&e), 4, "the cursor is at column 4");
	ui_edit_backspace(&e);
	is_str(e.buf, "陳", "backspace removes exactly one character");
	is_int(ui_edit_cursor_col(&e), 2, "the cursor is back at column 2");
	ui_edit_backspace(&e);
	is_str(e.buf, "", "a second backspace empties the field");
	ui_edit_backspace(&e);
	is_int(e.len, 0, "backspace on an empty field does nothing");
	ui_edit_free(&e);
}

static void
test_moves(void)
{
	struct ui_edit	 e;

	ui_edit_init(&e, "陳大文", 20, 80);
	ok(!e.changed, "initial text does not count as a change");
	ui_edit_home(&e);
	is_int(e.cursor, 0, "Home goes to the start");
	ui_edit_right(&e);
	is_int(e.cursor, 3, "Right moves over one whole character");
	is_int(ui_edit_cursor_col(&e), 2, "to column 2");
	ui_edit_insert(&e, "a");
	is_str(e.buf, "陳a大文", "insert in the middle");
	ui_edit_left(&e);
	ui_edit_left(&e);
	is_int(e.cursor, 0, "Left twice is back at the start");
	ui_edit_left(&e);
	is_int(e.cursor, 0, "Left at the start stays");
	ui_edit_delete(&e);
	is_str(e.buf, "a大文", "Delete removes the character under the cursor");
	ui_edit_end(&e);
	is_int(e.cursor, e.len, "End goes past the last character");
	ui_edit_right(&e);
	is_int(e.cursor, e.len, "Right at the end stays");
	ui_edit_delete(&e);
	is_str(e.buf, "a大文", "Delete at the end does nothing");
	ok(e.changed, "editing marks the field changed");
	is_int(ui_edit_key(&e, UI_KEY_KILL), 1, "Ctrl-U is an editing key");
	is_str(e.buf, "", "and empties the field");
	ui_edit_free(&e);
}

static void
test_keys(void)
{
	struct ui_edit	 e;

	ui_edit_init(&e, NULL, 10, 40);
	is_int(ui_edit_key(&e, 0x9673), 1, "a typed 陳 (U+9673) is inserted");
	is_int(ui_edit_key(&e, 'x'), 1, "a typed x is inserted");
	is_str(e.buf, "陳x", "as UTF-8");
	is_int(ui_edit_key(&e, UI_KEY_BACKSPACE), 1, "Backspace key");
	is_int(ui_edit_key(&e, UI_KEY_LEFT), 1, "Left key");
	is_int(ui_edit_key(&e, UI_KEY_F(2)), 0, "F2 is no editing key");
	is_int(ui_edit_key(&e, 0x07), -1, "a control character is refused");
	ok(strstr(e.why, "Control") != NULL, "with a message: %s", e.why);
	is_int(ui_edit_key(&e, 0x9b), -1, "a C1 control is refused");
	is_int(ui_edit_key(&e, 0xd800), -1, "a lone surrogate is refused");
	is_str(e.buf, "陳", "nothing refused got in");
	is_int(ui_edit_insert(&e, "a\x1b[31m"), QD_EINVAL,
	    "a pasted escape sequence is refused");
	is_int(ui_edit_insert(&e, "\xff"), QD_EINVAL,
	    "invalid UTF-8 is refused");
	is_str(e.buf, "陳", "the buffer is unchanged");
	ui_edit_free(&e);
}

static void
test_limits(void)
{
	struct ui_edit	 e;
	int		 i, refused = 0;

	ui_edit_init(&e, NULL, 3, 100);
	ui_edit_insert(&e, "福州市");
	is_int(ui_edit_insert(&e, "x"), QD_EINVAL,
	    "a fourth character is refused at max 3");
	ok(strstr(e.why, "3") != NULL && strstr(e.why, "characters") != NULL,
	    "the message names the limit: %s", e.why);
	is_str(e.buf, "福州市", "the text is kept, not cut");
	ui_edit_free(&e);

	ui_edit_init(&e, NULL, 100, 8);
	ui_edit_insert(&e, "陈陈");
	is_int(ui_edit_insert(&e, "陈"), QD_EINVAL,
	    "a character that passes the byte limit is refused");
	ok(strstr(e.why, "bytes") != NULL, "the message says bytes: %s", e.why);
	is_int(ui_edit_insert(&e, "ab"), QD_OK, "two ASCII bytes still fit");
	is_int(ui_edit_insert(&e, "abc"), QD_EINVAL,
	    "a paste is refused whole, not cut to fit");
	is_str(e.buf, "陈陈ab", "nothing of it got in");
	ui_edit_free(&e);

	ui_edit_init(&e, NULL, 32, 32);
	for (i = 0; i < 10240; i++)
		refused += ui_edit_key(&e, 'a' + i % 26) < 0;
	is_int(ui_edit_chars(&e), 32, "a 10 KB paste fills the field");
	is_int(refused, 10240 - 32, "and every key past it is refused");
	ui_edit_free(&e);

	ui_edit_init(&e, "abcdef", 3, 0);
	is_int(e.len, 0, "initial text over the limit is refused too");
	is_int(ui_edit_set(&e, "ab"), QD_OK, "set within the limit");
	is_str(e.buf, "ab", "set replaces the text");
	ui_edit_free(&e);
}

static void
test_scroll(void)
{
	struct ui_edit	 e;
	size_t		 start;
	int		 lead, cx, i;

	ui_edit_init(&e, NULL, 40, 160);
	for (i = 0; i < 10; i++)
		ui_edit_insert(&e, "陳");
	start = ui_edit_view(&e, 6, &lead, &cx);
	is_int(cx, 5, "the cursor at the end shows in the last column");
	ok(lead + text_width(e.buf + start) <= 6 - 1 + 1,
	    "what is drawn fits the field");
	is_int(lead, 1, "a wide character cut at the left edge is a blank");
	is_int(start % 3, 0, "drawing starts on a character boundary");
	ok(ui_edit_cursor_col(&e) - e.scroll == cx, "cx is relative to scroll");

	ui_edit_home(&e);
	start = ui_edit_view(&e, 6, &lead, &cx);
	is_int(start, 0, "Home scrolls back to the start");
	is_int(cx, 0, "the cursor is in the first column");
	is_int(lead, 0, "no blank before the first character");

	for (i = 0; i < 5; i++)
		ui_edit_right(&e);
	start = ui_edit_view(&e, 6, &lead, &cx);
	ok(cx >= 0 && cx + 2 <= 6, "a wide character under the cursor shows "
	    "whole (cx %d)", cx);
	for (i = 0; i < 10; i++) {
		ui_edit_left(&e);
		start = ui_edit_view(&e, 6, &lead, &cx);
		if (cx < 0 || cx >= 6)
			break;
	}
	is_int(i, 10, "moving left keeps the cursor in view");

	ui_edit_end(&e);
	ui_edit_view(&e, 6, &lead, &cx);
	for (i = 0; i < 9; i++)
		ui_edit_backspace(&e);
	start = ui_edit_view(&e, 6, &lead, &cx);
	is_int(start, 0, "after deleting, the field scrolls back to show all");
	is_int(cx, 2, "the cursor follows the one character left");
	ui_edit_free(&e);

	ui_edit_init(&e, "abc", 10, 10);
	start = ui_edit_view(&e, 1, &lead, &cx);
	ok(cx >= 0 && cx < 2, "a field narrower than 2 columns still works");
	ui_edit_free(&e);
}

int
main(void)
{
	setlocale(LC_ALL, "C");
	test_cjk();
	test_moves();
	test_keys();
	test_limits();
	test_scroll();
	return done_testing();
}
