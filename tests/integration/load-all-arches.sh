#!/bin/sh
# Every arch of both kernels loads with zero errors, and each arch's numbers
# are in the range the trees really have (a silent parse cut would show).
set -u
kcsat=$1
here=$(cd "$(dirname "$0")/.." && pwd)
fail=0
err=$(mktemp)
for ver in 6.12 6.1; do
	tree=$("$here/kernel-tree.sh" "$ver") || exit 1
	want=$(ls -d "$tree"/arch/*/Kconfig | wc -l)
	out=$("$kcsat" dump --tree "$tree" --arch all --summary 2>"$err")
	rc=$?
	if [ $rc -ne 0 ] || [ -s "$err" ]; then
		echo "linux-$ver: kcsat dump --arch all exited $rc"; cat "$err"; fail=1
	fi
	got=$(printf '%s\n' "$out" | wc -l)
	[ "$got" -eq "$want" ] || { echo "linux-$ver: $got arches loaded, want $want"; fail=1; }
	# symbols > 15000, files > 1400, shell macros > 70 on every arch
	bad=$(printf '%s\n' "$out" | awk '$2 < 15000 || $6 < 1400 || $10 < 70')
	[ -z "$bad" ] || { echo "linux-$ver: implausible counts:"; echo "$bad"; fail=1; }
	echo "linux-$ver: $got arches, $(printf '%s\n' "$out" | awk '{s+=$2} END {print s}') symbols in all"
	rm -f "$err"
done
exit $fail
