#!/usr/bin/env bash
# Takes the README's screenshots of the app, in English and French, on a demo
# store of their own: a receiver that answers, one destination whose secret
# is missing from the keychain, one disabled. Runs the real app and
# outflowctl (a build of the `ci` or `dev` preset) under Xvfb, with a private
# keychain (as tools/test.sh does).
#
#   ./tools/screenshots.sh [BUILD_DIR]     default: build/ci; PNGs into docs/
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
build=$(realpath "${1:-$OUTFLOW_ROOT/build/ci}")
bin="$build/app"
[ -x "$bin/outflow" ] || { echo "No app in $bin: build first (cmake --build --preset ci)." >&2; exit 2; }

if [ -z "${OUTFLOW_SCREENSHOTS_INNER:-}" ]; then
    # A private D-Bus session with an unlocked keyring, and a virtual display.
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    mkdir -p "$work/data" "$work/runtime" && chmod 700 "$work/runtime"
    export XDG_DATA_HOME="$work/data" XDG_RUNTIME_DIR="$work/runtime" XDG_CONFIG_HOME="$work/config"
    export OUTFLOW_KEYRING_PASSWORD
    OUTFLOW_KEYRING_PASSWORD=$(head -c 24 /dev/urandom | base64)
    export OUTFLOW_SCREENSHOTS_INNER="$work"
    exec dbus-run-session -- "$OUTFLOW_ROOT/tools/with-keyring.sh" \
        xvfb-run -a -s "-screen 0 1280x800x24" "$0" "$build"
fi

work=$OUTFLOW_SCREENSHOTS_INNER
store="$work/demo.sqlite"
ctl() { "$bin/outflowctl" --store "$store" "$@"; }
ctl receiver --port 0 >"$work/receiver.log" 2>&1 &
receiver=$!
trap 'kill $receiver 2>/dev/null' EXIT
url=""
for _ in $(seq 1 100); do
    url=$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$work/receiver.log" || true)
    [ -n "$url" ] && break
    sleep 0.1
done
[ -n "$url" ] || { echo "The receiver did not start." >&2; exit 1; }

sample="$OUTFLOW_ROOT/resources/sample"
while IFS=$'\t' read -r name rule; do
    [ -n "$name" ] && ctl audience add --name "$name" --rule "$rule" >/dev/null
done <"$sample/audiences.txt"
ctl destination add --name "CRM webhook" --endpoint "${url}crm" --include-segment-names >/dev/null
ctl activate "CRM webhook" --audience "Gold members" --attribute person.name.firstName \
    --attribute personalEmail.address >/dev/null
OUTFLOW_BEARER_TOKEN=demo-token ctl destination add --name "Marketing cloud" \
    --endpoint "${url}marketing" --auth bearer >/dev/null
ctl activate "Marketing cloud" --audience "Reachable by email" \
    --attribute personalEmail.address >/dev/null
ctl destination add --name "Data lake" --endpoint "${url}lake" >/dev/null
ctl activate "Data lake" --audience "Gold members" --attribute person.name.firstName >/dev/null
ctl destination disable "Data lake" >/dev/null
ctl ingest "$sample/profiles.ndjson" >/dev/null
# The bearer token leaves the keychain (QtKeychain's Secret Service item): the
# page shows "Missing secret" with its fix.
id=$(ctl --json destination list | grep -o '"id":"[^"]*","name":"Marketing cloud"' | cut -d'"' -f4)
secret-tool clear xdg:schema org.qt.keychain user "destination/$id/bearer-token"

mkdir -p "$OUTFLOW_ROOT/docs"
for lang in en fr; do
    settings="$work/settings-$lang.ini" # new: the first page, Destinations
    suffix=$([ "$lang" = en ] && echo "" || echo "-fr")
    # 8 s: the backfill delivered and the monitor's minute stored (every 5 s).
    OUTFLOW_SCREENSHOT="$OUTFLOW_ROOT/docs/screenshot-destinations$suffix.png" \
        OUTFLOW_SCREENSHOT_DELAY_MS=8000 \
        "$bin/outflow" --store "$store" --settings "$settings" --lang "$lang" >/dev/null 2>&1
    echo "docs/screenshot-destinations$suffix.png"
    # The Audiences page (navigation row 1), with its actions.
    printf '[mainWindow]\nlastPage=1\n' >"$work/settings-audiences-$lang.ini"
    OUTFLOW_SCREENSHOT="$OUTFLOW_ROOT/docs/screenshot-audiences$suffix.png" \
        OUTFLOW_SCREENSHOT_DELAY_MS=3000 \
        "$bin/outflow" --store "$store" --settings "$work/settings-audiences-$lang.ini" \
        --lang "$lang" >/dev/null 2>&1
    echo "docs/screenshot-audiences$suffix.png"
