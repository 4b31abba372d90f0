# Writes followed symlinks: a tree that plants a witness name pointing at a
# victim made kcsat overwrite it.  A symlink at the path is an error, the
# victim untouched; a regular file is replaced through a renamed temporary.
gen() {
	printf 'config A\n\tbool "a"\n\tselect B\nconfig B\n\tbool\n\tdepends on C\nconfig C\n\tbool "c"\n' > Kconfig
	echo victim > victim
	mkdir wd
	ln -s ../victim wd/unmet-select-B-by-A-tree.config
	ln -s victim w.config
	echo old > plain.config
}
run='"$KCSAT" sat A --tree . --witness w.config; echo "sat $?"
"$KCSAT" lint --tree . --witness-dir wd >/dev/null; echo "lint $?"
"$KCSAT" sat A --tree . --witness plain.config; echo "plain $?"'
limit_s=20 limit_mb=1024
want_rc=0
want_err='^kcsat: error: cannot write w.config: it is a symbolic link \(kcsat does not follow them when writing\)$'
check() {
	[ "$(cat victim)" = victim ] && grep -q '^sat 2$' .out && grep -q '^lint 2$' .out &&
	grep -q '^plain 0$' .out && grep -q '^CONFIG_A=y$' plain.config &&
	grep -q "^kcsat: error: cannot write wd/.*: it is a symbolic link" .err &&
	[ -z "$(ls -a | grep kcsat-)" ]
}
