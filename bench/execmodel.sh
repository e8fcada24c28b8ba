#!/usr/bin/env bash
# Issue #13 experiment: the shipped rules under Drools' executable model beside the MVEL KieBase the service uses
# (ExecModelExperiment; results in docs/benchmarks.md, "Executable model experiment"). Prints build and first-evaluation
# times, the fixture-by-fixture equivalence, then CPU per evaluation of both.
#   bench/execmodel.sh [build rounds] [warm-up s] [rounds] [evaluations per round]   (default 3 15 15 500)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -ntp test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >&2
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
exec java -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "$CP" io.firecheck.bench.ExecModelExperiment "$@"
