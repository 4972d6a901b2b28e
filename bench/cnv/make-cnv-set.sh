#!/usr/bin/env bash
# make-cnv-set.sh: build a CNV / aneuploidy test set like ../shared/data/cnv1 (simulated reads aligned to the 1 Mb
# reference, copy-number truth, small-variant truth, panel list, sample sheet) from Debian 12 packages and the
# shared data folder (ref.fa, known-sites.vcf.gz and the trio1 BAMs, whose MAPQ-0 fractions decide where events
# may go). A profile (cnv2.profile: dwgsim; cnv3.profile: ART HS20 2x100) names the set, its simulator, depth,
# seeds, samples and events; the steps are the same for every set, as in the shared folder's make-cnv1.sh.
# Deterministic: fixed seeds, bwa -K, no dates in headers; a rerun gives byte-identical files.
#
#   bash make-cnv-set.sh --profile FILE --data DIR --out DIR [--work DIR] [--threads N]
#
# DIR is the shared data folder. Needs: apt-get install art-nextgen-simulation-tools dwgsim bwa samtools bcftools tabix python3
set -euo pipefail
export LC_ALL=C

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
DATA=$(cd "$HERE/../../../shared/data" 2>/dev/null && pwd || echo "")
OUT=""
PROFILE=""
WORK=""
THREADS=2
usage() { sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }
while [ $# -gt 0 ]; do
  case $1 in
    --profile) PROFILE=$2; shift 2 ;;
    --data) DATA=$(cd "$2" && pwd); shift 2 ;;
    --out) mkdir -p "$2"; OUT=$(cd "$2" && pwd); shift 2 ;;
    --work) WORK=$2; shift 2 ;;
    --threads) THREADS=$2; shift 2 ;;
    -h|--help) usage 0 ;;
    *) echo "make-cnv-set.sh: unknown option '$1' (try --help)" >&2; exit 2 ;;
  esac
done
[ -n "$PROFILE" ] && [ -s "$PROFILE" ] || { echo "make-cnv-set.sh: --profile FILE is required (e.g. $HERE/cnv2.profile)" >&2; exit 2; }
[ -n "$OUT" ] || { echo "make-cnv-set.sh: --out DIR is required" >&2; exit 2; }
# The profile sets SET, SIM (art|dwgsim), SIM_SEED, NAME_PREFIX, SHARED_PANEL, SAMPLES, BASE_DEPTH and, for ART, ART_ARGS.
ART_ARGS="-ss HS25 -l 150 -m 400 -s 60"
# shellcheck source=/dev/null
. "$PROFILE"
WORK=${WORK:-${TMPDIR:-/tmp}/gapdata/$SET}
export CNV_BASE_DEPTH=$BASE_DEPTH
log() { printf '[make-%s %s] %s\n' "$SET" "$(date +%H:%M:%S)" "$*" >&2; }
need() { command -v "$1" >/dev/null || { echo "make-cnv-set.sh: '$1' not found; apt-get install $2" >&2; exit 1; }; }
need bwa bwa; need samtools samtools; need bcftools bcftools; need tabix tabix; need python3 python3
for f in ref.fa known-sites.vcf.gz trio1_father.bam trio1_mother.bam trio1_child.bam; do
  [ -s "$DATA/$f" ] || { echo "make-cnv-set.sh: $DATA/$f missing (--data must be the shared data folder)" >&2; exit 1; }
done
[ "$SIM" = art ] && need art_illumina art-nextgen-simulation-tools || need dwgsim dwgsim
mkdir -p "$WORK"
cd "$WORK"
rm -rf gen reads bam truth && mkdir -p gen reads bam truth

{
  printf 'package\tversion\n'
  for p in art-nextgen-simulation-tools bwa samtools bcftools tabix python3 coreutils; do
    printf '%s\t%s\n' "$p" "$(dpkg-query -W -f='${Version}' "$p" 2>/dev/null || echo '?')"
  done
} > versions.tsv

log "reference and mappability"
cp "$DATA/ref.fa" ref.fa
samtools faidx ref.fa
bwa index ref.fa 2> bwa-index.log
# Mappability: fraction of MAPQ-0 reads per 10 kb window, pooled over the three trio1 BAMs (primary alignments).
for s in father mother child; do
  samtools view -F 0x904 "$DATA/trio1_$s.bam" chr22_20_21M | awk -F'\t' '{print int(($4 - 1) / 10000), ($5 == 0)}'
