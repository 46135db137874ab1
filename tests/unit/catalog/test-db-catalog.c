/*
 * The catalog's data layer: occupations, entries with their versions,
 * who may write, CSV import (all or nothing) and export, agencies and
 * the choice of one for a city, and the demo data.
 */
#include <stdlib.h>
#include <string.h>

#include "qualdesk.h"
#include "catalog/catalog.h"
#include "../tap.h"
#include "../fixture.h"

static char	*dir;
static sqlite3	*db;

static struct qd_user admin = { .login = "admin", .display_name = "admin",
    .role = ROLE_ADMIN, .active = 1, .via = "test" };
static struct qd_user clerk = { .login = "fz-clerk", .display_name = "c",
    .role = ROLE_CLERK, .office_id = 1, .active = 1, .via = "test" };
static struct qd_user center = { .login = "center", .display_name = "c",
    .role = ROLE_CENTER, .active = 1, .via = "test" };
static struct qd_user auditor = { .login = "auditor", .display_name = "a",
    .role = ROLE_AUDITOR, .active = 1, .via = "test" };

static const char catalog_csv[] =
    "mode,tw_qual,tw_level,level,occupation_code,occupation_name,note\r\n"
    "recognition,車床技術士,乙級,3,6-18-01-11,车工,\r\n"
    "采认,車床技術士,甲級,二级,6-18-01-11,车工,\r\n"
    "adoption,茶藝技術士,丙級,四级/中级工,4-03-02-17,茶艺师,\"须附作品, 三张\"\r\n";

/* The id of the office with code, or 0. */
static int64_t
office_id(const char *code)
{
	char		 sql[128];

	snprintf(sql, sizeof sql, "SELECT id FROM offices WHERE code = '%s'",
	    code);
	return fixture_int(db, sql);
}

/* Export the catalog into a string (caller frees). */
static char *
export(sqlite3 *d, enum csv_charset cs,
    int (*fn)(sqlite3 *, const struct qd_user *, FILE *, enum csv_charset,
    char **))
{
	char	*buf = NULL, *why = NULL;
	size_t	 len = 0;
	FILE	*f;

	f = open_memstream(&buf, &len);
	if (fn(d, &auditor, f, cs, &why) != QD_OK)
		printf("# export failed: %s\n", why);
	fclose(f);
	free(why);
	return buf;
}

static void
test_occupations(void)
{
	struct qd_occupation	*o = NULL, *list = NULL;
	struct qd_level		*levels = NULL;
	char			*why = NULL;
	size_t			 n = 0;
	int64_t			 id = 0;

	is_int(db_level_list(db, &levels, &n, &why), QD_OK, "levels");
	ok(n == 5 && levels[0].level == 1 &&
	    strcmp(levels[1].name_zh, "二级/技师") == 0 &&
	    strcmp(levels[4].name_zh, "五级/初级工") == 0, "one to five, named");
	level_free_array(levels, n);

	db_set_actor(db, &admin);
	is_int(db_occupation_add(db, &admin, "6-18-01-12", "铣工", &id, &why),
	    QD_OK, "admin adds an occupation");
	is_int(db_occupation_add(db, &admin, "6-18-01-12", "别的", NULL, &why),
	    QD_ECONFLICT, "a taken code is a conflict");
	is_int(db_occupation_add(db, &admin, "6 18", "空格", NULL, &why),
	    QD_EINVAL, "a code with a space is refused");
	ok(why != NULL && strstr(why, "6-18-01-01") != NULL,
	    "with an example of a code (%s)", why);
	is_int(db_occupation_add(db, &admin, "1-1", "", NULL, &why), QD_EINVAL,
	    "an empty name is refused");
	db_set_actor(db, &clerk);
	is_int(db_occupation_add(db, &clerk, "1-2", "钳工", NULL, &why),
	    QD_EDENIED, "a clerk may not add one");
	ok(why != NULL && strstr(why, "仅管理员") != NULL &&
	    strstr(why, "only an admin") != NULL, "said in both languages");
	is_int(db_occupation_find(db, "6-18-01-12", &o), QD_OK, "find by code");
	ok(o != NULL && o->id == id && strcmp(o->name, "铣工") == 0,
	    "the one added");
	occupation_free_array(o, 1);
	is_int(db_occupation_find(db, "铣工", &o), QD_OK, "find by name");
	occupation_free_array(o, 1);
	is_int(db_occupation_find(db, "nothing", &o), QD_ENOTFOUND,
	    "an unknown one");
	is_int(db_occupation_list(db, 1, &list, &n, &why), QD_OK, "list");
	is_int(n, 1, "one occupation");
	occupation_free_array(list, n);
	free(why);
}

