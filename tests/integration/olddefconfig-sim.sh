#!/bin/sh
# The olddefconfig simulation (kconfig/confsim.c over kconfig/eval.c)
# against the kernel's own conf on real Linux 6.12 (x86, arm64) and 6.1
# (x86: the choices of 6.10 and older, each with a value of its own, and
# range-reset): for randconfigs and for
# two copies of each with 60 values changed (flipped, deleted, made invalid: m for
# a bool, a malformed number, an unquoted string, a second member of a
# choice set), the .config `conf --olddefconfig` writes must equal, line for
# line and in order, what tests/conf/olddefconfig-sim.c computes.
# Usage: olddefconfig-sim.sh KCSAT [VER:ARCH...] (the simulator is built
# beside KCSAT).
set -u
kcsat=${1:?usage: olddefconfig-sim.sh KCSAT [VER:ARCH...]}
shift
sim=$(cd "$(dirname "$kcsat")" && pwd)/olddefconfig-sim
here=$(cd "$(dirname "$0")/.." && pwd)
[ -x "$sim" ] || { echo "olddefconfig-sim: $sim not built"; echo "0 passed, 1 failed"; exit 1; }
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
for c in ${*:-6.12:x86 6.12:arm64 6.1:x86}; do
	ver=${c%%:*} arch=${c#*:}
	tree=$("$here/kernel-tree.sh" "$ver") &&
	server=$("$here/conf/conf-server.sh" "$ver") || { echo "FAIL $c: cannot set up linux-$ver"; fail=$((fail + 1)); continue; }
	mkdir -p "$work/$ver-$arch/in" "$work/$ver-$arch/conf" "$work/$ver-$arch/sim"
	for seed in 1 2 3; do echo "$work/$ver-$arch/in/rand$seed.config $seed"; done | server "$arch" randconfig
	"$PY" - "$work/$ver-$arch/in" <<'EOF_PY'
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
	rm -f "$work/$ver-$arch/in"/*.log
	cp "$work/$ver-$arch/in"/*.config "$work/$ver-$arch/conf/"
	ls "$work/$ver-$arch/conf"/*.config | server "$arch" olddefconfig
	"$here/conf/conf-env.sh" "$tree" "$arch" "$sim" "$tree" "$arch" "$work/$ver-$arch/sim" "$work/$ver-$arch/in"/*.config ||
		{ echo "FAIL $c: the simulator failed"; fail=$((fail + 1)); continue; }
	for f in "$work/$ver-$arch/in"/*.config; do
		b=${f##*/}
		grep '^CONFIG_\|^# CONFIG_' "$work/$ver-$arch/conf/$b" >"$work/want"
		if diff "$work/want" "$work/$ver-$arch/sim/$b" >"$work/diff"; then
			echo "PASS $c $b: $(wc -l <"$work/want") lines as conf writes them"
			pass=$((pass + 1))
		else
			echo "FAIL $c $b: differs from conf --olddefconfig:"
			head -20 "$work/diff"
			fail=$((fail + 1))
		fi
	done
done
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
