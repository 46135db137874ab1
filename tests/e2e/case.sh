#!/bin/bash
# The whole flow of a case through the UI, over the real ssh client in
# tmux, with an office liaison and the center working at the same time:
# intake (with a dropped link in the middle, the draft offered again),
# forwarding, the center's queue, take and approve, the office's inbox,
# notifying the applicant and collection. Then who may see what.
. "$QD_SRCDIR/tests/e2e/lib.sh"

cat > "$TMP/qualdesk.conf" <<CONF
host_key $HOSTKEY
log_level warn
CONF
qd user add fuzhou --role liaison --office fuzhou --name 福州联络员 >/dev/null &&
qd user add xiamen --role liaison --office xiamen --name 厦门联络员 >/dev/null &&
qd user add center --role center --name 中心审核员 >/dev/null ||
	bail "user add failed"
for u in fuzhou xiamen center; do
	make_key "$u"
	qd key add "$u" "$TMP/$u.pub" >/dev/null || bail "key add failed"
done
qd catalog import "$QD_SRCDIR/schema/demo/catalog.csv" >/dev/null &&
qd agency import "$QD_SRCDIR/schema/demo/agencies.csv" >/dev/null ||
	bail "catalog import failed"
start_server

sql() {
	sqlite3 -readonly "$DB" "$1"
}

# --- Intake, with the link dropped halfway -------------------------------
tmux_ssh fz 80 24 fuzhou fuzhou
check "the liaison's menu offers intake" wait_screen fz "受理 Intake"
tmux_ send-keys -t fz i
check "the intake form opens" wait_screen fz "Intake 1/2"
tmux_ send-keys -t fz -l '陳大文'
tmux_ send-keys -t fz Tab Tab
tmux_ send-keys -t fz -l '1990/5/17'
tmux_ send-keys -t fz Tab
tmux_ send-keys -t fz -l '１２３４５６７８'
tmux_ send-keys -t fz Tab Tab Tab
tmux_ send-keys -t fz -l '0912 345 678'
check "full-width digits typed with a Chinese input method show" \
	wait_screen fz "１２３４５６７８"
# The draft is written after a pause in typing; then the link drops.
sleep 1.5
tmux_ kill-session -t fz
check "the dropped client ends its session" wait_children 0
check "what was typed is kept as a draft" \
	test "$(sql "SELECT count(*) FROM drafts WHERE form = 'intake'")" = 1

tmux_ssh fz 80 24 fuzhou fuzhou
wait_screen fz "受理 Intake" >/dev/null
tmux_ send-keys -t fz i
check "coming back, the draft is offered" wait_screen fz "未完成的草稿"
tmux_ send-keys -t fz n
check "saying no asks once more before the draft is lost" \
	wait_screen fz "Discard the draft for good?"
tmux_ send-keys -t fz Escape
check "and Esc keeps it: it is restored" wait_screen fz "Draft restored"
check "the draft is still stored" \
	test "$(sql "SELECT count(*) FROM drafts WHERE form = 'intake'")" = 1
tmux_ send-keys -t fz F3
wait_screen fz "主菜单" >/dev/null
tmux_ send-keys -t fz i
check "leaving and coming back offers it again" wait_screen fz "未完成的草稿"
tmux_ send-keys -t fz Enter
check "Enter continues with the draft" wait_screen fz "Draft restored"
check "and restored with the name as typed" wait_screen fz "陳大文"
check "and the number" wait_screen fz "１２３４５６７８"
tmux_ send-keys -t fz F2
check "a new person goes on to the case" wait_screen fz "Intake 2/2"
check "the MTP number was stored as 8 ASCII digits" \
	test "$(sql "SELECT mtp FROM applicants WHERE name = '陳大文'")" = 12345678

# The qualification from the catalog, narrowed by typing.
tmux_ send-keys -t fz F6
check "F6 opens the catalog" wait_screen fz "type to narrow"
tmux_ send-keys -t fz -l '烘焙'
check "typing narrows it to the two baking entries" wait_screen fz " 2/4"
tmux_ send-keys -t fz -l '食品技术士 丙'
check "and on to one, typed in Simplified" wait_screen fz " 1/4"
tmux_ send-keys -t fz Enter
check "the entry is chosen" wait_screen fz "烘焙食品技術士 丙級 →"
tmux_ send-keys -t fz Tab Tab Tab Tab
tmux_ send-keys -t fz -l 'TW-2026-0042'
tmux_ send-keys -t fz Tab Right Tab Right
tmux_ send-keys -t fz F2
check "the case is accepted" wait_screen fz "已受理，案件号"
CASE=$(sql "SELECT max(id) FROM cases")
check "with materials as ticked" \
	test "$(sql "SELECT mat_id || mat_cert || mat_photo FROM cases WHERE id = $CASE")" = 110
