#!/bin/sh
# Real-kernel integration suites: every tests/integration/*.sh but this one,
# each called with the kcsat binary.  Trees are fetched on first use.
set -u
kcsat=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
pass=0 fail=0
for t in "$here"/*.sh; do
	[ "$(basename "$t")" = run.sh ] && continue
	echo "-- $(basename "$t")"
	t0=$(date +%s)
	if sh "$t" "$kcsat"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAILED: $(basename "$t")"; fi
	echo "   ($(basename "$t"): $(( $(date +%s) - t0 )) s)"
done
echo "integration: $pass passed, $fail failed"
[ $fail -eq 0 ]
