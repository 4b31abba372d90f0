#!/bin/sh
# Progress on a terminal (stderr only, only when it is a tty), through
# script(1)'s pty on Linux 6.12: with workers, one status line that counts
# the arches done, names the running ones and moves while they solve; in
# one process, the line names the arch being run and ticks; the line is
# cleared before the answers, which are the same as without a terminal;
# nothing of it without a terminal or with TERM=dumb.
# usage: tests/dist/progress.sh KCSAT_BINARY
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/tests/dist/lib.sh"
kcsat=${1:?usage: progress.sh KCSAT_BINARY}
case $kcsat in /*) ;; *) kcsat=$(pwd)/$kcsat ;; esac
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
tree=$("$top/tests/kernel-tree.sh" 6.12) || { bad "no Linux 6.12 tree"; done_tests progress; exit 1; }
command -v script >/dev/null || { bad "script(1) (util-linux) is missing"; done_tests progress; exit 1; }
export TERM=xterm

# CMD... run with stdin, stdout and stderr on a pty; the session in $tmp/tty
ontty() {
	script -q -e -c "$*" "$tmp/tty.raw" >/dev/null 2>&1 </dev/null
	rc=$?
	# drop script's own header and footer lines
	sed '1{/^Script started/d;}; ${/^Script done/d;}' "$tmp/tty.raw" >"$tmp/tty"
	return $rc
}
# the status lines drawn, one per line (each starts with "\r\033[K")
status_lines() {
	tr '\r' '\n' <"$tmp/tty" | sed -n 's/^\x1b\[Kkcsat: /kcsat: /p'
}
# the answers: what is left with the status lines removed
answers() {
	tr -d '\r' <"$tmp/tty" | sed 's/\x1b\[K\(kcsat: [^\x1b]*\)\{0,1\}//g' | grep -v '^$'
}

# why encodes each arch's whole model (about 0.5 s an arch on an idle
# machine), so every arch, x86 too, runs across several redraws; a sat
# query ends an arch between two redraws there
"$kcsat" why PCI_P2PDMA --tree "$tree" --arch all --jobs 2 >"$tmp/plain" 2>"$tmp/plain.err"
[ ! -s "$tmp/plain.err" ] && ok "not a terminal: nothing on stderr" || bad "stderr without a tty: $(head -c 300 "$tmp/plain.err" | cat -v)"

# workers
ontty "'$kcsat' why PCI_P2PDMA --tree '$tree' --arch all --jobs 2"
status_lines >"$tmp/lines"
n=$(sort -u "$tmp/lines" | wc -l)
[ "$n" -ge 3 ] && ok "--jobs 2: $n different status lines, e.g. '$(sed -n '5p' "$tmp/lines")'" ||
	bad "--jobs 2: $n status lines: $(cat -v "$tmp/tty" | head -c 400)"
# every line is "kcsat: arch D/21 done[, running: A, B]  Ns S"
bad_lines=$(grep -v -E '^kcsat: arch [0-9]+/21 done(, running: [a-z0-9]+(, [a-z0-9]+)?)?  [0-9]+s [-|/\\]$' "$tmp/lines" | head -3)
[ -z "$bad_lines" ] && ok "--jobs 2: every status line counts arches and names at most 2 running" ||
	bad "--jobs 2: unexpected status lines: $bad_lines"
sed -n 's|^kcsat: arch \([0-9]*\)/21.*|\1|p' "$tmp/lines" >"$tmp/done"
sort -n -c "$tmp/done" 2>/dev/null && [ "$(head -1 "$tmp/done")" -lt "$(tail -1 "$tmp/done")" ] &&
	ok "--jobs 2: arches done only grow, $(head -1 "$tmp/done") to $(tail -1 "$tmp/done") of 21" || bad "--jobs 2: done counts $(tr '\n' ' ' <"$tmp/done")"
grep -q 'running: .*x86' "$tmp/lines" && ok "--jobs 2: x86 shown running" || bad "--jobs 2: x86 never shown running"
# it moves while the same arches run: the spinner changes between lines
# that say the same otherwise
spins=$(sed 's/ [-|/\\]$//' "$tmp/lines" | uniq -c | awk '$1 > 1' | wc -l)
[ "$spins" -ge 1 ] && ok "--jobs 2: the line moves while the same arches run ($spins stretches)" ||
	bad "--jobs 2: the line never moves between changes"
answers >"$tmp/ans"
cmp -s "$tmp/ans" "$tmp/plain" && ok "--jobs 2: the answers on the terminal are the plain ones" ||
	bad "--jobs 2: answers differ: $(diff "$tmp/plain" "$tmp/ans" | head -5 | cat -v)"
tr -d '\r' <"$tmp/tty" | grep -a -q "$(printf '\033\\[K')alpha 64-bit: " &&
	ok "--jobs 2: the line is cleared before the answers" || bad "--jobs 2: answers not after a cleared line: $(cat -v "$tmp/tty" | tail -c 300)"

# one process: the line names the arch being run and ticks from a timer
# (every 250 ms: the query must run on x86 for several ticks, and
# implies PCI_P2PDMA now takes about one; DRM_AMDGPU takes 1.7 s)
ontty "'$kcsat' implies DRM_AMDGPU --tree '$tree' --arch x86,riscv --jobs 1"
status_lines >"$tmp/lines"
grep -q '^kcsat: arch 1/2: x86  [0-9]*s [-|/\\]$' "$tmp/lines" && grep -q '^kcsat: arch 2/2: riscv  ' "$tmp/lines" &&
	ok "--jobs 1: the line names the arch being run ($(sort -u "$tmp/lines" | wc -l) lines)" ||
	bad "--jobs 1: status lines: $(head -5 "$tmp/lines")"
ticks=$(grep '^kcsat: arch 1/2: x86' "$tmp/lines" | sort -u | wc -l)
[ "$ticks" -ge 2 ] && ok "--jobs 1: the line ticks while x86 solves ($ticks states)" || bad "--jobs 1: $ticks states for x86"
"$kcsat" implies DRM_AMDGPU --tree "$tree" --arch x86,riscv --jobs 1 >"$tmp/plain" 2>/dev/null
answers >"$tmp/ans"
cmp -s "$tmp/ans" "$tmp/plain" && ok "--jobs 1: the answers on the terminal are the plain ones" ||
	bad "--jobs 1: answers differ: $(diff "$tmp/plain" "$tmp/ans" | head -5 | cat -v)"

# stdout a terminal, stderr not: no progress
ontty "'$kcsat' sat PCI_P2PDMA --tree '$tree' --arch x86,arm64 --jobs 2 2>'$tmp/err'"
[ ! -s "$tmp/err" ] && [ -z "$(status_lines)" ] && ok "stderr not a terminal: no status line" ||
	bad "stderr redirected: $(cat -v "$tmp/err" | head -c 200)"
ontty "TERM=dumb '$kcsat' sat PCI_P2PDMA --tree '$tree' --arch x86,arm64 --jobs 2"
[ -z "$(status_lines)" ] && ok "TERM=dumb: no status line" || bad "TERM=dumb: $(status_lines | head -2)"
done_tests progress
