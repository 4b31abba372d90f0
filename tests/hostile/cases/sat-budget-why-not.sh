# why-not on the pigeonhole: the answer is unknown, not a list of lines.
gen() { awk -v P=10 -v H=9 -f "$here/pigeonhole.awk" > Kconfig; }
run='"$KCSAT" why-not ALL --tree . --sat-budget 3000000 --format json'
want_rc=3
want_err='unknown: solver budget exhausted'
want_out='^\{"results":\[\{"arch":"tree","unknown":"solver budget exhausted","solves":[0-9]+\}\]\}$'
limit_s=20 limit_mb=500
