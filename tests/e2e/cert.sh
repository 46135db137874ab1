#!/bin/bash
# Certificates in the full-screen UI, over the real ssh client: the
# center approves a case in tmux and its certificate is issued; the
# office finds it in its list, opens the page, shows the QR code (read
# back off the screen by a real QR reader) and is told to enlarge a
# window too small for it; prints it through the terminal (the raw bytes
# of a real ssh client on a pty, since tmux keeps ESC [5i to itself);
# hands it over after the notice; a scanned code verifies, then shows
# revoked once the center revoked it with a reason typed in Chinese; the
# center issues the replacement.
. "$(dirname "$0")/lib.sh"

: "${SEED_CATALOG:?SEED_CATALOG must name seed-catalog}"
for tool in zbarimg pdftotext python3; do
	command -v "$tool" >/dev/null ||
	    bail "$tool is missing: install zbar-tools, poppler-utils, python3"
done
cat > "$TMP/qualdesk.conf" <<CONF
host_key $HOSTKEY
log_level warn
CONF
for u in "fuzhou --role liaison --office fuzhou" "center --role center"; do
	set -- $u
	qd user add "$@" >/dev/null || bail "user add $1 failed"
	make_key "$1"
	qd key add "$1" "$TMP/$1.pub" >/dev/null || bail "key add $1 failed"
