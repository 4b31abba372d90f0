#!/bin/sh
# Build the kernel's own scripts/kconfig/conf from a cached Debian tree
# (tests/kernel-tree.sh), once; print its path.  Usage: build-conf.sh 6.12
set -eu
ver=${1:?usage: build-conf.sh 6.12|6.1}
here=$(cd "$(dirname "$0")/.." && pwd)
tree=$("$here/kernel-tree.sh" "$ver")
out=$tree/.kcsat-conf
if [ -x "$out/conf" ]; then echo "$out/conf"; exit 0; fi
for tool in flex bison gcc; do
	command -v $tool >/dev/null || { echo "build-conf.sh: $tool missing (make test-deps)" >&2; exit 2; }
done
tmp=$out.tmp.$$
rm -rf "$tmp"; mkdir -p "$tmp"
k=$tree/scripts/kconfig
flex -o "$tmp/lexer.lex.c" "$k/lexer.l"
bison -t -l -o "$tmp/parser.tab.c" --defines="$tmp/parser.tab.h" "$k/parser.y" 2>/dev/null
inc="-I$tmp -I$k"
[ -d "$tree/scripts/include" ] && inc="$inc -I$tree/scripts/include"
gcc -O2 -w $inc -o "$tmp/conf" "$k/conf.c" "$k/confdata.c" "$k/expr.c" "$k/menu.c" \
	"$k/preprocess.c" "$k/symbol.c" "$k/util.c" "$tmp/lexer.lex.c" "$tmp/parser.tab.c"
rm -rf "$out"; mv "$tmp" "$out"
echo "$out/conf"
