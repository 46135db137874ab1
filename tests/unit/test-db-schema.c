/*
 * The triggers made from the tables' declarations: every trigger of a
 * database is in `schema show`, which admins and auditors may run, a
 * declaration's parts become the SQL they say, and the rules ask the
 * permissions table that the data layer asks.
 */
#include <stdlib.h>
#include <string.h>

#include "qualdesk.h"
#include "tap.h"
#include "fixture.h"

static sqlite3		*db;
static char		*out_buf, *err_buf;

/* Run line as actor over SSH (remote) or locally; out_buf, err_buf. */
static int
run(const struct qd_user *actor, int remote, const char *line)
{
	struct cmd_ctx	 ctx;
	char		**argv, *why = NULL;
	size_t		  outlen, errlen;
	int		  argc, rc;

	xfree(&out_buf);
	xfree(&err_buf);
	memset(&ctx, 0, sizeof ctx);
	ctx.db = db;
	ctx.actor = actor;
	ctx.remote = remote;
	ctx.in = fmemopen((void *)"", 0, "r");
	ctx.out = open_memstream(&out_buf, &outlen);
	ctx.err = open_memstream(&err_buf, &errlen);
	if (cmd_split(line, &argc, &argv, &why) != QD_OK)
		abort();
	rc = cmd_run(&ctx, argc, argv);
	cmd_free_argv(argc, argv);
	fclose(ctx.in);
	fclose(ctx.out);
	fclose(ctx.err);
	return rc;
}

#define has(buf, s) ((buf) != NULL && strstr((buf), (s)) != NULL)

/* How many of the database's triggers the text does not create. */
static int
missing_triggers(const char *text)
{
	sqlite3_stmt	*st;
	char		 want[160], nl[160];
	int		 missing = 0;

	if (sqlite3_prepare_v2(db, "SELECT name FROM sqlite_schema"
	    " WHERE type = 'trigger'", -1, &st, NULL) != SQLITE_OK)
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		/* The name ends with a space or, in some SQL, a line. */
		snprintf(want, sizeof want, "CREATE TRIGGER %s ",
		    sqlite3_column_text(st, 0));
		snprintf(nl, sizeof nl, "CREATE TRIGGER %s\n",
		    sqlite3_column_text(st, 0));
		if (!has(text, want) && !has(text, nl)) {
			printf("# not shown: %s\n", want);
			missing++;
		}
	}
	sqlite3_finalize(st);
	return missing;
}

static void
test_show(void)
{
	struct qd_user	 admin = { .id = 1, .login = "adm", .role = ROLE_ADMIN };
	struct qd_user	 auditor = { .id = 2, .login = "aud",
	    .role = ROLE_AUDITOR };
	struct qd_user	 clerk = { .id = 3, .login = "clk", .role = ROLE_CLERK,
	    .office_id = 1 };
	int		 i;

	is_int(run(&admin, 1, "schema show"), QD_EXIT_OK,
	    "an admin may show the schema over SSH");
	ok(has(out_buf, "-- 001-core.sql\n") && has(out_buf,
	    "\n-- 003-certificates.sql\n"), "every migration is shown");
	is_int(missing_triggers(out_buf), 0,
	    "every trigger the database has is shown");
	ok(has(out_buf, "-- users, declared by the platform:\n"
	    "CREATE TRIGGER users_version BEFORE UPDATE ON users\n"),
	    "a table's triggers follow its name and who declared them");
	ok(has(out_buf, "CREATE TRIGGER cases_change_fixed BEFORE UPDATE ON"
	    " cases"), "the hand-written rules are in the migration's SQL");
	is_int(run(&auditor, 1, "schema show 002-cases.sql"), QD_EXIT_OK,
	    "an auditor may too");
	ok(has(out_buf, "-- 002-cases.sql\n") && !has(out_buf, "001-core") &&
	    has(out_buf, "-- catalog, declared by module catalog:") &&
	    has(out_buf, "-- drafts, declared by the platform:"),
	    "one migration: its tables, whichever module declares them");
	for (i = 0; i < 2; i++) {
		is_int(run(&admin, 0, i == 0 ? "schema show 3" :
		    "schema show 003-certificates"), QD_EXIT_OK,
		    "a migration by its %s", i == 0 ? "number" :
		    "name without .sql");
		ok(has(out_buf, "CREATE TRIGGER certificates_issue_role") &&
		    !has(out_buf, "002-cases"), "shows that one");
	}
	is_int(run(&admin, 1, "schema show 99"), QD_EXIT_ERROR,
	    "no such migration");
	ok(has(err_buf, "no migration '99'; there are: 001-core.sql"),
	    "names the ones there are");
	is_int(run(&admin, 1, "schema show 1 2"), QD_EXIT_USAGE,
	    "one migration at most");
	is_int(run(&clerk, 1, "schema show"), QD_EXIT_DENIED,
	    "a clerk may not");
	ok(has(err_buf, "only an admin or an auditor may run 'schema show'"),
	    "and is told who may");
	run(&clerk, 1, "help");
	ok(!has(out_buf, "schema show"), "nor sees it in help");
	run(&auditor, 1, "help");
	ok(has(out_buf, "schema show [FILE]"), "an auditor does");
}

