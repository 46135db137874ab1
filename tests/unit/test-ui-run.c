/*
 * The engine's key loop on a real curses screen: newterm() drawing into
 * /dev/null and reading keys from a pipe this test writes, so what a user
 * would type runs the real ui_screen_run_arg, and what it drew is read
 * back from curses' own copy of the screen.
 */
#include <curses.h>
#include <locale.h>
#include <signal.h>
#include <stdlib.h>
#include <time.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#include "qualdesk.h"
#include "tap.h"

/* Keys as an xterm sends them (curses decodes them by terminfo). */
#define K_UP	"\033OA"
#define K_DOWN	"\033OB"
#define K_PGDN	"\033[6~"
#define K_HOME	"\033OH"
#define K_END	"\033OF"
#define K_BTAB	"\033[Z"
#define K_F4	"\033OS"
#define K_F5	"\033[15~"
#define K_F9	"\033[20~"
#define K_TAB	"\t"
#define K_ENTER	"\r"
#define K_BACK	"\003"		/* Ctrl-C */
#define K_QUIT	"\030"		/* Ctrl-X */
#define K_BS	"\177"

static int	 run_keys_fd = -1;	/* the write end of the key pipe */
static char	 run_shots[8][8192];	/* the screen at each F9 */
static int	 run_nshots;
static SCREEN	*run_term;

/* A fresh key pipe on stdin, where curses and ui_term_gone look. */
static void
run_pipe(void)
{
	int	 fds[2];

	if (run_keys_fd >= 0)
		close(run_keys_fd);
	if (pipe(fds) != 0 || dup2(fds[0], STDIN_FILENO) < 0) {
		printf("Bail out! no pipe\n");
		exit(1);
	}
	close(fds[0]);
	run_keys_fd = fds[1];
}

static void
run_start(void)
{
	FILE	*out;

	setlocale(LC_ALL, "C.UTF-8");
	setenv("COLUMNS", "80", 1);
	setenv("LINES", "24", 1);
	run_pipe();
	if ((out = fopen("/dev/null", "w")) == NULL ||
	    (run_term = newterm("xterm", out, stdin)) == NULL) {
		printf("1..0 # SKIP no xterm terminal description\n");
		exit(0);
	}
	set_term(run_term);
	set_escdelay(25);
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	meta(stdscr, TRUE);
	/* A screen that never leaves fails the test instead of hanging it. */
	alarm(60);
}

static void
run_keys(const char *keys)
{
	size_t	 n = strlen(keys);

	if (write(run_keys_fd, keys, n) != (ssize_t)n)
		printf("# short write of keys\n");
}

/* Line y of the screen as UTF-8, trailing blanks removed. */
static void
run_line(int y, char *buf, size_t len)
{
	wchar_t	 w[512];
	size_t	 n;

	buf[0] = '\0';
	if (mvwinnwstr(stdscr, y, 0, w, COLS) == ERR)
		return;
	if ((n = wcstombs(buf, w, len - 1)) == (size_t)-1)
		n = 0;
	buf[n] = '\0';
	while (n > 0 && buf[n - 1] == ' ')
		buf[--n] = '\0';
}

/* Keep the whole screen as the next shot. */
static void
run_snapshot(void)
{
	char	*shot = run_shots[run_nshots++ % 8];
	char	 line[1024];
	int	 y;

	shot[0] = '\0';
	for (y = 0; y < LINES; y++) {
		run_line(y, line, sizeof line);
		strncat(shot, line, sizeof run_shots[0] - strlen(shot) - 2);
		strcat(shot, "\n");
	}
}

/* Shot i (from 0) of the test. */
static const char *
shot(int i)
{
	return run_shots[i % 8];
}

/* F9 on the test screens: keep what is on the screen. */
static enum ui_next
run_shoot(struct ui *ui, struct ui_view *v)
{
	(void)ui;
	(void)v;
	run_snapshot();
	return UI_STAY;
}

/* Line n (from 0) of shot i into buf. */
static const char *
shot_line(int i, int n, char *buf, size_t len)
{
	const char	*p = shot(i), *nl;

	while (n-- > 0 && (nl = strchr(p, '\n')) != NULL)
		p = nl + 1;
	snprintf(buf, len, "%.*s", (int)strcspn(p, "\n"), p);
	return buf;
}

/* Start a test: no quitting left over, no shots. */
static void
run_reset(struct ui *ui)
{
	ui->quit = 0;
	ui->msg[0] = '\0';
	run_nshots = 0;
	memset(run_shots, 0, sizeof run_shots);
}

