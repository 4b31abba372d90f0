#!/bin/sh
# Real-kernel integration suites: every tests/integration/*.sh but this one,
# each called with the kcsat binary, two at a time (tests/pool.sh;
# KCSAT_SUITE_JOBS=N to change).  Trees are fetched on first use.
#   usage: run.sh KCSAT          run them
#          run.sh --list KCSAT   print tests/pool.sh's list of them (make check)
set -u
list_only=0
[ "${1:-}" = --list ] && { list_only=1; shift; }
kcsat=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
# slowest first (seconds on a 2-core CI, for the order only), so that the
# lanes end together; a suite not named here comes last
slow='conf-fidelity lint-unmet precision-6.12 verify-changes why-witness kconfiglib-diff
rules-6.12 olddefconfig-sim queries-seed userconfig-6.12 patch-6.12 dialect-7.2'
list() {
	for s in $slow; do [ -f "$here/$s.sh" ] && echo "$s sh $here/$s.sh $kcsat"; done
	for t in "$here"/*.sh; do
		s=$(basename "$t" .sh)
		case " $(echo $slow) run " in *" $s "*) continue ;; esac
		echo "$s sh $t $kcsat"
	done
}
if [ $list_only = 1 ]; then
	list
	exit 0
fi
# what the suites share, made once before they run side by side
for v in 6.12 6.1; do
	"$here/../kernel-tree.sh" $v >/dev/null && "$here/../conf/build-conf.sh" $v >/dev/null &&
		"$here/../conf/conf-server.sh" $v >/dev/null || exit 1
done
"$here/../conf/cc-memo.sh" >/dev/null || exit 1
tmp=$(mktemp "${TMPDIR:-/tmp}/kcsat-integration.XXXXXX") || exit 2
trap 'rm -f "$tmp"' EXIT
list >"$tmp"
sh "$here/../pool.sh" "${KCSAT_SUITE_JOBS:-2}" "$tmp"
