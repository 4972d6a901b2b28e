#!/usr/bin/env bash
# memory-vs-calls.sh [SIZES] : peak heap of `gap call` and `gap joint` against the number of calls.
#
# For each size N (contigs of 100 kb; default "2 4 8 16") it writes a genome made for many calls (DenseGenome: one
# sample homozygous for an SNV about every 25 bp, 6x single-end reads; ~4,000 calls per contig), then runs
#   gap call -R ref.fa -I sample.bam            (calls, scoring, VCF, calls.parquet, QC)
#   gap call --gvcf ... ; gap joint -V the.g.vcf.gz   (joint genotyping from the gVCF: the joint run is measured)
# each in a JVM of the serial collector that starts at 8 MB and grows its heap only when a full collection leaves
# less than 10 % free (MinHeapFreeRatio): the heap it ends up committing follows what the run holds live. It prints,
# per run, the calls written, the largest heap committed and the largest occupancy after a full collection (MB):
# flat when memory does not grow with the calls, rising ~2 kB a call when the calls are held. (The occupancy after
# any collection of a large heap is no measure: it counts the garbage the old generation holds until a full one.)
# BASE=/path/to/another/checkout runs that checkout's gap too, for comparison.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
sizes=${1:-"2 4 8 16"}
work=${WORK:-$(mktemp -d)}
mkdir -p "$work"
(cd "$root" && ./gap --version >/dev/null 2>&1 || true)
(cd "$root" && mvn -B -q -o -Dstyle.color=never -pl pipeline-cli -am test-compile >/dev/null)
cp="$root/pipeline-cli/target/test-classes:$root/pipeline-cli/target/gap.jar"
# the jar directly, not ./gap, whose JVM options choose the parallel collector
jvm() { # GCLOG CHECKOUT ARGS...
  local log=$1 co=$2; shift 2
  java -Xms8m -Xmx1g -XX:+UseSerialGC -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20 -Xlog:gc:file="$log" \
    -Duser.home="$HOME" -jar "$co/pipeline-cli/target/gap.jar" "$@"
}

# committed GCLOG: the largest heap committed (MB); full GCLOG: the largest occupancy after a full collection (MB)
committed() { grep -o -- '->[0-9]*M([0-9]*M)' "$1" | sed 's/.*(\([0-9]*\)M)/\1/' | sort -n | tail -1; }
full() { grep 'Pause Full' "$1" | grep -o -- '->[0-9]*M' | tr -dc '0-9\n' | sort -n | tail -1; }
calls() { zcat "$1"/*.vcf.gz | grep -vc '^#' || true; }

run() { # CHECKOUT LABEL N DATA
  local out="$work/$2-$3"
  rm -rf "$out" "$out"-joint
  jvm "$out.call.gc" "$1" call -R "$4/ref.fa" -I "$4/sample.bam" -O "$out" --shard-size 20000 2>"$out.call.log"
  [ -d "$out-gvcf" ] || GAP_CDS=off GAP_JAVA_OPTS="-Xmx1g" "$1/gap" call --gvcf -R "$4/ref.fa" -I "$4/sample.bam" -O "$out-gvcf" \
    --shard-size 20000 2>"$out.gvcf.log"
  jvm "$out.joint.gc" "$1" joint -R "$4/ref.fa" -V "$(ls "$out"-gvcf/*.g.vcf.gz)" -O "$out-joint" \
    --shard-size 20000 2>"$out.joint.log"
  printf "| %s | %d | %d | %s | %s | %d | %s | %s |\n" "$2" "$3" "$(calls "$out")" "$(committed "$out.call.gc")" \
    "$(full "$out.call.gc")" "$(calls "$out-joint")" "$(committed "$out.joint.gc")" "$(full "$out.joint.gc")"
}

# the runs' own keystore (created on first use), never the user's
export HOME="$work/home"
mkdir -p "$HOME"
echo "| checkout | contigs | call: calls | call: heap committed (MB) | call: live after full GC (MB) | joint: calls | joint: heap committed (MB) | joint: live after full GC (MB) |"
echo "|---|---|---|---|---|---|---|---|"
for n in $sizes; do
  data="$work/dense-$n"
  [ -f "$data/sample.bam.bai" ] || java -cp "$cp" gap.cli.DenseGenome "$data" "$n" 100000 25 6 >/dev/null
  run "$root" "$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo this)" "$n" "$data"
  if [ -n "${BASE:-}" ]; then
    run "$BASE" base "$n" "$data"
  fi
done
