#!/usr/bin/python3
"""Self-test of compare.py: its normalization absorbs only representation
differences, and real differences stay visible.  Run: python3 test_compare.py
"""

import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import compare as C  # noqa: E402


def n(s, cond=True, choices=None):
    return C.Normalizer(choices or {}).text(s, cond)


class Normalize(unittest.TestCase):
    def same(self, a, b, **kw):
        self.assertEqual(n(a, **kw), n(b, **kw), (a, b))

    def differ(self, a, b, **kw):
        self.assertNotEqual(n(a, **kw), n(b, **kw), (a, b))

    def test_order_flatten_dups(self):
        self.same("A && B", "B && A")
        self.same("A && (B && C)", "(C && A) && B")
        self.same("A || B || A", "B || A")
        self.same("A && B && A", "A && B")

    def test_structure_kept(self):
        self.differ("A && (B || C)", "A && B || C")
        self.differ("A && (A || B)", "A")           # no absorption
        self.differ("!(A && B)", "!A || !B")        # no De Morgan
        self.differ("A = B", "B = A")               # no relation reordering
        self.differ("A = B", "A != B")
        self.differ("A < 5", "A <= 5")
        self.differ("A", "!A")
        self.differ("A", '"A"')                     # symbol vs constant
        self.differ("0x10", '"0x10"')

    def test_constants(self):
        self.same("A && y", "A")
        self.same("A && n", "n")
        self.same("A || y", "y")
        self.same("A || n", "A")
        self.same("!y", "n")
        self.same("!!A", "A")
        self.same('"y"', "y")
        self.same('A = "m"', "A = m")
        self.same('"a\\"b"', '"a\\"b"')
        self.differ('"a\\"b"', '"a\\\\b"')

    def test_not_relation_grammar(self):
        self.same("!A = B", "!(A = B)")

    def test_m_rewrite(self):
        self.same("m", "m && MODULES")
        self.same("A || m", "A || m && MODULES")
        self.differ("m", "m && MODULES", cond=False)    # default values
        self.differ("A = m", "A = m && MODULES")        # only a bare m

    def test_choice_replaced_by_its_dependency(self):
        ch = {"<choice@K:1>": "P && Q"}
        self.same("X && <choice@K:1>", "X && P && Q", choices=ch)
        self.differ("X && <choice@K:1>", "X", choices=ch)
        self.same("<choice@K:1>", "y", choices={"<choice@K:1>": "y"})

    def test_unknowns(self):
        # as kcsat prints it: raw inside $(shell,...)
        s = '"$(shell,{ test "$(shell,a)" = GCC; } && echo "y")"'
        self.assertEqual(n(s), s)
        self.assertEqual(n('"a\\"b\\$c"'), '"a\\"b\\$c"')
        self.same("A && " + s, s + " && A")


def sym(name, **kw):
    d = {"name": name, "type": "bool", "definitions": [{"loc": "K:1", "dep": "y"}],
         "direct_dep": "y",
         "choice": None, "prompts": [], "defaults": [], "ranges": [],
         "selected_by": [], "implied_by": []}
    d.update(kw)
    return d


def diffs(kside, oside):
    k = C.normalize_side({"symbols": kside})
    o = C.normalize_side({"symbols": oside})
    return [(s, f) for s, f, _, _ in C.compare(k, o)]


class Compare(unittest.TestCase):
    def base(self):
        return [
            sym("<choice@K:1>", direct_dep="D", definitions=[{"loc": "K:1", "dep": "D"}]),
            sym("A", direct_dep="X", defaults=[{"value": "y", "visible": "X && Z"},
                                               {"value": "m", "visible": "X"}],
                selected_by=[{"symbol": "S", "cond": "T && U"}]),
            sym("B", type="int", direct_dep="X",
                ranges=[{"low": "0", "high": "10", "visible": "X"}]),
        ]

    def test_equal(self):
        self.assertEqual(diffs(self.base(), self.base()), [])

    def test_detects(self):
        o = self.base()
        cases = [
            ("type", lambda s: s[1].update(type="tristate"), ("A", "type")),
            ("dep", lambda s: s[1].update(direct_dep="X && W"), ("A", "direct_dep")),
            ("default order", lambda s: s[1]["defaults"].reverse(), ("A", "defaults")),
            ("default cond", lambda s: s[1]["defaults"][0].update(visible="X"), ("A", "defaults")),
            ("select src", lambda s: s[1]["selected_by"][0].update(symbol="R"), ("A", "selected_by")),
            ("select cond", lambda s: s[1]["selected_by"][0].update(cond="T"), ("A", "selected_by")),
            ("select dup", lambda s: s[1]["selected_by"].append(dict(s[1]["selected_by"][0])),
             ("A", "selected_by")),
            ("range", lambda s: s[2]["ranges"][0].update(high="11"), ("B", "ranges")),
            ("missing", lambda s: s.pop(2), ("B", "symbols")),
            ("choice", lambda s: s[1].update(choice="<choice@K:1>"), ("A", "choice")),
            ("def dep", lambda s: s[1]["definitions"][0].update(dep="X && W"),
             ("A", "definitions")),
            ("def loc", lambda s: s[1]["definitions"][0].update(loc="K:2"), ("A", "definitions")),
            ("select fwd", lambda s: s[1].update(selects=[{"symbol": "Q", "visible": "X"}]),
             ("A", "selects")),
            ("prompt", lambda s: s[1].update(prompts=[{"text": "a", "visible": "X"}]),
             ("A", "prompts")),
            ("flags", lambda s: s[1].update(allnoconfig_y=True), ("A", "flags")),
        ]
        for what, mutate, want in cases:
            k = self.base()
            mutate(k)
            self.assertIn(want, diffs(k, o), what)

    def test_choice_models(self):
        # kconfiglib (pre-6.11): member depends on the choice itself;
        # kcsat: member depends on the choice's dependency.
        o = self.base() + [sym("C", choice="<choice@K:1>", direct_dep="E && <choice@K:1>")]
        k = self.base() + [sym("C", choice="<choice@K:1>", direct_dep="D && E")]
        self.assertEqual(diffs(k, o), [])
        k[-1]["direct_dep"] = "E"          # kcsat lost the choice's dependency
        self.assertEqual(diffs(k, o), [("C", "direct_dep")])

    def test_explained_check(self):
        ok = C.CHECKS["prompt-rstrip"]
        self.assertTrue(ok("prompts", [("a ", "X")], [("a", "X")]))
        self.assertFalse(ok("prompts", [("a ", "X")], [("a", "Y")]))
        self.assertFalse(ok("prompts", [("b ", "X")], [("a", "X")]))


if __name__ == "__main__":
    unittest.main()
