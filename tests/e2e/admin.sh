#!/bin/bash
# Administration over the real ssh client in tmux: Enter on a user opens
# them with their keys; a pasted authorized_keys line is checked, its
# fingerprint shown before it is added, and the key then logs in; a bad
# line is refused with a message; a key is removed after naming it.
. "$QD_SRCDIR/tests/e2e/lib.sh"

cat > "$TMP/qualdesk.conf" <<CONF
host_key $HOSTKEY
log_level warn
CONF
qd user add admin --role admin --name 中心管理员 >/dev/null &&
qd user add xiamen --role liaison --office xiamen --name 厦门联络员 >/dev/null ||
	bail "user add failed"
make_key admin
qd key add admin "$TMP/admin.pub" >/dev/null || bail "key add failed"
make_key xiamen
start_server
XFP=$(ssh-keygen -lf "$TMP/xiamen.pub" | awk '{print $2}')

tmux_ssh ad 80 24 admin admin
wait_screen ad "主菜单" >/dev/null || bail "no menu"
tmux_ send-keys -t ad "$(menu_group ad "管理 Administration")"
wait_screen ad "用户管理" >/dev/null || bail "no administration group"
tmux_ send-keys -t ad u
check "the users list opens" wait_screen ad "xiamen"
tmux_ send-keys -t ad Down
for _ in 1 2 3; do
	screen ad | grep -q '^> *xiamen' && break
	tmux_ send-keys -t ad Up
done
tmux_ send-keys -t ad Enter
check "Enter opens the user" wait_screen ad "用户 User xiamen"
check "with their role and office" wait_screen ad "厦门"
check "and says there is no key yet" wait_screen ad "No keys: F4 adds one"
tmux_ send-keys -t ad F4
check "F4 asks for an authorized_keys line" wait_screen ad "Paste one authorized_keys line"
tmux_ send-keys -t ad -l 'ssh-ed25519 AAAAnotakey 坏的'
tmux_ send-keys -t ad Enter
check "a bad line is refused with a message" wait_screen ad "Not a valid key"
check "and nothing added" \
	test "$(sqlite3 -readonly "$DB" "SELECT count(*) FROM user_keys k JOIN users u ON u.id = k.user_id WHERE u.login = 'xiamen'")" = 0
tmux_ send-keys -t ad F4
wait_screen ad "Paste one authorized_keys line" >/dev/null
tmux_ send-keys -t ad -l "$(cat "$TMP/xiamen.pub")"
tmux_ send-keys -t ad Enter
check "the fingerprint is shown before it is added" wait_screen ad "添加 $XFP？ Add it?"
tmux_ send-keys -t ad y
check "the key is added" wait_screen ad "Key added"
check "and listed" wait_screen ad "ssh-ed25519"
out=$($(ssh_cmd xiamen xiamen) version 2>&1); rc=$?
check "the added key logs in ($rc: $out)" [ "$rc" -eq 0 ]
tmux_ send-keys -t ad F8
check "F8 names the key it removes" wait_screen ad "删除 $XFP？ Remove it?"
tmux_ send-keys -t ad y
check "the key is removed" wait_screen ad "Key removed"
check "and the list is empty again" wait_screen ad "No keys: F4 adds one"
out=$($(ssh_cmd xiamen xiamen) version 2>&1); rc=$?
check "the removed key no longer logs in" [ "$rc" -ne 0 ]

# --- The audit log, narrowed ----------------------------------------------
esc_to_menu ad
tmux_ send-keys -t ad "$(menu_group ad "管理 Administration")"
wait_screen ad "审计日志" >/dev/null
tmux_ send-keys -t ad l
check "the audit log opens with its filters" wait_screen ad "日期 Day"
tmux_ send-keys -t ad Tab Tab
tmux_ send-keys -t ad -l 'user_keys'
tmux_ send-keys -t ad Enter
check "by record: the key rows alone" wait_screen ad "第 1/3 行"
check "which are user_keys rows" \
	bash -c "[ \"\$(tmux -S '$TMUX_SOCK' capture-pane -p -t ad | grep -c ' user_keys:')\" -eq 3 ]"
tmux_ send-keys -t ad Tab
tmux_ send-keys -t ad -l 'delete'
tmux_ send-keys -t ad Enter
check "and by action: the removal alone" wait_screen ad "第 1/1 行"
tmux_ send-keys -t ad Tab
tmux_ send-keys -t ad -l '2026-13-45'
tmux_ send-keys -t ad Enter
check "a day that is none is refused with a message" \
	wait_screen ad "Write the day as YYYY-MM-DD"
tmux_ send-keys -t ad BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace
tmux_ send-keys -t ad -l "$(TZ=Asia/Shanghai date +%Y-%m-%d)"
tmux_ send-keys -t ad Enter
check "today's date keeps the removal" wait_screen ad "第 1/1 行"
tmux_ send-keys -t ad BTab BTab BTab
tmux_ send-keys -t ad -l 'nobody'
tmux_ send-keys -t ad Enter
check "and a login that did nothing finds nothing" wait_screen ad "No entries"
esc_to_menu ad
tmux_ kill-session -t ad
check "every session ended" wait_children 0
done_testing
