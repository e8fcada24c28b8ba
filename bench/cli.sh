#!/usr/bin/env bash
# bin/firecheck without and with its compiled-rules cache and class-data archive, run alternately (so both
# see the same machine state): wall, user and sys seconds per run. Needs target/quarkus-app.
#   bench/cli.sh [rounds]        (default 3)
# "cold" is every run as on a fresh build: FIRECHECK_CACHE=off FIRECHECK_CDS=off (compile, probe, no archive).
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-3}"
fixture=test-fixtures/access/aerial-site-low-rise-boundary.json
commands=("validate" "test" "explain $fixture")

for command in "${commands[@]}"; do
    # shellcheck disable=SC2086
    bin/firecheck $command >/dev/null 2>&1 || true # the archive and the cache, made once
done
echo "uptime: $(uptime)"
printf '%-9s %-5s %8s %8s %8s\n' command mode wall user sys
for ((r = 1; r <= rounds; r++)); do
    for command in "${commands[@]}"; do
        for mode in cold warm; do
            if [[ $mode == cold ]]; then env=(FIRECHECK_CACHE=off FIRECHECK_CDS=off); else env=(); fi
            # shellcheck disable=SC2086
            t="$(env "${env[@]}" /usr/bin/time -f '%e %U %S' bin/firecheck $command 2>&1 >/dev/null | tail -n 1)"
            read -r wall user sys <<<"$t"
            printf '%-9s %-5s %8s %8s %8s\n' "${command%% *}" "$mode" "$wall" "$user" "$sys"
        done
    done
done
