#!/usr/bin/env python3
"""measure.py: the scorer's modes on evaluation sets, all calls against PASS, by `gap concordance`.

  GAP=/path/to/worktree/gap [MAIN_JAR=/path/to/old/gap.jar] python3 bench/scoring/measure.py OUTDIR SETSPEC...

SETSPEC is name=dir:samplesheet:truth:column[:artefacts[:pedigree]] (paths relative to dir; reference ref.fa,
confident.bed and known-sites.vcf.gz in dir; column: the
sample's index in the sheet, whose truth is given). Per set: one `gap call` without known sites (the default scorer),
then `gap score` of that VCF (the calls; scoring only changes FILTER and VQSLOD) in each mode:
  default      no --known-sites
  ks-default   --known-sites with the default minimums (a small genome: falls back, and says so)
  ks-vqsr      --known-sites with score.minTrainingCalls=200, score.minNegativeCalls=50 (forces the VQSR model)
  main-ks      MAIN_JAR's `gap score --known-sites` (the scorer before this change), when MAIN_JAR is given
Prints a Markdown table per set; calls at artefact positions (evaluation only) are counted, and how many are filtered.
"""
import gzip, os, subprocess, sys

GAP = os.environ.get("GAP") or sys.exit("measure.py: set GAP")
MAIN_JAR = os.environ.get("MAIN_JAR")
FORCE = ["--set", "score.minTrainingCalls=200", "--set", "score.minNegativeCalls=50"]


def run(cmd, log):
    with open(log, "a") as err:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=err, text=True)
    if p.returncode != 0:
        sys.exit(f"measure.py: {cmd[:3]} failed, see {log}")
    return p.stdout


def records(vcf):
    out = []
    with gzip.open(vcf, "rt") as f:
        for line in f:
            if not line.startswith("#"):
                c = line.split("\t", 8)
                out.append((c[0], int(c[1]), c[6]))
    return out


def column(vcf, index):
    """The pseudonymised sample column at {index} (gap writes columns in sample-sheet order)."""
    with gzip.open(vcf, "rt") as f:
        for line in f:
            if line.startswith("#CHROM"):
                return line.rstrip("\n").split("\t")[9 + index]


def concordance(d, vcf, truth, sample, include_filtered, log):
    sample = column(vcf, int(sample))
    cmd = [GAP, "concordance", "-R", f"{d}/ref.fa", "--truth", truth, "--calls", vcf, "--calls-sample", sample,
           "--confident", f"{d}/confident.bed"]
    if include_filtered:
        cmd.append("--include-filtered")
    rows = {}
    for line in run(cmd, log).splitlines():
        c = line.split("\t")
        if c[0] in ("SNV", "INDEL") and len(c) > 6:
            rows[c[0]] = (int(c[1]), int(c[2]), int(c[3]), float(c[4]), float(c[5]), float(c[6]))
    return rows


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    for spec in sys.argv[2:]:
        name, rest = spec.split("=", 1)
        parts = rest.split(":")
        d, sheet, truth, sample = parts[:4]
        artefacts = parts[4] if len(parts) > 4 and parts[4] else None
        ped = parts[5] if len(parts) > 5 else None
        o = os.path.join(out, name)
        os.makedirs(o, exist_ok=True)
        log = os.path.join(o, "log.txt")
        base = os.path.join(o, "call")
        vcfs = [v for v in (os.listdir(base) if os.path.isdir(base) else []) if v.endswith(".vcf.gz")]
        if not vcfs:
            cmd = [GAP, "call", "-R", f"{d}/ref.fa", "--sample-sheet", f"{d}/{sheet}", "-O", base, "--threads", "2"]
            if ped:
                cmd += ["--pedigree", f"{d}/{ped}"]
            run(cmd, log)
            vcfs = [v for v in os.listdir(base) if v.endswith(".vcf.gz")]
        called = os.path.join(base, vcfs[0])
        ks = f"{d}/known-sites.vcf.gz"
        modes = {}
        for mode, extra in (("default", []), ("ks-default", ["--known-sites", ks]), ("ks-vqsr", ["--known-sites", ks] + FORCE)):
            v = os.path.join(o, mode + ".vcf.gz")
            run([GAP, "score", "-V", called, "-O", v] + extra, log)
            modes[mode] = v
        if MAIN_JAR:
            v = os.path.join(o, "main-ks.vcf.gz")
            run(["java", "-jar", MAIN_JAR, "score", "-V", called, "-O", v, "--known-sites", ks], log)
            modes["main-ks"] = v
        art = set()
        if artefacts:
            with open(f"{d}/{artefacts}") as f:
                for line in f:
                    c = line.split("\t")
                    if c[0] != "chrom":
                        art.add((c[0], int(c[1])))
        # the sample column of a multi-sample (trio) VCF is chosen by concordance; artefacts counted per record
        print(f"\n### {name}\n")
        print("| mode | calls | SNV P | SNV R | SNV F1 | indel P | indel R | indel F1 | SNV FP | indel FP |"
              " artefact-position calls filtered |")
        print("|---|---|---|---|---|---|---|---|---|---|---|")
        first = True
        for mode, v in modes.items():
            for incl in ((True, False) if first else (False,)):
                r = concordance(d, v, f"{d}/{truth}", sample, incl, log)
                recs = records(v)
                at = [x for x in recs if (x[0], x[1]) in art]
                filt = sum(1 for x in at if x[2] not in ("PASS", "."))
                label = "all calls" if incl else f"PASS, {mode}"
                s, i = r["SNV"], r["INDEL"]
                print(f"| {label} | {len(recs)} | {s[3]:.4f} | {s[4]:.4f} | {s[5]:.4f} | {i[3]:.4f} | {i[4]:.4f} |"
                      f" {i[5]:.4f} | {s[1]} | {i[1]} | {filt if not incl else 0} of {len(at)} |")
            first = False
        sys.stdout.flush()


if __name__ == "__main__":
    main()
