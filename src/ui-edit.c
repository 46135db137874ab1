/*
 * The line editor every text field uses. libform 6.4 mishandles wide
 * characters, so this small editor works on a UTF-8 buffer: the cursor
 * moves by character, deletes take whole characters, the view scrolls by
 * columns (a Chinese character is two), and a limit passed is refused with
 * a message, never cut silently. No curses here, so it is tested alone.
 */
#include <stdlib.h>
#include <string.h>

#include "qualdesk.h"

static void
ui_edit_reserve(struct ui_edit *e, size_t need)
{
	if (need + 1 <= e->cap)
		return;
	e->cap = need + 1 < 64 ? 64 : (need + 1) * 2;
	e->buf = xrealloc(e->buf, e->cap);
}

void
ui_edit_init(struct ui_edit *e, const char *text, int max_chars,
    size_t max_bytes)
{
	memset(e, 0, sizeof *e);
	e->max_chars = max_chars;
	e->max_bytes = max_bytes;
	ui_edit_reserve(e, 0);
	e->buf[0] = '\0';
	if (text != NULL)
		ui_edit_set(e, text);
	e->changed = 0;
}

void
ui_edit_free(struct ui_edit *e)
{
	xfree(&e->buf);
	e->len = e->cap = e->cursor = 0;
}

/* Characters in the first n bytes of s. */
static int
ui_edit_count(const char *s, size_t n)
{
	size_t	 off = 0;
	int	 chars = 0;

	while (off < n && s[off] != '\0') {
		off += (size_t)text_char_len(s + off);
		chars++;
	}
	return chars;
}

int
ui_edit_chars(const struct ui_edit *e)
{
	return ui_edit_count(e->buf, e->len);
}

int
ui_edit_cursor_col(const struct ui_edit *e)
{
	return text_width_n(e->buf, e->cursor);
}

/* QD_OK if text may join what is there (less replaced bytes/chars). */
static int
ui_edit_allowed(struct ui_edit *e, const char *text, size_t keep_bytes,
    int keep_chars)
{
	size_t	 n = strlen(text);
	int	 chars = ui_edit_count(text, n);

	if (!text_valid(text)) {
		if (text_hidden(text))
			snprintf(e->why, sizeof e->why, "不能输入不可见字符或"
			    "改变文字方向的字符 Invisible or direction-changing"
			    " characters are not allowed");
		else
			snprintf(e->why, sizeof e->why, "不能输入控制字符或无效"
			    "字符 Control characters and invalid text are not"
			    " allowed");
		return QD_EINVAL;
	}
	if (e->max_chars > 0 && keep_chars + chars > e->max_chars) {
		snprintf(e->why, sizeof e->why, "太长：最多 %d 个字 "
		    "Too long: at most %d characters", e->max_chars,
		    e->max_chars);
		return QD_EINVAL;
	}
	if (e->max_bytes > 0 && keep_bytes + n > e->max_bytes) {
		snprintf(e->why, sizeof e->why, "太长：最多 %zu 字节 "
		    "Too long: at most %zu bytes", e->max_bytes, e->max_bytes);
		return QD_EINVAL;
	}
	return QD_OK;
}

int
ui_edit_set(struct ui_edit *e, const char *text)
{
	size_t	 n = strlen(text);

	if (ui_edit_allowed(e, text, 0, 0) != QD_OK)
		return QD_EINVAL;
	ui_edit_reserve(e, n);
	memcpy(e->buf, text, n + 1);
	e->len = e->cursor = n;
	e->scroll = 0;
	e->changed = 1;
	e->edits++;
	return QD_OK;
}

int
ui_edit_insert(struct ui_edit *e, const char *text)
{
	size_t	 n = strlen(text);

	if (ui_edit_allowed(e, text, e->len, ui_edit_chars(e)) != QD_OK)
		return QD_EINVAL;
	ui_edit_reserve(e, e->len + n);
	memmove(e->buf + e->cursor + n, e->buf + e->cursor,
	    e->len - e->cursor + 1);
	memcpy(e->buf + e->cursor, text, n);
	e->len += n;
	e->cursor += n;
	e->changed = 1;
	e->edits += n > 0;
	return QD_OK;
}

/* Byte offset of the character before off. */
static size_t
ui_edit_prev(const struct ui_edit *e, size_t off)
{
	size_t	 pos = 0, next;

	while (pos < off) {
		next = pos + (size_t)text_char_len(e->buf + pos);
		if (next >= off)
			return pos;
		pos = next;
	}
	return 0;
}

