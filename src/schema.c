/*
 * The audit and guard triggers made from a table's declaration (struct
 * schema_table), and the migrations run with them: each declared table
 * gets its triggers in the migration's transaction, right after the
 * statement that creates it, so they are the table's oldest and fire
 * last, where the hand-written ones they replace stood.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "qualdesk.h"

static int	 schema_remakes(const char *);

/* Where a summary's long json_object() lines break. */
#define SCHEMA_WRAP	72

static const struct {
	int		 on;
	const char	*word;		/* the trigger's event */
	const char	*name;		/* in trigger names and audit.action */
} schema_events[] = {
	{ SCHEMA_ON_INSERT, "INSERT", "insert" },
	{ SCHEMA_ON_UPDATE, "UPDATE", "update" },
	{ SCHEMA_ON_DELETE, "DELETE", "delete" },
};

/* Columns s takes from column col on, a tab going to the next stop. */
static int
schema_cols(int col, const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s == '\t')
			col = (col / 8 + 1) * 8;
		else if (*s == '\n')
			col = 0;
		else if (((unsigned char)*s & 0xc0) != 0x80)
			col++;
	}
	return col;
}

/* s as an SQL string literal, quotes doubled (caller frees). */
static char *
schema_quote(const char *s)
{
	char	*out, *o;

	out = o = xmalloc(strlen(s) * 2 + 3);
	*o++ = '\'';
	for (; *s != '\0'; s++) {
		if (*s == '\'')
			*o++ = '\'';
		*o++ = *s;
	}
	*o++ = '\'';
	*o = '\0';
	return out;
}

static int
schema_is_name(const char *s, size_t len)
{
	size_t	 i;

	if (len == 0 || !(isalpha((unsigned char)s[0]) || s[0] == '_'))
		return 0;
	for (i = 1; i < len; i++) {
		if (!(isalnum((unsigned char)s[i]) || s[i] == '_'))
			return 0;
	}
	return 1;
}

/* expr (len bytes) with @column as row.column, string literals kept. */
static void
schema_expr(FILE *f, const char *expr, size_t len, const char *row)
{
	size_t	 i, j;
	int	 quote = 0;

	for (i = 0; i < len; i++) {
		if (quote == 0 && (expr[i] == '\'' || expr[i] == '"'))
			quote = expr[i];
		else if (quote != 0 && expr[i] == quote)
			quote = 0;
		if (quote == 0 && expr[i] == '@') {
			fprintf(f, "%s.", row);
			for (j = i + 1; j < len && (isalnum((unsigned char)
			    expr[j]) || expr[j] == '_'); j++)
				fputc(expr[j], f);
			i = j - 1;
			continue;
		}
		fputc(expr[i], f);
	}
}

/* Trim blanks from both ends of s[*start, *end). */
static void
schema_trim(const char *s, size_t *start, size_t *end)
{
	while (*start < *end && isspace((unsigned char)s[*start]))
		(*start)++;
	while (*end > *start && isspace((unsigned char)s[*end - 1]))
		(*end)--;
}

/*
 * One item of a summary ("key", "key = column" or "key = expression")
 * as "'key', row.value" (caller frees).
 */
static char *
schema_item(const char *s, size_t len, const char *row)
{
	FILE	*f;
	char	*out = NULL, *key;
	size_t	 size, ks = 0, ke, vs, ve;
	const char *eq;

	eq = memchr(s, '=', len);
	ke = eq != NULL ? (size_t)(eq - s) : len;
	schema_trim(s, &ks, &ke);
	if (!schema_is_name(s + ks, ke - ks))
		fatal("schema: bad summary key in '%.*s'", (int)len, s);
	key = xstrndup(s + ks, ke - ks);
	if ((f = open_memstream(&out, &size)) == NULL)
		fatal("open_memstream failed");
	fprintf(f, "'%s', ", key);
	if (eq == NULL)
		fprintf(f, "%s.%s", row, key);
	else {
		vs = (size_t)(eq - s) + 1;
		ve = len;
		schema_trim(s, &vs, &ve);
		if (schema_is_name(s + vs, ve - vs))
			fprintf(f, "%s.%.*s", row, (int)(ve - vs), s + vs);
		else
			schema_expr(f, s + vs, ve - vs, row);
	}
	fclose(f);
	free(key);
	return out;
}

