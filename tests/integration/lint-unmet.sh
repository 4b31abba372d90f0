#!/bin/sh
# kcsat lint's unmet-select and recursive-dependency checks against the
# kernel's own conf (the work is tests/conf/lint-unmet.py, which see):
#   A  recall: >= 16 `select X` lines injected into copies of Linux 6.12
#      (x86 arm64 arm riscv powerpc s390; seeded choice of selector S and
#      target X), each confirmed by conf --allnoconfig with CONFIG_S=y
#      warning "unmet direct dependencies detected for X"; lint must report
#      unmet-select at the injected file:line, symbol X, selector S;
#   B  precision: every unmet-select finding of those runs and of D's has
#      witnesses, and conf --olddefconfig on each warns for its symbol,
#      listing its selector;
#   C  4 injected dependency cycles that conf rejects ("recursive dependency
#      detected"); lint must report recursive-dependency naming the line;
#   D  every (X, S) of conf's unmet warnings in Linux 6.1 randconfigs
#      (x86 arm64 arm, KCONFIG_SEED 1..LINT_UNMET_SEEDS, default 50) must be
#      among lint's unmet-select findings.
# CC is the memoizing wrapper (tests/conf/cc-memo.sh) for conf and kcsat
# alike.  Usage: lint-unmet.sh KCSAT [PARTS]   (PARTS: some of ABCD)
# Files go to a fresh /tmp/kcsat-lint-unmet.XXXXXX, kept when a check fails
# (or with KCSAT_KEEP_WORK=1), removed otherwise.
set -u
kcsat=${1:?usage: lint-unmet.sh KCSAT [PARTS]}
parts=${2:-ABCD}
here=$(cd "$(dirname "$0")/.." && pwd)
start=$(date +%s)

TREE612=$("$here/kernel-tree.sh" 6.12) && CONF612=$("$here/conf/build-conf.sh" 6.12) &&
SERVER612=$("$here/conf/conf-server.sh" 6.12) && TREE61=$("$here/kernel-tree.sh" 6.1) &&
CONF61=$("$here/conf/build-conf.sh" 6.1) && SERVER61=$("$here/conf/conf-server.sh" 6.1) &&
CC=$("$here/conf/cc-memo.sh") || {
	echo "FAIL lint-unmet: cannot set up the trees and conf"; echo "0 passed, 1 failed"; exit 1; }
cache=${KCSAT_CACHE:-${HOME:-/root}/.cache/kcsat}
KCSAT_CC_CACHE=${KCSAT_CC_CACHE:-$cache/cc-memo}
PYTHON3=/usr/bin/python3
[ -x "$PYTHON3" ] || PYTHON3=$(command -v python3)
export TREE612 CONF612 SERVER612 TREE61 CONF61 SERVER61 CC KCSAT_CC_CACHE PYTHON3
export CONF_ENV="$here/conf/conf-env.sh"

work=$(mktemp -d /tmp/kcsat-lint-unmet.XXXXXX)
keep=${KCSAT_KEEP_WORK:-0}
trap '[ "$keep" = 1 ] || rm -rf "$work"' EXIT
trap 'exit 130' HUP INT PIPE TERM
# a private copy: a rebuild of the binary during the run cannot break it
KCSAT=$work/kcsat
export KCSAT
cp "$kcsat" "$KCSAT" || {
	echo "FAIL lint-unmet: no kcsat binary at $kcsat"; echo "0 passed, 1 failed"; exit 1; }
if ! "$KCSAT" lint --help >/dev/null 2>&1; then
	echo "FAIL lint-unmet: '$kcsat lint --help' fails (no lint command?)"
	echo "0 passed, 1 failed"
	exit 1
fi

{ "$PYTHON3" "$here/conf/lint-unmet.py" --work "$work" --parts "$parts" 2>&1
  echo $? >"$work/rc"; } | tee "$work/log"
rc=$(cat "$work/rc" 2>/dev/null || echo 1)
pass=$(grep -c '^PASS ' "$work/log")
fail=$(grep -c '^FAIL ' "$work/log")
if [ "$rc" != 0 ] && [ "$fail" -eq 0 ]; then
	echo "FAIL lint-unmet: lint-unmet.py exited $rc"
	fail=1
fi
[ "$pass" -gt 0 ] || { echo "FAIL lint-unmet: no check passed"; fail=$((fail + 1)); }
echo "lint-unmet: $(($(date +%s) - start)) s in all"
if [ "$fail" -gt 0 ]; then
	keep=1
	echo "lint-unmet: files kept in $work"
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
