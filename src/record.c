/*
 * Records described once: a table of a struct's members (the column each
 * stands for, its type and offset), so one function reads a statement's
 * row into any record, one frees any record, and a screen's fields bound
 * to columns take their values from a record without a line per field.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "qualdesk.h"

/* The member of rec that field f stands for. */
#define RECORD_AT(rec, f)	((char *)(rec) + (f)->offset)

static const struct record_field *
record_field(const struct record_desc *d, const char *column)
{
	size_t	 i;

	for (i = 0; i < d->nfields; i++) {
		if (strcmp(d->fields[i].column, column) == 0)
			return &d->fields[i];
	}
	return NULL;
}

void
record_read(const struct record_desc *d, void *rec, sqlite3_stmt *st)
{
	const struct record_field	*f;
	const char			*name;
	int				 i, n = sqlite3_column_count(st);

	for (i = 0; i < n; i++) {
		if ((name = sqlite3_column_name(st, i)) == NULL ||
		    (f = record_field(d, name)) == NULL)
			continue;
		switch (f->type) {
		case RECORD_TEXT:
			free(*(char **)RECORD_AT(rec, f));
			*(char **)RECORD_AT(rec, f) = db_column_strdup(st, i);
			break;
		case RECORD_INT64:
			*(int64_t *)RECORD_AT(rec, f) =
			    sqlite3_column_int64(st, i);
			break;
		case RECORD_INT:
		case RECORD_BOOL:
			*(int *)RECORD_AT(rec, f) = sqlite3_column_int(st, i);
			break;
		}
	}
}

void
record_clear(const struct record_desc *d, void *rec)
{
	size_t	 i;

	if (rec == NULL)
		return;
	for (i = 0; i < d->nfields; i++) {
		if (d->fields[i].type == RECORD_TEXT)
			xfree((char **)RECORD_AT(rec, &d->fields[i]));
	}
}

void
record_free(const struct record_desc *d, void *rec)
{
	record_clear(d, rec);
	free(rec);
}

char *
record_text(const struct record_desc *d, const void *rec, const char *column)
{
	const struct record_field	*f;
	const char			*s;
	char				*out;

	if ((f = record_field(d, column)) == NULL)
		return NULL;
	switch (f->type) {
	case RECORD_TEXT:
		s = *(char *const *)RECORD_AT(rec, f);
		return xstrdup(s != NULL ? s : "");
	case RECORD_INT64:
		xasprintf(&out, "%" PRId64, *(const int64_t *)RECORD_AT(rec, f));
		return out;
	case RECORD_INT:
		xasprintf(&out, "%d", *(const int *)RECORD_AT(rec, f));
		return out;
	case RECORD_BOOL:
		return xstrdup(*(const int *)RECORD_AT(rec, f) ? "1" : "0");
	}
	return NULL;
}

int
record_to_view(const struct record_desc *d, const void *rec,
    struct ui_view *v)
{
	const struct ui_screen	*s = v->screen;
	char			*value;
	size_t			 i;
	int			 rc = QD_OK;

	for (i = 0; i < s->nfields; i++) {
		if (s->fields[i].column == NULL ||
		    s->fields[i].type == UI_FIELD_SHOW ||
		    (value = record_text(d, rec, s->fields[i].column)) == NULL)
			continue;
		if (ui_view_set(v, s->fields[i].column, value) != QD_OK)
			rc = QD_EINVAL;
		free(value);
	}
	return rc;
}
