#!/usr/bin/env bash
# The persistent fingerprint index (Lucene) at catalogue scale: build time, size on disk, lookup
# latency p50/p99 of 10 s queries and whether each found its track. Not a test.
# Usage: bench/fingerprint-index.sh [key=value ...]
#   tracks=100000 real=300 realSeconds=60 fillerSeconds=180 hashesPerSecond=measured
#   poolPieces=300 poolSeconds=30 fillerModel=transposed|real|pool|fields segmentSeconds=10
#   noiseDb=10|none querySeconds=10 negatives=30 ramBufferMb=512 segments=1 timedQueries=all
#   inMemory=false budget=default|exact|N[,...] loaders=2 dir=/tmp/fingerprint-index-bench
#   keep=false reuse=false diagnosticQueries=20 seed=1
# (what they mean: the javadoc of activities/src/test/.../bench/FingerprintIndexBenchmark.java)
# Environment: JAVA_HEAP (default 4g); MVN_FLAGS, extra Maven flags (e.g. -Dmaven.repo.local=...).
# The index needs about 11 bytes per posting on disk, and as much again while it is force-merged.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
. bin/jdk-env
./mvnw -q -B ${MVN_FLAGS:-} -DskipTests install -pl audio-dsp,workflows,storage,activities -am
./mvnw -q -B ${MVN_FLAGS:-} -pl activities dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
exec java -Xmx"${JAVA_HEAP:-4g}" -cp "activities/target/test-classes:activities/target/classes:$(cat activities/target/bench.classpath)" \
  com.audiostems.activities.bench.FingerprintIndexBenchmark "$@"
