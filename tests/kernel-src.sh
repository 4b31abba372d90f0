#!/bin/sh
# Print the path of a cached copy of Debian's Linux source tree with what
# `kcsat cover` reads: every Kconfig, Makefile and Kbuild file, the C, header
# and assembly sources, and scripts/ (for the kernel's conf).  Created on
# first use, like tests/kernel-tree.sh (which extracts the Kconfig files
# only), into ${KCSAT_CACHE:-$HOME/.cache/kcsat}/linux-VER-src.
# Usage: tests/kernel-src.sh 6.12
set -eu
ver=${1:?usage: kernel-src.sh 6.12}
case $ver in 6.12|6.1) ;; *) echo "kernel-src.sh: unsupported version '$ver'" >&2; exit 2;; esac
cache=${KCSAT_CACHE:-${HOME:-/root}/.cache/kcsat}
dest=$cache/linux-$ver-src
if [ -f "$dest/.kcsat-complete" ]; then echo "$dest"; exit 0; fi

pkg=linux-source-$ver
tarball=/usr/src/$pkg.tar.xz
if [ ! -f "$tarball" ]; then
	if [ "$(id -u)" != 0 ]; then
		echo "kernel-src.sh: $tarball missing; run as root or: apt-get install $pkg" >&2
		exit 2
	fi
	echo "kernel-src.sh: installing $pkg" >&2
	{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
		apt-get install -y -qq --no-install-recommends "$pkg" xz-utils; } >&2
fi
echo "kernel-src.sh: extracting the sources of $pkg into $dest (once)" >&2
mkdir -p "$cache"
tmp=$cache/.tmp-src-$ver.$$
rm -rf "$tmp"; mkdir -p "$tmp"
tar -xJf "$tarball" -C "$tmp" --wildcards '*Kconfig*' '*Makefile*' '*Kbuild*' '*.c' '*.h' \
	'*.S' "$pkg/scripts/*" 2>/dev/null || true
[ -f "$tmp/$pkg/Kbuild" ] && [ -f "$tmp/$pkg/drivers/pci/Makefile" ] || {
	echo "kernel-src.sh: extraction of $tarball failed" >&2; rm -rf "$tmp"; exit 2; }
rm -rf "$dest"
mv "$tmp/$pkg" "$dest"
rmdir "$tmp"
date -u +%FT%TZ > "$dest/.kcsat-complete"
echo "$dest"
