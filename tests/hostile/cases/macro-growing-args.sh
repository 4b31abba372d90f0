# Few steps, much copying: a 512 KiB variable referenced at each of 2^20
# calls that drop it (under the size cap, and the step cap only stops it
# after 512 GB of copying); the bytes copied per statement are capped too.
gen() {
	{ echo 'f = $(2)'; echo 'V := x'; i=1
	  while [ $i -le 19 ]; do echo 'V := $(V)$(V)'; i=$((i + 1)); done
	  echo 'B0 :='; i=1
	  while [ $i -le 20 ]; do echo "B$i = \$(f,\$(V)\$(B$((i - 1))),\$(B$((i - 1))))"; i=$((i + 1)); done
	  printf 'config X\n\tbool "$(B20)"\n'; } > Kconfig
}
run='"$KCSAT" dump --tree .'
want_rc=2
want_err='^Kconfig:44: error: macro expansion copies more than 64 MiB$'
limit_s=5 limit_mb=300
