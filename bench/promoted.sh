#!/usr/bin/env bash
# What a fixed-rate phase of stored POSTs promotes to the old generation, and what that is. Starts the packaged
# service (bench/service.sh: PORT, MANAGEMENT_PORT, SCHEMA, DB, APP; JAVA_OPTS default the image's), warms it up
# (wrk, 8 connections, 15 s; 10 s at RATE), forces a full collection, notes the tenured generation's top, posts
# at RATE for DURATION seconds (bench/FixedRate.java), then dumps the heap without collecting it: the serial collector
# promotes by bumping that top, so every object between the two tops was promoted during the phase.
# bench/promoted.py classifies them (class, referrer field, still reachable or garbage already).
#
# Usage: [RATE=60] [DURATION=30] bench/promoted.sh
set -euo pipefail
cd "$(dirname "$0")/.."
rate=${RATE:-60}
seconds=${DURATION:-30}
work=target/promoted
rm -rf "$work" && mkdir -p "$work"
JAVA_OPTS="${JAVA_OPTS:-$(bench/jvm-options.sh)} -Xlog:gc*:file=$work/gc.log"
PORT=${PORT:-8130} MANAGEMENT_PORT=${MANAGEMENT_PORT:-8131} SCHEMA=${SCHEMA:-firecheck_promoted}
source bench/service.sh
workers() { grep -lx executor-thread /proc/$pid/task/*/comm 2>/dev/null | wc -l; }
tenured_top() { jcmd $pid GC.heap_info | sed -n 's/.*the space.*\[0x[0-9a-f]*, 0x\([0-9a-f]*\),.*/\1/p'; }
fixed() { java bench/FixedRate.java "$base/api/v1/evaluations" "$rate" "$1" "$FIRECHECK_TOKEN" test-fixtures/base/residential-tower.json; }
wrk -t 2 -c 8 -d 15s -s bench/post-evaluation.lua "$base" > "$work/warm.txt"
fixed 10 > /dev/null
before_workers=$(workers)
jcmd $pid GC.run > /dev/null
low=$(tenured_top)
young=$(grep -c "Pause Young.*ms$" "$work/gc.log" || true)
fixed "$seconds"
high=$(tenured_top)
echo "worker threads $before_workers -> $(workers); young collections $(( $(grep -c "Pause Young.*ms$" "$work/gc.log") - young ))," \
     "full $(grep -c "Pause Full.*ms$" "$work/gc.log") since start; promoted during the phase $(( (0x$high - 0x$low) / 1024 )) KiB"
jmap -dump:format=b,file="$PWD/$work/heap.hprof" $pid > /dev/null
python3 bench/promoted.py "$work/heap.hprof" "$low" "$high"
rm -f "$work/heap.hprof"