/*
 * Write json_object() of summary over row, starting at column col of a
 * line continued with "\t    "; returns the column where it ends.
 */
static int
schema_summary(FILE *f, const char *summary, const char *row, int col)
{
	const char	*s = summary;
	char		*item;
	size_t		 i, start = 0;
	int		 depth = 0, quote = 0, first = 1;

	fputs("json_object(", f);
	col = schema_cols(col, "json_object(");
	for (i = 0;; i++) {
		if (s[i] != '\0' && (quote != 0 || depth > 0 || s[i] != ',')) {
			if (quote == 0 && (s[i] == '\'' || s[i] == '"'))
				quote = s[i];
			else if (quote != 0 && s[i] == quote)
				quote = 0;
			else if (quote == 0 && s[i] == '(')
				depth++;
			else if (quote == 0 && s[i] == ')')
				depth--;
			continue;
		}
		item = schema_item(s + start, i - start, row);
		if (!first) {
			fputc(',', f);
			col++;
			if (col + 1 + schema_cols(0, item) > SCHEMA_WRAP) {
				fputs("\n\t    ", f);
				col = 12;
			} else {
				fputc(' ', f);
				col++;
			}
		}
		fputs(item, f);
		col = schema_cols(col, item);
		free(item);
		first = 0;
		if (s[i] == '\0')
			break;
		start = i + 1;
	}
	fputc(')', f);
	return col + 1;
}

/* The summary of event on (or of its new row when new_row is set). */
static const char *
schema_audit_of(const struct schema_table *t, int on, int new_row)
{
	const char	*s;

	if (t->audit_on != 0 && !(t->audit_on & on))
		return NULL;
	switch (on) {
	case SCHEMA_ON_INSERT:
		s = t->audit_insert;
		break;
	case SCHEMA_ON_UPDATE:
		s = new_row && t->audit_update_new != NULL ?
		    t->audit_update_new : t->audit_update;
		break;
	default:
		s = t->audit_delete;
		break;
	}
	return s != NULL ? s : t->audit;
}

static void
schema_audit_trigger(FILE *f, const struct schema_table *t, size_t e)
{
	const char	*record = t->record != NULL ? t->record : "id";
	const char	*action, *before, *after, *row;
	char		*quoted = NULL;
	int		 on = schema_events[e].on, col;

	if (schema_audit_of(t, on, 0) == NULL)
		return;
	before = on != SCHEMA_ON_INSERT ? schema_audit_of(t, on, 0) : NULL;
	after = on != SCHEMA_ON_DELETE ? schema_audit_of(t, on, 1) : NULL;
	switch (on) {
	case SCHEMA_ON_INSERT:
		action = t->action_insert;
		break;
	case SCHEMA_ON_UPDATE:
		action = t->action_update;
		break;
	default:
		action = t->action_delete;
		break;
	}
	if (action == NULL)
		action = quoted = schema_quote(schema_events[e].name);
	fprintf(f, "CREATE TRIGGER %s_audit_%s AFTER %s ON %s\nBEGIN\n"
	    "\tINSERT INTO audit (actor, via, action, tbl, record%s%s)\n"
	    "\tVALUES (qd_actor(), qd_via(),", t->table,
	    schema_events[e].name, schema_events[e].word, t->table,
	    before != NULL ? ", before" : "", after != NULL ? ", after" : "");
	/* An action of several lines starts a line of its own. */
	fputs(strchr(action, '\n') != NULL ? "\n\t    " : " ", f);
	for (; *action != '\0'; action++) {
		if (*action == '\n')
			fputs("\n\t    ", f);
		else
			fputc(*action, f);
	}
	fprintf(f, ", '%s', ", t->table);
	row = on == SCHEMA_ON_DELETE ? "OLD" : "NEW";
	if (schema_is_name(record, strlen(record)))
		fprintf(f, "%s.%s", row, record);
	else
		schema_expr(f, record, strlen(record), row);
	fputs(",\n\t    ", f);
	col = 12;
	if (before != NULL) {
		col = schema_summary(f, before, "OLD", col);
		if (after != NULL)
			fputs(",\n\t    ", f);
		col = 12;
	}
	if (after != NULL)
		schema_summary(f, after, "NEW", col);
	fputs(");\nEND;\n", f);
	free(quoted);
}

