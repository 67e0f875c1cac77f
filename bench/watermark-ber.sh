#!/usr/bin/env bash
# Where the watermark's hard cells lose the mark (exploratory, WatermarkBerProbe): on the first TRACKS renders of a
# material split, per attack, found / tried and the coded-bit error rate before the convolutional code at the
# detector's own sync (first-pass weights, and weights measured against the true codeword).
# Usage: bench/watermark-ber.sh [MATERIAL_SPLIT_DIR=~/.cache/audiostems/watermark-material/tune] [TRACKS=8] [SEED=7] [ROWS=regex]
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
. bin/jdk-env
./mvnw -q -B -o -DskipTests install -pl audio-dsp -am
./mvnw -q -B -o -pl audio-dsp test-compile
./mvnw -q -B -o -pl audio-dsp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/wm-bench.classpath
exec java -XX:ActiveProcessorCount=1 \
  -cp "audio-dsp/target/test-classes:audio-dsp/target/classes:$(cat audio-dsp/target/wm-bench.classpath)" \
  com.audiostems.dsp.watermark.WatermarkBerProbe "$@"
