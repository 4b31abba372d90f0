#!/bin/sh
# The real compile check of kcsat cover's witnesses (issue 19, "Prove it"):
# for each ARCH of the sample, a patch adding one comment line at the top of
# every sample file of that arch, kcsat cover --witness on it, then for each
# witness .config the kernel's own build: make olddefconfig prepare, then
# make path/file.o for every file that witness claims to compile.
# Not in make check, nor in make integration (a prepare per arch and witness
# costs minutes; make integration-build runs it):
#   tests/build/cover-build.sh KCSAT [SAMPLE] [ARCH...]
# SAMPLE (default tests/build/cover-build.sample): lines "ARCH FILE".
# Cross compilers: Debian's gcc-aarch64-linux-gnu, gcc-arm-linux-gnueabi,
# gcc-riscv64-linux-gnu; x86 uses the host gcc.  Runs under nice -n 10 with
# make -j2 at most (KCSAT_BUILD_JOBS).  Prints one line per file (compiled,
# or failed and why) and a count by cause; exit 1 when a file failed.
set -u
kcsat=${1:?usage: cover-build.sh KCSAT [SAMPLE] [ARCH...]}
here=$(cd "$(dirname "$0")/../.." && pwd)
sample=${2:-$here/tests/build/cover-build.sample}
[ $# -ge 2 ] && shift 2 || shift $#
SRC=$("$here/tests/kernel-src.sh" 6.12) || exit 2
# the build needs the whole tree (syscall tables, scripts' data, ...), which
# kernel-src.sh leaves out: the full tarball, extracted once beside it
cache=${KCSAT_CACHE:-${HOME:-/root}/.cache/kcsat}
FULL=$cache/linux-6.12-full
if [ ! -f "$FULL/.kcsat-complete" ]; then
	echo "cover-build: extracting /usr/src/linux-source-6.12.tar.xz into $FULL (once)" >&2
	t=$cache/.tmp-full.$$
	rm -rf "$t" && mkdir -p "$t" && tar -xJf /usr/src/linux-source-6.12.tar.xz -C "$t" &&
		rm -rf "$FULL" && mv "$t/linux-source-6.12" "$FULL" && rmdir "$t" &&
		date -u +%FT%TZ >"$FULL/.kcsat-complete" || exit 2
fi
jobs=${KCSAT_BUILD_JOBS:-2}
tmp=${KCSAT_BUILD_DIR:-$(mktemp -d)}
mkdir -p "$tmp"
arches=${*:-$(awk '!/^#/ && NF == 2 { print $1 }' "$sample" | sort -u)}
: >"$tmp/results"

cross() {
	case $1 in
	x86) echo "" ;;
	arm64) echo aarch64-linux-gnu- ;;
	arm) echo arm-linux-gnueabi- ;;
	riscv) echo riscv64-linux-gnu- ;;
	*) echo "cover-build: no cross compiler known for $1" >&2; return 1 ;;
	esac
}

for arch in $arches; do
	cc=$(cross "$arch") || continue
	if ! command -v "${cc}gcc" >/dev/null 2>&1; then
		awk -v a="$arch" '$1 == a { print a, $2, "failed: toolchain", "'"${cc}"'gcc missing" }' \
			"$sample" >>"$tmp/results"
		continue
	fi
	# the patch: one comment line before line 1 of each file
	p="$tmp/$arch.patch"
	: >"$p"
	awk -v a="$arch" '$1 == a { print $2 }' "$sample" | while read -r f; do
		[ -f "$SRC/$f" ] || { echo "$arch $f failed: not-in-tree" >>"$tmp/results"; continue; }
		first=$(head -n 1 "$SRC/$f")
		printf -- '--- a/%s\n+++ b/%s\n@@ -1,1 +1,2 @@\n+/* kcsat cover-build */\n %s\n' \
			"$f" "$f" "$first" >>"$p"
	done
	w="$tmp/$arch-w"
	rm -rf "$w" && mkdir -p "$w"
	"$kcsat" cover "$p" --tree "$SRC" --arch "$arch" --witness "$w" --jobs 2 >"$tmp/$arch.cover" 2>&1
	# "ARCH BITS-bit: witness FILE compiles f:1 (hunk 1), ..."
	grep "^$arch [0-9]*-bit: witness " "$tmp/$arch.cover" | while read -r _ _ _ cfg _ list; do
		echo "$list" | tr ',' '\n' | sed 's/^ *//; s/:1 (hunk [0-9]*)$//' >"$cfg.files"
		out="$cfg.out"
		mkdir -p "$out"
		cp "$cfg" "$out/.config"
		if ! nice -n 10 make -s -C "$FULL" O="$out" ARCH="$arch" CROSS_COMPILE="$cc" \
			-j"$jobs" olddefconfig prepare >"$out/prepare.log" 2>&1; then
			while read -r f; do
				echo "$arch $f failed: prepare ($(grep -m1 -i 'error' "$out/prepare.log"))"
			done <"$cfg.files" >>"$tmp/results"
			continue
		fi
		while read -r f; do
			o=${f%.c}.o
			if nice -n 10 make -s -C "$FULL" O="$out" ARCH="$arch" CROSS_COMPILE="$cc" \
				-j"$jobs" "$o" >"$out/$(echo "$o" | tr / _).log" 2>&1 && [ -f "$out/$o" ]; then
				echo "$arch $f compiled ($(basename "$cfg"))"
			elif grep -q 'No rule to make target' "$out/$(echo "$o" | tr / _).log"; then
				echo "$arch $f failed: not-built-by-witness ($(basename "$cfg"))"
			else
				echo "$arch $f failed: compile ($(basename "$cfg"): $(grep -m1 'error' "$out/$(echo "$o" | tr / _).log"))"
			fi
		done <"$cfg.files" >>"$tmp/results"
	done
	# sample files no witness claims
	awk -v a="$arch" '$1 == a { print $2 }' "$sample" | while read -r f; do
		grep -q "^$arch $f " "$tmp/results" || echo "$arch $f failed: no-witness"
	done >>"$tmp/results"
done
cat "$tmp/results"
n=$(wc -l <"$tmp/results")
ok=$(grep -c ' compiled ' "$tmp/results")
echo "cover-build: $ok of $n files compiled with their witness"
sed -n 's/^[^ ]* [^ ]* failed: \([a-z-]*\).*/\1/p' "$tmp/results" | sort | uniq -c | sed 's/^/  failed: /'
[ "$ok" -eq "$n" ]
