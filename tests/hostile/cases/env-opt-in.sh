# The opt-ins read the environment as kbuild does: --env NAME for one
# variable, --env=all and --shell=run for every one; unpassed ones stay
# unknown beside them.
gen() { printf 'config A\n\tstring "a"\n\tdefault "$(KCSAT_H1)-$(KCSAT_H2)"\n' > Kconfig; }
run='export KCSAT_H1=one KCSAT_H2=two
"$KCSAT" dump --tree . --env KCSAT_H1 | grep default
"$KCSAT" dump --tree . --env=all | grep default
"$KCSAT" dump --tree . --shell=run | grep default
"$KCSAT" dump --tree . --env "" ; "$KCSAT" dump --tree . --env "A=B"'
limit_s=20 limit_mb=1024
want_rc=2
want_err="^kcsat: error: --env takes a variable name or 'all', not 'A=B'$"
check() {
	[ "$(sed -n 1p .out)" = '	default "one-\$(KCSAT_H2)" if y  # Kconfig:3' ] &&
	[ "$(sed -n 2p .out)" = '	default "one-two" if y  # Kconfig:3' ] &&
	[ "$(sed -n 3p .out)" = '	default "one-two" if y  # Kconfig:3' ] &&
	grep -q "^kcsat: error: --env takes a variable name or 'all', not ''$" .err
}
