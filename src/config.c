/*
 * The configuration file, sshd_config style: one "keyword value" per line,
 * '#' starts a comment, blank lines are ignored. Every keyword is a row of
 * config_table; the man page qualdesk.conf(5) follows the same table.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "qualdesk.h"

#define CONFIG_MAX_LINE		4096
#define CONFIG_MAX_LISTEN	64

enum config_type {
	CONFIG_INT,
	CONFIG_PATH,
	CONFIG_LISTEN,
	CONFIG_COMPRESSION,
	CONFIG_LOG_TARGET,
	CONFIG_LOG_LEVEL,
	CONFIG_STARTUPS,	/* N or START:RATE:FULL */
	CONFIG_PENALTIES,	/* no, or KIND:SECONDS,... */
};

struct config_entry {
	const char		*name;
	enum config_type	 type;
	size_t			 offset;
	int			 min;
	int			 max;
};

#define CONFIG_AT(field) offsetof(struct qd_config, field)

static const struct config_entry config_table[] = {
	{ "listen", CONFIG_LISTEN, 0, 0, 0 },
	{ "database", CONFIG_PATH, CONFIG_AT(database), 0, 0 },
	{ "host_key", CONFIG_PATH, CONFIG_AT(host_key), 0, 0 },
	{ "max_sessions", CONFIG_INT, CONFIG_AT(max_sessions), 1, 10000 },
	{ "max_startups", CONFIG_STARTUPS, 0, 1, 10000 },
	{ "max_startups_per_source", CONFIG_INT,
	    CONFIG_AT(max_startups_per_source), 1, 10000 },
	{ "login_grace_time", CONFIG_INT, CONFIG_AT(login_grace_time), 1, 3600 },
	{ "max_auth_tries", CONFIG_INT, CONFIG_AT(max_auth_tries), 1, 100 },
	{ "per_source_penalties", CONFIG_PENALTIES, 0, 0, 86400 },
	{ "shutdown_grace", CONFIG_INT, CONFIG_AT(shutdown_grace), 0, 3600 },
	{ "idle_timeout", CONFIG_INT, CONFIG_AT(idle_timeout), 0, 604800 },
	{ "client_alive_interval", CONFIG_INT,
	    CONFIG_AT(client_alive_interval), 0, 3600 },
	{ "escdelay", CONFIG_INT, CONFIG_AT(escdelay), 0, 10000 },
	{ "compression", CONFIG_COMPRESSION, CONFIG_AT(compression), 0, 0 },
	{ "log", CONFIG_LOG_TARGET, CONFIG_AT(log_target), 0, 0 },
	{ "log_level", CONFIG_LOG_LEVEL, CONFIG_AT(log_level), 0, 0 },
	{ "notify_command", CONFIG_PATH, CONFIG_AT(notify_command), 0, 0 },
	{ "notify_timeout", CONFIG_INT, CONFIG_AT(notify_timeout), 1, 300 },
};
#define CONFIG_NENTRIES (nitems(config_table))

static const char *config_default_listen[] = { "0.0.0.0:2222", "[::]:2222" };

static const struct {
	const char		*name;
	enum compression_mode	 mode;
} config_compression_names[] = {
	{ "no", COMPRESSION_NO },
	{ "yes", COMPRESSION_YES },
	{ "force", COMPRESSION_FORCE },
};

/* Where one line of the file is being read, for messages. */
struct config_parse {
	const char	*path;
	unsigned	 line;
	int		 listen_seen;	/* a listen line replaced the list */
	char		*why;
};

/* Set p->why to "FILE:LINE: message". Returns QD_EINVAL. */
static int __attribute__((format(printf, 2, 3)))
config_error(struct config_parse *p, const char *fmt, ...)
{
	va_list	 ap;
	char	*msg;

	va_start(ap, fmt);
	xvasprintf(&msg, fmt, ap);
	va_end(ap);
	free(p->why);
	xasprintf(&p->why, "%s:%u: %s", p->path, p->line, msg);
	free(msg);
	return QD_EINVAL;
}

