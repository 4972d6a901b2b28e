#!/usr/bin/env bash
# make-som2.sh: rebuild the tumour-normal test set "som2" (one patient: a normal sample at 30x and a tumour sample at
# 60x, 2x150 bp, bwa mem, duplicates marked) on the 1 Mb reference, with its truth files, from Debian 12 packages
# alone. Deterministic: fixed seeds, bwa -K, no dates in headers; a rerun with the same package versions gives
# byte-identical files (MANIFEST.tsv holds their sha256).
#
#   bash make-som2.sh                                   # writes next to this script
#   bash make-som2.sh --data DIR --out DIR --work DIR --threads N
#
# --data is the folder with ref.fa (+ .fai, .dict), confident.bed and known-sites.vcf.gz (default:
# the folder above this one). Needs: apt-get install art-nextgen-simulation-tools bwa samtools bcftools tabix python3
set -euo pipefail
export LC_ALL=C

# ---- the set's parameters -----------------------------------------------------------------------------------
SET=som2
SEED=52711                 # genomes, somatic events, artefact sites (somsim.py genome)
SIM_SEED=8300         # reads: seed = SIM_SEED + 10*component + haplotype
PICK_SEED=8351       # which reads carry the artefacts
SIM=dwgsim                   # art or dwgsim
PURITY=0.4
CCF1=0.6; CCF2=0.3    # cancer cell fractions of the two subclones
MT_SET=J1c
ARTEFACT_ARGS="--oxog-sites 40 --oxog-min 4 --oxog-max 8 --lowalt-sites 15 --lowalt-min 1 --lowalt-max 3 --lowdepth-sites 12 --lowdp-min 6 --lowdp-max 10 --tumour-cov 80 --normal-cov 40"
NORMAL="${SET}_normal"; TUMOUR="${SET}_tumour"
PATIENT_ID='72.05.19-233.61'; MRN='UZL-0044102'; SEX=female
DATA=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
WORK=${TMPDIR:-/tmp}/gapdata/$SET
THREADS=2

usage() { sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }
while [ $# -gt 0 ]; do
  case $1 in
    --data) DATA=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    --work) WORK=$2; shift 2 ;;
    --threads) THREADS=$2; shift 2 ;;
    -h|--help) usage 0 ;;
    *) echo "make-som2.sh: unknown option '$1' (try --help)" >&2; exit 2 ;;
  esac
done
log() { printf '[%s %s] %s\n' "$SET" "$(date +%H:%M:%S)" "$*" >&2; }
need() { command -v "$1" >/dev/null || { echo "make-som2.sh: '$1' not found; apt-get install $2" >&2; exit 1; }; }
need bwa bwa; need samtools samtools; need bcftools bcftools; need bgzip tabix; need tabix tabix; need python3 python3
if [ "$SIM" = art ]; then need art_illumina art-nextgen-simulation-tools; else need dwgsim dwgsim; fi
DATA=$(cd "$DATA" && pwd)
for f in ref.fa ref.fa.fai ref.dict confident.bed known-sites.vcf.gz known-sites.vcf.gz.tbi; do
  [ -s "$DATA/$f" ] || { echo "make-som2.sh: $DATA/$f missing" >&2; exit 1; }
done
mkdir -p "$WORK" "$OUT"
OUT=$(cd "$OUT" && pwd)
SELF=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/$(basename "${BASH_SOURCE[0]}")
cd "$WORK"
rm -rf gen reads bam truth pub && mkdir -p gen reads bam truth pub

{
  printf 'package\tversion\n'
  for p in art-nextgen-simulation-tools bwa samtools bcftools tabix python3 coreutils; do
    printf '%s\t%s\n' "$p" "$(dpkg-query -W -f='${Version}' "$p" 2>/dev/null || echo '?')"
  done
} > pub/$SET.versions.tsv

log "reference"
cp -f "$DATA"/ref.fa "$DATA"/ref.fa.fai "$DATA"/ref.dict "$DATA"/confident.bed .
cp -f "$DATA"/known-sites.vcf.gz known-sites.vcf.gz
bwa index ref.fa 2> bwa-index.log

# ---- genomes and truth ------------------------------------------------------------------------------------
cat > somsim.py <<'SOMSIM_PY'
#!/usr/bin/env python3
"""somsim.py: a phased germline genome (normal) and a tumour (clone + two subclones, copy-neutral LOH, one
single-copy loss, clonal and subclonal somatic variants) on the 1 Mb reference; then read-level artefacts.

Standard library only. Every random choice comes from random.Random(seed), so a given seed and the same inputs
always give the same genomes. Indels are left-aligned with one anchor base, so `bcftools norm -f ref` finds
nothing to realign (the shell script checks that).

  somsim.py genome ...      genomes, haplotype FASTAs, raw truth VCFs, classes, regions, artefact candidate sites
  somsim.py pick-tumour ... read SAM (first alignment) on stdin; choose the reads that get oxoG-like errors
  somsim.py pick-normal ... read SAM (first alignment) on stdin; choose the read pairs removed from the normal
  somsim.py apply ...       write the final FASTQ pair: drop pairs, change bases
"""
import argparse
import gzip
import os
import random
import sys
from bisect import bisect_left

CHUNK = "chr22_20_21M"
MT = "chrM"
EDGE = 300          # keep variants this far from N runs and contig ends
GAP = 2             # untouched bases between two germline variants
SOM_GAP = 30        # somatic events keep this far from every germline and other somatic variant
CNV_EDGE = 500      # events keep this far from a copy-number breakpoint
COMP = {"A": "T", "C": "G", "G": "C", "T": "A", "N": "N"}

MT_SETS = {
    "H1": [(750, "A", "G"), (1438, "A", "G"), (3010, "G", "A"), (4769, "A", "G"), (8860, "A", "G"),
           (15326, "A", "G")],
    "J1c": [(750, "A", "G"), (1438, "A", "G"), (2706, "A", "G"), (4216, "T", "C"), (4769, "A", "G"),
            (7028, "C", "T"), (8860, "A", "G"), (11251, "A", "G"), (11719, "G", "A"), (14766, "C", "T"),
            (15326, "A", "G"), (15452, "C", "A"), (16069, "C", "T")],
    "U5": [(750, "A", "G"), (1438, "A", "G"), (2706, "A", "G"), (3197, "T", "C"), (4769, "A", "G"),
           (7028, "C", "T"), (8860, "A", "G"), (9477, "G", "A"), (11467, "A", "G"), (11719, "G", "A"),
           (12308, "A", "G"), (12372, "G", "A"), (13617, "T", "C"), (14766, "C", "T"), (15326, "A", "G"),
           (16270, "C", "T")],
}


