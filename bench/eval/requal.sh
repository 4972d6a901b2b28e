#!/usr/bin/env bash
# requal.sh: a copy of an evaluation set whose reads keep their bases and errors but carry other base qualities, to
# test that gap's models follow what the qualities say rather than one simulator's scale (issue 16: a Q25 gate that
# never fired on Q20 reads). Every file but the BAM is linked from the source set; set.tsv names the new set.
#   bash bench/eval/requal.sh [--sets DIR] SOURCE_SET NEW_SET MODE
# MODE: bin4 = the four bins of Illumina's NovaSeq RTA3 (Q0-2 -> 2, 3-14 -> 12, 15-30 -> 23, 31+ -> 37);
#       flatN = every base at QN (wgsim's single quality, or an instrument without calibration).
# Needs samtools and python3.
set -euo pipefail
SETS=${EVAL_SETS:-/work/scratch/sets}
if [ "${1:-}" = --sets ]; then SETS=$2; shift 2; fi
[ $# -eq 3 ] || { sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
src=$SETS/$1; dst=$SETS/$2; mode=$3
[ -s "$src/set.tsv" ] || { echo "requal.sh: no set $1 in $SETS" >&2; exit 2; }
[[ $mode = bin4 || $mode =~ ^flat[0-9]+$ ]] || { echo "requal.sh: MODE is bin4 or flatN" >&2; exit 2; }
rm -rf "$dst" && mkdir -p "$dst"
for f in "$src"/*; do
  case $(basename "$f") in *.bam|*.bai|set.tsv) ;; *) ln -s "$f" "$dst/$(basename "$f")" ;; esac
done
for bam in "$src"/*.bam; do
  samtools view -h "$bam" | python3 -c '
import sys
mode = sys.argv[1]
def requal(q):
    if mode == "bin4":
        return 2 if q < 3 else 12 if q < 15 else 23 if q < 31 else 37
    return int(mode[4:])
table = str.maketrans({chr(q + 33): chr(requal(q) + 33) for q in range(94)})
for line in sys.stdin:
    if line.startswith("@"):
        sys.stdout.write(line)
        continue
    f = line.split("\t")
    if f[10] != "*":
        f[10] = f[10].translate(table)
    sys.stdout.write("\t".join(f))
' "$mode" | samtools view -b -o "$dst/$(basename "$bam")" -
  samtools index "$dst/$(basename "$bam")"
done
# set.tsv last: its presence means the set is complete
sed "s/^set\t.*/set\t$2/; s/^description\t\(.*\)/description\t\1; base qualities rewritten ($mode)/" "$src/set.tsv" \
  > "$dst/set.tsv"
