#!/bin/bash
# Training and its subsidy, over the real ssh client: the admin loads
# providers and rates; the center publishes a class with quotas for two
# cities; both cities enrol at once until it is full and the rest wait; a
# cancellation promotes the next; the center cancels a draft in tmux with
# a reason typed in Chinese, and a city enrols on the class screen; the
# roster is imported, completion certificates issued, their QR codes read
# off the PDF and verified; the claims drafted with them appear at the
# center, are completed by the cities, batched, exported to xlsx (read
# back with openpyxl) and marked paid.
. "$(dirname "$0")/lib.sh"

: "${SEED_CATALOG:?SEED_CATALOG must name seed-catalog}"
for tool in zbarimg pdftoppm python3; do
	command -v "$tool" >/dev/null ||
	    bail "$tool is missing: install zbar-tools, poppler-utils, python3"
done
/usr/bin/python3 -c 'import openpyxl' 2>/dev/null ||
    bail "python3-openpyxl is missing"
cat > "$TMP/qualdesk.conf" <<CONF
host_key $HOSTKEY
log_level warn
CONF
for u in "fuzhou --role liaison --office fuzhou" \
    "xiamen --role liaison --office xiamen" "center --role center"; do
	set -- $u
	qd user add "$@" >/dev/null || bail "user add $1 failed"
	make_key "$1"
	qd key add "$1" "$TMP/$1.pub" >/dev/null || bail "key add $1 failed"
