#!/usr/bin/env bash
# Copy-number accuracy of gap against a set's truth (and, when their outputs are given, CNVkit's and delly's):
# builds the set's panel with gap cnv-panel from its panel.tsv normals, runs gap cnv on its proband samples, and
# scores every truth event with cnv_score.py (found: same direction, reciprocal overlap >= 50 %; copy number and
# mosaic flag; breakpoint errors; false calls). Not part of CI.
#
#   bash bench/cnv-eval.sh SET_DIR [PEERS_DIR]          # WITH_PANEL_NORMALS=1: call the panel's normals too
#
# SET_DIR holds a set made as ../shared/data/cnv1 is (make-cnv1.sh: samplesheet.tsv, panel.tsv, truth.cnv.bed,
# BAMs); panel BAMs marked "shared" are looked for in SET_DIR/.. . PEERS_DIR, when given, holds <sample>/<sample>.call.cns
# (CNVkit batch) and <sample>/delly.bcf (delly call). REF: the reference (default: ref.fa beside SET_DIR, else
# ../shared/data/ref.fa from the repository's parent). Needs java 17, python3 (and bcftools for delly's BCF).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SET=$(cd "$1" && pwd)
PEERS=${2:-}
T=$(mktemp -d "${TMPDIR:-/tmp}/gap-cnv-eval.XXXXXX")
trap 'rm -rf "$T"' EXIT
export GAP_KEYSTORE_PASSWORD=cnv-eval-only
"$ROOT/gap" keys init --keystore "$T/lab.p12" >/dev/null 2>&1
KEYS=(--keystore "$T/lab.p12")
# the reference: REF, else the shared data folder's (sets are made on it), beside the set or the repository
REF=${REF:-$(dirname "$SET")/ref.fa}
[[ -f $REF ]] || REF=$ROOT/../../shared/data/ref.fa
[[ -f $REF ]] || { echo "cnv-eval.sh: no ref.fa beside the set; give REF=" >&2; exit 1; }

# the panel: panel.tsv's normals, with their sheet rows (sex) from the set's or the shared folder's sheet
{
  head -1 "$SET/samplesheet.tsv"
  tail -n +2 "$SET/panel.tsv" | while IFS=$'\t' read -r alias bam folder; do
    dir=$SET; [[ $folder == shared ]] && dir=$(dirname "$SET")
    [[ -f $dir/$bam ]] || dir=$ROOT/../shared/data
    awk -F'\t' -v OFS='\t' -v a="$alias" -v d="$dir" '$3 == a {$5 = "normal"; $7 = d "/" $7; print}' \
      "$dir/samplesheet.tsv"
  done
} > "$T/panel.tsv"
# the samples: the sheet's probands, and its panel normals too with WITH_PANEL_NORMALS=1 (cnv1's one normal is
# in its panel: calling it against a panel that holds it is the only no-change check that set has)
{
  head -1 "$SET/samplesheet.tsv"
  awk -F'\t' -v OFS='\t' -v d="$SET" -v all="${WITH_PANEL_NORMALS:-0}" \
    'NR > 1 && ($5 != "normal" || all == 1) {$7 = d "/" $7; print}' "$SET/samplesheet.tsv"
} > "$T/samples.tsv"
SAMPLES=$(awk -F'\t' 'NR > 1 {printf "%s%s", (NR > 2 ? "," : ""), $3}' "$T/samples.tsv")

t0=$(date +%s.%N)
"$ROOT/gap" cnv-panel -R "$REF" --sample-sheet "$T/panel.tsv" -O "$T/panel.parquet" "${KEYS[@]}" 2>"$T/panel.log"
t1=$(date +%s.%N)
"$ROOT/gap" cnv -R "$REF" --sample-sheet "$T/samples.tsv" --cnv-panel "$T/panel.parquet" -O "$T/out" "${KEYS[@]}" \
  2>"$T/cnv.log"
t2=$(date +%s.%N)

echo "## $(basename "$SET"): $(($(wc -l < "$T/panel.tsv") - 1)) normals in the panel, samples $SAMPLES"
echo
echo "gap cnv-panel $(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.1f", b - a}') s, gap cnv (all samples jointly)" \
  "$(awk -v a="$t1" -v b="$t2" 'BEGIN {printf "%.1f", b - a}') s wall, load $(cut -d' ' -f1-3 /proc/loadavg)."
echo
grep -E "Copy number of|^.{13}INFO  CopyNumberRun -   " "$T/cnv.log" | sed 's/^.\{13\}INFO  CopyNumberRun - /    /'
echo
echo "| sample | truth event | caller | found | state | breakpoint error start / end (bp) | |"
echo "|---|---|---|---|---|---|---|"
python3 "$ROOT/bench/cnv_score.py" --truth "$SET/truth.cnv.bed" --tool gap --calls "$T/out/cnv.tsv" --samples "$SAMPLES"
if [[ -n $PEERS ]]; then
  for tool in cnvkit delly; do
    python3 "$ROOT/bench/cnv_score.py" --truth "$SET/truth.cnv.bed" --tool "$tool" --calls "$PEERS" --samples "$SAMPLES"
  done
fi