done | awk -v OFS='\t' '{n[$1]++; z[$1] += $2} END {for (w in n) print w * 10000, w * 10000 + 10000, n[w], z[w]}' |
  sort -k1,1n | awk -v OFS='\t' 'BEGIN {print "#chrom", "start", "end", "reads", "mapq0_reads", "mapq0_fraction"}
    {print "chr22_20_21M", $1, $2, $3, $4, sprintf("%.4f", $4 / $3)}' > mappability.10kb.tsv
awk 'NR > 1 {print $2, $3, $6}' mappability.10kb.tsv > gen/mapq0.txt

cat > cnvsim.py <<'CNVSIM_PY'
#!/usr/bin/env python3
"""Germline genome with copy-number events: pick dbSNP alleles into phased haplotypes, apply deletions,
tandem duplications, whole-contig gains (trisomy) and mosaic losses, and write one FASTA per read-simulation
component with its depth, plus the small-variant truth (as sequenced) and the CNV truth.

Standard library only. Every random choice comes from random.Random(--seed).
A component is one haplotype as it exists in some fraction of cells: a list of reference intervals (in order,
so a tandem duplication is [0, e) + [s, L)) with the small variants of that haplotype rendered into them.
"""
import argparse
import gzip
import os
import random

CHUNK = "chr22_20_21M"
MT = "chrM"
EDGE = 300      # variants this far from N runs and contig ends
GAP = 2         # untouched bases between two variants
BP_MARGIN = 100  # no small variant within this many bases of a CNV breakpoint
BASE_DEPTH = float(os.environ["CNV_BASE_DEPTH"])  # per haplotype, from the profile
HAPNAME = {1: "hap1", 2: "hap2", 4: "hap3"}


def read_fasta(path):
    seqs, order, name, parts = {}, [], None, []
    with open(path) as fh:
        for line in fh:
            line = line.strip()
            if line.startswith(">"):
                if name is not None:
                    seqs[name] = "".join(parts).upper()
                name, parts = line[1:].split()[0], []
                order.append(name)
            elif line:
                parts.append(line)
    if name is not None:
        seqs[name] = "".join(parts).upper()
    return seqs, order


def n_free(seq):
    out, start = [], None
    for i, c in enumerate(seq):
        if c != "N" and start is None:
            start = i
        elif c == "N" and start is not None:
            out.append((start, i))
            start = None
    if start is not None:
        out.append((start, len(seq)))
    return out


class Var:
    __slots__ = ("pos", "ref", "alt", "vid", "lo", "hi", "mask")

    def __init__(self, pos, ref, alt, vid, lo, hi):
        self.pos, self.ref, self.alt, self.vid, self.lo, self.hi = pos, ref, alt, vid, lo, hi
        self.mask = 0

    @property
    def kind(self):
        return "SNV" if len(self.ref) == len(self.alt) else "INDEL"

    @property
    def span0(self):  # 0-based half-open reference span of REF
        return (self.pos - 1, self.pos - 1 + len(self.ref))


def extent(seq, pos, ref, alt):
    """1-based [lo, hi]: every base any equivalent placement of the allele could touch (left-aligned input)."""
    if len(ref) == len(alt):
        return pos, pos + len(ref) - 1
    if len(ref) > len(alt):  # deletion of ref[1:]
        d = ref[1:]
        L = len(d)
        s = pos  # 0-based index of first deleted base
        r = s
        while r + L < len(seq) and seq[r] == seq[r + L]:
            r += 1
        return pos + 1, r + L
    ins = alt[1:]
    o = pos  # insertion before 0-based o
    i = ins
    while o < len(seq) and seq[o] == i[0]:
        i = i[1:] + i[0]
        o += 1
    return pos, o + 1


def load_known(path, seq):
    ok = bytearray(len(seq) + 2)
    for a, b in n_free(seq):
        lo, hi = a + 1 + EDGE, b - EDGE
        if hi >= lo:
            ok[lo:hi + 1] = b"\x01" * (hi - lo + 1)
    out = []
    with gzip.open(path, "rt") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            c, pos, vid, ref, alts = line.split("\t")[:5]
            if c != CHUNK:
                continue
            pos = int(pos)
            alt = alts.split(",")[0]  # one allele per site
            if seq[pos - 1:pos - 1 + len(ref)] != ref or "N" in ref + alt:
                continue
            lo, hi = extent(seq, pos, ref, alt)
            if ok[lo] and ok[hi]:
                out.append(Var(pos, ref, alt, vid, lo, hi))
    return out


