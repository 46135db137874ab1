#!/bin/bash
# The case commands as a liaison's script runs them, over the real ssh
# client: JSON that parses, CSV with its header, another office's cases
# kept out, forwarding two cases, the center paging its queue by the
# "more:" line, and usage errors.
. "$(dirname "$0")/lib.sh"

: "${SEED_CATALOG:?SEED_CATALOG must name seed-catalog}"
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
qd demo-data --cases 2000 >/dev/null || bail "demo-data failed"
# Two cases Fuzhou may forward, one of them at least as Fuzhou's liaison sees.
set -- $(sqlite3 "$DB" "SELECT id FROM cases WHERE office_id = 1 AND state IN
    ('accepted', 'returned') ORDER BY id LIMIT 2")
[ $# -eq 2 ] || bail "demo-data made no two open Fuzhou cases"
F1=$1 F2=$2
start_server

as() {
	local user=$1
	shift
	$(ssh_cmd "$user" "$user") "$@"
}

out=$(as xiamen cases list --format json --limit 100 2>/dev/null); rc=$?
check "cases list --format json over ssh exits 0" [ "$rc" -eq 0 ]
check "and parses as JSON" bash -c 'python3 -m json.tool >/dev/null' <<<"$out"
check "a page of Xiamen's cases, masked MTP numbers, nothing of Fuzhou" \
    python3 -c '
import json, re, sys
rows = json.load(sys.stdin)
sys.exit(0 if len(rows) == 100 and all(r["office"] == "厦门市" and
    re.fullmatch(r"\d\d\*{4}\d\d", r["mtp"]) for r in rows) else 1)' <<<"$out"
out=$(as xiamen cases list --office fuzhou --format json 2>&1); rc=$?
check "Xiamen asking for Fuzhou's cases is refused, not answered empty" \
    [ "$rc" -eq 3 ]
check "saying it sees only its own office" \
    grep -q "you see only your own office's records (xiamen), not fuzhou's" \
    <<<"$out"
check "and printing no list" bash -c '! grep -q "^\[" <<<"$1"' _ "$out"
out=$(as xiamen cases list --office xiamen --format json --limit 1 2>&1); rc=$?
check "its own office is fine" [ "$rc" -eq 0 ]
out=$(as xiamen cases take "$F1" 2>&1)
check "a refusal names the step in both languages" \
    bash -c '! grep -q "您不能take" <<<"$1"' _ "$out"
out=$(as xiamen cases show "$F1" 2>&1); rc=$?
check "cases show of a Fuzhou case exits non-zero for Xiamen" [ "$rc" -eq 1 ]
check "with the not-found message" grep -q "no case $F1 (or it belongs to another office)" <<<"$out"

out=$(as fuzhou cases list --format csv --limit 20 2>/dev/null); rc=$?
check "cases list --format csv exits 0" [ "$rc" -eq 0 ]
check "the first line is the header" [ "$(head -n 1 <<<"$out" | tr -d '\r')" = \
    "id,applicant,mtp,office,type,tw_qual,state,state_name,held_by,since,age_days,occupation,version,channel,missing" ]
check "20 cases follow, CRLF-ended" [ "$(grep -c $'\r$' <<<"$out")" -eq 21 ]
check "which a CSV reader reads as 15 fields each" python3 -c '
import csv, io, sys
rows = list(csv.reader(io.StringIO(sys.stdin.read(), newline="")))
sys.exit(0 if len(rows) == 21 and all(len(r) == 15 and r[3] == "福州市"
    for r in rows[1:]) else 1)' <<<"$out"
Q=$(sqlite3 "$DB" "SELECT id FROM cases WHERE office_id = 1 AND
    tw_qual GLOB '*Java, C*' LIMIT 1")
out=$(as fuzhou cases find "$Q" --format csv 2>/dev/null)
check "a field with a quote and a comma is quoted, its quotes doubled" \
    grep -q ',"電腦軟體設計技術士 ""Java, C"" [乙丙]級",' <<<"$out"
out=$(as fuzhou cases find "$Q" --format json 2>/dev/null)
check "and escaped in JSON" python3 -c '
import json, sys
sys.exit(0 if json.load(sys.stdin)[0]["tw_qual"][:-3] ==
    "電腦軟體設計技術士 \"Java, C\"" else 1)' <<<"$out"

out=$(as fuzhou cases forward "$F1" "$F2" 2>&1); rc=$?
check "cases forward of two cases exits 0" [ "$rc" -eq 0 ]
check "and says which" [ "$out" = "forwarded $F1 $F2" ]
out=$(as fuzhou cases show "$F2" 2>&1)
check "cases show then says forwarded" grep -q "^case $F2  已报送 Forwarded" <<<"$out"
out=$(as fuzhou cases forward "$F1" 2>&1); rc=$?
check "forwarding it again is refused (exit 3)" [ "$rc" -eq 3 ]

err=$(as center cases list --queue review --limit 5 2>&1 >/dev/null)
more=$(sed -n 's/^more: //p' <<<"$err")
check "the review queue says how to read on" grep -q -- "--after '" <<<"$more"
page1=$(as center cases list --queue review --limit 5 --format csv 2>/dev/null | tail -n 5)
page2=$(as center $more --format csv 2>/dev/null | tail -n 5)
check "the printed command reads the next five cases" \
    [ "$(wc -l <<<"$page2")" -eq 5 -a "$page1" != "$page2" ]
out=$(as center cases take "$F1" 2>&1); rc=$?
check "the center takes a forwarded case" [ "$rc" -eq 0 ]
out=$(as center cases show "$F1" --format json 2>/dev/null)
check "and the case shows it held" python3 -c '
import json, sys
c = json.load(sys.stdin)
sys.exit(0 if c["held_by"] == "center" and
    any(a["action"] == "release" for a in c["actions"]) else 1)' <<<"$out"

out=$(as fuzhou cases list --state lost 2>&1); rc=$?
check "an unknown state is a usage error (exit 2)" [ "$rc" -eq 2 ]
check "listing the states" grep -q "one of accepted, forwarded, returned" <<<"$out"
out=$(as fuzhou cases forward one 2>&1); rc=$?
check "a word for a case number is a usage error (exit 2)" [ "$rc" -eq 2 ]
out=$(as fuzhou applicants find 陈 --format json 2>/dev/null); rc=$?
check "applicants find 陈 finds people written 陳, MTP masked" python3 -c '
import json, re, sys
rows = json.load(sys.stdin)
sys.exit(0 if rows and all(r["name"][0] in "陳陈" and
    re.fullmatch(r"\d\d\*{4}\d\d", r["mtp"]) for r in rows) else 1)' <<<"$out"

done_testing
