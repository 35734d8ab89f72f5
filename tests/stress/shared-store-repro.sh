#!/usr/bin/env bash
# The reproduction of issue #23, run N times: `outflowctl run` delivering one
# destination while 50 `outflowctl ingest` processes write the same store one
# after the other. Each run must end with PRAGMA integrity_check = ok and no
# "malformed" in any log. Not part of ctest (tst_store_multiprocess is the
# test); a manual check against a given build:
#
#   tests/stress/shared-store-repro.sh build/release/app/outflowctl 20
set -euo pipefail
ctl=$(realpath "${1:?outflowctl binary}")
runs=${2:-20}
command -v sqlite3 >/dev/null || { echo "needs the sqlite3 command (Debian package sqlite3)" >&2; exit 2; }
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$work"' EXIT
cd "$work"

# 10,000 fragments over 2,000 people, tier gold/silver at random, 50 files of 200.
awk 'BEGIN { srand(23); for (i = 0; i < 10000; i++) {
        p = int(rand() * 2000); tier = rand() < 0.5 ? "gold" : "silver";
        printf "{\"identityMap\":{\"email\":[{\"id\":\"p%d@x.test\",\"primary\":true}]},\"person\":{\"name\":{\"firstName\":\"F%d\"}},\"loyalty\":{\"tier\":\"%s\"}}\n", p, i, tier } }' \
    | split -l 200 -d -a 2 - chunk.

"$ctl" receiver --port 19698 >receiver.log 2>&1 &
bad=0
for run in $(seq 1 "$runs"); do
    S="$work/o$run.db"
    "$ctl" --store "$S" destination add --name R --endpoint http://127.0.0.1:19698/in >/dev/null
    "$ctl" --store "$S" audience add --name Gold --rule 'loyalty.tier = "gold"' >/dev/null
    "$ctl" --store "$S" activate R --audience Gold --attribute person.name.firstName >/dev/null
    "$ctl" --store "$S" run >"run$run.log" 2>&1 &
    engine=$!
    for f in chunk.*; do "$ctl" --store "$S" ingest "$f" >>"ingest$run.log" 2>&1 || true; done
    kill "$engine"; wait "$engine" 2>/dev/null || true
    check=$(sqlite3 "$S" 'pragma integrity_check')
    malformed=$(cat "run$run.log" "ingest$run.log" | grep -c malformed || true)
    echo "run $run: integrity_check=$check, malformed lines=$malformed"
    if [ "$check" != ok ] || [ "$malformed" != 0 ]; then bad=$((bad + 1)); fi
done
echo "$((runs - bad)) of $runs runs clean"
[ "$bad" -eq 0 ]
