#!/usr/bin/env bash
# Inside a D-Bus session: starts gnome-keyring's Secret Service with a login
# keyring unlocked by $OUTFLOW_KEYRING_PASSWORD, runs the given command and
# returns its exit code. Used by tools/test.sh; the password never reaches argv.
set -euo pipefail
: "${OUTFLOW_KEYRING_PASSWORD:?set by tools/test.sh}"
printf '%s' "$OUTFLOW_KEYRING_PASSWORD" \
    | gnome-keyring-daemon --daemonize --unlock --components=secrets >/dev/null
unset OUTFLOW_KEYRING_PASSWORD
set +e
"$@"
rc=$?
exit $rc
