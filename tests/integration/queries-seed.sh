#!/bin/sh
# The seed thread's questions (../shared/seed-thread.txt: is `depends on
# 64BIT` of PCI_P2PDMA redundant; can NEED_SG_DMA_FLAGS be y on 32-bit?)
# answered by kcsat's query commands on real Linux 6.12, with the expected
# answers taken from the kernel's own conf and from the Kconfig lines, not
# from kcsat's output:
#   sg-32bit     `kcsat sat 'NEED_SG_DMA_FLAGS && !64BIT' --arch x86 --bits
#                32 --shell=run --witness`: conf --olddefconfig keeps the
#                witness (same-values.py), with CONFIG_NEED_SG_DMA_FLAGS=y
#                and no CONFIG_64BIT=y;
#   redundant    a copy of the tree without PCI_P2PDMA's `depends on 64BIT`
#                line (found by content): `PCI_P2PDMA && !64BIT` UNSAT on
#                every arch in both trees, PCI_P2PDMA SAT on the same arches
#                in both; `kcsat implies PCI_P2PDMA --arch all` names that
#                file:line redundant on each of those arches; and conf (x86,
#                modified tree) drops PCI_P2PDMA=y from a config with
#                64BIT=n;
#   why-not      every file:line kcsat why-not prints is necessary: take it
#                out of a copy of the tree (a `depends on` or `select` line
#                is deleted, an `if EXPR` line becomes `if y`, a prompt is
#                not touched and is said so) and the symbol becomes reachable
#                in that case (kcsat sat).  Cases where the blocking set is
#                not unique are listed in xfail_cases (see the note there);
#   json         golden-style checks of why-not and matrix --format json.
# Usage: queries-seed.sh KCSAT.  Files go to a fresh temp dir, kept when a
# check fails (or with KCSAT_KEEP_WORK=1).  Last line: "N passed, N failed".
set -u
kcsat=${1:?usage: queries-seed.sh KCSAT}
here=$(cd "$(dirname "$0")/.." && pwd)
start=$(date +%s)
pass=0 fail=0 xfail=0
ok() { pass=$((pass + 1)); echo "PASS $*"; }
ko() { fail=$((fail + 1)); echo "FAIL $*"; }

tree=$("$here/kernel-tree.sh" 6.12) || { echo "queries-seed: no linux-6.12 tree"; echo "0 passed, 1 failed"; exit 1; }
conf=$("$here/conf/build-conf.sh" 6.12) || { echo "queries-seed: cannot build conf"; echo "0 passed, 1 failed"; exit 1; }
CC=$("$here/conf/cc-memo.sh") || { echo "queries-seed: no cc-memo"; echo "0 passed, 1 failed"; exit 1; }
cache=${KCSAT_CACHE:-${HOME:-/root}/.cache/kcsat}
KCSAT_CC_CACHE=${KCSAT_CC_CACHE:-$cache/cc-memo}
PYTHON3=/usr/bin/python3
[ -x "$PYTHON3" ] || PYTHON3=$(command -v python3)
export CC KCSAT_CC_CACHE PYTHON3
work=$(mktemp -d /tmp/kcsat-queries-seed.XXXXXX)
K=$work/kcsat
cp "$kcsat" "$K" || { echo "queries-seed: no kcsat at $kcsat"; echo "0 passed, 1 failed"; exit 1; }

# conf_old TREE ARCH IN OUT: conf --olddefconfig of IN into OUT
conf_old() {
	cp "$3" "$4" &&
	KCONFIG_CONFIG=$4 KCONFIG_AUTOCONFIG=$work/auto.conf \
		"$here/conf/conf-env.sh" "$1" "$2" "$conf" --olddefconfig Kconfig >"$work/conf.log" 2>&1
}
: >"$work/auto.conf"

# lineno FILE AWK-COND: the line number of the first line matching, inside
# the `config SYM` entry when SYM is set (awk -v sym=SYM)
entry_line() {	# entry_line FILE SYM REGEX
	awk -v sym="$2" -v re="$3" '
		$1 == "config" || $1 == "menuconfig" { in_e = ($2 == sym); next }
		/^(menu|endmenu|choice|endchoice|if|endif|source|comment)([ \t]|$)/ { in_e = 0 }
		in_e && $0 ~ re { print NR; exit }' "$tree/$1"
}

