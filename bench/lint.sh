#!/bin/sh
# Lint benchmark: `kcsat lint --arch all` of Linux 6.12 (every check, both
# rounds, process start to exit) against the kernel's own conf measured in
# the same run.
#
# usage: bench/lint.sh [KCSAT_BINARY]          (default: build/kcsat)
#
# A benchmark, not a test: it prints numbers and never fails on them.
# Knobs: KCSAT_BENCH_JOBS (default: the number of CPUs), KCSAT_CACHE.
#
# Targets (issue 15): under 40 s on 2 cores, at most about 2.5 times the
# peer, and `lint --arch x86` under 10 s.  The load average is printed with
# the numbers: on a loaded machine the wall times mean little, the CPU
# times per check (`lint --times`, CPU time of the jobs) more.
# Peer: scripts/kconfig/conf --olddefconfig on an empty .config, once per
# arch ($(shell,...) through the warmed memoizing compiler wrapper): one
# configuration evaluated per arch, where lint answers every check over every configuration.  The
# per-check times (CPU time summed over arches) come from `lint --times`.
# For scale, kismet (the Kconfig unmet-select checker of the literature)
# reports about an hour per architecture for unmet-select alone.
set -eu

. "$(dirname "$0")/lib.sh"
bench_init "$@"
bench_conf
jobs=${KCSAT_BENCH_JOBS:-$(nproc)}
now_ms() { echo $(($(now_ns) / 1000000)); }

arches=$(tree_arches)
warm_conf $arches
t0=$(now_ms)
warm_conf $arches	# timed: the peer, with the memo warm
peer=$(($(now_ms) - t0))

load=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')
t0=$(now_ms)
rc=0
"$kcsat" lint --tree "$tree" --jobs "$jobs" --times --format json >"$tmp/lint.json" 2>"$tmp/times" || rc=$?
ms=$(($(now_ms) - t0))
[ $rc -le 1 ] || { cat "$tmp/times" >&2; die "kcsat lint failed ($rc)"; }
t0=$(now_ms)
rc=0
"$kcsat" lint --tree "$tree" --arch x86 --jobs "$jobs" --times --format json >"$tmp/x86.json" 2>"$tmp/x86-times" || rc=$?
x86=$(($(now_ms) - t0))
[ $rc -le 1 ] || { cat "$tmp/x86-times" >&2; die "kcsat lint --arch x86 failed ($rc)"; }
n=$(echo $arches | wc -w)
warn=$(sed -n 's/.*"warnings":\([0-9]*\).*/\1/p' "$tmp/lint.json")
notes=$(sed -n 's/.*"notes":\([0-9]*\)}.*/\1/p' "$tmp/lint.json")
printf '%-58s %9s\n' "Linux 6.12, $n arches, --jobs $jobs" "wall ms"
printf '%-58s %9d   (target < 40000; %s warnings, %s notes)\n' "kcsat lint (default checks, both rounds)" "$ms" "$warn" "$notes"
printf '%-58s %9d\n' "peer: conf --olddefconfig, every arch one after the other" "$peer"
printf '%-58s %9d   (target < 10000)\n' "kcsat lint --arch x86" "$x86"
awk -v a="$ms" -v b="$peer" 'BEGIN { printf "ratio kcsat lint / conf olddefconfig x%d: %.2f (target <= 2.5)\n", '"$n"', a / b }'
echo "load average before the lint runs: $load; after: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
echo "findings per check (warnings, notes):"
"$PYTHON3" - "$tmp/lint.json" <<'PY'
import collections, json, sys
c = collections.Counter((f["check"], f["level"]) for f in json.load(open(sys.argv[1]))["findings"])
for check in sorted({k for k, _ in c}):
    print(f"  {check:24s} {c[(check, 'warning')]:6d} {c[(check, 'note')]:6d}")
PY
echo "per check, all arches (CPU ms of the jobs, summed over arches):"
sed 's/^kcsat lint: /  /' "$tmp/times"
echo "per check, --arch x86 (CPU ms):"
sed 's/^kcsat lint: /  /' "$tmp/x86-times"
