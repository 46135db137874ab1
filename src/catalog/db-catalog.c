/*
 * The comparison catalog (标准比对): which Taiwan qualification and level
 * compares to which mainland occupation and level, and whether it is
 * recognised directly (采认) or adopted case by case (采信). Everyone
 * reads it; only an admin changes it, one version at a time.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "catalog/catalog.h"

#define CATALOG_QUAL_MAX	60
#define CATALOG_LEVEL_MAX	20
#define CATALOG_NOTE_MAX	200

static const struct {
	const char	*name;
	const char	*zh;
	const char	*label;
} catalog_modes[] = {
	[CATALOG_RECOGNITION] = { "recognition", "采认", "采认 Recognition" },
	[CATALOG_ADOPTION] = { "adoption", "采信", "采信 Adoption" },
};
#define CATALOG_NMODES (nitems(catalog_modes))

static const struct {
	const char	*name;
	const char	*zh;
	const char	*label;
} catalog_kinds[] = {
	[CATALOG_SKILL] = { "skill", "技能", "技能 Skill" },
	[CATALOG_PROFESSIONAL] = { "professional", "专业技术",
	    "专业技术 Professional" },
};
#define CATALOG_NKINDS (nitems(catalog_kinds))

static const char *catalog_select_sql =
    "SELECT c.id, c.tw_qual, c.tw_level, c.occupation_id, o.code, o.name,"
    " c.level, l.name_zh, c.mode, c.active, c.note, c.version, c.kind"
    " FROM catalog c JOIN occupations o ON o.id = c.occupation_id"
    " JOIN level_names l ON l.kind = c.kind AND l.level = c.level";

static const char *catalog_denied =
    "仅管理员可修改比对目录 only an admin may change the catalog";

const char *
catalog_mode_name(enum catalog_mode mode)
{
	return catalog_modes[mode].name;
}

const char *
catalog_mode_label(enum catalog_mode mode)
{
	return catalog_modes[mode].label;
}

int
catalog_mode_parse(const char *s, enum catalog_mode *out)
{
	size_t	 i;

	for (i = 0; i < CATALOG_NMODES; i++) {
		if (strcasecmp(s, catalog_modes[i].name) == 0 ||
		    strcmp(s, catalog_modes[i].zh) == 0) {
			*out = (enum catalog_mode)i;
			return QD_OK;
		}
	}
	return QD_EINVAL;
}

const char *
catalog_kind_name(enum catalog_kind kind)
{
	return catalog_kinds[(unsigned)kind < CATALOG_NKINDS ? kind : 0].name;
}

const char *
catalog_kind_label(enum catalog_kind kind)
{
	return catalog_kinds[(unsigned)kind < CATALOG_NKINDS ? kind : 0].label;
}

int
catalog_kind_parse(const char *s, enum catalog_kind *out)
{
	size_t	 i;

	for (i = 0; s != NULL && i < CATALOG_NKINDS; i++) {
		if (strcasecmp(s, catalog_kinds[i].name) == 0 ||
		    strcmp(s, catalog_kinds[i].zh) == 0) {
			*out = (enum catalog_kind)i;
			return QD_OK;
		}
	}
	return QD_EINVAL;
}

/* Characters of valid UTF-8 s, as SQLite's length() counts them. */
static int
catalog_chars(const char *s)
{
	int	 n = 0;

	for (; *s != '\0'; s++) {
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	}
	return n;
}

int
catalog_check_text(const char *value, int max, int empty, const char *label,
    char **why)
{
	size_t	 len;

	if (value == NULL)
		value = "";
	len = strlen(value);
	if (len == 0 && !empty) {
		why_set(why, "%s：不能为空 must not be empty", label);
		return QD_EINVAL;
	}
	if (!text_valid(value)) {
		why_set(why, "%s：%s", label, text_invalid_why(value));
		return QD_EINVAL;
	}
	if (len > 0 && (value[0] == ' ' || value[len - 1] == ' ')) {
		why_set(why, "%s：首尾不能有空格 must not start or end with "
		    "a space", label);
		return QD_EINVAL;
	}
	if (catalog_chars(value) > max) {
		why_set(why, "%s：至多 %d 个字 is longer than %d characters",
		    label, max, max);
		return QD_EINVAL;
	}
	return QD_OK;
}

