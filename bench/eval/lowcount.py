#!/usr/bin/env python3
"""lowcount.py: what a caller can know at sites with few alternate reads (bench/eval/LOWCOUNT.md).

  ktable REF BAM TRUTH              true het SNVs by the number k of reads showing their ALT, against hom-ref
                                    positions (2 bp or more from any truth event) by the largest number k of reads
                                    showing one same non-reference base: what no per-site likelihood can tell apart
                                    is the overlap of the two columns at small k
  qualbins CALLS FP TRUTH           SNV call records by QUAL bin: true and false (false = in `gap concordance
                                    --include-filtered --fp-out`), all and PASS; run gap with --set call.minQual=0
                                    to see what the emission floor holds back
  errmod REF BAM CONTIG:POS:ALT...  PL(0/0) - PL(0/1) of htslib's errmod.c (bcftools' model: binomial-tail error
                                    penalties, depcorr 0.17, eta 0.03) and of independent reads with error e/3 per
                                    base (gap's model before its dependent-error weights)

Reads: samtools mpileup -q 20 (gap's read.minMappingQuality) -Q 0 -B, duplicates and secondary reads left out as
samtools does; bases of quality 0 (dwgsim's N calls) are left out. Positions only in the output, never a sample
name. Standard library and samtools.
"""
import collections
import gzip
import math
import re
import subprocess
import sys


def records(path):
    with (gzip.open if path.endswith(".gz") else open)(path, "rt") as f:
        for line in f:
            if not line.startswith("#"):
                yield line.rstrip("\n").split("\t")


def pileup(ref, bam, region=None):
    """(contig, pos, ref base, [(base, reverse strand, quality)]) per covered position; indels and Q0 bases left out."""
    cmd = ["samtools", "mpileup", "-q", "20", "-Q", "0", "-B", "-f", ref, bam] + (["-r", region] if region else [])
    with subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True) as p:
        for line in p.stdout:
            contig, pos, rbase, _, s, q = line.rstrip("\n").split("\t")[:6]
            s = re.sub(r"\^.", "", s).replace("$", "")
            bases, i = [], 0
            while i < len(s):
                if s[i] in "+-":
                    j = i + 1
                    while s[j].isdigit():
                        j += 1
                    i = j + int(s[i + 1:j])
                    continue
                bases.append(s[i])
                i += 1
            if len(bases) != len(q):
                continue
            rbase = rbase.upper()
            out = []
            for ch, qc in zip(bases, q):
                b = rbase if ch in ".," else ch.upper()
                if b in "ACGT" and qc != "!":
                    out.append((b, ch == "," or ch.islower(), ord(qc) - 33))
            yield contig, int(pos), rbase, out


def ktable(ref, bam, truth):
    hets, near = {}, set()
    for r in records(truth):
        pos = int(r[1])
        gt = r[9].split(":")[0].replace("|", "/")
        if len(r[3]) == 1 and len(r[4]) == 1 and gt in ("0/1", "1/0"):
            hets[(r[0], pos)] = r[4]
        for d in range(-2, len(r[3]) + 2):
            near.add((r[0], pos + d))
    het, err = collections.Counter(), collections.Counter()
    for contig, pos, rbase, obs in pileup(ref, bam):
        if contig == "chrM":
            continue
        counts = collections.Counter(b for b, _, _ in obs if b != rbase)
        if (contig, pos) in hets:
            het[min(counts.get(hets[(contig, pos)], 0), 6)] += 1
        elif (contig, pos) not in near:
            err[min(max(counts.values(), default=0), 6)] += 1
    print("k\ttrue het SNVs with k ALT reads\thom-ref positions with k reads of one same non-ref base")
    for k in range(7):
        print(f"{k}{'+' if k == 6 else ''}\t{het[k]}\t{err[k]}")


