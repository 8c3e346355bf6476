#!/bin/bash
# `cmake --install BUILD --prefix P` puts exactly the expected files under P,
# and nothing anywhere else; the installed kneeplan runs from there.
#   install_tree.sh BUILD_DIR SOURCE_DIR
set -u
build=$1
source_dir=$2
failures=0
fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}
workdir=$(mktemp -d)
trap 'rm -rf "$workdir"' EXIT

expected=(
    bin/kneeplan
    share/man/man1/kneeplan.1.gz
    share/bash-completion/completions/kneeplan
    share/zsh/vendor-completions/_kneeplan
    share/fish/vendor_completions.d/kneeplan.fish
    share/doc/kneeplan/README.md
    share/doc/kneeplan/LICENSE
    share/doc/kneeplan/copyright
    share/doc/kneeplan/changelog.gz
)
for file in "$source_dir"/data/*.json; do expected+=("share/kneeplan/${file##*/}"); done
for file in "$source_dir"/data/profiles/*.json; do expected+=("share/kneeplan/profiles/${file##*/}"); done
for file in "$source_dir"/data/schema/*.json; do expected+=("share/kneeplan/schema/${file##*/}"); done
expected_list=$(printf '%s\n' "${expected[@]}" | sort)

# 1. A plain prefix. cmake --install names every file and directory it writes.
prefix=$workdir/prefix
manifest=$workdir/manifest.txt
cmake --install "$build" --prefix "$prefix" >"$workdir/install.log" 2>&1 || { cat "$workdir/install.log"; exit 1; }
installed=$(cd "$prefix" && find . -type f -o -type l | sed 's|^\./||' | sort)
[[ $installed == "$expected_list" ]] || fail "installed files differ from the expected ones:
$(diff <(echo "$expected_list") <(echo "$installed"))"
sed -n 's/^-- \(Installing\|Up-to-date\): //p' "$workdir/install.log" >"$manifest"
[[ -s $manifest ]] || fail "cmake --install reported no files"
if grep -v "^$prefix/" "$manifest"; then fail "the lines above were installed outside $prefix"; fi

# 2. DESTDIR with another prefix: everything lands under DESTDIR/prefix.
DESTDIR=$workdir/stage cmake --install "$build" --prefix /opt/kneeplan >/dev/null || fail "DESTDIR install"
staged=$(cd "$workdir/stage" && find . -type f -o -type l | sed 's|^\./||' | sort)
[[ $staged == "$(printf 'opt/kneeplan/%s\n' "${expected[@]}" | sort)" ]] ||
    fail "DESTDIR install differs: $(echo "$staged" | grep -v '^opt/kneeplan/')"

# 3. What was installed works from there, and is what the build made.
kneeplan=$prefix/bin/kneeplan
[[ -x $kneeplan ]] || fail "$kneeplan is not executable"
"$kneeplan" --version | grep -qE '^kneeplan [0-9]+\.[0-9]+\.[0-9]+ \(.+\)$' || fail "--version: $("$kneeplan" --version)"
"$kneeplan" plan --profile "$prefix/share/kneeplan/profiles/adult-novice.json" --start 2026-11-23 --weeks 1 >/dev/null ||
    fail "the installed kneeplan cannot build a plan from the installed profile"
"$kneeplan" validate "$prefix"/share/kneeplan/*.json "$prefix"/share/kneeplan/profiles/*.json >/dev/null ||
    fail "the installed data does not validate"
cmp -s <("$kneeplan" completion bash) "$prefix/share/bash-completion/completions/kneeplan" ||
    fail "the installed bash completion is not what kneeplan completion bash prints"
cmp -s <("$kneeplan" completion zsh) "$prefix/share/zsh/vendor-completions/_kneeplan" || fail "zsh completion differs"
cmp -s <("$kneeplan" completion fish) "$prefix/share/fish/vendor_completions.d/kneeplan.fish" || fail "fish completion differs"
cmp -s <("$kneeplan" manpage) <(gzip -dc "$prefix/share/man/man1/kneeplan.1.gz") ||
    fail "the installed manual is not what kneeplan manpage prints"
[[ $(MANPATH=$prefix/share/man man -w kneeplan) == "$prefix/share/man/man1/kneeplan.1.gz" ]] ||
    fail "man -w does not find kneeplan under $prefix/share/man"
for file in "$source_dir"/data/*.json "$source_dir"/data/schema/*.json; do
    relative=${file#"$source_dir"/data/}
    cmp -s "$file" "$prefix/share/kneeplan/$relative" || fail "share/kneeplan/$relative differs from data/$relative"
done
grep -q '^License: Expat' "$prefix/share/doc/kneeplan/copyright" || fail "copyright names no licence"

if ((failures > 0)); then
    echo "$failures install check(s) failed"
    exit 1
fi
echo "cmake --install: ${#expected[@]} files under the prefix, none elsewhere; the installed kneeplan works"