/* Open, title and close hooks: what they saw and did. */
static int	 open_calls, close_calls, open_loads;

static int
open_open(struct ui *ui, struct ui_view *v)
{
	int	*id = ui_view_arg(v);

	open_calls++;
	if (*id < 0) {
		ui_error(ui, "找不到记录 No such record");
		return QD_ENOTFOUND;
	}
	v->priv = xstrdup("私有 own");
	ui_view_set(v, "state", "已受理 Received");
	return QD_OK;
}

static void
open_close(struct ui *ui, struct ui_view *v)
{
	(void)ui;
	close_calls++;
	xfree(&v->priv);
}

static char *
open_title(struct ui *ui, struct ui_view *v)
{
	char	*s;
	int	*id = ui_view_arg(v);

	(void)ui;
	xasprintf(&s, "记录 %d Record %d %s", *id, *id, (char *)v->priv);
	return s;
}

static char *
open_state(struct ui *ui)
{
	(void)ui;
	return xstrdup("");
}

static const struct ui_field open_fields[] = {
	{ .label = "状态 State", .type = UI_FIELD_SHOW, .width = 20,
	  .column = "state", .get = open_state },
};

static const struct ui_column open_columns[] = {
	{ .title = "名称 Name", .width = 20 },
};

static int
open_load(struct ui *ui, struct ui_view *v, struct ui_rows *rows,
    const char *cursor, char **why)
{
	const char	*cells[1] = { "一行 a row" };

	(void)ui;
	(void)v;
	(void)cursor;
	(void)why;
	open_loads++;
	ui_rows_add(rows, 1, "1", cells);
	return QD_OK;
}

static const struct ui_list open_list = {
	.columns = open_columns,
	.ncolumns = 1,
	.load = open_load,
};

static const struct ui_action shoot_actions[] = {
	{ .key = UI_KEY_F(9), .label = "拍照 Shot", .roles = UI_ROLES_ALL,
	  .run = run_shoot },
};

static const struct ui_screen open_screen = {
	.name = "open",
	.title = "记录 Record",
	.fields = open_fields,
	.nfields = 1,
	.list = &open_list,
	.actions = shoot_actions,
	.nactions = 1,
	.open = open_open,
	.close = open_close,
	.title_get = open_title,
};

static void
test_open(struct ui *ui)
{
	char	 line[256];
	int	 id = 42;

	run_reset(ui);
	run_keys(K_F9 K_BACK);
	ui_screen_run_arg(ui, &open_screen, &id);
	is_int(open_calls, 1, "open ran once");
	is_int(close_calls, 1, "close ran once on leaving");
	is_int(open_loads, 1, "the list loaded after open");
	is_str(shot_line(0, 1, line, sizeof line),
	    " 记录 42 Record 42 私有 own", "the title comes from title_get, "
	    "which sees the argument and what open kept");
	ok(strstr(shot(0), "已受理 Received") != NULL, "a value open set "
	    "shows");
	ok(ui->quit == 0, "going back is no quitting");

	id = -1;
	open_calls = close_calls = open_loads = 0;
	ui_screen_run_arg(ui, &open_screen, &id);
	is_int(open_calls, 1, "open ran");
	is_int(close_calls + open_loads, 0, "a refused open leaves at once: "
	    "no load, no close");
	is_str(ui->msg, "找不到记录 No such record", "and its message stays "
	    "for the screen below");
}

/*
 * The keys left unread after a screen left, as characters into buf: what
 * the screen did not take. Tests end their keys with Ctrl-X so a screen
 * that wrongly stays still leaves (and the test fails, not hangs).
 */
static const char *
run_pending(char *buf, size_t len)
{
	wint_t	 wc;
	size_t	 n = 0;

	wtimeout(stdscr, 50);
	while (n + 1 < len && wget_wch(stdscr, &wc) != ERR)
		buf[n++] = wc < 0x20 ? '^' : (char)wc;
	buf[n] = '\0';
	return buf;
}

/* A filter screen: a text and a choice above a list of twelve rows. */
static int	 filter_loads;
static char	 filter_seen[128], filter_opened[64];

static int
filter_kinds(struct ui *ui, struct ui_choice **out, size_t *n)
{
	static const char *const kinds[][2] = {
		{ "", "全部 All" }, { "a", "甲类 Kind A" }, { "b", "乙类 Kind B" },
	};
	size_t	 i;

	(void)ui;
	*n = 3;
	*out = xcalloc(*n, sizeof **out);
	for (i = 0; i < *n; i++) {
		(*out)[i].value = xstrdup(kinds[i][0]);
		(*out)[i].label = xstrdup(kinds[i][1]);
	}
	return QD_OK;
}