class Var:
    __slots__ = ("chrom", "pos", "ref", "alt", "vid", "lo", "hi", "origin", "info")

    def __init__(self, chrom, pos, ref, alt, vid, lo, hi, origin):
        self.chrom, self.pos, self.ref, self.alt, self.vid = chrom, pos, ref, alt, vid
        self.lo, self.hi, self.origin, self.info = lo, hi, origin, {}

    @property
    def key(self):
        return (self.chrom, self.pos, self.ref, self.alt)

    @property
    def kind(self):
        if len(self.ref) == len(self.alt):
            return "SNV"
        return "INS" if len(self.alt) > len(self.ref) else "DEL"


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


def snv(seq, chrom, off, alt, vid, origin):
    ref = seq[off]
    if ref == alt or ref not in "ACGT" or alt not in "ACGT":
        raise ValueError(f"bad SNV at {off}: {ref}>{alt}")
    return Var(chrom, off + 1, ref, alt, vid, off + 1, off + 1, origin)


def deletion(seq, chrom, start, length, vid, origin):
    s = start
    while s > 1 and seq[s - 1] == seq[s + length - 1]:
        s -= 1
    r = start
    while r + length < len(seq) and seq[r] == seq[r + length]:
        r += 1
    return Var(chrom, s, seq[s - 1:s + length], seq[s - 1], vid, s + 1, r + length, origin)


def insertion(seq, chrom, off, ins, vid, origin):
    o, i = off, ins
    while o > 1 and seq[o - 1] == i[-1]:
        i = i[-1] + i[:-1]
        o -= 1
    left_o, left_i = o, i
    o, i = off, ins
    while o < len(seq) and seq[o] == i[0]:
        i = i[1:] + i[0]
        o += 1
    return Var(chrom, left_o, seq[left_o - 1], seq[left_o - 1] + left_i, vid, left_o, o + 1, origin)


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


def load_known(path, seq, place):
    """Alleles of the known-sites VCF (SNVs, deletions, insertions with one anchor base)."""
    out = []
    with gzip.open(path, "rt") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            f = line.split("\t")
            if f[0] != CHUNK:
                continue
            pos, vid, ref = int(f[1]), f[2], f[3]
            for alt in f[4].split(","):
                if len(ref) == len(alt) == 1:
                    v = snv(seq, CHUNK, pos - 1, alt, vid, "known")
                elif len(alt) == 1 and ref[0] == alt:
                    v = deletion(seq, CHUNK, pos, len(ref) - 1, vid, "known")
                elif len(ref) == 1 and alt[0] == ref:
                    v = insertion(seq, CHUNK, pos, alt[1:], vid, "known")
                else:
                    continue
                if "N" in v.ref or "N" in v.alt or not (place[v.lo] and place[v.hi]):
                    continue
                out.append(v)
    return out


def random_snv_alt(rng, ref):
    ts = {"A": "G", "G": "A", "C": "T", "T": "C"}[ref]
    if rng.random() < 2.0 / 3.0:
        return ts
    return rng.choice(sorted(set("ACGT") - {ref, ts}))


def indel_len(rng):
    w = [30, 16, 10, 8, 6, 5, 4, 3, 3, 3, 2, 2, 2, 2, 2]   # 1..15 bp
    return rng.choices(range(1, 16), weights=w)[0]


