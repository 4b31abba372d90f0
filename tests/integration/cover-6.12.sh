#!/bin/sh
# kcsat cover and why-not FILE:LINE on Linux 6.12's sources (issue #19):
# the crafted two-hunk patch to drivers/pci/p2pdma.c
# (tests/patches/p2pdma-cover.patch):
#  - hunk 1 is compiled on arm64, loongarch, powerpc, riscv and x86 64-bit,
#    through drivers/pci/Makefile's obj-$(CONFIG_PCI_P2PDMA) line, and on no
#    32-bit case, blocked by a Kconfig chain that ends at 64BIT;
#  - hunk 2, inside #ifdef CONFIG_X86, on x86 64-bit only;
#  - nothing is written to the tree; why-not of a line of hunk 2 agrees;
#  - --witness writes one x86 64-bit .config compiling both hunks, which
#    kcsat verify (the olddefconfig simulation) finds consistent;
#  - with --config x86_64_defconfig as the base, the witness is the
#    defconfig plus a fragment of a few changes that none can be dropped
#    from, and the kernel's own conf --olddefconfig on the defconfig with
#    the fragment appended gives PCI_P2PDMA=y (and keeps every line of it).
# Arches: the five 64-bit ones the issue names, and arm for a 32-bit-only
# arch (x86, riscv and powerpc bring their 32-bit cases): six of 21 keep it
# to a few seconds; `--arch all` gives the same answer on the others.
set -u
kcsat=$1
here=$(cd "$(dirname "$0")/../.." && pwd)
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
has() {	# has FILE REGEX WHAT
	if grep -Eq -- "$2" "$1"; then ok; else bad "$3"; sed 's/^/    /' "$1" | head -60; fi
}
SRC=$("$here/tests/kernel-src.sh" 6.12) || { echo "cover-6.12: could not set up the sources"; exit 1; }
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
arches=x86,arm64,riscv,powerpc,loongarch,arm
sum=$(md5sum "$SRC/drivers/pci/p2pdma.c")
"$kcsat" cover "$here/tests/patches/p2pdma-cover.patch" --tree "$SRC" --arch $arches --jobs 2 \
	>"$tmp/out" 2>"$tmp/err"
rc=$?
[ $rc -eq 0 ] && ok || { bad "cover: exit $rc (0: every hunk is compiled somewhere)"; cat "$tmp/err"; }
has "$tmp/out" '^  drivers/pci/p2pdma.c:407 \(hunk 1\): compiled on x86 64-bit, arm64 64-bit, riscv 64-bit, powerpc 64-bit, loongarch 64-bit; not on x86 32-bit, riscv 32-bit, powerpc 32-bit, arm 32-bit$' \
	"hunk 1: the five 64-bit arches, no 32-bit case"
