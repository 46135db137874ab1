#!/bin/bash
# An idle session costs nothing: once the screen is drawn, neither the
# listener, the connection process nor the UI wakes while nobody types.
# Counted with the kernel's context switches of each process.
. "$(dirname "$0")/lib.sh"

cat > "$TMP/qualdesk.conf" <<CONF
host_key $HOSTKEY
login_grace_time 5
shutdown_grace 2
CONF
qd user add fuzhou --role liaison --office fuzhou >/dev/null || bail "user add failed"
make_key fuzhou
qd key add fuzhou "$TMP/fuzhou.pub" >/dev/null || bail "key add failed"
start_server
tmux_ssh idle 80 24 fuzhou fuzhou
wait_screen idle "F10" >/dev/null || bail "no UI"
wait_stable idle
conn=$(server_children | head -n 1)
ui=$(pgrep -P "$conn" | head -n 1)
check "the session has a connection and a UI process" [ -n "$conn" -a -n "$ui" ]

# Wake-ups of process $1: voluntary plus involuntary context switches.
wakes() {
	awk '/ctxt_switches/ { n += $2 } END { print n }' "/proc/$1/status"
}
sleep 1
before_l=$(wakes "$SERVER_PID"); before_c=$(wakes "$conn"); before_u=$(wakes "$ui")
sleep 4
after_l=$(wakes "$SERVER_PID"); after_c=$(wakes "$conn"); after_u=$(wakes "$ui")
echo "# wake-ups in 4 idle seconds: listener $((after_l - before_l))," \
    "connection $((after_c - before_c)), UI $((after_u - before_u))"
check "the idle listener does not wake" [ "$after_l" -eq "$before_l" ]
check "the idle connection process does not wake" [ "$after_c" -eq "$before_c" ]
check "the idle UI does not wake" [ "$after_u" -eq "$before_u" ]

# Still alive: a key is answered at once.
tmux_ send-keys -t idle Down
sleep 0.5
check "a key after the idle time still gets an answer" \
	[ "$(wakes "$ui")" -gt "$after_u" ]

# The memory of the database's schema (more than a megabyte) is given back
# once the login is audited: the connection process keeps only its own.
dirty=$(awk '/^Private_Dirty:/ { print $2 }' "/proc/$conn/smaps_rollup")
echo "# private dirty memory of the connection process: $dirty kB"
check "the connection process holds under 2 MB of its own" [ "$dirty" -lt 2048 ]

# One key, one write of the whole update to the terminal: each write is a
# read and a wake-up of the relay (ncurses 6.4 otherwise flushes after
# every cursor move).
if command -v strace >/dev/null 2>&1; then
	wait_stable idle
	strace -qq -e trace=write -e signal=none -o "$TMP/ui.trace" -p "$ui" &
	st=$!
	sleep 1
	tmux_ send-keys -t idle Up
	sleep 1
	kill "$st" 2>/dev/null
	wait "$st" 2>/dev/null
	n=$(grep -c '^write(1,' "$TMP/ui.trace")
	echo "# writes to the terminal for one key: $n"
	check "a key's answer goes to the terminal in one write" [ "$n" -eq 1 ]
else
	ok "# SKIP strace is not installed"
fi
tmux_ send-keys -t idle F10
sleep 0.5
tmux_ send-keys -t idle Enter 2>/dev/null
done_testing
