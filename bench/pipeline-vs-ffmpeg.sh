#!/usr/bin/env bash
# Pipeline wall time vs raw ffmpeg for the same outputs, on a 5-minute 44.1 kHz/24-bit stereo track.
# Usage: bench/pipeline-vs-ffmpeg.sh [TRACK_SECONDS=300] [RUNS=3]
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
. bin/jdk-env
./mvnw -q -B -DskipTests install
./mvnw -q -B -pl app dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
exec java -cp "app/target/test-classes:app/target/classes:$(cat app/target/bench.classpath)" \
  com.audiostems.app.bench.PipelineBenchmark "$@"
