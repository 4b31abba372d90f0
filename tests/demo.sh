#!/bin/sh
# `make demo`: kcsat's main job on a real kernel (Linux 6.12 from Debian's
# linux-source-6.12), the questions of ../shared/seed-thread.txt.
set -eu
kcsat=$1
tree=$(tests/kernel-tree.sh 6.12)
echo "== Linux 6.12 ($tree): every architecture, shell macros not executed"
"$kcsat" dump --tree "$tree" --arch all --summary
echo
echo "== What the front-end knows about the seed thread's symbols (x86):"
"$kcsat" dump --tree "$tree" --arch x86 | awk '
	/^config / { show = ($2 == "PCI_P2PDMA" || $2 == "NEED_SG_DMA_FLAGS" || $2 == "IOMMU_DMA" || $2 == "ZONE_DEVICE") }
	show'
