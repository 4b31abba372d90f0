#!/usr/bin/python3
"""fidelity.py: one case of tests/integration/conf-fidelity.sh, kcsat's
model against the kernel's own conf on a real tree and arch.

  fidelity.py --name NAME --tree TREE --arch ARCH [--bits 32|64]
              [--allconfig LINE] [--exprs N] --work DIR

Tools come from the environment: KCSAT (binary), CONF (the tree's plain
scripts/kconfig/conf), CONF_SERVER (the same conf parsing once and forking
per job, conf-server.c), CONF_ENV (conf-env.sh), SAME_VALUES
(same-values.py).  CC, KCSAT_CC_CACHE and PYTHON3 are passed through to both
sides, so their $(shell,...) results agree.

Checks, each printed as "PASS|FAIL NAME check: details":
  soundness  NRAND configs of `conf --randconfig` (KCONFIG_SEED 1..NRAND,
             KCONFIG_ALLCONFIG holding LINE if given) are all accepted by
             one `kcsat verify --shell=run` of all of them.
  precision  a seeded sample of bool/tristate symbols (with and without
             prompts, choice values, SYM=y and SYM=m) goes to one
             `kcsat sat --shell=run` process; each witness of a SAT answer
             goes through `conf --olddefconfig` and same-values.py must find
             every assignment kept.  Needs >= NWIT witnesses; fails below
             99 % kept (and lists every witness that was not).
  conf-server the fork server's output is byte-identical to the plain conf
             binary's, for one randconfig seed and one witness.
Files go under DIR/NAME (rand/, wit/, old/ and *.log of each conf run);
summary data to DIR/NAME/result.json.  FIDELITY_NRAND (50) and
FIDELITY_NWIT (100) change the counts."""
import argparse
import contextlib
import io
import json
import os
import random
import re
import runpy
import shutil
import subprocess
import sys
import time

NRAND = int(os.environ.get("FIDELITY_NRAND", "50"))
NWIT = int(os.environ.get("FIDELITY_NWIT", "100"))
PRECISION_BAR = 0.99

# symbols asked per stratum: (kind, has prompt, value, share of --exprs, of
# 140); the sample is larger than NWIT as UNSAT answers are skipped, and an
# arch with both bitnesses answers each expression twice
STRATA = [
    ("bool", True, "y", 34),
    ("bool", False, "y", 24),
    ("choice", True, "y", 12),
    ("tristate", True, "y", 30),
    ("tristate", True, "m", 20),
    ("tristate", False, "y", 12),
    ("tristate", False, "m", 8),
]


def log(msg):
    print(msg, flush=True)


BASE_ENV = {}


