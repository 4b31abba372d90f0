#!/usr/bin/env python3
"""kcsat why-not SYM --config FILE against the kernel's own conf.

usage: fixes.py KCSAT TREE ARCH SERVER_CMD WORKDIR SCRIPTS_CONFIG DEFCONFIG... [-n N]

Each DEFCONFIG becomes a full .config by the kernel's conf --olddefconfig
(the conf server of tests/conf/conf-server.c, started by SERVER_CMD: what
`make defconfig` gives).  For N symbols of each (picked with a fixed seed:
alternately one the file sets to n and one it does not mention), ask kcsat
for the changes that make SYM=y (an int, hex or string symbol: set at all)
from the file, then, with conf --olddefconfig:

  - the file with the printed fragment appended gives SYM=y;
  - the file edited by the printed scripts/config command (the kernel's own
    scripts/config) gives SYM=y;
  - the file with the fragment less any one of its lines does not.

A symbol kcsat says no configuration can have, or one the file gives y
already, is counted, not checked.  Prints one line per failure and a
summary; exits 1 on any failure.
"""
import json
import os
import random
import resource
import re
import shlex
import shutil
import subprocess
import sys


def kconfig_names(tree, arch):
    """The names the Kconfig files of tree define, but other arches' own."""
    names = set()
    pat = re.compile(r'^\s*(?:menu)?config\s+([A-Za-z0-9_]+)\s*$')
    for top, dirs, files in os.walk(tree):
        dirs[:] = [d for d in dirs if not d.startswith('.') and
                   not (os.path.basename(top) == 'arch' and d != arch)]
        for f in files:
            if f.startswith('Kconfig'):
                with open(os.path.join(top, f), errors='replace') as fh:
                    for line in fh:
                        m = pat.match(line)
                        if m:
                            names.add(m.group(1))
    return names


def values(path):
    v = {}
    with open(path, errors='replace') as fh:
        for line in fh:
            line = line.rstrip('\n')
            m = re.match(r'^CONFIG_([A-Za-z0-9_]+)=(.*)$', line)
            if m:
                v[m.group(1)] = m.group(2)
                continue
            m = re.match(r'^# CONFIG_([A-Za-z0-9_]+) is not set$', line)
            if m:
                v[m.group(1)] = 'n'
    return v


class Conf:
    """conf --olddefconfig through the conf server, one job a line."""

    def __init__(self, cmd):
        self.p = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  stderr=subprocess.DEVNULL, text=True)

    def olddefconfig(self, path):
        self.p.stdin.write(path + '\n')
        self.p.stdin.flush()
        line = self.p.stdout.readline().split()
        if not line or line[0] != '0':
            raise RuntimeError('conf --olddefconfig failed on %s: %s' % (path, line))
        return values(path)

    def close(self):
        self.p.stdin.close()
        self.p.wait()


def main():
    args = sys.argv[1:]
    n = 10
    if '-n' in args:
        i = args.index('-n')
        n = int(args[i + 1])
        del args[i:i + 2]
    kcsat, tree, arch, server, work, scripts_config = args[:6]
    bases = args[6:]
    names = sorted(kconfig_names(tree, arch))
    conf = Conf(shlex.split(server))
    rng = random.Random(612)
    fails = checked = impossible = already = nosim = 0
    changes_total = 0
    kcsat_cpu, kcsat_runs = 0.0, 0
    for i, defconfig in enumerate(bases):
        base = os.path.join(work, 'base%d.config' % i)
        shutil.copy(defconfig, base)
        bv = conf.olddefconfig(base)
        off = sorted(k for k, v in bv.items() if v == 'n')
        absent = [k for k in names if k not in bv]
        off = rng.sample(off, len(off))
        absent = rng.sample(absent, len(absent))
        # alternately one the file sets to n and one it does not mention,
        # until n are checked (or 4n asked)
        picks = [x for pair in zip(off, absent) for x in pair][:4 * n]
        checked0 = checked
        for sym in picks:
            if checked - checked0 >= n:
                break
            r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
            r = subprocess.run([kcsat, 'why-not', sym, '--config', base, '--tree', tree, '--arch', arch,
                                '--format', 'json', '--jobs', '1'],
                               capture_output=True, text=True)
            r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
            kcsat_cpu += r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime
            kcsat_runs += 1
            try:
                results = json.loads(r.stdout)['results']
            except (ValueError, KeyError):
                results = None
            if not results and r.returncode == 2 and 'is not defined on' in r.stderr:
                continue    # another arch's symbol
            if not results:
                print('FAIL %s %s: kcsat exited %d: %s' % (os.path.basename(base), sym, r.returncode,
                                                         r.stderr.strip()[:200]))
                fails += 1
                continue
            res = results[0]
            st = res['status']
            if st == 'impossible':
                impossible += 1
                continue
            if st != 'found':
                nosim += 1
                print('NOTE %s %s: no changes found (%s)' % (os.path.basename(base), sym, st))
                continue
            if res['has']:
                already += 1
                continue
            checked += 1
            frag = res['fragment'].splitlines()
            # y, or for an int, hex or string symbol: written at all
            wanted = (lambda v: v is not None) if '=' not in res['want'] else (lambda v: v == 'y')
            changes_total += len(frag)
            tag = '%s %s' % (os.path.basename(base), sym)
            # the fragment appended
            out = os.path.join(work, 'frag.config')
            shutil.copy(base, out)
            with open(out, 'a') as fh:
                fh.write('\n'.join(frag) + '\n')
            got = conf.olddefconfig(out).get(sym)
            if not wanted(got):
                print('FAIL %s: with the fragment %s, olddefconfig gives %s=%s' % (tag, frag, sym, got))
                fails += 1
                continue
            # the scripts/config command, by the kernel's own scripts/config
            out = os.path.join(work, 'cmd.config')
            shutil.copy(base, out)
            words = shlex.split(res['scripts_config'])
            assert words[:3] == ['scripts/config', '--file', base], words
            subprocess.run(['bash', scripts_config, '--file', out] + words[3:], check=True)
            got = conf.olddefconfig(out).get(sym)
            if not wanted(got):
                print('FAIL %s: after %s, olddefconfig gives %s=%s' % (tag, res['scripts_config'], sym,
                                                                       got))
                fails += 1
                continue
            # no change can be dropped (one change: the file itself does not
            # give it, known from the start)
            for k in range(len(frag) if len(frag) > 1 else 0):
                out = os.path.join(work, 'drop.config')
                shutil.copy(base, out)
                with open(out, 'a') as fh:
                    fh.write('\n'.join(frag[:k] + frag[k + 1:]) + '\n')
                got = conf.olddefconfig(out).get(sym)
                if wanted(got):
                    print('FAIL %s: without %s, olddefconfig still gives %s=%s' % (tag, frag[k], sym, got))
                    fails += 1
                    break
    conf.close()
    print('%d symbols checked (%d changes), %d impossible, %d y already, %d without changes found, '
          '%d failed; %d kcsat runs, %.1f s CPU' % (checked, changes_total, impossible, already, nosim,
                                                   fails, kcsat_runs, kcsat_cpu))
    return 1 if fails or not checked else 0


if __name__ == '__main__':
    sys.exit(main())
