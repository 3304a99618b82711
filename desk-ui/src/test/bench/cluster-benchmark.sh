#!/usr/bin/env bash
# Triage throughput with 1 and 2 triage instances, and end-to-end latency through an ingest crash, on a
# local cluster (3 Kafka brokers, 2 Elasticsearch nodes, Heard instances as child JVMs).
# Usage: cluster-benchmark.sh [mentions=2000] [nlp=false] [emails-per-second=10] [failover-seconds=60]
# Compiles with the wrapper (no install), then runs the benchmark's main class on the test classpath.
set -euo pipefail
root="$(cd "$(dirname "$0")/../../../.." && pwd)"
cd "$root"
./mvnw -q -pl desk-ui -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
# The Heard instances run in development mode, which writes Vaadin's files into the working directory: desk-ui, not the root.
cd desk-ui
cp="target/test-classes:target/classes:../platform/target/test-classes:$(cat target/bench.classpath)"
# The newest JDK on the machine (the default java may be too old), as the wrapper picks it.
java="${HEARD_BENCH_JAVA:-}"
if [ -z "$java" ]; then
  for candidate in $(ls -d /usr/lib/jvm/*/ "${JAVA_HOME:-/nonexistent}/" 2>/dev/null | sort -V -r); do
    if "$candidate/bin/java" -version 2>&1 | grep -Eq 'version "(2[1-9]|[3-9][0-9])'; then java="$candidate/bin/java"; break; fi
  done
fi
exec "$java" -Xmx1g -cp "$cp" org.heard.cluster.ClusterScalingBenchmark "$@"
