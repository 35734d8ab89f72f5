#!/usr/bin/env bash
# The run command: installs what is missing, builds (`dev` preset) and starts
# the Outflow desktop app on the embedded store in your data folder.
#
#   ./tools/run.sh            the app
#   ./tools/run.sh --demo     on a demo store of its own (Outflow/demo in your
#                             data folder): a demo receiver on 127.0.0.1, the
#                             sample profiles and audiences, and changes to
#                             them streaming in, so exports flow at once; a
#                             second, flaky destination shows retries, dead
#                             letters and alerts
#   ./tools/run.sh -- ARGS    extra arguments for `outflow` (e.g. -- --lang fr)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

demo=0
app_args=()
while [ $# -gt 0 ]; do
    case "$1" in
        --demo) demo=1 ;;
        -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
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

# A receiver on a free loopback port, and later the feed of changes: both
# stopped when the app exits.
log=$(mktemp)
feedlog=$(mktemp)
feed=""
"$bin/outflowctl" receiver --port 0 >"$log" 2>&1 &
receiver=$!
trap 'kill "$receiver" $feed 2>/dev/null; rm -f "$log" "$feedlog"' EXIT
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
# A partner that answers a quarter of its requests 503 (retried 15 s and 30 s
# later) and rejects one export in twenty with 400 (a dead letter, which
# Replay sends again), the same receiver's /flaky path: its alerts are
# subscribed, and a delay over 30 s counts. It gets the Gold members and
# France and Germany, on their tier and first name: only tier changes and
# arrivals export to it, so that its retries never hold a profile's next
# export back for good.
"$bin/outflowctl" destination remove "Flaky partner" >/dev/null 2>&1 || true
if "$bin/outflowctl" destination add --name "Flaky partner" --endpoint "${url}flaky" \
        --query "fail=25&reject=5" --include-segment-names --alert delivery-failure-rate \
        --alert delivery-delay --alert-threshold delivery-delay=30s >/dev/null &&
    "$bin/outflowctl" activate "Flaky partner" --audience "Gold members" \
        --audience "France and Germany" --attribute person.name.firstName \
        --attribute loyalty.tier >/dev/null; then
    echo "Demo destination \"Flaky partner\" fails part of its requests on ${url}flaky"
else
    echo "Demo destination \"Flaky partner\" not created."
fi
if msg=$("$bin/outflowctl" ingest "$sample/profiles.ndjson" 2>&1); then
    echo "Sample profiles loaded from $sample/profiles.ndjson"
else
    echo "Sample profiles not loaded: $msg"
fi
# Changes to the sample profiles, 20 a second, and now and then a new
# profile: the charts move from the start.
"$bin/outflowctl" demo-feed "$sample/profiles.ndjson" --rate 20 >"$feedlog" 2>&1 &
feed=$!
echo "Sample profiles change 20 times a second (outflowctl demo-feed; log: $feedlog)"

"$bin/outflow" --store "$demo_store" --demo-receiver "$url" "${app_args[@]}"
