/*
 * Certificates in the UI, run on a real curses screen (drawing into
 * /dev/null, keys from a pipe) against a real database: the bytes sent
 * to a terminal's printer arrive unchanged through a pty, the QR code is
 * drawn whole or not at all, the page and the list show what they
 * should, printing and handing over are recorded, and a scanned code is
 * verified as valid, then as revoked.
 */
/* Before curses.h brings in stdio.h: fixture.h and memmem need it. */
#define _GNU_SOURCE 1

#include <sys/wait.h>

#include <curses.h>
#include <fcntl.h>
#include <locale.h>
#include <pty.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>

#include "qualdesk.h"
#include "catalog/catalog.h"
#include "cert/cert-screens.h"
#include "case/case.h"
#include "cert/cert.h"
#include "../tap.h"
#include "../fixture.h"

#define K_F9	"\033[20~"
#define K_ENTER	"\r"
#define K_QUIT	"\030"		/* Ctrl-X */

static int	 keys_fd = -1;
static SCREEN	*term;
static char	*dir;
static sqlite3	*db;
static struct qd_user *op, *fz1, *rev1;

static void
keys(const char *k)
{
	size_t	 n = strlen(k);

	if (write(keys_fd, k, n) != (ssize_t)n)
		printf("# short write of keys\n");
}

/* The whole screen as UTF-8 lines, trailing blanks removed. */
static char *
screen_text(void)
{
	static char	 buf[65536];
	wchar_t		 w[512];
	char		 line[2048];
	size_t		 n;
	int		 y;

	buf[0] = '\0';
	for (y = 0; y < LINES; y++) {
		line[0] = '\0';
		if (mvwinnwstr(stdscr, y, 0, w, COLS) != ERR &&
		    (n = wcstombs(line, w, sizeof line - 1)) != (size_t)-1)
			line[n] = '\0';
		n = strlen(line);
		while (n > 0 && line[n - 1] == ' ')
			line[--n] = '\0';
		strncat(buf, line, sizeof buf - strlen(buf) - 2);
		strcat(buf, "\n");
	}
	return buf;
}

static void
term_start(void)
{
	FILE	*out;
	int	 fds[2];

	setlocale(LC_ALL, "C.UTF-8");
	setenv("COLUMNS", "80", 1);
	setenv("LINES", "24", 1);
	if (pipe(fds) != 0 || dup2(fds[0], STDIN_FILENO) < 0) {
		printf("Bail out! no pipe\n");
		exit(1);
	}
	close(fds[0]);
	keys_fd = fds[1];
	if ((out = fopen("/dev/null", "w")) == NULL ||
	    (term = newterm("xterm", out, stdin)) == NULL) {
		printf("1..0 # SKIP no xterm terminal description\n");
		exit(0);
	}
	set_term(term);
	set_escdelay(25);
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	alarm(120);
}

/* What a reader of the pty's master gets of a write to its slave. */
static void
test_send_pty(void)
{
	unsigned char	*data, *got;
	struct termios	 tio;
	size_t		 len = 200000, want = len + 8, have = 0, i;
	ssize_t		 r;
	pid_t		 pid;
	int		 master, slave, status;
	char		*why = NULL;

	data = xmalloc(len);
	for (i = 0; i < len; i++)
		data[i] = (unsigned char)(i * 7 + i / 251);
	memcpy(data, "%PDF-1.5\n\r\n", 11);
	if (openpty(&master, &slave, NULL, NULL, NULL) != 0) {
		ok(0, "openpty");
		return;
	}
	tcgetattr(slave, &tio);
	ok((tio.c_oflag & OPOST) && (tio.c_oflag & ONLCR), "a new pty turns"
	    " LF into CR LF");
	/* The writer blocks when the pty is full: a reader runs meanwhile. */
	if ((pid = fork()) == 0) {
		close(master);
		_exit(ui_print_send(slave, data, len, &why) == QD_OK ? 0 : 1);
	}
	got = xmalloc(want + 4096);
	while (have < want + 4096 && (r = read(master, got + have,
	    want + 4096 - have)) > 0) {
		have += (size_t)r;
		if (have >= want)
			break;
	}
	waitpid(pid, &status, 0);
	ok(WIFEXITED(status) && WEXITSTATUS(status) == 0, "ui_print_send of"
	    " %zu bytes through a pty succeeds", len);
	is_int((int)have, (int)want, "the reader gets every byte and no more");
	ok(have >= 4 && memcmp(got, "\033[5i", 4) == 0, "after ESC [5i");
	ok(have == want && memcmp(got + 4, data, len) == 0, "the bytes as they"
	    " were: no LF became CR LF");
	ok(have == want && memcmp(got + 4 + len, "\033[4i", 4) == 0,
	    "then ESC [4i");
	tcgetattr(slave, &tio);
	ok((tio.c_oflag & OPOST) && (tio.c_oflag & ONLCR), "output processing"
	    " is on again afterwards");
	close(master);
	close(slave);
	free(got);
	free(data);
}

