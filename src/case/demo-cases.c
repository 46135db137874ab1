/*
 * demo-data: fill a database with invented applicants and cases in every
 * state, for demonstrations and to measure the queues at scale. Runs only
 * on the machine, as the system actor "(demo-data)", on top of the
 * catalog already loaded; every row still passes the schema's triggers,
 * so the counts, the history and the audit trail are as real ones would
 * be. Names are drawn from common surnames and given-name characters;
 * numbers and phones are random; e-mail uses the reserved example.com.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "case/case.h"
#include "cert/cert.h"

#define DEMO_BATCH	5000	/* rows per transaction */
/*
 * Every row goes into a dozen indexes at random places. In SQLite's
 * default 2 MB page cache each insert evicts pages the next ones read
 * back: a million cases took 350 s, 132 s of it in the kernel. With
 * 256 MB, 215 s. The triggers still run for every row.
 */
#define DEMO_CACHE_PRAGMA "PRAGMA cache_size = -262144"

static const char *const demo_surnames[] = {
	"陳", "林", "黃", "張", "李", "王", "吳", "劉", "蔡", "楊", "許", "鄭",
	"謝", "郭", "洪", "曾", "邱", "廖", "賴", "周", "徐", "蘇", "葉", "莊",
	"呂", "江", "何", "蕭", "羅", "高", "潘", "簡", "朱", "鍾", "彭", "游",
	"詹", "胡", "施", "沈", "余", "趙", "盧", "梁", "顏", "柯", "孫", "魏",
};
static const char *const demo_given[] = {
	"志", "明", "美", "玲", "俊", "傑", "淑", "芬", "家", "豪", "怡", "君",
	"建", "宏", "雅", "婷", "冠", "宇", "佳", "穎", "文", "華", "國", "強",
	"麗", "娟", "信", "義", "嘉", "慧", "承", "恩", "柏", "翰", "宗", "達",
	"欣", "怡", "詩", "涵", "子", "軒", "品", "妤", "凱", "倫", "偉", "誠",
};
/* Cities by share of applicants (Xiamen and Fuzhou most). */
static const int demo_office_weight[] = { 22, 26, 10, 14, 3, 5, 3, 4, 4, 9 };

/* A case's final state and how often it is found there, per thousand. */
static const struct {
	const char	*state;
	int		 permille;
} demo_states[] = {
	{ "collected", 690 }, { "closed", 40 }, { "withdrawn", 20 },
	{ "notified", 30 }, { "approved", 20 }, { "rejected", 10 },
	{ "accepted", 30 }, { "returned", 20 }, { "forwarded", 110 },
	{ "agency", 30 },
};

static const char *const demo_reasons[] = {
	"缺少台湾证书复印件", "照片不符合要求", "申请表未签名",
	"证书等级与申请不符", "证书已过有效期",
};

struct demo_catalog_entry {
	int64_t		 id;
	int64_t		 occupation_id;
	int		 level;
	int		 recognition;
	int64_t		 agency_id;	/* one covering it, or 0 */
	char		*tw_qual;
};

struct demo {
	sqlite3				*db;
	uint64_t			 rng;
	struct demo_catalog_entry	*cat;
	size_t				 ncat;
	int64_t				 center_user;	/* for holds, or 0 */
	int64_t				 napplicants;
	int64_t				 first_applicant;
	int64_t				 mtp_base;	/* applicants before us */
	time_t				 now;
	sqlite3_stmt			*ins_applicant;
	sqlite3_stmt			*ins_case;
};

static uint64_t
demo_rand(struct demo *d)
{
	/* xorshift64*: fast, and repeatable for a given seed. */
	d->rng ^= d->rng >> 12;
	d->rng ^= d->rng << 25;
	d->rng ^= d->rng >> 27;
	return d->rng * 2685821657736338717ULL;
}

static int
demo_below(struct demo *d, int n)
{
	return (int)(demo_rand(d) % (uint64_t)n);
}

