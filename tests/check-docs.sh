#!/bin/sh
# Documentation consistency (in the spirit of curl's test1139): the command
# table in src/cmd/main.c is sorted (main() looks commands up with bsearch), and
# every command in it
#   - is listed, with its summary, by `kcsat help`,
#   - has a subsection (.SS NAME) under COMMANDS in man/kcsat.1,
#   - ends its usage with the exit statuses of its row, 3 among them exactly
#     when the row says it can run out of --sat-budget, and its subsection
#     says exit status 3 then too (and only then),
# and every long option in the usage of `kcsat help` and of each command
# (`kcsat help NAME`, the same text as `kcsat NAME --help`) appears in
# man/kcsat.1; every lint check of the checks table has its item in LINT
# CHECKS (and the man page no other).  The page must also format without groff warnings.
#
# usage: tests/check-docs.sh KCSAT_BINARY
# Prints one line per check and "N passed, N failed"; exits 1 on failure,
# 2 on bad usage.
#
# Also printed, as notes that do not fail: long options a command's
# getopt_long table accepts but its usage does not mention.
set -u

kcsat=${1:?usage: tests/check-docs.sh KCSAT_BINARY}
top=$(cd "$(dirname "$0")/.." && pwd)
main_c=$top/src/cmd/main.c
man=$top/man/kcsat.1
[ -x "$kcsat" ] || { echo "check-docs: '$kcsat' is not executable" >&2; exit 2; }
for f in "$main_c" "$man"; do
	[ -f "$f" ] || { echo "check-docs: missing $f" >&2; exit 2; }
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
passed=0
failed=0
pass() { passed=$((passed + 1)); echo "ok   - $*"; }
fail() { failed=$((failed + 1)); echo "FAIL - $*"; }
note() { echo "note - $*"; }

# --- the table: one "name<TAB>summary<TAB>exits<TAB>budget" line per row, in
# source order (a row may span lines, a string be split in literals: joined
# first) ---
sed -n '/^const struct command commands\[\] = {/,/^};/p' "$main_c" | sed '1d;$d' |
	grep -v '^[[:space:]]*/\*' | tr '\n\t' '  ' | sed 's/"[[:space:]]*"//g; s/},/}\
/g' |
	sed -n 's/^[[:space:]]*{[[:space:]]*"\([^"]*\)",[[:space:]]*[A-Za-z_][A-Za-z0-9_]*,[[:space:]]*"\([^"]*\)",[[:space:]]*"\([^"]*\)",[[:space:]]*\(true\|false\)[[:space:]]*}[[:space:]]*$/\1	\2	\3	\4/p' \
	>"$tmp/table"
cut -f1 "$tmp/table" >"$tmp/names"
n=$(wc -l <"$tmp/names")
rows=$(sed -n '/^const struct command commands\[\] = {/,/^};/p' "$main_c" | grep -c '^[[:space:]]*{')
if [ "$n" -gt 0 ] && [ "$n" -eq "$rows" ]; then
	pass "src/cmd/main.c: commands[] has $n rows: $(tr '\n' ' ' <"$tmp/names")"
else
	fail "src/cmd/main.c: read $n of the $rows rows of commands[] (each '{ \"name\", fn, \"summary\", \"exits\", true|false },' expected)"
fi
# bsearch with strcmp: byte order, no duplicates
if LC_ALL=C sort -c -u "$tmp/names" 2>"$tmp/sort"; then
	pass "src/cmd/main.c: commands[] is sorted (strcmp order, no duplicates)"
else
	fail "src/cmd/main.c: commands[] is not sorted: $(cat "$tmp/sort")"
fi

# --- kcsat help lists every command with its summary ---
if "$kcsat" help >"$tmp/help" 2>"$tmp/err"; then
	pass "kcsat help exits 0"
else
	fail "kcsat help exits non-zero: $(cat "$tmp/err")"
fi
while IFS='	' read -r name summary exits budget; do
	if grep -q "^[[:space:]]\{1,\}${name}[[:space:]]\{1,\}" "$tmp/help"; then
		if grep "^[[:space:]]\{1,\}${name}[[:space:]]" "$tmp/help" | grep -qF -- "$summary"; then
			pass "kcsat help lists '$name' with its summary"
		else
			fail "kcsat help lists '$name' without its summary \"$summary\""
		fi
	else
		fail "kcsat help does not list '$name'"
	fi
done <"$tmp/table"