/* Replace the note of an entry that db_catalog_get returned. */
static void
set_note(struct qd_catalog *e, const char *note)
{
	free(e->note);
	e->note = xstrdup(note);
}

/* How many entries the filter's text (and active_only) lets through. */
static size_t
count_text(const char *text, int active_only)
{
	struct qd_catalog_filter f = { .text = text,
	    .active_only = active_only };
	struct qd_catalog	*list = NULL;
	char			*why = NULL;
	size_t			 n = 0;

	if (db_catalog_list(db, &f, &list, &n, &why) != QD_OK)
		printf("# list failed: %s\n", why);
	catalog_free_array(list, n);
	free(why);
	return n;
}

/* The text filter folds Traditional and Simplified on both sides. */
static void
test_entries_find(void)
{
	is_int((int)count_text("铣床", 0), 2, "Simplified 铣床 finds the "
	    "Traditional 銑床技術士");
	is_int((int)count_text("銑工", 0), 2, "Traditional 銑工 finds the "
	    "occupation 铣工");
	is_int((int)count_text("技术 士", 0), 2, "spaces typed do not matter");
	is_int((int)count_text("车床", 0), 0, "车床 is not 铣床");
	is_int((int)count_text("  ", 0), 2, "a blank text filters nothing");
	is_int((int)count_text("铣床", 1), 1, "text and active_only together");
}

static void
test_entries(void)
{
	struct qd_catalog	 e, *got = NULL, *list = NULL;
	struct qd_catalog_filter f;
	char			*why = NULL;
	int64_t			 occ, id = 0;
	size_t			 n = 0;

	occ = fixture_int(db, "SELECT id FROM occupations WHERE code = "
	    "'6-18-01-12'");
	memset(&e, 0, sizeof e);
	e.tw_qual = "銑床技術士";
	e.tw_level = "乙級";
	e.occupation_id = occ;
	e.level = 3;
	e.mode = CATALOG_RECOGNITION;
	e.active = 1;
	e.note = "";
	db_set_actor(db, &admin);
	is_int(db_catalog_add(db, &admin, &e, &id, &why), QD_OK, "admin adds");
	is_int(db_catalog_get(db, id, &got, &why), QD_OK, "get it");
	ok(got != NULL && strcmp(got->occupation_name, "铣工") == 0 &&
	    strcmp(got->occupation_code, "6-18-01-12") == 0 &&
	    strcmp(got->level_name, "三级/高级工") == 0 && got->version == 1,
	    "with the occupation and level joined, version 1");
	is_int(db_catalog_add(db, &admin, &e, NULL, &why), QD_ECONFLICT,
	    "the same qualification and level twice");
	e.tw_level = " 甲級";
	is_int(db_catalog_add(db, &admin, &e, NULL, &why), QD_EINVAL,
	    "a level with a space around it");
	e.tw_level = "甲級";
	e.level = 6;
	is_int(db_catalog_add(db, &admin, &e, NULL, &why), QD_EINVAL,
	    "mainland level 6");
	e.level = 2;
	e.occupation_id = 9999;
	is_int(db_catalog_add(db, &admin, &e, NULL, &why), QD_EINVAL,
	    "an unknown occupation");
	e.occupation_id = occ;
	is_int(db_catalog_add(db, &admin, &e, NULL, &why), QD_OK, "甲級 too");

	db_set_actor(db, &clerk);
	is_int(db_catalog_add(db, &clerk, &e, NULL, &why), QD_EDENIED,
	    "a clerk may not add");
	db_set_actor(db, &center);
	set_note(got, "x");
	is_int(db_catalog_update(db, &center, got, &why), QD_EDENIED,
	    "a center reviewer may not update");
	db_set_actor(db, &auditor);
	is_int(db_catalog_set_active(db, &auditor, id, 1, 0, &why), QD_EDENIED,
	    "an auditor may not disable");
	ok(sqlite3_exec(db, "UPDATE catalog SET note = 'y', version ="
	    " version + 1", NULL, NULL, NULL) != SQLITE_OK,
	    "and the trigger refuses the auditor whatever the program does");
	ok(strstr(sqlite3_errmsg(db), "only a center admin") != NULL,
	    "with its own message");

	db_set_actor(db, &admin);
	set_note(got, "须满两年从业经历");
	is_int(db_catalog_update(db, &admin, got, &why), QD_OK, "admin updates");
	is_int(fixture_int(db, "SELECT version FROM catalog WHERE note LIKE"
	    " '须满%'"), 2, "the version went up by one");
	set_note(got, "stale");
	is_int(db_catalog_update(db, &admin, got, &why), QD_ECONFLICT,
	    "an update from version 1 now loses");
	ok(why != NULL && strstr(why, "已被 admin 于 20") != NULL &&
	    strstr(why, "changed by admin at 20") != NULL, "and says who "
	    "changed it last and when, in both languages (%s)", why);
	is_int(db_catalog_set_active(db, &admin, id, 2, 0, &why), QD_OK,
	    "disable at version 2");
	got->id = 9999;
	is_int(db_catalog_update(db, &admin, got, &why), QD_ENOTFOUND,
	    "an entry that is gone");
	catalog_free_array(got, 1);

	memset(&f, 0, sizeof f);
	f.active_only = 1;
	db_catalog_list(db, &f, &list, &n, &why);
	ok(n == 1 && strcmp(list[0].tw_level, "甲級") == 0,
	    "the active ones only");
	catalog_free_array(list, n);
	f.active_only = 0;
	f.text = "铣";
	db_catalog_list(db, &f, &list, &n, &why);
	is_int(n, 2, "text finds the occupation name");
	catalog_free_array(list, n);
	f.text = NULL;
	f.by_mode = 1;
	f.mode = CATALOG_ADOPTION;
	db_catalog_list(db, &f, &list, &n, &why);
	is_int(n, 0, "no adoption entries yet");
	ok(list == NULL, "and no array for none");
	catalog_free_array(list, n);
	test_entries_find();
	is_int(fixture_int(db, "SELECT count(*) FROM audit WHERE tbl IN"
	    " ('catalog', 'occupations') AND actor = 'admin'"), 5,
	    "every write audited: an occupation, two adds, an update, a disable");
	free(why);
}

