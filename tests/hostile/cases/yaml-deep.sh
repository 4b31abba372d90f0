# Rules nested 100,000 deep (25 s inside libyaml before the bound): refused
# at the 33rd level.
gen() {
	printf 'config A\n\tbool "a"\n' > Kconfig
	awk 'BEGIN { for (i = 0; i < 100000; i++) printf "["; for (i = 0; i < 100000; i++) printf "]"; print "" }' > r.yaml
}
run='"$KCSAT" check --tree . --rules r.yaml'
want_rc=2
want_err='^r.yaml:1:33: error: YAML nested deeper than 32 levels$'
limit_s=5 limit_mb=300