# -------------------------------------------------------------------------------------------------------------
def cmd_genome(a):
    rng = random.Random(a.seed)
    seqs, order = read_fasta(a.ref)
    if order != [CHUNK, MT]:
        raise SystemExit(f"reference contigs {order}, expected {[CHUNK, MT]}")
    seq = seqs[CHUNK]
    L = len(seq)
    blocks = n_free(seq)
    place = bytearray(L + 2)
    for s, e in blocks:
        place[s + 1 + EDGE:e - EDGE + 1] = b"\x01" * (e - EDGE - s - EDGE)
    known = load_known(a.known, seq, place)
    known_pos = set()
    known_alts = {}
    for v in known:
        known_pos.update(range(v.lo, v.hi + 1))
        if v.kind == "SNV":
            known_alts.setdefault(v.pos, set()).add(v.alt)
    known_keys = {v.key for v in known}
    nonN = sum(e - s for s, e in blocks)
    notes = [f"known_usable\t{len(known)}", f"nonN_bp\t{nonN}"]

    # ---- germline (normal): known-site alleles, phased, 85% SNV, hom-alt with probability hom_frac ----------
    n_total = round(nonN / a.density_bp)
    n_indel = round(n_total * a.indel_frac)
    n_snv = n_total - n_indel
    germ = {}                                 # key -> [Var, mask]
    occ = bytearray(L + 8)                    # germline footprint
    snvs = sorted((v for v in known if v.kind == "SNV"), key=lambda v: v.key)
    indels = sorted((v for v in known if v.kind != "SNV"), key=lambda v: v.key)
    rng.shuffle(snvs)
    rng.shuffle(indels)
    for pool, want in ((indels, n_indel), (snvs, n_snv)):
        k = 0
        for v in pool:
            if k >= want:
                break
            if any(occ[max(0, v.lo - GAP):v.hi + GAP + 1]):
                continue
            mask = 3 if rng.random() < a.hom_frac else (1 if rng.random() < 0.5 else 2)
            germ[v.key] = [v, mask]
            occ[v.lo:v.hi + 1] = b"\x01" * (v.hi - v.lo + 1)
            k += 1
    mseq = seqs[MT]
    for pos, ref, alt in MT_SETS[a.mt_set]:
        if mseq[pos - 1] != ref:
            raise SystemExit(f"chrM {pos}: reference has {mseq[pos - 1]}, table says {ref}")
        v = Var(MT, pos, ref, alt, ".", pos, pos, "mt_" + a.mt_set)
        germ[v.key] = [v, 3]

    # ---- copy-number regions: copy-neutral LOH and a single-copy loss, in different non-N blocks ------------
    big = [(s, e) for s, e in blocks if e - s > 200000]
    rng.shuffle(big)
    (b1s, b1e), (b2s, b2e) = big[0], big[1]
    loh_s = rng.randrange(b1s + 20000, b1e - 20000 - a.loh_len)
    loss_s = rng.randrange(b2s + 20000, b2e - 20000 - a.loss_len)
    loh = (loh_s + 1, loh_s + a.loh_len)          # 1-based inclusive
    loss = (loss_s + 1, loss_s + a.loss_len)
    loh_keep = rng.choice((1, 2))                 # tumour carries two copies of this parental haplotype
    loss_lost = rng.choice((1, 2))                # tumour lost this haplotype
    notes += [f"loh_region\t{CHUNK}:{loh[0]}-{loh[1]}\tkept_hap={loh_keep}",
              f"loss_region\t{CHUNK}:{loss[0]}-{loss[1]}\tlost_hap={loss_lost}"]

    def region_of(v):
        for name, (s, e) in (("loh", loh), ("loss", loss)):
            if v.hi >= s - CNV_EDGE and v.lo <= e + CNV_EDGE:
                if v.lo >= s + CNV_EDGE and v.hi <= e - CNV_EDGE:
                    return name
                return "edge"
        return "none"

    # ---- cell populations and expected VAF ------------------------------------------------------------------
    p, f1, f2 = a.purity, a.ccf1, a.ccf2
    w = {"normal": 1 - p, "clone": p * (1 - f1 - f2), "sub1": p * f1, "sub2": p * f2}

    def tumour_cn(region):
        return 1 if region == "loss" else 2

    def exp_vaf(carriers, region):
        num = sum(w[c] for c in carriers)
        den = w["normal"] * 2 + p * tumour_cn(region)
        return num / den

    # ---- somatic events ---------------------------------------------------------------------------------------
    som = []                                   # (Var, hap_in_tumour, population, region)
    socc = bytearray(L + 8)

    def free_for_somatic(v, novel=True):
        if not (place[v.lo] and place[v.hi]):
            return False
        if any(occ[max(0, v.lo - SOM_GAP):v.hi + SOM_GAP + 1]) or any(socc[max(0, v.lo - SOM_GAP):v.hi + SOM_GAP + 1]):
            return False
        if novel and any(q in known_pos for q in range(v.lo - 10, v.hi + 11)):
            return False
        return True

    def add_som(v, pop, allow_cnv=True):
        reg = region_of(v)
        if reg == "edge" or (reg != "none" and not allow_cnv):
            return False
        if reg == "loss":
            hap = 3 - loss_lost
        else:
            hap = rng.choice((1, 2))
        som.append((v, hap, pop, reg))
        socc[v.lo:v.hi + 1] = b"\x01" * (v.hi - v.lo + 1)
        return True

    def novel_snv(pop, allow_cnv=True):
        while True:
            p0 = rng.randrange(L)
            if seq[p0] not in "ACGT":
                continue
            v = snv(seq, CHUNK, p0, random_snv_alt(rng, seq[p0]), ".", "novel")
            if free_for_somatic(v) and add_som(v, pop, allow_cnv):
                return v

    def novel_indel(pop):
        while True:
            p0 = rng.randrange(1, L - 20)
            n = indel_len(rng)
            if rng.random() < 0.5:
                if "N" in seq[p0 - 1:p0 + n + 1]:
                    continue
                v = deletion(seq, CHUNK, p0, n, ".", "novel")
            else:
                if seq[p0] not in "ACGT" or seq[p0 - 1] not in "ACGT":
                    continue
                ins = "".join(rng.choice("ACGT") for _ in range(n))
                v = insertion(seq, CHUNK, p0, ins, ".", "novel")
            if v.hi - v.lo > 40:          # keep indels out of long repeat tracts
                continue
            if free_for_somatic(v) and add_som(v, pop):
                return v

    def known_event(kind, pop, same_allele):
        pool = sorted((v for v in known if (v.kind == "SNV") == (kind == "SNV") and v.key not in germ),
                      key=lambda v: v.key)
        while True:
            k = rng.choice(pool)
            if same_allele:
                v = Var(k.chrom, k.pos, k.ref, k.alt, k.vid, k.lo, k.hi, "known_site")
            else:
                alts = sorted(set("ACGT") - {k.ref} - known_alts.get(k.pos, set()))
                if not alts:
                    continue
                v = Var(k.chrom, k.pos, k.ref, rng.choice(alts), ".", k.lo, k.hi, "known_pos_other_allele")
            if v.key in known_keys and not same_allele:
                continue
            if free_for_somatic(v, novel=False) and add_som(v, pop, allow_cnv=(pop == "clone")):
                return v

    for _ in range(a.known_same_snv):
        known_event("SNV", "clone", True)
    for _ in range(a.known_diff_snv):
        known_event("SNV", "clone", False)
    for _ in range(a.known_indel):
        known_event("INDEL", "clone", True)
    for _ in range(a.clonal_snv - a.known_same_snv - a.known_diff_snv):
        novel_snv("clone")
    for _ in range(a.indels - a.known_indel):
        novel_indel("clone")
    for i in range(a.subclonal_snv):
        pop = "sub1" if i < a.subclonal_snv // 2 else "sub2"
        if i < a.known_sub_snv:
            known_event("SNV", pop, True)
        else:
            novel_snv(pop, allow_cnv=False)

    # ---- haplotypes of each cell population -------------------------------------------------------------------
    def build(variants, hap, loh_src=None, drop=None):
        """One haplotype of chr22. variants: (Var, mask) with mask 1 = hap1, 2 = hap2, 3 = both. loh_src: inside
        the LOH region germline alleles come from this parental haplotype; drop: (s, e) 1-based, removed."""
        vs = []
        for v, m in variants:
            if v.chrom != CHUNK:
                continue
            if drop and v.hi >= drop[0] and v.lo <= drop[1]:
                continue
            h = hap
            if loh_src and v.info.get("germline") and loh[0] <= v.pos <= loh[1]:
                h = loh_src
            if m & h:
                vs.append(v)
        vs.sort(key=lambda v: v.pos)
        parts, cur, dropped = [], 0, drop is None
        for v in vs:
            p0 = v.pos - 1
            if not dropped and p0 >= drop[1]:
                parts.append(seq[cur:drop[0] - 1])
                cur, dropped = drop[1], True
            if p0 < cur:
                raise SystemExit(f"overlapping alleles at {v.pos}")
            if seq[p0:p0 + len(v.ref)] != v.ref:
                raise SystemExit(f"REF mismatch at {v.pos}")
            parts.append(seq[cur:p0])
            parts.append(v.alt)
            cur = p0 + len(v.ref)
        if not dropped:
            parts.append(seq[cur:drop[0] - 1])
            cur = drop[1]
        parts.append(seq[cur:])
        return "".join(parts)

    for v, m in germ.values():
        v.info["germline"] = 1
    germ_list = list(germ.values())
    mt_alts = sorted((v for v, m in germ_list if v.chrom == MT), key=lambda v: v.pos)
    mtseq = list(mseq)
    for v in mt_alts:
        mtseq[v.pos - 1] = v.alt
    mtseq = "".join(mtseq)

    def write_fa(path, chunk_seq):
        with open(path, "w") as out:
            for name, s in ((CHUNK, chunk_seq), (MT, mtseq)):
                out.write(f">{name}\n")
                for i in range(0, len(s), 60):
                    out.write(s[i:i + 60] + "\n")

    os.makedirs(a.out, exist_ok=True)
    for h in (1, 2):
        write_fa(os.path.join(a.out, f"normal.hap{h}.fa"), build(germ_list, h))
    pops = {"clone": ["clone"], "sub1": ["clone", "sub1"], "sub2": ["clone", "sub2"]}
    for cell, carried in pops.items():
        tv = list(germ_list) + [(v, hap) for v, hap, pop, reg in som if pop in carried]
        for h in (1, 2):
            drop = loss if h == loss_lost else None
            write_fa(os.path.join(a.out, f"{cell}.hap{h}.fa"), build(tv, h, loh_src=loh_keep, drop=drop))

    # ---- truth VCFs -------------------------------------------------------------------------------------------
    rank = {CHUNK: 0, MT: 1}

    def header(sample, extra):
        h = ["##fileformat=VCFv4.2", "##source=somsim.py"]
        for c in order:
            h.append(f"##contig=<ID={c},length={len(seqs[c])}>")
        h += extra
        h.append('##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype; phased hap1|hap2">')
        h.append(f"#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\t{sample}")
        return h

    with open(os.path.join(a.out, "germline.raw.vcf"), "w") as out:
        out.write("\n".join(header(a.normal_alias, [
            '##INFO=<ID=ORIGIN,Number=1,Type=String,Description="known (allele from known-sites.vcf.gz), '
            'mt_<haplogroup> (common mtDNA variant)">',
            '##INFO=<ID=TUMOUR_STATE,Number=1,Type=String,Description="what the tumour genome has at this '
            'germline allele: retained, loh_gained (two copies), loh_lost (no copy), loss_kept (one copy of '
            'one), loss_lost (no copy)">']
        )) + "\n")
        for v, m in sorted(germ_list, key=lambda e: (rank[e[0].chrom], e[0].pos, e[0].ref, e[0].alt)):
            st = "retained"
            if v.chrom == CHUNK and loh[0] <= v.pos <= loh[1] and m != 3:
                st = "loh_gained" if m & loh_keep else "loh_lost"
            elif v.chrom == CHUNK and loss[0] <= v.pos <= loss[1] and m != 3:
                st = "loss_lost" if m & loss_lost else "loss_kept"
            out.write(f"{v.chrom}\t{v.pos}\t{v.vid}\t{v.ref}\t{v.alt}\t.\tPASS\tORIGIN={v.origin};"
                      f"TUMOUR_STATE={st}\tGT\t{m & 1}|{(m >> 1) & 1}\n")

    ev_rows = []
    with open(os.path.join(a.out, "somatic.raw.vcf"), "w") as out:
        out.write("\n".join(header(a.tumour_alias, [
            '##INFO=<ID=SOMATIC,Number=0,Type=Flag,Description="Somatic variant (absent from the normal)">',
            '##INFO=<ID=CLONAL,Number=0,Type=Flag,Description="Present in every tumour cell">',
            '##INFO=<ID=CCF,Number=1,Type=Float,Description="Cancer cell fraction carrying the variant">',
            '##INFO=<ID=TUMOUR_CN,Number=1,Type=Integer,Description="Copy number of the tumour cells here">',
            '##INFO=<ID=REGION,Number=1,Type=String,Description="none, loh (copy-neutral LOH) or loss '
            '(single-copy loss)">',
            '##INFO=<ID=EXPECTED_VAF,Number=1,Type=Float,Description="Expected allele fraction in the tumour '
            'BAM from purity, CCF and copy number">',
            '##INFO=<ID=ORIGIN,Number=1,Type=String,Description="novel (not in known-sites), known_site (same '
            'allele as known-sites), known_pos_other_allele (known-sites position, different allele)">',
            '##INFO=<ID=EVENT,Number=1,Type=String,Description="Event id, as in classes.tsv">',
            f'##purity={p}', f'##subclone_ccf=sub1:{f1},sub2:{f2}']
        )) + "\n")
        for i, (v, hap, pop, reg) in enumerate(sorted(som, key=lambda e: e[0].pos)):
            carriers = ["clone", "sub1", "sub2"] if pop == "clone" else [pop]
            ev = exp_vaf(carriers, reg)
            ccf = 1.0 if pop == "clone" else (f1 if pop == "sub1" else f2)
            eid = f"S{i + 1:03d}"
            info = (f"SOMATIC;{'CLONAL;' if pop == 'clone' else ''}CCF={ccf:g};TUMOUR_CN={tumour_cn(reg)};"
                    f"REGION={reg};EXPECTED_VAF={ev:.4f};ORIGIN={v.origin};EVENT={eid}")
            gt = "1|0" if hap == 1 else "0|1"
            out.write(f"{v.chrom}\t{v.pos}\t{v.vid}\t{v.ref}\t{v.alt}\t.\tPASS\t{info}\tGT\t{gt}\n")
            typ = "SNV" if v.kind == "SNV" else "INDEL"
            if reg == "loh":
                cls = "in_loh"
            elif reg == "loss":
                cls = "in_loss"
            elif typ == "INDEL":
                cls = "indel"
            else:
                cls = "clonal_snv" if pop == "clone" else "subclonal_snv"
            ev_rows.append((v.chrom, v.pos, v.hi, cls, eid, gt,
                            f"type={typ};len={abs(len(v.alt) - len(v.ref))};population={pop};ccf={ccf:g};"
                            f"tumour_cn={tumour_cn(reg)};expected_vaf={ev:.4f};origin={v.origin};"
                            f"allele={v.ref}>{v.alt}"))
    with open(os.path.join(a.out, "classes.tsv"), "w") as out:
        out.write("chrom\tstart\tend\tclass\tevent\tgt\tdetail\n")
        for r in ev_rows:
            out.write("\t".join(map(str, r)) + "\n")
    with open(os.path.join(a.out, "cnv.bed"), "w") as out:
        out.write(f"{CHUNK}\t{loh[0] - 1}\t{loh[1]}\tcopy_neutral_loh;tumour_cn=2;kept_hap={loh_keep}\n")
        out.write(f"{CHUNK}\t{loss[0] - 1}\t{loss[1]}\tsingle_copy_loss;tumour_cn=1;lost_hap={loss_lost}\n")

    # ---- artefact candidate sites -----------------------------------------------------------------------------
    art_occ = bytearray(L + 8)
    allvar = sorted([v.pos for v, m in germ_list if v.chrom == CHUNK] + [v.pos for v, *_ in som])

    def near_var(pos, d):
        i = bisect_left(allvar, pos - d)
        return i < len(allvar) and allvar[i] <= pos + d

    def near_som(pos, d):
        return any(abs(v.pos - pos) <= d for v, *_ in som)

    def ok_site(pos, cnv_ok=False):
        if not place[pos] or any(art_occ[max(0, pos - 2000):pos + 2000]):
            return False
        if not cnv_ok and (loh[0] - 2000 <= pos <= loh[1] + 2000 or loss[0] - 2000 <= pos <= loss[1] + 2000):
            return False
        return True

    sites = []
    germ_het_snv = sorted((v for v, m in germ_list if v.chrom == CHUNK and v.kind == "SNV" and m != 3),
                          key=lambda v: v.pos)
    rng.shuffle(germ_het_snv)
    n_lowalt = n_lowdp = 0
    for v in germ_het_snv:
        if n_lowalt >= a.lowalt_sites and n_lowdp >= a.lowdepth_sites:
            break
        if not ok_site(v.pos) or near_som(v.pos, 1000):
            continue
        nb = [u for u, m in germ_list if u.chrom == CHUNK and u is not v and abs(u.pos - v.pos) < 300]
        if nb:
            continue
        if n_lowalt < a.lowalt_sites:
            sites.append(("normal_low_alt", v.pos, v.ref, v.alt, "-", rng.randint(a.lowalt_min, a.lowalt_max)))
            n_lowalt += 1
        else:
            sites.append(("normal_low_depth", v.pos, v.ref, v.alt, "-", rng.randint(a.lowdp_min, a.lowdp_max)))
            n_lowdp += 1
        art_occ[v.pos] = 1
    # oxoG-like: G>T on F1R2 pairs (ref G) or C>A on F2R1 pairs (ref C): the same lesion seen from either strand
    n_cand = a.oxog_sites * 2
    while sum(1 for s in sites if s[0] == "oxog") < n_cand:  # spare sites: some get too few usable reads
        p0 = rng.randrange(L)
        pos = p0 + 1
        b = seq[p0]
        if b not in "GC" or not ok_site(pos) or near_var(pos, 150) or any(q in known_pos for q in range(pos - 10, pos + 11)):
            continue
        if "N" in seq[p0 - 200:p0 + 200] or len(set(seq[p0 - 5:p0 + 6])) < 3:
            continue
        k = rng.randint(a.oxog_min, a.oxog_max)
        # som2: half oxoG-like (G>T on F1R2, C>A on F2R1), half FFPE-deamination-like in the other orientation
        # (C>T on F2R1, G>A on F1R2), so an orientation model must learn each class from the data
        ffpe = rng.random() < 0.5
        if b == "G":
            sites.append(("oxog", pos, "G", "A" if ffpe else "T", "F1R2", k))
        else:
            sites.append(("oxog", pos, "C", "T" if ffpe else "A", "F2R1", k))
        art_occ[pos] = 1
    with open(os.path.join(a.out, "artefact-sites.tsv"), "w") as out:
        for s in sites:
            out.write("\t".join(map(str, s)) + "\n")

    # ---- read-simulation plan: fold coverage per haplotype FASTA ---------------------------------------------
    with open(os.path.join(a.out, "plan.tsv"), "w") as out:
        half_t = a.tumour_cov / 2
        out.write(f"normal\tnormal\t{a.normal_cov / 2:.4f}\n")
        out.write(f"tumour\tnormal\t{half_t * w['normal']:.4f}\n")
        for cell in ("clone", "sub1", "sub2"):
            out.write(f"tumour\t{cell}\t{half_t * w[cell]:.4f}\n")

    cnt = {}
    for v, hap, pop, reg in som:
        k = (pop, "SNV" if v.kind == "SNV" else "INDEL", reg)
        cnt[k] = cnt.get(k, 0) + 1
    for k in sorted(cnt):
        notes.append("somatic\t" + "\t".join(k) + f"\t{cnt[k]}")
    gc = {}
    for v, m in germ_list:
        k = (v.chrom, "SNV" if v.kind == "SNV" else "INDEL", "hom" if m == 3 else "het")
        gc[k] = gc.get(k, 0) + 1
    for k in sorted(gc):
        notes.append("germline\t" + "\t".join(k) + f"\t{gc[k]}")
    notes.append(f"cell_weights\t" + ";".join(f"{k}={v:.4f}" for k, v in w.items()))
    with open(os.path.join(a.out, "notes.tsv"), "w") as out:
        out.write("\n".join(notes) + "\n")


