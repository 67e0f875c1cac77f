#!/usr/bin/env bash
# The watermark against real leaks on the held-out split of bench/watermark-material.sh: marks every track, attacks
# it with ffmpeg (MP3/AAC encoders, white noise, asetrate+aresample speed changes, atempo stretches) and rubberband
# (stretches), amounts drawn at random within ±3 % (seeded), and prints found/total per attack, false detections on
# unmarked excerpts and with a wrong key, SNR, masking and CPU times (WatermarkAttackBenchmark).
# Usage: bench/watermark-attacks.sh [MATERIAL_SPLIT_DIR=~/.cache/audiostems/watermark-material/heldout] [SEED] [UNMARKED=1000]
# Needs: ffmpeg, rubberband (apt-get install -y rubberband-cli), the material (bench/watermark-material.sh).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
. bin/jdk-env
./mvnw -q -B -o -DskipTests install -pl audio-dsp -am
./mvnw -q -B -o -pl audio-dsp test-compile
./mvnw -q -B -o -pl audio-dsp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/wm-bench.classpath
exec java -XX:ActiveProcessorCount=1 \
  -cp "audio-dsp/target/test-classes:audio-dsp/target/classes:$(cat audio-dsp/target/wm-bench.classpath)" \
  com.audiostems.dsp.watermark.WatermarkAttackBenchmark "$@"
