#!/bin/sh
# kcsat why's minimal witnesses (only the user choices that matter) against
# the kernel's own conf: `conf --olddefconfig` on the witness must keep every
# choice written (same-values.py), give the symbol the value asked for, and
# keep the bitness asked for.
set -u
kcsat=$1
here=$(cd "$(dirname "$0")/.." && pwd)
tree=$("$here/kernel-tree.sh" 6.12) || exit 1
conf=$("$here/conf/build-conf.sh" 6.12) || exit 1
CC=$("$here/conf/cc-memo.sh") || exit 1
export CC KCSAT_CC_CACHE=${KCSAT_CC_CACHE:-${HOME:-/root}/.cache/kcsat/cc-memo} PYTHON3=/usr/bin/python3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pass=0 fail=0
# arch bits symbol value
while read -r arch bits sym val; do
	w=$work/$arch-$sym
	bopt=
	[ "$bits" != - ] && bopt="--bits $bits"
	if ! "$kcsat" why "$sym=$val" --tree "$tree" --arch "$arch" $bopt --shell=run --witness "$w" >"$w.out" 2>&1; then
		echo "FAIL $arch $sym=$val: kcsat why found no witness"; cat "$w.out"; fail=$((fail + 1)); continue
	fi
	grep -q 'minimal:' "$w.out" || { echo "FAIL $arch $sym=$val: no minimal witness"; fail=$((fail + 1)); continue; }
	n=$(grep -c '^CONFIG_\|^# CONFIG_' "$w")
	cp "$w" "$w.orig"
	"$here/conf/conf-env.sh" "$tree" "$arch" env KCONFIG_CONFIG="$w" "$conf" --olddefconfig Kconfig >/dev/null 2>&1
	kept=$("$here/conf/same-values.py" "$w.orig" "$w" | tail -1)
	got=$(sed -n "s/^CONFIG_$sym=//p" "$w")
	[ -n "$got" ] || got=n
	ok=1
	[ "$got" = "$val" ] || ok=0
	case $kept in *" 0 changed") ;; *) ok=0;; esac
	if [ "$bits" = 32 ] && grep -q '^CONFIG_64BIT=y' "$w"; then ok=0; fi
	if [ "$bits" = 64 ] && ! grep -q '^CONFIG_64BIT=y' "$w"; then ok=0; fi
	if [ $ok = 1 ]; then
		echo "PASS $arch${bits#-} $sym=$val from $n choices ($kept)"
		pass=$((pass + 1))
	else
		echo "FAIL $arch $sym=$val: conf --olddefconfig gives $got ($kept)"
		fail=$((fail + 1))
	fi
done <<'EOF_CASES'
x86 32 NEED_SG_DMA_FLAGS y
x86 64 PCI_P2PDMA y
riscv 64 PCI_P2PDMA y
arm64 - IOMMU_DMA y
powerpc 64 PCI_P2PDMA y
x86 64 USB_STORAGE m
arm - USB_EHCI_HCD y
s390 - ZCRYPT y
mips 32 HIGHMEM y
um 64 BLK_DEV_UBD y
x86 64 KVM_INTEL m
arm64 - ARM64_SVE y
powerpc 32 PPC_BOOK3S_32 y
riscv 32 RISCV_ISA_C y
x86 32 X86_PAE y
loongarch - NUMA y
EOF_CASES
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
