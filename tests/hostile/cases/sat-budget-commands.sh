# Every command whose row in src/cmd/main.c says it can exit 3 (its usage
# says so: tests/check-docs.sh) does exit 3 on the pigeonhole under a small
# budget, and says the answer is unknown; the others answer (lint and check:
# sat-budget-lint, sat-budget-check).  matrix gave
# "error: unknown symbol 'ALL'" (exit 2): an arch whose answers were
# unknown had no column, so the symbol looked undefined everywhere.
gen() {
	awk -v P=10 -v H=9 -f "$here/pigeonhole.awk" > Kconfig
	mkdir new && sed 's/bool "all"/bool "all pigeons"/' Kconfig > new/Kconfig
	diff -u Kconfig new/Kconfig | sed 's,^--- Kconfig.*,--- a/Kconfig,; s,^+++ new/Kconfig.*,+++ b/Kconfig,' > p.diff
}
run='b="--sat-budget 200000"
for c in "diff . new" "implies ALL" "matrix ALL" "patch p.diff" \
	"sat ALL" "why ALL" "why-not ALL" "cnf -o cnf" "dump --summary" "show ALL"; do
	case $c in diff*) t= ;; *) t="--tree ." ;; esac
	"$KCSAT" $c $t $b > out 2>err
	echo "${c%% *} rc=$? $(grep -c "unknown: solver budget exhausted" out err | tr "\n" " ")"
done'
want_rc=0
want_err=''
check() {
	for c in diff implies matrix patch sat why why-not; do
		grep -Eq "^$c rc=3 .*[1-9]" .out || { echo "$c: $(grep "^$c " .out)"; return 1; }
	done
	for c in check diff implies lint matrix patch sat verify why why-not; do
		"$KCSAT" help $c | tr '\n' ' ' | grep -q '3 when an answer is unknown' || return 1
	done
	for c in cnf dump show; do
		grep -q "^$c rc=0 out:0 err:0" .out || { echo "$c: $(grep "^$c " .out)"; return 1; }
		! "$KCSAT" help $c | tr '\n' ' ' | grep -q '3 when an answer' || return 1
	done
}
limit_s=30 limit_mb=500