/* Free what e holds, not e. */
static void
catalog_free_fields(struct qd_catalog *e)
{
	free(e->tw_qual);
	free(e->tw_level);
	free(e->occupation_code);
	free(e->occupation_name);
	free(e->level_name);
	free(e->note);
}

/* Fill e from a row of catalog_select_sql. */
static void
catalog_from_row(sqlite3_stmt *stmt, struct qd_catalog *e)
{
	const char	*mode = (const char *)sqlite3_column_text(stmt, 8);

	e->id = sqlite3_column_int64(stmt, 0);
	e->tw_qual = db_column_strdup(stmt, 1);
	e->tw_level = db_column_strdup(stmt, 2);
	e->occupation_id = sqlite3_column_int64(stmt, 3);
	e->occupation_code = db_column_strdup(stmt, 4);
	e->occupation_name = db_column_strdup(stmt, 5);
	e->level = sqlite3_column_int(stmt, 6);
	e->level_name = db_column_strdup(stmt, 7);
	/* The schema allows only the two modes. */
	if (mode == NULL || catalog_mode_parse(mode, &e->mode) != QD_OK)
		e->mode = CATALOG_ADOPTION;
	e->active = sqlite3_column_int(stmt, 9);
	e->note = db_column_strdup(stmt, 10);
	e->version = sqlite3_column_int64(stmt, 11);
	if (catalog_kind_parse((const char *)sqlite3_column_text(stmt, 12),
	    &e->kind) != QD_OK)
		e->kind = CATALOG_SKILL;
}

/*
 * 1 if key (folded by namekey) is in the folded qualification or
 * occupation name of e, so 车床 finds 車床技術士.
 */
static int
catalog_text_match(const struct qd_catalog *e, const char *key)
{
	char	*qual, *name;
	int	 found;

	qual = namekey(e->tw_qual);
	name = namekey(e->occupation_name);
	found = strstr(qual, key) != NULL || strstr(name, key) != NULL;
	free(qual);
	free(name);
	return found;
}

int
db_catalog_list(sqlite3 *db, const struct qd_catalog_filter *filter,
    struct qd_catalog **out, size_t *n, char **why)
{
	sqlite3_stmt		*stmt = NULL;
	struct qd_catalog	*list = NULL;
	char			*sql, *key = NULL;
	size_t			 count = 0;
	int			 rc = QD_OK, step;

	*out = NULL;
	*n = 0;
	/* Folding needs OpenCC, not SQL: the text is matched row by row. */
	if (filter != NULL && filter->text != NULL) {
		key = namekey(filter->text);
		if (*key == '\0')
			xfree(&key);
	}
	xasprintf(&sql, "%s WHERE (?1 IS NULL OR c.mode = ?1)"
	    " AND (?2 = 0 OR c.active = 1)"
	    " ORDER BY c.tw_qual, c.tw_level", catalog_select_sql);
	if (db_prepare(db, sql, &stmt) != QD_OK) {
		rc = db_fail(db, why);
		goto out;
	}
	if (filter != NULL && filter->by_mode)
		sqlite3_bind_text(stmt, 1, catalog_mode_name(filter->mode), -1,
		    SQLITE_STATIC);
	sqlite3_bind_int(stmt, 2, filter != NULL && filter->active_only);
	while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
		list = xreallocarray(list, count + 1, sizeof *list);
		catalog_from_row(stmt, &list[count]);
		if (key == NULL || catalog_text_match(&list[count], key))
			count++;
		else
			catalog_free_fields(&list[count]);
	}
	if (step != SQLITE_DONE) {
		catalog_free_array(list, count);
		rc = db_fail(db, why);
		goto out;
	}
	if (count == 0)
		xfree(&list);
	*out = list;
	*n = count;
out:
	sqlite3_finalize(stmt);
	free(sql);
	free(key);
	return rc;
}

/* One entry by a where clause on ?1 and ?2 (?2 may be unused). */
static int
catalog_get_where(sqlite3 *db, const char *where, int64_t id, const char *a,
    const char *b, struct qd_catalog **out, char **why)
{
	sqlite3_stmt	*stmt = NULL;
	char		*sql;
	int		 rc;

	*out = NULL;
	xasprintf(&sql, "%s WHERE %s", catalog_select_sql, where);
	if (db_prepare(db, sql, &stmt) != QD_OK) {
		rc = db_fail(db, why);
		goto out;
	}
	if (a == NULL)
		sqlite3_bind_int64(stmt, 1, id);
	else {
		sqlite3_bind_text(stmt, 1, a, -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 2, b, -1, SQLITE_STATIC);
	}
	switch (sqlite3_step(stmt)) {
	case SQLITE_ROW:
		*out = xcalloc(1, sizeof **out);
		catalog_from_row(stmt, *out);
		rc = QD_OK;
		break;
	case SQLITE_DONE:
		why_set(why, "目录中无此条目 no such catalog entry");
		rc = QD_ENOTFOUND;
		break;
	default:
		rc = db_fail(db, why);
		break;
	}
out:
	sqlite3_finalize(stmt);
	free(sql);
	return rc;
}