has "$tmp/out" '^  drivers/pci/p2pdma.c:418 \(hunk 2\): compiled on x86 64-bit; not on ' "hunk 2: x86 64-bit only"
has "$tmp/out" '^	built by: drivers/pci/Makefile:33: obj-\$\(CONFIG_PCI_P2PDMA\) \+= p2pdma.o$' "the Makefile line"
has "$tmp/out" '^	          drivers/Makefile:23: obj-y \+= pci/$' "the directory chain"
has "$tmp/out" '^	inside:   drivers/pci/p2pdma.c:415: #ifdef CONFIG_X86$' "the #if line of hunk 2"
has "$tmp/out" '^	64-bit: compiled built-in, with PCI_P2PDMA=y$' "the values that compile hunk 1"
# each 32-bit case of hunk 1 is blocked by a chain ending at 64BIT
n32=$(awk '/^[a-z0-9]+: drivers\/pci\/p2pdma.c:407/ { h = 1; next } /^[a-z0-9]+: / { h = 0 }
	h && /32-bit: never compiled, blocked by:/ { b = 1; next }
	b && /depends on .*64BIT/ { n++; b = 0 } END { print n + 0 }' "$tmp/out")
[ "$n32" -eq 4 ] && ok || bad "hunk 1: $n32 of 4 32-bit cases cite a line with 64BIT"
has "$tmp/out" 'MEMORY_HOTPLUG: depends on 64BIT  \(mm/Kconfig:548\)|PCI_P2PDMA: depends on 64BIT  \(drivers/pci/Kconfig:183\)' "the chain's 64BIT line"
[ "$(md5sum "$SRC/drivers/pci/p2pdma.c")" = "$sum" ] && ok || bad "the tree was written to"

"$kcsat" why-not drivers/pci/p2pdma.c:418 --tree "$SRC" --arch arm64 >"$tmp/wn" 2>&1
rc=$?
[ $rc -eq 0 ] && ok || bad "why-not p2pdma.c:418 on arm64: exit $rc (0: never compiled)"
has "$tmp/wn" '^		X86: not defined on arm64 \(CONFIG_X86 is never set\)$' "why-not: CONFIG_X86 on arm64"
# the witness for x86 64-bit compiles both hunks and is a configuration the
# kernel's olddefconfig keeps (kcsat verify's simulation)
mkdir "$tmp/w"
"$kcsat" cover "$here/tests/patches/p2pdma-cover.patch" --tree "$SRC" --arch x86 --bits 64 \
	--witness "$tmp/w" >"$tmp/wout" 2>&1 || bad "cover --witness: exit $?"
has "$tmp/wout" "^x86 64-bit: witness $tmp/w/x86-64.config compiles drivers/pci/p2pdma.c:407 \\(hunk 1\\), drivers/pci/p2pdma.c:418 \\(hunk 2\\)\$" "one witness for both hunks"
has "$tmp/w/x86-64.config" '^CONFIG_PCI_P2PDMA=y$' "the witness sets PCI_P2PDMA"
"$kcsat" verify "$tmp/w/x86-64.config" --tree "$SRC" --arch x86 >"$tmp/verify" 2>&1
has "$tmp/verify" 'consistent \(x86\)$' "the witness is consistent"
# the minimal change from x86_64_defconfig, checked with the kernel's conf
cache=${KCSAT_CACHE:-${HOME:-/root}/.cache/kcsat}
defs=$cache/defconfigs-6.12
if [ ! -f "$defs/.complete" ]; then
	rm -rf "$defs.tmp" && mkdir -p "$defs.tmp" &&
	tar -xJf /usr/src/linux-source-6.12.tar.xz -C "$defs.tmp" --strip-components=1 \
		--wildcards "linux-source-6.12/arch/*/configs/*" &&
	rm -rf "$defs" && mv "$defs.tmp" "$defs" && touch "$defs/.complete"
fi
def=$defs/arch/x86/configs/x86_64_defconfig
tree=$("$here/tests/kernel-tree.sh" 6.12) && conf=$("$here/tests/conf/build-conf.sh" 6.12) &&
	CC=$("$here/tests/conf/cc-memo.sh") && export CC KCSAT_CC_CACHE=${KCSAT_CC_CACHE:-$cache/cc-memo} ||
	{ bad "cannot set up conf"; conf=; }
mkdir "$tmp/b"
"$kcsat" cover "$here/tests/patches/p2pdma-cover.patch" --tree "$SRC" --arch x86 --bits 64 \
	--config "$def" --witness "$tmp/b" >"$tmp/bout" 2>&1 || bad "cover --config: exit $?"
has "$tmp/bout" "^	base $def, [1-9][0-9]* changes? \\(olddefconfig simulated: none can be dropped\\):\$" \
	"a minimal change from the defconfig"
has "$tmp/b/x86-64.fragment" '^CONFIG_PCI_P2PDMA=y$' "the fragment sets PCI_P2PDMA"
n=$(grep -c '^CONFIG_\|^# CONFIG_.* is not set$' "$tmp/b/x86-64.fragment")
[ "$n" -le 8 ] && ok || bad "the fragment has $n lines (a few expected)"
if [ -n "$conf" ]; then
	cat "$def" "$tmp/b/x86-64.fragment" >"$tmp/b/conf.config"
	KCONFIG_CONFIG="$tmp/b/conf.config" "$here/tests/conf/conf-env.sh" "$tree" x86 "$conf" \
		--olddefconfig Kconfig >"$tmp/b/conf.log" 2>&1 || bad "conf --olddefconfig: exit $?"
	has "$tmp/b/conf.config" '^CONFIG_PCI_P2PDMA=y$' "conf: the defconfig with the fragment has PCI_P2PDMA=y"
	lost=$(grep '^CONFIG_' "$tmp/b/x86-64.fragment" | while read -r l; do
		grep -qxF "$l" "$tmp/b/conf.config" || echo "$l"; done)
	[ -z "$lost" ] && ok || bad "conf dropped fragment lines: $lost"
fi
echo "cover-6.12: $pass passed, $fail failed"
[ $fail -eq 0 ]
