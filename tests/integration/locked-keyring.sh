#!/usr/bin/env bash
# Runs a test binary against a Secret Service whose login keyring exists but
# is locked, as after a login that did not unlock it: a first D-Bus session
# creates the keyring with a password, a second one starts gnome-keyring
# without unlocking it. No display, so the unlock prompt cannot appear.
# Usage: locked-keyring.sh TEST_BINARY [ARGS…]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
mkdir -p "$dir/data" "$dir/runtime"
chmod 700 "$dir/runtime"
export XDG_DATA_HOME="$dir/data" XDG_RUNTIME_DIR="$dir/runtime"
unset DISPLAY WAYLAND_DISPLAY
export OUTFLOW_KEYRING_SH="$root/tools/keyring.sh"

head -c 18 /dev/urandom | base64 | dbus-run-session -- bash -c \
    'source "$OUTFLOW_KEYRING_SH"; outflow_keyring_start --unlock; outflow_keyring_stop' 2>/dev/null
[ -f "$dir/data/keyrings/login.keyring" ] || { echo "no login keyring was created" >&2; exit 1; }

dbus-run-session -- bash -c \
    'source "$OUTFLOW_KEYRING_SH"; outflow_keyring_start --start; "$@"; rc=$?; outflow_keyring_stop; exit $rc' \
    locked-keyring "$@" 2> >(grep -v -e "fd limit" -e "cannot open display" -e "SystemPrompter" -e "^$" >&2)
