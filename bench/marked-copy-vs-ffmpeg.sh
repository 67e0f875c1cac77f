#!/usr/bin/env bash
# A licensee's marked MP3 320k copy of a 5-minute 44.1 kHz/24-bit stereo track (decode the master,
# embed the mark, encode, tag, store) vs ffmpeg alone encoding that MP3 from the master with the
# pipeline's own arguments, in the same run. Medians of RUNS; the goal is a ratio <= 1.3.
# Usage: bench/marked-copy-vs-ffmpeg.sh [TRACK_SECONDS=300] [RUNS=3]
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
. bin/jdk-env
./mvnw -q -B -DskipTests install -pl audio-dsp,workflows,storage,activities -am
./mvnw -q -B -pl activities dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
exec java -cp "activities/target/test-classes:activities/target/classes:$(cat activities/target/bench.classpath)" \
  com.audiostems.activities.bench.MarkedCopyBenchmark "$@"
