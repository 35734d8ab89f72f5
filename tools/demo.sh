# The demo world of `tools/run.sh --demo` and `tools/screenshots.sh`: a demo
# receiver on a free loopback port, the sample audiences and profiles, two
# destinations (one healthy, one flaky) and a feed of changes, so that
# exports flow, fail, retry and raise alerts at once. Source it; do not run
# it.
#
#   outflow_demo_start BIN_DIR STORE
#
# Sets demo_url (the receiver's base URL) and demo_pids (the receiver and the
# feed, for the caller to kill when the app exits) and prints what it did.
outflow_demo_start() {
    local bin=$1 store=$2 log feedlog url=""
    local ctl=("$bin/outflowctl" --store "$store")
    log=$(mktemp)
    feedlog=$(mktemp)
    "${ctl[@]}" receiver --port 0 >"$log" 2>&1 &
    demo_pids=$!
    for _ in $(seq 1 100); do
        url=$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$log" || true)
        [ -n "$url" ] && break
        kill -0 "$demo_pids" 2>/dev/null || break
        sleep 0.1
    done
    [ -n "$url" ] || { cat "$log" >&2; echo "The demo receiver did not start." >&2; return 1; }
    demo_url=$url
    echo "Demo receiver: $url (requests are logged to $log)"

    # Sample content: loaded with the same commands an administrator would use.
    local sample="$OUTFLOW_ROOT/resources/sample" name rule
    # Rule audiences first (name<TAB>rule a line), so that the profiles enter them.
    while IFS=$'\t' read -r name rule; do
        [ -n "$name" ] || continue
        "${ctl[@]}" audience show "$name" >/dev/null 2>&1 && continue # from an earlier run
        "${ctl[@]}" audience add --name "$name" --rule "$rule" >/dev/null ||
            echo "Sample audience \"$name\" not created."
    done <"$sample/audiences.txt"
    # A destination on this run's receiver (its port changes: made afresh each
    # time), with the sample audiences mapped: the backfill and the sample
    # profiles' exports flow to it as soon as the app starts.
    "${ctl[@]}" destination remove "Demo receiver" >/dev/null 2>&1 || true
    if "${ctl[@]}" destination add --name "Demo receiver" --endpoint "${url}exports" \
            --include-segment-names --alert delivery-failure-rate --alert delivery-delay >/dev/null &&
        "${ctl[@]}" activate "Demo receiver" --audience "Gold members" \
            --audience "Reachable by email" --attribute person.name.firstName \
            --attribute personalEmail.address --identifier personalEmail.address >/dev/null; then
        echo "Demo destination \"Demo receiver\" sends the sample audiences to $url"
    else
        echo "Demo destination not created."
    fi
    # A partner that answers a quarter of its requests 503 (retried 15 s and
    # 30 s later) and rejects one export in twenty with 400 (a dead letter,
    # which Replay sends again), the same receiver's /flaky path: its alerts
    # are subscribed, and a delay over 30 s counts. It gets the Gold members
    # and France and Germany, on their tier and first name: only tier changes
    # and arrivals export to it, so that its retries never hold a profile's
    # next export back for good.
    "${ctl[@]}" destination remove "Flaky partner" >/dev/null 2>&1 || true
    if "${ctl[@]}" destination add --name "Flaky partner" --endpoint "${url}flaky" \
            --query "fail=25&reject=5" --include-segment-names --alert delivery-failure-rate \
            --alert delivery-delay --alert-threshold delivery-delay=30s >/dev/null &&
        "${ctl[@]}" activate "Flaky partner" --audience "Gold members" \
            --audience "France and Germany" --attribute person.name.firstName \
            --attribute loyalty.tier >/dev/null; then
        echo "Demo destination \"Flaky partner\" fails part of its requests on ${url}flaky"
    else
        echo "Demo destination \"Flaky partner\" not created."
    fi
    local msg
    if msg=$("${ctl[@]}" ingest "$sample/profiles.ndjson" 2>&1); then
        echo "Sample profiles loaded from $sample/profiles.ndjson"
    else
        echo "Sample profiles not loaded: $msg"
    fi
    # Changes to the sample profiles, 20 a second, and now and then a new
    # profile: the charts move from the start.
    "${ctl[@]}" demo-feed "$sample/profiles.ndjson" --rate 20 >"$feedlog" 2>&1 &
    demo_pids="$demo_pids $!"
    echo "Sample profiles change 20 times a second (outflowctl demo-feed; log: $feedlog)"
}