static void
test_send_pipe(void)
{
	char	 got[32], *why = NULL;
	int	 fds[2];
	ssize_t	 n;

	if (pipe(fds) != 0)
		return;
	is_int(ui_print_send(fds[1], "a\nb", 3, &why), QD_OK, "a pipe takes"
	    " the bytes too");
	close(fds[1]);
	n = read(fds[0], got, sizeof got);
	ok(n == 11 && memcmp(got, "\033[5ia\nb\033[4i", 11) == 0, "framed the"
	    " same");
	close(fds[0]);
	free(why);
}

static int64_t
case_version(int64_t id)
{
	char	 sql[96];

	snprintf(sql, sizeof sql, "SELECT version FROM cases WHERE id = %lld",
	    (long long)id);
	return fixture_int(db, sql);
}

/* An approved case of Fuzhou's, with its certificate. */
static void
setup_db(void)
{
	struct qd_applicant_new	 nf = { .name = "陳美玲", .sex = "F",
	    .birth_date = "1990-05-17", .mtp = "12345678" };
	struct qd_case_new	 nc = { .type = "adoption", .catalog_id = 1,
	    .tw_cert_no = "TW-0043", .mat_id = 1, .mat_cert = 1 };
	char			*why = NULL, *err = NULL;
	int64_t			 id = 0;

	dir = fixture_dir("ui-cert");
	db = fixture_db(dir, "t.db");
	op = user_local_operator();
	fz1 = fixture_user(db, op, "fz1", ROLE_CLERK, "fuzhou");
	rev1 = fixture_user(db, op, "rev1", ROLE_CENTER, NULL);
	db_set_system_actor(db, "(test)", "test");
	if (sqlite3_exec(db, "INSERT INTO occupations (code, name) VALUES"
	    " ('4-10-03-01', '美容师');"
	    "INSERT INTO catalog (tw_qual, tw_level, occupation_id, level, mode)"
	    " VALUES ('美容技術士', '丙級', 1, 4, 'adoption');", NULL, NULL,
	    &err) != SQLITE_OK) {
		printf("Bail out! catalog: %s\n", err);
		exit(1);
	}
	db_set_actor(db, fz1);
	if (db_applicant_add(db, fz1, &nf, &nc.applicant_id, &why) != QD_OK ||
	    db_case_open(db, fz1, &nc, &id, &why) != QD_OK ||
	    db_case_forward(db, fz1, &id, 1, &why) != QD_OK) {
		printf("Bail out! case: %s\n", why);
		exit(1);
	}
	db_set_actor(db, rev1);
	if (db_case_take(db, rev1, id, case_version(id), &why) != QD_OK ||
	    db_case_approve(db, rev1, id, case_version(id), 1, 4, &why) !=
	    QD_OK) {
		printf("Bail out! approve: %s\n", why);
		exit(1);
	}
}

/* Act as u on the UI. */
static void
as(struct ui *ui, struct qd_user *u)
{
	ui->user = u;
	ui->quit = 0;
	ui->msg[0] = '\0';
	db_set_actor(db, u);
}

static void
test_qr(struct ui *ui, const char *text)
{
	char	**lines, *s, want[128], *why = NULL;
	size_t	  n, i, len, found = 0;
	struct qr qr;
	int	  cols = 0, rows = 0;

	is_int(ui_qr_size(text, &cols, &rows, &why), QD_OK, "the code's size");
	resizeterm(rows + 2, cols + 20);
	keys("x");
	ui_qr_show(ui, " CX 陳美玲", text);
	s = screen_text();
	qr_make(text, &qr, &why);
	lines = qr_halfblocks(&qr, 4, &n);
	/* The screen's lines lose their trailing blanks; so do these. */
	for (i = 0; i < n; i++) {
		len = strlen(lines[i]);
		while (len > 0 && lines[i][len - 1] == ' ')
			lines[i][--len] = '\0';
		found += strstr(s, lines[i]) != NULL;
	}
	is_int((int)found, (int)n, "all %zu lines of the code are drawn in"
	    " %dx%d", n, cols + 20, rows + 2);
	ok(strstr(s, " CX 陳美玲") != NULL, "with its title");
	ok(strstr(s, "\xe2\x96\x80") != NULL, "in half blocks");
	ui_text_free_lines(lines, n);
	qr_free(&qr);
	resizeterm(20, 60);
	keys("x");
	ui_qr_show(ui, "t", text);
	s = screen_text();
	snprintf(want, sizeof want, "至少 %d×%d", cols, rows);
	ok(strstr(s, "窗口太小") != NULL && strstr(s, want) != NULL &&
	    strstr(s, "enlarge the window") != NULL, "too small a window says"
	    " so: %s", want);
	ok(strstr(s, "\xe2\x96\x80") == NULL && strstr(s, "QDC1:") != NULL,
	    "and shows the text instead of a cut code");
	resizeterm(24, 80);
	free(why);
}