static void
config_free_listen(struct qd_config *cfg)
{
	size_t	 i;

	for (i = 0; i < cfg->nlisten; i++)
		free(cfg->listen[i]);
	xfree(&cfg->listen);
	cfg->nlisten = 0;
}

static void
config_push_listen(struct qd_config *cfg, const char *addr)
{
	cfg->listen = xreallocarray(cfg->listen, cfg->nlisten + 1,
	    sizeof *cfg->listen);
	cfg->listen[cfg->nlisten++] = xstrdup(addr);
}

void
config_defaults(struct qd_config *cfg)
{
	size_t	 i;

	memset(cfg, 0, sizeof *cfg);
	for (i = 0; i < nitems(config_default_listen); i++)
		config_push_listen(cfg, config_default_listen[i]);
	cfg->host_key = xstrdup(QD_DEFAULT_HOST_KEY);
	cfg->max_sessions = 1000;
	cfg->max_startups = 100;
	cfg->max_startups_start = 60;
	cfg->max_startups_rate = 30;
	cfg->penalty_authfail = 5;
	cfg->penalty_noauth = 1;
	cfg->penalty_grace = 20;
	cfg->penalty_max = 600;
	cfg->penalty_min = 15;
	cfg->max_startups_per_source = 50;
	cfg->login_grace_time = 30;
	cfg->max_auth_tries = 6;
	cfg->shutdown_grace = 10;
	cfg->idle_timeout = 0;
	cfg->escdelay = 150;
	cfg->compression = COMPRESSION_YES;
	cfg->log_target = xstrdup("stderr");
	cfg->log_level = LOG_LEVEL_INFO;
	cfg->notify_timeout = 15;
}

void
config_free(struct qd_config *cfg)
{
	config_free_listen(cfg);
	xfree(&cfg->path);
	xfree(&cfg->database);
	xfree(&cfg->host_key);
	xfree(&cfg->log_target);
	xfree(&cfg->notify_command);
}

/* A deep copy of src in dst. */
static void
config_copy(struct qd_config *dst, const struct qd_config *src)
{
	size_t	 i;

	*dst = *src;
	dst->listen = NULL;
	dst->nlisten = 0;
	for (i = 0; i < src->nlisten; i++)
		config_push_listen(dst, src->listen[i]);
#define CONFIG_DUP(f) dst->f = src->f != NULL ? xstrdup(src->f) : NULL
	CONFIG_DUP(path);
	CONFIG_DUP(database);
	CONFIG_DUP(host_key);
	CONFIG_DUP(log_target);
	CONFIG_DUP(notify_command);
#undef CONFIG_DUP
}

void
config_add_listen(struct qd_config *cfg, const char *addr)
{
	if (!cfg->listen_added)
		config_free_listen(cfg);
	cfg->listen_added = 1;
	config_push_listen(cfg, addr);
}

/* 1 if s is a plausible host name: letters, digits, '.', '-'. */
static int
config_host_name_valid(const char *s)
{
	if (*s == '\0' || strlen(s) > 253)
		return 0;
	for (; *s != '\0'; s++) {
		if (!isalnum((unsigned char)*s) && *s != '.' && *s != '-')
			return 0;
	}
	return 1;
}

