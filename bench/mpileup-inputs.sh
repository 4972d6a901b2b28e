#!/usr/bin/env bash
# Runs `gap call` over every BAM and CRAM of bcftools' test/mpileup/ (issue 18, class 11: valid inputs that samtools
# accepts must run, whatever their format version: CRAM 2.1 and 3.0, BAM). Each file is called against its own .fa
# (indexed with samtools faidx and given a samtools dict), in a scratch copy; unsorted or unindexed reads are sorted
# and indexed first, as a user would. Prints one line per file and exits 1 if any call fails.
# Usage: bash bench/mpileup-inputs.sh BCFTOOLS_TEST_MPILEUP_DIR [SCRATCH_DIR]
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
GAP=(${GAP:-$ROOT/gap})  # GAP="java -jar some/gap.jar" runs a built jar instead
SRC=${1:?usage: mpileup-inputs.sh BCFTOOLS_TEST_MPILEUP_DIR [SCRATCH_DIR]}
WORK=${2:-$(mktemp -d)}
mkdir -p "$WORK"
for t in samtools; do command -v $t >/dev/null || { echo "mpileup-inputs.sh: $t is missing" >&2; exit 1; }; done

# The reference of a reads file: the longest .fa whose stem starts the reads' name, else mpileup.ref.fa.
reference_of() {
  local stem=$1 best="" f
  for f in "$WORK"/*.fa; do
    local s; s=$(basename "$f" .fa)
    if [[ $stem == "$s"* && ${#s} -gt ${#best} ]]; then best=$s; fi
  done
  echo "$WORK/${best:-mpileup.ref}.fa"
}

# The format version: CRAM major.minor from its file definition, else BAM.
version() {
  local head; head=$(head -c 6 "$1" | od -An -tu1)
  set -- $head
  if [[ $1 == 67 && $2 == 82 && $3 == 65 && $4 == 77 ]]; then echo "CRAM $5.$6"; else echo "BAM"; fi
}

cp "$SRC"/*.fa "$SRC"/*.bam "$SRC"/*.cram "$WORK"/
printf 'test-only-password' > "$WORK/pw"
rm -f "$WORK/keys.p12"
"${GAP[@]}" keys init --keystore "$WORK/keys.p12" --keystore-password-file "$WORK/pw" 2>/dev/null
for fa in "$WORK"/*.fa; do
  samtools faidx "$fa"
  rm -f "${fa%.fa}.dict"; samtools dict -o "${fa%.fa}.dict" "$fa"
done

failed=0; total=0
for reads in "$WORK"/*.bam "$WORK"/*.cram; do
  name=$(basename "$reads"); stem=${name%.*}
  ref=$(reference_of "$stem")
  if [[ $(samtools view -H "$reads" --reference "$ref" | grep -c '^@HD.*SO:coordinate' || true) -eq 0 ]]; then
    samtools sort -o "$reads.sorted" --reference "$ref" -O "${name##*.}" "$reads" 2>/dev/null && mv "$reads.sorted" "$reads"
  fi
  samtools index "$reads"
  total=$((total + 1))
  rm -rf "$WORK/out-$name"
  if "${GAP[@]}" call -R "$ref" -I "$reads" -O "$WORK/out-$name" --keystore "$WORK/keys.p12" \
      --keystore-password-file "$WORK/pw" >"$WORK/$name.log" 2>&1; then
    echo "ok      $name ($(version "$reads"), $(basename "$ref"))"
  else
    failed=$((failed + 1))
    echo "FAILED  $name ($(basename "$ref")): $(grep -m1 'error' "$WORK/$name.log" || tail -1 "$WORK/$name.log")"
  fi
done
echo "$((total - failed)) of $total ran"
[[ $failed -eq 0 ]]