/* A time t in UTC as stored: "YYYY-MM-DDTHH:MM:SS.000Z". */
static void
demo_time(time_t t, char *buf, size_t len)
{
	struct tm	 tm;

	gmtime_r(&t, &tm);
	strftime(buf, len, "%Y-%m-%dT%H:%M:%S.000Z", &tm);
}

/* Load the active catalog with an agency for each occupation if any. */
static int
demo_load_catalog(struct demo *d, char **why)
{
	sqlite3_stmt	*st;
	struct demo_catalog_entry *e;

	if (db_prepare(d->db, "SELECT c.id, c.occupation_id, c.level,"
	    " c.mode = 'recognition', (SELECT ao.agency_id FROM"
	    " agency_occupations ao WHERE ao.occupation_id = c.occupation_id"
	    " LIMIT 1), c.tw_qual || ' ' || c.tw_level FROM catalog c"
	    " WHERE c.active = 1 ORDER BY c.id", &st) != QD_OK)
		return db_fail(d->db, why);
	while (sqlite3_step(st) == SQLITE_ROW) {
		d->cat = xreallocarray(d->cat, d->ncat + 1, sizeof *d->cat);
		e = &d->cat[d->ncat++];
		e->id = sqlite3_column_int64(st, 0);
		e->occupation_id = sqlite3_column_int64(st, 1);
		e->level = sqlite3_column_int(st, 2);
		e->recognition = sqlite3_column_int(st, 3);
		e->agency_id = sqlite3_column_int64(st, 4);
		e->tw_qual = db_column_strdup(st, 5);
	}
	sqlite3_finalize(st);
	if (d->ncat == 0) {
		why_set(why, "目录为空，请先导入 the catalog is empty: load it"
		    " first (qualdesk catalog import FILE, or run serve --demo"
		    " once)");
		return QD_EINVAL;
	}
	return QD_OK;
}

static int64_t
demo_pick_office(struct demo *d)
{
	int	 total = 0, r, i;

	for (i = 0; i < 10; i++)
		total += demo_office_weight[i];
	r = demo_below(d, total);
	for (i = 0; i < 10; i++) {
		if ((r -= demo_office_weight[i]) < 0)
			return i + 1;
	}
	return 1;
}

/* Insert applicant number i (0-based). */
static int
demo_applicant(struct demo *d, int64_t i, char **why)
{
	sqlite3_stmt	*st = d->ins_applicant;
	char		 name[32], mtp[16], birth[16], phone[16], email[48];
	char		*key;
	int		 g, y, m, day;

	snprintf(name, sizeof name, "%s%s%s",
	    demo_surnames[demo_below(d, (int)(nitems(demo_surnames)))],
	    demo_given[demo_below(d, (int)(nitems(demo_given)))],
	    (g = demo_below(d, 10)) < 8 ? demo_given[demo_below(d,
	    (int)(nitems(demo_given)))] : "");
	/* A permutation of 0..10^8-1, so every MTP number is different. */
	snprintf(mtp, sizeof mtp, "%08lld",
	    (long long)(((d->mtp_base + i) * 7919 + 12345) % 100000000));
	y = 1960 + demo_below(d, 45);
	m = 1 + demo_below(d, 12);
	day = 1 + demo_below(d, 28);
	snprintf(birth, sizeof birth, "%04d-%02d-%02d", y, m, day);
	snprintf(phone, sizeof phone, "09%08d", demo_below(d, 100000000));
	snprintf(email, sizeof email, "applicant%lld@example.com",
	    (long long)i + 1);
	key = namekey(name);
	sqlite3_reset(st);
	sqlite3_bind_text(st, 1, name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, key, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, demo_below(d, 2) ? "M" : "F", -1,
	    SQLITE_STATIC);
	sqlite3_bind_text(st, 4, birth, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, mtp, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 6, phone, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 7, demo_below(d, 3) == 0 ? email : "", -1,
	    SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 8, demo_below(d, 5) == 0);
	sqlite3_bind_int64(st, 9, demo_pick_office(d));
	free(key);
	if (sqlite3_step(st) != SQLITE_DONE)
		return db_fail(d->db, why);
	if (d->first_applicant == 0)
		d->first_applicant = sqlite3_last_insert_rowid(d->db);
	return QD_OK;
}

