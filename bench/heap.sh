#!/usr/bin/env bash
# Shows that a 256 MiB heap survives the largest request the service accepts: a batch of 1,000 valid
# documents just under the 16 MiB batch limit (the residential tower with as many shafts as fit), posted
# once stored and twice at the same time as dry runs. Starts the packaged service with -Xmx256m on its own
# port and schema, with the JVM options of the image (bench/jvm-options.sh; JAVA_OPTS overrides), and fails if
# it runs out of memory (-XX:+ExitOnOutOfMemoryError) or answers anything but 200 with 1,000 items.
# Then FLOOD (default 24) stored batches of 1,000 ordinary documents at the same time: each is answered 200 or
# 503 (firecheck.http.bodies-in-flight), the service stays up, and the refused ones, sent again one at a
# time, are stored: nothing is lost.
# Usage: bench/heap.sh   (database: FIRECHECK_BENCH_DB, default postgres; PORT, MANAGEMENT_PORT: 8120, 8121)
set -euo pipefail
cd "$(dirname "$0")/.."
java_opts=${JAVA_OPTS:-$(bench/jvm-options.sh)}
[[ " $java_opts " == *" -XX:+ExitOnOutOfMemoryError "* ]] || java_opts="$java_opts -XX:+ExitOnOutOfMemoryError"
[[ " $java_opts " == *" -Xmx"* ]] || java_opts="$java_opts -Xmx256m"
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -q -B package -DskipTests >&2
python3 - <<'PY'
import json, copy
base = json.load(open("test-fixtures/base/residential-tower.json"))
shaft = base["shafts"][0]
def batch(shafts):
    items = []
    for i in range(1000):
        d = copy.deepcopy(base)
        d["inspection"]["id"] = "HEAP-%04d" % i
        d["building"]["id"] = "HEAP-B-%04d" % i
        d["shafts"] = [dict(shaft) for _ in range(shafts)]
        items.append(d)
    return json.dumps(items, ensure_ascii=False, separators=(",", ":")).encode()
# as many shafts per document as keep the batch within the 16 MiB limit
shafts = 100
while len(body := batch(shafts)) > 16 * 1024 * 1024:
    shafts -= 1
open("target/heap-batch.json", "wb").write(body)
print("== batch: 1000 documents of %d shafts, %.1f MiB" % (shafts, len(body) / 1048576))
PY
FLOOD=${FLOOD:-24}
python3 - "$FLOOD" <<'PY'
import json, copy, sys
base = json.load(open("test-fixtures/base/residential-tower.json"))
for n in range(int(sys.argv[1])):
    items = []
    for i in range(1000):
        d = copy.deepcopy(base)
        d["inspection"]["id"] = "FLOOD-%02d-%04d" % (n, i)
        d["building"]["id"] = "FLOOD-B-%02d-%04d" % (n, i)
        items.append(d)
    open("target/heap-flood-%d.json" % n, "wb").write(json.dumps(items, ensure_ascii=False, separators=(",", ":")).encode())
print("== flood: %s batches of 1000 documents, %.1f MiB each" % (sys.argv[1], len(open("target/heap-flood-0.json", "rb").read()) / 1048576))
PY
PORT=${PORT:-8120} MANAGEMENT_PORT=${MANAGEMENT_PORT:-8121} SCHEMA=firecheck_heap DB=${FIRECHECK_BENCH_DB:-postgres}
JAVA_OPTS=$java_opts SERVICE_ENV="MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-$(bench/jvm-options.sh MALLOC_ARENA_MAX)}"
SERVICE_LOG=target/heap-service.log TOKEN_NAME=heap-test
source bench/service.sh
token=$FIRECHECK_TOKEN
post() {
  curl -s -H "Authorization: Bearer $token" -o "target/heap-response-$1.json" -w "%{http_code} in %{time_total} s\n" -H 'content-type: application/json' \
       --data-binary "@${3:-target/heap-batch.json}" "http://127.0.0.1:$port/api/v1/evaluations/batch$2"
}
check() {
  python3 -c "import json,sys; r=json.load(open('target/heap-response-$1.json')); assert len(r)==1000, len(r); \
print('   ', len(r), 'items, statuses', sorted({i['status'] for i in r}))"
}
echo "== stored batch: $(post stored '')"; check stored
echo "== two dry-run batches at once:"
post dry1 '?dryRun=true' & first=$!
post dry2 '?dryRun=true' & second=$!
wait $first $second
check dry1; check dry2
kill -0 $pid && curl -sf "http://127.0.0.1:$management_port/q/health/ready" >/dev/null && echo "== service alive and ready with $java_opts"
echo "== RSS: $(ps -o rss= -p $pid | awk '{printf "%.0f MiB", $1/1024}')"
echo "== $FLOOD stored batches of 1,000 at once:"
flooders=()
for n in $(seq 0 $((FLOOD - 1))); do
  post "flood-$n" '' "target/heap-flood-$n.json" > "target/heap-flood-$n.code" & flooders+=($!)
done
wait "${flooders[@]}" || true # a batch the service dropped reads 000
cut -d' ' -f1 target/heap-flood-*.code | sort | uniq -c | sed 's/^ */    /; s/ \([0-9]*\)$/ answered \1/'
kill -0 $pid 2>/dev/null || { echo "the service died: $(tail -n 1 "$service_log")"; exit 1; }
for n in $(seq 0 $((FLOOD - 1))); do
  if grep -q '^503' "target/heap-flood-$n.code"; then
    code=$(post "flood-$n" '' "target/heap-flood-$n.json" | cut -d' ' -f1)
    [ "$code" = 200 ] || { echo "batch $n sent again: $code"; exit 1; }
  fi
done
stored=$(PGOPTIONS="-c client_min_messages=warning" psql -h 127.0.0.1 -U postgres -d "$db" -Atc \
         "SELECT count(*) FROM $schema.evaluation WHERE inspection_id LIKE 'FLOOD-%'")
echo "== the refused batches sent again one at a time: $stored of $((FLOOD * 1000)) flood documents stored"
[ "$stored" -eq $((FLOOD * 1000)) ]
curl -sf "http://127.0.0.1:$management_port/q/health/ready" >/dev/null && echo "== service alive and ready; RSS: $(ps -o rss= -p $pid | awk '{printf "%.0f MiB", $1/1024}')"
