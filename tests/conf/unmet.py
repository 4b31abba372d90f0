"""conf's unmet-dependency warnings, read as conf prints them (shared by
lint-unmet.py beside it and tests/precision/confirm-unmet.py)."""
import re

UNMET = "WARNING: unmet direct dependencies detected for "


def unmet_warnings(text):
    """conf's unmet-dependency warnings: {X: set of selectors S} (selectors
    from the "Selected by [y]:" / "Selected by [m]:" lists)."""
    res = {}
    cur = None
    in_sel = False
    for line in text.splitlines():
        if line.startswith(UNMET):
            cur = line[len(UNMET):].strip()
            res.setdefault(cur, set())
            in_sel = False
        elif cur is None:
            continue
        elif re.match(r"\s*Selected by \[[ym]\]:", line):
            in_sel = True
        elif in_sel and re.match(r"\s*- ", line):
            m = re.match(r"\s*- ([A-Za-z0-9_]+)", line)
            if m:
                res[cur].add(m.group(1))
        elif re.match(r"\s*(Depends on|Selected by \[n\]|Implied by)", line):
            in_sel = False
        elif not line.startswith(" "):
            cur, in_sel = None, False
    return res
