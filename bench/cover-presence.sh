#!/bin/sh
# The share of a kernel tree's .c files that get a presence condition from
# the Kbuild reader on some arch (kcsat dump --objects --arch all), the rest
# by cause, and the time the reader takes for every arch (target, issue 19:
# under 5 s on 2 cores).  Usage:
# bench/cover-presence.sh KCSAT [TREE]   (default TREE: tests/kernel-src.sh 6.12)
# tools/, scripts/ and Documentation/ build no kernel objects and are left out.
# Timed in the same run, wall and CPU (user + sys, /usr/bin/time): kcsat's
# Kconfig loads alone (dump --summary), and an external peer, the kernel's
# conf --olddefconfig once per arch (on the Kconfig tree of
# tests/kernel-tree.sh, with the memoizing compiler wrapper warm): what
# reading the configuration side of every arch costs the kernel's own tool,
# before any Makefile is read.
set -eu
kcsat=${1:?usage: cover-presence.sh KCSAT [TREE]}
here=$(cd "$(dirname "$0")/.." && pwd)
src=${2:-$("$here/tests/kernel-src.sh" 6.12)}
. "$here/bench/lib.sh"
bench_init "$kcsat"
bench_conf
# timed CMD...: wall and CPU seconds of one run of CMD, as "WALL CPU"
timed() {
	/usr/bin/time -f '%e %U %S' -o "$tmp/time" "$@" || die "failed: $*"
	awk '{ printf "%.2f %.2f", $1, $2 + $3 }' "$tmp/time"
}
arches=$(tree_arches)
warm_conf $arches
for a in $arches; do
	echo "rm -f '$tmp/olddef.config'; : >'$tmp/olddef.config'"
	echo "KCONFIG_CONFIG='$tmp/olddef.config' KCONFIG_AUTOCONFIG='$tmp/auto.conf' '$top/tests/conf/conf-env.sh' '$tree' $a '$conf' --olddefconfig Kconfig >/dev/null"
done >"$tmp/peer.sh"
objs=$(timed sh -c "'$kcsat' dump --objects --tree '$src' --arch all --jobs 2 >'$tmp/objects'")
loads=$(timed sh -c "'$kcsat' dump --summary --tree '$src' --arch all --jobs 2 >/dev/null")
peer=$(timed sh "$tmp/peer.sh")
python3 - "$src" "$tmp/objects" "$objs" "$loads" "$peer" "$(echo $arches | wc -w)" <<'PY'
import collections, os, re, sys
tree, objfile = sys.argv[1], sys.argv[2]
(ow, oc), (lw, lc), (pw, pc) = (map(float, a.split()) for a in sys.argv[3:6])
narch = int(sys.argv[6])
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
print('%-58s %8s %8s' % ('%d arches, --jobs 2' % narch, 'wall s', 'CPU s'))
print('%-58s %8.2f %8.2f   (target < 5 s on 2 cores)' % ('kcsat dump --objects --arch all', ow, oc))
print('%-58s %8.2f %8.2f' % ('kcsat dump --summary --arch all (the Kconfig loads alone)', lw, lc))
print('%-58s %8.2f %8.2f' % ('peer: conf --olddefconfig once per arch', pw, pc))
print('ratio kcsat dump --objects / conf x%d: %.2f wall, %.2f CPU' % (narch, ow / pw, oc / pc))
PY