static void
test_import(void)
{
	const char	 bad[] = "tw_qual,tw_level,occupation_code,"
	    "occupation_name,level,mode\n"
	    "西點技術士,乙級,4-03-02-14,西式面点师,3,adoption\n"
	    "x,乙級,6-18-01-11,车工,3,adoption\n"
	    "y,丙級,6-18-01-11,车工,七级,adoption\n";
	const char	 dup[] = "tw_qual,tw_level,occupation_code,level,mode\n"
	    "車床技術士,乙級,6-18-01-11,3,adoption\n"
	    "車床技術士,乙級,6-18-01-11,4,adoption\n";
	const char	 rename[] = "tw_qual,tw_level,occupation_code,"
	    "occupation_name,level,mode\n車床技術士,乙級,6-18-01-11,钳工,3,"
	    "recognition\n";
	const char	 change[] = "tw_qual,tw_level,occupation_code,level,"
	    "mode,active\n車床技術士,乙級,6-18-01-11,4,recognition,0\n";
	char		*why = NULL, *gb = NULL;
	int		 added = -1, updated = -1;
	long long	 before;

	db_set_actor(db, &clerk);
	is_int(db_catalog_import(db, &clerk, catalog_csv, sizeof catalog_csv - 1,
	    CSV_UTF8, &added, &updated, &why), QD_EDENIED,
	    "a clerk may not import");
	db_set_actor(db, &admin);
	is_int(db_catalog_import(db, &admin, catalog_csv, sizeof catalog_csv - 1,
	    CSV_UTF8, &added, &updated, &why), QD_OK, "admin imports (%s)",
	    why ? why : "ok");
	ok(added == 3 && updated == 0, "three added");
	is_int(fixture_int(db, "SELECT count(*) FROM occupations WHERE code IN"
	    " ('6-18-01-11', '4-03-02-17')"), 2,
	    "the two new occupations were made");
	is_int(fixture_int(db, "SELECT level FROM catalog WHERE tw_qual ="
	    " '車床技術士' AND tw_level = '甲級'"), 2, "二级 is level 2");
	is_int(fixture_int(db, "SELECT count(*) FROM catalog WHERE tw_qual ="
	    " '茶藝技術士' AND mode = 'adoption' AND level = 4 AND note ="
	    " '须附作品, 三张'"), 1, "a full level name, the mode, a quoted note");
	is_int(db_catalog_import(db, &admin, catalog_csv, sizeof catalog_csv - 1,
	    CSV_UTF8, &added, &updated, &why), QD_OK, "the same again");
	ok(added == 0 && updated == 0, "changes nothing");

	before = fixture_int(db, "SELECT count(*) FROM audit");
	is_int(db_catalog_import(db, &admin, bad, sizeof bad - 1, CSV_UTF8,
	    &added, &updated, &why), QD_EINVAL, "a bad row on line 4");
	ok(why != NULL && strncmp(why, "第4行 line 4: ", strlen("第4行 line 4: ")) == 0 &&
	    strstr(why, "一级 to 五级") != NULL, "names the line and why (%s)",
	    why);
	is_int(fixture_int(db, "SELECT count(*) FROM audit"), before,
	    "nothing written: not the rows before it");
	is_int(fixture_int(db, "SELECT count(*) FROM occupations WHERE code ="
	    " '4-03-02-14'"), 0, "nor the occupation on line 2");
	ok(added == 0 && updated == 0, "counts stay 0");

	is_int(db_catalog_import(db, &admin, dup, sizeof dup - 1, CSV_UTF8,
	    &added, &updated, &why), QD_EINVAL, "one entry twice");
	ok(why != NULL && strstr(why, "line 3") != NULL &&
	    strstr(why, "of line 2") != NULL, "says which lines (%s)", why);
	is_int(db_catalog_import(db, &admin, rename, sizeof rename - 1,
	    CSV_UTF8, &added, &updated, &why), QD_EINVAL,
	    "a code with another occupation's name");
	ok(why != NULL && strstr(why, "6-18-01-11 is 车工, not 钳工") != NULL,
	    "is caught (%s)", why);
	is_int(db_catalog_import(db, &admin, "tw_qual,colour\n", 15, CSV_UTF8,
	    &added, &updated, &why), QD_EINVAL, "an unknown column");
	ok(why != NULL && strstr(why, "line 1") != NULL &&
	    strstr(why, "'colour'") != NULL, "is named (%s)", why);
	is_int(db_catalog_import(db, &admin, "tw_qual,tw_level\n", 17, CSV_UTF8,
	    &added, &updated, &why), QD_EINVAL, "missing columns");
	ok(why != NULL && strstr(why, "lacks column") != NULL, "are named");
	is_int(db_catalog_import(db, &admin, "", 0, CSV_UTF8, &added, &updated,
	    &why), QD_EINVAL, "an empty file");

	is_int(db_catalog_import(db, &admin, change, sizeof change - 1,
	    CSV_UTF8, &added, &updated, &why), QD_OK, "a changed row");
	ok(added == 0 && updated == 1, "one updated");
	is_int(fixture_int(db, "SELECT version * 10 + active FROM catalog"
	    " WHERE tw_qual = '車床技術士' AND tw_level = '乙級'"), 20,
	    "version 2, no longer active");

	/* The file as Excel saves it on Chinese Windows. */
	gb = export(db, CSV_GB18030, db_catalog_export);
	is_int(db_catalog_import(db, &admin, gb, strlen(gb), CSV_GB18030,
	    &added, &updated, &why), QD_OK, "a GB18030 export imports");
	ok(added == 0 && updated == 0, "unchanged");
	is_int(db_catalog_import(db, &admin, gb, strlen(gb), CSV_UTF8,
	    &added, &updated, &why), QD_EINVAL, "but not read as UTF-8");
	ok(why != NULL && strstr(why, "GB18030") != NULL,
	    "with a hint (%s)", why);
	free(gb);
	free(why);
}

