# 5,000 nested `menu` blocks, and 5,000 `if` blocks around 5,000 `menu`
# blocks in a sourced file: one nesting error at the first block past the
# limit, nothing after it (no "'endmenu' without matching 'menu'", no
# "'menu' without 'endmenu'" per open block), exit 2.
gen() {
	awk 'BEGIN { print "config A\n\tbool \"a\""
		for (i = 0; i < 5000; i++) print "menu \"m\""
		print "config B\n\tbool \"b\""
		for (i = 0; i < 5000; i++) print "endmenu" }' > Kconfig
	mkdir mixed
	awk 'BEGIN { print "config A\n\tbool \"a\""
		for (i = 0; i < 600; i++) print "if A"
		print "source \"sub/Kconfig\""
		for (i = 0; i < 600; i++) print "endif" }' > mixed/Kconfig
	mkdir mixed/sub
	awk 'BEGIN { for (i = 0; i < 600; i++) print "menu \"m\""
		print "config B\n\tbool \"b\""
		for (i = 0; i < 600; i++) print "endmenu" }' > mixed/sub/Kconfig
}
run='"$KCSAT" sat B --tree .; echo "menu $?"; "$KCSAT" sat B --tree mixed; echo "mixed $?"'
want_rc=0
want_err="^Kconfig:1003: error: 'menu' nested too deeply \(more than 1000 if/menu/choice blocks\); parsing stopped$"
limit_s=10 limit_mb=300
check() {
	[ "$(wc -l < .err)" = 2 ] &&
	grep -q "^sub/Kconfig:401: error: 'menu' nested too deeply (more than 1000 if/menu/choice blocks); parsing stopped$" .err &&
	grep -q '^menu 2$' .out && grep -q '^mixed 2$' .out
}
