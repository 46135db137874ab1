/* The configuration file: defaults, every keyword, and its errors. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "qualdesk.h"
#include "tap.h"

static char	 tmp_path[64];

/* Write text to a fresh temporary file; returns its path. */
static const char *
write_conf(const char *text)
{
	FILE	*f;
	int	 fd;

	if (tmp_path[0] != '\0')
		unlink(tmp_path);
	strcpy(tmp_path, "/tmp/test-config.XXXXXX");
	if ((fd = mkstemp(tmp_path)) == -1 || (f = fdopen(fd, "w")) == NULL) {
		perror("mkstemp");
		exit(99);
	}
	fputs(text, f);
	fclose(f);
	return tmp_path;
}

/* Load text into cfg; returns the message (caller frees) or NULL. */
static char *
load(struct qd_config *cfg, const char *text)
{
	char	*why = NULL;
	int	 rc;

	rc = config_load(cfg, write_conf(text), &why);
	if (rc == QD_OK && why != NULL)
		return xstrdup("QD_OK with a message");
	if (rc != QD_OK && why == NULL)
		return xstrdup("an error without a message");
	return why;
}

/* The message of a failed load, without the "FILE:" prefix. */
static void
check_error(const char *text, const char *want, const char *what)
{
	struct qd_config	 cfg;
	char			*why, *prefix;

	config_defaults(&cfg);
	why = load(&cfg, text);
	xasprintf(&prefix, "%s:%s", tmp_path, want);
	is_str(why, prefix, "%s", what);
	is_int(cfg.max_sessions, 1000, "%s: cfg unchanged", what);
	free(prefix);
	free(why);
	config_free(&cfg);
}

static void
test_defaults(void)
{
	struct qd_config	 cfg;

	config_defaults(&cfg);
	is_int(cfg.nlisten, 2, "two default listen addresses");
	is_str(cfg.listen[0], "0.0.0.0:2222", "IPv4 default");
	is_str(cfg.listen[1], "[::]:2222", "IPv6 default");
	ok(cfg.database == NULL, "database defaults to the built-in path");
	is_str(cfg.host_key, QD_DEFAULT_HOST_KEY, "host_key default");
	is_int(cfg.max_sessions, 1000, "max_sessions default");
	is_int(cfg.max_startups, 100, "max_startups default");
	is_int(cfg.max_startups_per_source, 50,
	    "max_startups_per_source default");
	is_int(cfg.login_grace_time, 30, "login_grace_time default");
	is_int(cfg.max_auth_tries, 6, "max_auth_tries default");
	is_int(cfg.shutdown_grace, 10, "shutdown_grace default");
	is_int(cfg.idle_timeout, 0, "idle_timeout default");
	is_int(cfg.client_alive_interval, 0,
	    "client_alive_interval default: no timer");
	is_int(cfg.escdelay, 150, "escdelay default");
	is_int(cfg.compression, COMPRESSION_YES, "compression default");
	is_str(cfg.log_target, "stderr", "log default");
	is_int(cfg.log_level, LOG_LEVEL_INFO, "log_level default");
	ok(cfg.path == NULL, "no file read");
	config_free(&cfg);
}

static void
test_every_keyword(void)
{
	struct qd_config	 cfg;
	char			*why;

	config_defaults(&cfg);
	why = load(&cfg,
	    "# a comment\n"
	    "\n"
	    "   \t\n"
	    "listen 127.0.0.1:2200\n"
	    "listen [::1]:2201   # trailing comment\n"
	    "database /var/lib/q/q.db\n"
	    "host_key \"/var/lib/q/host key\"\n"
	    "max_sessions 10000\n"
	    "max_startups 1\n"
	    "max_startups_per_source 3\n"
	    "login_grace_time 5\n"
	    "max_auth_tries 3\n"
	    "shutdown_grace 0\n"
	    "idle_timeout 900\n"
	    "client_alive_interval 30\n"
	    "escdelay 100\n"
	    "compression force\n"
	    "log syslog\n"
	    "LOG_LEVEL debug\r\n");
	ok(why == NULL, "a file with every keyword loads (%s)",
	    why != NULL ? why : "ok");
	free(why);
	is_int(cfg.nlisten, 2, "listen lines replace the defaults");
	is_str(cfg.listen[0], "127.0.0.1:2200", "first listen");
	is_str(cfg.listen[1], "[::1]:2201", "second listen, IPv6");
	is_str(cfg.database, "/var/lib/q/q.db", "database");
	is_str(cfg.host_key, "/var/lib/q/host key", "quoted host_key");
	is_int(cfg.max_sessions, 10000, "max_sessions at its maximum");
	is_int(cfg.max_startups, 1, "max_startups at its minimum");
	is_int(cfg.max_startups_per_source, 3, "max_startups_per_source");
	is_int(cfg.login_grace_time, 5, "login_grace_time");
	is_int(cfg.max_auth_tries, 3, "max_auth_tries");
	is_int(cfg.shutdown_grace, 0, "shutdown_grace 0");
	is_int(cfg.idle_timeout, 900, "idle_timeout");
	is_int(cfg.client_alive_interval, 30, "client_alive_interval");
	is_int(cfg.escdelay, 100, "escdelay");
	is_int(cfg.compression, COMPRESSION_FORCE, "compression force");
	is_str(cfg.log_target, "syslog", "log syslog");
	is_int(cfg.log_level, LOG_LEVEL_DEBUG, "log_level, any case, CRLF");
	is_str(cfg.path, tmp_path, "path remembered");

	why = load(&cfg, "compression no\nmax_sessions 7\n");
	ok(why == NULL, "a second file loads on top");
	free(why);
	is_int(cfg.compression, COMPRESSION_NO, "compression no");
	is_int(cfg.max_sessions, 7, "second file's value wins");
	is_int(cfg.escdelay, 100, "values not in the second file stay");
	is_int(cfg.nlisten, 2, "listen list stays without listen lines");
	config_free(&cfg);
}

