#!/bin/bash
# The zsh completion in a real interactive zsh: tmux types a line and Tab,
# and the test reads the screen. The script is `kneeplan completion zsh`,
# autoloaded from $fpath as the package installs it.
#   completion_zsh.sh KNEEPLAN
set -u
kneeplan=$(realpath "$1")
for tool in zsh tmux; do
    if ! command -v $tool >/dev/null; then
        echo "SKIP: $tool is not installed (scripts/setup test installs it)"
        exit 77
    fi
done
workdir=$(mktemp -d)
socket=$workdir/tmux.socket
trap 'tmux -S "$socket" kill-server 2>/dev/null; rm -rf "$workdir"' EXIT
mkdir "$workdir/functions" "$workdir/bin"
"$kneeplan" completion zsh -o "$workdir/functions/_kneeplan" || exit 1
zsh -n "$workdir/functions/_kneeplan" || { echo "FAIL: zsh cannot parse the script"; exit 1; }
ln -s "$kneeplan" "$workdir/bin/kneeplan"
cat >"$workdir/.zshrc" <<EOF
fpath=("$workdir/functions" \$fpath)
path=("$workdir/bin" \$path)
autoload -U compinit && compinit -u -d "$workdir/.zcompdump"
PROMPT='zsh> '
EOF
tmux -S "$socket" new-session -d -x 200 -y 50 "ZDOTDIR='$workdir' zsh -i"
failures=0

screen() { tmux -S "$socket" capture-pane -p; }

# Waits up to 10 s for the screen to match the extended regex $1.
wait_for() {
    local i
    for ((i = 0; i < 100; i++)); do
        screen | grep -qE -- "$1" && return 0
        sleep 0.1
    done
    return 1
}

# Waits up to 10 s for a cleared screen: the prompt alone (tmux drops trailing blanks).
wait_for_clear_screen() {
    local i
    for ((i = 0; i < 100; i++)); do
        [[ $(screen | grep -v '^$') == 'zsh>' ]] && return 0
        sleep 0.1
    done
    return 1
}

# expect LINE REGEX...: typing LINE and Tab shows every REGEX on the screen.
expect() {
    local line=$1 pattern
    shift
    tmux -S "$socket" send-keys C-u 'clear' Enter
    wait_for_clear_screen || { echo "FAIL: no prompt"; screen; exit 1; }
    tmux -S "$socket" send-keys "$line" Tab
    for pattern in "$@"; do
        if ! wait_for "$pattern"; then
            echo "FAIL: [$line<Tab>] does not show /$pattern/; the screen:"
            screen | grep -v '^$'
            failures=$((failures + 1))
            return
        fi
    done
}

wait_for '^zsh>' || { echo "FAIL: zsh did not start"; screen; exit 1; }
expect 'kneeplan ' '^plan +-- ' '^check +-- ' '^exercises +-- ' '^completion +-- '
expect 'kneeplan plan --level ' 'advanced +intermediate +novice'
expect 'kneeplan check --level=int' 'kneeplan check --level=intermediate'
expect 'kneeplan exercises sh' 'kneeplan exercises show'
expect 'kneeplan exercises show side-pl' 'kneeplan exercises show side-plank'
expect 'kneeplan --catalogue x.json exercises show wall' 'show wall-foam-roll'
expect 'kneeplan plan --symptom buc' 'plan --symptom buckling'
expect 'kneeplan completion f' 'kneeplan completion fish'

if ((failures > 0)); then
    echo "$failures zsh completion check(s) failed"
    exit 1
fi
echo "zsh completion: all checks passed"
