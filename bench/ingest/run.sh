#!/usr/bin/env bash
# bench/ingest: builds the `bench` preset, then prints ingest beside its
# references of the same run (reader only, bare SQLite, SQLite's own merge
# floor) and segmentation beside ingest alone, each with its ratio to the
# DESIGN §7 target. By hand only: CI (.ci/run) never calls it.
#
#   bench/ingest/run.sh            # 1,000,000 fragments over 200,000 people (DESIGN §7's run)
#   bench/ingest/run.sh --quick    # 200,000 over 40,000: both benches in a few minutes
# Further options go to both benches (--dir DIR keeps their files).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../../tools/common.sh"

fragments=1000000
persons=200000
if [ "${1:-}" = "--quick" ]; then
    fragments=200000
    persons=40000
    shift
fi

outflow_install_packages
outflow_build bench ingest_bench segmentation_bench

bin="$OUTFLOW_ROOT/build/bench/bench"
echo "# bench/ingest $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "## ingest ($fragments fragments, $persons people)"
"$bin/ingest_bench" --fragments "$fragments" --persons "$persons" "$@"
echo
echo "## segmentation (the same shape, 20 rule audiences)"
"$bin/segmentation_bench" --fragments "$fragments" --persons "$persons" "$@"
echo "load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
