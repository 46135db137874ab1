/*
 * Delivering notices to applicants (通知台胞) through the configured
 * command, e.g. an SMS gateway's script. The notice is recorded first
 * (db_case_notify); delivery runs after that transaction, so a slow or
 * failing gateway never holds the database, and its outcome is recorded
 * on the notice. The command gets the text on standard input and the
 * rest in its environment: nothing of the notice reaches a command line
 * or a shell's parser.
 */
#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "case/case.h"

#define NOTICE_OUTPUT_MAX	200	/* bytes of output kept as the reason */

/* What the command is told about a notice. */
struct notice_job {
	int64_t		 id;
	int64_t		 case_id;
	char		*channel;
	char		*text;
	char		*name;
	char		*phone;
	char		*email;
};

static void
notice_job_free(struct notice_job *j)
{
	free(j->channel);
	free(j->text);
	free(j->name);
	free(j->phone);
	free(j->email);
}

/* Read the notice and its applicant's contact, scoped to the actor. */
static int
notice_load(sqlite3 *db, const struct qd_user *actor, int64_t id,
    struct notice_job *j, char **why)
{
	sqlite3_stmt	*st;
	int		 rc = QD_OK;

	memset(j, 0, sizeof *j);
	if (db_prepare(db, "SELECT n.id, n.case_id, n.channel, n.text, a.name,"
	    " a.phone, a.email FROM notices n JOIN cases c ON c.id = n.case_id"
	    " JOIN applicants a ON a.id = c.applicant_id WHERE n.id = ?1"
	    " AND (?2 = 0 OR c.office_id = ?2)", &st) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, role_has_office(actor->role) ?
	    actor->office_id : 0);
	if (sqlite3_step(st) == SQLITE_ROW) {
		j->id = sqlite3_column_int64(st, 0);
		j->case_id = sqlite3_column_int64(st, 1);
		j->channel = db_column_strdup(st, 2);
		j->text = db_column_strdup(st, 3);
		j->name = db_column_strdup(st, 4);
		j->phone = db_column_strdup(st, 5);
		j->email = db_column_strdup(st, 6);
	} else {
		why_set(why, "找不到通知 %" PRId64 " no notice %" PRId64, id,
		    id);
		rc = QD_ENOTFOUND;
	}
	sqlite3_finalize(st);
	return rc;
}

/* The child: pipes on 0, 1 and 2, the notice in the environment. */
static void __attribute__((noreturn))
notice_child(const char *command, const struct notice_job *j, int in, int out)
{
	char	 num[32];

	if (dup2(in, 0) < 0 || dup2(out, 1) < 0 || dup2(out, 2) < 0)
		_exit(127);
	closefrom(3);
	setsid();
	signal(SIGPIPE, SIG_DFL);
	clearenv();
	setenv("PATH", "/usr/local/bin:/usr/bin:/bin", 1);
	snprintf(num, sizeof num, "%" PRId64, j->id);
	setenv("QD_NOTICE_ID", num, 1);
	snprintf(num, sizeof num, "%" PRId64, j->case_id);
	setenv("QD_CASE_ID", num, 1);
	setenv("QD_CHANNEL", j->channel, 1);
	setenv("QD_NAME", j->name, 1);
	setenv("QD_PHONE", j->phone != NULL ? j->phone : "", 1);
	setenv("QD_EMAIL", j->email != NULL ? j->email : "", 1);
	execl("/bin/sh", "sh", "-c", command, (char *)NULL);
	_exit(127);
}

