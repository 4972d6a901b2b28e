#!/usr/bin/env python3
"""Scores a somatic call set against a som-style truth (bins by EXPECTED_VAF, LOH/loss regions, artefacts, germline).
usage: somatic_eval.py --name NAME --calls calls.vcf.gz --sample-index I --truth DIR/SET --ref ref.fa [--all-records]
Calls and truth are split and left-aligned with `bcftools norm -f ref -m -any` (calls also atomised with -a) and
matched on (CHROM, POS, REF, ALT) inside confident.bed. A call counts when FILTER is PASS and the tumour column's GT
carries the ALT (or, with --all-records, any PASS record)."""
import argparse, gzip, subprocess, sys, os

def norm(vcf, ref, atomise):
    cmd = f"bcftools norm --no-version -f {ref} -m -any {vcf} 2>/dev/null"
    if atomise:
        cmd = f"bcftools norm --no-version -a {vcf} 2>/dev/null | bcftools norm --no-version -f {ref} -m -any - 2>/dev/null"
    out = subprocess.run(cmd, shell=True, capture_output=True, text=True, check=True).stdout
    return [l.rstrip("\n").split("\t") for l in out.splitlines() if not l.startswith("#")]

def bed(path):
    iv = {}
    for l in open(path):
        c, s, e = l.split()[:3]
        iv.setdefault(c, []).append((int(s), int(e)))
    return iv

def inside(iv, c, p):
    return any(s < p <= e for s, e in iv.get(c, []))

def info(field):
    d = {}
    for kv in field.split(";"):
        k, _, v = kv.partition("=")
        d[k] = v
    return d

