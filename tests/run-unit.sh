#!/bin/sh
# Run cmocka unit-test binaries and sum their test cases.
#   tests/run-unit.sh BUILD_DIR NAME...
# Runs BUILD_DIR/unit/NAME for each NAME, prints the output of every binary
# that had a failure, and ends with "N passed, N failed" (test cases, as
# counted from cmocka's "[ RUN ]" / "[ OK ]" lines).  A binary that exits
# non-zero although all its tests passed (a sanitizer report at exit, e.g. a
# leak) or that dies before running all of its tests counts as failed too.
# Exits 1 if anything failed.
set -u

if [ $# -lt 1 ]; then
	echo "usage: $0 BUILD_DIR NAME..." >&2
	exit 2
fi
build=$1
shift

tmp=$(mktemp -d "${TMPDIR:-/tmp}/kcsat-unit.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM

# Plain-text cmocka output whatever the caller's environment says.
CMOCKA_MESSAGE_OUTPUT=STDOUT
export CMOCKA_MESSAGE_OUTPUT
unset CMOCKA_XML_FILE 2>/dev/null || true

total_pass=0
total_fail=0
for name in "$@"; do
	bin=$build/unit/$name
	log=$tmp/$name.log
	if [ ! -x "$bin" ]; then
		echo "FAIL $name: $bin not found or not executable"
		total_fail=$((total_fail + 1))
		continue
	fi
	"$bin" >"$log" 2>&1
	rc=$?
	# cmocka: "[==========] Running N test(s)." / "[ RUN      ] x" /
	# "[       OK ] x" / "[  FAILED  ] x"
	declared=$(sed -n 's/^\[==========\] Running \([0-9][0-9]*\) test(s)\.$/\1/p' "$log" | head -n 1)
	ran=$(grep -c '^\[ RUN      \] ' "$log")
	pass=$(grep -c '^\[       OK \] ' "$log")
	[ -n "$declared" ] || declared=$ran
	[ "$declared" -ge "$ran" ] || declared=$ran
	fail=$((declared - pass))
	note=
	if [ "$rc" -ne 0 ] && [ "$fail" -eq 0 ]; then
		# Every case passed but the process failed: sanitizer or
		# leak report at exit, or no test ran at all.
		fail=1
		note=" (exit status $rc after the tests; see output)"
	elif [ "$ran" -lt "$declared" ]; then
		note=" (stopped after $ran of $declared tests, exit status $rc)"
	fi
	total_pass=$((total_pass + pass))
	total_fail=$((total_fail + fail))
	if [ "$fail" -ne 0 ]; then
		echo "FAIL $name: $pass passed, $fail failed$note"
		sed 's/^/    /' "$log"
	else
		echo "ok   $name: $pass passed"
	fi
done

echo "$total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]
