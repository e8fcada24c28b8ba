#!/usr/bin/env bash
# Times a rule-change impact preview over a whole city: seeds N stored inspections (default 50,000) by
# cloning a few evaluations the service stored itself (SQL generate_series, new ids, buildings and
# jurisdictions, in the service's own schema), then previews an uploaded threshold change and polls the job
# until DONE, printing its progress. Starts the packaged service on its own ports and schema (dropped
# afterwards). Usage: bench/preview.sh [count]   (database: FIRECHECK_BENCH_DB, default postgres)
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-50000}
PORT=${FIRECHECK_BENCH_PORT:-8140} MANAGEMENT_PORT=${FIRECHECK_BENCH_MANAGEMENT_PORT:-8141}
SCHEMA=firecheck_preview_bench DB=${FIRECHECK_BENCH_DB:-postgres}
psql_() { psql -h 127.0.0.1 -U postgres -d "$db" -v ON_ERROR_STOP=1 -qAt "$@"; }
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -q -B package -DskipTests >&2
SERVICE_LOG=target/preview-service.log READY_SECONDS=180 TOKEN_NAME=preview-bench
source bench/service.sh
api="http://127.0.0.1:$port/api/v1"
client=$FIRECHECK_TOKEN
author=$(service_cli token --role rule-author --name preview-bench)

# three real evaluations to clone: compliant, a major hazard, the spec's example
python3 - "$api" "$client" <<'PY'
import json, sys, urllib.request, uuid
api, token = sys.argv[1], sys.argv[2]
def post(doc):
    req = urllib.request.Request(api + "/evaluations", json.dumps(doc).encode(), method="POST",
        headers={"content-type": "application/json", "authorization": "Bearer " + token})
    return json.load(urllib.request.urlopen(req))["classification"]
tower = json.load(open("test-fixtures/base/residential-tower.json"))
major = json.loads(json.dumps(tower)); major["fireSystems"]["sprinkler"] = "NOT_INSTALLED"
example = json.load(open("test-fixtures/spec/example-residential-tower.json"))["document"]
for i, doc in enumerate([tower, major, example]):
    doc["inspection"]["id"] = "SEED-%d" % i
    doc["building"]["id"] = "SEED-B-%d" % i
    print("   seed", i, post(doc))
PY
echo "== cloning to $count stored inspections"
start=$(date +%s.%N)
psql_ <<SQL
SET search_path TO $schema;
WITH seed AS (SELECT row_number() OVER (ORDER BY inspection_id) - 1 AS k, e.* FROM evaluation e WHERE inspection_id LIKE 'SEED-%')
INSERT INTO evaluation (id, inspection_id, building_id, jurisdiction, inspection_date, classification, rule_set_version,
                        evaluated_at, document, result, submitted_by)
SELECT gen_random_uuid(), 'PB-' || n, 'PB-B-' || n, d.jurisdiction, e.inspection_date, e.classification, e.rule_set_version,
       e.evaluated_at,
       jsonb_set(jsonb_set(jsonb_set(e.document, '{inspection,id}', to_jsonb('PB-' || n)),
                 '{building,id}', to_jsonb('PB-B-' || n)), '{building,jurisdiction}', to_jsonb(d.jurisdiction)),
       jsonb_set(jsonb_set(e.result, '{inspectionId}', to_jsonb('PB-' || n)), '{buildingId}', to_jsonb('PB-B-' || n)),
       'preview-bench'
FROM generate_series(1, $count - 3) n
JOIN seed e ON e.k = n % 3
CROSS JOIN LATERAL (SELECT (ARRAY['天河区','越秀区','海珠区','白云区','番禺区'])[1 + n % 5] || '·第' || (n % 20) || '街道' AS jurisdiction) d;
ANALYZE evaluation;
SQL
echo "   $(psql_ -c "SELECT count(*) FROM $schema.evaluation") stored in $(echo "$(date +%s.%N) - $start" | bc) s"

# the candidate: the shipped folder with the residential high-rise height lowered from 27 to 20 m
python3 - > target/preview-request.json <<'PY'
import json, os
files = {}
for root, _, names in os.walk("rules"):
    for n in sorted(names):
        p = os.path.join(root, n); rel = os.path.relpath(p, "rules")
        if rel.endswith(".drl") or rel == "thresholds.properties":
            files[rel] = open(p, encoding="utf-8").read()
files["thresholds.properties"] = files["thresholds.properties"].replace(
    "scope.highRise.residential.heightM = 27", "scope.highRise.residential.heightM = 20")
files["evacuation.drl"] = files["evacuation.drl"] + "\n// touched by bench/preview.sh\n"
print(json.dumps({"files": files}))
PY
echo "== preview (compile + re-evaluate $count buildings)"
t0=$(date +%s.%N)
location=$(curl -s -o target/preview-started.json -D - -H "Authorization: Bearer $author" -H 'content-type: application/json' \
    --data-binary @target/preview-request.json "$api/rules/preview" | tr -d '\r' | awk 'tolower($1)=="location:"{print $2}')
t1=$(date +%s.%N)
[ -n "$location" ] || { echo "no job started:"; cat target/preview-started.json; exit 1; }
echo "   202 after $(echo "$t1 - $t0" | bc) s (compile): $location"
while true; do
  curl -s -H "Authorization: Bearer $author" "$location" > target/preview-job.json
  status=$(python3 -c "import json; j=json.load(open('target/preview-job.json')); print(j['status'], j['done'], j['total'])")
  echo "   $(echo "$(date +%s.%N) - $t1" | bc | cut -c1-5) s: $status"
  case $status in DONE*|FAILED*) break;; esac
  sleep 1
done
t2=$(date +%s.%N)
python3 - <<'PY'
import json
j = json.load(open("target/preview-job.json"))
r = j.get("result") or {}
print("== status", j["status"], j.get("problem") or "")
print("   evaluated", r.get("evaluated"), "changed", r.get("changed"), "failed", r.get("failed"))
print("  ", r.get("summaryZh"))
PY
echo "== job $(echo "$t2 - $t1" | bc) s after 202; total $(echo "$t2 - $t0" | bc) s; service RSS $(ps -o rss= -p $pid | awk '{printf "%.0f MiB", $1/1024}')"
grep "Rule preview" target/preview-service.log | tail -1
