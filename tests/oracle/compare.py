#!/usr/bin/python3
"""Compare kcsat's front-end with kconfiglib on one kernel tree and arch.

    compare.py --kcsat BIN --tree DIR --arch A [--explained FILE] [-v]
    compare.py --kcsat-json K.json --oracle-json O.json --tree DIR --arch A ...

Runs `BIN dump --tree DIR --arch A --format json` and
tests/oracle/kconfiglib_dump.py (or reads their saved outputs), normalizes
both, and compares per symbol:

  symbols      the set of defined symbols (choices included, as <choice@F:L>)
  type         bool/tristate/int/hex/string/unknown
  definitions  file:line and full dependency of every config/menuconfig/
               choice entry, in order
  choice       the choice a symbol belongs to
  flags        modules, optional (choices), allnoconfig_y, env=VAR
  direct_dep   OR of the definitions' dependencies
  prompts      text + full visibility, in order
  defaults     value + full condition (own `if` AND the definition's
               dependency), in order
  ranges       low + high + full condition, in order
  selects      multiset of (selected symbol, full condition of the select)
  implies      the same for imply
  selected_by  multiset of (selecting symbol, full condition of the select)
  implied_by   the same for imply

Every difference prints as one line
    DIFF <version> <arch> <symbol> <field>: kcsat=<...> kconfiglib=<...>
(or EXPLAINED ... when tests/oracle/explained.txt covers it) and the last
line is a summary.  Exit status: 0 when every difference is explained, 1
otherwise, 2 on a usage or tool error.

Normalization (applied identically to both sides) is semantic only where
the two models legitimately differ in representation:

* parse the Kconfig-syntax expression text; flatten && and ||, drop
  duplicate operands, sort operands; fold y/n constants (A && y = A,
  A && n = n, A || y = y, !y = n, !!A = A); a quoted "y"/"m"/"n" is the
  constant y/m/n (the C tools' sym_lookup does the same);
* conditions (not default values): a bare m becomes m && MODULES (the
  kernel's menu.c rewrite; kcsat applies it to dependencies only, kconfiglib
  also to an entry's own `if`), which is idempotent on an already rewritten
  m && MODULES;
* choices: kconfiglib models pre-6.11 choices, where a member's dependency
  contains the choice itself.  A reference to a choice in a condition is
  REPLACED by that choice's own (normalized) direct dependency, which turns
  kconfiglib's `choice && own deps` into kcsat's `choice deps && own deps`.
  Replacing (not stripping) keeps a missing choice dependency on the kcsat
  side visible as a difference.

Nothing else is rewritten: no absorption, no distribution, no relation
reordering, so structural differences in dependencies stay visible.
"""

import argparse
import collections
import fnmatch
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


# ---------------------------------------------------------------------------
# Expressions

class ParseError(Exception):
    pass


_TOK = re.compile(r"""
    \s*(?:
      (?P<str>"(?:[^"\\]|\\.)*")
    | (?P<choice><choice@[^>]*>)
    | (?P<op>&&|\|\||!=|<=|>=|[!()=<>])
    | (?P<word>[^\s()!=<>&|"]+)
    )""", re.X | re.S)

_RELOPS = {"=", "!=", "<", "<=", ">", ">="}


def read_string(s, i):
    """A quoted constant as kcsat prints it (the Kconfig lexer's rules):
    backslash escapes a character, and a $(shell,...) inside is raw text up
    to its matching parenthesis.  Returns (value, index after the quote)."""
    out, i = [], i + 1
    while i < len(s):
        c = s[i]
        if c == '"':
            return "".join(out), i + 1
        if c == "\\" and i + 1 < len(s):
            out.append(s[i + 1])
            i += 2
            continue
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
        out.append(c)
        i += 1
    raise ParseError("unterminated string in %r" % s)


def tokenize(s):
    toks, i = [], 0
    s = s.rstrip()
    while i < len(s):
        while i < len(s) and s[i].isspace():
            i += 1
        if i < len(s) and s[i] == '"':
            v, i = read_string(s, i)
            toks.append(("const", v))
            continue
        m = _TOK.match(s, i)
        if not m or m.end() == i:
            raise ParseError("cannot tokenize %r at %d" % (s, i))
        i = m.end()
        if m.group("str") is not None:
            body = m.group("str")[1:-1]
            toks.append(("const", re.sub(r"\\(.)", r"\1", body, flags=re.S)))
        elif m.group("choice") is not None:
            toks.append(("word", m.group("choice")))
        elif m.group("op") is not None:
            toks.append(("op", m.group("op")))
        else:
            toks.append(("word", m.group("word")))
    return toks


