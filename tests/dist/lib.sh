# Shared by tests/dist/*.sh: ok/bad counters and the final line.
passed=0 failed=0
ok() { passed=$((passed + 1)); echo "ok   - $*"; }
bad() { failed=$((failed + 1)); echo "FAIL - $*"; }
done_tests() {
	echo "$1: $passed passed, $failed failed"
	[ "$failed" -eq 0 ]
}
