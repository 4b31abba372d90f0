# An error or warning that repeats once per input line must not make the
# output grow with the input: at most 50 of each severity are printed,
# then one "too many" line (a Kconfig with 100,000 unknown statements and
# nested choices; a .config with 100,000 invalid values for verify).
gen() {
	awk 'BEGIN { print "config A\n\tbool \"a\""
		for (i = 0; i < 100000; i++) print "bogus" i }' > Kconfig
	mkdir ch
	awk 'BEGIN { print "config A\n\tbool \"a\""
		for (i = 0; i < 3000; i++) print "choice\n\tprompt \"c\""
		for (i = 0; i < 3000; i++) print "endchoice" }' > ch/Kconfig
	mkdir ok
	printf 'config A\n\tbool "a"\n' > ok/Kconfig
	awk 'BEGIN { for (i = 0; i < 100000; i++) print "CONFIG_A=bad" i }' > bad.config
}
run='"$KCSAT" dump --tree . --summary; echo "stmt $?"
"$KCSAT" dump --tree ch --summary; echo "choice $?"
"$KCSAT" verify --tree ok bad.config; echo "verify $?"'
want_rc=0
want_err='^kcsat: error: too many errors \(50\); the rest are not shown$'
limit_s=20 limit_mb=500
check() {
	grep -q '^stmt 2$' .out && grep -q '^choice 2$' .out && grep -q '^verify 1$' .out &&
	[ "$(grep -c 'unknown statement "bogus' .err)" = 50 ] &&
	[ "$(grep -c "'choice' is not allowed inside a choice" .err)" = 50 ] &&
	[ "$(grep -c "^bad.config:[0-9]*: warning: symbol value 'bad[0-9]*' invalid for A$" .err)" = 50 ] &&
	grep -q '^kcsat: warning: too many warnings (50); the rest are not shown$' .err &&
	[ "$(wc -l < .err)" -lt 200 ]
}
