/*
 * Printing certificates where the clerk sits. The UI runs on the
 * center's machine; the printer hangs off the clerk's terminal (PuTTY,
 * a thin client, a terminal with a printer port). ANSI media copy
 * (ESC [5i ... ESC [4i) hands the bytes between to that printer without
 * showing them, so the PDF goes down the same SSH channel as the screen.
 * The pty would turn every LF of the PDF into CR LF, so output
 * processing is off while it passes. A terminal without media copy
 * shows the bytes instead, so a one-line test page goes first and the
 * clerk is asked whether it came out on paper; the screen is drawn
 * again after each. Whether paper came out only the clerk knows: they
 * are asked before anything is recorded.
 */
#include <curses.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "cert/cert.h"

#define UI_PRINT_ON	"\033[5i"
#define UI_PRINT_OFF	"\033[4i"
#define UI_PRINT_TEST	"qualdesk 打印测试 printer test\r\n"

/*
 * 1 once the clerk said the test page came out. The UI is a process of
 * its own for each connection, so this holds for one terminal.
 */
static int	 ui_print_tested;

/* A PDF made in memory. */
struct ui_print_buf {
	unsigned char	*data;
	size_t		 len;
	size_t		 cap;
};

/* cert_pdf_write's sink: append to the buffer. */
static int
ui_print_sink(void *arg, const unsigned char *data, size_t len)
{
	struct ui_print_buf	*b = arg;

	if (b->len + len > b->cap) {
		b->cap = b->cap == 0 ? 65536 : b->cap;
		while (b->cap < b->len + len)
			b->cap *= 2;
		b->data = xrealloc(b->data, b->cap);
	}
	memcpy(b->data + b->len, data, len);
	b->len += len;
	return 0;
}

