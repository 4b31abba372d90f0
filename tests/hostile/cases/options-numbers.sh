# Option values are checked: `-p 4294967296` acted as -p0, `--kernel
# 99999999999.1` was accepted, `--arch ''` reported a recursive inclusion
# of arch//Kconfig.
gen() {
	printf 'config A\n\tbool "a"\n' > Kconfig
	mkdir -p arch/x86 && printf 'config X86\n\tdef_bool y\n' > arch/x86/Kconfig
	printf -- '--- a/Kconfig\n+++ b/Kconfig\n@@ -1,2 +1,3 @@\n config A\n \tbool "a"\n+\tdefault y\n' > p.patch
}
run='"$KCSAT" patch p.patch --tree . -p 4294967296; echo "p $?"
"$KCSAT" patch p.patch --tree . -p -1; echo "p- $?"
"$KCSAT" sat A --tree . --kernel 99999999999.1; echo "kernel $?"
"$KCSAT" sat A --tree . --arch ""; echo "arch $?"
"$KCSAT" sat A --tree . --jobs 4294967297; echo "jobs $?"
"$KCSAT" sat A --tree . --sat-budget 18446744073709551616; echo "budget $?"'
limit_s=20 limit_mb=1024
want_rc=0
want_err="^kcsat: error: -p wants a number of path components, not '4294967296'$"
check() {
	[ "$(grep -c ' 2$' .out)" = 6 ] &&
	grep -q "^kcsat: error: -p wants a number of path components, not '-1'$" .err &&
	grep -q "^kcsat: error: --kernel takes a version like 6.1, not '99999999999.1'$" .err &&
	grep -q "^kcsat: error: empty architecture name in --arch ''$" .err && ! grep -q 'recursive' .err &&
	grep -q "^kcsat: error: --jobs takes a number from 1 to 256, not '4294967297'$" .err &&
	grep -q "^kcsat: error: --sat-budget takes" .err
}
