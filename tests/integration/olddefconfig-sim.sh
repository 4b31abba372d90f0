#!/bin/sh
# The olddefconfig simulation (kconfig/confsim.c over kconfig/eval.c)
# against the kernel's own conf on real Linux 6.12: for randconfigs and for
# two copies of each with 60 values changed (flipped, deleted, made invalid: m for
# a bool, a malformed number, an unquoted string, a second member of a
# choice set), the .config `conf --olddefconfig` writes must equal, line for
# line and in order, what tests/conf/olddefconfig-sim.c computes.
# Usage: olddefconfig-sim.sh KCSAT (the simulator is built beside it).
set -u
kcsat=${1:?usage: olddefconfig-sim.sh KCSAT}
sim=$(cd "$(dirname "$kcsat")" && pwd)/olddefconfig-sim
here=$(cd "$(dirname "$0")/.." && pwd)
[ -x "$sim" ] || { echo "olddefconfig-sim: $sim not built"; echo "0 passed, 1 failed"; exit 1; }
tree=$("$here/kernel-tree.sh" 6.12) || exit 1
server=$("$here/conf/conf-server.sh" 6.12) || exit 1
CC=$("$here/conf/cc-memo.sh") || exit 1
export CC KCSAT_CC_CACHE=${KCSAT_CC_CACHE:-${HOME:-/root}/.cache/kcsat/cc-memo}
PY=/usr/bin/python3
[ -x "$PY" ] || PY=$(command -v python3)
work=$(mktemp -d "${TMPDIR:-/tmp}/kcsat-olddef.XXXXXX")
trap 'rm -rf "$work"' EXIT
pass=0 fail=0
# conf-server parses once per arch and forks per job (tests/conf)
server() {	# server ARCH MODE < jobs
	"$here/conf/conf-env.sh" "$tree" "$1" "$server" "--$2" Kconfig >/dev/null 2>&1
}
for arch in x86 arm64; do
	mkdir -p "$work/$arch/in" "$work/$arch/conf" "$work/$arch/sim"
	for seed in 1 2 3; do echo "$work/$arch/in/rand$seed.config $seed"; done | server "$arch" randconfig
	"$PY" - "$work/$arch/in" <<'EOF_PY'
import glob, random, sys
for f in sorted(glob.glob(sys.argv[1] + "/rand*.config")):
    lines = open(f).read().split("\n")
    for k in range(2):
        rnd = random.Random(f"{f}:{k}")
        out = list(lines)
        for _ in range(60):
            i = rnd.randrange(len(out))
            l = out[i]
            if l.startswith("# CONFIG_") and l.endswith(" is not set"):
                out[i] = "CONFIG_" + l[9:-11] + "=" + rnd.choice("ym")
            elif l.startswith("CONFIG_") and "=" in l:
                name, val = l.split("=", 1)
                if val in ("y", "m"):
                    out[i] = rnd.choice([name + "=n", name + "=m", name + "=maybe", ""])
                else:
                    out[i] = name + "=" + rnd.choice(["0", "-1", "100000", "0x10", "abc", '""', "unquoted"])
        open(f.replace(".config", f"-mut{k}.config"), "w").write("\n".join(out))
EOF_PY
	rm -f "$work/$arch/in"/*.log
	cp "$work/$arch/in"/*.config "$work/$arch/conf/"
	ls "$work/$arch/conf"/*.config | server "$arch" olddefconfig
	"$here/conf/conf-env.sh" "$tree" "$arch" "$sim" "$tree" "$arch" "$work/$arch/sim" "$work/$arch/in"/*.config ||
		{ echo "FAIL $arch: the simulator failed"; fail=$((fail + 1)); continue; }
	for f in "$work/$arch/in"/*.config; do
		b=${f##*/}
		grep '^CONFIG_\|^# CONFIG_' "$work/$arch/conf/$b" >"$work/want"
		if diff "$work/want" "$work/$arch/sim/$b" >"$work/diff"; then
			echo "PASS $arch $b: $(wc -l <"$work/want") lines as conf writes them"
			pass=$((pass + 1))
		else
			echo "FAIL $arch $b: differs from conf --olddefconfig:"
			head -20 "$work/diff"
			fail=$((fail + 1))
		fi
	done
done
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