int
db_catalog_get(sqlite3 *db, int64_t id, struct qd_catalog **out, char **why)
{
	return catalog_get_where(db, "c.id = ?1", id, NULL, NULL, out, why);
}

int
db_catalog_find(sqlite3 *db, const char *tw_qual, const char *tw_level,
    struct qd_catalog **out, char **why)
{
	return catalog_get_where(db, "c.tw_qual = ?1 AND c.tw_level = ?2", 0,
	    tw_qual, tw_level, out, why);
}

/* Check an entry's own fields (not whether its occupation exists). */
static int
catalog_check(const struct qd_catalog *e, char **why)
{
	int	 rc;

	if ((rc = catalog_check_text(e->tw_qual, CATALOG_QUAL_MAX, 0,
	    "台湾资格 Taiwan qualification", why)) != QD_OK ||
	    (rc = catalog_check_text(e->tw_level, CATALOG_LEVEL_MAX, 0,
	    "台湾等级 Taiwan level", why)) != QD_OK ||
	    (rc = catalog_check_text(e->note, CATALOG_NOTE_MAX, 1,
	    "备注 Note", why)) != QD_OK)
		return rc;
	if (e->level < 1 || e->level > 5) {
		why_set(why, "等级须为 1 至 5（一级至五级） the level is 1 "
		    "to 5 (一级 to 五级)");
		return QD_EINVAL;
	}
	if ((unsigned int)e->kind >= CATALOG_NKINDS) {
		why_set(why, "类别须为技能或专业技术 the kind is skill or "
		    "professional");
		return QD_EINVAL;
	}
	if ((unsigned int)e->mode >= CATALOG_NMODES) {
		why_set(why, "方式须为采认或采信 the mode is recognition or "
		    "adoption");
		return QD_EINVAL;
	}
	if (e->active != 0 && e->active != 1) {
		why_set(why, "启用须为 1 或 0 active is 1 or 0");
		return QD_EINVAL;
	}
	return QD_OK;
}

