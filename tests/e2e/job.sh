#!/bin/bash
# Employment over the real ssh client in tmux: Xiamen records and reports
# a job need over ssh (an unknown occupation is refused by name); the
# center adds a posting over ssh and publishes it on screen, sees who
# fits with the reason and proposes the match; Xiamen records the hire on
# screen and the posting's openings count down.
. "$(dirname "$0")/lib.sh"

: "${SEED_CATALOG:?SEED_CATALOG must name seed-catalog}"
cat > "$TMP/qualdesk.conf" <<CONF
host_key $HOSTKEY
log_level warn
CONF
for u in "xiamen --role liaison --office xiamen" "center --role center"; do
	set -- $u
	qd user add "$@" >/dev/null || bail "user add $1 failed"
	make_key "$1"
	qd key add "$1" "$TMP/$1.pub" >/dev/null || bail "key add $1 failed"
done
"$SEED_CATALOG" "$DB" 2>/dev/null || bail "no catalog"
qd demo-data --cases 300 >/dev/null || bail "demo-data failed"
# A Xiamen applicant with an approved case, and its occupation and level.
set -- $(sqlite3 -separator ' ' "$DB" "SELECT c.applicant_id, o.code,
    c.decided_level FROM cases c JOIN occupations o
    ON o.id = c.decided_occupation_id WHERE c.office_id = 2
    AND c.state IN ('approved', 'notified', 'collected') ORDER BY c.id LIMIT 1")
[ $# -eq 3 ] || bail "demo-data made no approved Xiamen case"
PERSON=$1 OCC=$2 LEVEL=$3
start_server

as() {
	local user=$1
	shift
	$(ssh_cmd "$user" "$user") "$@" </dev/null
}

out=$(as xiamen job need add --person "$PERSON" --occupations 9-99-99-99 \
    --cities xiamen 2>&1); rc=$?
check "an unknown occupation is refused" [ "$rc" -eq 1 ]
check "naming what was typed and where the codes are" \
    grep -q '9-99-99-99.*occupation list' <<<"$out"
out=$(as xiamen job need add --person "$PERSON" --occupations "$OCC" \
    --cities 厦门,gotham 2>&1); rc=$?
check "so is an unknown city, naming it" grep -q 'unknown city "gotham"' <<<"$out"
out=$(as xiamen job need add --person "$PERSON" --occupations "$OCC" \
    --cities 厦门,pingtan --pay 6000 2>&1)
NEED=$(sed -n 's/^need //p' <<<"$out")
check "Xiamen records the need over ssh" [ -n "$NEED" ]
as xiamen job need report "$NEED" >/dev/null 2>&1
out=$(as center job need list --format json 2>&1)
check "the center sees it reported, the level from the case" python3 -c '
import json, sys
rows = json.load(sys.stdin)
sys.exit(0 if rows and rows[0]["state"] == "reported" and
    "(案件 " in rows[0]["occupations"] else 1)' <<<"$out"

as center job employer add 鹭江精工 --city xiamen --taiwan-funded >/dev/null 2>&1
out=$(as center job post add --employer 鹭江精工 --occupation "$OCC" \
    --min-level 5 --openings 2 --pay 6000-9000 --closes 2099-12-31 2>&1)
POST=$(sed -n 's/^posting //p' <<<"$out")
check "the center adds a posting over ssh" [ -n "$POST" ]
out=$(as xiamen job post add --employer 鹭江精工 --occupation "$OCC" \
    --pay 1-2 --closes 2099-12-31 2>&1); rc=$?
check "a city cannot add postings" [ "$rc" -eq 3 ]

# Wider than 80 columns: the reason takes the room.
tmux_ssh ctr 120 24 center center
check "the center's menu has the employment group" wait_screen ctr "就业 Employment"
tmux_ send-keys -t ctr j
check "the postings list shows the draft" wait_screen ctr "草稿 Draft"
tmux_ send-keys -t ctr F2
check "F2 offers the steps of a draft" wait_screen ctr "发布 Publish"
tmux_ send-keys -t ctr -l '发布'
tmux_ send-keys -t ctr Enter
check "the posting is published" wait_screen ctr "已完成 Done: publish"
tmux_ send-keys -t ctr Enter
check "Enter shows who fits, with the reason" wait_screen ctr "同职业 $OCC"
check "and the city wanted" wait_screen ctr "意向城市 厦门市"
tmux_ send-keys -t ctr F2
check "the center proposes the match" wait_screen ctr "已推荐给所在城市"

tmux_ssh xm 80 24 xiamen xiamen
wait_screen xm "就业 Employment" >/dev/null
tmux_ send-keys -t xm m
check "Xiamen sees the proposal" wait_screen xm "已推荐 Proposed"
tmux_ send-keys -t xm Enter
check "Enter offers the outcomes the state allows" wait_screen xm "录用 Hired"
tmux_ send-keys -t xm -l '录用'
tmux_ send-keys -t xm Enter
check "Xiamen records the hire" wait_screen xm "已录用 Hired"
out=$(as center job post list --format json 2>&1)
check "the posting's openings counted down from 2 to 1" python3 -c '
import json, sys
rows = json.load(sys.stdin)
sys.exit(0 if rows and rows[0]["openings"] == 1 else 1)' <<<"$out"
out=$(as center job match posting "$POST" --format csv 2>&1)
check "placed, the person no longer shows among those who fit (CSV)" python3 -c '
import csv, io, sys
rows = list(csv.DictReader(io.StringIO(sys.stdin.read(), newline="")))
sys.exit(0 if len(rows) == 0 else 1)' <<<"$out"
out=$(as xiamen job match list --format json 2>&1)
check "Xiamen's list shows the hire and one opening left" python3 -c '
import json, sys
rows = json.load(sys.stdin)
sys.exit(0 if rows and rows[0]["state"] == "hired" and
    rows[0]["openings"] == 1 and "同职业" in rows[0]["reason"] else 1)' <<<"$out"
esc_to_menu xm
tmux_ send-keys -t xm q
esc_to_menu ctr
tmux_ send-keys -t ctr q
done_testing
