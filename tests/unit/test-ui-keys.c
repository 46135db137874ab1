/*
 * Key fallbacks and the key bar, without a terminal: Esc then a digit,
 * escape sequences that arrived split, and a key bar that shortens to fit
 * without cutting a character.
 */
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "qualdesk.h"
#include "tap.h"

static void
test_esc(void)
{
	int	 i;

	for (i = 1; i <= 9; i++)
		is_int(ui_key_after_esc('0' + i), UI_KEY_F(i), "Esc %d is F%d",
		    i, i);
	is_int(ui_key_after_esc('0'), UI_KEY_F(10), "Esc 0 is F10");
	is_int(ui_key_after_esc('a'), UI_KEY_NONE, "Esc a is no F-key");
}

static void
test_sequences(void)
{
	is_int(ui_key_sequence("[A"), UI_KEY_UP, "CSI A is Up");
	is_int(ui_key_sequence("OB"), UI_KEY_DOWN, "SS3 B is Down");
	is_int(ui_key_sequence("OP"), UI_KEY_F(1), "SS3 P is F1");
	is_int(ui_key_sequence("[5~"), UI_KEY_PGUP, "CSI 5~ is PgUp");
	is_int(ui_key_sequence("[6~"), UI_KEY_PGDN, "CSI 6~ is PgDn");
	is_int(ui_key_sequence("[21~"), UI_KEY_F(10), "CSI 21~ is F10");
	is_int(ui_key_sequence("[15~"), UI_KEY_F(5), "CSI 15~ is F5");
	is_int(ui_key_sequence("[1;5A"), UI_KEY_UP, "Ctrl-Up is Up");
	is_int(ui_key_sequence("[5;2~"), UI_KEY_PGUP, "Shift-PgUp is PgUp");
	is_int(ui_key_sequence("[[A"), UI_KEY_F(1), "linux console F1");
	is_int(ui_key_sequence("[Z"), UI_KEY_BTAB, "CSI Z is Shift-Tab");
	is_int(ui_key_sequence("[99~"), UI_KEY_NONE, "unknown is ignored");
	is_int(ui_key_sequence("[;;;;;;;;;;;;;;;"), UI_KEY_NONE,
	    "garbage is ignored");
	is_int(ui_key_sequence(""), UI_KEY_NONE, "empty is ignored");
}

static void
test_names(void)
{
	char	 buf[16];

	is_str(ui_key_name(UI_KEY_F(1), buf, sizeof buf), "F1", "F1");
	is_str(ui_key_name(UI_KEY_F(10), buf, sizeof buf), "F10", "F10");
	is_str(ui_key_name(UI_KEY_ENTER, buf, sizeof buf), "Enter", "Enter");
	is_str(ui_key_name('a', buf, sizeof buf), "a", "a letter");
}

static void
test_keybar(void)
{
	static const struct ui_keybar_item items[] = {
		{ UI_KEY_F(1), "帮助 Help" },
		{ UI_KEY_F(2), "保存 Save" },
		{ UI_KEY_F(3), "返回 Back" },
		{ UI_KEY_F(10), "退出 Quit" },
	};
	char	 buf[256];

	ui_frame_keybar_text(items, 4, 79, buf, sizeof buf);
	is_str(buf, "F1 帮助 Help  F2 保存 Save  F3 返回 Back  F10 退出 Quit",
	    "the whole key bar at 80 columns");
	ui_frame_keybar_text(items, 4, 40, buf, sizeof buf);
	is_str(buf, "F1 帮助  F2 保存  F3 返回  F10 退出",
	    "Chinese labels only when narrow");
	ok(text_width(buf) <= 40, "and it fits");
	ui_frame_keybar_text(items, 4, 28, buf, sizeof buf);
	is_str(buf, "F1帮助 F2保存 F3返回 F10退出",
	    "closer together when narrower");
	ui_frame_keybar_text(items, 4, 20, buf, sizeof buf);
	is_str(buf, "F1 F2保存 F3 F10",
	    "then the keys of every screen without labels");
	ui_frame_keybar_text(items, 4, 12, buf, sizeof buf);
	is_str(buf, "F1 F2 F3 F10", "key names only when very narrow");
}

/* A queue with eight actions still names each of them at 80 columns. */
static void
test_keybar_many(void)
{
	static const struct ui_keybar_item items[] = {
		{ UI_KEY_F(1), "帮助 Help" },
		{ UI_KEY_ENTER, "打开 Open" },
		{ ' ', "标记 Mark" },
		{ UI_KEY_F(2), "领取 Take" },
		{ UI_KEY_F(3), "返回 Back" },
		{ UI_KEY_F(4), "释放 Release" },
		{ UI_KEY_F(5), "批准 Approve" },
		{ UI_KEY_F(6), "驳回 Reject" },
		{ UI_KEY_F(7), "退回补件 Return" },
		{ UI_KEY_F(8), "转办 Forward" },
		{ UI_KEY_F(10), "退出 Quit" },
	};
	static const char *const labels[] = {
		"打开", "标记", "领取", "释放", "批准", "驳回", "退回补件", "转办",
	};
	char	 buf[512];
	size_t	 i;
	int	 missing = 0;

	ui_frame_keybar_text(items, nitems(items), 79, buf,
	    sizeof buf);
	ok(text_width(buf) <= 79, "eight actions fit in 79 columns (%d): %s",
	    text_width(buf), buf);
	for (i = 0; i < nitems(labels); i++)
		missing += strstr(buf, labels[i]) == NULL;
	is_int(missing, 0, "and every action keeps its Chinese label");
	ok(strstr(buf, "F10") != NULL && strstr(buf, "F3") != NULL,
	    "Back and Quit keep their keys");
}

int
main(void)
{
	setlocale(LC_ALL, "C");
	test_esc();
	test_sequences();
	test_names();
	test_keybar();
	test_keybar_many();
	return done_testing();
}