done
"$SEED_CATALOG" "$DB" 2>/dev/null || bail "no catalog"
qd demo-data --cases 200 >/dev/null || bail "demo-data failed"
sql() {
	sqlite3 "$DB" "$1"
}
as() {
	local user=$1
	shift
	$(ssh_cmd "$user" "$user") "$@"
}
day() {
	sql "SELECT date('now', 'localtime', '$1 days')"
}
# Five people of each city, with a current MTP number.
FZ=$(sql "SELECT mtp FROM applicants WHERE office_id = 1 AND mtp_old = 0
    ORDER BY id LIMIT 5")
XM=$(sql "SELECT mtp FROM applicants WHERE office_id = 2 AND mtp_old = 0
    ORDER BY id LIMIT 5")
[ "$(echo $FZ $XM | wc -w)" -eq 10 ] || bail "demo-data made too few people"

# The admin's providers and rates (on the machine: the local operator).
printf 'name,kind,office,occupations\n海峡技能培训学校,institution,pingtan,9-01-01-01;9-06-01-01\n两岸人力资源服务公司,hr_agency,xiamen,9-06-01-01\n' \
    > "$TMP/providers.csv"
out=$(qd training provider import "$TMP/providers.csv" 2>&1)
check "the admin imports two providers" grep -q "imported 2 providers" <<<"$out"
out=$(qd subsidy rate add --kind training --level 4 --amount-fen 120000 \
    --from "$(day -30)" --doc '示例〔2026〕8号' --demo 2>&1)
check "and a training rate in fen" grep -q "^rate " <<<"$out"
start_server

# The center's class: 6 seats, Fuzhou 3 and Xiamen 3 until the cut-off.
out=$(as center training class add "'车工四级培训班'" --provider 1 \
    --occupation 9-01-01-01 --level 4 --start "$(day 20)" --end "$(day 40)" \
    --hours 64 --place "'平潭实训基地'" --seats 6 --enrol-from "$(day -1)" \
    --enrol-to "$(day 10)" --cutoff "$(day 5)" --fee-fen 0 2>&1)
check "the center drafts a class" grep -q "^class 1$" <<<"$out"
as center training class quota 1 fuzhou 3 >/dev/null 2>&1
as center training class quota 1 xiamen 3 >/dev/null 2>&1
out=$(as fuzhou training class quota 1 fuzhou 6 2>&1); rc=$?
check "a city cannot set quotas" [ "$rc" -ne 0 ]
out=$(as fuzhou training enrol add 1 ${FZ%%$'\n'*} 2>&1); rc=$?
check "nor enrol in a draft" grep -q "not open for enrolment" <<<"$out"
as center training class publish 1 >/dev/null 2>&1
check "publishing tells every city" [ "$(sql "SELECT count(*) FROM
    training_notices WHERE class_id = 1 AND kind = 'published'")" -eq 9 ]

# Both cities enrol their five at once.
pids=""
for city in fuzhou xiamen; do
	[ $city = fuzhou ] && people=$FZ || people=$XM
	(for m in $people; do
		as $city training enrol add 1 "$m"
	done > "$TMP/enrol-$city.out" 2>&1) &
	pids="$pids $!"
done
wait $pids
check "exactly 6 of the 10 hold seats" [ "$(sql "SELECT count(*) FROM
    training_enrolments WHERE class_id = 1 AND status = 'enrolled'")" -eq 6 ]
check "three for each city, by its quota" [ "$(sql "SELECT group_concat(n)
    FROM (SELECT count(*) n FROM training_enrolments WHERE class_id = 1 AND
    status = 'enrolled' GROUP BY office_id)")" = "3,3" ]
check "the four others wait" [ "$(grep -c waiting "$TMP/enrol-fuzhou.out" \
    "$TMP/enrol-xiamen.out" | awk -F: '{s += $2} END {print s}')" -eq 4 ]
out=$(as fuzhou training enrol list 1 --format json 2>&1)
check "Fuzhou's list shows only its own, masked" /usr/bin/python3 -c '
import json, re, sys
rows = json.load(sys.stdin)
sys.exit(0 if len(rows) == 5 and all(r["office"] == "fuzhou" and
    re.fullmatch(r"\d\d\*{4}\d\d", r["mtp"]) for r in rows) else 1)' <<<"$out"
E=$(sql "SELECT id FROM training_enrolments WHERE class_id = 1 AND
    office_id = 1 AND status = 'enrolled' ORDER BY id LIMIT 1")
W=$(sql "SELECT id FROM training_enrolments WHERE class_id = 1 AND
    office_id = 1 AND status = 'waiting' ORDER BY id LIMIT 1")
out=$(as xiamen training enrol cancel "$E" 2>&1); rc=$?
check "Xiamen cannot cancel Fuzhou's enrolment" [ "$rc" -ne 0 ]
out=$(as fuzhou training enrol cancel "$E" 2>&1)
check "Fuzhou cancels one, and its first waiting moves up" \
    grep -q "promoted $W" <<<"$out"
check "Fuzhou is told" [ "$(sql "SELECT count(*) FROM training_notices
    WHERE kind = 'promoted' AND office_id = 1")" -eq 1 ]

# The screens: the center cancels a draft with a Chinese reason, and
# Xiamen finds its class list.
as center training class add "'茶艺师体验班'" --provider 2 \
    --occupation 9-06-01-01 --level 5 --start "$(day 20)" \
    --end "$(day 21)" --hours 8 --online --seats 20 \
    --enrol-from "$(day 1)" --enrol-to "$(day 10)" >/dev/null 2>&1
tmux_ssh ct 100 30 center center
wait_screen ct "主菜单 Main menu" >/dev/null
tmux_ send-keys -t ct t
wait_screen ct "茶艺师体验班" >/dev/null
tmux_ send-keys -t ct Down
sleep 0.3
tmux_ send-keys -t ct F5
wait_screen ct "办班操作" >/dev/null
tmux_ send-keys -t ct -l "cancel"
tmux_ send-keys -t ct Enter
wait_screen ct "取消原因" >/dev/null
tmux_ send-keys -t ct -l "场地未落实"
tmux_ send-keys -t ct Enter
check "the center cancels the draft on screen" wait_screen ct "已取消"
check "with the reason as typed" [ "$(sql "SELECT reason FROM
    training_classes WHERE id = 2")" = "场地未落实" ]
tmux_ kill-session -t ct
tmux_ssh xm 80 24 xiamen xiamen
wait_screen xm "主菜单 Main menu" >/dev/null
tmux_ send-keys -t xm t
check "Xiamen sees the published class with its counts" \
    wait_screen xm "车工四级"
tmux_ send-keys -t xm F6
wait_screen xm "MTP" >/dev/null
tmux_ send-keys -t xm -l "$(sed -n 5p <<<"$XM")"
tmux_ send-keys -t xm Enter
check "and enrolling one already waiting is refused on screen" \
    wait_screen xm "already enrolled or waiting"
tmux_ kill-session -t xm

# The roster, the certificates, their QR codes.
as center training class close 1 >/dev/null 2>&1
as center training class start 1 >/dev/null 2>&1
{
	echo "mtp,hours,completed"
	sql "SELECT a.mtp || ',64,1' FROM training_enrolments e JOIN applicants
	    a ON a.id = e.applicant_id WHERE e.class_id = 1 AND e.status =
	    'enrolled' ORDER BY e.id LIMIT 5"
	sql "SELECT a.mtp || ',20,0' FROM training_enrolments e JOIN applicants
	    a ON a.id = e.applicant_id WHERE e.class_id = 1 AND e.status =
	    'enrolled' ORDER BY e.id LIMIT 1 OFFSET 5"
} > "$TMP/roster.csv"
out=$(as center training roster import 1 - < "$TMP/roster.csv" 2>&1)
check "the roster is imported over ssh" grep -q "imported 6 rows" <<<"$out"
as center training class finish 1 >/dev/null 2>&1
out=$(as center training cert issue 1 2>&1)
check "five completion certificates are issued" \
    grep -q "issued 5 certificates" <<<"$out"
N=$(sql "SELECT number FROM training_certificates ORDER BY id LIMIT 1")
check "in their own series" grep -q "^PX-....-000001$" <<<"$N"
as center training cert pdf "$N" > "$TMP/px.pdf" 2>/dev/null
pdftoppm -r 150 -png "$TMP/px.pdf" "$TMP/px" 2>/dev/null
QR=$(zbarimg -q --raw "$TMP"/px*.png 2>/dev/null | head -n 1)
check "the PDF's QR code reads back as the signed text" [ "$QR" = \
    "$(sql "SELECT qr_text FROM training_certificates WHERE number = '$N'")" ]
out=$(as xiamen cert verify - <<<"$QR" 2>&1)
check "and cert verify finds it valid" grep -q "证书有效 VALID" <<<"$out"
check "showing the signed course and hours" grep -q "64学时" <<<"$out"
BAD=$(sed 's/\(.\{40\}\)./\1A/' <<<"$QR")
[ "$BAD" = "$QR" ] && BAD=$(sed 's/\(.\{40\}\)./\1B/' <<<"$QR")
out=$(as xiamen cert verify - <<<"$BAD" 2>&1)
check "a changed character is refused" grep -q "INVALID" <<<"$out"
check "the completions are there for 考培分离" [ "$(sql "SELECT count(*) FROM
    training_completions")" -eq 5 ]

# The claims they drafted, completed, batched, exported and paid.
out=$(as center subsidy claim list --state drafted --format json 2>&1)
check "the center sees the five claims drafted with them" /usr/bin/python3 -c '
import json, sys
rows = json.load(sys.stdin)
sys.exit(0 if len(rows) == 5 and all(r["kind"] == "training" and
    r["amount_fen"] == 120000 for r in rows) else 1)' <<<"$out"
out=$(as xiamen subsidy claim list --format json 2>&1)
XC=$(/usr/bin/python3 -c 'import json, sys
print(" ".join(str(r["id"]) for r in json.load(sys.stdin)))' <<<"$out")
out=$(as fuzhou subsidy claim list --format json 2>&1)
FC=$(/usr/bin/python3 -c 'import json, sys
print(" ".join(str(r["id"]) for r in json.load(sys.stdin)))' <<<"$out")
check "each city sees its own" [ "$(echo $FC $XC | wc -w)" -eq 5 ]
for c in $FC; do
	as fuzhou subsidy claim docs "$c" --all --bank-name "'示例银行福州分行'" \
	    --account 6222000011112222 >/dev/null 2>&1
done
for c in $XC; do
	as xiamen subsidy claim docs "$c" --all --bank-name "'示例银行厦门分行'" \
	    --account 6222000033334444 >/dev/null 2>&1
done
out=$(as fuzhou subsidy claim complete $FC 2>&1)
out2=$(as xiamen subsidy claim complete $XC 2>&1)
check "the cities complete them" [ "$(grep -c complete <<<"$out
$out2")" -eq 5 ]
out=$(as center subsidy claim list --format csv 2>&1)
check "lists mask the account" bash -c '! grep -q 6222000011112222' <<<"$out"
P=$(date +%Y-%m)
out=$(as center subsidy batch submit "$P" 2>&1)
check "the center submits the month as one batch" \
    grep -q "batch 1: 5 claims, 600000 fen" <<<"$out"
out=$(as center subsidy batch check 1 2>&1)
check "whose figures match its claims" grep -q "matches" <<<"$out"
as center subsidy batch export 1 --format xlsx > "$TMP/batch.xlsx" 2>/dev/null
check "the xlsx reads back with openpyxl: 5 claims, totals per office" \
    /usr/bin/python3 -c '
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
claims = list(wb["claims"].iter_rows(values_only=True))
office = {r[0]: (r[1], r[2]) for r in wb["office"].iter_rows(min_row=2,
    values_only=True)}
ok = (len(claims) == 6 and claims[0][8] == "amount_fen" and
    sum(r[8] for r in claims[1:]) == 600000 and
    sum(n for n, _ in office.values()) == 5 and
    sum(f for _, f in office.values()) == 600000 and
    "6222000011112222" in [r[11] for r in claims[1:]])
sys.exit(0 if ok else 1)' "$TMP/batch.xlsx"
as center subsidy batch export 1 --charset gb18030 > "$TMP/batch.csv" 2>/dev/null
check "and as GB18030 CSV" /usr/bin/python3 -c '
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="gb18030", newline="")))
sys.exit(0 if len(rows) == 6 and rows[1][1] in ("fuzhou", "xiamen") else 1)' \
    "$TMP/batch.csv"
out=$(as center subsidy claim approve $FC $XC 2>&1)
out=$(as center subsidy claim pay $FC $XC --paid-on "$(day 0)" \
    --ref CW-2026-0001 2>&1)
check "approved and paid" [ "$(sql "SELECT count(*) FROM subsidy_claims
    WHERE state = 'paid' AND paid_fen = 120000")" -eq 5 ]
out=$(as xiamen subsidy batch submit "$P" 2>&1); rc=$?
check "a city cannot submit a batch" [ "$rc" -ne 0 ]
check "the database is consistent" [ "$(sql "PRAGMA integrity_check")" = ok ]
done_testing
