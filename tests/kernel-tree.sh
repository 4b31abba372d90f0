#!/bin/sh
# Print the path of a cached Kconfig-only copy of Debian's Linux source tree,
# creating it on first use.  Usage: tests/kernel-tree.sh 6.12|6.1
#
# Only the files kconfig reads are extracted (every *Kconfig*, the helper
# scripts $(shell,...) runs under --shell=run, scripts/kconfig for building the
# kernel's own conf, the top Makefile for KERNELVERSION), into
# ${KCSAT_CACHE:-$HOME/.cache/kcsat}/linux-VER, outside the git tree.
#
# 7.2 is no Debian package: it is the 6.12 copy with tests/patches/
# linux-7.2-dialect.patch applied (every construct of the newer Kconfig
# dialects in real places; see the patch's description), rebuilt when the
# patch changes.
set -eu
ver=${1:?usage: kernel-tree.sh 6.12|6.1|7.2}
case $ver in 6.12|6.1|7.2) ;; *) echo "kernel-tree.sh: unsupported version '$ver'" >&2; exit 2;; esac
cache=${KCSAT_CACHE:-${HOME:-/root}/.cache/kcsat}
dest=$cache/linux-$ver
if [ "$ver" = 7.2 ]; then
	here=$(cd "$(dirname "$0")" && pwd)
	patchfile=$here/patches/linux-7.2-dialect.patch
	sum=$(cksum <"$patchfile")
	if [ -f "$dest/.kcsat-complete" ] && [ "$(cat "$dest/.kcsat-complete")" = "$sum" ]; then
		echo "$dest"; exit 0
	fi
	base=$("$here/kernel-tree.sh" 6.12)
	echo "kernel-tree.sh: making linux-7.2 from $base and $(basename "$patchfile")" >&2
	tmp=$cache/.tmp-$ver.$$
	rm -rf "$tmp"
	cp -a "$base" "$tmp"
	(cd "$tmp" && patch -p1 -s --no-backup-if-mismatch) <"$patchfile" >&2 || {
		echo "kernel-tree.sh: $patchfile does not apply to $base" >&2; rm -rf "$tmp"; exit 2; }
	printf '%s\n' "$sum" >"$tmp/.kcsat-complete"
	rm -rf "$dest"
	mv "$tmp" "$dest"
	echo "$dest"
	exit 0
fi
if [ -f "$dest/.kcsat-complete" ]; then echo "$dest"; exit 0; fi

pkg=linux-source-$ver
tarball=/usr/src/$pkg.tar.xz
if [ ! -f "$tarball" ]; then
	if [ "$(id -u)" != 0 ]; then
		echo "kernel-tree.sh: $tarball missing; run as root or: apt-get install $pkg" >&2
		exit 2
	fi
	echo "kernel-tree.sh: installing $pkg" >&2
	{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
		apt-get install -y -qq --no-install-recommends "$pkg" xz-utils; } >&2
fi

echo "kernel-tree.sh: extracting Kconfig files of $pkg into $dest" >&2
tmp=$cache/.tmp-$ver.$$
rm -rf "$tmp"; mkdir -p "$tmp"
p=$pkg
# tar exits non-zero when a pattern matches nothing (older trees lack some);
# the checks below decide whether the extraction is usable.
tar -xJf "$tarball" -C "$tmp" --wildcards --no-wildcards-match-slash \
	--exclude='*/Documentation/*/*Kconfig*' \
	"$p/Makefile" "$p/Documentation/kbuild/kconfig-language.rst" 2>/dev/null || true
tar -xJf "$tarball" -C "$tmp" --wildcards \
	'*Kconfig*' "$p/scripts/kconfig/*" "$p/scripts/include/*" "$p/scripts/*.sh" \
	"$p/scripts/rust_is_available*" "$p/arch/*/tools/*.sh" 2>/dev/null || true
[ -f "$tmp/$p/Kconfig" ] && [ -f "$tmp/$p/scripts/kconfig/conf.c" ] || {
	echo "kernel-tree.sh: extraction of $tarball failed" >&2; rm -rf "$tmp"; exit 2; }
rm -rf "$dest"
mv "$tmp/$p" "$dest"
rmdir "$tmp"
date -u +%FT%TZ > "$dest/.kcsat-complete"
echo "$dest"
