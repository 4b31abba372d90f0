#!/usr/bin/python3
"""lint-unmet.py: the work of tests/integration/lint-unmet.sh, kcsat lint's
unmet-select and recursive-dependency checks against the kernel's own conf.

  lint-unmet.py --work DIR [--parts ABCD] [--no-lint] [--jobs N]

Tools come from the environment: KCSAT (binary), CONF_ENV (conf-env.sh),
TREE612 / TREE61 (cached Kconfig-only trees, tests/kernel-tree.sh), CONF612 /
CONF61 (their plain conf, build-conf.sh), SERVER612 / SERVER61 (the same conf
parsing once and forking per job, conf-server.sh).  CC, KCSAT_CC_CACHE and
PYTHON3 are passed to conf and kcsat alike, so their $(shell,...) agree.

Parts, each printing "PASS|FAIL PART name: details" lines:
  A  recall by injection, Linux 6.12: per arch (ARCHES_A), a seeded shuffle
     of selectors S (bool, one definition, a prompt visible at top level, no
     dependencies) and of targets X (bool/tristate, one definition, direct
     dependency n in the arch's allnoconfig, by a small evaluator) pairs them
     up; each pair is tried on a copy of the tree with "\tselect X" added
     right under S's `config S` line.  conf --allnoconfig with
     KCONFIG_ALLCONFIG holding CONFIG_S=y must print "WARNING: unmet direct
     dependencies detected for X", or the pair is discarded and the next one
     tried.  The confirmed cases of an arch in distinct files then share one
     copy holding all their lines (unmet_groups), and one `kcsat lint --tree
     COPY --arch A --shell=run -Wno-all -W unmet-select --format json
     --witness-dir W` must report unmet-select at each injected file:line,
     symbol X, selector S.
  B  precision: every unmet-select finding of those runs (and of part D's)
     needs witnesses; each goes through conf --olddefconfig (conf-server, in
     the tree lint read) and conf must warn of unmet direct dependencies for
     the finding's symbol, listing its selector under "Selected by"; so
     must conf --allnoconfig with the finding's minimal fragment as
     KCONFIG_ALLCONFIG (plain conf).
  C  recursive dependencies, Linux 6.12: per arch one injected cycle, kinds
     rotating: "\tdepends on B" added under `config A` where B already
     depends on A through its own `depends on`, through an enclosing
     if/menu, or where B selects A.  conf --allnoconfig must fail with
     "recursive dependency detected"; `kcsat lint ... -Wno-all -W
     recursive-dependency` must report a finding naming the injected
     file:line (its file/line or an evidence line).
  D  Linux 6.1 randconfigs (ARCHES_D, KCONFIG_SEED 1..NSEEDS): every (X, S)
     of conf's "unmet direct dependencies detected for X ... Selected by
     [y|m]: - S ..." must be an unmet-select finding of one lint run per arch.

Case copies live under DIR; the caller removes DIR.  --no-lint only
generates and confirms the cases (parts A, C) and collects part D's pairs."""
import argparse
import concurrent.futures
import json
import os
import random
import re
import shutil
import subprocess
import sys
import threading
import time

from dotconfig import read_config
from unmet import UNMET, unmet_warnings

ARCHES_A = ["x86", "arm64", "arm", "riscv", "powerpc", "s390"]
CASES_PER_ARCH = {"x86": 3, "arm64": 3, "arm": 3, "riscv": 3, "powerpc": 2, "s390": 2}
MAX_TRIES = 12          # candidate pairs tried per arch before giving up
CYCLES = [("x86", "depends"), ("arm64", "if"), ("arm", "select"), ("riscv", "depends")]
ARCHES_D = ["x86", "arm64", "arm"]
NSEEDS = int(os.environ.get("LINT_UNMET_SEEDS", "50"))

_print_lock = threading.Lock()


def log(msg):
    with _print_lock:
        print(msg, flush=True)


def conf_env(extra=None):
    env = {k: v for k, v in os.environ.items() if not k.startswith("KCONFIG_")}
    env.update(extra or {})
    return env


