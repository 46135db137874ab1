#!/bin/bash
# make bench: a thousand sessions on two cores. N concurrent pty sessions
# (BENCH_SESSIONS, default "100 300 1000") through asyncssh, one key a
# second each, against a server on a free loopback port. Figures printed,
# never asserted.
. "$QD_SRCDIR/tests/e2e/lib.sh"

if ! /usr/bin/python3 -c "import asyncssh" 2>/dev/null; then
	echo "load: python3-asyncssh is not installed; skipped"
	exit 0
fi
cat > "$TMP/qualdesk.conf" <<CONF
host_key $HOSTKEY
log_level warn
max_sessions 1100
CONF
qd user add fuzhou --role liaison --office fuzhou --name 福州联络员 >/dev/null ||
	bail "user add failed"
make_key fuzhou
qd key add fuzhou "$TMP/fuzhou.pub" >/dev/null || bail "key add failed"
start_server
ulimit -n 8192 2>/dev/null
for n in ${BENCH_SESSIONS:-100 300 1000}; do
	echo "== $n sessions, one key a second each (${BENCH_SECONDS:-20} s)"
	timeout 900 /usr/bin/python3 "$QD_SRCDIR/tests/bench/load.py" "$PORT" \
	    fuzhou "$TMP/fuzhou" "$SERVER_PID" "$n" "${BENCH_SECONDS:-20}" ||
		echo "load: the run with $n sessions failed"
	wait_children 0 || sleep 5
done
