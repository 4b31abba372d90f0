#!/bin/sh
# The shipped rules (rules/*.yaml) on real Linux 6.12, with `kcsat check
# -Wno-all` (rules only: a full lint of 6.12 takes minutes):
#   outcomes   every rule's outcome is the one its file documents, as the
#              set of arch/bitness cases that break it (a rule that holds
#              has no finding), with --shell=off and --shell=run alike;
#   chain      p2pdma-on-32bit's chain is the `depends on 64BIT` line of
#              PCI_P2PDMA's entry in drivers/pci/Kconfig (found by content);
#   witnesses  every witness .config of a violated rule is kept by the
#              kernel's own `conf --olddefconfig` (same-values.py), and conf's
#              output breaks the rule in the same way (checked on conf's
#              values, not on kcsat's);
#   holds      conf --randconfig samples (4 arches, several seeds) never
#              break a rule kcsat says holds (a sanity check: kcsat's
#              answer is a proof, a sample can only refute it);
#   baseline   --write-baseline, then the same run with --baseline exits 0.
# Usage: rules-6.12.sh KCSAT.  Last line: "N passed, N failed".
set -u
kcsat=${1:?usage: rules-6.12.sh KCSAT}
here=$(cd "$(dirname "$0")/.." && pwd)
top=$(cd "$here/.." && pwd)
start=$(date +%s)
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "PASS $*"; }
ko() { fail=$((fail + 1)); echo "FAIL $*"; }
bail() { echo "rules-6.12: $*"; echo "0 passed, 1 failed"; exit 1; }

tree=$("$here/kernel-tree.sh" 6.12) || bail "no linux-6.12 tree"
conf=$("$here/conf/build-conf.sh" 6.12) || bail "cannot build conf"
CC=$("$here/conf/cc-memo.sh") || bail "no cc-memo"
KCSAT_CC_CACHE=${KCSAT_CC_CACHE:-${KCSAT_CACHE:-${HOME:-/root}/.cache/kcsat}/cc-memo}
PYTHON3=/usr/bin/python3
[ -x "$PYTHON3" ] || PYTHON3=$(command -v python3)
export CC KCSAT_CC_CACHE PYTHON3
work=$(mktemp -d /tmp/kcsat-rules.XXXXXX)
keep=${KCSAT_KEEP_WORK:-0}
trap '[ "$keep" = 1 ] && echo "rules-6.12: files kept in $work" || rm -rf "$work"' EXIT

# rule id, then the cases that break it on 6.12 (none: it holds); the
# comments of rules/*.yaml say the same; a fixed-bitness arch is labelled with its bitness too (arm-32)
cat >"$work/expected" <<'EOF'
sg-dma-flags-needs-64bit x86-32
p2pdma-needs-64bit
sg-dma-flags-on-32bit
p2pdma-on-32bit powerpc riscv x86
page-size-below-256k hexagon-32 powerpc-32
highmem-is-32bit
kcsan-excludes-kasan
kmsan-excludes-others
kasan-needs-64bit arm-32 powerpc-32 xtensa-32
module-sig-needs-modules
EOF

# outcomes FILE.json: "id case case..." per rule of rules/, sorted by id
outcomes() {
	"$PYTHON3" - "$1" "$top/rules" <<'EOF'
import glob, json, re, sys
found = {}
for f in json.load(open(sys.argv[1]))["findings"]:
    cases = set()
    for e in f["evidence"]:
        m = re.match(r"(\w+)(?: (\d+)-bit)?: ", e)
        if m:
            cases.add(m.group(1) + ("-" + m.group(2) if m.group(2) else ""))
    found[f["check"]] = sorted(cases)
ids = []
for path in sorted(glob.glob(sys.argv[2] + "/*.yaml")):
    ids += re.findall(r"^- id: (\S+)", open(path).read(), re.M)
for i in sorted(ids):
    print(" ".join([i] + found.get(i, [])))
EOF
}

# ---- outcomes, with and without running $(shell,...) ------------------------
for shell in off run; do
	t0=$(date +%s)
	"$kcsat" check --tree "$tree" -Wno-all --rules "$top/rules" --shell=$shell --format json \
		--witness-dir "$work" >"$work/$shell.json" 2>"$work/$shell.err"
	rc=$?
	t1=$(date +%s)
	if [ $rc -ne 1 ]; then
		ko "outcomes ($shell): kcsat check exits $rc, not 1: $(head -n 3 "$work/$shell.err")"
		continue
	fi
	outcomes "$work/$shell.json" >"$work/$shell.got"
	sort "$work/expected" >"$work/expected.sorted"
	if cmp -s "$work/expected.sorted" "$work/$shell.got"; then
		ok "outcomes (--shell=$shell, $((t1 - t0)) s): $(grep -c . "$work/$shell.got") rules as documented:" \
			"$(awk 'NF > 1 { printf "%s%s:", s, $1; for (i = 2; i <= NF; i++) printf " %s", $i; s = "; " }' "$work/$shell.got")"
	else
		ko "outcomes (--shell=$shell): $(diff "$work/expected.sorted" "$work/$shell.got" | grep '^[<>]' | tr '\n' ';')"
	fi
done