# ---- sg-32bit --------------------------------------------------------------
if "$K" sat 'NEED_SG_DMA_FLAGS && !64BIT' --tree "$tree" --arch x86 --bits 32 \
	--shell=run --witness "$work/sg.config" >"$work/sg.out" 2>&1 && [ -s "$work/sg.config" ]; then
	if conf_old "$tree" x86 "$work/sg.config" "$work/sg.conf"; then
		if "$PYTHON3" "$here/conf/same-values.py" "$work/sg.config" "$work/sg.conf" >"$work/sg.diff" 2>&1; then
			ok "sg-32bit: conf --olddefconfig keeps kcsat's x86 32-bit witness"
		else
			ko "sg-32bit: conf changed the witness: $(head -n 5 "$work/sg.diff" | tr '\n' ';')"
		fi
		if grep -qx 'CONFIG_NEED_SG_DMA_FLAGS=y' "$work/sg.conf" && ! grep -qx 'CONFIG_64BIT=y' "$work/sg.conf"; then
			ok "sg-32bit: conf's output has NEED_SG_DMA_FLAGS=y and 64BIT unset"
		else
			ko "sg-32bit: conf's output $work/sg.conf lacks NEED_SG_DMA_FLAGS=y or has 64BIT=y"
		fi
	else
		ko "sg-32bit: conf --olddefconfig failed: $(tail -n 3 "$work/conf.log")"
	fi
else
	ko "sg-32bit: kcsat sat gave no witness: $(head -n 3 "$work/sg.out")"
fi

# ---- redundant -------------------------------------------------------------
p2p_line=$(entry_line drivers/pci/Kconfig PCI_P2PDMA '^[ \t]*depends on 64BIT[ \t]*$')
mod=$work/linux-nop2p64
cp -a "$tree" "$mod"
if [ -z "$p2p_line" ]; then
	ko "redundant: no 'depends on 64BIT' line in PCI_P2PDMA's entry of drivers/pci/Kconfig"
else
	sed -i "${p2p_line}d" "$mod/drivers/pci/Kconfig"
	loc="drivers/pci/Kconfig:$p2p_line"
	echo "redundant: PCI_P2PDMA's 'depends on 64BIT' is $loc"
	for t in orig mod; do
		d=$tree; [ $t = mod ] && d=$mod
		"$K" sat 'PCI_P2PDMA && !64BIT' --tree "$d" --arch all >"$work/nb.$t" 2>&1
		n_sat=$(grep -c ': SAT$' "$work/nb.$t") n_unsat=$(grep -c ': UNSAT$' "$work/nb.$t")
		if [ "$n_sat" -eq 0 ] && [ "$n_unsat" -gt 20 ]; then
			ok "redundant: PCI_P2PDMA && !64BIT UNSAT in all $n_unsat cases ($t tree)"
		else
			ko "redundant: PCI_P2PDMA && !64BIT: $n_sat SAT, $n_unsat UNSAT ($t tree; $work/nb.$t)"
		fi
		"$K" sat PCI_P2PDMA --tree "$d" --arch all >"$work/p.$t" 2>&1
		grep ': SAT$' "$work/p.$t" | sed 's/:.*//' >"$work/psat.$t"
	done
	if cmp -s "$work/psat.orig" "$work/psat.mod" && [ -s "$work/psat.orig" ]; then
		ok "redundant: PCI_P2PDMA SAT on the same cases in both trees: $(tr '\n' ',' <"$work/psat.orig")"
	else
		ko "redundant: PCI_P2PDMA SAT cases differ: $(tr '\n' ',' <"$work/psat.orig") vs $(tr '\n' ',' <"$work/psat.mod")"
	fi
	"$K" implies PCI_P2PDMA --tree "$tree" --arch all >"$work/implies.out" 2>&1
	bad=
	while read -r a b; do
		# the case's block: from its header to the next header
		awk -v h="$a $b: PCI_P2PDMA=y implies" '
			index($0, h) == 1 { on = 1; next }
			on && /^[^ \t]/ { on = 0 }
			on' "$work/implies.out" | grep -q "redundant: depends on 64BIT ($loc)" || bad="$bad $a/$b"
	done <"$work/psat.orig"
	if [ -z "$bad" ] && grep -q "depends on 64BIT ($loc) redundant in $(wc -l <"$work/psat.orig") of $(wc -l <"$work/psat.orig")" "$work/implies.out"; then
		ok "redundant: kcsat implies names $loc redundant on every reachable case"
	else
		ko "redundant: kcsat implies does not name $loc redundant on:$bad ($work/implies.out)"
	fi
	# conf, x86, modified tree: PCI_P2PDMA=y with 64BIT=n does not survive
	if "$K" sat '!64BIT' --tree "$mod" --arch x86 --bits 32 --shell=run --witness "$work/p32.config" >/dev/null 2>&1; then
		sed -i '/^CONFIG_PCI_P2PDMA=/d; /^# CONFIG_PCI_P2PDMA is not set/d' "$work/p32.config"
		echo CONFIG_PCI_P2PDMA=y >>"$work/p32.config"
		if conf_old "$mod" x86 "$work/p32.config" "$work/p32.conf" &&
			! grep -q '^CONFIG_64BIT=y' "$work/p32.conf" && ! grep -q '^CONFIG_PCI_P2PDMA=y' "$work/p32.conf"; then
			ok "redundant: conf (x86, tree without $loc) drops PCI_P2PDMA=y when 64BIT=n"
		else
			ko "redundant: conf kept PCI_P2PDMA=y with 64BIT=n in the modified tree ($work/p32.conf)"
		fi
	else
		ko "redundant: no x86 32-bit witness in the modified tree"
	fi