static int
filter_load(struct ui *ui, struct ui_view *v, struct ui_rows *rows,
    const char *cursor, char **why)
{
	const char	*cells[1];
	char		 key[32];
	int		 i;

	(void)ui;
	(void)why;
	if (cursor != NULL)
		return QD_OK;
	filter_loads++;
	snprintf(filter_seen, sizeof filter_seen, "q=%s kind=%s",
	    ui_view_value(v, "q"), ui_view_value(v, "kind"));
	for (i = 1; i <= 12; i++) {
		snprintf(key, sizeof key, "%s%d", ui_view_value(v, "kind"), i);
		cells[0] = key;
		ui_rows_add(rows, i, key, cells);
	}
	return QD_OK;
}

static enum ui_next
filter_open_row(struct ui *ui, struct ui_view *v)
{
	(void)ui;
	snprintf(filter_opened, sizeof filter_opened, "%s",
	    ui_view_row_key(v));
	return UI_STAY;
}

static const struct ui_field filter_fields[] = {
	{ .label = "查找 Find", .type = UI_FIELD_TEXT, .width = 10,
	  .max_chars = 10, .max_bytes = 40, .column = "q" },
	{ .label = "类别 Kind", .type = UI_FIELD_CHOICE, .width = 14,
	  .column = "kind", .choices = filter_kinds },
};

static const struct ui_column filter_columns[] = {
	{ .title = "编号 No.", .width = 10 },
};

static const struct ui_list filter_list = {
	.columns = filter_columns,
	.ncolumns = 1,
	.load = filter_load,
};

static const struct ui_action filter_actions[] = {
	{ .key = UI_KEY_ENTER, .label = "打开 Open", .roles = UI_ROLES_ALL,
	  .needs_row = 1, .run = filter_open_row },
	{ .key = UI_KEY_F(9), .label = "拍照 Shot", .roles = UI_ROLES_ALL,
	  .run = run_shoot },
};

static const struct ui_screen filter_screen = {
	.name = "filter",
	.title = "筛选 Filter",
	.fields = filter_fields,
	.nfields = 2,
	.list = &filter_list,
	.actions = filter_actions,
	.nactions = 2,
	.filter = 1,
};

static void
test_filter(struct ui *ui)
{
	char	 line[256];

	run_reset(ui);
	/* In the list first: Down twice, Enter opens the third row. */
	run_keys(K_DOWN K_DOWN K_ENTER);
	/* Tab to the text filter, type, Enter: loaded again, first row. */
	run_keys(K_TAB "7" K_F9 K_ENTER);
	/* Tab to the choice, Right: loaded again with kind a. */
	run_keys(K_TAB "\033OC");
	/* Tab into the list, Down, Enter opens a2; back out with Shift-Tab. */
	run_keys(K_TAB K_DOWN K_ENTER K_BTAB K_BTAB "x" K_ENTER);
	run_keys(K_BACK "n" K_QUIT);
	ui_screen_run(ui, &filter_screen);
	is_int(filter_loads, 4, "loaded at first, after Enter in the text "
	    "filter, after the choice changed and after Enter again");
	is_str(filter_seen, "q=7x kind=a", "the loader read the filters; "
	    "Shift-Tab twice went from the list back to the text filter");
	is_str(filter_opened, "a2", "Enter in the list opened the row below "
	    "the first after the reload");
	is_str(shot_line(0, 3, line, sizeof line), "> 查找 Find  7",
	    "what was typed shows in the filter, which has the focus");
	ok(strstr(shot(0), "> 3") != NULL, "the selected row is kept "
	    "while typing in a filter");
	is_str(run_pending(line, sizeof line), "n^", "leaving a filter "
	    "screen asks nothing, though the filter was typed in");
}

/* A form alone, as the add-user form: Tab goes round, Enter saves. */
static int	 form_saves;

static enum ui_next
form_save(struct ui *ui, struct ui_view *v)
{
	(void)ui;
	(void)v;
	form_saves++;
	return UI_STAY;
}

static const struct ui_field form_fields[] = {
	{ .label = "姓名 Name", .type = UI_FIELD_TEXT, .width = 10,
	  .max_chars = 10, .max_bytes = 40, .column = "name" },
	{ .label = "类别 Kind", .type = UI_FIELD_CHOICE, .width = 14,
	  .column = "kind", .choices = filter_kinds },
};

