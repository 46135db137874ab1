#!/bin/bash
# Scripting clients: Debian's python3-paramiko and python3-asyncssh log in
# with the key the demo writes and run a command, over exec and on a pty.
# The demo's key and the host key are in OpenSSH's wrapped format.
. "$(dirname "$0")/lib.sh"

PY=/usr/bin/python3
CLIENTS="${QD_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/clients.py"
cat > "$TMP/qualdesk.conf" <<CONF
host_key $HOSTKEY
login_grace_time 10
shutdown_grace 2
CONF
start_server --demo
ok "the demo server listens on 127.0.0.1:$PORT"
KEY="$HOME/.ssh/id_ed25519"

# Every line of a key file at most 70 columns, armour included.
wrapped() {
	[ -s "$1" ] &&
	    head -n 1 "$1" | grep -qx -- "-----BEGIN OPENSSH PRIVATE KEY-----" &&
	    tail -n 1 "$1" | grep -qx -- "-----END OPENSSH PRIVATE KEY-----" &&
	    [ "$(wc -l < "$1")" -gt 3 ] &&
	    awk 'length($0) > 70 { bad = 1 } END { exit bad }' "$1"
}
check "the demo's private key is wrapped at 70 columns" wrapped "$KEY"
check "the host key is wrapped at 70 columns" wrapped "$HOSTKEY"
check "ssh-keygen reads the demo's key" ssh-keygen -y -f "$KEY"
out=$($(ssh_cmd fuzhou home/.ssh/id_ed25519) whoami 2>&1)
check "OpenSSH logs in with the demo's key" grep -q "login: fuzhou" <<<"$out"

for lib in paramiko asyncssh; do
	if ! "$PY" -c "import $lib" 2>/dev/null; then
		for t in "exec" "exit status" "pty"; do
			ok "$lib $t # SKIP python3-$lib is not installed"
		done
		continue
	fi
	out=$(timeout 60 "$PY" "$CLIENTS" "$lib" "$PORT" fuzhou "$KEY" 2>&1)
	echo "$out" | sed "s/^/# $lib: /"
	check "$lib runs whoami over exec" grep -q "^exec: .*login: fuzhou" <<<"$out"
	check "$lib gets exit status 0" grep -qx "exit: 0" <<<"$out"
	check "$lib gets the full-screen UI on a pty" grep -qx "pty: ok" <<<"$out"
done
if "$PY" -c "import paramiko" 2>/dev/null; then
	out=$(timeout 60 "$PY" "$CLIENTS" paramiko "$PORT" fuzhou "$KEY" 2>&1)
	check "paramiko negotiates a CTR cipher with an SHA-2 MAC" \
		grep -q "^cipher: aes.*-ctr hmac-sha2" <<<"$out"
fi
done_testing