fi
rm -rf "$mod"

# ---- why-not: every printed line is necessary ------------------------------
# symbol arch bits (- for none) found blocked with kcsat matrix
cases='PCI_P2PDMA x86 32
PCI_P2PDMA s390 -
DEVICE_PRIVATE x86 32
MEMORY_HOTPLUG x86 32
DEVICE_PRIVATE powerpc 32
ZONE_DEVICE s390 -
TRANSPARENT_HUGEPAGE alpha -
PCI_IOV hexagon -'
# A symbol blocked in several independent ways (x86 32-bit: MEMORY_HOTPLUG
# depends on 64BIT and on ARCH_ENABLE_MEMORY_HOTPLUG, selected only if
# X86_64) gets one block per way ("and, independently, by:"): there every
# printed line must go for the symbol to be reachable, which is checked by
# deleting them all at once.  With one block, each line is necessary alone
# unless kcsat marks it "[not alone: blocked without it too]".
xfail_cases=' '
wn=$work/linux-whynot
cp -a "$tree" "$wn"
printf '%s\n' "$cases" | while read -r sym arch bits; do
	set -- --tree "$wn" --arch "$arch"
	[ "$bits" = - ] || set -- "$@" --bits "$bits"
	name="$sym/$arch/$bits"
	"$K" why-not "$sym" "$@" >"$work/wn.out" 2>&1
	rc=$?
	# a link line ("X: no prompt, selected only by A if C  (file:line)")
	# names the selects of a symbol the core reads, not a line of the core
	locs=$(grep -v '^	[A-Z0-9_]*: no prompt, ' "$work/wn.out" |
		sed -n 's/.*(\([^()]*:[0-9][0-9]*\))\( *\[not alone.*\]\)\{0,1\}$/\1/p')
	alone=$(grep -v '^	[A-Z0-9_]*: no prompt, ' "$work/wn.out" |
		sed -n 's/.*(\([^()]*:[0-9][0-9]*\))  \[not alone.*$/\1/p')
	if [ $rc -ne 0 ] || [ -z "$locs" ]; then
		echo "FAIL why-not $name: exit $rc, no lines: $(head -n 3 "$work/wn.out")"
		continue
	fi
	if grep -q 'independently' "$work/wn.out"; then
		cp -a "$wn" "$work/wn-all"
		for l in $locs; do
			f=${l%:*} n=${l##*:}
			text=$(sed -n "${n}p" "$wn/$f")
			case $text in
			'if '*) sed -i "${n}s/^if .*/if y/" "$work/wn-all/$f";;
			*) sed -i "${n}s/.*/# (deleted)/" "$work/wn-all/$f";;
			esac
		done
		set -- --tree "$work/wn-all" --arch "$arch"
		[ "$bits" = - ] || set -- "$@" --bits "$bits"
		if "$K" sat "$sym" "$@" >/dev/null 2>&1; then
			echo "PASS why-not $name: $(echo $locs | wc -w) lines in independent blocks, all needed together"
		else
			echo "FAIL why-not $name: all printed lines deleted, $sym still blocked"
		fi
		rm -rf "$work/wn-all"
		continue
	fi
	for l in $locs; do
		f=${l%:*} n=${l##*:}
		text=$(sed -n "${n}p" "$wn/$f")
		cp "$wn/$f" "$work/saved"
		case $text in
		*[!a-z_]'depends on '*|'depends on '*|*[!a-z_]'select '*|'select '*)
			how=deleted; sed -i "${n}d" "$wn/$f";;
		'if '*) how='if -> if y'; sed -i "${n}s/^if .*/if y/" "$wn/$f";;
		*) echo "NOTE why-not $name: $l is '$(echo $text)': not a depends/select/if line, left alone"; continue;;
		esac
		if "$K" sat "$sym" "$@" >/dev/null 2>&1; then res=reachable; else res=blocked; fi
		cp "$work/saved" "$wn/$f"
		case " $(echo $alone) " in
		*" $l "*) expect=blocked;;
		*) expect=reachable;;
		esac
		case "$res:$expect:$xfail_cases" in
		reachable:reachable:*) echo "PASS why-not $name: $l ($how) is necessary";;
		blocked:blocked:*) echo "PASS why-not $name: $l ($how) marked 'not alone': still blocked without it";;
		blocked:*" $name "*) echo "XFAIL why-not $name: $l ($how) deleted, $sym still blocked";;
		*) echo "FAIL why-not $name: $l ($how) deleted: $res, kcsat said $expect";;
		esac
	done
