#!/usr/bin/env bash
# bench/metrics: builds the `bench` preset and runs metrics_bench (delivery to
# a local nginx with monitoring off and on, alternately, in one process),
# appending its report to a results file. By hand only: CI (.ci/run) never
# calls it — two shared cores make timings noise there.
#
#   bench/metrics/run.sh                          # 50,000 exports a run, 3 runs of each mode
#   bench/metrics/run.sh --exports 200000 --repeat 5
# Any option of metrics_bench (--help) overrides the defaults.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../../tools/common.sh"

outflow_install_packages # nginx (tools/debian-packages.txt)
outflow_build bench

results_dir="$OUTFLOW_ROOT/build/bench/metrics-results"
mkdir -p "$results_dir"
results="$results_dir/$(date +%Y%m%d-%H%M%S).txt"
"$OUTFLOW_ROOT/build/bench/bench/metrics_bench" "$@" | tee "$results"
echo "results: $results"
