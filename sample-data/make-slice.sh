#!/usr/bin/env bash
# Cuts the committed slice of sample-data/ from the full set (shared/data, see its README).
# Needs samtools, bcftools and tabix (Debian 12: 1.16). Run from anywhere:
#   bash sample-data/make-slice.sh [FULL_DATA_DIR]
# A rerun gives the same files, byte for byte (samtools/bcftools write no time stamps with --no-PG/--no-version).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
src=${1:-$here/../../shared/data}
REGION=chr22_20_21M:100001-300000          # 200 kb, 1-based inclusive: holds most hard cases of hard-cases.tsv
CUT_BED=$'chr22_20_21M\t100000\t300000\nchrM\t0\t16569'
# Confident regions: the slice trimmed by 500 bp at each inner edge (reads spilling past the cut make false calls).
CONF_BED=$'chr22_20_21M\t100500\t299500\nchrM\t0\t16569'

cd "$here"
cp "$src"/ref.fa "$src"/ref.fa.fai "$src"/ref.dict .
cp "$src"/known-sites.vcf.gz "$src"/known-sites.vcf.gz.tbi .
cp "$src"/samplesheet.tsv "$src"/trio1.ped "$src"/hard1.ped "$src"/hard-cases.tsv "$src"/trio1.denovo.tsv .
cp "$src"/hard1.samplesheet-15x.tsv .

printf '%s\n' "$CONF_BED" > confident.bed
printf '%s\n' "$CUT_BED" > slice.bed

for bam in trio1_child trio1_father trio1_mother hard1_proband_15x; do
  samtools view --no-PG -b -o "$bam.bam" "$src/$bam.bam" "$REGION" chrM
  samtools index "$bam.bam"
done

for vcf in trio1_child.truth trio1_father.truth trio1_mother.truth trio1.truth hard1_proband.truth hard1_proband.truth.nosplit; do
  bcftools view --no-version -R slice.bed -Oz -o "$vcf.vcf.gz" "$src/$vcf.vcf.gz"
  tabix -f -p vcf "$vcf.vcf.gz"
done
awk -F'\t' 'NR==1 || ($1=="chr22_20_21M" && $2>100000 && $2<=300000) || $1=="chrM"' "$src"/hard1.classes.tsv > hard1.classes.tsv
# The som1 tumour-normal pair (shared/data/som1): the same cut of chr22 (no somatic event is on chrM), its truths,
# the artefact sites in the slice and its sample sheet.
for bam in som1_tumour som1_normal; do
  samtools view --no-PG -b -o "$bam.bam" "$src/som1/$bam.bam" "$REGION"
  samtools index "$bam.bam"
done
for vcf in som1.somatic.truth som1.germline.truth; do
  bcftools view --no-version -R slice.bed -Oz -o "$vcf.vcf.gz" "$src/som1/$vcf.vcf.gz"
  tabix -f -p vcf "$vcf.vcf.gz"
done
awk -F'\t' 'NR==1 || ($1=="chr22_20_21M" && $2>100000 && $2<=300000)' "$src"/som1/som1.artefacts.tsv > som1.artefacts.tsv
cp "$src"/som1/som1.samplesheet.tsv .
rm slice.bed
sha256sum -- *.fa *.fai *.dict *.bam *.bai *.vcf.gz *.tbi *.bed *.tsv *.ped > SHA256SUMS
