/* Logging to stderr or syslog, with the calling function's name. */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>
#include <time.h>
#include <unistd.h>

#include "qualdesk.h"

static int		 log_use_syslog;
static int		 log_fd = 2;	/* the server's stderr, kept apart */
static enum log_level	 log_threshold = LOG_LEVEL_INFO;

static const char *log_level_names[] = {
	[LOG_LEVEL_ERROR] = "error",
	[LOG_LEVEL_WARN] = "warn",
	[LOG_LEVEL_INFO] = "info",
	[LOG_LEVEL_DEBUG] = "debug",
};

/* Send messages to target ("stderr" or "syslog") from level up. */
void
log_open(const char *target, enum log_level level, const char *tag)
{
	log_threshold = level;
	/*
	 * Keep a descriptor of our own: a session's child has a user's
	 * terminal or pipes on 0, 1 and 2, and nothing logged may reach them.
	 */
	if (log_fd == 2 && (log_fd = fcntl(2, F_DUPFD_CLOEXEC, 3)) == -1)
		log_fd = 2;
	if (target != NULL && strcmp(target, "syslog") == 0) {
		openlog(tag, LOG_PID | LOG_NDELAY, LOG_DAEMON);
		log_use_syslog = 1;
	} else {
		if (log_use_syslog)
			closelog();
		log_use_syslog = 0;
	}
}

int
log_move_fd(int to)
{
	if (log_fd == to)
		return to;
	if (log_fd == 2 || dup2(log_fd, to) == -1) {
		/* Nowhere safe to write: say nothing rather than to a user. */
		log_fd = -1;
		return -1;
	}
	close(log_fd);
	log_fd = to;
	return to;
}

void
log_set_level(enum log_level level)
{
	log_threshold = level;
}

int
log_level_parse(const char *s, enum log_level *out)
{
	size_t	 i;

	for (i = 0; i < nitems(log_level_names); i++) {
		if (strcmp(s, log_level_names[i]) == 0) {
			*out = (enum log_level)i;
			return QD_OK;
		}
	}
	return QD_EINVAL;
}

static void
log_vwrite(enum log_level level, const char *func, const char *fmt, va_list ap)
{
	static const int prio[] = { LOG_ERR, LOG_WARNING, LOG_INFO, LOG_DEBUG };
	char		 msg[1024], stamp[32];
	struct tm	 tm;
	time_t		 now;

	vsnprintf(msg, sizeof msg, fmt, ap);
	if (log_use_syslog) {
		syslog(prio[level], "%s: %s", func, msg);
		return;
	}
	now = time(NULL);
	gmtime_r(&now, &tm);
	strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &tm);
	if (log_fd != -1)
		dprintf(log_fd, "%s %s[%ld] %s %s: %s\n", stamp, QD_NAME,
		    (long)getpid(), log_level_names[level], func, msg);
}

void
log_msg(enum log_level level, const char *func, const char *fmt, ...)
{
	va_list	 ap;

	if (level > log_threshold)
		return;
	va_start(ap, fmt);
	log_vwrite(level, func, fmt, ap);
	va_end(ap);
}

void
fatal_at(const char *func, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	log_vwrite(LOG_LEVEL_ERROR, func, fmt, ap);
	va_end(ap);
	abort();
}