# --- man page: text with roff escapes removed, and the COMMANDS section ---
sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' -e 's/\\f(..//g' -e 's/\\&//g' \
	-e 's/\\(lq/"/g' -e 's/\\(rq/"/g' "$man" >"$tmp/man"
awk '/^\.SH/ { in_cmds = ($2 == "COMMANDS" || $2 == "\"COMMANDS\"") ; next }
	in_cmds && /^\.SS/ { s = $0; sub(/^\.SS[ \t]+/, "", s); gsub(/"/, "", s); print s }' \
	"$tmp/man" >"$tmp/subsections"
if [ -s "$tmp/subsections" ]; then
	pass "man/kcsat.1: COMMANDS has subsections: $(tr '\n' ' ' <"$tmp/subsections")"
else
	fail "man/kcsat.1: no .SS subsections under .SH COMMANDS"
fi
while IFS= read -r name; do
	if grep -qx -- "$name" "$tmp/subsections"; then
		pass "man/kcsat.1 has a subsection for '$name'"
	else
		fail "man/kcsat.1 has no '.SS $name' under COMMANDS"
	fi
done <"$tmp/names"
while IFS= read -r s; do
	grep -qx -- "$s" "$tmp/names" ||
		fail "man/kcsat.1 documents a command '$s' that src/cmd/main.c does not have"
done <"$tmp/subsections"

# --- every command's usage ends with the exit statuses of its row, and
# says exit status 3 exactly when the row says it can return it (a solve
# ran out of --sat-budget); so does its subsection in the man page ---
unknown3='3 when an answer is unknown (a SAT solve ran out of --sat-budget)'
while IFS='	' read -r name summary exits budget; do
	[ "$name" = help ] && continue	# `kcsat help help` is the general usage
	want="Exit status: $exits"
	[ "$budget" = true ] && want="$want; $unknown3"
	want="$want."
	"$kcsat" help "$name" 2>/dev/null | sed -n '/^Exit status: /,$p' | tr '\n' ' ' |
		sed 's/  */ /g; s/ $//' >"$tmp/exit"
	if [ "$(cat "$tmp/exit")" = "$want" ]; then
		pass "kcsat help $name ends with its exit statuses${budget:+ (3: $budget)}"
	else
		fail "kcsat help $name: exit statuses '$(cat "$tmp/exit")', not '$want' (src/cmd/main.c)"
	fi
	awk -v n="$name" '/^\.S[SH]/ { s = $0; sub(/^\.S[SH][ \t]+/, "", s); gsub(/"/, "", s); in_s = ($1 == ".SS" && s == n); next }
		in_s && !/^\./ { print } in_s && /^\.(B|I|BR|RB|IR|RI|BI|IB) / { sub(/^\.[A-Z]+ /, ""); gsub(/"/, ""); print }' \
		"$tmp/man" | tr '\n' ' ' | sed 's/  */ /g' >"$tmp/sec"
	if grep -q 'answer is unknown' "$tmp/sec"; then says3=true; else says3=false; fi
	if [ "$says3" = "$budget" ]; then
		pass "man/kcsat.1 .SS $name: exit status 3 $([ "$budget" = true ] && echo said || echo not said), as in commands[]"
	elif [ "$budget" = true ]; then
		fail "man/kcsat.1 .SS $name does not say exit status 3 ('... 3 when an answer is unknown ...'), which commands[] says it can return"
	else
		fail "man/kcsat.1 .SS $name says an answer can be unknown (exit status 3); commands[] says $name never returns 3"
	fi
done <"$tmp/table"

# --- every long option of every usage text is in the man page ---
# long_opts FILE: the --options a usage text mentions, one per line
long_opts() {
	grep -o -- '--[A-Za-z][A-Za-z0-9-]*' "$1" | sort -u
}
check_opts() {	# check_opts WHAT USAGE_FILE
	long_opts "$2" >"$tmp/opts"
	while IFS= read -r opt; do
		if grep -q -- "$opt\([^A-Za-z0-9-]\|$\)" "$tmp/man"; then
			pass "$1: option $opt is in man/kcsat.1"
		else
			fail "$1: option $opt is not in man/kcsat.1"
		fi
	done <"$tmp/opts"
}
check_opts "kcsat help" "$tmp/help"
while IFS= read -r name; do
	if "$kcsat" help "$name" >"$tmp/usage" 2>"$tmp/err"; then
		pass "kcsat help $name exits 0"
	else
		fail "kcsat help $name exits non-zero: $(cat "$tmp/err")"
		continue
	fi
	check_opts "kcsat help $name" "$tmp/usage"

	# Notes: options the command's getopt_long table accepts (with the
	# shared CLI_TREE_OPTIONS of include/cmd/cli.h) that its usage omits.
	src=$top/src/cmd/cmd-$name.c
	[ -f "$src" ] || continue
	{
		grep -o '{ *"[a-z][a-z0-9-]*", *[a-z_]*_argument' "$src"
		if grep -q CLI_TREE_OPTIONS "$src"; then
			grep -o '{ *"[a-z][a-z0-9-]*", *[a-z_]*_argument' "$top/include/cmd/cli.h"
		fi
	} | sed 's/^{ *"\([^"]*\)".*/--\1/' | sort -u >"$tmp/accepted"
	long_opts "$tmp/usage" >"$tmp/opts"
	while IFS= read -r opt; do
		[ "$opt" = --help ] && continue
		grep -qx -- "$opt" "$tmp/opts" ||
			note "kcsat $name accepts $opt but its usage (kcsat help $name) does not show it"
	done <"$tmp/accepted"
done <"$tmp/names"

# --- every dialect row of `kcsat --version` has its entry under KCONFIG
# DIALECTS, with the same version, and the page has no row the table lacks ---
"$kcsat" --version | sed -n 's/^  \([a-z0-9-]*\)  *\(since\|until\) \([0-9.]*\|next\) .*/\1 (\2 \3)/p' >"$tmp/rows"
sed -n '/^\.SH KCONFIG DIALECTS/,/^\.SH /p' "$man" |
	sed -n 's/^\.BR \([a-z0-9\\-]*\) "\(.*\)"$/\1\2/p' | sed 's/\\-/-/g' >"$tmp/manrows"
if [ -s "$tmp/rows" ]; then
	while IFS= read -r row; do
		if grep -qxF -- "$row" "$tmp/manrows"; then
			pass "man/kcsat.1 KCONFIG DIALECTS: $row"
		else
			fail "man/kcsat.1 KCONFIG DIALECTS has no entry '.BR ${row%% *} \" ${row#* }\"' (from kcsat --version)"
		fi
	done <"$tmp/rows"
	while IFS= read -r row; do
		grep -qxF -- "$row" "$tmp/rows" ||
			fail "man/kcsat.1 KCONFIG DIALECTS documents '$row', which kcsat --version does not list"
	done <"$tmp/manrows"
else
	fail "kcsat --version lists no dialect rows"
fi

# --- the lint checks: the table (as `kcsat help lint` lists it) against
# LINT CHECKS in the man page, one .B NAME item after .TP each; a check off
# by default says "Off by default" in its item ---
"$kcsat" help lint >"$tmp/lint" 2>/dev/null
sed -n '/^Checks:/,/(see kcsat(1), LINT CHECKS)\./p' "$tmp/lint" |
	sed -e 's/^Checks://' -e 's/(see kcsat(1), LINT CHECKS)\.//' | tr ',' '\n' |
	sed 's/[[:space:]]//g' | sed '/^$/d' >"$tmp/checks"
sed -n 's/^\(.*\) \(is\|are\) off unless asked for .*/\1/p' "$tmp/lint" | tr ',' '\n' |
	sed 's/[[:space:]]//g' | sed '/^$/d' >"$tmp/checks-off"
awk '/^\.SH/ { in_lc = ($2 == "LINT" && $3 == "CHECKS"); next }
	in_lc && prev == ".TP" && /^\.B / { s = $0; sub(/^\.B[ \t]+/, "", s); gsub(/\\-/, "-", s); name = s; print name }
	{ prev = $0 }' "$man" >"$tmp/man-checks"
awk '/^\.SH/ { in_lc = ($2 == "LINT" && $3 == "CHECKS"); next }
	in_lc && prev == ".TP" && /^\.B / { s = $0; sub(/^\.B[ \t]+/, "", s); gsub(/\\-/, "-", s); name = s }
	in_lc && name != "" && /Off by default/ { print name }
	{ prev = $0 }' "$man" | sort -u >"$tmp/man-checks-off"
if [ -s "$tmp/checks" ]; then
	pass "kcsat help lint lists $(wc -l <"$tmp/checks") checks: $(tr '\n' ' ' <"$tmp/checks")"
else
	fail "kcsat help lint lists no checks (a 'Checks: ...' paragraph)"
fi
while IFS= read -r c; do
	if grep -qxF -- "$c" "$tmp/man-checks"; then
		pass "man/kcsat.1 LINT CHECKS documents '$c'"
	else
		fail "man/kcsat.1 LINT CHECKS has no '.TP' + '.B $c' item (the check is in lint's table)"
	fi
	if grep -qxF -- "$c" "$tmp/checks-off"; then
		grep -qxF -- "$c" "$tmp/man-checks-off" ||
			fail "man/kcsat.1 LINT CHECKS: '$c' is off by default, but its item does not say 'Off by default'"
	else
		grep -qxF -- "$c" "$tmp/man-checks-off" &&
			fail "man/kcsat.1 LINT CHECKS: '$c' is on by default, but its item says 'Off by default'"
	fi
done <"$tmp/checks"
while IFS= read -r c; do
	grep -qxF -- "$c" "$tmp/checks" ||
		fail "man/kcsat.1 LINT CHECKS documents '$c', which is not in lint's table"
done <"$tmp/man-checks"

# --- the page formats cleanly ---
if command -v groff >/dev/null 2>&1; then
	if groff -ww -man -z "$man" >"$tmp/groff" 2>&1 && [ ! -s "$tmp/groff" ]; then
		pass "man/kcsat.1 formats with no groff warnings"
	else
		fail "man/kcsat.1: groff -ww -man -z: $(head -5 "$tmp/groff")"
	fi
else
	note "groff not installed; formatting not checked"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
