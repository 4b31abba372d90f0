# Unknown values that name the previous one twice: kept as markers, they are
# small, but rendering them back as $(shell,...) text doubles per level; the
# rendering is capped (and iterative).
gen() {
	{ echo 'A := x'; i=0; while [ $i -lt 40 ]; do echo 'A := $(shell,$(A)$(A))'; i=$((i + 1)); done
	  printf 'config X\n\tstring "p"\n\tdefault "$(A)"\n'; } > Kconfig
}
run='"$KCSAT" dump --tree .'
want_rc=0
want_err=''
want_out='default "\$\(shell,\$\(shell,.*\.\.\."'
limit_s=10 limit_mb=300