/* A BEFORE trigger that refuses with refusal when condition holds. */
static void
schema_guard(FILE *f, const char *name, const char *event, const char *table,
    const char *condition, const char *refusal)
{
	char	*quoted = schema_quote(refusal);

	fprintf(f, "CREATE TRIGGER %s BEFORE %s ON %s\n", name, event, table);
	if (condition != NULL)
		fprintf(f, "WHEN %s\n", condition);
	fprintf(f, "BEGIN\n\tSELECT RAISE(ABORT, %s);\nEND;\n", quoted);
	free(quoted);
}

/* "NOT qd_may('catalog', 'write')" for "catalog write". */
static char *
schema_not_may(const char *may)
{
	size_t	 n = strcspn(may, " ");
	char	*out;

	if (may[n] == '\0' || strchr(may, '\'') != NULL)
		fatal("schema: permission '%s' is not 'noun verb'", may);
	xasprintf(&out, "NOT qd_may('%.*s', '%s')", (int)n, may, may + n + 1);
	return out;
}

/* The guards of t, in the order INSERT, UPDATE, DELETE. */
static void
schema_guards(FILE *f, const struct schema_table *t)
{
	char	*name, *who = NULL, *cond, *refusal;
	int	 on = t->may != NULL ? t->may_on : 0;

	if (t->may != NULL)
		who = schema_not_may(t->may);
	if (on & SCHEMA_ON_INSERT) {
		if (t->insert_trigger != NULL)
			name = xstrdup(t->insert_trigger);
		else
			xasprintf(&name, "%s_write", t->table);
		schema_guard(f, name, "INSERT", t->table, who, t->refusal);
		free(name);
	}
	if (on & SCHEMA_ON_UPDATE) {
		xasprintf(&name, "%s_change", t->table);
		if (t->versioned) {
			xasprintf(&cond, "%s\n    OR NEW.version IS NOT "
			    "OLD.version + 1", who);
			xasprintf(&refusal, "%s, raising version by one",
			    t->refusal);
		} else {
			cond = xstrdup(who);
			refusal = xstrdup(t->refusal);
		}
		schema_guard(f, name, "UPDATE", t->table, cond, refusal);
		free(cond);
		free(refusal);
		free(name);
	} else if (t->versioned) {
		if (t->version_trigger != NULL)
			name = xstrdup(t->version_trigger);
		else
			xasprintf(&name, "%s_version", t->table);
		if (t->version_refusal != NULL)
			refusal = xstrdup(t->version_refusal);
		else
			xasprintf(&refusal, "%s: every update must raise "
			    "version by one", t->table);
		schema_guard(f, name, "UPDATE", t->table,
		    "NEW.version IS NOT OLD.version + 1", refusal);
		free(refusal);
		free(name);
	} else if (t->no_update != NULL) {
		xasprintf(&name, "%s_change", t->table);
		schema_guard(f, name, "UPDATE", t->table, NULL, t->no_update);
		free(name);
	}
	if (t->append_only != NULL) {
		xasprintf(&name, "%s_no_update", t->table);
		schema_guard(f, name, "UPDATE", t->table, NULL, t->append_only);
		free(name);
		xasprintf(&name, "%s_no_delete", t->table);
		schema_guard(f, name, "DELETE", t->table, NULL, t->append_only);
		free(name);
	}
	if (on & SCHEMA_ON_DELETE) {
		xasprintf(&name, "%s_remove", t->table);
		schema_guard(f, name, "DELETE", t->table, who, t->refusal);
		free(name);
	} else if (t->no_delete != NULL) {
		xasprintf(&name, "%s_remove", t->table);
		schema_guard(f, name, "DELETE", t->table, t->system_deletes ?
		    "coalesce(qd_role(), '') <> 'system'" : NULL, t->no_delete);
		free(name);
	}
	free(who);
}

/* The parts of a table's triggers, made apart when guards_after says. */
#define SCHEMA_GUARDS	0x1
#define SCHEMA_AUDIT	0x2
#define SCHEMA_BOTH	(SCHEMA_GUARDS | SCHEMA_AUDIT)

