#!/usr/bin/env bash
# score.sh: score gap and the peers on the evaluation sets of bench/eval (a wrapper of score.py; README.md there).
#
#   GAP=/path/to/worktree/gap bash bench/eval/score.sh [--sets DIR] [--callers gap,gap-ks,bcftools,freebayes]
#       [--tsv FILE] [-o FILE] [SET...]
#
# Markdown on standard output (or -o); progress on standard error. Exit 2 on bad input (a missing tool, set or
# file), 1 when a caller or gap concordance fails.
set -euo pipefail
command -v python3 > /dev/null || { echo "score.sh: 'python3' not found on PATH" >&2; exit 2; }
exec python3 "$(dirname "${BASH_SOURCE[0]}")/score.py" "$@"