/* What the parts of a declaration become. */
static void
test_declaration(void)
{
	static const struct schema_table t = {
		.table = "pets", .record = "tag",
		.audit = "name, kind = species, loud = @bark > 3 OR @name = 'a,b'",
		.audit_on = SCHEMA_ON_INSERT | SCHEMA_ON_DELETE,
		.action_delete = "'gone'",
		.may = "pet write", .may_on = SCHEMA_ON_UPDATE,
		.versioned = 1,
		.refusal = "only an office's staff may",
		.no_delete = "never", .system_deletes = 1,
	};
	char	*sql = schema_table_sql(&t), *why = NULL;

	ok(has(sql, "CREATE TRIGGER pets_change BEFORE UPDATE ON pets\n"
	    "WHEN NOT qd_may('pet', 'write')"
	    "\n    OR NEW.version IS NOT OLD.version + 1\n"), "who may write "
	    "and the version in one check");
	ok(has(sql, "'only an office''s staff may, raising version by one'"),
	    "its refusal quoted and saying both");
	ok(!has(sql, "pets_version") && !has(sql, "pets_write"),
	    "no other check of them");
	ok(has(sql, "CREATE TRIGGER pets_remove BEFORE DELETE ON pets\nWHEN "
	    "coalesce(qd_role(), '') <> 'system'\n"), "the system may delete");
	ok(has(sql, "'insert', 'pets', NEW.tag,") &&
	    has(sql, "'gone', 'pets', OLD.tag,"), "record and action");
	ok(has(sql, "json_object('name', NEW.name, 'kind', NEW.species,\n\t"
	    "    'loud', NEW.bark > 3 OR NEW.name = 'a,b')"),
	    "a summary's columns and expressions");
	ok(!has(sql, "pets_audit_update"), "only the events audited");
	ok(fixture_exec(db, "CREATE TABLE pets (tag INTEGER PRIMARY KEY,"
	    " name, species, bark, version)", &why) == SQLITE_OK &&
	    fixture_exec(db, sql, &why) == SQLITE_OK, "SQLite takes it: %s",
	    why != NULL ? why : "yes");
	free(why);
	free(sql);
}

/*
 * The rules of every table ask the permissions table, not a list of
 * roles (the workflows' tables of steps aside), and every permission a
 * trigger asks is held by some role, but "permission write".
 */
static void
test_permissions_asked(void)
{
	struct qd_user	 center = { .id = 3, .login = "ctr", .role = ROLE_CENTER,
	    .via = "t" };
	sqlite3_stmt	*st;
	const char	*sql, *p, *end;
	char		 may[80], *why = NULL;
	int		 lists = 0, unheld = 0, asked = 0;

	if (sqlite3_prepare_v2(db, "SELECT name, sql FROM sqlite_schema"
	    " WHERE type = 'trigger' AND tbl_name NOT IN ('cases', 'notices')",
	    -1, &st, NULL) != SQLITE_OK)
		return;
	while (sqlite3_step(st) == SQLITE_ROW) {
		sql = (const char *)sqlite3_column_text(st, 1);
		if (strstr(sql, "qd_role() IN (") != NULL ||
		    strstr(sql, "qd_role(), '') IN (") != NULL ||
		    strstr(sql, "qd_role(), '') NOT IN (") != NULL ||
		    strstr(sql, "qd_role() NOT IN (") != NULL) {
			printf("# lists roles: %s\n", sqlite3_column_text(st, 0));
			lists++;
		}
		for (p = sql; (p = strstr(p, "qd_may('")) != NULL; p = end) {
			p += strlen("qd_may('");
			if ((end = strstr(p, "', '")) == NULL)
				break;
			snprintf(may, sizeof may, "%.*s %.*s", (int)(end - p), p,
			    (int)strcspn(end + 4, "'"), end + 4);
			end += 4;
			asked++;
			if (perm_roles(may) == 0 &&
			    strcmp(may, "permission write") != 0) {
				printf("# no role holds %s\n", may);
				unheld++;
			}
		}
	}
	sqlite3_finalize(st);
	is_int(lists, 0, "no rule lists the roles that may write");
	ok(asked > 50, "the rules ask the permissions table (%d times)", asked);
	is_int(unheld, 0, "and some role holds each permission they ask");

	/* The triggers and the data layer ask the same rows. */
	ok(user_may(&center, "exam-plan write"), "the center drafts exam plans");
	db_set_actor(db, &center);
	ok(fixture_exec(db, "DELETE FROM permissions WHERE noun = 'exam-plan'"
	    " AND role = 'center'", &why) != SQLITE_OK,
	    "a role cannot take its permission away");
	db_set_system_actor(db, "(test)", "schema");
	ok(fixture_exec(db, "DELETE FROM permissions WHERE noun = 'exam-plan'"
	    " AND role = 'center'", &why) == SQLITE_OK && perm_load(db) == QD_OK,
	    "a migration can");
	ok(!user_may(&center, "exam-plan write"), "then the data layer refuses");
	db_set_actor(db, &center);
	ok(fixture_exec(db, "INSERT INTO exam_plans (kind, occupation_id, level,"
	    " body_name, exam_on, start_time, deadline, created_by) VALUES"
	    " ('skill', 1, 5, 'b', '2999-07-01', '14:30', '2999-06-01', 'ctr')",
	    &why) != SQLITE_OK && why != NULL && strstr(why, "only the center "
	    "drafts exam plans") != NULL, "and so does the schema");
	db_set_actor(db, NULL);
	free(why);
}

