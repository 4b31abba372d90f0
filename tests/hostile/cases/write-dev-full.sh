# Write errors were ignored: `sat --witness /dev/full`, `why --witness
# /dev/full` and `cnf -o /dev/full` exited 0.  Each is now "kcsat: error:
# cannot write FILE: reason", exit 2.
gen() { printf 'config A\n\tbool "a"\n' > Kconfig; }
run='"$KCSAT" sat A --tree . --witness /dev/full; echo "sat $?"
"$KCSAT" why A --tree . --witness /dev/full >/dev/null; echo "why $?"
"$KCSAT" cnf --tree . -o /dev/full; echo "cnf $?"
"$KCSAT" dump --tree . > /dev/full'
limit_s=20 limit_mb=1024
want_rc=2
want_err='^kcsat: error: cannot write /dev/full: No space left on device$'
check() {
	[ "$(grep -c '^kcsat: error: cannot write /dev/full: No space left on device$' .err)" = 3 ] &&
	grep -q '^sat 2$' .out && grep -q '^why 2$' .out && grep -q '^cnf 2$' .out &&
	grep -q '^kcsat: error: error writing output$' .err
}
