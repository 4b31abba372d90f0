# Reads outside the tree: `source "/etc/passwd"` printed every user name
# as "unknown statement"; also `..` and symlinks (file or directory)
# pointing outside.  Each is a file:line error that shows nothing of the
# file; a FIFO is refused without blocking.
gen() {
	mkdir t
	printf 'config A\n\tbool "a"\nsource "/etc/passwd"\nsource "../../../../../../etc/passwd"\n' > t/Kconfig
	printf 'source "lnk"\nsource "dl/passwd"\nsource "fifo"\nsource "dev"\nsource "dl/*"\n' >> t/Kconfig
	ln -s /etc/passwd t/lnk
	ln -s /etc t/dl
	mkfifo t/fifo
	ln -s /dev/zero t/dev
}
run='"$KCSAT" dump --tree t'
want_rc=2
want_err='^Kconfig:3: error: can.t open file "/etc/passwd": outside the tree$'
limit_s=10 limit_mb=1024
check() {
	grep -q '^Kconfig:4: error: can.t open file "../../../../../../etc/passwd": outside the tree$' .err &&
	grep -q '^Kconfig:5: error: can.t open file "lnk": outside the tree$' .err &&
	grep -q '^Kconfig:6: error: can.t open file "dl/passwd": outside the tree$' .err &&
	grep -q '^Kconfig:7: error: can.t open file "fifo": not a regular file$' .err &&
	grep -q '^Kconfig:8: error: can.t open file "dev": outside the tree$' .err &&
	! grep -q root .err && ! grep -q '^Kconfig:9:' .err
}
