#!/bin/sh
# The ASan+UBSan build on real kernels (issue 17): `make check` ran the
# sanitizer build only on fixtures, and a signed overflow at the int/hex
# domain gap (model.c, LLONG_MAX + 1) aborted it on Linux 6.12 x86.
#   usage: tests/hostile/kernel-smoke.sh build/asan/kcsat
# Loads every arch of 6.12 and 6.1, then asks sat, why, why-not, verify and
# lint on x86 and arm of 6.12 (the hosts most CI runs on, one 64-bit and
# one 32-bit), each answer checked.  lint runs the checks outside the
# shared cover (unmet-select and the static ones): the cover takes minutes
# per arch in this build, and its code runs in the normal build's
# integration suites.  About 90 s of CPU.
set -u
[ $# = 1 ] || { echo "usage: $0 KCSAT" >&2; exit 2; }
bin=$1
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
top=$(cd "$(dirname "$0")/../.." && pwd)
ASAN_OPTIONS=detect_leaks=1
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
LC_ALL=C
export ASAN_OPTIONS UBSAN_OPTIONS LC_ALL
tmp=$(mktemp -d "${TMPDIR:-/tmp}/kcsat-smoke.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
pass=0 fail=0

# step NAME WANT_RC CMD...: runs CMD (stdout in $tmp/out, stderr in
# $tmp/err); fails on another exit code or on any sanitizer report.
step() {
	name=$1 want=$2
	shift 2
	"$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	if [ $rc != "$want" ] || grep -Eq 'Sanitizer|runtime error:' "$tmp/err"; then
		echo "FAIL $name: rc=$rc (want $want)"
		head -c 1500 "$tmp/err" | sed 's/^/	/'
		fail=$((fail + 1))
		return 1
	fi
	return 0
}
# ok NAME CONDITION...: the answer of the step before
ok() {
	name=$1
	shift
	if "$@"; then
		pass=$((pass + 1))
	else
		echo "FAIL $name: unexpected answer"
		head -c 1500 "$tmp/out" | sed 's/^/	/'
		fail=$((fail + 1))
	fi
}
has() { grep -Eq -- "$1" "$tmp/${2:-out}"; }

for v in 6.12 6.1; do
	tree=$("$top/tests/kernel-tree.sh" $v) || { echo "FAIL: no Linux $v tree"; exit 1; }
	n=$(ls "$tree/arch" | while read -r a; do [ -f "$tree/arch/$a/Kconfig" ] && echo "$a"; done | wc -l)
	step "load $v" 0 "$bin" dump --tree "$tree" --arch all --summary --jobs 2 &&
		ok "load $v: $n arches" [ "$(grep -c ' symbols ' "$tmp/out")" = "$n" ]
done

L=$("$top/tests/kernel-tree.sh" 6.12)
# PCI_P2PDMA needs ZONE_DEVICE, 64-bit only: the query that overflowed
step sat 0 "$bin" sat PCI_P2PDMA --tree "$L" --arch x86,arm --witness "$tmp/w.config" &&
	ok sat [ "$(cat "$tmp/out")" = "$(printf 'x86 64-bit: SAT\nx86 32-bit: UNSAT\narm 32-bit: UNSAT')" ]
ok "sat witness" grep -q '^CONFIG_PCI_P2PDMA=y$' "$tmp/w.config.x86-64"
step why 0 "$bin" why PCI_P2PDMA --tree "$L" --arch x86,arm &&
	ok why has '^x86 64-bit: PCI_P2PDMA=y because' && ok why-chain has 'ZONE_DEVICE'
step why-not 0 "$bin" why-not PCI_P2PDMA --tree "$L" --arch arm &&
	ok why-not has 'PCI_P2PDMA: depends on ZONE_DEVICE  \(drivers/pci/Kconfig:[0-9]+\)'
# the witness read back: an answer (consistent, or what olddefconfig would
# change; tests/integration/verify-changes.sh checks those against conf)
"$bin" verify --tree "$L" --arch x86 "$tmp/w.config.x86-64" >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ $rc -gt 1 ] || grep -Eq 'Sanitizer|runtime error:' "$tmp/err"; then
	echo "FAIL verify: rc=$rc"; head -c 1500 "$tmp/err" | sed 's/^/	/'; fail=$((fail + 1))
else
	ok verify has "w.config.x86-64: (consistent|olddefconfig changes [0-9]+ settings?) \\(x86\\)"
fi
step lint 1 "$bin" lint --tree "$L" --arch x86,arm --jobs 2 -Wno-all -Wunmet-select \
	-Wundefined-symbol -Wtransitional-reference -Wselect-nonbool -Wrecursive-dependency &&
	ok lint has '^kcsat lint: [0-9]+ warnings \(undefined-symbol [0-9]+, unmet-select [0-9]+\), [0-9]+ notes?( \(unmet-select [0-9]+\))? on 2 of [0-9]+ arches \(x86, arm\)' err &&
	ok lint-findings has '^[A-Za-z0-9/_.-]+:[0-9]+: warning: .* \[unmet-select\]$'

echo "kernel-smoke: $pass passed, $fail failed"
[ $fail = 0 ]
