#!/bin/bash
# The reports as the offices and the center get them over the real ssh
# client: the figures scoped to an office, a CSV in GB18030, a workbook
# read back by openpyxl, closing a month and checking its signature, the
# monthly PDF read back by pdftotext and the same twice over; then the
# overview and the reports screen at 80x24 and 132x43 with block
# characters, and on a vt100 without colour in ASCII.
. "$(dirname "$0")/lib.sh"

: "${SEED_CATALOG:?SEED_CATALOG must name seed-catalog}"
for tool in pdftotext iconv; do
	command -v "$tool" >/dev/null ||
	    bail "$tool is missing: install the Debian package poppler-utils"
done
/usr/bin/python3 -c 'import openpyxl' 2>/dev/null ||
    bail "openpyxl is missing: install the Debian package python3-openpyxl"
cat > "$TMP/qualdesk.conf" <<CONF
host_key $HOSTKEY
log_level warn
CONF
for u in "fuzhou --role liaison --office fuzhou" "center --role center"; do
	set -- $u
	qd user add "$@" >/dev/null || bail "user add $1 failed"
	make_key "$1"
	qd key add "$1" "$TMP/$1.pub" >/dev/null || bail "key add $1 failed"
done
"$SEED_CATALOG" "$DB" 2>/dev/null || bail "no catalog"
qd demo-data --cases 300 >/dev/null || bail "demo-data failed"
start_server

as() {
	local user=$1
	shift
	$(ssh_cmd "$user" "$user") "$@"
}
json() {
	/usr/bin/python3 -c "import json, sys; d = json.load(sys.stdin); $1"
}
export -f json as ssh_cmd
export TMP PORT
PREV=$(date -u -d "$(date -u +%Y-%m-15) -1 month" +%Y-%m)

# --- Commands: the scope, CSV ---------------------------------------------
out=$(as fuzhou report list); rc=$?
check "report list names the case and certificate indicators" bash -c \
    "[ $rc -eq 0 ] && grep -q '^cases.received ' <<<'$out' &&
    grep -q '^certs.issued ' <<<'$out' && grep -q '^cases.backlog ' <<<'$out'"
as fuzhou report show cases.received --by office --format json \
    > "$TMP/fz.json"
KEYS=$(json 'print(" ".join(r["row"] + ":" + r["key"] for r in d["rows"]))' \
    < "$TMP/fz.json")
check "Fuzhou sees its own row and the province's, no other office" \
    [ "$KEYS" = "item:1 total:total province:province" ]
as fuzhou report show cases.received --office xiamen >/dev/null 2>&1; rc=$?
check "naming another office is refused (exit 3)" [ "$rc" -eq 3 ]
as center report show cases.received --by office --format json \
    > "$TMP/all.json"
TOTAL=$(json 'print([int(r["n"]) for r in d["rows"] if r["row"] == "total"][0])' \
    < "$TMP/all.json")
SUM=$(json 'print(int(sum(r["n"] for r in d["rows"] if r["row"] == "item")),
    len(d["rows"]))' < "$TMP/all.json")
check "the center's total of the year is the sum of the ten offices" \
    [ "$SUM" = "$TOTAL 11" ]
as center report show cases.received --by office --format csv \
    --charset gb18030 > "$TMP/r.csv"
check "a GB18030 CSV reads back with 福州市 in it" bash -c \
    "iconv -f gb18030 -t utf-8 '$TMP/r.csv' | grep -q '^1,福州市 Fuzhou,'"
as center report show cases.forward_decision --by month --format csv \
    > "$TMP/days.csv"
check "a UTF-8 CSV starts with the BOM and has median and p90" bash -c \
    "head -c 3 '$TMP/days.csv' | od -An -tx1 | grep -q 'ef bb bf' &&
    grep -q 'month,label,n,median,p90,row' '$TMP/days.csv'"
out=$(as center report show cases.received --by colour 2>&1); rc=$?
check "a bad split is a usage error, in both languages" bash -c \
    "[ $rc -eq 2 ] && grep -q 'cannot split' <<<'$out' &&
    grep -q '不能按' <<<'$out'"

# --- The workbook ----------------------------------------------------------
as center report xlsx --by office > "$TMP/r.xlsx"; rc=$?
check "report xlsx writes a workbook" [ "$rc" -eq 0 ]
check "openpyxl reads it: a sheet per indicator, Fuzhou's row and the total" \
    /usr/bin/python3 - "$TMP/r.xlsx" "$TOTAL" <<'PY'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["cases.received"]
rows = {r[1].value: r[2].value for r in ws.iter_rows(min_row=4)}
assert "certs.issued" in wb.sheetnames and "cases.backlog" in wb.sheetnames
assert rows["全省 Province"] == int(sys.argv[2]), rows
assert isinstance(rows["福州市 Fuzhou"], (int, float))
PY

# --- Closing a month, the monthly PDF -------------------------------------
as fuzhou report close "$PREV" >/dev/null 2>&1; rc=$?
check "an office cannot close a month (exit 3)" [ "$rc" -eq 3 ]
out=$(as center report close "$PREV"); rc=$?
check "the center closes last month" bash -c "[ $rc -eq 0 ] &&
    grep -q 'sha256 [0-9a-f]\{64\}' <<<'$out'"
out=$(as fuzhou report verify "$PREV"); rc=$?
check "anyone checks it: VALID" bash -c "[ $rc -eq 0 ] &&
    tail -n 1 <<<'$out' | grep -q '^VALID$'"