/* QD_OK if occupation id exists; in the caller's transaction. */
static int
catalog_occupation_exists(sqlite3 *db, int64_t id, char **why)
{
	sqlite3_stmt	*stmt;
	int		 step;

	if (db_prepare(db, "SELECT 1 FROM occupations WHERE id = ?1", &stmt) !=
	    QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int64(stmt, 1, id);
	step = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (step == SQLITE_ROW)
		return QD_OK;
	if (step != SQLITE_DONE)
		return db_fail(db, why);
	why_set(why, "无此职业 no such occupation");
	return QD_EINVAL;
}

/* The message for a qualification and level already in the catalog. */
static int
catalog_taken(const struct qd_catalog *e, char **why)
{
	why_set(why, "目录中已有 %s %s，请修改该条目 %s %s is already in the "
	    "catalog; change that entry instead", e->tw_qual, e->tw_level,
	    e->tw_qual, e->tw_level);
	return QD_ECONFLICT;
}

/* Bind e's fields as ?1 to ?7 and ?10, as the statements below use them. */
static void
catalog_bind(sqlite3_stmt *stmt, const struct qd_catalog *e)
{
	sqlite3_bind_text(stmt, 1, e->tw_qual, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, e->tw_level, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 3, e->occupation_id);
	sqlite3_bind_int(stmt, 4, e->level);
	sqlite3_bind_text(stmt, 5, catalog_mode_name(e->mode), -1,
	    SQLITE_STATIC);
	sqlite3_bind_int(stmt, 6, e->active);
	sqlite3_bind_text(stmt, 7, e->note != NULL ? e->note : "", -1,
	    SQLITE_STATIC);
	sqlite3_bind_text(stmt, 10, catalog_kind_name(e->kind), -1,
	    SQLITE_STATIC);
}

/* Insert checked e in the caller's transaction. */
static int
catalog_insert(sqlite3 *db, const struct qd_catalog *e, int64_t *id,
    char **why)
{
	sqlite3_stmt	*stmt;
	int		 rc;

	if ((rc = catalog_occupation_exists(db, e->occupation_id, why)) !=
	    QD_OK)
		return rc;
	if (db_prepare(db, "INSERT INTO catalog (tw_qual, tw_level,"
	    " occupation_id, level, mode, active, note, kind)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?10)", &stmt) != QD_OK)
		return db_fail(db, why);
	catalog_bind(stmt, e);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (rc == SQLITE_DONE) {
		if (id != NULL)
			*id = sqlite3_last_insert_rowid(db);
		return QD_OK;
	}
	if (sqlite3_extended_errcode(db) == SQLITE_CONSTRAINT_UNIQUE)
		return catalog_taken(e, why);
	return db_fail(db, why);
}

/*
 * The conflict message for entry id: who changed it last and when (local
 * time), as its newest audit row says.
 */
static int
catalog_changed(sqlite3 *db, int64_t id, char **why)
{
	char	*who, *when;

	if (db_audit_last(db, "catalog", id, &who, &when) == QD_OK)
		why_set(why, "已被 %s 于 %s 修改 changed by %s at %s", who,
		    when, who, when);
	else
		why_set(why, "已被他人修改 changed by someone else");
	free(who);
	free(when);
	return QD_ECONFLICT;
}

/* Write checked e over entry e->id at e->version; the caller's transaction. */
static int
catalog_rewrite(sqlite3 *db, const struct qd_catalog *e, char **why)
{
	sqlite3_stmt		*stmt;
	struct qd_catalog	*now = NULL;
	int			 rc;

	if ((rc = catalog_occupation_exists(db, e->occupation_id, why)) !=
	    QD_OK)
		return rc;
	if (db_prepare(db, "UPDATE catalog SET tw_qual = ?1, tw_level = ?2,"
	    " occupation_id = ?3, level = ?4, mode = ?5, active = ?6,"
	    " note = ?7, kind = ?10, version = version + 1"
	    " WHERE id = ?8 AND version = ?9", &stmt) != QD_OK)
		return db_fail(db, why);
	catalog_bind(stmt, e);
	sqlite3_bind_int64(stmt, 8, e->id);
	sqlite3_bind_int64(stmt, 9, e->version);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE) {
		if (sqlite3_extended_errcode(db) == SQLITE_CONSTRAINT_UNIQUE)
			return catalog_taken(e, why);
		return db_fail(db, why);
	}
	if (sqlite3_changes(db) == 1)
		return QD_OK;
	/* Nothing matched: gone, or someone else's change came first. */
	if ((rc = db_catalog_get(db, e->id, &now, why)) != QD_OK)
		return rc;
	catalog_free_array(now, 1);
	return catalog_changed(db, e->id, why);
}

/* Run one checked write of e in a transaction of its own. */
static int
catalog_write(sqlite3 *db, const struct qd_user *actor,
    const struct qd_catalog *e, int64_t *id, char **why)
{
	int	 rc;

	if (!user_may(actor, "catalog write")) {
		why_set(why, "%s", catalog_denied);
		return QD_EDENIED;
	}
	if ((rc = catalog_check(e, why)) != QD_OK)
		return rc;
	if (db_begin(db) != QD_OK)
		return db_fail(db, why);
	rc = id != NULL ? catalog_insert(db, e, id, why) :
	    catalog_rewrite(db, e, why);
	if (rc == QD_OK && db_commit(db) != QD_OK)
		rc = db_fail(db, why);
	if (rc != QD_OK)
		db_rollback(db);
	return rc;
}

int
db_catalog_add(sqlite3 *db, const struct qd_user *actor,
    const struct qd_catalog *e, int64_t *id, char **why)
{
	int64_t	 ignored;

	return catalog_write(db, actor, e, id != NULL ? id : &ignored, why);
}

int
db_catalog_update(sqlite3 *db, const struct qd_user *actor,
    const struct qd_catalog *e, char **why)
{
	return catalog_write(db, actor, e, NULL, why);
}

