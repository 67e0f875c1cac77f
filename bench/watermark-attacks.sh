#!/usr/bin/env bash
# The watermark against real leaks on the held-out split of bench/watermark-material.sh: marks every track, attacks
# it with ffmpeg (MP3/AAC encoders, white noise, asetrate+aresample speed changes, atempo stretches) and rubberband
# (stretches), amounts drawn at random within ±3 % (seeded), and prints found/total per attack, false detections on
# unmarked excerpts and with a wrong key, SNR, masking and CPU times (WatermarkAttackBenchmark).
# Usage: bench/watermark-attacks.sh [MATERIAL_SPLIT_DIR=~/.cache/audiostems/watermark-material/heldout] [SEED] [UNMARKED=1000]
#        [ROWS=regex] [VERSION=1|2: the mark version written, default the embedder's] [TRACKS=all: the first TRACKS renders]
# Needs: ffmpeg, rubberband (apt-get install -y rubberband-cli), the material (bench/watermark-material.sh).
exec "$(dirname "$0")/lib/dsp-main.sh" com.audiostems.dsp.watermark.WatermarkAttackBenchmark "$@"
