# 50,000 chained `depends on`, each symbol before the one it depends on (so
# the walk goes 50,000 deep): a valid tree, answered.
gen() {
	awk -v n=50000 'BEGIN { for (i = 0; i < n - 1; i++) printf "config S%d\n\tbool \"s\"\n\tdepends on S%d\n", i, i + 1
		printf "config S%d\n\tbool \"s\"\n", n - 1 }' > Kconfig
}
run='"$KCSAT" dump --tree . --summary && "$KCSAT" sat S0 --tree .'
want_rc=0
want_err=''
want_out='^tree: SAT$'
limit_s=30 limit_mb=1500
