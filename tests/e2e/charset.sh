#!/bin/bash
# Terminals in Big5 and GB18030: luit between the tmux pane (UTF-8) and
# ssh plays a terminal in that charset. The relay converts both ways: 陳大文
# typed in Big5 or GB18030 shows and is stored as UTF-8, a character Big5
# lacks is a visible ？, and the screens line up with a UTF-8 terminal's.
# An ASCII terminal is told so; commands honour --charset and QD_CHARSET.
. "$(dirname "$0")/lib.sh"

command -v luit >/dev/null 2>&1 || {
	echo "1..0 # SKIP luit is not installed"
	exit 0
}
cat > "$TMP/qualdesk.conf" <<CONF
host_key $HOSTKEY
log_level warn
CONF
qd user add fuzhou --role liaison --office fuzhou --name 福州联络员 >/dev/null ||
	bail "user add failed"
make_key fuzhou
qd key add fuzhou "$TMP/fuzhou.pub" >/dev/null || bail "key add failed"
start_server

sql() {
	sqlite3 -readonly "$DB" "$1"
}

# luit_ssh NAME ENCODING LANG: a terminal in ENCODING sending LANG.
luit_ssh() {
	tmux_ -f /dev/null new-session -d -s "$1" -x 80 -y 24 \
	    "TERM=xterm luit -encoding $2 -- $(ssh_cmd fuzhou fuzhou -t -o SetEnv=LANG=$3)"
}

# Where the ASCII characters of a screen are: "line:column:char" per
# line, columns counted as a terminal does (a Chinese character is two).
ascii_map() {
	/usr/bin/python3 -c '
import sys, unicodedata
for y, line in enumerate(sys.stdin.read().split("\n")):
    col, cells = 0, []
    for ch in line:
        if ch.isascii() and ch != " ":
            cells.append("%d:%s" % (col, ch))
        col += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
    print(y, " ".join(cells))'
}

# --- Big5 ------------------------------------------------------------------
tmux_ssh utf 80 24 fuzhou fuzhou
luit_ssh b5 Big5 zh_TW.Big5
check "a Big5 terminal gets the UI" wait_screen b5 "F10"
wait_screen utf "F10" >/dev/null
wait_stable b5
wait_stable utf
s_b5=$(screen b5)
s_utf=$(screen utf)
check "the UTF-8 terminal shows the simplified title" grep -q "职业资格" <<<"$s_utf"
check "Big5 lacks 职业资务: each a visible full-width ？" \
	grep -q "台胞？？？格一体化服？" <<<"$(head -n 1 <<<"$s_b5")"
check "what Big5 has shows as it is (格, 一体化)" grep -q "格一体化" <<<"$s_b5"
diff <(ascii_map <<<"$s_utf") <(ascii_map <<<"$s_b5") > "$TMP/map.diff"
check "the Big5 screen lines up with the UTF-8 one at 80x24" \
	[ "$(grep -c '^[<>]' "$TMP/map.diff")" -eq 0 ]
sed 's/^/# /' "$TMP/map.diff" | head -n 6
tmux_ send-keys -t b5 i
check "the intake form opens" wait_screen b5 "Intake 1/2"
tmux_ send-keys -t b5 -l '陳大文'
check "陳大文 typed in Big5 shows" wait_screen b5 "陳大文"
tmux_ send-keys -t b5 Tab Tab
tmux_ send-keys -t b5 -l '1990/5/17'
tmux_ send-keys -t b5 Tab
tmux_ send-keys -t b5 -l '12345678'
tmux_ send-keys -t b5 Tab Tab Tab
tmux_ send-keys -t b5 -l '0912 345 678'
tmux_ send-keys -t b5 F2
check "the person is saved and the case form follows" wait_screen b5 "Intake 2/2"
check "the database holds 陳大文 in UTF-8" \
	test "$(sql "SELECT hex(name) FROM applicants WHERE mtp = '12345678'")" = E999B3E5A4A7E69687
tmux_ kill-session -t b5

# --- GB18030 ---------------------------------------------------------------
luit_ssh gb GB18030 zh_CN.GB18030
check "a GB18030 terminal gets the UI" wait_screen gb "F10"
check "GB18030 shows the simplified title as it is" wait_screen gb "职业资格"
tmux_ send-keys -t gb i
wait_screen gb "Intake 1/2" >/dev/null
tmux_ send-keys -t gb -l '陳大文'
check "陳大文 typed in GB18030 shows" wait_screen gb "陳大文"
tmux_ send-keys -t gb Tab Tab
tmux_ send-keys -t gb -l '1991/6/18'
tmux_ send-keys -t gb Tab
tmux_ send-keys -t gb -l '87654321'
tmux_ send-keys -t gb Tab Tab Tab
tmux_ send-keys -t gb -l '0912 345 679'
tmux_ send-keys -t gb F2
wait_screen gb "Intake 2/2" >/dev/null
check "the database holds it in UTF-8" \
	test "$(sql "SELECT hex(name) FROM applicants WHERE mtp = '87654321'")" = E999B3E5A4A7E69687
