#!/bin/bash
# make bench: training and subsidies at scale. A temporary database gets
# the users and catalog of cases.sh and BENCH_TRAINING_CASES cases
# (default 1000000) from `qualdesk demo-data`; bench-training then adds
# needs, classes with enrolments and 300,000 claims through the triggers,
# and prints the list timings and the 50,000-claim xlsx export's time and
# peak memory.
set -u

: "${QUALDESK:?QUALDESK must name the built binary}"
BENCH_TRAINING_PROG=${BENCH_TRAINING_PROG:?BENCH_TRAINING_PROG must name bench-training}
SEED_CATALOG=${SEED_CATALOG:?SEED_CATALOG must name seed-catalog}
N=${BENCH_TRAINING_CASES:-1000000}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/qualdesk-bench-training.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
trap 'exit 1' INT TERM
DB="$TMP/training.db"

qd() {
	"$QUALDESK" --db "$DB" "$@" >/dev/null 2>&1
}
qd user add bench-center --role center --name 中心审核员 &&
qd user add bench-fz --role clerk --office fuzhou --name 福州窗口 &&
"$SEED_CATALOG" "$DB" || { echo "bench-training: setup failed" >&2; exit 1; }
echo "== qualdesk demo-data --cases $N"
"$QUALDESK" --db "$DB" demo-data --cases "$N" >/dev/null 2>&1 || exit 1
"$BENCH_TRAINING_PROG" "$DB"
