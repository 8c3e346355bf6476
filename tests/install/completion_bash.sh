#!/bin/bash
# The bash completion, driven as bash drives it (COMP_WORDS, COMP_CWORD,
# COMPREPLY), from the script `kneeplan completion bash` prints.
#   completion_bash.sh KNEEPLAN
set -u
kneeplan=$1
failures=0
source <("$kneeplan" completion bash) || { echo "FAIL: the script does not load"; exit 1; }

# The completions of the command line "$@" (the last word is the one being completed), one a line.
complete_line() {
    COMP_WORDS=("$@")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    COMP_LINE="$*"
    COMP_POINT=${#COMP_LINE}
    COMPREPLY=()
    _kneeplan kneeplan "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
    printf '%s\n' "${COMPREPLY[@]}" | sort
}

# expect "WORDS" ARGS...: the completions are exactly WORDS (any order).
expect() {
    local want got
    want=$(printf '%s\n' $1 | sort)
    shift
    got=$(complete_line "$@")
    if [[ $got != "$want" ]]; then
        echo "FAIL: [$*] completes to [$(echo $got)], expected [$(echo $want)]"
        failures=$((failures + 1))
    fi
}

# offers WORD ARGS...: WORD is among the completions.
offers() {
    local word=$1
    shift
    if ! complete_line "$@" | grep -qxF -- "$word"; then
        echo "FAIL: [$*] does not offer $word (got: $(complete_line "$@" | tr '\n' ' '))"
        failures=$((failures + 1))
    fi
}

# Subcommands, from `kneeplan --help` itself.
commands=$("$kneeplan" --help | sed -n '/^Subcommands:/,/^$/p' | awk 'NR > 1 && NF { print $1 }')
[[ -n $commands ]] || { echo "FAIL: no subcommands in --help"; exit 1; }
expect "$commands" kneeplan ''
expect "plan" kneeplan pl
expect "show" kneeplan exercises ''

# Options, and global options after a subcommand.
expect "--level" kneeplan plan --lev
offers --catalogue kneeplan plan --cat
offers --weeks kneeplan export --w
offers -o kneeplan export -

# Option values: the words --help lists, in both "--opt value" and "--opt=value" forms.
expect "novice intermediate advanced" kneeplan plan --level ''
expect "intermediate" kneeplan check --level = int
expect "novice intermediate advanced" kneeplan check --level =
expect "left right both" kneeplan export --side ''
expect "buckling" kneeplan check --symptom buc
expect "foam-roller" kneeplan exercises --equipment foam
expect "saturday sunday" kneeplan plan --rest-day s
expect "markdown" kneeplan plan --format m
expect "bash zsh fish" kneeplan completion ''
# A value is not taken for a subcommand or a positional.
expect "show" kneeplan exercises --category stretch ''
offers --side kneeplan check --level novice --s
# Bash splits a value such as 07:30 at the colon (into 07 : 30); it is still one value.
expect "show" kneeplan --catalogue a : b exercises ''

# Exercise ids, as the catalogue has them.
ids=$("$kneeplan" exercises --json | python3 -c 'import json, sys; print(" ".join(e["id"] for e in json.load(sys.stdin)))')
[[ -n $ids ]] || { echo "FAIL: no exercise ids"; exit 1; }
expect "$ids" kneeplan exercises show ''
# The ids that start "side-" (a ladder's rungs among them), as a prefix completes them.
expect "$(printf '%s\n' $ids | grep '^side-' | tr '\n' ' ')" kneeplan --catalogue x.json exercises show side-

# Files, where a value is a file.
workdir=$(mktemp -d)
trap 'rm -rf "$workdir"' EXIT
touch "$workdir/me.json" "$workdir/my-catalogue.json"
expect "$workdir/me.json" kneeplan plan --profile "$workdir/me"
expect "$workdir/my-catalogue.json" kneeplan validate "$workdir/me.json" "$workdir/my-"
expect "" kneeplan plan --weeks ''

# Every word offered for any option or positional of any command is one the
# command accepts: `kneeplan PATH OPTION WORD --help` validates it first.
checked=0
walk() {
    local path=$1 option sub word values
    _kneeplan_options "$path"
    for option in $REPLY; do
        _kneeplan_value "$path" "$option"
        values=$REPLY
        [[ $values == words\ * ]] || continue
        for word in ${values#words }; do
            if ! "$kneeplan" $path "$option" "$word" --help >/dev/null 2>&1; then
                echo "FAIL: kneeplan $path $option $word is refused, but completion offers it"
                failures=$((failures + 1))
            fi
            checked=$((checked + 1))
        done
    done
    _kneeplan_positional "$path" 0
    if [[ $REPLY == words\ * ]]; then
        for word in ${REPLY#words }; do
            if ! "$kneeplan" $path "$word" >/dev/null 2>&1; then
                echo "FAIL: kneeplan $path $word fails, but completion offers $word"
                failures=$((failures + 1))
            fi
            checked=$((checked + 1))
        done
    fi
    _kneeplan_subcommands "$path"
    for sub in $REPLY; do walk "${path:+$path }$sub"; done
}
walk ''
if ((checked < 30)); then
    echo "FAIL: only $checked offered words checked"
    failures=$((failures + 1))
fi

if ((failures > 0)); then
    echo "$failures bash completion check(s) failed"
    exit 1
fi
echo "bash completion: all checks passed ($checked offered words accepted)"