# -------------------------------------------------------------------------------------------------------------
def sam_hits(stream, sites):
    """Yield (site, name, flag, mapq, base, qual, fastq_index) for primary reads covering a site position."""
    poss = sorted(s[1] for s in sites)
    by_pos = {s[1]: s for s in sites}
    for line in stream:
        if line[0] == "@":
            continue
        f = line.split("\t", 11)
        flag = int(f[1])
        if flag & 0x904 or f[2] != CHUNK:
            continue
        start = int(f[3])
        i = bisect_left(poss, start)
        if i >= len(poss) or poss[i] > start + 400:
            continue
        cig = f[5]
        ops, num = [], ""
        for c in cig:
            if c.isdigit():
                num += c
            else:
                ops.append((int(num), c))
                num = ""
        rlen = sum(n for n, c in ops if c in "MDN=X")
        j = i
        while j < len(poss) and poss[j] < start + rlen:
            pos = poss[j]
            j += 1
            r, q, qoff = start, 0, None
            for n, c in ops:
                if c in "M=X":
                    if r <= pos < r + n:
                        qoff = q + (pos - r)
                        break
                    r += n
                    q += n
                elif c in "IS":
                    q += n
                elif c in "DN":
                    if r <= pos < r + n:
                        break
                    r += n
            if qoff is None:
                continue
            s = f[9]
            idx = len(s) - 1 - qoff if flag & 0x10 else qoff
            yield by_pos[pos], f[0], flag, int(f[4]), s[qoff], ord(f[10][qoff]) - 33, idx


