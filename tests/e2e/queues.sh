#!/bin/bash
# The review queue and the outbox as a center reviewer and a clerk use
# them with a few hundred cases, over the real ssh client in tmux: coming
# back from a case deep in the queue keeps it selected with a full page
# drawn, End goes to the last case of the last page, F4 goes to a case by
# its number, a wide screen shows the type; in the outbox Space marks and
# moves on, and F5 with nothing marked names the case it will forward.
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
qd demo-data --cases 600 >/dev/null || bail "demo-data failed"
sql() {
	sqlite3 -readonly "$DB" "$1"
}
N=$(sql "SELECT count(*) FROM cases WHERE state = 'forwarded'")
[ "$N" -gt 110 ] || bail "demo-data made only $N forwarded cases"
start_server

# --- The review queue at 80x24 --------------------------------------------
tmux_ssh ct 80 24 center center
wait_screen ct "审核队列" >/dev/null || bail "no menu"
tmux_ send-keys -t ct v
check "the queue opens" wait_screen ct "$N 件 cases"
tmux_ send-keys -t ct End
check "End goes to the last case of the last page, past row 100" \
	wait_screen ct "第 $N 行，共 $N 行"
LAST=$(screen ct | sed -n 's/^> *\([0-9][0-9]*\) .*/\1/p')
check "and selects it ($LAST)" [ -n "$LAST" ]
tmux_ send-keys -t ct Home
wait_screen ct "第 1 行" >/dev/null
for _ in 1 2 3 4 5 6 7 8 9 10; do
	tmux_ send-keys -t ct PageDown
done
wait_stable ct
AT=$(screen ct | sed -n 's/.*第 \([0-9]*\) 行，共.*/\1/p')
check "paging down goes past the first page of 100 ($AT)" [ "${AT:-0}" -gt 100 ]
ROW=$(screen ct | sed -n 's/^> *\([0-9][0-9]*\) .*/\1/p')
tmux_ send-keys -t ct Enter
check "the case opens" wait_screen ct "历史 History"
tmux_ send-keys -t ct F3
check "coming back, the same row is selected" wait_screen ct "第 $AT 行"
check "it is case $ROW" [ "$(screen ct | sed -n 's/^> *\([0-9][0-9]*\) .*/\1/p')" = "$ROW" ]
check "with a full page of rows drawn, not one" \
	[ "$(screen ct | grep -cE '^[ >] *[0-9]+ ')" -ge 10 ]

tmux_ send-keys -t ct F4
check "F4 asks for a case number" wait_screen ct "Go to a case"
tmux_ send-keys -t ct -l 'x1'
tmux_ send-keys -t ct Enter
check "letters are refused with a message" wait_screen ct "A case number is digits"
tmux_ send-keys -t ct F4
wait_screen ct "Go to a case" >/dev/null
tmux_ send-keys -t ct -l "$LAST"
tmux_ send-keys -t ct Enter
check "a number in the queue selects its row" wait_screen ct "Case $LAST is row $N"
OTHER=$(sql "SELECT min(id) FROM cases WHERE state = 'collected'")
tmux_ send-keys -t ct F4
wait_screen ct "Go to a case" >/dev/null
tmux_ send-keys -t ct -l "$OTHER"
tmux_ send-keys -t ct Enter
check "a case not in the queue opens on its own" wait_screen ct "历史 History"
check "it is that case" wait_screen ct "$OTHER"
tmux_ send-keys -t ct F3
wait_screen ct "审核队列" >/dev/null
check "at 80 columns there is no type column" \
	bash -c "! tmux -S '$TMUX_SOCK' capture-pane -p -t ct | grep '案件 No' |
	grep -q '类型 Type'"
tmux_ kill-session -t ct

# --- At 132x43 the type shows and the qualification gets the width -------
tmux_ssh cw 132 43 center center
wait_screen cw "审核队列" >/dev/null
tmux_ send-keys -t cw v
check "the queue opens at 132 columns" wait_screen cw "$N 件 cases"
check "with a type column" wait_screen cw "类型 Type"
check "showing each case's type" wait_screen cw " 采信 "
TITLES=$(screen cw | grep '案件 No')
NAMEW=$(python3 -c 'import sys,unicodedata as u
t=sys.argv[1]; a=t.index("台胞 Name"); b=t.index("城市 City"); c=t.index("资格"); d=t.index("状态 State")
w=lambda s: sum(2 if u.east_asian_width(ch) in "WF" else 1 for ch in s)
print(w(t[a:b]), w(t[c:d]))' "$TITLES")
set -- $NAMEW
check "the qualification is wider than the name ($1 and $2)" [ "$2" -gt $(($1 * 2)) ]
tmux_ kill-session -t cw

# --- The outbox ------------------------------------------------------------
tmux_ssh fz 80 24 fuzhou fuzhou
wait_screen fz "待报送" >/dev/null || bail "no menu"
tmux_ send-keys -t fz f
check "the outbox opens" wait_screen fz "Outbox"
RET=$(sql "SELECT id FROM cases WHERE state = 'returned' AND office_id =
    (SELECT id FROM offices WHERE code = 'fuzhou') ORDER BY id LIMIT 1")
REASON=$(sql "SELECT reason FROM cases WHERE id = $RET")
check "a returned case shows the reason it came back ($RET: $REASON)" \
	bash -c "tmux -S '$TMUX_SOCK' capture-pane -p -t fz |
	grep -E '^[ >] +$RET ' | grep -qF '${REASON:0:3}'"
check "under a reason column" wait_screen fz "原因 Why"
FIRST=$(screen fz | sed -n 's/^> *\([0-9][0-9]*\) .*/\1/p')
tmux_ send-keys -t fz F5
check "F5 with nothing marked names the case it will forward" \
	wait_screen fz "None marked: forward case $FIRST?"
tmux_ send-keys -t fz n
wait_screen fz "Outbox" >/dev/null
check "and No forwards nothing" \
	test "$(sql "SELECT state FROM cases WHERE id = $FIRST")" != forwarded
tmux_ send-keys -t fz Space Space
check "Space marks and moves on: two rows marked" wait_screen fz "已标记 2"
check "the selection is on the third row" wait_screen fz "第 3 行"
tmux_ send-keys -t fz F5
check "F5 asks for the marked ones" \
	wait_screen fz "Forward the 2 marked cases to the center?"
tmux_ send-keys -t fz n
esc_to_menu fz
tmux_ kill-session -t fz
check "every session ended" wait_children 0
done_testing
