#!/bin/sh
# Installation and integration suites (issue 18): every tests/dist/*.sh but
# this one and lib.sh, each called with the kcsat binary (absolute path).
# usage: tests/dist/run.sh KCSAT_BINARY
set -u
kcsat=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
pass=0 fail=0
for t in "$here"/*.sh; do
	case $(basename "$t") in run.sh|lib.sh) continue ;; esac
	echo "-- $(basename "$t")"
	start=$(date +%s)
	if sh "$t" "$kcsat"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAILED: $(basename "$t")"; fi
	echo "   ($(( $(date +%s) - start )) s)"
done
echo "dist: $pass passed, $fail failed"
[ $fail -eq 0 ]