static const struct ui_action form_actions[] = {
	{ .key = UI_KEY_SAVE, .label = "保存 Save", .roles = UI_ROLES_ALL,
	  .run = form_save },
	{ .key = UI_KEY_F(9), .label = "拍照 Shot", .roles = UI_ROLES_ALL,
	  .run = run_shoot },
};

static const struct ui_screen form_screen = {
	.name = "form",
	.title = "表单 Form",
	.fields = form_fields,
	.nfields = 2,
	.actions = form_actions,
	.nactions = 2,
};

static void
test_form(struct ui *ui)
{
	char	 line[64];

	run_reset(ui);
	/* Tab past the last field comes round to the first. */
	run_keys("ab" K_TAB K_TAB "c" K_ENTER K_ENTER K_F9);
	run_keys(K_BACK "n" K_BACK "y" K_QUIT);
	ui_screen_run(ui, &form_screen);
	is_int(form_saves, 1, "Enter on the last field saves once");
	ok(strstr(shot(0), "abc") != NULL, "Tab went round to the first "
	    "field");
	is_str(run_pending(line, sizeof line), "^", "leaving with typed text "
	    "asked; No stayed, Yes left");
}

/*
 * A queue: thirty rows in pages of twenty, a summary line, marks, and an
 * action that applies only to odd rows.
 */
static int64_t	 queue_sent[8];
static size_t	 queue_nsent;

static int
queue_load(struct ui *ui, struct ui_view *v, struct ui_rows *rows,
    const char *cursor, char **why)
{
	const char	*cells[2];
	char		 no[16], next[16];
	int		 id = cursor != NULL ? atoi(cursor) + 1 : 1, last;

	(void)ui;
	(void)v;
	(void)why;
	for (last = id + 19; id <= last && id <= 30; id++) {
		snprintf(no, sizeof no, "Q%02d", id);
		cells[0] = no;
		cells[1] = id % 2 ? "待审 Waiting" : "审核中 In review";
		ui_rows_add(rows, id, no, cells);
	}
	if ((rows->more = id <= 30)) {
		snprintf(next, sizeof next, "%d", id - 1);
		ui_rows_set_cursor(rows, next);
	}
	return QD_OK;
}

static char *
queue_summary(struct ui *ui, struct ui_view *v)
{
	char	*s;

	(void)ui;
	xasprintf(&s, "待审 30 件  已显示 %zu  Waiting 30", v->rows.n);
	return s;
}

/* Take applies to waiting cases: the odd rows. */
static int
queue_can_take(struct ui *ui, struct ui_view *v, const struct ui_action *a)
{
	(void)ui;
	if (strcmp(a->name, "take") != 0 || v->rows.n == 0)
		return 0;
	return v->rows.ids[v->sel] % 2 == 1;
}

static enum ui_next
queue_take(struct ui *ui, struct ui_view *v)
{
	ui_msg(ui, "已领取 Taken %s", ui_view_row_key(v));
	return UI_STAY;
}

static enum ui_next
queue_forward(struct ui *ui, struct ui_view *v)
{
	int64_t	*ids;
	size_t	 n, i;

	n = ui_view_marked(v, &ids);
	for (i = 0; i < n && i < 8; i++)
		queue_sent[i] = ids[i];
	queue_nsent = n;
	free(ids);
	ui_msg(ui, "已转出 %zu 件 Forwarded %zu", n, n);
	return UI_RELOAD;
}

static const struct ui_column queue_columns[] = {
	{ .title = "编号 No.", .width = 10 },
	{ .title = "状态 State", .width = 20, .grow = 1 },
};

static const struct ui_list queue_list = {
	.columns = queue_columns,
	.ncolumns = 2,
	.load = queue_load,
	.summary = queue_summary,
	.multi = 1,
};

static const struct ui_action queue_actions[] = {
	{ .key = UI_KEY_F(4), .name = "take", .label = "领取 Take",
	  .roles = UI_ROLES_ALL, .needs_row = 1, .run = queue_take,
	  .enabled = queue_can_take },
	{ .key = UI_KEY_F(5), .name = "forward", .label = "转出 Forward",
	  .roles = UI_ROLES_ALL, .needs_row = 1, .run = queue_forward },
	{ .key = UI_KEY_F(6), .name = "purge", .label = "清除 Purge",
	  .roles = UI_ROLE(ROLE_ADMIN), .run = queue_forward },
	{ .key = UI_KEY_F(9), .label = "拍照 Shot", .roles = UI_ROLES_ALL,
	  .run = run_shoot },
};