static const char *
demo_pick_state(struct demo *d)
{
	int	 r = demo_below(d, 1000);
	size_t	 i;

	for (i = 0; i < nitems(demo_states); i++) {
		if ((r -= demo_states[i].permille) < 0)
			return demo_states[i].state;
	}
	return "collected";
}

/* 1 if state is one of the list (NULL-ended). */
static int
demo_in(const char *state, const char *const *list)
{
	for (; *list != NULL; list++) {
		if (strcmp(state, *list) == 0)
			return 1;
	}
	return 0;
}

/* The times of a case in state: created, forwarded, decided, updated. */
static void
demo_times(struct demo *d, const char *state, time_t t[4])
{
	static const char *const open[] = { "accepted", "forwarded", "agency",
	    "returned", "approved", "rejected", "notified", NULL };
	time_t	 span = demo_in(state, open) ? 60 * 86400 : 3 * 365 * 86400;

	t[0] = d->now - (time_t)(demo_rand(d) % (uint64_t)span) - 3600;
	t[1] = t[0] + demo_below(d, 5 * 86400);
	t[2] = t[1] + 86400 + demo_below(d, 30 * 86400);
	if (t[1] > d->now)
		t[1] = d->now - 60;
	if (t[2] > d->now)
		t[2] = d->now - 30;
	t[3] = t[2];
}

/* Bind the case's columns that depend on its state (?9..?20). */
static void
demo_case_state(struct demo *d, sqlite3_stmt *st, const char *state,
    const struct demo_catalog_entry *e, const time_t t[4])
{
	static const char *const decided[] = { "approved", "notified",
	    "collected", NULL };
	static const char *const forwarded[] = { "forwarded", "agency",
	    "approved", "rejected", "notified", "collected", "closed",
	    "returned", NULL };
	char	 buf[32], ref[32];
	time_t	 collected = t[2] + 86400 * (3 + demo_below(d, 17));

	sqlite3_bind_text(st, 9, state, -1, SQLITE_STATIC);
	if (demo_in(state, forwarded)) {
		demo_time(t[1], buf, sizeof buf);
		sqlite3_bind_text(st, 10, buf, -1, SQLITE_TRANSIENT);
	}
	if (demo_in(state, decided) || strcmp(state, "rejected") == 0 ||
	    strcmp(state, "closed") == 0) {
		demo_time(t[2], buf, sizeof buf);
		sqlite3_bind_text(st, 11, buf, -1, SQLITE_TRANSIENT);
	}
	if (demo_in(state, decided)) {
		sqlite3_bind_int64(st, 12, e->occupation_id);
		sqlite3_bind_int(st, 13, e->level);
	}
	if (strcmp(state, "rejected") == 0 || strcmp(state, "returned") == 0 ||
	    strcmp(state, "closed") == 0)
		sqlite3_bind_text(st, 14, demo_reasons[demo_below(d,
		    (int)(nitems(demo_reasons)))], -1,
		    SQLITE_STATIC);
	if (e->recognition && (demo_in(state, decided) ||
	    strcmp(state, "agency") == 0)) {
		sqlite3_bind_int64(st, 15, e->agency_id);
		if (demo_in(state, decided)) {
			snprintf(ref, sizeof ref, "RD-%d", demo_below(d,
			    1000000));
			sqlite3_bind_text(st, 16, ref, -1, SQLITE_TRANSIENT);
		}
	}
	if (strcmp(state, "collected") == 0) {
		if (collected > d->now)
			collected = d->now;
		demo_time(collected, buf, sizeof buf);
		buf[10] = '\0';
		sqlite3_bind_text(st, 17, buf, -1, SQLITE_TRANSIENT);
	}
	if (d->center_user != 0 && strcmp(state, "forwarded") == 0 &&
	    demo_below(d, 20) == 0) {
		sqlite3_bind_int64(st, 18, d->center_user);
		demo_time(t[1] + 3600, buf, sizeof buf);
		sqlite3_bind_text(st, 19, buf, -1, SQLITE_TRANSIENT);
	}
}

