#!/usr/bin/env bash
# In-process evaluation throughput (JMH). Usage: bench/jmh.sh [-t threads]; the run's length is in
# JMH_OPTS (default: 1 fork, 3x2 s warm-up, 5x2 s measurement), e.g. JMH_OPTS="-f 1 -wi 5 -w 5s -i 5 -r 3s".
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >&2
exec java -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
    -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    org.openjdk.jmh.Main ${JMH_OPTS:--f 1 -wi 3 -w 2s -i 5 -r 2s} "$@" io.firecheck.bench
