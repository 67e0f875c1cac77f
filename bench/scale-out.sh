#!/usr/bin/env bash
# The pools as separate processes on this machine (worker --pool cpu x N, --pool gpu, --pool catalogue, the
# Temporal CLI dev server), the same tracks at once for each N: tracks an hour, CPU-seconds per track-minute
# by pool, peak queue backlog, and the cost model for 10,000 five-minute tracks an hour.
# Usage: bench/scale-out.sh [CPU_PROCESSES=1,2,4] [TRACKS=16] [TRACK_SECONDS=60]
exec "$(dirname "$0")/lib/app-main.sh" com.audiostems.app.bench.ScaleOutBenchmark "$@"
