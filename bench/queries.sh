#!/bin/sh
# Query benchmark: kcsat's seed-thread queries end to end (process start to
# exit, tree loaded each time) on Linux 6.12, every arch, against the
# kernel's own conf measured in the same run.
#
# usage: bench/queries.sh [KCSAT_BINARY]         (default: build/kcsat)
#
# A benchmark, not a test: it prints numbers and never fails on them (it
# exits non-zero only when a tool cannot run at all).  Knobs:
#   KCSAT_BENCH_RUNS=3    runs per timed command (the fastest is kept)
#   KCSAT_CACHE           cache directory (default ~/.cache/kcsat)
#
# Timed (wall clock, $(shell,...) off, kcsat's default jobs):
#   implies PCI_P2PDMA --arch all                       target < 5 s
#   why-not NEED_SG_DMA_FLAGS --arch all --bits 32      target < 5 s
#   why NEED_SG_DMA_FLAGS --arch all --bits 32          target < 5 s (if
#                                                       `kcsat help why`)
#   matrix of 50 symbols --arch all                     target < 20 s
# The 50 symbols: the first 50 `config` entries of drivers/pci/Kconfig then
# mm/Kconfig with a `bool "..."` or `tristate "..."` prompt line (a fixed
# list for a given tree).  Peer: the kernel's scripts/kconfig/conf
# --olddefconfig on an empty .config, once per arch, one after the other
# (as bench/model.sh), $(shell,...) run through the warmed memoizing
# compiler wrapper (tests/conf/cc-memo.sh): one configuration evaluated per
# arch, where kcsat answers a question about every configuration.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
kcsat=${1:-$top/build/kcsat}
case $kcsat in /*) ;; *) kcsat=$(pwd)/$kcsat ;; esac
runs=${KCSAT_BENCH_RUNS:-3}

die() { echo "bench/queries.sh: $*" >&2; exit 2; }
[ -x "$kcsat" ] || die "no kcsat binary at '$kcsat' (run make first)"
tree=$("$top/tests/kernel-tree.sh" 6.12) || die "cannot get the Linux 6.12 tree"
conf=$("$top/tests/conf/build-conf.sh" 6.12) || die "cannot build the kernel's conf"
CC=$("$top/tests/conf/cc-memo.sh") || die "cannot build tests/conf/cc-memo"
cache=${KCSAT_CACHE:-${HOME:-/root}/.cache/kcsat}
KCSAT_CC_CACHE=${KCSAT_CC_CACHE:-$cache/cc-memo}
PYTHON3=/usr/bin/python3
[ -x "$PYTHON3" ] || PYTHON3=$(command -v python3)
export CC KCSAT_CC_CACHE PYTHON3

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

now_ns() { date +%s%N; }

# best_ms CMD...: run CMD $runs times, print the fastest wall time in ms
best_ms() {
	best=
	i=0
	while [ $i -lt "$runs" ]; do
		t0=$(now_ns)
		rc=0
		"$@" >"$tmp/out" 2>"$tmp/err" || rc=$?
		t1=$(now_ns)
		case $rc in 0|1) ;; *) cat "$tmp/err" >&2; die "failed ($rc): $*";; esac
		d=$((t1 - t0))
		if [ -z "$best" ] || [ $d -lt "$best" ]; then best=$d; fi
		i=$((i + 1))
	done
	awk -v ns="$best" 'BEGIN { printf "%.0f", ns / 1e6 }'
}

conf_run() {	# conf_run ARCH: conf --olddefconfig on an empty config
	rm -f "$tmp/olddef.config"
	: >"$tmp/olddef.config"
	KCONFIG_CONFIG=$tmp/olddef.config KCONFIG_AUTOCONFIG=$tmp/auto.conf \
		"$top/tests/conf/conf-env.sh" "$tree" "$1" "$conf" --olddefconfig Kconfig
}
: >"$tmp/auto.conf"	# present: conf leaves include/config/ alone

syms=$(awk '
	$1 == "config" || $1 == "menuconfig" { s = $2; next }
	s != "" && /^[ \t]*(bool|tristate)[ \t]+"/ { print s; s = "" }
	/^[ \t]*$/ { }' "$tree/drivers/pci/Kconfig" "$tree/mm/Kconfig" | awk '!seen[$0]++' | head -n 50)
nsyms=$(echo $syms | wc -w)
arches=$(ls -d "$tree"/arch/*/Kconfig | sed 's|.*/arch/||; s|/Kconfig||')

echo "# kcsat $("$kcsat" version 2>/dev/null | head -n 1), Linux 6.12, $(nproc) cores, best of $runs, shell off"
echo "# warming the memoizing compiler wrapper..."
for a in $arches; do conf_run "$a" >/dev/null 2>&1 || true; done

fmt='%-58s %8s %8s  %s\n'
printf "$fmt" query ms target answer
q() {	# q TARGET_MS LABEL ARGS...
	target=$1 label=$2
	shift 2
	ms=$(best_ms "$kcsat" "$@" --tree "$tree")
	printf "$fmt" "$label" "$ms" "$target" "$1"
}
ans_implies() { grep 'redundant in' "$tmp/out" | head -n 1 | sed 's/^[ \t]*//'; }

ms=$(best_ms "$kcsat" implies PCI_P2PDMA --arch all --tree "$tree")
printf "$fmt" "implies PCI_P2PDMA --arch all" "$ms" 5000 "$(ans_implies)"
ms=$(best_ms "$kcsat" why-not NEED_SG_DMA_FLAGS --arch all --bits 32 --tree "$tree")
printf "$fmt" "why-not NEED_SG_DMA_FLAGS --arch all --bits 32" "$ms" 5000 \
	"$(grep -c 'is blocked by' "$tmp/out") blocked cases"
if "$kcsat" help why >/dev/null 2>&1; then
	ms=$(best_ms "$kcsat" why NEED_SG_DMA_FLAGS --arch all --bits 32 --tree "$tree")
	printf "$fmt" "why NEED_SG_DMA_FLAGS --arch all --bits 32" "$ms" 5000 "$(wc -l <"$tmp/out") lines"
else
	echo "# this kcsat has no 'why' command"
fi
set -- $syms
ms=$(best_ms "$kcsat" matrix "$@" --arch all --tree "$tree")
printf "$fmt" "matrix of $nsyms symbols --arch all" "$ms" 20000 "$(($(wc -l <"$tmp/out") - 1)) rows"
tot_conf=0
for a in $arches; do
	c=$(best_ms conf_run "$a")
	tot_conf=$((tot_conf + c))
done
printf "$fmt" "peer: conf --olddefconfig, every arch one after the other" "$tot_conf" - "$(echo $arches | wc -w) arches"
echo "# matrix symbols: $(echo $syms)"
