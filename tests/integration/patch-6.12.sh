#!/bin/sh
# kcsat patch and kcsat diff on real trees (issue #6):
#  - the seed patch (PCI_P2PDMA without `depends on 64BIT`): reachability
#    unchanged on every arch, 64BIT still required with the chain, the
#    redundant-dependency finding fixed; nothing written to the tree;
#  - PCI_P2PDMA without ZONE_DEVICE and 64BIT: newly reachable exactly on the
#    32-bit cases (x86 32-bit among them), not on x86 64-bit;
#  - PCI_STUB selecting PCI_P2PDMA: a new unmet-select, which the kernel's
#    conf confirms on a patched copy of the tree (x86, allnoconfig + PCI_STUB);
#  - a stale patch: exit 2 with the hunk and line;
#  - kcsat diff 6.1 6.12 for symbols whose entries changed between them.
set -u
kcsat=$1
here=$(cd "$(dirname "$0")/../.." && pwd)
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
has() {	# has FILE REGEX WHAT
	if grep -Eq -- "$2" "$1"; then ok; else bad "$3"; sed 's/^/    /' "$1" | head -40; fi
}
T612=$("$here/tests/kernel-tree.sh" 6.12) && T61=$("$here/tests/kernel-tree.sh" 6.1) &&
CONF=$("$here/tests/conf/build-conf.sh" 6.12) && CC=$("$here/tests/conf/cc-memo.sh") || {
	echo "patch-6.12: could not set up the trees or conf"; exit 1; }
export CC KCSAT_CC_CACHE="${KCSAT_CC_CACHE:-$HOME/.cache/kcsat/cc-memo}" PYTHON3=/usr/bin/python3
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
P="$here/tests/patches"

# 1. the seed patch
sum=$(md5sum "$T612/drivers/pci/Kconfig")
"$kcsat" patch "$P/pci-p2pdma-64bit.patch" --tree "$T612" --jobs 2 >"$tmp/seed" 2>"$tmp/seed.err"
rc=$?
[ $rc -eq 0 ] && ok || bad "seed patch: exit $rc (0: it adds no warning)"
has "$tmp/seed" '^PCI_P2PDMA: reachable values unchanged on all 21 arches checked, every bitness$' "seed: reachability unchanged"
has "$tmp/seed" '^PCI_P2PDMA=y still requires 64BIT=y \(no longer written in its entry\), on .*x86' "seed: 64BIT still required on x86"
has "$tmp/seed" 'PCI_P2PDMA: depends on ZONE_DEVICE  \(drivers/pci/Kconfig:178\)' "seed: the chain starts at ZONE_DEVICE"
has "$tmp/seed" '^fixed: drivers/pci/Kconfig:183: note: PCI_P2PDMA: `depends on 64BIT` is implied .*; it documents a bitness requirement \[redundant-dependency:bitness\]' "seed: the redundant 64BIT line was a bitness note"
# ZONE_DEVICE's chain reads 64BIT: bitness-only does not ask for the term back
if grep -q '^new: ' "$tmp/seed"; then bad "seed: a new finding"; else ok; fi
if grep -q 'can now be\|can no longer be' "$tmp/seed"; then bad "seed: a value moved"; else ok; fi
[ "$(md5sum "$T612/drivers/pci/Kconfig")" = "$sum" ] && ok || bad "seed: the tree was written to"

# 2. newly reachable on 32-bit
"$kcsat" patch "$P/pci-p2pdma-any-bits.patch" --tree "$T612" --jobs 2 >"$tmp/any" 2>&1
has "$tmp/any" '^PCI_P2PDMA can now be y, on .*x86 32-bit' "any-bits: x86 32-bit named"
if grep '^PCI_P2PDMA can now be y' "$tmp/any" | grep -q 'x86 64-bit'; then
	bad "any-bits: x86 64-bit was already reachable"; else ok; fi
has "$tmp/any" '^PCI_P2PDMA=y no longer requires 64BIT=y, on .*x86' "any-bits: 64BIT no longer required"

# 3. a select that breaks a dependency, confirmed by conf
"$kcsat" patch "$P/pci-stub-select-p2pdma.patch" --tree "$T612" --jobs 2 >"$tmp/sel" 2>&1
rc=$?
[ $rc -eq 1 ] && ok || bad "select patch: exit $rc, want 1"
has "$tmp/sel" '^new: drivers/pci/Kconfig:94: warning: PCI_STUB selects PCI_P2PDMA while PCI_P2PDMA.s direct dependencies can be unmet, on .*x86.*\[unmet-select\]' "select patch: new unmet-select"
cp -r "$T612" "$tmp/tree"
(cd "$tmp/tree" && patch -s -p1 <"$P/pci-stub-select-p2pdma.patch") || bad "select patch: patch(1) refused it"
printf 'CONFIG_PCI=y\nCONFIG_PCI_STUB=y\n' >"$tmp/partial"
(cd "$tmp" && KCONFIG_CONFIG="$tmp/.config" KCONFIG_ALLCONFIG="$tmp/partial" \
	sh "$here/tests/conf/conf-env.sh" "$tmp/tree" x86 "$CONF" --allnoconfig Kconfig) >"$tmp/conf.out" 2>&1
has "$tmp/conf.out" 'unmet direct dependencies detected for PCI_P2PDMA' "conf: no unmet warning for PCI_P2PDMA on the patched copy"
has "$tmp/conf.out" 'Selected by \[y\]:' "conf: names the selector"

# 4. a patch that does not apply
"$kcsat" patch "$P/pci-stub-stale.patch" --tree "$T612" >"$tmp/stale" 2>&1
rc=$?
[ $rc -eq 2 ] && ok || bad "stale patch: exit $rc, want 2"
has "$tmp/stale" "pci-stub-stale.patch:6: error: hunk #1 of 'drivers/pci/Kconfig' does not apply \(line 93 differs" "stale patch: message"

# 5. 6.1 -> 6.12, symbols whose entries changed
"$kcsat" diff "$T61" "$T612" PCI_P2PDMA NEED_SG_DMA_FLAGS ZONE_DEVICE --arch x86,arm64 >"$tmp/diff" 2>&1
has "$tmp/diff" '^NEED_SG_DMA_FLAGS is newly defined, on' "diff: NEED_SG_DMA_FLAGS is new in 6.12"
has "$tmp/diff" '^PCI_P2PDMA=y now requires NEED_SG_DMA_FLAGS=y, on x86 64-bit, arm64' "diff: PCI_P2PDMA's new select"
has "$tmp/diff" '^PCI_P2PDMA: reachable values unchanged' "diff: PCI_P2PDMA's values"
"$kcsat" diff "$T61" "$T612" PCI_P2PDMA --arch x86 --format json >"$tmp/diff.json" 2>&1
/usr/bin/python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["changed"]==["PCI_P2PDMA"], d' "$tmp/diff.json" && ok || bad "diff: JSON"

# two versions differ in thousands of symbols: kcsat asks for names
"$kcsat" diff "$T61" "$T612" --arch x86 >"$tmp/all" 2>&1
rc=$?
[ $rc -eq 2 ] && ok || bad "diff without SYM: exit $rc, want 2"
has "$tmp/all" 'error: [0-9]+ symbols changed; name the ones to compare' "diff without SYM: message"

echo "patch-6.12: $pass passed, $fail failed"
[ $fail -eq 0 ]
