/*
 * The catalog module: the comparison catalog (标准比对), mainland
 * occupations and levels, appraisal agencies.
 */
#ifndef CATALOG_CATALOG_H
#define CATALOG_CATALOG_H

#include "qualdesk.h"

/*
 * db-catalog.c, db-occupation.c, db-agency.c: the comparison catalog
 * (标准比对), mainland occupations and levels, appraisal agencies. Every
 * role reads them; only an admin writes (and the triggers agree).
 */
struct qd_level {
	int		 level;		/* 1 (highest) to 5 */
	char		*name_zh;	/* "二级/技师" */
	char		*name_en;
};
struct qd_occupation {
	int64_t		 id;
	char		*code;		/* "6-18-01-01" */
	char		*name;		/* "车工" */
	int		 active;
	int64_t		 version;
};
enum catalog_mode {
	CATALOG_RECOGNITION,	/* 采认: recognised directly */
	CATALOG_ADOPTION,	/* 采信: adopted case by case */
};
/* What an entry compares: each has its own names for the five levels. */
enum catalog_kind {
	CATALOG_SKILL,		/* 职业技能: 一级/高级技师 .. 五级/初级工 */
	CATALOG_PROFESSIONAL,	/* 专业技术职业资格: 正高级 .. 员级 */
};
struct qd_catalog {
	int64_t		 id;
	char		*tw_qual;	/* "車床技術士" */
	char		*tw_level;	/* "乙級" */
	int64_t		 occupation_id;
	char		*occupation_code;	/* joined; ignored by writes */
	char		*occupation_name;
	int		 level;
	char		*level_name;	/* "三级/高级工", joined */
	enum catalog_mode mode;
	enum catalog_kind kind;
	int		 active;
	char		*note;
	int64_t		 version;	/* as read; an update checks it */
};
/* What db_catalog_list returns; a zero filter is everything. */
struct qd_catalog_filter {
	int		 by_mode;
	enum catalog_mode mode;
	/* In tw_qual or the occupation's name, both folded by namekey. */
	const char	*text;
	int		 active_only;
};
struct qd_agency {
	int64_t		 id;
	char		*name;
	int64_t		 office_id;
	char		*office_code;	/* joined */
	char		*office_name;
	char		*occupation_codes;	/* "6-18-01-11;6-31-01-13" */
	int		 active;
	int64_t		 version;
};
const char *catalog_mode_name(enum catalog_mode);	/* "recognition" */
const char *catalog_mode_label(enum catalog_mode);	/* "采认 Recognition" */
/* recognition, adoption (any case), 采认 or 采信. QD_OK or QD_EINVAL. */
int	 catalog_mode_parse(const char *, enum catalog_mode *);
const char *catalog_kind_name(enum catalog_kind);	/* "professional" */
const char *catalog_kind_label(enum catalog_kind);	/* "专业技术 Professional" */
/* skill, professional (any case), 技能 or 专业技术. QD_OK or QD_EINVAL. */
int	 catalog_kind_parse(const char *, enum catalog_kind *);
/*
 * For the db-*.c files: QD_OK if value is clean one-line text of 1 to max
 * characters (0 to max when empty is set), else QD_EINVAL with *why
 * naming the field by label ("备注 Note").
 */
int	 catalog_check_text(const char *value, int max, int empty,
	    const char *label, char **why);
/* The five levels in order. QD_OK or QD_EDB; free with level_free_array. */
int	 db_level_list(sqlite3 *, struct qd_level **out, size_t *n, char **why);
/* The same in the names of kind's scheme (专业技术: 正高级 .. 员级). */
int	 db_level_list_kind(sqlite3 *, enum catalog_kind, struct qd_level **out,
	    size_t *n, char **why);
void	 level_free_array(struct qd_level *, size_t);
/*
 * Occupations by code, all or only the active ones. QD_OK or QD_EDB;
 * free with occupation_free_array.
 */
int	 db_occupation_list(sqlite3 *, int active_only,
	    struct qd_occupation **out, size_t *n, char **why);
/*
 * The occupation whose code or name is key. QD_OK with *out (free with
 * occupation_free_array(*out, 1)), QD_ENOTFOUND or QD_EDB.
 */
int	 db_occupation_find(sqlite3 *, const char *key,
	    struct qd_occupation **out);
