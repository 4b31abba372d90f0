#!/bin/sh
# Lint over the Linux 6.12 sources (issue 19 item 4): the findings of
# `kcsat lint --arch all -Wundefined-config-reference` against the labelled
# set tests/precision/srclint-6.12.tsv (every finding judged by reading its
# source line):
#   true   still reported, as a warning;
#   noise  no warning for it (a note, or nothing);
#   noise-kept  noise still a warning: counted against precision, no failure;
#   and no finding the set does not hold (judge it, add it).
# Then the precision of the warnings and the run's CPU time (a few seconds
# once the tree is in the page cache: the scan reads ~1.3 GB; every arch is
# loaded for its names only, no model).  Needs the full sources
# (tests/kernel-src.sh).  Usage: srclint-6.12.sh KCSAT.  Last line: "N
# passed, N failed".
set -u
kcsat=${1:?usage: srclint-6.12.sh KCSAT}
here=$(cd "$(dirname "$0")/.." && pwd)
PYTHON3=/usr/bin/python3
[ -x "$PYTHON3" ] || PYTHON3=$(command -v python3)
bail() { echo "srclint-6.12: $*"; echo "0 passed, 1 failed"; exit 1; }

src=$("$here/kernel-src.sh" 6.12) || bail "no linux-6.12 sources"
work=$(mktemp -d /tmp/kcsat-srclint.XXXXXX)
trap 'rm -rf "$work"' EXIT
/usr/bin/time -f '%e %U %S' -o "$work/time" "$kcsat" lint --tree "$src" --arch all --jobs 2 \
	-Wundefined-config-reference --format json >"$work/lint.json" 2>"$work/err"
rc=$?
[ $rc -le 1 ] || bail "kcsat lint exited $rc: $(head -3 "$work/err")"
read -r wall user sys <"$work/time"
echo "kcsat lint -Wundefined-config-reference --arch all: $wall s wall, $user s user, $sys s sys"
"$PYTHON3" - "$work/lint.json" "$here/precision/srclint-6.12.tsv" <<'PY'
import json, sys

findings = json.load(open(sys.argv[1]))["findings"]
seen = set()
npass = nfail = 0
count = {}  # verdict -> [labelled, warnings now]
for n, line in enumerate(open(sys.argv[2]), 1):
    if not line.strip() or line.startswith("#"):
        continue
    cols = line.rstrip("\n").split("\t")
    if len(cols) != 5 or cols[3] not in ("true", "noise", "noise-kept") or not cols[4].strip():
        print("FAIL srclint-6.12.tsv:%d: not 'check<TAB>file:line<TAB>symbol<TAB>"
              "true|noise|noise-kept<TAB>reason'" % n)
        nfail += 1
        continue
    check, loc, sym, verdict, reason = cols
    file, _, ln = loc.rpartition(":")
    match = [i for i, f in enumerate(findings) if f["check"] == check and f["file"] == file
             and f["line"] == int(ln) and f["symbol"] == sym and i not in seen]
    if match:
        seen.add(match[0])
    warn = bool(match) and findings[match[0]]["level"] == "warning"
    c = count.setdefault(verdict, [0, 0])
    c[0] += 1
    c[1] += warn
    if verdict == "true":
        ok, why = warn, "still a warning" if warn else ("now a note" if match else "no longer reported")
    elif verdict == "noise-kept":
        ok, why = True, "still a warning (known)" if warn else "out of the warnings now: relabel it noise"
    else:
        ok, why = not warn, "not a warning" if not warn else "still a warning"
    print("%s %s %s %s (%s): %s" % ("PASS" if ok else "FAIL", check, loc, sym, verdict, why))
    npass += ok
    nfail += not ok
for i, f in enumerate(findings):
    if i not in seen:
        print("FAIL unlabelled %s %s:%d %s: %s" % (f["check"], f["file"], f["line"], f["symbol"],
                                                 f["message"]))
        nfail += 1
t = count.get("true", [0, 0])
tw = t[1] + count.get("noise", [0, 0])[1] + count.get("noise-kept", [0, 0])[1]
print("labelled: %s" % ", ".join("%s %d (warnings %d)" % (v, c[0], c[1]) for v, c in sorted(count.items())))
if tw:
    print("precision of the warnings: %d/%d = %.0f%%" % (t[1], tw, 100.0 * t[1] / tw))
print("%d passed, %d failed" % (npass, nfail))
sys.exit(1 if nfail else 0)
PY
