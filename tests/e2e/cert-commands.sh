#!/bin/bash
# Certificates as an office and a verifier get them over the real ssh
# client: the PDF, read back as an image by a real QR reader whose text
# verifies, offline too; the holder's name in the PDF's text; a changed
# byte refused; another office kept out; the day's batch; revocation and
# an explicit replacement.
. "$(dirname "$0")/lib.sh"

: "${SEED_CATALOG:?SEED_CATALOG must name seed-catalog}"
for tool in pdftoppm pdftotext pdfinfo zbarimg; do
	command -v "$tool" >/dev/null ||
	    bail "$tool is missing: install the Debian packages poppler-utils and zbar-tools"
done
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
qd demo-data --cases 400 >/dev/null || bail "demo-data failed"
sql() {
	sqlite3 -readonly "$DB" "$1"
}
# A Fuzhou certificate not yet printed, and its holder.
N=$(sql "SELECT number FROM certificates WHERE office_id = 1 AND
    printed_at IS NULL ORDER BY id LIMIT 1")
[ -n "$N" ] || bail "demo-data issued no Fuzhou certificate to print"
NAME=$(sql "SELECT name FROM certificates WHERE number = '$N'")
start_server

as() {
	local user=$1
	shift
	$(ssh_cmd "$user" "$user") "$@"
}

# --- The PDF, read back by a QR reader ------------------------------------
as fuzhou cert pdf "$N" > "$TMP/cert.pdf"; rc=$?
check "cert pdf over ssh exits 0" [ "$rc" -eq 0 ]
check "and writes a PDF" [ "$(head -c 5 "$TMP/cert.pdf")" = "%PDF-" ]
check "of one A4 page" bash -c "pdfinfo '$TMP/cert.pdf' |
    grep -q '^Pages: *1$' && pdfinfo '$TMP/cert.pdf' |
    grep -q 'Page size: *595.* x 841.*(A4)'"
check "whose text has the holder's Chinese name and the number" \
    bash -c "pdftotext '$TMP/cert.pdf' - | tr -d ' ' |
    grep -q '$NAME' && pdftotext '$TMP/cert.pdf' - | grep -q '$N'"
check "and the template's statement" bash -c "pdftotext '$TMP/cert.pdf' - |
    tr -d ' \n' | grep -q '经比对采信，持证人具备大陆地区以下相当水平'"
check "with its font embedded" bash -c "pdffonts '$TMP/cert.pdf' |
    awk 'NR > 2 && \$(NF - 4) != \"yes\" { bad = 1 } END { exit bad }'"
pdftoppm -r 150 -png "$TMP/cert.pdf" "$TMP/page"
TEXT=$(zbarimg --raw -q "$TMP"/page-1.png 2>/dev/null | tr -d '\n')
check "zbarimg reads the QR code from the rendered page" [ -n "$TEXT" ]
check "exactly the text on record" \
    [ "$TEXT" = "$(sql "SELECT qr_text FROM certificates WHERE number = '$N'")" ]

# --- Verification: any office, offline, tampering -------------------------
# The text has spaces (Base45 has one): quoted once more for the server.
out=$(as xiamen cert verify "'$TEXT'" 2>&1); rc=$?
check "another office verifies what the reader read" [ "$rc" -eq 0 ]
check "VALID, with the number and the holder" bash -c \
    "[ '$(head -n 1 <<<"$out")' = '证书有效 VALID' ] &&
    grep -q '^number *$N\$' <<<'$out' && grep -q '^name *$NAME\$' <<<'$out'"
as center cert pubkey > "$TMP/cert-key.pem"
check "cert pubkey prints a PEM public key" \
    grep -q -- '-----BEGIN PUBLIC KEY-----' "$TMP/cert-key.pem"
if command -v openssl >/dev/null; then
	check "that openssl reads as an Ed25519 key" bash -c \
	    "openssl pkey -pubin -in '$TMP/cert-key.pem' -noout -text |
	    grep -q ED25519"
fi
out=$(qd cert verify --key "$TMP/cert-key.pem" "$TEXT" 2>&1); rc=$?
check "verifies offline with only the public key" [ "$rc" -eq 0 ]
# Offline means no database: none is opened, none is made.
out=$("$QUALDESK" --db "$TMP/none/absent.db" cert verify --key \
    "$TMP/cert-key.pem" "$TEXT" 2>&1); rc=$?
check "verifies offline where there is no database ($rc: $out)" \
    [ "$rc" -eq 0 ]
check "and says it is valid" grep -q 'VALID' <<<"$out"
check "without making the database or its folder" [ ! -e "$TMP/none" ]
out=$(cd "$TMP" && "$QUALDESK" --db absent.db cert verify --key \
    "$TMP/cert-key.pem" "$TEXT" 2>&1); rc=$?
check "nor a database where it runs" [ "$rc" -eq 0 ] && [ ! -e "$TMP/absent.db" ]
out=$(printf '%s\n' "$TEXT" | as xiamen cert verify - --format json)
check "reads the text from standard input, JSON out" python3 -c '
import json, sys
r = json.load(sys.stdin)
sys.exit(0 if r["result"] == "valid" and r["number"] == sys.argv[1] else 1)' \
    "$N" <<<"$out"
# One byte of the signed record changed, re-encoded as a reader would give it.
BAD=$(python3 - "$TEXT" <<'PY'
import sys
A = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
t = sys.argv[1][len("QDC1:"):]
v = [A.index(c) for c in t]
out = bytearray()
for i in range(0, len(v), 3):
    g = v[i:i + 3]
    if len(g) == 3:
        n = g[0] + g[1] * 45 + g[2] * 2025
        out += bytes([n >> 8, n & 255])
    else:
        out.append(g[0] + g[1] * 45)
out[20] ^= 0x01
s = ""
for i in range(0, len(out) - 1, 2):
    n = out[i] * 256 + out[i + 1]
    s += A[n % 45] + A[n // 45 % 45] + A[n // 2025]
if len(out) % 2:
    s += A[out[-1] % 45] + A[out[-1] // 45]
print("QDC1:" + s)
PY
)
out=$(printf '%s\n' "$BAD" | as xiamen cert verify - 2>&1); rc=$?
check "one byte changed in the record fails" [ "$rc" -eq 1 ]
check "as a changed certificate" grep -q "signature does not match" <<<"$out"
out=$(qd cert verify --key "$TMP/cert-key.pem" "$BAD" 2>&1); rc=$?
check "offline too" [ "$rc" -eq 1 ]
out=$(printf '%s\n' "${TEXT:0:100}" | as xiamen cert verify - 2>&1); rc=$?
check "a truncated text fails" [ "$rc" -eq 1 ]
out=$(as xiamen cert verify "hello" 2>&1); rc=$?
check "so does text that is no certificate" bash -c \
    "[ $rc -eq 1 ] && grep -q 'not a qualdesk certificate'" <<<"$out"

# --- Scope, the day's batch, printing -------------------------------------
out=$(as xiamen cert pdf "$N" 2>&1 >/dev/null); rc=$?
check "another office gets no PDF of it" [ "$rc" -eq 1 ]
DAY=$(sql "SELECT issued_on FROM certificates WHERE number = '$N'")
WANT=$(sql "SELECT count(*) FROM certificates WHERE office_id = 1 AND
    issued_on = '$DAY' AND revoked_at IS NULL")
as fuzhou cert batch --date "$DAY" --all > "$TMP/batch.pdf"; rc=$?
check "cert batch writes the office's day" [ "$rc" -eq 0 ]
check "one page per certificate of that day ($WANT)" bash -c \
    "pdfinfo '$TMP/batch.pdf' | grep -q '^Pages: *$WANT\$'"
out=$(as center cert batch --date "$DAY" 2>&1 >/dev/null); rc=$?
check "the center names the office" bash -c "[ $rc -eq 2 ] &&
    grep -q -- '--office' <<<'$out'"
out=$(as fuzhou cert printed "$N"); rc=$?
check "the office records it printed" [ "$rc" -eq 0 ]
check "once printed, the certificate says so" bash -c "$(ssh_cmd fuzhou fuzhou) \
    cert show '$N' --format json | python3 -c '
import json, sys
r = json.load(sys.stdin)
sys.exit(0 if r[\"state\"] == \"printed\" and r[\"print_count\"] == 1 else 1)'"

# --- Revocation and an explicit replacement -------------------------------
out=$(as fuzhou cert revoke "$N" --reason "录入错误" 2>&1); rc=$?
check "an office cannot revoke" [ "$rc" -eq 3 ]
out=$(as center cert revoke "$N" --reason "出生日期录入有误" 2>&1); rc=$?
check "the center revokes with a reason" [ "$rc" -eq 0 ]
out=$(as center cert revoke "$N" --reason "再次撤销" 2>&1); rc=$?
check "revoking it again is refused (exit 3), not a database fault" \
    bash -c "[ $rc -eq 3 ] && grep -q 'revoked' <<<'$out'"
out=$(printf '%s\n' "$TEXT" | as xiamen cert verify - 2>&1); rc=$?
check "verify then says revoked, and why" bash -c "[ $rc -eq 1 ] &&
    grep -q 'revoked' <<<'$out' && grep -q '出生日期录入有误' <<<'$out'"
out=$(as fuzhou cert pdf "$N" 2>&1 >/dev/null); rc=$?
check "a revoked certificate is not printed" [ "$rc" -eq 1 ]
check "nothing was issued in its place" [ "$(sql "SELECT count(*) FROM
    certificates WHERE case_id = (SELECT case_id FROM certificates WHERE
    number = '$N')")" -eq 1 ]
out=$(as center cert reissue "$N" --reason "更正出生日期后换发"); rc=$?
NEW=$(sed -n 's/ replaces .*//p' <<<"$out")
check "until the center issues a replacement" [ "$rc" -eq 0 ]
check "under the next number" [ "$NEW" = "$(sql "SELECT number FROM
    certificates ORDER BY id DESC LIMIT 1")" ]
check "which names the one it replaces" bash -c "$(ssh_cmd fuzhou fuzhou) \
    cert show '$NEW' | grep -q 'replaces *$N'"

# --- A new signing key ----------------------------------------------------
NEWTEXT=$(sql "SELECT qr_text FROM certificates WHERE number = '$NEW'")
out=$(as center cert rotate-key 2>&1); rc=$?
check "the key is not changed over ssh" [ "$rc" -ne 0 ]
qd cert rotate-key > "$TMP/new-key.pem" 2>"$TMP/rotate.err"; rc=$?
check "the admin changes it on the machine, and gets the new public key" \
    bash -c "[ $rc -eq 0 ] && grep -q 'BEGIN PUBLIC KEY' '$TMP/new-key.pem'"
out=$(printf '%s\n' "$NEWTEXT" | as xiamen cert verify - 2>&1); rc=$?
check "what the old key signed still verifies" [ "$rc" -eq 0 ]
out=$(qd cert verify --key "$TMP/new-key.pem" "$NEWTEXT" 2>&1); rc=$?
KID=$(sed -n 's/^key *//p' <<<"$(qd cert verify "$NEWTEXT")")
check "offline, the new key alone does not, and names the old key's id" \
    bash -c "[ $rc -eq 1 ] && grep -q '($KID)' <<<'$out'"
as center cert pubkey --id "$KID" > "$TMP/old-key.pem"
out=$(qd cert verify --key "$TMP/old-key.pem" "$NEWTEXT" 2>&1); rc=$?
check "with the old key fetched by that id, it does" [ "$rc" -eq 0 ]

# --- Usage ----------------------------------------------------------------
out=$(as fuzhou cert verify 2>&1); rc=$?
check "cert verify without text is a usage error" [ "$rc" -eq 2 ]
# Base45 has a space among its characters, so a code may or may not hold
# one: this one surely does, and ssh splits it into two words.
out=$(as fuzhou cert verify "${TEXT:0:20} ${TEXT:20}" 2>&1); rc=$?
check "text split at its spaces is told to quote it" bash -c "[ $rc -eq 2 ] &&
    grep -q 'quote' <<<'$out'"
out=$(as fuzhou cert list --state lost 2>&1); rc=$?
check "an unknown state is a usage error" [ "$rc" -eq 2 ]
out=$(as fuzhou cert show XX-1 2>&1); rc=$?
check "a malformed number says what one looks like" bash -c "[ $rc -eq 1 ] &&
    grep -q 'CX-2026-000123' <<<'$out'"

done_testing