/*
 * Admin only: add an occupation (code of 0-9 A-Z a-z . -, up to 20; name
 * up to 40 characters). QD_EINVAL for a bad field, QD_ECONFLICT when the
 * code or the name is taken; *id (may be NULL) gets the new id.
 */
int	 db_occupation_add(sqlite3 *, const struct qd_user *actor,
	    const char *code, const char *name, int64_t *id, char **why);
/* The occupations agency_id covers, by code. As db_occupation_list. */
int	 db_occupation_list_by_agency(sqlite3 *, int64_t agency_id,
	    struct qd_occupation **out, size_t *n, char **why);
/*
 * Admin only: change occupation id (at version; 0: any) to code, name and
 * active (NULL and -1 keep them). As db_occupation_add; QD_ECONFLICT too
 * when it moved on from version.
 */
int	 db_occupation_update(sqlite3 *, const struct qd_user *actor,
	    int64_t id, int64_t version, const char *code, const char *name,
	    int active, char **why);
/* db_occupation_add's checks and insert, in the caller's transaction. */
int	 occupation_insert(sqlite3 *, const char *code, const char *name,
	    int64_t *id, char **why);
void	 occupation_free_array(struct qd_occupation *, size_t);
/*
 * Catalog entries with their occupation and level names, ordered by
 * tw_qual and tw_level, those filter (may be NULL) lets through: its text
 * matches Traditional or Simplified alike (车床 finds 車床技術士). QD_OK
 * (*out NULL when none) or QD_EDB; free with catalog_free_array.
 */
int	 db_catalog_list(sqlite3 *, const struct qd_catalog_filter *,
	    struct qd_catalog **out, size_t *n, char **why);
/* One entry by id. QD_OK with *out (free with catalog_free_array(*out,
 * 1)), QD_ENOTFOUND or QD_EDB. */
int	 db_catalog_get(sqlite3 *, int64_t id, struct qd_catalog **out,
	    char **why);
/* The entry for a Taiwan qualification and level; as db_catalog_get. */
int	 db_catalog_find(sqlite3 *, const char *tw_qual, const char *tw_level,
	    struct qd_catalog **out, char **why);
/*
 * Admin only: add entry (its tw_qual, tw_level, occupation_id, level,
 * mode, active and note). QD_EINVAL for a bad field or an unknown
 * occupation, QD_ECONFLICT when the qualification and level are already
 * in the catalog; *id (may be NULL) gets the new id.
 */
int	 db_catalog_add(sqlite3 *, const struct qd_user *actor,
	    const struct qd_catalog *entry, int64_t *id, char **why);
/*
 * Admin only: write entry's fields over the entry entry->id if it is
 * still at entry->version (the version goes up by one). QD_ECONFLICT
 * "已被 who 于 when 修改 changed by who at when" (the last writer and the
 * local time, from the audit trail) when it moved, or when the new
 * qualification and level are another entry's; QD_ENOTFOUND if gone.
 */
int	 db_catalog_update(sqlite3 *, const struct qd_user *actor,
	    const struct qd_catalog *entry, char **why);
/* Admin only: set active to 0 or 1, with the version check of update. */
int	 db_catalog_set_active(sqlite3 *, const struct qd_user *actor,
	    int64_t id, int64_t version, int active, char **why);
/*
 * Admin only: import CSV (header row first, columns in any order:
 * tw_qual, tw_level, occupation_code, occupation_name, level 1-5 or
 * 一级..五级, mode recognition/adoption or 采认/采信, optional active 1/0
 * and note). A new occupation code is added with its name; an existing
 * qualification and level is updated where it differs, a new one added.
 * All or nothing: the first bad row stops it with QD_EINVAL and
 * "第N行 line N: why", nothing written. *added and *updated count rows.
 */
int	 db_catalog_import(sqlite3 *, const struct qd_user *actor,
	    const char *data, size_t len, enum csv_charset, int *added,
	    int *updated, char **why);
/*
 * Any role: write the whole catalog as CSV (a header, then the columns
 * of the import) to f; importing it back changes nothing.
 */
int	 db_catalog_export(sqlite3 *, const struct qd_user *actor, FILE *,
	    enum csv_charset, char **why);
void	 catalog_free_array(struct qd_catalog *, size_t);
/*
 * Agencies with their office and the codes of the occupations they cover,
 * by office and name. QD_OK or QD_EDB; free with agency_free_array.
 */
int	 db_agency_list(sqlite3 *, struct qd_agency **out, size_t *n,
	    char **why);
