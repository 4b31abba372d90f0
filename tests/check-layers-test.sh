#!/bin/sh
# tests/check-layers.sh fails on a deliberate violation: each case copies
# src/ and include/, adds one include where it does not belong, and wants
# the check to fail naming that file and line (and to pass on the copy
# before the edit).
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/kcsat-layers.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
passed=0
failed=0

# case FILE INCLUDE WANT: FILE gets "#include INCLUDE" on a line of its own
# after its first include; the check must fail with WANT in its output
case_() {
	rm -rf "$tmp/t" && mkdir "$tmp/t" && cp -r "$top/src" "$top/include" "$tmp/t/"
	awk -v inc="#include $2" '{ print } /^#include/ && !done { print inc; done = 1 }' \
		"$tmp/t/$1" >"$tmp/edit" && mv "$tmp/edit" "$tmp/t/$1"
	if sh "$top/tests/check-layers.sh" "$tmp/t" >"$tmp/out" 2>&1; then
		failed=$((failed + 1))
		echo "FAIL - $1 with #include $2: check-layers passed"
	elif grep -qF -- "$3" "$tmp/out"; then
		passed=$((passed + 1))
		echo "ok   - $1 with #include $2: $(grep -F -- "$3" "$tmp/out" | head -n 1)"
	else
		failed=$((failed + 1))
		echo "FAIL - $1 with #include $2: wanted '$3' in:"
		sed 's/^/    /' "$tmp/out"
	fi
}

mkdir "$tmp/t" && cp -r "$top/src" "$top/include" "$tmp/t/"
if sh "$top/tests/check-layers.sh" "$tmp/t" >"$tmp/out" 2>&1; then
	passed=$((passed + 1))
	echo "ok   - the unedited copy passes"
else
	failed=$((failed + 1))
	echo "FAIL - the unedited copy fails:"
	sed 's/^/    /' "$tmp/out"
fi
case_ src/kconfig/tree.c '"check/lint.h"' 'src/kconfig/tree.c:'
case_ src/kconfig/tree.c '"sat/model.h"' 'kconfig/ includes "sat/model.h": sat/ is a higher stage'
case_ src/check/lint.c '"cmd/cli.h"' 'check/ includes "cmd/cli.h": cmd/ is a higher stage'
case_ include/util/vec.h '"kconfig/kconfig.h"' 'include/util/vec.h:'
case_ src/sat/model.c '<picosat/picosat.h>' 'src/sat/model.c:'
case_ src/check/rules-check.c '<yaml.h>' 'only src/check/rules.c may'
case_ src/sat/cnf.c '"sat/nothing.h"' 'which is no header of include/<stage>/'
case_ src/sat/cnf.c '"../../include/cmd/cli.h"' 'which is no header of include/<stage>/'
case_ src/util/jobs.c '"lint-int.h"' 'nor beside it'
echo "check-layers-test: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
