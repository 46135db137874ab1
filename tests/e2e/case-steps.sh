#!/bin/bash
# Every step of a case from a script, over the real ssh client: intake
# of a JSON batch and a CSV one (a bad row refuses the batch and is
# named), forward with and without all materials, approve, reject,
# return, route, confirm, notify (the notice telling the office's window),
# collect and withdraw, each JSON out with the exit status the man page
# lists; the lists of materials and the offices' windows.
. "$QD_SRCDIR/tests/e2e/lib.sh"

cat > "$TMP/qualdesk.conf" <<CONF
host_key $HOSTKEY
log_level warn
CONF
for u in "fuzhou --role liaison --office fuzhou" \
    "xiamen --role liaison --office xiamen" "center --role center" \
    "admin --role admin"; do
	set -- $u
	qd user add "$@" --name "$1" >/dev/null || bail "user add $1 failed"
	make_key "$1"
	qd key add "$1" "$TMP/$1.pub" >/dev/null || bail "key add $1 failed"
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
# json EXPR: python's verdict on the JSON of standard input.
json() {
	python3 -c "import json, sys; d = json.load(sys.stdin); sys.exit(0 if ($1) else 1)"
}

ADOPT=$(sql "SELECT id FROM catalog WHERE mode = 'adoption' ORDER BY id LIMIT 1")
LATHE=$(sql "SELECT c.id FROM catalog c JOIN occupations o ON o.id = c.occupation_id
    WHERE c.mode = 'recognition' AND o.name = '车工' ORDER BY c.id LIMIT 1")

# --- intake ---------------------------------------------------------------
out=$(as fuzhou cases intake --format json 2>&1 <<JSON); rc=$?
[{"name": "陳美華", "sex": "F", "birth_date": "1988-08-08", "mtp": "31415926",
  "type": "adoption", "catalog_id": $ADOPT, "tw_cert_no": "TW-1",
  "channel": "app", "materials": "id cert"},
 {"name": "黃志強", "sex": "M", "birth_date": "1979-07-07", "mtp": "27182818",
  "type": "adoption", "catalog_id": $ADOPT, "tw_cert_no": "TW-2",
  "materials": "id cert"},
 {"name": "林國華", "sex": "M", "birth_date": "1985-05-05", "mtp": "16180339",
  "type": "adoption", "catalog_id": $ADOPT, "tw_cert_no": "TW-3",
  "materials": "id cert"},
 {"name": "王家豪", "sex": "M", "birth_date": "1990-01-01", "mtp": "14142135",
  "type": "recognition", "catalog_id": $LATHE, "tw_cert_no": "TW-4",
  "channel": "post", "materials": "id cert"},
 {"name": "吳淑芬", "sex": "F", "birth_date": "1992-02-02", "mtp": "17320508",
  "type": "adoption", "tw_qual": "美髮 丙級", "tw_cert_no": "TW-5",
  "materials": "id"}]
JSON
check "cases intake of five rows as JSON exits 0" [ "$rc" -eq 0 ]
check "and answers JSON: five new people and their cases" \
	json 'len(d) == 5 and all(r["applicant_new"] and r["case_id"] > 0 for r in d)' <<<"$out"
set -- $(python3 -c 'import json, sys; print(*[r["case_id"] for r in json.load(sys.stdin)])' <<<"$out")
A=$1 R=$2 T=$3 G=$4 M=$5
check "the channel is recorded" \
	test "$(sql "SELECT channel FROM cases WHERE id = $A")" = app
check "every case audited as the liaison's" \
	test "$(sql "SELECT count(*) FROM audit WHERE tbl = 'cases' AND action = 'insert' AND actor = 'fuzhou'")" = 5
n=$(sql "SELECT count(*) FROM cases")
out=$(printf 'name,sex,birth_date,mtp,tw_qual,tw_cert_no\r\n張三,M,1970-01-01,11111111,美容 丙級,T-1\r\n李四,M,1970-02-30,22222222,美容 丙級,T-2\r\n' |
    as fuzhou cases intake 2>&1); rc=$?
check "a CSV batch with a bad birth date in row 2 exits 1" [ "$rc" -eq 1 ]
check "naming the row and the field" grep -q "row 2.*出生日期" <<<"$out"
check "and nothing of it is taken in, row 1 neither" \
	test "$(sql "SELECT count(*) FROM cases")" = "$n"
out=$(printf 'name,sex,birth_date,mtp,tw_qual,tw_cert_no\r\n陈美华,F,1988-08-08,99999999,美容 丙級,T-3\r\n' |
    as fuzhou cases intake 2>&1); rc=$?
check "the same name (Simplified) and birth date under a new number is refused" \
	[ "$rc" -eq 1 ]
check "saying who is registered and what to give" \
	grep -q "applicant_id, or new_person true" <<<"$out"
out=$(printf 'name,sex,birth_date,mtp,tw_qual,tw_cert_no\r\n陈美华,F,1988-08-08,31415926,美容 丙級,T-3\r\n' |
    as fuzhou cases intake --format json 2>&1); rc=$?
check "the registered MTP number is that person: a second case, no new person" \
	json 'len(d) == 1 and not d[0]["applicant_new"]' <<<"$out"
check "an office-less center takes in nothing (exit 3)" \
	bash -c '[ "$(echo "[]" | '"$(ssh_cmd center center)"' cases intake >/dev/null 2>&1; echo $?)" -eq 3 ]'

# --- forward: materials first ---------------------------------------------
out=$(as fuzhou cases forward "$M" 2>&1); rc=$?
check "forwarding a case without its Taiwan certificate exits 1" [ "$rc" -eq 1 ]
check "naming what is missing" grep -q "台湾证书 Taiwan certificate" <<<"$out"
out=$(as fuzhou cases forward "$A" "$R" "$T" "$G" "$M" --reason "证书原件寄送中" --format json 2>&1); rc=$?
check "with --reason all five go, as JSON" json 'len(d["ids"]) == 5' <<<"$out"
out=$(as center cases show "$M" --format json 2>/dev/null)
check "the reviewer sees what is missing and why it came" \
	json 'd["materials_missing"] == "台湾证书 Taiwan certificate" and d["materials_waiver"] == "证书原件寄送中"' <<<"$out"

# --- the center's steps ----------------------------------------------------
for c in "$A" "$R" "$T" "$G" "$M"; do
	as center cases take "$c" >/dev/null 2>&1 || bail "take $c failed"
done
out=$(as center cases approve "$A" --format json 2>&1); rc=$?
check "cases approve exits 0" [ "$rc" -eq 0 ]
check "approved, with its certificate" \
	json 'd["state"] == "approved" and d["certificate"].startswith("CX-")' <<<"$out"
out=$(as center cases reject "$R" --reason "证书无法核实" --format json 2>&1)
check "cases reject" json 'd["state"] == "rejected"' <<<"$out"
out=$(as center cases reject "$R" --reason again 2>&1); rc=$?
check "rejecting it again is refused (exit 3)" [ "$rc" -eq 3 ]
out=$(as center cases return "$T" --missing "请补交照片" --format json 2>&1)
check "cases return" json 'd["state"] == "returned"' <<<"$out"
out=$(as center cases reject "$M" 2>&1); rc=$?
check "reject without --reason is a usage error (exit 2)" [ "$rc" -eq 2 ]
out=$(as center cases approve "$M" --occupation 美发师 --level 4 --format json 2>&1); rc=$?
check "a typed qualification is approved at the occupation named" \
	json 'd["state"] == "approved"' <<<"$out"
out=$(as center cases route "$G" --agency "'福州市职业技能鉴定指导中心'" --format json 2>&1)
check "cases route sends the recognition case to Fuzhou's agency" \
	json 'd["state"] == "agency"' <<<"$out"
out=$(as center cases confirm "$G" --ref "'闽认 2026-17'" --format json 2>&1)
check "cases confirm approves it" json 'd["state"] == "approved"' <<<"$out"
out=$(as fuzhou cases approve "$A" 2>&1); rc=$?
check "a liaison approves nothing (exit 3)" [ "$rc" -eq 3 ]

# --- the office's: notify, collect, withdraw --------------------------------
out=$(as fuzhou office set fuzhou --phone 1 2>&1); rc=$?
check "a liaison may not set the window (exit 3)" [ "$rc" -eq 3 ]
as admin office set fuzhou --address "福州市示例路8号市民服务中心一楼台胞窗口" \
    --phone "0591-8000000" >/dev/null 2>&1
out=$(as xiamen office list --format json 2>/dev/null)
check "office list shows Fuzhou's window to anyone" \
	json 'any(o["code"] == "fuzhou" and o["phone"] == "0591-8000000" for o in d)' <<<"$out"
out=$(as xiamen cases notify "$A" --channel sms 2>&1); rc=$?
check "Xiamen cannot notify for a Fuzhou case (exit 1, not found)" [ "$rc" -eq 1 ]
out=$(as fuzhou cases notify "$A" --channel sms --format json 2>&1); rc=$?
check "cases notify exits 0" [ "$rc" -eq 0 ]
check "notified; the notice recorded" \
	json 'd["state"] == "notified" and d["delivery"] == "recorded"' <<<"$out"
check "the usual words tell the window's address and phone" \
	test "$(sql "SELECT count(*) FROM notices WHERE case_id = $A AND text LIKE '%福州市示例路8号%' AND text LIKE '%0591-8000000%'")" = 1
out=$(as fuzhou cases collect "$A" 2>&1); rc=$?
check "collect before printing is refused" [ "$rc" -ne 0 ]
NUMBER=$(sql "SELECT number FROM certificates WHERE case_id = $A")
as fuzhou cert printed "$NUMBER" >/dev/null 2>&1
out=$(as fuzhou cases collect "$A" --date 2026-12-01 --format json 2>&1)
check "cases collect after printing" json 'd["state"] == "collected"' <<<"$out"
out=$(as fuzhou cases notify "$R" --channel phone --text "已电话告知结果" --format json 2>&1)
check "cases notify of the rejection closes it" json 'd["state"] == "closed"' <<<"$out"
v=$(sql "SELECT version FROM cases WHERE id = $T")
out=$(as fuzhou cases withdraw "$T" --version $((v - 1)) 2>&1); rc=$?
check "withdraw at a version the case is past exits 1" [ "$rc" -eq 1 ]
out=$(as fuzhou cases withdraw "$T" --version "$v" --reason "申请人放弃" --format json 2>&1)
check "cases withdraw at its version" json 'd["state"] == "withdrawn"' <<<"$out"
check "every step is in the audit trail" \
	test "$(sql "SELECT count(*) FROM audit WHERE tbl = 'cases' AND action IN ('approve', 'reject', 'return', 'route', 'confirm', 'notify', 'collect', 'withdraw')")" -ge 10

# --- the lists of materials --------------------------------------------------
out=$(as fuzhou materials set --type adoption id cert photo 2>&1); rc=$?
check "a liaison does not set the materials (exit 3)" [ "$rc" -eq 3 ]
out=$(as admin materials set --type adoption id cert photo 2>&1); rc=$?
check "the admin says adoption needs a photo too" [ "$rc" -eq 0 ]
out=$(as fuzhou materials list --format json 2>/dev/null)
check "materials list shows it" \
	json 'any(r["scope"] == "adoption" and r["materials"] == "id cert photo" for r in d)' <<<"$out"
out=$(as fuzhou cases list --channel post --format json 2>/dev/null)
check "cases list --channel post finds the posted case" \
	json 'len(d) == 1 and d[0]["id"] == '"$G" <<<"$out"
check "the database is intact" test "$(sql "PRAGMA integrity_check")" = ok
done_testing
