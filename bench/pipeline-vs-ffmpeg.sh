#!/usr/bin/env bash
# Pipeline wall time vs raw ffmpeg for the same outputs, on a 5-minute 44.1 kHz/24-bit stereo track.
# Usage: bench/pipeline-vs-ffmpeg.sh [TRACK_SECONDS=300] [RUNS=3]
exec "$(dirname "$0")/lib/app-main.sh" com.audiostems.app.bench.PipelineBenchmark "$@"
