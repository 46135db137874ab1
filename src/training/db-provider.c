/*
 * Training providers (培训机构): training institutions, cross-strait HR
 * agencies and colleges, each in one city, with the occupations they
 * teach. The center's admins keep them, one at a time or from CSV.
 */
#include <stdlib.h>
#include <string.h>

#include "training/training.h"

const struct cmd_column training_provider_columns[] = {
	{ "id", "ID", CMD_NUMBER, 0, 0 },
	{ "name", "NAME", CMD_STRING, 0, 30 },
	{ "kind", "KIND", CMD_STRING, 0, 0 },
	{ "office", "OFFICE", CMD_STRING, 0, 0 },
	{ "occupations", "OCCUPATIONS", CMD_STRING, 0, 40 },
	{ "active", "ACTIVE", CMD_BOOL, 0, 0 },
	{ "version", "VERSION", CMD_NUMBER, CMD_NOTEXT, 0 },
};
const size_t training_provider_ncolumns = nitems(training_provider_columns);

static const char *const provider_kinds[] = {
	"institution", "hr_agency", "college",
};

static const char provider_denied[] = "仅中心管理员可维护培训机构 only a"
    " center admin may change training providers";

/* Save one provider inside an open transaction. */
static int
provider_save_one(sqlite3 *db, const char *name, const char *kind,
    const char *office, const char *codes, int active, int64_t *id,
    char **why)
{
	sqlite3_stmt	*st = NULL;
	int64_t		 office_id, occ;
	char		*list = NULL, *code, *save = NULL;
	size_t		 i;
	int		 rc;

	for (i = 0; i < nitems(provider_kinds); i++) {
		if (kind != NULL && strcmp(kind, provider_kinds[i]) == 0)
			break;
	}
	if (i == nitems(provider_kinds)) {
		why_set(why, "机构类别应为 institution、hr_agency 或 college "
		    "the kind is institution, hr_agency or college");
		return QD_EINVAL;
	}
	if (name == NULL || *name == '\0' || !text_valid(name) ||
	    strlen(name) > 180) {
		why_set(why, "请填写机构名称（最多60字）give the provider's"
		    " name (at most 60 characters)");
		return QD_EINVAL;
	}
	if ((rc = training_office_by_code(db, office, &office_id, why)) !=
	    QD_OK)
		return rc;
	if (db_prepare(db, "INSERT INTO training_providers (name, kind,"
	    " office_id, active) VALUES (?1, ?2, ?3, ?4) ON CONFLICT (name)"
	    " DO UPDATE SET kind = excluded.kind, office_id ="
	    " excluded.office_id, active = excluded.active, version ="
	    " version + 1 RETURNING id", &st) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_text(st, 1, name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, kind, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 3, office_id);
	sqlite3_bind_int(st, 4, active);
	if (sqlite3_step(st) != SQLITE_ROW) {
		rc = db_fail(db, why);
		goto out;
	}
	*id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	st = NULL;
	if (db_prepare(db, "DELETE FROM training_provider_occupations"
	    " WHERE provider_id = ?1", &st) != QD_OK) {
		rc = db_fail(db, why);
		goto out;
	}
	sqlite3_bind_int64(st, 1, *id);
	if (sqlite3_step(st) != SQLITE_DONE) {
		rc = db_fail(db, why);
		goto out;
	}
	sqlite3_finalize(st);
	st = NULL;
	list = xstrdup(codes != NULL ? codes : "");
	for (code = strtok_r(list, "; ", &save); code != NULL;
	    code = strtok_r(NULL, "; ", &save)) {
		if ((rc = training_occupation_by_code(db, code, &occ, why)) !=
		    QD_OK)
			goto out;
		if (db_prepare(db, "INSERT OR IGNORE INTO"
		    " training_provider_occupations (provider_id,"
		    " occupation_id) VALUES (?1, ?2)", &st) != QD_OK) {
			rc = db_fail(db, why);
			goto out;
		}
		sqlite3_bind_int64(st, 1, *id);
		sqlite3_bind_int64(st, 2, occ);
		if (sqlite3_step(st) != SQLITE_DONE) {
			rc = db_fail(db, why);
			goto out;
		}
		sqlite3_finalize(st);
		st = NULL;
	}
	rc = QD_OK;
out:
	sqlite3_finalize(st);
	free(list);
	return rc;
}

int
db_training_provider_save(sqlite3 *db, const struct qd_user *actor,
    const char *name, const char *kind, const char *office,
    const char *codes, int active, int64_t *id, char **why)
{
	int	 rc;

	if (!user_may(actor, "training-provider write")) {
		why_set(why, "%s", provider_denied);
		return QD_EDENIED;
	}
	if (db_begin(db) != QD_OK)
		return training_fail(db, why);
	if ((rc = provider_save_one(db, name, kind, office, codes, active, id,
	    why)) != QD_OK) {
		db_rollback(db);
		return rc;
	}
	if (db_commit(db) != QD_OK)
		return training_fail(db, why);
	return QD_OK;
}

static const struct csv_column provider_csv[] = {
	{ "name", "机构名称", 1 },
	{ "kind", "类别", 1 },
	{ "office", "所在城市", 1 },
	{ "occupations", "培训职业", 0 },
	{ "active", "启用", 0 },
};

static int
provider_import_row(sqlite3 *db, void *arg, size_t line, char **cells,
    char **why)
{
	int	*n = arg, active = 1, rc;
	int64_t	 id;

	(void)line;
	if ((rc = db_import_flag(cells[4], "启用 active", &active, why)) !=
	    QD_OK)
		return rc;
	if ((rc = provider_save_one(db, cells[0], cells[1], cells[2],
	    cells[3], active, &id, why)) == QD_OK)
		(*n)++;
	return rc;
}

int
db_training_provider_import(sqlite3 *db, const struct qd_user *actor,
    const char *data, size_t len, enum csv_charset charset, int *n,
    char **why)
{
	*n = 0;
	if (!user_may(actor, "training-provider write")) {
		why_set(why, "%s", provider_denied);
		return QD_EDENIED;
	}
	return db_import(db, data, len, charset, provider_csv,
	    nitems(provider_csv), provider_import_row, n, why);
}

int
db_training_provider_list(sqlite3 *db, const struct qd_user *actor,
    struct cmd_rows *rows, char **why)
{
	(void)actor;
	return training_rows(db, "SELECT p.id, p.name, p.kind, o.code,"
	    " coalesce((SELECT group_concat(c.code, ';') FROM"
	    " training_provider_occupations po JOIN occupations c ON c.id ="
	    " po.occupation_id WHERE po.provider_id = p.id), ''), p.active,"
	    " p.version FROM training_providers p JOIN offices o ON o.id ="
	    " p.office_id ORDER BY p.id", rows, why, "");
}
