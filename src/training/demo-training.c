/*
 * The demo's invented training providers and two classes (one open for
 * enrolment with quotas for Fuzhou and Xiamen, one a draft), loaded by
 * `serve --demo` into an empty database. Every name is made up.
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
	    " (SELECT id FROM occupations ORDER BY id LIMIT 3) o;"
	    /* Two invented classes: one open with quotas, one a draft. */
	    "INSERT INTO training_classes (title, provider_id, occupation_id,"
	    " level, starts_on, ends_on, hours, place, seats, enrol_from,"
	    " enrol_to, quota_cutoff, fee_fen, subsidy_note) SELECT"
	    " '示例职业技能提升班', 1, min(id), 4, date('now', '+30 days'),"
	    " date('now', '+45 days'), 64, '平潭（示例地址）', 30, date('now',"
	    " '-1 days'), date('now', '+20 days'), date('now', '+10 days'),"
	    " 0, '结业后可申请职业培训补贴（示例）' FROM occupations;"
	    "INSERT INTO training_class_quotas (class_id, office_id, seats)"
	    " SELECT max(id), 1, 8 FROM training_classes;"
	    "INSERT INTO training_class_quotas (class_id, office_id, seats)"
	    " SELECT max(id), 2, 8 FROM training_classes;"
	    "UPDATE training_classes SET state = 'published', action ="
	    " 'publish', published_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),"
	    " version = version + 1;"
	    "INSERT INTO training_classes (title, provider_id, occupation_id,"
	    " level, starts_on, ends_on, hours, online, seats, enrol_from,"
	    " enrol_to) SELECT '示例线上入门班', 2, max(id), 5, date('now',"
	    " '+40 days'), date('now', '+42 days'), 16, 1, 50, date('now',"
	    " '+5 days'), date('now', '+30 days') FROM occupations;", NULL, NULL,
	    &err) != SQLITE_OK) {
		why_set(why, "演示培训机构 demo providers: %s",
		    err != NULL ? err : "");
		rc = QD_EDB;
	}
	sqlite3_free(err);
	return rc;
}