/* Remove the bytes [from, to). */
static void
ui_edit_cut(struct ui_edit *e, size_t from, size_t to)
{
	memmove(e->buf + from, e->buf + to, e->len - to + 1);
	e->len -= to - from;
	e->cursor = from;
	e->changed = 1;
	e->edits += to > from;
}

void
ui_edit_backspace(struct ui_edit *e)
{
	if (e->cursor > 0)
		ui_edit_cut(e, ui_edit_prev(e, e->cursor), e->cursor);
}

void
ui_edit_delete(struct ui_edit *e)
{
	if (e->cursor < e->len)
		ui_edit_cut(e, e->cursor,
		    e->cursor + (size_t)text_char_len(e->buf + e->cursor));
}

void
ui_edit_left(struct ui_edit *e)
{
	if (e->cursor > 0)
		e->cursor = ui_edit_prev(e, e->cursor);
}

void
ui_edit_right(struct ui_edit *e)
{
	if (e->cursor < e->len)
		e->cursor += (size_t)text_char_len(e->buf + e->cursor);
}

void
ui_edit_home(struct ui_edit *e)
{
	e->cursor = 0;
}

void
ui_edit_end(struct ui_edit *e)
{
	e->cursor = e->len;
}

/* UTF-8 for one code point into buf (at least 5 bytes); 0 if invalid. */
static int
ui_edit_encode(unsigned int cp, char *buf)
{
	int	 n;

	if (cp >= 0xd800 && cp <= 0xdfff)
		return 0;
	if (cp < 0x80) {
		buf[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		buf[0] = (char)(0xc0 | (cp >> 6));
		buf[1] = (char)(0x80 | (cp & 0x3f));
		n = 2;
	} else if (cp < 0x10000) {
		buf[0] = (char)(0xe0 | (cp >> 12));
		buf[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		buf[2] = (char)(0x80 | (cp & 0x3f));
		n = 3;
	} else if (cp <= 0x10ffff) {
		buf[0] = (char)(0xf0 | (cp >> 18));
		buf[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
		buf[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
		buf[3] = (char)(0x80 | (cp & 0x3f));
		n = 4;
	} else
		return 0;
	buf[n] = '\0';
	return n;
}

/* Editing keys; a character key is inserted. */
static const struct {
	int	 key;
	void	(*fn)(struct ui_edit *);
} ui_edit_keys[] = {
	{ UI_KEY_LEFT, ui_edit_left },
	{ UI_KEY_RIGHT, ui_edit_right },
	{ UI_KEY_HOME, ui_edit_home },
	{ UI_KEY_END, ui_edit_end },
	{ UI_KEY_BACKSPACE, ui_edit_backspace },
	{ UI_KEY_DELETE, ui_edit_delete },
};

int
ui_edit_key(struct ui_edit *e, int key)
{
	char	 buf[8];
	size_t	 i;

	for (i = 0; i < nitems(ui_edit_keys); i++) {
		if (ui_edit_keys[i].key == key) {
			ui_edit_keys[i].fn(e);
			return 1;
		}
	}
	if (key == UI_KEY_KILL) {
		ui_edit_cut(e, 0, e->len);
		return 1;
	}
	if (key < 0 || key >= UI_KEY_F1)
		return 0;
	if (key == UI_KEY_NONE || ui_edit_encode((unsigned int)key, buf) == 0) {
		snprintf(e->why, sizeof e->why, "无效字符 Invalid character");
		return -1;
	}
	return ui_edit_insert(e, buf) == QD_OK ? 1 : -1;
}

size_t
ui_edit_view(struct ui_edit *e, int width, int *lead, int *cx)
{
	size_t	 off = 0;
	int	 cc, total, cw, col = 0, w;

	if (width < 2)
		width = 2;
	cc = ui_edit_cursor_col(e);
	total = text_width(e->buf);
	cw = e->cursor < e->len ?
	    text_width_n(e->buf + e->cursor, (size_t)text_char_len(e->buf +
	    e->cursor)) : 1;
	if (cw < 1)
		cw = 1;
	/* Keep the field full when text was deleted at the end. */
	if (e->scroll > 0 && total + 1 - e->scroll < width)
		e->scroll = total + 1 - width > 0 ? total + 1 - width : 0;
	if (cc < e->scroll)
		e->scroll = cc;
	if (cc + cw > e->scroll + width)
		e->scroll = cc + cw - width;
	while (e->buf[off] != '\0') {
		if (col >= e->scroll)
			break;
		w = text_width_n(e->buf + off, (size_t)text_char_len(e->buf +
		    off));
		off += (size_t)text_char_len(e->buf + off);
		col += w;
	}
	*lead = col - e->scroll;
	*cx = cc - e->scroll;
	return off;
}