/* Export, import into a fresh database, export again: the same bytes. */
static void
test_round_trip(void)
{
	const char	*header = "tw_qual,tw_level,occupation_code,"
	    "occupation_name,level,mode,active,note,kind\r\n";
	sqlite3	*db2;
	char	*one, *two, *why = NULL, *three;
	int	 added = 0, updated = 0, n;

	one = export(db, CSV_UTF8, db_catalog_export);
	ok(one != NULL && strncmp(one, header, strlen(header)) == 0,
	    "the export starts with its header");
	db2 = fixture_db(dir, "round.db");
	db_set_actor(db2, &admin);
	is_int(db_catalog_import(db2, &admin, one, strlen(one), CSV_UTF8,
	    &added, &updated, &why), QD_OK, "it imports into an empty database");
	n = (int)fixture_int(db, "SELECT count(*) FROM catalog");
	ok(added == n && updated == 0, "every entry added (%d)", n);
	two = export(db2, CSV_UTF8, db_catalog_export);
	is_str(two, one, "and exports the same");
	is_int(db_catalog_import(db, &admin, one, strlen(one), CSV_UTF8,
	    &added, &updated, &why), QD_OK, "into its own database");
	ok(added == 0 && updated == 0, "changes nothing");
	three = export(db, CSV_UTF8, db_catalog_export);
	is_str(three, one, "unchanged");
	free(one);
	free(two);
	free(three);
	free(why);
	db_close(db2);
}

