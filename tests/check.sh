#!/bin/sh
# `make check`: every suite, first in the normal build, then in the
# ASan+UBSan build.  Real-kernel suites fetch their trees on first use.
set -u
cd "$(dirname "$0")/.."
fail=0
# Each suite's wall time is printed, so a slow one shows (the whole must
# stay well under the 30 minutes CI allows).
run() {
	echo "== $*"
	t0=$(date +%s)
	"$@" || { echo "FAILED: $*"; fail=1; }
	echo "   ($(( $(date +%s) - t0 )) s)"
}
start=$(date +%s)
for b in build build/asan; do
	run make --no-print-directory unit BUILD=$b
	run make --no-print-directory cli BUILD=$b
	run make --no-print-directory fuzz BUILD=$b
	run make --no-print-directory hostile BUILD=$b
done
# the sanitizer build on real kernels too (every arch loaded; sat, why,
# why-not, verify and lint on x86 and arm)
run sh tests/hostile/kernel-smoke.sh build/asan/kcsat
run sh tests/check-docs.sh build/kcsat
run sh tests/check-layers.sh
run sh tests/check-alloc.sh
run sh tests/check-layers-test.sh
run sh tests/sarif/lint.sh build/kcsat
run sh tests/sarif/check.sh build/kcsat
run sh tests/dist/run.sh build/kcsat
run make --no-print-directory integration BUILD=build
if [ $fail -ne 0 ]; then
	echo "make check: FAILED after $(( $(date +%s) - start )) s"
	exit 1
fi
echo "make check: all suites passed in $(( $(date +%s) - start )) s"
