#!/usr/bin/python3
"""Dump a kernel tree's Kconfig model, as parsed by kconfiglib, as JSON.

This is the oracle side of the kcsat front-end differential test
(tests/oracle/compare.py).  Usage:

    kconfiglib_dump.py --tree DIR --arch ARCH [--cache DIR] [-o FILE]
    kconfiglib_dump.py --tree DIR --prepare      (only build the oracle copy)

It loads DIR for one arch the way `kcsat dump` does:

* The preprocessor environment is the one kcsat sets (src/kconfig/arch.c): ARCH,
  SRCARCH, SUBARCH, KERNELVERSION (from the top Makefile), srctree=".", the
  tool names, CLANG_FLAGS="", and CC_VERSION_TEXT / RUSTC_VERSION_TEXT as
  unknown shell results.  Everything else is removed from os.environ, since
  kconfiglib falls back to the process environment for $(FOO).

* $(shell,CMD) is never run.  kconfiglib's `shell` function is replaced by
  one that returns a placeholder word (__kcsat_unk_N__) interned by CMD.  A
  word made of [A-Za-z0-9_] survives kconfiglib's tokenizer in every place a
  macro can appear: as a whole symbol name (`def_bool $(success,...)`), inside
  a quoted string, or inside the text of another $(shell,...).  When printing,
  the placeholder is rendered the way kcsat renders its unknowns: a quoted
  constant "$(shell,CMD)", with nested placeholders in CMD rendered as
  $(shell,INNER) recursively.  kconfiglib sees `def_bool $(success,...)` as
  an (undefined) symbol while kcsat sees a constant; both are the same
  unknown, so an unquoted placeholder symbol prints as the quoted constant.

* Debian's kconfiglib 14.1 predates the `modules` keyword (kernel 6.11+
  spells `option modules` that way).  The oracle parses a rewritten copy of
  the tree (`modules` -> `option modules`), made once under
  ~/.cache/kcsat/oracle-<tree name> and reused while the source tree's
  .kcsat-complete stamp is unchanged.

Expressions are printed in the syntax kcsat uses: && || ! = != < <= > >=,
minimal parentheses, quoted constants (with \\ and " escaped), y/m/n and
undefined words bare.  A reference to a choice (kconfiglib's pre-6.11 model
puts the choice itself into its members' dependencies) prints as the
choice's kcsat name, <choice@FILE:LINE>; compare.py decides what to do
with it.
"""

import argparse
import json
import os
import re
import shutil
import sys

sys.path.insert(0, "/usr/lib/python3/dist-packages")
import kconfiglib  # noqa: E402
from kconfiglib import (AND, OR, NOT, EQUAL, UNEQUAL, LESS, LESS_EQUAL,  # noqa: E402
                        GREATER, GREATER_EQUAL, Symbol, Choice, TYPE_TO_STR)

REL = {EQUAL: "=", UNEQUAL: "!=", LESS: "<", LESS_EQUAL: "<=",
       GREATER: ">", GREATER_EQUAL: ">="}

ORACLE_VERSION = "1"   # bump when the rewrite below changes

# ---------------------------------------------------------------------------
# The rewritten copy of the tree

_HELP_RE = re.compile(r"^\s*(---help---|help)\s*(#.*)?$")
_MODULES_RE = re.compile(r"^(\s*)modules(\s*(#.*)?)$")


def _indent(line):
    return len(line.expandtabs(8)) - len(line.expandtabs(8).lstrip())


def rewrite_kconfig(text):
    """`modules` -> `option modules`, outside help texts.  Returns (text, n)."""
    out, n = [], 0
    help_indent = None      # None: not in help; -1: help started, no text yet
    in_help = False
    for line in text.split("\n"):
        if in_help:
            if line.strip() == "":
                out.append(line)
                continue
            ind = _indent(line)
            if help_indent == -1:
                help_indent = ind
            if ind >= help_indent and help_indent > 0:
                out.append(line)
                continue
            in_help = False
        if _HELP_RE.match(line):
            in_help, help_indent = True, -1
            out.append(line)
            continue
        m = _MODULES_RE.match(line)
        if m:
            line = m.group(1) + "option modules" + m.group(2)
            n += 1
        out.append(line)
    return "\n".join(out), n