def atom_of(tok):
    kind, v = tok
    if kind == "const":
        if v in ("y", "m", "n"):
            return ("sym", v)
        return ("const", v)
    return ("sym", v)


class Parser:
    def __init__(self, s):
        self.s = s
        self.t = tokenize(s)
        self.i = 0

    def peek(self):
        return self.t[self.i] if self.i < len(self.t) else (None, None)

    def take(self):
        tok = self.peek()
        self.i += 1
        return tok

    def parse(self):
        e = self.expr()
        if self.i != len(self.t):
            raise ParseError("trailing tokens in %r" % self.s)
        return e

    def expr(self):
        ops = [self.conj()]
        while self.peek() == ("op", "||"):
            self.take()
            ops.append(self.conj())
        return ops[0] if len(ops) == 1 else ("or", tuple(ops))

    def conj(self):
        ops = [self.unary()]
        while self.peek() == ("op", "&&"):
            self.take()
            ops.append(self.unary())
        return ops[0] if len(ops) == 1 else ("and", tuple(ops))

    def unary(self):
        if self.peek() == ("op", "!"):
            self.take()
            return ("not", self.unary())
        return self.primary()

    def primary(self):
        tok = self.take()
        if tok == ("op", "("):
            e = self.expr()
            if self.take() != ("op", ")"):
                raise ParseError("missing ) in %r" % self.s)
            return e
        if tok[0] not in ("word", "const"):
            raise ParseError("unexpected %r in %r" % (tok, self.s))
        a = atom_of(tok)
        nxt = self.peek()
        if nxt[0] == "op" and nxt[1] in _RELOPS:
            self.take()
            tok2 = self.take()
            if tok2[0] not in ("word", "const"):
                raise ParseError("bad relation operand in %r" % self.s)
            return ("rel", nxt[1], a, atom_of(tok2))
        return a


Y = ("sym", "y")
N = ("sym", "n")
M = ("sym", "m")
MODULES = ("sym", "MODULES")


def skey(e):
    return to_str(e)


def mk_and(ops):
    flat = []
    for o in ops:
        if o[0] == "and":
            flat.extend(o[1])
        else:
            flat.append(o)
    if N in flat:
        return N
    uniq = sorted({o for o in flat if o != Y}, key=skey)
    if not uniq:
        return Y
    if len(uniq) == 1:
        return uniq[0]
    return ("and", tuple(uniq))


def mk_or(ops):
    flat = []
    for o in ops:
        if o[0] == "or":
            flat.extend(o[1])
        else:
            flat.append(o)
    if Y in flat:
        return Y
    uniq = sorted({o for o in flat if o != N}, key=skey)
    if not uniq:
        return N
    if len(uniq) == 1:
        return uniq[0]
    return ("or", tuple(uniq))


def mk_not(o):
    if o == Y:
        return N
    if o == N:
        return Y
    if o[0] == "not":
        return o[1]
    return ("not", o)


class Normalizer:
    """choices: name -> raw direct_dep expression text (same side)."""

    def __init__(self, choices):
        self.choices = choices
        self.cache = {}
        self.memo = {}
        self.active = set()

    def choice_dep(self, name):
        if name in self.cache:
            return self.cache[name]
        if name in self.active:          # cannot happen in a sane tree
            return ("sym", name)
        self.active.add(name)
        r = self.norm(Parser(self.choices[name]).parse(), True)
        self.active.discard(name)
        self.cache[name] = r
        return r

    def norm(self, e, cond):
        k = e[0]
        if k == "sym":
            if cond and e == M:
                return mk_and([M, MODULES])
            if cond and e[1] in self.choices:
                return self.choice_dep(e[1])
            return e
        if k == "const":
            return e
        if k == "and":
            return mk_and([self.norm(o, cond) for o in e[1]])
        if k == "or":
            return mk_or([self.norm(o, cond) for o in e[1]])
        if k == "not":
            return mk_not(self.norm(e[1], cond))
        if k == "rel":
            return e
        raise ValueError(e)

    def text(self, s, cond=True):
        if s is None:
            s = "y"
        key = (s, cond)
        r = self.memo.get(key)
        if r is None:
            r = self.memo[key] = to_str(self.norm(Parser(s).parse(), cond))
        return r


def q(s):
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


def to_str(e, ctx=0):
    k = e[0]
    if k == "sym":
        return e[1]
    if k == "const":
        return q(e[1])
    if k == "and":
        s = " && ".join(to_str(o, 1) for o in e[1])
        return "(" + s + ")" if ctx >= 2 else s
    if k == "or":
        s = " || ".join(to_str(o, 0) for o in e[1])
        return "(" + s + ")" if ctx >= 1 else s
    if k == "not":
        return "!" + to_str(e[1], 2)
    if k == "rel":
        s = "%s %s %s" % (to_str(e[2], 2), e[1], to_str(e[3], 2))
        return "(" + s + ")" if ctx >= 2 else s
    raise ValueError(e)


