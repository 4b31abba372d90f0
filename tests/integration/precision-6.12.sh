#!/bin/sh
# lint's precision on Linux 6.12: tests/precision/lint-6.12.tsv holds real
# findings of `kcsat lint --arch all` on 6.12, each judged by reading the
# Kconfig lines it cites (verdict and reason in the file).  On every run:
#   true   the finding is still reported, as a warning;
#   noise  no warning is reported for it (a note, or nothing, is fine);
#   noise-kept  noise kcsat still warns about: counted against precision,
#          never a failure (said when it leaves the warnings: relabel it).
#   and every unmet-select finding the kernel's conf confirmed on its
#          fragment or witness (tests/precision/unmet-conf-6.12.tsv, made by
#          tests/precision/confirm-unmet.py with cross compilers, never
#          here) is still a warning.
# Then the counts of the labelled set per check and the precision of what
# is a warning.  Every arch: "dead" and "defined on no arch" are facts of
# all of them, so a subset would label other findings (~2 minutes on two
# cores).  KCSAT_PRECISION_JSON=FILE reads a saved `--format json` run of
# the same tree instead.  Usage: precision-6.12.sh KCSAT.  Last line: "N
# passed, N failed".
set -u
kcsat=${1:?usage: precision-6.12.sh KCSAT}
here=$(cd "$(dirname "$0")/.." && pwd)
PYTHON3=/usr/bin/python3
[ -x "$PYTHON3" ] || PYTHON3=$(command -v python3)
bail() { echo "precision-6.12: $*"; echo "0 passed, 1 failed"; exit 1; }

tree=$("$here/kernel-tree.sh" 6.12) || bail "no linux-6.12 tree"
work=$(mktemp -d /tmp/kcsat-precision.XXXXXX)
trap 'rm -rf "$work"' EXIT
json=${KCSAT_PRECISION_JSON:-}
if [ -z "$json" ]; then
	json=$work/lint.json
	"$kcsat" lint --tree "$tree" --arch all --jobs 2 --format json >"$json" 2>"$work/err"
	rc=$?
	[ $rc -le 1 ] || bail "kcsat lint exited $rc: $(head -3 "$work/err")"
fi
"$PYTHON3" - "$json" "$here/precision/lint-6.12.tsv" "$here/precision/unmet-conf-6.12.tsv" <<'PY'
import json, sys

findings = json.load(open(sys.argv[1]))["findings"]
by = {}
for f in findings:
    by.setdefault((f["check"], f["file"], f["line"]), []).append(f)
npass = nfail = 0
count = {}  # check -> [true, noise, true kept as warning, noise kept out]
kept = 0
for n, line in enumerate(open(sys.argv[2]), 1):
    if not line.strip() or line.startswith("#"):
        continue
    cols = line.rstrip("\n").split("\t")
    if len(cols) != 5 or cols[3] not in ("true", "noise", "noise-kept") or not cols[4].strip():
        print("FAIL lint-6.12.tsv:%d: not 'check<TAB>file:line<TAB>symbol<TAB>"
              "true|noise|noise-kept<TAB>reason'" % n)
        nfail += 1
        continue
    check, loc, sym, verdict, reason = cols
    file, _, ln = loc.rpartition(":")
    match = [f for f in by.get((check, file, int(ln)), [])
             if sym == "-" or f["symbol"] == sym or f.get("selector") == sym]
    warn = [f for f in match if f["level"] == "warning"]
    c = count.setdefault(check, [0, 0, 0, 0])
    if verdict == "true":
        c[0] += 1
        ok = bool(warn)
        c[2] += ok
        why = "still a warning" if ok else ("now a note" if match else "no longer reported")
    elif verdict == "noise-kept":
        c[1] += 1
        c[3] += not warn
        kept += bool(warn)
        ok = True
        why = "still a warning (known)" if warn else "out of the warnings now: relabel it noise"
    else:
        c[1] += 1
        ok = not warn
        c[3] += ok
        why = ("a note (%s)" % match[0].get("class", "no class")) if match and ok else \
              "not reported" if ok else "still a warning"
    print("%s %s %s %s (%s): %s" % ("PASS" if ok else "FAIL", check, loc, sym, verdict, why))
    npass += ok
    nfail += not ok
# what the kernel's conf confirmed (tests/precision/confirm-unmet.py, run by
# hand with cross compilers; its output is unmet-conf-6.12.tsv) stays an
# unmet-select warning
for n, line in enumerate(open(sys.argv[3]), 1):
    if not line.strip() or line.startswith("#"):
        continue
    cols = line.rstrip("\n").split("\t")
    if len(cols) != 8 or cols[6] != "confirmed":
        continue
    file, _, ln = cols[0].rpartition(":")
    warn = [f for f in by.get(("unmet-select", file, int(ln)), [])
            if f["level"] == "warning" and f["symbol"] == cols[2] and f.get("selector") == cols[1]]
    ok = bool(warn)
    print("%s unmet-select %s %s -> %s (conf confirms on %s with %s): %s" % (
        "PASS" if ok else "FAIL", cols[0], cols[1], cols[2], cols[3], cols[4],
        "still a warning" if ok else "no longer a warning"))
    npass += ok
    nfail += not ok
tw = tt = 0
print("labelled: check, true, noise; of them warnings now: true, noise")
for check in sorted(count):
    t, nz, tk, nk = count[check]
    print("  %-22s %3d %3d   %3d %3d" % (check, t, nz, tk, nz - nk))
    tw += tk + nz - nk
    tt += tk
if tw:
    print("precision of the labelled warnings: %d/%d = %.0f%%" % (tt, tw, 100.0 * tt / tw))
w = sum(f["level"] == "warning" for f in findings)
print("the run: %d warnings, %d notes" % (w, len(findings) - w))
print("%d passed, %d failed" % (npass, nfail))
sys.exit(1 if nfail else 0)
PY