/*
 * Admin only: add an agency (name up to 60 characters) in the office
 * office_code covering the occupations codes[0..ncodes). QD_EINVAL for a
 * bad name, office or code; QD_ECONFLICT if the name is taken.
 */
int	 db_agency_add(sqlite3 *, const struct qd_user *actor, const char *name,
	    const char *office_code, const char *const *codes, size_t ncodes,
	    int64_t *id, char **why);
/*
 * The active agency in office_id's city that covers occupation_id (the
 * first by id if several): QD_OK with *agency_id, QD_ENOTFOUND when the
 * city has none (the center then picks one in the province), or QD_EDB.
 */
int	 db_agency_for(sqlite3 *, int64_t office_id, int64_t occupation_id,
	    int64_t *agency_id);
/* Every active agency of the province that covers occupation_id. */
int	 db_agency_list_for_occupation(sqlite3 *, int64_t occupation_id,
	    struct qd_agency **out, size_t *n, char **why);
/*
 * Admin only: import agencies from CSV (columns name, office (its code),
 * occupation_codes separated by ';', optional active 1/0). An agency of
 * that name is updated (office, active, occupations), a new one added.
 * All or nothing, as db_catalog_import.
 */
int	 db_agency_import(sqlite3 *, const struct qd_user *actor,
	    const char *data, size_t len, enum csv_charset, int *added,
	    int *updated, char **why);
/* Any role: the agencies as CSV in the columns of the import. */
int	 db_agency_export(sqlite3 *, const struct qd_user *actor, FILE *,
	    enum csv_charset, char **why);
/*
 * The agency whose id (digits) or exact name is key: QD_OK with *out
 * (free with agency_free_array(*out, 1)), QD_ENOTFOUND or QD_EDB.
 */
int	 db_agency_get(sqlite3 *, const char *key, struct qd_agency **out,
	    char **why);
/* What an edit of an agency changes; NULL and -1 keep what it has. */
struct qd_agency_change {
	int64_t		 id;
	int64_t		 version;	/* as read; 0: whatever it is now */
	const char	*name;
	const char	*office_code;
	const char *const *codes;	/* NULL: keep; else exactly these */
	size_t		 ncodes;
	int		 active;	/* 1, 0, or -1 */
};
/*
 * Admin only: change agency ch->id. QD_EINVAL for a bad name, office or
 * code (or none), QD_ECONFLICT when the name is another's or the agency
 * moved on from ch->version (who and when in *why), QD_ENOTFOUND.
 */
int	 db_agency_update(sqlite3 *, const struct qd_user *actor,
	    const struct qd_agency_change *ch, char **why);
/* "a; b；c" into trimmed codes; free each and the array. */
char	**agency_codes_split(const char *, size_t *n);
void	 agency_free_array(struct qd_agency *, size_t);


/* cmd-catalog.c: the catalog, occupation and agency verbs. */
struct cmd_ctx;
int	 cmd_catalog_list(struct cmd_ctx *, int, char **);
int	 cmd_catalog_import(struct cmd_ctx *, int, char **);
int	 cmd_catalog_export(struct cmd_ctx *, int, char **);
int	 cmd_occupation_list(struct cmd_ctx *, int, char **);
int	 cmd_agency_list(struct cmd_ctx *, int, char **);
int	 cmd_agency_import(struct cmd_ctx *, int, char **);
int	 cmd_agency_export(struct cmd_ctx *, int, char **);
/* Print occupations and agencies as their list verbs do. */
int	 cmd_occupation_print(struct cmd_ctx *, enum cmd_format,
	    const struct qd_occupation *, size_t);
int	 cmd_agency_print(struct cmd_ctx *, enum cmd_format,
	    const struct qd_agency *, size_t);

/* cmd-agency.c: agency add and edit, occupation add and edit. */
int	 cmd_agency_add(struct cmd_ctx *, int, char **);
int	 cmd_agency_edit(struct cmd_ctx *, int, char **);
int	 cmd_occupation_add(struct cmd_ctx *, int, char **);
int	 cmd_occupation_edit(struct cmd_ctx *, int, char **);


/* demo-catalog.c: the invented catalog and agencies into empty tables. */
int	 catalog_demo(sqlite3 *, char **why);

/* tables.c: the audited tables of 002-cases.sql the module owns. */
extern const struct schema_table catalog_tables[];

#endif /* CATALOG_CATALOG_H */
