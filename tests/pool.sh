#!/bin/sh
# Run test suites a few at a time (make check and make integration): a
# 2-core machine finishes the suites that use one core two at a time, and
# the suites that use both share them.
#   usage: tests/pool.sh JOBS LIST
# LIST has one suite a line, "NAME COMMAND [ARG...]" (words split on
# blanks; no quoting), slowest first, so that the lanes end together.
# Each suite runs with its output into a log, shown whole when it ends
# (two suites' lines never mix), then its wall and CPU time (user+sys of
# everything it ran: on a loaded machine the CPU time is the number to
# compare).  At the end, the suites by wall time, and exit 1 if any failed.
set -u
self=$(cd "$(dirname "$0")" && pwd)/pool.sh

# ---- one suite (called back through xargs) -----------------------------------
if [ "${POOL_WORKER:-}" = 1 ]; then
	dir=$1 name=$2
	shift 2
	t0=$(date +%s)
	# the subshell's children's times: its suite alone
	( "$@"; rc=$?; times >"$dir/$name.times"; exit $rc ) >"$dir/$name.log" 2>&1 </dev/null
	rc=$?
	wall=$(($(date +%s) - t0))
	cpu=$(awk 'NR == 2 {
		n = split($0, t, /[ \t]+/); s = 0
		for (i = 1; i <= n; i++) { split(t[i], ms, "m"); s += ms[1] * 60 + ms[2] }
		printf "%.0f", s }' "$dir/$name.times" 2>/dev/null)
	echo "$name ${wall} ${cpu:-?} $rc" >"$dir/$name.rc"
	{
		echo "== $name: $*"
		cat "$dir/$name.log"
		[ "$rc" = 0 ] || echo "FAILED: $name (exit $rc)"
		echo "   ($name: $wall s wall, ${cpu:-?} s CPU)"
	} >"$dir/$name.out"
	cat "$dir/$name.out"
	exit 0
fi

# ---- the pool ------------------------------------------------------------------
jobs=${1:?usage: pool.sh JOBS LIST}
list=${2:?usage: pool.sh JOBS LIST}
dir=$(mktemp -d "${TMPDIR:-/tmp}/kcsat-pool.XXXXXX") || exit 2
trap 'rm -rf "$dir"' EXIT
trap 'exit 130' HUP INT TERM
start=$(date +%s)
grep -v '^[[:space:]]*\(#\|$\)' "$list" >"$dir/list"
POOL_WORKER=1 xargs -L 1 -P "$jobs" sh "$self" "$dir" <"$dir/list"
fail=0 n=0 cpu=0
echo "suites by wall time (s wall, s CPU), $jobs at a time:"
while read -r name rest; do
	n=$((n + 1))
	if [ -f "$dir/$name.rc" ]; then
		cat "$dir/$name.rc"
	else
		echo "$name ? ? missing"
	fi
done <"$dir/list" >"$dir/all"
sort -k2,2nr "$dir/all" | while read -r name wall c rc; do
	printf '  %-24s %5s %5s%s\n' "$name" "$wall" "$c" "$([ "$rc" = 0 ] || echo "  FAILED ($rc)")"
done
fail=$(awk '$4 != 0 { n++ } END { print n + 0 }' "$dir/all")
cpu=$(awk '$3 ~ /^[0-9]+$/ { s += $3 } END { print s + 0 }' "$dir/all")
echo "$n suites in $(($(date +%s) - start)) s wall, $cpu s CPU; $fail failed"
[ "$fail" -eq 0 ]
