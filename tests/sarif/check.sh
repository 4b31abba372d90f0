#!/bin/sh
# kcsat check --format sarif, on the check fixture tree with lint and every
# kind of rule (tests/cli/fixtures/check), must validate against the SARIF
# 2.1.0 schema (tests/sarif/validate.sh), and list each rule id as a SARIF
# rule; the validator's own self-test runs first.
# usage: tests/sarif/check.sh KCSAT_BINARY
set -u
kcsat=${1:?usage: tests/sarif/check.sh KCSAT_BINARY}
here=$(cd "$(dirname "$0")" && pwd)
sh "$here/selftest.sh" || exit 1
out=$(mktemp)
trap 'rm -f "$out"' EXIT
fixture=$here/../cli/fixtures/check
"$kcsat" check --tree "$fixture" --rules "$fixture/rules" --format sarif >"$out"
[ $? -eq 1 ] || { echo "sarif: kcsat check did not exit 1 on the fixture"; exit 1; }
for id in $(sed -n 's/^- id: //p' "$fixture"/rules/*.yaml); do
	grep -q "{\"id\":\"$id\"" "$out" || { echo "sarif: rule '$id' missing from the rules list"; exit 1; }
done
sh "$here/validate.sh" "$out"
