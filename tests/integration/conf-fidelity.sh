#!/bin/sh
# kcsat's model against the kernel's own scripts/kconfig/conf, on real trees
# and both with $(shell,...) run (kcsat --shell=run; CC is the memoizing
# wrapper tests/conf/cc-memo.sh on both sides, so both see the same answers):
#   soundness   N `conf --randconfig` configs per case (KCONFIG_SEED 1..N)
#               must all pass one `kcsat verify` of the N files;
#   precision   >= W witnesses of `kcsat sat SYM=y|SYM=m` per case, for a
#               seeded sample of bool and tristate symbols, each put through
#               `conf --olddefconfig`: same-values.py must find every
#               assignment kept (fails below 99 %, lists every one that is not);
#   conf-server conf is run as tests/conf/conf-server.c (the tree's conf,
#               parsing once and forking per config): its output must equal
#               the plain conf binary's on one config of each kind.
# The per-case work is tests/conf/fidelity.py; cases run two at a time.
# Two tiers: make check runs the quick one (the cases of quick_cases, N=30,
# W=80, 4/5 of the expressions) so that the whole suite stays well under
# 30 minutes; KCSAT_FULL=1 (make integration-full) runs every case with
# N=50, W=100.
# Usage: conf-fidelity.sh KCSAT [CASE...]     (cases: see the list below)
# Files go to a fresh /tmp/kcsat-conf-fidelity.XXXXXX, kept when a check
# fails (or with KCSAT_KEEP_WORK=1), removed otherwise.
set -u
kcsat=${1:?usage: conf-fidelity.sh KCSAT [CASE...]}
shift
here=$(cd "$(dirname "$0")/.." && pwd)
self=$here/integration/conf-fidelity.sh

# name version srcarch bits (- for both/none) expressions-asked
# KCONFIG_ALLCONFIG-line; fewer expressions where kcsat answers each for
# both bitnesses (two witnesses each); slowest first so that the two
# workers finish together
all_cases='6.12-x86-64 6.12 x86 64 140 CONFIG_64BIT=y
6.12-x86-32 6.12 x86 32 140 # CONFIG_64BIT is not set
6.1-x86 6.1 x86 - 84
6.12-powerpc 6.12 powerpc - 84
6.12-mips 6.12 mips - 84
6.12-riscv 6.12 riscv - 84
6.12-um 6.12 um - 84
6.12-arm 6.12 arm - 140
6.12-arm64 6.12 arm64 - 140
6.1-arm64 6.1 arm64 - 140
6.12-s390 6.12 s390 - 180'
# the quick tier: both bitnesses of x86 and both kernels, the arches the
# seed thread is about, and every dialect kcsat reads on these kernels
quick_cases='6.12-x86-64 6.12-x86-32 6.1-x86 6.12-powerpc 6.12-riscv 6.12-arm 6.12-arm64 6.1-arm64 6.12-s390'
if [ "${KCSAT_FULL:-0}" = 1 ]; then
	export FIDELITY_NRAND=${FIDELITY_NRAND:-50} FIDELITY_NWIT=${FIDELITY_NWIT:-100}
	scale=5
else
	export FIDELITY_NRAND=${FIDELITY_NRAND:-30} FIDELITY_NWIT=${FIDELITY_NWIT:-80}
	scale=4
fi

if [ "${FIDELITY_WORKER:-}" = 1 ]; then
	# one case, called back through xargs: output into its log, shown whole
	# when done so that two workers' lines never mix
	line=$(printf '%s\n' "$all_cases" | awk -v n="$1" '$1 == n')
	set -f
	set -- $line
	name=$1 ver=$2 arch=$3 bits=$4 exprs=$(($5 * scale / 5))
	shift 5
	allconfig="$*"
	tree=$("$here/kernel-tree.sh" "$ver")
	CONF=$("$here/conf/build-conf.sh" "$ver") CONF_SERVER=$("$here/conf/conf-server.sh" "$ver")
	export CONF CONF_SERVER
	set -- --name "$name" --tree "$tree" --arch "$arch" --exprs "$exprs" --work "$FIDELITY_WORK"
	[ "$bits" = - ] || set -- "$@" --bits "$bits"
	[ -z "$allconfig" ] || set -- "$@" --allconfig "$allconfig"
	"$PY" "$here/conf/fidelity.py" "$@" >"$FIDELITY_WORK/$name.log" 2>&1
	cat "$FIDELITY_WORK/$name.log"
	exit 0
fi

start=$(date +%s)
cases=$*
if [ -z "$cases" ]; then
	if [ "${KCSAT_FULL:-0}" = 1 ]; then
		cases=$(printf '%s\n' "$all_cases" | awk '{print $1}')
	else
		cases=$quick_cases
	fi
fi
for c in $cases; do
	printf '%s\n' "$all_cases" | awk -v n="$c" '$1 == n {f=1} END {exit !f}' ||
		{ echo "conf-fidelity.sh: unknown case '$c'" >&2; exit 2; }
done

# trees, conf builds and the compiler wrapper, once, before the workers start
for ver in 6.12 6.1; do
	case " $(echo $cases) " in *" $ver-"*) ;; *) continue;; esac
	"$here/kernel-tree.sh" "$ver" >/dev/null &&
	"$here/conf/build-conf.sh" "$ver" >/dev/null &&
	"$here/conf/conf-server.sh" "$ver" >/dev/null || { echo "conf-fidelity: cannot set up linux-$ver"; exit 1; }
done
CC=$("$here/conf/cc-memo.sh") || exit 1
cache=${KCSAT_CACHE:-${HOME:-/root}/.cache/kcsat}
KCSAT_CC_CACHE=${KCSAT_CC_CACHE:-$cache/cc-memo}
PYTHON3=/usr/bin/python3
[ -x "$PYTHON3" ] || PYTHON3=$(command -v python3)
PY=$PYTHON3
work=$(mktemp -d /tmp/kcsat-conf-fidelity.XXXXXX)
# a private copy: a rebuild of the binary during the run cannot break it
KCSAT=$work/kcsat
cp "$kcsat" "$KCSAT" || { echo "conf-fidelity: no kcsat binary at $kcsat"; exit 1; }
export CC KCSAT_CC_CACHE PYTHON3 PY KCSAT
export CONF_ENV="$here/conf/conf-env.sh" SAME_VALUES="$here/conf/same-values.py"
export FIDELITY_WORK="$work"

printf '%s\n' $cases | FIDELITY_WORKER=1 xargs -n 1 -P "${FIDELITY_JOBS:-2}" sh "$self" "$KCSAT"

pass=0 fail=0
for c in $cases; do
	n=0
	if [ -f "$work/$c.log" ]; then
		n=$(grep -c '^PASS ' "$work/$c.log")
		f=$(grep -c '^FAIL ' "$work/$c.log")
		pass=$((pass + n)) fail=$((fail + f))
		n=$((n + f))
	fi
	# soundness, precision, conf-server: a check that printed nothing failed
	[ "$n" -ge 3 ] || { fail=$((fail + 3 - n)); echo "FAIL $c: $((3 - n)) check(s) did not report"; }
done
end=$(date +%s)
echo "conf-fidelity: $(echo $cases | wc -w) cases in $((end - start)) s"
if [ "$fail" -gt 0 ] || [ "${KCSAT_KEEP_WORK:-}" = 1 ]; then
	echo "conf-fidelity: files kept in $work"
else
	rm -rf "$work"
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
