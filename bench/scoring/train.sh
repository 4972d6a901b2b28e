#!/usr/bin/env bash
# train.sh: makes the scorer's shipped models (pipeline-core/src/main/resources/gap/scoring/gap-scorer.* from
# MODEL_DIR, and gap-scorer-sites.* from MODEL_DIR/sites: the same training without the read-evidence features, for
# calls genotyped from gVCFs, which carry site annotations only).
#   GAP=/path/to/gap bench/scoring/train.sh WORKDIR [MODEL_DIR]
# One `gap call` per training set (skipped when WORKDIR already holds its VCF), then `gap train-scorer` on the calls
# with their truth VCFs (labels by gap concordance's haplotype matching, all calls); per class the cutoff with the best
# mean per-set F1 on out-of-fold scores (--cutoff-rule F1), each set its own fold. BY_GROUP=1 holds out each genome
# with its other depth instead (the group column): stricter held-out figures, but then the nested cutoff choice of a
# held-out artefact genome sees one artefact genome less (see bench/scoring/RESULTS.md). Scoring does not change the
# calls' annotations, so any scorer may write these VCFs. Sets: /work/shared/data (hard1 15x/30x, hard2 15x/30x, trio1
# child) and the generated sets of /work/scratch/sets (see bench/eval/make-sets.sh). Same VCFs -> same model bytes.
set -euo pipefail
GAP=${GAP:?set GAP to the gap command}
work=$1; model=${2:-$work/model}
mkdir -p "$work/calls" "$model"
D=/work/shared/data; S=${SETS:-/work/scratch/sets}
# name  dir  samplesheet  pedigree  truth  column  group (one genome with its artefacts, at its depths: held out together)
sets="hard2-30x $D/hard2 hard2.samplesheet-30x.tsv - hard2_proband.truth.vcf.gz 0 hard2
hard2-15x $D/hard2 hard2.samplesheet-15x.tsv - hard2_proband.truth.vcf.gz 0 hard2
hard1-30x $D hard1.samplesheet-30x.tsv - hard1_proband.truth.vcf.gz 0 hard1
hard1-15x $D hard1.samplesheet-15x.tsv - hard1_proband.truth.vcf.gz 0 hard1
trio1-child $D samplesheet.tsv trio1.ped trio1_child.truth.vcf.gz 2 trio1
art25 $S/art25 art25.samplesheet.tsv - art_proband.truth.vcf.gz 0 art
art12 $S/art12 art12.samplesheet.tsv - art_proband.truth.vcf.gz 0 art
dw30 $S/dw30 dw30.samplesheet.tsv - dw_proband.truth.vcf.gz 0 dw
dw15 $S/dw15 dw15.samplesheet.tsv - dw_proband.truth.vcf.gz 0 dw
lq25 $S/lq25 lq25.samplesheet.tsv - lq_proband.truth.vcf.gz 0 lq25
easy45 $S/easy45 easy45.samplesheet.tsv - easy45_proband.truth.vcf.gz 0 easy45
trio2-child $S/trio2 trio2.samplesheet.tsv trio2.ped trio2_child.truth.vcf.gz 2 trio2"
# CANDIDATE=1 adds three artefact genomes of other simulators (bench/eval/make-sets.sh dwa40 hsx18 ms55): the
# 15-set candidate of bench/scoring/RESULTS.md, not shipped (it passes one of the NMBZ cluster's SNVs and filters a
# true SNV of a gVCF-joint trio), its F1 cutoffs taken only for a rise of the mean per-set F1 of 0.005 or more.
# Without it, the 12 sets above and the plain F1 rule: the shipped files' recipe (their trees, split for split, on the
# calls of s17's branch with MQ0F,LMQF withheld; today's calls give another model: bench/scoring/RESULTS.md, u17).
rule=(--cutoff-rule F1)
if [ "${CANDIDATE:-0}" = 1 ]; then
  sets="$sets
dwa40 $S/dwa40 dwa40.samplesheet.tsv - dwa_proband.truth.vcf.gz 0 dwa40
hsx18 $S/hsx18 hsx18.samplesheet.tsv - hsx_proband.truth.vcf.gz 0 hsx18
ms55 $S/ms55 ms55.samplesheet.tsv - ms_proband.truth.vcf.gz 0 ms55"
  rule=(--cutoff-rule F1 --min-gain 0.005)
fi
# DIVERGED=1 adds two genomes whose paralogues are 4-7 % diverged (bench/eval/make-sets.sh pdx30 pdd20; reads with
# many mismatches, as in bcftools' annot-NMBZ.1.bam) and takes the F1_NO_SET_WORSE rule: a candidate, not shipped
# (held out, lq25 loses true SNVs; bench/scoring/RESULTS.md, sc17). SETS=DIR reads the generated sets from DIR.
if [ "${DIVERGED:-0}" = 1 ]; then
  sets="$sets
pdx30 $S/pdx30 pdx30.samplesheet.tsv - pdx_proband.truth.vcf.gz 0 pdx30
pdd20 $S/pdd20 pdd20.samplesheet.tsv - pdd_proband.truth.vcf.gz 0 pdd20"
  rule=(--cutoff-rule F1_NO_SET_WORSE)
fi
table="$work/sets.tsv"
printf 'name\treference\tcalls\ttruth\tconfident\tsample\tgroup\n' > "$table"
while read -r name dir sheet ped truth column group; do
  out="$work/calls/$name"
  if ! ls "$out"/*.vcf.gz >/dev/null 2>&1; then
    extra=(); [ "$ped" != "-" ] && extra=(--pedigree "$dir/$ped")
    "$GAP" call -R "$dir/ref.fa" --sample-sheet "$dir/$sheet" -O "$out" --threads 2 "${extra[@]}" 2> "$out.log"
  fi
  vcf=$(ls "$out"/*.vcf.gz | head -1)
  [ "${BY_GROUP:-0}" = 1 ] || group=$name
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$dir/ref.fa" "$vcf" "$dir/$truth" "$dir/confident.bed" "$column" \
    "$group" >> "$table"
done <<< "$sets"
"$GAP" train-scorer --sets "$table" -O "$model" "${rule[@]}"
mkdir -p "$model/sites"
# withheld: the read evidence gVCF records do not carry; HETB (from AD, which they do carry) stays
"$GAP" train-scorer --sets "$table" -O "$model/sites" "${rule[@]}" --withhold NMBZ,NMD,SCD,ENDD,ABQR,RPU,RPL,MQ0F,LMQF