static void
test_errors(void)
{
	struct qd_config	 cfg;
	char			*why = NULL;

	check_error("max_sessions 0\n",
	    "1: max_sessions must be a number from 1 to 10000", "zero");
	check_error("# c\n\nmax_sessions 10001\n",
	    "3: max_sessions must be a number from 1 to 10000", "too big");
	check_error("max_sessions 12x\n",
	    "1: max_sessions must be a number from 1 to 10000", "not a number");
	check_error("max_sessions 99999999999999999999\n",
	    "1: max_sessions must be a number from 1 to 10000", "overflow");
	check_error("escdelay -1\n",
	    "1: escdelay must be a number from 0 to 10000", "negative");
	check_error("listen 127.0.0.1:2222\nfrobnicate yes\n",
	    "2: unknown keyword 'frobnicate'", "unknown keyword");
	check_error("max_sessions\n", "1: max_sessions needs a value",
	    "missing value");
	check_error("max_sessions 1 2\n", "1: max_sessions takes one value",
	    "two values");
	check_error("host_key \"/x\n", "1: unterminated quote",
	    "unterminated quote");
	check_error("compression maybe\n",
	    "1: compression must be yes, no or force", "bad compression");
	check_error("log file\n", "1: log must be stderr or syslog",
	    "bad log target");
	check_error("log_level loud\n",
	    "1: log_level must be error, warn, info or debug", "bad log level");
	check_error("listen 127.0.0.1\n",
	    "1: listen: '127.0.0.1' has no port (ADDR:PORT)", "listen without port");
	check_error("listen 127.0.0.1:0\n",
	    "1: listen: port in '127.0.0.1:0' must be a number from 1 to 65535",
	    "port 0");
	check_error("listen 127.0.0.1:65536\n",
	    "1: listen: port in '127.0.0.1:65536' must be a number from 1 to "
	    "65535", "port too big");
	check_error("listen ::1:2222\n", "1: listen: '::1:2222': write an IPv6 "
	    "address in brackets, as [::1]:2222", "bare IPv6");
	check_error("listen [::1:2222\n",
	    "1: listen: '[::1:2222' is not [IPV6]:PORT", "unclosed bracket");
	check_error("listen [1.2.3.4]:2222\n",
	    "1: listen: '1.2.3.4' is not an IPv6 address", "v4 in brackets");
	check_error("listen bad_host!:22\n",
	    "1: listen: 'bad_host!' is not an address", "bad host");

	/* cfg unchanged on error, even after good lines before the bad one. */
	config_defaults(&cfg);
	why = load(&cfg, "listen 10.0.0.1:22\nmax_sessions 5\nescdelay x\n");
	ok(why != NULL, "a bad third line fails");
	free(why);
	is_int(cfg.nlisten, 2, "listen unchanged after error");
	is_str(cfg.listen[0], "0.0.0.0:2222", "listen[0] unchanged");
	is_int(cfg.max_sessions, 1000, "max_sessions unchanged after error");
	ok(cfg.path == NULL, "path unchanged after error");
	config_free(&cfg);

	config_defaults(&cfg);
	why = NULL;
	is_int(config_load(&cfg, "/nonexistent/qualdesk.conf", &why), QD_EINVAL,
	    "a missing file fails");
	is_str(why, "/nonexistent/qualdesk.conf: No such file or directory",
	    "a missing file says so");
	free(why);
	config_free(&cfg);
}

