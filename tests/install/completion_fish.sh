#!/bin/bash
# The fish completion, asked the way fish asks it (`complete -C LINE`), from
# the script `kneeplan completion fish` prints.
#   completion_fish.sh KNEEPLAN
set -u
kneeplan=$1
if ! command -v fish >/dev/null; then
    echo "SKIP: fish is not installed (scripts/setup test installs it)"
    exit 77
fi
workdir=$(mktemp -d)
trap 'rm -rf "$workdir"' EXIT
"$kneeplan" completion fish -o "$workdir/kneeplan.fish" || exit 1
fish -n "$workdir/kneeplan.fish" || { echo "FAIL: fish cannot parse the script"; exit 1; }
failures=0

# expect "WORDS" LINE: the candidates (without their descriptions) for LINE are exactly WORDS.
expect() {
    local want got
    want=$(printf '%s\n' $1 | sort)
    got=$(HOME=$workdir fish --no-config -c "source '$workdir/kneeplan.fish'; complete -C '$2'" | cut -f1 | sort)
    if [[ $got != "$want" ]]; then
        echo "FAIL: [$2] completes to [$(echo $got)], expected [$(echo $want)]"
        failures=$((failures + 1))
    fi
}

commands=$("$kneeplan" --help | sed -n '/^Subcommands:/,/^$/p' | awk 'NR > 1 && NF { print $1 }')
expect "$commands" "kneeplan "
expect "show" "kneeplan exercises "
expect "novice intermediate advanced" "kneeplan plan --level "
expect "--level=novice --level=intermediate --level=advanced" "kneeplan check --level="
expect "buckling" "kneeplan check --level novice --symptom buc"
expect "--symptom" "kneeplan plan --sym"
expect "--catalogue" "kneeplan plan --cat"
side_ids=$("$kneeplan" exercises --json | python3 -c 'import json, sys; print(" ".join(e["id"] for e in json.load(sys.stdin) if e["id"].startswith("side-")))')
expect "$side_ids" "kneeplan --catalogue x.json exercises show side-"
expect "bash zsh fish" "kneeplan completion "
touch "$workdir/me.json"
expect "$workdir/me.json" "kneeplan check --profile $workdir/me"

if ((failures > 0)); then
    echo "$failures fish completion check(s) failed"
    exit 1
fi
echo "fish completion: all checks passed"
