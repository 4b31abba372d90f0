#!/bin/sh
# usage: bench/cover.sh [KCSAT_BINARY]          (default: build/kcsat)
#
# A benchmark, not a test: it prints numbers and never fails on them.
# Knobs: KCSAT_BENCH_JOBS (default 2), KCSAT_BENCH_RUNS (default 3, the
# best run counts), KCSAT_CACHE.
#
# Target (issue 19): `kcsat cover` of a 10-file patch on every arch of
# Linux 6.12 under 10 s on 2 cores.  The patch adds a comment line at the
# top of the first 10 x86 files of tests/build/cover-build.sample (one hunk
# each, in drivers/, block/, fs/, lib/), made from the tree's sources
# (tests/kernel-src.sh 6.12).  Timed twice: the coverage answer alone, and
# with --witness DIR (per arch and bitness the defconfig changed as little
# as the olddefconfig simulation allows; the kernel-src tree has no
# arch/*/configs, so a hard-linked copy of it gets them from the tarball).
# Peer, in the same run: the kernel's conf --olddefconfig once per arch,
# the least a per-arch build check pays before it compiles anything (one
# configuration of each arch, where kcsat answers for every one).  Wall
# time is the best of the runs; CPU time (user + sys, from /usr/bin/time)
# is the best too, and is what a loaded machine does not distort.
set -eu

. "$(dirname "$0")/lib.sh"
bench_init "$@"
bench_conf
jobs=${KCSAT_BENCH_JOBS:-2}
runs=${KCSAT_BENCH_RUNS:-3}
src=$("$top/tests/kernel-src.sh" 6.12) || die "cannot get the Linux 6.12 sources"

# the patch: one hunk at line 1 of each of the 10 files
awk '$1 == "x86" { print $2 }' "$top/tests/build/cover-build.sample" | head -n 10 >"$tmp/files"
: >"$tmp/10.patch"
while read -r f; do
	[ -f "$src/$f" ] || die "$f: not in $src"
	printf -- '--- a/%s\n+++ b/%s\n@@ -1,1 +1,2 @@\n+/* kcsat bench */\n %s\n' \
		"$f" "$f" "$(head -n 1 "$src/$f")" >>"$tmp/10.patch"
done <"$tmp/files"
[ "$(wc -l <"$tmp/files")" -eq 10 ] || die "the sample has fewer than 10 x86 files"

# the defconfigs, for --witness: a copy of the tree with arch/*/configs
defs=$cache/defconfigs-6.12
if [ ! -f "$defs/.complete" ]; then
	rm -rf "$defs.tmp" && mkdir -p "$defs.tmp" &&
		tar -xJf /usr/src/linux-source-6.12.tar.xz -C "$defs.tmp" --strip-components=1 \
			--wildcards "linux-source-6.12/arch/*/configs/*" &&
		rm -rf "$defs" && mv "$defs.tmp" "$defs" && touch "$defs/.complete" ||
		die "cannot extract the defconfigs"
fi
wtree=$tmp/src	# hard links (kcsat reads no file through a link out of its tree)
cp -al "$src" "$wtree" 2>/dev/null || cp -a "$src" "$wtree"
for d in "$defs"/arch/*/configs; do
	a=$(basename "$(dirname "$d")")
	[ -d "$wtree/arch/$a" ] && cp -r "$d" "$wtree/arch/$a/configs"
done

# cpu_ms CMD...: the least user + sys time of $runs runs, in ms
cpu_ms() {
	best=
	i=0
	while [ $i -lt "$runs" ]; do
		rc=0
		/usr/bin/time -f '%U %S' -o "$tmp/time" "$@" >/dev/null 2>"$tmp/err" || rc=$?
		case $rc in 0 | 1) ;; *) cat "$tmp/err" >&2; die "failed ($rc): $*" ;; esac
		ms=$(awk '{ printf "%d", ($1 + $2) * 1000 }' "$tmp/time")
		if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
		i=$((i + 1))
	done
	echo "$best"
}

arches=$(tree_arches)
n=$(echo $arches | wc -w)
warm_conf $arches
once() { for a in $arches; do conf_run "$a"; done; }
peer=$(best_ms once)
for a in $arches; do
	echo "rm -f '$tmp/olddef.config'; : >'$tmp/olddef.config'"
	echo "KCONFIG_CONFIG='$tmp/olddef.config' KCONFIG_AUTOCONFIG='$tmp/auto.conf' '$top/tests/conf/conf-env.sh' '$tree' $a '$conf' --olddefconfig Kconfig"
done >"$tmp/peer.sh"
peer_cpu=$(cpu_ms sh "$tmp/peer.sh")
cover() { "$kcsat" cover "$tmp/10.patch" --tree "$src" --jobs "$jobs"; }
witness() { rm -rf "$tmp/w" && mkdir "$tmp/w" && "$kcsat" cover "$tmp/10.patch" --tree "$wtree" --jobs "$jobs" --witness "$tmp/w"; }
ms=$(best_ms cover)
cpu=$(cpu_ms "$kcsat" cover "$tmp/10.patch" --tree "$src" --jobs "$jobs")
wms=$(best_ms witness)
wcpu=$(cpu_ms sh -c "rm -rf '$tmp/w' && mkdir '$tmp/w' && '$kcsat' cover '$tmp/10.patch' --tree '$wtree' --jobs $jobs --witness '$tmp/w'")
nw=$(ls "$tmp/w"/*.config | wc -l)
nf=$(cat "$tmp/w"/*.fragment 2>/dev/null | grep -c '^CONFIG_\|^# CONFIG_.* is not set$' || true)
nfrag=$(ls "$tmp/w"/*.fragment 2>/dev/null | wc -l)
printf '%-62s %9s %9s\n' "Linux 6.12, $n arches, --jobs $jobs, best of $runs" "wall ms" "CPU ms"
printf '%-62s %9d %9d   (target < 10000 on 2 cores)\n' "kcsat cover, 10-file patch (10 hunks)" "$ms" "$cpu"
printf '%-62s %9d %9d\n' "kcsat cover --witness DIR ($nw witnesses, $nfrag from a defconfig)" "$wms" "$wcpu"
printf '%-62s %9d %9d\n' "peer: conf --olddefconfig once per arch" "$peer" "$peer_cpu"
echo "witness fragments: $nf changed lines in all, $(awk -v a="$nf" -v b="$nfrag" 'BEGIN { printf "%.1f", b ? a / b : 0 }') per fragment"
awk -v a="$ms" -v b="$peer" -v c="$cpu" -v d="$peer_cpu" -v e="$wms" -v f="$wcpu" 'BEGIN {
	printf "ratio kcsat cover / conf x%d: %.2f wall, %.2f CPU; with --witness: %.2f wall, %.2f CPU\n",
		'"$n"', a / b, c / d, e / b, f / d }'
