#!/usr/bin/env bash
# Issue #13's P2: dry-run evaluations over HTTP beside trivial GETs on the same server, with wrk on loopback.
# Starts the packaged service (target/quarkus-app; `./mvnw package -DskipTests` first) on its own ports and
# schema, runs each load for a fixed time, stops the service and drops the schema.
# Usage: bench/dryrun.sh [duration, default 15s] [connections, default 4]
# Environment: PORT, MANAGEMENT_PORT, SCHEMA, DB (defaults 8110, 8111, firecheck_eval, fc_eval), APP (the
# quarkus-app folder, default target/quarkus-app), JAVA_OPTS.
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-15s}
connections=${2:-4}
source bench/service.sh
run() { # name, then wrk's arguments
  local name=$1; shift
  printf '%-58s' "$name"
  wrk -t 2 -c "$connections" -d "$duration" --latency "$@" | awk '/Requests\/sec/ {r=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2}
    /Non-2xx/ {bad=$NF} END {printf "%10s req/s  p50 %-8s p99 %-8s%s\n", r, p50, p99, bad ? "  non-2xx " bad : ""}'
}
DRY_RUN=true wrk -t 2 -c "$connections" -d 10s -s bench/post-evaluation.lua "$base" >/dev/null # warm-up
run "GET /q/health/live (management port)" "http://127.0.0.1:$management_port/q/health/live"
run "GET /api/v1/evaluations/{malformed id}, token (404)" -H "Authorization: Bearer $FIRECHECK_TOKEN" "$base/api/v1/evaluations/x"
run "GET /api/v1/evaluations/{malformed id}, no token (401)" "$base/api/v1/evaluations/x"
DRY_RUN=true run "POST /api/v1/evaluations?dryRun=true (compliant tower)" -s bench/post-evaluation.lua "$base"
echo "service RSS: $(ps -o rss= -p $pid | awk '{printf "%.0f MiB", $1/1024}')"
