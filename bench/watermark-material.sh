#!/usr/bin/env bash
# Rebuilds the watermark benchmark's material outside the repository: General MIDI renders of public piano MIDI
# files (the fanhongtao/MidiPlayers collection on GitHub, commit 80432f7), each re-voiced with one of 12 General MIDI
# programs (piano, electric piano, organ, strings, brass, guitar, choir, harpsichord, pad, ...) and rendered with one
# of two soundfonts (FluidR3 GM, TimGM6mb) by fluidsynth at 44.1 kHz stereo, 45 s from 15 s into the piece.
# Tracks are split by index: even = "tune" (may be used while developing), odd = "heldout" (only for the table).
# None of the independent acceptance sets (GTZAN, Ballroom, ...) is used.
#
# Usage: bench/watermark-material.sh [MIDI_REPO_GIT_DIR] [TRACKS=64]
#   MIDI_REPO_GIT_DIR: a git directory holding commit 80432f7 of fanhongtao/MidiPlayers
#   (default /work/.mirror/fanhongtao+MidiPlayers/repo, as the session's fetch tool mirrors it; otherwise clone it).
# Needs: apt-get install -y fluidsynth fluid-soundfont-gm timgm6mb-soundfont rubberband-cli ffmpeg python3-venv
set -euo pipefail
src=${1:-/work/.mirror/fanhongtao+MidiPlayers/repo}
tracks=${2:-64}
out=${WATERMARK_MATERIAL:-/root/.cache/audiostems/watermark-material}
commit=80432f7ea02d334c66c680784f3ed0fc59935cb6
mkdir -p "$out/midi" "$out/tune" "$out/heldout"
if [ ! -x "$out/venv/bin/python" ]; then
  python3 -m venv "$out/venv"
  "$out/venv/bin/pip" -q install mido==1.3.3
fi
# every k-th MIDI file of the sorted list, larger than 8 kB (long enough for 60 s)
mapfile -t files < <(git --git-dir="$src" ls-tree -r -l "$commit" | awk -F'\t' '{split($1, a, " ")} a[4] > 8000 && tolower($2) ~ /\.mid$/ {print $2}' | LC_ALL=C sort)
step=$(( ${#files[@]} / tracks ))
programs=(0 4 19 48 61 25 52 6 89 11 71 33)
fonts=(/usr/share/sounds/sf2/FluidR3_GM.sf2 /usr/share/sounds/sf2/TimGM6mb.sf2)
for ((i = 0; i < tracks; i++)); do
  f=${files[$((i * step))]}
  split=$([ $((i % 2)) -eq 0 ] && echo tune || echo heldout)
  wav="$out/$split/$(printf 'gm%03d' "$i").wav"
  [ -s "$wav" ] && continue
  mid="$out/midi/$(printf 'gm%03d' "$i").mid"
  git --git-dir="$src" show "$commit:$f" > "$mid.src"
  prog=${programs[$((i % ${#programs[@]}))]}
  if ! "$out/venv/bin/python" - "$mid.src" "$mid" "$prog" <<'PY'
import sys, mido
src, dst, prog = sys.argv[1], sys.argv[2], int(sys.argv[3])
m = mido.MidiFile(src, clip=True)
if m.type == 0 and len(m.tracks) != 1:
    m.type = 1
for t in m.tracks:
    t[:] = [x for x in t if x.type != 'program_change']
    chans = sorted({x.channel for x in t if hasattr(x, 'channel') and x.channel != 9})
    for c in chans:
        t.insert(0, mido.Message('program_change', channel=c, program=prog, time=0))
m.save(dst)
PY
  then
    echo "skipped (unreadable MIDI): $f" >&2
    rm -f "$mid.src"
    continue
  fi
  font=${fonts[$((i / 2 % 2))]}
  fluidsynth -ni -g 0.6 -r 44100 -F "$mid.raw.wav" "$font" "$mid" >/dev/null 2>&1
  ffmpeg -nostdin -v error -y -ss 15 -t 45 -i "$mid.raw.wav" -ar 44100 -ac 2 -c:a pcm_s16le "$wav"
  rm -f "$mid.raw.wav" "$mid.src"
  printf '%s\t%s\tprogram %d\t%s\t%s\n' "$(basename "$wav")" "$split" "$prog" "$(basename "$font")" "$f" >> "$out/index.tsv"
done
echo "material in $out: $(ls "$out/tune" | wc -l) tune, $(ls "$out/heldout" | wc -l) held-out tracks"
