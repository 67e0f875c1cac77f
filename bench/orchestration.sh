#!/usr/bin/env bash
# The orchestration's own cost: N track workflows through one worker JVM on a Temporal CLI dev server,
# every activity answered at once from a recording of a real 1 s track (OrchestrationBenchmark).
# Usage: bench/orchestration.sh [WORKFLOWS=2000] [IN_FLIGHT=200]
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
. bin/jdk-env
./mvnw -q -B -DskipTests install
./mvnw -q -B -pl app dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
exec java -cp "app/target/test-classes:app/target/classes:$(cat app/target/bench.classpath)" \
  com.audiostems.app.bench.OrchestrationBenchmark "$@"
