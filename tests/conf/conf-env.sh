#!/bin/sh
# Run a command with the environment kbuild gives scripts/kconfig for an
# arch, as kcsat sets it (src/kconfig/arch.c): conf-env.sh TREE SRCARCH cmd args...
# Runs inside TREE, where conf reads ./Kconfig.
set -eu
tree=$1 srcarch=$2
shift 2
arch=$srcarch subarch=x86
[ "$srcarch" = um ] && export HEADER_ARCH=x86
kv=$(awk '/^VERSION =/{v=$3} /^PATCHLEVEL =/{p=$3} /^SUBLEVEL =/{s=$3} /^EXTRAVERSION =/{e=$3; exit} END{printf "%s.%s.%s%s", v, p, s, e}' "$tree/Makefile")
export ARCH=$arch SRCARCH=$srcarch SUBARCH=$subarch KERNELVERSION=$kv srctree=$tree
export CC=${CC:-gcc} LD=${LD:-ld} AR=${AR:-ar} NM=${NM:-nm} OBJCOPY=${OBJCOPY:-objcopy}
export PAHOLE=${PAHOLE:-pahole} RUSTC=${RUSTC:-rustc} BINDGEN=${BINDGEN:-bindgen}
export PYTHON3=${PYTHON3:-python3} CLANG_FLAGS=${CLANG_FLAGS:-}
export CC_VERSION_TEXT="$(LC_ALL=C $CC --version 2>/dev/null | head -n 1)"
export RUSTC_VERSION_TEXT="$($RUSTC --version 2>/dev/null || true)"
cd "$tree"
exec "$@"
