#!/usr/bin/env bash
# Builds the Debian package with CPack from a configured build tree and checks
# what an installer and a software centre would look at.
# Usage: check-deb.sh BUILD_DIR APP_ID VERSION
set -euo pipefail
build=$1 app_id=$2 version=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

cpack --config "$build/CPackConfig.cmake" -G DEB -B "$work" >"$work/cpack.log" 2>&1 \
    || { cat "$work/cpack.log" >&2; fail "cpack could not build the package"; }
deb=$(ls "$work"/*.deb 2>/dev/null | head -n1)
[ -n "$deb" ] || fail "no .deb produced"
echo "built $(basename "$deb")"

contents=$(dpkg-deb -c "$deb")
for path in ./usr/bin/outflow ./usr/bin/outflowctl \
    "./usr/share/applications/$app_id.desktop" \
    "./usr/share/metainfo/$app_id.metainfo.xml" \
    "./usr/share/icons/hicolor/scalable/apps/$app_id.svg" \
    "./usr/share/icons/hicolor/48x48/apps/$app_id.png" \
    "./usr/share/icons/hicolor/256x256/apps/$app_id.png" \
    ./usr/share/outflow/sample/profiles.ndjson; do
    grep -qF " $path" <<<"$contents" || fail "$path missing from the package"
done

info=$(dpkg-deb -I "$deb")
grep -q "^ Package: outflow$" <<<"$info" || fail "package name"
grep -q "^ Version: $version" <<<"$info" || fail "version $version"
grep -q "^ Architecture: amd64\|^ Architecture: arm64" <<<"$info" || fail "architecture"
depends=$(grep "^ Depends:" <<<"$info") || fail "no Depends field"
# Computed by dpkg-shlibdeps from the binaries, plus the run-time plugins.
for dep in libqt6core6 libqt6widgets6 libqt6network6 libqt6keychain1 libc6 libqt6sql6-sqlite qt6-qpa-plugins libsecret-1-0; do
    grep -q "$dep" <<<"$depends" || fail "Depends lacks $dep: $depends"
done

mkdir "$work/root"
dpkg-deb -x "$deb" "$work/root"
desktop-file-validate "$work/root/usr/share/applications/$app_id.desktop" || fail "desktop-file-validate"
appstreamcli validate --no-net --pedantic "$work/root/usr/share/metainfo/$app_id.metainfo.xml" \
    || appstreamcli validate --no-net "$work/root/usr/share/metainfo/$app_id.metainfo.xml" \
    || fail "appstreamcli validate"
"$work/root/usr/bin/outflowctl" --version | grep -q "^outflowctl $version$" || fail "packaged outflowctl --version"
env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM "$work/root/usr/bin/outflow" --version \
    | grep -q "^outflow $version$" || fail "packaged outflow --version"
file "$work/root/usr/bin/outflow" | grep -q "stripped" || fail "binaries are not stripped"
echo "package OK: $(grep -c . <<<"$contents") entries; $depends"
