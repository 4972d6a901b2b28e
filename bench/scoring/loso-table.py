#!/usr/bin/env python3
"""loso-table.py: the held-out rows of a gap-scorer manifest as a Markdown table, with the done-when checks per row.

  python3 bench/scoring/loso-table.py MODEL_DIR/gap-scorer.manifest.tsv [SET=ARTEFACTS_TSV ...]

"P ok" says PASS precision >= all-calls precision, "F1 ok" PASS F1 >= all-calls F1 (the issue's done-when, per set
and class); the counts are call records, as the manifest has them. With SET=ARTEFACTS_TSV (a set's artefact list,
chrom and pos columns; evaluation only, the model never sees it) the table gains a column "artefact calls filtered":
of the set's labelled calls of that class at an artefact position, how many the held-out model filters (read from
gap-scorer.heldout-calls.tsv beside the manifest).
"""
import os
import sys

manifest = sys.argv[1]
rows = [l.rstrip("\n").split("\t") for l in open(manifest) if l.startswith("heldout\t")]
artefacts = {}
for arg in sys.argv[2:]:
    name, path = arg.split("=", 1)
    with open(path) as fh:
        next(fh)
        artefacts[name] = {tuple(l.split("\t")[:2]) for l in fh}
at = {}  # (set, class) -> [calls at artefact positions, of them filtered]
if artefacts:
    with open(os.path.join(os.path.dirname(manifest) or ".", "gap-scorer.heldout-calls.tsv")) as fh:
        next(fh)
        for l in fh:
            s, contig, pos, cls, _true, _score, _cut, passed = l.rstrip("\n").split("\t")
            if (contig, pos) in artefacts.get(s, ()):
                c = at.setdefault((s, cls), [0, 0])
                c[0] += 1
                c[1] += passed == "false"
extra = " artefact calls filtered |" if artefacts else ""
print("| held-out set | class | calls | all P | all R | all F1 | PASS P | PASS R | PASS F1 | false filtered"
      " | true filtered | cutoff | P ok | F1 ok |" + extra)
print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|" + ("---|" if artefacts else ""))
bad = 0
for r in rows:
    _, name, cls, calls, ap, ar, af, pp, pr, pf, ff, tf, cut = r
    p_ok = float(pp) >= float(ap)
    f_ok = float(pf) >= float(af)
    bad += (not p_ok) + (not f_ok)
    cell = ""
    if artefacts:
        n, f = at.get((name, cls), [0, 0])
        cell = f" {f} of {n} |" if name in artefacts else " - |"
    print(f"| {name} | {cls} | {calls} | {ap} | {ar} | {af} | {pp} | {pr} | {pf} | {ff} | {tf} | {cut} |"
          f" {'yes' if p_ok else 'NO'} | {'yes' if f_ok else 'NO'} |" + cell)
print(f"\n{bad} failed checks of {2 * len(rows)}")
