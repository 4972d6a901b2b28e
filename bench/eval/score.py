#!/usr/bin/env python3
"""score.py: score gap and the peers on the evaluation sets of bench/eval (made by make-sets.sh).

For each set: `gap call` without and with --known-sites, `bcftools mpileup -a AD,DP | bcftools call -mv` and
`freebayes`, each scored by `gap concordance` (all calls = --include-filtered, and PASS) against the set's truth
over its confident regions, with its classes, artefact sites (false calls there by kind) and novel (not in the
known sites) true variants (called, called only through filtered records); for the trio, per-person figures and,
from the calls themselves (parents' genotypes, INFO/DENOVO), de novo variants. Prints markdown; --tsv writes every
figure in long form. Standard library only.

  GAP=/path/to/worktree/gap python3 bench/eval/score.py [--sets DIR] [--callers LIST] [--tsv FILE] [-o FILE] SET...

Fails loudly: a missing tool, set or file, a caller or concordance that fails or writes no calls, a report without
its rows stop the run with a one-line message and exit status 2 (bad input) or 1 (a tool failed).
"""
import argparse
import datetime
import glob
import hashlib
import os
import re
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True      # no __pycache__ in the checkout
import truthtools  # noqa: E402

ALL_SETS = ["dw30", "dw15", "lq25", "easy45", "art12", "art25", "trio2"]
CALLERS = ["gap", "gap-ks", "bcftools", "freebayes"]
KEY_CLASSES = ["long_del", "long_ins", "str", "complex", "mnp"]
ARTEFACT_KINDS = ["paralog", "strand", "lowq", "readend", "stutter", "lowfrac"]
SET_KEYS = ["set", "kind", "reference", "confident", "known_sites", "samplesheet", "pedigree", "samples", "bams",
            "truth", "classes", "artefacts", "novel", "denovo", "description"]


class Fail(Exception):
    def __init__(self, msg, status=1):
        super().__init__(msg)
        self.status = status