def parse_event(s):
    # kind:hapmask:minlen-maxlen:lo-hi[:fraction]   kind in DEL DUP GAIN_MII GAIN_MI
    f = s.split(":")
    kind, hap = f[0], int(f[1])
    if kind.startswith("GAIN"):
        return dict(kind=kind, hap=hap, frac=1.0, x=f[2] if len(f) > 2 else None)
    lmin, lmax = map(int, f[2].split("-"))
    lo, hi = map(int, f[3].split("-"))
    frac = float(f[4]) if len(f) > 4 else 1.0
    return dict(kind=kind, hap=hap, lmin=lmin, lmax=lmax, lo=lo, hi=hi, frac=frac)


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--ref", required=True)
    ap.add_argument("--known", required=True)
    ap.add_argument("--mapq0", required=True, help="window_start window_end mapq0_fraction (10 kb windows)")
    ap.add_argument("--max-mapq0", type=float, default=0.01)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--alias", required=True)
    ap.add_argument("--events", default="", help="comma list of event specs (see parse_event)")
    ap.add_argument("--density-bp", type=int, default=1200)
    ap.add_argument("--indel-frac", type=float, default=0.15)
    ap.add_argument("--hom-frac", type=float, default=0.40)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    seqs, order = read_fasta(args.ref)
    seq = seqs[CHUNK]
    L = len(seq)
    nonN = sum(b - a for a, b in n_free(seq))
    win = []
    with open(args.mapq0) as fh:
        for line in fh:
            a, b, f = line.split()
            win.append((int(a), int(b), float(f)))
    nblocks = [(0, 0)] + [(b, a2) for (_, b), (a2, _) in zip(n_free(seq), n_free(seq)[1:])] + [(L, L)]

    def mappable(s, e):
        if any(s < nb + 5000 and e > na - 5000 for na, nb in nblocks):
            return False
        return all(f <= args.max_mapq0 for a, b, f in win if a < e and b > s)

    # ---- CNV events ----------------------------------------------------------------------------------------
    events, specs = [], [parse_event(x) for x in args.events.split(",") if x]
    for sp in specs:
        if sp["kind"].startswith("GAIN"):
            events.append(dict(sp, start=0, end=L))
            continue
        for _ in range(10000):
            ln = rng.randint(sp["lmin"], sp["lmax"])
            if sp["hi"] - sp["lo"] < ln:
                raise SystemExit(f"event {sp} does not fit its region")
            s = rng.randint(sp["lo"], sp["hi"] - ln)
            e = s + ln
            if not mappable(s, e):
                continue
            if any(s < ev["end"] + 20000 and e > ev["start"] - 20000 for ev in events if ev["kind"][:4] != "GAIN"):
                continue
            events.append(dict(sp, start=s, end=e))
            break
        else:
            raise SystemExit(f"no mappable placement for {sp}")
    gain = next((ev for ev in events if ev["kind"].startswith("GAIN")), None)
    nhap = 3 if gain else 2

    # ---- small variants ------------------------------------------------------------------------------------
    known = load_known(args.known, seq)
    n_total = round(nonN / args.density_bp)
    n_indel = round(n_total * args.indel_frac)
    want = {"SNV": n_total - n_indel, "INDEL": n_indel}
    occ = bytearray(L + 8)
    bps = [p for ev in events if not ev["kind"].startswith("GAIN") for p in (ev["start"], ev["end"])]
    chosen = []
    for cls in ("INDEL", "SNV"):
        pool = sorted((v for v in known if v.kind == cls), key=lambda v: (v.pos, v.ref, v.alt))
        rng.shuffle(pool)
        n = 0
        for v in pool:
            if n >= want[cls]:
                break
            if any(occ[max(0, v.lo - GAP):v.hi + GAP + 1]):
                continue
            if any(v.lo - BP_MARGIN <= p <= v.hi + BP_MARGIN for p in bps):
                continue
            occ[v.lo:v.hi + 1] = b"\x01" * (v.hi - v.lo + 1)
            if rng.random() < args.hom_frac:
                v.mask = 3
            else:
                v.mask = 1 if rng.random() < 0.5 else 2
            chosen.append(v)
            n += 1
    chosen.sort(key=lambda v: v.pos)
    # Third haplotype (trisomy). GAIN_MII: a copy of hap `hap` (meiosis II non-disjunction, isodisomy).
    # GAIN_MI: the other homolog of the same parent, distinct left of x and equal to hap `hap` right of it
    # (meiosis I non-disjunction with one crossover): alt with p 0.5 at het sites, 0.85 at hom sites.
    if gain:
        h = gain["hap"]
        x = int(gain["x"]) if gain["kind"] == "GAIN_MI" else 0
        gain["xpos"] = x
        for v in chosen:
            if v.pos >= x:
                carry = bool(v.mask & h)
            else:
                carry = rng.random() < (0.85 if v.mask == 3 else 0.5)
            if carry:
                v.mask |= 4

    # ---- components ------------------------------------------------------------------------------------------
    def intervals_for(hap, mosaic_state):
        """Reference intervals of haplotype `hap` (1, 2 or 4) in cells where mosaic events are present
        (mosaic_state True) or absent."""
        iv = [(0, L)]
        for ev in sorted(events, key=lambda e: e["start"]):
            if ev["kind"].startswith("GAIN") or not (ev["hap"] & hap):
                continue
            if ev["frac"] < 1.0 and not mosaic_state:
                continue
            s, e = ev["start"], ev["end"]
            new = []
            for a, b in iv:
                if ev["kind"] == "DEL":
                    if b <= s or a >= e:
                        new.append((a, b))
                    else:
                        if a < s:
                            new.append((a, s))
                        if b > e:
                            new.append((e, b))
                elif ev["kind"] == "DUP":
                    if a <= s and e <= b:
                        new += [(a, e), (s, b)]
                    else:
                        new.append((a, b))
            iv = new
        return iv

    mos = [ev for ev in events if ev["frac"] < 1.0]
    comps = []  # (name, hap bit, intervals, depth, with_chrM)
    for hb in ([1, 2, 4] if nhap == 3 else [1, 2]):
        with_mt = hb != 4  # chrM copy number is not changed by a contig gain
        if mos and any(ev["hap"] & hb for ev in mos):
            f = mos[0]["frac"]
            comps.append((f"{HAPNAME[hb]}n", hb, intervals_for(hb, False), BASE_DEPTH * (1 - f), with_mt))
            comps.append((f"{HAPNAME[hb]}m", hb, intervals_for(hb, True), BASE_DEPTH * f, with_mt))
        else:
            comps.append((HAPNAME[hb], hb, intervals_for(hb, True), BASE_DEPTH, with_mt))

    os.makedirs(args.out, exist_ok=True)
    mt_seq = seqs[MT]
    with open(os.path.join(args.out, f"{args.alias}.components.tsv"), "w") as ct:
        for ci, (name, hb, iv, depth, with_mt) in enumerate(comps):
            parts = []
            for a, b in iv:
                cur = a
                for v in chosen:
                    s0, e0 = v.span0
                    if not (v.mask & hb) or s0 < a or e0 > b:
                        continue
                    if seq[s0:e0] != v.ref:
                        raise SystemExit(f"REF mismatch at {v.pos}")
                    parts.append(seq[cur:s0])
                    parts.append(v.alt)
                    cur = e0
                parts.append(seq[cur:b])
            hs = "".join(parts)
            path = f"{args.alias}.{name}.fa"
            with open(os.path.join(args.out, path), "w") as out:
                for c, s in ((CHUNK, hs), (MT, mt_seq)) if with_mt else ((CHUNK, hs),):
                    out.write(f">{c}\n")
                    for i in range(0, len(s), 60):
                        out.write(s[i:i + 60] + "\n")
            tot = len(hs) + (len(mt_seq) if with_mt else 0)
            nn = tot - hs.count("N")
            ct.write(f"{ci + 1}\t{name}\t{path}\t{depth:g}\t{nn / tot:.6f}\n")

    # ---- truth: small variants as sequenced ---------------------------------------------------------------------
    def copies(iv, s0, e0):
        return sum(1 for a, b in iv if a <= s0 and e0 <= b)

    const = [c for c in comps if not c[0].endswith("m")]  # constitutional copies
    vcf = open(os.path.join(args.out, f"{args.alias}.truth.raw.vcf"), "w")
    vcf.write("##fileformat=VCFv4.2\n##source=cnvsim.py\n")
    for c in order:
        vcf.write(f"##contig=<ID={c},length={len(seqs[c])}>\n")
    vcf.write('##INFO=<ID=ORIGIN,Number=1,Type=String,Description="dbsnp: real dbSNP site (known-sites list)">\n'
              '##INFO=<ID=EXPAF,Number=1,Type=Float,Description="Expected alt allele fraction in the reads '
              '(alt copies x depth / all copies x depth)">\n'
              '##INFO=<ID=CNV,Number=1,Type=String,Description="CNV truth event the site lies in">\n'
              '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype over the copies present in every cell: '
              'phased, hap1 copies | hap2 copies | third copy (trisomy); haploid where one copy is left; '
              'for a mosaic event, the constitutional diploid genotype">\n'
              '##FORMAT=<ID=CN,Number=1,Type=Float,Description="Copy number at the site (mean over cells)">\n')
    vcf.write(f"#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\t{args.alias}\n")
    ev_ids = []
    for i, ev in enumerate(events):
        ev_ids.append(f"{args.alias}.{ev['kind'].split('_')[0]}{i + 1}")
    n_written = n_lost = 0
    for v in chosen:
        s0, e0 = v.span0
        tot = alt = 0.0
        for name, hb, iv, depth, _ in comps:
            k = copies(iv, s0, e0)
            tot += k * depth
            if v.mask & hb:
                alt += k * depth
        if alt == 0:
            n_lost += 1
            continue
        gt = []
        for name, hb, iv, depth, _ in const:
            gt += ["1" if v.mask & hb else "0"] * copies(iv, s0, e0)
        if not gt:
            n_lost += 1
            continue
        cn = tot / BASE_DEPTH
        inside = [ev_ids[i] for i, ev in enumerate(events) if not ev["kind"].startswith("GAIN")
                  and ev["start"] <= s0 and e0 <= ev["end"]]
        info = f"ORIGIN=dbsnp;EXPAF={alt / tot:.4f}" + (f";CNV={inside[0]}" if inside else "")
        vcf.write(f"{CHUNK}\t{v.pos}\t{v.vid}\t{v.ref}\t{v.alt}\t.\tPASS\t{info}\tGT:CN\t{'|'.join(gt)}:{cn:g}\n")
        n_written += 1
    vcf.close()

    # ---- truth: CNV events ----------------------------------------------------------------------------------------
    with open(os.path.join(args.out, f"{args.alias}.truth.cnv.bed"), "w") as bed:
        bed.write("#chrom\tstart\tend\tcopy_number\ttype\tmosaic_fraction\tevent_id\thaplotype\tlength\tdetail\n")
        for i, ev in enumerate(events):
            k = ev["kind"]
            if k.startswith("GAIN"):
                cn, typ = 3, "GAIN"
                detail = ("third copy identical to hap%d (meiosis II pattern)" % ev["hap"] if k == "GAIN_MII" else
                          "third copy distinct left of %d, identical to hap%d right of it (meiosis I pattern)"
                          % (ev["xpos"], ev["hap"]))
                hap = "hap1,hap2,hap3"
            else:
                nh = bin(ev["hap"]).count("1")
                step = -nh if k == "DEL" else nh
                cn = 2 + step * ev["frac"]
                typ = k
                hap = ",".join(f"hap{b}" for b in (1, 2) if ev["hap"] & b)
                detail = {("DEL", 1): "heterozygous deletion", ("DEL", 2): "homozygous deletion",
                          ("DUP", 1): "heterozygous tandem duplication (direct orientation)"}[(k, nh)]
                if ev["frac"] < 1:
                    detail = f"mosaic {detail}, in {ev['frac']:g} of cells"
            bed.write(f"{CHUNK}\t{ev['start']}\t{ev['end']}\t{cn:g}\t{typ}\t{ev['frac']:g}\t{ev_ids[i]}\t{hap}\t"
                      f"{ev['end'] - ev['start']}\t{detail}\n")
    with open(os.path.join(args.out, f"{args.alias}.notes.tsv"), "w") as out:
        out.write(f"{args.alias}\tseed\t{args.seed}\n{args.alias}\tsmall_variants_picked\t{len(chosen)}\n"
                  f"{args.alias}\tsmall_variants_in_truth\t{n_written}\n"
                  f"{args.alias}\tsmall_variants_lost_to_deletions\t{n_lost}\n")
        for i, ev in enumerate(events):
            out.write(f"{args.alias}\tevent\t{ev_ids[i]}\t{ev['kind']}\t{ev['start']}\t{ev['end']}\n")