def read_sites(path, kinds):
    out = []
    with open(path) as fh:
        for line in fh:
            t = line.rstrip("\n").split("\t")
            if t[0] in kinds:
                out.append((t[0], int(t[1]), t[2], t[3], t[4], int(t[5])))
    return out


def cmd_pick_tumour(a):
    rng = random.Random(a.seed)
    sites = read_sites(a.sites, {"oxog"})
    cov = {}
    names_at = {}
    for site, name, flag, mapq, base, qual, idx in sam_hits(sys.stdin, sites):
        names_at.setdefault(site[1], []).append(name)
        f1r2 = bool(flag & 0x40) != bool(flag & 0x10)
        orient = "F1R2" if f1r2 else "F2R1"
        if orient != site[4] or not flag & 0x2 or mapq < 30 or base != site[2] or qual < 20:
            continue
        mate = 1 if flag & 0x40 else 2
        cov.setdefault(site[1], []).append((name, mate, idx))
    edits, report, used = [], [], 0
    for site in sites:
        pos = site[1]
        # a fragment whose two reads both cover the site would need both changed; leave such fragments out
        seen = {}
        for n in names_at.get(pos, []):
            seen[n] = seen.get(n, 0) + 1
        elig = sorted(e for e in cov.get(pos, []) if seen[e[0]] == 1)
        if used >= a.n or len(elig) < site[5] + 2:
            continue
        pick = rng.sample(elig, site[5])
        for name, mate, idx in sorted(pick):
            new = site[3]
            # the FASTQ holds the read as sequenced: reverse-strand alignments are reverse-complemented
            edits.append((name, mate, idx, new, site[2]))
        report.append(site + (len(elig),))
        used += 1
    with open(a.edits, "w") as out:
        for name, mate, idx, new, old in edits:
            out.write(f"EDIT\t{name}\t{mate}\t{idx}\t{new}\t{old}\n")
    with open(a.report, "w") as out:
        for r in report:
            out.write("\t".join(map(str, r)) + "\n")