/* The CREATE TRIGGER statements of parts of t (caller frees). */
static char *
schema_part_sql(const struct schema_table *t, int parts)
{
	FILE	*f;
	char	*out = NULL;
	size_t	 size, e;

	if ((f = open_memstream(&out, &size)) == NULL)
		fatal("open_memstream failed");
	if (parts & SCHEMA_GUARDS)
		schema_guards(f, t);
	for (e = 0; (parts & SCHEMA_AUDIT) && e < nitems(schema_events); e++)
		schema_audit_trigger(f, t, e);
	fclose(f);
	return out;
}

char *
schema_table_sql(const struct schema_table *t)
{
	return schema_part_sql(t, SCHEMA_BOTH);
}

/* The trigger the part of t follows; NULL: its CREATE TABLE. */
static const char *
schema_part_after(const struct schema_table *t, int part)
{
	if (part == SCHEMA_GUARDS && t->guards_after != NULL)
		return t->guards_after;
	return t->after;
}

size_t
schema_file_entries(const char *name, const struct qd_schema_file **out,
    size_t max)
{
	const struct qd_module *const	*m;
	const struct qd_schema_file	*s;
	size_t				 n = 0;

	for (s = schema_platform; s->name != NULL; s++) {
		if (strcmp(s->name, name) == 0 && n < max)
			out[n++] = s;
	}
	for (m = qd_modules; *m != NULL; m++) {
		if ((*m)->schema == NULL)
			continue;
		for (s = (*m)->schema; s->name != NULL; s++) {
			if (strcmp(s->name, name) == 0 && n < max)
				out[n++] = s;
		}
	}
	return n;
}

/* 1 if db has the table (or trigger) name, 0 if not, -1 on an error. */
static int
schema_has(sqlite3 *db, const char *type, const char *name)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (db_prepare(db, "SELECT 1 FROM sqlite_schema WHERE type = ?1"
	    " AND name = ?2", &st) != QD_OK)
		return -1;
	sqlite3_bind_text(st, 1, type, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return 1;
	return rc == SQLITE_DONE ? 0 : -1;
}

/* The declared tables of file, NULL-ended (caller frees the array). */
static const struct schema_table **
schema_tables_of(const char *file, size_t *np)
{
	const struct qd_schema_file	*entries[16];
	const struct schema_table	**tables = NULL, *t;
	size_t				 i, n, count = 0;

	n = schema_file_entries(file, entries, nitems(entries));
	for (i = 0; i < n; i++) {
		for (t = entries[i]->tables; t != NULL && t->table != NULL;
		    t++) {
			tables = xreallocarray(tables, count + 1,
			    sizeof *tables);
			tables[count++] = t;
		}
	}
	*np = count;
	return tables;
}

/*
 * Create the triggers of the tables that exist now (and the rule each
 * part names to follow) and have none yet; done[i] has the parts made.
 */
static int
schema_apply_tables(sqlite3 *db, const struct schema_table **tables,
    size_t n, char *done, char **why)
{
	const char	*after;
	char		*sql, *err = NULL;
	size_t		 i;
	int		 has, part;

	for (i = 0; i < n; i++) {
		for (part = SCHEMA_GUARDS; part <= SCHEMA_AUDIT; part <<= 1) {
			if (done[i] & part)
				continue;
			after = schema_part_after(tables[i], part);
			if (after != NULL)
				has = schema_has(db, "trigger", after);
			else
				has = schema_has(db, "table", tables[i]->table);
			if (has < 0) {
				why_set(why, "%s", sqlite3_errmsg(db));
				return QD_EDB;
			}
			if (!has)
				continue;
			sql = schema_part_sql(tables[i], part);
			if (sqlite3_exec(db, sql, NULL, NULL, &err) !=
			    SQLITE_OK) {
				why_set(why, "the triggers of %s: %s",
				    tables[i]->table, err != NULL ? err :
				    sqlite3_errmsg(db));
				sqlite3_free(err);
				free(sql);
				return QD_EDB;
			}
			free(sql);
			done[i] |= part;
		}
	}
	return QD_OK;
}

