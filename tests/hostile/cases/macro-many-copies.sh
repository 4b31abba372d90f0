# Each statement stays under the per-statement caps, but 4,000 statements
# each copying a 512 KiB variable held 2 GiB and ended in "out of memory"
# with no location (a 63 KB Kconfig): the load-wide cap PP_MAX_TOTAL (128 MiB)
# stops it at the first line past it.  Lines 2-16 double A to 512 KiB (about
# 1 MiB copied), so the 255th copy, B254 on line 271, passes 128 MiB.
gen() {
	{ echo 'A0 := xxxxxxxxxxxxxxxx'; i=1
	  while [ $i -le 15 ]; do echo "A$i := \$(A$((i - 1)))\$(A$((i - 1)))"; i=$((i + 1)); done
	  i=0; while [ $i -lt 4000 ]; do echo "B$i := \$(A15)"; i=$((i + 1)); done
	  printf 'config X\n\tbool "x"\n'; } > Kconfig
}
run='"$KCSAT" dump --tree .'
want_rc=2
want_err='^Kconfig:271: error: macro expansions copy more than 128 MiB in all'
limit_s=10 limit_mb=400
# One error, not one per later statement (3,874 lines before).
check() { [ "$(wc -l < .err)" -eq 1 ]; }
