#!/usr/bin/env bash
# The gap command from a source checkout: builds the CLI jar with Maven when it is missing or older than the
# sources, then runs it. Needs only a JDK (17+) and Maven. Set GAP_JAVA_OPTS for JVM options (e.g. -Xmx8g).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
jar="$root/pipeline-cli/target/gap.jar"

stale() {
  [ ! -f "$jar" ] && return 0
  [ -n "$(find "$root/pom.xml" "$root/conf" "$root/pipeline-core/pom.xml" "$root/pipeline-core/src/main" \
      "$root/pipeline-cli/pom.xml" "$root/pipeline-cli/src/main" -newer "$jar" -type f -print -quit)" ]
}

if stale; then
  echo "gap: building the command-line jar (first run or sources changed)..." >&2
  (cd "$root" && mvn -B -q -Dstyle.color=never -DskipTests package -pl pipeline-cli -am) >&2
fi
exec java ${GAP_JAVA_OPTS:-} -jar "$jar" "$@"
