#!/usr/bin/env bash
# HTTP load on loopback: builds and starts the service on its own port and schema, runs wrk for a fixed
# time, reports, stops the service and drops the schema. Needs wrk (apt-get install wrk).
# Usage: bench/load.sh [duration, default 20s] [connections, default 4]
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-20s}
connections=${2:-4}
port=8097
management_port=8098
schema=firecheck_bench
./mvnw -q -B package -DskipTests >&2
QUARKUS_HTTP_PORT=$port QUARKUS_MANAGEMENT_PORT=$management_port \
FIRECHECK_DATABASE_SCHEMA=$schema \
    java -jar target/quarkus-app/quarkus-run.jar > target/load-service.log 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; psql -h 127.0.0.1 -U postgres -qc "DROP SCHEMA IF EXISTS '$schema' CASCADE" >/dev/null' EXIT
for _ in $(seq 1 60); do
  curl -sf "http://127.0.0.1:$management_port/q/health/ready" >/dev/null && break
  sleep 1
done
# a client token signed by the local key the service created at start (post-evaluation.lua sends it)
FIRECHECK_TOKEN=$(bin/firecheck token --role client --name load-test)
export FIRECHECK_TOKEN
echo "== warm-up (5s, dry run)"
DRY_RUN=true wrk -t 2 -c "$connections" -d 5s -s bench/post-evaluation.lua "http://127.0.0.1:$port" >/dev/null
echo "== evaluate only (dryRun=true), $connections connections, $duration"
DRY_RUN=true wrk -t 2 -c "$connections" -d "$duration" --latency -s bench/post-evaluation.lua "http://127.0.0.1:$port"
echo "== evaluate and store, $connections connections, $duration"
wrk -t 2 -c "$connections" -d "$duration" --latency -s bench/post-evaluation.lua "http://127.0.0.1:$port"
echo "== service RSS after load: $(ps -o rss= -p $pid | awk '{printf "%.0f MiB", $1/1024}')"
