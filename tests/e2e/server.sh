#!/bin/bash
# The server at its edges: bad configuration, a port in use, a corrupt or
# newer database, a silent client, SIGHUP, the session cap, IPv6,
# compression, and a command reading its standard input over SSH.
. "$(dirname "$0")/lib.sh"

write_conf() {
	cat > "$TMP/qualdesk.conf" <<CONF
host_key $HOSTKEY
login_grace_time 2
max_sessions ${1:-10}
max_startups_per_source 2
shutdown_grace 2
per_source_penalties no
CONF
}

# A client from address $1 that connects and says nothing, in the background.
silent_from() {
	python3 -c '
import socket, sys
s = socket.create_connection(("127.0.0.1", int(sys.argv[2])), 10,
    (sys.argv[1], 0))
try:
    while s.recv(4096):
        pass
except OSError:
    pass' "$1" "$PORT" &
	SILENT="$SILENT $!"
}
write_conf
qd user add fuzhou --role liaison --office fuzhou >/dev/null &&
qd user add admin --role admin >/dev/null || bail "user add failed"
make_key fuzhou
make_key admin
qd key add fuzhou "$TMP/fuzhou.pub" >/dev/null &&
qd key add admin "$TMP/admin.pub" >/dev/null || bail "key add failed"

# --- configuration errors name the file and line
printf 'host_key %s\n# comment\nmax_sesions 5\n' "$HOSTKEY" > "$TMP/bad.conf"
out=$("$QUALDESK" --db "$DB" --config "$TMP/bad.conf" serve 2>&1); rc=$?
check "a misspelt keyword stops the server (exit 2)" [ "$rc" -eq 2 ]
check "the message names file and line" grep -q "bad.conf:3:" <<<"$out"
printf 'max_sessions lots\n' > "$TMP/bad2.conf"
out=$("$QUALDESK" --db "$DB" --config "$TMP/bad2.conf" serve 2>&1); rc=$?
check "a bad number is refused with file and line" grep -q "bad2.conf:1:" <<<"$out"
out=$("$QUALDESK" --db "$DB" --config "$TMP/missing.conf" whoami 2>&1); rc=$?
check "a missing configuration file is an error" [ "$rc" -eq 2 ]

# --- a corrupt or newer database is refused and left as it was
head -c 8192 /dev/urandom > "$TMP/corrupt.db"
cp "$TMP/corrupt.db" "$TMP/corrupt.orig"
out=$("$QUALDESK" --db "$TMP/corrupt.db" --config "$TMP/qualdesk.conf" serve --listen 127.0.0.1:1 2>&1); rc=$?
check "a corrupt database stops the server (exit 4)" [ "$rc" -eq 4 ]
check "and says it is not a qualdesk database" grep -q "not a qualdesk database" <<<"$out"
check "the corrupt file is left byte for byte" cmp -s "$TMP/corrupt.db" "$TMP/corrupt.orig"
cp "$DB" "$TMP/newer.db"
sqlite3 "$TMP/newer.db" "PRAGMA user_version = 999"
out=$("$QUALDESK" --db "$TMP/newer.db" user list 2>&1); rc=$?
check "a database from a newer program is refused (exit 4)" [ "$rc" -eq 4 ]
check "and the message says upgrade" grep -q "newer than this program" <<<"$out"

# --- a port in use
start_server
out=$("$QUALDESK" --db "$DB" --config "$TMP/qualdesk.conf" serve --listen "127.0.0.1:$PORT" 2>&1); rc=$?
check "a second server on the same port fails" [ "$rc" -ne 0 ]
check "saying the address is in use" grep -q "127.0.0.1:$PORT.*in use" <<<"$out"

# --- the server may hold the signing key: it writes no core file
check "the server's core file limit is 0" \
	grep -Eq '^Max core file size +0 +0 ' "/proc/$SERVER_PID/limits"

# --- a client that connects and says nothing is dropped after the grace time
start=$SECONDS
exec 3<>"/dev/tcp/127.0.0.1/$PORT"
timeout 10 cat <&3 >/dev/null; rc=$?
exec 3<&-
check "a silent client is dropped after login_grace_time ($((SECONDS - start)) s)" \
	[ "$rc" -ne 124 ]

# --- one address cannot hold more than max_startups_per_source logins open
wait_children 0
exec 4<>"/dev/tcp/127.0.0.1/$PORT" 5<>"/dev/tcp/127.0.0.1/$PORT"
wait_children 2
out=$($(ssh_cmd fuzhou fuzhou) whoami 2>&1); rc=$?
check "a third connection still logging in from one address is refused" \
	[ "$rc" -eq 255 ]
check "the log says why" grep -q "max_startups_per_source (2)" "$SERVER_LOG"
exec 4<&- 5<&-
sleep 0.5
out=$($(ssh_cmd fuzhou fuzhou) whoami 2>&1); rc=$?
check "once those go, the address is let in again" [ "$rc" -eq 0 ]

# --- a command reads its standard input over SSH
make_key second
out=$($(ssh_cmd admin admin) key add fuzhou - < "$TMP/second.pub" 2>&1); rc=$?
check "key add - reads the key from ssh's standard input" [ "$rc" -eq 0 ]
out=$($(ssh_cmd fuzhou second) whoami 2>&1)
check "the key added over SSH logs in" grep -q "login: fuzhou" <<<"$out"
out=$($(ssh_cmd fuzhou fuzhou) whoami 2>/dev/null | wc -c)
check "stdout of a command carries only its output" [ "$out" -gt 0 ]
out=$($(ssh_cmd fuzhou fuzhou) frobnicate 2>&1 >/dev/null)
check "errors come on the SSH stderr stream" grep -q "unknown command" <<<"$out"

