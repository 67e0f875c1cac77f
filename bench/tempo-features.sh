#!/usr/bin/env bash
# The tempo-level features (audio-dsp's TempoLevels, the pipeline's own code) of every excerpt of a
# rendered tempo material folder, as the CSV training/tempo/train.py reads.
# Usage: bench/tempo-features.sh MATERIAL_DIR OUT_CSV [TEMPOGRAM_CSV]
#        bench/tempo-features.sh --synth COUNT OUT_CSV [TEMPOGRAM_CSV]
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
. bin/jdk-env
./mvnw -o -q -B -pl audio-dsp test-compile
./mvnw -o -q -B -pl audio-dsp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
exec java -XX:ActiveProcessorCount=1 -cp "audio-dsp/target/test-classes:audio-dsp/target/classes:$(cat audio-dsp/target/bench.classpath)" \
  com.audiostems.dsp.rhythm.TempoFeatureDump "$@"
