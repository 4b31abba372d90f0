#!/bin/sh
# Coverage-guided fuzzing of the front-end with libFuzzer (needs clang:
# `apt-get install clang`).  Usage: tests/fuzz/fuzz-long.sh [SECONDS] [JOBS]
#
# Builds build/libfuzzer/fuzz_parse from src/ (without the commands) and
# tests/fuzz/fuzz_parse.c with -fsanitize=fuzzer,address,undefined, then
# fuzzes for SECONDS (default 300) starting from tests/fuzz/corpus.  New
# inputs go to build/libfuzzer/corpus (the seed corpus is not modified);
# crashes, leaks, timeouts and OOMs are written to build/libfuzzer/crashes/.
# Replay one with: build/asan/fuzz_parse_replay build/libfuzzer/crashes/FILE
set -eu
cd "$(dirname "$0")/../.."
secs=${1:-300}
jobs=${2:-1}
out=build/libfuzzer
CLANG=${CLANG:-clang}
mkdir -p "$out/corpus" "$out/crashes"
srcs=
for f in src/*/*.c; do
	case $f in
	src/cmd/*.c) ;;
	*) srcs="$srcs $f" ;;
	esac
done
echo "fuzz-long: building $out/fuzz_parse" >&2
# shellcheck disable=SC2086
$CLANG -std=c11 -D_GNU_SOURCE -Iinclude -g -O1 -fno-omit-frame-pointer \
	-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
	$srcs tests/fuzz/fuzz_parse.c -o "$out/fuzz_parse" -lpicosat -lyaml
echo "fuzz-long: fuzzing for ${secs}s with $jobs job(s)" >&2
par=
[ "$jobs" -gt 1 ] && par="-jobs=$jobs -workers=$jobs"
status=0
# shellcheck disable=SC2086
"$out/fuzz_parse" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
	-max_len=16384 -dict=tests/fuzz/kconfig.dict -print_final_stats=1 \
	-artifact_prefix="$out/crashes/" $par \
	"$out/corpus" tests/fuzz/corpus || status=$?
n=$(ls "$out/crashes" | wc -l)
echo "fuzz-long: exit $status, $n artifact(s) in $out/crashes" >&2
exit $status
