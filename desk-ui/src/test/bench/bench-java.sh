#!/usr/bin/env bash
# Sourced by the benchmark scripts: compiles with the wrapper (no install), writes the test classpath,
# and sets $java to the newest JDK 21+ on the machine (the default java may be too old), as the
# wrapper picks it, unless HEARD_BENCH_JAVA names one. Run from the repository's root.
./mvnw -q -pl desk-ui -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
java="${HEARD_BENCH_JAVA:-}"
if [ -z "$java" ]; then
  for candidate in $(ls -d /usr/lib/jvm/*/ "${JAVA_HOME:-/nonexistent}/" 2>/dev/null | sort -V -r); do
    if "$candidate/bin/java" -version 2>&1 | grep -Eq 'version "(2[1-9]|[3-9][0-9])'; then java="$candidate/bin/java"; break; fi
  done
fi
