#!/bin/sh
# kcsat --version: the version of debian/changelog, the picosat and libyaml
# it is linked with as the installed Debian packages give them (picosat,
# libyaml-0-2: the upstream part of their versions), and one line per row of
# the dialect table (include/kconfig/dialect.h).
# usage: tests/dist/version.sh KCSAT_BINARY
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/tests/dist/lib.sh"
kcsat=${1:?usage: version.sh KCSAT_BINARY}
out=$("$kcsat" --version) || bad "kcsat --version failed"
upstream() { dpkg-query -W -f '${Version}' "$1" 2>/dev/null | sed 's/^[0-9]*://; s/-[^-]*$//'; }
v=$(cd "$top" && dpkg-parsechangelog -S Version 2>/dev/null)
[ "$(echo "$out" | sed -n 1p)" = "kcsat ${v%%-*}" ] && ok "line 1: kcsat ${v%%-*}" || bad "line 1: $(echo "$out" | sed -n 1p)"
pv=$(upstream picosat) yv=$(upstream libyaml-0-2)
[ -n "$pv" ] && [ -n "$yv" ] || bad "dpkg-query: picosat '$pv', libyaml-0-2 '$yv'"
[ "$(echo "$out" | sed -n 2p)" = "linked with picosat $pv and libyaml $yv" ] &&
	ok "line 2: linked with picosat $pv and libyaml $yv (the Debian packages)" ||
	bad "line 2: '$(echo "$out" | sed -n 2p)', dpkg: picosat $pv, libyaml $yv"
tab=$top/include/kconfig/dialect.h
rows=$(grep -c '^[[:space:]]*X([A-Z0-9_]*, "[a-z0-9-]*",' "$tab")
names=$(echo "$out" | sed -n 's/^  \([a-z][a-z-]*\)  *\(since\|until\) .*/\1/p')
n=$(echo "$names" | grep -c .)
missing=
for name in $names; do grep -q "X([A-Z0-9_]*, \"$name\"," "$tab" || missing="$missing $name"; done
[ "$n" -gt 0 ] && [ -z "$missing" ] && ok "$n dialect rows, each a row of include/kconfig/dialect.h's table" ||
	bad "dialect rows: $n, not in the table:$missing"
[ "$rows" -eq "$n" ] && ok "as many rows as the table ($n)" || bad "$n rows printed, the table has $rows"
done_tests version
