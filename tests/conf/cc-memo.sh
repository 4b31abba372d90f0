#!/bin/sh
# Build the memoizing compiler wrapper (cc-memo.c) once; print its path.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
cache=${KCSAT_CACHE:-${HOME:-/root}/.cache/kcsat}
out=$cache/cc-memo-bin/cc-memo
if [ ! -x "$out" ] || [ "$here/cc-memo.c" -nt "$out" ]; then
	mkdir -p "$cache/cc-memo-bin"
	gcc -O2 -Wall -o "$out.$$" "$here/cc-memo.c" && mv "$out.$$" "$out"
fi
echo "$out"
