#!/usr/bin/python3
"""Time kconfiglib loading a kernel tree, once per architecture, the way
kcsat loads it with --shell=off.  Used by bench/load.sh; run it with the
python that has kconfiglib (Debian's python3-kconfiglib: /usr/bin/python3).

usage: kconfiglib-load.py TREE KERNELVERSION RUNS ARCH...

TREE must be a copy whose `modules` lines read `option modules` (kconfiglib
14.1 predates the bare keyword).  For each arch the environment is the one
kcsat's src/kconfig/arch.c exports, the tree is loaded RUNS times and the best time
is kept.  Prints one line per arch: "ARCH MS SYMBOLS SHELL_CALLS".

$(shell,...) never runs: kconfiglib's `shell` function is replaced, through
its KCONFIG_FUNCTIONS hook, by one that only returns PLACEHOLDER, and
subprocess.Popen is disabled so that a command that still tried to run
would fail the benchmark instead of running."""

import gc
import os
import subprocess
import sys
import time
import types

# A word, so `def_bool $(success,...)` and `default $(cc-version)` still
# parse (an empty result would not), and not "y", so `$(error-if,...)`
# never fires.  kcsat leaves such values free; kconfiglib needs some value.
PLACEHOLDER = "n"

shell_calls = 0


def placeholder_shell(kconf, _name, _command):
    global shell_calls
    shell_calls += 1
    return PLACEHOLDER


def no_subprocess(*args, **kwargs):
    raise RuntimeError("kconfiglib tried to run a command: %r" % (args,))


# The tool variables of src/kconfig/arch.c, with the same defaults and the same
# `make CC=clang` override from the environment.
TOOLS = [("CC", "gcc"), ("LD", "ld"), ("AR", "ar"), ("NM", "nm"),
         ("OBJCOPY", "objcopy"), ("PAHOLE", "pahole"), ("RUSTC", "rustc"),
         ("BINDGEN", "bindgen"), ("PYTHON3", "python3"), ("CLANG_FLAGS", "")]

# srcarch -> (ARCH, SUBARCH, HEADER_ARCH); everything else: ARCH = SRCARCH,
# SUBARCH = x86, no HEADER_ARCH.
ARCH_TABLE = {"um": ("um", "x86", "x86")}


def arch_env(srcarch, kernelversion, base):
    arch, subarch, header_arch = ARCH_TABLE.get(srcarch, (srcarch, "x86", None))
    env = dict(base)
    env.pop("HEADER_ARCH", None)
    env["ARCH"] = arch
    env["SRCARCH"] = srcarch
    env["SUBARCH"] = subarch
    if header_arch:
        env["HEADER_ARCH"] = header_arch
    env["KERNELVERSION"] = kernelversion
    env["srctree"] = "."          # kcsat with --shell=off: srctree is "."
    for name, default in TOOLS:
        env[name] = base.get(name) or default
    # kbuild computes these with $(shell ...) before Kconfig; kcsat leaves
    # them unknown with --shell=off.
    env["CC_VERSION_TEXT"] = PLACEHOLDER
    env["RUSTC_VERSION_TEXT"] = PLACEHOLDER
    return env


def main(argv):
    if len(argv) < 5:
        sys.stderr.write(__doc__.split("\n\n")[1] + "\n")
        return 2
    global shell_calls
    tree, kernelversion, runs, arches = argv[1], argv[2], int(argv[3]), argv[4:]

    hook = types.ModuleType("kcsat_bench_functions")
    hook.functions = {"shell": (placeholder_shell, 1, 1)}
    sys.modules[hook.__name__] = hook
    subprocess.Popen = no_subprocess

    import kconfiglib

    os.chdir(tree)
    base = dict(os.environ)
    base["KCONFIG_FUNCTIONS"] = hook.__name__
    for a in arches:
        os.environ.clear()
        os.environ.update(arch_env(a, kernelversion, base))
        best = None
        for _ in range(runs):
            shell_calls = 0
            gc.collect()
            t0 = time.perf_counter()
            kconf = kconfiglib.Kconfig("Kconfig", warn=False)
            dt = time.perf_counter() - t0
            best = dt if best is None or dt < best else best
            nsyms = len(kconf.unique_defined_syms)
            del kconf
        print("%s %.1f %d %d" % (a, best * 1000.0, nsyms, shell_calls), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
