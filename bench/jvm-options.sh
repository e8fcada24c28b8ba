#!/usr/bin/env bash
# The JVM options the service's image starts it with, read from application.properties (the one place they
# are set): quarkus.jib.jvm-additional-arguments, space-separated. With a name, that environment variable of
# the image instead (e.g. MALLOC_ARENA_MAX). Used by bench/load.sh and bench/heap.sh.
set -euo pipefail
props="$(dirname "$0")/../src/main/resources/application.properties"
if [[ $# -eq 1 ]]; then
  sed -n "s/^quarkus\.jib\.environment-variables\.\"$1\"=//p" "$props"
else
  sed -n 's/^quarkus\.jib\.jvm-additional-arguments=//p' "$props" | tr ',' ' '
fi
