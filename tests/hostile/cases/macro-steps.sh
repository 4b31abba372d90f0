# Exponential time with a small result: each level calls a user function
# that drops one of its two (doubly expanded) arguments.
gen() {
	{ echo 'f = $(2)'; echo 'B0 := x'; i=1
	  while [ $i -le 40 ]; do echo "B$i = \$(f,\$(B$((i - 1))),\$(B$((i - 1))))"; i=$((i + 1)); done
	  printf 'config X\n\tbool "$(B40)"\n'; } > Kconfig
}
run='"$KCSAT" dump --tree .'
want_rc=2
want_err='^Kconfig:44: error: macro expansion exceeds 1000000 steps$'
limit_s=10 limit_mb=300
