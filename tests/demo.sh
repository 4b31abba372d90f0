#!/bin/sh
# `make demo`: kcsat's main job on a real kernel (Linux 6.12 from Debian's
# linux-source-6.12): the two questions of the seed thread
# (../shared/seed-thread.txt), on every architecture and bitness, shell
# macros not run.
set -eu
kcsat=$1
tree=$(tests/kernel-tree.sh 6.12)
out=${KCSAT_DEMO_DIR:-/tmp/kcsat-demo}
mkdir -p "$out"
echo "== Linux 6.12 ($tree): every architecture loads"
"$kcsat" dump --tree "$tree" --arch all --summary
echo
echo "== Where can these symbols be set? (values per arch and bitness)"
"$kcsat" matrix PCI_P2PDMA ZONE_DEVICE NEED_SG_DMA_FLAGS IOMMU_DMA 64BIT --tree "$tree" --arch all
echo
echo "== Q1: is 'depends on 64BIT' of PCI_P2PDMA redundant? What does PCI_P2PDMA imply?"
"$kcsat" implies PCI_P2PDMA --tree "$tree" --arch all
echo
echo "== ... and why can it not be enabled on 32-bit x86?"
"$kcsat" why-not PCI_P2PDMA --tree "$tree" --arch x86 --bits 32 || true
echo
echo "== Q2: can NEED_SG_DMA_FLAGS be enabled on a 32-bit build? Where and through what?"
"$kcsat" why NEED_SG_DMA_FLAGS --tree "$tree" --arch all --bits 32 \
	--witness "$out/need-sg-dma-flags-32bit.config" | grep -v "not reachable"
echo
echo "   witness written to $out/need-sg-dma-flags-32bit.config.* (a full .config;"
echo "   the kernel's conf --olddefconfig keeps every value: see tests/integration)."
echo
echo "== The patch of the thread, checked before sending: drop 'depends on 64BIT'"
echo "   (tests/patches/pci-p2pdma-64bit.patch, applied in memory on every arch)"
"$kcsat" patch tests/patches/pci-p2pdma-64bit.patch --tree "$tree" || true