static const struct ui_screen queue_screen = {
	.name = "queue",
	.title = "待审队列 Queue",
	.list = &queue_list,
	.actions = queue_actions,
	.nactions = 4,
};

static void
test_queue(struct ui *ui)
{
	char	 line[256];

	run_reset(ui);
	run_keys(K_F9 K_DOWN K_F9 K_F4 K_F9 "\033[17~" K_F9);
	run_keys(" " K_DOWN " " K_F9);
	run_keys(K_PGDN K_PGDN K_F9 K_F5 K_F9 "\033OH" K_F4 K_F9 K_QUIT);
	ui_screen_run(ui, &queue_screen);
	shot_line(0, 2, line, sizeof line);
	ok(strncmp(line, " 待审 30 件  已显示 20  Waiting 30 ", 37) == 0 &&
	    strstr(line, " 第 1 行，共 20+ 行 Row 1 of 20+") != NULL,
	    "the summary is on the line above the column titles, with the "
	    "position: %s", line);
	ok(strstr(shot_line(0, 3, line, sizeof line), "编号 No.") != NULL,
	    "and the column titles below it");
	ok(strstr(shot_line(0, 23, line, sizeof line), "领取") != NULL,
	    "on a waiting case Take is on the key bar: %s", line);
	ok(strstr(shot_line(1, 23, line, sizeof line), "领取") == NULL &&
	    strstr(line, "转出") != NULL, "on a case in review it is not, "
	    "Forward still is: %s", line);
	ok(strstr(shot_line(1, 23, line, sizeof line), "清除") == NULL,
	    "an action of another role is not either");
	is_str(shot_line(2, 22, line, sizeof line), "当前状态下不能执行此操作 "
	    "Not available in this state", "its key says why it does not run");
	ok(strstr(shot_line(3, 22, line, sizeof line), "Not permitted") !=
	    NULL, "another role's key says it is not permitted: %s", line);
	ok(strncmp(shot_line(4, 4, line, sizeof line), "  Q01 ", 6) == 0,
	    "the first row is not marked: %s", line);
	ok(strncmp(shot_line(4, 5, line, sizeof line), " *Q02 ", 6) == 0,
	    "the row marked with Space shows '*': %s", line);
	ok(strncmp(shot_line(4, 7, line, sizeof line), " *Q04 ", 6) == 0,
	    "Space marked the row and moved down: %s", line);
	ok(strncmp(shot_line(4, 8, line, sizeof line), "> Q05 ", 6) == 0,
	    "to the next row, selected and not marked: %s", line);
	ok(strstr(shot_line(4, 2, line, sizeof line), "已标记 2  第 5/20+ 行") !=
	    NULL, "the heading counts the marked rows, shorter to fit: %s",
	    line);
	ok(strstr(shot_line(5, 2, line, sizeof line), "已显示 30") != NULL,
	    "PgDn past the end loaded the next page: %s", line);
	ok(queue_nsent == 2 && queue_sent[0] == 2 && queue_sent[1] == 4,
	    "Forward got the marked rows' ids, 2 and 4, after paging "
	    "(%zu)", queue_nsent);
	ok(strstr(shot(6), "*") == NULL && strstr(shot(6), "Forwarded 2"),
	    "the reload after it cleared the marks");
	ok(strstr(shot(7), "已领取 Taken Q01") != NULL, "on a waiting case "
	    "Take runs");
}

/*
 * End loads every page; a reload (an action that changed the rows) keeps
 * the selected row and a full page of rows above it.
 */
static void
test_queue_end(struct ui *ui)
{
	char	 line[256];
	int	 i;

	run_reset(ui);
	run_keys(K_END K_F9 K_F5 K_F9 K_QUIT);
	ui_screen_run(ui, &queue_screen);
	ui->quit = 0;
	for (i = 0; i < 22; i++)
		run_keys(K_DOWN);
	run_keys(K_F5 K_F9 K_QUIT);
	ui_screen_run(ui, &queue_screen);
	ok(strstr(shot_line(0, 2, line, sizeof line), "第 30 行，共 30 行") !=
	    NULL, "End goes to the last row of the last page: %s", line);
	ok(strstr(shot_line(0, 21, line, sizeof line), ">") == line &&
	    strstr(line, "Q30") != NULL, "shown at the bottom: %s", line);
	ok(strstr(shot_line(1, 2, line, sizeof line), "第 30 行，共 30 行") !=
	    NULL, "after a reload the selection is still on it: %s", line);
	ok(strncmp(shot_line(1, 4, line, sizeof line), "  Q13 ", 6) == 0 &&
	    strncmp(shot_line(1, 21, line, sizeof line), "> Q30 ", 6) == 0,
	    "with a full page of rows drawn: %s", line);
	ok(strstr(shot_line(2, 2, line, sizeof line), "第 23 行，共 30 行") !=
	    NULL, "a row of the second page stays selected after a reload, "
	    "its page loaded again: %s", line);
	ok(strstr(shot(2), "> Q23 ") != NULL && strstr(shot(2), "  Q06 ") !=
	    NULL, "and the rows above it drawn");
}

