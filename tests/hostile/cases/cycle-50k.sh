# A 50,000-symbol `depends on` loop is a recursive dependency report (it
# crashed the walk with a stack overflow).
gen() {
	awk -v n=50000 'BEGIN { printf "config S0\n\tbool \"s\"\n\tdepends on S%d\n", n - 1
		for (i = 1; i < n; i++) printf "config S%d\n\tbool \"s\"\n\tdepends on S%d\n", i, i - 1 }' > Kconfig
}
run='"$KCSAT" dump --tree .'
want_rc=2
want_err='^Kconfig:3: error: recursive dependency detected!'
limit_s=20 limit_mb=1000
check() { [ "$(grep -c 'depends on' .err)" = 50000 ]; }