# ---------------------------------------------------------------------------
# Per-side normalized model

def normalize_side(arch_obj):
    syms = {s["name"]: s for s in arch_obj["symbols"]}
    choices = {n: s["direct_dep"] for n, s in syms.items()
               if n.startswith("<choice@") or
               any(isinstance(d, dict) and d.get("kind") == "choice"
                   for d in s.get("definitions", []))}
    nz = Normalizer(choices)
    out = {}
    for name, s in syms.items():
        defs = [(d["loc"], nz.text(d["dep"])) for d in s["definitions"]]
        r = {
            "type": s["type"],
            "definitions": defs,
            "choice": s.get("choice"),
            "flags": sorted(f for f in ("modules", "optional", "allnoconfig_y")
                            if s.get(f)) + (["env=" + s["env"]] if s.get("env") else []),
            "direct_dep": nz.text(s["direct_dep"]),
            "prompts": [(p["text"], nz.text(p["visible"])) for p in s.get("prompts", [])],
            "defaults": [(nz.text(d["value"], False), nz.text(d["visible"]))
                         for d in s.get("defaults", [])],
            "ranges": [(nz.text(r_["low"], False), nz.text(r_["high"], False),
                        nz.text(r_["visible"])) for r_ in s.get("ranges", [])],
            "selects": sorted((x["symbol"], nz.text(x["visible"]))
                              for x in s.get("selects", [])),
            "implies": sorted((x["symbol"], nz.text(x["visible"]))
                              for x in s.get("implies", [])),
            "selected_by": sorted((x["symbol"], nz.text(x["cond"]))
                                  for x in s.get("selected_by", [])),
            "implied_by": sorted((x["symbol"], nz.text(x["cond"]))
                                 for x in s.get("implied_by", [])),
        }
        out[name] = r
    return out


FIELDS = ["type", "definitions", "choice", "flags", "direct_dep", "prompts", "defaults",
          "ranges", "selects", "implies", "selected_by", "implied_by"]


def fmt(v):
    if isinstance(v, str) or v is None:
        return json.dumps(v)
    return json.dumps(v, ensure_ascii=False)


def compare(k, o):
    """Yields (symbol, field, kcsat value, kconfiglib value)."""
    for name in sorted(set(k) | set(o)):
        if name not in o:
            yield name, "symbols", "defined", "missing"
            continue
        if name not in k:
            yield name, "symbols", "missing", "defined"
            continue
        a, b = k[name], o[name]
        for f in FIELDS:
            va, vb = a[f], b[f]
            if f in ("selects", "implies", "selected_by", "implied_by") and va != vb:
                ca, cb = collections.Counter(map(tuple, va)), collections.Counter(map(tuple, vb))
                va = sorted((ca - cb).elements())
                vb = sorted((cb - ca).elements())
            if va != vb:
                yield name, f, va, vb


# ---------------------------------------------------------------------------
# Explanations (tests/oracle/explained.txt), one per line:
#
#   VERSIONS ARCHES SYMBOL FIELD [check=NAME] REASON...
#
# VERSIONS and ARCHES are comma lists of globs, SYMBOL and FIELD globs; '#'
# starts a comment line.  With check=NAME the rule covers a difference only
# when the named check below confirms that the two values differ in exactly
# the explained way, so a rule cannot hide a different problem in the same
# symbol and field.

def _check_prompt_rstrip(field, va, vb):
    # kconfiglib strips trailing whitespace from prompts; the C tools (and
    # kcsat) strip only leading whitespace (menu.c:menu_add_prompt)
    return field == "prompts" and len(va) == len(vb) and \
        [(t.rstrip(), v) for t, v in va] == [tuple(x) for x in vb] and va != vb


CHECKS = {
    "prompt-rstrip": _check_prompt_rstrip,
}


def load_explained(path):
    rules = []
    if not path or not os.path.exists(path):
        return rules
    with open(path) as f:
        for lineno, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            parts = line.split(None, 4)
            if len(parts) < 5:
                raise SystemExit("%s:%d: need VERSIONS ARCHES SYMBOL FIELD REASON" % (path, lineno))
            vers, arches, sym, field, reason = parts
            check = None
            if reason.startswith("check="):
                check, _, reason = reason.partition(" ")
                check = check[len("check="):]
                if check not in CHECKS:
                    raise SystemExit("%s:%d: unknown check '%s'" % (path, lineno, check))
            if not reason.strip():
                raise SystemExit("%s:%d: missing reason" % (path, lineno))
            rules.append((vers.split(","), arches.split(","), sym, field, check,
                          reason.strip(), lineno))
    return rules


