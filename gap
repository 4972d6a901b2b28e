#!/usr/bin/env bash
# The gap command from a source checkout: builds the CLI jar with Maven when it is missing or older than the
# sources, then runs it. Needs only a JDK (17+) and Maven. Set GAP_JAVA_OPTS for JVM options (e.g. -Xmx8g).
# Start-up: the first `gap call` after a build also records the classes it loads into a Class Data Sharing archive
# beside the jar (pipeline-cli/target/gap.jsa, ~40 MB); later runs map it instead of loading and verifying ~3,400
# classes from the jar, about a second less per run. GAP_CDS=off turns this off. A missing, stale or unusable
# archive only costs that second: the JVM then loads classes as usual, quietly.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
jar="${GAP_JAR:-$root/pipeline-cli/target/gap.jar}" # GAP_JAR: run this jar (a benchmark's frozen copy) as it is
jsa="${jar%.jar}.jsa"

stale() {
  [ ! -f "$jar" ] && return 0
  [ -n "$(find "$root/pom.xml" "$root/conf" "$root/pipeline-core/pom.xml" "$root/pipeline-core/src/main" \
      "$root/pipeline-command/pom.xml" "$root/pipeline-command/src/main" \
      "$root/pipeline-cli/pom.xml" "$root/pipeline-cli/src/main" -newer "$jar" -type f -print -quit)" ]
}

if [ -z "${GAP_JAR:-}" ] && stale; then
  echo "gap: building the command-line jar (first run or sources changed)..." >&2
  (cd "$root" && mvn -B -q -Dstyle.color=never -DskipTests package -pl conf,pipeline-cli -am) >&2
fi
# JVM warnings (CDS ones included) to stderr, never into a command's stdout. The Parallel collector: a batch run
# wants throughput, not short pauses (8% less wall time for a 1 Mb call than G1, steady state as fast or faster).
# CDS's own warnings are off: the archive dump lists every class it cannot store (~240 lines on the first run after a
# build: picocli's Java 5 classes), and a stale archive only costs a second. user.home from $HOME, not from the
# account's passwd entry, so that the default keystore (~/.gap) is the one the user means under sudo, in containers
# and in CI: another home would be another pseudonymisation domain.
java=(java -Xlog:disable -Xlog:all=warning:stderr -Xlog:cds*=off:stderr -XX:+UseParallelGC -Duser.home="$HOME")

# input_mib ARGS: the MiB of local files the command reads: the values of -I/--input/--tumo(u)r/--normal/-V/--variant/
# --calls/--truth, and the files a --sample-sheet names in its bam column (relative to the sheet's folder). A path it
# cannot stat (HDFS, a URL, a typo) counts as large, so it never makes a run look small.
input_mib() {
  local opt="" a f files=()
  for a in "$@"; do
    if [ -z "$opt" ]; then
      case $a in
        -I|--input|--tumour|--tumor|--normal|-V|--variant|--calls|--truth|--sample-sheet) opt=$a; continue ;;
        -I=*|--input=*|--tumour=*|--tumor=*|--normal=*|-V=*|--variant=*|--calls=*|--truth=*|--sample-sheet=*)
          opt=${a%%=*}; a=${a#*=} ;;
        *) continue ;;
      esac
    fi
    if [ "$opt" = --sample-sheet ] && [ -f "$a" ]; then
      while IFS= read -r f; do files+=("$f"); done < <(sheet_files "$a")
    else
      files+=("$a")
    fi
    opt=""
  done
  [ ${#files[@]} -eq 0 ] && { echo 0; return; } # (before any "${files[@]}": bash 3.2's set -u calls it unbound)
  for f in "${files[@]}"; do [ -f "$f" ] || { echo $((1 << 20)); return; }; done
  # one wc for all (a cohort's sheet lists thousands); with -c alone it takes each size from the file system
  wc -c -- "${files[@]}" | awk 'END {print int($1 / 1048576)}'
}
# the bam column of a sample sheet, each path made absolute from the sheet's folder as gap reads it
sheet_files() {
  awk -F'\t' -v dir="$(dirname "$1")" 'NR == 1 {for (i = 1; i <= NF; i++) if ($i == "bam") c = i; next}
    c && $c != "" {print ($c ~ /^\// ? $c : dir "/" $c)}' "$1"
}
# JIT: C2's compilation costs a run 3.5-4 CPU seconds, which it repays only after ~12-16 Mb of 30x reads; below
# that the C1 compiler alone finishes sooner (a 1 Mb call 30 % less wall time, 4 Mb 25 %, 16 Mb even; a 64 Mb
# call 40 % more CPU), and both give the same bytes: Java's arithmetic is strict. bench/RESULTS.md has the runs.
# GAP_JIT=c1 or c2 forces one; GAP_C1_BELOW_MIB moves the threshold.
case ${GAP_JIT:-auto} in
  c1) java+=(-XX:TieredStopAtLevel=1) ;;
  c2) ;;
  *) if [ "$(input_mib "$@")" -lt "${GAP_C1_BELOW_MIB:-256}" ]; then java+=(-XX:TieredStopAtLevel=1); fi ;;
esac
java+=(${GAP_JAVA_OPTS:-})
if [ "${GAP_CDS:-on}" = off ]; then
  exec "${java[@]}" -jar "$jar" "$@"
fi
if [ -f "$jsa" ] && [ "$jsa" -nt "$jar" ]; then
  exec "${java[@]}" -XX:SharedArchiveFile="$jsa" -jar "$jar" "$@"
fi
if [ "${1:-}" != call ]; then # only a call loads the classes worth archiving
  exec "${java[@]}" -jar "$jar" "$@"
fi
# JDK 17 has no -XX:+AutoCreateSharedArchive (19+): dump at exit, under a temporary name so that a failed or
# concurrent run never leaves a half-written archive in place
tmp="$jsa.$$.tmp"
rc=0
"${java[@]}" -XX:ArchiveClassesAtExit="$tmp" -jar "$jar" "$@" || rc=$?
if [ "$rc" -eq 0 ] && [ -s "$tmp" ]; then mv -f "$tmp" "$jsa"; else rm -f "$tmp"; fi
exit "$rc"
