#!/bin/bash
# The Debian package, from `cpack -G DEB` to `dpkg -r`.
#   package.sh build BUILD_DIR OUT_DIR   make OUT_DIR/kneeplan_<version>_<arch>.deb; check its fields
#   package.sh lintian OUT_DIR           lintian finds no error and no warning
#   package.sh install OUT_DIR           (root) dpkg -i, use it from /usr/bin as a person would, dpkg -r
set -u
SKIP=77

fail() {
    echo "FAIL: $*"
    exit 1
}

the_deb() {
    local debs=("$1"/kneeplan_*.deb)
    [[ ${#debs[@]} -eq 1 && -f ${debs[0]} ]] || fail "expected one kneeplan_*.deb in $1 (run the package.build test first)"
    deb=${debs[0]}
}

build() {
    local build_dir=$1 out_dir=$2
    rm -rf "$out_dir"
    mkdir -p "$out_dir"
    cpack -G DEB --config "$build_dir/CPackConfig.cmake" -B "$out_dir" >"$out_dir/cpack.log" 2>&1 ||
        { cat "$out_dir/cpack.log"; fail "cpack -G DEB"; }
    rm -rf "$out_dir/_CPack_Packages"

    local version arch
    version=$(sed -n 's/^set(CPACK_PACKAGE_VERSION "\(.*\)")$/\1/p' "$build_dir/CPackConfig.cmake")
    arch=$(dpkg --print-architecture)
    deb=$out_dir/kneeplan_${version}_${arch}.deb
    [[ -f $deb ]] || fail "no $deb; cpack made: $(ls "$out_dir")"

    field() { dpkg-deb -f "$deb" "$1"; }
    [[ $(field Package) == kneeplan ]] || fail "Package: $(field Package)"
    [[ $(field Version) == "$version" ]] || fail "Version: $(field Version), expected $version"
    [[ $(field Architecture) == "$arch" ]] || fail "Architecture: $(field Architecture)"
    [[ -n $(field Section) ]] || fail "no Section"
    [[ $(field Maintainer) =~ ^[^\<]+\ \<[^@\>]+@[^\>]+\>$ ]] || fail "Maintainer is not 'Name <address>': $(field Maintainer)"
    [[ $(field Description | wc -l) -ge 3 ]] || fail "Description has no long part"

    # Depends must be what dpkg-shlibdeps finds for the packaged binary: none
    # when it is static, libc6 and friends when it is not.
    local unpacked shlibdeps
    unpacked=$(mktemp -d)
    dpkg-deb -x "$deb" "$unpacked/root"
    mkdir "$unpacked/debian"
    printf 'Source: kneeplan\n\nPackage: kneeplan\nArchitecture: any\n' >"$unpacked/debian/control"
    shlibdeps=$(cd "$unpacked" && dpkg-shlibdeps -O -e root/usr/bin/kneeplan 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
    rm -rf "$unpacked"
    [[ $(field Depends) == "$shlibdeps" ]] || fail "Depends is '$(field Depends)', dpkg-shlibdeps says '$shlibdeps'"
    echo "built $deb (Depends: ${shlibdeps:-none, a static binary})"
}

run_lintian() {
    the_deb "$1"
    if ! command -v lintian >/dev/null; then
        echo "SKIP: lintian is not installed (scripts/setup test installs it)"
        exit $SKIP
    fi
    local args=(--fail-on error,warning)
    [[ $(id -u) -eq 0 ]] && args+=(--allow-root)
    lintian "${args[@]}" "$deb" || fail "lintian reports the problems above"
    echo "lintian: no errors or warnings in $deb"
}

# Every path the package puts on the machine.
installed_paths=(
    /usr/bin/kneeplan
    /usr/share/man/man1/kneeplan.1.gz
    /usr/share/bash-completion/completions/kneeplan
    /usr/share/zsh/vendor-completions/_kneeplan
    /usr/share/fish/vendor_completions.d/kneeplan.fish
    /usr/share/kneeplan
    /usr/share/doc/kneeplan
    /usr/share/lintian/overrides/kneeplan
)

install() {
    the_deb "$1"
    if [[ $(id -u) -ne 0 ]]; then
        echo "SKIP: installing the package needs root (CI runs as root); run ctest as root to include it"
        exit $SKIP
    fi
    # One run at a time on this machine: the lock is on dpkg's directory, which dpkg itself never flocks.
    exec 9</var/lib/dpkg
    flock -w 900 9 || fail "another package test held the lock for 15 minutes"

    if dpkg-query -W -f='${db:Status-Status}' kneeplan 2>/dev/null | grep -qv '^not-installed$'; then
        echo "SKIP: a kneeplan package is already installed here; the test leaves it alone"
        exit $SKIP
    fi
    local path
    for path in "${installed_paths[@]}"; do
        if [[ -e $path ]]; then
            echo "SKIP: $path already exists; the test would overwrite it"
            exit $SKIP
        fi
    done

    local before after
    workdir=$(mktemp -d)
    before=$(dpkg-query -W -f='${Package} ${Version} ${db:Status-Status}\n' | sort)
    trap 'dpkg -P kneeplan >/dev/null 2>&1; rm -rf "$workdir"' EXIT
    dpkg -i "$deb" >"$workdir/dpkg.log" 2>&1 || { cat "$workdir/dpkg.log"; fail "dpkg -i $deb"; }

    # As a person runs it: a plain environment whose PATH finds /usr/bin/kneeplan.
    user() { env -i PATH=/usr/bin:/bin HOME="$workdir" LANG=C.UTF-8 "$@"; }
    [[ $(user sh -c 'command -v kneeplan') == /usr/bin/kneeplan ]] || fail "PATH does not find /usr/bin/kneeplan"
    local version
    version=$(dpkg-deb -f "$deb" Version)
    user kneeplan --version | grep -qE "^kneeplan $version \(.+\)$" || fail "--version says: $(user kneeplan --version)"
    user kneeplan plan --profile /usr/share/kneeplan/profiles/adult-novice.json --start 2026-11-23 --weeks 1 \
        >"$workdir/plan.txt" || fail "kneeplan plan exits $?"
    grep -q "^Knock-knee routine: 1 week from Mon 2026-11-23" "$workdir/plan.txt" || fail "kneeplan plan printed: $(head -3 "$workdir/plan.txt")"
    user kneeplan validate /usr/share/kneeplan/*.json /usr/share/kneeplan/profiles/*.json >/dev/null ||
        fail "the installed data does not validate"

    # The manual, where man looks for it (unless this machine's dpkg is set to drop manuals).
    if grep -qs '^path-exclude=\?/usr/share/man' /etc/dpkg/dpkg.cfg.d/*; then
        echo "note: dpkg here is set to leave out /usr/share/man; the manual checks are skipped"
    else
        [[ $(user man -w kneeplan) == /usr/share/man/man1/kneeplan.1.gz ]] ||
            fail "man -w kneeplan: $(user man -w kneeplan 2>&1)"
        user MANPAGER=cat MANWIDTH=80 man kneeplan 2>"$workdir/man.err" | grep -q '^EXIT STATUS' ||
            fail "man kneeplan shows no EXIT STATUS"
        [[ ! -s $workdir/man.err ]] || fail "man kneeplan: $(cat "$workdir/man.err")"
    fi

    # Bash loads the completion on demand, as bash-completion does on the first Tab.
    local loader=/usr/share/bash-completion/bash_completion
    [[ -f $loader ]] || loader=/dev/null
    local completions
    completions=$(user bash -c '
        source "$1"
        type _completion_loader >/dev/null 2>&1 && _completion_loader kneeplan || source /usr/share/bash-completion/completions/kneeplan
        complete -p kneeplan >/dev/null || exit 1
        COMP_WORDS=(kneeplan plan --level "")
        COMP_CWORD=3
        _kneeplan
        echo "${COMPREPLY[*]}"' bash "$loader") || fail "bash did not load the completion"
    [[ $completions == "novice intermediate advanced" ]] || fail "bash completes 'kneeplan plan --level' to '$completions'"
    if command -v zsh >/dev/null; then
        [[ $(user zsh -fc 'autoload -U compinit && compinit -u -D && print -r -- $_comps[kneeplan]') == _kneeplan ]] ||
            fail "zsh does not find _kneeplan on its default fpath"
    fi
    if command -v fish >/dev/null; then
        user fish -c 'complete -C "kneeplan exercises "' | grep -q '^show' || fail "fish does not complete from vendor_completions.d"
    fi

    dpkg -r kneeplan >"$workdir/dpkg.log" 2>&1 || { cat "$workdir/dpkg.log"; fail "dpkg -r kneeplan"; }
    dpkg -P kneeplan >/dev/null 2>&1
    for path in "${installed_paths[@]}"; do
        [[ ! -e $path ]] || fail "$path is still there after dpkg -r"
    done
    after=$(dpkg-query -W -f='${Package} ${Version} ${db:Status-Status}\n' | sort)
    [[ $before == "$after" ]] || fail "the package list changed: $(diff <(echo "$before") <(echo "$after"))"
    echo "installed $deb, used kneeplan, its manual and completions from /usr, removed it; the machine is as it was"
}

case ${1:-} in
    build) build "$2" "$3" ;;
    lintian) run_lintian "$2" ;;
    install) install "$2" ;;
    *) echo "usage: package.sh build BUILD_DIR OUT_DIR | lintian OUT_DIR | install OUT_DIR" >&2; exit 2 ;;
esac
