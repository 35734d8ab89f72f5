#!/usr/bin/env bash
# The run command: installs what is missing, builds (`dev` preset) and starts
# the Outflow desktop app on the embedded store in your data folder.
#
#   ./tools/run.sh            the app
#   ./tools/run.sh --demo     on a demo store of its own (Outflow/demo in your
#                             data folder): a demo receiver on 127.0.0.1 and
#                             the sample profiles and audiences, so exports
#                             flow at once
#   ./tools/run.sh -- ARGS    extra arguments for `outflow` (e.g. -- --lang fr)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

demo=0
app_args=()
while [ $# -gt 0 ]; do
    case "$1" in
        --demo) demo=1 ;;
        -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        --) shift; app_args+=("$@"); break ;;
        *) app_args+=("$1") ;;
    esac
    shift
done

outflow_install_packages
outflow_build dev outflow outflowctl >/dev/null
bin="$OUTFLOW_ROOT/build/dev/app"

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
    cat >&2 <<MSG
No display found (neither DISPLAY nor WAYLAND_DISPLAY is set), so the desktop
app cannot start here. Outflow runs headless with outflowctl, built at:
    $bin/outflowctl --help
    $bin/outflowctl receiver --port 8080      # a demo receiver on 127.0.0.1
To see the desktop app on this machine anyway: xvfb-run ./tools/run.sh --demo
MSG
    exit 1
fi

if [ "$demo" -eq 0 ]; then
    exec "$bin/outflow" "${app_args[@]}"
fi

# --demo runs on a store of its own, never the administrator's: its
# destination, audiences and sample profiles stay out of the real store.
demo_store="${XDG_DATA_HOME:-$HOME/.local/share}/Outflow/demo/outflow.sqlite"
mkdir -p "$(dirname "$demo_store")"
export OUTFLOW_STORE="$demo_store"
echo "Demo store: $demo_store (your own store is not touched)"

# A receiver on a free loopback port, stopped when the app exits.
log=$(mktemp)
"$bin/outflowctl" receiver --port 0 >"$log" 2>&1 &
receiver=$!
trap 'kill "$receiver" 2>/dev/null; rm -f "$log"' EXIT
url=""
for _ in $(seq 1 100); do
    url=$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$log" || true)
    [ -n "$url" ] && break
    kill -0 "$receiver" 2>/dev/null || break
    sleep 0.1
done
[ -n "$url" ] || { cat "$log" >&2; echo "The demo receiver did not start." >&2; exit 1; }
echo "Demo receiver: $url (requests are logged to $log)"

# Sample content: loaded with the same commands an administrator would use.
sample="$OUTFLOW_ROOT/resources/sample"
# Rule audiences first (name<TAB>rule a line), so that the profiles enter them.
while IFS=$'\t' read -r name rule; do
    [ -n "$name" ] || continue
    "$bin/outflowctl" audience show "$name" >/dev/null 2>&1 && continue # from an earlier run
    "$bin/outflowctl" audience add --name "$name" --rule "$rule" >/dev/null ||
        echo "Sample audience \"$name\" not created."
done <"$sample/audiences.txt"
# A destination on this run's receiver (its port changes: made afresh each
# time), with the sample audiences mapped: the backfill and the sample
# profiles' exports flow to it as soon as the app starts.
"$bin/outflowctl" destination remove "Demo receiver" >/dev/null 2>&1 || true
if "$bin/outflowctl" destination add --name "Demo receiver" --endpoint "${url}exports" \
        --include-segment-names --alert delivery-failure-rate --alert delivery-delay >/dev/null &&
    "$bin/outflowctl" activate "Demo receiver" --audience "Gold members" \
        --audience "Reachable by email" --attribute person.name.firstName \
        --attribute personalEmail.address --identifier personalEmail.address >/dev/null; then
    echo "Demo destination \"Demo receiver\" sends the sample audiences to $url"
else
    echo "Demo destination not created."
fi
if msg=$("$bin/outflowctl" ingest "$sample/profiles.ndjson" 2>&1); then
    echo "Sample profiles loaded from $sample/profiles.ndjson"
else
    echo "Sample profiles not loaded: $msg"
fi

"$bin/outflow" --store "$demo_store" --demo-receiver "$url" "${app_args[@]}"
