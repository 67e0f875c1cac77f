#!/usr/bin/env bash
# The lossy-transcode rule (audio-dsp LossyTranscodeCheck) on fluidsynth renders of General MIDI
# (a tuning and a held-out set; sound fonts FluidR3_GM, TimGM6mb, MuseScore_General) and on their
# LAME/AAC transcodes at 128-320k, plus the quality defect suite's transcodes: prints per file the
# verdict and the cut-off evidence, then per set the lossless renders accused and transcodes caught.
# Needs fluidsynth, ffmpeg and the sound fonts (see .ci/run). Renders and encodes are cached in WORK_DIR.
# Usage: bench/transcode-alarm.sh WORK_DIR [MIDI_DIR with multi-track songs, e.g. POP909's]
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
. bin/jdk-env
./mvnw -o -q -B -pl audio-dsp test-compile
./mvnw -o -q -B -pl audio-dsp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
exec java -cp "audio-dsp/target/test-classes:audio-dsp/target/classes:$(cat audio-dsp/target/bench.classpath)" \
  com.audiostems.dsp.quality.TranscodeAlarmBench "$@"
