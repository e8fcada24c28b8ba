#!/usr/bin/env bash
# Issue #13's P2, profiled: the service's CPU time per dry run and per trivial GET (utime + stime of the
# service's process over the run / requests answered: on a shared machine this says more than req/s), and a
# JFR recording at 1 ms sampling taken only while the dry runs run (bench/jfr-split.py and bench/jfr-top.py read it).
# Starts the packaged service as bench/dryrun.sh does (bench/service.sh: PORT, MANAGEMENT_PORT, SCHEMA, DB, APP,
# JAVA_OPTS; the image's JVM options when JAVA_OPTS is unset), warms up (WARMUP seconds of dry runs, default 60),
# then measures.
# Usage: bench/dryrun-profile.sh [recording, default target/dryrun.jfr; - for none] [seconds, default 30] [connections, default 8]
set -euo pipefail
cd "$(dirname "$0")/.."
recording=${1:-target/dryrun.jfr}
[[ $recording == - ]] || recording=$(realpath -m "$recording")
seconds=${2:-30}
connections=${3:-8}
settings=target/profile-1ms.jfc
sed 's|<setting name="period" control="method-sampling-java-interval">[^<]*<|<setting name="period" control="method-sampling-java-interval">1 ms<|' \
    "$(dirname "$(readlink -f "$(command -v java)")")/../lib/jfr/profile.jfc" > "$settings"
JAVA_OPTS=${JAVA_OPTS:-$(bench/jvm-options.sh)}
source bench/service.sh
# CPU ticks of the whole service, and of the threads that serve requests (event loops and workers; not the JIT
# compilers, whose share on a shared machine depends on how far warm-up got)
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
request_ticks() {
  for t in /proc/$pid/task/*; do
    case "$(cat "$t/comm" 2>/dev/null)" in vert.x-eventloo*|executor-thread*) awk '{print $14 + $15}' "$t/stat" 2>/dev/null ;; esac
  done | awk '{s += $1} END {print s + 0}'
}
hz=$(getconf CLK_TCK)
measure() { # name, then wrk's arguments: req/s and the service's CPU per request
  local name=$1; shift
  local before; before=$(ticks)
  local before_requests; before_requests=$(request_ticks)
  local out; out=$(wrk -t 2 -c "$connections" -d "${seconds}s" "$@")
  local used=$(( $(ticks) - before ))
  local used_requests=$(( $(request_ticks) - before_requests ))
  echo "$out" | awk -v name="$name" -v used="$used" -v ur="$used_requests" -v hz="$hz" '/requests in/ {n=$1} /Requests\/sec/ {r=$2}
    END {printf "%-40s %9s req/s  service CPU %5.0f us/request (request threads %5.0f)\n", name, r, used / hz * 1e6 / n, ur / hz * 1e6 / n}'
}
DRY_RUN=true wrk -t 2 -c "$connections" -d "${WARMUP:-60}s" -s bench/post-evaluation.lua "$base" >/dev/null # warm-up
wrk -t 2 -c "$connections" -d 5s "http://127.0.0.1:$management_port/q/health/live" >/dev/null
measure "GET /q/health/live (management port)" "http://127.0.0.1:$management_port/q/health/live"
[[ $recording == - ]] || jcmd $pid JFR.start name=dryrun settings="$(realpath $settings)" >/dev/null
DRY_RUN=true measure "POST /api/v1/evaluations?dryRun=true" -s bench/post-evaluation.lua "$base"
if [[ $recording != - ]]; then
  jcmd $pid JFR.dump name=dryrun filename="$recording" >/dev/null
  jcmd $pid JFR.stop name=dryrun >/dev/null
  echo "recording: $recording (bench/jfr-split.py $recording)"
fi
