#!/usr/bin/env bash
# memory-vs-calls.sh [SIZES] : peak heap of `gap call` and `gap joint` against the number of calls.
#
# For each size N (contigs of 100 kb; default "2 4 8 16") it writes a genome made for many calls (DenseGenome: one
# sample homozygous for an SNV about every 25 bp, 6x single-end reads; ~4,000 calls per contig), then runs
#   gap call -R ref.fa -I sample.bam            (calls, scoring, VCF, calls.parquet, QC)
#   gap call --gvcf ... ; gap joint -V the.g.vcf.gz   (joint genotyping from the gVCF: the joint run is measured)
# each in a JVM with -Xmx1g, the serial collector and a 16 MB young generation, so that collections are frequent
# and the heap after each is close to what the run holds live. It prints, per run, the calls written and the largest
# heap occupancy after a collection (MB): flat when memory does not grow with the calls, rising ~2 kB a call when
# the calls are held. BASE=/path/to/another/checkout runs that checkout's gap too, for comparison.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
sizes=${1:-"2 4 8 16"}
work=${WORK:-$(mktemp -d)}
mkdir -p "$work"
(cd "$root" && ./gap --version >/dev/null 2>&1 || true)
(cd "$root" && mvn -B -q -o -Dstyle.color=never -pl pipeline-cli -am test-compile >/dev/null)
cp="$root/pipeline-cli/target/test-classes:$root/pipeline-cli/target/gap.jar"
opts="-Xmx1g -XX:+UseSerialGC -Xmn16m -Xlog:gc:file=%s"

# peak HEAPLOG: the largest heap occupancy after a collection, in MB
peak() { grep -o -- '->[0-9]*M' "$1" | tr -dc '0-9\n' | sort -n | tail -1; }
calls() { zcat "$1"/*.vcf.gz | grep -vc '^#' || true; }

run() { # CHECKOUT LABEL N DATA
  local gap="$1/gap" out="$work/$2-$3"
  rm -rf "$out" "$out"-gvcf "$out"-joint
  GAP_CDS=off GAP_JAVA_OPTS="$(printf "$opts" "$out.call.gc")" "$gap" call -R "$4/ref.fa" -I "$4/sample.bam" \
    -O "$out" --shard-size 20000 2>"$out.call.log"
  GAP_CDS=off GAP_JAVA_OPTS="-Xmx1g" "$gap" call --gvcf -R "$4/ref.fa" -I "$4/sample.bam" -O "$out-gvcf" \
    --shard-size 20000 2>"$out.gvcf.log"
  GAP_CDS=off GAP_JAVA_OPTS="$(printf "$opts" "$out.joint.gc")" "$gap" joint -R "$4/ref.fa" \
    -V "$(ls "$out"-gvcf/*.g.vcf.gz)" -O "$out-joint" --shard-size 20000 2>"$out.joint.log"
  printf "| %s | %d | %d | %s | %d | %s |\n" "$2" "$3" "$(calls "$out")" "$(peak "$out.call.gc")" \
    "$(calls "$out-joint")" "$(peak "$out.joint.gc")"
}

# the runs' own keystore (created on first use), never the user's
export HOME="$work/home"
mkdir -p "$HOME"
echo "| checkout | contigs | call: calls | call: peak heap after GC (MB) | joint: calls | joint: peak heap after GC (MB) |"
echo "|---|---|---|---|---|---|"
for n in $sizes; do
  data="$work/dense-$n"
  [ -f "$data/sample.bam.bai" ] || java -cp "$cp" gap.cli.DenseGenome "$data" "$n" 100000 25 6 >/dev/null
  run "$root" "$(git -C "$root" rev-parse --short HEAD)" "$n" "$data"
  if [ -n "${BASE:-}" ]; then
    run "$BASE" base "$n" "$data"
  fi
done