check "and no draft is left" test "$(sql "SELECT count(*) FROM drafts")" = 0

# --- Forward from the outbox -------------------------------------------
tmux_ send-keys -t fz f
check "the outbox lists the case" wait_screen fz "陳大文"
tmux_ send-keys -t fz Space F5
check "forwarding asks first" wait_screen fz "Forward the 1 marked case"
tmux_ send-keys -t fz y
check "the case is forwarded" wait_screen fz "已报送 1 件"
esc fz

# --- The center, at the same time ---------------------------------------
tmux_ssh ct 80 24 center center
wait_screen ct "审核队列" >/dev/null
tmux_ send-keys -t ct v
check "the center's queue shows the Fuzhou case" wait_screen ct "陳大文"
check "with its count" wait_screen ct "1 件 cases"
tmux_ send-keys -t ct Enter
check "the case opens with its history" wait_screen ct "历史 History"
tmux_ send-keys -t ct F5
check "deciding needs the case taken first" \
	wait_screen ct "Not available in this state"
tmux_ send-keys -t ct F4
check "taken" wait_screen ct "Taken; review it"
tmux_ send-keys -t ct F7
check "returning asks what is missing" wait_screen ct "What is missing"
tmux_ send-keys -t ct Enter
check "an empty answer keeps the box open and says so" \
	wait_screen ct "必填 required"
check "with the question still there" wait_screen ct "缺少什么 What is missing"
tmux_ send-keys -t ct Escape
wait_screen ct "历史 History" >/dev/null
check "and nothing was returned" \
	test "$(sql "SELECT state FROM cases WHERE id = $CASE")" = forwarded
tmux_ send-keys -t ct F5
check "approving offers the catalog's comparison" wait_screen ct "按目录 As the catalog"
tmux_ send-keys -t ct Enter
check "and asks once more before the certificate is issued" \
	wait_screen ct "并立即签发采信证书"
tmux_ send-keys -t ct y
check "approved" wait_screen ct "Approved; the office has the result"
check "at the catalog's occupation and level" \
	test "$(sql "SELECT o.name || decided_level FROM cases c JOIN occupations o ON o.id = c.decided_occupation_id WHERE c.id = $CASE")" = "西式面点师4"

# --- The office sees the result -----------------------------------------
tmux_ send-keys -t fz r
check "the office's inbox has the approved case" wait_screen fz "审核通过"
tmux_ send-keys -t fz Enter
check "it names the confirmed occupation" wait_screen fz "西式面点师 四级"
tmux_ send-keys -t fz F8
check "notifying asks how" wait_screen fz "短信 SMS"
tmux_ send-keys -t fz Enter
check "and offers the usual words" wait_screen fz "已审核通过"
tmux_ send-keys -t fz Enter
check "the notice is recorded" wait_screen fz "Notice recorded"
check "the case page lists it" wait_screen fz "通知 Notices"
NUMBER=$(sql "SELECT number FROM certificates WHERE case_id = $CASE")
check "the approval issued its certificate" \
	test "${NUMBER#CX-}" != "$NUMBER"
check "the office's script records it printed" \
	test "$($(ssh_cmd fuzhou fuzhou) cert printed "$NUMBER")" = \
	"$NUMBER printed"
tmux_ send-keys -t fz F9
check "collection asks the date" wait_screen fz "领证日期"
tmux_ send-keys -t fz Enter
check "collection is recorded" wait_screen fz "Collection recorded"
check "the case is collected" \
	test "$(sql "SELECT state FROM cases WHERE id = $CASE")" = collected
check "its history has every step" \
	test "$(sql "SELECT group_concat(action, ' ') FROM (SELECT action FROM case_events WHERE case_id = $CASE ORDER BY id)")" = \
	"accept forward take approve certificate notify print collect"
