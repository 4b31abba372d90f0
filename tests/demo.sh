#!/bin/sh
# `make demo`: kcsat's main job on a real kernel (Linux 6.12 from Debian's
# linux-source-6.12): the two questions of the seed thread
# (../shared/seed-thread.txt), on every architecture, shell macros not run.
set -eu
kcsat=$1
tree=$(tests/kernel-tree.sh 6.12)
out=${KCSAT_DEMO_DIR:-/tmp/kcsat-demo}
mkdir -p "$out"
echo "== Linux 6.12 ($tree): every architecture loads"
"$kcsat" dump --tree "$tree" --arch all --summary
echo
echo "== Q1: is 'depends on 64BIT' of PCI_P2PDMA redundant?"
echo "   Where can PCI_P2PDMA be enabled at all, and can ZONE_DEVICE (its other"
echo "   dependency) ever be set without 64BIT?  (UNSAT everywhere = 64BIT is implied)"
"$kcsat" sat PCI_P2PDMA 'ZONE_DEVICE && !64BIT' --tree "$tree" --arch all || true
echo
echo "== Q2: can NEED_SG_DMA_FLAGS be enabled on a 32-bit build?"
"$kcsat" sat 'NEED_SG_DMA_FLAGS && !64BIT' --tree "$tree" --arch all --bits 32 \
	--witness "$out/need-sg-dma-flags-32bit.config" | grep -v UNSAT || true
for w in "$out"/need-sg-dma-flags-32bit.config*; do
	[ -f "$w" ] || continue
	echo "   witness $w:"
	grep -E '^CONFIG_(64BIT|NEED_SG_DMA_FLAGS|IOMMU_DMA|IOMMU_SUPPORT|INTEL_IOMMU|SWIOTLB)=|^# CONFIG_64BIT ' "$w" | sed 's/^/     /'
done
echo
echo "   Check a witness with the kernel's own conf: it keeps every value."
echo "   (kcsat verify tells why a .config would not be kept; see 'kcsat help verify')"
