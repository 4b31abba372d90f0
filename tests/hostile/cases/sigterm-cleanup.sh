# Ctrl-C left /tmp/kcsat-jobs-* behind, SIGTERM to the parent left the
# workers running as orphans, and the job files went to a hard-coded /tmp.
# Now they are under $TMPDIR, removed on SIGINT and SIGTERM, and the
# workers die with the parent.  (env --default-signal: sh starts a
# background job with SIGINT ignored, and kcsat keeps an ignored signal
# ignored.)
gen() {
	mkdir -p arch/a arch/b tmp
	awk -v P=10 -v H=9 -f "$here/pigeonhole.awk" > pig
	printf 'source "arch/$(SRCARCH)/Kconfig"\nsource "pig"\n' > Kconfig
	printf 'config A\n\tdef_bool y\n' > arch/a/Kconfig
	cp arch/a/Kconfig arch/b/Kconfig
}
run='for sig in TERM INT; do
	TMPDIR=$PWD/tmp env --default-signal=INT "$KCSAT" lint --tree . --arch a,b --jobs 2 --sat-budget none & p=$!
	sleep 1
	ls tmp | grep -q "^kcsat-jobs-" && echo "jobdir $sig"
	ws=$(ps -o pid= --ppid $p)
	kill -$sig $p; wait $p 2>/dev/null; echo "rc $sig $?"
	sleep 1
	for w in $ws; do	# a zombie nobody reaped yet is dead
		case $(ps -o stat= -p $w) in Z*|"") ;; *) echo "orphan $w"; kill -KILL $w ;; esac
	done
	if ls tmp | grep -q .; then echo "left $sig"; fi
done'
want_rc=0
want_err=''
limit_s=30 limit_mb=1000
check() {
	grep -q '^jobdir TERM$' .out && grep -q '^jobdir INT$' .out &&
	grep -q '^rc TERM 143$' .out && grep -q '^rc INT 130$' .out &&
	! grep -q -e orphan -e left .out
}
