# Shared by tools/run.sh and tools/test.sh. Source it; do not run it.

OUTFLOW_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# Installs the Debian packages of tools/debian-packages.txt that are missing.
# Idempotent and silent when nothing is missing.
outflow_install_packages() {
    local wanted missing=()
    wanted=$(grep -v '^\s*#' "$OUTFLOW_ROOT/tools/debian-packages.txt" | grep -v '^\s*$')
    for pkg in $wanted; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
            || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0

    echo "Installing missing Debian packages: ${missing[*]}"
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || { echo "Need root (or sudo) to install: ${missing[*]}" >&2; return 1; }
        sudo=(sudo)
    fi
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get update -qq
    "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Configures (first time only: ninja re-runs CMake by itself when a
# CMakeLists.txt changes) and builds a preset: every target, or only the
# targets named after it (the run command builds just what it runs).
outflow_build() {
    local preset=$1
    shift
    cd "$OUTFLOW_ROOT"
    if [ ! -f "build/$preset/build.ninja" ]; then
        cmake --preset "$preset" >"build-configure-$preset.log" 2>&1 \
            || { cat "build-configure-$preset.log" >&2; return 1; }
        grep -A20 "features have been enabled" "build-configure-$preset.log" | sed -n '1,12p'
        rm -f "build-configure-$preset.log"
    fi
    if [ "$#" -gt 0 ]; then
        cmake --build --preset "$preset" --target "$@"
    else
        cmake --build --preset "$preset"
    fi
}

# Installs the pinned npm test peers (tests/peers/package-lock.json) when the
# lock file changed since the last install. Needs the registry the first time.
outflow_install_test_peers() {
    local peers="$OUTFLOW_ROOT/tests/peers"
    local stamp="$peers/node_modules/.outflow-lock"
    if [ -f "$stamp" ] && cmp -s "$stamp" "$peers/package-lock.json"; then
        return 0
    fi
    echo "Installing the npm test peers (tests/peers/package-lock.json)"
    (cd "$peers" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
    cp "$peers/package-lock.json" "$stamp"
}
