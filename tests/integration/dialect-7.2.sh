#!/bin/sh
# A Linux 7.x tree: the 6.12 Kconfig tree with tests/patches/
# linux-7.2-dialect.patch (built by tests/kernel-tree.sh 7.2), which uses
# every construct of the newer dialects in real places.  Every arch loads
# with no error and one note (7.2 is newer than the newest dialect); read as
# 6.12 the same tree is refused at those constructs; the transitional
# CFI_CLANG is never dead and an old .config that sets it is consistent;
# why/why-not and a rule's blocking lines cite the new lines.
set -u
kcsat=$1
here=$(cd "$(dirname "$0")/.." && pwd)
tree=$("$here/kernel-tree.sh" 7.2) || exit 1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
fail=0
ok() { echo "PASS $*"; }
bad() { echo "FAIL $*"; fail=1; }

want=$(ls -d "$tree"/arch/*/Kconfig | wc -l)
"$kcsat" dump --tree "$tree" --arch all --summary --jobs 2 >"$tmp/sum" 2>"$tmp/err"
rc=$?
got=$(wc -l <"$tmp/sum")
if [ $rc -eq 0 ] && [ "$got" -eq "$want" ] && [ "$(wc -l <"$tmp/err")" -eq 1 ] &&
	grep -q '^kcsat: note: Linux 7.2 is newer than' "$tmp/err"; then
	ok "linux-7.2: $got arches load, one note: $(cat "$tmp/err")"
else
	bad "linux-7.2: dump --arch all exited $rc, $got of $want arches:"; cat "$tmp/err"
fi

"$kcsat" dump --tree "$tree" --arch x86 --kernel 6.12 --summary >/dev/null 2>"$tmp/err"
if [ $? -eq 2 ] && grep -q 'arch/Kconfig:[0-9]*: error: unknown statement "transitional"' "$tmp/err" &&
	grep -q "drivers/usb/cdns3/Kconfig:4: error: unexpected text after 'depends on', found 'if'" "$tmp/err" &&
	grep -q 'mm/Kconfig:[0-9]*: error: unknown statement "def_int"' "$tmp/err"; then
	ok "linux-7.2 read as 6.12: refused at transitional, depends on ... if and def_int"
else
	bad "linux-7.2 read as 6.12 is not refused where it should be:"; cat "$tmp/err"
fi

# the arches that select ARCH_SUPPORTS_CFI_CLANG
"$kcsat" lint -Wno-all -Wdead-symbol --tree "$tree" --arch x86,arm64,riscv --jobs 2 \
	>"$tmp/lint" 2>/dev/null
if [ -s "$tmp/lint" ] && ! grep -q 'CFI_CLANG' "$tmp/lint"; then
	ok "lint dead-symbol: $(wc -l <"$tmp/lint") findings on x86, arm64, riscv, none of CFI_CLANG"
else
	bad "lint dead-symbol calls the transitional CFI_CLANG dead (or found nothing):"
	grep 'CFI_CLANG' "$tmp/lint"
fi

# only the default of CFI reads the transitional CFI_CLANG
"$kcsat" lint -Wno-all -Wtransitional-reference --tree "$tree" --arch all --jobs 2 \
	>"$tmp/lint" 2>/dev/null
rc=$?
if [ $rc -eq 0 ] && [ ! -s "$tmp/lint" ]; then
	ok "lint transitional-reference: nothing on any arch (CFI_CLANG is read only by CFI's default)"
else
	bad "lint transitional-reference on linux-7.2 (rc $rc):"; cat "$tmp/lint"
fi

"$kcsat" why CFI --tree "$tree" --arch x86 --bits 64 >"$tmp/why" 2>/dev/null
line=$(grep -n '^config CFI$' "$tree/arch/Kconfig" | cut -d: -f1)
if grep -q "prompt \"Use Kernel Control Flow Integrity (kCFI)\"  (arch/Kconfig:$((line + 1)))" "$tmp/why"; then
	ok "why CFI cites arch/Kconfig:$((line + 1))"
else
	bad "why CFI does not cite the renamed entry:"; cat "$tmp/why"
fi
"$kcsat" why-not CFI --tree "$tree" --arch x86 --bits 32 >"$tmp/whynot" 2>/dev/null
if grep -q "CFI: depends on ARCH_SUPPORTS_CFI_CLANG  (arch/Kconfig:$((line + 3)))" "$tmp/whynot"; then
	ok "why-not CFI (x86 32-bit) cites arch/Kconfig:$((line + 3))"
else
	bad "why-not CFI does not cite the renamed entry:"; cat "$tmp/whynot"
fi

# the conditional dependency of cdns3 blocks it without USB and gadget
cat >"$tmp/rules.yaml" <<'EOF'
- id: cdns-without-usb
  description: the Cadence controller with neither USB nor USB gadget
  reachable: USB_CDNS_SUPPORT && USB = n && USB_GADGET = n
EOF
"$kcsat" check -Wno-all --rules "$tmp/rules.yaml" --tree "$tree" --arch x86 >"$tmp/check" 2>/dev/null
if [ $? -eq 1 ] && grep -q 'USB_CDNS_SUPPORT: depends on USB || USB_GADGET != n  (drivers/usb/cdns3/Kconfig:4)' "$tmp/check"; then
	ok "depends on USB if !USB_GADGET blocks USB_CDNS_SUPPORT without both (drivers/usb/cdns3/Kconfig:4)"
else
	bad "the conditional dependency of cdns3 is not cited:"; cat "$tmp/check"
fi

# a conditional dependency that blocks: USB_CDNSP_PCI needs 64-bit DMA
# addresses on a 32-bit kernel, which riscv has not (x86 has, with PAE)
line=$(grep -n 'depends on ARCH_DMA_ADDR_T_64BIT if !64BIT' "$tree/drivers/usb/cdns3/Kconfig" | cut -d: -f1)
"$kcsat" why-not USB_CDNSP_PCI --tree "$tree" --arch riscv --bits 32 >"$tmp/whynot" 2>/dev/null
rc=$?
"$kcsat" why-not USB_CDNSP_PCI --tree "$tree" --arch riscv,x86 --bits 64 >"$tmp/whynot64" 2>/dev/null
rc64=$?
"$kcsat" why-not USB_CDNSP_PCI --tree "$tree" --arch x86 --bits 32 >/dev/null 2>&1
rcx86=$?
if [ $rc -eq 0 ] && [ $rc64 -eq 1 ] && [ $rcx86 -eq 1 ] && [ -n "$line" ] &&
	grep -q "USB_CDNSP_PCI: depends on ARCH_DMA_ADDR_T_64BIT || 64BIT != n  (drivers/usb/cdns3/Kconfig:$line)" "$tmp/whynot" &&
	! grep -q 'blocked' "$tmp/whynot64"; then
	ok "why-not USB_CDNSP_PCI (riscv 32-bit) cites drivers/usb/cdns3/Kconfig:$line; reachable on riscv and x86 64-bit and x86 32-bit"
else
	bad "why-not USB_CDNSP_PCI does not cite the conditional dependency (rc $rc, $rc64, $rcx86):"
	cat "$tmp/whynot" "$tmp/whynot64"
fi

# an old .config that still sets CFI_CLANG, next to CFI, is consistent
if "$kcsat" sat CFI --tree "$tree" --arch x86 --bits 64 --witness "$tmp/w.config" >/dev/null 2>&1 &&
	! grep -q '^CONFIG_CFI_CLANG\|^# CONFIG_CFI_CLANG ' "$tmp/w.config"; then
	echo 'CONFIG_CFI_CLANG=y' >>"$tmp/w.config"
	if "$kcsat" verify "$tmp/w.config" --tree "$tree" --arch x86 >"$tmp/verify" 2>/dev/null; then
		ok "a CFI witness has no CFI_CLANG line, and with CONFIG_CFI_CLANG=y added verify accepts it"
	else
		bad "verify rejects CONFIG_CFI_CLANG=y:"; head -20 "$tmp/verify"
	fi
else
	bad "sat CFI: no witness, or one that writes the transitional CFI_CLANG"
fi

if "$kcsat" sat 'COMPACT_UNEVICTABLE_DEFAULT = 1 && COMPACTION && !PREEMPT_RT' --tree "$tree" --arch x86 --bits 64 >/dev/null 2>&1 &&
	! "$kcsat" sat 'COMPACT_UNEVICTABLE_DEFAULT = 1 && PREEMPT_RT' --tree "$tree" --arch x86 --bits 64 >/dev/null 2>&1; then
	ok "def_int 0 if PREEMPT_RT, default 1: COMPACT_UNEVICTABLE_DEFAULT is 1 exactly without PREEMPT_RT"
else
	bad "the def_int of mm/Kconfig does not read as type int plus default"
fi
exit $fail
