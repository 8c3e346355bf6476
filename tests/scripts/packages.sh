#!/bin/bash
# scripts/setup and scripts/perf install the Debian packages they need from
# one list (scripts/debian-packages). Run against stand-ins for dpkg-query,
# dpkg, apt-get and sudo that record what they are asked and install nothing.
#   packages.sh SOURCE_DIR
set -u
source_dir=$1
workdir=$(mktemp -d)
trap 'rm -rf "$workdir"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# Stand-ins: $workdir/installed lists the packages dpkg-query reports as
# installed; $workdir/audit is what dpkg --audit prints; each apt-get and
# dpkg call is logged a line each, and `apt-get install` fails, which stops
# the scripts before they build anything.
stubs=$workdir/bin
mkdir -p "$stubs"
cat >"$stubs/dpkg-query" <<'STUB'
#!/bin/sh
package=$(eval echo "\${$#}")
grep -qx "$package" "$STUBS_DIR/installed" && printf 'install ok installed'
exit 0
STUB
cat >"$stubs/dpkg" <<'STUB'
#!/bin/sh
[ "$1" = --audit ] && { cat "$STUBS_DIR/audit"; exit 0; }
echo "dpkg $*" >>"$STUBS_DIR/log"
STUB
cat >"$stubs/apt-get" <<'STUB'
#!/bin/sh
echo "apt-get $*" >>"$STUBS_DIR/log"
case " $* " in *" install "*) exit 1 ;; esac
STUB
printf '#!/bin/sh\nexec "$@"\n' >"$stubs/sudo"
chmod +x "$stubs"/*
export STUBS_DIR=$workdir PATH="$stubs:$PATH"
reset() { : >"$workdir/installed"; : >"$workdir/audit"; : >"$workdir/log"; }
# The packages the last run asked apt-get to install, one a line, sorted.
asked() { sed -n 's/^apt-get install .*--no-install-recommends //p' "$workdir/log" | tr ' ' '\n' | sed '/^$/d' | sort; }

# install_missing: only the missing packages, after an index update; nothing when none is missing.
reset
printf 'present-one\npresent-two\n' >"$workdir/installed"
(cd "$source_dir" && . scripts/debian-packages && install_missing present-one absent-one present-two absent-two) 2>/dev/null
[[ $(asked | tr '\n' ' ') == "absent-one absent-two " ]] || fail "install_missing asked for: $(asked | tr '\n' ' ')"
[[ $(head -1 "$workdir/log") == "apt-get update -qq" ]] || fail "no index update before installing: $(cat "$workdir/log")"
reset
printf 'present-one\n' >"$workdir/installed"
(cd "$source_dir" && . scripts/debian-packages && install_missing present-one) 2>/dev/null ||
    fail "install_missing failed with nothing to install"
[[ ! -s $workdir/log ]] || fail "install_missing ran apt-get with nothing to install: $(cat "$workdir/log")"

# A dpkg run cut short is finished first.
reset
echo "The following packages are only half configured" >"$workdir/audit"
(cd "$source_dir" && . scripts/debian-packages && install_missing absent-one) 2>/dev/null
[[ $(head -1 "$workdir/log") == "dpkg --configure -a" ]] || fail "a half-done dpkg run was not finished first: $(cat "$workdir/log")"

# What each script asks for on a machine with none of it.
reset
"$source_dir/scripts/setup" plan >/dev/null 2>&1 && fail "scripts/setup plan went on after a failed install"
asked >"$workdir/setup-plan"
reset
"$source_dir/scripts/setup" test >/dev/null 2>&1 && fail "scripts/setup test went on after a failed install"
asked >"$workdir/setup-test"
reset
"$source_dir/scripts/perf" >/dev/null 2>&1 && fail "scripts/perf went on after a failed install"
asked >"$workdir/perf"

for package in cmake g++ libsqlite3-dev libical-dev libicu-dev catch2; do
    grep -qx "$package" "$workdir/setup-plan" || fail "scripts/setup plan does not install $package"
done
# perf builds what setup builds, then benchmarks and times it.
missing_from_perf=$(comm -23 "$workdir/setup-plan" "$workdir/perf" | tr '\n' ' ')
[[ -z $missing_from_perf ]] || fail "scripts/perf does not install what the build needs: $missing_from_perf"
for package in libbenchmark-dev hyperfine; do
    grep -qx "$package" "$workdir/perf" || fail "scripts/perf does not install $package"
done
# The tests need all the build needs, and their own tools.
missing_from_test=$(comm -23 "$workdir/setup-plan" "$workdir/setup-test" | tr '\n' ' ')
[[ -z $missing_from_test ]] || fail "scripts/setup test does not install what plan does: $missing_from_test"
for package in tmux chromium python3-icalendar; do
    grep -qx "$package" "$workdir/setup-test" || fail "scripts/setup test does not install $package"
done

[[ $failures == 0 ]] && echo "ok: scripts/setup and scripts/perf install what they need"
exit $((failures > 0))
