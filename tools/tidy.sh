#!/usr/bin/env bash
# clang-tidy (the repo's .clang-tidy) over the given files, or over every
# .cpp of app/, core/ and ui/. Needs a configured `ci` build for
# compile_commands.json. Not part of CI: clang-tidy 14 is slow on Qt headers.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
[ -f "$root/build/ci/compile_commands.json" ] || { echo "run ./tools/test.sh once first" >&2; exit 2; }
cd "$root"
if [ $# -eq 0 ]; then
    mapfile -t files < <(git ls-files 'app/*.cpp' 'core/*.cpp' 'ui/*.cpp')
else
    files=("$@")
fi
printf '%s\n' "${files[@]}" | xargs -P "$(nproc)" -n 1 clang-tidy -p build/ci --quiet 2>/dev/null