def run_conf(conf, tree, arch, mode, config, extra=None):
    """Plain conf in TREE for ARCH; returns (exit code, stdout+stderr)."""
    env = conf_env(extra)
    env["KCONFIG_CONFIG"] = config
    r = subprocess.run([os.environ["CONF_ENV"], tree, arch, conf, "--" + mode, "Kconfig"],
                       env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    return r.returncode, r.stdout


def run_server(server, tree, arch, mode, jobs):
    """conf-server over jobs [(config, seed or None)]; {config: (rc, log)}."""
    inp = "".join(f"{p} {s}\n" if s is not None else f"{p}\n" for p, s in jobs)
    r = subprocess.run([os.environ["CONF_ENV"], tree, arch, server, "--" + mode, "Kconfig"],
                       input=inp, env=conf_env(), capture_output=True, text=True)
    out = {}
    for line in r.stdout.splitlines():
        parts = line.split(" ", 1)
        if len(parts) == 2 and parts[0].isdigit():
            try:
                with open(parts[1] + ".log") as f:
                    text = f.read()
            except OSError:
                text = ""
            out[parts[1]] = (int(parts[0]), text)
    if r.returncode != 0 or len(out) != len(jobs):
        log(f"    conf-server --{mode} in {tree} ({arch}) exited {r.returncode}, "
            f"answered {len(out)} of {len(jobs)}: {r.stderr.strip()[-1000:]}")
    return out


def kcsat(*argv):
    t0 = time.time()
    r = subprocess.run([os.environ["KCSAT"], *argv], capture_output=True, text=True,
                       env=conf_env())
    return r, time.time() - t0


def kcsat_dump(tree, arch):
    r, _ = kcsat("dump", "--tree", tree, "--arch", arch, "--format", "json")
    if r.returncode != 0:
        raise RuntimeError(f"kcsat dump --arch {arch} failed: {r.stderr[-500:]}")
    return {s["name"]: s for s in json.loads(r.stdout)["arches"][0]["symbols"]}


# --- a small evaluator of kcsat dump's expressions over a .config ----------

TOK = re.compile(r'\s*(&&|\|\||!=|<=|>=|[!()=<>]|"(?:[^"\\]|\\.)*"|[A-Za-z0-9_.-]+)')
TRI = {"n": 0, "m": 1, "y": 2}


class Unsupported(Exception):
    pass


def evaluate(expr, vals):
    """Tristate value (0, 1, 2) of EXPR; symbols missing from VALS are n."""
    toks = []
    pos = 0
    expr = expr.strip()
    while pos < len(expr):
        m = TOK.match(expr, pos)
        if not m:
            raise Unsupported(expr)
        toks.append(m.group(1))
        pos = m.end()
    i = 0

    def peek():
        return toks[i] if i < len(toks) else None

    def take():
        nonlocal i
        i += 1
        return toks[i - 1]

    def atom_str():
        t = take()
        if t is None:
            raise Unsupported(expr)
        if t.startswith('"'):
            return t[1:-1]
        if t in TRI:
            return t
        return vals.get(t, "n")

    def primary():
        t = peek()
        if t == "!":
            take()
            return 2 - primary()
        if t == "(":
            take()
            v = disj()
            if take() != ")":
                raise Unsupported(expr)
            return v
        a = atom_str()
        op = peek()
        if op in ("=", "!="):
            take()
            b = atom_str()
            return 2 if (a == b) == (op == "=") else 0
        if op in ("<", "<=", ">", ">="):
            raise Unsupported(expr)
        if a not in TRI:
            return 0
        return TRI[a]

    def conj():
        v = primary()
        while peek() == "&&":
            take()
            v = min(v, primary())
        return v

    def disj():
        v = conj()
        while peek() == "||":
            take()
            v = max(v, conj())
        return v

    v = disj()
    if i != len(toks):
        raise Unsupported(expr)
    return v


# --- trees and injections ----------------------------------------------------

def copy_tree(src, dest):
    # not conf's builds, nor the .tmp_PID directories that cc-option makes
    # in the tree while some conf or kcsat runs there
    shutil.copytree(src, dest, symlinks=True,
                    ignore=shutil.ignore_patterns(".kcsat-conf*", ".tmp*"))


def line_of(tree, loc):
    rel, ln = loc.rsplit(":", 1)
    with open(os.path.join(tree, rel)) as f:
        lines = f.readlines()
    return rel, int(ln), lines


def inject(src_tree, copy, rel, after, text):
    """Write COPY/REL as SRC_TREE/REL with TEXT as a new line after line
    AFTER; return the new line's number."""
    with open(os.path.join(src_tree, rel)) as f:
        lines = f.readlines()
    lines.insert(after, text + "\n")
    path = os.path.join(copy, rel)
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        f.writelines(lines)
    os.replace(tmp, path)
    return after + 1


def restore(src_tree, copy, rel):
    shutil.copyfile(os.path.join(src_tree, rel), os.path.join(copy, rel))


def config_line_ok(tree, sym, name):
    """SYM's only definition starts with `config NAME` / `menuconfig NAME`."""
    rel, ln, lines = line_of(tree, sym["definitions"][0]["loc"])
    return ln <= len(lines) and re.fullmatch(r"(menu)?config\s+" + re.escape(name),
                                             lines[ln - 1].strip()) is not None


def plain(sym):
    return (re.fullmatch(r"[A-Za-z0-9_]+", sym["name"]) and len(sym["definitions"]) == 1
            and sym["definitions"][0]["kind"] in ("config", "menuconfig")
            and sym["choice"] is None and not sym.get("transitional")
            and not sym.get("modules") and not sym.get("allnoconfig_y"))


def loc_re(rel, line):
    return re.compile(r"(?<![\w/.-])" + re.escape(f"{rel}:{line}") + r"(?!\d)")


# --- part A / B --------------------------------------------------------------

def gen_unmet_cases(args, arch):
    """Confirmed injection cases of one arch: [dict]."""
    tree, conf = os.environ["TREE612"], os.environ["CONF612"]
    want = CASES_PER_ARCH[arch]
    adir = os.path.join(args.work, f"A-{arch}")
    os.makedirs(adir, exist_ok=True)
    t0 = time.time()
    syms = kcsat_dump(tree, arch)
    base = os.path.join(adir, "allno.config")
    rc, out = run_conf(conf, tree, arch, "allnoconfig", base)
    if rc != 0:
        log(f"FAIL A {arch}: conf --allnoconfig on the clean tree exited {rc}\n{out[-1000:]}")
        return []
    if UNMET in out:
        log(f"    note: clean 6.12 {arch} allnoconfig already warns: {out.strip()[:300]}")
    vals = read_config(base)
    sels, tgts = [], []
    for s in syms.values():
        if not plain(s):
            continue
        if (s["type"] == "bool" and s["direct_dep"] == "y" and len(s["prompts"]) == 1
                and s["prompts"][0]["visible"] == "y" and s["prompts"][0]["cond"] is None
                and vals.get(s["name"], "n") == "n" and config_line_ok(tree, s, s["name"])):
            sels.append(s["name"])
        if s["type"] in ("bool", "tristate") and s["direct_dep"] != "y":
            try:
                if evaluate(s["direct_dep"], vals) == 0:
                    tgts.append(s["name"])
            except Unsupported:
                pass
    rng = random.Random(f"kcsat-lint-unmet A {arch}")
    sels.sort()
    tgts.sort()
    rng.shuffle(sels)
    rng.shuffle(tgts)
    cases = []
    tries = 0
    for sname, xname in zip(sels, tgts):
        if len(cases) == want or tries == MAX_TRIES:
            break
        if sname == xname or any(x["symbol"] == xname for x in syms[sname]["selects"]):
            continue
        tries += 1
        n = len(cases)
        copy = os.path.join(adir, f"case{n}")
        if not os.path.isdir(copy):
            copy_tree(tree, copy)
        rel, ln, _ = line_of(tree, syms[sname]["definitions"][0]["loc"])
        line = inject(tree, copy, rel, ln, f"\tselect {xname}")
        partial = os.path.join(adir, f"case{n}.partial")
        with open(partial, "w") as f:
            f.write(f"CONFIG_{sname}=y\n")
        cfg = os.path.join(adir, f"case{n}.config")
        rc, out = run_conf(conf, copy, arch, "allnoconfig", cfg, {"KCONFIG_ALLCONFIG": partial})
        warned = unmet_warnings(out)
        if rc == 0 and sname in warned.get(xname, ()):
            cases.append({"arch": arch, "copy": copy, "file": rel, "line": line, "after": ln,
                          "symbol": xname, "selector": sname, "partial": partial,
                          "dep": syms[xname]["direct_dep"], "conf": out})
            log(f"    A {arch} case {n}: {rel}:{line} `select {xname}` in {sname} "
                f"(X depends on {syms[xname]['direct_dep']}) confirmed by conf")
        else:
            restore(tree, copy, rel)
            log(f"    A {arch}: {sname} select {xname} not confirmed by conf "
                f"(exit {rc}, warnings for {sorted(warned)[:5]}), discarded")
    if len(cases) < want:
        log(f"FAIL A {arch} generation: {len(cases)} of {want} cases confirmed in {tries} tries")
    else:
        log(f"    A {arch}: {len(cases)} cases confirmed in {tries} tries "
            f"({len(sels)} selectors, {len(tgts)} targets, {time.time() - t0:.1f} s)")
    return cases


def lint_json(tree, arch, check, witness_dir=None):
    argv = ["lint", "--tree", tree, "--arch", arch, "--shell=run", "-Wno-all", "-W", check,
            "--format", "json"]
    if witness_dir:
        os.makedirs(witness_dir, exist_ok=True)
        argv += ["--witness-dir", witness_dir]
    r, secs = kcsat(*argv)
    try:
        findings = json.loads(r.stdout)["findings"]
    except (ValueError, KeyError, TypeError):
        findings = None
    return r, secs, findings


def check_witnesses(name, tree, arch, server, findings, wdir, results):
    """Part B on one lint run: every unmet-select finding has witnesses and
    conf --olddefconfig warns of its symbol, selected by its selector."""
    jobs, meta = [], []
    bad = []
    for i, f in enumerate(findings):
        if f.get("check") != "unmet-select":
            continue
        ws = f.get("witnesses") or []
        if not ws:
            bad.append(f"{f.get('file')}:{f.get('line')} {f.get('selector')} selects "
                       f"{f.get('symbol')}: no witness")
        for j, w in enumerate(ws):
            if w.get("arch", arch) != arch:
                bad.append(f"{f.get('symbol')}: witness {w} of another arch in an "
                           f"--arch {arch} run")
                continue
            dst = os.path.join(wdir, f"check-{i}-{j}.config")
            try:
                shutil.copyfile(w["config"], dst)
            except (OSError, KeyError) as e:
                bad.append(f"{f.get('symbol')}: witness {w} unreadable: {e}")
                continue
            jobs.append((dst, None))
            meta.append((f, w, dst))
    out = run_server(server, tree, arch, "olddefconfig", jobs) if jobs else {}
    ok = 0
    for f, w, dst in meta:
        rc, text = out.get(dst, (None, ""))
        warned = unmet_warnings(text)
        x, s = f.get("symbol"), f.get("selector")
        if rc == 0 and s in warned.get(x, ()):
            ok += 1
        else:
            why = ("conf printed no unmet warning for " + str(x) if x not in warned else
                   f"conf warned for {x} but lists selectors {sorted(warned[x])}, not {s}")
            bad.append(f"{f.get('file')}:{f.get('line')} {s} selects {x}: witness "
                       f"{w.get('config')} (bits {w.get('bits')}): {why} (conf exit {rc})"
                       + ("\n      conf said: " + text.strip().replace("\n", "\n        ")[:1500]
                          if text.strip() else ""))
    # the minimal fragment next to a witness: allnoconfig with it as
    # KCONFIG_ALLCONFIG must print the same warning (plain conf: the
    # server runs one mode on given .configs)
    nfrag = 0
    for f, w, dst in meta:
        frag = w.get("fragment")
        if not frag:
            continue
        nfrag += 1
        x, s = f.get("symbol"), f.get("selector")
        out_cfg = dst + ".allno"
        rc, text = run_conf(os.environ["CONF612"], tree, arch, "allnoconfig", out_cfg,
                            {"KCONFIG_ALLCONFIG": os.path.abspath(frag)})
        if rc == 0 and s in unmet_warnings(text).get(x, ()):
            ok += 1
        else:
            bad.append(f"{f.get('file')}:{f.get('line')} {s} selects {x}: fragment {frag}: "
                       f"allnoconfig printed no unmet warning for {x} selected by {s} "
                       f"(conf exit {rc})")
    results["B"].append((name, ok, len(meta) + nfrag, bad))
    return ok, len(meta) + nfrag, bad


def unmet_groups(cases):
    """Cases that can share one lint run: one tree copy holding all their
    injected lines, no two in one file (so each keeps its line number).
    Extra selects only narrow the configurations where a selector is y, so
    every injected select stays unmet in the shared copy."""
    groups = []
    for c in cases:
        for g in groups:
            if all(o["file"] != c["file"] for o in g):
                g.append(c)
                break
        else:
            groups.append([c])
    return groups


def run_unmet_group(args, group, results):
    """Part A (and B) for cases of one arch: the first case's copy gets the
    others' lines too, then one lint run must find every injected select."""
    arch = group[0]["arch"]
    copy = group[0]["copy"]
    tree = os.environ["TREE612"]
    for c in group[1:]:
        line = inject(tree, copy, c["file"], c["after"], f"\tselect {c['symbol']}")
        assert line == c["line"], (c, line)
    wdir = copy + ".witness"
    r, secs, findings = lint_json(copy, arch, "unmet-select", wdir)
    names = [f"{arch} {c['file']}:{c['line']} {c['selector']} selects {c['symbol']}"
             for c in group]
    if findings is None or r.returncode not in (0, 1):
        for c, name in zip(group, names):
            results["A"].append((name, False))
            keep(c)
        log(f"FAIL A {'; '.join(names)}: kcsat lint exited {r.returncode}, no findings JSON "
            f"({secs:.1f} s)\n    stderr: {r.stderr.strip()[-1500:]}")
        return
    nun = sum(1 for f in findings if f.get("check") == "unmet-select")
    for c, name in zip(group, names):
        c["lint_s"] = secs
        hit = [f for f in findings if f.get("check") == "unmet-select"
               and f.get("file") == c["file"] and f.get("line") == c["line"]
               and f.get("symbol") == c["symbol"] and f.get("selector") == c["selector"]
               and ("arches" not in f or arch in f["arches"])]
        ok = bool(hit) and r.returncode == 1
        results["A"].append((name, ok))
        if ok:
            log(f"PASS A {name}: found by lint ({nun} unmet-select findings in a run over "
                f"{len(group)} injected lines, {secs:.1f} s)")
        else:
            log(f"FAIL A {name}: lint exit {r.returncode}, no matching finding among {nun} "
                f"({secs:.1f} s)")
            describe_case(c)
            log("    lint findings: " + json.dumps(findings)[:3000])
            keep(c)
    label = f"A {arch} " + ", ".join(f"{c['file']}:{c['line']}" for c in group)
    good, total, bad = check_witnesses(label, copy, arch, os.environ["SERVER612"],
                                       findings, wdir, results)
    if bad:
        for c in group:
            keep(c)
        log(f"FAIL B {label}: {good} of {total} witnesses confirmed by conf "
            f"--olddefconfig, {len(bad)} problem(s):")
        for b in bad:
            log("    " + b)
    else:
        log(f"PASS B {label}: {good} of {total} witnesses of {nun} findings confirmed "
            f"by conf --olddefconfig")


def describe_case(case):
    log(f"    recipe: cp -r $(tests/kernel-tree.sh 6.12) COPY; add line {case['line']} "
        f"'\\t{case.get('inject', 'select ' + case.get('symbol', '?'))}' to COPY/{case['file']} "
        f"(after line {case['line'] - 1}); arch {case['arch']}")
    if "partial" in case:
        log(f"    conf: KCONFIG_ALLCONFIG=<CONFIG_{case['selector']}=y> conf --allnoconfig "
            f"said:\n      " + case["conf"].strip().replace("\n", "\n      ")[:1500])
    else:
        log("    conf --allnoconfig said:\n      "
            + case["conf"].strip().replace("\n", "\n      ")[:1500])


def keep(case):
    case["keep"] = True


# --- part C --------------------------------------------------------------------

def gen_cycle_case(args, arch, kind):
    tree, conf = os.environ["TREE612"], os.environ["CONF612"]
    cdir = os.path.join(args.work, f"C-{arch}")
    os.makedirs(cdir, exist_ok=True)
    syms = kcsat_dump(tree, arch)
    pairs = []
    for b in syms.values():
        if not plain(b) or b["type"] not in ("bool", "tristate"):
            continue
        if kind == "select":
            cands = [x["symbol"] for x in b["selects"] if x["cond"] is None]
        else:
            vias = ("depends",) if kind == "depends" else ("if", "menu")
            cands = []
            for d in b["definitions"][0]["depends"]:
                if d.get("via") in vias:
                    cands += re.findall(r"[A-Za-z0-9_]+", d["expr"])
        for a in sorted(set(cands)):
            s = syms.get(a)
            if not (a != b["name"] and s and plain(s) and s["type"] in ("bool", "tristate")):
                continue
            # the line goes to A (`depends on B`, B depends on A) or, for a
            # select, to B (`depends on A`, B selects A)
            if kind == "select" and config_line_ok(tree, b, b["name"]):
                pairs.append((b["name"], a))
            elif kind != "select" and config_line_ok(tree, s, a):
                pairs.append((a, b["name"]))
    pairs = sorted(set(pairs))
    random.Random(f"kcsat-lint-unmet C {arch} {kind}").shuffle(pairs)
    copy = os.path.join(cdir, "tree")
    copy_tree(tree, copy)
    for a, b in pairs[:MAX_TRIES]:
        rel, ln, _ = line_of(tree, syms[a]["definitions"][0]["loc"])
        line = inject(tree, copy, rel, ln, f"\tdepends on {b}")
        rc, out = run_conf(conf, copy, arch, "allnoconfig", os.path.join(cdir, "allno.config"))
        if rc != 0 and "recursive dependency detected" in out:
            log(f"    C {arch} ({kind}): {rel}:{line} `depends on {b}` in {a} confirmed "
                f"by conf (exit {rc})")
            return {"arch": arch, "kind": kind, "copy": copy, "file": rel, "line": line,
                    "symbol": a, "other": b, "conf": out, "inject": f"depends on {b}"}
        restore(tree, copy, rel)
        log(f"    C {arch} ({kind}): {a} depends on {b} not confirmed (conf exit {rc}), "
            f"discarded")
    log(f"FAIL C {arch} ({kind}) generation: no cycle confirmed among "
        f"{min(len(pairs), MAX_TRIES)} tries of {len(pairs)}")
    return None


def run_cycle_case(args, case, results):
    arch = case["arch"]
    name = (f"{arch} {case['file']}:{case['line']} {case['symbol']} depends on "
            f"{case['other']} ({case['kind']})")
    r, secs, findings = lint_json(case["copy"], arch, "recursive-dependency")
    if findings is None or r.returncode not in (0, 1):
        results["C"].append((name, False))
        log(f"FAIL C {name}: kcsat lint exited {r.returncode}, no findings JSON "
            f"({secs:.1f} s)\n    stderr: {r.stderr.strip()[-1500:]}")
        keep(case)
        return
    pat = loc_re(case["file"], case["line"])
    hit = []
    for f in findings:
        if f.get("check") != "recursive-dependency":
            continue
        if (f.get("file") == case["file"] and f.get("line") == case["line"]) or \
                any(pat.search(str(e)) for e in f.get("evidence") or []):
            hit.append(f)
    ok = bool(hit) and r.returncode == 1
    results["C"].append((name, ok))
    if ok:
        log(f"PASS C {name}: lint reports the cycle ({len(findings)} findings, {secs:.1f} s)")
    else:
        log(f"FAIL C {name}: lint exit {r.returncode}, no recursive-dependency finding "
            f"names {case['file']}:{case['line']} ({secs:.1f} s)")
        describe_case(case)
        log("    lint findings: " + json.dumps(findings)[:3000])
        keep(case)


# --- part D --------------------------------------------------------------------

def collect_rand(args, arch):
    tree, server = os.environ["TREE61"], os.environ["SERVER61"]
    ddir = os.path.join(args.work, f"D-{arch}")
    os.makedirs(ddir, exist_ok=True)
    t0 = time.time()
    jobs = [(os.path.join(ddir, f"seed{i}.config"), i) for i in range(1, NSEEDS + 1)]
    out = run_server(server, tree, arch, "randconfig", jobs)
    pairs = {}
    for p, seed in jobs:
        rc, text = out.get(p, (None, ""))
        if rc != 0:
            log(f"FAIL D {arch}: conf --randconfig KCONFIG_SEED={seed} exited {rc}")
            continue
        for x, sels in unmet_warnings(text).items():
            if not sels:
                log(f"    D {arch} seed {seed}: unmet warning for {x} names no selector")
            for s in sels:
                pairs.setdefault((x, s), seed)
    log(f"    D {arch}: {len(jobs)} randconfigs, {len(pairs)} distinct (X, S) pairs "
        f"({time.time() - t0:.1f} s)")
    return pairs


def run_rand_arch(args, arch, pairs, results):
    tree = os.environ["TREE61"]
    wdir = os.path.join(args.work, f"D-{arch}", "witness")
    r, secs, findings = lint_json(tree, arch, "unmet-select", wdir)
    if findings is None or r.returncode not in (0, 1):
        results["D"].append((arch, False, len(pairs), 0))
        log(f"FAIL D {arch}: kcsat lint exited {r.returncode}, no findings JSON "
            f"({secs:.1f} s)\n    stderr: {r.stderr.strip()[-1500:]}")
        return
    found = {(f.get("symbol"), f.get("selector")) for f in findings
             if f.get("check") == "unmet-select" and ("arches" not in f or arch in f["arches"])}
    missed = sorted(set(pairs) - found)
    ok = not missed
    results["D"].append((arch, ok, len(pairs), len(found)))
    log(f"{'PASS' if ok else 'FAIL'} D 6.1 {arch}: {len(pairs) - len(missed)} of "
        f"{len(pairs)} (X, S) pairs of {NSEEDS} randconfigs among lint's {len(found)} "
        f"unmet-select findings ({secs:.1f} s)")
    for x, s in missed:
        log(f"    missed: {s} selects {x} (conf warned with KCONFIG_SEED={pairs[(x, s)]}, "
            f"{tree}, arch {arch}; config {args.work}/D-{arch}/seed{pairs[(x, s)]}.config)")
    good, total, bad = check_witnesses(f"D 6.1 {arch}", tree, arch, os.environ["SERVER61"],
                                       findings, wdir, results)
    if bad:
        log(f"FAIL B 6.1 {arch}: {good} of {total} witnesses confirmed by conf "
            f"--olddefconfig, {len(bad)} problem(s):")
        for b in bad:
            log("    " + b)
    else:
        log(f"PASS B 6.1 {arch}: {good} of {total} witnesses of {len(found)} findings "
            f"confirmed by conf --olddefconfig")


# --------------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--work", required=True)
    ap.add_argument("--parts", default="ABCD")
    ap.add_argument("--no-lint", action="store_true")
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    results = {"A": [], "B": [], "C": [], "D": []}
    t0 = time.time()
    pool = concurrent.futures.ThreadPoolExecutor(args.jobs)

    def gen_and_run(arch):
        cases = gen_unmet_cases(args, arch)
        if not args.no_lint:
            for g in unmet_groups(cases):
                run_unmet_group(args, g, results)
            for c in cases:
                if not c.get("keep"):
                    shutil.rmtree(c["copy"], ignore_errors=True)
        return cases

    def cycle(arch, kind):
        c = gen_cycle_case(args, arch, kind)
        if c and not args.no_lint:
            run_cycle_case(args, c, results)
        return c

    def rand(arch):
        p = collect_rand(args, arch)
        if not args.no_lint:
            run_rand_arch(args, arch, p, results)
        return p

    futs = []
    if "D" in args.parts:
        futs += [("D", a, pool.submit(rand, a)) for a in ARCHES_D]
    if "A" in args.parts:
        futs += [("A", a, pool.submit(gen_and_run, a)) for a in ARCHES_A]
    if "C" in args.parts:
        futs += [("C", a, pool.submit(cycle, a, k)) for a, k in CYCLES]
    gen_fail = 0
    acases = ccases = 0
    dpairs = set()
    for part, arch, fu in futs:
        try:
            v = fu.result()
        except Exception as e:  # a crash of the harness is a failure too
            log(f"FAIL {part} {arch}: harness error {e!r}")
            gen_fail += 1
            continue
        if part == "A":
            acases += len(v)
            gen_fail += len(v) < CASES_PER_ARCH[arch]
        elif part == "C":
            ccases += v is not None
            gen_fail += v is None
        else:
            dpairs |= set(v)
    pool.shutdown()
    nfail = gen_fail + sum(not ok for _, ok in results["A"]) + \
        sum(not ok for _, ok in results["C"]) + sum(bool(b) for _, _, _, b in results["B"]) + \
        sum(not ok for _, ok, _, _ in results["D"])
    wok = sum(g for _, g, _, _ in results["B"])
    wall = sum(t for _, _, t, _ in results["B"])
    found = sum(n for _, _, _, n in results["D"])
    log(f"lint-unmet: A {acases} confirmed injection cases "
        f"({sum(ok for _, ok in results['A'])} found by lint); "
        f"B {wok}/{wall} witnesses confirmed; C {ccases} cycles "
        f"({sum(ok for _, ok in results['C'])} found); D {len(dpairs)} distinct (X, S) pairs "
        f"from conf, lint {found} unmet-select findings over {len(ARCHES_D)} arches; "
        f"{time.time() - t0:.0f} s")
    sys.exit(1 if nfail else 0)


if __name__ == "__main__":
    main()