/* Insert case number i. */
static int
demo_case(struct demo *d, int64_t i, char **why)
{
	sqlite3_stmt			*st = d->ins_case;
	const struct demo_catalog_entry	*e;
	const char			*state;
	int64_t				 applicant;
	time_t				 t[4];
	char				 buf[32], cert[24];

	e = &d->cat[demo_below(d, (int)d->ncat)];
	state = demo_pick_state(d);
	/*
	 * Only recognition goes to an agency, and it needs one covering the
	 * occupation to have been routed or approved.
	 */
	if ((!e->recognition && strcmp(state, "agency") == 0) ||
	    (e->recognition && e->agency_id == 0 && (strcmp(state, "agency") ==
	    0 || strcmp(state, "approved") == 0 || strcmp(state, "notified") ==
	    0 || strcmp(state, "collected") == 0)))
		state = "forwarded";
	/* Only recognition is sent to an agency; adoption waits for review. */
	if (!e->recognition && strcmp(state, "agency") == 0)
		state = "forwarded";
	applicant = i < d->napplicants ? d->first_applicant + i :
	    d->first_applicant + (int64_t)(demo_rand(d) %
	    (uint64_t)d->napplicants);
	demo_times(d, state, t);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	sqlite3_bind_int64(st, 1, applicant);
	sqlite3_bind_text(st, 2, e->recognition ? "recognition" : "adoption",
	    -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, e->id);
	sqlite3_bind_int64(st, 4, e->occupation_id);
	sqlite3_bind_text(st, 5, e->tw_qual, -1, SQLITE_STATIC);
	snprintf(cert, sizeof cert, "%03d-%06d", demo_below(d, 1000),
	    demo_below(d, 1000000));
	sqlite3_bind_text(st, 6, cert, -1, SQLITE_TRANSIENT);
	demo_time(t[0], buf, sizeof buf);
	sqlite3_bind_text(st, 7, buf, -1, SQLITE_TRANSIENT);
	demo_time(t[3], buf, sizeof buf);
	sqlite3_bind_text(st, 8, buf, -1, SQLITE_TRANSIENT);
	demo_case_state(d, st, state, e, t);
	if (sqlite3_step(st) != SQLITE_DONE)
		return db_fail(d->db, why);
	/* An approved case has its certificate, dated the day of approval. */
	if (strcmp(state, "approved") == 0 || strcmp(state, "notified") == 0 ||
	    strcmp(state, "collected") == 0) {
		demo_time(t[2], buf, sizeof buf);
		buf[10] = '\0';
		return db_cert_issue(d->db, sqlite3_last_insert_rowid(d->db), 0,
		    NULL, buf, NULL, why);
	}
	return QD_OK;
}

/*
 * A second run on the same database draws different people: the seed is
 * mixed with how many there are already (the same state and seed still
 * give the same data).
 */
static void
demo_vary(struct demo *d)
{
	d->rng ^= (uint64_t)d->mtp_base * 0x9e3779b97f4a7c15ULL;
	if (d->rng == 0)
		d->rng = 1;
}

