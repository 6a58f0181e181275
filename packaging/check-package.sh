#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the .deb from this build (cpack) and checks it as Debian and a software centre would:
# lintian with no error and no warning, the AppStream metainfo (appstreamcli validate), the
# desktop entry (desktop-file-validate), and what the package must hold. A missing tool is
# said and its check skipped (exit 77: CTest shows the test as skipped).
# usage: check-package.sh BUILD_DIR WORK_DIR VERSION APP_ID QT_CORE_LIBRARY
set -uo pipefail
build_dir=$1
work=$2
version=$3
app_id=$4
qt_core=$5

failed=0
skipped=()
fail() {
    echo "FAILED: $*"
    failed=1
}
have() { command -v "$1" >/dev/null 2>&1; }

have cpack || { echo "SKIP: cpack not found"; exit 77; }
have dpkg-deb || { echo "SKIP: dpkg-deb not found (not a Debian system): no .deb to check"; exit 77; }
# A .deb names its dependencies after the packages that hold the libraries it links.
dpkg -S "$(readlink -f "$qt_core")" >/dev/null 2>&1 ||
    { echo "SKIP: Qt ($qt_core) is not from a Debian package, so a .deb built with it could not depend on it"; exit 77; }

rm -rf "$work"
mkdir -p "$work"
if ! (cd "$work" && cpack -G DEB --config "$build_dir/CPackConfig.cmake" -B "$work") >"$work/cpack.log" 2>&1; then
    cat "$work/cpack.log"
    echo "FAILED: cpack -G DEB"
    exit 1
fi
deb=$(ls "$work"/*.deb)
echo "package: $deb"
root=$work/root
dpkg-deb -x "$deb" "$root"
control=$(dpkg-deb -f "$deb")

# What the package must hold, whatever tools are installed.
doc=$root/usr/share/doc/forkline
for f in "$doc/copyright" "$doc/changelog.gz" "$root/usr/share/man/man1/forkline.1.gz" \
    "$root/usr/share/applications/$app_id.desktop" "$root/usr/share/metainfo/$app_id.metainfo.xml" \
    "$root/usr/share/icons/hicolor/scalable/apps/$app_id.svg" "$root/usr/bin/forkline"; do
    [ -f "$f" ] || fail "missing ${f#"$root"}"
done
[ -e "$root/usr/share/doc/Forkline" ] && fail "documentation under /usr/share/doc/Forkline (capital F)"
grep -q "^Recommends:.*qt6-translations-l10n" <<<"$control" || fail "no Recommends on qt6-translations-l10n"
grep -q "^Depends:.*libqt6" <<<"$control" || fail "no Depends on Qt (shlibdeps)"
grep -q "^Maintainer: .*<.*@.*>" <<<"$control" || fail "Maintainer without an address"
# The release notes and the program agree on the version.
changelog_version=$(gzip -dc "$doc/changelog.gz" | sed -n '1s/^forkline (\([^)]*\)).*/\1/p')
[ "$changelog_version" = "$version" ] || fail "changelog's newest entry is $changelog_version, the program is $version"
metainfo_version=$(grep -o '<release version="[^"]*"' "$root/usr/share/metainfo/$app_id.metainfo.xml" | head -1 | cut -d'"' -f2)
[ "$metainfo_version" = "$version" ] || fail "metainfo's newest release is $metainfo_version, the program is $version"
# The manual page is the program's own help.
if [ -f "$root/usr/share/man/man1/forkline.1.gz" ]; then
    gzip -dc "$root/usr/share/man/man1/forkline.1.gz" | grep -q 'time\\-scale' || fail "forkline.1 lacks the options of forkline --help"
fi

if have lintian; then
    echo "--- lintian"
    # Root is fine in a throw-away check; lintian only says it is not recommended.
    lintian --tag-display-limit 0 "$deb" 2>&1 | grep -v "running with root privileges" | tee "$work/lintian.txt"
    grep -qE "^[EW]: " "$work/lintian.txt" && fail "lintian reports errors or warnings"
else
    skipped+=("lintian (apt install lintian)")
fi
if have appstreamcli; then
    echo "--- appstreamcli validate"
    # --no-net: the screenshots and links are checked for form here, not fetched.
    appstreamcli validate --no-net "$root/usr/share/metainfo/$app_id.metainfo.xml" || fail "appstreamcli validate"
else
    skipped+=("appstreamcli validate (apt install appstream)")
fi
if have desktop-file-validate; then
    echo "--- desktop-file-validate"
    out=$(desktop-file-validate "$root/usr/share/applications/$app_id.desktop" 2>&1)
    rc=$?
    [ -n "$out" ] && echo "$out"
    [ $rc -eq 0 ] || fail "desktop-file-validate"
else
    skipped+=("desktop-file-validate (apt install desktop-file-utils)")
fi

[ $failed -eq 0 ] || exit 1
if [ ${#skipped[@]} -gt 0 ]; then
    printf 'SKIPPED, tool missing: %s\n' "${skipped[@]}"
    exit 77
fi
echo "package checks passed"
