# Set-up shared by the benchmarks, sourced by bench/*.sh after `set -eu`:
#   . "$(dirname "$0")/lib.sh"
#   bench_init "$@"      kcsat binary, Linux 6.12 tree, $tmp, $cache
#   bench_conf           the kernel's conf and the memoizing compiler
#                        wrapper, for the benchmarks that time conf
# Then best_ms, conf_run, warm_conf and tree_arches are there to use.
#
# Variables it sets: here top kcsat tree cache tmp (bench_init); conf CC
# KCSAT_CC_CACHE PYTHON3, the last three exported (bench_conf).  Knob:
# KCSAT_CACHE, the cache directory (default ~/.cache/kcsat).
# shellcheck shell=sh

here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
bench_name=bench/$(basename "$0")

die() { echo "$bench_name: $*" >&2; exit 2; }

# bench_init [KCSAT_BINARY]: the binary (default build/kcsat) made
# absolute, the tree (fetched on first use), a temporary directory removed
# on exit.
bench_init() {
	kcsat=${1:-$top/build/kcsat}
	case $kcsat in /*) ;; *) kcsat=$(pwd)/$kcsat ;; esac
	cache=${KCSAT_CACHE:-${HOME:-/root}/.cache/kcsat}
	[ -x "$kcsat" ] || die "no kcsat binary at '$kcsat' (run make first)"
	tree=$("$top/tests/kernel-tree.sh" 6.12) || die "cannot get the Linux 6.12 tree"
	tmp=$(mktemp -d)
	trap 'rm -rf "$tmp"' EXIT INT TERM
}

# bench_conf: the kernel's conf for conf_run, and what its $(shell,...)
# calls need: the memoizing compiler wrapper (so conf and `kcsat
# --shell=run` pay the same probes) and python3.
bench_conf() {
	conf=$("$top/tests/conf/build-conf.sh" 6.12) || die "cannot build the kernel's conf"
	CC=$("$top/tests/conf/cc-memo.sh") || die "cannot build tests/conf/cc-memo"
	KCSAT_CC_CACHE=${KCSAT_CC_CACHE:-$cache/cc-memo}
	PYTHON3=/usr/bin/python3
	[ -x "$PYTHON3" ] || PYTHON3=$(command -v python3)
	export CC KCSAT_CC_CACHE PYTHON3
	: >"$tmp/auto.conf"	# present: conf leaves include/config/ alone
}

now_ns() { date +%s%N; }

# best_ms CMD...: run CMD $runs times, print the fastest wall time in ms.
# The caller may set best_fmt (printf format of the ms, default %.0f),
# best_ok (exit statuses that count as success, default "0 1": kcsat's
# "no" is an answer) and best_out (where stdout goes, default /dev/null).
best_ms() {
	best=
	i=0
	while [ $i -lt "$runs" ]; do
		t0=$(now_ns)
		rc=0
		"$@" >"${best_out:-/dev/null}" 2>"$tmp/err" || rc=$?
		t1=$(now_ns)
		case " ${best_ok:-0 1} " in
		*" $rc "*) ;;
		*) cat "$tmp/err" >&2; die "failed ($rc): $*" ;;
		esac
		d=$((t1 - t0))
		if [ -z "$best" ] || [ $d -lt "$best" ]; then best=$d; fi
		i=$((i + 1))
	done
	awk -v ns="$best" -v fmt="${best_fmt:-%.0f}" 'BEGIN { printf fmt, ns / 1e6 }'
}

# conf_run ARCH: the kernel's conf --olddefconfig on an empty .config.
conf_run() {
	rm -f "$tmp/olddef.config"
	: >"$tmp/olddef.config"
	KCONFIG_CONFIG=$tmp/olddef.config KCONFIG_AUTOCONFIG=$tmp/auto.conf \
		"$top/tests/conf/conf-env.sh" "$tree" "$1" "$conf" --olddefconfig Kconfig
}

# warm_conf ARCH...: conf once per arch, to fill the compiler memo.
warm_conf() {
	for a in "$@"; do conf_run "$a" >/dev/null 2>&1 || true; done
}

# tree_arches: every directory of arch/ with a Kconfig.
tree_arches() {
	ls -d "$tree"/arch/*/Kconfig | sed 's|.*/arch/||; s|/Kconfig||'
}