int
db_catalog_set_active(sqlite3 *db, const struct qd_user *actor, int64_t id,
    int64_t version, int active, char **why)
{
	struct qd_catalog	*e = NULL;
	int			 rc;

	if (!user_may(actor, "catalog write")) {
		why_set(why, "%s", catalog_denied);
		return QD_EDENIED;
	}
	if ((rc = db_catalog_get(db, id, &e, why)) != QD_OK)
		return rc;
	e->active = active != 0;
	e->version = version;
	rc = catalog_write(db, actor, e, NULL, why);
	catalog_free_array(e, 1);
	return rc;
}

/* The columns of an import and an export, in the export's order. */
enum catalog_column {
	CATALOG_COL_QUAL,
	CATALOG_COL_LEVEL,
	CATALOG_COL_CODE,
	CATALOG_COL_NAME,
	CATALOG_COL_MAINLAND,
	CATALOG_COL_MODE,
	CATALOG_COL_ACTIVE,
	CATALOG_COL_NOTE,
	CATALOG_COL_KIND,
};
static const struct csv_column catalog_columns[] = {
	[CATALOG_COL_QUAL] = { "tw_qual", "台湾资格", 1 },
	[CATALOG_COL_LEVEL] = { "tw_level", "台湾等级", 1 },
	[CATALOG_COL_CODE] = { "occupation_code", "职业编码", 1 },
	[CATALOG_COL_NAME] = { "occupation_name", "职业名称", 0 },
	[CATALOG_COL_MAINLAND] = { "level", "等级", 1 },
	[CATALOG_COL_MODE] = { "mode", "方式", 1 },
	[CATALOG_COL_ACTIVE] = { "active", "启用", 0 },
	[CATALOG_COL_NOTE] = { "note", "备注", 0 },
	[CATALOG_COL_KIND] = { "kind", "类别", 0 },
};
#define CATALOG_NCOLUMNS (nitems(catalog_columns))

/* The levels as written in Chinese, one (highest) first, in each scheme. */
static const char *const catalog_level_words[][5] = {
	[CATALOG_SKILL] = { "一级", "二级", "三级", "四级", "五级" },
	[CATALOG_PROFESSIONAL] = { "正高级", "副高级", "中级", "助理级",
	    "员级" },
};

/* What an import has done so far: the entries it wrote, by line. */
struct catalog_import {
	int		 added;
	int		 updated;
	int64_t		*ids;
	size_t		*lines;
	size_t		 n;
};

/*
 * A level of kind's scheme: 1 to 5, or its word (一级 to 五级, a full
 * name such as 二级/技师; 正高级 to 员级).
 */
static int
catalog_level_parse(const char *s, enum catalog_kind kind, int *level,
    char **why)
{
	const char	*word;
	size_t		 i, len;

	if (s[0] >= '1' && s[0] <= '5' && s[1] == '\0') {
		*level = s[0] - '0';
		return QD_OK;
	}
	for (i = 0; i < 5; i++) {
		word = catalog_level_words[kind][i];
		len = strlen(word);
		if (strncmp(s, word, len) == 0 &&
		    (s[len] == '\0' || s[len] == '/')) {
			*level = (int)i + 1;
			return QD_OK;
		}
	}
	if (kind == CATALOG_PROFESSIONAL)
		why_set(why, "专业技术级别须为 1 至 5 或 正高级、副高级、中级、"
		    "助理级、员级 a professional level is 1 to 5 or 正高级 to "
		    "员级");
	else
		why_set(why, "等级须为 1 至 5 或 一级 至 五级 the level is 1 to "
		    "5 or 一级 to 五级");
	return QD_EINVAL;
}

/*
 * The occupation of a row: found by code (the name, when given, must be
 * its name), or added when the row names it.
 */
static int
catalog_import_occupation(sqlite3 *db, const char *code, const char *name,
    int64_t *id, char **why)
{
	sqlite3_stmt	*stmt;
	const char	*have;
	int		 step, rc = QD_OK;

	if (*code == '\0') {
		why_set(why, "职业编码不能为空 the occupation code is empty");
		return QD_EINVAL;
	}
	if (db_prepare(db, "SELECT id, name FROM occupations WHERE code = ?1",
	    &stmt) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_text(stmt, 1, code, -1, SQLITE_STATIC);
	if ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
		*id = sqlite3_column_int64(stmt, 0);
		have = (const char *)sqlite3_column_text(stmt, 1);
		if (name != NULL && *name != '\0' && have != NULL &&
		    strcmp(name, have) != 0) {
			why_set(why, "职业编码 %s 是“%s”，不是“%s” "
			    "occupation %s is %s, not %s", code, have, name,
			    code, have, name);
			rc = QD_EINVAL;
		}
	} else if (step != SQLITE_DONE)
		rc = db_fail(db, why);
	sqlite3_finalize(stmt);
	if (step != SQLITE_DONE)
		return rc;
	if (name == NULL || *name == '\0') {
		why_set(why, "职业编码 %s 不存在；填写职业名称即可新增 "
		    "occupation %s is unknown; give occupation_name to add it",
		    code, code);
		return QD_EINVAL;
	}
	return occupation_insert(db, code, name, id, why);
}

