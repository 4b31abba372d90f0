#!/bin/sh
# Golden CLI tests.  Usage: tests/run-cli.sh KCSAT_BINARY [CASE...]
#
# Each directory tests/cli/<case>/ holding a `cmd` file is one case: `cmd` is
# a shell snippet run with sh inside the case directory, with $KCSAT set to
# the binary's absolute path.  Its stdout, stderr and exit code are compared
# with expected_stdout, expected_stderr (a missing file means empty) and
# expected_rc (a missing file means 0).  Directories without `cmd` (shared
# fixture trees) are skipped.  Each file tests/cli/errors/<name>.test is a
# case in one file: its input files, command and expected output (see
# tests/cli/errors/README); name it errors/<name>.test on the command line.
#
# UPDATE=1 (re)writes the expected files (or sections) from the actual
# output instead of comparing; review every such change before committing.
# TIMEOUT=N bounds each case (default 60 s): a hang is a failure.
set -u

if [ $# -lt 1 ]; then
	echo "usage: $0 KCSAT_BINARY [CASE...]" >&2
	exit 2
fi
bin=$1
shift
case $bin in
/*) ;;
*) bin=$(pwd)/$bin ;;
esac
if [ ! -x "$bin" ]; then
	echo "$0: '$bin' is not an executable" >&2
	exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
root=$here/cli
# The cases run kcsat through json-check.sh: every JSON or SARIF output is
# parsed (and a case whose JSON does not parse fails).
KCSAT_BIN=$bin
KCSAT=$root/json-check.sh
export KCSAT KCSAT_BIN
update=${UPDATE:-0}
limit=${TIMEOUT:-60}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/kcsat-cli.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 2' INT TERM
KCSAT_JSON_LOG=$tmp/json.log
export KCSAT_JSON_LOG

# Deterministic output whatever the caller's environment: kcsat reads the
# locale, and an arch tree reads kbuild's variables (`make CC=clang`) from
# the environment; a case that wants one sets it in its cmd.
LC_ALL=C
export LC_ALL
unset ARCH SRCARCH SUBARCH HEADER_ARCH KERNELVERSION srctree CROSS_COMPILE \
	CC LD AR NM OBJCOPY PAHOLE RUSTC BINDGEN PYTHON3 CLANG_FLAGS \
	CC_VERSION_TEXT RUSTC_VERSION_TEXT KCONFIG_CONFIG
# Leak reports and UBSan findings must fail the case (their text lands on
# stderr and the exit code changes).
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export ASAN_OPTIONS UBSAN_OPTIONS

if command -v timeout >/dev/null 2>&1; then
	run_timed() { timeout "$limit" "$@"; }
else
	run_timed() { "$@"; }
fi

# A single-file case (errors/NAME.test, see errors/README): its input
# files go into a fresh directory $work, its command and expectations into
# $meta.cmd, .rc, .stdout, .stderr.  A missing %%cmd is `dump --tree .`, a
# missing %%rc is 2 (an error case), a missing %%stdout or %%stderr empty.
unfold() {
	rm -rf "$work" "$meta".*
	mkdir -p "$work"
	awk -v work="$work" -v meta="$meta" '
	function open_out(path) {
		if (out != "")
			close(out)
		out = path
		printf "" >out
	}
	BEGIN { out = "" ; root = work "/Kconfig" }
	/^%%file / {
		path = substr($0, 8)
		if (path ~ /^\// || path ~ /(^|\/)\.\.(\/|$)/) {
			print FILENAME ":" FNR ": %%file outside the case: " path >"/dev/stderr"
			exit 1
		}
		d = work "/" path
		sub(/\/[^\/]*$/, "", d)
		system("mkdir -p \"" d "\"")
		open_out(work "/" path)
		next
	}
	/^%%cmd/ { open_out(meta ".cmd"); if (length($0) > 6) print substr($0, 7) >out; next }
	/^%%rc / { print substr($0, 6) >(meta ".rc"); close(meta ".rc"); next }
	/^%%stdout$/ { open_out(meta ".stdout"); next }
	/^%%stderr$/ { open_out(meta ".stderr"); next }
	/^%%/ { print FILENAME ":" FNR ": unknown directive: " $0 >"/dev/stderr"; exit 1 }
	/^\\ No newline at end of file$/ { print out >(meta ".noeol"); next }
	{
		if (out == "")
			open_out(root)
		print >out
	}' "$1" || return 1
	# as in a diff: the line before it has no newline
	if [ -f "$meta.noeol" ]; then
		while read -r f; do
			truncate -s -1 "$f"
		done <"$meta.noeol"
	fi
	[ -f "$meta.cmd" ] || echo '"$KCSAT" dump --tree .' >"$meta.cmd"
	[ -f "$meta.rc" ] || echo 2 >"$meta.rc"
	[ -f "$meta.stdout" ] || : >"$meta.stdout"
	[ -f "$meta.stderr" ] || : >"$meta.stderr"
}

# UPDATE=1 for a single-file case: its input and %%cmd kept, the
# expectations written from the run ($out, $err, $rc).
refold() {
	{
		awk '/^%%(rc |stdout$|stderr$)/ { exit } { print }' "$1"
		[ "$rc" != 2 ] && echo "%%rc $rc"
		if [ -s "$out" ]; then echo "%%stdout"; cat "$out"; fi
		if [ -s "$err" ]; then echo "%%stderr"; cat "$err"; fi
	} >"$tmp/refold" && cat "$tmp/refold" >"$1"
}

if [ $# -gt 0 ]; then
	cases=
	for c in "$@"; do
		cases="$cases $root/${c%/}"
	done
else
	cases="$(ls -d "$root"/*/ 2>/dev/null | sed 's,/$,,') $(ls "$root"/errors/*.test 2>/dev/null)"
fi

# Shared fixture trees, for single-file cases that run in a temporary
# directory ("$FIXTURES/check").
FIXTURES=$root/fixtures
export FIXTURES
work=$tmp/case
meta=$tmp/meta
passed=0
failed=0
failures=
for dir in $cases; do
	out=$tmp/stdout err=$tmp/stderr
	rm -f "$KCSAT_JSON_LOG"
	if [ -f "$dir" ]; then
		name=errors/$(basename "$dir")
		if ! unfold "$dir"; then
			failed=$((failed + 1))
			failures="$failures $name"
			echo "FAIL: $name (malformed case file)"
			continue
		fi
		(cd "$work" && run_timed sh "$meta.cmd") >"$out" 2>"$err" </dev/null
		rc=$?
		want_rc=$(cat "$meta.rc")
		want_out=$meta.stdout
		want_err=$meta.stderr
	else
		name=$(basename "$dir")
		[ -f "$dir/cmd" ] || continue
		(cd "$dir" && run_timed sh ./cmd) >"$out" 2>"$err" </dev/null
		rc=$?
		want_rc=0
		[ -f "$dir/expected_rc" ] && want_rc=$(cat "$dir/expected_rc")
		want_out=/dev/null
		[ -f "$dir/expected_stdout" ] && want_out=$dir/expected_stdout
		want_err=/dev/null
		[ -f "$dir/expected_stderr" ] && want_err=$dir/expected_stderr
	fi
	# lint's summary line ends with the run's wall time: not golden
	sed -E 's/^(kcsat lint: .*) in [0-9]+\.[0-9] s$/\1 in N s/' "$err" >"$err.t" && mv "$err.t" "$err"
	if [ "$update" = 1 ]; then
		if [ -f "$dir" ]; then
			refold "$dir"
		else
			cp "$out" "$dir/expected_stdout"
			if [ -s "$err" ]; then
				cp "$err" "$dir/expected_stderr"
			else
				rm -f "$dir/expected_stderr"
			fi
			echo "$rc" >"$dir/expected_rc"
		fi
		echo "updated $name (rc $rc)"
		passed=$((passed + 1))
		continue
	fi
	ok=1
	report=$tmp/report
	: >"$report"
	if [ "$rc" != "$want_rc" ]; then
		ok=0
		[ "$rc" = 124 ] && echo "  (timed out after ${limit}s)" >>"$report"
		echo "  exit code: expected $want_rc, got $rc" >>"$report"
	fi
	if ! diff -u --label expected_stdout --label actual_stdout "$want_out" "$out" >"$tmp/d1"; then
		ok=0
		cat "$tmp/d1" >>"$report"
	fi
	if ! diff -u --label expected_stderr --label actual_stderr "$want_err" "$err" >"$tmp/d2"; then
		ok=0
		cat "$tmp/d2" >>"$report"
	fi
	if [ -s "$KCSAT_JSON_LOG" ]; then
		ok=0
		cat "$KCSAT_JSON_LOG" >>"$report"
	fi
	if [ $ok = 1 ]; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		failures="$failures $name"
		echo "FAIL: $name"
		# Long diffs (a whole dump) are cut; the full one is a rerun away.
		head -n 80 "$report"
		n=$(wc -l <"$report")
		[ "$n" -gt 80 ] && echo "  ... ($((n - 80)) more lines; rerun: $0 $bin $name)"
	fi
done

[ -n "$failures" ] && echo "failed cases:$failures"
njson=0
[ -f "$KCSAT_JSON_LOG.ok" ] && njson=$(wc -l <"$KCSAT_JSON_LOG.ok")
echo "$passed passed, $failed failed ($njson JSON outputs parsed)"
[ "$failed" -eq 0 ]
