/*
 * The notices to applicants (通知台胞), as an outbox: what was said, how,
 * when, by whom and whether the delivery command sent it. An office sees
 * its own cases' notices; the center, admins and auditors all.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "case/case.h"

void
notice_rows_free(struct qd_notice *list, size_t n)
{
	size_t	 i;

	if (list == NULL)
		return;
	for (i = 0; i < n; i++) {
		free(list[i].applicant_name);
		free(list[i].channel);
		free(list[i].text);
		free(list[i].recorded_by);
		free(list[i].recorded_at);
		free(list[i].status);
		free(list[i].detail);
	}
	free(list);
}

int
db_notice_list(sqlite3 *db, const struct qd_user *actor, int64_t case_id,
    int64_t before, int limit, struct qd_notice **out, size_t *n,
    char **why)
{
	struct qd_notice	*e;
	sqlite3_stmt		*st;
	int			 step;

	*out = NULL;
	*n = 0;
	if (limit <= 0 || limit > 1000)
		limit = 100;
	if (db_prepare(db, "SELECT n.id, n.case_id, a.name, n.channel, n.text,"
	    " n.recorded_by, n.recorded_at, n.status, n.detail FROM notices n"
	    " JOIN cases c ON c.id = n.case_id JOIN applicants a"
	    " ON a.id = c.applicant_id WHERE (?1 = 0 OR c.office_id = ?1)"
	    " AND (?2 = 0 OR n.case_id = ?2) AND (?3 = 0 OR n.id < ?3)"
	    " ORDER BY n.id DESC LIMIT ?4", &st) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int64(st, 1, role_has_office(actor->role) ?
	    actor->office_id : 0);
	sqlite3_bind_int64(st, 2, case_id);
	sqlite3_bind_int64(st, 3, before);
	sqlite3_bind_int(st, 4, limit);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		*out = xreallocarray(*out, *n + 1, sizeof **out);
		e = &(*out)[(*n)++];
		e->id = sqlite3_column_int64(st, 0);
		e->case_id = sqlite3_column_int64(st, 1);
		e->applicant_name = db_column_strdup(st, 2);
		e->channel = db_column_strdup(st, 3);
		e->text = db_column_strdup(st, 4);
		e->recorded_by = db_column_strdup(st, 5);
		e->recorded_at = db_column_strdup(st, 6);
		e->status = db_column_strdup(st, 7);
		e->detail = db_column_strdup(st, 8);
	}
	sqlite3_finalize(st);
	if (step != SQLITE_DONE) {
		notice_rows_free(*out, *n);
		*out = NULL;
		*n = 0;
		return db_fail(db, why);
	}
	return QD_OK;
}

const char *
notice_status_label(const char *status)
{
	if (status != NULL && strcmp(status, "sent") == 0)
		return "已发送 Sent";
	if (status != NULL && strcmp(status, "failed") == 0)
		return "发送失败 Failed";
	return "已记录 Recorded";
}

/* The ways an applicant is told, as the schema's CHECK lists them. */
static const struct {
	const char	*channel;
	const char	*label;
} notice_channels[] = {
	{ "sms", "短信 SMS" }, { "phone", "电话 Phone" },
	{ "email", "电子邮件 E-mail" }, { "wechat", "微信 WeChat" },
	{ "in_person", "当面 In person" }, { "post", "邮寄 Post" },
};
#define NOTICE_NCHANNELS (nitems(notice_channels))

const char *
notice_channel(size_t i)
{
	return i < NOTICE_NCHANNELS ? notice_channels[i].channel : NULL;
}

int
notice_channel_valid(const char *channel)
{
	size_t	 i;

	for (i = 0; i < NOTICE_NCHANNELS; i++) {
		if (channel != NULL &&
		    strcmp(notice_channels[i].channel, channel) == 0)
			return 1;
	}
	return 0;
}

const char *
notice_channel_label(const char *channel)
{
	size_t	 i;

	for (i = 0; i < NOTICE_NCHANNELS; i++) {
		if (channel != NULL &&
		    strcmp(notice_channels[i].channel, channel) == 0)
			return notice_channels[i].label;
	}
	return channel != NULL ? channel : "";
}
