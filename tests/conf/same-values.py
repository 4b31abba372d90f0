#!/usr/bin/python3
"""same-values.py WITNESS RESULT: every assignment of the witness (kcsat's
.config) is kept in RESULT (conf --olddefconfig's output).  A bool/tristate
missing from RESULT is n, as conf only writes symbols it considers set.
Prints each difference; exit 1 if any."""
import sys

from dotconfig import read_config as read


def main():
    want, got = read(sys.argv[1]), read(sys.argv[2])
    bad = 0
    for k, v in want.items():
        g = got.get(k)
        if g is None:
            if v in ("y", "m"):
                print(f"{k}: kcsat {v}, conf n (not written)")
                bad += 1
            continue
        if g != v:
            print(f"{k}: kcsat {v}, conf {g}")
            bad += 1
    print(f"{len(want)} assignments, {bad} changed")
    return 1 if bad else 0


sys.exit(main())
