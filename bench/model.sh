#!/bin/sh
# Model benchmark: the size of kcsat's CNF and the cost of building and
# querying it, per architecture of Linux 6.12, against the kernel's own conf
# measured in the same run.
#
# usage: bench/model.sh [KCSAT_BINARY]          (default: build/kcsat)
#
# A benchmark, not a test: it prints numbers and never fails on them (it
# exits non-zero only when a tool cannot run at all).  Knobs:
#   KCSAT_BENCH_RUNS=3     runs per timed command (the fastest is kept)
#   KCSAT_BENCH_ARCHES="x86 arm64"   a subset (default: every arch)
#   KCSAT_CACHE            cache directory (default ~/.cache/kcsat)
#
# What is measured, per arch (each time the fastest of KCSAT_BENCH_RUNS,
# wall clock, process start to exit unless said):
#   vars, clauses  the whole model: the "p cnf" line of `kcsat cnf --arch A`
#   load           `kcsat dump --arch A --summary`: parse + menu tree only
#   cnf            `kcsat cnf --arch A -o FILE`: load, encode the whole
#                  model, write it as DIMACS
#   encode         cnf - load (so it includes writing the DIMACS text)
#   q-vars, q-cls  what `kcsat sat MODULES --arch A` hands PicoSAT before
#                  its first solve (picosat_variables() and
#                  picosat_added_original_clauses(); smaller than the whole
#                  model when kcsat encodes only what the query needs)
#   ready          start of that process until its first picosat_sat()
#   1st SAT        that first picosat_sat() call
#   sat            the whole `kcsat sat MODULES --arch A` process
#   full SAT       the `picosat` program on the whole model's DIMACS (parse
#                  and one solve), when /usr/bin/picosat is installed
#   run            `kcsat sat MODULES --arch A --shell=run`
#   conf           peer: the kernel's scripts/kconfig/conf --olddefconfig on
#                  an empty .config for the arch: parse, $(shell,...) run,
#                  every symbol evaluated once, .config written
# The q-*, ready and 1st SAT columns come from a small LD_PRELOAD library
# (written below, built into a temporary directory) that wraps the PicoSAT
# calls of kcsat; kcsat itself prints no statistics.  `run` and `conf` run
# $(shell,...) through the same memoizing compiler wrapper
# (tests/conf/cc-memo.sh, warmed first), so they pay the same probes at the
# same cost; the other kcsat columns have $(shell,...) off (kcsat's
# default).  The fair peer pairs: run vs conf (one answer about the arch,
# from the same inputs), and cnf vs conf (the whole space encoded vs one
# configuration evaluated).  Last, end to end: `kcsat sat PCI_P2PDMA --arch
# all` with shell off and with --shell=run, against conf --olddefconfig once
# per arch, summed.
set -eu

. "$(dirname "$0")/lib.sh"
bench_init "$@"
bench_conf
runs=${KCSAT_BENCH_RUNS:-3}
best_ok="0 1 10 20"	# 1: kcsat's "no"; 10, 20: picosat's SAT, UNSAT

cat >"$tmp/probe.c" <<'EOF'
/* LD_PRELOAD wrapper of the PicoSAT calls of kcsat: logs to $KCSAT_PROBE_OUT
 * "init N T" per instance and "sat N VARS CLAUSES T DT RESULT" per solve
 * (times in ms since $KCSAT_PROBE_T0, ns of the realtime clock). */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

typedef struct PicoSAT PicoSAT;
static double t0;
static FILE *out;
static PicoSAT *inst[64];
static int ninst;

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

__attribute__((constructor)) static void start(void)
{
	/* the time the shell started the process, as `date +%s%N` */
	const char *t = getenv("KCSAT_PROBE_T0"), *p = getenv("KCSAT_PROBE_OUT");

	t0 = t ? strtoull(t, NULL, 10) / 1e6 : now();
	out = p ? fopen(p, "a") : NULL;
}

static int idx(PicoSAT *ps)
{
	for (int i = 0; i < ninst; i++)
		if (inst[i] == ps)
			return i;
	return -1;
}

PicoSAT *picosat_init(void)
{
	static PicoSAT *(*real)(void);
	PicoSAT *ps;

	if (!real)
		real = (PicoSAT *(*)(void))dlsym(RTLD_NEXT, "picosat_init");
	ps = real();
	if (ninst < 64)
		inst[ninst++] = ps;
	if (out) {
		fprintf(out, "init %d %.3f\n", idx(ps), now() - t0);
		fflush(out);
	}
	return ps;
}

int picosat_sat(PicoSAT *ps, int limit)
{
	static int (*real)(PicoSAT *, int);
	static int (*vars)(PicoSAT *), (*clauses)(PicoSAT *);
	double a, b;
	int r;

	if (!real) {
		real = (int (*)(PicoSAT *, int))dlsym(RTLD_NEXT, "picosat_sat");
		vars = (int (*)(PicoSAT *))dlsym(RTLD_NEXT, "picosat_variables");
		clauses = (int (*)(PicoSAT *))dlsym(RTLD_NEXT, "picosat_added_original_clauses");
	}
	a = now();
	r = real(ps, limit);
	b = now();
	if (out) {
		fprintf(out, "sat %d %d %d %.3f %.3f %d\n", idx(ps), vars(ps), clauses(ps),
			a - t0, b - a, r);
		fflush(out);
	}
	return r;
}
EOF
gcc -O2 -shared -fPIC -o "$tmp/probe.so" "$tmp/probe.c" -ldl 2>"$tmp/err" ||
	{ cat "$tmp/err" >&2; die "cannot build the PicoSAT probe"; }

