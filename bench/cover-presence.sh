#!/bin/sh
# The share of a kernel tree's .c files that get a presence condition from
# the Kbuild reader on some arch (kcsat dump --objects --arch all), the rest
# by cause, and the time the reader takes for every arch.  Usage:
# bench/cover-presence.sh KCSAT [TREE]   (default TREE: tests/kernel-src.sh 6.12)
# tools/, scripts/ and Documentation/ build no kernel objects and are left out.
set -eu
kcsat=${1:?usage: cover-presence.sh KCSAT [TREE]}
here=$(cd "$(dirname "$0")/.." && pwd)
tree=${2:-$("$here/tests/kernel-src.sh" 6.12)}
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
t0=$(date +%s.%N)
"$kcsat" dump --objects --tree "$tree" --arch all --jobs 2 >"$tmp/objects"
t1=$(date +%s.%N)
"$kcsat" dump --summary --tree "$tree" --arch all --jobs 2 >/dev/null
t2=$(date +%s.%N)
python3 - "$tree" "$tmp/objects" "$t0" "$t1" "$t2" <<'PY'
import collections, os, re, sys
tree, objfile, t0, t1, t2 = sys.argv[1], sys.argv[2], *map(float, sys.argv[3:])
objs, unknown_files = set(), set()
for line in open(objfile, errors='replace'):
    if line.startswith('# unknown '):
        unknown_files.add(line[10:].split(':')[0])
    elif not line.startswith('#'):
        objs.add(line.split('\t')[0])
cs = []
for root, _, files in os.walk(tree):
    cs += [os.path.relpath(os.path.join(root, f), tree) for f in files if f.endswith('.c')]
kern = [c for c in cs if not c.startswith(('tools/', 'scripts/', 'Documentation/'))]
miss = [c for c in kern if c[:-2] + '.o' not in objs]
included = set()
for c in kern:
    text = open(os.path.join(tree, c), errors='ignore').read()
    for m in re.finditer(r'#\s*include\s+["<]([^">]+\.c)[">]', text):
        included.add(os.path.normpath(os.path.join(os.path.dirname(c), m.group(1))))
        included.add(os.path.basename(m.group(1)))
dirs = {os.path.dirname(o) for o in objs}
cause = collections.Counter()
example = {}
for c in miss:
    d = os.path.dirname(c)
    mk = next((os.path.join(d, n) for n in ('Kbuild', 'Makefile')
               if os.path.exists(os.path.join(tree, d, n))), None)
    if c in included or os.path.basename(c) in included:
        k = '#included by another .c file (no object of its own)'
    elif mk and mk in unknown_files:
        k = 'its Makefile has a construct the reader left unknown'
    elif d not in dirs:
        k = 'in a directory no arch builds objects in (boot wrappers, mach-* not selected by name, ...)'
    else:
        k = 'its directory is built, its object is not listed (host program, vdso, generated, ...)'
    cause[k] += 1
    example.setdefault(k, c)
n = len(kern)
print('kernel .c files: %d (%d in tools/, scripts/, Documentation/ left out)' % (n, len(cs) - n))
print('with a presence condition on some arch: %d (%.2f%%)' % (n - len(miss), 100.0 * (n - len(miss)) / n))
for k, v in cause.most_common():
    print('  %6d  %s, e.g. %s' % (v, k, example[k]))
print('kcsat dump --objects --arch all: %.1f s (dump --summary, the Kconfig loads alone: %.1f s)' % (t1 - t0, t2 - t1))
PY
