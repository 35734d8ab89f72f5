#!/usr/bin/env bash
# bench/delivery: builds the `bench` preset, installs what the clients need,
# and runs every configuration (0 ms and 50 ms endpoints × HTTP/1.1, h2c and
# h2 over TLS), appending the report to a results file. By hand only: CI
# (.ci/run) never calls it — two shared cores make timings noise there.
#
#   bench/delivery/run.sh                      # 200,000 exports, every configuration, twice
#   bench/delivery/run.sh --quick              # one-body sender beside the bare QNAM, wrk and
#                                              # h2load, then batches: under 10 minutes
#   bench/delivery/run.sh --exports 20000 --repeat 1 --latency 0 --protocols http1
#   bench/delivery/run.sh --clients wrk,qnam --qnam 2:4:6
# Any option of delivery_bench (--help) overrides the defaults below.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../../tools/common.sh"

outflow_install_packages # nginx, its echo module, wrk, node (tools/debian-packages.txt)
# h2load is the HTTP/2 ceiling; only the benchmark needs it, so it is not in
# the project's package list (CI would install it for nothing).
if ! command -v h2load >/dev/null; then
    if [ "$(id -u)" -eq 0 ]; then
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
            nghttp2-client >/dev/null || echo "h2load unavailable: its rows will say so" >&2
    else
        echo "h2load missing (apt-get install nghttp2-client): its rows will say so" >&2
    fi
fi
outflow_install_test_peers # undici 6.29.1, pinned in tests/peers/package-lock.json
outflow_build bench

results_dir="$OUTFLOW_ROOT/build/bench/delivery-results"
mkdir -p "$results_dir"
results="$results_dir/$(date +%Y%m%d-%H%M%S).txt"
# --quick brings its own lengths (delivery_bench --help): under 10 minutes.
defaults=(--repeat 2 --max-seconds 30)
for argument in "$@"; do
    [ "$argument" = "--quick" ] && defaults=()
done
"$OUTFLOW_ROOT/build/bench/bench/delivery_bench" --source-dir "$OUTFLOW_ROOT" \
    "${defaults[@]}" --output "$results" "$@"
echo "results: $results"
