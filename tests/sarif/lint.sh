#!/bin/sh
# kcsat lint --format sarif, on the lint fixture tree, must validate against
# the SARIF 2.1.0 schema (tests/sarif/validate.sh); the validator's own
# self-test runs first, so a validator that accepts anything fails here.
# usage: tests/sarif/lint.sh KCSAT_BINARY
set -u
kcsat=${1:?usage: tests/sarif/lint.sh KCSAT_BINARY}
here=$(cd "$(dirname "$0")" && pwd)
sh "$here/selftest.sh" || exit 1
out=$(mktemp)
trap 'rm -f "$out"' EXIT
"$kcsat" lint --tree "$here/../cli/lint-checks" --format sarif >"$out"
[ $? -le 1 ] || { echo "sarif: kcsat lint failed"; exit 1; }
sh "$here/validate.sh" "$out"