def qualbins(calls, fp, truth):
    false = {(r[0], int(r[1])) for r in records(fp) if len(r[3]) == 1 and len(r[4]) == 1}
    true = {(r[0], int(r[1])) for r in records(truth) if len(r[3]) == 1 and len(r[4]) == 1}
    edges = [0, 1, 2, 3, 4, 5, 6, 8, 10, 13, 16, 20, 30, 60, math.inf]
    bins = collections.defaultdict(lambda: [0, 0, 0, 0])
    for r in records(calls):
        if len(r[3]) != 1 or any(len(a) != 1 for a in r[4].split(",")):
            continue
        key, qual = (r[0], int(r[1])), float(r[5])
        b = max(i for i, e in enumerate(edges[:-1]) if qual >= e)
        passed = r[6] in ("PASS", ".")
        if key in false:
            bins[b][1] += 1
            bins[b][3] += passed
        elif key in true:
            bins[b][0] += 1
            bins[b][2] += passed
    print("QUAL\ttrue\tfalse\ttrue PASS\tfalse PASS")
    for b in sorted(bins):
        print(f"[{edges[b]:g},{edges[b + 1]:g})\t" + "\t".join(map(str, bins[b])))


def errmod_delta(obs, rbase, alt, depcorr=0.17, eta=0.03):
    """PL(0/0) - PL(0/1) as htslib errmod_cal computes them (qualities clamped to 4..63, reads ranked per base and
    strand from the best quality down, the k-th weighed by (1-depcorr)^k (1-eta) + eta)."""
    def lc(n, k):
        return math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1)

    def beta(q, n, k):    # phred of P(X >= k+1) / P(X >= k), X ~ Bin(n, e): errmod's ->beta[q<<16|n<<8|k]
        e = 10 ** (-q / 10)
        tail = [0.0] * (n + 2)
        for j in range(n, -1, -1):
            tail[j] = tail[j + 1] + math.exp(lc(n, j) + j * math.log(e) + (n - j) * math.log1p(-e))
        return -10 * math.log10(tail[k + 1] / tail[k])

    n = len(obs)
    ranked = sorted(((min(63, max(4, q)), rev, b) for b, rev, q in obs), reverse=True)
    w, c, bsum = collections.Counter(), collections.Counter(), collections.Counter()
    for q, rev, b in ranked:
        f = 1.0 if w[(b, rev)] == 0 else (1 - depcorr) ** w[(b, rev)] * (1 - eta) + eta
        bsum[b] += f * beta(q, n, c[b])
        c[b] += 1
        w[(b, rev)] += 1
    hom_ref = sum(v for b, v in bsum.items() if b != rbase)
    cjk = c[rbase] + c[alt]
    het = -10 / math.log(10) * (lc(cjk, c[alt]) - math.log(2) * cjk) \
        + sum(v for b, v in bsum.items() if b not in (rbase, alt))
    return hom_ref - het


def independent_delta(obs, rbase, alt):
    """PL(0/0) - PL(0/1) with every read independent: P(base | allele) = 1 - e on a match, e/3 otherwise."""
    delta = 0.0
    for b, _, q in obs:
        e = 10 ** (-q / 10)

        def p(allele):
            return 1 - e if b == allele else e / 3
        delta += 10 * math.log10((0.5 * p(rbase) + 0.5 * p(alt)) / p(rbase))
    return delta


def errmod(ref, bam, sites):
    print("site\tALT reads / reads\terrmod PL(0/0)-PL(0/1)\tindependent e/3 PL(0/0)-PL(0/1)")
    for site in sites:
        contig, pos, alt = site.rsplit(":", 2)
        for _, _, rbase, obs in pileup(ref, bam, f"{contig}:{pos}-{pos}"):
            k = sum(b == alt for b, _, _ in obs)
            print(f"{contig}:{pos}\t{k}/{len(obs)}\t{errmod_delta(obs, rbase, alt):.1f}"
                  f"\t{independent_delta(obs, rbase, alt):.1f}")


def main(argv):
    commands = {"ktable": (ktable, 3), "qualbins": (qualbins, 3)}
    if len(argv) >= 4 and argv[0] == "errmod":
        errmod(argv[1], argv[2], argv[3:])
    elif argv and argv[0] in commands and len(argv) == 1 + commands[argv[0]][1]:
        commands[argv[0]][0](*argv[1:])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
