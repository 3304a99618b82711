#!/usr/bin/env bash
# Inbox query latency (p50/p95) with many mentions in Elasticsearch. Usage: inbox-benchmark.sh [mentions] [heap]
# Compiles with the wrapper (no install), then runs the benchmark's main class on the test classpath.
set -euo pipefail
root="$(cd "$(dirname "$0")/../../../.." && pwd)"
cd "$root"
source desk-ui/src/test/bench/bench-java.sh   # compiles; sets $java
cp="desk-ui/target/test-classes:desk-ui/target/classes:platform/target/test-classes:$(cat desk-ui/target/bench.classpath)"
exec "$java" -cp "$cp" "${HEARD_BENCH_MAIN:-org.heard.desk.bench.InboxQueryBenchmark}" "$@"
