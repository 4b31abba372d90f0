#!/usr/bin/env python3
"""Confirm kcsat's unmet-select findings with the kernel's own conf.

Usage: confirm-unmet.py LINT_JSON WITNESS_DIR TREE CONF CONF_ENV [ARCH=TOOLCHAIN...]

LINT_JSON is `kcsat lint --tree TREE -W unmet-select --witness-dir WITNESS_DIR
--format json` (any --arch).  For each finding and each arch it has a
witness on, conf runs in the arch's kbuild environment (CONF_ENV,
tests/conf/conf-env.sh) with that arch's toolchain:
  - with the finding's minimal fragment: KCONFIG_ALLCONFIG=FRAG conf
    --allnoconfig, which is what `make KCONFIG_ALLCONFIG=FRAG allnoconfig`
    runs (scripts/kconfig/Makefile); the cached trees hold only the
    Kconfig side of the kernel (no arch Makefiles), so conf is run directly;
  - else (the fragment rests on $(shell,...) results the olddefconfig
    simulation cannot reproduce) with the full witness: conf --olddefconfig.
The finding is confirmed when conf prints "WARNING: unmet direct
dependencies detected for X" listing the selector S under "Selected by".
Toolchains: ARCH=CC[:LD[:CLANG_FLAGS]] arguments, else the first found of
the cross gcc below, else clang with --target (scripts/Makefile.clang's
triple), else none (not confirmed, said so).  Prints one tab-separated row
per (finding, arch): file:line, selector, target, arch (with -32/-64 when
the witness is per bitness), toolchain, input (fragment settings or
"witness"), result (confirmed | not-confirmed), detail.  Not run by make
check: tests/precision/unmet-conf-6.12.tsv keeps its output for 6.12 and
precision-6.12.sh reads that.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "conf"))
from unmet import UNMET, unmet_warnings  # noqa: E402 (conf's warnings, read once)

CROSS = {
    "x86": ["gcc"],
    "arm": ["arm-linux-gnueabi-gcc", "arm-linux-gnueabihf-gcc"],
    "arm64": ["aarch64-linux-gnu-gcc"],
    "powerpc": ["powerpc64le-linux-gnu-gcc", "powerpc-linux-gnu-gcc",
                "powerpc64-linux-gnu-gcc"],
    "powerpc-32": ["powerpc-linux-gnu-gcc"],
    "sh": ["sh4-linux-gnu-gcc"],
    "mips": ["mips-linux-gnu-gcc", "mipsel-linux-gnu-gcc"],
    "riscv": ["riscv64-linux-gnu-gcc"],
    "s390": ["s390x-linux-gnu-gcc"],
    "m68k": ["m68k-linux-gnu-gcc"],
    "alpha": ["alpha-linux-gnu-gcc"],
    "parisc": ["hppa-linux-gnu-gcc"],
    "sparc": ["sparc64-linux-gnu-gcc"],
    "loongarch": ["loongarch64-linux-gnu-gcc"],
}
# scripts/Makefile.clang's CLANG_TARGET_FLAGS_<arch>
CLANG_TARGET = {
    "arm": "arm-linux-gnueabi", "arm64": "aarch64-linux-gnu", "hexagon": "hexagon-linux-musl",
    "m68k": "m68k-linux-gnu", "mips": "mipsel-linux-gnu", "powerpc": "powerpc64le-linux-gnu",
    "riscv": "riscv64-linux-gnu", "s390": "s390x-linux-gnu", "x86": "x86_64-linux-gnu",
}


def toolchain(arch, bits, given):
    """(label, environment) for arch, or (None, why)."""
    if arch in given:
        cc, ld, flags = (given[arch].split(":") + ["", ""])[:3]
        return cc, {"CC": cc, "LD": ld or "ld", "CLANG_FLAGS": flags}
    for cc in CROSS.get(f"{arch}-{bits}" if bits else arch, []) + CROSS.get(arch, []):
        if shutil.which(cc):
            prefix = cc[:-3]
            ld = prefix + "ld" if prefix else "ld"
            return cc, {"CC": cc, "LD": ld, "CROSS_COMPILE": prefix, "CLANG_FLAGS": ""}
    if arch in CLANG_TARGET and shutil.which("clang") and shutil.which("ld.lld"):
        flags = f"--target={CLANG_TARGET[arch]} -fintegrated-as"
        return f"clang {flags}", {"CC": "clang", "LD": "ld.lld", "CLANG_FLAGS": flags}
    return None, "no cross gcc installed and clang has no target for it"


def main():
    if len(sys.argv) < 6:
        sys.exit(__doc__)
    lint_json, wdir, tree, conf, conf_env = sys.argv[1:6]
    given = dict(a.split("=", 1) for a in sys.argv[6:])
    findings = [f for f in json.load(open(lint_json))["findings"] if f["check"] == "unmet-select"]
    work = tempfile.mkdtemp(prefix="kcsat-confirm-unmet.")
    try:
        for f in findings:
            x, s = f["symbol"], f["selector"]
            loc = f"{f['file']}:{f['line']}"
            refs = f.get("witnesses") or []
            if not refs:
                print("\t".join([loc, s, x, "-", "-", "-", "not-confirmed", "no witness"]))
                continue
            for w in refs:
                arch, bits = w["arch"], w.get("bits") or 0
                name = arch + (f"-{bits}" if bits else "")
                label, env = toolchain(arch, bits, given)
                if label is None:
                    print("\t".join([loc, s, x, name, "-", "-", "not-confirmed", env]))
                    continue
                cfg = os.path.join(work, "out.config")
                run_env = {k: v for k, v in os.environ.items() if not k.startswith("KCONFIG_")}
                run_env.update(env)
                run_env["KCONFIG_CONFIG"] = cfg
                frag = w.get("fragment")
                if frag:
                    run_env["KCONFIG_ALLCONFIG"] = os.path.abspath(os.path.join(wdir, frag)
                                                                   if not os.path.isabs(frag)
                                                                   else frag)
                    mode = "--allnoconfig"
                    what = " ".join(l.strip() for l in open(run_env["KCONFIG_ALLCONFIG"])
                                    if l.strip() and not l.startswith("#"))
                else:
                    src = w["config"] if os.path.isabs(w["config"]) else os.path.join(wdir, w["config"])
                    shutil.copy(src, cfg)
                    mode = "--olddefconfig"
                    what = "witness"
                r = subprocess.run([conf_env, tree, arch, conf, mode, "Kconfig"], env=run_env,
                                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
                warned = unmet_warnings(r.stdout)
                if r.returncode == 0 and s in warned.get(x, ()):
                    res, detail = "confirmed", f"conf {mode[2:]}: unmet direct dependencies for {x}, selected by {s}"
                elif x in warned:
                    res, detail = "not-confirmed", f"conf warned for {x} but lists {sorted(warned[x])}"
                else:
                    res, detail = "not-confirmed", f"conf {mode[2:]} (exit {r.returncode}) printed no unmet warning for {x}"
                print("\t".join([loc, s, x, name, label, what, res, detail]), flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