def log(msg):
    print(f"[score {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def run(cmd, stdout=None, env=None, errfile=None, cwd=None):
    """Runs cmd; on failure raises Fail with the last line of its stderr (kept in errfile when given)."""
    err = open(errfile, "w") if errfile else subprocess.PIPE
    try:
        p = subprocess.run(cmd, stdout=stdout if stdout is not None else subprocess.PIPE, stderr=err, env=env,
                           cwd=cwd, text=True)
    finally:
        if errfile:
            err.close()
    if p.returncode != 0:
        tail = open(errfile).read() if errfile else (p.stderr or "")
        lines = [x for x in tail.strip().splitlines() if "[warning]" not in x]
        where = f" (log: {errfile})" if errfile else ""
        raise Fail(f"{os.path.basename(cmd[0])} {cmd[1] if len(cmd) > 1 else ''} exited {p.returncode}: "
                   f"{lines[-1] if lines else 'no message'}{where}")
    return p.stdout if stdout is None else None


def pipe(cmds, out_path, errfile):
    """cmd1 | cmd2 | ... > out_path; every stage must succeed."""
    procs, prev = [], None
    with open(errfile, "w") as err, open(out_path, "wb") as out:
        for i, c in enumerate(cmds):
            p = subprocess.Popen(c, stdin=prev, stdout=out if i == len(cmds) - 1 else subprocess.PIPE, stderr=err)
            if prev is not None:
                prev.close()
            prev = p.stdout
            procs.append(p)
        codes = [p.wait() for p in procs]
    if any(codes):
        lines = open(errfile).read().strip().splitlines()
        raise Fail(f"{' | '.join(os.path.basename(c[0]) for c in cmds)} failed ({codes}): "
                   f"{lines[-1] if lines else 'no message'} (log: {errfile})")


# ---- the set ----------------------------------------------------------------------------------------------------
def load_set(sets_dir, name):
    d = os.path.join(sets_dir, name)
    path = os.path.join(d, "set.tsv")
    if not os.path.isfile(path):
        raise Fail(f"set '{name}' not found: {path} missing (bash bench/eval/make-sets.sh --out {sets_dir} {name})", 2)
    s = {}
    with open(path) as fh:
        for line in fh:
            k, _, v = line.rstrip("\n").partition("\t")
            if k != "key":
                s[k] = v
    missing = [k for k in SET_KEYS if k not in s]
    if missing:
        raise Fail(f"{path}: keys {missing} missing (rebuild the set)", 2)
    s["dir"] = d
    for k in ("samples", "bams", "truth", "classes"):
        s[k] = s[k].split(",")
    n = len(s["samples"])
    if any(len(s[k]) != n for k in ("bams", "truth", "classes")):
        raise Fail(f"{path}: samples, bams, truth and classes differ in length", 2)
    files = [s["reference"], s["reference"] + ".fai", s["confident"], s["known_sites"], s["samplesheet"],
             s["pedigree"]] + s["bams"] + [b + ".bai" for b in s["bams"]] + s["truth"] + s["classes"]
    files += [s[k] for k in ("artefacts", "novel", "denovo") if s[k] != "-"]
    for f in files:
        if not os.path.isfile(os.path.join(d, f)):
            raise Fail(f"set '{name}': {f} missing in {d} (rebuild: make-sets.sh --force {name})", 2)
    if s["kind"] == "trio" and (n != 3 or s["denovo"] == "-"):
        raise Fail(f"set '{name}': a trio needs 3 samples (father, mother, child) and de novo truth", 2)
    return s


def f(s, key):
    return os.path.join(s["dir"], s[key])


def bam_sample(bam):
    """The SM of the BAM's read group (an identifier: never printed)."""
    for line in run(["samtools", "view", "-H", bam]).splitlines():
        if line.startswith("@RG"):
            m = re.search(r"\tSM:([^\t]+)", line)
            if m:
                return m.group(1)
    raise Fail("a BAM of the set has no @RG SM", 2)


# ---- callers ----------------------------------------------------------------------------------------------------
def vcf_samples(vcf):
    return run(["bcftools", "query", "-l", vcf]).split()


def count_records(vcf):
    n = 0
    for line in run(["bcftools", "view", "-H", vcf]).splitlines():
        n += 1 if line else 0
    return n


def call_gap(a, s, out, known):
    odir = os.path.join(out, "gap-ks" if known else "gap")
    shutil.rmtree(odir, ignore_errors=True)
    env = dict(os.environ)
    env["GAP_JAVA_OPTS"] = (env.get("GAP_JAVA_OPTS", "") + f" -Duser.home={a.work}/home").strip()
    cmd = [a.gap, "call", "-R", f(s, "reference"), "--sample-sheet", f(s, "samplesheet"), "-O", odir,
           "--threads", str(a.threads)]
    if s["kind"] == "trio":
        cmd += ["--pedigree", f(s, "pedigree")]
    if known:
        cmd += ["--known-sites", f(s, "known_sites")]
    run(cmd, stdout=subprocess.DEVNULL, env=env, errfile=odir + ".log")
    vcfs = sorted(glob.glob(os.path.join(odir, "*.vcf.gz")))
    if len(vcfs) != 1:
        raise Fail(f"gap call wrote {len(vcfs)} VCFs in its output folder, expected 1")
    names = vcf_samples(vcfs[0])
    if len(names) != len(s["samples"]):
        raise Fail(f"gap call wrote {len(names)} sample columns, expected {len(s['samples'])}")
    return vcfs[0], names                     # sample columns in sheet order (gap's documented order)


def peer_key(a, s, caller):
    h = hashlib.sha256()
    version = run([caller, "--version"]).splitlines()[0]
    h.update(version.encode())
    for b in s["bams"]:
        st = os.stat(os.path.join(s["dir"], b))
        h.update(f"{b}:{st.st_size}:{st.st_mtime_ns}".encode())
    return h.hexdigest()


def call_peer(a, s, out, caller):
    """bcftools or freebayes on the set's BAMs, cached in the set's folder (peers do not change with gap): the VCF,
    its sample columns in BAM order, whether it ran."""
    cache = os.path.join(s["dir"], "peers")
    os.makedirs(cache, exist_ok=True)
    vcf = os.path.join(cache, f"{caller}.vcf.gz")
    key = peer_key(a, s, caller)
    keyfile = vcf + ".key"
    ran = a.no_cache or not (os.path.isfile(vcf) and os.path.isfile(keyfile) and open(keyfile).read() == key)
    if ran:
        ref = f(s, "reference")
        bams = [os.path.join(s["dir"], b) for b in s["bams"]]
        tmp = vcf + ".tmp"
        err = os.path.join(out, f"{caller}.log")
        if caller == "bcftools":
            pipe([["bcftools", "mpileup", "-f", ref, "-a", "AD,DP", "-Ou"] + bams,
                  ["bcftools", "call", "-mv", "-Oz"]], tmp, err)
        else:
            pipe([["freebayes", "-f", ref] + bams, ["bgzip", "-c"]], tmp, err)
        os.replace(tmp, vcf)
        with open(keyfile, "w") as fh:
            fh.write(key)
    names = vcf_samples(vcf)
    by_sm = {n: i for i, n in enumerate(names)}
    order = []
    for b in s["bams"]:
        sm = bam_sample(os.path.join(s["dir"], b))
        if sm not in by_sm:
            raise Fail(f"{caller}'s VCF lacks the sample of a BAM")
        order.append(names[by_sm[sm]])
    return vcf, order, ran


# ---- scoring ----------------------------------------------------------------------------------------------------
def concordance(a, s, vcf, sample, si, include_filtered, errdir):
    """gap concordance of one person; the set's artefact sites and novel alleles go with the last person (the
    proband or the child), whose truth they were made from."""
    cmd = [a.gap, "concordance", "-R", f(s, "reference"), "--truth", os.path.join(s["dir"], s["truth"][si]),
           "--calls", vcf, "--calls-sample", sample, "--confident", f(s, "confident"),
           "--classes", os.path.join(s["dir"], s["classes"][si])]
    last = si == len(s["samples"]) - 1
    if last and s["artefacts"] != "-":
        cmd += ["--artefacts", f(s, "artefacts")]
    if last and s["novel"] != "-":
        cmd += ["--novel", f(s, "novel")]
    if include_filtered:
        cmd.append("--include-filtered")
    text = run(cmd, errfile=os.path.join(errdir, "concordance.log"))
    r = parse_concordance(text)
    if last and s["artefacts"] != "-" and not r["artefacts"]:
        raise Fail("gap concordance printed no artefact kinds (--artefacts not read?)")
    if last and s["novel"] != "-" and r["novel"] is None:
        raise Fail("gap concordance printed no novel row (--novel not read?)")
    return r


def parse_concordance(text):
    """The SNV/INDEL rows, and the sections gap concordance adds: events per class, artefacts per kind
    (false calls, of them PASS), novel (listed, in truth, called, called only through filtered records)."""
    lines = [x for x in text.splitlines() if x and not x.startswith("#")]
    r = {"events": {}, "artefacts": {}, "novel": None}
    section = None
    for line in lines:
        cols = line.split("\t")
        if cols[0] in ("type", "class", "kind", "alleles"):
            section = cols[0]
            continue
        if section == "type" and cols[0] in ("SNV", "INDEL"):
            tp, fp, fn = map(int, cols[1:4])
            r[cols[0]] = {"TP": tp, "FP": fp, "FN": fn, "P": num(cols[4]), "R": num(cols[5]), "F1": num(cols[6]),
                          "truth": int(cols[8]), "calls": int(cols[9])}
        elif section == "class":
            r["events"][cols[0]] = (int(cols[1]), int(cols[2]))
        elif section == "kind":
            r["artefacts"][cols[0]] = [int(cols[2]), int(cols[3])]
            r.setdefault("artefact_sites", {})[cols[0]] = int(cols[1])
        elif section == "alleles" and cols[0] == "novel":
            r["novel"] = tuple(int(x) for x in cols[1:5])
    for t in ("SNV", "INDEL"):
        if t not in r:
            raise Fail(f"gap concordance printed no {t} row")
        if r[t]["truth"] == 0:
            raise Fail(f"gap concordance counted no {t} in the truth (wrong truth or confident regions?)")
    if not r["events"]:
        raise Fail("gap concordance printed no event classes (classes file not read?)")
    return r


def num(x):
    return float("nan") if x == "NA" else float(x)


def call_alleles(vcf, ref, col, parent_cols):
    """{(chrom, pos, ref, alt): (passed, flagged INFO/DENOVO, parents both 0/0)} of the call alleles that sample
    column `col` carries, split and atomized."""
    norm = subprocess.Popen(["bcftools", "norm", "--no-version", "-f", ref, "-m", "-any", "-a", "--atom-overlaps",
                             ".", "-Ou", vcf], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    q = subprocess.run(["bcftools", "query", "-f", "%CHROM\t%POS\t%REF\t%ALT\t%FILTER\t%INFO[\t%GT]\n"],
                       stdin=norm.stdout, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    norm.stdout.close()
    nerr = norm.stderr.read().decode()
    if norm.wait() != 0 or q.returncode != 0:
        raise Fail(f"bcftools norm/query failed on a call VCF: {(nerr or q.stderr).strip()[-200:]}")
    out = {}
    for line in q.stdout.splitlines():
        c = line.split("\t")
        alt = c[3]
        if alt in ("*", "<*>", ".") or alt.startswith("<"):
            continue
        gts = c[6:]
        if "1" not in re.split(r"[/|]", gts[col]):
            continue
        key = (c[0], int(c[1]), c[2], alt)
        passed = c[4] in ("PASS", ".")
        parents_ref = bool(parent_cols) and all(re.split(r"[/|]", gts[i]) == ["0", "0"] for i in parent_cols)
        prev = out.get(key)
        flagged = any(kv == "DENOVO" or kv.startswith("DENOVO=") for kv in c[5].split(";"))
        out[key] = (passed or (prev[0] if prev else False), flagged, parents_ref)
    return out


def load_artefacts(s):
    if s["artefacts"] == "-":
        return {}
    sites = {}
    with open(f(s, "artefacts")) as fh:
        for line in fh:
            c = line.rstrip("\n").split("\t")
            if c[0] == "chrom":
                continue
            sites[(c[0], int(c[1]))] = c[2]
    return sites


def truth_alleles(s, si):
    return {(c, int(p), r, x) for c, p, r, x, *_ in
            truthtools.split_alleles(os.path.join(s["dir"], s["truth"][si]), f(s, "reference"), atomize=True)}


def denovo_status(alleles, denovo):
    """De novo truth alleles: called in the child, filtered, with the de novo pattern (parents 0/0), flagged by
    INFO/DENOVO; and calls outside the truth's de novo sites with the pattern or the flag."""
    r = {"truth": len(denovo), "called": 0, "filtered": 0, "pattern": 0, "flagged": 0}
    for d in denovo:
        if d in alleles:
            passed, flagged, pattern = alleles[d]
            r["called"] += 1
            r["filtered"] += not passed
            r["pattern"] += pattern
            r["flagged"] += flagged
    other = [(k, v) for k, v in alleles.items() if k not in denovo and (v[1] or v[2])]
    r["other_pattern"] = sum(1 for _, v in other if v[2])
    r["other_pattern_pass"] = sum(1 for _, v in other if v[2] and v[0])
    r["other_flagged"] = sum(1 for _, v in other if v[1])
    return r


# ---- one set ----------------------------------------------------------------------------------------------------
def score_set(a, name):
    s = load_set(a.sets, name)
    out = os.path.join(a.work, name)
    os.makedirs(out, exist_ok=True)
    ref = f(s, "reference")
    child = len(s["samples"]) - 1
    denovo = None
    if s["kind"] == "trio":
        denovo = {(c, int(p), r, x) for c, p, r, x, *_ in truthtools.split_alleles(f(s, "denovo"), ref, atomize=True)}
    res = {"set": s, "rows": [], "seconds": {}}
    for caller in a.callers:
        t0 = time.time()
        log(f"{name}: {caller}")
        if caller.startswith("gap"):
            vcf, cols = call_gap(a, s, out, caller == "gap-ks")
            modes, ran = [("all", True), ("PASS", False)], True
        else:
            vcf, cols, ran = call_peer(a, s, out, caller)
            modes = [("all", True)]
        if count_records(vcf) == 0:
            raise Fail(f"{caller} wrote no calls on {name}")
        res["seconds"][caller] = (time.time() - t0, ran)
        alleles = None
        if denovo is not None:                # de novo figures need the parents' genotypes and INFO/DENOVO
            names = vcf_samples(vcf)
            alleles = call_alleles(vcf, ref, names.index(cols[child]), [names.index(c) for c in cols[:child]])
        for mode, incl in modes:
            row = {"caller": caller, "mode": mode, "persons": []}
            for si, sample in enumerate(cols):
                row["persons"].append(concordance(a, s, vcf, sample, si, incl, out))
            row["artefacts"] = row["persons"][child]["artefacts"]     # false call alleles per kind: all, PASS
            res["rows"].append(row)
            if denovo is not None:
                row["denovo"] = denovo_status(alleles, denovo)
        # novel true variants: listed, called (any filter), called only through filtered records; from the all-calls
        # run for every row, as the figure is about calling, not filtering
        listed, _in_truth, called, filtered = res["rows"][-len(modes)]["persons"][child]["novel"]
        for row in res["rows"][-len(modes):]:
            row["novel"] = (listed, called, filtered)
    return res


def self_check(a, name):
    """The set against itself: each truth scored against itself must give F1 1 and every event found (truth,
    classes and confident regions agree); no truth allele at an artefact position; the novel list lies in the
    truth; the nosplit truth scores 1 against the split one (gap concordance matches a complex event written as
    one record by its haplotype). Returns (problems, notes); a note gives the nosplit figures."""
    s = load_set(a.sets, name)
    out = os.path.join(a.work, name)
    os.makedirs(out, exist_ok=True)
    problems, notes = [], []
    for si in range(len(s["samples"])):
        calls = os.path.join(s["dir"], s["truth"][si])
        r = concordance(a, s, calls, vcf_samples(calls)[0], si, True, out)
        if r["novel"] is not None and r["novel"][1] != r["novel"][0]:
            problems.append(f"{r['novel'][0] - r['novel'][1]} novel alleles not in the truth")
        for t in ("SNV", "INDEL"):
            if r[t]["F1"] != 1.0:
                problems.append(f"{s['samples'][si]}: {t} F1 {r[t]['F1']} against itself")
        for c, (n, found) in r["events"].items():
            if found != n:
                problems.append(f"{s['samples'][si]}: {found} of {n} {c} events found against itself")
    if s.get("truth_nosplit", "-") != "-":
        r = concordance(a, s, f(s, "truth_nosplit"), vcf_samples(f(s, "truth_nosplit"))[0], 0, True, out)
        lost = [f"{c} {found}/{n}" for c, (n, found) in r["events"].items() if found != n]
        notes.append(f"nosplit truth against the split one: SNV F1 {r3(r['SNV']['F1'])}, indel F1 "
                     f"{r3(r['INDEL']['F1'])}" + (f", events {', '.join(lost)}" if lost else ", every event found"))
        if lost or r["SNV"]["F1"] != 1.0 or r["INDEL"]["F1"] != 1.0:
            problems.append("the nosplit truth (complex events and 1|2 sites as one record) does not score 1 against"
                            " the split one")
    truth = truth_alleles(s, len(s["samples"]) - 1)
    at = {(k[0], k[1]) for k in truth}
    clash = [p for p in load_artefacts(s) if p in at]
    if clash:
        problems.append(f"{len(clash)} artefact positions hold a truth allele")
    return problems, notes


# ---- markdown ---------------------------------------------------------------------------------------------------
def r3(x):
    return "NA" if x != x else f"{x:.4f}"


def label(row):
    name = {"gap": "gap", "gap-ks": "gap --known-sites", "bcftools": "bcftools", "freebayes": "freebayes"}[row["caller"]]
    return f"{name}, {'all calls' if row['mode'] == 'all' else 'PASS'}" if row["caller"].startswith("gap") else name


def md_single(res):
    s, rows = res["set"], res["rows"]
    out = []
    classes = [c for c in KEY_CLASSES if c in rows[0]["persons"][0]["events"]]
    hdr = ["caller", "SNV P", "SNV R", "SNV F1", "indel P", "indel R", "indel F1", "FP SNV+indel"] + classes + \
          ["novel true variants: called / filtered"]
    out.append("| " + " | ".join(hdr) + " |")
    out.append("|" + "---|" * len(hdr))
    for row in rows:
        p = row["persons"][0]
        ev = p["events"]
        n_total, n_called, n_filt = row["novel"]
        cells = [label(row), r3(p["SNV"]["P"]), r3(p["SNV"]["R"]), r3(p["SNV"]["F1"]), r3(p["INDEL"]["P"]),
                 r3(p["INDEL"]["R"]), r3(p["INDEL"]["F1"]), f"{p['SNV']['FP']}+{p['INDEL']['FP']}"]
        cells += [f"{ev[c][1]}/{ev[c][0]}" for c in classes]
        cells.append(f"{n_called} of {n_total} / {n_filt if row['caller'].startswith('gap') else '-'}")
        out.append("| " + " | ".join(cells) + " |")
    return out


def md_events(res):
    rows = res["rows"]
    classes = sorted(rows[0]["persons"][-1]["events"])
    out = ["| class | events | " + " | ".join(label(r) for r in rows) + " |", "|" + "---|" * (len(rows) + 2)]
    for c in classes:
        out.append(f"| {c} | {rows[0]['persons'][-1]['events'][c][0]} | " +
                   " | ".join(str(r["persons"][-1]["events"][c][1]) for r in rows) + " |")
    return out


def md_artefacts(res):
    rows = res["rows"]
    kinds = list(rows[0]["artefacts"])
    sites = rows[0]["persons"][-1]["artefact_sites"]
    out = ["| artefact kind | sites | " + " | ".join(label(r) for r in rows) + " |", "|" + "---|" * (len(rows) + 2)]
    for k in kinds + ["total"]:
        cells = []
        for r in rows:
            n = sum(v[0] for v in r["artefacts"].values()) if k == "total" else r["artefacts"][k][0]
            cells.append(str(n))
        total_sites = sum(sites.values()) if k == "total" else sites[k]
        out.append(f"| {k} | {total_sites} | " + " | ".join(cells) + " |")
    return out


def md_trio(res):
    rows = res["rows"]
    roles = ["father", "mother", "child"]
    hdr = ["caller"] + [f"{r} SNV F1" for r in roles] + [f"{r} indel F1" for r in roles] + \
          ["de novo called", "of them filtered", "parents 0/0", "flagged DENOVO", "other calls parents 0/0 (PASS)",
           "other DENOVO flags"]
    out = ["| " + " | ".join(hdr) + " |", "|" + "---|" * len(hdr)]
    for row in rows:
        d = row["denovo"]
        cells = [label(row)] + [r3(p["SNV"]["F1"]) for p in row["persons"]] + \
                [r3(p["INDEL"]["F1"]) for p in row["persons"]]
        flag = f"{d['flagged']}/{d['truth']}" if row["caller"].startswith("gap") else "-"
        cells += [f"{d['called']}/{d['truth']}", str(d["filtered"]), f"{d['pattern']}/{d['truth']}", flag,
                  f"{d['other_pattern']} ({d['other_pattern_pass']})",
                  str(d["other_flagged"]) if row["caller"].startswith("gap") else "-"]
        out.append("| " + " | ".join(cells) + " |")
    return out


# ---- floors (issues 16 and 17) ------------------------------------------------------------------------------------
def row_of(res, caller, mode):
    for r in res["rows"]:
        if r["caller"] == caller and r["mode"] == mode:
            return r
    return None


def floors(res):
    """(floor, caller, value, met) for every floor of issues 16/17 that applies to the set."""
    name = res["set"]["set"]
    out = []

    def check(text, caller, mode, value, ok):
        out.append((text, f"{caller} {mode}", value, ok))
    callf = {"dw30": (.995, .98), "dw15": (.985, .95), "easy45": (.999, .998)}
    for caller in ("gap", "gap-ks"):
        a, p = row_of(res, caller, "all"), row_of(res, caller, "PASS")
        if not a:
            continue
        pa, pp = a["persons"], p["persons"]
        if name in callf:
            snv, ind = callf[name]
            check(f"SNV F1 >= {snv}", caller, "all", r3(pa[0]["SNV"]["F1"]), pa[0]["SNV"]["F1"] >= snv)
            check(f"indel F1 >= {ind}", caller, "all", r3(pa[0]["INDEL"]["F1"]), pa[0]["INDEL"]["F1"] >= ind)
        if name in ("dw30", "dw15", "lq25"):
            need = {"dw30": (13, 9), "dw15": (13, 9), "lq25": (12, 8)}[name]
            ev = pa[0]["events"]
            for c, k in zip(("long_del", "long_ins"), need):
                check(f"{c} found >= {k}/{ev[c][0]}", caller, "all", f"{ev[c][1]}/{ev[c][0]}", ev[c][1] >= k)
        if name == "lq25":
            check("indel F1 >= 0.95", caller, "all", r3(pa[0]["INDEL"]["F1"]), pa[0]["INDEL"]["F1"] >= .95)
        if name == "trio2":
            for who, x in zip(("father", "mother", "child"), pa):
                check(f"{who} SNV F1 >= 0.998", caller, "all", r3(x["SNV"]["F1"]), x["SNV"]["F1"] >= .998)
                check(f"{who} indel F1 >= 0.995", caller, "all", r3(x["INDEL"]["F1"]), x["INDEL"]["F1"] >= .995)
            d = p["denovo"]
            check("no called de novo variant filtered", caller, "PASS", f"{d['filtered']} of {d['called']}",
                  d["filtered"] == 0)
        # the scorer: PASS raises precision and never lowers F1 (every person, both classes)
        who = "" if len(pa) == 1 else " (father, mother, child)"
        for t in ("SNV", "INDEL"):
            tt = "SNV" if t == "SNV" else "indel"
            for m, mm in (("P", "precision"), ("F1", "F1")):
                ys, xs = [y[t][m] for y in pp], [x[t][m] for x in pa]
                check(f"{tt} PASS {mm} >= all-calls {mm}{who}", caller, "PASS",
                      f"{'/'.join(map(r3, ys))} vs {'/'.join(map(r3, xs))}", all(y >= x for y, x in zip(ys, xs)))
        if name in ("art25", "art12"):
            k = .95 if name == "art25" else .93
            check(f"SNV PASS precision >= {k}", caller, "PASS", r3(pp[0]["SNV"]["P"]), pp[0]["SNV"]["P"] >= k)
        if name == "easy45":
            n_total, n_called, n_filt = p["novel"]
            check(f"novel true variants filtered <= 1 (of {n_total})", caller, "PASS",
                  f"{n_filt} of {n_called} called", n_filt <= 1)
    return out


def md_floors(res):
    fl = floors(res)
    if not fl:
        return []
    out = ["| floor (issues 16/17) | gap run | measured | met |", "|---|---|---|---|"]
    for text, who, value, ok in fl:
        out.append(f"| {text} | {who} | {value} | {'yes' if ok else '**no**'} |")
    return out


def markdown(a, results, header):
    out = header[:]
    for res in results:
        s = res["set"]
        out += ["", f"## {s['set']}: {s['description']}", ""]
        secs = ", ".join(f"{c} {t:.0f} s" if ran else f"{c} cached" for c, (t, ran) in res["seconds"].items())
        out.append(f"Coverage {s.get('coverage', '?')}x; {len(s['samples'])} sample(s); call time: {secs}.")
        out.append("")
        if s["kind"] == "trio":
            out += md_trio(res)
            out += ["", "Events found in the child, per class:", ""]
            out += md_events(res)
        else:
            out += md_single(res)
            out += ["", "Events found per class:", ""]
            out += md_events(res)
            if s["artefacts"] != "-":
                out += ["", "False call alleles at artefact positions (`gap concordance --artefacts`), by kind; "
                            "PASS rows count those that pass:", ""]
                out += md_artefacts(res)
        fl = md_floors(res)
        if fl:
            out += ["", "Floors:", ""] + fl
    return "\n".join(out) + "\n"


def tsv(results, path):
    with open(path, "w") as fh:
        fh.write("set\tcaller\tmode\tsample\tmetric\tvalue\n")
        for res in results:
            s = res["set"]
            for r in res["rows"]:
                for i, p in enumerate(r["persons"]):
                    who = s["samples"][i]
                    for t in ("SNV", "INDEL"):
                        for k in ("TP", "FP", "FN", "P", "R", "F1"):
                            fh.write(f"{s['set']}\t{r['caller']}\t{r['mode']}\t{who}\t{t}_{k}\t{p[t][k]}\n")
                    for c, (n, found) in sorted(p["events"].items()):
                        fh.write(f"{s['set']}\t{r['caller']}\t{r['mode']}\t{who}\tevents_{c}\t{found}/{n}\n")
                who = s["samples"][-1]
                for k, (n, passed) in r["artefacts"].items():
                    fh.write(f"{s['set']}\t{r['caller']}\t{r['mode']}\t{who}\tartefact_{k}\t{n}\n")
                    fh.write(f"{s['set']}\t{r['caller']}\t{r['mode']}\t{who}\tartefact_{k}_PASS\t{passed}\n")
                n_total, n_called, n_filt = r["novel"]
                fh.write(f"{s['set']}\t{r['caller']}\t{r['mode']}\t{who}\tnovel_called\t{n_called}/{n_total}\n")
                fh.write(f"{s['set']}\t{r['caller']}\t{r['mode']}\t{who}\tnovel_filtered\t{n_filt}\n")
                for k, v in (r.get("denovo") or {}).items():
                    fh.write(f"{s['set']}\t{r['caller']}\t{r['mode']}\t{who}\tdenovo_{k}\t{v}\n")


def header(a):
    gapdir = os.path.dirname(os.path.abspath(a.gap))
    src = ["pom.xml", "conf", "pipeline-core", "pipeline-cli"]
    try:
        commit = run(["git", "-C", gapdir, "log", "-1", "--format=%h %s", "--"] + src).strip()
        dirty = run(["git", "-C", gapdir, "status", "--porcelain", "--"] + src).strip()
        head = run(["git", "-C", gapdir, "rev-parse", "--short", "HEAD"]).strip()
    except Fail:
        commit, dirty, head = "unknown (not a git checkout)", "", "?"
    lines = ["# gap on the evaluation sets (bench/eval/score.py)", "",
             f"- gap: `{a.gap}`, checkout HEAD {head}; last commit touching the caller's sources: {commit}"
             + (" (**uncommitted changes in the sources**)" if dirty else ""),
             "- " + "; ".join(f"{t}: {run([t, '--version']).strip().splitlines()[0]}"
                              for t in ("bcftools", "freebayes") if shutil.which(t)),
             f"- sets: `{a.sets}`; threads: {a.threads}; run: {datetime.date.today().isoformat()}, "
             f"{os.cpu_count()} cores; command: `score.py {' '.join(sys.argv[1:])}`",
             "- all calls = `gap concordance --include-filtered`; PASS = FILTER PASS or `.`; bcftools and freebayes "
             "write no filters (their PASS equals all calls). P/R/F1 as `gap concordance` counts them (alleles, "
             "MNPs and complex alleles decomposed, matched exactly or by haplotype sequence); events per class, "
             "artefact and novel figures from its `--classes`, `--artefacts` and `--novel` views."]
    return lines


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("sets_wanted", nargs="*", metavar="SET", help=f"default: all ({' '.join(ALL_SETS)})")
    ap.add_argument("--sets", default=os.environ.get("EVAL_SETS", "/work/scratch/sets"), help="folder of the sets")
    ap.add_argument("--gap", default=os.environ.get("GAP", os.path.join(HERE, "..", "..", "gap")),
                    help="the gap launcher to score (default $GAP, else this checkout's ./gap)")
    ap.add_argument("--callers", default=",".join(CALLERS), help=f"comma list of {','.join(CALLERS)}")
    ap.add_argument("--work", default=None, help="scratch folder (default SETS/.score)")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--no-cache", action="store_true", help="rerun the peers even when their cached calls fit")
    ap.add_argument("-o", "--output", help="markdown to this file (default standard output)")
    ap.add_argument("--tsv", help="every figure in long form to this file")
    ap.add_argument("--self-check", action="store_true",
                    help="only check each set against itself (truth, classes, confident regions, artefacts, novel)")
    a = ap.parse_args()
    try:
        a.callers = [c for c in a.callers.split(",") if c]
        bad = [c for c in a.callers if c not in CALLERS]
        if bad or not a.callers:
            raise Fail(f"unknown caller(s) {bad} (known: {', '.join(CALLERS)})", 2)
        wanted = a.sets_wanted or ALL_SETS
        # beyond the default seven, any set make-sets.sh made (a folder with set.tsv): only the scorer's floors apply
        bad = [x for x in wanted if x not in ALL_SETS and not os.path.isfile(os.path.join(a.sets, x, "set.tsv"))]
        if bad:
            raise Fail(f"unknown set(s) {bad} (known: {' '.join(ALL_SETS)}, or a folder of {a.sets} with set.tsv)", 2)
        a.gap = os.path.abspath(a.gap)
        if not (os.path.isfile(a.gap) and os.access(a.gap, os.X_OK)):
            raise Fail(f"gap launcher {a.gap} not found or not executable (set GAP=/path/to/worktree/gap)", 2)
        need = ["bcftools", "samtools", "bgzip", "java", "git"] + [c for c in a.callers if c == "freebayes"]
        for t in need:
            if shutil.which(t) is None:
                raise Fail(f"'{t}' not found on PATH", 2)
        a.sets = os.path.abspath(a.sets)
        if not os.path.isdir(a.sets):
            raise Fail(f"sets folder {a.sets} not found (bash bench/eval/make-sets.sh --out {a.sets})", 2)
        sets = [load_set(a.sets, x) for x in wanted]        # every set checked before any work starts
        a.work = os.path.abspath(a.work or os.path.join(a.sets, ".score"))
        os.makedirs(os.path.join(a.work, "home"), exist_ok=True)
        if a.self_check:
            bad = 0
            for s in sets:
                problems, notes = self_check(a, s["set"])
                print(f"{s['set']}: " + ("ok" if not problems else "FAILED: " + "; ".join(problems))
                      + "".join(f" (note: {n})" for n in notes))
                bad += bool(problems)
            sys.exit(1 if bad else 0)
        results = []
        for s in sets:
            t0 = time.time()
            results.append(score_set(a, s["set"]))
            log(f"{s['set']}: scored in {time.time() - t0:.0f} s")
        text = markdown(a, results, header(a))
        if a.output:
            with open(a.output + ".tmp", "w") as fh:
                fh.write(text)
            os.replace(a.output + ".tmp", a.output)
        else:
            sys.stdout.write(text)
        if a.tsv:
            tsv(results, a.tsv)
    except Fail as e:
        print(f"score.py: {e}", file=sys.stderr)
        sys.exit(e.status)


if __name__ == "__main__":
    main()
