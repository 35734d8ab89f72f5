#!/usr/bin/env bash
# Inside a D-Bus session: starts gnome-keyring's Secret Service with a login
# keyring unlocked by $OUTFLOW_KEYRING_PASSWORD, runs the given command, stops
# the keyring and returns the command's exit code. Used by tools/test.sh; the
# password goes through a pipe, never argv.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/keyring.sh"
: "${OUTFLOW_KEYRING_PASSWORD:?set by tools/test.sh}"
printf '%s' "$OUTFLOW_KEYRING_PASSWORD" | outflow_keyring_start --unlock
unset OUTFLOW_KEYRING_PASSWORD
set +e
"$@"
rc=$?
outflow_keyring_stop
exit $rc
