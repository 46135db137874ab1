/* The catalog, occupation and agency commands, run through the table. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "qualdesk.h"
#include "catalog/catalog.h"
#include "../tap.h"
#include "../fixture.h"

static char	*dir;
static sqlite3	*db;
static char	*out_buf, *err_buf;
static size_t	 out_len;

static struct qd_user admin = { .login = "admin", .display_name = "admin",
    .role = ROLE_ADMIN, .active = 1, .via = "ssh 127.0.0.1:1" };
static struct qd_user liaison = { .login = "xiamen", .display_name = "x",
    .role = ROLE_LIAISON, .office_id = 2, .active = 1,
    .via = "ssh 127.0.0.1:2" };

/* Run line as actor with input (len bytes) on standard input. */
static int
run(const struct qd_user *actor, int remote, const char *input, size_t len,
    const char *line)
{
	struct cmd_ctx	 ctx;
	char		**argv, *why = NULL;
	size_t		  errlen;
	int		  argc, rc;

	xfree(&out_buf);
	xfree(&err_buf);
	memset(&ctx, 0, sizeof ctx);
	ctx.db = db;
	ctx.actor = actor;
	ctx.remote = remote;
	ctx.in = fmemopen((void *)(input != NULL ? input : ""),
	    input != NULL ? len : 0, "r");
	ctx.out = open_memstream(&out_buf, &out_len);
	ctx.err = open_memstream(&err_buf, &errlen);
	db_set_actor(db, actor);
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

/* json_valid(out_buf) and, when it is, json_array_length; else -1. */
static long long
json_rows(void)
{
	sqlite3_stmt	*stmt;
	long long	 n = -1;

	if (sqlite3_prepare_v2(db, "SELECT CASE WHEN json_valid(?1)"
	    " THEN json_array_length(?1) ELSE -1 END", -1, &stmt, NULL) !=
	    SQLITE_OK)
		return -1;
	sqlite3_bind_text(stmt, 1, out_buf, -1, SQLITE_STATIC);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		n = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	return n;
}

/* The embedded demo catalog, to import. */
static const struct demo_file *
demo(const char *name)
{
	size_t	 i;

	for (i = 0; i < demo_nfiles; i++) {
		if (strcmp(demo_files[i].name, name) == 0)
			return &demo_files[i];
	}
	printf("Bail out! no demo file %s\n", name);
	exit(1);
}

static void
test_import(void)
{
	const struct demo_file	*cat = demo("catalog.csv");
	const struct demo_file	*ag = demo("agencies.csv");
	const char		 bad[] = "tw_qual,tw_level,occupation_code,"
	    "level,mode\n車床技術士,乙級,6-18-01-11,3,sometimes\n";
	char			*path;
	FILE			*f;

	is_int(run(&liaison, 1, cat->data, cat->len, "catalog import -"),
	    QD_EXIT_DENIED, "a liaison may not import");
	is_int(run(&admin, 1, NULL, 0, "catalog import catalog.csv"),
	    QD_EXIT_USAGE, "over SSH a file name is refused");
	ok(has(err_buf, "standard input"), "and told to use stdin");
	is_int(run(&admin, 1, cat->data, cat->len, "catalog import -"),
	    QD_EXIT_OK, "admin imports on stdin (%s)", err_buf);
	ok(has(out_buf, "imported: 45 added, 0 updated"), "says what it did");
	is_int(run(&admin, 1, ag->data, ag->len, "agency import -"),
	    QD_EXIT_OK, "and the agencies (%s)", err_buf);
	ok(has(out_buf, "12 added"), "twelve");
	is_int(run(&admin, 1, bad, sizeof bad - 1, "catalog import -"),
	    QD_EXIT_ERROR, "a bad row fails");
	ok(has(err_buf, "第2行 line 2:") && has(err_buf, "recognition"),
	    "with its line and what is wanted");
	is_int(run(&admin, 1, NULL, 0, "catalog import --charset latin1 -"),
	    QD_EXIT_USAGE, "an unknown charset");
	ok(has(err_buf, "utf-8 or gb18030"), "lists the charsets");
	is_int(run(&admin, 1, NULL, 0, "catalog import"), QD_EXIT_USAGE,
	    "no file");

	/* Locally a file is read; here the export in GB18030. */
	run(&admin, 0, NULL, 0, "catalog export --charset gb18030");
	xasprintf(&path, "%s/gb.csv", dir);
	f = fopen(path, "wb");
	fwrite(out_buf, 1, out_len, f);
	fclose(f);
	free(path);
	xasprintf(&path, "catalog import --charset GBK %s/gb.csv", dir);
	is_int(run(&admin, 0, NULL, 0, path), QD_EXIT_OK,
	    "a local GB18030 file imports (%s)", err_buf);
	ok(has(out_buf, "0 added, 0 updated"), "and changes nothing");
	free(path);
	is_int(run(&admin, 0, NULL, 0, "catalog import /nonexistent.csv"),
	    QD_EXIT_ERROR, "a missing file");
}

static void
test_lists(void)
{
	is_int(run(&liaison, 1, NULL, 0, "catalog list"), QD_EXIT_OK,
	    "a liaison lists the catalog");
	ok(has(out_buf, "TW_QUAL") && has(out_buf, "車床技術士") &&
	    has(out_buf, "三级/高级工") && has(out_buf, "采认 Recognition"),
	    "as text with the level and mode named");
	is_int(run(&liaison, 1, NULL, 0, "catalog list --format json"),
	    QD_EXIT_OK, "as JSON");
	is_int(json_rows(), 45, "valid JSON with every entry");
	ok(has(out_buf, "\"mode\": \"recognition\"") &&
	    has(out_buf, "\"active\": false") && has(out_buf, "\"level\": 2"),
	    "modes by name, active as a boolean, levels as numbers");
	run(&liaison, 1, NULL, 0, "catalog list --mode adoption --format json");
	ok(json_rows() > 0 && !has(out_buf, "\"recognition\""),
	    "--mode keeps adoption only");
	run(&liaison, 1, NULL, 0, "catalog list --active --format json");
	is_int(json_rows(), 44, "--active leaves out the suspended entry");
	run(&liaison, 1, NULL, 0, "catalog list --search 茶 --format csv");
	ok(has(out_buf, "id,tw_qual,tw_level,") && has(out_buf, "茶藝技術士") &&
	    !has(out_buf, "車床"), "--search and CSV");
	is_int(run(&liaison, 1, NULL, 0, "catalog list --mode sometimes"),
	    QD_EXIT_USAGE, "an unknown mode");
	is_int(run(&liaison, 1, NULL, 0, "catalog list --format xml"),
	    QD_EXIT_USAGE, "an unknown format");
	is_int(run(&liaison, 1, NULL, 0, "catalog list extra"), QD_EXIT_USAGE,
	    "a stray argument");

	is_int(run(&liaison, 1, NULL, 0, "occupation list"), QD_EXIT_OK,
	    "occupation list");
	ok(has(out_buf, "6-18-01-11") && has(out_buf, "车工"), "codes, names");
	run(&liaison, 1, NULL, 0, "occupation list --format json");
	is_int(json_rows(), 22, "twenty-two as JSON");
	is_int(run(&liaison, 1, NULL, 0, "agency list"), QD_EXIT_OK,
	    "agency list");
	ok(has(out_buf, "xiamen 厦门市") &&
	    has(out_buf, "4-03-02-11;4-03-02-12;4-03-02-13;4-03-02-14"),
	    "offices and every code, uncut");
	run(&liaison, 1, NULL, 0, "agency list --format json");
	is_int(json_rows(), 12, "twelve as JSON");
	is_int(run(&liaison, 1, NULL, 0, "agency list --active"),
	    QD_EXIT_USAGE, "agency list takes only --format");
}

/* What the shared printer makes of the lists' columns. */
static void
test_list_cells(void)
{
	const char	 long_note[] = "tw_qual,tw_level,occupation_code,level,"
	    "mode,active,note\n車床技術士,丙級,6-18-01-11,4,recognition,1,"
	    "\"須附工作證明, 以及最近三年之工作經歷, 由雇主簽章\"\n";

	run(&liaison, 1, NULL, 0, "catalog list --search 男子理髮");
	ok(has(out_buf, "Recognition  yes") && has(out_buf, "Recognition  no"),
	    "active reads yes or no in text");
	run(&liaison, 1, NULL, 0, "catalog list --search 男子理髮 --format csv");
	ok(has(out_buf, ",recognition,1,,1\r\n") &&
	    has(out_buf, ",recognition,0,暂停采认"), "and 1 or 0 in CSV");
	run(&liaison, 1, NULL, 0, "occupation list --format json");
	ok(has(out_buf, "\"active\": true, \"version\": 1}"),
	    "occupations' active as a boolean too");

	is_int(run(&liaison, 1, NULL, 0, "catalog list --search 沒有這項"),
	    QD_EXIT_OK, "a search that finds nothing");
	is_int(out_len, 0, "prints no text, as the case lists");
	run(&liaison, 1, NULL, 0, "catalog list --search 沒有這項 --format csv");
	ok(out_buf != NULL && strcmp(out_buf, "id,tw_qual,tw_level,"
	    "occupation_id,occupation_code,occupation_name,level,level_name,"
	    "kind,mode,active,note,version\r\n") == 0, "CSV keeps its header");
	run(&liaison, 1, NULL, 0, "catalog list --search 沒有這項 --format json");
	ok(out_buf != NULL && strcmp(out_buf, "[]\n") == 0, "JSON, []");

	is_int(run(&admin, 1, long_note, sizeof long_note - 1,
	    "catalog import -"), QD_EXIT_OK, "a long note (%s)", err_buf);
	run(&liaison, 1, NULL, 0, "catalog list --search 車床 --mode recognition");
	ok(has(out_buf, "yes     須附工作證明, 以及最近三年之工作經歷, ~\n"),
	    "text cuts a note at 40 columns with ~");
	run(&liaison, 1, NULL, 0, "catalog list --search 車床 --format json");
	ok(json_rows() == 5 && has(out_buf, "工作經歷, 由雇主簽章\""),
	    "JSON has the whole note");
}

/* A number left empty is null in JSON, not a made-up 0. */
static void
test_rows_empty_number(void)
{
	static const struct cmd_column	 cols[] = {
		{ "n", "N", CMD_NUMBER, 0, 0 },
		{ "b", "B", CMD_BOOL, 0, 0 },
	};
	struct cmd_rows			 rows = { cols, 2, NULL, 0 };
	const char			*cells[] = { "", "0" };
	struct cmd_ctx			 ctx;

	memset(&ctx, 0, sizeof ctx);
	xfree(&out_buf);
	ctx.out = open_memstream(&out_buf, &out_len);
	cmd_rows_add(&rows, cells);
	is_int(cmd_rows_print(&ctx, CMD_FORMAT_JSON, &rows), QD_EXIT_OK,
	    "a row with an empty number prints");
	fclose(ctx.out);
	cmd_rows_free(&rows);
	is_str(out_buf, "[\n {\"n\": null, \"b\": false}\n]\n",
	    "as null beside a false");
}

static void
test_export(void)
{
	is_int(run(&liaison, 1, NULL, 0, "catalog export"), QD_EXIT_OK,
	    "anyone exports");
	ok(out_buf != NULL && strncmp(out_buf, "tw_qual,tw_level,", 17) == 0 &&
	    has(out_buf, "\r\n"), "a header, CRLF lines");
	run(&liaison, 1, NULL, 0, "catalog export --bom");
	ok(out_buf != NULL && strncmp(out_buf, "\xef\xbb\xbftw_qual", 10) == 0,
	    "--bom starts with the BOM");
	run(&liaison, 1, NULL, 0, "catalog export --bom --charset gb18030");
	ok(out_buf != NULL && strncmp(out_buf, "tw_qual", 7) == 0 &&
	    memchr(out_buf, 0xb3, out_len) != NULL,
	    "GB18030 output has no UTF-8 BOM and GB18030 bytes");
	is_int(run(&liaison, 1, NULL, 0, "agency export"), QD_EXIT_OK,
	    "agency export");
	ok(has(out_buf, "name,office,occupation_codes,active\r\n"),
	    "with its header");
	is_int(run(&liaison, 1, NULL, 0, "catalog export out.csv"),
	    QD_EXIT_USAGE, "export writes only to standard output");
}

/* The value of path in the first object of out_buf, as text. */
static char *
json_at(const char *path)
{
	sqlite3_stmt	*stmt;
	char		*v = NULL;

	if (sqlite3_prepare_v2(db, "SELECT json_extract(?1, ?2)", -1, &stmt,
	    NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_text(stmt, 1, out_buf, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, path, -1, SQLITE_STATIC);
	if (sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0))
		v = xstrdup((const char *)sqlite3_column_text(stmt, 0));
	sqlite3_finalize(stmt);
	return v;
}

/* occupation add|edit and agency add|edit: arguments in, JSON out. */
static void
test_write_verbs(void)
{
	char	*v, *id;

	is_int(run(&admin, 1, NULL, 0, "occupation add 2-02-07-01"
	    " 机械工程技术人员 --format json"), QD_EXIT_OK,
	    "occupation add over SSH");
	is_int(json_rows(), 1, "answers one JSON object in an array");
	v = json_at("$[0].name");
	is_str(v, "机械工程技术人员", "with its name");
	free(v);
	is_int(run(&admin, 1, NULL, 0, "occupation add 2-02-07-01 重复"),
	    QD_EXIT_ERROR, "a code taken is refused");
	ok(has(err_buf, "2-02-07-01"), "naming it");
	is_int(run(&liaison, 1, NULL, 0, "occupation add 9-99 某工"),
	    QD_EXIT_DENIED, "a liaison may not add one");
	is_int(run(&admin, 1, NULL, 0, "occupation edit 2-02-07-01 --name"
	    " 机械工程师 --format json"), QD_EXIT_OK, "occupation edit");
	v = json_at("$[0].name");
	is_str(v, "机械工程师", "renamed");
	free(v);
	v = json_at("$[0].version");
	is_str(v, "2", "its version moved on");
	free(v);
	is_int(run(&admin, 1, NULL, 0, "occupation edit 2-02-07-01 --name x"
	    " --version 1"), QD_EXIT_ERROR, "an edit from an old version"
	    " is refused");
	ok(has(err_buf, "admin"), "saying who changed it (%s)", err_buf);
	is_int(run(&admin, 1, NULL, 0, "occupation edit 2-02-07-01"),
	    QD_EXIT_USAGE, "an edit that changes nothing is a usage error");

	is_int(run(&admin, 1, NULL, 0, "agency add 福州工程职称评审站 --office"
	    " fuzhou --occupations 2-02-07-01 --format json"), QD_EXIT_OK,
	    "agency add over SSH");
	id = json_at("$[0].id");
	v = json_at("$[0].office");
	is_str(v, "fuzhou", "in Fuzhou");
	free(v);
	v = json_at("$[0].occupation_codes");
	is_str(v, "2-02-07-01", "for engineers");
	free(v);
	is_int(run(&admin, 1, NULL, 0, "agency add 某站 --office nowhere"
	    " --occupations 2-02-07-01"), QD_EXIT_ERROR,
	    "an unknown office is refused");
	is_int(run(&admin, 1, NULL, 0, "agency add 某站 --office fuzhou"),
	    QD_EXIT_USAGE, "an agency names its occupations");
	is_int(run(&liaison, 1, NULL, 0, "agency add 某站 --office xiamen"
	    " --occupations 2-02-07-01"), QD_EXIT_DENIED,
	    "a liaison may not add one");
	is_int(run(&admin, 1, NULL, 0, "agency edit 福州工程职称评审站 --name"
	    " 福州工程评审站 --office xiamen --active 0 --format json"),
	    QD_EXIT_OK, "agency edit by name");
	v = json_at("$[0].name");
	is_str(v, "福州工程评审站", "renamed");
	free(v);
	v = json_at("$[0].office");
	is_str(v, "xiamen", "moved");
	free(v);
	v = json_at("$[0].active");
	is_str(v, "0", "and out of use");
	free(v);
	ok(id != NULL && atoi(id) > 0, "the answer gives the new id");
	is_int(run(&admin, 1, NULL, 0, "agency edit 99999 --active 1"),
	    QD_EXIT_ERROR, "an agency that is not there");
	ok(has(err_buf, "99999"), "is named");
	is_int(run(&admin, 1, NULL, 0, "agency edit 福州工程评审站"
	    " --occupations 9-99-99"), QD_EXIT_ERROR,
	    "an unknown occupation code is refused");
	is_int(fixture_int(db, "SELECT count(*) FROM audit WHERE tbl ="
	    " 'agencies'") >= 2, 1, "the agencies' changes are audited");
	free(id);
}

int
main(void)
{
	dir = fixture_dir("cmd-catalog");
	db = fixture_db(dir, "cmd.db");
	test_import();
	test_lists();
	test_export();
	test_list_cells();
	test_rows_empty_number();
	test_write_verbs();
	xfree(&out_buf);
	xfree(&err_buf);
	db_close(db);
	fixture_dir_remove(dir);
	free(dir);
	return done_testing();
}