def cmd_pick_normal(a):
    rng = random.Random(a.seed)
    sites = read_sites(a.sites, {"normal_low_alt", "normal_low_depth"})
    alt_names, all_names = {}, {}
    for site, name, flag, mapq, base, qual, idx in sam_hits(sys.stdin, sites):
        all_names.setdefault(site[1], set()).add(name)
        if base == site[3]:
            alt_names.setdefault(site[1], set()).add(name)
    drops, report = [], []
    for site in sites:
        pos = site[1]
        if site[0] == "normal_low_alt":
            pool = sorted(alt_names.get(pos, set()))
        else:
            pool = sorted(all_names.get(pos, set()))
        keep = set(rng.sample(pool, min(site[5], len(pool))))
        d = [n for n in pool if n not in keep]
        drops += d
        report.append(site + (len(all_names.get(pos, ())), len(alt_names.get(pos, ())), len(d)))
    with open(a.edits, "w") as out:
        for n in sorted(set(drops)):
            out.write(f"DROP\t{n}\n")
    with open(a.report, "w") as out:
        for r in report:
            out.write("\t".join(map(str, r)) + "\n")


def cmd_apply(a):
    drop, edit = set(), {}
    with open(a.edits) as fh:
        for line in fh:
            t = line.rstrip("\n").split("\t")
            if t[0] == "DROP":
                drop.add(t[1])
            else:
                edit.setdefault((t[1], int(t[2])), []).append((int(t[3]), t[4], t[5]))
    done = 0
    with open(a.r1) as f1, open(a.r2) as f2, open(a.o1, "w") as o1, open(a.o2, "w") as o2:
        while True:
            r1 = [f1.readline() for _ in range(4)]
            r2 = [f2.readline() for _ in range(4)]
            if not r1[0]:
                break
            name = r1[0][1:].split()[0]
            if name in drop:
                continue
            for mate, rec in ((1, r1), (2, r2)):
                for idx, new, old in edit.get((name, mate), []):
                    s = rec[1]
                    rev = None
                    # work out the strand from the expected old base: forward keeps it, reverse complements it
                    if s[idx] == old:
                        rev = new
                    elif s[idx] == COMP[old]:
                        rev = COMP[new]
                    else:
                        raise SystemExit(f"apply: base mismatch in {name}/{mate} at {idx}")
                    rec[1] = s[:idx] + rev + s[idx + 1:]
                    done += 1
            o1.writelines(r1)
            o2.writelines(r2)
    print(done, file=sys.stderr)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    g = sub.add_parser("genome")
    g.add_argument("--ref", required=True)
    g.add_argument("--known", required=True)
    g.add_argument("--seed", type=int, required=True)
    g.add_argument("--out", required=True)
    g.add_argument("--normal-alias", required=True)
    g.add_argument("--tumour-alias", required=True)
    g.add_argument("--mt-set", required=True)
    g.add_argument("--density-bp", type=int, default=1200)
    g.add_argument("--indel-frac", type=float, default=0.15)
    g.add_argument("--hom-frac", type=float, default=0.40)
    g.add_argument("--purity", type=float, required=True)
    g.add_argument("--ccf1", type=float, required=True)
    g.add_argument("--ccf2", type=float, required=True)
    g.add_argument("--clonal-snv", type=int, default=120)
    g.add_argument("--indels", type=int, default=25)
    g.add_argument("--subclonal-snv", type=int, default=40)
    g.add_argument("--known-same-snv", type=int, default=12)
    g.add_argument("--known-diff-snv", type=int, default=6)
    g.add_argument("--known-indel", type=int, default=2)
    g.add_argument("--known-sub-snv", type=int, default=4)
    g.add_argument("--loh-len", type=int, default=150000)
    g.add_argument("--loss-len", type=int, default=100000)
    g.add_argument("--normal-cov", type=float, default=30)
    g.add_argument("--tumour-cov", type=float, default=60)
    g.add_argument("--oxog-sites", type=int, default=30)
    g.add_argument("--oxog-min", type=int, default=3)
    g.add_argument("--oxog-max", type=int, default=6)
    g.add_argument("--lowalt-sites", type=int, default=15)
    g.add_argument("--lowalt-min", type=int, default=2)
    g.add_argument("--lowalt-max", type=int, default=4)
    g.add_argument("--lowdepth-sites", type=int, default=10)
    g.add_argument("--lowdp-min", type=int, default=8)
    g.add_argument("--lowdp-max", type=int, default=12)
    g.set_defaults(fn=cmd_genome)
    for nm, fn in (("pick-tumour", cmd_pick_tumour), ("pick-normal", cmd_pick_normal)):
        s = sub.add_parser(nm)
        s.add_argument("--sites", required=True)
        s.add_argument("--seed", type=int, required=True)
        s.add_argument("--n", type=int, default=0)
        s.add_argument("--edits", required=True)
        s.add_argument("--report", required=True)
        s.set_defaults(fn=fn)
    s = sub.add_parser("apply")
    for k in ("edits", "r1", "r2", "o1", "o2"):
        s.add_argument("--" + k, required=True)
    s.set_defaults(fn=cmd_apply)
    a = ap.parse_args()
    a.fn(a)


if __name__ == "__main__":
    main()
SOMSIM_PY

log "genomes (seed $SEED)"
python3 somsim.py genome --ref ref.fa --known known-sites.vcf.gz --seed "$SEED" --out gen \
  --normal-alias "$NORMAL" --tumour-alias "$TUMOUR" --mt-set "$MT_SET" --purity "$PURITY" --ccf1 "$CCF1" \
  --ccf2 "$CCF2" $ARTEFACT_ARGS

normalise() {  # raw.vcf out.vcf.gz: split multi-allelics, left-align; the generator already left-aligns
  bcftools norm --no-version -f ref.fa -m -any -Oz -o "$2" "$1" 2> "$2.norm.log"
  tabix -f -p vcf "$2"
  local realigned
  realigned=$(awk -F'\t' '/^Lines/{split($2, a, "/"); print a[3]}' "$2.norm.log")
  [ "$realigned" = 0 ] || { echo "make-som2.sh: bcftools realigned $realigned records of $1 (generator bug)" >&2; exit 1; }
}
normalise gen/germline.raw.vcf "truth/$SET.germline.truth.vcf.gz"
normalise gen/somatic.raw.vcf "truth/$SET.somatic.truth.vcf.gz"
# Check: the germline truth applied to the reference rebuilds both normal haplotypes exactly.
for h in 1 2; do
  want=$(grep -v '^>' "gen/normal.hap$h.fa" | tr -d '\n' | md5sum)
  got=$(bcftools consensus -H "$h" -f ref.fa "truth/$SET.germline.truth.vcf.gz" 2> /dev/null | grep -v '^>' | tr -d '\n' | md5sum)
  [ "$want" = "$got" ] || { echo "make-som2.sh: germline truth does not rebuild normal haplotype $h" >&2; exit 1; }
