#!/usr/bin/python3
"""The CI snippets of README.md ("### In CI") and man/kcsat.1 (CONTINUOUS
INTEGRATION), checked as a user pastes them (tests/dist/snippets.sh runs
this; see there).

usage: snippets.py TOP TMPDIR
TOP is the source tree (README.md, man/kcsat.1, tests/setup-deps.sh, its git
repository is what the snippets clone); TMPDIR an empty scratch directory.
Prints "ok   - ..." / "FAIL - ..." lines and "snippets: N passed, N failed";
exits 1 on a failure."""
import os
import re
import shlex
import subprocess
import sys

import yaml

top, tmp = sys.argv[1], sys.argv[2]
passed = failed = 0


def ok(msg):
    global passed
    passed += 1
    print("ok   - " + msg)


def bad(msg):
    global failed
    failed += 1
    print("FAIL - " + msg)


def check(cond, good, fail):
    (ok if cond else bad)(good if cond else fail)
    return cond


def run(argv, cwd=None, env=None):
    p = subprocess.run(argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return p.returncode, p.stdout, p.stderr


def expand(word, env):
    return re.sub(r"\$(\w+)|\$\{(\w+)\}", lambda m: env.get(m.group(1) or m.group(2), ""), word)


def unsudo(words):
    return words[1:] if words[:1] == ["sudo"] else words


# ---- extraction: the code blocks of each document's CI section ----

def readme_blocks():
    lines = open(os.path.join(top, "README.md")).read().split("\n")
    start = lines.index("### In CI")
    end = next(i for i in range(start + 1, len(lines)) if lines[i].startswith("## "))
    blocks, cur = [], None
    for line in lines[start:end]:
        if line.startswith("    "):
            cur = cur if cur is not None else []
            cur.append(line[4:])
        elif cur is not None:
            blocks.append("\n".join(cur) + "\n")
            cur = None
    return blocks


def roff_text(line):
    line = line.replace("\\-", "-").replace("\\(aq", "'").replace("\\&", "")
    return line.replace("\\e", "\\").replace("\\\\", "\\")


def man_blocks():
    lines = open(os.path.join(top, "man/kcsat.1")).read().split("\n")
    start = lines.index(".SH CONTINUOUS INTEGRATION")
    end = next(i for i in range(start + 1, len(lines)) if lines[i].startswith(".SH "))
    blocks, cur = [], None
    for line in lines[start:end]:
        if line == ".nf":
            cur = []
        elif line == ".fi":
            blocks.append("\n".join(cur) + "\n")
            cur = None
        elif cur is not None:
            cur.append(roff_text(line))
    return blocks


def classify(blocks, where):
    """{'setup': text, 'github': (text, yaml), 'gitlab': (text, yaml)}"""
    out = {}
    for b in blocks:
        try:
            y = yaml.safe_load(b)
        except yaml.YAMLError as e:
            y = None
            if ":" in b.split("\n")[0]:
                bad("%s: a CI block is not valid YAML: %s" % (where, str(e).replace("\n", " ")))
                continue
        if isinstance(y, dict) and "jobs" in y:
            kind = "github"
        elif isinstance(y, dict) and any(isinstance(v, dict) and "script" in v for v in y.values()):
            kind = "gitlab"
        else:
            kind = "setup"
        if kind in out:
            bad("%s: two %s blocks in the CI section" % (where, kind))
        out[kind] = b if kind == "setup" else (b, y)
    for kind in ("setup", "github", "gitlab"):
        check(kind in out, "%s: the CI section has its %s block" % (where, kind),
              "%s: no %s block in the CI section" % (where, kind))
    return out


readme = classify(readme_blocks(), "README.md")
man = classify(man_blocks(), "man/kcsat.1")
for kind in ("setup", "github", "gitlab"):
    if kind in readme and kind in man:
        a = readme[kind] if kind == "setup" else readme[kind][0]
        b = man[kind] if kind == "setup" else man[kind][0]
        check(a == b, "%s block: README.md and man/kcsat.1 say the same" % kind,
              "%s block differs between README.md and man/kcsat.1:\n%s\n---\n%s" % (kind, a, b))
if failed:
    print("snippets: %d passed, %d failed" % (passed, failed))
    sys.exit(1)
setup = [l.strip() for l in readme["setup"].split("\n") if l.strip() and not l.startswith("#")]
gh = readme["github"][1]
gl = readme["gitlab"][1]

# ---- the shape of each CI file ----

# YAML 1.1 reads the key `on` as true: GitHub reads it as the event list
check(gh.get("on", gh.get(True)) is not None, "github: the workflow has its `on:` events",
      "github: no `on:` in the workflow")
gh_jobs = gh.get("jobs") or {}
check(len(gh_jobs) == 1, "github: one job (%s)" % ", ".join(gh_jobs), "github: %d jobs" % len(gh_jobs))
gh_name, gh_job = next(iter(gh_jobs.items()))
runs_on = gh_job.get("runs-on", "")
check(str(runs_on).startswith("ubuntu-"), "github: runs on %s" % runs_on,
      "github: runs-on '%s' is not an Ubuntu runner" % runs_on)
perms = gh_job.get("permissions") or {}
check(perms.get("security-events") == "write" and perms.get("contents") == "read",
      "github: permissions allow the SARIF upload (security-events: write, contents: read)",
      "github: permissions %r: the SARIF upload needs security-events: write" % perms)
steps = gh_job.get("steps") or []
check(all(isinstance(s, dict) and (("run" in s) != ("uses" in s)) for s in steps),
      "github: %d steps, each a `run` or a `uses`" % len(steps),
      "github: a step is neither one `run` nor one `uses`: %r" % steps)
check(steps and str(steps[0].get("uses", "")).startswith("actions/checkout@"),
      "github: the first step checks out the kernel repository", "github: no actions/checkout first")
uploads = [s for s in steps if str(s.get("uses", "")).startswith("github/codeql-action/upload-sarif@")]
check(len(uploads) == 1, "github: one github/codeql-action/upload-sarif step",
      "github: %d upload-sarif steps" % len(uploads))
upload = uploads[0] if uploads else {}
check(upload.get("if") == "always()", "github: the SARIF is uploaded even when the gate fails (if: always())",
      "github: the upload step has if: %r, so a failing gate uploads nothing" % upload.get("if"))
check(steps and steps[-1] is upload, "github: the upload is the last step", "github: steps after the upload")
gh_env = gh_job.get("env") or {}

check(len(gl) == 1, "gitlab: one job (%s)" % ", ".join(gl), "gitlab: %d top-level keys" % len(gl))
gl_name, gl_job = next(iter(gl.items()))
image = str(gl_job.get("image", ""))
check(image.startswith("debian:"), "gitlab: runs in the Debian image %s" % image,
      "gitlab: image '%s' is not a Debian image (the package names are Debian's)" % image)
script = gl_job.get("script") or []
check(script and all(isinstance(s, str) for s in script), "gitlab: %d script lines" % len(script),
      "gitlab: script is not a list of command lines: %r" % script)
arts = gl_job.get("artifacts") or {}
check(arts.get("when") == "always", "gitlab: the report is kept even when the gate fails (when: always)",
      "gitlab: artifacts when %r" % arts.get("when"))

# the shell lines of each job, in order; GitHub's steps run as a user with
# sudo, GitLab's script as root in an image that has no sudo
jobs = {
    "github": [line for s in steps if "run" in s for line in str(s["run"]).strip().split("\n")],
    "gitlab": [str(s) for s in script],
}
check(not any(l.startswith("sudo ") for l in jobs["gitlab"]),
      "gitlab: no sudo (the image runs as root and has none)", "gitlab: a line uses sudo")
for job in ("github", "gitlab"):
    for l in jobs[job]:
        w = shlex.split(l)
        if job == "github" and ("apt-get" in w[:2] and w[w.index("apt-get") + 1] != "policy"
                                or w[:2] == ["make", "-C"] and w[-1] == "install"):
            check(w[0] == "sudo", "github: `%s` runs with sudo" % l,
                  "github: `%s` needs root: the runner's user is not" % l)

# ---- packages: apt-get update first, every name known to apt ----

build = open(os.path.join(top, "tests/setup-deps.sh")).read()
want = re.search(r'^want="([^"]*)"', build, re.M).group(1).split()
# libcmocka-dev only builds the unit tests, which `make` (all) does not
need = [p for p in want if p != "libcmocka-dev"]
# one apt-cache call for every name (each call reads the whole cache):
# {package: candidate version or "(none)"}; a name apt does not know has
# no section at all
names = sorted({p for l in jobs.values() for l2 in l for w in [unsudo(shlex.split(l2))]
                if w[:2] == ["apt-get", "install"] for p in w[2:] if not p.startswith("-")})
rc, out, err = run(["apt-cache", "policy"] + names)
candidate, pkg = {}, None
for line in out.split("\n"):
    m = re.match(r"^(\S+):$", line)
    if m:
        pkg = m.group(1).split(":")[0]
    m = re.match(r"^\s+Candidate:\s*(\S+)", line)
    if m and pkg:
        candidate[pkg] = m.group(1)
check(any(c != "(none)" for c in candidate.values()),
      "apt-cache has package lists (%d of %d names known)" % (len(candidate), len(names)),
      "apt-cache knows none of %s: no package lists (apt-get update first)" % " ".join(names))
for job in ("github", "gitlab"):
    lines = [unsudo(shlex.split(l)) for l in jobs[job]]
    upd = next((i for i, w in enumerate(lines) if w[:2] == ["apt-get", "update"]), None)
    inst = [i for i, w in enumerate(lines) if w[:2] == ["apt-get", "install"]]
    check(len(inst) == 1, "%s: one apt-get install line" % job, "%s: %d apt-get install lines" % (job, len(inst)))
    if not inst:
        continue
    check(upd is not None and upd < inst[0], "%s: apt-get update before apt-get install" % job,
          "%s: no apt-get update before apt-get install (the image's package lists are stale or empty)" % job)
    w = lines[inst[0]]
    check("-y" in w, "%s: apt-get install -y (no prompt in CI)" % job, "%s: apt-get install without -y" % job)
    pkgs = [p for p in w[2:] if not p.startswith("-")]
    for p in pkgs:
        c = candidate.get(p, "(none)")
        check(c != "(none)", "%s: package %s exists (candidate %s)" % (job, p, c),
              "%s: apt-cache policy %s: no candidate (%s)" % (job, p, err.strip()[:200] or "unknown to apt"))
    missing = [p for p in need if p not in pkgs]
    check(not missing, "%s: installs every build dependency of tests/setup-deps.sh (%s)" % (job, " ".join(need)),
          "%s: does not install %s, which make needs" % (job, " ".join(missing)))
    if "--no-install-recommends" in w and any(l.startswith("git clone") for l in jobs[job]):
        check("git" in pkgs and "ca-certificates" in pkgs,
              "%s: installs git and ca-certificates for the clone" % job,
              "%s: clones without git and ca-certificates installed" % job)

# ---- kcsat onto the runner: clone, make, make install ----


repo = run(["git", "-C", top, "rev-parse", "--show-toplevel"])[1].strip()
root = os.path.join(tmp, "root")
rc, out, err = run(["make", "-s", "-C", top, "install", "DESTDIR=" + root])
check(rc == 0, "make install DESTDIR=... (the default PREFIX, /usr/local)", "make install: " + err[-300:])
bindir = os.path.join(root, "usr/local/bin")
installed = os.path.join(bindir, "kcsat")
check(os.access(installed, os.X_OK), "make install puts kcsat in /usr/local/bin, on the runners' PATH",
      "make install did not install /usr/local/bin/kcsat")
for job in ("github", "gitlab"):
    clones = [l for l in jobs[job] if l.startswith("git clone ")]
    if not check(len(clones) == 1, "%s: one git clone of kcsat" % job, "%s: %d git clone lines" % (job, len(clones))):
        continue
    cw = shlex.split(clones[0])
    check("KCSAT_GIT" in clones[0], "%s: the clone reads the CI variable KCSAT_GIT" % job,
          "%s: the clone does not use KCSAT_GIT" % job)
    if job == "github":
        check(gh_env.get("KCSAT_GIT") == "${{ vars.KCSAT_GIT }}",
              "github: env KCSAT_GIT comes from the repository variable",
              "github: env KCSAT_GIT is %r, not ${{ vars.KCSAT_GIT }}" % gh_env.get("KCSAT_GIT"))
    dest = cw[-1]
    # the clone goes into a scratch directory here: GitHub's through
    # RUNNER_TEMP, GitLab's absolute path replaced in every line of the job
    # alike (so the lines must name it alike)
    scratch = os.path.join(tmp, job)
    os.makedirs(os.path.join(scratch, "runner"))
    env = dict(os.environ, RUNNER_TEMP=os.path.join(scratch, "runner"))
    env.pop("KCSAT_GIT", None)
    if dest.startswith("$"):
        lines = list(jobs[job])
    else:
        lines = [l.replace(dest, os.path.join(scratch, "kcsat")) for l in jobs[job]]
    clone = lines[jobs[job].index(clones[0])]
    rc, out, err = run(["sh", "-c", clone], cwd=scratch, env=env)
    check(rc != 0 and "KCSAT_GIT" in err, "%s: without KCSAT_GIT the clone stops and names it" % job,
          "%s: the clone with KCSAT_GIT unset: rc %d, %s" % (job, rc, err.strip()[:200]))
    env["KCSAT_GIT"] = "file://" + repo
    rc, out, err = run(["sh", "-c", clone], cwd=scratch, env=env)
    target = expand(shlex.split(clone)[-1], env)
    check(rc == 0 and os.path.isfile(os.path.join(target, "Makefile")),
          "%s: `%s` clones kcsat" % (job, clones[0]), "%s: the clone failed: %s" % (job, err.strip()[:300]))
    makes = [i for i, l in enumerate(lines) if unsudo(shlex.split(l))[:2] == ["make", "-C"]]
    plain = [i for i in makes if shlex.split(lines[i])[-1] != "install"]
    inst = [i for i in makes if shlex.split(lines[i])[-1] == "install"]
    check(len(plain) == 1 and len(inst) == 1, "%s: one make and one make install" % job,
          "%s: make lines %r" % (job, [jobs[job][i] for i in makes]))
    for i in plain + inst:
        w = [expand(x, env) for x in unsudo(shlex.split(lines[i]))]
        check(w[2] == target, "%s: `%s` runs in the clone" % (job, jobs[job][i]),
              "%s: `%s` is not run in the clone (%s)" % (job, jobs[job][i], target))
        rc, out, err = run(["make", "-n"] + w[1:], env=env)
        check(rc == 0, "%s: make -n %s: the target exists" % (job, " ".join(unsudo(jobs[job][i].split())[1:])),
              "%s: make -n %s: %s" % (job, " ".join(w[1:]), err.strip()[-300:]))
    order = [jobs[job].index(clones[0])] + plain + inst
    check(order == sorted(order), "%s: clone, make, make install in that order" % job,
          "%s: clone, make and make install out of order" % job)
    kl = [i for i, l in enumerate(jobs[job]) if l.startswith("kcsat ")]
    check(kl and min(kl) > max(order), "%s: kcsat runs after make install, from PATH" % job,
          "%s: kcsat is run before it is installed" % job)

# ---- the kernel repository: the set-up lines, run ----

krepo = os.path.join(tmp, "linux")
os.makedirs(krepo)
run(["git", "init", "-q", krepo])
genv = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org",
            GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org")
prefix_share = None
for l in setup:
    if l.startswith("kcsat "):
        continue
    if l.startswith("cp "):
        src = shlex.split(l)[1]
        prefix_share = src
        check(src.startswith("/usr/local/share/kcsat/rules/"),
              "setup: the rules are copied from where make install put them (%s)" % src,
              "setup: `%s` copies from elsewhere than /usr/local/share/kcsat/rules" % l)
        l = l.replace("/usr/local/", root + "/usr/local/")
    if l.startswith("git commit") or " git commit" in l:
        # the baseline is written by the kcsat line, which runs below
        # with --help only: stand in an empty one
        open(os.path.join(krepo, ".kcsat/baseline"), "w").close()
    rc, out, err = run(["sh", "-c", l], cwd=krepo, env=genv)
    check(rc == 0, "setup: `%s`" % l.replace(root, ""), "setup: `%s`: rc %d, %s" % (l, rc, err.strip()[:300]))
tracked = run(["git", "-C", krepo, "ls-files"])[1].split()
rules_yaml = [f for f in tracked if f.endswith(".yaml")]
check(len(rules_yaml) == len([f for f in os.listdir(os.path.join(top, "rules")) if f.endswith(".yaml")]),
      "setup: the commit holds the %d example rules files" % len(rules_yaml),
      "setup: the commit holds %r" % tracked)

# ---- every kcsat line parses: options validated up to --help ----

def kcsat_line(l):
    """(argv after `kcsat`, redirected stdout file or None)"""
    w = shlex.split(l)
    out = None
    if ">" in w:
        i = w.index(">")
        out = w[i + 1]
        w = w[:i] + w[i + 2:]
    return w[1:], out


def opt(argv, name):
    return argv[argv.index(name) + 1] if name in argv else None


kenv = dict(os.environ, PATH=bindir + ":" + os.environ["PATH"])
lines = [("setup", l) for l in setup if l.startswith("kcsat ")] + \
        [(job, l) for job in ("github", "gitlab") for l in jobs[job] if l.startswith("kcsat ")]
parsed = {}
for where, l in lines:
    argv, out = kcsat_line(l)
    rc, so, se = run(["kcsat"] + argv + ["--help"], cwd=krepo, env=kenv)
    check(rc == 0 and not se and so.startswith("usage: kcsat " + argv[0]),
          "%s: `%s` parses (its options validated up to --help)" % (where, l),
          "%s: `kcsat %s --help`: rc %d, %s" % (where, " ".join(argv), rc, se.strip()[:300]))
    parsed.setdefault(where, []).append((argv, out))
# the validation is real: a bad value or an unknown option is refused
rc, so, se = run(["kcsat", "check", "--rules", ".kcsat/rules", "--format", "sariff", "--help"], cwd=krepo, env=kenv)
check(rc == 2 and "sariff" in se, "a bad --format before --help is refused (rc 2)", "--format sariff: rc %d" % rc)
rc, so, se = run(["kcsat", "check", "--rulez", ".kcsat/rules", "--help"], cwd=krepo, env=kenv)
check(rc == 2, "an unknown option before --help is refused (rc 2)", "--rulez: rc %d" % rc)

# ---- paths agree: rules, baseline, -W options, the SARIF file ----

(sargv, _), = parsed.get("setup", [([], None)])
rules = opt(sargv, "--rules")
blpath = opt(sargv, "--write-baseline")
check(rules and blpath, "setup: one kcsat check writes the baseline (%s) of the rules in %s" % (blpath, rules),
      "setup: no kcsat check --rules ... --write-baseline ...")
mk = [shlex.split(l) for l in setup if l.startswith("mkdir ")]
check(mk and rules in mk[0], "setup: mkdir makes the rules directory", "setup: no mkdir of %s" % rules)
cps = [shlex.split(l) for l in setup if l.startswith("cp ")]
check(cps and cps[0][-1].rstrip("/") == rules, "setup: the examples are copied into the rules directory",
      "setup: cp target is not %s" % rules)
adds = [shlex.split(l.split("&&")[0]) for l in setup if l.startswith("git add")]
check(adds and all(p.startswith(adds[0][2].rstrip("/") + "/") for p in (rules, blpath)),
      "setup: git add takes the rules and the baseline (%s)" % (adds[0][2] if adds else ""),
      "setup: git add does not cover %s and %s" % (rules, blpath))
wopts = [a for a in sargv if a.startswith("-W")]
sarif = {}
for job in ("github", "gitlab"):
    checks = [(a, o) for a, o in parsed.get(job, []) if a[0] == "check"]
    if not check(len(checks) == 1, "%s: one kcsat check" % job, "%s: %d kcsat check lines" % (job, len(checks))):
        continue
    argv, out = checks[0]
    check(opt(argv, "--rules") == rules, "%s: --rules %s as in the set-up" % (job, rules),
          "%s: --rules %s, the baseline was written with --rules %s" % (job, opt(argv, "--rules"), rules))
    check(opt(argv, "--baseline") == blpath, "%s: --baseline %s, the file the set-up wrote" % (job, blpath),
          "%s: --baseline %s, the set-up wrote %s" % (job, opt(argv, "--baseline"), blpath))
    check([a for a in argv if a.startswith("-W")] == wopts, "%s: the same -W options as the baseline" % job,
          "%s: -W options differ from the baseline's" % job)
    check(opt(argv, "--format") == "sarif" and out, "%s: SARIF into %s" % (job, out),
          "%s: kcsat check does not write SARIF to a file" % job)
    sarif[job] = out
up = (upload.get("with") or {}).get("sarif_file")
check(up == sarif.get("github"), "github: the upload takes the file kcsat wrote (%s)" % up,
      "github: upload sarif_file %r, kcsat writes %r" % (up, sarif.get("github")))
check(arts.get("paths") == [sarif.get("gitlab")], "gitlab: the artifact is the file kcsat wrote",
      "gitlab: artifacts paths %r, kcsat writes %r" % (arts.get("paths"), sarif.get("gitlab")))

print("snippets: %d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