done
"$SEED_CATALOG" "$DB" 2>/dev/null || bail "no catalog"
qd demo-data --cases 200 >/dev/null || bail "demo-data failed"
sql() {
	sqlite3 -readonly "$DB" "$1"
}
# A Fuzhou case from the catalog waiting for the center, and its holder.
CASE=$(sql "SELECT id FROM cases WHERE office_id = 1 AND state = 'forwarded'
    AND type = 'adoption' AND catalog_id IS NOT NULL ORDER BY id LIMIT 1")
[ -n "$CASE" ] || bail "demo-data left no Fuzhou case to review"
NAME=$(sql "SELECT a.name FROM cases c JOIN applicants a
    ON a.id = c.applicant_id WHERE c.id = $CASE")
start_server

as() {
	local user=$1
	shift
	$(ssh_cmd "$user" "$user") "$@"
}

# Write the QR code found in a screen capture as a PGM image, one
# character two modules high, for a QR reader.
cat > "$TMP/qr2pgm.py" <<'PY'
import sys
rows = [l.rstrip("\n") for l in open(sys.argv[1], encoding="utf-8")
        if any(c in l for c in "\u2580\u2584\u2588")]
left = min(len(r) - len(r.lstrip(" ")) for r in rows)
width = max(len(r) for r in rows) - left
mods = []
for r in rows:
    r = r[left:].ljust(width)
    mods.append([c in "\u2580\u2588" for c in r])
    mods.append([c in "\u2584\u2588" for c in r])
S, Q = 4, 8
w, h = (width + 2 * Q) * S, (len(mods) + 2 * Q) * S
out = open(sys.argv[2], "wb")
out.write(b"P5 %d %d 255\n" % (w, h))
white = bytes([255]) * w
for _ in range(Q * S):
    out.write(white)
for m in mods:
    line = bytes([255]) * (Q * S) + b"".join(
        bytes([0 if d else 255]) * S for d in m) + bytes([255]) * (Q * S)
    for _ in range(S):
        out.write(line)
for _ in range(Q * S):
    out.write(white)
PY

# --- The center approves; the certificate is issued ----------------------
tmux_ssh ct 80 24 center center
wait_screen ct "审核队列" >/dev/null
tmux_ send-keys -t ct s
wait_screen ct "Find a case" >/dev/null
tmux_ send-keys -t ct -l "$CASE"
tmux_ send-keys -t ct Enter Tab Enter
check "the center opens the forwarded case" wait_screen ct "案件 Case $CASE"
tmux_ send-keys -t ct F4
wait_screen ct "Taken; review it" >/dev/null
tmux_ send-keys -t ct F5
wait_screen ct "按目录 As the catalog" >/dev/null
tmux_ send-keys -t ct Enter
wait_screen ct "并立即签发采信证书" >/dev/null
tmux_ send-keys -t ct y
check "and approves it" wait_screen ct "Approved; the office has the result"
NUMBER=$(sql "SELECT number FROM certificates WHERE case_id = $CASE")
QR=$(sql "SELECT qr_text FROM certificates WHERE case_id = $CASE")
check "the approval issued a certificate" test "${NUMBER#CX-}" != "$NUMBER"
check "the case page offers its certificate under z" \
	wait_screen ct "z 证 Certificate"

# --- The office: list, page, QR code ------------------------------------
tmux_ssh fz 132 43 fuzhou fuzhou
wait_screen fz "证书 Certificates" >/dev/null
tmux_ send-keys -t fz z
check "the office's certificate list shows the new number" \
	wait_screen fz "> $NUMBER"
check "waiting to be printed" bash -c "tmux -S '$TMUX_SOCK' capture-pane -p \
	-t fz | grep -F '> $NUMBER' | grep -q 待打印"
tmux_ send-keys -t fz Enter
check "Enter opens the page as on the paper" \
	wait_screen fz "经比对采信，持证人具备大陆地区以下相当水平"
check "with the holder's name" wait_screen fz "$NAME"
check "an unprinted certificate has no hand-over key" bash -c \
	"! tmux -S '$TMUX_SOCK' capture-pane -p -t fz | tail -n 1 | grep -q F9"
tmux_ send-keys -t fz Q
check "Q shows the QR code in half blocks" wait_screen fz "▀"
screen fz > "$TMP/qr.txt"
check "the code is whole: ▀ ▄ and █ all drawn" bash -c \
	"grep -q ▄ '$TMP/qr.txt' && grep -q █ '$TMP/qr.txt'"
python3 "$TMP/qr2pgm.py" "$TMP/qr.txt" "$TMP/qr.pgm"
READ=$(zbarimg --raw -q "$TMP/qr.pgm" 2>/dev/null | tr -d '\n')
check "a QR reader reads the certificate's text off the screen" \
	test "$READ" = "$QR"
tmux_ resize-window -t fz -x 60 -y 20
check "a 60x20 window is too small and says how large it must be" \
	wait_screen fz "enlarge the window"
check "no broken code is drawn" bash -c \
	"! tmux -S '$TMUX_SOCK' capture-pane -p -t fz | grep -q ▀"
tmux_ resize-window -t fz -x 132 -y 43
check "enlarged again, the code is back" wait_screen fz "▀"
tmux_ send-keys -t fz x
check "any key goes back to the page" wait_screen fz "P 打印 Print"

# --- Printing with the setting off: how to get the PDF -------------------
tmux_ send-keys -t fz P
check "P without terminal printing names the ssh command" \
	wait_screen fz "cert pdf $NUMBER > cert.pdf"
tmux_ send-keys -t fz Enter
check "and offers to record it printed" wait_screen fz "Yes records it"
tmux_ send-keys -t fz n
check "no means not recorded" \
	test "$(sql "SELECT print_count FROM certificates WHERE number = '$NUMBER'")" = 0
esc_to_menu fz
tmux_ send-keys -t fz a
check "the account shows terminal printing off" wait_screen fz "关 Off"
tmux_ send-keys -t fz F5
check "F5 asks with the setting's full name" \
	wait_screen fz "打印机直通（终端打印） Print through the terminal (ESC [5i)"
tmux_ send-keys -t fz y
check "and turns it on" wait_screen fz "开 On"
check "kept for the user" \
	test "$(sql "SELECT print_passthrough FROM user_settings")" = 1
esc fz

# --- Printing through the terminal: the bytes a real ssh client gets -----
cat > "$TMP/print.py" <<'PY'
# Log in under a pty, open the certificate, press P; keep what arrives
# between ESC [5i and ESC [4i after the test page (yes, it printed);
# answer yes; quit. Every wait is bounded.
import fcntl, os, pty, select, signal, struct, sys, termios, time
number, out = sys.argv[1].encode(), sys.argv[2]
pid, fd = pty.fork()
if pid == 0:
    fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    os.environ["TERM"] = "xterm"
    os.execvp(sys.argv[3], sys.argv[3:])
buf = bytearray()
def wait(what, start=0, limit=20):
    end = time.time() + limit
    while buf.find(what, start) < 0 and time.time() < end:
        if select.select([fd], [], [], 0.2)[0]:
            try:
                data = os.read(fd, 65536)
            except OSError:
                break
            if not data:
                break
            buf.extend(data)
    if buf.find(what, start) < 0:
        os.kill(pid, signal.SIGKILL)
        sys.exit("no %r on the terminal" % what)
wait("主菜单".encode())
os.write(fd, b"z")
wait(number)
os.write(fd, b"\r")
wait("经比对采信".encode())
mark = len(buf)
os.write(fd, b"P")
# A one-line test page first, and the question whether it came out.
wait(b"\x1b[5iqualdesk \xe6\x89\x93\xe5\x8d\xb0\xe6\xb5\x8b\xe8\xaf\x95 printer test\r\n\x1b[4i", mark, 30)
wait(b"Did the printer print the test line", mark)
mark = buf.index(b"printer test\r\n\x1b[4i", mark) + 18
os.write(fd, b"y")
wait(b"\x1b[5i%PDF-", mark, 60)
on = buf.index(b"\x1b[5i%PDF-", mark)
wait(b"\x1b[4i", on, 60)
off = buf.index(b"\x1b[4i", on)
open(out, "wb").write(bytes(buf[on + 4:off]))
wait(b"Did it print", off)
os.write(fd, b"y")
wait(b"Recorded 1 printed", off)
os.write(fd, b"\x18")
end, gone = time.time() + 10, False
while time.time() < end and not gone:
    gone = os.waitpid(pid, os.WNOHANG)[0] != 0
    if not gone and select.select([fd], [], [], 0.2)[0]:
        try:
            os.read(fd, 65536)
        except OSError:
            pass
if not gone:
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    sys.exit("ssh did not end after Ctrl-X")
PY
# shellcheck disable=SC2046
out=$(timeout 120 python3 "$TMP/print.py" "$NUMBER" "$TMP/printed.pdf" \
    $(ssh_cmd fuzhou fuzhou -tt) 2>&1); rc=$?
check "a real ssh client receives ESC [5i, a PDF and ESC [4i${out:+ ($out)}" \
	[ "$rc" -eq 0 ]
check "the bytes between begin %PDF-" \
	[ "$(head -c 5 "$TMP/printed.pdf" 2>/dev/null)" = "%PDF-" ]
as fuzhou cert pdf "$NUMBER" > "$TMP/cmd.pdf" 2>/dev/null
check "they are the PDF of cert pdf, byte for byte but its creation date" \
	python3 -c '
import re, sys
a, b = (re.sub(rb"/CreationDate \(D:[^)]*\)", b"", open(p, "rb").read())
    for p in sys.argv[1:])
sys.exit(0 if a == b and len(a) > 1000 else 1)' "$TMP/printed.pdf" "$TMP/cmd.pdf"
check "whose text has the holder's name" bash -c \
	"pdftotext '$TMP/printed.pdf' - | tr -d ' ' | grep -q '$NAME'"
check "answering yes recorded it printed once" \
	test "$(sql "SELECT print_count FROM certificates WHERE number = '$NUMBER'")" = 1

# --- Handing over: after the notice --------------------------------------
tmux_ send-keys -t fz z
wait_screen fz "> $NUMBER" >/dev/null
tmux_ send-keys -t fz Enter
check "printed, the page offers F9" wait_screen fz "F9 发放"
tmux_ send-keys -t fz F9
check "F9 before the notice says to notify the applicant first" \
	wait_screen fz "notify the applicant first"
tmux_ send-keys -t fz o
check "o opens the case" wait_screen fz "案件 Case $CASE"
tmux_ send-keys -t fz F8
wait_screen fz "短信 SMS" >/dev/null
tmux_ send-keys -t fz Enter
wait_screen fz "已审核通过" >/dev/null
tmux_ send-keys -t fz Enter
check "the applicant is notified" wait_screen fz "Notice recorded"
tmux_ send-keys -t fz F3
wait_screen fz "证书 Certificate $NUMBER" >/dev/null
tmux_ send-keys -t fz F9
check "F9 asks the date" wait_screen fz "领证日期"
tmux_ send-keys -t fz Enter
check "the certificate is handed over" wait_screen fz "Recorded as handed over"
check "the case is collected" \
	test "$(sql "SELECT state FROM cases WHERE id = $CASE")" = collected
check "the page says so" wait_screen fz "已发放 Handed over"

# --- Verifying a scanned code; revoking; verifying again -----------------
esc_to_menu fz
tmux_ send-keys -t fz y
wait_screen fz "Verify a certificate" >/dev/null
tmux_ send-keys -t fz -l "$QR"
tmux_ send-keys -t fz Enter
check "the scanned code is valid" wait_screen fz "证书有效 VALID"
check "and shows the number it carries" wait_screen fz "$NUMBER"

tmux_ send-keys -t ct z
check "the case's certificate opens from the case page" \
	wait_screen ct "证书 Certificate $NUMBER"
tmux_ send-keys -t ct X
wait_screen ct "原因 Reason" >/dev/null
tmux_ send-keys -t ct -l '姓名有误，需更正'
tmux_ send-keys -t ct Enter
check "revoking asks once more" wait_screen ct "This cannot be undone"
tmux_ send-keys -t ct y
check "the center revokes it" wait_screen ct "已撤销 $NUMBER Revoked"
check "with the reason as typed" \
	test "$(sql "SELECT revoke_reason FROM certificates WHERE number = '$NUMBER'")" = '姓名有误，需更正'

tmux_ send-keys -t fz -l "$QR"
tmux_ send-keys -t fz Enter
check "scanned again it shows revoked" wait_screen fz "已撤销 REVOKED"
check "with the reason" wait_screen fz "姓名有误，需更正"

tmux_ send-keys -t ct R
wait_screen ct "原因 Reason" >/dev/null
tmux_ send-keys -t ct -l '更正姓名后换发'
tmux_ send-keys -t ct Enter
check "R issues a replacement and opens it" wait_screen ct "换发自 Replaces   $NUMBER"
NEW=$(sql "SELECT n.number FROM certificates n JOIN certificates o
    ON o.id = n.replaces WHERE o.number = '$NUMBER'")
check "under a new number, on record" wait_screen ct "证书 Certificate $NEW"

tmux_ send-keys -t fz F10
tmux_ send-keys -t ct F10
check "every session ends" wait_children 0
check "the database is intact" test "$(sql "PRAGMA integrity_check")" = ok
done_testing
