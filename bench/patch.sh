#!/bin/sh
# usage: bench/patch.sh [KCSAT_BINARY]          (default: build/kcsat)
#
# A benchmark, not a test: it prints numbers and never fails on them.
# Knobs: KCSAT_BENCH_JOBS (default: the number of CPUs), KCSAT_BENCH_RUNS
# (default 3, the best run counts), KCSAT_CACHE.
#
# Target: `kcsat patch` of a one-file Kconfig patch on Linux 6.12, every
# arch, under 10 s on 2 cores.  The patch is the seed one
# (tests/patches/pci-p2pdma-64bit.patch).  Peer: scripts/kconfig/conf
# --olddefconfig twice per arch (before and after, with the memo warm):
# what a developer would run by hand to see one configuration of each
# tree, where kcsat compares every configuration.
set -eu

. "$(dirname "$0")/lib.sh"
bench_init "$@"
bench_conf
jobs=${KCSAT_BENCH_JOBS:-$(nproc)}
runs=${KCSAT_BENCH_RUNS:-3}
patch=$top/tests/patches/pci-p2pdma-64bit.patch

arches=$(tree_arches)
n=$(echo $arches | wc -w)
warm_conf $arches
twice() { for a in $arches; do conf_run "$a" && conf_run "$a"; done; }
peer=$(best_ms twice)
ms=$(best_ms "$kcsat" patch "$patch" --tree "$tree" --jobs "$jobs")
printf '%-60s %9s\n' "Linux 6.12, $n arches, --jobs $jobs, best of $runs" "wall ms"
printf '%-60s %9d   (target < 10000)\n' "kcsat patch pci-p2pdma-64bit.patch" "$ms"
printf '%-60s %9d\n' "peer: conf --olddefconfig x2 per arch" "$peer"
awk -v a="$ms" -v b="$peer" 'BEGIN { printf "ratio kcsat patch / conf olddefconfig x%d: %.2f\n", 2 * '"$n"', a / b }'