def oracle_tree(tree, cache=None):
    """Path of the rewritten copy of `tree`, creating it if needed."""
    tree = os.path.realpath(tree)
    if cache is None:
        cache = os.path.join(os.environ.get("KCSAT_CACHE") or
                             os.path.join(os.path.expanduser("~"), ".cache", "kcsat"),
                             "oracle-" + os.path.basename(tree))
    stamp_src = os.path.join(tree, ".kcsat-complete")
    stamp = os.path.join(cache, ".oracle-complete")
    want = None
    if os.path.exists(stamp_src):
        # a tests/kernel-tree.sh tree: immutable once stamped, so reuse
        with open(stamp_src) as f:
            want = "%s %s %s" % (ORACLE_VERSION, tree, f.read().strip())
        try:
            with open(stamp) as f:
                if f.read().strip() == want:
                    return cache
        except OSError:
            pass
    else:
        # any other tree (a small reproducer) may change: copy it every time
        want = "%s %s unstamped" % (ORACLE_VERSION, tree)

    tmp = "%s.tmp.%d" % (cache, os.getpid())
    shutil.rmtree(tmp, ignore_errors=True)
    nrewritten = 0
    for dirpath, dirnames, filenames in os.walk(tree):
        dirnames.sort()
        rel = os.path.relpath(dirpath, tree)
        for fn in filenames:
            if "Kconfig" not in fn and not (rel == "." and fn == "Makefile"):
                continue
            src = os.path.join(dirpath, fn)
            dst = os.path.join(tmp, rel, fn)
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            if "Kconfig" in fn:
                with open(src, encoding="utf-8", errors="surrogateescape") as f:
                    text = f.read()
                text, n = rewrite_kconfig(text)
                nrewritten += n
                with open(dst, "w", encoding="utf-8", errors="surrogateescape") as f:
                    f.write(text)
            else:
                shutil.copyfile(src, dst)
    with open(os.path.join(tmp, ".oracle-complete"), "w") as f:
        f.write(want + "\n")
    # Another run may have built it meanwhile: keep whichever is complete.
    old = "%s.old.%d" % (cache, os.getpid())
    if os.path.exists(cache):
        try:
            os.rename(cache, old)
        except OSError:
            pass
    try:
        os.rename(tmp, cache)
    except OSError:
        shutil.rmtree(tmp, ignore_errors=True)
    shutil.rmtree(old, ignore_errors=True)
    if nrewritten == 0:
        print("kconfiglib_dump.py: note: no `modules` line rewritten in " + tree,
              file=sys.stderr)
    return cache


# ---------------------------------------------------------------------------
# Environment and the shell replacement

def kernel_version(tree):
    v = p = s = None
    extra = ""
    try:
        with open(os.path.join(tree, "Makefile"), errors="replace") as f:
            for line in f:
                m = re.match(r"(VERSION|PATCHLEVEL|SUBLEVEL) = (\d+)", line)
                if m:
                    if m.group(1) == "VERSION":
                        v = int(m.group(2))
                    elif m.group(1) == "PATCHLEVEL":
                        p = int(m.group(2))
                    else:
                        s = int(m.group(2))
                elif line.startswith("EXTRAVERSION ="):
                    extra = line[len("EXTRAVERSION ="):].strip(" \n")
                if None not in (v, p, s) and line.startswith("NAME"):
                    break
    except OSError:
        return ""
    if v is None or p is None:
        return ""
    return "%d.%d.%d%s" % (v, p, s or 0, extra)


class Unknowns:
    """$(shell,CMD) results, interned by command text."""
    PAT = re.compile(r"__kcsat_unk_(\d+)__")

    def __init__(self):
        self.cmds = []
        self.ids = {}

    def make(self, cmd):
        if cmd not in self.ids:
            self.ids[cmd] = len(self.cmds)
            self.cmds.append(cmd)
        return "__kcsat_unk_%d__" % self.ids[cmd]

    def render(self, text):
        """Replace every placeholder in text by $(shell,CMD), recursively."""
        return self.PAT.sub(lambda m: "$(shell,%s)" % self.render(self.cmds[int(m.group(1))]),
                            text)

    def whole(self, name):
        return self.PAT.fullmatch(name) is not None


def setup_env(arch, version, unk):
    os.environ.clear()
    env = {
        "ARCH": "um" if arch == "um" else arch,
        "SRCARCH": arch,
        "SUBARCH": "x86",
        "KERNELVERSION": version,
        "srctree": ".",
        "CC": "gcc", "LD": "ld", "AR": "ar", "NM": "nm", "OBJCOPY": "objcopy",
        "PAHOLE": "pahole", "RUSTC": "rustc", "BINDGEN": "bindgen",
        "PYTHON3": "python3", "CLANG_FLAGS": "",
        "CC_VERSION_TEXT": unk.make("LC_ALL=C gcc --version 2>/dev/null | head -n 1"),
        "RUSTC_VERSION_TEXT": unk.make("rustc --version 2>/dev/null"),
    }
    if arch == "um":
        env["HEADER_ARCH"] = "x86"
    os.environ.update(env)


# ---------------------------------------------------------------------------
# Printing

def quote(s):
    """Quote a constant as kcsat prints it: \\ escapes ", \\ and $, except
    inside a $(shell,...) result, which stays raw up to its matching ')'
    (the Kconfig lexer reads it so)."""
    out, i = [], 0
    while i < len(s):
        if s.startswith("$(shell,", i):
            depth, j = 0, i
            while j < len(s):
                if s[j] == "(":
                    depth += 1
                elif s[j] == ")":
                    depth -= 1
                    if depth == 0:
                        break
                j += 1
            out.append(s[i:j + 1])
            i = j + 1
            continue
        if s[i] in '"\\$':
            out.append("\\")
        out.append(s[i])
        i += 1
    return '"' + "".join(out) + '"'