tmux_ kill-session -t gb

# --- ASCII -----------------------------------------------------------------
tmux_ -f /dev/null new-session -d -s asc -x 80 -y 24 \
    "TERM=xterm $(ssh_cmd fuzhou fuzhou -t -o SetEnv=LANG=C)"
check "an ASCII terminal is told it cannot show Chinese" \
	wait_screen asc "ASCII terminal (LANG=C): Chinese shows as ??"
check "and how to change that" wait_screen asc "LANG=zh_CN.UTF-8"
check "no byte it gets is outside ASCII" \
	bash -c '! LC_ALL=C grep -q "[^ -~]" <<<"$1"' _ "$(screen asc)"
tmux_ send-keys -t asc i
check "and it works the UI all the same" wait_screen asc "Intake 1/2"
tmux_ kill-session -t asc

# --- My account: the user's own charset ----------------------------------
tmux_ssh acc 80 24 fuzhou fuzhou
wait_screen acc "F10" >/dev/null
tmux_ send-keys -t acc a
check "My account shows the charset, automatic" wait_screen acc "自动 Automatic (LANG)"
tmux_ send-keys -t acc F6
check "F6 offers the charsets" wait_screen acc "Big5（繁體 Traditional）"
tmux_ send-keys -t acc -l 'big5'
tmux_ send-keys -t acc Enter
check "Big5 is chosen, from the next login" wait_screen acc "Terminal charset Big5 from"
check "and kept for the user" \
	test "$(sql "SELECT charset FROM user_terminal")" = Big5
check "the change is audited" \
	test "$(sql "SELECT count(*) FROM audit WHERE tbl = 'user_terminal'")" -ge 1
tmux_ kill-session -t acc
# A Big5 terminal whose client says UTF-8: the account's choice wins.
luit_ssh b5u Big5 zh_TW.UTF-8
check "the account's Big5 serves a client that sends LANG=zh_TW.UTF-8" \
	wait_screen b5u "台胞？？？格一体化服？"
tmux_ send-keys -t b5u i
wait_screen b5u "Intake 1/2" >/dev/null
tmux_ send-keys -t b5u -l '陳小文'
check "and what it types is taken as Big5" wait_screen b5u "陳小文"
tmux_ kill-session -t b5u
out=$($(ssh_cmd fuzhou fuzhou) whoami)
check "a command's output stays UTF-8 (scripts choose with --charset)" \
	grep -q "name: 福州联络员" <<<"$out"
out=$($(ssh_cmd fuzhou fuzhou -t) -- --charset utf-8 whoami)
check "--charset still comes first" grep -q "福州联络员" <<<"$out"
tmux_ -f /dev/null new-session -d -s back -x 80 -y 24 \
    "TERM=xterm luit -encoding Big5 -- $(ssh_cmd fuzhou fuzhou -t)"
wait_screen back "F10" >/dev/null
tmux_ send-keys -t back a
wait_screen back "Big5：F6" >/dev/null
tmux_ send-keys -t back F6
wait_screen back "automatic, from LANG" >/dev/null
tmux_ send-keys -t back -l 'automatic'
tmux_ send-keys -t back Enter
check "back to automatic" wait_screen back "Terminal charset automatic"
check "kept as NULL" \
	test "$(sql "SELECT ifnull(charset, 'auto') FROM user_terminal")" = auto
tmux_ kill-session -t back

# --- commands --------------------------------------------------------------
out=$($(ssh_cmd fuzhou fuzhou) -- --charset big5 whoami | iconv -f BIG5 -t UTF-8)
check "--charset big5: a command's text comes in Big5" grep -q "name: 福州？？？" <<<"$out"
out=$($(ssh_cmd fuzhou fuzhou -o SetEnv=QD_CHARSET=GB18030) whoami | iconv -f GB18030 -t UTF-8)
check "QD_CHARSET=GB18030 likewise, for scripts" grep -q "name: 福州联络员" <<<"$out"
out=$($(ssh_cmd fuzhou fuzhou -o SetEnv=LANG=zh_CN.GB18030) whoami)
check "LANG alone leaves a command's output in UTF-8" grep -q "name: 福州联络员" <<<"$out"
out=$($(ssh_cmd fuzhou fuzhou) -- --charset nosuch whoami 2>&1); rc=$?
check "an unknown --charset is a usage error (exit 2)" [ "$rc" -eq 2 ]
check "that names the charset" grep -q "unknown charset 'nosuch'" <<<"$out"
out=$($(ssh_cmd fuzhou fuzhou) -- --charset 2>&1); rc=$?
check "--charset without a name is a usage error" [ "$rc" -eq 2 ]
done_testing
