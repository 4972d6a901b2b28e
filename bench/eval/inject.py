#!/usr/bin/env python3
"""inject.py: error injection that the shared generators (germsim.py / readsim.py) do not do, for the evaluation
sets of bench/eval. Standard library only; every random choice comes from random.Random(--seed).

  plan   pick artefact sites on the reference, away from truth events and other artefact sites, whose context has
         no copy elsewhere within 6 mismatches (so `pcr` edits only reads of the site):
           stutter  PCR slippage: one unit more or less in a homopolymer or dinucleotide tract, carried by a share
                    of the fragments (both mates, both strands); an indel artefact
           lowfrac  an early PCR (or cross-sample) substitution carried by a small share of the fragments, with the
                    base quality the simulator gave; it looks like a low allele-fraction het
         writes plan JSON and the sites as artefact rows (chrom pos kind ref alt detail; indels left-aligned with
         their anchor base, as bcftools norm writes them)
  pcr    apply a plan to the read pairs of one haplotype (before pooling and duplication, so PCR copies share it).
         A read carries a site when it holds the site's reference context (20 bases, the site, 20 bases) with at
         most 3 mismatches, in either orientation; the haplotype FASTA supplies the bases a shortened read needs
  noise  per-read noise on the final pool (after duplication, so copies differ as sequencing errors do):
           qdip     a window of low qualities (Q2-Q12 by default) inside a read, with errors drawn at the rate
                    the qualities state: errors correlated within a read, not at a site
           adapter  read-through of a short fragment: the last bases of both mates become adapter sequence
"""
import argparse
import json
import os
import random
import re
import sys

sys.dont_write_bytecode = True      # no __pycache__ in the checkout
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from truthtools import read_fasta  # noqa: E402

TR = str.maketrans("ACGTN", "TGCAN")
FLANK = 20
K, STRIDE = 12, 6
MAX_MISMATCH = 3
CHUNK = "chr22_20_21M"
# Illumina TruSeq adapters as read 1 and read 2 see them after the insert
ADAPTER1 = "AGATCGGAAGAGCACACGTCTGAACTCCAGTCACATCACGATCTCGTATGCCGTCTTCTGCTTGAAAAAAAAAA"
ADAPTER2 = "AGATCGGAAGAGCGTCGTGTAGGGAAAGAGTGTAGATCTCGGTGGTCGCCGTATCATTAAAAAAAAAAAAAAA"


def rc(s):
    return s.translate(TR)[::-1]


def read_fastq(path):
    with open(path) as fh:
        while True:
            h = fh.readline()
            if not h:
                return
            s = fh.readline().rstrip("\n")
            fh.readline()
            q = fh.readline().rstrip("\n")
            yield h.rstrip("\n"), s, q


def pair_range(s):
    a, b = s.split("-")
    return (float(a), float(b)) if "." in s else (int(a), int(b))


def die(msg):
    print(f"inject.py: {msg}", file=sys.stderr)
    sys.exit(2)


# ---- plan -------------------------------------------------------------------------------------------------------
def busy_mask(n, classes, artefacts, gap):
    """bytearray over the chunk: 1 where a new site may not go (truth events, artefact sites, N runs, ends)."""
    busy = bytearray(n)

    def mark(lo, hi):
        lo, hi = max(0, lo - gap), min(n, hi + gap + 1)
        busy[lo:hi] = b"\x01" * (hi - lo)
    for path, cols in ((classes, (1, 2)), (artefacts, (1, 1))):
        with open(path) as fh:
            for line in fh:
                f = line.rstrip("\n").split("\t")
                if f[0] != CHUNK:
                    continue
                mark(int(f[cols[0]]) - 1, int(f[cols[1]]) - 1)
                m = re.search(r"copy_of=(\d+)-(\d+)", f[-1])
                if m:                                         # a paralog's whole source segment
                    mark(int(m.group(1)) - 1, int(m.group(2)) - 1)
    return busy


