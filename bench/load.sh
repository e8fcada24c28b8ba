#!/usr/bin/env bash
# Issue #13's HTTP figures in one run against one started packaged service (wrk on loopback, PostgreSQL on
# the same machine): P2 dry-run POST req/s beside a trivial GET, P3a stored evaluations/s (8 connections,
# fresh inspection ids), P3b buildings/s through the batch endpoint (100 documents per request), P4 p99 of
# the stored POST at a fixed rate of half of P3a (open loop, bench/FixedRate.java), P5 a full rule reload
# while stored load runs (its time and the requests that failed meanwhile), P6 the service's RSS under load.
#
# Usage: [APP=path/to/quarkus-app] [JAVA_OPTS=...] [DURATION=15] bench/load.sh [APP]
#   APP        the application to measure (default target/quarkus-app, built if missing): run the old build
#              and the new one back to back, e.g. APP=/work/bench-before/quarkus-app bench/load.sh
#   JAVA_OPTS  the service's JVM options (default: the image's, bench/jvm-options.sh; always -Xmx256m for P6)
#   DURATION   seconds of each measured phase (default 15)
#   WARMUP     seconds of each warm-up phase, dry runs then stored (default 10; the JIT compiles Drools' generated
#              classes for about a minute, so WARMUP=60 measures a service that has been running a while)
#   NMT=1      also print the JVM's native memory summary (jcmd VM.native_memory) after the load
#   GC_LOG=1   also log the collector (-Xlog:gc*, target/load/gc.log) and print, per phase, its young and full
#              collections, their pauses and the bytes promoted to the old generation (bench/gc-phases.py)
#   PORT, MANAGEMENT_PORT (8120, 8121), FIRECHECK_BENCH_DB (postgres), BENCH_SCHEMA (firecheck_load)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
app=$(realpath "${1:-${APP:-target/quarkus-app}}")
duration=${DURATION:-15}
warmup=${WARMUP:-10}
# the JVM options the image is built with (one place: quarkus.jib.jvm-additional-arguments)
java_opts=${JAVA_OPTS:-$(bench/jvm-options.sh)}
[[ " $java_opts " == *" -Xmx"* ]] || java_opts="$java_opts -Xmx256m"
[[ "${NMT:-0}" == 1 ]] && java_opts="$java_opts -XX:NativeMemoryTracking=summary"
[[ "${GC_LOG:-0}" == 1 ]] && java_opts="$java_opts -Xlog:gc*,gc+age=trace:file=$root/target/load/gc.log:timemillis,uptime,level,tags"
command -v wrk >/dev/null || { echo "bench/load.sh needs wrk (apt-get install wrk)" >&2; exit 2; }
if [[ ! -f "$app/quarkus-run.jar" ]]; then
  [[ "$app" == "$root/target/quarkus-app" ]] || { echo "no $app/quarkus-run.jar" >&2; exit 2; }
  ./mvnw -q -B -ntp package -DskipTests >&2
fi

work=$root/target/load
rm -rf "$work" && mkdir -p "$work"
# the rules in a copy, so that P5 can change a file and force a full compile and gate
cp -r "${RULES_DIR:-rules}" "$work/rules"
export FIRECHECK_AUTH_LOCAL_KEY=$work/signing-key.pem
APP=$app PORT=${PORT:-8120} MANAGEMENT_PORT=${MANAGEMENT_PORT:-8121} DB=${FIRECHECK_BENCH_DB:-postgres}
SCHEMA=${BENCH_SCHEMA:-firecheck_load} RULES_DIR=$work/rules JAVA_OPTS=$java_opts READY_SECONDS=120
SERVICE_ENV="MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-$(bench/jvm-options.sh MALLOC_ARENA_MAX)}"
SERVICE_LOG=$work/service.log TOKEN_NAME=load-test
source bench/service.sh
sampler=
trap '[[ -n "$sampler" ]] && kill "$sampler" 2>/dev/null; service_stop' EXIT
author_token=$(service_cli token --role rule-author --name load-test-author)

# RSS of the service once a second, for P6 (the largest value seen while load runs)
( while kill -0 $pid 2>/dev/null; do ps -o rss= -p $pid >> "$work/rss.txt" || true; sleep 1; done ) &
sampler=$!

# the wall-clock start of each phase and the worker threads alive then, for bench/gc-phases.py
phase() { echo "$1 $(date +%s%3N) $(grep -lx executor-thread /proc/$pid/task/*/comm 2>/dev/null | wc -l)" >> "$work/phases.txt"; }
rps() { awk '/^Requests\/sec:/ {printf "%.0f", $2}' "$1"; }
failures() { awk '/Non-2xx/ {n += $NF} /Socket errors/ {gsub(",", ""); n += $4 + $6 + $8 + $10} END {print n + 0}' "$1"; }
p99() { awk '$1 == "99%" {print $2}' "$1"; }
run_wrk() { # name connections seconds [wrk args...]
  local name=$1 c=$2 d=$3; shift 3
  wrk -t 2 -c "$c" -d "${d}s" --latency "$@" > "$work/$name.txt" 2> "$work/$name.err" || true
}