int
schema_apply(sqlite3 *db, const char *file, const char *sql, char **why)
{
	const struct schema_table	**tables;
	sqlite3_stmt			*st;
	const char			*tail = sql, *next;
	char				*done;
	size_t				 n, i;
	int				 rc = QD_OK, step;

	tables = schema_tables_of(file, &n);
	done = xcalloc(n + 1, 1);
	/* A table an earlier migration made gets its triggers first. */
	rc = schema_apply_tables(db, tables, n, done, why);
	while (rc == QD_OK && *tail != '\0') {
		if (sqlite3_prepare_v2(db, tail, -1, &st, &next) != SQLITE_OK) {
			why_set(why, "%s", sqlite3_errmsg(db));
			rc = QD_EDB;
			break;
		}
		if (st == NULL) {	/* blanks and comments */
			if (next == tail)
				break;
			tail = next;
			continue;
		}
		while ((step = sqlite3_step(st)) == SQLITE_ROW)
			;
		if (step != SQLITE_DONE) {
			why_set(why, "%s", sqlite3_errmsg(db));
			sqlite3_finalize(st);
			rc = QD_EDB;
			break;
		}
		sqlite3_finalize(st);
		tail = next;
		rc = schema_apply_tables(db, tables, n, done, why);
	}
	for (i = 0; rc == QD_OK && i < n; i++) {
		if (done[i] != SCHEMA_BOTH) {
			why_set(why, "it declares table %s but does not create "
			    "it or the trigger its triggers follow",
			    tables[i]->table);
			rc = QD_EDB;
		}
	}
	free(done);
	free(tables);
	return rc;
}

/* Print the triggers declared for file, each table's under its name. */
static void
schema_show_tables(FILE *f, const char *owner,
    const struct schema_table *tables)
{
	const struct schema_table	*t;
	char				*sql;

	for (t = tables; t != NULL && t->table != NULL; t++) {
		sql = schema_table_sql(t);
		if (t->guards_after != NULL)
			fprintf(f, "\n-- %s, declared by %s, its guards made "
			    "after %s, the rest after %s:\n%s", t->table, owner,
			    t->guards_after, t->after != NULL ? t->after :
			    "its CREATE TABLE", sql);
		else if (t->after != NULL)
			fprintf(f, "\n-- %s, declared by %s, made after %s:\n%s",
			    t->table, owner, t->after, sql);
		else
			fprintf(f, "\n-- %s, declared by %s:\n%s", t->table,
			    owner, sql);
		free(sql);
	}
}

void
schema_show(FILE *f, size_t i)
{
	const struct qd_module *const	*m;
	const struct qd_schema_file	*s;
	const char			*name = schema_files[i].name;
	char				 owner[64];

	fprintf(f, "-- %s\n%s", name, schema_files[i].sql);
	fprintf(f, "\n-- Made for %s as it is applied, each table's right "
	    "after its\n-- CREATE TABLE, or after the trigger it names:\n",
	    name);
	for (s = schema_platform; s->name != NULL; s++) {
		if (strcmp(s->name, name) == 0)
			schema_show_tables(f, "the platform", s->tables);
	}
	for (m = qd_modules; *m != NULL; m++) {
		for (s = (*m)->schema; s != NULL && s->name != NULL; s++) {
			if (strcmp(s->name, name) != 0)
				continue;
			snprintf(owner, sizeof owner, "module %s", (*m)->name);
			schema_show_tables(f, owner, s->tables);
		}
	}
	if (schema_remakes(name))
		fprintf(f, "\n-- Then the triggers of the tables declared for the "
		    "migrations before it\n-- are made again where a database's "
		    "differ from those shown with them.\n");
	fprintf(f, "\n-- A trigger dropped and made again keeps its place in the "
	    "order triggers\n-- fire.\n");
}

/* 1 if an entry of schema file name remakes the earlier triggers. */
static int
schema_remakes(const char *name)
{
	const struct qd_schema_file	*files[16];
	size_t				 j, n;

	n = schema_file_entries(name, files, nitems(files));
	for (j = 0; j < n; j++) {
		if (files[j]->remake)
			return 1;
	}
	return 0;
}

