#!/usr/bin/env bash
# bench/delivery kill -9 harness (DESIGN §7: "kill -9 during a 100 k export
# run, then restart: 0 exports lost"), through the real sender of
# `outflowctl run`:
#
#   1. nginx (the benchmark's harness, `delivery_bench --serve`) logs one line
#      per request: "STATUS X-Outflow-Export-Id";
#   2. a store with N exports queued for it (`delivery_bench --prepare-outbox`);
#   3. `outflowctl run --until-idle` delivers; at half of N received it gets kill -9;
#   4. `outflowctl run --until-idle` again finishes the outbox;
#   5. the log must hold every export id at least once; duplicates (sent
#      again after the kill, before their rows were removed) are counted and
#      allowed — at-least-once delivery. Exit 1 when any id is missing.
#
#   bench/delivery/kill9.sh [EXPORTS]     # default 100000; by hand, never in CI
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../../tools/common.sh"

exports=${1:-100000}
outflow_install_packages
outflow_build bench >/dev/null
bench="$OUTFLOW_ROOT/build/bench/bench/delivery_bench"
outflowctl="$OUTFLOW_ROOT/build/bench/app/outflowctl"
[ -x "$outflowctl" ] || outflowctl=$(find "$OUTFLOW_ROOT/build/bench" -name outflowctl -type f -perm -u+x | head -1)

work=$(mktemp -d)
server_pid="" engine_pid=""
cleanup() {
    # Only the processes this script started, by their ids.
    [ -n "$engine_pid" ] && kill -9 "$engine_pid" 2>/dev/null || true
    exec 3>&- 2>/dev/null || true # stdin of --serve: nginx stops gracefully
    [ -n "$server_pid" ] && wait "$server_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
# outflowctl reads and writes nothing of the user's.
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_CACHE_HOME="$work/cache"

elapsed() { awk -v s="$start" -v n="$(date +%s.%N)" 'BEGIN {printf "%.1f", n - s}'; }
received() { awk '$1 ~ /^2/' "$work/received.log" 2>/dev/null | wc -l; }

mkfifo "$work/ctl"
"$bench" --serve "$work/received.log" <"$work/ctl" >"$work/serve.out" 2>&1 &
server_pid=$!
exec 3>"$work/ctl"
for _ in $(seq 1 150); do grep -q '^h2c ' "$work/serve.out" && break; sleep 0.1; done
url=$(awk '$1 == "http" {print $2}' "$work/serve.out")
[ -n "$url" ] || { cat "$work/serve.out" >&2; exit 1; }

"$bench" --prepare-outbox "$work/store.sqlite" --url "$url" --exports "$exports"
echo "nginx at $url; $exports exports queued"

echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
start=$(date +%s.%N)
"$outflowctl" --store "$work/store.sqlite" run --until-idle >"$work/run1.log" 2>&1 &
engine_pid=$!
half=$((exports / 2))
waited=0
while [ "$(received)" -lt "$half" ]; do
    sleep 0.2
    waited=$((waited + 1))
    if [ "$waited" -ge 100 ] && [ "$(received)" -eq 0 ]; then
        echo "nothing received in 20 s from outflowctl run:"
        cat "$work/run1.log"
        exit 1
    fi
    kill -0 "$engine_pid" 2>/dev/null || { echo "outflowctl run exited early:"; cat "$work/run1.log"; exit 1; }
done
kill -9 "$engine_pid"
wait "$engine_pid" 2>/dev/null || true
engine_pid=""
echo "kill -9 after $(elapsed) s, $(received) received"

timeout 600 "$outflowctl" --store "$work/store.sqlite" run --until-idle >"$work/run2.log" 2>&1 \
    || { echo "restart failed:"; cat "$work/run2.log"; exit 1; }
echo "restart: $(tr '\n' ' ' <"$work/run2.log")"
echo "total $(elapsed) s; load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
exec 3>&- # nginx stops; --serve writes the final log
wait "$server_pid" || true
server_pid=""

awk '$1 ~ /^2/ {print $2}' "$work/received.log" | sort | uniq -c >"$work/counts"
distinct=$(wc -l <"$work/counts")
duplicates=$(awk '$1 > 1 {n += $1 - 1} END {print n + 0}' "$work/counts")
missing=$((exports - distinct))
echo "exports $exports, distinct ids received $distinct, duplicates $duplicates, missing $missing"
[ "$missing" -eq 0 ]