def conf_env():
    """The environment of every conf run: ours without KCONFIG_* settings,
    plus BASE_ENV."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("KCONFIG_")}
    env.update(BASE_ENV)
    return env


def run_server(args, mode, jobs, extra_env):
    """Run conf-server in MODE over jobs [(config path, seed or None)];
    return {path: exit code}."""
    env = conf_env()
    env.update(extra_env)
    cmd = [os.environ["CONF_ENV"], args.tree, args.arch, os.environ["CONF_SERVER"],
           "--" + mode, "Kconfig"]
    inp = "".join(f"{p} {s}\n" if s is not None else f"{p}\n" for p, s in jobs)
    r = subprocess.run(cmd, input=inp, env=env, capture_output=True, text=True)
    rcs = {}
    for line in r.stdout.splitlines():
        parts = line.split(" ", 1)
        if len(parts) == 2 and parts[0].isdigit():
            rcs[parts[1]] = int(parts[0])
    if r.returncode != 0 or len(rcs) != len(jobs):
        log(f"conf-server --{mode} exited {r.returncode}, answered "
            f"{len(rcs)} of {len(jobs)} jobs\n{r.stderr[-2000:]}")
    return rcs


def run_plain_conf(args, mode, path, extra_env):
    env = conf_env()
    env.update(extra_env)
    env["KCONFIG_CONFIG"] = path
    cmd = [os.environ["CONF_ENV"], args.tree, args.arch, os.environ["CONF"],
           "--" + mode, "Kconfig"]
    r = subprocess.run(cmd, env=env, capture_output=True, text=True)
    return r.returncode


def same_values(witness, result):
    """tests/conf/same-values.py WITNESS RESULT, run in this process."""
    out = io.StringIO()
    argv = sys.argv
    sys.argv = [os.environ["SAME_VALUES"], witness, result]
    code = 0
    try:
        with contextlib.redirect_stdout(out):
            runpy.run_path(os.environ["SAME_VALUES"], run_name="__main__")
    except SystemExit as e:
        code = e.code if isinstance(e.code, int) else 1
    finally:
        sys.argv = argv
    return code, out.getvalue()


def kcsat(args, *argv):
    cmd = [os.environ["KCSAT"], *argv, "--tree", args.tree, "--arch", args.arch]
    return subprocess.run(cmd, capture_output=True, text=True)


def sample(args, symbols):
    rng = random.Random(f"kcsat-fidelity {args.name} {os.path.basename(args.tree)}")
    pools = {}
    for s in symbols:
        # choices themselves are listed as "<choice@FILE:LINE>"
        if not re.fullmatch(r"[A-Za-z0-9_]+", s.get("name") or "") or \
                s["type"] not in ("bool", "tristate"):
            continue
        kind = "choice" if s.get("choice") else s["type"]
        pools.setdefault((kind, bool(s["prompts"])), []).append(s["name"])
    exprs = []
    for kind, prompt, val, share in STRATA:
        n = round(share * args.exprs / 140)
        pool = sorted(pools.get((kind, prompt), []))
        for name in rng.sample(pool, min(n, len(pool))):
            exprs.append(f"{name}={val}")
    return exprs


def soundness(args, work, allconfig_env, res):
    rdir = os.path.join(work, "rand")
    os.makedirs(rdir, exist_ok=True)
    jobs = [(os.path.join(rdir, f"seed{i}.config"), i) for i in range(1, NRAND + 1)]
    t0 = time.time()
    rcs = run_server(args, "randconfig", jobs, allconfig_env)
    t1 = time.time()
    made = [p for p, _ in jobs if rcs.get(p) == 0 and os.path.exists(p)]
    problems = []
    if len(made) != len(jobs):
        problems.append(f"conf --randconfig wrote {len(made)} of {len(jobs)} configs")
    if args.allconfig:
        # the pinned setting must be in every config, or the case is not
        # testing what it says
        unpinned = [p for p in made if args.allconfig not in read_lines(p)]
        if unpinned:
            problems.append(f"{len(unpinned)} configs lack '{args.allconfig}' "
                            f"(KCONFIG_ALLCONFIG ignored?), e.g. {unpinned[0]}")
    r = kcsat(args, "verify", *made, "--shell=run", "--format", "json")
    t2 = time.time()
    ok = 0
    try:
        results = json.loads(r.stdout)["results"]
    except (ValueError, KeyError):
        results = []
        problems.append(f"kcsat verify exited {r.returncode}: {r.stderr.strip()[-2000:]}")
    rejected = []
    for v in results:
        if v["consistent"]:
            ok += 1
            continue
        rejected.append(v["config"])
        seed = os.path.basename(v["config"])[4:-7]
        problems.append(f"{v['config']} (KCONFIG_SEED={seed}) rejected by kcsat verify" +
                        (":" if v["changes"] else
                         ", which names no setting (\"no single setting explains it\")"))
        for x in v["changes"]:
            got = conf_value(v["config"], x["symbol"])
            problems.append(f"  {x['symbol']}: conf wrote {got}; kcsat says "
                            f"{x['loc']}: {x['old']} -> {x['new']}")
            problems.extend("    " + w.strip() for w in x["why"].splitlines())
    if len(results) != len(made) and results:
        problems.append(f"kcsat verify answered {len(results)} of {len(made)} files")
    passed = ok == len(jobs) and not problems
    res["soundness"] = {"configs": len(jobs), "accepted": ok, "rejected": rejected,
                        "conf_s": round(t1 - t0, 2), "verify_s": round(t2 - t1, 2),
                        "passed": passed}
    log(f"{'PASS' if passed else 'FAIL'} {args.name} soundness: {ok}/{len(jobs)} "
        f"randconfigs accepted (conf {t1 - t0:.1f} s, kcsat verify {t2 - t1:.1f} s)")
    for p in problems:
        log("    " + p)
    return jobs[0]


def read_lines(path):
    with open(path) as f:
        return set(line.rstrip("\n") for line in f)


def conf_value(path, sym):
    want = f"CONFIG_{sym}="
    with open(path) as f:
        for line in f:
            if line.startswith(want):
                return line.strip()
            if line.strip() == f"# CONFIG_{sym} is not set":
                return line.strip()
    return f"nothing for {sym} (n)"


def precision(args, work, res):
    wdir = os.path.join(work, "wit")
    odir = os.path.join(work, "old")
    os.makedirs(wdir, exist_ok=True)
    os.makedirs(odir, exist_ok=True)
    t0 = time.time()
    r = kcsat(args, "dump", "--format", "json")
    try:
        symbols = json.loads(r.stdout)["arches"][0]["symbols"]
    except (ValueError, KeyError, IndexError):
        log(f"FAIL {args.name} precision: kcsat dump exited {r.returncode}: {r.stderr[-2000:]}")
        res["precision"] = {"passed": False}
        return None
    exprs = sample(args, symbols)
    bits = ["--bits", args.bits] if args.bits else []
    r = kcsat(args, "sat", *exprs, *bits, "--shell=run", "--format", "json",
              "--witness", os.path.join(wdir, "w"))
    t1 = time.time()
    try:
        results = json.loads(r.stdout)["results"]
    except (ValueError, KeyError):
        log(f"FAIL {args.name} precision: kcsat sat exited {r.returncode}: {r.stderr[-2000:]}")
        res["precision"] = {"passed": False}
        return None
    sat = [x for x in results if x["satisfiable"]]
    unsat = [x for x in results if not x["satisfiable"]]
    jobs = []
    for x in sat:
        out = os.path.join(odir, os.path.basename(x["witness"]))
        shutil.copyfile(x["witness"], out)
        jobs.append((out, None))
    rcs = run_server(args, "olddefconfig", jobs, {})
    t2 = time.time()
    kept = 0
    failures = []
    changed = {}	# symbol -> witnesses where conf changed it
    for x, (out, _) in zip(sat, jobs):
        where = f"{x['expr']} ({args.arch} {x['bits']}-bit)"
        if rcs.get(out) != 0:
            failures.append(f"{where}: conf --olddefconfig on {out} exited {rcs.get(out)}")
            continue
        code, text = same_values(x["witness"], out)
        if code == 0:
            kept += 1
            continue
        lines = [l for l in text.splitlines() if not l.endswith(" changed")]
        for l in lines:
            changed[l.split(":", 1)[0]] = changed.get(l.split(":", 1)[0], 0) + 1
        shown = "; ".join(lines[:6]) + (f"; ... {len(lines) - 6} more" if len(lines) > 6 else "")
        failures.append(f"{where}: {x['witness']} -> {out}: {shown}")
    t3 = time.time()
    n = len(sat)
    rate = kept / n if n else 0.0
    passed = n >= NWIT and rate >= PRECISION_BAR
    res["precision"] = {"asked": len(results), "exprs": len(exprs), "sat": n,
                        "unsat": len(unsat), "kept": kept, "rate": round(rate, 4),
                        "sat_s": round(t1 - t0, 2), "conf_s": round(t2 - t1, 2),
                        "compare_s": round(t3 - t2, 2), "passed": passed}
    why = "" if n >= NWIT else f"; fewer than {NWIT} witnesses"
    log(f"{'PASS' if passed else 'FAIL'} {args.name} precision: {kept}/{n} witnesses "
        f"kept by conf --olddefconfig ({100 * rate:.1f} %{why}); {len(exprs)} "
        f"expressions, {len(unsat)} UNSAT answers skipped (kcsat dump+sat {t1 - t0:.1f} s, "
        f"conf {t2 - t1:.1f} s, compare {t3 - t2:.1f} s)")
    for f in failures:
        log("    " + f)
    if changed:
        top = sorted(changed.items(), key=lambda kv: (-kv[1], kv[0]))
        log("    symbols conf changed (in how many witnesses): " +
            ", ".join(f"{k} ({v})" for k, v in top[:30]) +
            (f", ... {len(top) - 30} more" if len(top) > 30 else ""))
    res["precision"]["changed"] = changed
    return jobs[0][0] if jobs else None


def server_equivalence(args, work, allconfig_env, rand_job, old_out):
    """The fork server's output equals the plain conf binary's."""
    problems = []
    if rand_job:
        ref = os.path.join(work, "plain-randconfig.config")
        env = dict(allconfig_env, KCONFIG_SEED=str(rand_job[1]))
        rc = run_plain_conf(args, "randconfig", ref, env)
        if rc != 0 or not same_file(ref, rand_job[0]):
            problems.append(f"randconfig seed {rand_job[1]}: {ref} (conf, exit {rc}) "
                            f"differs from {rand_job[0]} (conf-server)")
    if old_out:
        wit = os.path.join(work, "wit", os.path.basename(old_out))
        ref = os.path.join(work, "plain-olddefconfig.config")
        shutil.copyfile(wit, ref)
        rc = run_plain_conf(args, "olddefconfig", ref, {})
        if rc != 0 or not same_file(ref, old_out):
            problems.append(f"olddefconfig of {wit}: {ref} (conf, exit {rc}) "
                            f"differs from {old_out} (conf-server)")
    passed = not problems and rand_job is not None and old_out is not None
    res_line = "same output as the plain conf binary" if passed else "differs"
    log(f"{'PASS' if passed else 'FAIL'} {args.name} conf-server: {res_line}")
    for p in problems:
        log("    " + p)
    return passed


def same_file(a, b):
    try:
        with open(a, "rb") as f, open(b, "rb") as g:
            return f.read() == g.read()
    except OSError:
        return False


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--name", required=True)
    ap.add_argument("--tree", required=True)
    ap.add_argument("--arch", required=True)
    ap.add_argument("--bits")
    ap.add_argument("--allconfig")
    ap.add_argument("--exprs", type=int, default=140,
                    help="expressions asked of kcsat sat (default 140)")
    ap.add_argument("--work", required=True)
    args = ap.parse_args()
    work = os.path.join(args.work, args.name)
    os.makedirs(work, exist_ok=True)
    t0 = time.time()
    # conf writes include/config/auto.conf only when it is missing: an
    # existing file keeps the shared tree untouched
    dummy = os.path.join(work, "auto.conf")
    open(dummy, "w").close()
    BASE_ENV["KCONFIG_AUTOCONFIG"] = dummy
    allconfig_env = {}
    if args.allconfig:
        path = os.path.join(work, "allconfig")
        with open(path, "w") as f:
            f.write(args.allconfig + "\n")
        allconfig_env["KCONFIG_ALLCONFIG"] = path
    res = {"name": args.name, "arch": args.arch, "bits": args.bits,
           "tree": args.tree}
    rand_job = soundness(args, work, allconfig_env, res)
    old_out = precision(args, work, res)
    res["conf_server"] = server_equivalence(args, work, allconfig_env, rand_job, old_out)
    res["seconds"] = round(time.time() - t0, 1)
    with open(os.path.join(work, "result.json"), "w") as f:
        json.dump(res, f, indent=1)
    ok = (res["soundness"]["passed"] and res["precision"].get("passed")
          and res["conf_server"])
    log(f"{args.name}: {'ok' if ok else 'FAILED'} in {res['seconds']} s")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