int
schema_find(const char *what, size_t *i)
{
	size_t	 j, n = strlen(what);
	char	*end;
	long	 num;

	num = strtol(what, &end, 10);
	for (j = 0; j < schema_nfiles; j++) {
		const char *name = schema_files[j].name;

		if (strcmp(name, what) == 0 || (strncmp(name, what, n) == 0 &&
		    strcmp(name + n, ".sql") == 0) || (end != what &&
		    *end == '\0' && num == (long)j + 1)) {
			*i = j;
			return QD_OK;
		}
	}
	return QD_ENOTFOUND;
}

/* A trigger as sqlite_schema has it. */
struct schema_trigger {
	char	*name;
	char	*table;
	char	*sql;
};

static void
schema_triggers_free(struct schema_trigger *t, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		free(t[i].name);
		free(t[i].table);
		free(t[i].sql);
	}
	free(t);
}

/*
 * The triggers in the order they were created, which is the order
 * sqlite_schema keeps them in; the last created fires first.
 */
static int
schema_triggers(sqlite3 *db, struct schema_trigger **out, size_t *n)
{
	sqlite3_stmt	*st;
	int		 step;

	*out = NULL;
	*n = 0;
	if (db_prepare(db, "SELECT name, tbl_name, sql FROM sqlite_schema"
	    " WHERE type = 'trigger' ORDER BY rowid", &st) != QD_OK)
		return QD_EDB;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		*out = xreallocarray(*out, *n + 1, sizeof **out);
		(*out)[*n].name = db_column_strdup(st, 0);
		(*out)[*n].table = db_column_strdup(st, 1);
		(*out)[(*n)++].sql = db_column_strdup(st, 2);
	}
	sqlite3_finalize(st);
	return step == SQLITE_DONE ? QD_OK : QD_EDB;
}

static const struct schema_trigger *
schema_trigger_find(const struct schema_trigger *t, size_t n,
    const char *name)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		if (strcmp(t[i].name, name) == 0)
			return &t[i];
	}
	return NULL;
}

static int
schema_is_first(const char **first, size_t n, const char *name)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		if (strcmp(first[i], name) == 0)
			return 1;
	}
	return 0;
}

/* How many triggers sql creates. */
static size_t
schema_count(const char *sql)
{
	size_t	 n = 0;

	for (; (sql = strstr(sql, "CREATE TRIGGER ")) != NULL; sql++)
		n++;
	return n;
}

/*
 * The names of the triggers the declarations of the migrations before
 * upto make for table, in the order they make them (caller frees the
 * array, not the names, which point into *all), and in *afters (caller
 * frees the array) the trigger each follows (NULL: the CREATE TABLE).
 */
static const char **
schema_declared(const char *table, size_t upto, char **all, size_t *np,
    const char ***afters)
{
	const struct schema_table	**tables;
	const char			**names = NULL;
	char				*p, *sql;
	size_t				 j, k, n, len, i, c, nafter = 0;
	int				 part;
	FILE				*f;

	*all = NULL;
	*np = 0;
	*afters = NULL;
	f = open_memstream(all, &len);
	for (j = 0; j < upto; j++) {
		tables = schema_tables_of(schema_files[j].name, &n);
		for (k = 0; k < n; k++) {
			if (strcmp(tables[k]->table, table) != 0)
				continue;
			for (part = SCHEMA_GUARDS; part <= SCHEMA_AUDIT;
			    part <<= 1) {
				sql = schema_part_sql(tables[k], part);
				fputs(sql, f);
				c = schema_count(sql);
				*afters = xreallocarray(*afters, nafter + c + 1,
				    sizeof **afters);
				for (i = 0; i < c; i++)
					(*afters)[nafter++] =
					    schema_part_after(tables[k], part);
				free(sql);
			}
		}
		free(tables);
	}
	fclose(f);
	for (p = *all; (p = strstr(p, "CREATE TRIGGER ")) != NULL; p += len) {
		p += strlen("CREATE TRIGGER ");
		len = strcspn(p, " \n");
		names = xreallocarray(names, *np + 1, sizeof *names);
		names[(*np)++] = p;
		if (p[len] != '\0')
			p[len++] = '\0';
	}
	return names;
}