class Printer:
    def __init__(self, kconf, unk):
        self.kconf = kconf
        self.unk = unk
        self.odd_names = set()

    def choice_name(self, c):
        if c.name:
            return c.name
        n = c.nodes[0]
        return "<choice@%s:%d>" % (n.filename, n.linenr)

    def atom(self, sc):
        if sc.__class__ is Choice:
            return self.choice_name(sc)
        name = sc.name
        if sc.is_constant:
            if sc is self.kconf.y or sc is self.kconf.m or sc is self.kconf.n:
                return name
            return quote(self.unk.render(name))
        if self.unk.whole(name):
            # The same unknown kcsat prints as a constant
            return quote(self.unk.render(name))
        if self.unk.PAT.search(name):
            self.odd_names.add(name)
            return self.unk.render(name)
        return name

    def expr(self, e, ctx=0):
        """ctx: 0 top/or operand, 1 and operand, 2 operand of ! or a relation."""
        if e.__class__ is not tuple:
            return self.atom(e)
        op = e[0]
        if op is AND:
            s = self.expr(e[1], 1) + " && " + self.expr(e[2], 1)
            return "(" + s + ")" if ctx >= 2 else s
        if op is OR:
            s = self.expr(e[1], 0) + " || " + self.expr(e[2], 0)
            return "(" + s + ")" if ctx >= 1 else s
        if op is NOT:
            return "!" + self.expr(e[1], 2)
        s = self.expr(e[1], 2) + " " + REL[op] + " " + self.expr(e[2], 2)
        return "(" + s + ")" if ctx >= 2 else s


def dump(kconf, unk, arch):
    pr = Printer(kconf, unk)
    E = pr.expr
    out = {}

    def base(sc, name):
        return {
            "name": name,
            "type": TYPE_TO_STR[sc.orig_type],
            "definitions": [{"loc": "%s:%d" % (n.filename, n.linenr), "dep": E(n.dep),
                             "kind": "choice" if sc.__class__ is Choice else "config"}
                            for n in sc.nodes],
            "direct_dep": E(sc.direct_dep),
            "prompts": [{"text": n.prompt[0], "visible": E(n.prompt[1])}
                        for n in sc.nodes if n.prompt],
            "defaults": [{"value": E(v), "visible": E(c)} for v, c in sc.defaults],
            "selected_by": [],
            "implied_by": [],
            "modules": sc is kconf.modules,
            "optional": sc.__class__ is Choice and sc.is_optional,
            "allnoconfig_y": sc.__class__ is Symbol and sc.is_allnoconfig_y,
            "env": getattr(sc, "env_var", None),
        }

    for sym in kconf.unique_defined_syms:
        d = base(sym, sym.name)
        d["choice"] = pr.choice_name(sym.choice) if sym.choice else None
        d["ranges"] = [{"low": E(lo), "high": E(hi), "visible": E(c)}
                       for lo, hi, c in sym.ranges]
        d["selects"] = [{"symbol": t.name, "visible": E(c)} for t, c in sym.selects]
        d["implies"] = [{"symbol": t.name, "visible": E(c)} for t, c in sym.implies]
        out[sym.name] = d
    for ch in kconf.unique_choices:
        d = base(ch, pr.choice_name(ch))
        d["choice"] = None
        d["ranges"] = d["selects"] = d["implies"] = []
        out[d["name"]] = d
    for sym in kconf.unique_defined_syms:
        for key, lst in (("selected_by", sym.selects), ("implied_by", sym.implies)):
            for target, cond in lst:
                if target.name in out and target.nodes:
                    out[target.name][key].append({"symbol": sym.name, "cond": E(cond)})
    res = {"arch": arch, "symbols": list(out.values()),
           "unknowns": len(unk.cmds)}
    if pr.odd_names:
        res["odd_names"] = sorted(pr.odd_names)
    return res


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--tree", required=True)
    ap.add_argument("--arch")
    ap.add_argument("--cache", help="rewritten copy (default ~/.cache/kcsat/oracle-NAME)")
    ap.add_argument("--prepare", action="store_true", help="only build the rewritten copy")
    ap.add_argument("-o", "--output")
    a = ap.parse_args()

    root = oracle_tree(a.tree, a.cache)
    if a.prepare:
        print(root)
        return 0
    if not a.arch:
        ap.error("--arch is required")
    if not os.path.isfile(os.path.join(root, "arch", a.arch, "Kconfig")):
        ap.error("no arch/%s/Kconfig in %s" % (a.arch, a.tree))

    unk = Unknowns()
    version = kernel_version(root)
    setup_env(a.arch, version, unk)
    kconfiglib._shell_fn = lambda kconf, _fn, cmd: unk.make(cmd)
    os.chdir(root)
    kconf = kconfiglib.Kconfig("Kconfig", warn=False, suppress_traceback=False)
    res = dump(kconf, unk, a.arch)
    res["kernelversion"] = version
    text = json.dumps({"arches": [res]}, indent=None, separators=(",", ":"))
    if a.output:
        with open(a.output, "w") as f:
            f.write(text + "\n")
    else:
        sys.stdout.write(text + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
