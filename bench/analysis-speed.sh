#!/usr/bin/env bash
# Analysis speed in × real time on one core, on a synthesised 5-minute 44.1 kHz stereo track:
# the engine from memory (per analyser) and decode + engine through the ffmpeg pipe.
# Usage: bench/analysis-speed.sh [TRACK_SECONDS=300] [RUNS=5]
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
. bin/jdk-env
./mvnw -q -B -DskipTests install -pl audio-dsp,workflows,storage,activities -am
./mvnw -q -B -pl activities dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
exec java -XX:ActiveProcessorCount=1 -cp "activities/target/test-classes:activities/target/classes:$(cat activities/target/bench.classpath)" \
  com.audiostems.activities.bench.AnalysisBenchmark "$@"
