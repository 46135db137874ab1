#!/bin/bash
# make bench: certificates. A temporary database gets a small invented
# catalog and BENCH_CERT_CASES cases (default 20000) from demo-data, whose
# approved cases get their certificates through the same code as an
# approval. Then: the QR text's size, and the time and size of the PDFs
# and of verification, each the median of several runs of the command.
set -u

: "${QUALDESK:?QUALDESK must name the built binary}"
SEED_CATALOG=${SEED_CATALOG:?SEED_CATALOG must name seed-catalog}
N=${BENCH_CERT_CASES:-20000}
RUNS=${BENCH_CERT_RUNS:-15}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/qualdesk-bench-certs.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
trap 'exit 1' INT TERM
DB="$TMP/certs.db"

qd() {
	"$QUALDESK" --db "$DB" "$@"
}
sql() {
	sqlite3 -readonly "$DB" "$1"
}
# The median wall time of RUNS runs of a command, in milliseconds.
median_ms() {
	local i t0 t1
	for i in $(seq "$RUNS"); do
		t0=$(date +%s%N)
		"$@" >/dev/null 2>&1
		t1=$(date +%s%N)
		echo $(( (t1 - t0) / 1000 ))
	done | sort -n | awk '{ a[NR] = $1 } END { m = a[int((NR + 1) / 2)];
	    printf "%d.%03d", m / 1000, m % 1000 }'
}

"$SEED_CATALOG" "$DB" 2>/dev/null || { echo "bench-certs: no catalog" >&2; exit 1; }
echo "== certificates: demo-data --cases $N"
t0=$(date +%s%N)
qd demo-data --cases "$N" >/dev/null || exit 1
t1=$(date +%s%N)
printf 'demo-data with %s certificates: %d ms\n' \
    "$(sql "SELECT count(*) FROM certificates")" $(( (t1 - t0) / 1000000 ))
sql "SELECT 'QR text: ' || min(length(qr_text)) || ' to ' ||
    max(length(qr_text)) || ' characters, mean ' ||
    CAST(avg(length(qr_text)) AS INTEGER) FROM certificates"

NUM=$(sql "SELECT number FROM certificates ORDER BY length(qr_text) DESC
    LIMIT 1")
TEXT=$(sql "SELECT qr_text FROM certificates WHERE number = '$NUM'")
qd cert pdf "$NUM" > "$TMP/one.pdf"
printf 'cert pdf, one page: %s bytes, median %s ms (%d runs)\n' \
    "$(stat -c %s "$TMP/one.pdf")" \
    "$(median_ms qd cert pdf "$NUM")" "$RUNS"
read -r DAY PAGES < <(sql "SELECT issued_on, count(*) FROM certificates
    WHERE office_id = 1 AND revoked_at IS NULL GROUP BY issued_on
    ORDER BY count(*) DESC LIMIT 1" | tr '|' ' ')
qd cert batch --office fuzhou --date "$DAY" --all > "$TMP/batch.pdf"
printf 'cert batch, %s pages: %s bytes, median %s ms\n' "$PAGES" \
    "$(stat -c %s "$TMP/batch.pdf")" \
    "$(median_ms qd cert batch --office fuzhou --date "$DAY" --all)"
printf 'cert verify against the database: median %s ms\n' \
    "$(median_ms qd cert verify "$TEXT")"
qd cert pubkey > "$TMP/key.pem"
printf 'cert verify offline with --key: median %s ms\n' \
    "$(median_ms qd cert verify --key "$TMP/key.pem" "$TEXT")"