/* A page made by its hook: a long Chinese line and forty history lines. */
static int	 page_made;

static int
page_lines(struct ui *ui, struct ui_view *v, char ***out, size_t *n,
    char **why)
{
	char	**l;
	size_t	  i;

	(void)ui;
	(void)v;
	(void)why;
	page_made++;
	*n = 42;
	l = xcalloc(*n, sizeof *l);
	xasprintf(&l[0], "申请人 Applicant: 陳大文  第 %d 次 load %d",
	    page_made, page_made);
	/* 50 characters of 2 columns: 100 columns, wrapped at 78. */
	l[1] = xstrdup("材料材料材料材料材料材料材料材料材料材料材料材料材料"
	    "材料材料材料材料材料材料材料材料材料材料材料材料");
	for (i = 2; i < *n; i++)
		xasprintf(&l[i], "历史 History %zu", i - 1);
	*out = l;
	return QD_OK;
}

static enum ui_next
page_again(struct ui *ui, struct ui_view *v)
{
	(void)ui;
	(void)v;
	return UI_RELOAD;
}

static const struct ui_action page_actions[] = {
	{ .key = UI_KEY_F(4), .label = "刷新 Again", .roles = UI_ROLES_ALL,
	  .run = page_again },
	{ .key = UI_KEY_F(9), .label = "拍照 Shot", .roles = UI_ROLES_ALL,
	  .run = run_shoot },
};

static const struct ui_screen page_screen = {
	.name = "page",
	.title = "案件 Case",
	.lines = page_lines,
	.actions = page_actions,
	.nactions = 2,
};

static void
test_page(struct ui *ui)
{
	char	 line[256];

	run_reset(ui);
	run_keys(K_F9 K_PGDN K_F9 "\033OF" K_F9 K_F4 "\033OH" K_F9 K_BACK);
	ui_screen_run(ui, &page_screen);
	is_int(page_made, 2, "made on opening and after an action reloaded");
	is_str(shot_line(0, 3, line, sizeof line), " 材料材料材料材料材料材料"
	    "材料材料材料材料材料材料材料材料材料材料材料材料材料材",
	    "a line wider than the screen is wrapped at 78 columns");
	is_str(shot_line(0, 4, line, sizeof line), " 料材料材料材料材料材料",
	    "and goes on, nothing cut");
	ok(strstr(shot_line(0, 1, line, sizeof line), "1-20 / 43") != NULL,
	    "the title line says which lines show: %s", line);
	ok(strstr(shot_line(1, 1, line, sizeof line), "21-40 / 43") != NULL,
	    "PgDn shows the next page: %s", line);
	is_str(shot_line(2, 21, line, sizeof line), " 历史 History 40",
	    "End shows the last line at the bottom");
	ok(strstr(shot(3), "第 2 次") != NULL, "the page shows what the hook "
	    "made the second time");
}

