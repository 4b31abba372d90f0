#!/bin/sh
# Hostile-input suite (issue 17).  Usage: tests/hostile/run.sh KCSAT [CASE...]
#
# Each tests/hostile/cases/NAME.sh is one defect of an untrusted tree,
# patch or rule file, read with `.` inside a fresh directory ($T, also the
# working directory).  It sets:
#   gen()        writes the input (large inputs are made here, at test time)
#   run          shell code run with sh in $T, "$KCSAT" the binary (stdout
#                and stderr are captured)
#   want_rc      the expected exit code
#   want_err     an extended regex the stderr must match ('' = empty stderr)
#   want_out     an optional extended regex stdout must match
#   limit_s      the CPU-time bound in seconds, limit_mb the memory bound:
#                every case states both (a case without them fails)
#   check()      optional extra test after run (non-zero = failure)
# The time bound is CPU time (user + sys), so it does not depend on the
# machine's load: `ulimit -t` stops any one process past it (SIGXCPU), and
# the CPU time of all the case's processes together (/usr/bin/time, when
# there is one) must not exceed it either.  A wall-clock backstop of
# 5 * limit_s + 60 s (timeout) catches a case that blocks without using
# CPU.  The memory bound is `ulimit -v` for a normal build; an ASan build
# reserves terabytes of shadow address space, so there it is
# ASAN_OPTIONS=hard_rss_limit_mb instead, and both bounds are tripled.
# Each case's wall and CPU time and peak memory (the largest resident set
# of the processes it ran) are shown on its line beside the bounds.
set -u
if [ $# -lt 1 ]; then
	echo "usage: $0 KCSAT [CASE...]" >&2
	exit 2
fi
bin=$1
shift
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
here=$(cd "$(dirname "$0")" && pwd)
KCSAT=$bin
export KCSAT
asan=0
if nm "$bin" 2>/dev/null | grep -q __asan_init; then
	asan=1
fi
LC_ALL=C
export LC_ALL
unset ARCH SRCARCH SUBARCH HEADER_ARCH KERNELVERSION srctree CROSS_COMPILE \
	CC LD AR NM OBJCOPY PAHOLE RUSTC BINDGEN PYTHON3 CLANG_FLAGS \
	CC_VERSION_TEXT RUSTC_VERSION_TEXT KCONFIG_CONFIG
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export UBSAN_OPTIONS
tmp=$(mktemp -d "${TMPDIR:-/tmp}/kcsat-hostile.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
if [ $# -eq 0 ]; then
	set -- $(cd "$here/cases" && ls *.sh | sed 's/\.sh$//')
fi
pass=0 fail=0
for c in "$@"; do
	T=$tmp/$c
	mkdir -p "$T"
	(
		cd "$T" || exit 1
		hostile_case=$c		# a case may use $c itself
		want_out='' limit_s='' limit_mb=''
		check() { :; }
		. "$here/cases/$c.sh"
		case $limit_s$limit_mb in
		*[!0-9]* | '')
			echo "FAIL $hostile_case: no limit_s and limit_mb"
			exit 1
			;;
		esac
		[ -n "$limit_s" ] && [ -n "$limit_mb" ] ||
			{ echo "FAIL $hostile_case: no limit_s and limit_mb"; exit 1; }
		timer=''
		[ -x /usr/bin/time ] &&
			timer="/usr/bin/time -o $T/.time -f %e,%U,%S,%M"
		gen || { echo "gen failed"; exit 1; }
		if [ $asan = 1 ]; then
			limit_s=$((limit_s * 3))
			ASAN_OPTIONS=detect_leaks=1:hard_rss_limit_mb=$((limit_mb * 3))
			export ASAN_OPTIONS
			limit_mb=$((limit_mb * 3))
		fi
		wall=$((limit_s * 5 + 60))
		if [ $asan = 1 ]; then
			( ulimit -S -t "$limit_s"; ulimit -H -t $((limit_s + 5)) 2>/dev/null
			  timeout -k 5 "$wall" $timer sh -c "$run" ) >"$T/.out" 2>"$T/.err"
		else
			( ulimit -S -t "$limit_s"; ulimit -H -t $((limit_s + 5)) 2>/dev/null; ulimit -v $((limit_mb * 1024))
			  timeout -k 5 "$wall" $timer sh -c "$run" ) >"$T/.out" 2>"$T/.err"
		fi
		rc=$?
		used='' cpu=''
		if [ -s "$T/.time" ]; then
			# the last line: time writes "Command exited ..." before it
			used=$(awk -F, 'END { printf "%s s wall, %.2f s CPU, %d MB peak", $1, $2 + $3, ($4 + 1023) / 1024 }' "$T/.time")
			cpu=$(awk -F, -v l="$limit_s" 'END { if ($2 + $3 > l) printf "%.2f", $2 + $3 }' "$T/.time")
		fi
		bad=''
		[ $rc = 124 ] && bad="$bad wall-backstop(${wall}s)"
		[ $rc = 152 ] && bad="$bad cpu-limit(${limit_s}s)"
		[ -n "$cpu" ] && bad="$bad cpu(${cpu}s > ${limit_s}s)"
		[ "$rc" = "$want_rc" ] || bad="$bad rc=$rc(want $want_rc)"
		if [ -z "$want_err" ]; then
			[ -s "$T/.err" ] && bad="$bad stderr-not-empty"
		elif ! grep -Eq -- "$want_err" "$T/.err"; then
			bad="$bad stderr!~/$want_err/"
		fi
		if [ -n "$want_out" ] && ! grep -Eq -- "$want_out" "$T/.out"; then
			bad="$bad stdout!~/$want_out/"
		fi
		if grep -Eq 'Sanitizer|runtime error:' "$T/.err"; then
			bad="$bad sanitizer"
		fi
		check || bad="$bad check()"
		if [ -n "$bad" ]; then
			echo "FAIL $hostile_case:$bad"
			head -c 600 "$T/.err" | sed 's/^/	/'
			exit 1
		fi
		[ -n "$used" ] && echo "ok $hostile_case: $used (limits ${limit_s} s CPU, ${limit_mb} MB)"
		exit 0
	)
	if [ $? = 0 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
	rm -rf "$T"
done
echo "$pass passed, $fail failed"
[ $fail = 0 ]
