#!/usr/bin/env python3
"""loso-table.py: the held-out rows of a gap-scorer manifest as a Markdown table, with the done-when checks per row.

  python3 bench/scoring/loso-table.py MODEL_DIR/gap-scorer.manifest.tsv

"P ok" says PASS precision >= all-calls precision, "F1 ok" PASS F1 >= all-calls F1 (the issue's done-when, per set
and class); the counts are call records, as the manifest has them.
"""
import sys

rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.startswith("heldout\t")]
print("| held-out set | class | calls | all P | all R | all F1 | PASS P | PASS R | PASS F1 | false filtered"
      " | true filtered | cutoff | P ok | F1 ok |")
print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
bad = 0
for r in rows:
    _, name, cls, calls, ap, ar, af, pp, pr, pf, ff, tf, cut = r
    p_ok = float(pp) >= float(ap)
    f_ok = float(pf) >= float(af)
    bad += (not p_ok) + (not f_ok)
    print(f"| {name} | {cls} | {calls} | {ap} | {ar} | {af} | {pp} | {pr} | {pf} | {ff} | {tf} | {cut} |"
          f" {'yes' if p_ok else 'NO'} | {'yes' if f_ok else 'NO'} |")
print(f"\n{bad} failed checks of {2 * len(rows)}")
