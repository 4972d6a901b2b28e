#!/usr/bin/env python3
"""truthtools.py: truth-side helpers of bench/eval. Standard library only; needs bcftools on PATH.

  classes  one row per truth site of a normalised (split) truth VCF, in the format `gap concordance --classes`
           reads (chrom start end class event gt detail; 1-based, end = the last base any equivalent placement of
           an indel touches). The class comes from INFO/HARD (a generator's deliberate hard case), else from
           INFO/ORIGIN and the allele type: dbsnp_snv, dbsnp_indel, novel_snv, novel_indel (ORIGIN=synthetic),
           denovo_snv, denovo_indel, mt_snv, mt_indel.
  novel    truth alleles absent from the known sites, on the contigs the known sites cover (allele level, both
           sides split, atomized and left-aligned by bcftools norm, as score.py compares calls): chrom pos ref alt
           type
"""
import argparse
import subprocess
import sys


def die(msg):
    print(f"truthtools.py: {msg}", file=sys.stderr)
    sys.exit(2)


def run(cmd):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if p.returncode != 0:
        die(f"{' '.join(cmd[:2])} failed: {p.stderr.strip().splitlines()[-1] if p.stderr.strip() else p.returncode}")
    return p.stdout


def read_fasta(path):
    seqs, name, parts = {}, None, []
    with open(path) as fh:
        for line in fh:
            if line.startswith(">"):
                if name:
                    seqs[name] = "".join(parts).upper()
                name, parts = line[1:].split()[0], []
            else:
                parts.append(line.strip())
    if name:
        seqs[name] = "".join(parts).upper()
    return seqs


def split_alleles(vcf, ref, sample_fmt=False, atomize=False):
    """[chrom, pos, ref, alt, filter, ORIGIN, HARD(, GT)] of every allele, split and left-aligned ('.' when an
    INFO key is absent)."""
    fmt = "%CHROM\t%POS\t%REF\t%ALT\t%FILTER\t%INFO" + ("\t[%GT]" if sample_fmt else "") + "\n"
    atom = ["-a", "--atom-overlaps", "."] if atomize else []
    norm = subprocess.Popen(["bcftools", "norm", "--no-version", "-f", ref, "-m", "-any"] + atom + ["-Ou", vcf],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    q = subprocess.run(["bcftools", "query", "-f", fmt], stdin=norm.stdout, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, text=True)
    norm.stdout.close()
    err = norm.stderr.read().decode()
    if norm.wait() != 0 or q.returncode != 0:
        die(f"bcftools norm/query failed on a VCF: {(err or q.stderr).strip().splitlines()[-1:]}")
    out = []
    for line in q.stdout.splitlines():
        f = line.split("\t")
        info = dict(kv.split("=", 1) if "=" in kv else (kv, "") for kv in f[5].split(";"))
        out.append(f[:5] + [info.get("ORIGIN", "."), info.get("HARD", ".")] + f[6:])
    return out


def indel_end(S, pos, ref, alt):
    """Last 1-based base any equivalent placement of this (left-aligned, anchored) indel touches."""
    if len(ref) == len(alt):
        return pos + len(ref) - 1
    seq = ref[1:] if len(ref) > len(alt) else alt[1:]
    q = pos                                   # 1-based: the event's bases start at q+1
    # slide right while the next reference base equals the first base of the rotating indel sequence
    while q + (len(ref) - 1) < len(S) and S[q + (len(ref) - 1)] == seq[0]:
        seq = seq[1:] + seq[0]
        q += 1
    return q + max(len(ref) - 1, 1)


def classes(a):
    seqs = read_fasta(a.ref)
    rows = split_alleles(a.vcf, a.ref, sample_fmt=True)
    sites = {}
    for chrom, pos, ref, alt, _flt, origin, hard, gt in rows:
        sites.setdefault((chrom, int(pos)), []).append((ref, alt, origin, hard, gt))
    order = {c: i for i, c in enumerate(seqs)}
    per = {}
    out = ["chrom\tstart\tend\tclass\tevent\tgt\tdetail"]
    for (chrom, pos) in sorted(sites, key=lambda k: (order[k[0]], k[1])):
        als = sites[(chrom, pos)]
        end = max(indel_end(seqs[chrom], pos, r, x) for r, x, *_ in als)
        kinds = {"snv" if len(r) == len(x) == 1 else ("mnp" if len(r) == len(x) else "indel") for r, x, *_ in als}
        kind = "indel" if "indel" in kinds else sorted(kinds)[0]
        origin, hard = als[0][2], als[0][3]
        if hard == "denovo" or origin.startswith("denovo"):
            cls = f"denovo_{kind}"
        elif hard not in (".", ""):
            cls = hard
        elif chrom.lower() in ("chrm", "mt"):
            cls = f"mt_{kind}"
        elif origin.startswith("dbsnp"):
            cls = f"dbsnp_{kind}"
        else:
            cls = f"novel_{kind}"
        per[cls] = per.get(cls, 0) + 1
        gts = sorted({g for *_, g in als})
        gt = als[0][4] if len(als) == 1 else "1|2"
        if len(als) == 1 and len(gts) == 1:
            gt = gts[0]
        detail = ",".join(f"{r}>{x}" for r, x, *_ in als)
        if len(detail) > 60:
            detail = detail[:57] + "..."
        out.append(f"{chrom}\t{pos}\t{end}\t{cls}\t{cls}_{per[cls]:03d}\t{gt}\t{detail}")
    with open(a.out, "w") as fh:
        fh.write("\n".join(out) + "\n")
    print(";".join(f"{c}={n}" for c, n in sorted(per.items())))


def known_alleles(known, ref):
    return {(c, int(p), r, x) for c, p, r, x, *_ in split_alleles(known, ref, atomize=True)}


def novel_alleles(truth, known, ref):
    """Truth alleles (chrom, pos, ref, alt) absent from the known sites, on the contigs the known sites cover (a
    chrM variant is not novel because a chr22 dbSNP slice lacks it)."""
    ks = known_alleles(known, ref)
    contigs = {k[0] for k in ks}
    out = []
    for c, p, r, x, _f, *_ in split_alleles(truth, ref, atomize=True):
        if c in contigs and (c, int(p), r, x) not in ks:
            out.append((c, int(p), r, x))
    return out


def novel(a):
    rows = novel_alleles(a.truth, a.known, a.ref)
    with open(a.out, "w") as fh:
        fh.write("chrom\tpos\tref\talt\ttype\n")
        for c, p, r, x in rows:
            fh.write(f"{c}\t{p}\t{r}\t{x}\t{'SNV' if len(r) == len(x) == 1 else 'INDEL'}\n")
    print(f"novel={len(rows)}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("classes")
    p.add_argument("--ref", required=True)
    p.add_argument("--vcf", required=True)
    p.add_argument("--out", required=True)
    p = sub.add_parser("novel")
    p.add_argument("--ref", required=True)
    p.add_argument("--truth", required=True)
    p.add_argument("--known", required=True)
    p.add_argument("--out", required=True)
    a = ap.parse_args()
    {"classes": classes, "novel": novel}[a.cmd](a)


if __name__ == "__main__":
    main()