done

# Every page of the destination wizard and every tab of the Edit dialog, in
# both languages: the GUI test that walks them saves what it checked.
tests="$build/tests"
[ -x "$tests/tst_wizardscreens" ] || { echo "No $tests/tst_wizardscreens: build the tests." >&2; exit 2; }
OUTFLOW_SCREENSHOT_DIR="$OUTFLOW_ROOT/docs" QT_QPA_PLATFORM=xcb \
    "$tests/tst_wizardscreens" -silent >/dev/null
ls "$OUTFLOW_ROOT"/docs/screenshot-wizard-* "$OUTFLOW_ROOT"/docs/screenshot-edit-* | sed "s|$OUTFLOW_ROOT/||"


# The Audiences page's dialogs (issue #17), in English: their GUI tests save them.
for test in "tst_audienceeditor thePreviewCountIsWhatSavingRealizes" \
    "tst_audienceimport badRowsAreListedByLineAndTheOthersImported"; do
    set -- $test
    OUTFLOW_SCREENSHOT_DIR="$OUTFLOW_ROOT/docs" QT_QPA_PLATFORM=xcb "$tests/$1" -silent "$2" >/dev/null
done
ls "$OUTFLOW_ROOT"/docs/screenshot-audience-* | sed "s|$OUTFLOW_ROOT/||"

# The activation wizard's pages, the rule editor with an error and the
# Profiles page saying why (issue #17), in both languages.
OUTFLOW_SCREENSHOT_DIR="$OUTFLOW_ROOT/docs" QT_QPA_PLATFORM=xcb \
    "$tests/tst_activationwizard" -silent everyPageOnScreen >/dev/null
ls "$OUTFLOW_ROOT"/docs/screenshot-activation-* "$OUTFLOW_ROOT"/docs/screenshot-profiles-why* \
    "$OUTFLOW_ROOT"/docs/screenshot-audience-rule-error* | sed "s|$OUTFLOW_ROOT/||"

# The watching pages (issue #18) on the demo of `tools/run.sh --demo`: a
# headless engine delivers the demo's stream for four minutes (the charts'
# stored minutes, the flaky partner's retries, dead letters and alerts), then
# the app shows the Monitoring page live and the Alerts page, in both
# languages. The inspector on a failed export comes from its GUI test.
source "$OUTFLOW_ROOT/tools/demo.sh"
live="$work/demo-live.sqlite"
demo_pids=""
trap 'kill $receiver $demo_pids 2>/dev/null' EXIT
outflow_demo_start "$bin" "$live" >/dev/null
"$bin/outflowctl" --store "$live" run >"$work/engine.log" 2>&1 &
engine=$!
sleep 240 # the demo's own pace: four minutes of its stream
kill -TERM "$engine" && wait "$engine" || true
# One alert acknowledged, to show the state beside active ones.
alert=$("$bin/outflowctl" --store "$live" --json alerts --kind delivery-failure-rate \
    --destination "Flaky partner" | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4 || true)
if [ -n "$alert" ]; then
    "$bin/outflowctl" --store "$live" alerts acknowledge "$alert" >/dev/null
else
    echo "No delivery failure rate alert to acknowledge: the Alerts page shows none so." >&2
fi
for lang in en fr; do
    suffix=$([ "$lang" = en ] && echo "" || echo "-fr")
    for page in 3:monitoring:20000 5:alerts:5000; do
        IFS=: read -r row name delay <<<"$page"
        printf '[mainWindow]\nlastPage=%s\n' "$row" >"$work/settings-$name-$lang.ini"
        OUTFLOW_SCREENSHOT="$OUTFLOW_ROOT/docs/screenshot-$name$suffix.png" \
            OUTFLOW_SCREENSHOT_DELAY_MS=$delay \
            "$bin/outflow" --store "$live" --settings "$work/settings-$name-$lang.ini" \
            --demo-receiver "$demo_url" --lang "$lang" >/dev/null 2>&1
        echo "docs/screenshot-$name$suffix.png"
    done
done
OUTFLOW_SCREENSHOT_DIR="$OUTFLOW_ROOT/docs" QT_QPA_PLATFORM=xcb \
    "$tests/tst_deliveriespage" -silent pageOnScreen >/dev/null
ls "$OUTFLOW_ROOT"/docs/screenshot-deliveries* | sed "s|$OUTFLOW_ROOT/||"
