# `A := $(A)$(A)` doubling (9.6 GB before the cap).
gen() {
	{ echo 'A := x'; i=0; while [ $i -lt 40 ]; do echo 'A := $(A)$(A)'; i=$((i + 1)); done
	  printf 'config X\n\tbool "$(A)"\n'; } > Kconfig
}
run='"$KCSAT" dump --tree .'
want_rc=2
want_err='^Kconfig:22: error: macro expansion exceeds 1048576 bytes$'
limit_s=10 limit_mb=300