/* Milliseconds on the monotonic clock. */
static long long
notice_now_ms(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/*
 * Feed the text, collect the first output, wait for the end or the
 * deadline. Returns the wait status, or -1 when it had to be killed.
 */
static int
notice_wait(pid_t pid, int in, int out, const char *text, int timeout,
    char *buf, size_t bufsz)
{
	struct pollfd	 pfd;
	long long	 deadline = notice_now_ms() + timeout * 1000LL;
	char		 drain[256];
	size_t		 got = 0;
	ssize_t		 r;
	int		 status;

	/* The text is at most a few KB: a pipe holds it whole. */
	if (write(in, text, strlen(text)) < 0)
		log_warn("notice: cannot write the text: %s", strerror(errno));
	close(in);
	pfd.fd = out;
	pfd.events = POLLIN;
	while (notice_now_ms() < deadline) {
		if (poll(&pfd, 1, 200) <= 0)
			continue;
		/* Keep the start, drain the rest so the command never blocks. */
		if (got < bufsz - 1)
			r = read(out, buf + got, bufsz - 1 - got);
		else
			r = read(out, drain, sizeof drain);
		if (r <= 0)
			break;
		if (got < bufsz - 1)
			got += (size_t)r;
	}
	buf[got] = '\0';
	close(out);
	if (notice_now_ms() >= deadline &&
	    waitpid(pid, &status, WNOHANG) == 0) {
		kill(-pid, SIGKILL);
		kill(pid, SIGKILL);
		waitpid(pid, &status, 0);
		return -1;
	}
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	return status;
}

/* Record the outcome on the notice. */
static int
notice_record(sqlite3 *db, int64_t id, int sent, const char *detail,
    char **why)
{
	sqlite3_stmt	*st;
	int		 rc = QD_OK;

	if (db_prepare(db, "UPDATE notices SET status = ?2, sent_at ="
	    " strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), detail = ?3"
	    " WHERE id = ?1", &st) != QD_OK)
		return db_fail(db, why);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, sent ? "sent" : "failed", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, detail, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = db_fail(db, why);
	sqlite3_finalize(st);
	return rc;
}

/* The first line of out, valid text, cut to what the schema keeps. */
static void
notice_detail(char *out, char *detail, size_t len)
{
	size_t	 cut;

	out[strcspn(out, "\r\n")] = '\0';
	if (!text_valid(out))
		snprintf(out, 2, "?");
	cut = text_fit(out, (int)len / 2);
	snprintf(detail, len, "%.*s", (int)cut, out);
}

int
notice_deliver(sqlite3 *db, const struct qd_user *actor,
    const struct qd_config *cfg, int64_t id, char **why)
{
	struct notice_job	 j;
	char			 out[NOTICE_OUTPUT_MAX + 1], detail[256];
	int			 in[2], op[2], status, rc;
	pid_t			 pid;

	if (cfg == NULL || cfg->notify_command == NULL)
		return QD_ENOTFOUND;
	if ((rc = notice_load(db, actor, id, &j, why)) != QD_OK)
		return rc;
	if (pipe(in) != 0 || pipe(op) != 0 || (pid = fork()) < 0) {
		why_set(why, "无法运行通知命令 cannot run the delivery"
		    " command: %s", strerror(errno));
		notice_job_free(&j);
		return QD_ESYS;
	}
	if (pid == 0)
		notice_child(cfg->notify_command, &j, in[0], op[1]);
	close(in[0]);
	close(op[1]);
	status = notice_wait(pid, in[1], op[0], j.text, cfg->notify_timeout,
	    out, sizeof out);
	notice_detail(out, detail, sizeof detail);
	if (status == -1)
		snprintf(detail, sizeof detail, "超时 timed out after %d s",
		    cfg->notify_timeout);
	else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		if (detail[0] == '\0')
			snprintf(detail, sizeof detail, "exit status %d",
			    WIFEXITED(status) ? WEXITSTATUS(status) : 128 +
			    WTERMSIG(status));
	}
	rc = notice_record(db, id, status != -1 && WIFEXITED(status) &&
	    WEXITSTATUS(status) == 0, detail, why);
	log_info("notice %" PRId64 " of case %" PRId64 " by %s: %s", id,
	    j.case_id, j.channel, status == 0 ? "sent" : "failed");
	if (rc == QD_OK && status != 0) {
		why_set(why, "通知发送失败 delivery failed: %s", detail);
		rc = QD_ESYS;
	}
	notice_job_free(&j);
	return rc;
}