# ---- chain -------------------------------------------------------------------
line=$(awk '$1 == "config" { in_e = ($2 == "PCI_P2PDMA"); next }
	in_e && /^[ \t]*depends on 64BIT[ \t]*$/ { print NR; exit }' "$tree/drivers/pci/Kconfig")
chain=$("$PYTHON3" -c '
import json, sys
for f in json.load(open(sys.argv[1]))["findings"]:
    if f["check"] == "p2pdma-on-32bit":
        print("\n".join(e for e in f["evidence"] if e.startswith("    ")))' "$work/off.json" | sort -u)
if [ -n "$line" ] && [ "$chain" = "    PCI_P2PDMA: depends on 64BIT  (drivers/pci/Kconfig:$line)" ]; then
	ok "chain: p2pdma-on-32bit is blocked by drivers/pci/Kconfig:$line alone on each arch"
else
	ko "chain: expected drivers/pci/Kconfig:${line:-?}, got: $(echo "$chain" | tr '\n' ';')"
fi

# ---- witnesses, against conf ------------------------------------------------
# breaks ID FILE: does conf's output FILE break rule ID (on its own values)?
breaks() {
	y() { grep -qx "CONFIG_$1=y" "$2"; }
	case $1 in
	sg-dma-flags-needs-64bit) y NEED_SG_DMA_FLAGS "$2" && ! y 64BIT "$2" ;;
	page-size-below-256k) ! y PAGE_SIZE_LESS_THAN_256KB "$2" ;;
	kasan-needs-64bit) y KASAN "$2" && ! y 64BIT "$2" ;;
	*) return 1 ;;
	esac
}
n=0
for w in "$work"/*.config; do
	[ -e "$w" ] || continue
	base=$(basename "$w" .config)
	case $base in
	*-32) bits=32; rest=${base%-32} ;;
	*-64) bits=64; rest=${base%-64} ;;
	*) bits=; rest=$base ;;
	esac
	arch=${rest##*-} id=${rest%-*}
	n=$((n + 1))
	cp "$w" "$work/out.config"
	: >"$work/auto.conf"
	if ! KCONFIG_CONFIG=$work/out.config KCONFIG_AUTOCONFIG=$work/auto.conf \
		"$here/conf/conf-env.sh" "$tree" "$arch" "$conf" --olddefconfig Kconfig >"$work/conf.log" 2>&1; then
		ko "witness $base: conf --olddefconfig failed: $(tail -n 2 "$work/conf.log" | tr '\n' ';')"
		continue
	fi
	kept=$("$PYTHON3" "$here/conf/same-values.py" "$w" "$work/out.config" | tail -n 1)
	case $kept in *" 0 changed") ;; *) ko "witness $base: conf changed it ($kept)"; continue ;; esac
	if ! breaks "$id" "$work/out.config"; then
		ko "witness $base: conf's output does not break rule $id"
	elif [ "$bits" = 64 ] && ! grep -qx CONFIG_64BIT=y "$work/out.config"; then
		ko "witness $base: not 64-bit in conf's output"
	elif [ "$bits" = 32 ] && grep -qx CONFIG_64BIT=y "$work/out.config"; then
		ko "witness $base: not 32-bit in conf's output"
	else
		ok "witness $base: conf --olddefconfig keeps it ($kept) and it breaks $id"
	fi
done
expected_witnesses=$(awk '{ if ($1 != "p2pdma-on-32bit") n += NF - 1 } END { print n }' "$work/expected")
# both runs write the same names: one file per case
[ "$n" -eq "$expected_witnesses" ] && ok "witnesses: one per violating case ($n)" ||
	ko "witnesses: $n files, expected $expected_witnesses"

# ---- holds: conf --randconfig samples ----------------------------------------
# holds_in FILE: the rules kcsat says hold, on conf's values
holds_in() {
	y() { grep -qx "CONFIG_$1=[ym]" "$f"; }
	f=$1
	! { y PCI_P2PDMA && ! { y 64BIT && y ZONE_DEVICE; }; } &&
	! { y HIGHMEM && y 64BIT; } &&
	! { y KCSAN && y KASAN; } &&
	! { y KMSAN && { y KASAN || y KCSAN; }; } &&
	! { y MODULE_SIG && ! { y MODULES && y MODULE_SIG_FORMAT; }; }
}
samples=0 bad= live=0
for arch in x86 arm64 riscv powerpc; do
	for seed in 1 2 3; do
		: >"$work/rand.config"
		KCONFIG_CONFIG=$work/rand.config KCONFIG_AUTOCONFIG=$work/auto.conf KCONFIG_SEED=$seed \
			"$here/conf/conf-env.sh" "$tree" "$arch" "$conf" --randconfig Kconfig >/dev/null 2>&1 || continue
		samples=$((samples + 1))
		holds_in "$work/rand.config" || bad="$bad $arch/$seed"
		# samples where some rule's premise is on, so it was put to the test
		grep -qE '^CONFIG_(PCI_P2PDMA|HIGHMEM|KCSAN|KMSAN|MODULE_SIG)=[ym]$' "$work/rand.config" &&
			live=$((live + 1))
	done
done
if [ "$samples" -gt 0 ] && [ -z "$bad" ]; then
	ok "holds: $samples conf --randconfig samples ($live with a rule's premise on) break none of the rules that hold"
else
	ko "holds: $samples samples; broken in:${bad:- (no sample)}"
fi

# ---- baseline ----------------------------------------------------------------
if "$kcsat" check --tree "$tree" -Wno-all --rules "$top/rules" --write-baseline "$work/base" >/dev/null 2>&1 &&
	"$kcsat" check --tree "$tree" -Wno-all --rules "$top/rules" --baseline "$work/base" >"$work/base.out" 2>"$work/base.err" &&
	[ ! -s "$work/base.out" ] && [ "$(grep -vc '^#' "$work/base")" -eq 4 ] &&
	grep -q '^kcsat check: 0 new warnings, 0 new notes; 4 findings held back by the baseline ' "$work/base.err"; then
	ok "baseline: 4 findings recorded; the run with --baseline prints nothing but its summary line and exits 0"
else
	ko "baseline: $(cat "$work/base.out" "$work/base.err" | head -n 3 | tr '\n' ';')"
fi

echo "rules-6.12: $(($(date +%s) - start)) s"
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
