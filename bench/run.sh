#!/usr/bin/env bash
# Benchmark of gap against bcftools and a plain decode pass of the same BAMs, measured in the same run.
# Not part of CI. Usage (from anywhere):  bash bench/run.sh
# Environment: RUNS (measured runs per command, default 5; one warm-up run more), DATA (the data folder, default
# ../shared/data relative to the repository root), STEADY_THREADS (thread counts of the in-JVM harness, default
# "1 2"), MVN_ARGS (extra Maven arguments for the build if a jar is missing, e.g. -o).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
DATA=${DATA:-$ROOT/../shared/data}
RUNS=${RUNS:-5}
STEADY_THREADS=${STEADY_THREADS:-1 2}
REF=$DATA/ref.fa
CONFIDENT=$DATA/confident.bed
BAMS=(trio1_child hard1_proband_30x)
declare -A TRUTH=([trio1_child]=trio1_child.truth.vcf.gz [hard1_proband_30x]=hard1_proband.truth.vcf.gz)
GAP_JAR=pipeline-cli/target/gap.jar
BENCH_JAR=bench/target/gap-bench.jar
JAVA=(java -Xmx4g)

die() { echo "run.sh: $*" >&2; exit 1; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive integer"
[[ -x /usr/bin/time ]] || die "/usr/bin/time is missing: install it with 'apt-get install time' (Debian package time)"
command -v bcftools >/dev/null || die "bcftools is missing: install it with 'apt-get install bcftools'"
command -v java >/dev/null || die "java is missing: install a Java 17 JDK"
for f in "$REF" "$REF.fai" "$CONFIDENT"; do [[ -f $f ]] || die "$f not found (set DATA to the data folder)"; done
for b in "${BAMS[@]}"; do
  [[ -f $DATA/$b.bam && -f $DATA/${TRUTH[$b]} ]] || die "$DATA/$b.bam or its truth VCF not found"
done

if [[ ! -f $GAP_JAR || ! -f $BENCH_JAR ]]; then
  echo "building $GAP_JAR and $BENCH_JAR ..." >&2
  # shellcheck disable=SC2086  # MVN_ARGS is a list of words
  mvn -B -q -DskipTests package -pl pipeline-cli,bench -am ${MVN_ARGS:-}
fi

T=$(mktemp -d "${TMPDIR:-/tmp}/gap-bench.XXXXXX")
trap 'rm -rf "$T"' EXIT
# gap's default keystore (~/.gap) made afresh in the run's folder, as on a new machine: the user's is never touched,
# and every run opens the same kind of keystore
JAVA+=(-Duser.home="$T/home")

# ---- versions -------------------------------------------------------------------------------------------------
echo "# gap benchmark"
echo
echo "- java: $(java -version 2>&1 | head -1)"
echo "- bcftools: $(bcftools --version | head -1)"
if git rev-parse --git-dir >/dev/null 2>&1; then
  echo "- gap: $(git describe --always --dirty 2>/dev/null || echo 'no commit yet') ($("${JAVA[@]}" -jar "$GAP_JAR" --version 2>/dev/null | head -1))"
else
  echo "- gap: $("${JAVA[@]}" -jar "$GAP_JAR" --version 2>/dev/null | head -1)"
fi
echo "- host: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo), $(uname -sr)"
echo "- runs: 1 warm-up + $RUNS measured per command; wall and CPU seconds and peak RSS from /usr/bin/time"
echo "- load average (1, 5, 15 min) at start: $(load)"
echo

# A snapshot of the jars, so a rebuild elsewhere during the run cannot change what is measured.
cp "$GAP_JAR" "$T/gap.jar"; cp "$BENCH_JAR" "$T/gap-bench.jar"
GAP_JAR=$T/gap.jar; BENCH_JAR=$T/gap-bench.jar

# ---- timing helpers -------------------------------------------------------------------------------------------
# timeit KEY CMD...: runs CMD once under /usr/bin/time; unless this is the warm-up round, appends its wall seconds,
# CPU seconds (user + system, children included) and peak RSS KiB to WALLS, CPUS and RSSS[KEY]. summarise KEY:
# WALL[KEY] = "median min max" wall seconds, CPU[KEY] = median CPU seconds, RSS[KEY] = the largest peak RSS in MiB.
declare -A WALLS CPUS RSSS WALL CPU RSS LABEL
timeit() {
  local key=$1; shift
  if ! /usr/bin/time -f '%e %U %S %M' -o "$T/time.out" "$@" >"$T/cmd.out" 2>"$T/cmd.err"; then
    echo "run.sh: command failed: $*" >&2
    tail -20 "$T/cmd.err" >&2
    exit 1
  fi
  ((round == 0)) && return 0
  local w u s m
  read -r w u s m < <(tail -1 "$T/time.out")
  WALLS[$key]+="$w "; CPUS[$key]+="$(awk -v u="$u" -v s="$s" 'BEGIN {print u + s}') "; RSSS[$key]+="$m "
}
stats() { # "median min max" of the numbers in $1
  tr ' ' '\n' <<<"$1" | grep . | sort -g | awk '{a[NR] = $1}
    END {m = NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%.2f %.2f %.2f", m, a[1], a[NR]}'
}
summarise() {
  WALL[$1]=$(stats "${WALLS[$1]}")
  CPU[$1]=$(stats "${CPUS[$1]}" | cut -d' ' -f1)
  RSS[$1]=$(tr ' ' '\n' <<<"${RSSS[$1]}" | grep . | sort -g | tail -1 | awk '{printf "%.0f", $1 / 1024}')
}
# ratio A B: median wall of A / median wall of B, and the same of the minima.
ratio() {
  awk -v a="${WALL[$1]}" -v b="${WALL[$2]}" 'BEGIN {split(a, x, " "); split(b, y, " ")
    printf "%.2f (of the minima: %.2f)", x[1] / y[1], x[2] / y[2]}'
}
regions() { awk '{printf "%s%s:%d-%d", (NR > 1 ? "," : ""), $1, $2, $3}' "$1"; }

# Two region lists of roughly equal bases from the .fai (1-based inclusive CHROM BEG END, as bcftools -R reads).
awk -v out1="$T/regions1.txt" -v out2="$T/regions2.txt" '
  {name[NR] = $1; len[NR] = $2; total += $2}
  END {
    half = int((total + 1) / 2); done = 0
    for (i = 1; i <= NR; i++) {
      if (done >= half) { print name[i] "\t1\t" len[i] > out2; continue }
      take = half - done
      if (take >= len[i]) { print name[i] "\t1\t" len[i] > out1; done += len[i]; continue }
      print name[i] "\t1\t" take > out1; print name[i] "\t" take + 1 "\t" len[i] > out2; done += take
    }
  }' "$REF.fai"

BCF1='bcftools mpileup -f "$1" -a AD,DP "$2" | bcftools call -mv -Oz -o "$3"'
BCF2='set -euo pipefail
  bcftools mpileup -f "$1" -a AD,DP -R "$4" "$2" | bcftools call -mv -Oz -o "$3.part1.vcf.gz" & p1=$!
  bcftools mpileup -f "$1" -a AD,DP -R "$5" "$2" | bcftools call -mv -Oz -o "$3.part2.vcf.gz" & p2=$!
  wait $p1; wait $p2
  bcftools concat -Oz -o "$3" "$3.part1.vcf.gz" "$3.part2.vcf.gz"'

records() { gzip -dc "$1" | grep -vc '^#' || true; }

# ---- gap as users run it ------------------------------------------------------------------------------------
# The ./gap launcher on the frozen jar: its JVM options, the CDS archive of the classes a call loads (recorded beside
# the jar by the launcher's first call, the training call here), and its JIT choice (C1 alone for inputs under
# 256 MiB). gap2t forces C2 (tiered, as a whole genome runs); gap2j is the bare jar, for comparison.
GAP_RUN=(env HOME="$T/home" GAP_JAR="$GAP_JAR" GAP_JAVA_OPTS="${JAVA[*]:1}" "$ROOT/gap")
"${GAP_RUN[@]}" call -R "$REF" -I "$DATA/${BAMS[0]}.bam" -O "$T/train" --threads 2 >/dev/null 2>"$T/train.err" \
  || { tail -20 "$T/train.err" >&2; die "the CDS training call failed"; }
[[ -s $T/gap.jsa ]] || die "the training call left no CDS archive"
rm -rf "$T/train"
GAP_OPTS=(-Xlog:disable -Xlog:all=warning:stderr -XX:+UseParallelGC) # the launcher's options, for the steady harness
# A panel of normals for the copy-number rows: the trio's parents, sequenced as the child was.
for p in trio1_father trio1_mother; do [[ -f $DATA/$p.bam ]] || die "$DATA/$p.bam not found (the copy-number panel)"; done
"${GAP_RUN[@]}" cnv-panel -R "$REF" -I "$DATA/trio1_father.bam" -I "$DATA/trio1_mother.bam" \
  -O "$T/panel.parquet" --threads 2 >/dev/null 2>"$T/panel.err" || { tail -20 "$T/panel.err" >&2; die "gap cnv-panel failed"; }

# ---- whole-process timings ------------------------------------------------------------------------------------
KEYS=(gap1 gap2 gap2c gap2t gap2j bcf1 bcf2 dec1 dec2)
# set_cmd BAM KEY: puts the command of KEY on BAM in CMD.
set_cmd() {
  local bam=$DATA/$1.bam o=$T/$1
  case $2 in
    gap1) CMD=("${GAP_RUN[@]}" call -R "$REF" -I "$bam" -O "$o/gap1" --threads 1 --overwrite) ;;
    gap2) CMD=("${GAP_RUN[@]}" call -R "$REF" -I "$bam" -O "$o/gap2" --threads 2 --overwrite) ;;
    gap2c) CMD=("${GAP_RUN[@]}" call -R "$REF" -I "$bam" -O "$o/gap2c" --threads 2 --overwrite \
      --cnv-panel "$T/panel.parquet") ;;
    gap2t) CMD=(env GAP_JIT=c2 "${GAP_RUN[@]}" call -R "$REF" -I "$bam" -O "$o/gap2t" --threads 2 --overwrite) ;;
    gap2j) CMD=("${JAVA[@]}" -jar "$GAP_JAR" call -R "$REF" -I "$bam" -O "$o/gap2j" --threads 2 --overwrite) ;;
    bcf1) CMD=(bash -c "set -o pipefail; $BCF1" _ "$REF" "$bam" "$o/bcf1.vcf.gz") ;;
    bcf2) CMD=(bash -c "$BCF2" _ "$REF" "$bam" "$o/bcf2.vcf.gz" "$T/regions1.txt" "$T/regions2.txt") ;;
    dec1) CMD=("${JAVA[@]}" -jar "$BENCH_JAR" decode -R "$REF" -I "$bam" --threads 1) ;;
    dec2) CMD=("${JAVA[@]}" -jar "$BENCH_JAR" decode -R "$REF" -I "$bam" --threads 2) ;;
  esac
}
LABEL[gap1]="\`./gap call --threads 1\` (the launcher on the frozen jar, GAP_JAVA_OPTS=-Xmx4g)"
LABEL[gap2]="\`gap call --threads 2\` (the same)"
LABEL[gap2c]="\`gap call --threads 2 --cnv-panel\` (the same, with copy number against the parents' panel)"
LABEL[gap2t]="\`GAP_JIT=c2 ./gap call --threads 2\` (the same, C2 as for a whole genome)"
LABEL[gap2j]="\`java -Xmx4g -jar gap.jar call --threads 2\` (no CDS archive, G1)"
LABEL[bcf1]="\`bcftools mpileup -a AD,DP \\| bcftools call -mv\` (1 pipeline)"
LABEL[bcf2]="bcftools, 2 region pipelines in parallel + \`bcftools concat\`"
LABEL[dec1]="\`java -Xmx4g -jar gap-bench.jar decode --threads 1\`"
LABEL[dec2]="\`java -Xmx4g -jar gap-bench.jar decode --threads 2\`"