static int
demo_prepare(struct demo *d, char **why)
{
	sqlite3_stmt	*st;

	if (db_prepare(d->db, DEMO_CACHE_PRAGMA, &st) != QD_OK)
		return db_fail(d->db, why);
	sqlite3_step(st);
	sqlite3_finalize(st);
	if (db_prepare(d->db, "INSERT INTO applicants (name, name_key, sex,"
	    " birth_date, mtp, phone, email, in_taiwan, office_id) VALUES (?1,"
	    " ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", &d->ins_applicant) != QD_OK ||
	    db_prepare(d->db, "INSERT INTO cases (applicant_id, office_id, type,"
	    " catalog_id, occupation_id, tw_qual, tw_cert_no, mat_id, mat_cert,"
	    " mat_photo, mat_form, created_at, updated_at, state, action,"
	    " forwarded_at, decided_at, decided_occupation_id, decided_level,"
	    " reason, agency_id, agency_ref, collected_on, held_by, held_at)"
	    " SELECT ?1, office_id, ?2, ?3, ?4, ?5, ?6, 1, 1, 1, 1, ?7, ?8, ?9,"
	    " 'demo-data', ?10, ?11, ?12, ?13, coalesce(?14, ''), ?15,"
	    " coalesce(?16, ''), ?17, ?18, ?19 FROM applicants WHERE id = ?1",
	    &d->ins_case) != QD_OK)
		return db_fail(d->db, why);
	/* Numbers follow on from earlier runs, so they stay unique. */
	if (db_prepare(d->db, "SELECT count(*) FROM applicants", &st) ==
	    QD_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			d->mtp_base = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	demo_vary(d);
	if (db_prepare(d->db, "SELECT id FROM users WHERE role = 'center'"
	    " AND active = 1 ORDER BY id LIMIT 1", &st) == QD_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			d->center_user = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	return QD_OK;
}

/* Insert n rows with fn in transactions of DEMO_BATCH. */
static int
demo_insert(struct demo *d, int64_t n, int (*fn)(struct demo *, int64_t,
    char **), char **why)
{
	int64_t	 i;
	int	 rc = QD_OK;

	for (i = 0; i < n && rc == QD_OK; i++) {
		if (i % DEMO_BATCH == 0 && db_begin(d->db) != QD_OK)
			return db_fail(d->db, why);
		rc = fn(d, i, why);
		if (rc == QD_OK && (i % DEMO_BATCH == DEMO_BATCH - 1 ||
		    i == n - 1) && db_commit(d->db) != QD_OK)
			rc = db_fail(d->db, why);
	}
	if (rc != QD_OK)
		db_rollback(d->db);
	return rc;
}

static void
demo_free(struct demo *d)
{
	size_t	 i;

	for (i = 0; i < d->ncat; i++)
		free(d->cat[i].tw_qual);
	free(d->cat);
	sqlite3_finalize(d->ins_applicant);
	sqlite3_finalize(d->ins_case);
}

int
cmd_demo_data(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "cases", required_argument, NULL, 'c' },
		{ "seed", required_argument, NULL, 's' },
		{ NULL, 0, NULL, 0 }
	};
	const struct qd_module *const *m;
	struct demo	 d;
	char		*why = NULL, *end;
	long long	 ncases = 0;
	int		 c, rc;
	double		 t0;

	memset(&d, 0, sizeof d);
	d.rng = 0x9e3779b97f4a7c15ULL;
	while ((c = cmd_getopt(ctx, "demo-data", argc, argv, opts, &rc)) !=
	    -1) {
		if (c == 'c' && ((ncases = strtoll(optarg, &end, 10)) < 1 ||
		    ncases > 100000000 || *end != '\0'))
			return cmd_usage_error(ctx, "demo-data", NULL,
			    "--cases is a number from 1 to 100000000");
		if (c == 's' && (d.rng = strtoull(optarg, &end, 10)) == 0)
			return cmd_usage_error(ctx, "demo-data", NULL,
			    "--seed is a positive number");
	}
	if (rc != QD_EXIT_OK)
		return rc;
	if (ncases == 0 || argc != optind)
		return cmd_usage_error(ctx, "demo-data", NULL,
		    "give --cases N");
	d.db = ctx->db;
	d.now = time(NULL);
	d.napplicants = ncases * 4 / 5 > 0 ? ncases * 4 / 5 : 1;
	t0 = (double)clock() / CLOCKS_PER_SEC;
	if (db_set_system_actor(d.db, "(demo-data)", "demo-data") != QD_OK)
		return cmd_fail(ctx, QD_EDB, NULL);
	if ((rc = demo_load_catalog(&d, &why)) == QD_OK &&
	    (rc = demo_prepare(&d, &why)) == QD_OK &&
	    (rc = demo_insert(&d, d.napplicants, demo_applicant, &why)) ==
	    QD_OK)
		rc = demo_insert(&d, ncases, demo_case, &why);
	if (rc == QD_OK && (rc = db_begin(d.db)) == QD_OK) {
		if ((rc = cert_mark_collected(d.db, &why)) == QD_OK &&
		    db_commit(d.db) != QD_OK)
			rc = db_fail(d.db, &why);
		if (rc != QD_OK)
			db_rollback(d.db);
	}
	for (m = qd_modules; rc == QD_OK && *m != NULL; m++) {
		if ((*m)->demo_data != NULL)
			rc = (*m)->demo_data(d.db, ncases, d.rng, &why);
	}
	db_set_actor(d.db, ctx->actor);
	demo_free(&d);
	if (rc != QD_OK) {
		rc = cmd_fail(ctx, rc, why);
		free(why);
		return rc;
	}
	fprintf(ctx->out, "added %lld applicants and %lld cases in %.1f s of"
	    " CPU\n", (long long)d.napplicants, ncases,
	    (double)clock() / CLOCKS_PER_SEC - t0);
	return QD_EXIT_OK;
}

