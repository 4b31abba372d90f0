#!/bin/sh
# undefined-config-reference against its peer in the same run: the kernel's
# own scripts/checkkconfigsymbols.py (a regex over every line of every file
# `git ls-files` lists but tools/, definitions from every Kconfig file at
# once, not arch-aware).  The tree is no git checkout, so the peer gets a
# throw-away index of it (GIT_DIR in a temporary directory, `git
# update-index --info-only`: no objects written, nothing in the tree
# changed; the peer is run without --commit/--diff, which would reset).
# Prints the CPU time of each and the symbols each reports in C, header,
# assembly and Makefile/Kbuild files, with the difference both ways.
# Usage: bench/srclint.sh KCSAT [TREE]   (default: tests/kernel-src.sh 6.12)
set -eu
kcsat=${1:?usage: srclint.sh KCSAT [TREE]}
here=$(cd "$(dirname "$0")/.." && pwd)
tree=${2:-$("$here/tests/kernel-src.sh" 6.12)}
tree=$(cd "$tree" && pwd)
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
export GIT_DIR="$tmp/git" GIT_WORK_TREE="$tree"
git init -q "$GIT_DIR"
(cd "$tree" && find . -type f ! -name '.kcsat-complete' -printf '%P\0' |
	git update-index --add --info-only -z --stdin)
/usr/bin/time -f '%e %U %S' -o "$tmp/t-kcsat" "$kcsat" lint --tree "$tree" --arch all --jobs 2 \
	-Wundefined-config-reference --format json >"$tmp/kcsat.json" 2>/dev/null || true
(cd "$tree" && /usr/bin/time -f '%e %U %S' -o "$tmp/t-peer" python3 scripts/checkkconfigsymbols.py \
	>"$tmp/peer.txt" 2>&1) || true
python3 - "$tmp/kcsat.json" "$tmp/peer.txt" "$tmp/t-kcsat" "$tmp/t-peer" <<'PY'
import json, re, sys
kj, peer, tk, tp = sys.argv[1:]
def src(f):
    b = f.rsplit("/", 1)[-1]
    return b.endswith((".c", ".h", ".S")) or b.startswith(("Makefile", "Kbuild"))
ours = {}
for f in json.load(open(kj))["findings"]:
    if f["level"] == "warning":
        ours.setdefault(f["symbol"], set()).add(f["file"])
theirs, cur = {}, None
for line in open(peer, errors="replace"):
    m = re.match(r"(?:Undefined symbol used: )?([A-Za-z0-9_]+)$", line.strip())
    if m:   # the symbol on a line of its own, then its files
        cur = m.group(1)
    elif line.startswith("Referencing files:") and cur:
        files = {x.strip() for x in line.split(":", 1)[1].split(",") if x.strip()}
        files = {x for x in files if src(x)}
        if files:
            theirs[cur] = files
        cur = None
def t(p):
    w, u, s = open(p).read().split()[-3:]
    return "%s s wall, %s s user, %s s sys" % (w, u, s)
print("kcsat lint -Wundefined-config-reference --arch all: %s" % t(tk))
print("scripts/checkkconfigsymbols.py (whole tree, Kconfig too): %s" % t(tp))
both = set(ours) & set(theirs)
print("symbols reported in sources: kcsat %d, checkkconfigsymbols %d, both %d" %
      (len(ours), len(theirs), len(both)))
only_k = sorted(set(ours) - set(theirs))
only_p = sorted(set(theirs) - set(ours))
print("kcsat only (%d): %s" % (len(only_k), " ".join(only_k)))
print("checkkconfigsymbols only (%d), first 60: %s" % (len(only_p), " ".join(only_p[:60])))
PY
