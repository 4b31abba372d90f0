# 5,000 nested `if` blocks gave 8,000 error lines (one "nested too deeply"
# per line past depth 1,000, then one "'endif' without matching 'if'" per
# endif).  The first nesting error stops the parse: one line, exit 2.
gen() {
	awk 'BEGIN { print "config A\n\tbool \"a\""
		for (i = 0; i < 5000; i++) print "if A"
		print "config B\n\tbool \"b\""
		for (i = 0; i < 5000; i++) print "endif" }' > Kconfig
}
run='"$KCSAT" sat B --tree .'
want_rc=2
want_err="^Kconfig:1003: error: 'if' nested too deeply \(more than 1000 if/menu/choice blocks\); parsing stopped$"
limit_s=10 limit_mb=300
check() { [ "$(wc -l < .err)" = 1 ] && [ ! -s .out ]; }
