# lint on the pigeonhole (past 200 s, no output): the unknown is counted in
# the summary, and no finding (nor "clean") comes from it.
gen() { awk -v P=10 -v H=9 -f "$here/pigeonhole.awk" > Kconfig; }
run='"$KCSAT" lint --tree . --sat-budget 3000000 --format json'
want_rc=3
want_err=''
want_out='^\{"findings":\[\],"warnings":0,"notes":0,"unknown":\["tree"\]\}$'
limit_s=30 limit_mb=500
