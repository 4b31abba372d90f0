# The Kbuild reader of kcsat cover / dump --objects reads the tree's
# Makefiles, Kbuild files and C sources: a directory whose Makefile is a
# FIFO, a symlink out of the tree (file or directory), an include of
# /etc/passwd or of ../ paths, /dev/zero as a C file.  FIFOs and devices are
# refused without blocking, nothing outside the tree is read (an absolute or
# climbing include is counted unknown, never opened), the refusal is a
# file:line error of the line that names the file.
gen() {
	mkdir -p t/ok t/fifo t/lnk t/dl
	printf 'config A\n\tbool "a"\n' > t/Kconfig
	printf 'obj-y += ok/\ninclude /etc/passwd\ninclude ../../../../../../etc/passwd\n' > t/Kbuild
	printf -- '-include $(srctree)/../../../../etc/passwd\nobj-y += fifo/\n' >> t/Kbuild
	printf 'obj-y += a.o\n' > t/ok/Makefile
	ln -s /dev/zero t/ok/a.c
	mkfifo t/fifo/Makefile
	ln -s /etc/passwd t/lnk/Makefile
	ln -s /etc t/dl/x
}
run='"$KCSAT" dump --objects --tree t; "$KCSAT" why ok/a.c:1 --tree t; printf "obj-y += lnk/\n" > t/Kbuild; "$KCSAT" dump --objects --tree t; printf "include dl/x/passwd\n" > t/Kbuild; "$KCSAT" dump --objects --tree t'
want_rc=2
want_err='^Kbuild:5: error: cannot read .fifo/Makefile.: not a regular file$'
limit_s=10 limit_mb=1024
check() {
	grep -q "^kcsat: error: cannot read 'ok/a.c': outside the tree$" .err &&
	grep -q "^Kbuild:1: error: cannot read 'lnk/Makefile': outside the tree$" .err &&
	grep -q "^Kbuild:1: error: cannot read 'dl/x/passwd': outside the tree$" .err &&
	! grep -q root .err && ! grep -q root .out
}
