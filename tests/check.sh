#!/bin/sh
# `make check`: every suite, in the normal and the ASan+UBSan build, run
# two at a time (tests/pool.sh; KCSAT_CHECK_JOBS=N to change, 1 for one at
# a time): the whole must stay well under the 30 minutes CI allows on two
# cores.  Each suite's wall and CPU time is printed, and a table of them at
# the end, so a slow one shows.  Real-kernel suites fetch their trees on
# first use; what several suites share (trees, the kernel's conf, the
# compiler memo) is made here first, one at a time, before they start.
set -u
cd "$(dirname "$0")/.."
top=$(pwd)
start=$(date +%s)
setup() {
	for v in 6.12 6.1; do
		tests/kernel-tree.sh $v >/dev/null && tests/conf/build-conf.sh $v >/dev/null &&
			tests/conf/conf-server.sh $v >/dev/null || return 1
	done
	tests/conf/cc-memo.sh >/dev/null
}
setup || { echo "make check: cannot set up the kernel trees and conf"; exit 1; }
list=$(mktemp "${TMPDIR:-/tmp}/kcsat-check.XXXXXX") || exit 2
asan=$(mktemp "${TMPDIR:-/tmp}/kcsat-check.XXXXXX") || exit 2
trap 'rm -f "$list" "$asan"' EXIT
# slowest first, so that the two lanes end together: the real-kernel
# suites (tests/integration/run.sh's order), the ASan+UBSan build's after
# the minute-long ones, then the quick ones
{
	echo "hostile-asan make --no-print-directory hostile BUILD=build/asan"
	echo "unit-asan make --no-print-directory unit BUILD=build/asan"
	echo "cli-asan make --no-print-directory cli BUILD=build/asan"
	# the sanitizer build on real kernels too (every arch loaded; sat, why,
	# why-not, verify and lint on x86 and arm)
	echo "kernel-smoke sh tests/hostile/kernel-smoke.sh build/asan/kcsat"
} >"$asan"
{
	tests/integration/run.sh --list "$top/build/kcsat" |
		awk -v f="$asan" '{ print } $1 == "rules-6.12" { while ((getline l <f) > 0) print l }'
	echo "fuzz-asan make --no-print-directory fuzz BUILD=build/asan"
	for s in hostile unit cli fuzz; do
		echo "$s make --no-print-directory $s BUILD=build"
	done
	echo "dist sh tests/dist/run.sh build/kcsat"
	echo "check-docs sh tests/check-docs.sh build/kcsat"
	echo "check-layers sh tests/check-layers.sh"
	echo "check-alloc sh tests/check-alloc.sh"
	echo "check-layers-test sh tests/check-layers-test.sh"
	echo "sarif-lint sh tests/sarif/lint.sh build/kcsat"
	echo "sarif-check sh tests/sarif/check.sh build/kcsat"
} >"$list"
if sh tests/pool.sh "${KCSAT_CHECK_JOBS:-2}" "$list"; then
	echo "make check: all suites passed in $(( $(date +%s) - start )) s"
else
	echo "make check: FAILED after $(( $(date +%s) - start )) s"
	exit 1
fi
