#!/usr/bin/env bash
# The test command: installs what is missing, builds with the `ci` preset
# (-Wall -Wextra -Werror) and runs the whole ctest suite (labels unit,
# integration, gui) with a real keychain: gnome-keyring in a private D-Bus
# session, unlocked from here. Output ends with ctest's summary; the exit code
# is ctest's.
#
#   ./tools/test.sh              the ci preset, every test
#   ./tools/test.sh --sanitize   the asan preset (ASan + UBSan), unit and integration tests
#   ./tools/test.sh [--sanitize] -R tst_settings    extra arguments go to ctest
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

preset=ci
if [ "${1:-}" = "--sanitize" ]; then
    preset=asan
    shift
fi

outflow_install_packages
outflow_install_test_peers
outflow_build "$preset"

build="$OUTFLOW_ROOT/build/$preset"
home="$build/test-home"
# A fresh keyring every run: its password is random and known only here.
rm -rf "$home/keyring"
mkdir -p "$home/keyring/data" "$home/keyring/runtime"
chmod 700 "$home/keyring/runtime"
export XDG_DATA_HOME="$home/keyring/data"
export XDG_RUNTIME_DIR="$home/keyring/runtime"
export QT_QPA_PLATFORM=offscreen
export OUTFLOW_KEYRING_PASSWORD
OUTFLOW_KEYRING_PASSWORD=$(head -c 24 /dev/urandom | base64)

if [ "$preset" = asan ]; then
    export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:strict_string_checks=1:detect_stack_use_after_return=1"
    export LSAN_OPTIONS="suppressions=$OUTFLOW_ROOT/tests/sanitizers/lsan.supp:print_suppressions=0"
    export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
fi

cd "$OUTFLOW_ROOT"
exec dbus-run-session -- "$OUTFLOW_ROOT/tools/with-keyring.sh" \
    ctest --preset "$preset" --output-on-failure "$@" 2> >(grep -v "Failed to set fd limit" >&2)