/* The page as an office sees it before printing, and the list. */
static void
test_page(struct ui *ui, const char *number)
{
	const char	*s;

	as(ui, fz1);
	keys(K_QUIT);
	screen_cert_show(ui, number);
	s = screen_text();
	ok(strstr(s, "台胞职业资格采信证书") != NULL, "the page has the title");
	ok(strstr(s, "1990年5月17日") != NULL, "the birth date as on paper");
	ok(strstr(s, "经比对采信，持证人具备大陆地区以下相当水平") != NULL,
	    "the statement");
	ok(strstr(s, "美容师 四级/中级工") != NULL, "occupation and level");
	ok(strstr(s, "Q 二维码") != NULL && strstr(s, "P 打印") != NULL,
	    "the keys to show and print");
	ok(strstr(s, "F9") == NULL && strstr(s, "撤销") == NULL,
	    "but not to hand over (unprinted) or revoke (an office)");
	as(ui, fz1);
	keys(K_QUIT);
	ui_screen_run(ui, &screen_certs);
	s = screen_text();
	ok(strstr(s, number) != NULL && strstr(s, "待打印") != NULL,
	    "the list shows it to print");
}

/* Without the terminal's printer: told how, then recorded on yes. */
static void
test_print_elsewhere(struct ui *ui, const char *number)
{
	char	 sql[160];

	as(ui, fz1);
	keys("p" K_ENTER "y" K_QUIT);
	screen_cert_show(ui, number);
	snprintf(sql, sizeof sql, "SELECT print_count FROM certificates WHERE"
	    " number = '%s'", number);
	is_int((int)fixture_int(db, sql), 1, "printing elsewhere, then yes,"
	    " records it printed");
}

/* Run the certificate's page with keys, fd 1 into a file: what reached it. */
static char *
print_run(struct ui *ui, const char *number, const char *k, long *len)
{
	char	 path[256], *data;
	FILE	*f;
	int	 saved;

	snprintf(path, sizeof path, "%s/out", dir);
	fflush(stdout);
	saved = dup(STDOUT_FILENO);
	if ((f = fopen(path, "w+")) == NULL)
		return NULL;
	dup2(fileno(f), STDOUT_FILENO);
	as(ui, fz1);
	keys(k);
	screen_cert_show(ui, number);
	dup2(saved, STDOUT_FILENO);
	close(saved);
	fseek(f, 0, SEEK_END);
	*len = ftell(f);
	data = xmalloc((size_t)*len + 1);
	rewind(f);
	*len = (long)fread(data, 1, (size_t)*len, f);
	data[*len] = '\0';
	fclose(f);
	return data;
}

/*
 * Through the terminal: a test line first and a question; no, and no PDF
 * is sent, the clerk told how else; yes, and the PDF follows, recorded
 * on yes.
 */
static void
test_print_terminal(struct ui *ui, const char *number)
{
	static const char test[] = "\033[5iqualdesk 打印测试 printer test\r\n"
	    "\033[4i";
	char		 sql[160], *why = NULL, *data;
	long		 len;

	as(ui, fz1);
	is_int(db_user_passthrough_set(db, fz1, 1, &why), QD_OK, "printing"
	    " through the terminal on");
	snprintf(sql, sizeof sql, "SELECT print_count FROM certificates WHERE"
	    " number = '%s'", number);
	/* No to the test line; the text box; no to "printed elsewhere?". */
	data = print_run(ui, number, "P" "n" K_ENTER "n" K_QUIT, &len);
	ok(data != NULL && len == (long)strlen(test) &&
	    memcmp(data, test, (size_t)len) == 0, "a one-line test page went "
	    "to the printer first, and nothing else on no (%ld bytes)", len);
	ok(strstr(screen_text(), "Did the printer print the test line?") ==
	    NULL, "the screen was drawn again after");
	is_int((int)fixture_int(db, sql), 1, "nothing recorded as printed");
	free(data);

	data = print_run(ui, number, "P" "y" "y" K_QUIT, &len);
	ok(data != NULL && len > 1000 && memcmp(data, test, strlen(test)) ==
	    0 && memcmp(data + strlen(test), "\033[5i%PDF-", 9) == 0, "yes to "
	    "the test line: ESC [5i and a PDF went to the terminal (%ld "
	    "bytes)", len);
	ok(len > 8 && memcmp(data + len - 4, "\033[4i", 4) == 0 &&
	    memmem(data, (size_t)len - 4, "%%EOF", 5) != NULL, "ending in"
	    " ESC [4i after the PDF's end");
	is_int((int)fixture_int(db, sql), 2, "asked, yes: printed twice now");
	free(data);

	data = print_run(ui, number, "P" "n" K_QUIT, &len);
	ok(data != NULL && len > 1000 && memcmp(data, "\033[5i%PDF-", 9) == 0,
	    "the test page is once a session: the next print is the PDF");
	is_int((int)fixture_int(db, sql), 2, "and no to \"did it print\" "
	    "records nothing");
	free(data);
	free(why);
}