# Round 0 is the warm-up (page cache, disk); then RUNS rounds, each running every command once in turn, so that
# a change of load on the machine during the run falls on all commands alike.
LOAD_START=$(load)
for b in "${BAMS[@]}"; do
  mkdir -p "$T/$b"
  for ((round = 0; round <= RUNS; round++)); do
    for k in "${KEYS[@]}"; do
      set_cmd "$b" "$k"
      timeit "$b.$k" "${CMD[@]}"
    done
  done
  for k in "${KEYS[@]}"; do summarise "$b.$k"; done
done
LOAD_END=$(load)

echo "## Whole processes (median of $RUNS after 1 warm-up)"
for b in "${BAMS[@]}"; do
  bam=$DATA/$b.bam; o=$T/$b
  echo
  echo "### $b.bam ($(du -k "$bam" | awk '{printf "%.1f MB", $1 * 1024 / 1e6}'))"
  echo
  echo "| command | median wall s (min–max) | median CPU s | peak RSS MiB |"
  echo "|---|---|---|---|"
  for k in "${KEYS[@]}"; do
    read -r m lo hi <<<"${WALL[$b.$k]}"
    echo "| ${LABEL[$k]} | $m ($lo–$hi) | ${CPU[$b.$k]} | ${RSS[$b.$k]} |"
  done
  echo
  echo "Ratios of wall time (medians; minima in brackets):"
  echo
  echo "- gap 1 thread / bcftools 1 process: $(ratio "$b.gap1" "$b.bcf1")"
  echo "- gap 2 threads / bcftools 2 processes: $(ratio "$b.gap2" "$b.bcf2")"
  echo "- gap 2 threads as ./gap runs it / the bare jar: $(ratio "$b.gap2" "$b.gap2j")"
  echo "- gap 2 threads as ./gap runs it / with C2 (GAP_JIT=c2): $(ratio "$b.gap2" "$b.gap2t")"
  echo "- gap 2 threads with copy number (--cnv-panel) / without: $(ratio "$b.gap2c" "$b.gap2")"
  echo "- gap / decode, 1 thread: $(ratio "$b.gap1" "$b.dec1")"
  echo "- gap / decode, 2 threads: $(ratio "$b.gap2" "$b.dec2")"
  echo
  same=no
  # gap names its VCF by the sample's pseudonym: the only .vcf.gz in its output folder
  cmp -s <(gzip -dc "$o"/gap1/*.vcf.gz) <(gzip -dc "$o"/gap2/*.vcf.gz) && same=yes
  echo "Records: gap $(records "$o"/gap1/*.vcf.gz) (1 and 2 threads identical: $same);" \
    "bcftools $(records "$o/bcf1.vcf.gz") (1 process), $(records "$o/bcf2.vcf.gz") (2 region processes)."
done
echo
echo "Wall time is the whole command, JVM start-up included; CPU time is user + system of all its processes. Peak RSS is the largest single process of a run" \
  "(for bcftools rows, of its pipeline). Load average (1, 5, 15 min) before: $LOAD_START; after: $LOAD_END" \
  "(on $(nproc) cores; other work on the machine makes the timings noisy). The 2 region lists of bcftools: $(regions "$T/regions1.txt") and $(regions "$T/regions2.txt")."

# ---- steady state in one JVM ----------------------------------------------------------------------------------
echo
echo "## Steady state in one JVM (gap-bench steady with the launcher's JVM options: 3 warm-up rounds, median of $RUNS;" \
  "load before: $(load))"
echo
echo '```'
for b in "${BAMS[@]}"; do
  # all thread counts in one JVM, interleaved, so the speedup is a ratio from the same rounds
  "${JAVA[@]}" "${GAP_OPTS[@]}" -Djava.io.tmpdir="$T" -jar "$BENCH_JAR" steady -R "$REF" -I "$DATA/$b.bam" \
    --threads "$(tr ' ' ',' <<<"$STEADY_THREADS")" --warmup 3 --runs "$RUNS" --cnv-panel "$T/panel.parquet"
done
echo '```'

# ---- accuracy -------------------------------------------------------------------------------------------------
echo
echo "## Accuracy (gap concordance against the truth, confident regions)"
for b in "${BAMS[@]}"; do
  o=$T/$b
  echo
  echo "### $b.bam (truth ${TRUTH[$b]})"
  echo
  notes=()
  for caller in gap bcftools; do
    calls=$(ls "$o"/gap1/*.vcf.gz)
    [[ $caller == bcftools ]] && calls=$o/bcf1.vcf.gz
    "${JAVA[@]}" -jar "$GAP_JAR" concordance --truth "$DATA/${TRUTH[$b]}" --calls "$calls" -R "$REF" \
      --confident "$CONFIDENT" >"$T/conc.tsv" 2>"$T/conc.err" \
      || { cat "$T/conc.err" >&2; die "gap concordance failed on $caller's calls of $b"; }
    awk -F'\t' -v caller="$caller" -v header="$([[ $caller == gap ]] && echo 1 || echo 0)" '
      /^#/ {next}
      !seen++ { if (header) { printf "| caller"; for (i = 1; i <= NF; i++) printf " | %s", $i; print " |"
                              printf "|---"; for (i = 1; i <= NF; i++) printf "|---"; print "|" }
                next }
      { printf "| %s", caller; for (i = 1; i <= NF; i++) printf " | %s", $i; print " |" }' "$T/conc.tsv"
    while IFS= read -r line; do notes+=("$caller: ${line#\# }"); done < <(grep '^# left out' "$T/conc.tsv" || true)
  done
  echo
  for n in "${notes[@]}"; do echo "- $n"; done
done
