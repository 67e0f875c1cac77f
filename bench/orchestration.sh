#!/usr/bin/env bash
# The orchestration's own cost: N track workflows through one worker JVM on a Temporal CLI dev server,
# every activity answered at once from a recording of a real 1 s track (OrchestrationBenchmark).
# Usage: bench/orchestration.sh [WORKFLOWS=2000] [IN_FLIGHT=200]
exec "$(dirname "$0")/lib/app-main.sh" com.audiostems.app.bench.OrchestrationBenchmark "$@"
