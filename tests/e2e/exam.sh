#!/bin/bash
# A group exam end to end over the real ssh client: two cities record and
# report demand (one in the UI, typing Chinese), the center sees the
# demand table, drafts a plan from its cell and publishes it in the UI,
# both cities register people at once until the plan is full and the
# next waits, one cancels and the waiting person is promoted, a ticket's
# QR code read back from the PDF verifies, results come in from a
# GB18030 file with a bad line (nothing imported), then fixed, and the
# cities see them.
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
qd agency import "$QD_SRCDIR/schema/demo/agencies.csv" >/dev/null &&
qd demo-data --cases 60 --seed 11 >/dev/null 2>&1 ||
	bail "setup failed"
start_server

sql() {
	sqlite3 -readonly -separator " " "$DB" "$1"
}
as() {
	local user=$1
	shift
	$(ssh_cmd "$user" "$user") "$@"
}
# quiet COMMAND...: the command's status, its output dropped.
quiet() {
	"$@" >/dev/null 2>&1
}
YEAR=$(date +%Y)
NEXT=$((YEAR + 1))
# The first occupation in the form's list, level 1: a cell of our own.
OCC=$(sql "SELECT code FROM occupations WHERE active = 1 ORDER BY code
    LIMIT 1")
read -r F1 F2 <<<"$(sql "SELECT group_concat(id, ' ') FROM (SELECT id FROM
    applicants WHERE office_id = 1 AND in_taiwan = 0 ORDER BY id LIMIT 2)")"
read -r X1 X2 <<<"$(sql "SELECT group_concat(id, ' ') FROM (SELECT id FROM
    applicants WHERE office_id = 2 AND in_taiwan = 0 ORDER BY id LIMIT 2)")"
[ -n "$F2" ] && [ -n "$X2" ] || bail "no demo applicants"

# --- Demand: Fuzhou in the UI, the rest over ssh -------------------------
tmux_ssh fz 80 24 fuzhou fuzhou
check "the liaison's menu shows" wait_screen fz "主菜单 Main menu"
tmux_ send-keys -t fz x
check "the demand list opens" wait_screen fz "F4 登记"
tmux_ send-keys -t fz F4
check "the demand form opens" wait_screen fz "登记考试需求"
tmux_ send-keys -t fz -l "$F1"
tmux_ send-keys -t fz Tab Tab Tab Tab Tab
tmux_ send-keys -t fz -l '周末 下半年'
check "the period is typed in Chinese" wait_screen fz "周末 下半年"
tmux_ send-keys -t fz F2
check "the demand is recorded" wait_screen fz "Demand 1"
test "$(sql "SELECT period FROM exam_demands WHERE applicant_id = $F1
    AND level = 1")" = "周末 下半年"
check "with the period as typed" test $? -eq 0
check "a second demand over ssh" quiet as fuzhou exam demand add \
	--applicant "$F2" --kind skill --occupation "$OCC" --level 1
as fuzhou exam demand add --applicant "$F2" --kind skill \
	--occupation "$OCC" --level 1 >/dev/null 2>"$TMP/dup.err"
check "the same person twice is refused" grep -q "已有此职业" "$TMP/dup.err"
as xiamen exam demand add --applicant "$X1" --kind skill --occupation "$OCC" \
	--level 1 >/dev/null &&
as xiamen exam demand add --applicant "$X2" --kind skill --occupation "$OCC" \
	--level 1 >/dev/null
check "Xiamen records two" test $? -eq 0
D3=$(sql "SELECT id FROM exam_demands WHERE applicant_id = $X1 AND level = 1")
D4=$(sql "SELECT id FROM exam_demands WHERE applicant_id = $X2 AND level = 1")
check "Xiamen reports both in one step" quiet as xiamen exam demand \
	report "$D3" "$D4"
# Fuzhou marks both in its list and reports them with F5.
esc fz
tmux_ send-keys -t fz F3
wait_screen fz "主菜单 Main menu" >/dev/null
tmux_ send-keys -t fz x
wait_screen fz "F5 报送" >/dev/null
tmux_ send-keys -t fz End
sleep 0.3
tmux_ send-keys -t fz Space Up Space F5
check "Fuzhou reports its two from the list" wait_screen fz "Reported 2"
test "$(sql "SELECT count(*) FROM exam_demands WHERE level = 1 AND
    state = 'reported'")" = 4
check "four demands wait for a plan" test $? -eq 0

# --- The center: the table, a plan drafted from the cell, published -----
tmux_ssh ct 100 30 center center
wait_screen ct "主菜单 Main menu" >/dev/null
tmux_ send-keys -t ct d
check "the demand table shows the cell split by city" \
	wait_screen ct "福州市 2，厦门市 2"
as center exam demand table --format csv >"$TMP/table.csv"
check "the table as CSV has the cell" grep -q ",1,skill,4,0,.*fuzhou:2 xiamen:2" \
	"$TMP/table.csv"
as fuzhou exam demand table >/dev/null 2>&1
check "a city may not read the table" test $? -ne 0
tmux_ send-keys -t ct F5
check "F5 drafts a plan from the cell" wait_screen ct "制订考试计划"
tmux_ send-keys -t ct Tab Tab Tab Tab Tab
tmux_ send-keys -t ct -l '福建省职业技能鉴定指导中心'
tmux_ send-keys -t ct Tab
tmux_ send-keys -t ct -l "$NEXT-03-20"
tmux_ send-keys -t ct Tab
tmux_ send-keys -t ct -l '09:00'
tmux_ send-keys -t ct Tab
tmux_ send-keys -t ct -l "$NEXT-03-01"
tmux_ send-keys -t ct F2
check "it asks for the sitting" wait_screen ct "考场方式 Sitting"
tmux_ send-keys -t ct Enter
wait_screen ct "城市 City" >/dev/null
tmux_ send-keys -t ct Enter
wait_screen ct "考场名称" >/dev/null
tmux_ send-keys -t ct -l '福州市人社局考点'
tmux_ send-keys -t ct Enter
wait_screen ct "座位数" >/dev/null
tmux_ send-keys -t ct -l '3'
tmux_ send-keys -t ct Enter
check "the plan is drafted with the cell's four invited" \
	wait_screen ct "4 invited"
PLAN=$(sql "SELECT max(id) FROM exam_plans")
esc_to_menu ct
tmux_ send-keys -t ct k
wait_screen ct "考试计划 Exam plans" >/dev/null
tmux_ send-keys -t ct End
sleep 0.3
tmux_ send-keys -t ct F5
check "the steps offered are those its state allows" wait_screen ct "发布 Publish"
tmux_ send-keys -t ct -l '发布'
tmux_ send-keys -t ct Enter
check "the center publishes" wait_screen ct "Publish"
test "$(sql "SELECT state FROM exam_plans WHERE id = $PLAN")" = published
check "the plan is published" test $? -eq 0
test "$(sql "SELECT count(*) FROM exam_notices WHERE plan_id = $PLAN")" = 10
check "every office is told" test $? -eq 0

# --- Both cities register at once: three seats, four people -------------
as fuzhou exam seat add "$PLAN" "$F1" >"$TMP/s1" 2>&1 &
p1=$!
as xiamen exam seat add "$PLAN" "$X1" >"$TMP/s2" 2>&1 &
p2=$!
as fuzhou exam seat add "$PLAN" "$F2" >"$TMP/s3" 2>&1 &
p3=$!
as xiamen exam seat add "$PLAN" "$X2" >"$TMP/s4" 2>&1 &
p4=$!
wait $p1 $p2 $p3 $p4
test "$(sql "SELECT count(*) FROM exam_registrations WHERE plan_id = $PLAN
    AND status = 'seated'")" = 3
check "the plan is full at three seats" test $? -eq 0
test "$(sql "SELECT count(*) FROM exam_registrations WHERE plan_id = $PLAN
    AND status = 'waiting'")" = 1
check "the fourth waits" test $? -eq 0
test "$(sql "SELECT count(DISTINCT seat_no) FROM exam_registrations WHERE
    plan_id = $PLAN AND status = 'seated'")" = 3
check "each seat once" test $? -eq 0
as xiamen exam seat add "$PLAN" "$X1" >/dev/null 2>"$TMP/twice.err"
check "nobody is registered twice" grep -q "已报名" "$TMP/twice.err"
WAITING=$(sql "SELECT id FROM exam_registrations WHERE plan_id = $PLAN AND
    status = 'waiting'")
read -r CANCEL WHO <<<"$(sql "SELECT r.id, u.login FROM exam_registrations r
    JOIN users u ON u.office_id = r.office_id WHERE r.plan_id = $PLAN AND
    r.status = 'seated' ORDER BY r.id LIMIT 1")"
check "a city cancels a seat" quiet as "$WHO" exam seat remove \
	"$CANCEL" --reason '身体不适'
test "$(sql "SELECT status FROM exam_registrations WHERE id = $WAITING")" = \
	seated
check "the waiting person is promoted" test $? -eq 0

# --- A ticket: its QR code, read back from the PDF, verifies -------------
read -r TICKET TOWNER <<<"$(sql "SELECT r.id, u.login FROM exam_registrations r
    JOIN users u ON u.office_id = r.office_id WHERE r.plan_id = $PLAN AND
    r.status = 'seated' ORDER BY r.id LIMIT 1")"
as "$TOWNER" exam ticket "$TICKET" >"$TMP/ticket.pdf"
check "the office gets a ticket as PDF" grep -q "^%PDF" "$TMP/ticket.pdf"
CODE=""
pdftoppm -r 200 -png -singlefile "$TMP/ticket.pdf" "$TMP/ticket" &&
CODE=$(zbarimg --raw -q "$TMP/ticket.png" 2>/dev/null | head -n 1)
check "its QR code reads back" test -n "$CODE"
qd cert verify "$CODE" >"$TMP/verify.out" 2>&1
check "cert verify says it is a valid ticket" \
	grep -q "准考证有效 TICKET VALID" "$TMP/verify.out"
check "naming the ticket's number" grep -q "ZK-$NEXT-" "$TMP/verify.out"

# --- Results: a bad GB18030 file imports nothing, the fixed one does ----
as center exam plan close-reg "$PLAN" >/dev/null &&
as center exam plan hold "$PLAN" >/dev/null
check "registration closes and the exam is held" test $? -eq 0
sql "SELECT r.id FROM exam_registrations r WHERE r.plan_id = $PLAN AND
    r.status = 'seated' ORDER BY r.id" >"$TMP/seated"
mapfile -t SEATED <"$TMP/seated"
t() { printf 'ZK-%s-%06d' "$NEXT" "$1"; }
{
	echo "准考证号,结果,成绩"
	echo "$(t "${SEATED[0]}"),合格,86"
	echo "$(t "${SEATED[1]}"),优秀,95"
	echo "$(t "${SEATED[2]}"),缺考,"
} | iconv -f UTF-8 -t GB18030 >"$TMP/bad.csv"
as center exam result import - <"$TMP/bad.csv" >/dev/null 2>"$TMP/bad.err"
check "a bad line stops the import" grep -q "第3行 line 3" "$TMP/bad.err"
test "$(sql "SELECT count(*) FROM exam_results WHERE plan_id = $PLAN")" = 0
check "and nothing is imported" test $? -eq 0
{
	echo "准考证号,结果,成绩"
	echo "$(t "${SEATED[0]}"),合格,86"
	echo "$(t "${SEATED[1]}"),不合格,55"
	echo "$(t "${SEATED[2]}"),缺考,"
} | iconv -f UTF-8 -t GB18030 >"$TMP/good.csv"
as center exam result import - <"$TMP/good.csv" >"$TMP/good.out" 2>&1
check "the fixed file imports" grep -q "imported 3 results (gb18030)" \
	"$TMP/good.out"
test "$(sql "SELECT state FROM exam_plans WHERE id = $PLAN")" = results
check "the plan's results are recorded" test $? -eq 0
as fuzhou exam notice list >"$TMP/fz-notices"
check "Fuzhou's inbox has the results" grep -q "成绩已录入" "$TMP/fz-notices"
as xiamen exam seat list "$PLAN" --format csv >"$TMP/xm-seats"
check "Xiamen sees its own people's results" grep -q ",pass,\|,fail,\|,absent," \
	"$TMP/xm-seats"
check "and only its own" test "$(grep -vc ',厦门市,' "$TMP/xm-seats")" -eq 1
tmux_ send-keys -t fz Escape
esc_to_menu fz
tmux_ send-keys -t fz b
check "the exam notices screen shows the results" wait_screen fz "成绩已录入"
as center exam pass list --plan "$PLAN" >"$TMP/passes"
check "the pass is kept for its certificate" test "$(wc -l <"$TMP/passes")" -eq 2

tmux_ kill-session -t fz
tmux_ kill-session -t ct
check "the sessions end" wait_children 0
done_testing
