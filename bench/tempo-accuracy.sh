#!/usr/bin/env bash
# Tempo Accuracy1/Accuracy2 of the rules and of the tempo model on the held-out split (songs never
# trained or tuned on) of rendered tempo material, and the engine's speed with the model on CPU.
# Usage: bench/tempo-accuracy.sh MATERIAL_DIR [MATERIAL_DIR...]
#   (material: training/tempo/make_material.py; see training/tempo/README.md)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
. bin/jdk-env
./mvnw -o -q -B -DskipTests install -pl audio-dsp,workflows,activities
./mvnw -o -q -B -pl activities dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
exec java -XX:ActiveProcessorCount=1 -cp "activities/target/test-classes:activities/target/classes:$(cat activities/target/bench.classpath)" \
  com.audiostems.activities.bench.TempoAccuracyBenchmark "$@"
