#!/bin/bash
# Recognition as the appraisal agency's, over the real ssh client in tmux:
# the admin adds an agency on the agencies screen; a Fuzhou liaison takes
# in a recognition case, sends it straight to one of the city's two
# agencies for the occupation (choosing it), records the agency's
# certificate, and prints a certificate in the agency's name with
# recognition wording. The center never had it. Then agency and
# occupation add and edit over SSH exec, JSON out.
. "$QD_SRCDIR/tests/e2e/lib.sh"

command -v pdftotext >/dev/null ||
	bail "pdftotext is missing: install the Debian package poppler-utils"
cat > "$TMP/qualdesk.conf" <<CONF
host_key $HOSTKEY
log_level warn
CONF
qd user add fuzhou --role liaison --office fuzhou --name 福州联络员 >/dev/null &&
qd user add center --role center --name 中心审核员 >/dev/null &&
qd user add admin --role admin --name 中心管理员 >/dev/null ||
	bail "user add failed"
for u in fuzhou center admin; do
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
as() {
	local user=$1
	shift
	$(ssh_cmd "$user" "$user") "$@"
}

# --- The agencies screen ---------------------------------------------------
tmux_ssh ad 80 24 admin admin
wait_screen ad "主菜单 Main menu" >/dev/null
tmux_ send-keys -t ad c
wait_screen ad "比对目录 Catalog" >/dev/null
check "the catalog offers the agencies on F7" wait_screen ad "F7 认定机构"
tmux_ send-keys -t ad F7
check "the agencies screen lists the imported agencies" \
	wait_screen ad "福州机电工程职业技能等级认定站"
check "with the occupations they confirm, by name" wait_screen ad "车工"
tmux_ send-keys -t ad F4
check "F4 opens the form" wait_screen ad "新增认定机构 Add an agency"
tmux_ send-keys -t ad -l '廈門海滄技能評價站'
tmux_ send-keys -t ad Tab Right Tab
tmux_ send-keys -t ad F6
check "F6 offers the occupations" wait_screen ad "认定职业 Occupation"
tmux_ send-keys -t ad -l '铣工'
tmux_ send-keys -t ad Enter
check "the code of the one chosen fills the field" wait_screen ad "6-18-01-12"
tmux_ send-keys -t ad F2
check "saved, back on the list" wait_screen ad "已保存 廈門海滄技能評價站"
check "which shows it" wait_screen ad "廈門海滄技能評價站"
check "in Xiamen, for milling" test "$(sql "SELECT o.code || ' ' ||
    (SELECT group_concat(oc.code) FROM agency_occupations ao JOIN occupations
    oc ON oc.id = ao.occupation_id WHERE ao.agency_id = g.id) FROM agencies g
    JOIN offices o ON o.id = g.office_id WHERE g.name = '廈門海滄技能評價站'")" \
    = "xiamen 6-18-01-12"
check "and audited" test "$(sql "SELECT count(*) FROM audit WHERE
    tbl = 'agencies' AND actor = 'admin' AND action = 'insert'")" = 1
tmux_ send-keys -t ad F4
wait_screen ad "新增认定机构" >/dev/null
tmux_ send-keys -t ad -l '廈門海滄技能評價站'
tmux_ send-keys -t ad Tab Tab
tmux_ send-keys -t ad -l '6-18-01-12'
tmux_ send-keys -t ad F2
check "a name taken is refused on the form, the input kept" \
	wait_screen ad "already exists"
tmux_ send-keys -t ad F3
check "leaving the form asks before what was typed is dropped" \
	wait_screen ad "Discard what you typed?"
tmux_ send-keys -t ad y
wait_screen ad "认定机构 Appraisal agencies" >/dev/null
tmux_ send-keys -t ad F3

