# lint on the pigeonhole (past 200 s, no output): the unknown is counted in
# the JSON and in the summary line on stderr, and no finding (nor "clean")
# comes from it.
gen() { awk -v P=10 -v H=9 -f "$here/pigeonhole.awk" > Kconfig; }
run='"$KCSAT" lint --tree . --sat-budget 3000000 --format json'
want_rc=3
want_err='^kcsat lint: no findings: answers unknown on 1 arch on the tree in [0-9.]+ s$'
want_out='^\{"findings":\[\],"warnings":0,"notes":0,"unknown":\["tree"\]\}$'
limit_s=30 limit_mb=500