done
# Check: outside the copy-number regions, germline + clonal somatic truth rebuilds the clone's haplotypes.
bcftools view --no-version -i 'INFO/CLONAL=1' "truth/$SET.somatic.truth.vcf.gz" -Ov |
  sed "s/\t$TUMOUR\$/\t$NORMAL/" | bgzip -c > gen/clonal.vcf.gz && tabix -f -p vcf gen/clonal.vcf.gz
bcftools concat --no-version -a gen/clonal.vcf.gz "truth/$SET.germline.truth.vcf.gz" -Ob -o gen/both.bcf 2>/dev/null
bcftools sort gen/both.bcf -Oz -o gen/both.vcf.gz 2>/dev/null && tabix -f -p vcf gen/both.vcf.gz
set +o pipefail   # head -c closes the pipe early
for h in 1 2; do
  # the first 100 kb of chr22 before either copy-number region: sequence identical to the clone's haplotype
  lim=$(awk 'BEGIN{m=1e9} {if ($2 < m) m = $2} END{print m}' gen/cnv.bed)
  want=$(grep -v '^>' "gen/clone.hap$h.fa" | tr -d '\n' | head -c "$((lim - 2000))" | md5sum)
  got=$(bcftools consensus -H "$h" -f ref.fa gen/both.vcf.gz 2> /dev/null | grep -v '^>' | tr -d '\n' | head -c "$((lim - 2000))" | md5sum)
  [ "$want" = "$got" ] || { echo "make-som2.sh: somatic truth does not rebuild clone haplotype $h" >&2; exit 1; }
done
set -o pipefail

# ---- reads ------------------------------------------------------------------------------------------------
NON_N_FRACTION=$(awk 'NR == FNR {n += $3 - $2; next} {t += $2} END {printf "%.6f", n / t}' confident.bed ref.fa.fai)
simulate() {  # hap.fa fold_coverage seed prefix -> prefix_1.raw.fq prefix_2.raw.fq
  local fa=$1 cov=$2 seed=$3 pre=$4
  if [ "$SIM" = art ]; then
    art_illumina -ss HS25 -i "$fa" -p -l 150 -f "$cov" -m 400 -s 60 -rs "$seed" -na -q -o "${pre}_" > "$pre.sim.log"
    mv "${pre}_1.fq" "${pre}_1.raw.fq"; mv "${pre}_2.fq" "${pre}_2.raw.fq"
  else
    # dwgsim -C counts N bases in the denominator; scale so that the coverage of non-N bases is $cov.
    cov=$(awk -v c="$cov" -v f="$NON_N_FRACTION" 'BEGIN{printf "%.4f", c * f}')
    dwgsim -H -z "$seed" -C "$cov" -1 150 -2 150 -d 400 -s 50 -e 0.002-0.015 -E 0.003-0.02 -Q 2 \
      -r 0 -R 0 -X 0 -y 0 -o 1 "$fa" "$pre" > "$pre.sim.log" 2>&1
    gzip -dc "$pre.bwa.read1.fastq.gz" > "${pre}_1.raw.fq"; gzip -dc "$pre.bwa.read2.fastq.gz" > "${pre}_2.raw.fq"
    rm -f "$pre".bwa.read?.fastq.gz "$pre".mutations.* "$pre".bfast.*
  fi
}
pairs() { paste <(paste - - - - < "$1") <(paste - - - - < "$2"); }
shuffle_rename() {  # pairs.txt seed name_prefix out_prefix
  shuf --random-source=<(yes "gapdata-$2") "$1" |
    awk -F'\t' -v p="$3" -v r1="$4_R1.fq" -v r2="$4_R2.fq" '{
      n = p ":" NR
      printf "@%s\n%s\n+\n%s\n", n, $2, $4 > r1
      printf "@%s\n%s\n+\n%s\n", n, $6, $8 > r2 }'
}
# plan.tsv: sample, cell population, fold coverage per haplotype
ci=0
: > reads/normal.pairs; : > reads/tumour.pairs
while IFS=$'\t' read -r sample cell cov; do
  log "simulating $sample reads from $cell cells with $SIM (${cov}x per haplotype)"
  for h in 1 2; do
    simulate "gen/$cell.hap$h.fa" "$cov" "$((SIM_SEED + 10 * ci + h))" "reads/$sample.$cell.h$h" &
  done
  wait
  for h in 1 2; do
    pairs "reads/$sample.$cell.h${h}_1.raw.fq" "reads/$sample.$cell.h${h}_2.raw.fq" >> "reads/$sample.pairs"
    rm -f "reads/$sample.$cell.h$h"_?.raw.fq
  done
  ci=$((ci + 1))
done < gen/plan.tsv
shuffle_rename reads/normal.pairs "$SIM_SEED" "SIM0:8:HSOMFC:1" reads/normal.pre
shuffle_rename reads/tumour.pairs "$((SIM_SEED + 1))" "SIM1:8:HSOMFC:2" reads/tumour.pre
rm -f reads/normal.pairs reads/tumour.pairs

# First alignment (not kept): find the reads at the artefact sites.
log "first alignment of the tumour: oxoG-like errors"
bwa mem -t "$THREADS" -K 10000000 ref.fa reads/tumour.pre_R1.fq reads/tumour.pre_R2.fq 2> bam/tumour.pass1.log |
  python3 somsim.py pick-tumour --sites gen/artefact-sites.tsv --seed "$PICK_SEED" --n "40" \
    --edits gen/tumour.edits.tsv --report gen/oxog.report.tsv
log "first alignment of the normal: under-covered germline sites"
bwa mem -t "$THREADS" -K 10000000 ref.fa reads/normal.pre_R1.fq reads/normal.pre_R2.fq 2> bam/normal.pass1.log |
  python3 somsim.py pick-normal --sites gen/artefact-sites.tsv --seed "$((PICK_SEED + 1))" \
    --edits gen/normal.edits.tsv --report gen/normal.report.tsv
for s in tumour normal; do
  python3 somsim.py apply --edits gen/$s.edits.tsv --r1 reads/$s.pre_R1.fq --r2 reads/$s.pre_R2.fq \
    --o1 reads/${s}_R1.fq --o2 reads/${s}_R2.fq 2> gen/$s.apply.log
  rm -f reads/$s.pre_R?.fq
done

