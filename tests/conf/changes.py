#!/usr/bin/env python3
"""Helpers of tests/integration/verify-changes.sh.

  changes.py mutate BASE OUT N   each BASE/*.config copied to OUT as is and
                                 as N mutants (values flipped, lines deleted,
                                 values made invalid), seeded by file name
  changes.py compare IN CONF JSON
                                 for every IN/X.config: the settings
                                 `conf --olddefconfig` changed (CONF/X.config)
                                 against kcsat verify's list (JSON), of the
                                 names a fragment (frag*) has or of every
                                 name; prints each difference, and a summary
                                 last
"""
import glob
import json
import os
import random
import sys

BOOL_VALUES = ["n", "m", "y", "maybe", "", "yes", None]    # None: delete the line
OTHER_VALUES = ["0", "-1", "100000", "0x10", "abc", '""', "unquoted",
                "0xffffffffffffffff", "0x8000000000000000", "-0x1000001", None]
EMPTY = ("n", "", "0", "0x0")


def mutate(base, out, n):
    for f in sorted(glob.glob(os.path.join(base, "*.config"))):
        name = os.path.basename(f)[:-7]
        lines = open(f).read().split("\n")
        open(os.path.join(out, name + ".config"), "w").write("\n".join(lines))
        settable = [i for i, l in enumerate(lines)
                    if l.startswith("CONFIG_") or (l.startswith("# CONFIG_") and l.endswith(" is not set"))]
        for k in range(n):
            rnd = random.Random(f"{name}:{k}")
            edits = [1, 2, 3, 5, 12, 40][k % 6]
            new = list(lines)
            for i in rnd.sample(settable, min(edits, len(settable))):
                l = new[i]
                if l.startswith("# CONFIG_"):
                    sym, old = l[9:-11], "n"
                else:
                    sym, old = l[7:].split("=", 1)
                v = rnd.choice(BOOL_VALUES if old in ("y", "m", "n") else OTHER_VALUES)
                if v is None:
                    new[i] = ""
                elif v == "n":
                    new[i] = f"# CONFIG_{sym} is not set"
                else:
                    new[i] = f"CONFIG_{sym}={v}"
            open(os.path.join(out, f"{name}-mut{k}.config"), "w").write("\n".join(new))


def parse(path):
    d = {}
    for l in open(path).read().split("\n"):
        if l.startswith("# CONFIG_") and l.endswith(" is not set"):
            d[l[9:-11]] = "n"
        elif l.startswith("CONFIG_") and "=" in l:
            n, v = l[7:].split("=", 1)
            if len(v) >= 2 and v[0] == '"' and v[-1] == '"':
                out, i = [], 1
                while i < len(v) - 1:
                    if v[i] == "\\" and i + 1 < len(v) - 1:
                        i += 1
                    out.append(v[i])
                    i += 1
                v = "".join(out)
            d[n] = v
    return d


def compare(indir, confdir, js):
    results = {os.path.basename(r["config"]): r for r in json.load(open(js))["results"]}
    files = sorted(os.path.basename(f) for f in glob.glob(os.path.join(indir, "*.config")))
    bad = lines = 0
    for b in files:
        r = results.get(b)
        if r is None:
            print(f"{b}: no answer from kcsat verify")
            bad += 1
            continue
        got = {c["symbol"]: c for c in r["changes"]}
        old, new = parse(os.path.join(indir, b)), parse(os.path.join(confdir, b))
        want = {}
        # a fragment (a defconfig): only the names it has
        for n in (set(old) if r.get("fragment") else set(old) | set(new)) - set(r["undefined"]):
            o = old.get(n)
            if n in new:
                if o != new[n] and not (o is None and new[n] == "n"):
                    want[n] = (o, new[n], True)
            elif o is not None:
                # not written by conf: the value is n or the type's empty
                # one (kcsat says which); a change unless the line said it
                g = got.get(n)
                v = g["new"] if g and not g["written"] and g["new"] in EMPTY else \
                    ("n" if o in ("y", "m", "n") else None)
                if v is None:
                    if o not in EMPTY:
                        want[n] = (o, "(not written)", False)
                elif o != v:
                    want[n] = (o, v, False)
        errs = []
        for n in sorted(set(want) | set(got)):
            w, g = want.get(n), got.get(n)
            gl = g and (g["old"], g["new"], g["written"])
            if w != gl:
                errs.append(f"  CONFIG_{n}: conf: {fmt(w)}; kcsat: {fmt(gl)}")
        if b.count("-mut") == 0 and not b.startswith("frag") and (want or not r["consistent"]):
            errs.append(f"  an unmutated config is not consistent ({len(want)} conf changes)")
        if r["consistent"] != (not got):
            errs.append("  'consistent' disagrees with the change list")
        lines += len(want)
        if errs:
            bad += 1
            print(f"{b}: {len(errs)} difference(s):")
            print("\n".join(errs[:15]))
    print(f"{len(files) - bad}/{len(files)} configs: kcsat's change list is conf's "
          f"({lines} changes in all)")
    return bad == 0


def fmt(c):
    if not c:
        return "(unchanged)"
    return f"{'(absent)' if c[0] is None else c[0]} -> {c[1]}" + ("" if c[2] else " (not written)")


if __name__ == "__main__":
    if sys.argv[1] == "mutate":
        mutate(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    elif sys.argv[1] == "compare":
        sys.exit(0 if compare(sys.argv[2], sys.argv[3], sys.argv[4]) else 1)
    else:
        sys.exit(__doc__)
