/* The column-width helper: CJK is two columns, cuts never split a character. */
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "qualdesk.h"
#include "tap.h"

int
main(void)
{
	char	 buf[64];

	/* The caller's locale must not matter: the helper measures in UTF-8. */
	setlocale(LC_ALL, "C");

	is_int(text_width(""), 0, "empty string is 0 columns");
	is_int(text_width("abc"), 3, "ASCII is one column each");
	is_int(text_width("中文"), 4, "two Chinese characters are 4 columns");
	is_int(text_width("陳大文 Chan"), 11, "mixed Traditional and ASCII");
	is_int(text_width("ＡＢ"), 4, "full-width forms are 2 columns");
	is_int(text_width("e\xcc\x81"), 1, "a combining accent adds nothing");
	is_int(text_width("\xff\xfe"), 2, "invalid bytes count one column each");
	is_int(text_width("\xe4\xb8"), 2, "a truncated sequence counts per byte");
	is_int(text_width_n("中文", 3), 2, "width of the first bytes only");

	is_int(text_fit("中文字", 5), 6, "5 columns hold two CJK characters");
	is_int(text_fit("中文字", 6), 9, "6 columns hold three");
	is_int(text_fit("ab中", 3), 2, "no half character at the edge");
	is_int(text_fit("abc", 0), 0, "nothing fits in 0 columns");

	is_str(text_cell(buf, sizeof buf, "福州", 6, 1), "福州  ",
	    "padded to exactly 6 columns");
	is_int(text_width(text_cell(buf, sizeof buf, "福州", 6, 1)), 6,
	    "the padded cell is 6 columns");
	is_str(text_cell(buf, sizeof buf, "平潭综合实验区", 7, 0), "平潭综~",
	    "a cut string ends in ~ and stays within the columns");
	is_str(text_cell(buf, sizeof buf, "平潭综合实验区", 8, 1), "平潭综~ ",
	    "a cut wide string is padded when the edge splits a character");
	is_str(text_cell(buf, sizeof buf, "abc", 3, 0), "abc",
	    "a string that fits exactly is not cut");
	is_str(text_cell(buf, 5, "中文字", 10, 0), "中",
	    "a small buffer never gets half a character");
	is_str(text_cell(buf, sizeof buf, "x", 0, 1), "", "zero columns is empty");

	ok(text_valid("陳 陈 chen"), "ordinary text is valid");
	ok(!text_valid("a\tb"), "a tab is refused");
	ok(!text_valid("a\x1b[31m"), "an escape sequence is refused");
	ok(!text_valid("\xc0\xaf"), "an overlong encoding is refused");
	ok(!text_valid("\xed\xa0\x80"), "a surrogate is refused");
	ok(!text_valid("\xc2\x9b"), "a C1 control is refused");

	/* Characters that make a name read otherwise than it is. */
	{
		static const char *const hidden[] = {
			"\xe2\x80\xae",	/* U+202E right-to-left override */
			"\xe2\x80\xaa",	/* U+202A left-to-right embedding */
			"\xe2\x81\xa6",	/* U+2066 left-to-right isolate */
			"\xe2\x81\xa7", "\xe2\x81\xa8",
			"\xe2\x81\xa9",	/* U+2069 pop directional isolate */
			"\xe2\x80\x8b",	/* U+200B zero width space */
			"\xe2\x80\x8c", "\xe2\x80\x8d", "\xe2\x80\x8e",
			"\xe2\x80\x8f",	/* U+200F right-to-left mark */
			"\xe2\x81\xa0",	/* U+2060 word joiner */
			"\xef\xbb\xbf",	/* U+FEFF zero width no-break */
		};
		char	 name[32], *shown;
		size_t	 i, bad = 0, found = 0;

		for (i = 0; i < nitems(hidden); i++) {
			snprintf(name, sizeof name, "陳%s大文", hidden[i]);
			bad += !text_valid(name);
			found += text_hidden(name);
		}
		is_int((int)bad, (int)nitems(hidden),
		    "every bidi and zero-width character is refused");
		is_int((int)found, (int)nitems(hidden), "and found as hidden");
		ok(!text_hidden("陳大文 chen\t"), "a tab is not hidden text");
		ok(text_valid("\xe2\x80\x90\xe2\x80\xa2"),
		    "a hyphen and a bullet next to them are fine");
		shown = text_shown("evil\xe2\x80\xae" "txt.exe\x1b[2J");
		is_str(shown, "evil?txt.exe?[2J",
		    "text_shown makes hidden and control characters '?'");
		free(shown);
		is_str(text_cell(buf, sizeof buf, "a\xe2\x80\xae" "b", 4, 0),
		    "a?b", "and so does every cell");
		ok(strstr(text_invalid_why("x\xe2\x80\x8by"), "invisible") !=
		    NULL, "the refusal says why");
	}

	is_int(text_char_len("陳x"), 3, "a CJK character is 3 bytes");
	is_int(text_char_len("\xff"), 1, "an invalid byte is stepped over alone");
	is_int(text_char_len(""), 0, "end of string");
	return done_testing();
}
