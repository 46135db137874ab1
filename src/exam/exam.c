/*
 * What the exam module's files share: the labels of its codes and the
 * end of a write transaction.
 */
#include <string.h>

#include "exam/exam.h"
#include "exam/exam-db.h"

struct exam_label {
	const char	*code;
	const char	*label;
};

static const struct exam_label exam_kinds[] = {
	{ "qualification", "职业资格证书 Vocational qualification" },
	{ "skill", "职业技能等级证书 Skill level certificate" },
	{ "special", "专项职业能力证书 Special ability certificate" },
};
static const struct exam_label exam_demand_states[] = {
	{ "recorded", "已登记 Recorded" },
	{ "reported", "已报送 Reported" },
	{ "invited", "已编入计划 In a plan" },
	{ "done", "已考试 Examined" },
	{ "withdrawn", "已撤回 Withdrawn" },
};
static const struct exam_label exam_plan_states[] = {
	{ "draft", "草拟 Draft" },
	{ "published", "已发布 Published" },
	{ "closed_reg", "报名截止 Registration closed" },
	{ "held", "已考试 Held" },
	{ "results", "成绩已录 Results recorded" },
	{ "closed", "已结束 Closed" },
	{ "cancelled", "已取消 Cancelled" },
};
static const struct exam_label exam_modes[] = {
	{ "onsite", "现场 On site" },
	{ "remote", "跨境考点 Cross-border site" },
	{ "online", "线上监考 Proctored online" },
};
static const struct exam_label exam_outcomes[] = {
	{ "pass", "合格 Pass" },
	{ "fail", "不合格 Fail" },
	{ "absent", "缺考 Absent" },
};

static const char *
exam_label_of(const struct exam_label *l, size_t n, const char *code)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		if (code != NULL && strcmp(l[i].code, code) == 0)
			return l[i].label;
	}
	return code != NULL ? code : "";
}

const char *
exam_kind_label(const char *kind)
{
	return exam_label_of(exam_kinds, nitems(exam_kinds), kind);
}

const char *
exam_demand_state_label(const char *state)
{
	return exam_label_of(exam_demand_states, nitems(exam_demand_states),
	    state);
}

const char *
exam_plan_state_label(const char *state)
{
	return exam_label_of(exam_plan_states, nitems(exam_plan_states),
	    state);
}

const char *
exam_mode_label(const char *mode)
{
	return exam_label_of(exam_modes, nitems(exam_modes), mode);
}

const char *
exam_outcome_label(const char *outcome)
{
	return exam_label_of(exam_outcomes, nitems(exam_outcomes), outcome);
}

int
exam_kind_valid(const char *kind)
{
	return kind != NULL && exam_kind_label(kind) != kind;
}

int
exam_scoped(const struct qd_user *actor)
{
	return role_has_office(actor->role);
}

int
exam_fail(sqlite3 *db, char **why)
{
	int	 ext = sqlite3_extended_errcode(db);

	if (ext == SQLITE_CONSTRAINT_TRIGGER) {
		why_set(why, "%s", sqlite3_errmsg(db));
		return QD_EDENIED;
	}
	if (ext == SQLITE_CONSTRAINT_UNIQUE) {
		why_set(why, "重复 already on record (%s)", sqlite3_errmsg(db));
		return QD_ECONFLICT;
	}
	if ((ext & 0xff) == SQLITE_CONSTRAINT) {
		why_set(why, "数据不合规定 the values break a rule (%s)",
		    sqlite3_errmsg(db));
		return QD_EINVAL;
	}
	return db_fail(db, why);
}

int
exam_tx_end(sqlite3 *db, int rc, char **why)
{
	if (rc == QD_OK && db_commit(db) != QD_OK)
		rc = db_fail(db, why);
	if (rc != QD_OK)
		db_rollback(db);
	return rc;
}

int
exam_step_done(sqlite3 *db, sqlite3_stmt *st, char **why)
{
	int	 step = sqlite3_step(st), rc = QD_OK;

	if (step != SQLITE_DONE && step != SQLITE_ROW)
		rc = exam_fail(db, why);
	sqlite3_finalize(st);
	return rc;
}

int
exam_text_check(const char *text, int max, const char *zh, const char *en,
    int required, char **why)
{
	if (text == NULL || text[strspn(text, " ")] == '\0') {
		if (!required)
			return QD_OK;
		why_set(why, "请填写%s %s is required", zh, en);
		return QD_EINVAL;
	}
	if (!text_valid(text)) {
		why_set(why, "%s含无效字符 %s holds invalid characters", zh, en);
		return QD_EINVAL;
	}
	if (strlen(text) > (size_t)max * 4 || text_width(text) > 2 * max) {
		why_set(why, "%s过长（至多%d字） %s is too long (at most %d"
		    " characters)", zh, max, en, max);
		return QD_EINVAL;
	}
	return QD_OK;
}
