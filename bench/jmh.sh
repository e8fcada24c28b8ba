#!/usr/bin/env bash
# In-process evaluation throughput (JMH). Usage: bench/jmh.sh [-t threads]; the run's length is in
# JMH_OPTS (default: 1 fork, 3x2 s warm-up, 5x2 s measurement), e.g. JMH_OPTS="-f 1 -wi 5 -w 5s -i 5 -r 3s".
# bench/jmh.sh --cpu [warm-up s] [rounds] [evaluations per round]: the same benchmarks timed by thread CPU time
# (CpuPerEvaluation), for a machine whose cores are busy with other work.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >&2
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
if [ "${1:-}" = "--cpu" ]; then
    shift
    exec java -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "$CP" io.firecheck.bench.CpuPerEvaluation "$@"
fi
exec java -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "$CP" \
    org.openjdk.jmh.Main ${JMH_OPTS:--f 1 -wi 3 -w 2s -i 5 -r 2s} "$@" 'io.firecheck.bench.EvaluationBenchmark' 
