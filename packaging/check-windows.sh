#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Do the Windows branches still compile? No Windows and no Qt for Windows here, so a MinGW-w64
# cross compiler checks them (-fsyntax-only, warnings are errors as in CI):
#   - every source under src/, bench/ and tests/ that has a Q_OS_WIN or _WIN32 branch, with
#     the flags of this build (compile_commands.json) and the Linux Qt headers: with MinGW,
#     Qt's headers define Q_OS_WIN, so the Windows side of each #if is what gets compiled;
#   - the Windows-only sources that the Linux build leaves out (src/app/windowsconsole.cpp);
#   - the resource script forkline.rc with an icon drawn by forkline-iconrender (windres).
# <windows.h> behaves as the Windows SDK's that MSVC uses: min and max are macros unless
# NOMINMAX is defined (MinGW's own headers leave them out of C++, which would hide the error).
# Not checked: MSVC itself (its warnings, its C++ dialect), linking, and Qt as built for Windows:
# the headers are Linux's, so their Q_OS_WIN declarations (QProcess::setCreateProcessArguments-
# Modifier, ...) are seen, but their configuration (qconfig.h features) is Linux's.
# usage: check-windows.sh SOURCE_DIR BUILD_DIR WORK_DIR [FORKLINE_ICONRENDER]
set -euo pipefail
source_dir=$1
build_dir=$2
work=$3
iconrender=${4:-}

skip() {
    echo "SKIP: $*"
    exit 77
}
cxx=$(command -v x86_64-w64-mingw32-g++-posix || command -v x86_64-w64-mingw32-g++ || true)
[ -n "$cxx" ] || skip "no MinGW-w64 cross compiler (apt install mingw-w64): the Windows branches are not checked"
command -v python3 >/dev/null || skip "no python3 to read compile_commands.json"
[ -f "$build_dir/compile_commands.json" ] || skip "no $build_dir/compile_commands.json"

rm -rf "$work"
mkdir -p "$work/include"
cat >"$work/include/minwindef.h" <<'EOF'
// As the Windows SDK's minwindef.h: min and max are macros unless NOMINMAX is defined.
#include_next <minwindef.h>
#ifndef NOMINMAX
#ifndef max
#define max(a, b) (((a) > (b)) ? (a) : (b))
#endif
#ifndef min
#define min(a, b) (((a) < (b)) ? (a) : (b))
#endif
#endif
EOF
cat >"$work/include/msvc-like.h" <<'EOF'
// Read before each file: MinGW's C++ library defines NOMINMAX for every program (os_defines.h),
// MSVC's does not. (Standard headers included after <windows.h> would now trip over the macros,
// which MSVC's library is written to survive: our files include <windows.h> last.)
#include <bits/c++config.h>
#undef NOMINMAX
EOF

failed=0
checked=0
check() { # name, command...
    local name=$1
    shift
    checked=$((checked + 1))
    if "$@" >"$work/log" 2>&1; then
        echo "ok      $name"
    else
        failed=$((failed + 1))
        echo "FAILED  $name"
        sed 's/^/    /' "$work/log" | head -40
    fi
}

python3 "$(dirname "$0")/windows/check-commands.py" "$source_dir" "$build_dir/compile_commands.json" "$cxx" \
    "$work/include" msvc-like.h >"$work/commands"
while IFS=$'\t' read -r name command; do
    check "$name" bash -c "$command"
done <"$work/commands"

# Sources built only for Windows: standard library and <windows.h> only, by design.
for f in src/app/windowsconsole.cpp; do
    check "$f" "$cxx" -std=c++17 -fsyntax-only -Wall -Wextra -Werror -I"$work/include" -include msvc-like.h \
        -I"$source_dir/src/app" \
        "$source_dir/$f"
done

windres=$(command -v x86_64-w64-mingw32-windres || true)
if [ -n "$windres" ] && [ -n "$iconrender" ] && [ -x "$iconrender" ]; then
    version=$(sed -n 's/^project(Forkline VERSION \([0-9.]*\).*/\1/p' "$source_dir/CMakeLists.txt")
    IFS=. read -r major minor patch <<<"$version"
    check "forkline.ico (forkline-iconrender)" "$iconrender" ico "$source_dir/resources/icons/forkline.svg" "$work/forkline.ico"
    sed -e "s|@FORKLINE_ICO@|$work/forkline.ico|" -e "s|@PROJECT_VERSION@|$version|g" \
        -e "s|@PROJECT_VERSION_MAJOR@|$major|g" -e "s|@PROJECT_VERSION_MINOR@|$minor|g" \
        -e "s|@PROJECT_VERSION_PATCH@|$patch|g" "$source_dir/packaging/windows/forkline.rc.in" >"$work/forkline.rc"
    check "packaging/windows/forkline.rc.in (windres)" "$windres" -O coff -i "$work/forkline.rc" -o "$work/forkline.res"
else
    echo "not checked: forkline.rc (needs x86_64-w64-mingw32-windres and forkline-iconrender)"
fi

echo "windows check: $((checked - failed)) passed, $failed failed"
[ "$failed" -eq 0 ]
