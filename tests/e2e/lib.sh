# Shared pieces of the end-to-end tests: a private temporary directory, a
# server on a free loopback port, the real OpenSSH client inside a private
# tmux server, TAP output. Everything started here is stopped on exit.

set -u

: "${QUALDESK:?QUALDESK must name the built binary}"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/qualdesk-e2e.XXXXXX")
export HOME="$TMP/home"
mkdir -p "$HOME"
DB="$TMP/test.db"
HOSTKEY="$TMP/host-key"
SERVER_LOG="$TMP/server.log"
SERVER_PID=""
PORT=""
TMUX_SOCK="$TMP/tmux.sock"
tap_n=0
tap_failed=0

e2e_cleanup() {
	if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
		kill -TERM "$SERVER_PID" 2>/dev/null
		for _ in 1 2 3 4 5 6 7 8 9 10; do
			kill -0 "$SERVER_PID" 2>/dev/null || break
			sleep 0.2
		done
		kill -KILL "$SERVER_PID" 2>/dev/null
	fi
	tmux -S "$TMUX_SOCK" kill-server 2>/dev/null
	rm -rf "$TMP"
}
trap e2e_cleanup EXIT
trap 'exit 1' INT TERM

ok() {
	tap_n=$((tap_n + 1))
	echo "ok $tap_n - $1"
}

not_ok() {
	tap_n=$((tap_n + 1))
	tap_failed=$((tap_failed + 1))
	echo "not ok $tap_n - $1"
}

# check DESCRIPTION COMMAND...: one TAP line from a command's status.
check() {
	local what=$1
	shift
	if "$@"; then ok "$what"; else not_ok "$what"; fi
}

done_testing() {
	echo "1..$tap_n"
	[ "$tap_failed" -eq 0 ]
}

bail() {
	echo "Bail out! $1"
	[ -f "$SERVER_LOG" ] && sed 's/^/# /' "$SERVER_LOG" | tail -n 30
	exit 1
}

qd() {
	"$QUALDESK" --db "$DB" "$@"
}

# Make an ed25519 key pair NAME in $TMP.
make_key() {
	ssh-keygen -q -t ed25519 -N '' -C "$1" -f "$TMP/$1" >/dev/null
}

# Start the server on a free loopback port; sets PORT and SERVER_PID.
start_server() {
	local try
	for try in 1 2 3 4 5 6 7 8 9 10; do
		PORT=$((20000 + (RANDOM * 7 + $$ + try * 131) % 40000))
		: > "$SERVER_LOG"
		"$QUALDESK" --db "$DB" --config "$TMP/qualdesk.conf" serve \
		    --listen "127.0.0.1:$PORT" "$@" >"$SERVER_LOG" 2>&1 &
		SERVER_PID=$!
		for _ in $(seq 1 50); do
			if ! kill -0 "$SERVER_PID" 2>/dev/null; then
				break
			fi
			if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
				return 0
			fi
			sleep 0.1
		done
		wait "$SERVER_PID" 2>/dev/null
		SERVER_PID=""
		grep -q "in use" "$SERVER_LOG" || break
	done
	bail "server did not start"
}

# The ssh command line for USER with key KEY (private key file in $TMP).
ssh_cmd() {
	local user=$1 key=$2
	shift 2
	echo "ssh -F /dev/null -o StrictHostKeyChecking=no" \
	    "-o UserKnownHostsFile=/dev/null -o LogLevel=ERROR" \
	    "-o IdentitiesOnly=yes -o BatchMode=yes -o ConnectTimeout=10" \
	    "-i $TMP/$key -p $PORT $* $user@127.0.0.1"
}

tmux_() {
	tmux -S "$TMUX_SOCK" "$@"
}

# Start an interactive ssh session in tmux window NAME at COLSxROWS.
tmux_ssh() {
	local name=$1 cols=$2 rows=$3 user=$4 key=$5
	tmux_ -f /dev/null new-session -d -s "$name" -x "$cols" -y "$rows" \
	    "TERM=xterm-256color $(ssh_cmd "$user" "$key" -t)"
}

# Esc alone: the UI waits half a second for a digit (Esc 1 = F1), so
# wait that out before the next key.
esc() {
	tmux_ send-keys -t "$1" Escape
	sleep 0.7
}

# esc_to_menu NAME: Esc until the main menu shows (a dialog or a message
# may take one Esc of its own on a busy machine), at most five times.
esc_to_menu() {
	for _ in 1 2 3 4 5; do
		screen "$1" 2>/dev/null | grep -qF "主菜单 Main menu" && return 0
		esc "$1"
	done
	wait_screen "$1" "主菜单 Main menu" 2 >/dev/null
}

screen() {
	tmux_ capture-pane -p -t "$1"
}

# wait_screen NAME TEXT [SECONDS]: until the screen of NAME shows TEXT.
wait_screen() {
	local name=$1 text=$2 limit=${3:-10} i
	for i in $(seq 1 $((limit * 10))); do
		if screen "$name" 2>/dev/null | grep -qF -- "$text"; then
			return 0
		fi
		sleep 0.1
	done
	echo "# screen of $name did not show '$text'; it shows:"
	screen "$name" 2>/dev/null | sed 's/^/#   |/'
	return 1
}

# wait_stable NAME: until the screen stops changing (two captures half a
# second apart agree), at most 10 seconds: a paste may still be arriving.
wait_stable() {
	local prev="" cur
	for _ in $(seq 1 20); do
		cur=$(screen "$1")
		[ "$cur" = "$prev" ] && return 0
		prev=$cur
		sleep 0.5
	done
	return 1
}

# The processes of the server below the listener (connection and UI).
server_children() {
	pgrep -P "$SERVER_PID" 2>/dev/null
}

# wait_children N: until the listener has N connection processes, at most
# 5 seconds. Returns 1 if it never did.
wait_children() {
	for _ in $(seq 1 50); do
		[ "$(server_children | wc -l)" -eq "$1" ] && return 0
		sleep 0.1
	done
	return 1
}

# The number of the main menu's group LABEL on SESSION's screen.
menu_group() {
	screen "$1" | sed -n "s/^ *>\{0,1\} *\([0-9]\)  $2.*/\1/p" | head -n 1
}
