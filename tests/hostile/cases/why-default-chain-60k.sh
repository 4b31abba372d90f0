# `why` on a 60,000-long chain of defaults: the concrete evaluator works on
# its own stack (it crashed in the recursive one); the chain is answered and
# the minimal choice is the head of the chain.
gen() {
	awk -v n=60000 'BEGIN { print "config S0\n\tbool \"s\""
		for (i = 1; i < n; i++) printf "config S%d\n\tbool\n\tdefault S%d\n", i, i - 1 }' > Kconfig
}
run='"$KCSAT" why S59999 --tree . && printf "CONFIG_S59999=y\n" > c && "$KCSAT" verify c --tree .'
want_rc=1
want_err=''
want_out='^	minimal: S0=y$'
limit_s=10 limit_mb=1000
