# `verify DIR` and `verify /dev/zero` were read as empty configs (the
# second without a memory bound); a FIFO hung.  Each is an error now, and
# a FIFO as the tree's Makefile does not block.
gen() {
	printf 'config A\n\tbool "a"\n' > Kconfig
	mkdir d
	mkfifo fifo
	mkfifo Makefile
}
run='"$KCSAT" verify --tree . d; echo "dir $?"
"$KCSAT" verify --tree . /dev/zero; echo "zero $?"
"$KCSAT" verify --tree . fifo; echo "fifo $?"
"$KCSAT" dump --tree . >/dev/null; echo "makefile $?"'
want_rc=0
want_err="^kcsat: error: cannot open 'd': Is a directory$"
limit_s=10 limit_mb=200
check() {
	grep -q '^dir 2$' .out && grep -q '^zero 2$' .out && grep -q '^fifo 2$' .out &&
	grep -q '^makefile [02]$' .out &&
	grep -q "^kcsat: error: cannot open '/dev/zero': not a regular file$" .err &&
	grep -q "^kcsat: error: cannot open 'fifo': not a regular file$" .err
}
