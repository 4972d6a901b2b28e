#!/usr/bin/env bash
# The gVCF path against joint calling from BAMs on one trio, measured in the same run (issue 22). Not part of CI.
# For each person: gap call --gvcf (one-row sheet); then gap joint of the three gVCFs with the pedigree, and gap call
# of the three BAMs with the pedigree, each ROUNDS times in alternating order (wall/CPU seconds, --threads THREADS,
# load average before each run); per-person concordance of both outputs (gap concordance) and their de novo rows.
#   bash bench/gvcf/run.sh SHEET PED TRUTH_PREFIX OUT
# SHEET: the trio's sample sheet (its bam column relative to the sheet's folder); TRUTH_PREFIX: truth of sample alias A
# is TRUTH_PREFIX/A.truth.vcf.gz. Environment: DATA (ref.fa, confident.bed; default /work/shared/data), ROUNDS (2),
# THREADS (2), CONFIDENT (default DATA/confident.bed; "none" for no regions), GAP_CMD (default: the checkout's gap).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
DATA=$(realpath "${DATA:-/work/shared/data}")
ROUNDS=${ROUNDS:-2}
THREADS=${THREADS:-2}
CONFIDENT=${CONFIDENT:-$DATA/confident.bed}
[ $# -eq 4 ] || { sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
SHEET=$(realpath "$1"); PED=$(realpath "$2"); TRUTHS=$(realpath "$3"); OUT=$4
mkdir -p "$OUT"; OUT=$(realpath "$OUT")
read -r -a GAP <<< "${GAP_CMD:-$ROOT/gap}"  # GAP_CMD: another gap command (e.g. a frozen jar)
KEYS=(--keystore "$OUT/keys/lab.p12" --keystore-password-file "$OUT/keys/pw")
mkdir -p "$OUT/keys"; [ -f "$OUT/keys/pw" ] || echo "bench-gvcf-password" > "$OUT/keys/pw"
[ -f "$OUT/keys/lab.p12" ] || "${GAP[@]}" keys init "${KEYS[@]}" >/dev/null
REF=$DATA/ref.fa
load() { cut -d' ' -f1-3 /proc/loadavg; }
# wall seconds, and the CPU seconds (user + system) after a slash: on a shared machine the CPU is the steadier figure
wall() { /usr/bin/time -f "%e %U %S" -o "$OUT/last.time" "$@" >/dev/null 2>"$OUT/last.err" \
           || { cat "$OUT/last.err" >&2; exit 1; }
         read -r e u s < "$OUT/last.time"; echo "$e/$(echo "$u + $s" | bc)"; }
dir=$(dirname "$SHEET")
header=$(head -1 "$SHEET")
mapfile -t rows < <(tail -n +2 "$SHEET")
abs_sheet=$OUT/bams.tsv; echo "$header" > "$abs_sheet"; echo "$header" > "$OUT/gvcfs.tsv"
aliases=()
for row in "${rows[@]}"; do
  IFS=$'\t' read -r -a f <<< "$row"
  bam=${f[6]}; [[ $bam = /* ]] || bam=$dir/$bam
  f[6]=$bam; (IFS=$'\t'; echo "${f[*]}") >> "$abs_sheet"
  aliases+=("${f[2]}")
done
echo "# gVCF per person (gap call --gvcf --threads $THREADS)"
for i in "${!rows[@]}"; do
  a=${aliases[$i]}; one=$OUT/$a.tsv
  { echo "$header"; sed -n "$((i + 2))p" "$abs_sheet"; } > "$one"
  echo "load $(load)"
  s=$(wall "${GAP[@]}" call -R "$REF" --sample-sheet "$one" -O "$OUT/gvcf-$a" --gvcf --no-qc --overwrite \
        --threads "$THREADS" "${KEYS[@]}")
  g=$(ls "$OUT/gvcf-$a"/*.g.vcf.gz)
  echo "$a gvcf_call_s $s gvcf_bytes $(stat -c %s "$g")"
  IFS=$'\t' read -r -a f <<< "$(sed -n "$((i + 2))p" "$abs_sheet")"; f[6]=$g
  (IFS=$'\t'; echo "${f[*]}") >> "$OUT/gvcfs.tsv"
done
echo "# rounds, alternating order (wall s, --threads $THREADS)"
bam_call() { wall "${GAP[@]}" call -R "$REF" --sample-sheet "$abs_sheet" --pedigree "$PED" -O "$OUT/bams" --no-qc \
               --overwrite --threads "$THREADS" "${KEYS[@]}"; }
joint() { wall "${GAP[@]}" joint -R "$REF" --sample-sheet "$OUT/gvcfs.tsv" --pedigree "$PED" -O "$OUT/joint" \
            --no-qc --overwrite --threads "$THREADS" "${KEYS[@]}"; }
for r in $(seq 1 "$ROUNDS"); do
  if (( r % 2 )); then
    l1=$(load); b=$(bam_call); l2=$(load); j=$(joint)
  else
    l2=$(load); j=$(joint); l1=$(load); b=$(bam_call)
  fi
  echo "round $r call_bams_s $b (load $l1) joint_gvcfs_s $j (load $l2) wall_ratio" \
    "$(echo "scale=2; ${b%/*} / ${j%/*}" | bc) cpu_ratio $(echo "scale=2; ${b#*/} / ${j#*/}" | bc)"
done
echo "# concordance per person (SNV/indel F1)"
regions=(); [ "$CONFIDENT" = none ] || regions=(--confident "$CONFIDENT")
for i in "${!aliases[@]}"; do
  a=${aliases[$i]}
  for run in bams joint; do
    v=$(ls "$OUT/$run"/*.vcf.gz | grep -v '\.g\.vcf\.gz$')
    col=$(bcftools query -l "$v" | sed -n "$((i + 1))p")
    "${GAP[@]}" concordance -R "$REF" --truth "$TRUTHS/$a.truth.vcf.gz" --calls "$v" --calls-sample "$col" \
      "${regions[@]}" -O "$OUT/conc-$run-$a.tsv" >/dev/null 2>"$OUT/last.err" || { cat "$OUT/last.err" >&2; exit 1; }
    echo "$a $run $(awk -F'\t' '$1 == "SNV" || $1 == "INDEL" {printf "%s TP %s FP %s FN %s F1 %s  ", $1, $2, $3, $4, $7}' \
      "$OUT/conc-$run-$a.tsv")"
  done
done
echo "# de novo rows (bams, joint)"
for run in bams joint; do grep -v '^#' "$OUT/$run/denovo.tsv" | cut -f1-12 | sed "s/^/$run\t/"; done
