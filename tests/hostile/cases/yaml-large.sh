# A 30 MB rule file is refused before it is parsed.
gen() {
	printf 'config A\n\tbool "a"\n' > Kconfig
	head -c 30000000 /dev/zero | tr '\0' ' ' > r.yaml
}
run='"$KCSAT" check --tree . --rules r.yaml'
want_rc=2
want_err="^kcsat: error: cannot read rules 'r.yaml': larger than 4 MiB$"
limit_s=5 limit_mb=300
