#!/usr/bin/env python3
"""Score copy-number calls against a truth BED (cnv1/cnv2 format): an event is found when a call in the same
direction overlaps it reciprocally by at least 50 %; its copy number and mosaic flag are compared; breakpoint errors
are call minus truth (0-based half-open); a false call is a non-neutral call matching no truth event.

  cnv_score.py --truth truth.cnv.bed --tool gap --calls cnv.tsv --samples s1,s2,...   (cnv.tsv rows in sheet order)
  cnv_score.py --truth truth.cnv.bed --tool cnvkit --calls DIR --samples s1,...      (DIR/<s>/<s>.call.cns)
  cnv_score.py --truth truth.cnv.bed --tool delly --calls DIR --samples s1,...       (DIR/<s>/delly.bcf, needs bcftools)
Prints one markdown row per truth event and per sample's false calls. Standard library only.
"""
import argparse
import csv
import os
import subprocess


def truth_events(path):
    events = []
    with open(path) as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            f = line.rstrip("\n").split("\t")
            events.append(dict(chrom=f[0], start=int(f[1]), end=int(f[2]), cn=float(f[3]), type=f[4],
                               mf=float(f[5]), id=f[6], sample=f[10]))
    return events


def gap_calls(path, samples):
    """Reported rows of cnv.tsv; the run's samples appear in sheet order."""
    order, calls = [], []
    with open(path) as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            if row["sample"] not in order:
                order.append(row["sample"])
            if row["reported"] != "true":
                continue
            calls.append(dict(pseudonym=row["sample"], chrom=row["contig"], start=int(row["start"]) - 1,
                              end=int(row["end"]), dir="DEL" if row["svType"] == "DEL" else "DUP",
                              cn=int(row["copies"]), mf=float(row["mosaicFraction"]),
                              whole=row["wholeContig"] == "true"))
    alias = dict(zip(order, samples))
    for c in calls:
        c["sample"] = alias[c["pseudonym"]]
    return calls


def cnvkit_calls(folder, samples):
    calls = []
    for s in samples:
        path = os.path.join(folder, s, s + ".call.cns")
        if not os.path.exists(path):
            continue
        with open(path) as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                if row["chromosome"] == "chrM":
                    continue
                cn = int(row["cn"])
                if cn != 2:
                    calls.append(dict(sample=s, chrom=row["chromosome"], start=int(row["start"]),
                                      end=int(row["end"]), dir="DEL" if cn < 2 else "DUP", cn=cn, mf=1.0,
                                      whole=False))
    return calls


def delly_calls(folder, samples):
    calls = []
    for s in samples:
        path = os.path.join(folder, s, "delly.bcf")
        if not os.path.exists(path):
            continue
        out = subprocess.run(["bcftools", "query", "-f", "%CHROM\t%POS\t%INFO/END\t%INFO/SVTYPE[\t%GT]\n", path],
                             check=True, capture_output=True, text=True).stdout
        for line in out.splitlines():
            chrom, pos, end, svtype, gt = line.split("\t")
            start, end = int(pos), int(end)
            if svtype not in ("DEL", "DUP") or end - start < 1000:
                continue
            # delly genotypes a breakpoint (GT), it gives no copy number: kept as it says it
            calls.append(dict(sample=s, chrom=chrom, start=start, end=end, dir=svtype, cn=None, gt=gt, mf=1.0,
                              whole=False))
    return calls


def direction(event):
    return "DEL" if event["type"] in ("DEL", "LOSS") else "DUP"


def reciprocal(a, b):
    overlap = min(a["end"], b["end"]) - max(a["start"], b["start"])
    if overlap <= 0:
        return 0.0
    return min(overlap / (a["end"] - a["start"]), overlap / (b["end"] - b["start"]))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--truth", required=True)
    ap.add_argument("--tool", required=True, choices=["gap", "cnvkit", "delly"])
    ap.add_argument("--calls", required=True)
    ap.add_argument("--samples", required=True)
    args = ap.parse_args()
    samples = args.samples.split(",")
    calls = {"gap": gap_calls, "cnvkit": cnvkit_calls, "delly": delly_calls}[args.tool](args.calls, samples)
    used = set()
    for e in truth_events(args.truth):
        if e["sample"] not in samples:
            continue
        best, ro = None, 0.0
        for i, c in enumerate(calls):
            if c["sample"] == e["sample"] and c["chrom"] == e["chrom"] and c["dir"] == direction(e):
                r = reciprocal(e, c)
                if r > ro:
                    best, ro = i, r
        truth_cn = e["cn"] if e["mf"] >= 1 else None
        label = f"{e['id']} {e['type']} {(e['end'] - e['start']) / 1000:.0f} kb, CN {e['cn']:g}" + (
            f" (mosaic {e['mf']:g})" if e["mf"] < 1 else "")
        if best is None or ro < 0.5:
            print(f"| {e['sample']} | {label} | {args.tool} | missed | | | |")
            continue
        used.add(best)
        c = calls[best]
        if c["cn"] is None:
            state = f"GT {c['gt']} (no copy number)"
        else:
            cn_ok = (c["cn"] == truth_cn) if truth_cn is not None else (c["mf"] < 1)
            mosaic = f"MF {c['mf']:.2f}" if c["mf"] < 1 else "constitutional"
            state = f"CN {c['cn']} {mosaic} ({'right' if cn_ok else 'WRONG'})"
        print(f"| {e['sample']} | {label} | {args.tool} | found, RO {ro:.2f} | {state} | "
              f"{c['start'] - e['start']:+d} / {c['end'] - e['end']:+d} |{' whole contig' if c['whole'] else ''} |")
    for s in samples:
        false = [c for i, c in enumerate(calls) if c["sample"] == s and i not in used]
        desc = "; ".join(f"{c['chrom']}:{c['start']}-{c['end']} {c['dir']}"
                         + (f" CN {c['cn']}" if c["cn"] is not None else f" GT {c['gt']}") for c in false)
        print(f"| {s} | false calls | {args.tool} | {len(false)} | {desc} | | |")


if __name__ == "__main__":
    main()
