#!/bin/sh
# kcsat why-not SYM --config FILE against the kernel's own conf (issue 16
# item 7): for 10 symbols of the .config `make defconfig` gives on x86_64
# and on arm64 of 6.12 (seeded: alternately one the file sets to n and one
# it does not mention), the printed changes, appended as a fragment and
# made by the kernel's scripts/config, give SYM=y (an int, hex or string
# symbol: set) under conf --olddefconfig, and the fragment less any one line
# does not (tests/conf/fixes.py).  Two arches, one configuration each, one
# conf server per arch (its parse is most of the cost): the simulation's
# agreement with conf on whole configs is olddefconfig-sim.sh's and
# verify-changes.sh's job.  scripts/config comes from Debian's
# linux-source tarball, extracted once into the cache.
# Usage: userconfig-6.12.sh KCSAT [ARCH...]
set -u
kcsat=${1:?usage: userconfig-6.12.sh KCSAT [ARCH...]}
shift
here=$(cd "$(dirname "$0")/.." && pwd)
arches=${*:-x86 arm64}
ver=6.12
CC=$("$here/conf/cc-memo.sh") || exit 1
cache=${KCSAT_CACHE:-${HOME:-/root}/.cache/kcsat}
export CC KCSAT_CC_CACHE=${KCSAT_CC_CACHE:-$cache/cc-memo}
PY=/usr/bin/python3
[ -x "$PY" ] || PY=$(command -v python3)
work=$(mktemp -d "${TMPDIR:-/tmp}/kcsat-userconfig.XXXXXX")
[ "${KCSAT_KEEP_WORK:-}" = 1 ] || trap 'rm -rf "$work"' EXIT
pass=0 fail=0

# arch/*/configs and scripts/config of VER, from /usr/src/linux-source-VER.tar.xz
from_tarball() {	# from_tarball DIR PATTERN...
	d=$1
	shift
	if [ ! -f "$d/.complete" ]; then
		tarball=/usr/src/linux-source-$ver.tar.xz
		[ -f "$tarball" ] || { echo "userconfig: no $tarball (apt-get install linux-source-$ver)" >&2; return 1; }
		rm -rf "$d.tmp" && mkdir -p "$d.tmp" &&
		tar -xJf "$tarball" -C "$d.tmp" --strip-components=1 --wildcards "$@" &&
		rm -rf "$d" && mv "$d.tmp" "$d" && touch "$d/.complete" || return 1
	fi
	echo "$d"
}

tree=$("$here/kernel-tree.sh" "$ver") &&
server=$("$here/conf/conf-server.sh" "$ver") &&
defs=$(from_tarball "$cache/defconfigs-$ver" "linux-source-$ver/arch/*/configs/*") &&
scripts=$(from_tarball "$cache/scripts-config-$ver" "linux-source-$ver/scripts/config") ||
	{ echo "FAIL: cannot set up linux-$ver"; exit 1; }
for arch in $arches; do
	d=$work/$arch
	mkdir -p "$d"
	def=$defs/arch/$arch/configs/defconfig
	[ "$arch" = x86 ] && def=$defs/arch/x86/configs/x86_64_defconfig
	t0=$(date +%s)
	if "$PY" "$here/conf/fixes.py" "$kcsat" "$tree" "$arch" \
		"$here/conf/conf-env.sh $tree $arch $server --olddefconfig Kconfig" "$d" \
		"$scripts/scripts/config" "$def" >"$d/report" 2>&1; then
		echo "PASS $ver:$arch: $(tail -1 "$d/report") ($(( $(date +%s) - t0 )) s)"
		pass=$((pass + 1))
	else
		echo "FAIL $ver:$arch:"; head -20 "$d/report"
		fail=$((fail + 1))
	fi
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
