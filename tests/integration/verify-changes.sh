#!/bin/sh
# kcsat verify's change list against the kernel's own conf: for .configs
# made by mutating full configs (a defconfig of the arch and randconfigs,
# each through conf) -- values flipped, lines deleted, values made invalid
# (m for a bool, "maybe", an empty value, a number out of range or
# malformed, a hex value above 2^63, an unquoted string) -- the settings
# `kcsat verify` says olddefconfig changes, `CONFIG_A: old -> new`, must be
# exactly those `conf --olddefconfig` changes in the file, line for line
# (tests/conf/changes.py compares them), and an unmutated full config must
# be "consistent".  The defconfig itself and its mutants are checked as
# fragments: the changes to their own lines only.  Six arches of 6.12 and
# two of 6.1 (its choices with a value of their own, range-reset), 35
# configs each (280 in all); the cases run two at a time, as the machine
# has two cores (each case is one process at a time: conf, then kcsat).
# Defconfigs come from Debian's linux-source tarball, extracted once into
# the cache.  Usage: verify-changes.sh KCSAT [VER:ARCH...]
set -u
kcsat=${1:?usage: verify-changes.sh KCSAT [VER:ARCH...]}
shift
here=$(cd "$(dirname "$0")/.." && pwd)
cases=${*:-6.12:x86 6.12:arm64 6.12:powerpc 6.12:riscv 6.12:s390 6.12:arm 6.1:x86 6.1:arm64}
CC=$("$here/conf/cc-memo.sh") || exit 1
cache=${KCSAT_CACHE:-${HOME:-/root}/.cache/kcsat}
export CC KCSAT_CC_CACHE=${KCSAT_CC_CACHE:-$cache/cc-memo}
PY=/usr/bin/python3
[ -x "$PY" ] || PY=$(command -v python3)
work=$(mktemp -d "${TMPDIR:-/tmp}/kcsat-verify-changes.XXXXXX")
[ "${KCSAT_KEEP_WORK:-}" = 1 ] || trap 'rm -rf "$work"' EXIT

# the arch/*/configs of VER, from /usr/src/linux-source-VER.tar.xz
defconfigs() {
	d=$cache/defconfigs-$1
	if [ ! -f "$d/.complete" ]; then
		tarball=/usr/src/linux-source-$1.tar.xz
		[ -f "$tarball" ] || { echo "verify-changes: no $tarball (apt-get install linux-source-$1)" >&2; return 1; }
		rm -rf "$d.tmp" && mkdir -p "$d.tmp" &&
		tar -xJf "$tarball" -C "$d.tmp" --strip-components=1 --wildcards "linux-source-$1/arch/*/configs/*" &&
		rm -rf "$d" && mv "$d.tmp" "$d" && touch "$d/.complete" || return 1
	fi
	echo "$d"
}

# one case: PASS or FAIL lines; non-zero on a failure
one_case() {
	c=$1
	ver=${c%%:*} arch=${c#*:}
	tree=$("$here/kernel-tree.sh" "$ver") &&
	server=$("$here/conf/conf-server.sh" "$ver") &&
	defs=$(defconfigs "$ver") || { echo "FAIL $c: cannot set up linux-$ver"; return 1; }
	server() {	# server MODE < jobs
		"$here/conf/conf-env.sh" "$tree" "$arch" "$server" "--$1" Kconfig >/dev/null 2>&1
	}
	d=$work/$ver-$arch
	mkdir -p "$d/base" "$d/in" "$d/conf"
	def=$(ls "$defs/arch/$arch/configs/"*defconfig 2>/dev/null | head -1)
	case $arch in x86) def=$defs/arch/x86/configs/x86_64_defconfig;; esac
	[ -f "$def" ] || { echo "FAIL $c: no defconfig under $defs/arch/$arch/configs"; return 1; }
	echo "$d/base/def.config" | server "defconfig=$def"
	cp "$def" "$d/base/frag.config"	# as a fragment: verify detects it
	for seed in 1 2 3; do echo "$d/base/rand$seed.config $seed"; done | server randconfig
	rm -f "$d/base"/*.log
	"$PY" "$here/conf/changes.py" mutate "$d/base" "$d/in" 6 || return 1
	cp "$d/in"/*.config "$d/conf/"
	ls "$d/conf"/*.config | server olddefconfig
	rm -f "$d/conf"/*.log
	t0=$(date +%s)
	"$kcsat" verify "$d/in"/*.config --tree "$tree" --arch "$arch" --shell=run --format json \
		>"$d/verify.json" 2>"$d/verify.err"
	rc=$?
	t1=$(date +%s)
	if [ $rc -gt 1 ]; then
		echo "FAIL $c: kcsat verify exited $rc:"; head -5 "$d/verify.err"; return 1
	fi
	if "$PY" "$here/conf/changes.py" compare "$d/in" "$d/conf" "$d/verify.json" >"$d/report"; then
		echo "PASS $c: $(tail -1 "$d/report") (verify $((t1 - t0)) s)"
	else
		echo "FAIL $c:"; head -40 "$d/report"
		return 1
	fi
}

# the trees, conf-servers and defconfigs first, one version at a time
# (each is made once, then cached)
for v in $(for c in $cases; do echo "${c%%:*}"; done | sort -u); do
	"$here/kernel-tree.sh" "$v" >/dev/null && "$here/conf/conf-server.sh" "$v" >/dev/null &&
		defconfigs "$v" >/dev/null || echo "verify-changes: cannot set up linux-$v" >&2
done
# two lanes, each running every other case in turn; each case's lines are
# printed in the order of the cases once all are done
n=0
for c in $cases; do
	n=$((n + 1))
	echo "$n $c" >>"$work/lane$((n % 2))"
done
for lane in 0 1; do
	[ -f "$work/lane$lane" ] || continue
	while read -r k c; do
		one_case "$c" >"$work/out.$k" 2>&1
	done <"$work/lane$lane" &
done
wait
pass=0 fail=0 k=0
for c in $cases; do
	k=$((k + 1))
	cat "$work/out.$k"
	if grep -q '^PASS' "$work/out.$k" && ! grep -q '^FAIL' "$work/out.$k"; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
	fi
done
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
