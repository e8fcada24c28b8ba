#!/usr/bin/env bash
# Where a stored request waits (issue #13 P3a/P4): one packaged service on its own ports and schema, a warm-up,
# then stored POSTs at a fixed rate (bench/FixedRate.java, open loop) while JFR records wait events of 1 ms and
# more (park, monitor, socket read/write), GC and CPU samples, and one PostgreSQL session samples the service's
# backends in pg_stat_activity every 5 ms. Prints the client's percentiles, PostgreSQL's wait events, and the
# JFR breakdown by thread and blocking site (bench/jfr-waits.py).
#
# Usage: [APP=path/to/quarkus-app] [RATE=100] [DURATION=15] [P3A=1] [P3B=1] bench/store-waits.sh [OUT]
#   P3A=1 / P3B=1  also wrk's stored POST (8 connections) before, and batches of 100 (4 connections) after
#   PORT, MANAGEMENT_PORT (8130, 8131), FIRECHECK_BENCH_DB (postgres), BENCH_SCHEMA (firecheck_waits), JAVA_OPTS
set -euo pipefail
cd "$(dirname "$0")/.."
app=$(realpath "${APP:-target/quarkus-app}")
out=$(realpath -m "${1:-target/store-waits}")
rate=${RATE:-100}; secs=${DURATION:-15}
[[ -f "$app/quarkus-run.jar" ]] || { echo "no $app/quarkus-run.jar (./mvnw package -DskipTests)" >&2; exit 2; }
rm -rf "$out" && mkdir -p "$out"
cp -r rules "$out/rules"
jfr configure --input profile.jfc --output "$out/waits.jfc" 'jdk.ThreadPark#threshold=1ms' 'jdk.JavaMonitorWait#threshold=1ms' \
    'jdk.JavaMonitorEnter#threshold=1ms' 'jdk.SocketRead#threshold=1ms' 'jdk.SocketWrite#threshold=1ms' > /dev/null
export FIRECHECK_AUTH_LOCAL_KEY=$out/signing-key.pem
APP=$app PORT=${PORT:-8130} MANAGEMENT_PORT=${MANAGEMENT_PORT:-8131} DB=${FIRECHECK_BENCH_DB:-postgres}
SCHEMA=${BENCH_SCHEMA:-firecheck_waits} RULES_DIR=$out/rules JAVA_OPTS=${JAVA_OPTS:-$(bench/jvm-options.sh)} READY_SECONDS=120
SERVICE_ENV="MALLOC_ARENA_MAX=$(bench/jvm-options.sh MALLOC_ARENA_MAX)" SERVICE_LOG=$out/service.log TOKEN_NAME=store-waits
source bench/service.sh
DRY_RUN=true wrk -t 2 -c 8 -d 10s -s bench/post-evaluation.lua "$base" > /dev/null
wrk -t 2 -c 8 -d 10s -s bench/post-evaluation.lua "$base" > /dev/null
if [[ "${P3A:-0}" == 1 ]]; then
  wrk -t 2 -c 8 -d "${secs}s" --latency -s bench/post-evaluation.lua "$base" > "$out/p3a.txt"
  echo "P3a: $(awk '/^Requests\/sec:/ {printf "%.0f", $2}' "$out/p3a.txt")/s, p99 $(awk '$1 == "99%" {print $2}' "$out/p3a.txt")"
fi
server_time() { curl -s "http://127.0.0.1:$management_port/q/metrics" \
    | awk '/^http_server_requests_seconds_(count|sum).*status="201",uri="\/api\/v1\/evaluations"/ {print $2}' | paste -sd' '; }
before=$(server_time)
jcmd $pid JFR.start name=waits settings="$out/waits.jfc" > /dev/null
psql -h 127.0.0.1 -U postgres -d "$db" -q > "$out/pg-waits.txt" 2>&1 <<SQL &
CREATE TEMP TABLE s (state text, wait text);
DO \$\$
DECLARE t0 timestamptz := clock_timestamp();
BEGIN
  WHILE clock_timestamp() < t0 + interval '$secs seconds' LOOP
    INSERT INTO s SELECT state, coalesce(wait_event_type || ':' || wait_event, 'CPU') FROM pg_stat_activity
      WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid()
        AND state <> 'idle';
    PERFORM pg_stat_clear_snapshot();
    PERFORM pg_sleep(0.005);
  END LOOP;
END \$\$;
SELECT state, wait, count(*) FROM s GROUP BY 1, 2 ORDER BY 3 DESC;
SQL
sampler=$!
echo "P4: $(java bench/FixedRate.java "$base/api/v1/evaluations" "$rate" "$secs" "$FIRECHECK_TOKEN" test-fixtures/base/residential-tower.json)"
wait $sampler || true
jcmd $pid JFR.stop name=waits filename="$out/waits.jfr" > /dev/null
read -r count0 sum0 <<< "$before"; read -r count1 sum1 <<< "$(server_time)"
awk -v c="$((${count1%.*} - ${count0%.*}))" -v s="$(awk -v a="$sum0" -v b="$sum1" 'BEGIN {print b - a}')" \
    'BEGIN {printf "server time per stored POST in the fixed-rate phase: %.1f ms (%d requests)\n", c ? 1000 * s / c : 0, c}'
if [[ "${P3B:-0}" == 1 ]]; then
  BATCH_SIZE=100 wrk -t 2 -c 4 -d "${secs}s" --timeout 30s -s bench/post-evaluation.lua "$base" > "$out/p3b.txt" 2> "$out/p3b.err"
  echo "P3b: $(awk '/^Requests\/sec:/ {printf "%.0f", $2 * 100}' "$out/p3b.txt") buildings/s, $(grep -c 'an item failed' "$out/p3b.err" || true) batches with failed items"
fi
echo "== PostgreSQL: the service's backends, not idle, every 5 ms"
sed -n '/state/,$p' "$out/pg-waits.txt"
echo "== JFR: $out/waits.jfr"
python3 bench/jfr-waits.py "$out/waits.jfr"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
