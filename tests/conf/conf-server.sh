#!/bin/sh
# Build conf-server (conf-server.c linked with the kernel's own kconfig
# sources of a cached tree) once; print its path.  Usage: conf-server.sh 6.12
set -eu
ver=${1:?usage: conf-server.sh 6.12|6.1}
here=$(cd "$(dirname "$0")" && pwd)
conf=$("$here/build-conf.sh" "$ver")	# also generates lexer/parser sources
gen=$(dirname "$conf")
tree=$(dirname "$gen")
out=$tree/.kcsat-conf-server/conf-server
if [ -x "$out" ] && [ ! "$here/conf-server.c" -nt "$out" ]; then echo "$out"; exit 0; fi
mkdir -p "$(dirname "$out")"
k=$tree/scripts/kconfig
inc="-I$gen -I$k"
[ -d "$tree/scripts/include" ] && inc="$inc -I$tree/scripts/include"
tmp=$out.tmp.$$
gcc -O2 -w $inc -c -o "$tmp.o" -Dconf_parse=fid_conf_parse "$k/conf.c" 2>"$tmp.err" &&
gcc -O2 -w $inc -o "$tmp" "$tmp.o" "$here/conf-server.c" "$k/confdata.c" "$k/expr.c" "$k/menu.c" "$k/preprocess.c" \
	"$k/symbol.c" "$k/util.c" "$gen/lexer.lex.c" "$gen/parser.tab.c" 2>"$tmp.err" || {
	cat "$tmp.err" >&2; rm -f "$tmp" "$tmp.o" "$tmp.err"; exit 2; }
rm -f "$tmp.o" "$tmp.err"
mv "$tmp" "$out"
echo "$out"
