#!/bin/bash
# kill -9 at any moment loses nothing committed and leaves the database
# consistent: sessions writing over SSH are killed at random points, then
# the listener itself; every user that was committed has its audit row
# (same transaction), and the server starts again on the same file. The
# same for cases, with demo-data killed between and inside its batches.
. "$QD_SRCDIR/tests/e2e/lib.sh"

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

# Cases: kill -9 of demo-data in the middle of its batches (of 5000 rows,
# one transaction each). What was committed is whole: its counts, its
# history and its audit rows.
qd catalog import "$QD_SRCDIR/schema/demo/catalog.csv" >/dev/null &&
qd agency import "$QD_SRCDIR/schema/demo/agencies.csv" >/dev/null ||
	bail "catalog import failed"
# The program itself, not the qd function: a background function is a
# subshell, and killing it would leave demo-data running.
"$QUALDESK" --db "$DB" demo-data --cases 40000 >/dev/null 2>&1 &
gen=$!
# Applicants come first; kill once cases are being written.
for _ in $(seq 1 300); do
	[ "$(sqlite3 -readonly "$DB" "SELECT count(*) FROM cases")" -gt 0 ] &&
		break
	sleep 0.1
done
sleep "0.$((RANDOM % 10))"
kill -KILL "$gen"
wait "$gen" 2>/dev/null
cases=$(sqlite3 "$DB" "SELECT count(*) FROM cases")
check "demo-data killed midway left some of its cases ($cases of 40000)" \
	[ "$cases" -gt 0 -a "$cases" -lt 40000 ]
check "the database passes integrity_check" \
	[ "$(sqlite3 "$DB" 'PRAGMA integrity_check')" = ok ]
check "the kept counts match the cases" \
	[ "$(sqlite3 "$DB" "SELECT count(*) FROM case_counts k WHERE n <> (SELECT count(*) FROM cases c WHERE c.state = k.state AND c.office_id = k.office_id AND c.type = k.type)")" -eq 0 ]
check "every case has its history and its audit row" \
	[ "$(sqlite3 "$DB" "SELECT count(*) FROM cases c WHERE NOT EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id) OR NOT EXISTS (SELECT 1 FROM audit a WHERE a.tbl = 'cases' AND a.record = c.id)")" -eq 0 ]
check "every approved case has its certificate" \
	[ "$(sqlite3 "$DB" "SELECT count(*) FROM cases c WHERE state IN ('approved', 'notified', 'collected') AND NOT EXISTS (SELECT 1 FROM certificates t WHERE t.case_id = c.id)")" -eq 0 ]
check "certificate numbers run without a gap" \
	[ "$(sqlite3 "$DB" "SELECT count(*) FROM (SELECT series, year FROM certificates GROUP BY series, year HAVING max(seq) <> count(*) OR max(seq) <> (SELECT last FROM cert_counters k WHERE k.series = certificates.series AND k.year = certificates.year))")" -eq 0 ]
check "every case's applicant is there" \
	[ -z "$(sqlite3 "$DB" 'PRAGMA foreign_key_check')" ]

start_server
out=$($(ssh_cmd admin admin) user list 2>&1); rc=$?
check "the server starts again on the same file and serves" [ "$rc" -eq 0 ]
[ "$rc" -eq 0 ] || sed 's/^/# /' <<<"$out" "$SERVER_LOG" | tail -n 8
check "what was committed is there" [ "$(grep -c '^crash' <<<"$out")" -eq "$users" ]

done_testing