def tracts(S):
    """(start, end, unit) of maximal homopolymers of 8-16 bp and dinucleotide repeats of 6-12 units."""
    out = []
    for m in re.finditer(r"([ACGT])\1{7,}", S):
        if m.end() - m.start() <= 16:
            out.append((m.start(), m.end(), m.group(1)))
    for m in re.finditer(r"([ACGT]{2})\1{5,}", S):
        unit = m.group(1)
        if unit[0] == unit[1]:
            continue
        a, b = m.start(), m.end()
        while a > 0 and S[a - 1] == S[a + 1]:
            a -= 1
        while b < len(S) and S[b] == S[b - 2]:
            b += 1
        if (b - a) // 2 <= 12:
            out.append((a, b, S[a:a + 2]))
    return sorted(set(out))


def unique(S, s):
    return S.count(s) + S.count(rc(s)) == 1


def near_copy(S, ctx, at, seed=10, max_mm=2 * MAX_MISMATCH):
    """Whether the reference holds ctx (placed at 0-based `at`) elsewhere, on either strand, with at most max_mm
    mismatches. Exact 10-base seeds every 10 bases find every copy with up to len(ctx)//10 - 1 mismatches, more
    than `pcr` tolerates: a site in an Alu or a low-copy repeat would otherwise edit reads of its other copies."""
    for orient, c in (("+", ctx), ("-", rc(ctx))):
        for off in range(0, len(c) - seed + 1, seed):
            q = S.find(c[off:off + seed])
            while q != -1:
                st = q - off
                if (orient == "-" or st != at) and st >= 0 and st + len(c) <= len(S):
                    if sum(1 for x, y in zip(S[st:st + len(c)], c) if x != y) <= max_mm:
                        return True
                q = S.find(c[off:off + seed], q + 1)
    return False


def plan(a):
    S = read_fasta(a.ref)[CHUNK]
    n = len(S)
    busy = busy_mask(n, a.classes, a.artefacts, 40)
    for m in re.finditer(r"N+", S):
        busy[max(0, m.start() - 300):m.end() + 300] = b"\x01" * (min(n, m.end() + 300) - max(0, m.start() - 300))
    busy[:300] = b"\x01" * 300
    busy[n - 300:] = b"\x01" * 300
    rng = random.Random(a.seed)
    sites, rows = [], []

    def take(lo, hi):
        busy[max(0, lo - 40):hi + 40] = b"\x01" * (min(n, hi + 40) - max(0, lo - 40))

    pool = tracts(S)
    rng.shuffle(pool)
    made = 0
    for st, en, unit in pool:
        if made >= a.n_stutter:
            break
        lo, hi = st - FLANK - 1, en + FLANK
        if busy.find(b"\x01", lo, hi) != -1:
            continue
        ctx = S[st - FLANK:en + FLANK]
        if not unique(S, S[st - FLANK:st]) or not unique(S, S[en:en + FLANK]) or near_copy(S, ctx, st - FLANK):
            continue
        change = -1 if rng.random() < 0.7 else 1
        rate = round(rng.uniform(*a.stutter_rate), 3)
        anchor = S[st - 1]
        ref, alt = (anchor + unit, anchor) if change < 0 else (anchor, anchor + unit)
        sites.append({"kind": "stutter", "pos": st, "ctx_start": st - FLANK, "ctx": ctx, "tract": [st, en],
                      "unit": unit, "change": change, "rate": rate})
        rows.append((CHUNK, st, "stutter", ref, alt,
                     f"unit={unit};tract={en - st}bp;change={change:+d};fragment_rate={rate}"))
        take(st - FLANK, en + FLANK)
        made += 1
    if made < a.n_stutter:
        die(f"only {made} of {a.n_stutter} stutter sites found")
    made = 0
    while made < a.n_lowfrac:
        p = rng.randrange(300, n - 300)
        if busy.find(b"\x01", p - FLANK - 1, p + FLANK + 2) != -1:
            continue
        ctx = S[p - FLANK:p + FLANK + 1]
        if "N" in ctx or re.search(r"(.)\1{5}", ctx) or near_copy(S, ctx, p - FLANK):
            continue
        alt = rng.choice([b for b in "ACGT" if b != S[p]])
        rate = round(rng.uniform(*a.lowfrac_rate), 3)
        sites.append({"kind": "lowfrac", "pos": p + 1, "ctx_start": p - FLANK, "ctx": ctx, "alt": alt, "rate": rate})
        rows.append((CHUNK, p + 1, "lowfrac", S[p], alt, f"fragment_rate={rate}"))
        take(p, p)
        made += 1
    with open(a.out, "w") as fh:
        json.dump({"sites": sites}, fh, indent=0, sort_keys=True)
    with open(a.tsv, "w") as fh:
        for r in sorted(rows, key=lambda r: (r[1], r[2])):
            fh.write("\t".join(map(str, r)) + "\n")
    print(f"stutter={a.n_stutter};lowfrac={a.n_lowfrac}")


