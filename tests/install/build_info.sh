#!/bin/bash
# cmake/build_info.cmake names the build for --version in every kind of source
# tree: a git checkout, a tarball (no git), a tarball unpacked inside some
# other repository, and with a packager's KNEEPLAN_BUILD_ID.
#   build_info.sh SCRIPT CMAKE
set -u
script=$1
cmake=$2
if ! command -v git >/dev/null; then
    echo "SKIP: git is not installed"
    exit 77
fi
workdir=$(mktemp -d)
trap 'rm -rf "$workdir"' EXIT
failures=0

# build_of SOURCE_DIR BUILD_ID: the kBuild and kBuildDate the script writes, one a line.
build_of() {
    rm -f "$workdir/out.cpp"
    "$cmake" -DOUTPUT="$workdir/out.cpp" -DSOURCE_DIR="$1" -DGIT="$(command -v git)" -DBUILD_ID="$2" -P "$script" ||
        { echo "FAIL: the script failed for $1"; exit 1; }
    sed -n 's/^const char\* const kBuild\(Date\)\? = "\(.*\)";$/\2/p' "$workdir/out.cpp"
}
expect() {
    local what=$1 want=$2 got=$3
    [[ $got == "$want" ]] || { echo "FAIL: $what: got '$got', expected '$want'"; failures=$((failures + 1)); }
}

mkdir -p "$workdir/tarball" "$workdir/repo/unpacked"
expect "a tarball" 'no git revision' "$(build_of "$workdir/tarball" "")"
expect "a packager's id" 'debian 0.1.0-1' "$(build_of "$workdir/tarball" "debian 0.1.0-1")"

git -C "$workdir/repo" init -q
GIT_COMMITTER_DATE="2026-01-05T10:00:00Z" git -C "$workdir/repo" -c user.name=t -c user.email=t@example.org \
    commit -q --allow-empty -m first
commit=$(git -C "$workdir/repo" rev-parse --short=12 HEAD)
expect "a tarball inside another repository" 'no git revision' "$(build_of "$workdir/repo/unpacked" "")"
expect "a git checkout" "git $commit"$'\n'"2026-01-05" "$(build_of "$workdir/repo" "")"
touch "$workdir/repo/file"
git -C "$workdir/repo" add file
expect "a changed checkout" "git $commit-dirty"$'\n'"2026-01-05" "$(build_of "$workdir/repo" "")"
expect "SOURCE_DATE_EPOCH" "git $commit-dirty"$'\n'"2023-11-14" "$(SOURCE_DATE_EPOCH=1700000000 build_of "$workdir/repo" "")"
expect "a quote in the id" 'a_b' "$(build_of "$workdir/tarball" 'a"b')"

((failures == 0)) || exit 1
echo "build info: right for a checkout, a changed one, tarballs and packagers"