# --- the schema as applied, its triggers too, for an admin over SSH
out=$($(ssh_cmd admin admin) schema show 002-cases.sql 2>&1); rc=$?
check "an admin reads a migration over SSH" [ "$rc" -eq 0 ]
check "with the triggers made for it" \
	grep -q "^CREATE TRIGGER catalog_write BEFORE INSERT ON catalog" <<<"$out"
out=$($(ssh_cmd fuzhou fuzhou) schema show 2>&1); rc=$?
check "a liaison may not (exit 3)" [ "$rc" -eq 3 ]

# --- compression is offered and taken by a client that asks
out=$($(ssh_cmd fuzhou fuzhou -C -v) whoami 2>&1)
check "ssh -C gets zlib compression" grep -q "compression: zlib@openssh.com" <<<"$out"
out=$($(ssh_cmd fuzhou fuzhou -v) whoami 2>&1)
check "a client that does not ask gets none" grep -q "compression: none" <<<"$out"

# --- SIGHUP rereads the configuration; a bad one keeps the old settings
write_conf 1
kill -HUP "$SERVER_PID"
sleep 0.5
check "the server lives on after SIGHUP" kill -0 "$SERVER_PID"
tmux_ssh one 80 24 fuzhou fuzhou
wait_screen one "F10" >/dev/null
out=$($(ssh_cmd fuzhou fuzhou) whoami 2>&1); rc=$?
check "max_sessions 1 read on SIGHUP refuses a second session" [ "$rc" -ne 0 ]
tmux_ kill-session -t one
wait_children 0
out=$($(ssh_cmd fuzhou fuzhou) whoami 2>&1); rc=$?
check "with the first session gone, a new one is let in" [ "$rc" -eq 0 ]
printf 'max_sessions zero\n' > "$TMP/qualdesk.conf"
kill -HUP "$SERVER_PID"
sleep 0.5
check "a bad file on SIGHUP leaves the server running" kill -0 "$SERVER_PID"
check "and the log names file and line" grep -q "qualdesk.conf:1:" "$SERVER_LOG"
out=$($(ssh_cmd fuzhou fuzhou) whoami 2>&1); rc=$?
check "the old settings still serve" [ "$rc" -eq 0 ]

# --- pre-auth flooding: random early drop, then per-source penalties
write_conf
sed -i '/^per_source_penalties/d' "$TMP/qualdesk.conf"
cat >> "$TMP/qualdesk.conf" <<CONF
max_startups 2:100:10
per_source_penalties authfail:5,noauth:1,grace-exceeded:20,max:600,min:15
login_grace_time 6
CONF
kill -HUP "$SERVER_PID"
sleep 0.5
SILENT=""
silent_from 127.0.0.3
silent_from 127.0.0.3
for _ in $(seq 1 100); do
	[ "$(server_children | wc -l)" -eq 2 ] && break
	sleep 0.1
done
out=$($(ssh_cmd fuzhou fuzhou) whoami 2>&1); rc=$?
check "past max_startups' start connections are dropped early (2:100:10)" \
	bash -c "[ $rc -eq 255 ] && grep -q 'max_startups 2:100:10' '$SERVER_LOG'"
wait $SILENT
check "the idle clients are dropped after the grace time" wait_children 0
out=$($(ssh_cmd fuzhou fuzhou -o BindAddress=127.0.0.3) whoami 2>&1); rc=$?
check "then their address is refused for a while" \
	bash -c "[ $rc -eq 255 ] && grep -q 'refused 127.0.0.3:.*penalised' '$SERVER_LOG'"
out=$($(ssh_cmd fuzhou fuzhou) whoami 2>&1); rc=$?
check "while an office elsewhere logs in as before" [ "$rc" -eq 0 ]

# --- an idle session is warned, then closed (idle_timeout read on SIGHUP)
write_conf
echo "idle_timeout 4" >> "$TMP/qualdesk.conf"
kill -HUP "$SERVER_PID"
sleep 0.5
tmux_ssh idle 80 24 fuzhou fuzhou
check "an idle session is warned first" wait_screen idle "Idle: closing in"
for _ in $(seq 1 60); do
	tmux_ has-session -t idle 2>/dev/null || break
	sleep 0.1
done
check "and closed when the time has passed" \
	bash -c "! tmux -S '$TMUX_SOCK' has-session -t idle 2>/dev/null"
write_conf
kill -TERM "$SERVER_PID"
wait "$SERVER_PID" 2>/dev/null
SERVER_PID=""

# --- IPv6 loopback, where the machine has it
if (exec 3<>/dev/tcp/::1/9) 2>&1 | grep -q "Address family"; then
	ok "# SKIP no IPv6 on this machine"
else
	PORT6=$((20000 + (RANDOM % 40000)))
	"$QUALDESK" --db "$DB" --config "$TMP/qualdesk.conf" serve \
	    --listen "[::1]:$PORT6" >"$SERVER_LOG" 2>&1 &
	SERVER_PID=$!
	for _ in $(seq 1 50); do
		(exec 3<>"/dev/tcp/::1/$PORT6") 2>/dev/null && break
		sleep 0.1
	done
	out=$(ssh -F /dev/null -o StrictHostKeyChecking=no \
	    -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -o BatchMode=yes \
	    -o IdentitiesOnly=yes -i "$TMP/fuzhou" -p "$PORT6" fuzhou@::1 whoami 2>&1)
	check "the server listens and serves on [::1]" grep -q "login: fuzhou" <<<"$out"
fi

done_testing