MONTH_N=$(as center report show cases.received --month "$PREV" \
    --format json | json 'print(int(d["rows"][-1]["n"]))')
as center report pdf --month "$PREV" > "$TMP/a.pdf"; rc=$?
check "report pdf writes a PDF" bash -c "[ $rc -eq 0 ] &&
    [ \"\$(head -c 5 '$TMP/a.pdf')\" = '%PDF-' ]"
pdftotext -layout "$TMP/a.pdf" "$TMP/a.txt"
check "whose text has the headline figures and the month's received count" \
    bash -c "grep -q '主要数字 Headline figures' '$TMP/a.txt' &&
    grep -q '受理件数 Cases received *$MONTH_N\$' '$TMP/a.txt'"
check "and the closing's seal" grep -q "已结账 Closed" "$TMP/a.txt"
sleep 1
as center report pdf --month "$PREV" > "$TMP/b.pdf"
pdftotext -layout "$TMP/b.pdf" "$TMP/b.txt"
grep -v '生成于 Created' "$TMP/a.txt" > "$TMP/a.rest"
grep -v '生成于 Created' "$TMP/b.txt" > "$TMP/b.rest"
check "made again, its text differs only in the creation date" \
    cmp -s "$TMP/a.rest" "$TMP/b.rest"
check "a bad month is refused" bash -c \
    "! as center report pdf --month 2026-13 >/dev/null 2>&1"

# --- The screens -----------------------------------------------------------
BLOCKS='[▁▂▃▄▅▆▇█]'
tmux_ssh c80 80 24 center center
wait_screen c80 "主菜单 Main menu" || bail "no menu at 80x24"
# The overview is the first of the reports group, which has no letters.
tmux_ send-keys -t c80 "$(menu_group c80 "统计 Reports")" 1
check "the overview opens at 80x24" wait_screen c80 "统计概览 Overview"
wait_screen c80 "全省" >/dev/null
check "with a sparkline of block characters per office" bash -c \
    "tmux -S '$TMUX_SOCK' capture-pane -p -t c80 | grep '福州市' |
    grep -q '$BLOCKS'"
check "its column titles whole at 80 columns" bash -c \
    "tmux -S '$TMUX_SOCK' capture-pane -p -t c80 | grep '办公室 Office' |
    grep -q '积压 Open' && ! tmux -S '$TMUX_SOCK' capture-pane -p -t c80 |
    grep '办公室 Office' | grep -q '~'"
check "the wide figures are left out at 80 columns" bash -c \
    "! tmux -S '$TMUX_SOCK' capture-pane -p -t c80 | grep -q '领证 Coll'"
tmux_ send-keys -t c80 F4
check "F4 opens the reports screen" wait_screen c80 "统计报表 Reports"
check "with a table and a bar chart drawn in blocks" bash -c \
    "sleep 0.5; tmux -S '$TMUX_SOCK' capture-pane -p -t c80 |
    grep -q '数量 Count' && tmux -S '$TMUX_SOCK' capture-pane -p -t c80 |
    grep -q '[▏▎▍▌▋▊▉█]'"
tmux_ send-keys -t c80 F5
check "F5 draws it in ASCII" wait_screen c80 "[ASCII]"
check "with no block left" bash -c "sleep 0.3;
    ! tmux -S '$TMUX_SOCK' capture-pane -p -t c80 | grep -q '[▏▎▍▌▋▊▉█]'"
tmux_ send-keys -t c80 F5
wait_screen c80 "块字符\|block characters" 2 >/dev/null
tmux_ kill-session -t c80

tmux_ssh c132 132 43 center center
wait_screen c132 "主菜单 Main menu" || bail "no menu at 132x43"
# The overview is the first of the reports group, which has no letters.
tmux_ send-keys -t c132 "$(menu_group c132 "统计 Reports")" 1
check "at 132x43 the overview shows more figures" \
    wait_screen c132 "领证 Coll"
check "ten offices and the province" bash -c "sleep 0.3;
    tmux -S '$TMUX_SOCK' capture-pane -p -t c132 |
    grep -c '市\|实验区\|全省' | grep -qx 11"
tmux_ kill-session -t c132

tmux_ -f /dev/null new-session -d -s vt -x 80 -y 24 \
    "TERM=vt100 $(ssh_cmd fuzhou fuzhou -t)"
wait_screen vt "主菜单 Main menu" || bail "no menu on the vt100"
# The overview is the first of the reports group, which has no letters.
tmux_ send-keys -t vt "$(menu_group vt "统计 Reports")" 1
check "on a vt100 without colour the overview is ASCII" \
    wait_screen vt "[ASCII]"
check "an office sees itself and the province" bash -c "sleep 0.3;
    s=\$(tmux -S '$TMUX_SOCK' capture-pane -p -t vt);
    grep -q '福州市' <<<\"\$s\" && grep -q '全省' <<<\"\$s\" &&
    ! grep -q '厦门市' <<<\"\$s\" && ! grep -q '$BLOCKS' <<<\"\$s\""
tmux_ send-keys -t vt Escape
wait_screen vt "主菜单 Main menu" >/dev/null
tmux_ send-keys -t vt "$(menu_group vt "统计 Reports")" 2
check "the reports screen on the vt100" wait_screen vt "统计报表 Reports"
check "draws its bars with #" bash -c "sleep 0.5;
    tmux -S '$TMUX_SOCK' capture-pane -p -t vt | grep -q '[#+]'"
tmux_ kill-session -t vt
done_testing
