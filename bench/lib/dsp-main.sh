#!/usr/bin/env bash
# Builds audio-dsp and runs one of its benchmark mains on one processor (CPU times comparable across machines).
# Usage: bench/lib/dsp-main.sh MAIN_CLASS [ARGS...]; the bench/watermark-*.sh scripts call it.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo"
. bin/jdk-env
main=$1
shift
./mvnw -q -B -o -DskipTests install -pl audio-dsp -am
./mvnw -q -B -o -pl audio-dsp test-compile
./mvnw -q -B -o -pl audio-dsp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/wm-bench.classpath
exec java -XX:ActiveProcessorCount=1 \
  -cp "audio-dsp/target/test-classes:audio-dsp/target/classes:$(cat audio-dsp/target/wm-bench.classpath)" \
  "$main" "$@"
