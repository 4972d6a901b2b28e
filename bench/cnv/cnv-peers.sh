#!/usr/bin/env bash
# CNVkit and delly on a copy-number set's samples, for bench/cnv-eval.sh's PEERS_DIR: CNVkit's default WGS batch with
# the set's panel.tsv normals as its reference (--target-avg-size 5000), delly call (DEL/DUP); seconds in times.tsv.
#
#   bash bench/cnv/cnv-peers.sh SET_DIR OUT_DIR        # REF: the reference (default: ref.fa beside SET_DIR)
#
# Writes OUT_DIR/<sample>/<sample>.call.cns (CNVkit) and OUT_DIR/<sample>/delly.bcf for every sample of the set's
# sheet that is not a panel normal. Panel BAMs marked "shared" in panel.tsv are looked for in SET_DIR/.. .
set -euo pipefail
SET=$(cd "$1" && pwd)
OUT=$2
REF=${REF:-$(dirname "$SET")/ref.fa}
mkdir -p "$OUT"
cd "$OUT"
[ -f access.bed ] || cnvkit access "$REF" -o access.bed
: > times.tsv
run() { local label=$1; shift; local t0 t1; t0=$(date +%s.%N); "$@"; t1=$(date +%s.%N)
  printf '%s\t%s\n' "$label" "$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.1f", b - a}')" >> times.tsv; }
normals=()
while IFS=$'\t' read -r alias bam folder; do
  dir=$SET; [[ $folder == shared ]] && dir=$(dirname "$SET")
  normals+=("$dir/$bam")
done < <(tail -n +2 "$SET/panel.tsv")
mkdir -p ref
run "cnvkit reference" cnvkit batch -m wgs --access access.bed --target-avg-size 5000 -f "$REF" \
  --normal "${normals[@]}" --output-reference ref.cnn -d ref -p 1 > ref.log 2>&1
for s in $(awk -F'\t' 'NR > 1 && $5 != "normal" {print $3}' "$SET/samplesheet.tsv"); do
  mkdir -p "$s"
  run "$s cnvkit" cnvkit batch "$SET/$s.bam" -r ref.cnn -m wgs -d "$s" -p 1 > "$s/cnvkit.log" 2>&1
  run "$s delly" delly call -g "$REF" -o "$s/delly.bcf" "$SET/$s.bam" > "$s/delly.log" 2>&1
done
