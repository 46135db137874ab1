/*
 * Fuzz target: the line editor under any mix of pasted text and editing
 * keys. Whatever comes, the text stays valid UTF-8 within its limits and
 * the cursor stays on a character boundary and in view.
 */
#include <stdlib.h>
#include <string.h>

#include "qualdesk.h"

int LLVMFuzzerTestOneInput(const unsigned char *, size_t);

static void
edit_check(struct ui_edit *e, int width)
{
	int	 lead, cx;

	if (!text_valid(e->buf) || strlen(e->buf) != e->len ||
	    e->cursor > e->len || ui_edit_chars(e) > e->max_chars ||
	    e->len > e->max_bytes)
		abort();
	if (e->cursor < e->len && (e->buf[e->cursor] & 0xc0) == 0x80)
		abort();
	ui_edit_view(e, width, &lead, &cx);
	if (cx < 0 || cx >= width)
		abort();
}

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	struct ui_edit	 e;
	char		*chunk;
	size_t		 i = 0, n;
	int		 width;

	if (size < 2)
		return 0;
	width = 2 + data[0] % 30;
	ui_edit_init(&e, NULL, 1 + data[1] % 40, 1 + data[1] % 120);
	for (i = 2; i < size; i += n) {
		n = 1 + data[i] % 8;
		if (i + n > size)
			n = size - i;
		switch (data[i] % 6) {
		case 0:
			chunk = xstrndup((const char *)data + i + 1,
			    n > 1 ? n - 1 : 0);
			ui_edit_insert(&e, chunk);
			free(chunk);
			break;
		case 1:
			ui_edit_backspace(&e);
			break;
		case 2:
			ui_edit_left(&e);
			break;
		case 3:
			ui_edit_right(&e);
			break;
		case 4:
			ui_edit_delete(&e);
			break;
		default:
			ui_edit_home(&e);
			break;
		}
		edit_check(&e, width);
	}
	ui_edit_free(&e);
	return 0;
}