static void
test_input(struct ui *ui)
{
	char	*out = NULL, line[256];

	run_reset(ui);
	run_keys("文" K_ENTER);
	is_int(ui_dialog_input(ui, NULL, "驳回 Reject", "理由 Reason:", "陳大",
	    20, &out), QD_OK, "Enter answers");
	is_str(out, "陳大文", "with the initial text and what was typed");
	free(out);
	run_snapshot();
	ok(strstr(shot(0), "理由 Reason:") != NULL && strstr(shot(0),
	    "驳回 Reject") != NULL, "the box shows title and prompt");

	run_keys("abcd" K_ENTER);
	is_int(ui_dialog_input(ui, NULL, "编号 No.", "编号 No.:", NULL, 3,
	    &out), QD_OK, "a short field answers");
	is_str(out, "abc", "the fourth character was refused");
	free(out);
	run_snapshot();
	shot_line(1, 22, line, sizeof line);
	ok(strstr(line, "Too long") != NULL, "with a message: %s", line);

	run_keys("xyz" K_BACK);
	is_int(ui_dialog_input(ui, NULL, "编号 No.", "编号 No.:", NULL, 10,
	    &out), QD_ENOTFOUND, "Esc or F3 cancels");
	ok(out == NULL, "and gives nothing back");

	run_keys(K_ENTER);
	is_int(ui_dialog_input(ui, NULL, "编号 No.", "编号 No.:", NULL, 10,
	    &out), QD_OK, "Enter on nothing answers");
	is_str(out, "", "with an empty text");
	free(out);
	is_int(ui->quit, 0, "nothing quit");

	/* A text box says which key goes on, and how to scroll a long one. */
	run_keys(" ");
	ui_dialog_show(ui, NULL, "已登记的台胞 Registered", "陳大文 1990-05-17");
	run_snapshot();
	ok(strstr(shot(2), "任意键继续 Any key: go on") != NULL,
	    "a text box shows its key");
	run_keys(" ");
	ui_dialog_show(ui, NULL, "已登记的台胞 Registered", "1\n2\n3\n4\n5\n6"
	    "\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n21\n22");
	run_snapshot();
	ok(strstr(shot(3), "Up/Down 滚动 Scroll") != NULL && strstr(shot(3),
	    "Any other key: go on") != NULL, "a long one how to scroll too");
}

/* A catalog of 300 occupations with labels wider than the screen. */
static void
test_pick(struct ui *ui)
{
	struct ui_choice	 c[300];
	char			 line[512];
	size_t			 i, picked = 999;
	int			 cut = 0;

	run_reset(ui);
	for (i = 0; i < 300; i++) {
		xasprintf(&c[i].value, "%zu", i);
		xasprintf(&c[i].label, "%03zu 职业名称很长很长很长很长很长很长很长很长"
		    "很长很长 Occupation %03zu with a long English name", i, i);
	}
	free(c[7].label);
	c[7].label = xstrdup("电工 Electrician");
	run_keys("ELEC" K_ENTER);
	is_int(ui_dialog_pick(ui, NULL, "职业 Occupation", c, 300, &picked),
	    QD_OK, "Enter picks");
	is_int(picked, 7, "typing ELEC found the electrician");

	run_keys("05" K_DOWN K_DOWN K_ENTER);
	is_int(ui_dialog_pick(ui, NULL, "职业 Occupation", c, 300, &picked),
	    QD_OK, "Enter picks again");
	is_int(picked, 51, "typing 05 left 005, 050, 051...: the third is 51");
	run_snapshot();
	ok(strstr(shot(0), "13/300") != NULL, "the box counts 13 of 300");
	for (i = 0; i < 24; i++) {
		shot_line(0, (int)i, line, sizeof line);
		cut += strstr(line, "~ |") != NULL;
	}
	ok(cut > 0, "labels wider than the box are cut with a mark before "
	    "its border");
	ok(strstr(shot(0), "> 051 ") != NULL, "the picked one was selected");

	run_keys("zzz" K_ENTER K_BS K_BS K_BS K_PGDN K_ENTER);
	is_int(ui_dialog_pick(ui, NULL, "职业 Occupation", c, 300, &picked),
	    QD_OK, "Enter on nothing matching waits; Backspace widens");
	is_int(picked, 17, "PgDn moved one box of 17 down");

	picked = 999;
	free(c[8].label);
	c[8].label = xstrdup("焊焊焊焊焊焊焊焊焊焊焊焊焊焊焊焊焊焊焊焊焊焊焊焊焊"
	    "焊焊焊焊焊焊焊焊焊焊焊焊焊焊焊焊焊焊焊焊焊焊焊焊焊");
	run_keys("焊" K_BACK);
	is_int(ui_dialog_pick(ui, NULL, "职业 Occupation", c, 300, &picked),
	    QD_ENOTFOUND, "Esc or F3 cancels");
	is_int(picked, 999, "and picks nothing");
	run_snapshot();
	shot_line(1, 3, line, sizeof line);
	ok(strstr(line, "焊~  |") != NULL && text_width(line) == 79,
	    "a label all of Chinese is cut at a whole character, the border "
	    "in its place: %s", line);
	for (i = 0; i < 300; i++) {
		free(c[i].value);
		free(c[i].label);
	}
}

/* A form that keeps drafts: what each call of the hook saw. */
static int	 draft_calls, draft_at_action, draft_then_back;
static char	 draft_kept[256];

static void
draft_keep(struct ui *ui, struct ui_view *v)
{
	char	*text = ui_view_draft_text(v);

	(void)ui;
	draft_calls++;
	snprintf(draft_kept, sizeof draft_kept, "%s", text);
	free(text);
	if (draft_then_back)
		run_keys(K_BACK);
}

