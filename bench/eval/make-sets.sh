#!/usr/bin/env bash
# make-sets.sh: build the generalisation evaluation sets of bench/eval (README.md there): genomes, reads of other
# simulators and error profiles than the development sets, artefacts, truth, classes, sample sheets, one folder per
# set with a set.tsv that score.sh reads. Deterministic: fixed seeds, bwa -K, no dates in the outputs.
#
#   bash bench/eval/make-sets.sh [--out DIR] [--data DIR] [--work DIR] [--threads N] [--force] [SET...]
#
# SET: dw30 dw15 lq25 easy45 art12 art25 trio2 dwa40 hsx18 ms55 pdx30 pdd20 rl100 rl250 (default: all). A set whose folder already holds a set.tsv is kept
# unless --force. --out: where the sets go (default $EVAL_SETS or /work/scratch/sets; never the repository).
# --data: the shared dev data with ref.fa, confident.bed, known-sites.vcf.gz, make-data.sh and hard2/germsim.py,
# hard2/readsim.py, called by path (default $DATA or /work/shared/data). --work: scratch (default OUT/.work).
# Needs: art_illumina, dwgsim, bwa, samtools, bcftools, bgzip, tabix, python3; easy45 and trio2 run make-data.sh,
# which needs the Debian packages hisat2 and minimap2 (their example files are its sources).
set -euo pipefail
export LC_ALL=C

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
DATA=${DATA:-/work/shared/data}
OUT=${EVAL_SETS:-/work/scratch/sets}
WORK=
THREADS=2
FORCE=0
ALL_SETS=(dw30 dw15 lq25 easy45 art12 art25 trio2 dwa40 hsx18 ms55 pdx30 pdd20 rl100 rl250)

usage() { sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }
die() { echo "make-sets.sh: $*" >&2; exit 1; }
sets=()
while [ $# -gt 0 ]; do
  case $1 in
    --out) OUT=$2; shift 2 ;;
    --data) DATA=$2; shift 2 ;;
    --work) WORK=$2; shift 2 ;;
    --threads) THREADS=$2; shift 2 ;;
    --force) FORCE=1; shift ;;
    -h|--help) usage 0 ;;
    -*) echo "make-sets.sh: unknown option '$1' (try --help)" >&2; exit 2 ;;
    *) sets+=("$1"); shift ;;
  esac
