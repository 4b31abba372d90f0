#!/bin/sh
# The layering of src/ and include/ (README, Layout): the stages are, from
# the bottom,
#     util < kconfig < sat < check < cmd
# and a file of one stage includes headers of its own stage or lower ones
# only, always as "stage/name.h" (a header that exists under include/),
# or a private header beside it ("name.h" in its own folder).  Nothing
# below cmd/ includes cmd/cli.h or a command.  Only src/sat/sat.c includes
# PicoSAT and only src/check/rules.c includes libyaml.
#
# usage: tests/check-layers.sh [ROOT]     (default: the checkout)
# Prints every violation as FILE:LINE: message and a summary; exits 1 if
# there is one.  tests/check-layers-test.sh shows it failing.
set -u

root=${1:-$(cd "$(dirname "$0")/.." && pwd)}
cd "$root" || exit 2
[ -d src ] && [ -d include ] || { echo "check-layers: no src/ and include/ in $root" >&2; exit 2; }

files=$(find src include -name '*.[ch]' | LC_ALL=C sort)
headers=$(find include -name '*.h' | sed 's|^include/||' | LC_ALL=C sort | tr '\n' ' ')
locals=$(find src include -name '*.h' | LC_ALL=C sort | tr '\n' ' ')
nfiles=$(echo "$files" | wc -l)
# FILE:LINE:#include ... for every include line, judged in one awk
# shellcheck disable=SC2086
grep -Hn '^[[:space:]]*#[[:space:]]*include' $files /dev/null |
awk -v headers="$headers" -v locals="$locals" -v nfiles="$nfiles" '
BEGIN {
	split("util kconfig sat check cmd", st, " ")
	for (i = 1; i <= 5; i++) rank[st[i]] = i
	n = split(headers, h, " "); for (i = 1; i <= n; i++) header[h[i]] = 1
	n = split(locals, l, " "); for (i = 1; i <= n; i++) local[l[i]] = 1
	bad = 0
}
function violation(msg) { print file ":" line ": " msg; bad++ }
{
	file = $0; sub(/:.*/, "", file)
	rest = substr($0, length(file) + 2)
	line = rest; sub(/:.*/, "", line)
	inc = substr(rest, length(line) + 2)
	sub(/^[ \t]*#[ \t]*include[ \t]*/, "", inc); sub(/[ \t]*(\/\*.*)?$/, "", inc)
	stage = file; sub(/^[^\/]*\//, "", stage); sub(/\/.*/, "", stage)
	if (!(stage in rank)) { violation("not in a stage folder (util, kconfig, sat, check, cmd)"); next }
	if (inc ~ /^<picosat[\/.]/) {
		if (file != "src/sat/sat.c") violation("includes PicoSAT (" inc "): only src/sat/sat.c may")
	} else if (inc ~ /^<yaml/) {
		if (file != "src/check/rules.c") violation("includes libyaml (" inc "): only src/check/rules.c may")
	} else if (inc ~ /^"[^"]*\/[^"]*"$/) {
		path = substr(inc, 2, length(inc) - 2); to = path; sub(/\/.*/, "", to)
		if (!(to in rank) || !(path in header))
			violation("includes " inc ", which is no header of include/<stage>/")
		else if (rank[to] > rank[stage])
			violation(stage "/ includes " inc ": " to "/ is a higher stage (util < kconfig < sat < check < cmd)")
	} else if (inc ~ /^"/) {
		name = substr(inc, 2, length(inc) - 2); dir = file; sub(/\/[^\/]*$/, "", dir)
		if (!((dir "/" name) in local))
			violation("includes " inc ", which is neither \"stage/name.h\" nor beside it")
	}
}
END {
	if (bad) { print "check-layers: " bad " violation(s) in " nfiles " files"; exit 1 }
	print "check-layers: " nfiles " files, every include within its stage or below"
}'
