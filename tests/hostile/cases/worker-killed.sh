# A --jobs worker that was killed gave exit 2 with nothing on stderr (sat:
# the other arches printed, the dead one just missing).  It is named now.
# Two arches, each a pigeonhole the budget stops after a few seconds (10M
# clause visits: 3-5 s on an idle machine, so the kill cannot come after the
# solve has ended, as it did with 3M); the first worker is killed while it
# solves (whichever arch it took).
gen() {
	mkdir -p arch/a arch/b
	awk -v P=10 -v H=9 -f "$here/pigeonhole.awk" > pig
	printf 'source "arch/$(SRCARCH)/Kconfig"\nsource "pig"\n' > Kconfig
	printf 'config A\n\tdef_bool y\n' > arch/a/Kconfig
	cp arch/a/Kconfig arch/b/Kconfig
}
run='"$KCSAT" sat ALL --tree . --arch a,b --jobs 2 --sat-budget 10000000 & p=$!
for i in $(seq 50); do
	sleep 0.1
	[ "$(ps -o pid= --ppid $p | wc -l)" = 2 ] && break
done
sleep 0.3
w=$(ps -o pid= --ppid $p | head -n 1)
[ -n "$w" ] && kill -KILL $w
wait $p'
want_rc=2
want_err='^kcsat: error: arch [ab]: worker killed by signal 9'
limit_s=40 limit_mb=1000
# the other arch's answer stands
check() {
	dead=$(sed -n 's/^kcsat: error: arch \([ab]\): worker killed.*/\1/p' .err)
	[ "$(grep -c ': unknown: solver budget exhausted' .out)" = 1 ] &&
	! grep -q "^$dead: " .out
}