done
[ ${#sets[@]} -gt 0 ] || sets=("${ALL_SETS[@]}")
for s in "${sets[@]}"; do
  [[ " ${ALL_SETS[*]} " == *" $s "* ]] || { echo "make-sets.sh: unknown set '$s' (known: ${ALL_SETS[*]})" >&2; exit 2; }
done
for t in art_illumina dwgsim bwa samtools bcftools bgzip tabix python3 sha256sum; do
  command -v "$t" > /dev/null || die "'$t' not found on PATH"
done
DATA=$(cd "$DATA" && pwd) || die "--data folder not found"
for f in ref.fa ref.fa.fai ref.dict confident.bed known-sites.vcf.gz known-sites.vcf.gz.tbi make-data.sh \
         hard2/germsim.py hard2/readsim.py; do
  [ -s "$DATA/$f" ] || die "$DATA/$f missing (use --data)"
done
GERMSIM=$DATA/hard2/germsim.py
READSIM=$DATA/hard2/readsim.py
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
case $OUT/ in "$(cd "$HERE/../.." && pwd)"/*) die "--out must be outside the repository" ;; esac
WORK=${WORK:-$OUT/.work}
mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)
log() { printf '[make-sets %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# ---- set definitions ------------------------------------------------------------------------------------------
# Identifiers are fabricated in the dev sets' style: Belgian national-register-number format (odd NNN for men,
# even for women) with a deliberately wrong check number (the valid one in the comment), made-up hospital MRNs.
NOART="--paralogs 0 --n-strand 0 --n-lowq 0 --n-readend 0"
settings() {
  GERMSIM_ARGS=$NOART; PLAN_ARGS=; NOISE_ARGS=; PARALOG_COPIES=0; SEX=male; ROLE=proband
  case $1 in
    dw30|dw15)   # dwgsim 2x150, ~1.3% substitution errors, qualities ~Q20 that state them
      ALIAS=dw_proband; PID=87.11.02-215.14; MRN=UZL-0071523     # valid check: 77
      GENOME_SEED=16180; SIM=dwgsim; FRAG=380:60; DUP_FRAC=0.04
      SIM_ARGS="-1 150 -2 150 -d 380 -s 60 -e 0.005-0.018 -E 0.007-0.022"
      DESC="dwgsim 2x150, ~1.3% substitution errors at ~Q20, hard classes, no artefacts"
      if [ "$1" = dw30 ]; then COV=30; SIM_SEED=5101; RPRE=SIMD1; else COV=15; SIM_SEED=5201; RPRE=SIMD2; fi ;;
    lq25)        # ART HiSeq X TruSeq profile, qualities shifted to a mean of ~19 (errors follow them)
      ALIAS=lq_proband; PID=83.05.27-164.45; MRN=UZL-0072916; SEX=female     # valid check: 28
      GENOME_SEED=14142; SIM=art_illumina; FRAG=450:70; DUP_FRAC=0.06; COV=25; SIM_SEED=5301; RPRE=SIMQ1
      SIM_ARGS="-ss HSXt -l 150 -m 450 -s 70 -qs -20 -qs2 -22 -qL 6"
      DESC="ART HiSeq X profile 2x150, qualities shifted to a mean of ~19 (~3% mismatches), hard classes, no artefacts" ;;
    art12|art25) # ART MiSeq v3 profile at 2x150, other artefacts at other positions and rates than hard2
      ALIAS=art_proband; PID=79.08.19-093.19; MRN=UZL-0073408     # valid check: 82
      GENOME_SEED=17320; SIM=art_illumina; FRAG=350:60; DUP_FRAC=0.08; PARALOG_COPIES=1
      SIM_ARGS="-ss MSv3 -l 150 -m 350 -s 60"
      GERMSIM_ARGS="--paralogs 2 --paralog-div 0.008-0.015 --paralog-copies 1
        --strand-motif GGT --strand - --n-strand 40 --strand-rate 0.10-0.20 --strand-hot-rate 0.30-0.45
        --strand-hot-frac 0.3 --n-lowq 40 --lowq-reads 2-6 --lowq-qual 5-18 --n-readend 25 --readend-extra 2-6"
      PLAN_ARGS="--n-stutter 25 --stutter-rate 0.10-0.25 --n-lowfrac 25 --lowfrac-rate 0.08-0.20"
      NOISE_ARGS="--qdip-frac 0.03 --adapter-frac 0.01"
      DESC="ART MiSeq v3 profile 2x150, hard classes; artefacts: paralog (1 copy, ~1% divergence), strand (after GGT, reverse reads), lowq, readend, stutter, lowfrac; quality dips, adapter read-through"
      if [ "$1" = art25 ]; then COV=25; SIM_SEED=5401; RPRE=SIMA1; else COV=12; SIM_SEED=5501; RPRE=SIMA2; fi ;;
    # Three more artefact genomes for the trained scorer (issue 17), each its own genome, simulator or profile,
    # depth, artefact positions and rates, so that a held-out artefact genome is never the only one of its kind.
    dwa40)       # dwgsim 2x150 with fewer errors than dw30; two paralogue copies, + strand errors after GGC
      ALIAS=dwa_proband; PID=81.03.14-117.22; MRN=UZL-0076104     # valid check: 21
      GENOME_SEED=19391; SIM=dwgsim; FRAG=400:70; DUP_FRAC=0.05; PARALOG_COPIES=2; COV=40; SIM_SEED=5601; RPRE=SIMD3
      SIM_ARGS="-1 150 -2 150 -d 400 -s 70 -e 0.002-0.010 -E 0.003-0.012"
      GERMSIM_ARGS="--paralogs 2 --paralog-div 0.012-0.020 --paralog-copies 2
        --strand-motif GGC --strand + --n-strand 35 --strand-rate 0.08-0.18 --strand-hot-rate 0.25-0.40
        --strand-hot-frac 0.25 --n-lowq 35 --lowq-reads 2-5 --lowq-qual 4-15 --n-readend 30 --readend-extra 2-5"
      PLAN_ARGS="--n-stutter 20 --stutter-rate 0.08-0.20 --n-lowfrac 30 --lowfrac-rate 0.06-0.18"
      NOISE_ARGS="--qdip-frac 0.02 --adapter-frac 0.02"
      DESC="dwgsim 2x150 (~0.7% errors), hard classes; artefacts: paralog (2 copies, ~1.6% divergence), strand (after GGC, forward reads), lowq, readend, stutter, lowfrac; quality dips, adapter read-through" ;;
    hsx18)       # ART HiSeq X PCR-free profile, qualities shifted down a little; three paralogues of one copy
      ALIAS=hsx_proband; PID=90.11.02-244.15; MRN=UZL-0076388; SEX=female     # valid check: 14
      GENOME_SEED=24494; SIM=art_illumina; FRAG=420:80; DUP_FRAC=0.03; PARALOG_COPIES=1; COV=18; SIM_SEED=5701
      RPRE=SIMA3; SIM_ARGS="-ss HSXn -l 150 -m 420 -s 80 -qs -6 -qs2 -8"
      GERMSIM_ARGS="--paralogs 3 --paralog-div 0.006-0.012 --paralog-copies 1
        --strand-motif GGT --strand + --n-strand 30 --strand-rate 0.12-0.25 --strand-hot-rate 0.35-0.50
        --strand-hot-frac 0.2 --n-lowq 45 --lowq-reads 2-7 --lowq-qual 6-20 --n-readend 20 --readend-extra 2-4"
      PLAN_ARGS="--n-stutter 30 --stutter-rate 0.12-0.30 --n-lowfrac 20 --lowfrac-rate 0.10-0.25"
      NOISE_ARGS="--qdip-frac 0.04 --adapter-frac 0.015"
      DESC="ART HiSeq X PCR-free profile 2x150, qualities shifted down (-6/-8), hard classes; artefacts: paralog (3 x 1 copy, ~0.9% divergence), strand (after GGT, forward reads), lowq, readend, stutter, lowfrac; quality dips, adapter read-through" ;;
    ms55)        # ART MiSeq v1 profile at 2x150 (readsim.py's read-end pairs are 150 bases), short fragments, deep
      ALIAS=ms_proband; PID=76.07.25-051.69; MRN=UZL-0076952     # valid check: 68
      GENOME_SEED=26457; SIM=art_illumina; FRAG=300:50; DUP_FRAC=0.10; PARALOG_COPIES=1; COV=55; SIM_SEED=5801
      RPRE=SIMA4; SIM_ARGS="-ss MSv1 -l 150 -m 300 -s 50"
      GERMSIM_ARGS="--paralogs 2 --paralog-div 0.015-0.025 --paralog-copies 1
        --strand-motif GGC --strand - --n-strand 40 --strand-rate 0.06-0.14 --strand-hot-rate 0.20-0.35
        --strand-hot-frac 0.3 --n-lowq 30 --lowq-reads 3-8 --lowq-qual 5-16 --n-readend 35 --readend-extra 3-8"
      PLAN_ARGS="--n-stutter 25 --stutter-rate 0.06-0.18 --n-lowfrac 35 --lowfrac-rate 0.05-0.12"
      NOISE_ARGS="--qdip-frac 0.02 --adapter-frac 0.005"
      DESC="ART MiSeq v1 profile 2x150, hard classes; artefacts: paralog (2 x 1 copy, ~2% divergence), strand (after GGC, reverse reads), lowq, readend, stutter, lowfrac; quality dips, adapter read-through" ;;
    # Two genomes whose paralogues are 4-7 % diverged, like the real one of bcftools' annot-NMBZ.1.bam (reads with
    # 6-8 mismatches each, lowered MAPQ, MQRankSum near -6): the sets above hold only 0.6-2.5 % paralogues.
    pdx30)       # ART HiSeq 2500 profile 2x150; two paralogues of two copies each (alt fraction ~0.5)
      ALIAS=pdx_proband; PID=84.09.12-133.71; MRN=UZL-0077214     # valid check: 66
      GENOME_SEED=28284; SIM=art_illumina; FRAG=380:60; DUP_FRAC=0.05; PARALOG_COPIES=2; COV=30; SIM_SEED=5901
      RPRE=SIMA5; SIM_ARGS="-ss HS25 -l 150 -m 380 -s 60"
      GERMSIM_ARGS="--paralogs 2 --paralog-div 0.04-0.07 --paralog-copies 2
        --strand-motif GGT --strand - --n-strand 30 --strand-rate 0.08-0.18 --strand-hot-rate 0.25-0.40
        --strand-hot-frac 0.25 --n-lowq 30 --lowq-reads 2-6 --lowq-qual 5-16 --n-readend 25 --readend-extra 2-6"
      PLAN_ARGS="--n-stutter 20 --stutter-rate 0.08-0.20 --n-lowfrac 25 --lowfrac-rate 0.06-0.18"
      NOISE_ARGS="--qdip-frac 0.02 --adapter-frac 0.01"
      DESC="ART HiSeq 2500 profile 2x150, hard classes; artefacts: paralog (2 x 2 copies, 4-7% divergence), strand (after GGT, reverse reads), lowq, readend, stutter, lowfrac; quality dips, adapter read-through" ;;
    pdd20)       # dwgsim 2x150; three paralogues of one copy (alt fraction ~1/3), 4-6 % diverged
      ALIAS=pdd_proband; PID=88.02.27-162.40; MRN=UZL-0077590; SEX=female     # valid check: 13
      GENOME_SEED=31622; SIM=dwgsim; FRAG=360:60; DUP_FRAC=0.04; PARALOG_COPIES=1; COV=20; SIM_SEED=6001; RPRE=SIMD4
      SIM_ARGS="-1 150 -2 150 -d 360 -s 60 -e 0.002-0.012 -E 0.003-0.014"
      GERMSIM_ARGS="--paralogs 3 --paralog-div 0.04-0.06 --paralog-copies 1
        --strand-motif GGC --strand + --n-strand 30 --strand-rate 0.10-0.20 --strand-hot-rate 0.30-0.45
        --strand-hot-frac 0.2 --n-lowq 35 --lowq-reads 2-6 --lowq-qual 5-18 --n-readend 25 --readend-extra 2-5"
      PLAN_ARGS="--n-stutter 20 --stutter-rate 0.10-0.25 --n-lowfrac 20 --lowfrac-rate 0.08-0.20"
      NOISE_ARGS="--qdip-frac 0.03 --adapter-frac 0.01"
      DESC="dwgsim 2x150 (~0.8% errors), hard classes; artefacts: paralog (3 x 1 copy, 4-6% divergence), strand (after GGC, forward reads), lowq, readend, stutter, lowfrac; quality dips, adapter read-through" ;;
    # Two read lengths other than every set above's 150 bases: the engine's windows, clip and read-end rules must
    # not assume one (issue 16's held-out sets may be of any length).
    rl100)       # dwgsim 2x100, short fragments, the error profile of dw30
      ALIAS=rl100_proband; PID=85.12.03-187.26; MRN=UZL-0077731     # valid check: 40
      GENOME_SEED=33166; SIM=dwgsim; FRAG=300:50; DUP_FRAC=0.04; COV=30; SIM_SEED=6101; RPRE=SIMD5
      SIM_ARGS="-1 100 -2 100 -d 300 -s 50 -e 0.005-0.018 -E 0.007-0.022"
      DESC="dwgsim 2x100, ~1.3% substitution errors at ~Q20, hard classes, no artefacts" ;;
    rl250)       # ART MiSeq v3 profile at its longest reads, 2x250, long fragments
      ALIAS=rl250_proband; PID=91.06.18-226.84; MRN=UZL-0077845; SEX=female     # valid check: 23
      GENOME_SEED=36055; SIM=art_illumina; FRAG=550:80; DUP_FRAC=0.05; COV=30; SIM_SEED=6201; RPRE=SIMA6
      SIM_ARGS="-ss MSv3 -l 250 -m 550 -s 80"
      DESC="ART MiSeq v3 profile 2x250, hard classes, no artefacts" ;;
    easy45)      # make-data.sh one-sample mode: dbSNP background + novel variants, ART HS25 default qualities
      ALIAS=easy45_proband; PID=92.04.21-131.53; MRN=UZL-0074177     # valid check: 35
      GENOME_SEED=2236; SIM_SEED=6060; COV=45; MT_SET=U5; NOVEL_SNV=22; NOVEL_INDEL=6
      DESC="make-data.sh one sample: dbSNP background, novel SNVs and indels, ART HiSeq 2500 2x150 default qualities" ;;
    trio2)       # make-data.sh trio mode with dwgsim reads
      GENOME_SEED=1414; SIM_SEED=7070; COV=30
      DESC="make-data.sh trio: dbSNP backgrounds, 6 de novo variants in the child, dwgsim 2x150 reads"
      TRIO=("trio2_father;86.06.09-073.05;UZL-0075530;male;father;U5"        # valid check: 50
            "trio2_mother;89.01.30-206.19;UZL-0075531;female;mother;J1c"     # valid check: 91
            "trio2_child;24.10.05-057.62;UZL-0075532;male;proband;J1c") ;;   # valid check: 8 (born 2024)
  esac
}

# ---- shared pieces --------------------------------------------------------------------------------------------
REFDIR=$WORK/ref
prepare_ref() {
  mkdir -p "$REFDIR"
  if ! cmp -s "$DATA/ref.fa" "$REFDIR/ref.fa" || [ ! -s "$REFDIR/ref.fa.bwt" ]; then
    log "indexing the reference for bwa"
    cp "$DATA/ref.fa" "$DATA/ref.fa.fai" "$DATA/ref.dict" "$REFDIR/"
    bwa index "$REFDIR/ref.fa" 2> "$REFDIR/bwa-index.log"
  fi
}
copy_shared() {  # dest: the inputs every set carries, so a set folder is complete on its own
  cp "$DATA/ref.fa" "$DATA/ref.fa.fai" "$DATA/ref.dict" "$DATA/confident.bed" "$DATA/known-sites.vcf.gz" \
    "$DATA/known-sites.vcf.gz.tbi" "$1/"
  chmod u+w "$1"/*
}
versions() {  # the packages and generator files that shape the bytes
  printf 'package\tversion\n'
  for p in art-nextgen-simulation-tools dwgsim bwa samtools bcftools tabix python3 hisat2 minimap2; do
    printf '%s\t%s\n' "$p" "$(dpkg-query -W -f='${Version}' "$p" 2>/dev/null || echo '?')"
  done
  printf 'python3_on_path\t%s\n' "$(python3 --version 2>&1 | cut -d' ' -f2)"
  for f in "$GERMSIM" "$READSIM" "$DATA/make-data.sh" "$HERE/inject.py" "$HERE/truthtools.py" "$HERE/make-sets.sh"; do
    printf 'sha256:%s\t%s\n' "$(basename "$f")" "$(sha256sum "$f" | cut -d' ' -f1)"
  done
}
manifest() {
  ( cd "$1" && find . -maxdepth 1 -type f ! -name MANIFEST.tsv -printf '%f\n' | sort |
    while read -r f; do printf '%s\t%s\t%s\n' "$f" "$(stat -c %s "$f")" "$(sha256sum "$f" | cut -d' ' -f1)"; done |
    { printf 'file\tbytes\tsha256\n'; cat; } > MANIFEST.tsv )
}
check_norm() {  # a bcftools norm log: it must have realigned nothing (the generators left-align)
  local realigned
  realigned=$(awk -F'\t' '/^Lines/{split($2, a, "/"); print a[3]}' "$1")
  [ "$realigned" = 0 ] || die "bcftools realigned $realigned records ($1): generator bug"
}
bam_notes() {  # bam confident.bed -> one line of read statistics
  local st dep depall
  st=$(samtools stats "$1" 2> /dev/null | grep '^SN')
  sn() { printf '%s' "$st" | awk -F'\t' -v k="$1" '$2 == k":" {print $3}'; }
  dep=$(samtools depth -a -b "$2" "$1" | awk '{s += $3} END {printf "%.2f", s / NR}')
  depall=$(samtools depth -a -g DUP -b "$2" "$1" | awk '{s += $3} END {printf "%.2f", s / NR}')
  printf 'reads=%s;duplicate_reads=%s;mismatch_rate=%s;mean_quality=%s;insert=%s+-%s;depth_dedup=%s;depth_all=%s;mapq0=%s\n' \
    "$(sn 'raw total sequences')" "$(sn 'reads duplicated')" "$(sn 'error rate')" "$(sn 'average quality')" \
    "$(sn 'insert size average')" "$(sn 'insert size standard deviation')" "$dep" "$depall" \
    "$(samtools view -F 0x904 "$1" | awk '$5 == 0' | wc -l)"
}
join_comma() { local IFS=,; echo "$*"; }
write_settab() {  # dir key=value... -> set.tsv (written last: its presence means the set is complete)
  local d=$1; shift
  { printf 'key\tvalue\n'; for kv in "$@"; do printf '%s\t%s\n' "${kv%%=*}" "${kv#*=}"; done; } > "$d/set.tsv.tmp"
  mv "$d/set.tsv.tmp" "$d/set.tsv"
}

# ---- one proband from germsim.py + readsim.py (+ inject.py) ----------------------------------------------------
simulate() {  # fasta coverage seed prefix has_N -> prefix_1.fq prefix_2.fq
  local fa=$1 cov=$2 seed=$3 pre=$4 hasn=$5
  if [ "$SIM" = art_illumina ]; then
    # shellcheck disable=SC2086
    art_illumina $SIM_ARGS -p -i "$fa" -f "$cov" -rs "$seed" -na -q -o "${pre}_" > "$pre.sim.log"
  else
    # dwgsim -C counts N bases in the denominator; scale so that non-N bases get $cov
    [ "$hasn" = 1 ] && cov=$(awk -v c="$cov" -v f="$NON_N_FRACTION" 'BEGIN{printf "%.4f", c * f}')
    # shellcheck disable=SC2086
    dwgsim -H -z "$seed" -C "$cov" $SIM_ARGS -r 0 -R 0 -X 0 -y 0 -o 1 "$fa" "$pre" > "$pre.sim.log" 2>&1
    gzip -dc "$pre.bwa.read1.fastq.gz" > "${pre}_1.fq"; gzip -dc "$pre.bwa.read2.fastq.gz" > "${pre}_2.fq"
    rm -f "$pre".bwa.read?.fastq.gz "$pre".mutations.*
  fi
}

build_germsim() {
  local set=$1 w=$WORK/$1 d=$OUT/$1
  settings "$set"
  rm -rf "$w" "$d.tmp" && mkdir -p "$w/gen" "$w/reads" "$d.tmp"
  cd "$w"
  log "$set: genome and artefact plan (germsim.py seed $GENOME_SEED)"
  # shellcheck disable=SC2086
  python3 "$GERMSIM" --ref "$REFDIR/ref.fa" --known "$DATA/known-sites.vcf.gz" --seed "$GENOME_SEED" \
    --alias "$ALIAS" --out gen $GERMSIM_ARGS
  local truth=$d.tmp/$ALIAS.truth.vcf.gz nosplit=$d.tmp/$ALIAS.truth.nosplit.vcf.gz
  bcftools norm --no-version -f "$REFDIR/ref.fa" -m -any -Oz -o "$truth" gen/truth.split.raw.vcf 2> gen/norm-split.log
  check_norm gen/norm-split.log
  bcftools norm --no-version -f "$REFDIR/ref.fa" -Oz -o "$nosplit" gen/truth.joined.raw.vcf 2> gen/norm-joined.log
  check_norm gen/norm-joined.log
  tabix -f -p vcf "$truth"; tabix -f -p vcf "$nosplit"
  local q='%CHROM\t%POS\t%REF\t%ALT\t[%GT]\n' t h want got
  cmp -s <(bcftools norm -f "$REFDIR/ref.fa" -m -any "$nosplit" 2> /dev/null | bcftools view -e 'INFO/CLASS="complex"' |
           bcftools query -f "$q" | sort) \
         <(bcftools view -e 'INFO/CLASS="complex"' "$truth" | bcftools query -f "$q" | sort) ||
    die "$set: the nosplit truth does not split into the split truth"
  for t in "$truth" "$nosplit"; do
    for h in 1 2; do
      want=$(grep -v '^>' "gen/hap$h.fa" | tr -d '\n' | md5sum)
      got=$(bcftools consensus -H "$h" -f "$REFDIR/ref.fa" "$t" 2> gen/consensus.log | grep -v '^>' | tr -d '\n' | md5sum)
      [ "$want" = "$got" ] || die "$set: $(basename "$t") does not rebuild haplotype $h"
    done
  done
  cp gen/artefacts.tsv artefacts.tsv
  local plan_note=
  if [ -n "$PLAN_ARGS" ]; then
    # shellcheck disable=SC2086
    plan_note=$(python3 "$HERE/inject.py" plan --ref "$REFDIR/ref.fa" --classes gen/classes.tsv \
      --artefacts gen/artefacts.tsv --seed "$((GENOME_SEED + 1))" $PLAN_ARGS --out gen/pcr-plan.json --tsv gen/pcr.tsv)
    # the injected indels must be written as bcftools writes them (left-aligned, anchored)
    { printf '##fileformat=VCFv4.2\n'; awk '{printf "##contig=<ID=%s,length=%s>\n", $1, $2}' "$REFDIR/ref.fa.fai"
      printf '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n'
      awk -F'\t' -v OFS='\t' '{print $1, $2, ".", $4, $5, ".", ".", "."}' gen/pcr.tsv; } > gen/pcr.vcf
    bcftools norm --no-version -f "$REFDIR/ref.fa" -o /dev/null gen/pcr.vcf 2> gen/norm-pcr.log
    check_norm gen/norm-pcr.log
    { head -1 gen/artefacts.tsv; { tail -n +2 gen/artefacts.tsv; cat gen/pcr.tsv; } | sort -t$'\t' -k2,2n -k3,3; } > artefacts.tsv
  fi
  NON_N_FRACTION=$(awk 'NR == FNR {n += $3 - $2; next} {t += $2} END {printf "%.6f", n / t}' "$DATA/confident.bed" "$REFDIR/ref.fa.fai")
  local half tag="${ALIAS}_${COV}x" pairs=() h pcov
  half=$(awk -v c="$COV" 'BEGIN{printf "%g", c / 2}')
  log "$set: simulating $tag with $SIM (${half}x per haplotype)"
  for h in 1 2; do
    simulate "gen/hap$h.fa" "$half" "$((SIM_SEED + h))" "reads/h$h" 1
    if [ -n "$PLAN_ARGS" ]; then
      python3 "$HERE/inject.py" pcr --plan gen/pcr-plan.json --hap "gen/hap$h.fa" --r1 "reads/h${h}_1.fq" \
        --r2 "reads/h${h}_2.fq" --seed "$((SIM_SEED + 10 + h))" --out "reads/h$h.pcr" --log "reads/h$h.pcr.log" > /dev/null
      mv "reads/h$h.pcr_1.fq" "reads/h${h}_1.fq"; mv "reads/h$h.pcr_2.fq" "reads/h${h}_2.fq"
    fi
    pairs+=("reads/h${h}_1.fq" "reads/h${h}_2.fq")
  done
  if [ "$PARALOG_COPIES" -gt 0 ]; then
    pcov=$(awk -v c="$COV" -v k="$PARALOG_COPIES" 'BEGIN{printf "%g", c / 2 * k}')
    simulate gen/paralog.fa "$pcov" "$((SIM_SEED + 3))" reads/par 0
    pairs+=(reads/par_1.fq reads/par_2.fq)
  fi
  local rn nn=
  rn=$(python3 "$READSIM" --pairs "${pairs[@]}" --plan gen/plan.json --haps gen/hap1.fa gen/hap2.fa \
         --seed "$((SIM_SEED + 50))" --dup-frac "$DUP_FRAC" --frag "$FRAG" --name "$RPRE:1:HSIMFC:3" \
         --out "reads/$tag" --log "reads/$tag.artefacts.log")
  rm -f reads/h?_?.fq reads/par_?.fq
  if [ -n "$NOISE_ARGS" ]; then
    # shellcheck disable=SC2086
    nn=$(python3 "$HERE/inject.py" noise --r1 "reads/${tag}_R1.fq" --r2 "reads/${tag}_R2.fq" \
           --seed "$((SIM_SEED + 60))" $NOISE_ARGS --out "reads/$tag.noisy")
    mv "reads/$tag.noisy_R1.fq" "reads/${tag}_R1.fq"; mv "reads/$tag.noisy_R2.fq" "reads/${tag}_R2.fq"
  fi
  log "$set: aligning"
  # relative paths only: bwa and samtools write their command lines into the BAM header, and the bytes must not
  # depend on --out or --work
  ln -sf "$REFDIR"/ref.fa "$REFDIR"/ref.fa.amb "$REFDIR"/ref.fa.ann "$REFDIR"/ref.fa.bwt "$REFDIR"/ref.fa.pac \
    "$REFDIR"/ref.fa.sa .
  local rg="@RG\tID:${tag}.L1\tSM:${PID}\tPL:ILLUMINA\tLB:${ALIAS}.lib1\tPU:SIMFC.3.${tag}"
  bwa mem -t "$THREADS" -K 10000000 -R "$rg" ref.fa "reads/${tag}_R1.fq" "reads/${tag}_R2.fq" 2> bwa.log |
    samtools fixmate -m -u - - | samtools sort -@ 1 -m 1G -T sorttmp -o unmarked.bam -
  samtools markdup -s -T mdtmp unmarked.bam "$tag.bam" 2> markdup.log
  samtools index "$tag.bam"
  mv "$tag.bam" "$tag.bam.bai" "$d.tmp/"
  rm -f unmarked.bam "reads/${tag}_R1.fq" "reads/${tag}_R2.fq"

  copy_shared "$d.tmp"
  cp gen/classes.tsv "$d.tmp/$set.classes.tsv"
  local art=-
  if [ "$(wc -l < artefacts.tsv)" -gt 1 ]; then art=$set.artefacts.tsv; cp artefacts.tsv "$d.tmp/$art"; fi
  python3 "$HERE/truthtools.py" novel --ref "$REFDIR/ref.fa" --truth "$truth" --known "$DATA/known-sites.vcf.gz" \
    --out "$d.tmp/$set.novel.tsv" > /dev/null
  { printf 'patient_id\tmrn\tsample_alias\tfamily_id\trole\tsex\tbam\n'
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$PID" "$MRN" "$ALIAS" "$set" "$ROLE" "$SEX" "$tag.bam"; } > "$d.tmp/$set.samplesheet.tsv"
  { printf '#family_id\tindividual_id\tpaternal_id\tmaternal_id\tsex\tphenotype\n'
    printf '%s\t%s\t0\t0\t%s\t2\n' "$set" "$ALIAS" "$([ "$SEX" = male ] && echo 1 || echo 2)"; } > "$d.tmp/$set.ped"
  { printf 'key\tvalue\n'
    printf 'genome_seed\t%s\nsim_seed\t%s\nsimulator\t%s\nsim_args\t%s\ncoverage\t%s\ndup_frac\t%s\n' \
      "$GENOME_SEED" "$SIM_SEED" "$SIM" "$SIM_ARGS" "$COV" "$DUP_FRAC"
    printf 'germsim_args\t%s\n' "$(echo $GERMSIM_ARGS)"
    [ -n "$PLAN_ARGS" ] && printf 'inject_plan_args\t%s\ninject_plan\t%s\n' "$PLAN_ARGS" "$plan_note"
    [ -n "$NOISE_ARGS" ] && printf 'inject_noise_args\t%s\ninject_noise\t%s\n' "$NOISE_ARGS" "$nn"
    cat gen/notes.tsv
    printf 'readsim\t%s\n' "$rn"
    printf 'bam_%s\t%s\n' "$tag" "$(bam_notes "$d.tmp/$tag.bam" "$DATA/confident.bed")"
    if [ "$art" != - ]; then
      awk -F'\t' 'NR > 1 {n[$3]++} END {for (k in n) printf "artefact_sites_%s\t%d\n", k, n[k]}' artefacts.tsv | sort
    fi
  } > "$d.tmp/$set.generator-notes.tsv"
  versions > "$d.tmp/$set.versions.tsv"
  manifest "$d.tmp"
  rm -rf "$d" && mv "$d.tmp" "$d"
  write_settab "$d" set="$set" kind=single reference=ref.fa confident=confident.bed known_sites=known-sites.vcf.gz \
    samplesheet="$set.samplesheet.tsv" pedigree="$set.ped" samples="$ALIAS" bams="$tag.bam" \
    truth="$ALIAS.truth.vcf.gz" truth_nosplit="$ALIAS.truth.nosplit.vcf.gz" classes="$set.classes.tsv" \
    artefacts="$art" novel="$set.novel.tsv" denovo=- coverage="$COV" description="$DESC"
  cd "$OUT"
}

# ---- sets from make-data.sh (the trio1 generator) --------------------------------------------------------------
check_makedata_sources() {
  for f in /usr/share/doc/hisat2/examples/reference/22_20-21M.fa /usr/share/doc/hisat2/examples/reference/22_20-21M.snp \
           /usr/share/doc/minimap2/test/MT-human.fa.gz; do
    [ -s "$f" ] || die "$f missing: make-data.sh builds its genomes from it (apt-get install hisat2 minimap2)"
  done
}
build_makedata() {
  local set=$1 w=$WORK/$1 d=$OUT/$1
  settings "$set"
  check_makedata_sources
  rm -rf "$w" "$d.tmp" && mkdir -p "$w" "$d.tmp"
  local samples=() aliases=() bams=() truths=() classes=() s
  if [ "$set" = trio2 ]; then
    for s in "${TRIO[@]}"; do samples+=(--sample "$s"); done
    log "$set: make-data.sh trio mode (seed $GENOME_SEED, dwgsim seed $SIM_SEED)"
    bash "$DATA/make-data.sh" --mode trio --set "$set" --seed "$GENOME_SEED" --sim-seed "$SIM_SEED" --sim dwgsim \
      --coverages "$COV" "${samples[@]}" --out "$d.tmp" --work "$w" --threads "$THREADS"
  else
    log "$set: make-data.sh one-sample mode (seed $GENOME_SEED, ART seed $SIM_SEED)"
    bash "$DATA/make-data.sh" --mode single --set "$set" --seed "$GENOME_SEED" --sim-seed "$SIM_SEED" --sim art \
      --coverages "$COV" --sample "$ALIAS;$PID;$MRN;$SEX;$ROLE;$MT_SET" --novel-snv "$NOVEL_SNV" \
      --novel-indel "$NOVEL_INDEL" --out "$d.tmp" --work "$w" --threads "$THREADS"
  fi
  cmp -s "$d.tmp/ref.fa" "$DATA/ref.fa" || die "$set: make-data.sh built another reference than $DATA/ref.fa"
  cmp -s "$d.tmp/confident.bed" "$DATA/confident.bed" || die "$set: make-data.sh built other confident regions"
  cp "$DATA/known-sites.vcf.gz" "$DATA/known-sites.vcf.gz.tbi" "$d.tmp/"
  mv "$d.tmp/MANIFEST.tsv" "$d.tmp/$set.make-data-manifest.tsv"
  while IFS=$'\t' read -r _pid _mrn a _fam _role _sex bam; do
    [ "$a" = sample_alias ] && continue
    aliases+=("$a"); bams+=("$bam"); truths+=("$a.truth.vcf.gz"); classes+=("$a.classes.tsv")
    python3 "$HERE/truthtools.py" classes --ref "$d.tmp/ref.fa" --vcf "$d.tmp/$a.truth.vcf.gz" \
      --out "$d.tmp/$a.classes.tsv" > /dev/null
  done < "$d.tmp/samplesheet.tsv"
  mv "$d.tmp/samplesheet.tsv" "$d.tmp/$set.samplesheet.tsv"
  mv "$d.tmp/counts.tsv" "$d.tmp/$set.counts.tsv"; mv "$d.tmp/hard-cases.tsv" "$d.tmp/$set.hard-cases.tsv"
  local last=$((${#aliases[@]} - 1))
  python3 "$HERE/truthtools.py" novel --ref "$d.tmp/ref.fa" --truth "$d.tmp/${truths[$last]}" \
    --known "$d.tmp/known-sites.vcf.gz" --out "$d.tmp/$set.novel.tsv" > /dev/null
  versions > "$d.tmp/$set.versions.tsv"
  { printf 'key\tvalue\n'; printf 'generator\tmake-data.sh\ngenome_seed\t%s\nsim_seed\t%s\ncoverage\t%s\n' \
      "$GENOME_SEED" "$SIM_SEED" "$COV"
    sed 's/^/make_data_/' "$d.tmp/generator-notes.tsv"
    for b in "${bams[@]}"; do printf 'bam_%s\t%s\n' "${b%.bam}" "$(bam_notes "$d.tmp/$b" "$d.tmp/confident.bed")"; done
  } > "$d.tmp/$set.generator-notes.tsv"
  rm -f "$d.tmp/generator-notes.tsv" "$d.tmp/versions.tsv"
  manifest "$d.tmp"
  rm -rf "$d" && mv "$d.tmp" "$d"
  if [ "$set" = trio2 ]; then
    write_settab "$d" set="$set" kind=trio reference=ref.fa confident=confident.bed known_sites=known-sites.vcf.gz \
      samplesheet="$set.samplesheet.tsv" pedigree="$set.ped" samples="$(join_comma "${aliases[@]}")" bams="$(join_comma "${bams[@]}")" \
      truth="$(join_comma "${truths[@]}")" truth_nosplit=- classes="$(join_comma "${classes[@]}")" artefacts=- novel="$set.novel.tsv" \
      denovo="$set.denovo.vcf.gz" coverage="$COV" description="$DESC"
  else
    write_settab "$d" set="$set" kind=single reference=ref.fa confident=confident.bed known_sites=known-sites.vcf.gz \
      samplesheet="$set.samplesheet.tsv" pedigree="$set.ped" samples="${aliases[0]}" bams="${bams[0]}" \
      truth="${truths[0]}" truth_nosplit=- classes="${classes[0]}" artefacts=- novel="$set.novel.tsv" denovo=- \
      coverage="$COV" description="$DESC"
  fi
}

# ---- main -----------------------------------------------------------------------------------------------------
prepare_ref
for set in "${sets[@]}"; do
  if [ -s "$OUT/$set/set.tsv" ] && [ "$FORCE" = 0 ]; then
    log "$set: already built in $OUT/$set (--force to rebuild)"
    continue
  fi
  start=$SECONDS
  case $set in
    easy45|trio2) build_makedata "$set" ;;
    *) build_germsim "$set" ;;
  esac
  log "$set: done in $((SECONDS - start)) s: $(du -sh "$OUT/$set" | cut -f1) in $OUT/$set"
done
