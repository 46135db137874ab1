#!/bin/bash
# The domain of a case on screen, over the real ssh client in tmux at 80
# columns: intake records the channel; a case without all its materials
# is forwarded only with the reason typed, and the reviewer sees what is
# missing and why; approving names the occupation and level in full and
# asks once more, No and Esc cancelling, choosing by hand its own way;
# the notice tells the office's window.
. "$QD_SRCDIR/tests/e2e/lib.sh"

cat > "$TMP/qualdesk.conf" <<CONF
host_key $HOSTKEY
log_level warn
CONF
qd user add fuzhou --role liaison --office fuzhou --name 福州联络员 >/dev/null &&
qd user add center --role center --name 中心审核员 >/dev/null ||
	bail "user add failed"
for u in fuzhou center; do
	make_key "$u"
	qd key add "$u" "$TMP/$u.pub" >/dev/null || bail "key add failed"
done
qd catalog import "$QD_SRCDIR/schema/demo/catalog.csv" >/dev/null ||
	bail "catalog import failed"
qd office set fuzhou --address "福州市示例路8号市民服务中心一楼" \
    --phone "0591-8000000" >/dev/null || bail "office set failed"
start_server

sql() {
	sqlite3 -readonly "$DB" "$1"
}
BAKE=$(sql "SELECT id FROM catalog WHERE tw_qual = '烘焙食品技術士' AND tw_level = '丙級'")
out=$($(ssh_cmd fuzhou fuzhou) cases intake --format json <<JSON)
[{"name": "陳美華", "sex": "F", "birth_date": "1988-08-08", "mtp": "31415926",
  "catalog_id": $BAKE, "tw_cert_no": "TW-1", "channel": "app",
  "materials": "id cert"},
 {"name": "黃志強", "sex": "M", "birth_date": "1979-07-07", "mtp": "27182818",
  "catalog_id": $BAKE, "tw_cert_no": "TW-2", "materials": "id"}]
