#!/bin/sh
# Coverage-guided fuzzing with libFuzzer (needs clang: `apt-get install
# clang`).  Usage: tests/fuzz/fuzz-long.sh [TARGET] [SECONDS] [JOBS]
#
# TARGET is one of the fuzz targets (parse, patch, config, rules: the
# files tests/fuzz/fuzz_TARGET.c; default parse).  Builds
# build/libfuzzer/fuzz_TARGET from src/ (without the commands) and the
# target with -fsanitize=fuzzer,address,undefined, then fuzzes for SECONDS
# (default 300; 0 only builds) starting from the target's seed corpus
# (tests/fuzz/corpus and the error cases tests/cli/errors for parse,
# tests/fuzz/corpus-TARGET otherwise) with its
# dictionary when there is one (tests/fuzz/TARGET.dict; kconfig.dict for
# parse).  New inputs go to build/libfuzzer/TARGET/corpus (the seeds are not
# modified); crashes, leaks, timeouts and OOMs to
# build/libfuzzer/TARGET/crashes/.  Replay one with
# build/asan/fuzz_TARGET_replay build/libfuzzer/TARGET/crashes/FILE.
# libFuzzer's per-input timeout is wall-clock (10 s): on a loaded machine
# set FUZZ_TIMEOUT=SECONDS higher, or every slow moment becomes a
# "timeout" artifact that replays in milliseconds.
set -eu
cd "$(dirname "$0")/../.."
target=parse
case ${1:-} in
[a-z]*) target=$1; shift ;;
esac
secs=${1:-300}
jobs=${2:-1}
[ -f "tests/fuzz/fuzz_$target.c" ] || { echo "fuzz-long: no target '$target'" >&2; exit 2; }
seeds=tests/fuzz/corpus-$target
dict=tests/fuzz/$target.dict
if [ "$target" = parse ]; then
	seeds="tests/fuzz/corpus tests/cli/errors"
	dict=tests/fuzz/kconfig.dict
fi
out=build/libfuzzer/$target
bin=build/libfuzzer/fuzz_$target
CLANG=${CLANG:-clang}
mkdir -p "$out/corpus" "$out/crashes"
srcs=
for f in src/*/*.c; do
	case $f in
	src/cmd/*.c) ;;
	*) srcs="$srcs $f" ;;
	esac
done
echo "fuzz-long: building $bin" >&2
# shellcheck disable=SC2086
$CLANG -std=c11 -D_GNU_SOURCE -Iinclude -g -O1 -fno-omit-frame-pointer \
	-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
	$srcs tests/fuzz/fuzz.c "tests/fuzz/fuzz_$target.c" -o "$bin" -lpicosat -lyaml
[ "$secs" -gt 0 ] || exit 0
echo "fuzz-long: fuzzing $target for ${secs}s with $jobs job(s)" >&2
par=
[ "$jobs" -gt 1 ] && par="-jobs=$jobs -workers=$jobs"
dopt=
[ -f "$dict" ] && dopt=-dict=$dict
status=0
# shellcheck disable=SC2086
"$bin" -max_total_time="$secs" -timeout="${FUZZ_TIMEOUT:-10}" -rss_limit_mb=2048 \
	-max_len=16384 $dopt -print_final_stats=1 \
	-artifact_prefix="$out/crashes/" $par \
	"$out/corpus" $seeds || status=$?
n=$(ls "$out/crashes" | wc -l)
echo "fuzz-long: exit $status, $n artifact(s) in $out/crashes" >&2
exit $status