# ---- pcr --------------------------------------------------------------------------------------------------------
class ContextIndex:
    """Finds, in a read, the contexts of the sites it holds: seeds of K bases, then at most MAX_MISMATCH mismatches
    over the whole context (no indels: the sites keep 40 bp from every true indel)."""

    def __init__(self, sites):
        self.sites = sites
        self.idx = {}
        for si, s in enumerate(sites):
            for orient, ctx in (("+", s["ctx"]), ("-", rc(s["ctx"]))):
                for off in range(0, len(ctx) - K + 1):
                    self.idx.setdefault(ctx[off:off + K], []).append((si, off, orient, ctx))

    def find(self, read):
        hits = {}
        for o in range(0, len(read) - K + 1, STRIDE):
            for si, off, orient, ctx in self.idx.get(read[o:o + K], ()):
                st = o - off
                key = (si, orient)
                if key in hits or st < 0 or st + len(ctx) > len(read):
                    continue
                mm = sum(1 for x, y in zip(read[st:st + len(ctx)], ctx) if x != y)
                if mm <= MAX_MISMATCH:
                    hits[key] = st
        return hits


def edit_stutter(read, st, orient, site, hap, hap_ctx):
    """The read with one unit more or less in the tract, its length kept with haplotype bases."""
    u, L = len(site["unit"]), len(read)
    k_ctx = site["tract"][0] - site["ctx_start"]           # tract start within the context
    if orient == "+":
        f, k, f0 = read, st + k_ctx, hap_ctx - st           # f0: haplotype index of the read's first base
        if site["change"] < 0:
            tail = hap[f0 + L:f0 + L + u]
            if len(tail) < u:
                return None
            return f[:k] + f[k + u:] + tail
        return f[:k] + site["unit"] + f[k:L - u]
    f = rc(read)
    stf = L - st - len(site["ctx"])
    k, f0 = stf + k_ctx, hap_ctx - stf
    if site["change"] < 0:
        head = hap[f0 - u:f0] if f0 - u >= 0 else ""
        if len(head) < u:
            return None
        return rc(head + f[:k] + f[k + u:])
    return rc(f[u:k] + site["unit"] + f[k:])


def pcr(a):
    sites = json.load(open(a.plan))["sites"]
    hap = read_fasta(a.hap)[CHUNK]
    hap_ctx = []
    for s in sites:
        i = hap.find(s["ctx"])
        if i < 0 or hap.find(s["ctx"], i + 1) >= 0:
            die(f"context of site {s['pos']} not found once in the haplotype")
        hap_ctx.append(i)
    index = ContextIndex(sites)
    rng = random.Random(a.seed)
    covered = [0] * len(sites)
    changed = [0] * len(sites)
    with open(a.out + "_1.fq", "w") as o1, open(a.out + "_2.fq", "w") as o2:
        for (h1, s1, q1), (h2, s2, q2) in zip(read_fastq(a.r1), read_fastq(a.r2)):
            reads = [s1, s2]
            found = [index.find(s1), index.find(s2)]
            for si in sorted({k[0] for f in found for k in f}):
                covered[si] += 1
                site = sites[si]
                if rng.random() >= site["rate"]:
                    continue                                  # one decision per fragment: both mates carry it
                for m in (0, 1):
                    for orient in "+-":
                        st = found[m].get((si, orient))
                        if st is None:
                            continue
                        if site["kind"] == "lowfrac":
                            j = st + FLANK                    # the context is symmetric: 20, site, 20
                            b = site["alt"] if orient == "+" else site["alt"].translate(TR)
                            new = reads[m][:j] + b + reads[m][j + 1:]
                        else:
                            new = edit_stutter(reads[m], st, orient, site, hap, hap_ctx[si])
                        if new is not None:
                            assert len(new) == len(reads[m])
                            reads[m] = new
                            changed[si] += 1
            o1.write(f"{h1}\n{reads[0]}\n+\n{q1}\n")
            o2.write(f"{h2}\n{reads[1]}\n+\n{q2}\n")
    with open(a.log, "w") as fh:
        for s, c, x in zip(sites, covered, changed):
            fh.write(f"{s['kind']}\t{s['pos']}\tfragments_covering={c}\treads_changed={x}\n")
    print(f"sites={len(sites)};reads_changed={sum(changed)}")