static enum ui_next
draft_save(struct ui *ui, struct ui_view *v)
{
	(void)ui;
	(void)v;
	draft_at_action = draft_calls;
	return UI_CLOSE;
}

static const struct ui_field draft_fields[] = {
	{ .label = "姓名 Name", .type = UI_FIELD_TEXT, .width = 20,
	  .max_chars = 20, .max_bytes = 80, .column = "name" },
	{ .label = "类别 Kind", .type = UI_FIELD_CHOICE, .width = 14,
	  .column = "kind", .choices = filter_kinds },
};

static const struct ui_action draft_actions[] = {
	{ .key = UI_KEY_SAVE, .label = "保存 Save", .roles = UI_ROLES_ALL,
	  .run = draft_save },
};

static const struct ui_screen draft_screen = {
	.name = "draft",
	.title = "受理 Intake",
	.fields = draft_fields,
	.nfields = 2,
	.actions = draft_actions,
	.nactions = 1,
	.draft = draft_keep,
};

static double
run_now(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Start a draft test: no calls yet. */
static void
draft_reset(struct ui *ui)
{
	run_reset(ui);
	draft_calls = draft_at_action = draft_then_back = 0;
	draft_kept[0] = '\0';
}

static void
test_draft(struct ui *ui)
{
	char	 line[64];
	double	 start;

	/* A pause in typing writes the draft; the hook then goes back. */
	draft_reset(ui);
	draft_then_back = 1;
	run_keys("陳大" K_TAB "\033OC");
	start = run_now();
	ui_screen_run(ui, &draft_screen);
	is_int(draft_calls, 1, "a pause after typing writes one draft");
	ok(run_now() - start >= UI_DRAFT_IDLE_MS / 1000.0, "after %d ms "
	    "without a key", UI_DRAFT_IDLE_MS);
	is_str(draft_kept, "name\t陳大\nkind\ta\n", "with the text and the "
	    "choice");
	is_int(ui->quit, 0, "going back with a draft asks nothing");

	/* F3 straight after typing: the draft is written on the way out. */
	draft_reset(ui);
	run_keys("abc" K_BACK "n" K_QUIT);
	ui_screen_run(ui, &draft_screen);
	is_int(draft_calls, 1, "leaving with F3 writes the draft");
	is_str(draft_kept, "name\tabc\nkind\t\n", "with what was typed");
	is_str(run_pending(line, sizeof line), "n^", "and asks nothing");

	/* F10 the same. */
	draft_reset(ui);
	run_keys("q" K_QUIT);
	ui_screen_run(ui, &draft_screen);
	ok(draft_calls == 1 && ui->quit == UI_QUIT_USER, "quitting with F10 "
	    "writes the draft");

	/* Saving: the draft first, then the handler, which has the last word. */
	draft_reset(ui);
	run_keys("xyz" "\023" K_QUIT);
	ui_screen_run(ui, &draft_screen);
	is_int(draft_at_action, 1, "the draft is written before an action");
	is_int(draft_calls, 1, "and not again after the handler closed");
	is_str(run_pending(line, sizeof line), "^", "the save closed");

	/* Nothing typed: no draft. */
	draft_reset(ui);
	run_keys(K_TAB K_BACK);
	ui_screen_run(ui, &draft_screen);
	is_int(draft_calls, 0, "moving without typing writes no draft");

	/* The link drops after typing: the draft is still written. */
	draft_reset(ui);
	run_keys("林" K_BS "陳");
	close(run_keys_fd);
	run_keys_fd = -1;
	ui_screen_run(ui, &draft_screen);
	is_int(ui->quit, UI_QUIT_SIGNAL, "a hung-up terminal ends the UI");
	is_int(draft_calls, 1, "and the draft is written before it goes");
	is_str(draft_kept, "name\t陳\nkind\t\n", "with the last text");
	run_pipe();
}

int
main(void)
{
	struct qd_user	 user;
	struct ui	 ui;

	memset(&user, 0, sizeof user);
	user.login = "tester";
	user.role = ROLE_CENTER;
	memset(&ui, 0, sizeof ui);
	ui.user = &user;
	run_start();
	test_open(&ui);
	test_filter(&ui);
	test_form(&ui);
	test_queue(&ui);
	test_queue_end(&ui);
	test_page(&ui);
	test_input(&ui);
	test_pick(&ui);
	test_draft(&ui);
	endwin();
	delscreen(run_term);
	return done_testing();
}
