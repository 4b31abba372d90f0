# ESC/BEL/CR from tree strings (prompts, string defaults, file names, shell
# commands) and the \001N\002 unknown markers were printed raw; text
# output and diagnostics escape them as \ooo, unknowns read as their
# reference.
gen() {
	printf 'config A\n\tbool "a\033]0;pwned\007\r"\n\tselect B\nconfig B\n\tbool\n\tdepends on C\n' > Kconfig
	printf 'config C\n\tbool "c"\nconfig S\n\tstring "s"\n\tdefault "x\033[2J"\n' >> Kconfig
	printf 'config U\n\tbool "$(shell,echo \033[31m) $(info,i\033[1m$(shell,x))"\n\tdepends on $(shell,true)\n\tselect B\n' >> Kconfig
	mkdir b && printf 'source "no\033(Bfile"\n' > b/Kconfig
}
run='"$KCSAT" dump --tree .; "$KCSAT" why U --tree .; "$KCSAT" why-not C --tree .
"$KCSAT" lint --tree . --format text; "$KCSAT" lint --tree . --format github
"$KCSAT" dump --tree b; "$KCSAT" sat A --tree . --witness w'
limit_s=20 limit_mb=1024
want_rc=0
want_err='^Kconfig:13: note: i\\033\[1m\$\(shell,x\)$'
want_out='prompt "a\\033\]0;pwned\\007\\015" visible if y'
check() {
	# nothing below 0x20 but newline and tab, no DEL
	[ "$(cat .out .err | tr -d '\n\t -~\200-\377' | wc -c)" = 0 ] &&
	grep -q 'prompt "\$(shell,echo \\033\[31m) "' .out &&
	grep -q '^CONFIG_S="kcsat"$' w &&
	grep -q '^Kconfig:1: error: can.t open file "no\\033(Bfile": No such file or directory$' .err
}