# --- A professional-technical entry in the catalog -------------------------
wait_screen ad "比对目录 Catalog" >/dev/null
tmux_ send-keys -t ad F4
check "the catalog's form asks the kind" wait_screen ad "类别 Kind"
check "and names each level in both schemes" wait_screen ad "一级/高级技师 | 正高级"
tmux_ send-keys -t ad -l '機械工程技師'
tmux_ send-keys -t ad Tab
tmux_ send-keys -t ad -l '技師'
tmux_ send-keys -t ad Tab Tab Right Tab Right Right
check "level 3 reads 中级 for a professional entry" \
	wait_screen ad "三级/高级工 | 中级"
tmux_ send-keys -t ad F2
check "the entry is saved" wait_screen ad "已保存 機械工程技師 技師"
check "as professional-technical at level 3" test "$(sql "SELECT kind || ' ' ||
    level FROM catalog WHERE tw_qual = '機械工程技師'")" = "professional 3"
tmux_ send-keys -t ad Tab
tmux_ send-keys -t ad -l '机械工程'
check "the catalog finds it by Simplified and shows its level as 中级" \
	wait_screen ad "中级"
esc_to_menu ad
tmux_ kill-session -t ad

# --- A recognition taken in and sent to the city's agency -----------------
tmux_ssh fz 80 24 fuzhou fuzhou
wait_screen fz "受理 Intake" >/dev/null
tmux_ send-keys -t fz i
wait_screen fz "Intake 1/2" >/dev/null
tmux_ send-keys -t fz -l '黃志明'
tmux_ send-keys -t fz Tab Tab
tmux_ send-keys -t fz -l '1986-04-12'
tmux_ send-keys -t fz Tab
tmux_ send-keys -t fz -l '23456789'
tmux_ send-keys -t fz F2
check "the person goes on to the case" wait_screen fz "Intake 2/2"
tmux_ send-keys -t fz Right
tmux_ send-keys -t fz F6
wait_screen fz "type to narrow" >/dev/null
tmux_ send-keys -t fz -l '車床技術士 乙'
tmux_ send-keys -t fz Enter
check "a recognition from the catalog" wait_screen fz "車床技術士 乙級 →"
tmux_ send-keys -t fz Tab Tab Tab Tab
tmux_ send-keys -t fz -l 'TW-LT-0099'
tmux_ send-keys -t fz Tab Right Tab Right Tab Right Tab Right
tmux_ send-keys -t fz F2
check "the case is accepted" wait_screen fz "已受理，案件号"
CASE=$(sql "SELECT max(id) FROM cases")
check "as a recognition" test "$(sql "SELECT type FROM cases WHERE id = $CASE")" \
    = recognition
tmux_ send-keys -t fz f
wait_screen fz "黃志明" >/dev/null
tmux_ send-keys -t fz Enter
check "the case page offers the city's agency" wait_screen fz "F7 本地认定"
tmux_ send-keys -t fz F7
check "two agencies for lathe work: the liaison chooses" \
	wait_screen fz "本市有多个认定机构"
check "the other is offered too" wait_screen fz "福州市职业技能鉴定指导中心"
tmux_ send-keys -t fz -l '机电'
tmux_ send-keys -t fz Enter
check "sent to the city's agency" wait_screen fz "已交本市认定机构"
check "the case is with it, on the city's desk" wait_screen fz "本地认定中"
check "its history says the city sent it to its agency" \
	wait_screen fz "交本地机构认定"
check "recorded with that agency" test "$(sql "SELECT c.state || ' ' || g.name
    FROM cases c JOIN agencies g ON g.id = c.agency_id WHERE c.id = $CASE")" \
    = "agency_office 福州机电工程职业技能等级认定站"
check "not on the center's desk" test -z "$(as center cases list --queue agency \
    --format csv | grep "^$CASE,")"
check "but on the city's, in its outbox" test -n "$(as fuzhou cases list \
    --queue outbox --format csv | grep "^$CASE,")"

tmux_ send-keys -t fz k
check "confirming asks the agency's certificate number" \
	wait_screen fz "认定机构证书编号"
