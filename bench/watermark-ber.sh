#!/usr/bin/env bash
# Where the watermark's hard cells lose the mark (exploratory, WatermarkBerProbe): on the first TRACKS renders of a
# material split, per attack, found / tried and the coded-bit error rate before the convolutional code at the
# detector's own sync (first-pass weights, and weights measured against the true codeword).
# Usage: bench/watermark-ber.sh [MATERIAL_SPLIT_DIR=~/.cache/audiostems/watermark-material/tune] [TRACKS=8] [SEED=7] [ROWS=regex] [VERSION=1|2]
exec "$(dirname "$0")/lib/dsp-main.sh" com.audiostems.dsp.watermark.WatermarkBerProbe "$@"
