#!/bin/sh
# The front-end fuzz target reads an error case (tests/cli/errors/*.test
# without a %%cmd: `kcsat dump --tree .` on its files) as kcsat does: its
# diagnostics are the case's expected stderr, so the replay of those cases
# in `make fuzz` runs the very error paths they test.
# Usage: tests/fuzz/errors-agree.sh BUILD_DIR
set -u
b=${1:?usage: errors-agree.sh BUILD_DIR}
cd "$(dirname "$0")/../.."
tmp=$(mktemp -d "${TMPDIR:-/tmp}/kcsat-agree.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
n=0 bad=0
for f in tests/cli/errors/*.test; do
	grep -q '^%%cmd' "$f" && continue
	n=$((n + 1))
	FUZZ_VERBOSE=1 REPLAY_NOFORK=1 "$b/fuzz_parse_replay" "$f" >/dev/null 2>"$tmp/got"
	awk '/^%%stderr$/ { on = 1; next } /^%%/ { on = 0 } on' "$f" >"$tmp/want"
	if ! cmp -s "$tmp/want" "$tmp/got"; then
		bad=$((bad + 1))
		echo "FAIL: $f: fuzz_parse reports otherwise"
		diff -u --label expected --label fuzz_parse "$tmp/want" "$tmp/got" | head -20
	fi
done
echo "$n error cases read alike, $bad not"
[ $bad -eq 0 ] && [ $n -gt 0 ]
