/*
 * The demo's invented training providers, loaded by `serve --demo` into
 * an empty database. Every name is made up.
 */
#include "training/training.h"

int
training_demo(sqlite3 *db, char **why)
{
	char	*err = NULL;
	int	 rc = QD_OK;

	if (demo_count(db, "SELECT count(*) FROM training_providers") != 0)
		return QD_OK;
	if (sqlite3_exec(db, "INSERT INTO training_providers (name, kind,"
	    " office_id) VALUES ('海峡职业技能培训学校（示例）', 'institution',"
	    " 10), ('闽台人力资源服务有限公司（示例）', 'hr_agency', 2),"
	    " ('榕城职业技术学院（示例）', 'college', 1);"
	    "INSERT INTO training_provider_occupations (provider_id,"
	    " occupation_id) SELECT p.id, o.id FROM training_providers p,"
	    " (SELECT id FROM occupations ORDER BY id LIMIT 3) o;", NULL, NULL,
	    &err) != SQLITE_OK) {
		why_set(why, "演示培训机构 demo providers: %s",
		    err != NULL ? err : "");
		rc = QD_EDB;
	}
	sqlite3_free(err);
	return rc;
}
