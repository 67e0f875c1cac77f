#!/usr/bin/env bash
# Builds the project and runs one of app's benchmark mains (app/src/test/.../bench) with app's test classpath.
# Usage: bench/lib/app-main.sh MAIN_CLASS [ARGS...]; the bench/*.sh scripts call it.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo"
. bin/jdk-env
main=$1
shift
./mvnw -q -B -DskipTests install
./mvnw -q -B -pl app dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
# audio-dsp's own classes: the classpath names its test jar but not its main one.
exec java -cp "app/target/test-classes:app/target/classes:audio-dsp/target/classes:$(cat app/target/bench.classpath)" \
  "$main" "$@"
