#!/usr/bin/env bash
# Live within two seconds: one email at a time to the embedded demo mailbox, timed hop by hop until an
# open inbox in Chromium shows it (accepted -> read from IMAP -> on Kafka -> triaged -> indexed ->
# desk told -> on screen). Starts the desk on the embedded default on its own ports (first-port .. +5).
# Usage: email-hops-benchmark.sh [emails=30] [first-port=18480]
# Compiles with the wrapper (no install), then runs the benchmark's main class on the test classpath.
set -euo pipefail
root="$(cd "$(dirname "$0")/../../../.." && pwd)"
cd "$root"
source desk-ui/src/test/bench/bench-java.sh   # compiles; sets $java
# The desk runs in development mode, which writes Vaadin's files into the working directory: desk-ui, not the root.
cd desk-ui
cp="target/test-classes:target/classes:../platform/target/test-classes:$(cat target/bench.classpath)"
exec "$java" -Xmx2g -cp "$cp" org.heard.desk.bench.EmailHopsBenchmark "$@"
