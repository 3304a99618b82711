#!/usr/bin/env bash
# Dashboard query latency (p50/p95) with many mentions in Elasticsearch. Usage: insight-benchmark.sh [mentions] [heap]
# The inbox benchmark's build and launch, running the dashboard's benchmark class.
set -euo pipefail
HEARD_BENCH_MAIN=org.heard.desk.bench.InsightQueryBenchmark exec bash "$(dirname "$0")/inbox-benchmark.sh" "$@"
