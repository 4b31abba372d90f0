# `why` at the end of a 30,000-long `depends on` chain: each try of the
# minimization re-evaluates the chain (30 k * 30 k), so the drop loop has a
# work budget; past it the choices are listed as not minimized (was > 60 s).
gen() {
	awk -v n=30000 'BEGIN { print "config S0\n\tbool \"s\""
		for (i = 1; i < n; i++) printf "config S%d\n\tbool \"s\"\n\tdepends on S%d\n", i, i - 1 }' > Kconfig
}
run='"$KCSAT" why S29999 --tree .'
want_rc=0
want_err=''
want_out='^	choices \(not minimized, work budget spent\): S0=y S1=y '
limit_s=5 limit_mb=1000