tmux_ send-keys -t fz Enter
check "which is required: the box stays open" wait_screen fz "必填"
tmux_ send-keys -t fz -l 'FZJD-2026-0107'
tmux_ send-keys -t fz Enter
check "then its day, today offered" wait_screen fz "认定日期"
tmux_ send-keys -t fz Enter
check "whether the agency's own paper is handed over instead" \
	wait_screen fz "Hand over the agency's own certificate"
tmux_ send-keys -t fz n
check "and asks once more before issuing" wait_screen fz "名义发证"
tmux_ send-keys -t fz y
check "confirmed, the certificate in the agency's name" \
	wait_screen fz "已确认并以认定机构名义发证"
check "the page names the agency's certificate" wait_screen fz "FZJD-2026-0107"
N=$(sql "SELECT number FROM certificates WHERE case_id = $CASE")
check "a recognition certificate was issued" test "${N#CR-}" != "$N"
check "in the agency's name, its certificate recorded" test "$(sql "SELECT
    agency || ' ' || agency_ref || ' ' || entrusted FROM certificates
    WHERE case_id = $CASE")" = "福州机电工程职业技能等级认定站 FZJD-2026-0107 0"
check "the center never held it" test "$(sql "SELECT count(*) FROM case_events
    WHERE case_id = $CASE AND actor = 'center'")" = 0
tmux_ capture-pane -p -t fz > "$TMP/case.txt"
sed 's/^/#   |/' "$TMP/case.txt"
esc_to_menu fz
tmux_ kill-session -t fz

as fuzhou cert pdf "$N" > "$TMP/cr.pdf"
check "the office prints it over SSH" test "$(head -c 5 "$TMP/cr.pdf")" = "%PDF-"
pdftotext "$TMP/cr.pdf" - | tr -d ' \n' > "$TMP/cr.txt"
check "titled as a recognition" grep -q '台胞职业技能等级采认证书' "$TMP/cr.txt"
check "worded as one" grep -q '经职业技能等级认定机构确认，直接采认' "$TMP/cr.txt"
check "without the adoption sentence" bash -c "[ -s '$TMP/cr.txt' ] &&
    ! grep -q '经比对采信' '$TMP/cr.txt'"
check "in the agency's name" grep -q '福州机电工程职业技能等级认定站' "$TMP/cr.txt"
check "with the agency's certificate number" grep -q 'FZJD-2026-0107' "$TMP/cr.txt"

# --- Agencies and occupations over SSH exec -------------------------------
out=$(as admin occupation add 2-02-07-01 机械工程技术人员 --format json); rc=$?
check "occupation add over SSH exits 0" [ "$rc" -eq 0 ]
check "and answers the occupation as JSON" test "$(sqlite3 :memory: \
    "SELECT json_extract('$out', '\$[0].code')")" = 2-02-07-01
out=$(as admin occupation edit 2-02-07-01 --name 机械工程师 --format json)
check "occupation edit renames it" test "$(sqlite3 :memory: \
    "SELECT json_extract('$out', '\$[0].name')")" = 机械工程师
out=$(as admin agency add 福州工程职称评审站 --office fuzhou \
    --occupations 2-02-07-01 --format json); rc=$?
check "agency add over SSH exits 0" [ "$rc" -eq 0 ]
check "and answers the agency as JSON" test "$(sqlite3 :memory: \
    "SELECT json_extract('$out', '\$[0].office') || ' ' ||
    json_extract('$out', '\$[0].occupation_codes')")" = "fuzhou 2-02-07-01"
out=$(as admin agency edit 福州工程职称评审站 --active 0 --format json)
check "agency edit takes it out of use" test "$(sqlite3 :memory: \
    "SELECT json_extract('$out', '\$[0].active')")" = 0
as fuzhou agency add 某站 --office fuzhou --occupations 2-02-07-01 \
    >/dev/null 2>"$TMP/err"; rc=$?
check "a liaison may not add an agency (exit 3)" [ "$rc" -eq 3 ]
as admin agency edit 没有这个机构 --active 1 >/dev/null 2>"$TMP/err"; rc=$?
check "an agency that is not there is named" grep -q '没有这个机构' "$TMP/err"

done_testing