static void
test_agencies(void)
{
	const char	*codes[] = { "6-18-01-11", "6-18-01-12" };
	const char	*unknown[] = { "9-99" };
	const char	 csv[] = "name,office,occupation_codes\n"
	    "厦门市职业技能鉴定指导中心,xiamen,6-18-01-11\n"
	    "龙岩市技能评价站,longyan,6-18-01-11；4-03-02-17\n";
	const char	 csv2[] = "office,name,occupation_codes,active\n"
	    "xiamen,厦门市职业技能鉴定指导中心,6-18-01-11;4-03-02-17,1\n"
	    "longyan,龙岩市技能评价站,4-03-02-17,0\n";
	const char	 bad[] = "name,office,occupation_codes\n"
	    "某机构,fuzhou,6-18-01-11\n某机构二,taipei,6-18-01-11\n";
	struct qd_agency *list = NULL;
	char		*why = NULL, *one, *two;
	size_t		 n = 0;
	int64_t		 id = 0, fz, got = 0, occ;
	int		 added, updated;

	fz = office_id("fuzhou");
	occ = fixture_int(db, "SELECT id FROM occupations WHERE code ="
	    " '6-18-01-11'");
	db_set_actor(db, &clerk);
	is_int(db_agency_add(db, &clerk, "福州市技能鉴定中心", "fuzhou", codes, 2,
	    &id, &why), QD_EDENIED, "a clerk may not add an agency");
	db_set_actor(db, &admin);
	is_int(db_agency_add(db, &admin, "福州市技能鉴定中心", "fuzhou", codes, 2,
	    &id, &why), QD_OK, "admin adds one in Fuzhou");
	is_int(db_agency_add(db, &admin, "福州市技能鉴定中心", "fuzhou", codes, 2,
	    NULL, &why), QD_ECONFLICT, "the same name twice");
	is_int(db_agency_add(db, &admin, "另一机构", "fuzhou", unknown, 1, NULL,
	    &why), QD_EINVAL, "an unknown occupation code");
	is_int(db_agency_add(db, &admin, "另一机构", "taipei", codes, 1, NULL,
	    &why), QD_EINVAL, "an unknown office");
	is_int(db_agency_for(db, fz, occ, &got), QD_OK, "Fuzhou has an agency");
	is_int(got, id, "the one added");
	is_int(db_agency_for(db, office_id("sanming"), occ, &got), QD_ENOTFOUND,
	    "Sanming has none");

	is_int(db_agency_import(db, &admin, csv, sizeof csv - 1, CSV_UTF8,
	    &added, &updated, &why), QD_OK, "import agencies (%s)",
	    why ? why : "ok");
	ok(added == 2 && updated == 0, "two added");
	is_int(db_agency_list_for_occupation(db, occ, &list, &n, &why), QD_OK,
	    "the province's agencies for 车工");
	ok(n == 3 && strcmp(list[0].office_code, "fuzhou") == 0 &&
	    strcmp(list[2].office_code, "longyan") == 0,
	    "three, by office");
	agency_free_array(list, n);
	is_int(db_agency_import(db, &admin, csv2, sizeof csv2 - 1, CSV_UTF8,
	    &added, &updated, &why), QD_OK, "import changes");
	ok(added == 0 && updated == 2, "two updated");
	is_int(db_agency_for(db, office_id("longyan"),
	    fixture_int(db, "SELECT id FROM occupations WHERE code ="
	    " '4-03-02-17'"), &got), QD_ENOTFOUND,
	    "an inactive agency is not chosen");
	is_int(fixture_int(db, "SELECT count(*) FROM agency_occupations ao"
	    " JOIN agencies a ON a.id = ao.agency_id WHERE a.name ="
	    " '龙岩市技能评价站'"), 1, "an occupation left out is removed");
	is_int(db_agency_import(db, &admin, bad, sizeof bad - 1, CSV_UTF8,
	    &added, &updated, &why), QD_EINVAL, "an unknown office");
	ok(why != NULL && strstr(why, "line 3") != NULL &&
	    strstr(why, "taipei") != NULL, "on line 3 (%s)", why);
	is_int(fixture_int(db, "SELECT count(*) FROM agencies WHERE name ="
	    " '某机构'"), 0, "and line 2 is not kept");

	one = export(db, CSV_UTF8, db_agency_export);
	is_int(db_agency_import(db, &admin, one, strlen(one), CSV_UTF8,
	    &added, &updated, &why), QD_OK, "the agencies' export imports");
	ok(added == 0 && updated == 0, "unchanged");
	two = export(db, CSV_UTF8, db_agency_export);
	is_str(two, one, "and exports the same");
	is_int(fixture_int(db, "SELECT count(*) FROM audit WHERE tbl IN"
	    " ('agencies', 'agency_occupations') AND actor = 'admin'") > 0, 1,
	    "agency changes audited");
	free(one);
	free(two);
	free(why);
}

