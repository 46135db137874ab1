#!/bin/bash
# End to end, as a user would: accounts made with the commands, the server
# on a free loopback port, the real ssh client in tmux at 80x24, the main
# menu, moving around, a resize to 120x40, Chinese typed into a field, exec
# commands, a wrong key and an unknown user refused, a dropped client, and
# the audit trail of it all.
. "$(dirname "$0")/lib.sh"

cat > "$TMP/qualdesk.conf" <<CONF
# e2e settings
host_key $HOSTKEY
login_grace_time 5
max_auth_tries 3
shutdown_grace 3
CONF

qd user add fuzhou --role liaison --office fuzhou --name 福州联络员 >/dev/null &&
qd user add admin --role admin --name 中心管理员 >/dev/null &&
qd user add pt-lin --role clerk --office pingtan --name 平潭综合实验区窗口林 >/dev/null ||
	bail "user add failed"
make_key fuzhou
make_key admin
make_key stranger
qd key add fuzhou "$TMP/fuzhou.pub" >/dev/null &&
qd key add admin - < "$TMP/admin.pub" >/dev/null || bail "key add failed"
start_server
ok "server listens on 127.0.0.1:$PORT"

# --- exec commands over the same authorisation
out=$($(ssh_cmd fuzhou fuzhou) whoami 2>&1); rc=$?
check "exec whoami succeeds" [ "$rc" -eq 0 ]
check "exec whoami names the user and office" \
	grep -q "login: fuzhou" <<<"$out"
grep -q "office: fuzhou" <<<"$out" && ok "whoami shows the office" ||
	not_ok "whoami shows the office: $out"
out=$($(ssh_cmd fuzhou fuzhou) version 2>&1)
check "exec version prints the version" grep -q "^qualdesk [0-9]" <<<"$out"
out=$($(ssh_cmd fuzhou fuzhou) frobnicate 2>&1); rc=$?
check "an unknown command exits 2" [ "$rc" -eq 2 ]
check "an unknown command says so" grep -q "unknown command" <<<"$out"
out=$($(ssh_cmd fuzhou fuzhou) user add x --role admin 2>&1); rc=$?
check "a liaison may not add users (exit 3)" [ "$rc" -eq 3 ]
out=$($(ssh_cmd fuzhou fuzhou) serve 2>&1); rc=$?
check "serve is refused over SSH" [ "$rc" -eq 3 ]
out=$($(ssh_cmd fuzhou fuzhou) "whoami 'unterminated" 2>&1); rc=$?
check "an unterminated quote is a usage error" [ "$rc" -eq 2 ]
out=$($(ssh_cmd admin admin) user list 2>&1); rc=$?
check "an admin lists users over SSH" grep -q "福州联络员" <<<"$out"
out=$($(ssh_cmd admin admin) key add fuzhou /etc/passwd 2>&1); rc=$?
check "key add from a server file is refused over SSH" [ "$rc" -ne 0 ]

# --- wrong key and unknown user fail the same way
out_wrong=$($(ssh_cmd fuzhou stranger) whoami 2>&1); rc_wrong=$?
out_unknown=$($(ssh_cmd nobody stranger) whoami 2>&1); rc_unknown=$?
check "a wrong key is refused" [ "$rc_wrong" -eq 255 ]
check "the refusal says permission denied" \
	grep -q "Permission denied" <<<"$out_wrong"
check "an unknown user fails the same way" \
	[ "$rc_unknown" -eq 255 -a "${out_unknown/nobody/fuzhou}" = "$out_wrong" ]
qd user disable fuzhou >/dev/null
out=$($(ssh_cmd fuzhou fuzhou) whoami 2>&1); rc=$?
check "a disabled user is refused" [ "$rc" -eq 255 ]
qd user enable fuzhou >/dev/null

# --- the full-screen UI at 80x24
tmux_ssh liaison 80 24 fuzhou fuzhou
if wait_screen liaison "F10"; then ok "the liaison sees the UI"; else not_ok "the liaison sees the UI"; fi
s=$(screen liaison)
check "the title bar names the system" grep -q "qualdesk" <<<"$(head -n 1 <<<"$s")"
check "the title bar names the office" grep -q "福州" <<<"$(head -n 1 <<<"$s")"
check "the title bar names the user" grep -q "fuzhou" <<<"$(head -n 1 <<<"$s")"
check "the key bar is on the last line" grep -q "F1" <<<"$(tail -n 1 <<<"$s")"
check "the screen is 24 lines" [ "$(wc -l <<<"$s")" -eq 24 ]
check "the liaison's menu has no user admin" bash -c '! grep -q "用户管理" <<<"$1"' _ "$s"