if __name__ == "__main__":
    main()
CNVSIM_PY

pairs() { paste <(paste - - - - < "$1") <(paste - - - - < "$2"); }
shuffle_rename() {  # pairs.txt seed name_prefix out_prefix
  shuf --random-source=<(yes "gapdata-$2") "$1" |
    awk -F'\t' -v p="$3" -v r1="$4_R1.fq" -v r2="$4_R2.fq" '{
      n = p ":" NR
      printf "@%s\n%s\n+\n%s\n", n, $2, $4 > r1
      printf "@%s\n%s\n+\n%s\n", n, $6, $8 > r2 }'
}
simulate() {  # fa depth nonN_fraction seed prefix -> prefix_1.raw.fq prefix_2.raw.fq
  local fa=$1 cov=$2 nonn=$3 seed=$4 pre=$5
  if [ "$SIM" = art ]; then
    # shellcheck disable=SC2086 # ART_ARGS is a list of options
    art_illumina $ART_ARGS -i "$fa" -p -f "$cov" -rs "$seed" -na -q -o "${pre}_" > "$pre.sim.log"
    mv "${pre}_1.fq" "${pre}_1.raw.fq"; mv "${pre}_2.fq" "${pre}_2.raw.fq"
  else
    # dwgsim -C counts N bases in the denominator; scale so that the depth over non-N bases is $cov.
    # -Q 0: base qualities follow the error-rate ramp without jitter (keeps the BAMs small).
    cov=$(awk -v c="$cov" -v f="$nonn" 'BEGIN{printf "%.4f", c * f}')
    dwgsim -H -z "$seed" -C "$cov" -1 150 -2 150 -d 400 -s 60 -e 0.002-0.01 -E 0.003-0.012 -Q 0 \
      -r 0 -R 0 -X 0 -y 0 -o 1 "$fa" "$pre" > "$pre.sim.log" 2>&1
    gzip -dc "$pre.bwa.read1.fastq.gz" > "${pre}_1.raw.fq"; gzip -dc "$pre.bwa.read2.fastq.gz" > "${pre}_2.raw.fq"
    rm -f "$pre".bwa.read?.fastq.gz "$pre".mutations.* 
  fi
}

