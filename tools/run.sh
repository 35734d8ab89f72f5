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

# The demo world (tools/demo.sh): a receiver, the sample content, two
# destinations and a feed of changes, all stopped when the app exits.
source "$OUTFLOW_ROOT/tools/demo.sh"
demo_pids=""
trap 'kill $demo_pids 2>/dev/null' EXIT
outflow_demo_start "$bin" "$demo_store"

"$bin/outflow" --store "$demo_store" --demo-receiver "$demo_url" "${app_args[@]}"
