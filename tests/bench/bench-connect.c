/*
 * Time from TCP connect to the first full screen of the UI: connect, key
 * exchange, public-key login, pty and shell, then read until the function
 * key bar (the last line painted) has arrived. Prints each run and the
 * median, minimum and maximum.
 *
 * usage: bench-connect HOST PORT USER KEYFILE [RUNS [nodelay]]
 *
 * With "nodelay" the client turns off Nagle's algorithm. Without it, the
 * client's small key-exchange packet waits for the server's delayed ACK
 * of the one before (about 40 ms on Linux), which is the client's cost,
 * not the server's; both figures are worth knowing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libssh/libssh.h>

static double
now_ms(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
compare_double(const void *a, const void *b)
{
	double	 x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* Milliseconds from the start to the end of each phase of one login. */
struct phases {
	double	 kex;		/* TCP connect and key exchange */
	double	 auth;		/* public-key login */
	double	 shell;		/* session channel, pty and shell granted */
};

/* One login; returns milliseconds to the first full screen, or -1. */
static double
bench_once(const char *host, int port, const char *user, ssh_key key,
    int nodelay, size_t *bytes, struct phases *ph)
{
	const char	*marker = "F10";	/* the key bar, painted last */
	ssh_session	 s;
	ssh_channel	 ch = NULL;
	char		*seen = NULL, buf[4096];
	size_t		 len = 0;
	double		 t0, t = -1;
	int		 n, verbosity = SSH_LOG_NOLOG, no = 0;

	s = ssh_new();
	ssh_options_set(s, SSH_OPTIONS_HOST, host);
	ssh_options_set(s, SSH_OPTIONS_PORT, &port);
	ssh_options_set(s, SSH_OPTIONS_USER, user);
	ssh_options_set(s, SSH_OPTIONS_LOG_VERBOSITY, &verbosity);
	ssh_options_set(s, SSH_OPTIONS_PROCESS_CONFIG, &no);
	ssh_options_set(s, SSH_OPTIONS_STRICTHOSTKEYCHECK, &no);
	ssh_options_set(s, SSH_OPTIONS_KNOWNHOSTS, "/dev/null");
	ssh_options_set(s, SSH_OPTIONS_NODELAY, &nodelay);
	t0 = now_ms();
	if (ssh_connect(s) != SSH_OK)
		goto out;
	ph->kex = now_ms() - t0;
	if (ssh_userauth_publickey(s, NULL, key) != SSH_AUTH_SUCCESS)
		goto out;
	ph->auth = now_ms() - t0;
	if ((ch = ssh_channel_new(s)) == NULL ||
	    ssh_channel_open_session(ch) != SSH_OK ||
	    ssh_channel_request_pty_size(ch, "xterm-256color", 80, 24) != SSH_OK ||
	    ssh_channel_request_shell(ch) != SSH_OK)
		goto out;
	ph->shell = now_ms() - t0;
	seen = malloc(1 << 20);
	while (len < (1 << 20) - sizeof buf) {
		n = ssh_channel_read_timeout(ch, buf, sizeof buf, 0, 10000);
		if (n <= 0)
			goto out;
		memcpy(seen + len, buf, n);
		len += n;
		seen[len] = '\0';
		if (strstr(seen, marker) != NULL) {
			t = now_ms() - t0;
			break;
		}
	}
out:
	*bytes = len;
	free(seen);
	if (ch != NULL) {
		ssh_channel_close(ch);
		ssh_channel_free(ch);
	}
	ssh_disconnect(s);
	ssh_free(s);
	return t;
}

int
main(int argc, char **argv)
{
	ssh_key		 key;
	double		*ms;
	size_t		 bytes = 0;
	int		 runs, i, good = 0, nodelay;

	if (argc < 5) {
		fprintf(stderr, "usage: bench-connect HOST PORT USER KEYFILE "
		    "[RUNS [nodelay]]\n");
		return 2;
	}
	runs = argc > 5 ? atoi(argv[5]) : 20;
	if (runs < 1)
		runs = 1;
	nodelay = argc > 6 && strcmp(argv[6], "nodelay") == 0;
	if (ssh_pki_import_privkey_file(argv[4], NULL, NULL, NULL, &key) !=
	    SSH_OK) {
		fprintf(stderr, "bench-connect: cannot read key %s\n", argv[4]);
		return 1;
	}
	ms = calloc(runs, sizeof *ms);
	for (i = 0; i < runs; i++) {
		struct phases	 ph;
		double		 t = bench_once(argv[1], atoi(argv[2]), argv[3],
				    key, nodelay, &bytes, &ph);

		if (t < 0) {
			fprintf(stderr, "bench-connect: run %d failed after "
			    "%zu bytes\n", i + 1, bytes);
			continue;
		}
		printf("run %2d: %7.1f ms (%zu bytes; key exchange done at "
		    "%.1f, login at %.1f, shell at %.1f)\n", i + 1, t, bytes,
		    ph.kex, ph.auth, ph.shell);
		ms[good++] = t;
	}
	ssh_key_free(key);
	if (good == 0)
		return 1;
	qsort(ms, good, sizeof *ms, compare_double);
	printf("connect to first full screen over %d runs%s: median %.1f ms, "
	    "min %.1f ms, max %.1f ms\n", good,
	    nodelay ? " (client without Nagle)" : "",
	    good % 2 ? ms[good / 2] : (ms[good / 2 - 1] + ms[good / 2]) / 2,
	    ms[0], ms[good - 1]);
	free(ms);
	return good == runs ? 0 : 1;
}
