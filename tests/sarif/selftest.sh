#!/bin/sh
# Checks that tests/sarif/validate.sh really validates: the hand-written
# valid.sarif must pass and invalid.sarif (bad level, no version, line 0) fail.
set -u
d=$(dirname "$0")
pass=0 fail=0
check() { # NAME EXPECTED_RC FILE
	out=$(sh "$d/validate.sh" "$3" 2>&1); rc=$?
	if [ "$rc" -eq "$2" ]; then pass=$((pass + 1)); else
		fail=$((fail + 1)); echo "FAIL: $1 (rc $rc, want $2)"; echo "$out"; fi
}
check "valid.sarif passes" 0 "$d/valid.sarif"
check "invalid.sarif fails" 1 "$d/invalid.sarif"
echo "sarif: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
