#!/bin/bash
# kill -9 at any moment loses nothing committed and leaves the database
# consistent: sessions writing over SSH are killed at random points, then
# the listener itself; every user that was committed has its audit row
# (same transaction), and the server starts again on the same file.
. "$(dirname "$0")/lib.sh"

cat > "$TMP/qualdesk.conf" <<CONF
host_key $HOSTKEY
max_startups 50
max_startups_per_source 50
CONF
qd user add admin --role admin >/dev/null || bail "user add failed"
make_key admin
qd key add admin "$TMP/admin.pub" >/dev/null || bail "key add failed"
start_server

pids=()
for i in $(seq 1 30); do
	$(ssh_cmd admin admin) user add "crash$i" --role center --name "崩溃$i" \
	    >/dev/null 2>&1 &
	pids+=($!)
	sleep "0.0$((RANDOM % 10))"
	if [ $((i % 3)) -eq 0 ]; then
		for p in $(server_children); do
			kill -KILL "$p" 2>/dev/null
			pkill -KILL -P "$p" 2>/dev/null
		done
	fi
done
kill -KILL "$SERVER_PID"
for p in $(pgrep -f "$DB"); do kill -KILL "$p" 2>/dev/null; done
wait "${pids[@]}" 2>/dev/null
SERVER_PID=""

check "the database passes integrity_check after kill -9" \
	[ "$(sqlite3 "$DB" 'PRAGMA integrity_check')" = ok ]
check "and has no foreign key violation" \
	[ -z "$(sqlite3 "$DB" 'PRAGMA foreign_key_check')" ]
users=$(sqlite3 "$DB" "SELECT count(*) FROM users WHERE login LIKE 'crash%'")
audited=$(sqlite3 "$DB" "SELECT count(DISTINCT record) FROM audit WHERE tbl = 'users' AND action = 'insert' AND after LIKE '%\"login\":\"crash%'")
check "every committed user has its audit row ($users users, $audited audited)" \
	[ "$users" -eq "$audited" ]
check "some writes were committed before the kills ($users)" [ "$users" -gt 0 ]

start_server
out=$($(ssh_cmd admin admin) user list 2>&1); rc=$?
check "the server starts again on the same file and serves" [ "$rc" -eq 0 ]
check "what was committed is there" [ "$(grep -c '^crash' <<<"$out")" -eq "$users" ]

done_testing