def fmt(rec, idx):
    keys = rec[8].split(":")
    vals = rec[9 + idx].split(":")
    return dict(zip(keys, vals))

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--name", required=True); ap.add_argument("--calls", required=True)
    ap.add_argument("--sample-index", type=int, default=0); ap.add_argument("--truth", required=True)
    ap.add_argument("--ref", required=True); ap.add_argument("--all-records", action="store_true")
    ap.add_argument("--af", default="AF", help="FORMAT key of the tumour AF (AF, or AD to compute)")
    ap.add_argument("--summary", action="store_true")
    a = ap.parse_args()
    d = os.path.dirname(a.truth); s = os.path.basename(a.truth)
    conf = bed(os.path.join(d, "confident.bed"))
    truth = {}
    for r in norm(os.path.join(d, f"{s}.somatic.truth.vcf.gz"), a.ref, False):
        i = info(r[7])
        ev = float(i["EXPECTED_VAF"])
        typ = "SNV" if len(r[3]) == len(r[4]) == 1 else "INDEL"
        truth[(r[0], int(r[1]), r[3], r[4])] = (typ, ev, i.get("REGION", "none"))
    germ = set((r[0], int(r[1])) for r in norm(os.path.join(d, f"{s}.germline.truth.vcf.gz"), a.ref, False))
    arte = {}
    for l in open(os.path.join(d, f"{s}.artefacts.tsv")):
        f = l.rstrip("\n").split("\t")
        if f[0] == "chrom": continue
        arte[(f[0], int(f[1]))] = f[4]
    calls = {}
    for r in norm(a.calls, a.ref, True):
        if r[6] not in ("PASS", "."): continue
        if not inside(conf, r[0], int(r[1])): continue
        g = fmt(r, a.sample_index)
        gt = g.get("GT", "./.").replace("|", "/").split("/")
        if not a.all_records and "1" not in gt: continue
        af = None
        if "AF" in g and g["AF"] not in (".", ""):
            af = float(g["AF"].split(",")[0])
        elif "AD" in g:
            ad = [int(x) for x in g["AD"].split(",") if x != "."]
            af = ad[1] / sum(ad) if len(ad) > 1 and sum(ad) else 0
        elif "AO" in g and "DP" in g:
            af = float(g["AO"].split(",")[0]) / max(1, int(g["DP"]))
        typ = "SNV" if len(r[3]) == len(r[4]) == 1 else "INDEL"
        calls[(r[0], int(r[1]), r[3], r[4])] = (typ, af)
    def vbin(v):
        return "<0.1" if v < 0.1 else ("0.1-0.2" if v < 0.2 else ">=0.2")
    rows = {}
    for k, (typ, ev, reg) in truth.items():
        if not inside(conf, k[0], k[1]): continue
        b = vbin(ev)
        hit = k in calls
        for key in ((typ, b), (typ, "all"), ("ALL", "all")) + (((typ, "region:" + reg),) if reg != "none" else ()):
            rows.setdefault(key, [0, 0, 0])[0 if hit else 1] += 1
    fp_list = []
    for k, (typ, af) in calls.items():
        if k in truth: continue
        fp_list.append((k, typ, af))
        b = vbin(af if af is not None else 0)
        for key in ((typ, b), (typ, "all"), ("ALL", "all")):
            rows.setdefault(key, [0, 0, 0])[2] += 1
    def prf(tp, fn, fp):
        p = tp / (tp + fp) if tp + fp else float("nan"); r = tp / (tp + fn) if tp + fn else float("nan")
        f = 2 * p * r / (p + r) if p == p and r == r and p + r else float("nan")
        return p, r, f
    order = ["<0.1", "0.1-0.2", ">=0.2", "region:loh", "region:loss", "all"]
    print(f"| {a.name} | type | bin | TP | FN | FP | precision | recall | F1 |")
    for typ in ("SNV", "INDEL", "ALL"):
        for b in order:
            if (typ, b) not in rows: continue
            tp, fn, fp = rows[(typ, b)]
            if b.startswith("region"):
                fp = 0
            p, r, f = prf(tp, fn, fp)
            print(f"| {a.name} | {typ} | {b} | {tp} | {fn} | {fp if not b.startswith('region') else '-'} | {p:.3f} | {r:.3f} | {f:.3f} |")
    # done-when rule: recall over EV>=0.1, precision over all PASS
    for typ in ("SNV", "INDEL"):
        tp_hi = sum(rows.get((typ, b), [0, 0, 0])[0] for b in ("0.1-0.2", ">=0.2"))
        fn_hi = sum(rows.get((typ, b), [0, 0, 0])[1] for b in ("0.1-0.2", ">=0.2"))
        tp_all, _, fp_all = rows.get((typ, "all"), [0, 0, 0])
        prec = tp_all / (tp_all + fp_all) if tp_all + fp_all else float("nan")
        rec = tp_hi / (tp_hi + fn_hi) if tp_hi + fn_hi else float("nan")
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else float("nan")
        print(f"RULE {a.name} {typ}: precision(all PASS) {prec:.3f} recall(EV>=0.1) {rec:.3f} F1 {f1:.3f}")
    lo = rows.get(("SNV", "<0.1"), [0, 0, 0])
    print(f"RULE {a.name} SNV recall below 0.1: {lo[0]}/{lo[0]+lo[1]} = {lo[0]/max(1,lo[0]+lo[1]):.3f}")
    art_pass = {}
    for k, typ, af in fp_list:
        kind = arte.get((k[0], k[1]))
        if kind: art_pass.setdefault(kind, []).append(k[1])
    germ_pass = [k for k, typ, af in fp_list if (k[0], k[1]) in germ]
    kinds = {}
    for v in arte.values(): kinds[v] = kinds.get(v, 0) + 1
    print(f"RULE {a.name} artefact positions PASS: {sum(len(v) for v in art_pass.values())} (" +
          ", ".join(f"{kk} {len(art_pass.get(kk, []))}/{n}" for kk, n in sorted(kinds.items())) + f"); germline positions PASS: {len(germ_pass)}")
    if not a.summary:
        for k, typ, af in sorted(fp_list):
            tag = arte.get((k[0], k[1]), "germline" if (k[0], k[1]) in germ else "")
            print(f"  FP {k[0]}:{k[1]} {k[2]}>{k[3]} {typ} af={af} {tag}")
        for k, (typ, ev, reg) in sorted(truth.items()):
            if k not in calls and inside(conf, k[0], k[1]):
                print(f"  FN {k[0]}:{k[1]} {k[2]}>{k[3]} {typ} ev={ev} {reg}")

main()
