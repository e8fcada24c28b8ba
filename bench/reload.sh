#!/usr/bin/env bash
# Rule-set reload phases in one warm JVM (issue #13, P5): load = compile (the loader's per-file cache) +
# metadata + absent-field probe; gate = fixture replay and coverage. Prints wall and process-CPU ms for the
# first load, then per round a reload with one DRL file changed, one with a rule's title reworded (what
# .ci/cluster-test.sh changes) and one with only thresholds.properties changed.
#   bench/reload.sh [rounds]      (after ./mvnw package -DskipTests; compiles the test classes once)
set -euo pipefail
cd "$(dirname "$0")/.."
app=target/quarkus-app
[[ -f target/test-classes/io/firecheck/bench/ReloadTimings.class ]] || ./mvnw -q -B -ntp test-compile
java -Djava.util.logging.manager=org.jboss.logmanager.LogManager -Dorg.jboss.logging.provider=jboss \
    -cp "target/test-classes:target/classes:$app/lib/main/*:$app/lib/boot/*" io.firecheck.bench.ReloadTimings \
    rules test-fixtures "${1:-5}"