echo "== $app"
echo "== JVM options: $java_opts"
phase warm-up; echo "== warm-up: $warmup s dry run, $warmup s stored"
DRY_RUN=true run_wrk warm-dry 8 "$warmup" -s bench/post-evaluation.lua "$base"
run_wrk warm-stored 8 "$warmup" -s bench/post-evaluation.lua "$base"

phase P2; echo "== P2: trivial GET and dry-run POST, 8 connections, ${duration} s each"
run_wrk get 8 "$duration" "http://127.0.0.1:$management_port/q/health/live"
DRY_RUN=true run_wrk dry 8 "$duration" -s bench/post-evaluation.lua "$base"
phase P3a; echo "== P3a: stored POST, 8 connections, ${duration} s"
run_wrk stored 8 "$duration" -s bench/post-evaluation.lua "$base"
phase P3b; echo "== P3b: batch of 100, 4 connections, ${duration} s"
BATCH_SIZE=100 run_wrk batch 4 "$duration" --timeout 30s -s bench/post-evaluation.lua "$base"
p3a=$(rps "$work/stored.txt")
rate=$(( p3a / 2 > 0 ? p3a / 2 : 1 ))
phase P4; echo "== P4: stored POST at a fixed $rate/s (half of P3a), ${duration} s, open loop"
java bench/FixedRate.java "$base/api/v1/evaluations" "$rate" "$duration" "$FIRECHECK_TOKEN" \
    test-fixtures/base/residential-tower.json > "$work/fixed.txt" 2>&1 || true
cat "$work/fixed.txt"
phase P5; echo "== P5: full reload (a changed rules file) while the stored load runs, 8 connections"
: > "$work/rss.txt"   # P6 is the RSS under the sustained load from here on
run_wrk reload-load 8 $(( duration + 20 )) -s bench/post-evaluation.lua "$base" &
load=$!
sleep 5
version() { curl -s -H "Authorization: Bearer $FIRECHECK_TOKEN" "$base/api/v1/rules" | jq -r .version; }
before_version=$(version)
drl=$(find "$work/rules" -name '*.drl' | sort | head -n 1)
echo "// touched by bench/load.sh $(date -u +%FT%TZ)" >> "$drl"
start=$(date +%s.%N)
# a reload longer than quarkus.http.idle-timeout (60 s) loses its answer; the new version then tells when it ended
reload=$(curl -s -o "$work/reload.json" -w "%{http_code}" -X POST -H "Authorization: Bearer $author_token" \
    "$base/api/v1/rules/reload" 2> "$work/reload.err") || reload="no answer (curl $?)"
for _ in $(seq 1 120); do
  [[ "$(version)" != "$before_version" ]] && break
  sleep 1
done
reload_s=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f", b - a}')
[[ "$(version)" != "$before_version" ]] || reload_s="not activated after $reload_s"
touch "$work/reload.json"
wait $load
echo "   reload: HTTP $reload, new version serving after $reload_s s; $(head -c 200 "$work/reload.json")"

phase end
if [[ "${GC_LOG:-0}" == 1 ]]; then
  python3 bench/gc-phases.py "$work/gc.log" "$work/phases.txt" | sed 's/^/   /'
fi
if [[ "${NMT:-0}" == 1 ]]; then
  jcmd $pid VM.native_memory summary | grep -E "^(Total|-)|committed=" | grep -E "Total|^-" | sed 's/^/   /'
fi
get=$(rps "$work/get.txt"); dry=$(rps "$work/dry.txt"); batch=$(rps "$work/batch.txt")
rss_max=$(sort -n "$work/rss.txt" | tail -n 1 | awk '{printf "%.0f", $1/1024}')
fixed=$(cat "$work/fixed.txt")
field() { sed -n "s/.*$1=\([^ ]*\).*/\1/p" <<< "$fixed"; }
echo
echo "| id | measure | result |"
echo "|---|---|---|"
echo "| P2 | dry-run POST req/s vs trivial GET req/s (8 conn) | $dry vs $get = $(awk -v a="$dry" -v b="$get" 'BEGIN {printf "%.2f", b ? a / b : 0}')x, failed $(failures "$work/dry.txt") |"
echo "| P3a | stored evaluations/s (8 conn) | $p3a/s, p99 $(p99 "$work/stored.txt"), failed $(failures "$work/stored.txt") |"
echo "| P3b | buildings/s, batch of 100 (4 conn) | $(awk '/^Requests\/sec:/ {printf "%.0f", $2 * 100}' "$work/batch.txt")/s, failed $(failures "$work/batch.txt") requests, $(grep -c 'an item failed' "$work/batch.err" || true) with failed items |"
echo "| P4 | stored POST p99 at a fixed $rate/s (open loop) | p99 $(field p99_ms) ms (p50 $(field p50_ms), p90 $(field p90_ms), max $(field max_ms)); failed $(field failed) of $(field sent) |"
echo "| P5 | full reload under stored load; failed requests meanwhile | HTTP $reload, new set serving after $reload_s s; $(rps "$work/reload-load.txt") req/s, failed $(failures "$work/reload-load.txt") |"
echo "| P6 | service RSS under sustained load ($java_opts) | max ${rss_max} MiB |"