for s in normal tumour; do
  if [ $s = normal ]; then a=$NORMAL; sm="$PATIENT_ID-N"; else a=$TUMOUR; sm="$PATIENT_ID-T"; fi
  log "aligning $a"
  rg="@RG\tID:${a}.L1\tSM:${sm}\tPL:ILLUMINA\tLB:${a}.lib1\tPU:HSOMFC.1.${a}"
  bwa mem -t "$THREADS" -K 10000000 -R "$rg" ref.fa reads/${s}_R1.fq reads/${s}_R2.fq 2> "bam/$a.bwa.log" |
    samtools fixmate -m -u - - |
    samtools sort -@ 1 -m 1G -T "bam/$a.sorttmp" -o "bam/$a.unmarked.bam" -
  samtools markdup -s -T "bam/$a.mdtmp" "bam/$a.unmarked.bam" "pub/$a.bam" 2> "bam/$a.markdup.log"
  samtools index "pub/$a.bam"
  rm -f "bam/$a.unmarked.bam" reads/${s}_R?.fq
done

# ---- artefacts.tsv: planned and observed read counts at each site -----------------------------------------
log "artefact table"
{ cut -f1-3 gen/oxog.report.tsv; cut -f1-3 gen/normal.report.tsv; } |
  awk -F'\t' -v OFS='\t' -v c=chr22_20_21M '{print c, $2}' | sort -k2,2n > gen/art.pos
bcftools mpileup --no-version -f ref.fa -a AD,DP -Q 13 -q 0 -d 10000 -T gen/art.pos "pub/$TUMOUR.bam" "pub/$NORMAL.bam" 2>/dev/null |
  bcftools query -f '%POS\t%REF\t%ALT\t[%AD\t]\n' > gen/art.ad.tsv
python3 - gen/oxog.report.tsv gen/normal.report.tsv gen/art.ad.tsv > "pub/$SET.artefacts.tsv" <<'PY'
import sys
ox, nr, ad = sys.argv[1:4]
obs = {}
for line in open(ad):
    pos, ref, alts, t, n = line.rstrip("\n").split("\t")[:5]
    alleles = [ref] + alts.split(",")
    obs[int(pos)] = (alleles, [int(x) for x in t.split(",")], [int(x) for x in n.split(",")])
def count(pos, allele):
    if pos not in obs:
        return 0, 0, 0, 0
    al, t, n = obs[pos]
    i = al.index(allele) if allele in al else None
    return (t[i] if i is not None else 0), sum(t), (n[i] if i is not None else 0), sum(n)
print("chrom\tpos\tref\talt\tartefact\tsample\tin_truth\tplanned\ttumour_alt\ttumour_depth\tnormal_alt\tnormal_depth\tdetail")
rows = []
for line in open(ox):
    kind, pos, ref, alt, orient, k, elig = line.rstrip("\n").split("\t")
    pos = int(pos)
    rows.append((pos, ref, alt, "oxog_" + orient.lower(), "tumour", "no",
                 f"{k} alt reads", f"{ref}>{alt} written into {k} reads of {orient} pairs only (of {elig} such reads)"))
for line in open(nr):
    kind, pos, ref, alt, _, k, dp, nalt, ndrop = line.rstrip("\n").split("\t")
    pos = int(pos)
    if kind == "normal_low_alt":
        rows.append((pos, ref, alt, kind, "normal", "germline_het",
                     f"{k} alt reads in normal", f"germline het; {int(nalt) - int(k)} of {nalt} alt-supporting pairs removed from the normal"))
    else:
        rows.append((pos, ref, alt, kind, "normal", "germline_het",
                     f"normal depth {k}", f"germline het; {ndrop} of {dp} pairs covering the site removed from the normal"))
for pos, ref, alt, kind, smp, truth, plan, det in sorted(rows):
    ta, td, na, nd = count(pos, alt)
    print(f"chr22_20_21M\t{pos}\t{ref}\t{alt}\t{kind}\t{smp}\t{truth}\t{plan}\t{ta}\t{td}\t{na}\t{nd}\t{det}")
PY

# ---- publish ------------------------------------------------------------------------------------------------
log "writing $OUT"
cp -f "truth/$SET.somatic.truth.vcf.gz" "truth/$SET.somatic.truth.vcf.gz.tbi" pub/
cp -f "truth/$SET.germline.truth.vcf.gz" "truth/$SET.germline.truth.vcf.gz.tbi" pub/
cp -f gen/classes.tsv "pub/$SET.classes.tsv"
cp -f gen/cnv.bed "pub/$SET.cnv.bed"
cp -f ref.fa ref.fa.fai ref.dict confident.bed pub/
{
  printf 'patient_id\tmrn\tsample_alias\tfamily_id\trole\tsex\tbam\n'
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$PATIENT_ID" "$MRN" "$PATIENT_ID-T" "$SET" tumour "$SEX" "$TUMOUR.bam"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$PATIENT_ID" "$MRN" "$PATIENT_ID-N" "$SET" normal "$SEX" "$NORMAL.bam"
} > "pub/$SET.samplesheet.tsv"
{
  cat gen/notes.tsv
  printf 'seeds\tgenome=%s;reads=%s;artefact_reads=%s\n' "$SEED" "$SIM_SEED" "$PICK_SEED"
  printf 'purity\t%s\nsubclone_ccf\t%s,%s\n' "$PURITY" "$CCF1" "$CCF2"
  while IFS=$'\t' read -r sample cell cov; do printf 'coverage_per_haplotype\t%s\t%s\t%s\n' "$sample" "$cell" "$cov"; done < gen/plan.tsv
  printf 'oxog_reads_changed\t%s\n' "$(cat gen/tumour.apply.log)"
  printf 'normal_pairs_removed\t%s\n' "$(grep -c '^DROP' gen/normal.edits.tsv)"
  for a in "$TUMOUR" "$NORMAL"; do
    printf 'reads_%s\t%s\n' "$a" "$(samtools view -c "pub/$a.bam")"
    printf 'duplicates_%s\t%s\n' "$a" "$(samtools view -c -f 0x400 "pub/$a.bam")"
    printf 'mean_depth_confident_%s\t%s\n' "$a" "$(samtools depth -a -b confident.bed "pub/$a.bam" | awk '{s += $3} END {printf "%.2f", s / NR}')"
    while read -r c s e what; do
      printf 'mean_depth_%s_%s\t%s\n' "${what%%;*}" "$a" "$(samtools depth -a -r "$c:$((s + 1))-$e" "pub/$a.bam" | awk '{s += $3} END {printf "%.2f", s / NR}')"
    done < gen/cnv.bed
  done
} > "pub/$SET.generator-notes.tsv"
cp -f pub/* "$OUT/"
[ "$SELF" -ef "$OUT/$(basename "$SELF")" ] || cp -f "$SELF" "$OUT/"
( cd "$OUT" && find . -maxdepth 1 -type f ! -name MANIFEST.tsv ! -name README.md ! -name '*.sh' -printf '%f\n' | sort |
  while read -r f; do printf '%s\t%s\t%s\n' "$f" "$(stat -c %s "$f")" "$(sha256sum "$f" | cut -d' ' -f1)"; done |
  { printf 'file\tbytes\tsha256\n'; cat; } > MANIFEST.tsv )
log "done: $(du -sh "$OUT" | cut -f1) in $OUT"
