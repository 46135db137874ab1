/*
 * Put a small invented catalog into a qualdesk database, as the system
 * actor (the triggers let only the admin and the system write it), for
 * the tests and benchmarks that then run `qualdesk demo-data`: twenty
 * occupations at two Taiwan levels each (40 entries), some recognised
 * directly, and three agencies that appraise three quarters of them, so
 * some recognition cases have no agency in their city. One Taiwan
 * qualification's name holds a quote and a comma.
 *
 * usage: seed-catalog DB
 */
#include <stdlib.h>
#include <string.h>

#include "qualdesk.h"

static const char *const seed_occupations[] = {
	"车工", "铣工", "钳工", "焊工", "电工", "美容师", "美发师",
	"中式烹调师", "西式面点师", "保育师", "育婴员", "养老护理员",
	"汽车维修工", "计算机程序设计员", "茶艺师", "评茶员", "电子商务师",
	"物流服务师", "健康管理师", "营养配餐员",
};
#define SEED_NOCC (nitems(seed_occupations))

/* Each in its office (Fuzhou, Xiamen, Quanzhou). */
static const struct {
	const char	*name;
	int64_t		 office_id;
} seed_agencies[] = {
	{ "福州职业技能等级认定中心", 1 },
	{ "厦门技能评价中心", 2 },
	{ "泉州技能评价中心", 4 },
};

static sqlite3	*seed_db;

/* Run one insert: ?1, ?2 numbers, ?3..?5 texts (NULL where unused). */
static void
seed_exec(const char *sql, int64_t i1, int64_t i2, const char *t1,
    const char *t2, const char *t3)
{
	sqlite3_stmt	*st;

	if (sqlite3_prepare_v2(seed_db, sql, -1, &st, NULL) != SQLITE_OK) {
		fprintf(stderr, "seed-catalog: %s\n", sqlite3_errmsg(seed_db));
		exit(1);
	}
	sqlite3_bind_int64(st, 1, i1);
	sqlite3_bind_int64(st, 2, i2);
	sqlite3_bind_text(st, 3, t1, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, t2, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, t3, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE) {
		fprintf(stderr, "seed-catalog: %s\n", sqlite3_errmsg(seed_db));
		exit(1);
	}
	sqlite3_finalize(st);
}

static void
seed_catalog(void)
{
	static const char *const levels[] = { "乙級", "丙級" };
	char	 code[24], qual[64];
	size_t	 i, k;

	for (i = 0; i < SEED_NOCC; i++) {
		snprintf(code, sizeof code, "9-%02zu-01-01", i + 1);
		seed_exec("INSERT INTO occupations (id, code, name) VALUES"
		    " (?1, ?3, ?4)", (int64_t)i + 1, 0, code,
		    seed_occupations[i], NULL);
		/* One name with a quote and a comma, as CSV and JSON must carry. */
		snprintf(qual, sizeof qual, i == 13 ? "電腦軟體設計技術士"
		    " \"Java, C\"" : "%s技術士", seed_occupations[i]);
		for (k = 0; k < 2; k++)
			seed_exec("INSERT INTO catalog (tw_qual, tw_level,"
			    " occupation_id, level, mode) VALUES (?3, ?4, ?1,"
			    " ?2, ?5)", (int64_t)i + 1, 3 + (int64_t)k, qual,
			    levels[k], k == 0 && i % 3 != 2 ? "recognition" :
			    "adoption");
	}
	for (i = 0; i < nitems(seed_agencies); i++) {
		seed_exec("INSERT INTO agencies (id, name, office_id) VALUES"
		    " (?1, ?3, ?2)", (int64_t)i + 1, seed_agencies[i].office_id,
		    seed_agencies[i].name, NULL, NULL);
		for (k = 0; k < SEED_NOCC; k++) {
			if (k % 4 == i)
				seed_exec("INSERT INTO agency_occupations"
				    " VALUES (?1, ?2)", (int64_t)i + 1,
				    (int64_t)k + 1, NULL, NULL, NULL);
		}
	}
}

int
main(int argc, char **argv)
{
	char	*why = NULL;

	if (argc != 2) {
		fprintf(stderr, "usage: seed-catalog DB\n");
		return 2;
	}
	if (db_open(argv[1], DB_CREATE, &seed_db, &why) != QD_OK) {
		fprintf(stderr, "seed-catalog: %s\n", why);
		return 1;
	}
	if (db_set_system_actor(seed_db, "(seed-catalog)", "test") != QD_OK ||
	    db_begin(seed_db) != QD_OK) {
		fprintf(stderr, "seed-catalog: %s\n", db_errmsg(seed_db));
		return 1;
	}
	seed_catalog();
	if (db_commit(seed_db) != QD_OK) {
		fprintf(stderr, "seed-catalog: %s\n", db_errmsg(seed_db));
		return 1;
	}
	db_close(seed_db);
	return 0;
}
