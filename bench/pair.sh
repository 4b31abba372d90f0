#!/bin/sh
# Paired benchmark: two kcsat binaries, a base (built from an earlier
# commit) and this one, on the commands bench/load.sh and bench/lint.sh
# time, run alternately in the same run and timed as CPU (user+sys of the
# process and its workers, from /usr/bin/time), so that the load other
# work puts on the machine falls on both alike.
#
# usage: bench/pair.sh BASE_BINARY [KCSAT_BINARY]   (default: build/kcsat)
#
# A base binary of commit C:
#     git worktree add /tmp/base C && make -C /tmp/base && bench/pair.sh /tmp/base/build/kcsat
#
# A benchmark, not a test: it prints numbers and never fails on them.
# Knobs:
#   KCSAT_BENCH_RUNS=5      runs of each binary per measurement (the
#                           median is kept; every run is printed)
#   KCSAT_BENCH_LINT="x86"  the lint runs: "x86", "all" (minutes each),
#                           "x86 all", or "" for none
#   KCSAT_BENCH_JOBS=2      --jobs of the lint runs
# Each row says whether the two binaries printed the same thing (for dump
# they should; lint's findings change with the checks).
set -eu

base=${1:?usage: bench/pair.sh BASE_BINARY [KCSAT_BINARY]}
shift
. "$(dirname "$0")/lib.sh"
bench_init "$@"
case $base in /*) ;; *) base=$(pwd)/$base ;; esac
[ -x "$base" ] || die "no base binary at '$base'"
[ -x /usr/bin/time ] || die "needs /usr/bin/time (apt-get install time)"
runs=${KCSAT_BENCH_RUNS:-5}
lint=${KCSAT_BENCH_LINT-x86}
jobs=${KCSAT_BENCH_JOBS:-2}

# cpu WHO CMD...: run CMD once, append its CPU seconds to $tmp/WHO.cpu and
# keep its stdout in $tmp/WHO.out; exit status 0 or 1 (lint's findings).
cpu() {
	who=$1
	shift
	rc=0
	/usr/bin/time -f '%U %S' -o "$tmp/time" "$@" >"$tmp/$who.out" 2>"$tmp/err" || rc=$?
	[ $rc -le 1 ] || { cat "$tmp/err" >&2; die "failed ($rc): $*"; }
	awk '{ printf "%.2f\n", $1 + $2 }' "$tmp/time" >>"$tmp/$who.cpu"
}

median() { sort -n "$1" | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# measure NAME ARGS...: both binaries, alternately, $runs times each.
measure() {
	name=$1
	shift
	: >"$tmp/base.cpu"
	: >"$tmp/new.cpu"
	i=0
	while [ $i -lt "$runs" ]; do
		cpu base "$base" "$@"
		cpu new "$kcsat" "$@"
		i=$((i + 1))
	done
	same=differs
	cmp -s "$tmp/base.out" "$tmp/new.out" && same=same
	b=$(median "$tmp/base.cpu")
	n=$(median "$tmp/new.cpu")
	printf '%-34s %8.2f %8.2f %+7.1f%%  %-7s base %s; new %s\n' "$name" "$b" "$n" \
		"$(awk -v b="$b" -v n="$n" 'BEGIN { print (b > 0 ? (n - b) * 100 / b : 0) }')" "$same" \
		"$(tr '\n' ' ' <"$tmp/base.cpu" | sed 's/ $//')" "$(tr '\n' ' ' <"$tmp/new.cpu" | sed 's/ $//')"
}

echo "paired benchmark on $tree: median CPU s (user+sys) of $runs runs each, alternating"
echo "base: $base ($("$base" version | head -n 1))"
echo "new:  $kcsat ($("$kcsat" version | head -n 1))"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
printf '%-34s %8s %8s %8s  %-7s %s\n' measurement base new change output "every run"
measure "dump --arch all --summary" dump --tree "$tree" --arch all --summary --jobs 1
measure "dump --arch x86 --summary" dump --tree "$tree" --arch x86 --summary
for l in $lint; do
	case $l in
	all) measure "lint --jobs $jobs" lint --tree "$tree" --jobs "$jobs" --format json ;;
	*) measure "lint --arch $l --jobs $jobs" lint --tree "$tree" --arch "$l" --jobs "$jobs" --format json ;;
	esac
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
