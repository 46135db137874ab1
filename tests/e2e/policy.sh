#!/bin/bash
# Policy questions over the real ssh client in tmux: the center publishes
# answers over ssh; at Xiamen's window a question typed as 補貼 finds the
# answer written with 补贴 as it is typed (the bytes each key costs on the
# wire are counted on the pane), and is answered on the spot; a question
# the base cannot answer is forwarded, replied to at the center and
# published to the base in one go, seen in Xiamen's inbox, after which
# the same question finds it.
. "$(dirname "$0")/lib.sh"

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
start_server

as() {
	local user=$1
	shift
	$(ssh_cmd "$user" "$user") "$@"
}

DOC='闽台资〔2024〕12号'
out=$(as center policy doc add "$DOC" --title '台胞职业培训补贴申领办法' \
    --issued 2024-12-01 2>&1)
check "the center adds a policy document over ssh" grep -q '^document ' <<<"$out"
out=$(as xiamen policy publish --title 'x' --body 'y' --doc "$DOC" \
    --valid-until 2030-01-01 2>&1); rc=$?
check "a city cannot publish for the province" [ "$rc" -eq 3 ]
while IFS='|' read -r title tags body; do
	# ssh joins the words: quote what holds a space for the far side.
	as center policy publish --title "$title" --tags "'$tags'" \
	    --body "'$body'" --doc "$DOC" --valid-until 2030-12-31 \
	    </dev/null >/dev/null 2>&1 || not_ok "publish $title"
done <<'ANSWERS'
职业培训补贴怎么申请|补贴 培训|取得证书的台胞由中心代为申报职业培训补贴。
考试时间和地点怎么知道|考证 考试|中心发布组团考试计划，城市通知报名的台胞。
中心如何推荐岗位|就业 岗位|中心按职业、等级和意向城市推荐岗位。
ANSWERS
out=$(as xiamen policy find '补贴' --format json 2>&1)
check "the answers are in the base" python3 -c '
import json, sys
rows = json.load(sys.stdin)
sys.exit(0 if rows and rows[0]["title"] == "职业培训补贴怎么申请" else 1)' <<<"$out"

tmux_ssh xm 80 24 xiamen xiamen
check "Xiamen's menu has the policy group" wait_screen xm "政策咨询 Policy"
wait_stable xm
tmux_ pipe-pane -t xm -o "cat >> $TMP/xm.bytes"
sleep 0.3
tmux_ send-keys -t xm w
check "the window opens" wait_screen xm "咨询 Question"
wait_stable xm
full=$(stat -c %s "$TMP/xm.bytes" 2>/dev/null || echo 0)
bytes=0
keys=0
sizes=""
for ch in 補 貼 怎 麼; do
	before=$(stat -c %s "$TMP/xm.bytes" 2>/dev/null || echo 0)
	tmux_ send-keys -t xm -l "$ch"
	wait_stable xm
	after=$(stat -c %s "$TMP/xm.bytes")
	sizes="$sizes $((after - before))"
	bytes=$((bytes + after - before))
	keys=$((keys + 1))
done
tmux_ pipe-pane -t xm
check "補貼 finds the answer written with 补贴, as it is typed" \
    wait_screen xm "职业培训补贴怎么申请"
echo "# search as you type: bytes a key over the wire:$sizes" \
    "(mean $((bytes / keys))); the screen drawn whole: $full"
check "a key repaints the rows, not the screen (mean $((bytes / keys)) bytes)" \
    [ "$((bytes / keys))" -lt 1500 ]

tmux_ send-keys -t xm Tab Tab
sleep 0.3
tmux_ send-keys -t xm Enter
check "Enter shows the selected answer with its document" wait_screen xm "$DOC"
tmux_ send-keys -t xm Enter
check "and asks whether to answer with it" wait_screen xm "Answer the question"
tmux_ send-keys -t xm y
check "the question is answered on the spot" wait_screen xm "已当场答复"
out=$(as xiamen policy list --format json 2>&1)
check "recorded with the answer used" python3 -c '
import json, sys
rows = json.load(sys.stdin)
sys.exit(0 if rows and rows[0]["state"] == "answered" and
    rows[0]["answer"] == "职业培训补贴怎么申请" and
    rows[0]["text"] == "補貼怎麼" else 1)' <<<"$out"

Q='台胞子女可以在厦门上幼儿园吗'
tmux_ send-keys -t xm -l "$Q"
wait_stable xm
tmux_ send-keys -t xm F5
check "a question the base cannot answer is forwarded" wait_screen xm "已转中心"
esc_to_menu xm

tmux_ssh ctr 80 24 center center
check "the center's menu has the policy group" wait_screen ctr "政策咨询 Policy"
# The queue has no letter: the group's number, then the item's.
tmux_ send-keys -t ctr "$(menu_group ctr "政策咨询 Policy")"
check "the group shows the forwarded questions first" \
	wait_screen ctr "1  待答咨询 Forwarded"
tmux_ send-keys -t ctr 1
check "the question is in the center's queue" wait_screen ctr "幼儿园"
tmux_ send-keys -t ctr Enter
check "Enter asks for the reply" wait_screen ctr "中心答复 Reply"
tmux_ send-keys -t ctr -l '可以，凭居住证就近入园。'
tmux_ send-keys -t ctr Enter
check "replied, the center is asked to publish too" wait_screen ctr "Publish the reply"
tmux_ send-keys -t ctr y
check "and for the document" wait_screen ctr "文号"
tmux_ send-keys -t ctr -l "$DOC"
tmux_ send-keys -t ctr Enter
check "the reply is published to the base" wait_screen ctr "published as answer"

tmux_ send-keys -t xm g
check "the reply is in Xiamen's inbox, unread" wait_screen xm "未读"
check "with its text" wait_screen xm "凭居住证"
tmux_ send-keys -t xm F2
check "Xiamen says the person was told" wait_screen xm "已告知台胞"
out=$(as xiamen policy list --queue inbox --format json 2>&1)
check "the notice was given and the inbox row read" python3 -c '
import json, sys
rows = json.load(sys.stdin)
sys.exit(0 if rows and rows[0]["state"] == "notified" and
    rows[0]["notice"] == "given" and rows[0]["inbox"].startswith("已读")
    else 1)' <<<"$out"
out=$(as xiamen policy find "$Q" --format json 2>&1)
check "the same question now finds the published reply first" python3 -c '
import json, sys
rows = json.load(sys.stdin)
sys.exit(0 if rows and rows[0]["title"] == sys.argv[1] and
    "居住证" in rows[0]["body"] else 1)' "$Q" <<<"$out"
out=$(as xiamen policy find '！？' 2>&1); rc=$?
check "punctuation alone is a clear refusal" [ "$rc" -eq 1 ]
check "in both languages" grep -q "type words to search for" <<<"$out"
esc_to_menu xm
tmux_ send-keys -t xm q
esc_to_menu ctr
tmux_ send-keys -t ctr q
done_testing