int
config_listen_parse(const char *s, char **host, int *port, char **why)
{
	const char	*colon, *end;
	char		*h = NULL, *ep;
	unsigned char	 buf[sizeof(struct in6_addr)];
	long		 n;

	if (s[0] == '[') {
		if ((end = strchr(s, ']')) == NULL || end[1] != ':') {
			xasprintf(why, "'%s' is not [IPV6]:PORT", s);
			return QD_EINVAL;
		}
		h = xstrndup(s + 1, end - s - 1);
		colon = end + 1;
		if (inet_pton(AF_INET6, h, buf) != 1) {
			xasprintf(why, "'%s' is not an IPv6 address", h);
			goto fail;
		}
	} else {
		if ((colon = strrchr(s, ':')) == NULL) {
			xasprintf(why, "'%s' has no port (ADDR:PORT)", s);
			return QD_EINVAL;
		}
		h = xstrndup(s, colon - s);
		if (strchr(h, ':') != NULL) {
			xasprintf(why, "'%s': write an IPv6 address in brackets, "
			    "as [::1]:2222", s);
			goto fail;
		}
		if (inet_pton(AF_INET, h, buf) != 1 &&
		    !config_host_name_valid(h)) {
			xasprintf(why, "'%s' is not an address", h);
			goto fail;
		}
	}
	errno = 0;
	n = strtol(colon + 1, &ep, 10);
	if (colon[1] == '\0' || *ep != '\0' || errno != 0 || n < 1 ||
	    n > 65535 || !isdigit((unsigned char)colon[1])) {
		xasprintf(why, "port in '%s' must be a number from 1 to 65535", s);
		goto fail;
	}
	if (host != NULL)
		*host = h;
	else
		free(h);
	if (port != NULL)
		*port = (int)n;
	return QD_OK;
fail:
	free(h);
	return QD_EINVAL;
}

/* A number from min to max that is all of s; -1 if it is not one. */
static long
config_number(const char *s, long min, long max)
{
	char	*ep;
	long	 n;

	if (!isdigit((unsigned char)*s))
		return -1;
	errno = 0;
	n = strtol(s, &ep, 10);
	if (*ep != '\0' || errno != 0 || n < min || n > max)
		return -1;
	return n;
}

/* max_startups N, or START:RATE:FULL as sshd's MaxStartups. */
static int
config_set_startups(struct config_parse *p, struct qd_config *cfg,
    const struct config_entry *ce, const char *value)
{
	char	*copy = xstrdup(value), *a, *b, *c;
	long	 start, rate = 100, full;
	int	 rc = QD_OK;

	a = copy;
	if ((b = strchr(a, ':')) != NULL) {
		*b++ = '\0';
		if ((c = strchr(b, ':')) == NULL)
			goto bad;
		*c++ = '\0';
		start = config_number(a, ce->min, ce->max);
		rate = config_number(b, 1, 100);
		full = config_number(c, ce->min, ce->max);
		if (start < 0 || rate < 0 || full < 0 || start > full)
			goto bad;
	} else if ((full = start = config_number(a, ce->min, ce->max)) < 0)
		goto bad;
	cfg->max_startups_start = (int)start;
	cfg->max_startups_rate = (int)rate;
	cfg->max_startups = (int)full;
	goto out;
bad:
	rc = config_error(p, "%s must be a number from %d to %d, or"
	    " START:RATE:FULL with START <= FULL and RATE a percentage",
	    ce->name, ce->min, ce->max);
out:
	free(copy);
	return rc;
}

/* The kinds of per_source_penalties, and where each is kept. */
static const struct {
	const char	*name;
	size_t		 offset;
} config_penalty_kinds[] = {
	{ "authfail", CONFIG_AT(penalty_authfail) },
	{ "noauth", CONFIG_AT(penalty_noauth) },
	{ "grace-exceeded", CONFIG_AT(penalty_grace) },
	{ "max", CONFIG_AT(penalty_max) },
	{ "min", CONFIG_AT(penalty_min) },
};