/* A table never changed, audited under an expression, after a rule. */
static void
test_declaration_more(void)
{
	static const struct schema_table t = {
		.table = "months", .after = "months_ended",
		.record = "CAST(replace(@month, '-', '') AS INTEGER)",
		.audit = "month", .audit_on = SCHEMA_ON_INSERT,
		.action_insert = "'close'",
		.no_update = "a closed month stays", .no_delete = "never",
	};
	char	*sql = schema_table_sql(&t), *why = NULL;

	ok(has(sql, "CREATE TRIGGER months_change BEFORE UPDATE ON months\n"
	    "BEGIN\n\tSELECT RAISE(ABORT, 'a closed month stays');\nEND;\n"),
	    "never updated: every update refused");
	ok(!has(sql, "months_no_update") && !has(sql, "months_version"),
	    "by that check alone");
	ok(has(sql, "'close', 'months', CAST(replace(NEW.month, '-', '') AS "
	    "INTEGER),\n"), "audit.record from an expression over the row");
	ok(fixture_exec(db, "CREATE TABLE months (month TEXT PRIMARY KEY)",
	    &why) == SQLITE_OK && fixture_exec(db, sql, &why) == SQLITE_OK,
	    "SQLite takes it: %s", why != NULL ? why : "yes");
	free(why);
	free(sql);
}

/* The exam module's tables follow the rules they name. */
static void
test_show_after(void)
{
	struct qd_user	 admin = { .id = 1, .login = "adm", .role = ROLE_ADMIN };
	char		*made;

	is_int(run(&admin, 1, "schema show 004-exam"), QD_EXIT_OK,
	    "a module's migration");
	ok(has(out_buf, "-- exam_demands, declared by module exam, made after "
	    "exam_demands_recount:\nCREATE TRIGGER exam_demands_remove"),
	    "says which rule its triggers follow");
	ok(has(out_buf, "-- training_links, declared by module exam:\n"),
	    "and nothing for those right after their CREATE TABLE");
	made = out_buf != NULL ? strstr(out_buf, "\n-- Made for ") : NULL;
	if (made != NULL)
		*made = '\0';
	ok(made != NULL && !has(out_buf, "INSERT INTO audit") &&
	    !has(out_buf, "CREATE TRIGGER exam_demands_remove"),
	    "the migration's own SQL no longer writes them");
	is_int(run(&admin, 1, "schema show 005-training"), QD_EXIT_OK,
	    "another");
	ok(has(out_buf, "-- training_classes, declared by module training, its "
	    "guards made after training_classes_provider, the rest after "
	    "training_classes_seats_quotas:\nCREATE TRIGGER "
	    "training_classes_change BEFORE UPDATE ON training_classes\n"),
	    "a table's guards may follow another rule than its audit");
}

int
main(void)
{
	char	*dir;

	log_open("stderr", LOG_LEVEL_WARN, "test-db-schema");
	dir = fixture_dir("schema");
	db = fixture_db(dir, "schema.db");
	test_show();
	test_show_after();
	test_permissions_asked();
	test_declaration();
	test_declaration_more();
	xfree(&out_buf);
	xfree(&err_buf);
	db_close(db);
	fixture_dir_remove(dir);
	free(dir);
	return done_testing();
}