/* Write all of len bytes to fd; 0, or -1 with errno. */
static int
ui_print_write(int fd, const void *data, size_t len)
{
	const unsigned char	*p = data;
	ssize_t			 n;

	while (len > 0) {
		if ((n = write(fd, p, len)) < 0) {
			if (errno == EINTR || errno == EAGAIN)
				continue;
			return -1;
		}
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

int
ui_print_send(int fd, const void *data, size_t len, char **why)
{
	struct termios	 saved, raw;
	int		 tty, rc = QD_OK, err = 0;

	tty = tcgetattr(fd, &saved) == 0;
	if (tty) {
		raw = saved;
		raw.c_oflag &= ~(tcflag_t)OPOST;
		if (tcsetattr(fd, TCSADRAIN, &raw) != 0) {
			why_set(why, "无法设置终端 cannot set up the terminal:"
			    " %s", strerror(errno));
			return QD_ESYS;
		}
	}
	if (ui_print_write(fd, UI_PRINT_ON, strlen(UI_PRINT_ON)) != 0 ||
	    ui_print_write(fd, data, len) != 0)
		err = errno;
	if (ui_print_write(fd, UI_PRINT_OFF, strlen(UI_PRINT_OFF)) != 0 &&
	    err == 0)
		err = errno;
	if (tty) {
		tcdrain(fd);
		tcsetattr(fd, TCSADRAIN, &saved);
	}
	if (err != 0) {
		why_set(why, "发送到打印机失败 could not send to the printer:"
		    " %s", strerror(err));
		rc = QD_ESYS;
	}
	return rc;
}

/* 1 if the user's office prints and hands over (records prints). */
static int
ui_print_records(const struct ui *ui)
{
	return role_has_office(ui->user->role);
}

/* 1 if none of list is revoked; else say which, and print none. */
static int
ui_print_none_revoked(struct ui *ui, struct qd_cert *const *list, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		if (list[i]->revoked_at == NULL)
			continue;
		ui_error(ui, "证书 %s 已撤销，不能打印%s certificate %s is"
		    " revoked and is never printed%s", list[i]->number,
		    n > 1 ? "，请取消标记" : "", list[i]->number, n > 1 ?
		    ": unmark it" : "");
		return 0;
	}
	return 1;
}

/* Record each printed; say how it went. */
static void
ui_print_record(struct ui *ui, struct qd_cert *const *list, size_t n)
{
	char	*why = NULL;
	size_t	 i, done = 0;
	int	 rc = QD_OK;

	for (i = 0; i < n && rc == QD_OK; i++) {
		rc = db_cert_printed(ui->db, ui->user, list[i]->number,
		    list[i]->version, &why);
		if (rc == QD_OK)
			done++;
	}
	if (rc == QD_OK)
		ui_msg(ui, "已记录打印 %zu 张 Recorded %zu printed", done,
		    done);
	else
		ui_error(ui, "%s%s", done > 0 ? "部分已记录 some recorded; " :
		    "", why != NULL ? why : screen_result_text(rc));
	free(why);
}

/* Make the PDF of list in memory. */
static int
ui_print_pdf(struct qd_cert *const *list, size_t n, struct ui_print_buf *b,
    char **why)
{
	struct cert_print	*pages;
	size_t			 i;
	int			 rc;

	pages = xcalloc(n, sizeof *pages);
	for (i = 0; i < n; i++)
		cert_print_from(list[i], &pages[i]);
	rc = cert_pdf_write(pages, n, ui_print_sink, b, why);
	free(pages);
	return rc;
}

/*
 * Send the PDF through the terminal, with curses' own output sent first
 * and the whole screen drawn again after (a terminal without a printer
 * may have shown the bytes).
 */
static int
ui_print_terminal(const struct ui_print_buf *b, char **why)
{
	int	 rc;

	refresh();
	fflush(stdout);
	rc = ui_print_send(STDOUT_FILENO, b->data, b->len, why);
	clearok(curscr, TRUE);
	return rc;
}

/* The words of the ssh command that writes these as a PDF file. */
static char *
ui_print_command(struct ui *ui, struct qd_cert *const *list, size_t n)
{
	char	*cmd, *next, *host = NULL, *why = NULL;
	int	 port = 22;
	size_t	 i;

	if (ui->cfg != NULL && ui->cfg->nlisten > 0)
		config_listen_parse(ui->cfg->listen[0], &host, &port, &why);
	free(why);
	if (port != 22)
		xasprintf(&cmd, "ssh -p %d %s@", port, ui->user->login);
	else
		xasprintf(&cmd, "ssh %s@", ui->user->login);
	if (host == NULL || strcmp(host, "0.0.0.0") == 0 ||
	    strcmp(host, "::") == 0 || *host == '\0')
		xasprintf(&next, "%s服务器 SERVER cert pdf", cmd);
	else
		xasprintf(&next, "%s%s cert pdf", cmd, host);
	free(cmd);
	cmd = next;
	for (i = 0; i < n; i++) {
		xasprintf(&next, "%s %s", cmd, list[i]->number);
		free(cmd);
		cmd = next;
	}
	xasprintf(&next, "%s > cert.pdf", cmd);
	free(cmd);
	free(host);
	return next;
}

#define UI_PRINT_OFF_TEXT "未开启终端打印。可在我的账户（主菜单 a）按 F5 开启，\n" \
	"或在自己的电脑上运行下面的命令取得 PDF 再打印：\n" \
	"Printing through the terminal is off: turn it on with F5 in\n" \
	"My account (a), or get the PDF on your own computer with:"
#define UI_PRINT_NONE_TEXT "终端没有打出测试行：它可能不支持打印。请检查打印机，\n" \
	"或在自己的电脑上运行下面的命令取得 PDF 再打印：\n" \
	"The terminal did not print the test line: it may have no\n" \
	"printer port. Check the printer, or get the PDF on your own\n" \
	"computer with:"

/* Without printing through the terminal: why, and how to get the PDF. */
static void
ui_print_elsewhere(struct ui *ui, struct ui_view *v, const char *why,
    struct qd_cert *const *list, size_t n)
{
	char	*cmd, *text;

	cmd = ui_print_command(ui, list, n);
	xasprintf(&text, "%s\n\n%s", why, cmd);
	ui_dialog_show(ui, v, "打印证书 Print", text);
	free(text);
	free(cmd);
	if (!ui->quit && ui_print_records(ui) &&
	    ui_dialog_confirm(ui, v, n == 1 ? "打印好了吗？选是记为已打印 "
	    "Printed? Yes records it as printed" : "打印好了吗？选是记为已打印 "
	    "Printed? Yes records them as printed"))
		ui_print_record(ui, list, n);
}

/*
 * The test page: one line through the terminal's printer, then the
 * question. 1 if paper came out (asked once a session), 0 if not or it
 * could not be sent (said on the message line).
 */
static int
ui_print_test(struct ui *ui, struct ui_view *v)
{
	struct ui_print_buf	 b = { (unsigned char *)UI_PRINT_TEST,
	    sizeof UI_PRINT_TEST - 1, 0 };
	char			*why = NULL;
	int			 rc;

	if (ui_print_tested)
		return 1;
	if ((rc = ui_print_terminal(&b, &why)) != QD_OK) {
		ui_error(ui, "%s", why != NULL ? why : screen_result_text(rc));
		free(why);
		return 0;
	}
	ui_print_tested = ui_dialog_confirm(ui, v, "打印机打出测试行了吗？ "
	    "Did the printer print the test line?");
	return ui_print_tested;
}

void
ui_print_certs(struct ui *ui, struct ui_view *v, struct qd_cert *const *list,
    size_t n)
{
	struct ui_print_buf	 b = { NULL, 0, 0 };
	char			*why = NULL;
	int			 on = 0, rc;

	if (n == 0 || !ui_print_none_revoked(ui, list, n))
		return;
	if (db_user_passthrough(ui->db, ui->user, &on) != QD_OK || !on) {
		ui_print_elsewhere(ui, v, UI_PRINT_OFF_TEXT, list, n);
		return;
	}
	if (!ui_print_test(ui, v)) {
		if (!ui->quit)
			ui_print_elsewhere(ui, v, UI_PRINT_NONE_TEXT, list, n);
		return;
	}
	if ((rc = ui_print_pdf(list, n, &b, &why)) != QD_OK ||
	    (rc = ui_print_terminal(&b, &why)) != QD_OK)
		ui_error(ui, "%s", why != NULL ? why : screen_result_text(rc));
	else if (!ui_dialog_confirm(ui, v, "打印成功了吗？ Did it print?"))
		ui_msg(ui, "未记录打印 Not recorded as printed");
	else if (ui_print_records(ui))
		ui_print_record(ui, list, n);
	else
		ui_msg(ui, "已打印 %zu 张 %zu printed", n, n);
	free(b.data);
	free(why);
}