/* per_source_penalties no, or KIND:SECONDS[,KIND:SECONDS...]. */
static int
config_set_penalties(struct config_parse *p, struct qd_config *cfg,
    const struct config_entry *ce, const char *value)
{
	struct qd_config	 t = *cfg;
	char			*copy, *item, *next, *colon;
	long			 n;
	size_t			 i;
	int			 rc = QD_OK;

	if (strcmp(value, "no") == 0) {
		cfg->penalty_authfail = cfg->penalty_noauth = 0;
		cfg->penalty_grace = 0;
		return QD_OK;
	}
	copy = xstrdup(value);
	for (item = copy; item != NULL; item = next) {
		if ((next = strchr(item, ',')) != NULL)
			*next++ = '\0';
		if ((colon = strchr(item, ':')) == NULL)
			goto bad;
		*colon = '\0';
		if ((n = config_number(colon + 1, ce->min, ce->max)) < 0)
			goto bad;
		for (i = 0; i < nitems(config_penalty_kinds); i++) {
			if (strcmp(item, config_penalty_kinds[i].name) == 0)
				break;
		}
		if (i == nitems(config_penalty_kinds))
			goto bad;
		*(int *)((char *)&t + config_penalty_kinds[i].offset) = (int)n;
	}
	*cfg = t;
	goto out;
bad:
	rc = config_error(p, "%s must be no, or kinds (authfail, noauth,"
	    " grace-exceeded, max, min) with seconds from %d to %d, e.g."
	    " authfail:5,noauth:1,grace-exceeded:20,max:600,min:15", ce->name,
	    ce->min, ce->max);
out:
	free(copy);
	return rc;
}

/* Store one value of entry ce in cfg. */
static int
config_set(struct config_parse *p, struct qd_config *cfg,
    const struct config_entry *ce, const char *value)
{
	char	*field = (char *)cfg + ce->offset, *ep, *why = NULL;
	long	 n;
	size_t	 i;

	switch (ce->type) {
	case CONFIG_INT:
		errno = 0;
		n = strtol(value, &ep, 10);
		if (*value == '\0' || *ep != '\0' || errno != 0 ||
		    n < ce->min || n > ce->max || isspace((unsigned char)*value))
			return config_error(p, "%s must be a number from %d to %d",
			    ce->name, ce->min, ce->max);
		*(int *)field = (int)n;
		return QD_OK;
	case CONFIG_PATH:
		free(*(char **)field);
		*(char **)field = xstrdup(value);
		return QD_OK;
	case CONFIG_LISTEN:
		if (config_listen_parse(value, NULL, NULL, &why) != QD_OK) {
			config_error(p, "listen: %s", why);
			free(why);
			return QD_EINVAL;
		}
		if (!p->listen_seen)
			config_free_listen(cfg);
		p->listen_seen = 1;
		if (cfg->nlisten >= CONFIG_MAX_LISTEN)
			return config_error(p, "more than %d listen addresses",
			    CONFIG_MAX_LISTEN);
		config_push_listen(cfg, value);
		return QD_OK;
	case CONFIG_COMPRESSION:
		for (i = 0; i < nitems(config_compression_names); i++) {
			if (strcmp(value, config_compression_names[i].name) == 0) {
				*(enum compression_mode *)field =
				    config_compression_names[i].mode;
				return QD_OK;
			}
		}
		return config_error(p, "compression must be yes, no or force");
	case CONFIG_LOG_TARGET:
		if (strcmp(value, "stderr") != 0 && strcmp(value, "syslog") != 0)
			return config_error(p, "log must be stderr or syslog");
		free(*(char **)field);
		*(char **)field = xstrdup(value);
		return QD_OK;
	case CONFIG_LOG_LEVEL:
		if (log_level_parse(value, (enum log_level *)field) != QD_OK)
			return config_error(p, "log_level must be error, warn, "
			    "info or debug");
		return QD_OK;
	case CONFIG_STARTUPS:
		return config_set_startups(p, cfg, ce, value);
	case CONFIG_PENALTIES:
		return config_set_penalties(p, cfg, ce, value);
	}
	return config_error(p, "internal error: keyword type");
}

const char *
config_keyword(size_t i)
{
	return i < CONFIG_NENTRIES ? config_table[i].name : NULL;
}

/* The entry for a keyword, or NULL. */
static const struct config_entry *
config_find(const char *name)
{
	size_t	 i;

	for (i = 0; i < CONFIG_NENTRIES; i++) {
		if (strcasecmp(config_table[i].name, name) == 0)
			return &config_table[i];
	}
	return NULL;
}