def explained_by(rules, version, arch, sym, field, va, vb):
    for vers, arches, psym, pfield, check, reason, lineno in rules:
        if any(fnmatch.fnmatchcase(version, v) for v in vers) and \
           any(fnmatch.fnmatchcase(arch, a) for a in arches) and \
           fnmatch.fnmatchcase(sym, psym) and fnmatch.fnmatchcase(field, pfield) and \
           (check is None or CHECKS[check](field, va, vb)):
            return lineno, reason
    return None


# ---------------------------------------------------------------------------

def tree_version(tree):
    vals = {}
    try:
        with open(os.path.join(tree, "Makefile"), errors="replace") as f:
            for line in f:
                m = re.match(r"(VERSION|PATCHLEVEL) = (\d+)", line)
                if m:
                    vals[m.group(1)] = m.group(2)
                if len(vals) == 2:
                    break
    except OSError:
        pass
    return "%s.%s" % (vals.get("VERSION", "?"), vals.get("PATCHLEVEL", "?"))


def run_json(cmd, env=None):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    if p.returncode != 0:
        sys.stderr.write(p.stderr.decode(errors="replace"))
        raise SystemExit("compare.py: command failed (%d): %s" % (p.returncode, " ".join(cmd)))
    return json.loads(p.stdout)


def one_arch(doc, arch, who):
    for a in doc["arches"]:
        if a["arch"] == arch:
            return a
    raise SystemExit("compare.py: %s output has no arch %s" % (who, arch))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--kcsat", help="kcsat binary")
    ap.add_argument("--kcsat-json", help="saved `kcsat dump --format json` output")
    ap.add_argument("--oracle-json", help="saved kconfiglib_dump.py output")
    ap.add_argument("--tree", required=True)
    ap.add_argument("--arch", required=True)
    ap.add_argument("--version", help="version label (default: from the Makefile, e.g. 6.12)")
    ap.add_argument("--explained", default=os.path.join(HERE, "explained.txt"))
    ap.add_argument("-q", "--quiet", action="store_true", help="print only the summary and unexplained differences")
    a = ap.parse_args()
    version = a.version or tree_version(a.tree)

    if a.kcsat_json:
        with open(a.kcsat_json) as f:
            kdoc = json.load(f)
    elif a.kcsat:
        # The oracle reads the environment as kbuild does (kconfiglib falls
        # back to os.environ, which kconfiglib_dump.py reduces to kcsat's
        # own kbuild variables), where kcsat leaves any other $(NAME) an
        # unknown: --env=all and that same empty environment make the
        # inputs equal ($(USERCFLAGS), $(CROSS_COMPILE_COMPAT) read "").
        kdoc = run_json([a.kcsat, "dump", "--tree", a.tree, "--arch", a.arch, "--format", "json",
                         "--env=all"], env={"PATH": os.environ.get("PATH", "/usr/bin:/bin")})
    else:
        ap.error("need --kcsat or --kcsat-json")
    if a.oracle_json:
        with open(a.oracle_json) as f:
            odoc = json.load(f)
    else:
        odoc = run_json([sys.executable, os.path.join(HERE, "kconfiglib_dump.py"),
                         "--tree", a.tree, "--arch", a.arch])

    k = normalize_side(one_arch(kdoc, a.arch, "kcsat"))
    oarch = one_arch(odoc, a.arch, "kconfiglib")
    o = normalize_side(oarch)
    rules = load_explained(a.explained)

    nexp = nunexp = 0
    for sym, field, va, vb in compare(k, o):
        ex = explained_by(rules, version, a.arch, sym, field, va, vb)
        if ex:
            nexp += 1
            if not a.quiet:
                print("EXPLAINED %s %s %s %s: kcsat=%s kconfiglib=%s  [explained.txt:%d %s]"
                      % (version, a.arch, sym, field, fmt(va), fmt(vb), ex[0], ex[1]))
        else:
            nunexp += 1
            print("DIFF %s %s %s %s: kcsat=%s kconfiglib=%s"
                  % (version, a.arch, sym, field, fmt(va), fmt(vb)))
    if oarch.get("odd_names"):
        print("NOTE %s %s: kconfiglib symbol names with an embedded unknown: %s"
              % (version, a.arch, " ".join(oarch["odd_names"])))
    print("%s %s: %s, %d symbols, %d differences (%d explained, %d unexplained)"
          % (version, a.arch, "ok" if nunexp == 0 else "FAIL", len(k),
             nexp + nunexp, nexp, nunexp))
    return 0 if nunexp == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