check "each step is in the audit trail" \
	test "$(sql "SELECT count(*) FROM audit WHERE tbl = 'cases' AND record = $CASE")" -ge 6

# --- The office follows its cases; the same person is found again --------
esc_to_menu fz
tmux_ send-keys -t fz n
check "the notices outbox shows the notice as recorded" \
	wait_screen fz "已记录 Recorded"
esc_to_menu fz
tmux_ send-keys -t fz e
check "all cases shows the case collected" wait_screen fz "已领证"
esc_to_menu fz
tmux_ send-keys -t fz i
wait_screen fz "Intake 1/2" >/dev/null
tmux_ send-keys -t fz -l '陈大文'
tmux_ send-keys -t fz Tab Tab
tmux_ send-keys -t fz -l '1990-05-17'
tmux_ send-keys -t fz Tab
tmux_ send-keys -t fz -l '87654321'
tmux_ send-keys -t fz F2
check "the same name in Simplified and birth date offers the person" \
	wait_screen fz "已登记的台胞"
check "written as registered, with the number masked" wait_screen fz "12****78"
tmux_ send-keys -t fz Enter
check "choosing them shows their cases" wait_screen fz "案件 $CASE  已领证"
tmux_ send-keys -t fz Enter
check "then goes on to a case for that person" \
	wait_screen fz "陳大文  1990-05-17"
check "and no second person is registered" \
	test "$(sql "SELECT count(*) FROM applicants")" = 1
tmux_ send-keys -t fz F3
wait_screen fz "主菜单" >/dev/null
tmux_ send-keys -t fz s
wait_screen fz "Find a case" >/dev/null
tmux_ send-keys -t fz -l '12345678'
tmux_ send-keys -t fz Enter Tab Enter
check "found by MTP number and opened" wait_screen fz "TW-2026-0042"
tmux_ send-keys -t fz p
check "the applicant's whole record" wait_screen fz "0912345678"
check "opening it is audited as a view" \
	test "$(sql "SELECT count(*) FROM audit WHERE action = 'view' AND actor = 'fuzhou'")" -ge 1
esc fz
esc fz
esc fz

# --- Search and scope ----------------------------------------------------
esc_to_menu ct
tmux_ send-keys -t ct s
wait_screen ct "Find a case" >/dev/null
tmux_ send-keys -t ct -l '陈'
tmux_ send-keys -t ct Enter
check "the center finds 陳大文 by typing Simplified 陈" wait_screen ct "陳大文"
tmux_ssh xm 80 24 xiamen xiamen
wait_screen xm "查询案件" >/dev/null
tmux_ send-keys -t xm s
wait_screen xm "Find a case" >/dev/null
tmux_ send-keys -t xm -l '陈'
tmux_ send-keys -t xm Enter
sleep 1
check "Xiamen does not see the Fuzhou case" \
	bash -c "! tmux -S '$TMUX_SOCK' capture-pane -p -t xm | grep -q 陳大文"
esc_to_menu xm
tmux_ send-keys -t xm i
wait_screen xm "Intake 1/2" >/dev/null
tmux_ send-keys -t xm -l '陈大文'
tmux_ send-keys -t xm Tab Tab
tmux_ send-keys -t xm -l '1990-05-17'
tmux_ send-keys -t xm Tab
tmux_ send-keys -t xm -l '12345678'
tmux_ send-keys -t xm F2
check "Xiamen taking in the same person is offered the one registered" \
	wait_screen xm "已登记的台胞"
tmux_ send-keys -t xm Enter
check "Xiamen is told Fuzhou has a case of theirs, not which" \
	wait_screen xm "1 more at other offices"
check "and no Fuzhou case number is shown" \
	bash -c "! tmux -S '$TMUX_SOCK' capture-pane -p -t xm | grep -q '案件 $CASE'"
tmux_ send-keys -t xm Enter
check "and sees them as matched, with the number masked, of Fuzhou" \
	wait_screen xm "12****78  (福州市)"
check "the registered MTP number leaves no way to register them twice" \
	test "$(sql "SELECT count(*) FROM applicants")" = 1
tmux_ send-keys -t xm F3

tmux_ send-keys -t fz F10
tmux_ send-keys -t ct F10
tmux_ send-keys -t xm F10
check "every session ends" wait_children 0
check "the database is intact" test "$(sql "PRAGMA integrity_check")" = ok
done_testing
