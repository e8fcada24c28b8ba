# Sourced by the benchmarks that measure a running service (bench/dryrun.sh, dryrun-profile.sh, heap.sh, load.sh,
# preview.sh, promoted.sh, store-waits.sh): starts the packaged service APP (default target/quarkus-app) with JAVA_OPTS on PORT
# and MANAGEMENT_PORT (defaults 8110, 8111) with its tables in SCHEMA of DB (defaults firecheck_eval, fc_eval; the
# schema is dropped first), waits up to READY_SECONDS (90) until it is ready, stops it and drops the schema on exit.
# Optional: RULES_DIR (the rules folder it serves; fixtures stay test-fixtures/), SERVICE_ENV (more environment,
# e.g. "MALLOC_ARENA_MAX=2"), SERVICE_LOG (default target/dryrun-service.log), TOKEN_NAME (default dryrun-bench).
# Sets pid, app, port, management_port, db, schema, base (the API's URL), exports FIRECHECK_TOKEN (role client),
# and defines service_cli (the application's command-line tool, e.g. service_cli token --role rule-author) and
# service_stop (what runs on exit: a script with its own trap calls it there).
app=$(realpath "${APP:-target/quarkus-app}")
port=${PORT:-8110}
management_port=${MANAGEMENT_PORT:-8111}
schema=${SCHEMA:-firecheck_eval}
db=${DB:-fc_eval}
service_log=${SERVICE_LOG:-target/dryrun-service.log}
service_psql() { PGOPTIONS="-c client_min_messages=warning" psql -h 127.0.0.1 -U postgres -d "$db" -qc "$1" >/dev/null; }
service_psql "DROP SCHEMA IF EXISTS $schema CASCADE"
# shellcheck disable=SC2086 # SERVICE_ENV and JAVA_OPTS are lists of words
env QUARKUS_HTTP_PORT="$port" QUARKUS_MANAGEMENT_PORT="$management_port" FIRECHECK_DATABASE_SCHEMA="$schema" \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$db" \
    ${RULES_DIR:+FIRECHECK_RULES_DIR="$RULES_DIR"} ${SERVICE_ENV:-} \
    java ${JAVA_OPTS:-} -jar "$app/quarkus-run.jar" > "$service_log" 2>&1 &
pid=$!
service_stop() {
  # the service may have died already (heap.sh provokes that): the schema is dropped all the same
  kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
  service_psql "DROP SCHEMA IF EXISTS $schema CASCADE" || true
}
trap service_stop EXIT
for _ in $(seq 1 "${READY_SECONDS:-90}"); do
  curl -sf "http://127.0.0.1:$management_port/q/health/ready" >/dev/null && break
  kill -0 "$pid" 2>/dev/null || { cat "$service_log" >&2; exit 1; }
  sleep 1
done
curl -sf "http://127.0.0.1:$management_port/q/health/ready" >/dev/null \
    || { echo "the service is not ready after ${READY_SECONDS:-90} s" >&2; tail -n 50 "$service_log" >&2; exit 1; }
service_cli() { java -XX:TieredStopAtLevel=1 -cp "$app/app/*:$app/lib/main/*:$app/lib/boot/*" io.firecheck.cli.Main "$@"; }
FIRECHECK_TOKEN=$(service_cli token --role client --name "${TOKEN_NAME:-dryrun-bench}")
export FIRECHECK_TOKEN
base="http://127.0.0.1:$port"
