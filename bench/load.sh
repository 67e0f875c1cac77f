#!/usr/bin/env bash
# N tracks submitted at once through one serve's REST gateway, every output; prints wall time, gateway
# latency under the load, serve's heap high-water mark (-Xmx1g) and activity timeouts.
# Usage: bench/load.sh [TRACKS=1000] [TRACK_SECONDS=2]
exec "$(dirname "$0")/lib/app-main.sh" com.audiostems.app.bench.LoadBenchmark "$@"
