#!/usr/bin/env bash
# N tracks submitted at once through one serve's REST gateway, every output; prints wall time, gateway
# latency under the load, serve's heap high-water mark (-Xmx1g) and activity timeouts.
# Usage: bench/load.sh [TRACKS=1000] [TRACK_SECONDS=2]
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
. bin/jdk-env
./mvnw -q -B -DskipTests install
./mvnw -q -B -pl app dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
exec java -cp "app/target/test-classes:app/target/classes:$(cat app/target/bench.classpath)" \
  com.audiostems.app.bench.LoadBenchmark "$@"
