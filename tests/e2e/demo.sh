#!/bin/bash
# The demo as a new user meets it: `qualdesk serve --demo` in an empty
# directory, with no SSH key of their own, prints the ssh command; that
# command works for every office's liaison.
. "$(dirname "$0")/lib.sh"

cd "$TMP" || bail "no temporary directory"
for try in 1 2 3 4 5; do
	PORT=$((20000 + (RANDOM * 7 + $$ + try * 131) % 40000))
	"$QUALDESK" serve --demo --listen "127.0.0.1:$PORT" >"$SERVER_LOG" 2>&1 &
	SERVER_PID=$!
	for _ in $(seq 1 50); do
		grep -q "connect with" "$SERVER_LOG" && break
		kill -0 "$SERVER_PID" 2>/dev/null || break
		sleep 0.1
	done
	grep -q "connect with" "$SERVER_LOG" && break
	wait "$SERVER_PID" 2>/dev/null
	SERVER_PID=""
done
[ -n "$SERVER_PID" ] || bail "the demo server did not start"
for _ in $(seq 1 50); do
	(exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break
	sleep 0.1
done

check "the demo database is made in the current directory" [ -f qualdesk-demo.db ]
HOSTKEY="$HOME/.config/qualdesk/demo-host-key"
check "the demo host key is kept in the user's home, private" \
	[ "$(stat -c %a "$HOSTKEY")" = 600 ]
check "not in the checkout" [ ! -e qualdesk-demo-host-key ]
check "a key pair is made for a user who has none" \
	[ -f "$HOME/.ssh/id_ed25519" -a -f "$HOME/.ssh/id_ed25519.pub" ]
cmd=$(sed -n 's/^connect with: //p' "$SERVER_LOG")
check "the exact ssh command is printed" grep -q "ssh -p $PORT .*fuzhou@127.0.0.1" <<<"$cmd"
for user in fuzhou xiamen zhangzhou quanzhou sanming putian nanping longyan ningde pingtan center admin auditor; do
	grep -q "^  $user " "$SERVER_LOG" || not_ok "$user is listed"
done
ok "every demo login is listed"

# The printed command, as typed, with options only to trust the new host.
run=${cmd/fuzhou@/xiamen@}
run=${run/ssh /ssh -F /dev/null -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -o BatchMode=yes }
run=${run/\~/$HOME}
out=$($run whoami 2>&1)
check "the printed command logs in (as xiamen)" grep -q "login: xiamen" <<<"$out"
check "xiamen is the liaison of 厦门市" grep -q "office: xiamen 厦门市" <<<"$out"
out=$(${run/xiamen@/auditor@} whoami 2>&1)
check "the auditor logs in too" grep -q "role: auditor" <<<"$out"
out=$($run office list --format csv 2>&1)
check "every demo office has a window's address and phone for its notices" \
	[ "$(tail -n +2 <<<"$out" | grep -c ',[^,]*示例[^,]*,0[0-9]*-0000 00[0-9]*,')" -eq 10 ]

# A second start keeps what is there and adds nothing.
users1=$("$QUALDESK" --db qualdesk-demo.db user list --format csv | wc -l)
kill -TERM "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null
"$QUALDESK" serve --demo --listen "127.0.0.1:$PORT" >"$SERVER_LOG" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 50); do
	grep -q "connect with" "$SERVER_LOG" && break
	sleep 0.1
done
users2=$("$QUALDESK" --db qualdesk-demo.db user list --format csv | wc -l)
key1=$(sha256sum "$HOSTKEY")
check "a second demo start adds no users ($users1 = $users2)" [ "$users1" -eq "$users2" ]
check "a second demo start authorises no key twice" \
	[ "$("$QUALDESK" --db qualdesk-demo.db key list fuzhou | grep -c SHA256)" -eq 1 ]

# Another checkout (another directory) serves the same host key.
kill -TERM "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null
mkdir -p "$TMP/another-clone" && cd "$TMP/another-clone" || bail "no directory"
"$QUALDESK" serve --demo --listen "127.0.0.1:$PORT" >"$SERVER_LOG" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 50); do
	grep -q "connect with" "$SERVER_LOG" && break
	sleep 0.1
done
check "another checkout gets a database of its own" [ -f qualdesk-demo.db ]
check "but the same host key, so ssh sees the same host" \
	[ "$(sha256sum "$HOSTKEY")" = "$key1" ]

done_testing
