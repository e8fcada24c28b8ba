#!/usr/bin/env bash
# bin/firecheck with and without its class-data archives and its compiled-rules cache: the same output.
# Each command runs without an archive and cache (reference), then twice more (the first run makes the
# archive and fills the cache, the second uses both). Needs target/quarkus-app (./mvnw package).
set -euo pipefail
cd "$(dirname "$0")/.."

app=target/quarkus-app
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fixture="$(find test-fixtures -name '*.json' | sort | sed -n 1p)" # sed reads all: head could end sort with SIGPIPE (141 under pipefail)

# the summary line ends with the run's duration, "(1.2 s)": the only part that may differ
run() {
    bin/firecheck "$@" 2>/dev/null | sed -E 's/ \([0-9]+\.[0-9] s\)$//' || true
}

rm -rf "$app/cds" target/firecheck/cache
for command in validate test "explain $fixture"; do
    name="${command%% *}"
    # shellcheck disable=SC2086
    FIRECHECK_CDS=off run $command >"$work/$name.plain"
    rm -rf target/firecheck/cache
    # shellcheck disable=SC2086
    run $command >"$work/$name.first"
    [[ -f "$app/cds/$name.jsa" ]] || { echo "FAIL $name: no class archive was made"; exit 1; }
    # shellcheck disable=SC2086
    run $command >"$work/$name.second"
    for variant in first second; do
        if ! diff -u "$work/$name.plain" "$work/$name.$variant"; then
            echo "FAIL $name: the output differs with the archive and cache ($variant run)"
            exit 1
        fi
    done
    [[ -s "$work/$name.plain" ]] || { echo "FAIL $name: no output"; exit 1; }
    echo "ok   $name: the same output without, while making, and with the archive and cache"
done

# a damaged archive is ignored, not fatal
head -c 4096 "$app/cds/validate.jsa" >"$work/damaged.jsa" && mv "$work/damaged.jsa" "$app/cds/validate.jsa"
touch "$app/cds/validate.jsa"
diff -u "$work/validate.plain" <(run validate) && echo "ok   validate: a damaged archive is ignored"
rm -f "$app/cds/validate.jsa"
