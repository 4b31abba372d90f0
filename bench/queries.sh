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

. "$(dirname "$0")/lib.sh"
bench_init "$@"
bench_conf
runs=${KCSAT_BENCH_RUNS:-3}
best_out=$tmp/out	# the answers column reads it

syms=$(awk '
	$1 == "config" || $1 == "menuconfig" { s = $2; next }
	s != "" && /^[ \t]*(bool|tristate)[ \t]+"/ { print s; s = "" }
	/^[ \t]*$/ { }' "$tree/drivers/pci/Kconfig" "$tree/mm/Kconfig" | awk '!seen[$0]++' | head -n 50)
nsyms=$(echo $syms | wc -w)
arches=$(tree_arches)

echo "# kcsat $("$kcsat" version 2>/dev/null | head -n 1), Linux 6.12, $(nproc) cores, best of $runs, shell off"
echo "# warming the memoizing compiler wrapper..."
warm_conf $arches

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
