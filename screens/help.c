/* Help: the keys, and the fallbacks for terminals that send no F-keys. */
#include "qualdesk.h"

static const char *const help_text[] = {
	"功能键 Function keys          没有功能键时 Without F-keys",
	"  F1     帮助 Help            Esc 1   或 or  Ctrl-G",
	"  F2     保存 Save            Esc 2   或 or  Ctrl-S",
	"  F3     返回 Back            Esc     或 or  Ctrl-C",
	"  F4-F9  本屏功能 Actions     Esc 4 ... Esc 9",
	"  F10    退出 Quit            Esc 0   或 or  Ctrl-X",
	"",
	"  Esc 后半秒内按数字键即为对应功能键；单按 Esc 为返回。",
	"  Esc then a digit within half a second is that F-key; Esc alone is Back.",
	"",
	"移动 Moving",
	"  Up/Down, Ctrl-P/Ctrl-N      上下移动 Move up and down",
	"  PgUp/PgDn                   翻页 Page (PgDn loads older entries)",
	"  Home/End                    到开头/结尾 First and last",
	"  Tab, Shift-Tab              下一项/上一项 Next and previous field",
	"  Enter                       打开/下一项 Open, or the next field",
	"  Ctrl-L                      重画屏幕 Redraw the screen",
	"",
	"主菜单 Main menu",
	"  数字或字母打开一项 A number or letter opens an item:",
	"  a 我的账户 My account  o 办公室 Offices  u 用户管理 Users",
	"  l 审计日志 Audit log  h 帮助 Help  q 退出 Quit",
	"",
	"输入 Typing in a field",
	"  Left/Right                  按字移动 Move by character",
	"  Backspace, Del, Ctrl-D      删除一个字 Delete one character",
	"  Home/End, Ctrl-A/Ctrl-E     到开头/结尾 Start and end of field",
	"  Ctrl-U                      清空 Empty the field",
	"  选项 Choices: Left/Right 或 or Space",
	"  超过长度会提示，不会截断。 Too long text is refused, never cut.",
	NULL
};

const struct ui_screen screen_help = {
	.name = "help",
	.title = "帮助 Help",
	.text = help_text,
};