# --- the admin at 80x24, moving around, then resized to 120x40
tmux_ssh admin 80 24 admin admin
wait_screen admin "F10" >/dev/null
check "the admin's menu has the administration group" \
	wait_screen admin "管理 Administration"
# The group's number is where it stands among the modules: read it.
group=$(menu_group admin "管理 Administration")
tmux_ send-keys -t admin "$group"
check "its number ($group) opens the group, with user admin" \
	wait_screen admin "用户管理"
check "and the audit log" wait_screen admin "审计日志"

# Into the user list, add a user through the form, typing Chinese.
tmux_ send-keys -t admin u
check "3 opens the user list" wait_screen admin "第 1 行"
check "the list shows the liaison's Chinese name" wait_screen admin "福州联络员"
check "a name too wide for 80 columns is cut with a mark" \
	grep -q "平潭综合实验区窗~" <<<"$(screen admin)"
tmux_ send-keys -t admin F4
check "F4 opens the add-user form" wait_screen admin "新增用户 Add a user"
tmux_ send-keys -t admin 'chen-dw' Tab
tmux_ send-keys -t admin -l '陳大文'
check "Traditional Chinese typed into the name field shows" \
	wait_screen admin "陳大文"
tmux_ send-keys -t admin BSpace
tmux_ send-keys -t admin -l '陈'
check "backspace removes one whole character; Simplified typed after it" \
	wait_screen admin "陳大陈"
tmux_ send-keys -t admin F2
check "saving a clerk without an office says what is missing" \
	wait_screen admin "needs an office"
check "the whole message shows at 80 columns, on two lines" \
	grep -q "ningde, pingtan" <<<"$(screen admin)"
check "the typed name is kept after the refusal" wait_screen admin "陳大陈"
tmux_ send-keys -t admin Tab Tab Right
check "the office choice moves to the first office" wait_screen admin "福州市 fuzhou"
tmux_ send-keys -t admin F2
check "the user is added" wait_screen admin "User chen-dw added"
out=$(qd user list)
check "the new user is in the database with the name as typed" \
	grep -q "chen-dw.*陳大陈" <<<"$out"

# Resize to 120x40: the whole screen is redrawn at the new size.
tmux_ resize-window -t admin -x 120 -y 40
sleep 0.5
check "after the resize the key bar is on line 40" \
	wait_screen admin "F10"
s=$(screen admin)
check "the screen is 40 lines" [ "$(wc -l <<<"$s")" -eq 40 ]
check "the key bar moved to the last line" grep -q "F10" <<<"$(tail -n 1 <<<"$s")"
w=$(head -n 1 <<<"$s" | LC_ALL=C.UTF-8 wc -L)
check "the title bar spans the new width ($w columns)" [ "$w" -ge 115 ]
check "the name cut at 80 columns shows whole at 120" \
	grep -q "平潭综合实验区窗口林" <<<"$s"

# Esc then a digit stands for an F-key; Esc alone goes back.
esc admin
check "Esc alone goes back to the main menu" wait_screen admin "主菜单 Main menu"
tmux_ send-keys -t admin Escape 1
check "Esc 1 is F1, the help screen" wait_screen admin "帮助 Help"

# A large paste into a field: refused past the limit with a message, and
# the UI keeps answering.
esc admin
wait_screen admin "主菜单 Main menu" >/dev/null
tmux_ send-keys -t admin u
wait_screen admin "第 1 行" >/dev/null
tmux_ send-keys -t admin F4 Tab
wait_screen admin "新增用户 Add a user" >/dev/null
tmux_ send-keys -t admin -l -- "$(head -c 6000 /dev/urandom | LC_ALL=C tr -dc '[:print:]' | head -c 3000)"
check "a 3000-byte paste into the name field is stopped at the limit with a message" \
	wait_screen admin "Too long"
wait_stable admin
esc admin
check "leaving a form with typed text asks first" wait_screen admin "Discard what you typed?"
tmux_ send-keys -t admin y
check "discarding goes back to the list" wait_screen admin "第 1 行"
esc admin
check "and Esc again to the main menu" wait_screen admin "主菜单 Main menu"

# F10 quits and the session's processes end.
tmux_ send-keys -t admin F10
for _ in $(seq 1 50); do
	tmux_ has-session -t admin 2>/dev/null || break
	sleep 0.1
done
check "F10 ends the ssh session" bash -c "! tmux -S '$TMUX_SOCK' has-session -t admin 2>/dev/null"

# A dropped client: killing the ssh client ends both server processes.
kids=$(server_children | wc -l)
check "the liaison's session has its processes on the server" [ "$kids" -ge 1 ]
tmux_ kill-session -t liaison
wait_children 0
check "a dropped client ends its server processes" [ -z "$(server_children)" ]
zombies=$(ps -o stat= --ppid "$SERVER_PID" | grep -c Z)
check "no zombie is left" [ "$zombies" -eq 0 ]