JSON
set -- $(python3 -c 'import json, sys; print(*[r["case_id"] for r in json.load(sys.stdin)])' <<<"$out")
[ $# -eq 2 ] || bail "intake over ssh failed: $out"
A=$1 M=$2

# open_case SESSION N: the case page of case N, through Find a case.
open_case() {
	esc_to_menu "$1"
	tmux_ send-keys -t "$1" s
	wait_screen "$1" "Find a case" >/dev/null
	tmux_ send-keys -t "$1" -l "$2"
	tmux_ send-keys -t "$1" Enter Tab Enter
	wait_screen "$1" "历史 History"
}

# --- Intake records the channel ---------------------------------------------
tmux_ssh fz 80 24 fuzhou fuzhou
wait_screen fz "受理 Intake" >/dev/null
tmux_ send-keys -t fz i
wait_screen fz "Intake 1/2" >/dev/null
tmux_ send-keys -t fz -l '林國華'
tmux_ send-keys -t fz Tab Tab
tmux_ send-keys -t fz -l '1985-05-05'
tmux_ send-keys -t fz Tab
tmux_ send-keys -t fz -l '16180339'
tmux_ send-keys -t fz F2
check "on to the case" wait_screen fz "Intake 2/2"
check "the form asks the channel, the window first" \
	wait_screen fz "申请渠道 Channel"
check "and offers the window" wait_screen fz "窗口 Window"
tmux_ send-keys -t fz F6
wait_screen fz "type to narrow" >/dev/null
tmux_ send-keys -t fz -l '烘焙食品技术士 丙'
wait_screen fz " 1/" >/dev/null
tmux_ send-keys -t fz Enter
wait_screen fz "烘焙食品技術士 丙級 →" >/dev/null
tmux_ send-keys -t fz Tab Right
check "Right chooses the 台陆通 app" wait_screen fz "台陆通 App"
tmux_ send-keys -t fz Tab Tab Tab
tmux_ send-keys -t fz -l 'TW-2026-0007'
tmux_ send-keys -t fz Tab Right Tab Right
tmux_ send-keys -t fz F2
check "the case is accepted" wait_screen fz "已受理，案件号"
check "with the channel chosen" \
	test "$(sql "SELECT channel FROM cases ORDER BY id DESC LIMIT 1")" = app

# --- Forwarding a case without its Taiwan certificate -----------------------
check "the case page says what the case lacks" open_case fz "$M"
check "naming it" wait_screen fz "缺少 Missing     台湾证书 Taiwan certificate"
tmux_ send-keys -t fz F5
check "F5 asks why it should go without" \
	wait_screen fz "Forward without all materials?"
tmux_ send-keys -t fz Enter
check "no reason keeps the box open, saying what is missing" \
	wait_screen fz "缺少台湾证书 Taiwan certificate，请补齐或写明原因"
check "and the case is not forwarded" \
	test "$(sql "SELECT state FROM cases WHERE id = $M")" = accepted
tmux_ send-keys -t fz -l '证书原件寄送中'
tmux_ send-keys -t fz Enter
check "with the reason it goes" wait_screen fz "the reason is recorded"
check "forwarded" test "$(sql "SELECT state FROM cases WHERE id = $M")" = forwarded
check "the reason kept for the version forwarded" \
	test "$(sql "SELECT reason FROM material_waivers WHERE case_id = $M")" = 证书原件寄送中
$(ssh_cmd fuzhou fuzhou) cases forward "$A" >/dev/null 2>&1 ||
	bail "forward $A failed"

# --- The reviewer ------------------------------------------------------------
tmux_ssh ct 80 24 center center
wait_screen ct "审核队列" >/dev/null
tmux_ send-keys -t ct v
check "the queue marks the case that lacks a material" wait_screen ct "[缺1]"
check "the reviewer sees what is missing" open_case ct "$M"
check "and why it came anyway" \
	wait_screen ct "缺件报送原因 Why 证书原件寄送中"
check "the channel of the other case is shown" open_case ct "$A"
check "as the 台陆通 app" wait_screen ct "渠道 Channel     台陆通 App"
tmux_ send-keys -t ct F4
wait_screen ct "Taken; review it" >/dev/null
tmux_ send-keys -t ct F5
check "approving offers the catalog's comparison first" \
	wait_screen ct "按目录 As the catalog compares"
check "or choosing by hand" wait_screen ct "手工选择职业和等级"
tmux_ send-keys -t ct Enter
check "then names the occupation in full" \
	wait_screen ct "职业（工种） Occupation  西式面点师（4-03-02-14）"
check "and the level" \
	wait_screen ct "等级 Level  四级/中级工 Level 4, intermediate worker"
check "and says the certificate is issued now" \
	wait_screen ct "并立即签发采信证书"
tmux_ send-keys -t ct n
check "No cancels" wait_screen ct "Not approved; the case is as it was"
check "nothing is decided" \
	test "$(sql "SELECT state || count(n.id) FROM cases c LEFT JOIN certificates n ON n.case_id = c.id WHERE c.id = $A")" = forwarded0
tmux_ send-keys -t ct F5
wait_screen ct "按目录 As the catalog compares" >/dev/null
tmux_ send-keys -t ct Enter
wait_screen ct "并立即签发采信证书" >/dev/null
esc ct
check "Esc cancels too" wait_screen ct "Not approved; the case is as it was"
check "still undecided" test "$(sql "SELECT state FROM cases WHERE id = $A")" = forwarded
tmux_ send-keys -t ct F5
wait_screen ct "手工选择职业和等级" >/dev/null
tmux_ send-keys -t ct Down Enter
check "by hand: the occupation first" wait_screen ct "确认职业（工种）"
tmux_ send-keys -t ct -l '中式面点'
sleep 0.5
tmux_ send-keys -t ct Enter
check "then the level" wait_screen ct "确认等级 Confirm the level"
tmux_ send-keys -t ct Down Down Enter
check "and the same question, in full" wait_screen ct "中式面点师（"
tmux_ send-keys -t ct y
check "yes approves" wait_screen ct "Approved; the office has the result"
check "at the occupation and level chosen" \
	test "$(sql "SELECT o.name || c.decided_level FROM cases c JOIN occupations o ON o.id = c.decided_occupation_id WHERE c.id = $A")" = 中式面点师3
check "and its certificate issued" \
	test "$(sql "SELECT count(*) FROM certificates WHERE case_id = $A")" = 1

# --- The notice tells the window ---------------------------------------------
check "the office opens the approved case" open_case fz "$A"
tmux_ send-keys -t fz F8
wait_screen fz "短信 SMS" >/dev/null
tmux_ send-keys -t fz Enter
check "the usual words are offered" wait_screen fz "通知内容 The notice"
tmux_ send-keys -t fz Enter
check "the notice is recorded" wait_screen fz "Notice recorded"
check "telling the window's address and phone" \
	test "$(sql "SELECT count(*) FROM notices WHERE case_id = $A AND text LIKE '%福州市示例路8号市民服务中心一楼%' AND text LIKE '%0591-8000000%'")" = 1

tmux_ send-keys -t fz F10
tmux_ send-keys -t ct F10
check "every session ends" wait_children 0
check "the database is intact" test "$(sql "PRAGMA integrity_check")" = ok
done_testing