# probe ARCH: kcsat sat MODULES under the probe, $runs times; prints
# "vars clauses ready_ms first_sat_ms calls" of the run entering its first
# solve soonest
probe() {
	i=0
	: >"$tmp/best"
	while [ $i -lt "$runs" ]; do
		rm -f "$tmp/probe.log"
		KCSAT_PROBE_T0=$(now_ns) KCSAT_PROBE_OUT=$tmp/probe.log LD_PRELOAD=$tmp/probe.so \
			"$kcsat" sat MODULES --tree "$tree" --arch "$1" >/dev/null 2>"$tmp/err" ||
			[ $? -eq 1 ] || { cat "$tmp/err" >&2; die "kcsat sat failed on $1"; }
		awk '$1 == "sat" { n++; if (!f) { f = 1; v = $3; c = $4; r = $5; s = $6 } }
		     END { if (f) printf "%d %d %.0f %.1f %d\n", v, c, r, s, n }' "$tmp/probe.log" >>"$tmp/best"
		i=$((i + 1))
	done
	[ -s "$tmp/best" ] || die "the probe saw no picosat_sat() call on $1 (is kcsat linked to libpicosat dynamically?)"
	sort -n -k3 "$tmp/best" | head -n 1
}

arches=${KCSAT_BENCH_ARCHES:-$(tree_arches)}
echo "# kcsat $("$kcsat" version 2>/dev/null | head -n 1), Linux $(basename "$tree" | sed 's/linux-//'), $(nproc) cores, best of $runs"
echo "# warming the memoizing compiler wrapper..."
warm_conf $arches

have_cnf=0
"$kcsat" help cnf >/dev/null 2>&1 && have_cnf=1
[ $have_cnf = 1 ] || echo "# this kcsat has no 'cnf' command: vars, clauses, cnf, encode and full SAT are '-'"
have_pico=0
command -v picosat >/dev/null 2>&1 && [ $have_cnf = 1 ] && have_pico=1
fmt='%-10s %7s %7s %5s %5s %6s %7s %6s %5s %7s %5s %8s %5s %5s\n'
printf "$fmt" arch vars clauses load cnf encode q-vars q-cls ready "1st SAT" sat "full SAT" run conf
printf "$fmt" "" "" "" ms ms ms "" "" ms ms ms ms ms ms
tot_run=0 tot_conf=0 tot_sat=0 tot_cnf=0
for a in $arches; do
	load=$(best_ms "$kcsat" dump --tree "$tree" --arch "$a" --summary)
	vars=- clauses=- cnfms=- enc=- full=-
	if [ $have_cnf = 1 ]; then
		cnfms=$(best_ms "$kcsat" cnf --tree "$tree" --arch "$a" -o "$tmp/model.cnf")
		set -- $(grep -m 1 '^p cnf ' "$tmp/model.cnf")
		vars=$3 clauses=$4
		enc=$((cnfms - load))
		tot_cnf=$((tot_cnf + cnfms))
		[ $have_pico = 0 ] || full=$(best_ms picosat "$tmp/model.cnf")
	fi
	set -- $(probe "$a")
	qvars=$1 qcls=$2 ready=$3 first=$4
	total=$(best_ms "$kcsat" sat MODULES --tree "$tree" --arch "$a")
	run=$(best_ms "$kcsat" sat MODULES --tree "$tree" --arch "$a" --shell=run)
	confms=$(best_ms conf_run "$a")
	printf "$fmt" "$a" "$vars" "$clauses" "$load" "$cnfms" "$enc" "$qvars" "$qcls" "$ready" "$first" "$total" "$full" "$run" "$confms"
	tot_run=$((tot_run + run)) tot_conf=$((tot_conf + confms)) tot_sat=$((tot_sat + total))
done
echo
echo "sum over the arches: kcsat sat MODULES $tot_sat ms, with --shell=run $tot_run ms; kcsat cnf $tot_cnf ms; conf --olddefconfig $tot_conf ms"
all_off=$(best_ms "$kcsat" sat PCI_P2PDMA --tree "$tree" --arch all)
all_run=$(best_ms "$kcsat" sat PCI_P2PDMA --tree "$tree" --arch all --shell=run)
"$kcsat" sat PCI_P2PDMA --tree "$tree" --arch all >"$tmp/p2p" 2>&1 || true
answers="$(grep -c ': SAT$' "$tmp/p2p") SAT / $(grep -c ': UNSAT$' "$tmp/p2p") UNSAT answers"
if "$kcsat" sat MODULES --tree "$tree" --arch x86 --jobs 1 >/dev/null 2>&1; then
	one_off=$(best_ms "$kcsat" sat PCI_P2PDMA --tree "$tree" --arch all --jobs 1)
	one_run=$(best_ms "$kcsat" sat PCI_P2PDMA --tree "$tree" --arch all --jobs 1 --shell=run)
	echo "end to end: kcsat sat PCI_P2PDMA --arch all ($answers):"
	echo "  default jobs ($(nproc) cores): $all_off ms (shell off), $all_run ms (--shell=run)"
	echo "  --jobs 1:                $one_off ms (shell off), $one_run ms (--shell=run)"
else
	echo "end to end: kcsat sat PCI_P2PDMA --arch all ($answers): $all_off ms (shell off), $all_run ms (--shell=run)"
fi
echo "peer: conf --olddefconfig once per arch, one process after the other: $tot_conf ms in all"
