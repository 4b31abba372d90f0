#!/bin/sh
# Load benchmark: how long kcsat and kconfiglib take to read Linux 6.12's
# Kconfig tree, per architecture, in the same run, both with $(shell,...)
# execution off and the environment kcsat sets (src/kconfig/arch.c).
#
# usage: bench/load.sh [KCSAT_BINARY]          (default: build/kcsat)
#
# A benchmark, not a test: it prints numbers and never fails on them (it
# exits non-zero only if a tool cannot load the tree at all).  Knobs:
#   KCSAT_BENCH_RUNS=5      kcsat runs per measurement (best is kept)
#   KCSAT_BENCH_PY_RUNS=2   kconfiglib loads per arch (best is kept)
#   KCSAT_BENCH_PY_ARCHES="x86 arm64"   time kconfiglib on a subset only
#                           (default: all arches, about half a second each)
#   KCSAT_CACHE             cache directory (default ~/.cache/kcsat)
#
# kcsat is timed from outside, per process (`kcsat dump --arch A --summary`,
# which loads the tree and prints one line), so its numbers include process
# start-up; it has no internal timer.  kconfiglib is timed around
# kconfiglib.Kconfig() inside one Python process (bench/kconfiglib-load.py),
# so its numbers exclude Python's start-up and import.
set -eu

. "$(dirname "$0")/lib.sh"
bench_init "$@"
runs=${KCSAT_BENCH_RUNS:-5}
pyruns=${KCSAT_BENCH_PY_RUNS:-2}
python=/usr/bin/python3
best_fmt=%.1f best_ok=0	# a tenth of a ms; only success counts

# The architectures, and kcsat's symbol counts for a cross-check.
"$kcsat" dump --tree "$tree" --arch all --summary >"$tmp/summary" 2>"$tmp/err" ||
	{ cat "$tmp/err" >&2; die "kcsat could not load $tree"; }
arches=$(awk '{ print $1 }' "$tmp/summary")
narches=$(echo "$arches" | wc -l)

kv=$(awk -F' *= *' '$1 == "VERSION" { v = $2 } $1 == "PATCHLEVEL" { p = $2 }
	$1 == "SUBLEVEL" { s = $2 } $1 == "EXTRAVERSION" { e = $2 }
	END { printf "%s.%s.%s%s", v, p, s, e }' "$tree/Makefile")

echo "kcsat load benchmark: Linux $kv ($tree), $narches arches, --shell=off"
echo "kcsat: $kcsat ($("$kcsat" version)), best of $runs runs, wall time per process"

# --- kcsat, per arch and all arches in one process ---
: >"$tmp/kcsat"
for a in $arches; do
	ms=$(best_ms "$kcsat" dump --tree "$tree" --arch "$a" --summary)
	echo "$a $ms" >>"$tmp/kcsat"
done
all_ms=$(best_ms "$kcsat" dump --tree "$tree" --arch all --summary)

# --- kconfiglib, on a copy whose `modules` lines read `option modules` ---
have_kconfiglib=1
if ! "$python" -c 'import kconfiglib' 2>/dev/null; then
	have_kconfiglib=0
	echo "kconfiglib: not installed for $python (apt-get install python3-kconfiglib); kcsat only"
fi
: >"$tmp/kconfiglib"
if [ $have_kconfiglib = 1 ]; then
	copy=$cache/bench-kconfiglib-6.12
	# The marker holds the source tree's own marker (its extraction date),
	# so a re-extracted tree gets a fresh copy.
	if ! cmp -s "$tree/.kcsat-complete" "$copy/.kcsat-bench-complete"; then
		echo "kconfiglib: making a copy of the tree with 'option modules' in $copy" >&2
		rm -rf "$copy.tmp.$$" "$copy"
		cp -R "$tree" "$copy.tmp.$$"
		grep -rlE '^[[:space:]]*modules[[:space:]]*$' "$copy.tmp.$$" |
			while IFS= read -r f; do
				sed -i -E 's/^([[:space:]]*)modules[[:space:]]*$/\1option modules/' "$f"
			done
		cp "$tree/.kcsat-complete" "$copy.tmp.$$/.kcsat-bench-complete"
		mv "$copy.tmp.$$" "$copy"
	fi
	pyarches=${KCSAT_BENCH_PY_ARCHES:-$arches}
	echo "kconfiglib: $("$python" -c 'import kconfiglib; print(kconfiglib.__file__)'), best of $pyruns loads per arch, timed in-process"
	# shellcheck disable=SC2086 # word splitting of the arch list is intended
	"$python" "$here/kconfiglib-load.py" "$copy" "$kv" "$pyruns" $pyarches \
		>"$tmp/kconfiglib" 2>"$tmp/err" ||
		{ cat "$tmp/err" >&2; die "kconfiglib could not load $copy"; }
fi
echo

# --- the table ---
awk -v all_ms="$all_ms" -v narches="$narches" -v have_kl=$have_kconfiglib '
FILENAME == ARGV[1] { kc[$1] = $2; order[++n] = $1; next }
FILENAME == ARGV[2] { syms[$1] = $2; shells[$1] = $10; next }
FILENAME == ARGV[3] { kl[$1] = $2; klsyms[$1] = $3; klshell[$1] = $4; next }
END {
	printf "%-11s %10s %14s %7s  %s\n", "arch", "kcsat ms", "kconfiglib ms", "ratio", "symbols kcsat/kconfiglib"
	for (i = 1; i <= n; i++) {
		a = order[i]; kcsum += kc[a]
		if (kc[a] > kcmax) kcmax = kc[a]
		if (a in kl) {
			nkl++; klsum += kl[a]; kcsum_kl += kc[a]
			note = syms[a] "/" klsyms[a]
			if (syms[a] != klsyms[a] || shells[a] != klshell[a])
				note = note "  MISMATCH (shell macros " shells[a] "/" klshell[a] ")"
			printf "%-11s %10.1f %14.1f %6.1fx  %s\n", a, kc[a], kl[a], kl[a] / kc[a], note
		} else {
			printf "%-11s %10.1f %14s %7s  %s\n", a, kc[a], "-", "-", syms[a]
		}
	}
	printf "%-11s %10.1f", "mean", kcsum / n
	if (nkl) printf " %14.1f %6.1fx", klsum / nkl, klsum / kcsum_kl
	printf "\n\n"
	printf "kcsat, all %d arches in one process (--arch all): %.1f ms (%.1f ms per arch)\n",
		narches, all_ms, all_ms / narches
	if (nkl) {
		printf "kconfiglib, one arch (mean of the %d timed): %.1f ms\n", nkl, klsum / nkl
		if (nkl == n)
			printf "kconfiglib, all %d arches (sum): %.1f ms\n", narches, klsum
		else
			printf "kconfiglib, all %d arches (projected from the mean of %d): %.1f ms\n", narches, nkl, klsum / nkl * narches
	}
	printf "\ntargets (informational, never fatal):\n"
	printf "  kcsat < 100 ms per arch:               slowest %.1f ms -> %s\n",
		kcmax, (kcmax < 100) ? "met" : "NOT met"
	if (nkl) {
		r = klsum / nkl / (all_ms / narches)
		printf "  all %d arches faster than kconfiglib on one (>= 20x per arch): %.1f ms vs %.1f ms, %.1fx -> %s\n",
			narches, all_ms, klsum / nkl, r, (all_ms < klsum / nkl && r >= 20) ? "met" : "NOT met"
	}
}' "$tmp/kcsat" "$tmp/summary" "$tmp/kconfiglib"
