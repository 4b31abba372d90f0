# C1 controls (a terminal reads 0x9b as CSI, as it reads ESC [): U+009B in
# UTF-8 and a raw 0x9b byte in a file name, a prompt and an $(info) message
# were printed raw in text, JSON, SARIF and GitHub annotations and in
# diagnostics.  Text writes their bytes as \ooo, JSON as \u009b, GitHub as
# %XX; other UTF-8 (an e-acute, a quotation mark whose continuation byte
# is 0x80..0x9f) stays as it is.
gen() {
	d=$(printf 'd\302\233x\233y')
	mkdir "$d"
	printf 'source "d\302\233x\233y/Kconfig"\nconfig P\n\tbool "p \302\2332J \2332J caf\303\251 \342\200\234q"\n' > Kconfig
	printf 'config A\n\tbool "a $(info,i\302\233\233j)"\n\tselect B\nconfig B\n\tbool\n\tdepends on C\nconfig C\n\tbool "c"\n' \
		> "$d/Kconfig"
}
run='for f in text json sarif github; do "$KCSAT" lint --tree . --format $f > lint.$f; done
"$KCSAT" dump --tree . > dump.text; "$KCSAT" dump --tree . --format json > dump.json
cat lint.* dump.*; for j in lint.json lint.sarif dump.json; do jq -e . $j >/dev/null || echo "bad JSON $j" >&2; done'
limit_s=20 limit_mb=1024
want_rc=0
want_err='^d\\302\\233x\\233y/Kconfig:2: note: i\\302\\233\\233j$'
want_out='prompt "p \\302\\2332J \\2332J caf'
check() {
	# no byte 0x80..0x9f is left once the e-acute and the quotation mark go
	[ "$(sed 's/\xc3\xa9//g; s/\xe2\x80\x9c//g' .out .err | tr -d '\000-\177\240-\377' | wc -c)" = 0 ] &&
	grep -q "caf$(printf '\303\251') $(printf '\342\200\234')q" dump.text &&
	grep -q '^d\\302\\233x\\233y/Kconfig:3: warning: .*unmet-select' lint.text &&
	grep -q '"file":"d\\u009bx\\u009by/Kconfig"' lint.json &&
	grep -q '"uri":"d\\u009bx\\u009by/Kconfig"' lint.sarif &&
	grep -q '^::warning file=d%C2%9Bx%9By/Kconfig,line=3,' lint.github &&
	grep -q 'p \\u009b2J \\u009b2J caf' dump.json
}