/* The demo data loads once, through the import, as the system. */
static void
test_demo(void)
{
	sqlite3		*d = fixture_db(dir, "demo.db");
	char		*keyfile = NULL, *why = NULL;
	long long	 audit;
	int64_t		 got;

	setenv("HOME", dir, 1);
	is_int(demo_setup(d, &keyfile, &why), QD_OK, "demo setup (%s)",
	    why ? why : "ok");
	ok(fixture_int(d, "SELECT count(*) FROM occupations") >= 20,
	    "some twenty occupations");
	ok(fixture_int(d, "SELECT count(*) FROM catalog") >= 40 &&
	    fixture_int(d, "SELECT count(DISTINCT mode) FROM catalog") == 2,
	    "entries of both modes");
	is_int(fixture_int(d, "SELECT count(*) FROM catalog WHERE"
	    " (tw_level = '甲級' AND level <> 2) OR (tw_level = '乙級' AND"
	    " level <> 3) OR (tw_level IN ('丙級', '單一級') AND level <> 4)"), 0,
	    "甲級 is 二级, 乙級 三级, 丙級 and 單一級 四级 throughout");
	is_int(fixture_int(d, "SELECT count(*) FROM agencies"), 12,
	    "a dozen agencies");
	is_int(fixture_int(d, "SELECT count(*) FROM agencies a JOIN offices o"
	    " ON o.id = a.office_id WHERE o.code IN ('sanming', 'nanping',"
	    " 'ningde')"), 0, "none in Sanming, Nanping, Ningde");
	is_int(db_agency_for(d, fixture_int(d, "SELECT id FROM offices WHERE"
	    " code = 'xiamen'"), fixture_int(d, "SELECT id FROM occupations"
	    " WHERE name = '车工'"), &got), QD_OK, "Xiamen has one for 车工");
	is_int(fixture_int(d, "SELECT count(DISTINCT actor) FROM audit WHERE"
	    " tbl IN ('catalog', 'occupations', 'agencies')"), 1,
	    "audited as one actor");
	is_int(fixture_int(d, "SELECT count(*) FROM audit WHERE actor ="
	    " '(demo)' AND via = 'demo setup' AND tbl = 'catalog'"),
	    fixture_int(d, "SELECT count(*) FROM catalog"), "the demo loader");
	audit = fixture_int(d, "SELECT count(*) FROM audit");
	free(keyfile);
	is_int(demo_setup(d, &keyfile, &why), QD_OK, "again");
	is_int(fixture_int(d, "SELECT count(*) FROM audit"), audit,
	    "loads nothing twice");
	free(keyfile);
	free(why);
	db_close(d);
}

