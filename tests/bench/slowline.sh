#!/bin/bash
# make bench: the intake over a slow line. A relay limits the link to
# 9.6 and 64 kbit/s each way; the real OpenSSH client in tmux logs in and
# takes in one case (the person, then the case with a catalog entry), by
# default and with ssh -C. Prints the time of the whole intake and the
# bytes sent down, in all and for the intake screens alone (from the
# main menu on). Figures recorded, never asserted.
. "$QD_SRCDIR/tests/e2e/lib.sh"

cat > "$TMP/qualdesk.conf" <<CONF
host_key $HOSTKEY
log_level warn
CONF
qd user add fuzhou --role liaison --office fuzhou --name 福州联络员 >/dev/null ||
	bail "user add failed"
make_key fuzhou
qd key add fuzhou "$TMP/fuzhou.pub" >/dev/null || bail "key add failed"
qd catalog import "$QD_SRCDIR/schema/demo/catalog.csv" >/dev/null ||
	bail "catalog import failed"
start_server
RELAY_PID=""
trap 'if [ -n "$RELAY_PID" ]; then kill "$RELAY_PID" 2>/dev/null; fi; e2e_cleanup' EXIT

now_ms() {
	echo $(( $(date +%s%N) / 1000000 ))
}

down() {
	cut -d' ' -f1 "$TMP/count"
}

# wait_for NAME TEXT: as wait_screen, but long enough for 9.6 kbit/s.
wait_for() {
	wait_screen "$1" "$2" 120 >/dev/null || bail "no '$2' on $1"
}

run=0
intake() {
	local rate=$1 opts=$2 name t0 t_menu b_menu t1 b1
	run=$((run + 1))
	name="s$run"
	"/usr/bin/python3" "$QD_SRCDIR/tests/bench/slowrelay.py" $((PORT + 1)) \
	    "$PORT" "$rate" "$TMP/count" &
	RELAY_PID=$!
	for _ in $(seq 1 50); do
		[ -f "$TMP/count" ] && (exec 3<>"/dev/tcp/127.0.0.1/$((PORT + 1))") \
		    2>/dev/null && break
		sleep 0.1
	done
	echo "0 0" > "$TMP/count"
	t0=$(now_ms)
	tmux_ -f /dev/null new-session -d -s "$name" -x 80 -y 24 \
	    "TERM=xterm-256color $(ssh_cmd fuzhou fuzhou -t $opts | sed "s/-p $PORT/-p $((PORT + 1))/")"
	wait_for "$name" "受理 Intake"
	t_menu=$(now_ms); b_menu=$(down)
	tmux_ send-keys -t "$name" i
	wait_for "$name" "Intake 1/2"
	tmux_ send-keys -t "$name" -l '陳大文'
	tmux_ send-keys -t "$name" Tab Tab
	tmux_ send-keys -t "$name" -l "1990/5/$((10 + run))"
	tmux_ send-keys -t "$name" Tab
	tmux_ send-keys -t "$name" -l "$((12345600 + run))"
	tmux_ send-keys -t "$name" Tab Tab Tab
	tmux_ send-keys -t "$name" -l '0912 345 678'
	wait_for "$name" "0912 345 678"
	tmux_ send-keys -t "$name" F2
	wait_for "$name" "Intake 2/2"
	tmux_ send-keys -t "$name" F6
	wait_for "$name" "type to narrow"
	tmux_ send-keys -t "$name" -l '烘焙'
	wait_for "$name" " 2/4"
	tmux_ send-keys -t "$name" -l '食品技術士 丙'
	wait_for "$name" " 1/4"
	tmux_ send-keys -t "$name" Enter
	wait_for "$name" "丙級 →"
	tmux_ send-keys -t "$name" Tab Tab Tab
	tmux_ send-keys -t "$name" -l "TW-2026-00$run"
	tmux_ send-keys -t "$name" Tab Right Tab Right
	tmux_ send-keys -t "$name" F2
	wait_for "$name" "已受理"
	t1=$(now_ms); b1=$(down)
	awk -v r="$rate" -v o="${opts:-default}" -v t="$((t1 - t0))" \
	    -v l="$((t_menu - t0))" -v b="$b1" -v i="$((b1 - b_menu))" 'BEGIN {
		printf "%5.1f kbit/s %-8s whole intake %5.1f s (login %4.1f s), " \
		    "down %6d bytes, intake screens alone %6d bytes\n",
		    r / 1000, o, t / 1000, l / 1000, b, i }'
	tmux_ kill-session -t "$name"
	kill "$RELAY_PID" 2>/dev/null
	wait "$RELAY_PID" 2>/dev/null
	RELAY_PID=""
	rm -f "$TMP/count"
	wait_children 0 || sleep 2
}

echo "== the intake over a slow line (relay on 127.0.0.1), real ssh in tmux, 80x24"
for rate in ${BENCH_RATES:-9600 64000}; do
	intake "$rate" ""
	intake "$rate" "-C"
done