# ---- noise ------------------------------------------------------------------------------------------------------
def qdip(rng, s, q, lens, quals):
    L = rng.randint(*lens)
    if L >= len(s):
        return s, q
    st = rng.randrange(0, len(s) - L)
    s, q = list(s), list(q)
    for j in range(st, st + L):
        qv = rng.randint(*quals)
        q[j] = chr(33 + qv)
        if rng.random() < 10 ** (-qv / 10):
            s[j] = rng.choice([b for b in "ACGT" if b != s[j]])
    return "".join(s), "".join(q)


def noise(a):
    rng = random.Random(a.seed)
    n = dips = adapters = 0
    with open(a.out + "_R1.fq", "w") as o1, open(a.out + "_R2.fq", "w") as o2:
        for (h1, s1, q1), (h2, s2, q2) in zip(read_fastq(a.r1), read_fastq(a.r2)):
            n += 1
            if rng.random() < a.adapter_frac:
                k = rng.randint(*a.adapter_len)
                s1 = s1[:len(s1) - k] + ADAPTER1[:k]
                s2 = s2[:len(s2) - k] + ADAPTER2[:k]
                adapters += 1
            if rng.random() < a.qdip_frac:
                s1, q1 = qdip(rng, s1, q1, a.qdip_len, a.qdip_qual)
                dips += 1
            if rng.random() < a.qdip_frac:
                s2, q2 = qdip(rng, s2, q2, a.qdip_len, a.qdip_qual)
                dips += 1
            o1.write(f"{h1}\n{s1}\n+\n{q1}\n")
            o2.write(f"{h2}\n{s2}\n+\n{q2}\n")
    print(f"pairs={n};reads_with_quality_dip={dips};pairs_with_adapter={adapters}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("plan")
    p.add_argument("--ref", required=True)
    p.add_argument("--classes", required=True, help="truth events (germsim classes.tsv)")
    p.add_argument("--artefacts", required=True, help="artefact sites already planned (germsim artefacts.tsv)")
    p.add_argument("--seed", type=int, required=True)
    p.add_argument("--n-stutter", type=int, default=25)
    p.add_argument("--stutter-rate", type=pair_range, default=(0.06, 0.15))
    p.add_argument("--n-lowfrac", type=int, default=25)
    p.add_argument("--lowfrac-rate", type=pair_range, default=(0.05, 0.12))
    p.add_argument("--out", required=True)
    p.add_argument("--tsv", required=True)
    p = sub.add_parser("pcr")
    p.add_argument("--plan", required=True)
    p.add_argument("--hap", required=True)
    p.add_argument("--r1", required=True)
    p.add_argument("--r2", required=True)
    p.add_argument("--seed", type=int, required=True)
    p.add_argument("--out", required=True, help="prefix: writes PREFIX_1.fq, PREFIX_2.fq")
    p.add_argument("--log", required=True)
    p = sub.add_parser("noise")
    p.add_argument("--r1", required=True)
    p.add_argument("--r2", required=True)
    p.add_argument("--seed", type=int, required=True)
    p.add_argument("--qdip-frac", type=float, default=0.0, help="share of reads with a low-quality window")
    p.add_argument("--qdip-len", type=pair_range, default=(8, 30))
    p.add_argument("--qdip-qual", type=pair_range, default=(2, 12))
    p.add_argument("--adapter-frac", type=float, default=0.0, help="share of pairs with adapter read-through")
    p.add_argument("--adapter-len", type=pair_range, default=(10, 60))
    p.add_argument("--out", required=True, help="prefix: writes PREFIX_R1.fq, PREFIX_R2.fq")
    a = ap.parse_args()
    {"plan": plan, "pcr": pcr, "noise": noise}[a.cmd](a)


if __name__ == "__main__":
    main()
