/*
 * A certificate's QR code drawn on the terminal, two module rows to a
 * line in half blocks, for a phone or a scanner to read off the screen.
 * A half block's foreground is its dark part, so black on white draws
 * the code as on paper; without colour, reverse video on the usual dark
 * terminal does the same. A code that does not fit is never drawn cut:
 * the window is too small, and the user is told how large to make it.
 */
#include <curses.h>
#include <stdlib.h>

#include "cert/cert.h"

/* Light modules round the code, as the QR standard asks. */
#define UI_QR_QUIET	4

/* The code of a text as half-block lines. */
struct ui_qr {
	char		**lines;
	size_t		  n;
	int		  cols;
};

static void
ui_qr_free(struct ui_qr *q)
{
	ui_text_free_lines(q->lines, q->n);
	q->lines = NULL;
	q->n = 0;
}

static int
ui_qr_make(const char *text, struct ui_qr *q, char **why)
{
	struct qr	 qr;
	int		 rc;

	q->lines = NULL;
	q->n = 0;
	if ((rc = qr_make(text, &qr, why)) != QD_OK)
		return rc;
	q->lines = qr_halfblocks(&qr, UI_QR_QUIET, &q->n);
	q->cols = qr.width + 2 * UI_QR_QUIET;
	qr_free(&qr);
	return QD_OK;
}

int
ui_qr_size(const char *text, int *cols, int *lines, char **why)
{
	struct ui_qr	 q;
	int		 rc;

	if ((rc = ui_qr_make(text, &q, why)) != QD_OK)
		return rc;
	*cols = q.cols;
	*lines = (int)q.n;
	ui_qr_free(&q);
	return QD_OK;
}

/* Draw the code centred; the title above and a hint below if room. */
static void
ui_qr_draw_code(struct ui *ui, const struct ui_qr *q, const char *title)
{
	static const char	 hint[] = "按任意键返回 Press a key to go back";
	int			 attr, x, y, h = (int)q->n, room;
	size_t			 i;

	attr = ui->colour ? (int)COLOR_PAIR(UI_PAIR_PAPER) : (int)A_REVERSE;
	room = LINES >= h + 2;
	x = (COLS - q->cols) / 2;
	y = room ? 1 + (LINES - 2 - h) / 2 : (LINES - h) / 2;
	if (room && title != NULL)
		ui_put(0, 0, title, COLS, A_BOLD, 0);
	for (i = 0; i < q->n; i++)
		ui_put(y + (int)i, x, q->lines[i], q->cols, attr, 0);
	if (room)
		ui_put(LINES - 1, 0, hint, COLS - 1, A_NORMAL, 0);
}

/* Say how large the window must be, and show the text to copy instead. */
static void
ui_qr_draw_small(const struct ui_qr *q, const char *text)
{
	char	 *say, **lines = NULL;
	size_t	  n, i;
	int	  y = 0, h = (int)q->n;

	xasprintf(&say, "窗口太小，需要至少 %d×%d 才能显示二维码 enlarge the"
	    " window to %d×%d to show the code", q->cols, h, q->cols, h);
	n = ui_text_wrap(say, COLS > 1 ? COLS - 1 : 1, &lines);
	for (i = 0; i < n && y < LINES; i++)
		ui_put(y++, 0, lines[i], COLS, A_BOLD, 0);
	ui_text_free_lines(lines, n);
	free(say);
	if (++y < LINES)
		ui_put(y++, 0, "二维码内容 The code's text:", COLS, A_NORMAL, 0);
	n = ui_text_wrap(text, COLS > 1 ? COLS - 1 : 1, &lines);
	for (i = 0; i < n && y < LINES; i++)
		ui_put(y++, 0, lines[i], COLS, A_NORMAL, 0);
	ui_text_free_lines(lines, n);
}

void
ui_qr_show(struct ui *ui, const char *title, const char *text)
{
	struct ui_qr	 q;
	char		*why = NULL;
	int		 key;

	if (ui_qr_make(text, &q, &why) != QD_OK) {
		ui_error(ui, "%s", why != NULL ? why : "无法生成二维码 cannot"
		    " make the QR code");
		free(why);
		return;
	}
	do {
		ui->cursor_y = ui->cursor_x = -1;
		erase();
		if (COLS >= q.cols && LINES >= (int)q.n)
			ui_qr_draw_code(ui, &q, title);
		else
			ui_qr_draw_small(&q, text);
		key = ui_key_read(ui);
	} while (key == UI_KEY_RESIZE);
	if (key == UI_KEY_QUIT)
		ui->quit = UI_QUIT_USER;
	ui_qr_free(&q);
}
