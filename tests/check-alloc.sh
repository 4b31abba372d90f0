#!/bin/sh
# Every allocation in src/ goes through util/xalloc.h (xmalloc, xcalloc,
# xrealloc, xstrdup, xstrndup: out of memory is one clear error, never a
# NULL dereference later).  Prints each raw call as FILE:LINE: text and
# exits 1 if there is one.
#
# usage: tests/check-alloc.sh [ROOT]     (default: the checkout)
set -u
root=${1:-$(cd "$(dirname "$0")/.." && pwd)}
cd "$root" || exit 2
# a call of the libc allocator not preceded by an identifier character
# (so xcalloc( and my_malloc( do not count); xalloc.c is the one user
hits=$(grep -nE '(^|[^A-Za-z0-9_])(malloc|calloc|realloc|strdup|strndup|reallocarray)[[:space:]]*\(' \
	$(find src -name '*.c' ! -path src/util/xalloc.c | LC_ALL=C sort) /dev/null |
	grep -vE '^[^:]+:[0-9]+:[[:space:]]*(/?\*|//)')
if [ -n "$hits" ]; then
	echo "$hits"
	echo "check-alloc: $(echo "$hits" | wc -l) raw allocation(s): use util/xalloc.h"
	exit 1
fi
echo "check-alloc: every allocation in src/ goes through util/xalloc.h"