/* 1 if two triggers' places are the same: both NULL or equal names. */
static int
schema_same_after(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

/*
 * Put the triggers of each table back in the order of was (taken before
 * a migration): those that were there in their old order, the new ones
 * after them in the order they came. A trigger dropped and created again
 * is last; it and what follows it are made again in order.
 *
 * After a migration that remakes the declared triggers of the ones
 * before upto (0: none does), a table's declared triggers come together,
 * in the order its declarations make them, first or right after the
 * trigger they name, as in a database made new, where they follow its
 * CREATE TABLE or that trigger: an upgraded database's triggers then fire
 * in the same order as a new one's, and write their audit rows in it.
 */
static int
schema_keep_order(sqlite3 *db, const struct schema_trigger *was, size_t nwas,
    size_t upto, char **why)
{
	const struct schema_trigger	*t;
	const char			**first, **afters;
	char				*names;
	size_t				 nfirst, f, g, front, at;
	struct schema_trigger		*now;
	const struct schema_trigger	**cur = NULL, **want = NULL, **rest;
	char				*sql;
	size_t				 nnow, i, j, k, n, m, r;
	int				 rc = QD_OK;

	if (schema_triggers(db, &now, &nnow) != QD_OK) {
		why_set(why, "%s", sqlite3_errmsg(db));
		return QD_EDB;
	}
	cur = xcalloc(nnow + 1, sizeof *cur);
	want = xcalloc(nnow + 1, sizeof *want);
	rest = xcalloc(nnow + 1, sizeof *rest);
	for (i = 0; i < nnow && rc == QD_OK; i++) {
		/* Each table once, at its first trigger. */
		for (j = 0; j < i; j++) {
			if (strcmp(now[j].table, now[i].table) == 0)
				break;
		}
		if (j < i)
			continue;
		n = m = r = 0;
		for (j = i; j < nnow; j++) {
			if (strcmp(now[j].table, now[i].table) == 0)
				cur[n++] = &now[j];
		}
		first = schema_declared(now[i].table, upto, &names, &nfirst,
		    &afters);
		for (j = 0; j < nwas; j++) {
			if (strcmp(was[j].table, now[i].table) != 0 ||
			    schema_is_first(first, nfirst, was[j].name))
				continue;
			if ((t = schema_trigger_find(now, nnow, was[j].name)) !=
			    NULL)
				rest[r++] = t;
		}
		for (j = 0; j < n; j++) {
			if (schema_trigger_find(was, nwas, cur[j]->name) ==
			    NULL && !schema_is_first(first, nfirst,
			    cur[j]->name))
				rest[r++] = cur[j];
		}
		/*
		 * The declared ones lead, or follow the trigger their part
		 * names, a part at a time.
		 */
		memcpy(want, rest, r * sizeof *want);
		m = r;
		front = 0;
		for (f = 0; f < nfirst; f = g) {
			for (g = f; g < nfirst && schema_same_after(afters[g],
			    afters[f]); g++)
				;
			for (at = 0; afters[f] != NULL && at < m; at++) {
				if (strcmp(want[at]->name, afters[f]) == 0)
					break;
			}
			at = afters[f] != NULL && at < m ? at + 1 : front;
			for (k = f; k < g; k++) {
				if ((t = schema_trigger_find(now, nnow,
				    first[k])) == NULL)
					continue;
				memmove(&want[at + 1], &want[at],
				    (m - at) * sizeof *want);
				want[at++] = t;
				m++;
				if (afters[f] == NULL)
					front++;
			}
		}
		free(afters);
		free(first);
		free(names);
		for (k = 0; k < n && cur[k] == want[k]; k++)
			;
		for (j = k; j < n && rc == QD_OK; j++) {
			xasprintf(&sql, "DROP TRIGGER \"%s\"", cur[j]->name);
			if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
				rc = QD_EDB;
			free(sql);
		}
		for (j = k; j < n && rc == QD_OK; j++) {
			if (sqlite3_exec(db, want[j]->sql, NULL, NULL, NULL) !=
			    SQLITE_OK)
				rc = QD_EDB;
		}
		if (rc != QD_OK)
			why_set(why, "keeping the order of the triggers of %s: "
			    "%s", now[i].table, sqlite3_errmsg(db));
	}
	free(cur);
	free(want);
	free(rest);
	schema_triggers_free(now, nnow);
	return rc;
}

/*
 * 1 if a migration after from and before upto makes trigger name itself:
 * one that widens or narrows a declared guard by hand, which a later
 * remaking must leave as that migration made it.
 */
static int
schema_overridden(const char *name, size_t from, size_t upto)
{
	const char	*p;
	size_t		 k, len = strlen(name);

	for (k = from + 1; k < upto; k++) {
		for (p = schema_files[k].sql; (p = strstr(p,
		    "CREATE TRIGGER ")) != NULL; p++) {
			p += strlen("CREATE TRIGGER ");
			if (strncmp(p, name, len) == 0 && (p[len] == ' ' ||
			    p[len] == '\n'))
				return 1;
		}
	}
	return 0;
}

/*
 * Make t's triggers (declared with migration from) again where the
 * database's differ from what t declares now (one statement each,
 * "CREATE TRIGGER ... END;\n"), but for those a migration between from
 * and upto, the one remaking them, made itself.
 */
static int
schema_remake_table(sqlite3 *db, const struct schema_trigger *have,
    size_t nhave, const struct schema_table *t, size_t from, size_t upto,
    char **why)
{
	const struct schema_trigger	*old;
	char				*all = schema_table_sql(t), *p, *end;
	char				*stmt, *name, *sql;
	int				 rc = QD_OK;

	for (p = all; rc == QD_OK && *p != '\0'; p = end) {
		if ((end = strstr(p, "\nEND;\n")) == NULL)
			fatal("schema: a trigger of %s without END", t->table);
		end += strlen("\nEND;\n");
		/* As sqlite_schema keeps it: without the semicolon. */
		stmt = xstrndup(p, (size_t)(end - p) - 2);
		name = xstrndup(stmt + strlen("CREATE TRIGGER "),
		    strcspn(stmt + strlen("CREATE TRIGGER "), " "));
		old = schema_trigger_find(have, nhave, name);
		if (!schema_overridden(name, from, upto) && (old == NULL ||
		    old->sql == NULL || strcmp(old->sql, stmt) != 0)) {
			xasprintf(&sql, "DROP TRIGGER IF EXISTS \"%s\"; %s;",
			    name, stmt);
			if (sqlite3_exec(db, sql, NULL, NULL, NULL) !=
			    SQLITE_OK) {
				why_set(why, "making %s again: %s", name,
				    sqlite3_errmsg(db));
				rc = QD_EDB;
			}
			free(sql);
		}
		free(name);
		free(stmt);
	}
	free(all);
	return rc;
}

/* Remake the declared triggers of the migrations before i. */
static int
schema_remake(sqlite3 *db, size_t i, char **why)
{
	const struct schema_table	**tables;
	struct schema_trigger		*have;
	size_t				 j, k, n, nhave;
	int				 rc = QD_OK;

	if (schema_triggers(db, &have, &nhave) != QD_OK) {
		why_set(why, "%s", sqlite3_errmsg(db));
		return QD_EDB;
	}
	for (j = 0; j < i && rc == QD_OK; j++) {
		tables = schema_tables_of(schema_files[j].name, &n);
		for (k = 0; k < n && rc == QD_OK; k++)
			rc = schema_remake_table(db, have, nhave, tables[k],
			    j, i, why);
		free(tables);
	}
	schema_triggers_free(have, nhave);
	return rc;
}

int
schema_migrate(sqlite3 *db, size_t i, char **why)
{
	const struct qd_schema_file	*files[16];
	struct schema_trigger		*was;
	const char			*name = schema_files[i].name;
	size_t				 j, n, nwas;
	int				 rc;

	if (schema_triggers(db, &was, &nwas) != QD_OK) {
		why_set(why, "%s", sqlite3_errmsg(db));
		return QD_EDB;
	}
	rc = schema_apply(db, name, schema_files[i].sql, why);
	n = schema_file_entries(name, files, nitems(files));
	for (j = 0; j < n && rc == QD_OK; j++) {
		if (files[j]->after != NULL)
			rc = files[j]->after(db, why);
	}
	if (rc == QD_OK && schema_remakes(name))
		rc = schema_remake(db, i, why);
	if (rc == QD_OK)
		rc = schema_keep_order(db, was, nwas,
		    schema_remakes(name) ? i : 0, why);
	schema_triggers_free(was, nwas);
	return rc;
}
