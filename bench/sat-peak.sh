#!/bin/sh
# The SAT budget against real trees (issue 17: the default must be far
# above what any real query needs).  Runs every query kind with --sat-stats
# on every arch of each VERSION (default: 6.12 6.1) and prints, per
# command, the largest clause visits one solve used, its arch, and how far
# that is below the budget; then the largest of all (each arch's numbers
# first, as 'raw:' lines).  Usage:
# bench/sat-peak.sh KCSAT [VERSION...]
# Costs about 15 minutes of CPU per version (lint of every arch is most of
# it); not part of make check.
set -eu
kcsat=${1:?usage: sat-peak.sh KCSAT [VERSION...]}
shift
[ $# -gt 0 ] || set -- 6.12 6.1
here=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
syms='PCI_P2PDMA DRM_AMDGPU KVM BPF_JIT NUMA SMP MODULES NEED_SG_DMA_FLAGS DEBUG_INFO_BTF KASAN'
for v in "$@"; do
	tree=$("$here/tests/kernel-tree.sh" "$v")
	run() {	# LABEL ARGS...: the notes of one command, labelled
		label=$1
		shift
		"$kcsat" "$@" --tree "$tree" --arch all --jobs 2 --sat-stats >/dev/null 2>"$tmp/err" || :
		sed -n "s/^kcsat: note: arch \([^:]*\): sat: \([0-9]*\) solves, the largest \([0-9]*\) clause visits.*/$v $label \1 \2 \3/p" \
			"$tmp/err" >"$tmp/one"
		sed 's/^/raw: /' "$tmp/one"
		cat "$tmp/one" >>"$tmp/all"
		grep -v '^kcsat: note: arch [^:]*: sat: ' "$tmp/err" | grep -v 'is not defined on' | head -3 >&2 || :
	}
	run "sat(all)" sat $syms
	for s in $syms; do
		run "sat $s" sat "$s"
		run "why $s" why "$s"
		run "why-not $s=y" why-not "$s=y"
		run "why-not $s=n" why-not "$s=n"
	done
	for s in DRM_AMDGPU PCI_P2PDMA KASAN; do
		run "implies $s" implies "$s"
	done
	run "check rules" check --rules "$here/rules" -Wno-all
	run "lint" lint
done
budget=$("$kcsat" help 2>&1 | sed -n 's/^ *\([0-9][0-9]*\)); past it the answer is unknown$/\1/p')
awk -v budget="${budget:-50000000}" '
	{ k = $1 " " $2; for (i = 3; i < NF - 2; i++) k = k " " $i
	  if ($NF + 0 > peak[k] + 0 || !(k in peak)) { peak[k] = $NF; arch[k] = $(NF - 2) }
	  solves[k] += $(NF - 1)
	  if ($NF + 0 > top + 0) { top = $NF; topk = k " on " $(NF - 2) } }
	END { for (k in peak) printf "%-32s %10d visits (%s, %d solves in all)  budget/peak %.0fx\n",
		k, peak[k], arch[k], solves[k], peak[k] ? budget / peak[k] : 0
	      printf "largest: %d visits, %s: %.0fx below the budget %d\n", top, topk,
		top ? budget / top : 0, budget }' "$tmp/all" | sort
