# One arch's answers unknown (a pigeonhole the budget stops), the others
# answered: sat and matrix print every arch in order, the unknown one's
# line or JSON element where its answers would be (the jobs compute, the
# parent prints: the JSON writer puts the commas between the elements).
gen() {
	mkdir -p arch/a arch/b arch/c
	printf 'source "arch/$(SRCARCH)/Kconfig"\n' > Kconfig
	printf 'config ALL\n\tbool "all"\n' > arch/a/Kconfig
	awk -v P=10 -v H=9 -f "$here/pigeonhole.awk" > arch/b/Kconfig
	cp arch/a/Kconfig arch/c/Kconfig
}
run='b="--tree . --arch a,b,c --jobs 2 --sat-budget 200000"
"$KCSAT" sat ALL $b --format json > j; echo "sat json $?"
"$KCSAT" sat ALL $b; echo "sat $?"
"$KCSAT" matrix ALL $b; echo "matrix $?"'
want_rc=0
want_err='^kcsat: note: arch b: unknown: solver budget exhausted$'
limit_s=30 limit_mb=500
check() {
	python3 -c 'import json, sys; d = json.load(open("j"))["results"]
want = [("a", False), ("b", True), ("c", False)]
sys.exit([(r["arch"], "unknown" in r) for r in d] != want)' &&
	[ "$(cat .out)" = "sat json 3
a 32-bit: SAT
b: unknown: solver budget exhausted (1 solves; see --sat-budget)
c 32-bit: SAT
sat 3
b: unknown: solver budget exhausted (1 solves; see --sat-budget)
SYMBOL  a/32  c/32
ALL     ny    ny  
matrix 3" ]
}
