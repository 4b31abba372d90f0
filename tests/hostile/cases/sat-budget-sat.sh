# A 10-pigeon pigeonhole (12 KB of Kconfig) kept `kcsat sat ALL` running
# past 150 s: under a budget it is "unknown", exit 3.
gen() { awk -v P=10 -v H=9 -f "$here/pigeonhole.awk" > Kconfig; }
run='"$KCSAT" sat ALL --tree . --sat-budget 3000000'
want_rc=3
want_err='^kcsat: note: arch tree: unknown: solver budget exhausted$'
want_out='^tree: unknown: solver budget exhausted \(1 solves; see --sat-budget\)$'
limit_s=20 limit_mb=500