/* Handing over needs the notice first; then the collect step. */
static void
test_hand(struct ui *ui, const char *number)
{
	struct qd_cert	*c = NULL;
	char		*why = NULL;
	int64_t		 notice;

	as(ui, fz1);
	keys(K_F9 K_QUIT);
	screen_cert_show(ui, number);
	ok(strstr(screen_text(), "notify the applicant first") != NULL, "F9"
	    " before the notice says to notify the applicant first");
	db_cert_get(db, fz1, number, &c, &why);
	is_int(db_case_notify(db, fz1, c->case_id, c->case_version, "sms",
	    "请领证", &notice, &why), QD_OK, "the applicant is notified");
	cert_free(c);
	as(ui, fz1);
	keys(K_F9 K_ENTER K_QUIT);
	screen_cert_show(ui, number);
	c = NULL;
	db_cert_get(db, fz1, number, &c, &why);
	ok(c != NULL && strcmp(c->state, "handed") == 0 &&
	    strcmp(c->case_state, "collected") == 0, "F9 and the date: handed"
	    " over, the case collected");
	cert_free(c);
	free(why);
}

/* Scan it, revoke it, scan it again. */
static void
test_verify(struct ui *ui, const char *number, const char *text)
{
	const char	*s;
	char		*k;

	as(ui, fz1);
	/* As a scanner that ends the text in CR LF types it. */
	xasprintf(&k, "%s\r\n" K_QUIT, text);
	keys(k);
	ui_screen_run(ui, &screen_verify);
	s = screen_text();
	ok(strstr(s, "证书有效 VALID") != NULL, "a scanned code is valid");
	ok(strstr(s, "请填写") == NULL, "the scanner's second Enter changes"
	    " nothing");
	ok(strstr(s, number) != NULL && strstr(s, "陳美玲") != NULL &&
	    strstr(s, "美容师 四级/中级工") != NULL, "with what it carries");
	as(ui, rev1);
	keys("x" "姓名有误" K_ENTER "y" K_QUIT);
	screen_cert_show(ui, number);
	s = screen_text();
	ok(strstr(s, "原因 Reason: 姓名有误") != NULL, "the center revokes it"
	    " with a reason in Chinese");
	ok(strstr(s, "R 换发") != NULL && strstr(s, "P 打印") == NULL,
	    "a revoked one may be replaced, not printed");
	as(ui, fz1);
	keys(k);
	ui_screen_run(ui, &screen_verify);
	s = screen_text();
	ok(strstr(s, "已撤销 REVOKED") != NULL && strstr(s, "姓名有误") !=
	    NULL, "scanned again it is revoked, with the reason");
	as(ui, rev1);
	keys("R" "更正后换发" K_ENTER K_QUIT);
	screen_cert_show(ui, number);
	s = screen_text();
	ok(strstr(s, "换发自 Replaces   ") != NULL && strstr(s, number) !=
	    NULL, "the replacement opens, naming the one it replaces");
	free(k);
}

int
main(void)
{
	struct ui	 ui;
	char		*number, *text;

	log_open("stderr", LOG_LEVEL_WARN, "test-ui-cert");
	test_send_pty();
	test_send_pipe();
	setup_db();
	number = fixture_text(db, "SELECT number FROM certificates");
	text = fixture_text(db, "SELECT qr_text FROM certificates");
	if (number == NULL || text == NULL) {
		printf("Bail out! no certificate issued\n");
		return 1;
	}
	memset(&ui, 0, sizeof ui);
	ui.db = db;
	term_start();
	test_qr(&ui, text);
	test_page(&ui, number);
	test_print_elsewhere(&ui, number);
	test_print_terminal(&ui, number);
	test_hand(&ui, number);
	test_verify(&ui, number, text);
	endwin();
	delscreen(term);
	free(number);
	free(text);
	user_free(fz1);
	user_free(rev1);
	db_close(db);
	fixture_dir_remove(dir);
	free(dir);
	return done_testing();
}
