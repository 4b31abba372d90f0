# check (lint and a rule) on the pigeonhole: unknown, never a violated rule.
gen() {
	awk -v P=10 -v H=9 -f "$here/pigeonhole.awk" > Kconfig
	printf -- '- id: all\n  description: all pigeons placed\n  reachable: ALL\n' > r.yaml
}
run='"$KCSAT" check --tree . --rules r.yaml --sat-budget 3000000'
want_rc=3
want_err=''
want_out='^unknown: solver budget exhausted on arch tree; no findings reported \(see --sat-budget\)$'
limit_s=30 limit_mb=500
check() { [ "$(wc -l < .out)" = 1 ]; }
