#!/usr/bin/env bash
# In-process evaluation throughput (JMH). Usage: bench/jmh.sh [JMH options], e.g. -t 2 for two threads.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >&2
exec java -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
    -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    org.openjdk.jmh.Main -f 1 -wi 3 -w 2s -i 5 -r 2s "$@" io.firecheck.bench
