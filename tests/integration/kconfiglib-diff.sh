#!/bin/sh
# Differential test of kcsat's front-end against kconfiglib (Debian's
# python3-kconfiglib): for every arch of kernel 6.12 and 6.1, compare the
# symbols, types, dependencies, defaults, prompts, ranges and select/imply
# sources that both read (tests/oracle/compare.py).  Differences listed in
# tests/oracle/explained.txt are accepted; any other one fails its arch.
#
# Two tiers: make check runs every arch of 6.12 and the quick tier of 6.1
# (x86 arm64 arm powerpc: both bitnesses, the seed thread's arches; one
# Kconfig dialect per version, so the other 6.1 arches add little), so
# that make check stays well under 30 minutes; KCSAT_FULL=1 (make
# integration-full) runs every arch of both.
#
# Usage: tests/integration/kconfiglib-diff.sh KCSAT_BINARY
# Env:   KCSAT_DIFF_VERSIONS  versions to run (default "6.12 6.1")
#        KCSAT_DIFF_ARCHES    arches to run (default: every arch of the tree,
#                             but the quick tier's of 6.1 without KCSAT_FULL=1)
#        KCSAT_DIFF_JOBS      parallel arches (default 2)
#        KCSAT_DIFF_OUT       keep per-arch reports in this directory
# Prints one summary line per arch, then "N passed, N failed".
set -u
kcsat=${1:?usage: kconfiglib-diff.sh KCSAT_BINARY}
case $kcsat in /*) ;; *) kcsat=$(pwd)/$kcsat ;; esac
[ -x "$kcsat" ] || { echo "kconfiglib-diff.sh: $kcsat is not executable" >&2; exit 2; }
here=$(cd "$(dirname "$0")/.." && pwd)
py=/usr/bin/python3
"$py" -c 'import kconfiglib' 2>/dev/null || {
	echo "kconfiglib-diff.sh: python3-kconfiglib missing (apt-get install python3-kconfiglib)" >&2
	exit 2; }

if [ -n "${KCSAT_DIFF_OUT:-}" ]; then
	out=$KCSAT_DIFF_OUT; mkdir -p "$out"
else
	out=$(mktemp -d); trap 'rm -rf "$out"' EXIT INT TERM
fi

start=$(date +%s)
# the comparator's own self-test: normalization hides no real difference
"$py" "$here/oracle/test_compare.py" > "$out/selftest.txt" 2>&1 || {
	cat "$out/selftest.txt"; echo "kconfiglib-diff.sh: compare.py self-test failed" >&2; exit 1; }
: > "$out/jobs"
for ver in ${KCSAT_DIFF_VERSIONS:-6.12 6.1}; do
	tree=$("$here/kernel-tree.sh" "$ver") || exit 2
	# build the rewritten copy once, before the parallel runs
	"$py" "$here/oracle/kconfiglib_dump.py" --tree "$tree" --prepare >/dev/null || exit 2
	quick=
	[ "$ver" = 6.1 ] && [ "${KCSAT_FULL:-0}" != 1 ] && quick="x86 arm64 arm powerpc"
	arches=${KCSAT_DIFF_ARCHES:-${quick:-$(cd "$tree/arch" && for a in *; do
		[ -f "$a/Kconfig" ] && echo "$a"; done)}}
	for a in $arches; do echo "$ver $tree $a" >> "$out/jobs"; done
done

# One job: compare one arch; its report goes to $out/VER-ARCH.txt
export kcsat here py out
xargs -P "${KCSAT_DIFF_JOBS:-2}" -L 1 sh -c '
	ver=$1 tree=$2 a=$3 r=$out/$1-$3.txt
	"$py" "$here/oracle/compare.py" --kcsat "$kcsat" --tree "$tree" --arch "$a" \
		--version "$ver" > "$r" 2>&1
	echo $? > "$r.rc"' sh < "$out/jobs"

pass=0 fail=0
while read -r ver tree a; do
	r=$out/$ver-$a.txt
	rc=$(cat "$r.rc" 2>/dev/null || echo 2)
	if [ "$rc" = 0 ]; then
		pass=$((pass + 1))
		tail -n 1 "$r"
	else
		fail=$((fail + 1))
		grep '^DIFF' "$r" | head -n 20
		n=$(grep -c '^DIFF' "$r")
		[ "$n" -gt 20 ] && echo "... $((n - 20)) more DIFF lines in $r"
		tail -n 1 "$r" | grep -q ' differences (' && tail -n 1 "$r" ||
			{ tail -n 5 "$r"; echo "$ver $a: FAIL, comparison did not run (exit $rc)"; }
	fi
done < "$out/jobs"
# explained.txt rules that no longer match anything (only on a full run)
if [ -z "${KCSAT_DIFF_VERSIONS:-}${KCSAT_DIFF_ARCHES:-}" ] && [ "${KCSAT_FULL:-0}" = 1 ]; then
	used=$(cat "$out"/*.txt | sed -n 's/.*\[explained.txt:\([0-9]*\) .*/\1/p' | sort -un)
	grep -n '^[^#[:space:]]' "$here/oracle/explained.txt" | cut -d: -f1 | while read -r l; do
		echo "$used" | grep -qx "$l" ||
			echo "note: tests/oracle/explained.txt:$l matched no difference (stale?)"
	done
fi
echo "kconfiglib-diff: $(( $(date +%s) - start ))s for $((pass + fail)) arches"
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