: > gen/notes.tsv
for si in "${!SAMPLES[@]}"; do
  IFS=';' read -r a pid mrn sex role seed events <<< "${SAMPLES[$si]}"
  log "$a: genome (seed $seed)"
  python3 cnvsim.py --ref ref.fa --known "$DATA/known-sites.vcf.gz" --mapq0 gen/mapq0.txt --seed "$seed" \
    --alias "$a" --events "$events" --out gen
  cat "gen/$a.notes.tsv" >> gen/notes.tsv
  bcftools norm --no-version -f ref.fa -m -any -Oz -o "truth/$a.truth.vcf.gz" "gen/$a.truth.raw.vcf" 2> "gen/$a.norm.log"
  tabix -f -p vcf "truth/$a.truth.vcf.gz"
  realigned=$(awk -F'\t' '/^Lines/{split($2, x, "/"); print x[3]}' "gen/$a.norm.log")
  [ "$realigned" = 0 ] || { echo "make-$SET.sh: bcftools realigned $realigned records of $a" >&2; exit 1; }
  cp "gen/$a.truth.cnv.bed" truth/
  rm -f "reads/$a.pairs"
  while IFS=$'\t' read -r ci cname fa depth nonn; do
    log "$a: simulating $cname at ${depth}x with $SIM"
    simulate "gen/$fa" "$depth" "$nonn" "$((SIM_SEED + 10 * si + ci))" "reads/$a.$cname"
    pairs "reads/$a.${cname}_1.raw.fq" "reads/$a.${cname}_2.raw.fq" >> "reads/$a.pairs"
    rm -f "reads/$a.${cname}"_?.raw.fq
  done < "gen/$a.components.tsv"
  shuffle_rename "reads/$a.pairs" "$((SIM_SEED + 10 * si))" "${NAME_PREFIX}${si}:7:HSIMFC:1" "reads/$a"
  rm -f "reads/$a.pairs"
  log "$a: aligning"
  rg="@RG\tID:$a.L1\tSM:$pid\tPL:ILLUMINA\tLB:$a.lib1\tPU:SIMFC.1.$a"
  bwa mem -t "$THREADS" -K 10000000 -R "$rg" ref.fa "reads/${a}_R1.fq" "reads/${a}_R2.fq" 2> "bam/$a.bwa.log" |
    samtools fixmate -m -u - - | samtools sort -@ 1 -m 1G -T "bam/$a.sorttmp" -u -o "bam/$a.sorted.bam" -
  samtools markdup -s "bam/$a.sorted.bam" "bam/$a.bam" 2> "bam/$a.markdup.txt"
  samtools index "bam/$a.bam"
  rm -f "bam/$a.sorted.bam" "reads/${a}_R1.fq" "reads/${a}_R2.fq"