/* 1 if the row names its kind. */
static int
catalog_kind_given(char **cells)
{
	return cells[CATALOG_COL_KIND] != NULL &&
	    *cells[CATALOG_COL_KIND] != '\0';
}

/* The entry a row describes, less its occupation. */
static int
catalog_import_fields(char **cells, struct qd_catalog *e, char **why)
{
	memset(e, 0, sizeof *e);
	e->tw_qual = cells[CATALOG_COL_QUAL];
	e->tw_level = cells[CATALOG_COL_LEVEL];
	e->active = 1;
	e->note = "";
	if (cells[CATALOG_COL_KIND] != NULL && *cells[CATALOG_COL_KIND] !=
	    '\0' && catalog_kind_parse(cells[CATALOG_COL_KIND], &e->kind) !=
	    QD_OK) {
		why_set(why, "类别须为 技能/专业技术 或 skill/professional the "
		    "kind is skill or professional (技能/专业技术)");
		return QD_EINVAL;
	}
	/* Without a kind, a level's word says which scheme it is of. */
	if (catalog_level_parse(cells[CATALOG_COL_MAINLAND], e->kind,
	    &e->level, why) != QD_OK && (catalog_kind_given(cells) ||
	    catalog_level_parse(cells[CATALOG_COL_MAINLAND],
	    CATALOG_PROFESSIONAL, &e->level, NULL) != QD_OK))
		return QD_EINVAL;
	if (!catalog_kind_given(cells) &&
	    catalog_level_parse(cells[CATALOG_COL_MAINLAND], CATALOG_SKILL,
	    &e->level, NULL) != QD_OK)
		e->kind = CATALOG_PROFESSIONAL;
	if (catalog_mode_parse(cells[CATALOG_COL_MODE], &e->mode) != QD_OK) {
		why_set(why, "方式须为 采认/采信 或 recognition/adoption the "
		    "mode is recognition or adoption (采认/采信)");
		return QD_EINVAL;
	}
	return QD_OK;
}

/* 1 if a and b say the same; ids and versions aside. */
static int
catalog_same(const struct qd_catalog *a, const struct qd_catalog *b)
{
	return a->occupation_id == b->occupation_id && a->level == b->level &&
	    a->mode == b->mode && a->kind == b->kind &&
	    a->active == b->active &&
	    strcmp(a->note, b->note) == 0 && strcmp(a->tw_qual,
	    b->tw_qual) == 0 && strcmp(a->tw_level, b->tw_level) == 0;
}

/* Refuse a second row for an entry this import already wrote. */
static int
catalog_import_seen(const struct catalog_import *ci, int64_t id, char **why)
{
	size_t	 i;

	for (i = 0; i < ci->n; i++) {
		if (ci->ids[i] == id) {
			why_set(why, "与第%zu行是同一资格等级 repeats the "
			    "qualification and level of line %zu", ci->lines[i],
			    ci->lines[i]);
			return QD_EINVAL;
		}
	}
	return QD_OK;
}