# Every change and every login is in the audit trail.
out=$(qd audit list --limit 200)
check "logins are audited" grep -q "login" <<<"$out"
check "the user added over SSH is audited with its actor" \
	bash -c 'grep -A1 "^[0-9]* .* admin  *insert  *users#" <<<"$1" | grep -q chen-dw' _ "$out"

# Disabling an account ends its open sessions, within seconds.
qd user add pt-wu --role clerk --office pingtan --name 平潭窗口吴 >/dev/null &&
make_key pt-wu && qd key add pt-wu "$TMP/pt-wu.pub" >/dev/null ||
	bail "user add pt-wu failed"
tmux_ssh wu 80 24 pt-wu pt-wu
wait_screen wu "F10" >/dev/null
qd user disable pt-wu >/dev/null
start=$SECONDS
for _ in $(seq 1 60); do
	tmux_ has-session -t wu 2>/dev/null || break
	sleep 0.1
done
check "disabling an account ends its open session ($((SECONDS - start)) s)" \
	bash -c "! tmux -S '$TMUX_SOCK' has-session -t wu 2>/dev/null"
check "and the log says why" grep -q "account was disabled" "$SERVER_LOG"

# --- My account: a compressed link required (for users who forget -C) ---
tmux_ssh cf 80 24 fuzhou fuzhou
wait_screen cf "F10" >/dev/null
tmux_ send-keys -t cf a
check "My account says compression is not required" wait_screen cf "不要求 Not required"
tmux_ send-keys -t cf F6
check "F6 offers it" wait_screen cf "require ssh -C or not"
tmux_ send-keys -t cf -l 'ssh -C'
tmux_ send-keys -t cf Enter
check "and asks" wait_screen cf "Require ssh -C for my logins?"
tmux_ send-keys -t cf y
check "and requires it, saying what it means" \
	wait_screen cf "Logins without ssh -C are now refused"
check "the account shows it" wait_screen cf "要求 Required"
check "kept for the user" \
	test "$(sqlite3 -readonly "$DB" "SELECT compression_force FROM user_terminal")" = 1
tmux_ kill-session -t cf
out=$(timeout 20 $(ssh_cmd fuzhou fuzhou -tt) </dev/null 2>&1); rc=$?
check "without -C the UI is refused (exit 2)" [ "$rc" -eq 2 ]
check "saying to use ssh -C" grep -q "connect with ssh -C" <<<"$out"
check "in Chinese too" grep -q "请用 ssh -C 连接" <<<"$out"
check "and the log says why" grep -q "the account asks for compression" "$SERVER_LOG"
out=$($(ssh_cmd fuzhou fuzhou) whoami 2>&1)
check "a command without -C still runs" grep -q "login: fuzhou" <<<"$out"
tmux_ -f /dev/null new-session -d -s cz -x 80 -y 24 \
    "TERM=xterm-256color $(ssh_cmd fuzhou fuzhou -t -C)"
check "with -C the UI starts" wait_screen cz "F10"
check "and shows no trace of the check" \
	bash -c '! grep -q "compressed link" <<<"$1"' _ "$(screen cz)"
tmux_ send-keys -t cz a
wait_screen cz "要求 Required" >/dev/null
tmux_ send-keys -t cz F6
wait_screen cz "require ssh -C or not" >/dev/null
tmux_ send-keys -t cz -l 'ssh -C'
tmux_ send-keys -t cz Enter
wait_screen cz "Stop requiring" >/dev/null
tmux_ send-keys -t cz y
check "asked again, it stops requiring it" wait_screen cz "不要求 Not required"
tmux_ kill-session -t cz
tmux_ssh plain 80 24 fuzhou fuzhou
check "and a login without -C gets the UI again" wait_screen plain "F10"
tmux_ kill-session -t plain

# SIGTERM with a session open: the server ends it and stops.
tmux_ssh late 80 24 fuzhou fuzhou
wait_screen late "F10" >/dev/null
kill -TERM "$SERVER_PID"
for _ in $(seq 1 60); do
	kill -0 "$SERVER_PID" 2>/dev/null || break
	sleep 0.1
done
check "SIGTERM stops the server with a session open" \
	bash -c "! kill -0 $SERVER_PID 2>/dev/null"
for _ in $(seq 1 30); do
	tmux_ has-session -t late 2>/dev/null || break
	sleep 0.1
done
check "the open session was ended" bash -c "! tmux -S '$TMUX_SOCK' has-session -t late 2>/dev/null"
SERVER_PID=""
check "the database is consistent afterwards" \
	[ "$(sqlite3 "$DB" 'PRAGMA integrity_check; PRAGMA foreign_key_check;')" = ok ]

done_testing