done

# ---- sheet, panel, truth table ---------------------------------------------------------------------------
{
  printf 'patient_id\tmrn\tsample_alias\tfamily_id\trole\tsex\tbam\n'
  for s in "${SAMPLES[@]}"; do
    IFS=';' read -r a pid mrn sex role seed events <<< "$s"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$pid" "$mrn" "$a" "$SET" "$role" "$sex" "$a.bam"
  done
} > samplesheet.tsv
{
  printf 'sample_alias\tbam\tfolder\n'
  for p in "${SHARED_PANEL[@]}"; do printf '%s\t%s.bam\tshared\n' "$p" "$p"; done
  for s in "${SAMPLES[@]}"; do
    IFS=';' read -r a pid mrn sex role seed events <<< "$s"
    [ "$role" = normal ] && printf '%s\t%s.bam\tset\n' "$a" "$a"
  done
} > panel.tsv
{
  printf '#chrom\tstart\tend\tcopy_number\ttype\tmosaic_fraction\tevent_id\thaplotype\tlength\tdetail\tsample_alias\n'
  for s in "${SAMPLES[@]}"; do
    IFS=';' read -r a pid mrn sex role seed events <<< "$s"
    grep -v '^#' "truth/$a.truth.cnv.bed" | awk -v OFS='\t' -v s="$a" '{print $0, s}' || true
  done
} > truth.cnv.bed
{
  printf 'sample_alias\tkey\tvalue\textra\n'
  awk -F'\t' -v OFS='\t' '{print $1, $2, $3, ($4 == "" ? "" : $4 " " $5 " " $6)}' gen/notes.tsv
  for si in "${!SAMPLES[@]}"; do
    IFS=';' read -r a pid mrn sex role seed events <<< "${SAMPLES[$si]}"
    printf '%s\tevent_specs\t%s\t\n' "$a" "${events:-none}"
    printf '%s\treads_primary\t%s\t\n' "$a" "$(samtools view -c -F 0x900 "bam/$a.bam")"
    printf '%s\tduplicates_flagged\t%s\t\n' "$a" "$(samtools view -c -f 0x400 "bam/$a.bam")"
    while IFS=$'\t' read -r ci cname fa depth nonn; do
      printf '%s\tcomponent\t%s\t%sx per haplotype copy, read seed %s\n' "$a" "$cname" "$depth" "$((SIM_SEED + 10 * si + ci))"
    done < "gen/$a.components.tsv"
  done
} > generator-notes.tsv

log "writing $OUT"
cp -f versions.tsv samplesheet.tsv panel.tsv truth.cnv.bed generator-notes.tsv mappability.10kb.tsv "$OUT/"
cp -f truth/* bam/*.bam bam/*.bam.bai "$OUT/"
( cd "$OUT" && find . -maxdepth 1 -type f ! -name MANIFEST.tsv ! -name README.md ! -name '*.sh' -printf '%f\n' | sort |
  while read -r f; do printf '%s\t%s\t%s\n' "$f" "$(stat -c %s "$f")" "$(sha256sum "$f" | cut -d' ' -f1)"; done |
  { printf 'file\tbytes\tsha256\n'; cat; } > MANIFEST.tsv )
log "done: $(du -sh "$OUT" | cut -f1) in $OUT"
