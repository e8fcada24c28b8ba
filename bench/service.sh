# Sourced by bench/dryrun.sh and bench/dryrun-profile.sh: starts the packaged service (APP, default
# target/quarkus-app) with JAVA_OPTS on PORT and MANAGEMENT_PORT (defaults 8110, 8111) with its tables in SCHEMA of
# DB (defaults firecheck_eval, fc_eval), waits until it is ready, stops it and drops the schema on exit. Sets pid,
# management_port, base (the API's URL) and exports FIRECHECK_TOKEN (role client).
port=${PORT:-8110}
management_port=${MANAGEMENT_PORT:-8111}
schema=${SCHEMA:-firecheck_eval}
db=${DB:-fc_eval}
QUARKUS_HTTP_PORT=$port QUARKUS_MANAGEMENT_PORT=$management_port FIRECHECK_DATABASE_SCHEMA=$schema \
QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$db \
    java ${JAVA_OPTS:-} -jar "${APP:-target/quarkus-app}/quarkus-run.jar" > target/dryrun-service.log 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; psql -h 127.0.0.1 -U postgres -d '$db' -qc "DROP SCHEMA IF EXISTS '$schema' CASCADE" >/dev/null' EXIT
for _ in $(seq 1 90); do
  curl -sf "http://127.0.0.1:$management_port/q/health/ready" >/dev/null && break
  sleep 1
done
FIRECHECK_TOKEN=$(bin/firecheck token --role client --name dryrun-bench)
export FIRECHECK_TOKEN
base="http://127.0.0.1:$port"
