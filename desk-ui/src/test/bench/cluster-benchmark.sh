#!/usr/bin/env bash
# Triage throughput with 1 and 2 triage instances, and end-to-end latency through an ingest crash, on a
# local cluster (3 Kafka brokers, 2 Elasticsearch nodes, Heard instances as child JVMs).
# Usage: cluster-benchmark.sh [mentions=2000] [nlp=false] [emails-per-second=10] [failover-seconds=60]
# Compiles with the wrapper (no install), then runs the benchmark's main class on the test classpath.
set -euo pipefail
root="$(cd "$(dirname "$0")/../../../.." && pwd)"
cd "$root"
source desk-ui/src/test/bench/bench-java.sh   # compiles; sets $java
# The Heard instances run in development mode, which writes Vaadin's files into the working directory: desk-ui, not the root.
cd desk-ui
cp="target/test-classes:target/classes:../platform/target/test-classes:$(cat target/bench.classpath)"
exec "$java" -Xmx1g -cp "$cp" org.heard.cluster.ClusterScalingBenchmark "$@"