/*
 * Cut the next word off *sp: a run of non-blanks, or a "double quoted"
 * string (which may hold blanks and '#'). Returns NULL at the end of the
 * line or at a comment, and sets *bad for an unterminated quote.
 */
static char *
config_word(char **sp, int *bad)
{
	char	*s = *sp, *w, *end;

	while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
		s++;
	if (*s == '\0' || *s == '#')
		return NULL;
	if (*s == '"') {
		if ((end = strchr(s + 1, '"')) == NULL) {
			*bad = 1;
			return NULL;
		}
		*end = '\0';
		*sp = end + 1;
		return s + 1;
	}
	w = s;
	while (*s != '\0' && *s != ' ' && *s != '\t' && *s != '\r' &&
	    *s != '\n')
		s++;
	if (*s != '\0')
		*s++ = '\0';
	*sp = s;
	return w;
}

/* A keyword as it may be shown in a message: printable, at most 40 bytes. */
static void
config_show(char *buf, size_t size, const char *s)
{
	size_t	 i;

	for (i = 0; i + 1 < size && s[i] != '\0' && i < 40; i++)
		buf[i] = isprint((unsigned char)s[i]) ? s[i] : '?';
	buf[i] = '\0';
}

/* Parse one line into cfg. */
static int
config_line(struct config_parse *p, struct qd_config *cfg, char *line)
{
	const struct config_entry	*ce;
	char				*key, *value, shown[48];
	int				 bad = 0;

	if ((key = config_word(&line, &bad)) == NULL) {
		if (bad)
			return config_error(p, "unterminated quote");
		return QD_OK;
	}
	if ((ce = config_find(key)) == NULL) {
		config_show(shown, sizeof shown, key);
		return config_error(p, "unknown keyword '%s'", shown);
	}
	if ((value = config_word(&line, &bad)) == NULL) {
		if (bad)
			return config_error(p, "unterminated quote");
		return config_error(p, "%s needs a value", ce->name);
	}
	if (config_word(&line, &bad) != NULL || bad)
		return config_error(p, "%s takes one value", ce->name);
	if (*value == '\0')
		return config_error(p, "%s needs a value", ce->name);
	return config_set(p, cfg, ce, value);
}

/* Parse every line of f into cfg; stops at the first error. */
static int
config_parse_file(struct config_parse *p, struct qd_config *cfg, FILE *f)
{
	char	*line = NULL;
	size_t	 size = 0;
	ssize_t	 len;
	int	 rc = QD_OK;

	while ((len = getline(&line, &size, f)) != -1) {
		p->line++;
		if (len > CONFIG_MAX_LINE) {
			rc = config_error(p, "line longer than %d bytes",
			    CONFIG_MAX_LINE);
			break;
		}
		if ((size_t)len != strlen(line)) {
			rc = config_error(p, "line holds a NUL byte");
			break;
		}
		if ((rc = config_line(p, cfg, line)) != QD_OK)
			break;
	}
	if (rc == QD_OK && ferror(f)) {
		xasprintf(&p->why, "%s: %s", p->path, strerror(errno));
		rc = QD_EINVAL;
	}
	free(line);
	return rc;
}

int
config_load(struct qd_config *cfg, const char *path, char **why)
{
	struct qd_config	 copy;
	struct config_parse	 p = { .path = path };
	FILE			*f;
	int			 rc;

	if ((f = fopen(path, "r")) == NULL) {
		xasprintf(why, "%s: %s", path, strerror(errno));
		return QD_EINVAL;
	}
	config_copy(&copy, cfg);
	rc = config_parse_file(&p, &copy, f);
	fclose(f);
	if (rc != QD_OK) {
		config_free(&copy);
		*why = p.why;
		return QD_EINVAL;
	}
	free(copy.path);
	copy.path = xstrdup(path);
	config_free(cfg);
	*cfg = copy;
	return QD_OK;
}
