#!/bin/bash
# make bench: connect-to-first-screen time (median of 20) and the memory
# (PSS) of one idle interactive session, against a server on a free
# loopback port with a temporary database.
. "$QD_SRCDIR/tests/e2e/lib.sh"

BENCH_CONNECT=${BENCH_CONNECT:?BENCH_CONNECT must name bench-connect}
cat > "$TMP/qualdesk.conf" <<CONF
host_key $HOSTKEY
log_level warn
CONF
qd user add fuzhou --role liaison --office fuzhou --name 福州联络员 >/dev/null ||
	bail "user add failed"
make_key fuzhou
qd key add fuzhou "$TMP/fuzhou.pub" >/dev/null || bail "key add failed"
start_server

echo "== connect to first full screen (bench-connect, 20 runs, 80x24)"
"$BENCH_CONNECT" 127.0.0.1 "$PORT" fuzhou "$TMP/fuzhou" 20 || bail "bench-connect failed"
echo "== the same with a client that turns off Nagle's algorithm"
"$BENCH_CONNECT" 127.0.0.1 "$PORT" fuzhou "$TMP/fuzhou" 20 nodelay | tail -n 1 ||
	bail "bench-connect failed"

echo "== the real OpenSSH client in tmux, from its start to the key bar on screen (20 runs)"
times=()
for i in $(seq 1 20); do
	t0=$(date +%s%N)
	tmux_ssh "t$i" 80 24 fuzhou fuzhou
	until screen "t$i" 2>/dev/null | grep -q F10; do
		[ $(( ($(date +%s%N) - t0) / 1000000 )) -gt 10000 ] && bail "no screen"
		sleep 0.005
	done
	times+=($(( ($(date +%s%N) - t0) / 100000 )))
	tmux_ kill-session -t "t$i"
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
median=$(( (sorted[9] + sorted[10]) / 2 ))
printf 'ssh in tmux to first full screen over 20 runs: median %d.%d ms, min %d.%d ms, max %d.%d ms\n' \
	$((median / 10)) $((median % 10)) $((sorted[0] / 10)) $((sorted[0] % 10)) \
	$((sorted[19] / 10)) $((sorted[19] % 10))

echo "== memory of one idle session (PSS, from /proc/PID/smaps_rollup)"
tmux_ssh idle 80 24 fuzhou fuzhou
wait_screen idle F10 10 >/dev/null || bail "no screen"
sleep 1
total=0
pss() { awk '/^Pss:/ {print $2}' "/proc/$1/smaps_rollup"; }
for conn in $(server_children); do
	kb=$(pss "$conn")
	echo "connection process $conn: $kb kB"
	total=$((total + kb))
	for ui in $(pgrep -P "$conn"); do
		kb=$(pss "$ui")
		echo "UI process $ui: $kb kB"
		total=$((total + kb))
	done
done
echo "one idle session, both processes: $total kB PSS"
echo "listener $SERVER_PID: $(pss "$SERVER_PID") kB PSS"