/*
 * Professional-technical qualifications: their own five levels, taken by
 * their words in an import, kept by an import that leaves the kind out,
 * and exported with it.
 */
static void
test_professional(void)
{
	const char	 csv[] = "tw_qual,tw_level,occupation_code,"
	    "occupation_name,level,mode,kind\n"
	    "機械工程技師,技師,2-02-07-01,机械工程技术人员,中级,recognition,"
	    "专业技术\n"
	    "建築師,建築師,2-02-05-01,建筑设计人员,副高级,adoption,"
	    "professional\n";
	const char	 keep[] = "tw_qual,tw_level,occupation_code,level,"
	    "mode\n機械工程技師,技師,2-02-07-01,助理级,recognition\n";
	const char	 bad[] = "tw_qual,tw_level,occupation_code,level,mode,"
	    "kind\n機械工程技師,技師,2-02-07-01,中级,recognition,skill\n";
	const char	 badkind[] = "tw_qual,tw_level,occupation_code,level,"
	    "mode,kind\n機械工程技師,技師,2-02-07-01,3,recognition,职称\n";
	struct qd_level		*levels = NULL;
	struct qd_catalog	*e = NULL;
	char			*why = NULL, *out = NULL;
	size_t			 n = 0, len = 0;
	int			 added = 0, updated = 0;
	FILE			*f;

	is_int(db_level_list_kind(db, CATALOG_PROFESSIONAL, &levels, &n, &why),
	    QD_OK, "the professional levels");
	ok(n == 5 && strcmp(levels[0].name_zh, "正高级") == 0 &&
	    strcmp(levels[2].name_zh, "中级") == 0 &&
	    strcmp(levels[4].name_zh, "员级") == 0, "正高级 to 员级");
	level_free_array(levels, n);
	db_set_actor(db, &admin);
	is_int(db_catalog_import(db, &admin, csv, strlen(csv), CSV_UTF8, &added,
	    &updated, &why), QD_OK, "import professional entries (%s)",
	    why != NULL ? why : "ok");
	is_int(added, 2, "two added");
	if (db_catalog_find(db, "機械工程技師", "技師", &e, &why) == QD_OK) {
		is_int((int)e->kind, CATALOG_PROFESSIONAL, "a professional"
		    " entry");
		is_int(e->level, 3, "中级 is level 3");
		is_str(e->level_name, "中级", "named in its scheme");
		catalog_free_array(e, 1);
	}
	is_int(db_catalog_import(db, &admin, keep, strlen(keep), CSV_UTF8,
	    &added, &updated, &why), QD_OK, "an import without the kind"
	    " column (%s)", why != NULL ? why : "ok");
	if (db_catalog_find(db, "機械工程技師", "技師", &e, &why) == QD_OK) {
		ok(e->kind == CATALOG_PROFESSIONAL && e->level == 4,
		    "keeps the kind and reads 助理级 in it");
		catalog_free_array(e, 1);
	}
	is_int(db_catalog_import(db, &admin, bad, strlen(bad), CSV_UTF8,
	    &added, &updated, &why), QD_EINVAL, "a skill entry cannot be"
	    " 中级 (%s)", why);
	is_int(db_catalog_import(db, &admin, badkind, strlen(badkind),
	    CSV_UTF8, &added, &updated, &why), QD_EINVAL, "an unknown kind is"
	    " refused (%s)", why);
	ok(why != NULL && strstr(why, "第2行") != NULL, "naming its line");
	f = open_memstream(&out, &len);
	is_int(db_catalog_export(db, &admin, f, CSV_UTF8, &why), QD_OK,
	    "export");
	fclose(f);
	ok(out != NULL && strstr(out, ",note,kind\r\n") != NULL &&
	    strstr(out, "建筑设计人员,2,adoption,1,,professional\r\n") !=
	    NULL, "with the kind of each entry");
	free(out);
	free(why);
}

int
main(void)
{
	dir = fixture_dir("catalog");
	db = fixture_db(dir, "catalog.db");
	test_occupations();
	test_entries();
	test_import();
	test_round_trip();
	test_agencies();
	test_professional();
	test_demo();
	db_close(db);
	fixture_dir_remove(dir);
	free(dir);
	return done_testing();
}