static void
test_listen(void)
{
	struct qd_config	 cfg;
	char			*host = NULL, *why = NULL;
	int			 port = 0;

	is_int(config_listen_parse("127.0.0.1:2222", &host, &port, &why), QD_OK,
	    "v4 parses");
	is_str(host, "127.0.0.1", "v4 host");
	is_int(port, 2222, "v4 port");
	xfree(&host);
	is_int(config_listen_parse("[::1]:22", &host, &port, &why), QD_OK,
	    "v6 parses");
	is_str(host, "::1", "v6 host without brackets");
	is_int(port, 22, "v6 port");
	xfree(&host);
	is_int(config_listen_parse("[::]:65535", &host, &port, &why), QD_OK,
	    "v6 any");
	xfree(&host);
	is_int(config_listen_parse("localhost:2222", &host, &port, &why), QD_OK,
	    "host name");
	xfree(&host);
	is_int(config_listen_parse("1.2.3.4:+22", &host, &port, &why), QD_EINVAL,
	    "a signed port fails");
	ok(host == NULL, "no host on failure");
	xfree(&why);

	config_defaults(&cfg);
	config_add_listen(&cfg, "127.0.0.1:3000");
	config_add_listen(&cfg, "[::1]:3000");
	is_int(cfg.nlisten, 2, "add_listen replaces the defaults once");
	is_str(cfg.listen[0], "127.0.0.1:3000", "added first");
	is_str(cfg.listen[1], "[::1]:3000", "added second");
	config_free(&cfg);
}

/* Every keyword of the table is documented in qualdesk.conf(5). */
static void
test_man_page(void)
{
	const char	*srcdir = getenv("QD_SRCDIR"), *name;
	char		*path, *text = NULL, *want;
	size_t		 size = 0, i;
	FILE		*f;

	xasprintf(&path, "%s/man/qualdesk.conf.5", srcdir != NULL ? srcdir : ".");
	if ((f = fopen(path, "r")) == NULL) {
		ok(0, "man page %s readable", path);
		free(path);
		return;
	}
	if (getdelim(&text, &size, '\0', f) == -1) {
		free(text);
		text = xstrdup("");
	}
	fclose(f);
	for (i = 0; (name = config_keyword(i)) != NULL; i++) {
		xasprintf(&want, "\n.It Cm %s ", name);
		ok(strstr(text, want) != NULL, "qualdesk.conf(5) documents %s",
		    name);
		free(want);
	}
	ok(i >= 13, "the table has every keyword (%zu)", i);
	free(text);
	free(path);
}

/* max_startups START:RATE:FULL and per_source_penalties, as sshd's. */
static void
test_flooding(void)
{
	struct qd_config	 cfg;
	char			*why;

	config_defaults(&cfg);
	ok(cfg.max_startups_start == 60 && cfg.max_startups_rate == 30 &&
	    cfg.max_startups == 100, "max_startups defaults to 60:30:100");
	ok(cfg.penalty_authfail == 5 && cfg.penalty_noauth == 1 &&
	    cfg.penalty_grace == 20 && cfg.penalty_max == 600 &&
	    cfg.penalty_min == 15, "penalties default as sshd's");
	why = load(&cfg, "max_startups 5:40:50\n"
	    "per_source_penalties authfail:30,min:10\n");
	ok(why == NULL && cfg.max_startups_start == 5 &&
	    cfg.max_startups_rate == 40 && cfg.max_startups == 50,
	    "START:RATE:FULL is read (%s)", why ? why : "ok");
	ok(cfg.penalty_authfail == 30 && cfg.penalty_min == 10 &&
	    cfg.penalty_noauth == 1, "penalties named are set, others kept");
	free(why);
	why = load(&cfg, "max_startups 7\nper_source_penalties no\n");
	ok(why == NULL && cfg.max_startups_start == 7 && cfg.max_startups == 7,
	    "a lone number is start and full: no early drop");
	ok(cfg.penalty_authfail == 0 && cfg.penalty_grace == 0,
	    "no turns penalties off");
	free(why);
	config_free(&cfg);
	check_error("max_startups 30:10:20\n", "1: max_startups must be a"
	    " number from 1 to 10000, or START:RATE:FULL with START <= FULL"
	    " and RATE a percentage", "start past full is refused");
	check_error("max_startups 1:0:5\n", "1: max_startups must be a"
	    " number from 1 to 10000, or START:RATE:FULL with START <= FULL"
	    " and RATE a percentage", "a rate of 0 is refused");
	config_defaults(&cfg);
	why = load(&cfg, "per_source_penalties crash:90\n");
	ok(why != NULL && strstr(why, "authfail") != NULL, "an unknown kind"
	    " of penalty is refused, naming the kinds (%s)", why);
	free(why);
	config_free(&cfg);
}

int
main(void)
{
	test_defaults();
	test_flooding();
	test_every_keyword();
	test_errors();
	test_listen();
	test_man_page();
	if (tmp_path[0] != '\0')
		unlink(tmp_path);
	return done_testing();
}
