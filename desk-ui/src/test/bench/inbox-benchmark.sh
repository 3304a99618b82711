#!/usr/bin/env bash
# Inbox query latency (p50/p95) with many mentions in Elasticsearch. Usage: inbox-benchmark.sh [mentions] [heap]
# Compiles with the wrapper (no install), then runs the benchmark's main class on the test classpath.
set -euo pipefail
root="$(cd "$(dirname "$0")/../../../.." && pwd)"
cd "$root"
./mvnw -q -pl desk-ui -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
cp="desk-ui/target/test-classes:desk-ui/target/classes:platform/target/test-classes:$(cat desk-ui/target/bench.classpath)"
# The newest JDK on the machine (the default java may be too old), as the wrapper picks it.
java="${HEARD_BENCH_JAVA:-}"
if [ -z "$java" ]; then
  for candidate in $(ls -d /usr/lib/jvm/*/ "${JAVA_HOME:-/nonexistent}/" 2>/dev/null | sort -V -r); do
    if "$candidate/bin/java" -version 2>&1 | grep -Eq 'version "(2[1-9]|[3-9][0-9])'; then java="$candidate/bin/java"; break; fi
  done
fi
exec "$java" -cp "$cp" "${HEARD_BENCH_MAIN:-org.heard.desk.bench.InboxQueryBenchmark}" "$@"