/* One row: add the entry, or update it where it differs. */
static int
catalog_import_row(sqlite3 *db, void *arg, size_t line, char **cells,
    char **why)
{
	struct catalog_import	*ci = arg;
	struct qd_catalog	 e, *have = NULL;
	int			 rc;

	if ((rc = catalog_import_fields(cells, &e, why)) != QD_OK)
		return rc;
	rc = db_catalog_find(db, e.tw_qual, e.tw_level, &have, why);
	if (rc == QD_OK && (rc = catalog_import_seen(ci, have->id, why)) ==
	    QD_OK) {
		/* What the file leaves out stays as it is. */
		e.id = have->id;
		e.version = have->version;
		e.active = have->active;
		e.note = have->note;
		/* A level by number keeps the entry's kind. */
		if (!catalog_kind_given(cells) &&
		    cells[CATALOG_COL_MAINLAND][0] >= '1' &&
		    cells[CATALOG_COL_MAINLAND][0] <= '5' &&
		    cells[CATALOG_COL_MAINLAND][1] == '\0')
			e.kind = have->kind;
	} else if (rc != QD_ENOTFOUND)
		goto out;
	else if (why != NULL)
		xfree(why);	/* a new entry: not found is no error */
	if (cells[CATALOG_COL_NOTE] != NULL)
		e.note = cells[CATALOG_COL_NOTE];
	if ((rc = db_import_flag(cells[CATALOG_COL_ACTIVE], "active",
	    &e.active, why)) != QD_OK || (rc = catalog_check(&e, why)) !=
	    QD_OK || (rc = catalog_import_occupation(db,
	    cells[CATALOG_COL_CODE], cells[CATALOG_COL_NAME],
	    &e.occupation_id, why)) != QD_OK)
		goto out;
	if (have == NULL) {
		rc = catalog_insert(db, &e, &e.id, why);
		ci->added += rc == QD_OK;
	} else if (!catalog_same(&e, have)) {
		rc = catalog_rewrite(db, &e, why);
		ci->updated += rc == QD_OK;
	}
	if (rc == QD_OK) {
		ci->ids = xreallocarray(ci->ids, ci->n + 1, sizeof *ci->ids);
		ci->lines = xreallocarray(ci->lines, ci->n + 1,
		    sizeof *ci->lines);
		ci->ids[ci->n] = e.id;
		ci->lines[ci->n++] = line;
	}
out:
	catalog_free_array(have, have != NULL ? 1 : 0);
	return rc;
}

int
db_catalog_import(sqlite3 *db, const struct qd_user *actor, const char *data,
    size_t len, enum csv_charset charset, int *added, int *updated,
    char **why)
{
	struct catalog_import	 ci;
	int			 rc;

	*added = *updated = 0;
	if (!user_may(actor, "catalog write")) {
		why_set(why, "%s", catalog_denied);
		return QD_EDENIED;
	}
	memset(&ci, 0, sizeof ci);
	rc = db_import(db, data, len, charset, catalog_columns,
	    CATALOG_NCOLUMNS, catalog_import_row, &ci, why);
	if (rc == QD_OK) {
		*added = ci.added;
		*updated = ci.updated;
	}
	free(ci.ids);
	free(ci.lines);
	return rc;
}

int
db_catalog_export(sqlite3 *db, const struct qd_user *actor, FILE *f,
    enum csv_charset charset, char **why)
{
	struct qd_catalog	*list = NULL;
	const char		*row[CATALOG_NCOLUMNS];
	char			 level[4], active[4];
	size_t			 n = 0, i;
	int			 rc;

	/* Every role reads the catalog. */
	(void)actor;
	if ((rc = db_catalog_list(db, NULL, &list, &n, why)) != QD_OK)
		return rc;
	for (i = 0; i < CATALOG_NCOLUMNS; i++)
		row[i] = catalog_columns[i].name;
	rc = csv_write_row(f, row, CATALOG_NCOLUMNS, charset, why);
	for (i = 0; rc == QD_OK && i < n; i++) {
		snprintf(level, sizeof level, "%d", list[i].level);
		snprintf(active, sizeof active, "%d", list[i].active);
		row[CATALOG_COL_QUAL] = list[i].tw_qual;
		row[CATALOG_COL_LEVEL] = list[i].tw_level;
		row[CATALOG_COL_CODE] = list[i].occupation_code;
		row[CATALOG_COL_NAME] = list[i].occupation_name;
		row[CATALOG_COL_MAINLAND] = level;
		row[CATALOG_COL_MODE] = catalog_mode_name(list[i].mode);
		row[CATALOG_COL_ACTIVE] = active;
		row[CATALOG_COL_NOTE] = list[i].note;
		row[CATALOG_COL_KIND] = catalog_kind_name(list[i].kind);
		rc = csv_write_row(f, row, CATALOG_NCOLUMNS, charset, why);
	}
	catalog_free_array(list, n);
	return rc;
}

void
catalog_free_array(struct qd_catalog *list, size_t n)
{
	size_t	 i;

	if (list == NULL)
		return;
	for (i = 0; i < n; i++)
		catalog_free_fields(&list[i]);
	free(list);
}
