#!/bin/bash
# make bench: the queues at scale. A temporary database gets three users
# (a center reviewer, clerks of Fuzhou and Xiamen) and a small invented
# catalog (seed-catalog), then BENCH_CASES cases (default 1000000) from
# `qualdesk demo-data`, through the triggers as real ones; then
# bench-cases times the data-layer calls the screens and commands make,
# and prints their query plans; bench-exam (BENCH_EXAM_PROG, when set)
# times the exam demand table and a plan's registration list on the same
# database, which demo-data filled with one exam demand per five cases,
# and bench-report (when BENCH_REPORT_PROG names it) every report
# indicator for a year by office and the monthly PDF.
set -u

: "${QUALDESK:?QUALDESK must name the built binary}"
BENCH_CASES_PROG=${BENCH_CASES_PROG:?BENCH_CASES_PROG must name bench-cases}
SEED_CATALOG=${SEED_CATALOG:?SEED_CATALOG must name seed-catalog}
N=${BENCH_CASES:-1000000}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/qualdesk-bench-cases.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
trap 'exit 1' INT TERM
DB="$TMP/cases.db"

qd() {
	"$QUALDESK" --db "$DB" "$@" >/dev/null 2>&1
}
qd user add bench-center --role center --name 中心审核员 &&
qd user add bench-fz --role clerk --office fuzhou --name 福州窗口 &&
qd user add bench-xm --role clerk --office xiamen --name 厦门窗口 &&
"$SEED_CATALOG" "$DB" || { echo "bench-cases: setup failed" >&2; exit 1; }

echo "== qualdesk demo-data --cases $N"
t0=$(date +%s%N)
if [ -x /usr/bin/time ]; then
	/usr/bin/time -f 'demo-data: %e s wall, %U s user, %S s system, peak RSS %M kB' \
	    "$QUALDESK" --db "$DB" demo-data --cases "$N" || exit 1
else
	"$QUALDESK" --db "$DB" demo-data --cases "$N" || exit 1
fi
t1=$(date +%s%N)
ms=$(( (t1 - t0) / 1000000 ))
printf 'generation of %d cases: %d.%03d s\n' "$N" $((ms / 1000)) $((ms % 1000))
size=0
for f in "$DB" "$DB-wal"; do
	[ -f "$f" ] && size=$((size + $(stat -c %s "$f")))
done
printf 'database size: %d MB (with its WAL)\n' $((size / 1048576))

"$BENCH_CASES_PROG" "$DB" || exit 1
if [ -n "${BENCH_EXAM_PROG:-}" ]; then
	"$BENCH_EXAM_PROG" "$DB" || exit 1
fi
# The reports on the same database: every indicator for a year by office.
if [ -n "${BENCH_REPORT_PROG:-}" ]; then
	"$BENCH_REPORT_PROG" "$DB" || exit 1
	"$BENCH_REPORT_PROG" --worst "$DB" 10 || exit 1
fi
