# JSON, SARIF and a rule's description with a newline and ESC: escaped by
# the JSON writer (\u001b), valid JSON, no raw control byte.
gen() {
	printf 'config A\n\tbool "a\033[31m\177"\n\tselect B\nconfig B\n\tbool\n\tdepends on C\nconfig C\n\tbool "c"\n' > Kconfig
	printf 'config U\n\tbool "$(shell,printf \033)"\n' >> Kconfig
}
run='"$KCSAT" lint --tree . --format json > j1; "$KCSAT" lint --tree . --format sarif > j2
"$KCSAT" dump --tree . --format json > j3; "$KCSAT" why A --tree . --format json > j4
cat j1 j2 j3 j4; for j in j1 j2 j3 j4; do jq -e . $j >/dev/null || echo "bad JSON $j" >&2; done'
limit_s=20 limit_mb=1024
want_rc=0
want_err='^kcsat lint: 1 warning \(unmet-select 1\), 0 notes on the tree'
want_out='a\\u001b\[31m\\u007f'
check() { [ "$(tr -d '\n\t -~\200-\377' < .out | wc -c)" = 0 ] && grep -q '\$(shell,printf \\u001b)' j3; }
