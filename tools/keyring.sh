# Helpers to run gnome-keyring's Secret Service inside a private D-Bus session
# (tools/with-keyring.sh, tests/integration/locked-keyring.sh). Source it.

# Starts the daemon. With a password on stdin and --unlock, it creates or
# unlocks the login keyring; with --start, the keyring stays as it is. Every
# descriptor goes to /dev/null: a daemon holding the caller's pipes would keep
# ctest (or `| tail`) waiting after the tests end.
#
# --daemonize returns before the daemon owns org.freedesktop.secrets; a client
# arriving in between would D-Bus-activate a second daemon that only finds the
# first and hangs. So wait for the name (bounded) before returning.
outflow_keyring_start() {
    gnome-keyring-daemon --daemonize "$@" --components=secrets >/dev/null 2>&1
    gdbus wait --session --timeout 20 org.freedesktop.secrets \
        || { echo "gnome-keyring did not take org.freedesktop.secrets on the session bus" >&2; return 1; }
}

# Stops the daemon that owns org.freedesktop.secrets on this session bus.
outflow_keyring_stop() {
    local pid
    pid=$(dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.GetConnectionUnixProcessID string:org.freedesktop.secrets 2>/dev/null \
        | awk '/uint32/ {print $2}')
    [ -n "$pid" ] && kill "$pid" 2>/dev/null
    return 0
}
