#!/bin/sh
# The real compile check of kcsat cover's witnesses (issue 19, "Prove it"):
# for each ARCH of the sample, a patch adding one comment line at the top of
# every sample file of that arch, kcsat cover --witness on it (each witness
# the arch's defconfig with the fewest changes, kcsat's default), then for
# each witness .config the kernel's own build: make olddefconfig prepare,
# then make path/file.o for every file that witness claims to compile.
# Also checks that the kernel's olddefconfig keeps every line of each
# witness's fragment (the changes from the defconfig).
# Not in make check, nor in make integration (a prepare per arch and witness
# costs minutes; make integration-build runs it):
#   tests/build/cover-build.sh KCSAT [SAMPLE] [ARCH...]
# SAMPLE (default tests/build/cover-build.sample): lines "ARCH FILE".
# Cross compilers: Debian's gcc-aarch64-linux-gnu, gcc-arm-linux-gnueabi,
# gcc-riscv64-linux-gnu; x86 uses the host gcc.  Runs under nice -n 10 with
# make -j2 at most (KCSAT_BUILD_JOBS).  Prints one line per file (compiled,
# or failed and why; a compile that fails is tried once more with -j1, and
# one that then compiles is said to have needed the retry) and the counts
# per arch, files counted once whatever the number of witnesses claiming
# them; exit 1 when a file failed or a fragment line was lost.
set -u
kcsat=${1:?usage: cover-build.sh KCSAT [SAMPLE] [ARCH...]}
here=$(cd "$(dirname "$0")/../.." && pwd)
sample=${2:-$here/tests/build/cover-build.sample}
[ $# -ge 2 ] && shift 2 || shift $#
# the build needs the whole tree (syscall tables, scripts' data, ...), which
# tests/kernel-src.sh leaves out, and kcsat reads the defconfigs: the full
# tarball, extracted once beside it
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
: >"$tmp/fragments"
: >"$tmp/fragment-lines"

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
		[ -f "$FULL/$f" ] || { echo "$arch $f failed: not-in-tree" >>"$tmp/results"; continue; }
		first=$(head -n 1 "$FULL/$f")
		printf -- '--- a/%s\n+++ b/%s\n@@ -1,1 +1,2 @@\n+/* kcsat cover-build */\n %s\n' \
			"$f" "$f" "$first" >>"$p"
	done
	w="$tmp/$arch-w"
	rm -rf "$w" && mkdir -p "$w"
	"$kcsat" cover "$p" --tree "$FULL" --arch "$arch" --witness "$w" --jobs 2 >"$tmp/$arch.cover" 2>&1
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
		# the kernel's olddefconfig keeps each line of the fragment
		frag=${cfg%.config}.fragment
		if [ -f "$frag" ]; then
			grep '^CONFIG_\|^# CONFIG_.* is not set$' "$frag" | while read -r l; do
				case $l in
				"# CONFIG_"*) n=${l#\# }; n=${n%% *}
					grep -q "^$n=" "$out/.config" && echo "$arch $(basename "$cfg") lost: $l" ;;
				*) grep -qxF "$l" "$out/.config" || echo "$arch $(basename "$cfg") lost: $l" ;;
				esac
			done >>"$tmp/fragments"
			echo "$arch $(basename "$cfg") $(grep -c '^CONFIG_\|^# CONFIG_.* is not set$' "$frag")" \
				>>"$tmp/fragment-lines"
		fi
		while read -r f; do
			# make's target is the object as the Makefile that lists it
			# names it (kcsat's first "built by" line): amdgpu's Makefile
			# builds ../amdkfd/*.o with its own include paths
			mk=$(awk -v t="$arch: $f:1 (hunk 1)" '$0 == t { getline; sub(/^\tbuilt by: /, ""); sub(/:.*/, ""); print; exit }' \
				"$tmp/$arch.cover")
			o=${f%.c}.o
			if [ -n "$mk" ]; then
				rel=$(realpath -m --relative-to="$(dirname "$mk")" "$f")
				case $rel in ../*) o=$(dirname "$mk")/${rel%.c}.o ;; esac
			fi
			log=$out/$(echo "${f%.c}.o" | tr / _).log
			retry=
			if ! nice -n 10 make -s -C "$FULL" O="$out" ARCH="$arch" CROSS_COMPILE="$cc" \
				-j"$jobs" "$o" >"$log" 2>&1 || [ ! -f "$out/$o" ]; then
				retry=" after a retry; first: $(grep -m1 'error' "$log")"
				mv "$log" "$log.1"
				nice -n 10 make -s -C "$FULL" O="$out" ARCH="$arch" CROSS_COMPILE="$cc" \
					-j1 "$o" >"$log" 2>&1 || rm -f "$out/$o"
			fi
			if [ -f "$out/$o" ]; then
				echo "$arch $f compiled ($(basename "$cfg")$retry)"
			elif grep -q 'No rule to make target' "$log"; then
				echo "$arch $f failed: not-built-by-witness ($(basename "$cfg"))"
			else
				echo "$arch $f failed: compile ($(basename "$cfg"): $(grep -m1 'error' "$log"))"
			fi
		done <"$cfg.files" >>"$tmp/results"
	done
	# sample files no witness claims
	awk -v a="$arch" '$1 == a { print $2 }' "$sample" | while read -r f; do
		grep -q "^$arch $f " "$tmp/results" && continue
		# a sample file no configuration of the arch compiles (kcsat's
		# answer, with the Kconfig line in $arch.cover) has no witness
		if grep -qxF "  $f:1 (hunk 1): compiled on no arch" "$tmp/$arch.cover"; then
			echo "$arch $f uncompilable (kcsat: no $arch configuration compiles it)"
		else
			echo "$arch $f failed: no-witness"
		fi
	done >>"$tmp/results"
done
cat "$tmp/results"
# Count files, not (file, witness) lines: on an arch with two bitnesses a file
# may be claimed by both witnesses.  A file is compiled when every witness
# that claims it compiled it; otherwise it failed, with the cause of its
# first failure.
awk '
{ k = $1 " " $2
  if (!(k in st)) { order[++n] = k; st[k] = "" }
  if ($3 == "uncompilable") st[k] = "uncompilable"
  else if ($3 == "compiled") { if (st[k] == "") st[k] = "compiled" }
  else if (st[k] == "" || st[k] == "compiled") { c = $4; sub(/[^a-z-].*/, "", c); st[k] = c }
}
END {
  for (i = 1; i <= n; i++) {
    k = order[i]; split(k, f, " "); a = f[1]
    if (!(a in seen)) { seen[a] = 1; arches[++na] = a }
    if (st[k] == "uncompilable") { unc[a]++; continue }
    tot[a]++; all++
    if (st[k] == "compiled") { ok[a]++; okall++ }
    else { why[a " " st[k]]++; causes[st[k]] = 1 }
  }
  for (i = 1; i <= na; i++) {
    a = arches[i]; line = sprintf("cover-build: %s: %d of %d files compiled", a, ok[a] + 0, tot[a])
    for (c in causes) if ((a " " c) in why) line = line sprintf(", %d failed: %s", why[a " " c], c)
    if (unc[a]) line = line sprintf(" (and %d that no %s configuration compiles, left out)", unc[a], a)
    print line
  }
  printf "cover-build: %d of %d files compiled with their witness\n", okall + 0, all
  exit okall == all ? 0 : 1
}' "$tmp/results"
rc=$?
retried=$(grep -c ' compiled (.* after a retry' "$tmp/results")
[ "$retried" -gt 0 ] && echo "cover-build: $retried compiled only on the retry"
cat "$tmp/fragments"
echo "cover-build: make olddefconfig kept $(( $(awk '{ n += $3 } END { print n + 0 }' "$tmp/fragment-lines") - $(wc -l <"$tmp/fragments") )) of $(awk '{ n += $3 } END { print n + 0 }' "$tmp/fragment-lines") fragment lines ($(wc -l <"$tmp/fragment-lines") fragments)"
[ $rc -eq 0 ] && [ ! -s "$tmp/fragments" ]
