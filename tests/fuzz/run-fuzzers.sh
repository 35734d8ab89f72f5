#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz with clang (ASan + UBSan) and runs
# each for a bounded time on its seed corpus.
#
#   tests/fuzz/run-fuzzers.sh [SECONDS]     SECONDS per target, default 60
#
# Builds in build/fuzz, or in $OUTFLOW_FUZZ_BUILD_DIR (ctest sets it to its own
# build tree so that two builds never share one). Inputs the fuzzer finds go to
# the build directory's corpus, never into the committed seeds; a crashing
# input is written to <build>/artifacts/ and the script fails. Add it to
# tests/fuzz/corpus/<target>/ once the bug is fixed.
#
# Needs clang++ and clang's libFuzzer runtime (Debian: clang, libclang-rt-14-dev).
set -euo pipefail

seconds=${1:-60}
if ! [[ "$seconds" =~ ^[0-9]+$ ]] || [ "$seconds" -lt 1 ]; then
    echo "usage: $0 [SECONDS]" >&2
    exit 2
fi
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=${OUTFLOW_FUZZ_BUILD_DIR:-$root/build/fuzz}

command -v clang++ >/dev/null || { echo "clang++ not found (Debian package: clang)" >&2; exit 1; }
configure=(-S "$root/tests/fuzz" -B "$build" -DCMAKE_CXX_COMPILER=clang++)
command -v ninja >/dev/null && configure+=(-G Ninja)
command -v ccache >/dev/null && configure+=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
mkdir -p "$build"
if [ ! -f "$build/CMakeCache.txt" ]; then
    cmake "${configure[@]}" >"$build/configure.log" 2>&1 \
        || { cat "$build/configure.log" >&2; exit 1; }
fi
cmake --build "$build"

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:strict_string_checks=1:${ASAN_OPTIONS:-}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:${UBSAN_OPTIONS:-}"

# target:seeds — the seeds and the dictionary are tests/fuzz/corpus/<seeds>/
# and tests/fuzz/<seeds>.dict.
status=0
for pair in ndjsonreader:ndjson csvreader:csv ruleparser:rules; do
    target=${pair%%:*}
    seeds=${pair#*:}
    corpus="$build/corpus/$seeds"
    mkdir -p "$corpus" "$build/artifacts"
    echo "== fuzz_$target for ${seconds}s"
    # The first corpus directory receives the new inputs; the seeds are only read.
    "$build/fuzz_$target" \
        -max_total_time="$seconds" -rss_limit_mb=2048 -max_len=4096 -timeout=10 \
        -dict="$root/tests/fuzz/$seeds.dict" -print_final_stats=1 \
        -artifact_prefix="$build/artifacts/$target-" \
        "$corpus" "$root/tests/fuzz/corpus/$seeds" || status=$?
done
exit "$status"
