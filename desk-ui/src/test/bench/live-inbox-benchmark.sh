#!/usr/bin/env bash
# The live inbox under load: Elasticsearch queries/s, desk CPU and how far behind open inboxes are, with
# open inboxes in Chromium while mentions pour in. Usage: live-inbox-benchmark.sh [sessions=20] [per-second=50] [seconds=60]
# Compiles with the wrapper (no install), then runs the benchmark's main class on the test classpath.
set -euo pipefail
root="$(cd "$(dirname "$0")/../../../.." && pwd)"
cd "$root"
source desk-ui/src/test/bench/bench-java.sh   # compiles; sets $java
# The desk runs in development mode, which writes Vaadin's files into the working directory: desk-ui, not the root.
cd desk-ui
cp="target/test-classes:target/classes:../platform/target/test-classes:$(cat target/bench.classpath)"
exec "$java" -Xmx2g -cp "$cp" org.heard.desk.bench.LiveInboxBenchmark "$@"