done >"$work/whynot.log"
cat "$work/whynot.log"
pass=$((pass + $(grep -c '^PASS ' "$work/whynot.log")))
fail=$((fail + $(grep -c '^FAIL ' "$work/whynot.log")))
xfail=$(grep -c '^XFAIL ' "$work/whynot.log")
rm -rf "$wn"

# ---- json ------------------------------------------------------------------
l1=$(entry_line drivers/pci/Kconfig PCI_P2PDMA '^[ \t]*depends on ZONE_DEVICE[ \t]*$')
l2=$(entry_line mm/Kconfig ZONE_DEVICE '^[ \t]*depends on ARCH_HAS_PTE_DEVMAP[ \t]*$')
"$K" why-not PCI_P2PDMA --tree "$tree" --arch s390 --format json >"$work/wn.json" 2>&1
"$K" matrix PCI_P2PDMA NEED_SG_DMA_FLAGS --tree "$tree" --arch x86,s390 --format json >"$work/mx.json" 2>&1
if "$PYTHON3" - "$work/wn.json" "$work/mx.json" "drivers/pci/Kconfig:$l1" "mm/Kconfig:$l2" <<'EOF'
import json, sys
wn = json.load(open(sys.argv[1]))
mx = json.load(open(sys.argv[2]))
r = wn["results"]
assert len(r) == 1, r
r = r[0]
assert (r["arch"], r["bits"], r["symbol"], r["reachable"]) == ("s390", 64, "PCI_P2PDMA", False), r
got = [(c["symbol"], c["line"], c["loc"]) for c in r["chain"]]
want = [("PCI_P2PDMA", "depends on ZONE_DEVICE", sys.argv[3]),
        ("ZONE_DEVICE", "depends on ARCH_HAS_PTE_DEVMAP", sys.argv[4])]
assert got == want, (got, want)
assert mx["columns"] == ["x86/64", "x86/32", "s390/64"], mx["columns"]
s = mx["symbols"]
assert s["PCI_P2PDMA"] == {"x86/64": "ny", "x86/32": "n", "s390/64": "n"}, s
assert s["NEED_SG_DMA_FLAGS"] == {"x86/64": "ny", "x86/32": "ny", "s390/64": "ny"}, s
EOF
then
	ok "json: why-not PCI_P2PDMA s390 and matrix x86,s390 as expected"
else
	ko "json: unexpected why-not/matrix JSON ($work/wn.json, $work/mx.json)"
fi

# ---- why-not's link: a blocking symbol with no prompt cites its selects --
# i386: ZONE_DEVICE depends on ARCH_HAS_PTE_DEVMAP, which has no prompt and
# which only X86's `select ARCH_HAS_PTE_DEVMAP if X86_64` sets (the line
# found by content): the chain names it before X86_64's `depends on 64BIT`.
l3=$(awk '/^config X86$/ { in_e = 1; next } /^(config|menuconfig) / { in_e = 0 }
	in_e && /^[ \t]*select ARCH_HAS_PTE_DEVMAP[ \t]+if X86_64[ \t]*$/ { print NR; exit }' \
	"$tree/arch/x86/Kconfig")
"$K" why-not PCI_P2PDMA --tree "$tree" --arch i386 >"$work/wn-link.out" 2>&1
if [ -n "$l3" ] && grep -A1 -x '	ZONE_DEVICE: depends on ARCH_HAS_PTE_DEVMAP  (mm/Kconfig:[0-9]*).*' \
	"$work/wn-link.out" | grep -qx "	ARCH_HAS_PTE_DEVMAP: no prompt, selected only by X86 if X86_64  (arch/x86/Kconfig:$l3)"; then
	ok "why-not PCI_P2PDMA i386: ARCH_HAS_PTE_DEVMAP's only select cited (arch/x86/Kconfig:$l3)"
else
	ko "why-not PCI_P2PDMA i386: no link to arch/x86/Kconfig:${l3:-?} ($work/wn-link.out)"
fi

end=$(date +%s)
echo "queries-seed: $((end - start)) s, $xfail known failure(s) (XFAIL)"
if [ "$fail" -gt 0 ] || [ "${KCSAT_KEEP_WORK:-}" = 1 ]; then
	echo "queries-seed: files kept in $work"
else
	rm -rf "$work"
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