/*
 * The demo's window of each office: an invented address and service
 * phone, so that the notices read as they will. Only into a database
 * whose offices have told none yet.
 */
int
case_demo(sqlite3 *db, char **why)
{
	static const struct {
		const char	*code;
		const char	*address;
		const char	*phone;
	} windows[] = {
		{ "fuzhou", "福州市示例大道1号政务服务中心二楼台胞窗口",
		  "0591-0000 0001" },
		{ "xiamen", "厦门市示例路2号市民服务中心一楼台胞窗口",
		  "0592-0000 0002" },
		{ "zhangzhou", "漳州市示例街3号行政服务中心台胞窗口",
		  "0596-0000 0003" },
		{ "quanzhou", "泉州市示例大街4号人社服务大厅台胞窗口",
		  "0595-0000 0004" },
		{ "sanming", "三明市示例路5号政务服务中心台胞窗口",
		  "0598-0000 0005" },
		{ "putian", "莆田市示例路6号行政服务中心台胞窗口",
		  "0594-0000 0006" },
		{ "nanping", "南平市示例路7号人社服务大厅台胞窗口",
		  "0599-0000 0007" },
		{ "longyan", "龙岩市示例路8号市民服务中心台胞窗口",
		  "0597-0000 0008" },
		{ "ningde", "宁德市示例路9号政务服务中心台胞窗口",
		  "0593-0000 0009" },
		{ "pingtan", "平潭综合实验区示例路10号一体化服务中心",
		  "0591-0000 0010" },
	};
	sqlite3_stmt	*st;
	size_t		 i;
	int		 rc = QD_OK;

	if (db_set_system_actor(db, "(demo)", "demo setup") != QD_OK)
		return db_fail(db, why);
	if (db_prepare(db, "INSERT INTO office_windows (office_id, address,"
	    " phone) SELECT id, ?2, ?3 FROM offices WHERE code = ?1 AND NOT"
	    " EXISTS (SELECT 1 FROM office_windows w WHERE w.office_id ="
	    " offices.id)", &st) != QD_OK)
		return db_fail(db, why);
	for (i = 0; i < nitems(windows) && rc == QD_OK; i++) {
		sqlite3_reset(st);
		sqlite3_bind_text(st, 1, windows[i].code, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, windows[i].address, -1,
		    SQLITE_STATIC);
		sqlite3_bind_text(st, 3, windows[i].phone, -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = db_fail(db, why);
	}
	sqlite3_finalize(st);
	return rc;
}
